// End-to-end: every modal dialog after the WAI-ARIA dialog pattern (focus moves in and stays
// in, Escape closes it, focus returns to the control that opened it); a share link pasted
// into a tab already showing the app; the language taken from the browser and remembered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, App } from './app.mjs';
import { regionalDocument } from './regional.mjs';
import { seedStorage } from './generate.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

const REGIONAL = regionalDocument({ positions: true });
const SHEET = 'name;influence;sector\nRegion Kronoberg;9;public_sector\nLinnéuniversitetet;4;rymden\n';
const inDialog = (page) => page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')));

/** Opens the dialog `name` by pressing Enter on `opener` (or with `open`, when no control
 * opens it), checks that the focus is inside and stays inside over more Tabs and Shift+Tabs
 * than it has controls, closes it with Escape and checks the focus is back on the opener. */
async function followsThePattern(page, name, opener, open = async () => {}) {
  if (opener) {
    await opener.evaluate((element) => element.setAttribute('data-opener', ''));
    await opener.focus();
    await opener.press('Enter');
  } else {
    await open();
  }
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  await page.waitForFunction(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
  const controls = await dialog.locator('button, input, select, textarea, summary, a[href]').count();
  for (let i = 0; i <= controls; i += 1) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    assert.ok(await inDialog(page), `${name}: Tab ${i + 1} left the dialog`);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  if (opener) {
    await page.waitForFunction(() => document.activeElement?.hasAttribute('data-opener'));
    await opener.evaluate((element) => element.removeAttribute('data-opener'));
  }
}

test('every dialog: focus in, kept in, Escape closes, focus back on its opener', async () => {
  const app = await harness.appWith(REGIONAL);
  const { page } = app;
  await page.locator('svg.network g.node').nth(REGIONAL.map.actors.length - 1).waitFor();

  await followsThePattern(page, 'Keyboard shortcuts', app.button('Keyboard shortcuts'));
  await followsThePattern(page, 'Merge maps', app.button('Merge into this map'));

  await page.getByRole('button', { name: /^Region Jönköpings län, influence/ }).click();
  const side = page.locator('.sidepanel');
  await followsThePattern(page, 'What if Region Jönköpings län left', side.getByRole('button', { name: 'What if removed' }));
  await followsThePattern(page, 'Log interaction', side.getByRole('button', { name: 'Log interaction' }));

  // An actor sheet opens its preview; the import's notice opens the summary.
  const sheet = { name: 'aktorer.csv', mimeType: 'text/csv', buffer: Buffer.from(SHEET) };
  const importSheet = () => page.getByLabel('Import actors (CSV)').setInputFiles(sheet);
  await followsThePattern(page, 'Import preview', null, importSheet);
  await importSheet();
  await page.getByRole('dialog', { name: 'Import preview' }).getByRole('button', { name: 'Import rows' }).click();
  await followsThePattern(page, 'Import summary', page.getByRole('button', { name: 'Import summary' }));
  assert.deepEqual(app.errors, []);
  await page.context().close();
});

test('a share link pasted into a tab already showing the app offers the shared map', async () => {
  const first = await harness.appWith(REGIONAL);
  await first.button('Share link').click();
  const link = await first.page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await first.page.context().close();

  const second = await harness.newApp('en');
  await second.newMap();
  // Only the fragment changes: the page does not load again.
  await second.page.evaluate((fragment) => { window.location.hash = fragment; }, link.split('#')[1]);
  const dialog = second.page.getByRole('dialog', { name: 'Shared map' });
  await dialog.getByText(`“${REGIONAL.map.title}” with 40 actors and 60 relations`).waitFor();
  await dialog.getByRole('button', { name: 'Open shared map' }).click();
  await second.page.getByRole('status').filter({ hasText: 'was imported as a new map' }).waitFor();
  assert.deepEqual(second.errors, []);
  await second.page.context().close();
});

test('without ?lang= the language follows the browser; the switch wins and is remembered', async () => {
  const base = harness.server.url;
  const open = async (locale) => {
    const context = await harness.browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(base);
    return page;
  };
  const english = await open('en-GB');
  await english.getByRole('button', { name: 'New map', exact: true }).waitFor();
  assert.equal(await english.evaluate(() => document.documentElement.lang), 'en');
  await english.getByRole('button', { name: 'Svenska' }).click();
  await english.getByRole('button', { name: 'Ny karta', exact: true }).waitFor();
  await english.goto(base);
  await english.getByRole('button', { name: 'Ny karta', exact: true }).waitFor();
  await english.context().close();

  const swedish = await open('sv-SE');
  await swedish.getByRole('button', { name: 'Ny karta', exact: true }).waitFor();
  await swedish.context().close();
  const german = await open('de-DE');
  await german.getByRole('button', { name: 'New map', exact: true }).waitFor();
  await german.context().close();
});
