// End-to-end: Export JSON, import into a fresh browser profile, and bad files explaining
// themselves while the existing maps stay untouched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startHarness } from './app.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

async function exportJson(app) {
  const download = app.page.waitForEvent('download');
  await app.button('Export JSON').click();
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

async function importFile(app, name, text) {
  await app.page.getByLabel("Import file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });
}

test('a map exported as JSON imports into a fresh profile with the same content', async () => {
  const first = await harness.newApp('en');
  await first.newMap();
  await first.renameMap('Untitled map', 'Regional dialog: Kalmar/Öland');
  for (const name of ['Region Kalmar län', 'Linnéuniversitetet', 'Kalmar kommun']) await first.addActor(name);
  await first.saved();
  const exported = await exportJson(first);
  assert.equal(exported.name, 'Regional dialog_ Kalmar_Öland.samverkan.json');
  const document = JSON.parse(exported.text);
  assert.equal(document.format, 'samverkan');
  assert.equal(document.version, 1);
  assert.deepEqual(document.map.actors.map((a) => a.name), ['Region Kalmar län', 'Linnéuniversitetet', 'Kalmar kommun']);
  await first.page.context().close();

  const second = await harness.newApp('en');
  await importFile(second, exported.name, exported.text);
  await second.page.getByRole('status').filter({ hasText: 'was imported as a new map' }).waitFor();
  assert.deepEqual(await second.actorNames(), ['Region Kalmar län', 'Linnéuniversitetet', 'Kalmar kommun']);
  await second.saved();
  const again = await exportJson(second);
  assert.deepEqual(JSON.parse(again.text), document, 'the same content, field for field');

  // The same file again: the user chooses; "Keep both" adds a copy.
  await importFile(second, exported.name, exported.text);
  await second.button('Keep both').click();
  await second.page.getByRole('button', { name: 'Open Regional dialog: Kalmar/Öland' }).nth(1).waitFor();
  await second.page.context().close();
});

const BAD_FILES = [
  ['empty.json', '', /the file is empty/],
  ['notes.txt', 'Mötesanteckningar, inte JSON', /not valid JSON/],
  ['truncated.json', '{"format":"samverkan","version":1,"map":{"id":"x","title":"Tr', /not valid JSON: the text ends too early \(line 1, column 61\)/],
  ['other.json', '{"hello":"world"}', /format: not a Samverkan file/],
  ['future.json', '{"format":"samverkan","version":9,"map":{}}', /version: made by a newer Samverkan \(format version 9; this one reads up to 1\)/],
  ['deep.json', '['.repeat(5000) + ']'.repeat(5000), /nested too deeply/],
  ['shape.json', JSON.stringify({ format: 'samverkan', version: 1, map: { id: 'm', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', actors: [{ id: 'a', name: 'A', influence: 'high' }] } }), /map\.actors\[0\]\.influence: expected a whole number, found the text "high"/],
  ['dangling.json', JSON.stringify({ format: 'samverkan', version: 1, map: { id: 'm', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', actors: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], relations: [{ id: 'r0', from: 'a', to: 'b' }, { id: 'r1', from: 'a', to: 'b' }, { id: 'r2', from: 'b', to: 'a' }, { id: 'r3', from: 'a', to: 'x' }] } }), /map\.relations\[3\]\.to: no actor with id "x"/],
];

test('every bad file gets a clear message and the existing maps stay untouched', async () => {
  const app = await harness.newApp('en');
  await app.newMap();
  await app.addActor('Kvar efter importen');
  await app.saved();
  const before = await app.storage();
  for (const [name, text, expected] of BAD_FILES) {
    await importFile(app, name, text);
    const alert = app.alerts.filter({ hasText: name });
    await alert.waitFor();
    assert.match(await alert.textContent(), /could not be imported .* Nothing was changed/, name);
    assert.match(await alert.textContent(), expected, name);
    await alert.getByRole('button', { name: 'Dismiss message' }).click();
  }
  assert.deepEqual(await app.storage(), before, 'nothing stored changed');
  assert.deepEqual(await app.actorNames(), ['Kvar efter importen']);

  // Many problems: the first 20 are listed, with a count of the rest.
  const actors = [{ id: 'a', name: 'A' }];
  const relations = Array.from({ length: 25 }, (_, i) => ({ id: `r${i}`, from: 'a', to: `ghost${i}` }));
  await importFile(app, 'many.json', JSON.stringify({ format: 'samverkan', version: 1, map: { id: 'm', created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', actors, relations } }));
  const many = app.alerts.filter({ hasText: 'many.json' });
  await many.waitFor();
  assert.equal(await many.locator('li').count(), 21);
  assert.match(await many.textContent(), /\(25 problem\(s\)\).*and 5 more problem/);
  await app.shot('import-many-problems-en');
  await app.page.context().close();
});

test('pasted JSON text imports like a file, in Swedish too', async () => {
  const source = await harness.newApp('sv');
  await source.newMap();
  await source.addActor('Företagarna');
  await source.saved();
  const text = (await source.storage())[Object.keys(await source.storage()).find((k) => k.startsWith('samverkan.map.'))];
  await source.page.context().close();

  const app = await harness.newApp('sv');
  await app.button('Klistra in JSON').click();
  await app.page.getByRole('textbox', { name: 'JSON att importera' }).fill(text);
  await app.button('Importera inklistrat').click();
  await app.page.getByRole('status').filter({ hasText: 'importerades som en ny karta' }).waitFor();
  assert.deepEqual(await app.actorNames(), ['Företagarna']);
  await app.button('Klistra in JSON').click();
  await app.page.getByRole('textbox', { name: 'JSON att importera' }).fill('{"format":"samverkan","version":1,"map":{"id":');
  await app.button('Importera inklistrat').click();
  await app.alerts.filter({ hasText: 'kunde inte importeras' }).waitFor();
  const message = await app.alerts.first().textContent();
  assert.match(message, /filen tar slut mitt i \(rad 1, kolumn 46\)/);
  assert.doesNotMatch(message, /EOF|parsing|expected/, 'the reason is worded in Swedish');
  await app.page.context().close();
});

test('a file dropped on the page is imported; one over 20 MiB is refused unread', async () => {
  const source = await harness.newApp('en');
  await source.newMap();
  await source.addActor('Region Gävleborg');
  await source.saved();
  const exported = await exportJson(source);
  await source.page.context().close();

  const app = await harness.newApp('en');
  const drop = await app.page.evaluateHandle(({ name, text }) => {
    const data = new DataTransfer();
    data.items.add(new File([text], name, { type: 'application/json' }));
    return data;
  }, exported);
  await app.page.dispatchEvent('body', 'drop', { dataTransfer: drop });
  await app.page.getByRole('status').filter({ hasText: 'was imported as a new map' }).waitFor();
  assert.deepEqual(await app.actorNames(), ['Region Gävleborg']);

  const huge = Buffer.alloc(20 * 1024 * 1024 + 1, ' ');
  await importFile(app, 'huge.json', huge);
  const alert = app.alerts.filter({ hasText: 'huge.json' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /larger than the limit/);
  assert.deepEqual(await app.actorNames(), ['Region Gävleborg']);
  await app.page.context().close();
});
