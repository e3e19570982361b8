// End-to-end: GraphML for network tools, CSV to and from spreadsheets (with a bad row
// explained and nothing changed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startHarness, nodePositions } from './app.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

/** Picks an actor sheet, checks the preview opened and imports it as the preview reads it. */
async function importActors(app, name, text) {
  await app.page.getByLabel('Import actors (CSV)').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  const preview = app.page.getByRole('dialog', { name: 'Import preview' });
  await preview.getByRole('button', { name: 'Import rows' }).click();
  await preview.waitFor({ state: 'detached' });
}

test('GraphML carries every actor and relation; CSV goes out and comes back', async () => {
  const app = await harness.newApp('en');
  await app.newMap();
  for (const line of ['Region Uppsala #public_sector !5', 'Uppsala universitet #education', 'SLU #research']) await app.addActor(line);
  await app.tab('Map');
  const node = (name) => app.page.getByRole('button', { name: new RegExp(`^${name}, influence`) });
  await app.layoutIdle();
  await node('Region Uppsala').click();
  await node('Uppsala universitet').click({ modifiers: ['Shift'] });
  await app.saved();

  const graphml = await app.download(() => app.button('Export GraphML').click());
  assert.match(graphml.name, /\.graphml$/);
  assert.equal(graphml.text.match(/<node /g).length, 3);
  assert.equal(graphml.text.match(/<edge /g).length, 1);
  assert.match(graphml.text, /attr\.name="betweenness"/);

  await app.page.locator('.maptools summary', { hasText: 'Export picture' }).click();
  const picture = await app.download(() => app.button('Export SVG').click());
  assert.match(picture.name, /-map\.svg$/);
  assert.match(picture.text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(picture.text, /class="title">Untitled map</);
  assert.equal(picture.text.match(/<g [^>]*class="node[ "]/g).length, 3);
  assert.equal(picture.text.match(/<path [^>]*class="relation /g).length, 1, 'the one relation is drawn');
  assert.match(picture.text, /class="legend-text">Public sector</);

  await app.page.getByText('More formats').click();
  const csv = await app.download(() => app.button('Export actors (CSV)').click());
  assert.ok(csv.text.startsWith('\ufeff') || csv.text.startsWith('id;') || csv.text.includes(';name;'), 'UTF-8 with BOM, ; separated');
  assert.match(csv.text, /Uppsala universitet/);
  await app.page.context().close();

  const other = await harness.newApp('en');
  await other.newMap();
  await other.page.getByText('More formats').click();
  await importActors(other, 'aktorer.csv', csv.text);
  const done = other.page.getByRole('status').filter({ hasText: '3 actors from “aktorer.csv” added.' });
  await done.waitFor();
  assert.equal(await done.getByRole('button', { name: 'Import summary' }).count(), 0, 'nothing to summarise');
  assert.deepEqual(await other.actorNames(), ['Region Uppsala', 'Uppsala universitet', 'SLU']);

  // A sheet that cannot be read at all changes nothing and says why.
  const unreadable = 'kind;sector\nperson;\n';
  await importActors(other, 'trasig.csv', unreadable);
  const alert = other.alerts.filter({ hasText: 'trasig.csv' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /the sheet has no "name" column/);
  assert.deepEqual(await other.actorNames(), ['Region Uppsala', 'Uppsala universitet', 'SLU'], 'nothing changed');

  // Rows with values the map has no place for come in, and the summary says what changed.
  const rough = 'name;influence;sector\nFöretagarna Uppsala;9;business\nOkänd;3;rymden\n;4;\n';
  await importActors(other, 'grov.csv', rough);
  const summarised = other.alerts.filter({ hasText: '2 actors from “grov.csv” added; 1 left out; 2 changed.' });
  await summarised.waitFor();
  assert.deepEqual(await other.actorNames(), ['Region Uppsala', 'Uppsala universitet', 'SLU', 'Företagarna Uppsala', 'Okänd']);
  await summarised.getByRole('button', { name: 'Import summary' }).click();
  const dialog = other.page.getByRole('dialog', { name: 'Import summary' });
  await dialog.waitFor();
  const lines = await dialog.getByRole('listitem').allTextContents();
  assert.deepEqual(lines, [
    'influence: value not read (9 is outside 1..5) — row 2',
    'sector “rymden” kept as a tag — row 3',
    'left out: must not be empty — row 4',
  ]);
  const text = await other.download(() => dialog.getByRole('button', { name: 'Download summary' }).click());
  assert.equal(text.name, 'grov-import-summary.txt');
  assert.match(text.text, /^Import summary\n\n2 actors from “grov\.csv” added; 1 left out; 2 changed\.\n\n- influence: value not read/);
  await other.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await other.page.keyboard.press('Control+z');
  assert.deepEqual(await other.actorNames(), ['Region Uppsala', 'Uppsala universitet', 'SLU'], 'one undo step');
  await other.page.keyboard.press('Control+z');
  assert.deepEqual(await other.actorNames(), [], 'the CSV import was one undo step');
  assert.deepEqual(other.errors, []);
  await other.page.context().close();
});

test('a stakeholder register with a Stakeholder column and word ratings imports every row, with no map open too', async () => {
  const app = await harness.newApp('en');
  // No map yet: the import makes one rather than doing nothing.
  await app.page.getByText('No map is open.', { exact: false }).waitFor();
  await app.page.getByText('More formats').click();
  const register = '\ufeffStakeholder;Role;Influence;Interest;Stance\nRegion Kalmar län;Organisation;High;Medium;Positive\nLinnéuniversitetet;Network;Low;High;Neutral\n';
  await app.page.getByLabel('Import actors (CSV)').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(register) });
  // The preview shows how each column will be read; the Role column is read as the kind.
  const preview = app.page.getByRole('dialog', { name: 'Import preview' });
  assert.equal(await preview.getByLabel('Meaning of “Stakeholder”').inputValue(), 'name');
  assert.equal(await preview.getByLabel('Meaning of “Stance”').inputValue(), 'attitude');
  assert.equal(await preview.getByLabel('Meaning of “Role”').inputValue(), '', 'not read: kept in the notes');
  assert.deepEqual(await preview.locator('tbody tr').first().locator('td').allTextContents(), ['Region Kalmar län', 'Organisation', 'High', 'Medium', 'Positive']);
  await app.shot('import-preview-en');
  await preview.getByLabel('Meaning of “Role”').selectOption('kind');
  await preview.getByRole('button', { name: 'Import rows' }).click();
  const done = app.page.getByRole('status').filter({ hasText: '2 actors from “register.csv” added.' });
  await done.waitFor();
  assert.equal(await done.getByRole('button', { name: 'Import summary' }).count(), 0, 'every word was understood');
  assert.deepEqual(await app.actorNames(), ['Region Kalmar län', 'Linnéuniversitetet']);
  assert.equal(await app.cell('Influence of Region Kalmar län'), '5');
  assert.equal(await app.cell('Interest of Region Kalmar län'), '3');
  assert.equal(await app.cell('Attitude of Region Kalmar län'), '+1');
  assert.equal(await app.cell('Influence of Linnéuniversitetet'), '1');
  assert.equal(await app.cell('Interest of Linnéuniversitetet'), '5');
  assert.equal(await app.cell('Kind of Linnéuniversitetet'), 'Network/forum', 'the Role column read as the kind');
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});

test('a Kumu connections sheet with unknown types imports every row, alone or onto a map', async () => {
  const app = await harness.newApp('en');
  await app.page.getByText('No map is open.', { exact: false }).waitFor();
  await app.page.getByText('More formats').click();
  const sheet = 'From,To,Type,Direction,Strength\n' +
    'Almi,Science Park,Investor,directed,3\n' +
    'Region Jönköping,Almi,Investor,mutual,\n' +
    'Region Jönköping,Science Park,Funding source,,\n';
  await app.page.getByLabel('Import from Kumu (JSON or CSV)').setInputFiles({ name: 'kopplingar.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
  const done = app.page.getByRole('status').filter({ hasText: '3 actors and 3 relations from “kopplingar.csv” added; 3 changed.' });
  await done.waitFor();
  assert.deepEqual(await app.actorNames(), ['Almi', 'Science Park', 'Region Jönköping']);
  await done.getByRole('button', { name: 'Import summary' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Import summary' });
  await dialog.waitFor();
  assert.deepEqual(await dialog.getByRole('listitem').allTextContents(), [
    '3 actors made from the relations\' ends',
    'connection type “Investor” kept in the note — rows 2, 3',
    'connection type “Funding source” kept in the note — row 4',
  ]);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The same sheet as relations onto this map, with one end the map lacks.
  const more = sheet + 'Ryan,Almi,Investor,,\n';
  await app.page.getByLabel('Import relations (CSV)').setInputFiles({ name: 'fler.csv', mimeType: 'text/csv', buffer: Buffer.from(more) });
  const added = app.alerts.filter({ hasText: '3 relations from “fler.csv” added; 1 left out; 3 changed.' });
  await added.waitFor();
  await added.getByRole('button', { name: 'Import summary' }).click();
  const lines = await dialog.getByRole('listitem').allTextContents();
  assert.ok(lines.includes('left out: no actor “Ryan” in the map or the file — row 5'), lines.join('\n'));
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});

test('a Kumu project with several maps: the summary offers each map\'s positions, one undo step', async () => {
  const app = await harness.newApp('en');
  await app.page.getByText('More formats').click();
  const project = await readFile(new URL('../../model/tests/fixtures/formats/kumu-project-loops-maps.json', import.meta.url));
  await app.page.getByLabel('Import from Kumu (JSON or CSV)').setInputFiles({ name: 'klimat.json', mimeType: 'application/json', buffer: project });
  const done = app.alerts.filter({ hasText: '4 actors and 3 relations from “klimat.json” added; 3 left out' });
  await done.waitFor();
  await app.tab('Map');
  await app.layoutIdle();
  const region = async () => (await nodePositions(app.page))['Region Kalmar län'];
  assert.deepEqual(await region(), [-100, 40], 'placed by the default Kumu map');
  await done.getByRole('button', { name: 'Import summary' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Import summary' });
  await dialog.waitFor();
  const lines = await dialog.getByRole('listitem').allTextContents();
  assert.ok(lines.includes('Kumu loop “Förtroendeloopen” not imported (maps have no loops) — loops[0]'), lines.join('\n'));
  assert.ok(await dialog.getByRole('button', { name: 'Use the positions of “Workshop mars”' }).isDisabled(), 'the map in use');
  await dialog.getByRole('button', { name: 'Use the positions of “Översikt”' }).click();
  await dialog.getByRole('button', { name: 'Use the positions of “Översikt”' }).isDisabled();
  await app.page.keyboard.press('Escape');
  await app.page.waitForFunction(() => document.querySelector('svg.network g.node[aria-label^="Region Kalmar län"]')?.getAttribute('transform') === 'translate(10.0 20.0)');
  await app.page.keyboard.press('Control+z');
  assert.deepEqual(await region(), [-100, 40], 'one undo step');
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});

const fixture = (name) => readFile(new URL(`../../model/tests/fixtures/formats/${name}`, import.meta.url));

/** Fails when a message's box lies over a visible control outside the messages. */
async function assertNoticesCoverNothing(page, where) {
  const covered = await page.evaluate(() => {
    const boxes = [...document.querySelectorAll('.notices .notice')].map((n) => n.getBoundingClientRect());
    const controls = [...document.querySelectorAll('button, input, select, textarea, a[href], [role="tab"], [tabindex="0"]')]
      .filter((c) => !c.closest('.notices') && c.getClientRects().length && getComputedStyle(c).visibility !== 'hidden');
    const over = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    return controls.filter((c) => {
      const r = c.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && boxes.some((b) => over(b, r));
    }).map((c) => c.outerHTML.slice(0, 80));
  });
  assert.deepEqual(covered, [], `${where}: messages cover controls`);
}

for (const viewport of [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }]) {
  test(`Kumu's two-sheet export of a project makes one map, and its messages cover no control (${viewport.width}×${viewport.height})`, async () => {
    const app = await harness.newApp('en');
    await app.page.setViewportSize(viewport);
    await app.page.getByText('More formats').click();
    const kumu = app.page.getByLabel('Import from Kumu (JSON or CSV)');
    await kumu.setInputFiles({ name: 'Elements.csv', mimeType: 'text/csv', buffer: await fixture('kumu-project-elements.csv') });
    await app.page.locator('.notices').getByText('34 actors from “Elements.csv” added').waitFor();
    await assertNoticesCoverNothing(app.page, 'after the elements sheet');
    const mapsBefore = Object.keys(await app.storage()).length;
    await kumu.setInputFiles({ name: 'Connections.csv', mimeType: 'text/csv', buffer: await fixture('kumu-project-connections.csv') });
    await app.page.locator('.notices').getByText('49 relations from “Connections.csv” added').waitFor();
    await assertNoticesCoverNothing(app.page, 'after the connections sheet');
    // Saved as one map with both sheets (the save follows the edit within a second or so).
    const projectMaps = async () => {
      const stored = Object.values(await app.storage());
      const maps = stored.map((text) => JSON.parse(text).map).filter(Boolean);
      return { count: stored.length, relations: maps.filter((m) => m.actors.length === 34).map((m) => m.relations.length) };
    };
    let saved = await projectMaps();
    for (const deadline = Date.now() + 15_000; saved.relations[0] !== 49 && Date.now() < deadline; saved = await projectMaps()) {
      await app.page.waitForTimeout(200); // polling IndexedDB, which has no change event
    }
    assert.equal(saved.count, mapsBefore, 'one map, not one per sheet');
    assert.deepEqual(saved.relations, [49]);
    assert.deepEqual(app.errors, []);
    await app.page.context().close();
  });
}

test('a register whose name column is empty takes its names from the next filled column, and the preview says so', async () => {
  const app = await harness.newApp('en');
  await app.page.getByText('More formats').click();
  await app.page.getByLabel('Import actors (CSV)', { exact: true }).setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: await fixture('register-empty-name.csv') });
  const preview = app.page.getByRole('dialog', { name: 'Import preview' });
  await preview.getByText('Organization is empty in every row: names are read from Role.').waitFor();
  await preview.getByRole('button', { name: 'Import rows', exact: true }).click();
  await app.page.getByRole('button', { name: /^Regionutvecklare kompetensförsörjning, influence/ }).waitFor();
  assert.equal(await app.page.locator('svg.network g.node').count(), 7);
  await app.page.context().close();
});
