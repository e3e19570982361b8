// End-to-end: the actor table sorts, filters, and deletes in bulk as one undo step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './app.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

test('sort by a column, filter, delete the selected rows, undo', async () => {
  const app = await harness.newApp('en');
  await app.newMap();
  for (const line of ['Örebro kommun @Örebro !2', 'Almi @Örebro !5', 'Karlstads universitet @Karlstad !4', 'Bergslagens utveckling @Lindesberg !3']) {
    await app.addActor(line);
  }
  await app.tab('Table');
  const sortBy = (name) => app.page.getByRole('columnheader', { name }).getByRole('button').click();
  await sortBy('Influence');
  assert.deepEqual(await app.actorNames(), ['Örebro kommun', 'Bergslagens utveckling', 'Karlstads universitet', 'Almi']);
  assert.equal(await app.page.getByRole('columnheader', { name: 'Influence' }).getAttribute('aria-sort'), 'ascending');
  await sortBy('Influence');
  assert.deepEqual(await app.actorNames(), ['Almi', 'Karlstads universitet', 'Bergslagens utveckling', 'Örebro kommun']);

  await app.page.getByRole('searchbox', { name: 'Filter actors' }).fill('örebro');
  assert.deepEqual(await app.actorNames(), ['Almi', 'Örebro kommun']);
  await app.page.getByRole('checkbox', { name: 'Select all shown' }).check();
  await app.button('Delete selected (2)').click();
  await app.page.getByRole('searchbox', { name: 'Filter actors' }).fill('');
  assert.deepEqual(await app.actorNames(), ['Karlstads universitet', 'Bergslagens utveckling']);
  await app.page.keyboard.press('Control+z');
  assert.equal((await app.actorNames()).length, 4, 'the bulk delete is one undo step');
  await app.shot('table-en');
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});
