// Every actor named at the sizes people use (issue 24): the regional map opened without
// positions, laid out by the app at 1180×820 (a tablet in landscape), 1280×800 and 1920×1080
// with the map list and the side panel shown; on the map, the grid and the onion the names shown, their overlaps and the
// drawing's extent are measured from the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, layoutIdle, showTab } from './app.mjs';
import { regionalDocument } from './regional.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

const SIZES = [{ width: 1280, height: 800 }, { width: 1920, height: 1080 }];
const ACTORS = regionalDocument().map.actors.length;

/** In the page: the boxes (client rects) of the names shown in `svg` and of its dots. */
function measure([svgSelector, nameSelector, dotSelector]) {
  const svg = document.querySelector(svgSelector);
  const box = (r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  const names = [...svg.querySelectorAll(nameSelector)]
    .filter((t) => getComputedStyle(t).display !== 'none' && getComputedStyle(t).visibility !== 'hidden')
    .map((t) => ({ text: t.textContent, actor: t.closest('[data-actor]')?.dataset.actor ?? t.dataset.actor, ...box(t.getBoundingClientRect()) }));
  const dots = [...svg.querySelectorAll(dotSelector)].map((c) => ({
    actor: c.closest('[data-actor]')?.dataset.actor, ...box(c.getBoundingClientRect()),
  }));
  return { canvas: box(svg.getBoundingClientRect()), names, dots };
}

/** Pairs of boxes that overlap by more than a pixel each way (labels' halos may touch). */
const overlapping = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
  && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;

function assertClear({ names, dots }, where) {
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      assert.ok(!overlapping(names[i], names[j]), `${where}: "${names[i].text}" overlaps "${names[j].text}"`);
    }
    const covered = dots.find((d) => d.actor !== names[i].actor && overlapping(names[i], d));
    assert.ok(!covered, `${where}: "${names[i].text}" covers ${covered?.actor ? `the dot of ${covered.actor}` : "a quadrant's name"}`);
  }
}

/** In the page: the actors whose name is set away from their dot (more than `gap` px between
 * the boxes), and those with a line leading to their name. */
function setAway(gap) {
  const svg = document.querySelector('svg.network');
  const dot = (id) => svg.querySelector(`g.node[data-actor="${CSS.escape(id)}"] circle`)?.getBoundingClientRect();
  const away = [...svg.querySelectorAll('text.node-label')].filter((t) => {
    const [n, d] = [t.getBoundingClientRect(), dot(t.dataset.actor)];
    if (!d) return false;
    const dx = Math.max(d.left - n.right, n.left - d.right, 0);
    const dy = Math.max(d.top - n.bottom, n.top - d.bottom, 0);
    return Math.hypot(dx, dy) > gap;
  }).map((t) => t.dataset.actor);
  const led = [...svg.querySelectorAll('g.node-leader')].filter((g) => g.querySelector('line')).map((g) => g.dataset.actor);
  return { away, led };
}

// A tablet in landscape (1180×820) too: its narrower columns leave the map 648 px, fitted to
// its names; a name with no room beside its dot is set a line or more away, with a line
// leading to it (as on the grid).
for (const viewport of [{ width: 1180, height: 820 }, ...SIZES]) {
  const size = `${viewport.width}×${viewport.height}`;
  const share = 0.95;

  test(`Map at ${size} with both columns: ${share * 100} % of the actors named, none overlapping, the drawing filling the canvas`, async () => {
    const doc = regionalDocument();
    const { page, errors } = await harness.withStoredMap(doc, viewport);
    await layoutIdle(page);
    await page.getByRole('complementary').first().waitFor();
    // The names are placed once the layout is at rest and the view has fitted it.
    const shown = () => page.evaluate(measure, ['svg.network', 'text.node-label', 'g.node circle']);
    await page.waitForFunction((n) => document.querySelectorAll('svg.network text.node-label').length >= n, Math.ceil(share * ACTORS))
      .catch(() => {});
    const seen = await shown();
    assert.ok(seen.names.length >= Math.ceil(share * ACTORS), `${seen.names.length} of ${ACTORS} named`);
    assertClear(seen, `map at ${size}`);
    const { away, led } = await page.evaluate(setAway, 8);
    for (const actor of away) assert.ok(led.includes(actor), `the name of ${actor}, set away from its dot, has a line to it`);
    const named = new Set(seen.names.map((n) => n.text));
    // The most influential (5) and the most central (top broker) are named first.
    for (const name of ['RJL', 'Jönköpings kommun']) assert.ok(named.has(name), `${name} is named`);
    const xs = seen.dots.flatMap((d) => [d.left, d.right]);
    const ys = seen.dots.flatMap((d) => [d.top, d.bottom]);
    const [width, height] = [seen.canvas.right - seen.canvas.left, seen.canvas.bottom - seen.canvas.top];
    const fill = width >= height ? (Math.max(...xs) - Math.min(...xs)) / width : (Math.max(...ys) - Math.min(...ys)) / height;
    assert.ok(fill >= 0.8, `the drawing spans ${Math.round(fill * 100)} % of the canvas's longer side`);
    const across = (Math.max(...ys) - Math.min(...ys)) / height;
    assert.ok(across >= 0.6, `and ${Math.round(across * 100)} % of its shorter side`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}

// A name with no room beside its dot is set a little away from it (outside the onion), with
// a line leading to it. On a tablet in landscape, with a canvas of 598 px between the
// columns, 39 of the 40 are named on each: 95 % or more is asked there.
for (const viewport of [{ width: 1180, height: 820 }, ...SIZES]) {
  const size = `${viewport.width}×${viewport.height}`;
  const least = viewport.width >= 1280 ? ACTORS : Math.ceil(0.95 * ACTORS);
  const named = least === ACTORS ? 'every actor named' : '95 % of the actors named';
  test(`Grid and onion at ${size} with both columns: ${named}, none overlapping or cut off`, async () => {
    const { page, errors } = await harness.withStoredMap(regionalDocument({ positions: true }), viewport);
    await showTab(page, 'Grid');
    await page.locator('svg.grid .grid-actor').nth(ACTORS - 1).waitFor();
    // The quadrants' names count as dots: no actor's name may cover them.
    const grid = await page.evaluate(measure, ['svg.grid', 'text.grid-name', '.grid-actor circle, text.quadrant-label']);
    await showTab(page, 'Onion');
    await page.locator('svg.onion .onion-actor').nth(ACTORS - 1).waitFor();
    const onion = await page.evaluate(measure, ['svg.onion', 'text.onion-name', '.onion-actor circle']);
    const counts = `grid ${grid.names.length}, onion ${onion.names.length} of ${ACTORS} named`;
    assert.ok(grid.names.length >= least, counts);
    assertClear(grid, `grid at ${size}`);
    assert.ok(onion.names.length >= least, counts);
    assertClear(onion, `onion at ${size}`);
    for (const [view, seen] of [['grid', grid], ['onion', onion]]) {
      const outside = seen.names.find((n) => n.left < seen.canvas.left - 1 || n.right > seen.canvas.right + 1
        || n.top < seen.canvas.top - 1 || n.bottom > seen.canvas.bottom + 1);
      assert.ok(!outside, `${view} at ${size}: "${outside?.text}" is cut off at the canvas's edge`);
    }
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}
