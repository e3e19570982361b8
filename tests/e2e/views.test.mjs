// The map's tools for a room: layouts to choose from, the ego view of a selected actor,
// linking from the keyboard; a table that reads like a spreadsheet; a council whose every
// control can be reached at laptop and projector widths.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, layoutIdle, nodePositions, showTab, linesDrawn, linesDrawnReach } from './app.mjs';
import { regionalDocument } from './regional.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

/** The regional 40-actor map, laid out, open in English at `viewport`. */
async function openRegional(viewport = { width: 1920, height: 1080 }, change = () => {}) {
  const doc = regionalDocument({ positions: true });
  change(doc.map);
  const { page, errors } = await harness.withStoredMap(doc, viewport);
  await layoutIdle(page);
  return { page, doc, errors };
}

/** Waits (up to 5 s) for the nodes to stand at `expected`, then asserts they do. */
async function samePositions(page, expected, message) {
  await page.waitForFunction((want) => [...document.querySelectorAll('svg.network g.node')].every((n) => {
    const m = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(n.getAttribute('transform'));
    const at = want[n.getAttribute('aria-label').split(', influence')[0]];
    return at && Math.abs(at[0] - Number(m[1])) < 0.01 && Math.abs(at[1] - Number(m[2])) < 0.01;
  }), expected, { timeout: 5000 }).catch(() => {});
  assert.deepEqual(await nodePositions(page), expected, message);
}

const node = (page, name) => page.getByRole('button', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}, influence`) });

test('Layout: by sector, rings and back are each one undo step, and a pinned actor stays', async () => {
  const pinnedName = 'Region Jönköpings län';
  const { page, doc, errors } = await openRegional(undefined, (map) => { map.actors[0].pinned = true; });
  const layout = page.getByRole('combobox', { name: 'Layout' });
  const start = await nodePositions(page);

  await layout.selectOption({ label: 'By sector' });
  await page.locator('svg.network .sector-title').first().waitFor();
  const bySector = await nodePositions(page);
  const used = new Set(doc.map.actors.map((a) => a.sector));
  assert.equal(await page.locator('svg.network .sector-title').count(), used.size, 'one title per sector in use');
  assert.deepEqual(bySector[pinnedName], start[pinnedName], 'the pinned actor stays');
  const movedBySector = Object.keys(start).filter((n) => Math.hypot(bySector[n][0] - start[n][0], bySector[n][1] - start[n][1]) > 1);
  assert.ok(movedBySector.length >= 30, `the others move (${movedBySector.length})`);

  await layout.selectOption({ label: 'Rings by influence' });
  await page.locator('svg.network .ring').first().waitFor();
  const rings = await nodePositions(page);
  const influence = Object.fromEntries(doc.map.actors.map((a) => [a.name, a.influence]));
  const distances = (level) => Object.keys(rings).filter((n) => n !== pinnedName && influence[n] === level)
    .map((n) => Math.hypot(...rings[n]));
  for (let level = 1; level < 5; level++) {
    if (!distances(level).length || !distances(level + 1).length) continue;
    assert.ok(Math.min(...distances(level)) > Math.max(...distances(level + 1)),
      `influence ${level} lies outside influence ${level + 1}`);
  }

  // Each switch was one step: one undo goes back to by sector, another to the start.
  await page.keyboard.press('Control+z');
  await samePositions(page, bySector, 'one undo restores the by-sector picture');
  await page.keyboard.press('Control+z');
  await samePositions(page, start, 'another restores the start');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('Neighbourhood depth dims what is farther away and Only neighbourhood hides it', async () => {
  const { page, doc, errors } = await openRegional();
  const centre = doc.map.actors[0];
  // The expected neighbourhoods, from the file's relations.
  const adjacent = new Map(doc.map.actors.map((a) => [a.id, new Set()]));
  for (const r of doc.map.relations) { adjacent.get(r.from).add(r.to); adjacent.get(r.to).add(r.from); }
  const within = (depth) => {
    let reached = new Set([centre.id]);
    for (let d = 0; d < depth; d++) reached = new Set([...reached, ...[...reached].flatMap((id) => [...adjacent.get(id)])]);
    return reached.size;
  };
  await node(page, centre.name).click();
  // The ego view's controls are in the tool row's Neighbourhood menu.
  await page.locator('.maptools summary', { hasText: 'Neighbourhood' }).click();
  const depth = page.getByRole('combobox', { name: 'Neighbourhood depth' });
  for (const d of [1, 2, 3]) {
    await depth.selectOption(String(d));
    await page.waitForFunction((n) => document.querySelectorAll('svg.network g.node.near').length === n, within(d));
  }
  assert.ok(within(2) > within(1), 'depth 2 reaches farther than depth 1 on this map');
  await depth.selectOption('1');
  await page.getByRole('checkbox', { name: 'Only neighbourhood' }).check();
  const shown = await page.locator('svg.network g.node').evaluateAll((nodes) => nodes.filter((n) => getComputedStyle(n).display !== 'none').length);
  assert.equal(shown, within(1), 'only the neighbourhood shows');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('L links the selected actor from the keyboard, with the kind chosen in the same box', async () => {
  const { page, doc, errors } = await openRegional();
  const before = await linesDrawn(page);
  // An actor not yet linked to the first one.
  const from = doc.map.actors[0];
  const linked = new Set(doc.map.relations.filter((r) => r.from === from.id || r.to === from.id).flatMap((r) => [r.from, r.to]));
  const target = doc.map.actors.find((a) => !linked.has(a.id) && a.name.length > 8);
  await node(page, from.name).click();
  await page.keyboard.press('l');
  const search = page.getByRole('combobox', { name: 'Link to' });
  await search.waitFor();
  assert.ok(await search.evaluate((e) => e === document.activeElement), 'the search has the focus');
  await page.keyboard.type(target.name.slice(0, 8));
  await page.getByRole('option', { name: target.name }).waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  const kind = await page.getByRole('dialog').getByRole('combobox', { name: 'Relation kind' }).inputValue();
  assert.notEqual(kind, 'collaboration', 'the arrow key changed the kind');
  // Back to the search (the highlighted match is the first), Enter links.
  await search.focus();
  await page.keyboard.press('Enter');
  await search.waitFor({ state: 'hidden' });
  await linesDrawnReach(page, before + 1);
  assert.equal(await linesDrawn(page, kind) >= 1, true);
  // The kind last used is the default next time.
  await page.keyboard.press('l');
  assert.equal(await page.getByRole('dialog').getByRole('combobox', { name: 'Relation kind' }).inputValue(), kind);
  await page.keyboard.press('Escape');
  await search.waitFor({ state: 'hidden' });
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('the table reads as text, edits like a spreadsheet and hides columns', async () => {
  const { page, errors } = await openRegional();
  await showTab(page, 'Table');
  const longest = 'Studieförbundet Vuxenskolan Jönköpings län';
  const cell = page.getByRole('button', { name: `Name of ${longest}: ${longest}` });
  await cell.waitFor();
  assert.equal(await page.locator('table.actortable select, table.actortable input[type="text"]').count(), 0, 'no cell is a field until used');
  const { height, clipped } = await cell.evaluate((e) => ({ height: e.getBoundingClientRect().height, clipped: e.scrollWidth > e.clientWidth }));
  assert.ok(height < 48 && !clipped, `the longest name is on one line, whole (${height} px high)`);
  for (const column of ['Influence', 'Attitude']) {
    const header = await page.getByRole('columnheader', { name: column }).boundingBox();
    assert.ok(header.x + header.width <= 1920, `the ${column} column is on screen at 1920 px`);
  }
  const tools = await page.getByRole('button', { name: `Delete ${longest}` }).boundingBox();
  assert.ok(tools.x + tools.width <= 1920, 'so are the row tools');
  // Click a cell: its field, focused; Escape: text again.
  await page.getByRole('button', { name: `Influence of ${longest}:` }).click();
  const field = page.getByRole('combobox', { name: `Influence of ${longest}` });
  await page.waitForFunction(() => document.activeElement?.tagName === 'SELECT');
  await field.selectOption('1');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: `Influence of ${longest}: 1` }).waitFor();
  // Hide a column.
  await page.locator('details.columns summary').click();
  await page.getByRole('checkbox', { name: 'Municipality' }).uncheck();
  assert.equal(await page.getByRole('columnheader', { name: 'Municipality' }).isVisible(), false);
  assert.deepEqual(errors, []);
  await page.context().close();
});

for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
  test(`every council control can be clicked at ${viewport.width} px`, async () => {
    const { page, errors } = await openRegional(viewport);
    await showTab(page, 'Council');
    await page.locator('.members table tbody tr').first().waitFor();
    const controls = page.locator('.council :is(button, input, select, summary)');
    const count = await controls.count();
    assert.ok(count > 40, `the council has its controls (${count})`);
    for (let i = 0; i < count; i++) {
      const control = controls.nth(i);
      if (!(await control.isVisible())) continue;
      // Playwright's actionability check: visible, stable, enabled and not covered.
      await control.click({ trial: true, timeout: 2000 }).catch((e) => {
        throw new Error(`control ${i} (${control}) cannot be clicked: ${e.message.split('\n')[0]}`);
      });
    }
    // Consulted and informed are chips that can be removed, and a search adds one.
    const consulted = page.locator('.action').first().locator('.chips-field').first();
    const chips = consulted.locator('.chip');
    const chipCount = await chips.count();
    await chips.first().getByRole('button').click();
    await page.waitForFunction((n) => document.querySelector('.action .chips-field .chips').children.length === n - 1, chipCount);
    const add = page.locator('.action').first().getByRole('combobox', { name: 'Add to Consulted (C)' });
    await add.fill('Region Jönköpings län');
    await add.press('Enter');
    await page.locator('.action').first().locator('.chips-field').first().locator('.chip', { hasText: 'Region Jönköpings län' }).waitFor();
    if (viewport.width === 1280) {
      // The printed plan, on an A4 page's width: names whole, dates the Swedish way.
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 720, height: 1000 });
      const printed = await page.locator('.action').first().innerText();
      assert.match(printed, /Region Jönköpings län/, 'the consulted actors are listed by name');
      assert.match(printed, /2026-01-15/, 'the start date is written 2026-01-15');
      const past = await page.evaluate(() => [...document.querySelectorAll('.card, .action')]
        .filter((c) => c.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length);
      assert.equal(past, 0, 'every card is inside the page');
    }
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}

test('on a narrow window (1000 px) the tab bar wraps instead of running under the side panel', async () => {
  const { page, errors } = await openRegional({ width: 1000, height: 800 });
  for (const name of ['Map', 'Grid', 'Table', 'Council']) {
    // Playwright's actionability check: nothing covers the tab.
    await page.getByRole('tab', { name }).click({ trial: true, timeout: 2000 });
  }
  await showTab(page, 'Council');
  await page.locator('.members').waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('tags are chips: a tag with a comma stays one tag, × takes one away', async () => {
  const { page, doc, errors } = await openRegional();
  const actor = doc.map.actors.find((a) => a.tags.length >= 2);
  await node(page, actor.name).click();
  const panel = page.locator('.sidepanel');
  const box = panel.getByRole('textbox', { name: 'Add tag' });
  await box.fill('Agriculture, Forestry and Other Land Use');
  await box.press('Enter');
  await panel.locator('.chip', { hasText: 'Agriculture, Forestry and Other Land Use' }).waitFor();
  await panel.getByRole('button', { name: `Remove tag ${actor.tags[0]}` }).click();
  await panel.getByRole('button', { name: `Remove tag ${actor.tags[0]}` }).waitFor({ state: 'detached' });
  const chips = await panel.locator('.chip').evaluateAll((cs) => cs.map((c) => c.firstChild.textContent));
  assert.deepEqual(chips, [...actor.tags.slice(1), 'Agriculture, Forestry and Other Land Use']);
  await page.keyboard.press('Control+z');
  await panel.getByRole('button', { name: `Remove tag ${actor.tags[0]}` }).waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a map rated without salience is ringed in the onion by influence and interest, and the view says so', async () => {
  const { page, doc, errors } = await openRegional({ width: 1920, height: 1080 }, (map) => {
    for (const actor of map.actors) actor.salience = { power: false, legitimacy: false, urgency: false };
  });
  await showTab(page, 'Onion');
  await page.getByText('No actor has salience attributes (power, legitimacy, urgency) yet, so the rings show influence and interest.').waitFor();
  const legend = page.getByRole('list', { name: 'Salience class' });
  const count = async (ring) => Number((await legend.getByRole('listitem').filter({ hasText: ring }).textContent()).split(': ').pop());
  const high = doc.map.actors.filter((a) => a.influence >= 4 && a.interest >= 4).length;
  assert.ok(high > 0);
  assert.equal(await count('High influence and high interest'), high);
  assert.ok(await count('Low, or not rated') < doc.map.actors.length, 'not every actor on the outer ring');
  const region = page.getByRole('button', { name: /^Region Jönköpings län.*: High influence and high interest$/ });
  await region.waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});
