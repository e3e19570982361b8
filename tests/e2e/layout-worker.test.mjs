// Large maps are laid out and analysed in the layout worker (issue 25): a 1,000-actor import
// without positions is placed by the worker's wasm, every actor drawn away from the origin
// and saved so; brokers, `What if removed` and communities are worked out there too. When the worker
// cannot start, the page does all of it itself, with the same answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, layoutIdle, nodePositions, showTab, storedMaps, App, linesOffNodesNextFrame, linesOffNodesNow } from './app.mjs';
import { generateDocument } from './generate.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

const ACTORS = 1000;

async function chooseUnplaced(app, id) {
  const file = JSON.stringify(generateDocument(ACTORS, { positions: false, id }));
  await app.page.getByLabel('Import file').setInputFiles({
    name: `${id}.samverkan.json`, mimeType: 'application/json', buffer: Buffer.from(file),
  });
}

async function importUnplaced(app, id) {
  await chooseUnplaced(app, id);
  await app.page.locator('svg.network g.node').nth(ACTORS - 1).waitFor();
}

/** Frame by frame from the import until the layout is at rest: every line drawn meets its
 * actors' nodes (the lines follow the positions each layout frame draws). */
async function assertLinesFollowTheLayout(page) {
  // Frames seen while the layout ran, and lines looked at in them (a map still to be placed
  // has all its actors at one point, where no line is drawn: lines that did not follow
  // would not be there at all).
  let [running, checked] = [0, 0];
  for (const until = Date.now() + 60_000; Date.now() < until;) {
    const seen = await linesOffNodesNextFrame(page);
    assert.deepEqual(seen.off, [], `lines away from their actors ${seen.running ? 'while' : 'after'} the layout ran`);
    if (seen.running) [running, checked] = [running + 1, checked + seen.checked];
    else if (running > 0) break;
  }
  assert.ok(running > 0 && checked > 0, `lines drawn while the layout ran (${running} frames seen)`);
  const after = await linesOffNodesNow(page);
  assert.deepEqual(after.off, []);
  assert.ok(after.checked > 0, 'lines were looked at');
}

/** Asserts every actor is drawn and stored away from the origin (where an unplaced one sits). */
async function assertPlaced(app) {
  const drawn = Object.values(await nodePositions(app.page));
  assert.equal(drawn.length, ACTORS);
  assert.deepEqual(drawn.filter(([x, y]) => x === 0 && y === 0), [], 'drawn at the origin');
  await app.saved();
  const stored = Object.entries(await storedMaps(app.page))
    .filter(([key]) => key.startsWith('samverkan.map.'))
    .map(([, text]) => JSON.parse(text).map)
    .find((map) => map.actors.length === ACTORS);
  assert.ok(stored, 'the map is stored');
  assert.equal(stored.actors.filter((a) => a.x === 0 && a.y === 0).length, 0, 'stored at the origin');
}

test('a 1,000-actor map without positions is laid out in the layout worker, every actor placed and saved, its lines following', async () => {
  const app = await harness.newApp();
  const started = app.page.waitForEvent('worker', (w) => w.url().endsWith('/layout-worker.js'));
  await chooseUnplaced(app, 'big-worker');
  await assertLinesFollowTheLayout(app.page);
  const worker = await started;
  await layoutIdle(app.page, 60_000);
  // The worker's wasm is running the layout, not just loaded.
  assert.equal(await worker.evaluate(() => typeof wasm_bindgen.Layout), 'function');
  await assertPlaced(app);
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});

test('when the layout worker cannot start, the page lays the map out itself', async () => {
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  let refused = 0;
  await context.route('**/layout-worker.js', (route) => { refused++; return route.abort(); });
  const app = new App(page, harness.server.url, 'en');
  await app.open();
  await importUnplaced(app, 'big-here');
  await layoutIdle(page, 90_000);
  assert.equal(refused, 1, 'the worker was asked for once');
  await assertPlaced(app);
  assert.deepEqual(app.errors.filter((e) => !/layout-worker\.js|ERR_FAILED/.test(e)), []);
  await context.close();
});

/** Run in the page before its scripts: counts the answers its workers send to its questions
 * (seen on the page's side of the app's own messages; nothing of the app changed). */
function countAnswers() {
  window.answersFromWorker = 0;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message?.question !== undefined && !this.counted) {
      this.counted = true;
      this.addEventListener('message', ({ data }) => {
        if (typeof data?.answer === 'string') window.answersFromWorker++;
      });
    }
    return post.call(this, message, ...rest);
  };
}

/** The council's top brokers, then `What if removed` for the first of them from the table,
 * then the map coloured by community: the texts the user reads, each actor's colour, and
 * how many answers came from the worker. */
async function analysisShown(options) {
  const { page, errors } = await harness.withStoredMap(generateDocument(ACTORS), { width: 1280, height: 800 }, { init: countAnswers, ...options });
  await showTab(page, 'Council');
  const brokers = page.locator('h3', { hasText: 'Top brokers (highest betweenness) outside the council' })
    .locator('xpath=following-sibling::ul[1]').locator('li');
  await brokers.first().waitFor({ timeout: 60_000 });
  const brokerNames = (await brokers.allTextContents()).map((text) => text.replace(/\s*Add$/, '').trim());
  await showTab(page, 'Table');
  await page.getByRole('checkbox', { name: `Select ${brokerNames[0]}` }).check();
  await page.getByRole('tabpanel').getByRole('button', { name: 'What if removed' }).click();
  const dialog = page.getByRole('dialog', { name: `What if ${brokerNames[0]} left` });
  await dialog.locator('.what-if-risers li').first().waitFor({ timeout: 60_000 });
  const result = {
    brokerNames,
    parts: await dialog.locator('p').first().textContent(),
    cutOff: await dialog.locator('.what-if-cut li').allTextContents(),
    risers: await dialog.locator('.what-if-risers li').allTextContents(),
  };
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await showTab(page, 'Map');
  await page.getByRole('combobox', { name: 'Colour by' }).selectOption({ label: 'Community' });
  await page.locator('.legend', { hasText: 'Community 1' }).waitFor({ timeout: 60_000 });
  result.legend = await page.locator('.legend .legend-item').allTextContents();
  result.colours = await page.locator('svg.network g.node').evaluateAll((nodes) => Object.fromEntries(
    nodes.map((n) => [n.getAttribute('aria-label'), n.querySelector('circle').getAttribute('fill')]),
  ));
  result.answers = await page.evaluate(() => window.answersFromWorker);
  assert.deepEqual(errors, []);
  await page.context().close();
  return result;
}

test('on a 1,000-actor map brokers, What if removed and communities are worked out in the worker, with the answers the page gives', async () => {
  const away = await analysisShown({});
  // The brokers, the risers and the communities (a question each), answered by the worker.
  assert.ok(away.answers >= 3, `${away.answers} answers from the worker`);
  assert.equal(away.brokerNames.length, 5);
  assert.ok(away.risers.length > 0 && away.risers.length <= 3);
  assert.ok(away.legend.length >= 3, away.legend.join(', '));
  assert.equal(Object.keys(away.colours).length, ACTORS);
  const here = await analysisShown({ refuse: ['**/layout-worker.js'] });
  assert.equal(here.answers, 0, 'no worker answered');
  const shown = ({ answers, ...texts }) => texts;
  assert.deepEqual(shown(away), shown(here));
});

test('on a 1,000-actor map Colour by Community keeps the sector colours until the communities are found, and the legend names them once every node has its colour', async () => {
  const { page, errors } = await harness.withStoredMap(generateDocument(ACTORS), { width: 1280, height: 800 });
  await page.locator('svg.network g.node').nth(ACTORS - 1).waitFor();
  await layoutIdle(page);
  const ALONE = '#b8bcc2';
  const bySector = new Set(await page.locator('svg.network g.node circle').evaluateAll((cs) => cs.map((c) => c.getAttribute('fill'))));
  // Every frame from the choice on, until the legend names a community: the nodes' colours
  // (how many of each) and the legend's.
  const frames = page.evaluate(() => new Promise((resolve) => {
    const seen = [];
    const look = () => {
      const fills = {};
      for (const c of document.querySelectorAll('svg.network g.node circle')) {
        const fill = c.getAttribute('fill');
        fills[fill] = (fills[fill] ?? 0) + 1;
      }
      const items = [...document.querySelectorAll('.legend .legend-item')];
      const named = items.some((i) => /^Community \d+$/.test(i.textContent.trim()));
      seen.push({ fills, legend: [...document.querySelectorAll('.legend .swatch')].map((s) => s.dataset.color), named });
      if (named) resolve(seen); else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }));
  await page.getByRole('combobox', { name: 'Colour by' }).selectOption({ label: 'Community' });
  const seen = await frames;
  const shown = seen.at(-1);
  const byCommunity = Object.keys(shown.fills);
  assert.ok(byCommunity.some((f) => !bySector.has(f)), `coloured by community: ${byCommunity.join(', ')}`);
  // The legend came with the last of the nodes: each colour drawn is one it explains.
  assert.deepEqual(byCommunity.filter((f) => !shown.legend.includes(f)), []);
  // Before that, no node was painted grey while the communities were being found, and each
  // had its sector's colour or its community's.
  const alone = shown.fills[ALONE] ?? 0;
  assert.ok(alone < ACTORS / 10, `${alone} actors alone`);
  for (const frame of seen.slice(0, -1)) {
    assert.ok((frame.fills[ALONE] ?? 0) <= alone, `a frame with ${frame.fills[ALONE]} grey nodes`);
    assert.deepEqual(Object.keys(frame.fills).filter((f) => !bySector.has(f) && !shown.fills[f]), []);
  }
  assert.deepEqual(errors, []);
  await page.context().close();
});
