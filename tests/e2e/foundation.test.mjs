// End-to-end: the foundation as a user meets it: maps survive a reload, the language
// switch, a corrupted stored map, the CSP and no network after load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { builtFiles, startHarness, workerReady } from './app.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

test('a new map with three actors is still there after a reload', async () => {
  const app = await harness.newApp('en');
  await app.newMap();
  await app.renameMap('Untitled map', 'Workshop Jönköping');
  for (const name of ['Region Jönköpings län', 'Jönköping University', 'Arbetsförmedlingen']) {
    await app.addActor(name);
  }
  assert.deepEqual(await app.actorNames(), ['Region Jönköpings län', 'Jönköping University', 'Arbetsförmedlingen']);
  await app.saved();
  await app.shot('foundation-three-actors-en');
  await app.reload();
  assert.deepEqual(await app.actorNames(), ['Region Jönköpings län', 'Jönköping University', 'Arbetsförmedlingen']);
  await app.button('Open Workshop Jönköping').waitFor();
  const keys = Object.keys(await app.storage());
  assert.ok(keys.length > 0 && keys.every((k) => k.startsWith('samverkan.')), `keys: ${keys}`);
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});

test('the language switch changes every label and survives a reload', async () => {
  const app = await harness.newApp('sv');
  await app.button('Ny karta').waitFor();
  assert.equal(await app.page.getAttribute('html', 'lang'), 'sv');
  await app.button('English').click();
  await app.button('New map').waitFor();
  for (const name of ['Undo', 'Redo', 'Import', 'Export JSON', 'Svenska']) {
    await app.button(name).waitFor();
  }
  assert.equal(await app.page.getAttribute('html', 'lang'), 'en');
  assert.match(app.page.url(), /[?&]lang=en/);
  await app.page.reload();
  await app.button('New map').waitFor();
  await app.button('Svenska').click();
  await app.button('Ny karta').waitFor();
  await app.page.context().close();
});

test('a corrupted stored map is backed up, reported, and the other maps still load', async () => {
  const app = await harness.newApp('en');
  await app.newMap();
  await app.addActor('Almi Företagspartner');
  await app.saved();
  await app.page.evaluate(() => localStorage.setItem('samverkan.map.broken', '{"format":"samverkan","version":1,"map":{"id":"broken","ti'));
  await app.reload();
  const alert = app.alerts.first();
  await alert.waitFor();
  assert.match(await alert.textContent(), /A stored map could not be read .*not valid JSON.*kept as a backup/);
  assert.deepEqual(await app.actorNames(), ['Almi Företagspartner']);
  const storage = await app.storage();
  const backups = Object.keys(storage).filter((k) => k.startsWith('samverkan.backup.'));
  assert.equal(backups.length, 1);
  assert.equal(storage[backups[0]], '{"format":"samverkan","version":1,"map":{"id":"broken","ti');
  assert.equal(storage['samverkan.map.broken'], undefined);
  const download = app.page.waitForEvent('download');
  await app.button('Download the backup').click();
  assert.match((await download).suggestedFilename(), /^samverkan\.backup\..*\.json$/);
  await app.shot('foundation-corrupted-map-en');
  await app.page.context().close();
});

test('the page runs under its CSP and makes no request after loading', async () => {
  const first = harness.server.requests.length;
  const app = await harness.newApp('en');
  const csp = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.match(csp, /object-src 'none'/);
  assert.match(csp, /base-uri 'none'/);
  // The stylesheet ships without its comments (scripts/css-comments.mjs); its link's
  // integrity hash must follow, or the browser refuses it.
  assert.ok(await app.page.evaluate(() => [...document.styleSheets].some((sheet) => /\/main-\w+\.css$/.test(sheet.href) && sheet.cssRules.length > 100)), 'the stylesheet is in force');
  // Once the page is quiet, its service worker fetches the app's own files once, to keep
  // them for use offline. Once it has done so and controls the page, nothing goes over the
  // network any more: not from the page, not from the worker (the context sees both, the
  // server everything).
  await workerReady(app.page);
  const loaded = harness.server.requests.length;
  const requests = [];
  app.page.context().on('request', (r) => requests.push(r));
  await app.newMap();
  await app.addActor('Länsstyrelsen');
  await app.saved();
  // The parts fetched when first needed (src/ui/shell/parts.rs), the side panel's overview
  // with the map among them, come from the worker's copy.
  await app.page.locator('svg.network g.node').first().click();
  await app.page.locator('.sidepanel').getByRole('textbox', { name: 'Name', exact: true }).waitFor();
  for (const tab of ['Grid', 'Table', 'Council', 'Onion', 'Engagement']) await app.tab(tab);
  await app.page.keyboard.press('Escape');
  assert.ok(requests.length > 0, 'the parts were asked for');
  for (const request of requests) {
    assert.match(request.url(), /\/parts-[0-9a-f]+\/[\w.]+\.wasm$/);
    assert.ok((await request.response()).fromServiceWorker(), `${request.url()} came from the kept copy`);
  }
  assert.deepEqual(harness.server.requests.slice(loaded), []);
  const shell = new Set(['/', ...builtFiles().map((file) => `/${file}`)]);
  const strangers = harness.server.requests.slice(first, loaded).filter((path) => !shell.has(path));
  assert.deepEqual(strangers, [], 'while loading, only the built files were asked for');
  assert.deepEqual(app.errors, [], 'no CSP violation or error in the console');
  await app.page.context().close();
});

test("a second tab's list follows maps created, renamed and deleted in the first", async () => {
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const open = async () => {
    const page = await context.newPage();
    await page.goto(`${harness.server.url}?lang=en`);
    await page.getByRole('button', { name: 'New map', exact: true }).waitFor();
    return page;
  };
  const first = await open();
  const second = await open();
  await first.getByRole('button', { name: 'New map', exact: true }).click();
  const box = first.getByRole('textbox', { name: 'Add actor' });
  await box.fill('Region Gävleborg');
  await box.press('Enter');
  await second.getByRole('button', { name: 'Open Untitled map' }).waitFor();
  await second.getByRole('button', { name: 'Open Untitled map' }).click();
  await second.getByRole('button', { name: /^Region Gävleborg, influence/ }).waitFor();

  // An edit to the open map in the first tab reaches the second (no unsaved changes there).
  await box.fill('Högskolan i Gävle');
  await box.press('Enter');
  await second.getByRole('button', { name: /^Högskolan i Gävle, influence/ }).waitFor();

  // A renamed map changes its line; a deleted one disappears.
  await first.getByRole('button', { name: 'Rename Untitled map' }).click();
  await first.getByRole('textbox', { name: 'Map title' }).fill('Dialog Gävle');
  await first.getByRole('textbox', { name: 'Map title' }).press('Enter');
  await second.getByRole('button', { name: 'Open Dialog Gävle' }).waitFor();
  await first.getByRole('button', { name: 'New map', exact: true }).click();
  await first.getByRole('button', { name: 'Rename Untitled map' }).click();
  await first.getByRole('textbox', { name: 'Map title' }).fill('Kortlivad');
  await first.getByRole('textbox', { name: 'Map title' }).press('Enter');
  await second.getByRole('button', { name: 'Open Kortlivad' }).waitFor();
  await first.getByRole('button', { name: 'Delete Kortlivad' }).click();
  await first.locator('.confirm').getByRole('button', { name: 'Delete', exact: true }).click();
  await second.getByRole('button', { name: 'Open Kortlivad' }).waitFor({ state: 'detached' });
  assert.deepEqual(await second.locator('.maplist .maptitle .title').allTextContents(), ['Dialog Gävle']);
  await context.close();
});
