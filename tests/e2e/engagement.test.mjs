// End-to-end: the engagement log — logging interactions from the map, the side panel, the
// Engagement tab (follow-ups, not heard from, needs, filters), export and re-import, and
// the map coloured by last contact.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './app.mjs';
import { regionalDocument } from './regional.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

/** A fresh profile with `doc` stored, open in English at 1920×1080 with every node drawn. */
async function appWith(doc) {
  const app = await harness.appWith(doc, 'en', { width: 1920, height: 1080 });
  await app.page.locator('svg.network g.node').nth(doc.map.actors.length - 1).waitFor();
  return app;
}

const REGION = 'Region Jönköpings län';

test('two interactions logged from the map show in the panel and the Engagement tab and survive export and import', async () => {
  const app = await appWith(regionalDocument({ positions: true }));
  const { page } = app;
  await page.getByRole('button', { name: new RegExp(`^${REGION}, influence`) }).click();
  const panel = page.locator('.sidepanel');
  await panel.getByRole('button', { name: 'Log interaction' }).click();
  let form = page.getByRole('dialog', { name: 'Log interaction' });
  await form.getByText(REGION).waitFor();
  await form.getByLabel('Date').fill('2026-09-01');
  await form.getByLabel('Kind of interaction').selectOption({ label: 'Consultation' });
  await form.getByLabel('Needs (separate with ;)').fill('Lokaler för yrkesvux; Handledare');
  await form.getByLabel('Summary').fill('Samråd om yrkesvux');
  await form.getByLabel('Summary').press('Enter');
  await form.waitFor({ state: 'detached' });

  // The keyboard way: I with the actor selected; the kind is remembered.
  await page.locator('body').press('i');
  form = page.getByRole('dialog', { name: 'Log interaction' });
  assert.equal(await form.getByLabel('Kind of interaction').inputValue(), 'consultation');
  await page.keyboard.type('Dialog om vårdutbildningar');
  await form.getByLabel('Follow-up', { exact: true }).fill('Skicka underlag till regionen');
  await form.getByLabel('Follow-up due').fill('2026-01-15');
  await form.getByLabel('Follow-up', { exact: true }).press('Enter');
  await form.waitFor({ state: 'detached' });

  const listed = panel.locator('.interaction-list li');
  assert.equal(await listed.count(), 2);
  assert.match(await listed.nth(0).textContent(), /Dialog om vårdutbildningar.*Skicka underlag till regionen.*overdue/);
  assert.match(await listed.nth(1).textContent(), /2026-09-01 · Consultation.*Samråd om yrkesvux.*Lokaler för yrkesvux; Handledare/);

  await app.tab('Engagement');
  const rows = page.locator('.interactions-table tbody tr');
  assert.equal(await rows.count(), 2);
  await page.locator('.follow-ups li.overdue', { hasText: 'Skicka underlag till regionen' }).waitFor();
  const silent = page.locator('.not-heard li');
  await silent.filter({ hasText: 'Jönköpings kommun' }).waitFor();
  assert.equal(await silent.filter({ hasText: REGION }).count(), 0, 'the region was heard from');
  await page.locator('.needs dd', { hasText: 'Handledare' }).waitFor();
  await page.getByRole('searchbox', { name: 'Search needs' }).fill('lokal');
  assert.deepEqual(await page.locator('.needs dd').allTextContents(), ['Lokaler för yrkesvux 2026-09-01']);
  await page.getByRole('combobox', { name: 'Kind of interaction' }).selectOption({ label: 'Consultation' });
  await page.getByLabel('From', { exact: true }).fill('2026-10-01');
  assert.equal(await rows.count(), 1, 'filtered by date');
  await page.getByLabel('From', { exact: true }).fill('');
  await page.getByRole('button', { name: 'Sort by Date' }).click();
  assert.match(await rows.first().textContent(), /2026-09-01/, 'oldest first after a second click');

  const exported = await app.download(() => app.button('Export JSON').click());
  const logged = JSON.parse(exported.text).map.interactions;
  assert.equal(logged.length, 2);
  assert.deepEqual(logged[0].needs, ['Lokaler för yrkesvux', 'Handledare']);
  assert.equal(logged[1].follow_up.title, 'Skicka underlag till regionen');
  const csv = await app.download(() => app.button('Export interactions (CSV)').click());
  assert.match(csv.text, /Samråd om yrkesvux/);
  await app.page.context().close();

  const other = await harness.newApp('en');
  await other.page.getByLabel('Import file').setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
  await other.page.getByRole('status').filter({ hasText: 'was imported as a new map' }).waitFor();
  await other.tab('Engagement');
  assert.equal(await other.page.locator('.interactions-table tbody tr').count(), 2);
  const again = await other.download(() => other.button('Export JSON').click());
  assert.deepEqual(JSON.parse(again.text).map.interactions, logged);
  await other.page.context().close();
});

test('a dialogue invites by filter, notes who came, exports the list; the map colours by last contact', async () => {
  const doc = regionalDocument({ positions: true });
  doc.map.interactions = [{ id: 'dlg', actors: [], date: '2026-11-01', kind: 'dialogue', summary: 'Regional dialog', needs: [], follow_up: null }];
  const app = await appWith(doc);
  const { page } = app;
  await app.tab('Engagement');
  await page.getByRole('button', { name: 'Invitations' }).click();
  const invitations = page.locator('.invitations');
  await invitations.getByRole('textbox', { name: 'Municipality' }).fill('Värnamo');
  await invitations.getByRole('textbox', { name: 'Municipality' }).press('Tab');
  await invitations.getByRole('button', { name: 'Invite all that match' }).click();
  const invited = doc.map.actors.filter((a) => a.municipality === 'Värnamo').map((a) => a.name);
  assert.ok(invited.length >= 2);
  await invitations.getByText(`${invited.length} invited, 0 attended`).waitFor();
  assert.equal(await invitations.getByRole('textbox', { name: 'Municipality' }).inputValue(), 'Värnamo', 'the filter stays');
  await invitations.getByRole('checkbox', { name: `${invited[0]} attended` }).check();
  await invitations.getByText(`${invited.length} invited, 1 attended`).waitFor();
  const sheet = await app.download(() => invitations.getByRole('button', { name: 'Export invitation list (CSV)' }).click());
  const lines = sheet.text.replace(/^\uFEFF/, '').trim().split(/\r\n/);
  assert.equal(lines[0], 'name;contact;email;attended');
  assert.ok(lines.some((l) => l.startsWith(`${invited[0]};`) && l.endsWith(';true')), lines.join('\n'));
  assert.equal(lines.filter((l) => l.endsWith(';false')).length >= invited.length - 1, true);

  await app.tab('Map');
  await page.getByRole('combobox', { name: 'Colour by' }).selectOption({ label: 'Last contact' });
  const legend = page.locator('.legend');
  await legend.getByText('under 3 months ago').waitFor();
  await legend.getByText('never').waitFor();
  const colours = await page.locator('svg.network g.node circle').evaluateAll((cs) => new Set(cs.map((c) => c.getAttribute('fill'))).size);
  assert.equal(colours, 2, 'met recently, or never');
  await app.page.context().close();
});

test('checked rows of the table are logged as one interaction', async () => {
  const app = await appWith(regionalDocument({ positions: true }));
  const { page } = app;
  await app.tab('Table');
  for (const name of ['Jönköpings kommun', 'Värnamo kommun']) {
    await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  }
  await page.locator('.tabletools').getByRole('button', { name: 'Log interaction' }).click();
  const form = page.getByRole('dialog', { name: 'Log interaction' });
  await form.getByLabel('Kind of interaction').selectOption({ label: 'Meeting' });
  await form.getByLabel('More actors').fill('Region Jönköpings län');
  await form.getByLabel('More actors').press('Enter');
  assert.deepEqual(await form.locator('.chip').allTextContents(),
    ['Jönköpings kommun×', 'Värnamo kommun×', 'Region Jönköpings län×']);
  await form.getByLabel('Summary').fill('Kommunträff om vuxenutbildning');
  await form.getByLabel('Summary').press('Enter');
  await form.waitFor({ state: 'detached' });
  await app.tab('Engagement');
  const row = page.locator('.interactions-table tbody tr');
  assert.equal(await row.count(), 1);
  assert.match(await row.textContent(), /Jönköpings kommun, Värnamo kommun, Region Jönköpings län/);
  await page.locator('.topbar').getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByText('No interactions logged yet.').waitFor();
  await app.page.context().close();
});
