// End-to-end: offline and hosting. After one visit the app opens with no network at all;
// it is installable; the same dist/ works from a sub-path; a new deploy is picked up.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, DIST, builtFiles, startHarness, workerReady } from './app.mjs';
import { serve } from './serve.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

/** The app's caches in the browser (named `samverkan <scope> <build>`). */
const cacheNames = (page) => page.evaluate(() => caches.keys());
/** Resolves once `name` is the app's only cache: its build's worker has installed, taken
 * over and deleted the caches of earlier builds. (Playwright's waitForFunction cannot
 * await, so this asks the page until it is so.) */
const onlyCache = (page, name) => page.evaluate(async (name) => {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    const names = await caches.keys();
    if (names.length === 1 && names[0] === name) return;
    await new Promise((next) => setTimeout(next, 20));
  }
  throw new Error(`caches are still ${JSON.stringify(await caches.keys())}, not [${name}]`);
}, name);
/** The build id the post-build hook wrote into `dir`'s sw.js. */
const buildOf = (dir) => /^const BUILD = '([^']+)';$/m.exec(readFileSync(join(dir, 'sw.js'), 'utf8'))[1];
/** Opens `base` in a fresh profile, in English, as `harness.newApp` does for the root. */
async function openAt(base) {
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const app = new App(await context.newPage(), base, 'en');
  await app.open();
  return app;
}

test('after one visit the app opens and works with no network, its maps there', async () => {
  const { server } = harness;
  const app = await harness.newApp('en');
  await app.newMap();
  await app.addActor('Region Jönköpings län');
  await app.saved();
  await workerReady(app.page);
  assert.deepEqual(await cacheNames(app.page), [`samverkan ${server.url} ${buildOf(DIST)}`]);

  await app.page.context().setOffline(true);
  const seen = server.requests.length;
  await app.reload();
  assert.deepEqual(await app.actorNames(), ['Region Jönköpings län']);
  await app.addActor('Jönköping University');
  await app.saved();
  assert.deepEqual(await app.actorNames(), ['Region Jönköpings län', 'Jönköping University']);
  assert.deepEqual(server.requests.slice(seen), [], 'everything came from the kept copy');
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});

test('the service worker waits until the page is quiet: not while it draws, once it has stopped', async () => {
  // The worker's install fetches and keeps every file of the app; on two cores it held a
  // first import up by a third. A page that draws every frame (an animation running from
  // before the app starts) is never quiet: no worker however long it goes on.
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    window.__frames = 0;
    window.__busy = true;
    const draw = () => { window.__frames += 1; if (window.__busy) requestAnimationFrame(draw); };
    requestAnimationFrame(draw);
  });
  const app = new App(await context.newPage(), harness.server.url, 'en');
  await app.open();
  const registered = () => app.page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
  // Three seconds of frames: three times the quiet the worker waits for.
  await app.page.waitForFunction(() => window.__frames >= 180, null, { timeout: 30_000 });
  assert.equal(await registered(), 0, 'no service worker while the page draws');
  await app.page.evaluate(() => { window.__busy = false; });
  await workerReady(app.page);
  assert.equal(await registered(), 1);
  assert.deepEqual(app.errors, []);
  await context.close();
});

test('the app is installable: Chromium finds nothing missing in its manifest', async () => {
  const app = await harness.newApp('en');
  await workerReady(app.page);
  const cdp = await app.page.context().newCDPSession(app.page);
  const { errors, manifest } = await cdp.send('Page.getAppManifest');
  assert.deepEqual(errors, []);
  assert.equal(manifest.name, 'Samverkan');
  assert.equal(manifest.startUrl, harness.server.url);
  assert.deepEqual(manifest.icons.map((icon) => icon.sizes), ['0x0', '192x192', '512x512', '512x512']);
  // A test profile is always incognito, which no app can be installed from; nothing else.
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors.map((e) => e.errorId), ['in-incognito']);
  const response = await fetch(`${harness.server.url}manifest.webmanifest`);
  assert.equal(response.headers.get('content-type'), 'application/manifest+json');
  await app.page.context().close();
});

test('the same dist/ works from a sub-path, asking for nothing outside it', async () => {
  const prefix = '/verktyg/samverkan/';
  const server = await serve(DIST, 0, prefix);
  try {
    const app = await openAt(server.url);
    await app.newMap();
    await app.addActor('Länsstyrelsen i Jönköpings län');
    await app.saved();
    await workerReady(app.page);
    const scope = await app.page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, server.url);
    await app.page.context().setOffline(true);
    await app.reload();
    assert.deepEqual(await app.actorNames(), ['Länsstyrelsen i Jönköpings län']);
    assert.ok(server.requests.length > 0);
    assert.deepEqual(server.requests.filter((path) => !path.startsWith(prefix)), []);
    assert.deepEqual(app.errors, []);
    await app.page.context().close();
  } finally {
    await server.close();
  }
});

test('a new deploy is used on the next load, kept for offline use, and the old copy dropped', async () => {
  const site = mkdtempSync(join(tmpdir(), 'samverkan-deploy-'));
  cpSync(DIST, site, { recursive: true });
  const server = await serve(site);
  try {
    const app = await openAt(server.url);
    await app.newMap();
    await app.addActor('Almi Företagspartner');
    await app.saved();
    await workerReady(app.page);
    const old = buildOf(site);
    assert.deepEqual(await cacheNames(app.page), [`samverkan ${server.url} ${old}`]);
    const marker = () => app.page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--deploy'));
    assert.equal(await marker(), '');

    // A deploy as Trunk makes one: a changed file under a new hashed name (the old one
    // gone), index.html naming it, and sw.js rewritten by the post-build hook.
    const css = builtFiles(site).find((file) => /^main-[0-9a-f]+\.css$/.test(file));
    const body = `${readFileSync(join(site, css), 'utf8')}\n:root { --deploy: 2; }\n`;
    const integrity = `sha384-${createHash('sha384').update(body).digest('base64')}`;
    writeFileSync(join(site, 'main-0000000000000002.css'), body);
    rmSync(join(site, css));
    const index = readFileSync(join(site, 'index.html'), 'utf8');
    writeFileSync(join(site, 'index.html'), index
      .replace(`./${css}`, './main-0000000000000002.css')
      .replace(/(main-0000000000000002\.css" integrity=")[^"]+/, `$1${integrity}`));
    execFileSync('node', [join(import.meta.dirname, '..', '..', 'scripts', 'precache.mjs'), site]);
    const fresh = buildOf(site);
    assert.notEqual(fresh, old);

    // Online, the next load is the new version at once; meanwhile the browser finds the
    // changed sw.js, whose worker keeps the new files and deletes the old cache.
    await app.reload();
    assert.equal(await marker(), '2');
    await onlyCache(app.page, `samverkan ${server.url} ${fresh}`);
    await app.page.context().setOffline(true);
    const seen = server.requests.length;
    await app.reload();
    assert.equal(await marker(), '2');
    assert.deepEqual(await app.actorNames(), ['Almi Företagspartner']);
    assert.deepEqual(server.requests.slice(seen), [], 'the new version came from the kept copy');
    assert.deepEqual(app.errors, []);
    await app.page.context().close();
  } finally {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  }
});
