// The one edit path, from the built page: undo on the Map tab, tab switches during a large
// layout, a message's Undo undoing its own step, a projector window that only reads, two
// editing tabs that still protect each other, and a node that follows its actor's edits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, layoutIdle } from './app.mjs';
import { generateDocument } from './generate.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

const nodes = (page) => page.locator('svg.network g.node');

test('three actors added on the Map tab: three Undos leave none, three Redos bring them back', async () => {
  const app = await harness.newApp();
  await app.newMap();
  for (const name of ['Region Jönköpings län', 'Jönköping University', 'Almi Företagspartner']) {
    await app.addActor(name);
  }
  await assert.doesNotReject(() => nodes(app.page).nth(2).waitFor());
  for (let i = 0; i < 3; i++) await app.button('Undo').click();
  await layoutIdle(app.page);
  assert.equal(await nodes(app.page).count(), 0, 'every added actor is undone');
  assert.equal(await app.button('Redo').isEnabled(), true, 'the layout did not clear redo');
  for (let i = 0; i < 3; i++) await app.button('Redo').click();
  await nodes(app.page).nth(2).waitFor();
  assert.equal(await nodes(app.page).count(), 3);
  // The keyboard does the same.
  await app.page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 3; i++) await app.page.keyboard.press('Control+z');
  await app.page.waitForFunction(() => document.querySelectorAll('svg.network g.node').length === 0);
  await app.page.keyboard.press('Control+Shift+z');
  await nodes(app.page).first().waitFor();
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});

test('switching tabs while a 1,000-actor map lays out, then adding an actor, logs no error', async () => {
  const app = await harness.newApp();
  const file = JSON.stringify(generateDocument(1000, { positions: false, id: 'big-unplaced' }));
  await app.page.getByLabel('Import file').setInputFiles({
    name: 'big.samverkan.json', mimeType: 'application/json', buffer: Buffer.from(file),
  });
  await app.page.waitForFunction(
    () => document.querySelector('svg.network')?.getAttribute('data-layout') === 'running',
  );
  for (let i = 0; i < 4; i++) {
    await app.tab('Table');
    await app.tab('Map');
  }
  await app.addActor('Ny aktör efter bytena');
  await app.page.getByRole('button', { name: /^Ny aktör efter bytena, influence/ }).waitFor();
  await layoutIdle(app.page, 60_000);
  assert.equal(await nodes(app.page).count(), 1001);
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});

test("a message's Undo undoes the step it announced, not the later edit", async () => {
  const app = await harness.newApp();
  await app.newMap();
  await app.addActor('Tranås kommun');
  await app.addActor('Eksjö kommun');
  await app.tab('Table');
  await app.button('Delete Tranås kommun').click();
  const notice = app.page.getByRole('status').filter({ hasText: 'Tranås kommun' });
  await notice.waitFor();
  // A later edit: rename the other actor.
  const name = await app.editCell('Name of Eksjö kommun');
  await name.fill('Eksjö kommun (kultur)');
  await name.press('Enter');
  // Enter writes the name and turns the field back into text, focused.
  await app.page.getByRole('button', { name: 'Name of Eksjö kommun (kultur): Eksjö kommun (kultur)' }).waitFor();
  assert.equal(await app.page.locator('table.actortable :is(input[type="text"], select)').count(), 0, 'no field is left open');
  await notice.getByRole('button', { name: 'Undo' }).click();
  await app.page.getByRole('button', { name: /^Name of Tranås kommun:/ }).waitFor();
  assert.deepEqual((await app.actorNames()).sort(), ['Eksjö kommun (kultur)', 'Tranås kommun']);
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});

test('with the projector window open, 20 edits and a rename are all saved and shown', async () => {
  const app = await harness.newApp();
  await app.newMap();
  await app.addActor('Första aktören');
  await app.saved();
  const projector = await app.page.context().newPage();
  const projectorErrors = [];
  projector.on('pageerror', (e) => projectorErrors.push(e.message));
  await projector.goto(`${app.base}?projector=1&lang=en`);
  await nodes(projector).first().waitFor();
  for (let i = 1; i <= 20; i++) {
    await app.addActor(`Aktör ${i}`);
    // The projector follows once the autosave (about a second after the edit) is written.
    await projector.waitForFunction(
      (n) => document.querySelectorAll('svg.network g.node').length === n, i + 1, { timeout: 4000 },
    );
  }
  await app.renameMap('Untitled map', 'Kompetensrådet');
  await app.saved();
  await projector.getByText('Kompetensrådet').first().waitFor({ timeout: 1500 }).catch(() => {});
  assert.equal(await app.page.getByRole('alert').count(), 0, 'no conflict banner');
  const stored = await app.storage();
  const key = Object.keys(stored).find((k) => k.startsWith('samverkan.map.'));
  const saved = JSON.parse(stored[key]);
  assert.equal(saved.map.title, 'Kompetensrådet');
  assert.equal(saved.map.actors.length, 21);
  await projector.close();
  await app.reload();
  assert.equal((await app.actorNames()).length, 21);
  assert.deepEqual([...app.errors, ...projectorErrors], []);
  await app.page.context().close();
});

test('a second editing tab still gets the conflict handling', async () => {
  const app = await harness.newApp();
  await app.newMap();
  await app.addActor('Gemensam aktör');
  await app.saved();
  const other = await app.page.context().newPage();
  await other.goto(`${app.base}?lang=en`);
  await other.getByRole('textbox', { name: 'Add actor' }).waitFor();
  // Both tabs edit; the second saves at once (as when it is hidden) while the first still
  // waits for its autosave: the first must not write over it.
  const addIn = (page, name, flush) => page.evaluate(([name, flush]) => {
    const box = document.getElementById('quick-add');
    box.value = name;
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    if (flush) window.dispatchEvent(new Event('pagehide'));
  }, [name, flush]);
  await addIn(app.page, 'Från första fliken', false);
  await addIn(other, 'Från andra fliken', true);
  await app.page.getByRole('alert').filter({ hasText: /another tab/i }).waitFor();
  const stored = await app.storage();
  const key = Object.keys(stored).find((k) => k.startsWith('samverkan.map.'));
  const names = JSON.parse(stored[key]).map.actors.map((a) => a.name);
  assert.ok(names.includes('Från andra fliken'), 'the other tab’s save was not written over');
  assert.ok(!names.includes('Från första fliken'), 'the stale tab did not write');
  await other.close();
  await app.page.context().close();
});

test('the selection belongs to its map: opening another map clears it', async () => {
  const app = await harness.newApp();
  await app.newMap();
  await app.addActor('Region Kalmar län');
  await app.newMap();
  await app.addActor('Linnéuniversitetet');
  await app.page.getByRole('button', { name: /^Linnéuniversitetet, influence/ }).click();
  await app.page.locator('aside.sidepanel .editor h2', { hasText: 'Linnéuniversitetet' }).waitFor();
  await app.button('Open Untitled map').first().click();
  await app.page.getByRole('button', { name: /^Region Kalmar län, influence/ }).waitFor();
  assert.equal(await app.page.locator('aside.sidepanel .editor').count(), 0, 'no empty actor form');
  const dimmed = await app.page.locator('svg.network g.node')
    .evaluateAll((nodes) => nodes.filter((n) => Number(getComputedStyle(n).opacity) < 1).length);
  assert.equal(dimmed, 0, 'nothing dimmed');
  await app.page.context().close();
});

test("a node follows its actor's edits: size, colour, name and selection, and back on Undo", async () => {
  const app = await harness.newApp('en');
  const { page } = app;
  await app.newMap();
  await app.addActor('Region Uppsala #public_sector !2');
  await app.addActor('SLU #research');
  await app.tab('Map');
  await app.layoutIdle();
  const node = page.getByRole('button', { name: /^Region Uppsala, influence/ });
  const circle = node.locator('circle');
  const before = { r: await circle.getAttribute('r'), fill: await circle.getAttribute('fill') };
  assert.equal(await node.getAttribute('aria-pressed'), 'false');
  await node.click();
  assert.equal(await node.getAttribute('aria-pressed'), 'true');
  assert.match(await node.getAttribute('class'), /\bselected\b/);

  await page.getByRole('combobox', { name: 'Influence' }).selectOption('5');
  await page.getByRole('combobox', { name: 'Sector' }).first().selectOption({ label: 'Education' });
  await page.getByRole('button', { name: 'Region Uppsala, influence 5, Education, 0 relations' }).waitFor();
  assert.ok(Number(await circle.getAttribute('r')) > Number(before.r), 'a higher influence draws a larger circle');
  assert.notEqual(await circle.getAttribute('fill'), before.fill, 'another sector, another colour');

  await app.button('Undo').click();
  await app.button('Undo').click();
  await page.getByRole('button', { name: 'Region Uppsala, influence 2, Public sector, 0 relations' }).waitFor();
  assert.deepEqual({ r: await circle.getAttribute('r'), fill: await circle.getAttribute('fill') }, before);
  await page.context().close();
});

test("what is being typed in the side panel survives another tab's edit of the same actor", async () => {
  const doc = generateDocument(3, { id: 'panel-two-tabs' });
  const actor = doc.map.actors[0];
  const app = await harness.appWith(doc, 'en');
  const other = await app.page.context().newPage();
  await other.goto(app.url());
  const panel = (page) => page.locator('.sidepanel');
  const field = (page, name) => panel(page).getByRole('textbox', { name, exact: true });
  const note = (page) => panel(page).locator('.relation-row').first().getByRole('textbox', { name: 'Note' });
  const shows = (page, value) => page.waitForFunction((value) => [...document.querySelectorAll('.sidepanel input, .sidepanel textarea')]
    .some((el) => el.value === value), value);
  const focused = (locator) => locator.evaluate((el) => el === document.activeElement);
  for (const page of [app.page, other]) {
    await page.getByRole('button', { name: new RegExp(`^${actor.name}, influence`) }).focus();
    await page.keyboard.press('Enter');
    await panel(page).locator('.editor-head h2', { hasText: actor.name }).waitFor();
  }
  await panel(app.page).getByRole('button', { name: 'Add contact person' }).click();
  await field(other, 'Name 1').waitFor();

  // Typed here, not yet committed; the other tab edits another field and saves at once.
  for (const [mine, typed, theirs, value] of [
    [field(app.page, 'Name 1'), 'Eva Lund', field(other, 'Notes'), 'Från andra fliken'],
    [note(app.page), 'Träffas i mars', field(other, 'Municipality'), 'Värnamo'],
  ]) {
    await mine.fill(typed);
    await theirs.fill(value);
    await theirs.press('Tab');
    await other.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    await shows(app.page, value);
    assert.equal(await mine.inputValue(), typed, 'what is typed is kept');
    assert.ok(await focused(mine), 'the focus stays in the field');
    await mine.press('Tab');
    await shows(other, typed);
  }
  assert.ok(await focused(field(app.page, 'Role 1')) === false, 'the focus moved on from the note');
  await app.saved();
  const stored = JSON.parse(Object.entries(await app.storage()).find(([key]) => key.startsWith('samverkan.map.'))[1]).map;
  const saved = stored.actors.find((a) => a.id === actor.id);
  assert.deepEqual([saved.contacts[0].name, saved.notes, saved.municipality], ['Eva Lund', 'Från andra fliken', 'Värnamo']);
  assert.ok(stored.relations.some((r) => r.note === 'Träffas i mars'));
  await other.close();
  await app.page.context().close();
});
