// The actions table from the built page: the help overlay lists the shortcuts in the UI
// language, the shortcuts work, and quick add names the hints it could not use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './app.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

test('? opens the shortcuts in the UI language; they do what they say', async () => {
  for (const [lang, title, undo, addActor] of [
    ['en', 'Keyboard shortcuts', 'Undo', 'Go to Add actor'],
    ['sv', 'Kortkommandon', 'Ångra', 'Gå till Lägg till aktör'],
  ]) {
    const app = await harness.newApp(lang);
    await app.newMap();
    await app.page.locator('body').click({ position: { x: 5, y: 5 } });
    await app.page.keyboard.press('?');
    const dialog = app.page.getByRole('dialog', { name: title });
    await dialog.waitFor();
    const text = await dialog.textContent();
    for (const expected of [undo, 'Ctrl+Z', addActor, 'Alt+A', 'Alt+1', 'Esc']) {
      assert.ok(text.includes(expected), `${lang}: the help lists ${expected}`);
    }
    await app.shot(`help-${lang}-1280`);
    await app.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Alt+A puts the focus in Add actor; Alt+3 shows the table; Delete removes the selection.
    await app.page.keyboard.press('Alt+a');
    await app.page.keyboard.type('Tranås kommun');
    await app.page.keyboard.press('Enter');
    await app.page.keyboard.press('Alt+3');
    await app.page.locator('table.actortable').waitFor();
    assert.deepEqual(await app.actorNames(), ['Tranås kommun']);
    assert.deepEqual(app.errors, []);
    await app.page.context().close();
  }
});

test('New map puts the focus in Add actor; Delete removes the selected actor', async () => {
  const app = await harness.newApp();
  await app.button('New map').click();
  await app.page.waitForFunction(() => document.activeElement?.id === 'quick-add');
  await app.page.keyboard.type('Vetlanda kommun');
  await app.page.keyboard.press('Enter');
  const node = app.page.getByRole('button', { name: /^Vetlanda kommun, influence/ });
  await node.click();
  await app.page.keyboard.press('Delete');
  await node.waitFor({ state: 'detached' });
  await app.page.keyboard.press('Control+z');
  await node.waitFor();
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});

test('quick add names the hints it could not use and takes the typographic minus', async () => {
  const app = await harness.newApp();
  await app.newMap();
  await app.addActor('Region Jönköpings län !9 %robot #xyz −1');
  await app.page.getByRole('status').filter({ hasText: 'Not understood: !9 %robot.' }).waitFor();
  await app.page.getByRole('status').filter({ hasText: '#xyz is not a sector' }).waitFor();
  await app.tab('Table');
  assert.deepEqual(await app.actorNames(), ['Region Jönköpings län']);
  assert.equal(await app.cell('Attitude of Region Jönköpings län'), '-1');
  await app.page.context().close();
});
