// End-to-end: the parts of the app beyond the first screen (src/ui/shell/parts.rs) are fetched
// when first needed, not with the page; one that cannot be fetched says so and is tried
// again the next time it is needed. Service workers are blocked here: the worker fetches
// every part in the background once installed, which tests/e2e/offline.test.mjs covers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { App, startHarness } from './app.mjs';
import { regionalDocument } from './regional.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

async function openWithoutWorker() {
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const app = new App(await context.newPage(), harness.server.url, 'en');
  await app.open();
  return app;
}

/** Parts the app fetches once the first screen is up: the backup, following other tabs,
 * storage measuring and version pruning after a save, and the network metrics the side panel
 * and council use (issue 22 moved them out of the first load); what sits under the map list
 * (exports, the storage line, sharing) and the map's `Layout` select (issue 23 made room for
 * room mode's way in). */
const BACKGROUND = new Set(['backup_service', 'following_other_tabs', 'measuring', 'pruning', 'measuring_network', 'map_list_footer', 'layout_select']);
const partsAsked = (requests) => requests.filter((path) => /\/parts-[0-9a-f]+\/split_/.test(path))
  .map((path) => path.replace(/^.*\/split_|\.wasm$/g, ''))
  .filter((part) => !BACKGROUND.has(part));

test('the first load fetches only the side panel\'s overview; the Council tab fetches its own when first shown', async () => {
  const { requests } = harness.server;
  const seen = requests.length;
  const app = await openWithoutWorker();
  await app.newMap();
  await app.addActor('Region Örebro län #public_sector');
  await app.page.locator('svg.network g.node').waitFor();
  // The side panel's overview comes after the map (a phone does not ask for it until its
  // `Details` sheet opens): once the panel shows, it is the only part asked for.
  await app.page.getByRole('heading', { name: 'Analysis' }).waitFor();
  assert.deepEqual(partsAsked(requests.slice(seen)), ['overview'], 'the map needs no part');

  await app.tab('Council');
  await app.page.getByRole('textbox', { name: 'Council name' }).fill('Kompetensrådet');
  assert.deepEqual(partsAsked(requests.slice(seen)), ['overview', 'council']);
  await app.tab('Map');
  await app.tab('Council');
  assert.equal(await app.page.getByRole('textbox', { name: 'Council name' }).inputValue(), 'Kompetensrådet');
  assert.deepEqual(partsAsked(requests.slice(seen)), ['overview', 'council'], 'fetched once');
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});

test('a reopened map draws its nodes before the first screen fetches its parts', async () => {
  // Each part file's fetch waits for the task that asks for it to end: some ninety files
  // (the side panel's parts and the chunks they share) cost the page about 100 ms.
  const doc = regionalDocument({ positions: true });
  const init = (n) => {
    const seen = { fetched: [], drawn: null };
    window.__order = seen;
    const fetch = window.fetch.bind(window);
    window.fetch = (input, options) => {
      if (String(input).includes('/parts-')) seen.fetched.push(performance.now());
      return fetch(input, options);
    };
    new MutationObserver((_, watch) => {
      if (document.querySelectorAll('svg.network g.node').length < n) return;
      seen.drawn = performance.now();
      watch.disconnect();
    }).observe(document, { childList: true, subtree: true });
  };
  const { page, errors } = await harness.withStoredMap(doc, { width: 1280, height: 800 }, { init: `(${init})(${doc.map.actors.length})` });
  await page.reload();
  await page.getByRole('heading', { name: 'Analysis' }).waitFor();
  const { fetched, drawn } = await page.evaluate(() => window.__order);
  assert.ok(drawn !== null && fetched.length > 0, `drawn ${drawn}, ${fetched.length} part files fetched`);
  assert.equal(fetched.filter((t) => t < drawn).length, 0, 'part files fetched before the nodes were drawn');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a part that cannot be fetched says so, the map stays, and the next try loads it', async () => {
  const app = await openWithoutWorker();
  await app.newMap();
  await app.addActor('Almi Företagspartner');
  await app.saved();
  const blocked = '**/split_engagement.wasm';
  await app.page.route(blocked, (route) => route.abort('internetdisconnected'));

  await app.page.getByRole('tab', { name: 'Engagement' }).click();
  await app.page.getByRole('tabpanel').getByRole('alert')
    .filter({ hasText: 'This part of the app could not be fetched.' }).waitFor();
  await app.tab('Map');
  await app.page.locator('svg.network g.node').waitFor();

  await app.page.unroute(blocked);
  await app.tab('Engagement');
  await app.page.getByRole('button', { name: 'Log interaction' }).first().waitFor();
  await app.reload();
  assert.deepEqual(await app.actorNames(), ['Almi Företagspartner'], 'nothing saved was lost');
  await app.page.context().close();
});

test('an export whose part cannot be fetched says so in a message, and works on the next click', async () => {
  const app = await openWithoutWorker();
  await app.newMap();
  await app.addActor('Region Jönköpings län');
  const blocked = '**/split_formats.wasm';
  await app.page.route(blocked, (route) => route.abort('internetdisconnected'));
  await app.button('Export GraphML').click();
  await app.alerts.filter({ hasText: 'This part of the app could not be fetched.' }).waitFor();
  await app.page.unroute(blocked);
  const graphml = await app.download(() => app.button('Export GraphML').click());
  assert.match(graphml.text, /Region Jönköpings län/);
  await app.page.context().close();
});

test('a dialog whose part cannot be fetched says so in a message', async () => {
  const app = await openWithoutWorker();
  await app.page.route('**/split_help_overlay.wasm', (route) => route.abort('internetdisconnected'));
  await app.button('Keyboard shortcuts').click();
  await app.alerts.filter({ hasText: 'This part of the app could not be fetched.' }).waitFor();
  assert.equal(await app.page.getByRole('dialog').count(), 0);
  await app.page.context().close();
});
