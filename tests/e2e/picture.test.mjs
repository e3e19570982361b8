// A stable picture the room can read: adding an actor or a link moves only what is new
// and its neighbours; the rest of the map stays where the room last saw it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, layoutIdle, nodePositions, showTab, linesDrawn, linesDrawnReach, linesOffNodesNow, linesOffNodesNextFrame } from './app.mjs';
import { generateDocument } from './generate.mjs';
import { regionalDocument } from './regional.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

/** Resolves once the layout is at rest and the label pass that follows it has rendered
 * (it runs right after the layout stops, so two frames later it is on screen). */
const idle = async (page) => {
  await layoutIdle(page);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
};

const moved = (before, after) => Object.keys(before)
  .filter((name) => Math.hypot(after[name][0] - before[name][0], after[name][1] - before[name][1]) > 5);

test('adding an actor or a link to a settled 38-actor map moves only what is new and its neighbours', async () => {
  const doc = generateDocument(38, { id: 'stable-38' });
  const { page } = await harness.withStoredMap(doc);
  await idle(page);
  const before = await nodePositions(page);
  const box = page.getByRole('textbox', { name: 'Add actor' });
  await box.fill('Nyföretagarcentrum');
  await box.press('Enter');
  await page.getByRole('button', { name: /^Nyföretagarcentrum, influence/ }).waitFor();
  await idle(page);
  const afterAdd = await nodePositions(page);
  assert.deepEqual(moved(before, afterAdd), [], 'no existing actor moved');
  // Link the newcomer to one actor: only those two may move.
  const target = doc.map.actors[5].name;
  const lines = await linesDrawn(page);
  await page.getByRole('button', { name: /^Nyföretagarcentrum, influence/ }).click();
  await page.getByRole('button', { name: new RegExp(`^${target}, influence`) }).click({ modifiers: ['Shift'] });
  // The layout starts with the new line, in the same render.
  await linesDrawnReach(page, lines + 1);
  // Frame by frame while the two find their places, every line meets its actors.
  for (let seen = await linesOffNodesNextFrame(page); ; seen = await linesOffNodesNextFrame(page)) {
    assert.deepEqual(seen.off, [], `lines away from their actors ${seen.running ? 'while' : 'after'} the layout ran`);
    if (!seen.running) break;
  }
  await idle(page);
  const afterLink = await nodePositions(page);
  const linkMoved = moved(afterAdd, afterLink).filter((n) => n !== 'Nyföretagarcentrum');
  assert.ok(linkMoved.every((n) => n === target), `only the linked actor may move, moved: ${linkMoved}`);
  await page.context().close();
});

/** The labels that show, the pairs of them that intersect on screen, and the smallest
 * height. Waits (up to 5 s) for the label pass to come to a set without overlaps; what
 * is returned is then the state the room sees. */
const overlappingLabels = async (page, selector) => {
  await page.waitForFunction((sel) => {
    const boxes = [...document.querySelectorAll(sel)]
      .filter((l) => getComputedStyle(l).display !== 'none')
      .map((l) => l.getBoundingClientRect())
      .filter((r) => r.width > 0);
    return boxes.length > 0 && boxes.every((a, i) => boxes.slice(i + 1)
      .every((b) => !(a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)));
  }, selector, { timeout: 5000 }).catch(() => {});
  return measureLabels(page, selector);
};

const measureLabels = (page, selector) => page.locator(selector).evaluateAll((labels) => {
  const shownLabels = labels.filter((l) => getComputedStyle(l).display !== 'none' && l.getBoundingClientRect().width > 0);
  const boxes = shownLabels.map((l) => l.getBoundingClientRect());
  const pairs = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) {
        pairs.push(`${shownLabels[i].textContent} / ${shownLabels[j].textContent}`);
      }
    }
  }
  return { shown: boxes.length, pairs, minHeight: Math.min(...boxes.map((r) => r.height)) };
});

test('on a projector every actor of a 40-actor map has its label, none overlapping, on the map and the grid', async () => {
  const doc = regionalDocument();
  const n = doc.map.actors.length;
  const { page } = await harness.withStoredMap(doc);
  await idle(page);
  for (const mode of ['map', 'projection']) {
    if (mode === 'projection') await page.getByRole('button', { name: 'Projection mode' }).click();
    await idle(page);
    const map = await overlappingLabels(page, 'svg.network .node-label');
    assert.deepEqual(map.pairs, [], `${mode}: no two labels overlap`);
    assert.ok(map.minHeight >= 16, `${mode}: labels are at least 16 px high (${map.minHeight})`);
    if (mode === 'projection') assert.equal(map.shown, n, `${mode}: every actor’s label shows`);
  }
  await page.keyboard.press('Escape');
  await showTab(page, 'Grid');
  await page.getByRole('button', { name: 'Projection mode' }).click();
  const grid = await overlappingLabels(page, 'svg.grid .grid-name');
  assert.deepEqual(grid.pairs, [], 'grid: no two names overlap');
  assert.equal(grid.shown, n, "grid: every actor's name shows");
  await page.context().close();

  const small = await harness.newApp('en', { width: 1280, height: 800 });
  await small.newMap();
  // Measured once the side panel (a part fetched after the first paint) has come in.
  await small.page.getByRole('heading', { name: 'Analysis' }).waitFor();
  const canvas = await small.page.locator('svg.network').boundingBox();
  assert.ok(canvas.height >= 0.7 * 800, `the canvas is ${canvas.height} px of 800`);
  await small.page.context().close();
});

test('a dragged actor and its lines go onto a layer of their own while it moves, and come back', async () => {
  const doc = regionalDocument({ positions: true });
  const { page, errors } = await harness.withStoredMap(doc, { width: 1280, height: 800 });
  const rjl = doc.map.actors.find((a) => a.name === 'Region Jönköpings län');
  const own = doc.map.relations.filter((r) => r.from === rjl.id || r.to === rjl.id).length;
  const total = await linesDrawn(page);
  assert.equal(total, doc.map.relations.length, 'every relation drawn');
  const node = page.getByRole('button', { name: /^Region Jönköpings län, influence/ });
  const box = await node.boundingBox();
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 120, y + 60, { steps: 10 });
  const during = await page.evaluate(() => {
    const count = (selector) => [...document.querySelectorAll(selector)]
      .reduce((n, path) => n + path.getAttribute('data-ends').split(' ').length, 0);
    return {
      lifted: [...document.querySelectorAll('svg.network .node.lifted')].map((n) => n.getAttribute('aria-label').split(',')[0]),
      copy: document.querySelector('svg.network .lifted-copy text')?.textContent,
      moving: count('svg.network .relations.moving path.relation'),
      still: count('svg.network .relations:not(.moving) path.relation'),
    };
  });
  assert.deepEqual(during.lifted, ['Region Jönköpings län'], 'the actor in place is hidden');
  assert.equal(during.copy, 'RJL', 'its copy, named, moves on the layer');
  assert.equal(during.moving, own, 'its lines move with it');
  assert.equal(during.still + during.moving, total, 'no line lost or drawn twice');
  assert.deepEqual((await linesOffNodesNow(page)).off, [], 'every line meets its actors mid-drag');
  await page.mouse.up();
  await page.locator('svg.network .lifted-copy').waitFor({ state: 'detached' });
  assert.equal(await page.locator('svg.network .node.lifted').count(), 0);
  assert.equal(await linesDrawn(page), total);
  assert.deepEqual((await linesOffNodesNow(page)).off, [], 'every line meets its actors once dropped');
  const moved = await node.boundingBox();
  assert.ok(Math.abs(moved.x - box.x - 120) < 4 && Math.abs(moved.y - box.y - 60) < 4, 'dropped where it was let go');
  assert.deepEqual(errors, []);
  await page.context().close();
});
