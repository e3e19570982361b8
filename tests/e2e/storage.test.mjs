// End-to-end: nothing lost (issue 22). Maps live in IndexedDB, move in from local storage,
// keep versions, survive a wiped browser through the backup file, a full quota and two tabs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { App, CHROMIUM_ARGS, startHarness, storedMaps } from './app.mjs';
import { generateDocument, seedStorage } from './generate.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

/** Playwright cannot drive the native picker: the picked file is one in the origin-private
 * file system, which has the same handle, permission and `createWritable` calls. */
const PICKER_IN_OPFS = () => {
  window.showSaveFilePicker = async () => (await navigator.storage.getDirectory())
    .getFileHandle('backup.samverkan.json', { create: true });
};
const readBackupFile = (page) => page.evaluate(async () => {
  const handle = await (await navigator.storage.getDirectory()).getFileHandle('backup.samverkan.json');
  return (await handle.getFile()).text();
});

const mapKeys = (stored) => Object.keys(stored).filter((k) => k.startsWith('samverkan.map.'));

async function importText(app, name, text) {
  await app.page.getByLabel('Import file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('the backup file holds every map, survives a wiped browser, and brings them back', async () => {
  const context = await harness.browser.newContext({ acceptDownloads: true });
  await context.addInitScript(PICKER_IN_OPFS);
  const app = new App(await context.newPage(), harness.server.url, 'en');
  await app.open();
  await app.newMap();
  await app.renameMap('Untitled map', 'Kompetensråd Kalmar');
  for (const name of ['Region Kalmar län', 'Linnéuniversitetet']) await app.addActor(name);
  await app.newMap();
  await app.renameMap('Untitled map', 'Regional dialog');
  await app.addActor('Tillväxtverket');
  await app.saved();
  const line = app.page.locator('#storage-line');
  assert.match(await line.textContent(), /No backup yet/);
  await app.button('Backup file').click();
  await app.page.locator('#storage-line', { hasText: /Last backup: \d{4}-\d\d-\d\d/ }).waitFor();
  assert.equal(await app.button('Backup file').getAttribute('aria-pressed'), 'true');
  const stored = await app.storage();

  // The browser forgets everything the site wrote, except the file outside it.
  const cdp = await context.newCDPSession(app.page);
  await cdp.send('Storage.clearDataForOrigin', {
    origin: new URL(harness.server.url).origin,
    storageTypes: 'indexeddb,local_storage,cache_storage,service_workers',
  });
  await app.page.reload();
  await app.page.getByText('No maps yet').or(app.page.getByText('No map is open')).first().waitFor();
  assert.deepEqual(mapKeys(await app.storage()), [], 'the browser kept nothing');
  const file = await readBackupFile(app.page);
  const backup = JSON.parse(file);
  assert.equal(backup.format, 'samverkan-collection');
  assert.deepEqual(backup.maps.map((d) => d.map.title).sort(), ['Kompetensråd Kalmar', 'Regional dialog']);

  await app.page.getByLabel('Restore from backup file').setInputFiles({ name: 'backup.samverkan.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await app.page.getByRole('status').filter({ hasText: '2 maps restored from the backup file' }).waitFor();
  await app.saved();
  await app.button('Open Kompetensråd Kalmar').waitFor();
  await app.button('Open Regional dialog').waitFor();
  const restored = await app.storage();
  const maps = (s) => Object.fromEntries(mapKeys(s).map((k) => [k, JSON.parse(s[k]).map]));
  const before = maps(stored);
  const now = maps(restored);
  assert.deepEqual(Object.keys(now).sort(), Object.keys(before).sort(), 'the same maps under the same ids');
  for (const key of Object.keys(before)) {
    assert.deepEqual(now[key].actors, before[key].actors, `${before[key].title}: the same actors`);
    assert.deepEqual(now[key].relations, before[key].relations);
  }
  await app.shot('storage-restored-from-backup-en');
  assert.deepEqual(app.errors, []);
  await context.close();
});

test('after a reload that must ask again, Resume backups asks and writes the changes since', async () => {
  const context = await harness.browser.newContext({ acceptDownloads: true });
  await context.addInitScript(PICKER_IN_OPFS);
  // The origin-private file never needs the permission asked again: as a file on disk may
  // after a reload, this one says `prompt` until `requestPermission` is called.
  await context.addInitScript(() => {
    FileSystemHandle.prototype.queryPermission = async () => (sessionStorage.getItem('ask') ? 'prompt' : 'granted');
    FileSystemHandle.prototype.requestPermission = async () => {
      sessionStorage.removeItem('ask');
      return 'granted';
    };
  });
  const app = new App(await context.newPage(), harness.server.url, 'en');
  await app.open();
  await app.newMap();
  await app.addActor('Före omladdningen');
  await app.saved();
  await app.button('Backup file').click();
  await app.page.locator('#storage-line', { hasText: /Last backup: / }).waitFor();
  await app.page.evaluate(() => sessionStorage.setItem('ask', '1'));
  await app.reload();
  const resume = app.button('Resume backups');
  await resume.waitFor();
  assert.equal(await app.button('Backup file').getAttribute('aria-pressed'), 'false');
  await app.addActor('Efter omladdningen');
  await app.saved();
  assert.doesNotMatch(await readBackupFile(app.page), /Efter omladdningen/, 'paused: not written');
  await resume.click();
  await resume.waitFor({ state: 'detached' });
  await app.page.waitForFunction(async () => {
    const handle = await (await navigator.storage.getDirectory()).getFileHandle('backup.samverkan.json');
    return (await (await handle.getFile()).text()).includes('Efter omladdningen');
  });
  assert.equal(await app.button('Backup file').getAttribute('aria-pressed'), 'true');
  await context.close();
});

test('a reminder when maps changed and the last backup is older than a week; Download backup counts as one', async () => {
  const app = await harness.newApp('en');
  await app.newMap();
  await app.addActor('Ändrad nyligen');
  await app.saved();
  const settings = (change) => app.page.evaluate((ms) => new Promise((resolve, reject) => {
    const opening = indexedDB.open('samverkan');
    opening.onsuccess = () => {
      const tx = opening.result.transaction('settings', ms === null ? 'readonly' : 'readwrite');
      const store = tx.objectStore('settings');
      if (ms !== null) store.put(ms, 'backup.since');
      const at = store.get('backup.at');
      tx.oncomplete = () => { opening.result.close(); resolve(at.result ?? null); };
      tx.onabort = () => reject(tx.error);
    };
  }), change);
  // Without a backup yet, the week counts from the first start of this version.
  await settings(Date.now() - 8 * 86_400_000);
  await app.reload();
  const reminder = app.alerts.filter({ hasText: 'The maps have changed and the last backup is older than 7 days.' });
  await reminder.waitFor();
  const file = await app.download(() => reminder.getByRole('button', { name: 'Download backup' }).click());
  assert.match(file.name, /^samverkan-\d{4}-\d\d-\d\d\.samverkan\.json$/);
  assert.equal(JSON.parse(file.text).maps[0].map.actors[0].name, 'Ändrad nyligen');
  await app.page.locator('#storage-line', { hasText: /Last backup: / }).waitFor();
  await reminder.waitFor({ state: 'detached' });
  const at = await settings(null);
  assert.ok(at && Date.now() - at < 60_000, 'the download is kept as the last backup');
  await app.page.context().close();
});

test('an edit followed at once by closing the page is there after reopening', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'samverkan-profile-'));
  const launch = () => chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  let context = await launch();
  let app = new App(await context.newPage(), harness.server.url, 'en');
  await app.open();
  await app.newMap();
  await app.addActor('Sparad före stängning');
  await app.saved();
  await app.addActor('Tillagd precis före stängning');
  await app.page.getByText('Tillagd precis före stängning').first().waitFor();
  // No wait for the autosave: the page goes at once.
  await app.page.close({ runBeforeUnload: true });
  await context.close();
  context = await launch();
  app = new App(await context.newPage(), harness.server.url, 'en');
  await app.open();
  assert.deepEqual(await app.actorNames(), ['Sparad före stängning', 'Tillagd precis före stängning']);
  await context.close();
  await rm(profile, { recursive: true, force: true });
});

test('an edit followed at once by a reload is there after it, taken from the rescue copy when need be', async () => {
  const app = await harness.newApp('en');
  await app.newMap();
  await app.addActor('Sparad');
  await app.saved();
  for (const name of ['Före omladdning 1', 'Före omladdning 2']) {
    await app.addActor(name);
    await app.page.getByText(name).first().waitFor();
    await app.reload();
  }
  assert.deepEqual(await app.actorNames(), ['Sparad', 'Före omladdning 1', 'Före omladdning 2']);
  const left = await app.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('samverkan.rescue.')));
  assert.deepEqual(left, [], 'a rescue copy is taken in (or dropped) at the next start');
  await app.page.context().close();
});

test('25 saves leave 20 autosaved versions plus the day’s first; a restore is one undo step', async () => {
  const app = await harness.newApp('en');
  await app.newMap();
  await app.renameMap('Untitled map', 'Versionerad karta');
  await app.saved();
  for (let i = 1; i <= 25; i++) {
    await app.addActor(`Aktör ${i}`);
    // The row's count and the status change in the same update: then wait for the save.
    await app.page.locator('.maprow', { hasText: new RegExp(`(^|\\D)${i} actors?`) }).waitFor();
    await app.saved();
  }
  await app.button('Versions').click();
  const dialog = app.page.getByRole('dialog', { name: 'Versions of Versionerad karta' });
  await dialog.waitFor();
  const items = dialog.locator('ol.versionlist > li');
  await items.first().waitFor();
  assert.equal(await items.count(), 21);
  assert.match(await items.first().textContent(), /Saved · 25 actors, 0 relations.*Added: Aktör 25/);
  assert.match(await items.nth(1).textContent(), /24 actors/);
  // The day's first: the map as it was before any actor.
  assert.match(await items.last().textContent(), /0 actors/);
  await app.shot('storage-versions-en');
  const exported = await app.download(() => items.nth(1).getByRole('button', { name: 'Export this version' }).click());
  assert.match(exported.name, /^Versionerad karta-.*\.samverkan\.json$/);
  assert.equal(JSON.parse(exported.text).map.actors.length, 24);

  await items.last().getByRole('button', { name: 'Restore this version' }).click();
  await dialog.waitFor({ state: 'detached' });
  const note = app.page.getByRole('status').filter({ hasText: /The version of .* is restored/ });
  await note.waitFor();
  assert.deepEqual(await app.actorNames(), []);
  await note.getByRole('button', { name: 'Undo' }).click();
  assert.equal((await app.actorNames()).length, 25);
  await app.saved();
  // The state before the restore is kept as a version too.
  await app.button('Versions').click();
  await dialog.locator('ol.versionlist > li', { hasText: 'Before restore' }).first().waitFor();
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});

test('a map of more than 5 MiB saves and reloads', async () => {
  const doc = generateDocument(3000, { id: 'stor-karta' });
  doc.map.title = 'Stor karta';
  doc.map.actors.forEach((a, i) => { a.notes = `Anteckning ${i}: ${'samverkan kring kompetensförsörjning '.repeat(50)}`; });
  const text = JSON.stringify(doc);
  assert.ok(text.length > 5.3e6, `${text.length} characters`);
  const app = await harness.newApp('en');
  await importText(app, 'stor-karta.samverkan.json', text);
  await app.page.getByRole('status').filter({ hasText: 'was imported as a new map' }).waitFor({ timeout: 60_000 });
  await app.saved();
  const stored = await app.storage();
  assert.ok(stored['samverkan.map.stor-karta'].length > 5.3e6);
  await app.reload();
  await app.button('Open Stor karta').waitFor({ timeout: 60_000 });
  assert.match(await app.page.locator('.maprow', { hasText: 'Stor karta' }).textContent(), /3000 actors/);
  assert.deepEqual(app.errors.filter((e) => !/long task/i.test(e)), []);
  await app.page.context().close();
});

test('maps the previous version left in local storage move over unchanged', async () => {
  const context = await harness.browser.newContext();
  const page = await context.newPage();
  const doc = generateDocument(40, { id: 'gammal-karta' });
  await seedStorage(page, harness.server.url, doc);
  await page.evaluate(() => localStorage.setItem('samverkan.lang', 'en'));
  await page.goto(`${harness.server.url}?lang=en`);
  await page.locator('svg.network g.node').nth(39).waitFor();
  const stored = await storedMaps(page);
  assert.equal(stored['samverkan.map.gammal-karta'], JSON.stringify(doc), 'the same text, byte for byte');
  const left = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(left.filter((k) => k.startsWith('samverkan.map.') || k === 'samverkan.index'), []);
  assert.ok(left.includes('samverkan.lang'), 'preferences stay in local storage');
  await context.close();
});

test('a full quota gives an alert, editing goes on, and nothing saved is lost', async (t) => {
  // A browser profile on a 40 MiB tmpfs: its quota is small enough to fill.
  const dir = await mkdtemp(join(tmpdir(), 'samverkan-small-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=40m', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    await rm(dir, { recursive: true, force: true });
    t.skip('a small tmpfs cannot be mounted here');
    return;
  }
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const app = new App(await context.newPage(), harness.server.url, 'en');
    await app.open();
    await app.newMap();
    await app.renameMap('Untitled map', 'Liten karta');
    await app.addActor('Redan sparad');
    await app.saved();
    // Fill the origin's quota with another database, in ever smaller pieces.
    const filled = await app.page.evaluate(async () => {
      const db = await new Promise((resolve, reject) => {
        const opening = indexedDB.open('filler', 1);
        opening.onupgradeneeded = () => opening.result.createObjectStore('blobs');
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(opening.error);
      });
      const put = (key, size) => new Promise((resolve) => {
        const tx = db.transaction('blobs', 'readwrite');
        tx.objectStore('blobs').put('x'.repeat(size), key);
        tx.oncomplete = () => resolve(true);
        tx.onabort = () => resolve(tx.error?.name);
      });
      let key = 0; let last = null;
      for (const size of [4 << 20, 1 << 20, 64 << 10, 4 << 10, 256]) {
        for (let i = 0; i < 400; i++) {
          const result = await put(key++, size);
          if (result !== true) { last = result; break; }
        }
      }
      return last;
    });
    assert.equal(filled, 'QuotaExceededError', 'the quota is full');
    await app.addActor('Tillagd när lagringen är full');
    const alert = app.alerts.filter({ hasText: 'Storage is full' });
    await alert.waitFor();
    await alert.getByRole('button', { name: 'Export now' }).waitFor();
    assert.equal(await app.page.locator('.status').textContent(), 'Not saved');
    await app.addActor('Tillagd i minnet');
    assert.deepEqual(await app.actorNames(), ['Redan sparad', 'Tillagd när lagringen är full', 'Tillagd i minnet'], 'editing goes on in memory');
    const stored = await app.storage();
    const small = JSON.parse(stored[mapKeys(stored)[0]]).map;
    assert.deepEqual(small.actors.map((a) => a.name), ['Redan sparad'], 'the saved map is intact');
  } finally {
    await context.close();
    execFileSync('umount', [dir]);
    await rm(dir, { recursive: true, force: true });
  }
});

test('two tabs edit the same map in turn and neither rolls the other back', async () => {
  const app = await harness.newApp('en');
  await app.newMap();
  await app.addActor('Från början');
  await app.saved();
  const other = new App(await app.page.context().newPage(), harness.server.url, 'en');
  await other.page.goto(other.url());
  await other.addActorBox.waitFor();
  const names = ['Första fliken 1', 'Andra fliken 1', 'Första fliken 2', 'Andra fliken 2'];
  for (const [i, name] of names.entries()) {
    const [writer, reader] = i % 2 === 0 ? [app, other] : [other, app];
    await writer.page.bringToFront();
    await writer.addActor(name);
    await writer.saved();
    // The other tab takes the new revision without asking.
    await reader.page.waitForFunction((n) => document.querySelectorAll('svg.network g.node').length === n, i + 2);
  }
  for (const tab of [app, other]) {
    assert.equal(await tab.page.getByRole('alert').count(), 0, 'no conflict');
    assert.deepEqual(await tab.actorNames(), ['Från början', ...names]);
  }
  const stored = await app.storage();
  const map = JSON.parse(stored[mapKeys(stored)[0]]).map;
  assert.deepEqual(map.actors.map((a) => a.name), ['Från början', ...names]);
  await app.page.context().close();
});

test('persistent storage is asked after the first edit and the storage line says the answer', async () => {
  const context = await harness.browser.newContext();
  await context.addInitScript(() => {
    const ask = StorageManager.prototype.persist;
    StorageManager.prototype.persist = function persist() {
      window.persistAsked = (window.persistAsked ?? 0) + 1;
      return ask.call(this);
    };
  });
  const app = new App(await context.newPage(), harness.server.url, 'en');
  await app.open();
  assert.equal(await app.page.evaluate(() => window.persistAsked ?? 0), 0, 'not before an edit');
  await app.newMap();
  await app.addActor('Första ändringen');
  await app.saved();
  await app.page.waitForFunction(() => window.persistAsked === 1);
  await app.page.locator('#storage-line', { hasText: /The browser (keeps the data|may clear the data)/ }).waitFor();
  await context.close();
});

test('Safari outside an installed app is told it deletes the data after 7 days, once', async () => {
  const safari = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
  const context = await harness.browser.newContext({ userAgent: safari });
  const app = new App(await context.newPage(), harness.server.url, 'en');
  await app.open();
  const notice = app.alerts.filter({ hasText: /Safari deletes this site.s data after 7 days without a visit/ });
  await notice.waitFor();
  assert.match(await notice.textContent(), /Add to Home Screen.*download a backup/);
  await notice.getByRole('button', { name: 'Download backup' }).waitFor();
  await app.shot('storage-safari-notice-en');
  await app.reload();
  assert.equal(await app.alerts.filter({ hasText: 'Safari deletes' }).count(), 0, 'told once');
  await context.close();

  const chromium = await harness.newApp('en');
  assert.equal(await chromium.alerts.filter({ hasText: 'Safari deletes' }).count(), 0, 'not in Chromium');
  await chromium.page.context().close();
});
