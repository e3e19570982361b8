// End-to-end: every device in the room. A phone (390×844, touch) imports a map, adds an actor,
// shows every view, zooms with two fingers and links two actors by touch alone; a tablet
// (1180×820, touch) selects an actor by a tap on its name, rates one on the grid by finger and pinches the grid; nothing
// scrolls sideways at 320 px, nor the side panel at 1180–1920; the map and grid are one tab
// stop each, arrow keys going from actor to actor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, App, layoutIdle, showTab } from './app.mjs';
import { regionalDocument } from './regional.mjs';
import { seedStorage, generateDocument } from './generate.mjs';
import { touchSession, centerOf } from './touch.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };
const TABLET = { viewport: { width: 1180, height: 820 }, hasTouch: true };
const REGIONAL = regionalDocument({ positions: true });
const TABS = ['Map', 'Grid', 'Table', 'Council', 'Onion', 'Engagement'];

/** A fresh touch device in `lang` (English unless told), with `doc` stored when given. */
async function device(options, doc, lang = 'en') {
  const context = await harness.browser.newContext({ ...options, acceptDownloads: true });
  const page = await context.newPage();
  if (doc) await seedStorage(page, harness.server.url, doc);
  const app = new App(page, harness.server.url, lang);
  await page.goto(app.url());
  return { app, page, touch: touchSession(page) };
}

/** The map's camera, from the scene's transform. */
async function camera(page) {
  const transform = await page.locator('svg.network g.scene').getAttribute('transform');
  const [x, y, scale] = /translate\(([-\d.]+) ([-\d.]+)\) scale\(([-\d.]+)\)/.exec(transform).slice(1).map(Number);
  return { x, y, scale };
}

/** How many relations the map's node of `name` announces. */
const relationsOf = (page, name) => page.evaluate((wanted) => {
  const node = [...document.querySelectorAll('svg.network g.node')]
    .find((g) => g.getAttribute('aria-label').startsWith(`${wanted}, influence`));
  return Number(/(\d+) relations?$/.exec(node.getAttribute('aria-label'))[1]);
}, name);

/** Whether the page scrolls sideways. */
const scrollsSideways = (page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

for (const [name, options] of [['phone', PHONE], ['tablet', TABLET]]) {
test(`${name}: import a map, add an actor, every view, pinch and two-finger pan, no page error`, async () => {
  const { app, page, touch } = await device(options);
  // On a phone the start screen offers the header's actions itself (they sit behind `Menu`).
  await app.button('Import').waitFor();
  await page.getByLabel('Import file').setInputFiles({
    name: 'regional.samverkan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(REGIONAL)),
  });
  await page.getByRole('status').filter({ hasText: 'was imported as a new map' }).waitFor();
  await page.locator('svg.network g.node').nth(REGIONAL.map.actors.length - 1).waitFor();
  await layoutIdle(page);
  assert.equal(await scrollsSideways(page), false);

  await app.addActor('Studieförbundet Vuxenskolan #civ');
  await page.getByRole('button', { name: /^Studieförbundet Vuxenskolan, influence/ }).waitFor();

  // Two fingers spread apart zoom in about their midpoint; moved together they pan.
  await layoutIdle(page);
  const canvas = await page.locator('svg.network').boundingBox();
  const middle = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
  const before = await camera(page);
  await touch.pinch(middle, 60, 220);
  const zoomed = await camera(page);
  assert.ok(zoomed.scale > before.scale * 2.5, `zoomed from ${before.scale} to ${zoomed.scale}`);
  await touch.twoFingerPan(middle, { x: middle.x - 50, y: middle.y + 70 });
  const panned = await camera(page);
  assert.equal(panned.scale.toFixed(3), zoomed.scale.toFixed(3), 'a pan does not zoom');
  assert.ok(Math.abs(panned.x - zoomed.x + 50) < 2 && Math.abs(panned.y - zoomed.y - 70) < 2, JSON.stringify({ zoomed, panned }));

  for (const tab of TABS) {
    await showTab(page, tab);
    assert.equal(await scrollsSideways(page), false, `${tab} scrolls sideways at ${options.viewport.width} px`);
  }
  if (options.isMobile) {
    // The sheets of the bottom bar: one at a time, Escape closes them.
    await app.button('Maps').click();
    await page.getByRole('navigation', { name: 'Maps', exact: true }).waitFor();
    await app.button('Details').click();
    await page.getByRole('navigation', { name: 'Maps', exact: true }).waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');
    await page.locator('.sidepanel').waitFor({ state: 'detached' });
  }
  assert.deepEqual(app.errors, []);
  await page.context().close();
});
}

test('phone: link two actors by touch alone (long press → Link → tap the other)', async () => {
  const { app, page, touch } = await device(PHONE, REGIONAL);
  await page.locator('svg.network g.node').nth(REGIONAL.map.actors.length - 1).waitFor();
  await layoutIdle(page);
  // Two actors not linked yet.
  const idOf = Object.fromEntries(REGIONAL.map.actors.map((a) => [a.name, a.id]));
  const linked = (a, b) => REGIONAL.map.relations.some((r) => (r.from === idOf[a] && r.to === idOf[b]) || (r.from === idOf[b] && r.to === idOf[a]));
  const from = 'Jönköpings läns museum';
  const to = REGIONAL.map.actors.map((a) => a.name).find((name) => name !== from && !linked(from, name));
  const node = (name) => page.getByRole('button', { name: new RegExp(`^${name}, influence`) }).locator('circle');
  const before = await relationsOf(page, from);
  await touch.longPress(...Object.values(await centerOf(node(from))));
  const menu = page.getByRole('menu', { name: `Actions for ${from}` });
  await menu.waitFor();
  await menu.getByRole('menuitem', { name: 'Link', exact: true }).tap();
  await page.getByRole('status').filter({ hasText: `Tap the actor to link ${from} to` }).waitFor();
  await touch.tap(...Object.values(await centerOf(node(to))));
  await page.getByRole('status').filter({ hasText: 'Tap the actor to link' }).waitFor({ state: 'detached' });
  assert.equal(await relationsOf(page, from), before + 1);
  await page.keyboard.press('Control+z');
  await page.waitForFunction(([name, n]) => [...document.querySelectorAll('svg.network g.node')]
    .some((g) => g.getAttribute('aria-label').startsWith(`${name}, influence`) && / (\d+) relations?$/.exec(g.getAttribute('aria-label'))[1] === String(n)), [from, before]);
  assert.deepEqual(app.errors, []);
  await page.context().close();
});

test("tablet: a tap on an actor's name selects it (a fitted map's dots are a few pixels across)", async () => {
  const { app, page, touch } = await device(TABLET, REGIONAL);
  await page.locator('svg.network g.node').nth(REGIONAL.map.actors.length - 1).waitFor();
  await layoutIdle(page);
  const name = 'Vetlanda kommun';
  const label = page.locator('svg.network text.node-label', { hasText: name });
  const dot = await page.getByRole('button', { name: new RegExp(`^${name}, influence`) }).locator('circle').boundingBox();
  const at = await centerOf(label);
  // The name's middle is off its dot, so the tap lands on the name alone.
  assert.ok(at.x < dot.x || at.x > dot.x + dot.width || at.y < dot.y || at.y > dot.y + dot.height, JSON.stringify({ at, dot }));
  await touch.tap(at.x, at.y);
  await page.getByRole('button', { name: new RegExp(`^${name}, influence`), pressed: true }).waitFor();
  assert.deepEqual(app.errors, []);
  await page.context().close();
});

test("the side panel fits its column: an actor's contacts and relations do not scroll it sideways", async () => {
  for (const [viewport, options] of [[1180, TABLET], [1280, {}], [1920, {}]]) {
    for (const lang of ['en', 'sv']) {
      const size = { viewport: { width: viewport, height: 820 } };
      const { app, page } = await device({ ...options, ...size }, REGIONAL, lang);
      const influence = lang === 'en' ? 'influence' : 'inflytande';
      await page.getByRole('button', { name: new RegExp(`^Region Jönköpings län, ${influence}`) }).locator('circle').click();
      const panel = page.locator('aside.sidepanel');
      await panel.locator('fieldset.contacts .contact').first().waitFor();
      await panel.locator('fieldset.relations .relation-row').first().waitFor();
      const [client, scroll] = await panel.evaluate((p) => [p.clientWidth, p.scrollWidth]);
      assert.ok(scroll <= client, `${viewport} ${lang}: the panel is ${client} px wide, its content ${scroll}`);
      // Nor is the other actor's name cut off beside its relation's kind.
      const cut = await panel.locator('.relation-row > .link').evaluateAll((links) => links
        .filter((l) => l.scrollWidth > l.clientWidth).map((l) => l.textContent));
      assert.deepEqual(cut, [], `${viewport} ${lang}`);
      assert.deepEqual(app.errors, []);
      await page.context().close();
    }
  }
});

test('the map does not move when its `Layout` select comes (it is fetched after the map is drawn)', async () => {
  for (const lang of ['en', 'sv']) {
    const { page } = await device(TABLET, REGIONAL, lang);
    const map = page.locator('svg.network');
    await map.locator('g.node').nth(REGIONAL.map.actors.length - 1).waitFor();
    const before = await map.evaluate((svg) => svg.getBoundingClientRect().toJSON());
    await page.getByRole('combobox', { name: 'Layout' }).waitFor();
    assert.deepEqual(await map.evaluate((svg) => svg.getBoundingClientRect().toJSON()), before, lang);
    await page.context().close();
  }
});

test('tablet: rate an actor on the grid by finger, pinch the grid, no page error', async () => {
  const { app, page, touch } = await device(TABLET, REGIONAL);
  await page.locator('svg.network g.node').nth(REGIONAL.map.actors.length - 1).waitFor();
  await showTab(page, 'Grid');
  const actor = page.locator('g.grid-actor', { hasText: 'Vetlanda kommun' });
  const grid = await page.locator('svg.grid').boundingBox();
  await touch.drag(await centerOf(actor.locator('circle')), { x: grid.x + grid.width * 0.93, y: grid.y + grid.height * 0.1 });
  await page.waitForFunction(() => /influence 5, interest 5/.test(
    [...document.querySelectorAll('g.grid-actor')].find((g) => g.textContent.includes('Vetlanda kommun')).getAttribute('aria-label'),
  ));
  const middle = { x: grid.x + grid.width / 2, y: grid.y + grid.height / 2 };
  await touch.pinch(middle, 80, 240);
  const transform = await page.locator('svg.grid g.zoomed').getAttribute('transform');
  assert.ok(Number(/scale\(([\d.]+)\)/.exec(transform)[1]) > 2, transform);
  await app.button('Reset zoom').tap();
  await page.waitForFunction(() => document.querySelector('svg.grid g.zoomed').getAttribute('transform').endsWith('scale(1.0000)'));
  assert.deepEqual(app.errors, []);
  await page.context().close();
});

test('nothing scrolls sideways at 320 px, and a tablet shows one column over the view at a time', async () => {
  const { app, page } = await device({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true }, REGIONAL);
  await page.locator('svg.network g.node').nth(REGIONAL.map.actors.length - 1).waitFor();
  for (const tab of TABS) {
    await showTab(page, tab);
    assert.equal(await scrollsSideways(page), false, `${tab} scrolls sideways at 320 px`);
  }
  // A tablet: the map list slides over the view; a tap beside it closes it.
  await page.setViewportSize({ width: 900, height: 700 });
  await app.button('Show map list').click();
  const maps = page.getByRole('navigation', { name: 'Maps', exact: true });
  await maps.waitFor();
  await page.mouse.click(880, 400);
  await maps.waitFor({ state: 'hidden' });
  await app.button('Show side panel').click();
  await page.locator('.sidepanel').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('.sidepanel').waitFor({ state: 'detached' });
  assert.deepEqual(app.errors, []);
  await page.context().close();
});

test('a phone shows the council without scrolling a card sideways: members, goals and actions fit', async () => {
  const { app, page } = await device({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }, REGIONAL);
  await showTab(page, 'Council');
  await page.locator('.actionplan .action').first().waitFor();
  const wide = await page.locator('.council .card').evaluateAll((cards) => cards
    .filter((card) => card.scrollWidth > card.clientWidth + 1)
    .map((card) => `${card.className}: ${card.scrollWidth} > ${card.clientWidth}`));
  assert.deepEqual(wide, []);
  // Every member's fields are on screen, and say what they hold.
  const row = page.locator('.members tbody tr').first();
  for (const control of [row.getByRole('textbox'), row.getByRole('combobox', { name: /^Gender of/ }), row.getByRole('combobox', { name: /^Role of/ }), row.getByRole('button')]) {
    const box = await control.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `${await control.getAttribute('aria-label')} within the screen`);
  }
  assert.equal(await row.getByRole('textbox').getAttribute('placeholder'), 'Representative');
  const goal = page.locator('.goals tbody tr').first();
  for (const control of [goal.getByRole('textbox', { name: 'Goal' }), goal.getByRole('textbox', { name: 'Indicator' }), goal.getByLabel('Target date'), goal.getByRole('button')]) {
    const box = await control.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390 && box.width >= 44, `${await control.getAttribute('aria-label')} within the screen, not squeezed`);
  }
  assert.deepEqual(app.errors, []);
  await page.context().close();
});

test('the map is one tab stop; arrow keys go from actor to actor, each named with sector and relations', async () => {
  const { page, errors } = await harness.withStoredMap(REGIONAL, { width: 1280, height: 800 });
  await layoutIdle(page);
  assert.equal(await page.locator('svg.network g.node[tabindex="0"]').count(), 1);
  const first = page.locator('svg.network g.node[tabindex="0"]');
  await first.focus();
  const name = () => page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  const start = await name();
  assert.match(start, /^.+, influence (\d|not rated), .+, \d+ relations?$/);
  const seen = new Set([start]);
  for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight']) {
    await page.keyboard.press(key);
    seen.add(await name());
  }
  assert.ok(seen.size >= 3, `the arrows reached ${[...seen].join(' | ')}`);
  assert.equal(await page.locator('svg.network g.node[tabindex="0"]').count(), 1, 'still one tab stop');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('tabindex')), '0', 'the stop follows the focus');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a pointer over an unnamed node or the focus on it shows its name; a right click opens its actions', async () => {
  // 300 actors at 1280 px: most names have no room, so most nodes are drawn without one.
  const { page, errors } = await harness.withStoredMap(generateDocument(300), { width: 1280, height: 800 });
  await page.locator('svg.network g.node').nth(299).waitFor();
  // The side panel narrows the canvas when it arrives, and the fitted map moves with it.
  await page.getByRole('heading', { name: 'Analysis' }).waitFor();
  await layoutIdle(page);
  const unnamed = await page.evaluate(() => {
    const named = new Set([...document.querySelectorAll('svg.network text.node-label')].map((t) => t.dataset.actor));
    const inView = (g) => { const r = g.getBoundingClientRect(); return r.top > 80 && r.bottom < 700 && r.left > 0 && r.right < 1000; };
    return [...document.querySelectorAll('svg.network g.node')].filter((g) => !named.has(g.dataset.actor) && inView(g))
      .map((g) => g.dataset.actor);
  });
  assert.ok(unnamed.length >= 2, `${unnamed.length} nodes without a name on screen`);
  const label = (id) => page.locator(`svg.network text.node-label[data-actor="${id}"]`);
  const node = (id) => page.locator(`svg.network g.node[data-actor="${id}"]`);
  // The topmost node without a name at its own centre (another may lie over part of it).
  const [hovered] = await page.evaluate((ids) => ids.filter((id) => {
    const g = document.querySelector(`svg.network g.node[data-actor="${id}"]`);
    const r = g.getBoundingClientRect();
    return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.closest('g.node') === g;
  }), unnamed);
  assert.ok(hovered, 'a node without a name on top at its centre');
  const box = await node(hovered).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await label(hovered).waitFor();
  await page.mouse.move(5, 790);
  await label(hovered).waitFor({ state: 'detached' });
  // The keyboard's focus does the same (the node is focused as the arrow keys would).
  const focused = unnamed.find((id) => id !== hovered);
  await node(focused).focus();
  await label(focused).waitFor();
  await page.evaluate(() => document.activeElement.blur());
  await label(focused).waitFor({ state: 'detached' });
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
  await page.getByRole('menu').getByRole('menuitem', { name: 'Link', exact: true }).waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});

/** The placeholders on show whose text is wider than their box (they would be cut). */
const cutPlaceholders = (page) => page.evaluate(() => {
  const canvas = document.createElement('canvas').getContext('2d');
  return [...document.querySelectorAll('input[placeholder], textarea[placeholder]')].filter((input) => {
    if (input.value || !input.getClientRects().length) return false;
    const style = getComputedStyle(input);
    canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return canvas.measureText(input.placeholder).width > room;
  }).map((input) => `${input.getAttribute('aria-label') ?? input.name}: "${input.placeholder}" in ${input.clientWidth} px`);
});

test('placeholders and touch targets: none cut, none under 44 px on a phone or tablet', async () => {
  for (const lang of ['sv', 'en']) {
    for (const options of [{ viewport: { width: 1280, height: 800 } }, { viewport: { width: 1920, height: 1080 } }, PHONE, TABLET]) {
      const context = await harness.browser.newContext(options);
      const page = await context.newPage();
      await seedStorage(page, harness.server.url, REGIONAL);
      await page.goto(`${harness.server.url}?lang=${lang}`);
      await page.locator('svg.network g.node').nth(REGIONAL.map.actors.length - 1).waitFor();
      const where = `${lang} ${options.viewport.width}`;
      assert.deepEqual(await cutPlaceholders(page), [], `${where}: placeholders cut`);
      const small = () => page.evaluate(() => [...document.querySelectorAll('button, select, summary, input:not([type="checkbox"]):not([type="radio"]), [role="tab"], a[href]')]
        .filter((e) => e.getClientRects().length && !e.closest('.visually-hidden'))
        .filter((e) => { const r = e.getBoundingClientRect(); return r.width < 43.5 || r.height < 43.5; })
        .map((e) => `${e.tagName.toLowerCase()} "${e.getAttribute('aria-label') ?? e.textContent.trim().slice(0, 30)}" ${Math.round(e.getBoundingClientRect().width)}×${Math.round(e.getBoundingClientRect().height)}`));
      if (options.hasTouch) {
        assert.deepEqual(await small(), [], `${where}: touch targets under 44×44`);
      }
      if (options.isMobile) {
        // And in each of the phone's sheets.
        for (const sheet of lang === 'sv' ? ['Kartor', 'Meny', 'Detaljer'] : ['Maps', 'Menu', 'Details']) {
          await page.getByRole('button', { name: sheet, exact: true }).click();
          await page.getByRole('button', { name: sheet, exact: true, expanded: true }).waitFor();
          assert.deepEqual(await small(), [], `${where}, ${sheet}: touch targets under 44×44`);
        }
      }
      await context.close();
    }
  }
});
