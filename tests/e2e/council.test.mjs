// End-to-end: a coordinator builds a competence council from the map, fixes a missing
// category, schedules meetings, agrees actions (one overdue), exports the calendar, prints.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { startHarness, showTab } from './app.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

const ACTORS = [
  'Region Örebro län #public_sector @Örebro !5 ?5',
  'Örebro universitet #education @Örebro !4 ?4',
  'Arbetsförmedlingen #labour_market !4 ?4',
  'Örebro kommun #public_sector @Örebro',
  'Karlskoga kommun #public_sector @Karlskoga',
  'Vuxenutbildningen Örebro #education @Örebro',
  'Handelskammaren Mälardalen #business !4 ?5',
];

test('a council of six, coverage fixed, meetings, an overdue action, calendar and print', async () => {
  const app = await harness.newApp('en');
  await app.newMap();
  for (const line of ACTORS) await app.addActor(line);
  await showTab(app.page, 'Council');
  await app.page.getByRole('textbox', { name: 'Council name' }).fill('Kompetensrådet Örebro län');
  await app.page.getByRole('textbox', { name: 'Council name' }).press('Tab');

  const addMember = app.page.getByRole('combobox', { name: 'Add member' });
  for (const name of ['Region Örebro län', 'Örebro universitet', 'Arbetsförmedlingen', 'Örebro kommun', 'Karlskoga kommun', 'Vuxenutbildningen Örebro']) {
    await addMember.fill(name);
    await addMember.press('Enter');
  }
  const members = app.page.locator('.members tbody tr');
  assert.equal(await members.count(), 6);

  // Business is required and missing: flagged, and the key actor is offered.
  const business = app.page.locator('.checklist li', { hasText: 'Business' });
  assert.match(await business.getAttribute('class'), /missing/);
  assert.match(await business.textContent(), /✗.*missing from the council/);
  await app.page.getByRole('button', { name: 'Add Handelskammaren Mälardalen to the council' }).click();
  assert.match(await business.getAttribute('class'), /ok/);
  assert.match(await business.textContent(), /✓.*Handelskammaren Mälardalen/);
  assert.equal(await members.count(), 7);

  // Gender balance: flagged until balanced.
  const gender = (i) => members.nth(i).getByRole('combobox', { name: /^Gender of/ });
  for (let i = 0; i < 7; i++) await gender(i).selectOption(i % 2 === 0 ? 'woman' : 'man');
  assert.match(await app.page.locator('.balance').textContent(), /women 57 %, men 43 %.*Within 40–60 %/);

  // Two meetings.
  await app.button('Add meeting').click();
  await app.button('Add meeting').click();
  const meetings = app.page.locator('.meeting');
  assert.equal(await meetings.count(), 2);
  await meetings.nth(0).getByLabel('Place').fill('Örebro slott, Sal 2');
  await meetings.nth(0).getByLabel('Place').press('Tab');
  await meetings.nth(1).getByLabel('Date and time').fill('2027-02-03T09:30');
  await meetings.nth(1).getByLabel('Date and time').press('Tab');

  // A goal and three actions, one overdue.
  await app.button('Add goal').click();
  await app.page.getByRole('textbox', { name: 'Goal' }).fill('Fler vuxna i yrkesutbildning');
  await app.page.getByRole('textbox', { name: 'Goal' }).press('Tab');
  for (let i = 0; i < 3; i++) await app.button('Add action').click();
  const actions = app.page.locator('.action');
  assert.equal(await actions.count(), 3);
  await actions.nth(0).getByLabel('Due').fill('2020-01-31');
  await actions.nth(0).getByLabel('Due').press('Tab');
  await actions.nth(1).getByLabel('Responsible (R)').selectOption({ label: 'Region Örebro län' });
  await actions.nth(1).getByLabel('Accountable (A)').selectOption({ label: 'Arbetsförmedlingen' });
  await actions.nth(1).getByLabel('Due').fill('2099-06-30');
  await actions.nth(1).getByLabel('Due').press('Tab');
  const overdue = app.page.locator('.action', { hasText: 'Overdue' });
  assert.equal(await overdue.count(), 1);
  assert.equal(await app.page.locator('.action.flagged').count(), 2, 'the overdue one and the unowned third');
  await app.shot('council-en');

  // Calendar export.
  const download = app.page.waitForEvent('download');
  await app.button('Export calendar').click();
  const file = await download;
  assert.match(file.suggestedFilename(), /\.ics$/);
  const ics = await readFile(await file.path(), 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.equal(ics.match(/BEGIN:VEVENT/g).length, 2);
  assert.match(ics, /LOCATION:Örebro slott\\, Sal 2/);
  assert.match(ics, /DTSTART;TZID=Europe\/Stockholm:20270203T093000/);
  assert.ok(ics.split('\r\n').every((line) => Buffer.byteLength(line) <= 75), 'lines folded at 75 octets');

  // Print view.
  await app.page.emulateMedia({ media: 'print' });
  await app.page.setViewportSize({ width: 794, height: 1123 });
  await app.shot('council-print-a4');
  assert.equal(await app.page.locator('.topbar').isVisible(), false);
  assert.equal(await app.page.locator('.actionplan').isVisible(), true);
  await app.page.emulateMedia({ media: 'screen' });
  assert.deepEqual(app.errors, []);
  await app.page.context().close();
});

test('the gender balance says there is nothing to judge before members and genders are given', async () => {
  for (const [lang, tab, none, notGiven] of [
    ['en', 'Council', 'Gender balance: no members yet.', 'gender not given for any of the 1 members'],
    ['sv', 'Kompetensråd', 'Könsfördelning: inga ledamöter ännu.', 'kön ej angivet för någon av 1 ledamöter'],
  ]) {
    const app = await harness.newApp(lang);
    await app.newMap();
    await app.addActor('Region Örebro län');
    await showTab(app.page, tab);
    await app.page.locator('.balance', { hasText: none }).waitFor();
    const addMember = app.page.locator('.members input[list]');
    await addMember.fill('Region Örebro län');
    await addMember.press('Enter');
    await app.page.locator('.balance', { hasText: notGiven }).waitFor();
    assert.doesNotMatch(await app.page.locator('.balance').textContent(), /40–60/);
    await app.page.context().close();
  }
});

// Two tabs on one council (as a facilitator's laptop and the projector window, or a room):
// what is typed in one row must survive the other tab's edit of the next row, and Tab must
// move on from a committed field. Rows drawn again on every change of their list lost both.
test('what is being typed in the council survives an edit of another row, and Tab moves on', async () => {
  const app = await harness.newApp('en');
  const page = app.page;
  await app.newMap();
  for (const name of ['Region Örebro län', 'Örebro kommun']) await app.addActor(name);
  await showTab(page, 'Council');
  const addMember = page.getByRole('combobox', { name: 'Add member' });
  for (const name of ['Region Örebro län', 'Örebro kommun']) {
    await addMember.fill(name);
    await addMember.press('Enter');
  }
  for (const button of ['Add meeting', 'Add meeting', 'Add goal', 'Add goal', 'Add action', 'Add action']) {
    await app.button(button).click();
  }
  await app.saved();
  const other = await page.context().newPage();
  await other.goto(app.url());
  await showTab(other, 'Council');

  // Each case: the field typed in (row 0) and what Tab reaches, the other tab's field in
  // row 1, and how rows are found.
  const rows = {
    member: (p, i) => p.locator('.members tbody tr').nth(i),
    meeting: (p, i) => p.locator('.meeting').nth(i),
    goal: (p, i) => p.locator('.goals tbody tr').nth(i),
    action: (p, i) => p.locator('.action').nth(i),
  };
  const cases = [
    ['member', (r) => r.getByRole('textbox'), (r) => r.getByRole('combobox', { name: /^Gender of/ }), (r) => r.getByRole('textbox'), 'Anna Berg'],
    ['meeting', (r) => r.getByLabel('Place'), (r) => r.getByLabel('Agenda'), (r) => r.getByLabel('Notes'), 'Örebro slott'],
    ['goal', (r) => r.getByRole('textbox', { name: 'Indicator' }), (r) => r.getByLabel('Target date'), (r) => r.getByRole('textbox', { name: 'Goal' }), '80 % i arbete'],
    ['action', (r) => r.getByRole('textbox', { name: 'Action' }), (r) => r.getByRole('combobox', { name: 'Status' }), (r) => r.getByRole('textbox', { name: 'Action' }), 'Kartlägg behoven'],
  ];
  const focused = (locator) => locator.evaluate((el) => el === document.activeElement);
  for (const [kind, typed, next, remote, text] of cases) {
    const mine = typed(rows[kind](page, 0));
    await mine.click();
    await mine.fill(text);
    // The other tab edits row 1 of the same list and saves at once (as when it is hidden).
    const theirs = `Från andra fliken (${kind})`;
    await remote(rows[kind](other, 1)).fill(theirs);
    await remote(rows[kind](other, 1)).press('Tab');
    await other.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    await page.waitForFunction(
      ([selector, value]) => [...document.querySelectorAll(selector)].some((el) => el.value === value),
      [`input, textarea`, theirs],
    );
    assert.equal(await mine.inputValue(), text, `${kind}: what is typed is kept`);
    assert.ok(await focused(mine), `${kind}: the focus stays in the field`);
    await mine.press('Tab');
    await page.waitForFunction(() => document.activeElement !== document.body);
    assert.ok(await focused(next(rows[kind](page, 0))), `${kind}: Tab reaches the next field of the row`);
    await app.saved();
    // The other tab has this tab's edit before it edits again.
    await other.waitForFunction((value) => [...document.querySelectorAll('input, textarea')].some((el) => el.value === value), text);
  }

  const stored = JSON.parse(Object.entries(await app.storage()).find(([key]) => key.startsWith('samverkan.map.'))[1]).map.council;
  assert.equal(stored.members[0].representative, 'Anna Berg');
  assert.equal(stored.members[1].representative, 'Från andra fliken (member)');
  assert.deepEqual(stored.meetings.map((m) => m.place).sort(), ['', 'Örebro slott']);
  assert.ok(stored.meetings.some((m) => m.notes === 'Från andra fliken (meeting)'));
  assert.equal(stored.goals[0].indicator, '80 % i arbete');
  assert.equal(stored.goals[1].title, 'Från andra fliken (goal)');
  assert.deepEqual(stored.actions.map((a) => a.title), ['Kartlägg behoven', 'Från andra fliken (action)']);
  await other.close();
  assert.deepEqual(app.errors, []);
  await page.context().close();
});
