// Screenshots of every view of the release build (dist/) for a visual review: the tabs
// Map, Grid, Table and Council, the help overlay, the side panel with an actor selected and
// projection mode (plus the side panel scrolled to the actor's relations), in Swedish and English, at 390×844 (phone, touch),
// 1180×820 (tablet, touch), 1280×800 and 1920×1080, on a realistic 40-actor regional map and on the generated
// 1,000-actor map (Map, Table and Engagement). On the phone also the bottom bar's sheets and an actor's actions.
//
//   node tests/e2e/screenshots.mjs [390 1180 1280 1920]   (the widths; all four without)
//
// Writes tests/e2e/output/view-<tab>-<lang>-<width>-<actors>.png and prints every console
// error and page error seen during the run (exit code 1 if there were any, or a step failed).
import { chromium } from 'playwright-core';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { generateDocument, seedStorage } from './generate.mjs';
import { regionalDocument } from './regional.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const DIST = join(here, '..', '..', 'dist');
const SHOTS = join(here, 'output');
mkdirSync(SHOTS, { recursive: true });

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
];
const TIMEOUT = 60_000;
const VIEWPORTS = {
  390: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
  1180: { viewport: { width: 1180, height: 820 }, hasTouch: true },
  1280: { viewport: { width: 1280, height: 800 } },
  1920: { viewport: { width: 1920, height: 1080 } },
};

// UI texts used to find controls (src/i18n.rs).
const UI = {
  sv: {
    tabs: { map: 'Karta', grid: 'Rutnät', table: 'Tabell', council: 'Kompetensråd', onion: 'Lök', engagement: 'Kontakter' },
    projection: 'Projektorläge', exitProjection: 'Avsluta projektorläge',
    grid: 'Makt–intresse-rutnät', influence: 'inflytande', help: 'Kortkommandon',
    maps: 'Kartor', menu: 'Meny', details: 'Detaljer',
  },
  en: {
    tabs: { map: 'Map', grid: 'Grid', table: 'Table', council: 'Council', onion: 'Onion', engagement: 'Engagement' },
    projection: 'Projection mode', exitProjection: 'Exit projection mode',
    grid: 'Power–interest grid', influence: 'influence', help: 'Keyboard shortcuts',
    maps: 'Maps', menu: 'Menu', details: 'Details',
  },
};

// ---------------------------------------------------------------- a realistic regional map


// ---------------------------------------------------------------- the run

const errors = [];
const failures = [];
const shots = [];

/** Waits until every node is drawn and the layout reports idle for a few frames. */
async function mapIdle(page, n) {
  await page.waitForFunction((count) => {
    const svg = document.querySelector('svg.network');
    const w = window;
    if (!svg || svg.querySelectorAll('g.node').length < count || svg.getAttribute('data-layout') !== 'idle') {
      w.__idleFrames = 0;
      return false;
    }
    w.__idleFrames = (w.__idleFrames ?? 0) + 1;
    return w.__idleFrames >= 5;
  }, n, { timeout: TIMEOUT, polling: 'raf' });
}

/** Waits for two animation frames, so what changed is painted. */
const painted = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

async function shot(page, tab, lang, width, n) {
  const name = `view-${tab}-${lang}-${width}-${n}.png`;
  await painted(page);
  await page.screenshot({ path: join(SHOTS, name) });
  shots.push(name);
  console.log(`  ${name}`);
}

async function step(label, fn) {
  try {
    await fn();
  } catch (e) {
    failures.push(`${label}: ${e.message.split('\n')[0]}`);
    console.log(`  FAILED ${label}: ${e.message.split('\n')[0]}`);
  }
}

async function run(browser, base, { doc, lang, width, views }) {
  const n = doc.map.actors.length;
  const ui = UI[lang];
  const label = `${lang}-${width}-${n}`;
  console.log(`${label}`);
  // The browser's own locale too (date and time inputs follow it, not the page).
  const context = await browser.newContext({ ...VIEWPORTS[width], locale: lang === 'sv' ? 'sv-SE' : 'en-GB' });
  const phone = width < 600;
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  await seedStorage(page, base, doc);
  // Listen from the app's own load on (the seeding page is a deliberate 404).
  page.on('pageerror', (e) => errors.push(`[${label}] pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`[${label}] console.error: ${m.text()}${m.location()?.url ? ` (${m.location().url})` : ''}`);
  });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`[${label}] HTTP ${r.status()} ${r.url()}`); });
  await page.goto(`${base}?lang=${lang}`);
  const tab = (which) => page.getByRole('tab', { name: ui.tabs[which], exact: true });
  await tab('map').waitFor();
  const mapView = async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await tab('map').click();
    await mapIdle(page, n);
    // The first placement is saved right after it: wait for the status to say so.
    await page.locator('.status', { hasText: /^(Saved|Sparat)$/ }).waitFor({ state: 'attached' });
  };
  const showTab = async (which) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await tab(which).click();
    // Views other than the map are fetched when first shown (src/ui/shell/parts.rs).
    await page.locator('#view-panel > :not([role="status"])').first().waitFor();
  };
  const clearSelection = async () => {
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('svg.network .node.selected, .sidepanel .editor'));
  };

  if (views.includes('map')) {
    await step(`${label} map`, async () => {
      await mapView();
      await shot(page, 'map', lang, width, n);
    });
  }
  if (views.includes('help')) {
    await step(`${label} help`, async () => {
      await mapView();
      // Focus on the page body, then `?`.
      await page.evaluate(() => { document.activeElement?.blur(); document.body.focus(); });
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: ui.help }).waitFor();
      await shot(page, 'help', lang, width, n);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: ui.help }).waitFor({ state: 'detached' });
    });
  }
  if (views.includes('panel')) {
    await step(`${label} panel`, async () => {
      await mapView();
      await page.evaluate(() => window.scrollTo(0, 0));
      const node = page.getByRole('button', { name: new RegExp(`^Region Jönköpings län, ${ui.influence}`) });
      await node.locator('circle').first().click();
      await page.locator('svg.network .node.selected').waitFor();
      if (phone) await page.getByRole('button', { name: ui.details, exact: true }).click();
      await page.locator('aside.sidepanel .editor').waitFor();
      await shot(page, 'panel', lang, width, n);
      // The lower half of the panel: contacts and the actor's relations.
      await page.locator('aside.sidepanel fieldset.relations').evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await shot(page, 'panelrelations', lang, width, n);
      if (phone) await page.keyboard.press('Escape');
      await clearSelection();
    });
  }
  if (views.includes('sheets')) {
    await step(`${label} sheets`, async () => {
      await mapView();
      for (const sheet of ['maps', 'menu']) {
        await page.getByRole('button', { name: ui[sheet], exact: true }).click();
        await shot(page, `sheet-${sheet}`, lang, width, n);
        await page.keyboard.press('Escape');
      }
    });
  }
  if (views.includes('actions')) {
    await step(`${label} actions`, async () => {
      await mapView();
      const node = page.getByRole('button', { name: new RegExp(`^Region Jönköpings län, ${ui.influence}`) });
      await node.locator('circle').first().click({ button: 'right' });
      await page.getByRole('menu').waitFor();
      await shot(page, 'actions', lang, width, n);
      await page.keyboard.press('Escape');
      await clearSelection();
    });
  }
  if (views.includes('projection')) {
    await step(`${label} projection`, async () => {
      await mapView();
      await page.getByRole('button', { name: ui.projection, exact: true }).click();
      await page.waitForFunction(() => document.documentElement.classList.contains('projection'));
      await mapIdle(page, n);
      await shot(page, 'projection', lang, width, n);
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => !document.documentElement.classList.contains('projection'));
    });
  }
  if (views.includes('grid')) {
    await step(`${label} grid`, async () => {
      await showTab('grid');
      const grid = page.getByRole('group', { name: ui.grid });
      await grid.waitFor();
      await page.waitForFunction((count) => document.querySelectorAll('svg.grid g.grid-actor').length >= count, n);
      await shot(page, 'grid', lang, width, n);
    });
  }
  if (views.includes('table')) {
    await step(`${label} table`, async () => {
      await showTab('table');
      await page.locator('table.actortable').waitFor();
      await page.waitForFunction((count) => document.querySelectorAll('table.actortable tbody tr').length >= count, n);
      await shot(page, 'table', lang, width, n);
    });
  }
  if (views.includes('council')) {
    await step(`${label} council`, async () => {
      await showTab('council');
      await page.locator('section.council').waitFor();
      await page.locator('section.council .card.members').waitFor();
      await shot(page, 'council', lang, width, n);
    });
  }
  if (views.includes('onion')) {
    await step(`${label} onion`, async () => {
      await showTab('onion');
      await page.locator('svg.onion').waitFor();
      await shot(page, 'onion', lang, width, n);
    });
  }
  if (views.includes('engagement')) {
    await step(`${label} engagement`, async () => {
      await showTab('engagement');
      await page.locator('section.engagement').waitFor();
      await shot(page, 'engagement', lang, width, n);
    });
  }
  await context.close();
}

/** A few months of an engagement log on `doc`: consultations with needs, follow-ups (one
 * overdue), and a dialogue with invitations. */
function withLog(doc) {
  const a = doc.map.actors;
  const at = (i) => a[i % a.length].id;
  const log = [
    ['2026-06-12', 'consultation', [0, 1], 'Samråd om yrkesvux i länet', ['Lokaler för yrkesvux', 'Handledare i industrin'], ['Skicka underlag om lokaler', '2026-07-01', 'planned']],
    ['2026-09-03', 'meeting', [2], 'Möte om vård- och omsorgscollege', ['Fler praktikplatser'], null],
    ['2026-10-20', 'phone', [5], 'Uppföljning av ansökan', [], ['Boka platsbesök', '2026-12-15', 'in_progress']],
    ['2026-11-10', 'email', [7, 8], 'Inbjudan till regional dialog', ['Kompetensbehov inom IT'], null],
  ].map(([date, kind, who, summary, needs, follow], i) => ({
    id: `log-${i}`, date, kind, actors: who.map(at), summary, needs,
    follow_up: follow && { title: follow[0], due: follow[1], status: follow[2] },
  }));
  log.push({ id: 'log-dialogue', date: '2026-11-18', kind: 'dialogue', actors: [], summary: 'Regional dialog om kompetensförsörjning', needs: ['Gemensam behovsanalys'], follow_up: null, invited: [at(1), at(2), at(3)], attended: [at(2)] });
  return { ...doc, map: { ...doc.map, interactions: log } };
}

async function main() {
  const started = Date.now();
  console.log(`build: ${readdirSync(DIST).filter((f) => /\.(js|wasm|css)$/.test(f)).join(', ')}`);
  const server = await serve(DIST);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const regional = withLog(regionalDocument());
    const big = withLog(generateDocument(1000, { positions: true, id: 'bench-1000', seed: 1000 }));
    const ALL = ['map', 'help', 'panel', 'actions', 'projection', 'grid', 'table', 'council', 'onion', 'engagement'];
    const PHONE = ['map', 'sheets', 'panel', 'actions', 'help', 'grid', 'table', 'council', 'onion', 'engagement'];
    const only = process.argv.slice(2).map(Number).filter(Boolean);
    const widths = only.length ? only : [390, 1180, 1280, 1920];
    for (const lang of ['sv', 'en']) {
      for (const width of widths) {
        await run(browser, server.url, { doc: regional, lang, width, views: width < 600 ? PHONE : ALL });
      }
    }
    for (const lang of ['sv', 'en']) {
      for (const width of widths.filter((w) => w !== 1280)) {
        await run(browser, server.url, { doc: big, lang, width, views: ['map', 'grid', 'table', 'engagement'] });
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`\n${shots.length} screenshots in ${SHOTS} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(errors.length ? `\n${errors.length} console/page error(s):\n${errors.join('\n')}` : '\nno console errors or page errors');
  if (failures.length) console.log(`\n${failures.length} failed step(s):\n${failures.join('\n')}`);
  process.exitCode = errors.length || failures.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
