// Analysis for the facilitator's questions: the onion of salience classes, and what the
// network would lose if an actor left (issue 10).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, layoutIdle, showTab } from './app.mjs';
import { regionalDocument } from './regional.mjs';
import { storedDocument } from './generate.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

test('the onion shows every actor in its salience ring, with classes in the table and panel', async () => {
  const doc = regionalDocument({ positions: true });
  const { page, errors } = await harness.withStoredMap(doc, { width: 1920, height: 1080 });
  await showTab(page, 'Onion');
  const onion = page.getByRole('group', { name: 'The onion: actors by salience class' });
  await onion.waitFor();
  assert.equal(await onion.locator('g.onion-actor').count(), 40, 'every actor');
  // The regional map flags power for influence ≥ 4, urgency for interest ≥ 4, legitimacy
  // for organisations: Region Jönköpings län (5, 5, organisation) is definitive.
  await onion.getByRole('button', { name: 'Region Jönköpings län, RJL: Definitive' }).waitFor();
  const legend = page.getByRole('list', { name: 'Salience class' });
  const rings = await legend.getByRole('listitem').allTextContents();
  assert.equal(rings.length, 4);
  assert.match(rings[0], /^Definitive \(power, legitimacy and urgency\): Definitive \d+$/);
  assert.match(rings[1], /^Expectant \(two of three\): Dominant \d+ · Dangerous \d+ · Dependent \d+$/);
  const counts = rings.join(' ').match(/\d+/g).map(Number);
  assert.equal(counts.reduce((a, b) => a + b, 0), 40, 'the legend counts every actor once');
  await page.screenshot({ path: new URL('./output/onion-en-1920.png', import.meta.url).pathname });
  // Clicking an actor selects it: the panel names its class.
  await onion.getByRole('button', { name: 'Region Jönköpings län, RJL: Definitive' }).click();
  await page.locator('.salience-class', { hasText: 'Salience class: Definitive' }).waitFor();
  // Quick add takes the flags: *pu makes a dangerous actor.
  await page.getByRole('textbox', { name: 'Add actor' }).fill('Nytt bolag *pu');
  await page.getByRole('textbox', { name: 'Add actor' }).press('Enter');
  await onion.getByRole('button', { name: 'Nytt bolag: Dangerous' }).waitFor();
  // The table has the class as a column, and its filter finds by class.
  await showTab(page, 'Table');
  await page.getByRole('searchbox', { name: 'Filter actors' }).fill('dangerous');
  assert.deepEqual(await page.locator('table.actortable tbody td:nth-child(2)').evaluateAll((cells) => cells.map((c) => c.textContent.trim())), ['Nytt bolag']);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('what if the bridge left: the far group is cut off, and nothing changes', async () => {
  const actor = (id, name) => ({ id, name, influence: 3, interest: 3, x: 0, y: 0 });
  const names = ['Almi', 'Science Park', 'Jönköping University', 'Region Jönköpings län', 'Gislaveds kommun', 'Gnosjö kommun', 'Värnamo kommun', 'Vaggeryds kommun'];
  const ids = names.map((_, i) => `a${i}`);
  const link = (a, b, i) => ({ id: `r${i}`, from: ids[a], to: ids[b], kind: 'collaboration', strength: 2, directed: false, note: '' });
  // A bell of three, the region as the bridge, a bell of four.
  const pairs = [[0, 1], [1, 2], [2, 0], [2, 3], [3, 4], [4, 5], [5, 6], [6, 7], [7, 4]];
  const doc = storedDocument({
    id: 'barbell', title: 'Barbell', description: '', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z',
    sectors: [], actors: names.map((n, i) => actor(ids[i], n)), relations: pairs.map(([a, b], i) => link(a, b, i)),
  });
  const { page, errors } = await harness.withStoredMap(doc, { width: 1280, height: 800 });
  await layoutIdle(page);
  await page.getByRole('button', { name: /^Region Jönköpings län, influence/ }).click();
  await page.getByRole('button', { name: 'What if removed' }).click();
  const dialog = page.getByRole('dialog', { name: 'What if Region Jönköpings län left' });
  await dialog.waitFor();
  assert.match(await dialog.textContent(), /Connected parts: 1 before, 2 after\./);
  assert.deepEqual(await dialog.locator('.what-if-cut li').allTextContents(), ['Almi', 'Science Park', 'Jönköping University']);
  await page.screenshot({ path: new URL('./output/what-if-en-1280.png', import.meta.url).pathname });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await page.locator('svg.network g.node').count(), 8, 'the map is unchanged');
  assert.equal(await page.getByRole('button', { name: 'Undo' }).isDisabled(), true, 'nothing to undo');

  // Several at once, from the table's checked rows.
  await showTab(page, 'Table');
  for (const name of ['Almi', 'Region Jönköpings län']) {
    await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  }
  await page.getByRole('tabpanel').getByRole('button', { name: 'What if removed' }).click();
  const both = page.getByRole('dialog', { name: 'What if Almi, Region Jönköpings län left' });
  await both.waitFor();
  assert.deepEqual(await both.locator('.what-if-cut li').allTextContents(), ['Science Park', 'Jönköping University']);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('the council planner lists definitive and dominant actors and top brokers outside it, each one click away', async () => {
  const { page, errors } = await harness.withStoredMap(regionalDocument({ positions: true }), { width: 1920, height: 1080 });
  await showTab(page, 'Council');
  const listAfter = (heading) => page.locator('h3', { hasText: heading }).locator('xpath=following-sibling::ul[1]');
  const salient = listAfter('Definitive and dominant actors outside the council');
  const brokers = listAfter('Top brokers (highest betweenness) outside the council');
  await salient.locator('li').first().waitFor();
  await brokers.locator('li').first().waitFor();
  const name = (await salient.locator('li').first().textContent()).replace(/\s*Add$/, '').trim();
  await salient.getByRole('button', { name: `Add ${name} to the council` }).click();
  await page.waitForFunction(([n]) => ![...document.querySelectorAll('h3 + ul.missing-actors li')].some((li) => li.textContent.startsWith(`${n} `)), [name]);
  await page.getByRole('button', { name: 'Undo' }).click();
  await salient.locator('li', { hasText: name }).waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('Colour by Community colours the map by Louvain communities, with a legend, a table column and GraphML data', async () => {
  const { page, errors } = await harness.withStoredMap(regionalDocument({ positions: true }), { width: 1920, height: 1080 });
  await layoutIdle(page);
  const fills = () => page.locator('svg.network g.node circle').evaluateAll((cs) => cs.map((c) => c.getAttribute('fill')));
  const bySector = await fills();
  await page.getByRole('combobox', { name: 'Colour by' }).selectOption({ label: 'Community' });
  await page.locator('.legend', { hasText: 'Community 1' }).waitFor();
  const byCommunity = await fills();
  assert.notDeepEqual(byCommunity, bySector);
  // Actors alone in their community are grey; every group has a colour of its own.
  const groups = new Set(byCommunity.filter((f) => f !== '#b8bcc2')).size;
  assert.ok(groups >= 2 && groups <= 10, `${groups} communities`);
  assert.equal(await page.locator('.legend .legend-item', { hasText: /^Community \d+$/ }).count(), groups);
  await page.locator('.legend .legend-item', { hasText: 'Alone in its community' }).waitFor();
  // A higher resolution splits the map further.
  await page.getByRole('spinbutton', { name: 'Resolution' }).fill('3');
  await page.getByRole('spinbutton', { name: 'Resolution' }).press('Enter');
  await page.waitForFunction((n) => [...document.querySelectorAll('.legend .legend-item')]
    .filter((i) => /^Community \d+$/.test(i.textContent.trim())).length > n, groups);
  await page.screenshot({ path: new URL('./output/communities-en-1920.png', import.meta.url).pathname });
  // The table lists each actor's community once the column is chosen.
  await showTab(page, 'Table');
  await page.locator('details.columns summary').click();
  await page.getByRole('checkbox', { name: 'Community' }).check();
  const header = page.getByRole('columnheader', { name: 'Community' });
  assert.equal(await header.isVisible(), true);
  const numbers = await page.locator('table.actortable tbody tr td:nth-last-child(2)').allTextContents();
  assert.ok(numbers.every((n) => /^\d+$/.test(n.trim())), numbers.join(','));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export GraphML' }).click();
  const file = await download;
  const xml = await (await import('node:fs/promises')).readFile(await file.path(), 'utf8');
  assert.match(xml, /attr\.name="community" attr\.type="int"/);
  assert.equal((xml.match(/<data key="[^"]*community">\d+<\/data>/g) ?? []).length, 40);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('the panel names the first ten actors without relations and counts the rest, also after a burst of additions', async () => {
  const doc = regionalDocument({ positions: true });
  const { page, errors } = await harness.withStoredMap(doc, { width: 1280, height: 800 });
  const linked = new Set(doc.map.relations.flatMap((r) => [r.from, r.to]));
  const alone = doc.map.actors.filter((a) => !linked.has(a.id)).length;
  const list = page.locator('ul.isolated');
  await list.getByRole('button').first().waitFor();
  assert.equal(await list.getByRole('button').count(), Math.min(alone, 10));
  // A burst of new actors, none linked: the list is computed again once they stop coming.
  const box = page.getByRole('textbox', { name: 'Add actor' });
  const added = 12 - alone;
  for (let i = 1; i <= added; i++) {
    await box.fill(`Ensam aktör ${i}`);
    await box.press('Enter');
  }
  await list.getByText(`+ ${alone + added - 10} actors`).waitFor();
  assert.equal(await list.getByRole('button').count(), 10);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a new map says what the analysis will show instead of empty lists, and draws nothing on its canvas', async () => {
  const app = await harness.newApp();
  await app.newMap();
  const panel = app.page.locator('.analysis');
  await panel.getByText('once the map has actors').waitFor();
  assert.equal(await panel.locator('h3, ol, ul').count(), 0, 'no headings over empty lists');
  assert.equal(await app.page.locator('svg.network circle').count(), 0, 'no circle on an empty canvas');
  // The first actor brings the analysis back.
  await app.addActor('Tranås kommun');
  await panel.getByRole('heading', { name: 'Actors without relations' }).waitFor();
  await panel.locator('ul.isolated').getByRole('button', { name: 'Tranås kommun' }).waitFor();
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});
