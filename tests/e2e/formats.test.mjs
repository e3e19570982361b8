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
  assert.equal(picture.text.match(/<g class="node/g).length, 3);
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
