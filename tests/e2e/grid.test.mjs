// End-to-end: the power–interest grid; a drag edits influence and interest as one undo step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, showTab } from './app.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

/** Influence and interest of the named actor as the grid announces them. */
async function values(app, name) {
  const label = await app.page.locator('g.grid-actor', { hasText: name }).getAttribute('aria-label');
  const match = label.match(/influence (\d), interest (\d)/);
  assert.ok(match, label);
  return { influence: Number(match[1]), interest: Number(match[2]) };
}

test('dragging an actor on the grid changes influence and interest; undo restores them', async () => {
  const app = await harness.newApp('en');
  await app.newMap();
  // The last is added without ratings: it waits beside the grid instead of in its middle.
  for (const name of ['Region Västerbotten !3 ?3', 'Umeå universitet !3 ?3', 'Skellefteå kommun']) await app.addActor(name);
  await showTab(app.page, 'Grid');
  assert.deepEqual(await values(app, 'Umeå universitet'), { influence: 3, interest: 3 });
  const waiting = app.page.getByRole('complementary', { name: 'Not yet placed (1)' });
  assert.deepEqual(await waiting.getByRole('button').allTextContents(), ['Skellefteå kommun']);
  assert.equal(await app.page.locator('g.grid-actor', { hasText: 'Skellefteå kommun' }).count(), 0);

  const grid = app.page.getByRole('group', { name: 'Power–interest grid' });
  const box = await grid.boundingBox();
  const actor = app.page.locator('g.grid-actor', { hasText: 'Umeå universitet' }).locator('circle');
  const from = await actor.boundingBox();
  // Drag to the top-right cell: high influence, high interest.
  await app.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await app.page.mouse.down();
  for (let i = 1; i <= 10; i++) {
    await app.page.mouse.move(from.x + (box.x + box.width * 0.93 - from.x) * i / 10, from.y + (box.y + box.height * 0.08 - from.y) * i / 10);
  }
  await app.page.mouse.up();
  assert.deepEqual(await values(app, 'Umeå universitet'), { influence: 5, interest: 5 });
  await app.shot('grid-after-drag-en');

  await app.page.keyboard.press('Control+z');
  assert.deepEqual(await values(app, 'Umeå universitet'), { influence: 3, interest: 3 }, 'the whole drag is one step');
  await app.button('Redo').click();
  assert.deepEqual(await values(app, 'Umeå universitet'), { influence: 5, interest: 5 });

  // Keyboard: focus an actor and move it with Shift and the arrows.
  const other = app.page.getByRole('button', { name: /^Region Västerbotten:/ });
  await other.focus();
  await app.page.keyboard.press('Shift+ArrowLeft');
  await app.page.keyboard.press('Shift+ArrowDown');
  assert.deepEqual(await values(app, 'Region Västerbotten'), { influence: 2, interest: 2 });
  // The arrows alone go to the nearest actor that way, rating nothing; the grid is one tab stop.
  await app.page.keyboard.press('ArrowRight');
  const focused = await app.page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  assert.match(focused, /^Umeå universitet: influence 5, interest 5/);
  assert.deepEqual(await values(app, 'Region Västerbotten'), { influence: 2, interest: 2 });
  assert.equal(await app.page.locator('svg.grid g.grid-actor[tabindex="0"]').count(), 1);

  // An unplaced actor dragged from the list onto the grid is rated where it lands.
  const chip = await waiting.getByRole('button', { name: 'Skellefteå kommun' }).boundingBox();
  await app.page.mouse.move(chip.x + chip.width / 2, chip.y + chip.height / 2);
  await app.page.mouse.down();
  for (let i = 1; i <= 10; i++) {
    const x = chip.x + (box.x + box.width * 0.12 - chip.x) * i / 10;
    await app.page.mouse.move(x, chip.y + (box.y + box.height * 0.85 - chip.y) * i / 10);
  }
  await app.page.mouse.up();
  assert.deepEqual(await values(app, 'Skellefteå kommun'), { influence: 1, interest: 1 });
  await waiting.waitFor({ state: 'detached' });
  await app.page.keyboard.press('Control+z');
  await app.page.getByRole('complementary', { name: 'Not yet placed (1)' }).waitFor();
  await app.button('Redo').click();
  assert.deepEqual(await values(app, 'Skellefteå kommun'), { influence: 1, interest: 1 });

  await app.saved();
  await app.reload();
  await showTab(app.page, 'Grid');
  assert.deepEqual(await values(app, 'Umeå universitet'), { influence: 5, interest: 5 });
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});

test('an assessment saved before a drag: Compare with shows one arrow and who moved', async () => {
  const app = await harness.newApp('en');
  await app.newMap();
  for (const name of ['Region Västerbotten !3 ?3', 'Umeå universitet !3 ?3']) await app.addActor(name);
  await showTab(app.page, 'Grid');
  await app.button('Save assessment').click();
  const grid = app.page.getByRole('group', { name: 'Power–interest grid' });
  const box = await grid.boundingBox();
  const from = await app.page.locator('g.grid-actor', { hasText: 'Umeå universitet' }).locator('circle').boundingBox();
  await app.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await app.page.mouse.down();
  await app.page.mouse.move(box.x + box.width * 0.93, box.y + box.height * 0.08, { steps: 8 });
  await app.page.mouse.up();
  assert.deepEqual(await values(app, 'Umeå universitet'), { influence: 5, interest: 5 });
  const compare = app.page.getByRole('combobox', { name: 'Compare with' });
  const label = (await compare.locator('option').nth(1).textContent()).trim();
  assert.match(label, /^Assessment \d{4}-\d\d-\d\d \(\d{4}-\d\d-\d\d\)$/);
  await compare.selectOption({ label });
  await grid.locator('line.moved').first().waitFor();
  assert.equal(await grid.locator('line.moved').count(), 1, 'one arrow: only Umeå universitet moved');
  assert.equal(await app.page.locator('ul.moves li').first().textContent(), 'Up in influence: Umeå universitet');
  await app.shot('grid-compare-en');
  // The assessment is in the file: it survives a reload.
  await app.saved();
  await app.reload();
  await showTab(app.page, 'Grid');
  assert.equal(await app.page.getByRole('combobox', { name: 'Compare with' }).locator('option').count(), 2);
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});
