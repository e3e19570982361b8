// Accessibility: axe-core's WCAG 2.0/2.1/2.2 A and AA rules and its best practices find
// nothing on the regional 40-actor map, in Swedish and English, on a laptop (1280×800) and
// a phone (390×844, touch): each of the six views, the phone's Maps and Menu sheets, the
// side panel with an actor selected, and every modal dialog (help, What if removed, Log
// interaction, Merge into this map, the import preview and summary, a shared map opened
// from its link).
//
// One page per size and language goes through the views and dialogs in turn; each is a
// subtest, so one finding does not hide the others.
//
//   node --test tests/e2e/accessibility.test.mjs
//   SAMVERKAN_DIST=/tmp/dist-axe node --test tests/e2e/accessibility.test.mjs   (another build)
//   SAMVERKAN_AXE_REPORT=/tmp/axe.json …   (also writes every finding there, as JSON)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { DIST, layoutIdle } from './app.mjs';
import { serve } from './serve.mjs';
import { seedStorage } from './generate.mjs';
import { regionalDocument } from './regional.mjs';
import { axeViolations, formatViolations } from './axe.mjs';

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
];

const VIEWPORTS = [
  { name: 'laptop', viewport: { width: 1280, height: 800 } },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
];

// The UI's words for what the test looks for (src/i18n.rs).
const UI = {
  sv: {
    tabs: ['Karta', 'Rutnät', 'Tabell', 'Kompetensråd', 'Lök', 'Kontakter'],
    influence: 'inflytande',
    help: 'Kortkommandon',
    whatIf: 'Tänk om de försvann', whatIfTitle: /^Tänk om .* försvann$/,
    log: 'Logga kontakt',
    merge: 'Slå ihop med den här kartan', mergeTitle: 'Slå ihop kartor',
    importActors: 'Importera aktörer (CSV)',
    preview: 'Förhandsvisning av importen', importRows: 'Importera raderna',
    summary: 'Importsammanfattning',
    shareLink: 'Dela länk', sharedMap: 'Delad karta',
    versions: 'Versioner', versionsTitle: /^Versioner av /,
    startRoom: 'Starta rum', roomTitle: 'Rummet: alla lägger till på samma karta', roomLink: 'Rumslänk',
    invited: 'Du är inbjuden till ett rum',
    // The phone layout's bottom bar (being built): the sheets it opens.
    sheets: { menu: 'Meny', maps: 'Kartor', details: 'Detaljer' },
  },
  en: {
    tabs: ['Map', 'Grid', 'Table', 'Council', 'Onion', 'Engagement'],
    influence: 'influence',
    help: 'Keyboard shortcuts',
    whatIf: 'What if removed', whatIfTitle: /^What if .* left$/,
    log: 'Log interaction',
    merge: 'Merge into this map', mergeTitle: 'Merge maps',
    importActors: 'Import actors (CSV)',
    preview: 'Import preview', importRows: 'Import rows',
    summary: 'Import summary',
    shareLink: 'Share link', sharedMap: 'Shared map',
    versions: 'Versions', versionsTitle: /^Versions of /,
    startRoom: 'Start room', roomTitle: 'Room: everyone adds to the same map', roomLink: 'Room link',
    invited: 'You are invited to a room',
    sheets: { menu: 'Menu', maps: 'Maps', details: 'Details' },
  },
};

/** A small actor sheet whose import has something to summarise: a value out of range, an
 * unknown sector and a row without a name. */
const ROUGH_CSV = 'name;influence;sector\nFöretagarna Uppsala;9;business\nOkänd;3;rymden\n;4;\n';
const ACTOR = 'Region Jönköpings län';
const DIALOG = '[role="dialog"][aria-modal="true"]';

let server;
let browser;
const report = [];
before(async () => {
  server = await serve(process.env.SAMVERKAN_DIST ?? DIST);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (process.env.SAMVERKAN_AXE_REPORT) writeFileSync(process.env.SAMVERKAN_AXE_REPORT, JSON.stringify(report, null, 2));
});

/** A fresh page in a fresh profile (empty storage) at `size`, with `lang`'s locale. */
async function newPage({ viewport, isMobile = false, hasTouch = false }, lang) {
  const context = await browser.newContext({
    viewport, isMobile, hasTouch, acceptDownloads: true, locale: lang === 'sv' ? 'sv-SE' : 'en-GB',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** The regional map stored as the only map, open in `lang` with every node drawn and the
 * layout at rest (as views.test.mjs opens it). */
async function openRegional(size, lang) {
  const doc = regionalDocument({ positions: true });
  const page = await newPage(size, lang);
  await seedStorage(page, server.url, doc);
  await page.goto(`${server.url}?lang=${lang}`);
  await page.locator('svg.network g.node').nth(doc.map.actors.length - 1).waitFor({ state: 'attached' });
  await layoutIdle(page);
  return page;
}

/**
 * Makes `target` visible. On the laptop it is; on the phone it may sit in a sheet that a
 * button of the bottom bar opens.
 *
 * PHONE BOTTOM BAR (src/ui/shell/chrome.rs, under 600 px): `sheet` is the name of the
 * bar's button whose sheet holds `target` — `Menu`/`Meny` (the top bar's actions),
 * `Maps`/`Kartor` (the map list with Share and More formats), `Details`/`Detaljer` (the
 * side panel). Where there is no such button (the laptop, or a build without the bar)
 * this only waits for `target`.
 */
async function reveal(page, target, sheet) {
  if (await target.isVisible()) return;
  if (sheet) {
    const opener = page.getByRole('button', { name: sheet, exact: true });
    if (await opener.count()) {
      if ((await opener.first().getAttribute('aria-expanded')) !== 'true') await opener.first().click();
    }
  }
  await target.scrollIntoViewIfNeeded().catch(() => {});
  await target.waitFor({ state: 'visible' });
}

/** PHONE BOTTOM BAR: the bar's buttons whose sheet is open (none on a laptop). */
const openSheets = (page, sheets) => page.getByRole('button', {
  name: new RegExp(`^(${Object.values(sheets).join('|')})$`), expanded: true,
});

/** PHONE BOTTOM BAR: closes the open sheet by its button in the bar (a toggle). */
async function closeSheets(page, sheets) {
  for (let i = 0; i < 3 && await openSheets(page, sheets).count(); i++) await openSheets(page, sheets).first().click();
}

/**
 * Clicks `target`; when something lies over it (Playwright's actionability check fails),
 * notes what did in `obscured` and presses it from the keyboard instead, so the check
 * after it still runs.
 */
async function activate(page, target, obscured) {
  try {
    await target.click({ timeout: 3000 });
  } catch (e) {
    const over = /- (<.*?) intercepts pointer events/.exec(e.message)?.[1];
    if (!over) throw e;
    obscured.push(`${await target.evaluate((el) => el.outerHTML.slice(0, 80))} covered by ${over}`);
    await target.focus();
    await page.keyboard.press('Enter');
  }
}

/** Closes whatever modal dialog is open (Escape, as every one of them allows). */
async function closeDialogs(page) {
  for (let i = 0; i < 3 && await page.locator(DIALOG).count(); i++) {
    await page.keyboard.press('Escape');
    await page.locator(DIALOG).first().waitFor({ state: 'detached', timeout: 3000 }).catch(() => {});
  }
}

/** Waits for two animation frames, so what changed is painted (colour contrast reads it). */
const painted = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

for (const size of VIEWPORTS) {
  for (const lang of ['sv', 'en']) {
    const ui = UI[lang];
    const label = `${size.viewport.width}×${size.viewport.height} ${lang}`;

    test(`axe finds nothing at ${label}: views, side panel, dialogs`, async (t) => {
      const page = await openRegional(size, lang);
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const obscured = [];

      /** One subtest: `prepare` brings the view or dialog up, then axe runs on `options`. */
      const check = (where, prepare, options = {}) => t.test(where, async () => {
        try {
          await prepare();
          await painted(page);
          const list = await axeViolations(page, options);
          report.push({ size: size.name, viewport: size.viewport, lang, where, violations: list });
          assert.equal(list.length, 0, `${label}, ${where}:\n${formatViolations(list)}`);
        } catch (e) {
          if (!(e instanceof assert.AssertionError)) {
            report.push({ size: size.name, viewport: size.viewport, lang, where, error: e.message.split('\n')[0] });
          }
          throw e;
        }
      });

      // The six views, the whole page each time (no actor selected).
      for (const [i, tab] of ui.tabs.entries()) {
        await check(`view ${tab}`, async () => {
          await page.evaluate(() => window.scrollTo(0, 0));
          await page.getByRole('tab', { name: tab, exact: true }).click();
          // Views other than the map are fetched the first time they show (parts.rs).
          await page.locator('#view-panel > :not([role="status"])').first().waitFor();
          if (i === 0) await layoutIdle(page);
        });
      }

      // Projection mode (large type, high contrast) on the map and the grid, where a room
      // reads it: its colours must hold AA too.
      if (!size.isMobile) {
        for (const [i, tab] of ui.tabs.slice(0, 2).entries()) {
          await check(`projection ${tab}`, async () => {
            // The tabs are hidden in projection mode: Alt+1 and Alt+2 show the views.
            await page.keyboard.press(`Alt+${i + 1}`);
            await page.getByRole('tab', { name: tab, exact: true, selected: true, includeHidden: true }).waitFor({ state: 'attached' });
            await page.locator('#view-panel > :not([role="status"])').first().waitFor();
            if (!(await page.evaluate(() => document.documentElement.classList.contains('projection')))) {
              await page.keyboard.press('Alt+p');
              await page.waitForFunction(() => document.documentElement.classList.contains('projection'));
            }
            if (i === 0) await layoutIdle(page);
          });
        }
        await page.keyboard.press('Escape');
        await page.waitForFunction(() => !document.documentElement.classList.contains('projection'));
      }

      // PHONE BOTTOM BAR: the sheets that hold the map list (`Maps`/`Kartor`) and the top
      // bar's actions (`Menu`/`Meny`), the whole page with each open. Where there is no
      // bottom bar (the laptop) the views above have checked those as columns already.
      for (const sheet of [ui.sheets.maps, ui.sheets.menu]) {
        const opener = page.getByRole('button', { name: sheet, exact: true });
        if (!(await opener.count())) continue;
        await check(`sheet ${sheet}`, async () => {
          await closeSheets(page, ui.sheets);
          // Over the map (a wide view such as Engagement's table can push the bar off screen).
          await page.getByRole('tab', { name: ui.tabs[0], exact: true }).click();
          await layoutIdle(page);
          await opener.click();
          await page.getByRole('button', { name: sheet, exact: true, expanded: true }).waitFor();
        });
        await closeSheets(page, ui.sheets);
      }

      // The side panel with an actor selected: click its node on the map (Enter on the
      // focused node when something lies over it, as on a narrow canvas).
      const panel = page.locator('.sidepanel');
      await check('side panel with an actor selected', async () => {
        await closeSheets(page, ui.sheets);
        await page.getByRole('tab', { name: ui.tabs[0], exact: true }).click();
        await layoutIdle(page);
        const node = page.getByRole('button', { name: new RegExp(`^${ACTOR}, ${ui.influence}`) });
        await node.click({ timeout: 3000 }).catch(async () => {
          await node.focus();
          await page.keyboard.press('Enter');
        });
        await node.and(page.locator('[aria-pressed="true"]')).waitFor();
        // PHONE BOTTOM BAR: the side panel is the `Details`/`Detaljer` sheet there.
        await reveal(page, panel.getByRole('button', { name: ui.whatIf, exact: true }), ui.sheets.details);
      }, { include: '.sidepanel' });

      await check('dialog What if removed', async () => {
        await closeDialogs(page);
        const button = panel.getByRole('button', { name: ui.whatIf, exact: true });
        await reveal(page, button, ui.sheets.details); // PHONE BOTTOM BAR: Details sheet
        await activate(page, button, obscured);
        await page.getByRole('dialog', { name: ui.whatIfTitle }).waitFor();
      }, { include: DIALOG });

      await check('dialog Log interaction', async () => {
        await closeDialogs(page);
        const button = panel.getByRole('button', { name: ui.log, exact: true });
        await reveal(page, button, ui.sheets.details); // PHONE BOTTOM BAR: Details sheet
        await activate(page, button, obscured);
        await page.getByRole('dialog', { name: ui.log }).waitFor();
      }, { include: DIALOG });

      await check('dialog help (?)', async () => {
        await closeDialogs(page);
        await closeSheets(page, ui.sheets);
        // Focus on the page's body, then `?`.
        await page.evaluate(() => { document.activeElement?.blur(); document.body.focus(); });
        await page.keyboard.press('?');
        await page.getByRole('dialog', { name: ui.help }).waitFor();
      }, { include: DIALOG });

      await check('dialog Merge into this map', async () => {
        await closeDialogs(page);
        const button = page.getByRole('button', { name: ui.merge, exact: true });
        await reveal(page, button, ui.sheets.maps); // PHONE BOTTOM BAR: Maps sheet (Share section)
        await activate(page, button, obscured);
        await page.getByRole('dialog', { name: ui.mergeTitle }).waitFor();
      }, { include: DIALOG });

      await check('dialog Versions', async () => {
        await closeDialogs(page);
        const button = page.getByRole('button', { name: ui.versions, exact: true });
        await reveal(page, button, ui.sheets.maps);
        await activate(page, button, obscured);
        await page.getByRole('dialog', { name: ui.versionsTitle }).locator('li, p.empty').first().waitFor();
      }, { include: DIALOG });

      // A share link of this map, opened in a fresh profile of the same size and language.
      // (Before the import below: its message would lie over the Share section at 1280×800.)
      await t.test('dialog Shared map', async () => {
        await closeDialogs(page);
        const button = page.getByRole('button', { name: ui.shareLink, exact: true });
        await reveal(page, button, ui.sheets.maps); // PHONE BOTTOM BAR: Maps sheet (Share section)
        await activate(page, button, obscured);
        const link = await page.getByRole('textbox', { name: ui.shareLink }).inputValue();
        const other = await newPage(size, lang);
        try {
          await other.goto(link.replace('#', `?lang=${lang}#`));
          await other.getByRole('dialog', { name: ui.sharedMap }).waitFor();
          await painted(other);
          const list = await axeViolations(other, { include: DIALOG });
          report.push({ size: size.name, viewport: size.viewport, lang, where: 'dialog Shared map', violations: list });
          assert.equal(list.length, 0, `${label}, dialog Shared map:\n${formatViolations(list)}`);
        } finally {
          await other.context().close();
        }
      });

      // An actor sheet through `More formats`: its preview, then the summary of what changed.
      const importSheet = () => page.getByLabel(ui.importActors, { exact: true }).setInputFiles({
        name: 'grov.csv', mimeType: 'text/csv', buffer: Buffer.from(ROUGH_CSV),
      });
      const preview = page.getByRole('dialog', { name: ui.preview });
      await check('dialog Import preview', async () => {
        await closeDialogs(page);
        await closeSheets(page, ui.sheets);
        // A file input needs no visible control (on the phone it is in the Maps sheet).
        await importSheet();
        await preview.waitFor();
      }, { include: DIALOG });

      await check('dialog Import summary', async () => {
        if (!(await preview.count())) await importSheet();
        await preview.getByRole('button', { name: ui.importRows, exact: true }).click();
        await preview.waitFor({ state: 'detached' });
        await closeSheets(page, ui.sheets);
        // The button is in the message that says what the import did.
        const button = page.getByRole('button', { name: ui.summary, exact: true }).last();
        await reveal(page, button);
        await activate(page, button, obscured);
        await page.getByRole('dialog', { name: ui.summary }).waitFor();
      }, { include: DIALOG });

      // Room mode (no relay here: the room opens offline, as it may in a workshop): the room
      // dialog, then its link opened in a fresh profile, which asks for a name.
      const roomDialog = page.getByRole('dialog', { name: ui.roomTitle });
      await check('dialog Room', async () => {
        await closeDialogs(page);
        const button = page.getByRole('button', { name: ui.startRoom, exact: true });
        await reveal(page, button, ui.sheets.maps); // PHONE BOTTOM BAR: Maps sheet (Share section)
        await activate(page, button, obscured);
        await roomDialog.waitFor();
      }, { include: DIALOG });
      await t.test('dialog Room invitation', async () => {
        const link = await roomDialog.getByRole('textbox', { name: ui.roomLink }).inputValue();
        const other = await newPage(size, lang);
        try {
          await other.goto(link.replace('#', `?lang=${lang}#`));
          await other.getByRole('dialog', { name: ui.invited }).waitFor();
          await painted(other);
          const list = await axeViolations(other, { include: DIALOG });
          report.push({ size: size.name, viewport: size.viewport, lang, where: 'dialog Room invitation', violations: list });
          assert.equal(list.length, 0, `${label}, dialog Room invitation:\n${formatViolations(list)}`);
        } finally {
          await other.context().close();
        }
      });

      if (obscured.length) {
        t.diagnostic(`covered controls: ${obscured.join(' | ')}`);
        report.push({ size: size.name, viewport: size.viewport, lang, where: 'covered controls', obscured });
      }
      if (errors.length) t.diagnostic(`page errors: ${errors.join(' | ')}`);
      await page.context().close();
    });
  }
}
