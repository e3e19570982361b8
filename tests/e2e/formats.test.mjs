// End-to-end: GraphML for network tools, CSV to and from spreadsheets (with a bad row
// explained and nothing changed).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startHarness } from './app.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

async function download(app, click) {
  const event = app.page.waitForEvent('download');
  await click();
  const file = await event;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
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

  const graphml = await download(app, () => app.button('Export GraphML').click());
  assert.match(graphml.name, /\.graphml$/);
  assert.equal(graphml.text.match(/<node /g).length, 3);
  assert.equal(graphml.text.match(/<edge /g).length, 1);
  assert.match(graphml.text, /attr\.name="betweenness"/);

  await app.page.locator('.maptools summary', { hasText: 'Export picture' }).click();
  const picture = await download(app, () => app.button('Export SVG').click());
  assert.match(picture.name, /-map\.svg$/);
  assert.match(picture.text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(picture.text, /class="title">Untitled map</);
  assert.equal(picture.text.match(/<g class="node/g).length, 3);
  assert.match(picture.text, /class="legend-text">Public sector</);

  await app.page.getByText('More formats').click();
  const csv = await download(app, () => app.button('Export actors (CSV)').click());
  assert.ok(csv.text.startsWith('\ufeff') || csv.text.startsWith('id;') || csv.text.includes(';name;'), 'UTF-8 with BOM, ; separated');
  assert.match(csv.text, /Uppsala universitet/);
  await app.page.context().close();

  const other = await harness.newApp('en');
  await other.newMap();
  await other.page.getByText('More formats').click();
  await other.page.getByLabel('Import actors (CSV)').setInputFiles({ name: 'aktorer.csv', mimeType: 'text/csv', buffer: Buffer.from(csv.text) });
  await other.page.getByRole('status').filter({ hasText: '3 rows from' }).waitFor();
  assert.deepEqual(await other.actorNames(), ['Region Uppsala', 'Uppsala universitet', 'SLU']);

  const bad = 'name;influence;sector\nFöretagarna Uppsala;9;business\nOkänd;3;rymden\n';
  await other.page.getByLabel('Import actors (CSV)').setInputFiles({ name: 'trasig.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  const alert = other.alerts.filter({ hasText: 'trasig.csv' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /rows\[2\]\.influence: 9 is outside 1\.\.5/);
  assert.match(await alert.textContent(), /rows\[3\]\.sector/);
  assert.deepEqual(await other.actorNames(), ['Region Uppsala', 'Uppsala universitet', 'SLU'], 'nothing changed');
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
  const register = '\ufeffStakeholder;Influence;Interest;Stance\nRegion Kalmar län;High;Medium;Positive\nLinnéuniversitetet;Low;High;Neutral\n';
  await app.page.getByLabel('Import actors (CSV)').setInputFiles({ name: 'register.csv', mimeType: 'text/csv', buffer: Buffer.from(register) });
  await app.page.getByRole('status').filter({ hasText: '2 rows from' }).waitFor();
  assert.deepEqual(await app.actorNames(), ['Region Kalmar län', 'Linnéuniversitetet']);
  assert.equal(await app.cell('Influence of Region Kalmar län'), '5');
  assert.equal(await app.cell('Interest of Region Kalmar län'), '3');
  assert.equal(await app.cell('Attitude of Region Kalmar län'), '+1');
  assert.equal(await app.cell('Influence of Linnéuniversitetet'), '1');
  assert.equal(await app.cell('Interest of Linnéuniversitetet'), '5');
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});
