// End-to-end: a facilitator maps a room live: ten actors typed with inline hints, links
// drawn on the map, a drag on the grid undone, views switched, a reload, and the projector.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, showTab, linesDrawn } from './app.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

// As called out in a room: a name and a hint or two, each under 30 keystrokes with Enter.
const ROOM = [
  'Region Jönköping #off !5 ?5',
  'JU #utb @Jönköping !4',
  'Arbetsförmedlingen #arb ^nat',
  'Almi #när !3 ?4',
  'Science Park #fors',
  'Gislaveds kommun #off ^lok',
  'Företagarna #när +2',
  'Campus Värnamo #utb',
  'Teknikcollege %nät',
  'Smålands turism #tur -1',
];

test('ten actors with hints, links on the map, a grid drag undone, a reload: all as left', async () => {
  const app = await harness.newApp('sv');
  await app.newMap();
  for (const line of ROOM) {
    assert.ok(line.length + 1 < 30, `${line} + Enter is under 30 keystrokes`);
    await app.addActorBox.pressSequentially(line, { delay: 0 });
    await app.addActorBox.press('Enter');
  }
  // The hints were read: names are clean and the fields are set.
  await showTab(app.page, 'Tabell');
  const names = await app.actorNames();
  assert.equal(names.length, 10);
  assert.equal(names[0], 'Region Jönköping');
  assert.equal(names[9], 'Smålands turism');
  assert.equal(await app.cell('Sektor för Region Jönköping'), 'Offentlig sektor');
  assert.equal(await app.cell('Inflytande för Region Jönköping'), '5');
  assert.equal(await app.cell('Intresse för Region Jönköping'), '5');
  assert.equal(await app.cell('Kommun för JU'), 'Jönköping');
  assert.equal(await app.cell('Sektor för JU'), 'Utbildning');
  assert.equal(await app.cell('Nivå för Arbetsförmedlingen'), 'Nationell');
  assert.equal(await app.cell('Typ för Teknikcollege'), 'Nätverk/forum');
  assert.equal(await app.cell('Inställning för Smålands turism'), '-1');

  // Link actors on the network map: click one, shift-click another.
  await showTab(app.page, 'Karta');
  const node = (name) => app.page.getByRole('button', { name: new RegExp(`^${name}, inflytande`) });
  await node('Region Jönköping').waitFor();
  await app.layoutIdle();
  await node('Region Jönköping').click();
  await node('JU').click({ modifiers: ['Shift'] });
  await app.layoutIdle();
  await node('JU').click();
  await node('Science Park').click({ modifiers: ['Shift'] });
  await app.layoutIdle();
  assert.equal(await linesDrawn(app.page), 2);
  await app.page.keyboard.press('Escape');
  assert.equal(await app.page.locator('svg.network .node.selected').count(), 0, 'Escape clears the selection');
  await app.shot('workshop-network-sv');

  // Drag on the grid, check the values, undo.
  await showTab(app.page, 'Rutnät');
  // Actors called out without influence and interest wait beside the grid.
  const waiting = app.page.getByRole('complementary', { name: 'Ännu inte placerade (8)' });
  assert.ok((await waiting.getByRole('button').allTextContents()).includes('Företagarna'));
  const actor = app.page.getByRole('button', { name: /^Almi:/ });
  assert.match(await actor.getAttribute('aria-label'), /inflytande 3, intresse 4/);
  const grid = await app.page.getByRole('group', { name: 'Makt–intresse-rutnät' }).boundingBox();
  const from = await actor.locator('circle').boundingBox();
  await app.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await app.page.mouse.down();
  await app.page.mouse.move(grid.x + grid.width * 0.2, grid.y + grid.height * 0.1, { steps: 8 });
  await app.page.mouse.up();
  assert.match(await actor.getAttribute('aria-label'), /inflytande 5, intresse 1/);
  await app.shot('workshop-grid-sv');
  await app.page.keyboard.press('Control+z');
  assert.match(await actor.getAttribute('aria-label'), /inflytande 3, intresse 4/);

  await showTab(app.page, 'Kompetensråd');
  await app.shot('workshop-council-empty-sv');
  await app.saved();
  await app.reload();
  await showTab(app.page, 'Tabell');
  assert.deepEqual(await app.actorNames(), names);
  assert.equal(await app.cell('Inställning för Företagarna'), '+2');
  assert.equal(await app.cell('Inflytande för Företagarna'), '–', 'not rated');
  await showTab(app.page, 'Karta');
  await node('Science Park').waitFor();
  assert.equal(await linesDrawn(app.page), 2);
  await showTab(app.page, 'Rutnät');
  assert.match(await app.page.getByRole('button', { name: /^Almi:/ }).getAttribute('aria-label'), /inflytande 3, intresse 4, inställning ej bedömd/);
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});

test('the projector window follows the facilitator live', async () => {
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const facilitator = await context.newPage();
  await facilitator.goto(`${harness.server.url}?lang=en`);
  await facilitator.getByRole('button', { name: 'New map', exact: true }).click();
  const box = facilitator.getByRole('textbox', { name: 'Add actor' });
  await box.fill('Region Halland');
  await box.press('Enter');
  const [projector] = await Promise.all([
    context.waitForEvent('page'),
    facilitator.getByRole('button', { name: 'Open projector window' }).click(),
  ]);
  await projector.setViewportSize({ width: 1920, height: 1080 });
  await projector.getByRole('button', { name: /^Region Halland, influence/ }).waitFor();
  assert.equal(await projector.evaluate(() => document.documentElement.classList.contains('projection')), true);
  await box.fill('Högskolan i Halmstad');
  await box.press('Enter');
  await projector.getByRole('button', { name: /^Högskolan i Halmstad, influence/ }).waitFor({ timeout: 5000 });
  await showTab(facilitator, 'Grid');
  await projector.getByRole('group', { name: 'Power–interest grid' }).waitFor({ timeout: 5000 });
  await projector.screenshot({ path: 'tests/e2e/output/projector-grid-1920-en.png' });
  await context.close();
});
