// Page object and harness for the end-to-end tests: Debian's Chromium driven by
// playwright-core against the release build in dist/, served on 127.0.0.1.
import { chromium } from 'playwright-core';
import { mkdirSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { seedStorage } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = join(here, '..', '..', 'dist');
export const SHOTS = join(here, 'output');
mkdirSync(SHOTS, { recursive: true });

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic',
];

/** Every file of a build (`dist`) as the path under the app's folder (`icons/icon.svg`). */
export const builtFiles = (dist = DIST) => readdirSync(dist, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory()
  ? builtFiles(join(dist, entry.name)).map((name) => `${entry.name}/${name}`)
  : [entry.name]));

/** Resolves when the service worker has installed (so it keeps the app's files) and
 * controls the page. */
export async function workerReady(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Resolves when the map's layout is at rest, so nodes stay put under the pointer. */
export async function layoutIdle(page, timeout = 30_000) {
  await page.waitForFunction(
    () => document.querySelector('svg.network')?.getAttribute('data-layout') === 'idle',
    null, { timeout },
  );
}

/** Every node's map position by actor name (English UI: `Name, influence N`). */
export const nodePositions = (page) => page.locator('svg.network g.node').evaluateAll((nodes) => Object.fromEntries(
  nodes.map((n) => {
    const m = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(n.getAttribute('transform'));
    return [n.getAttribute('aria-label').split(', influence')[0], [Number(m[1]), Number(m[2])]];
  }),
));

/** Starts the server and the browser once per test file. */
/** Shows a view by its tab and waits for it: views other than the map are fetched the first
 * time they show (src/ui/shell/parts.rs), with a `Loading …` status meanwhile. */
/** In the page: how many relations the map draws, of one kind or all (each path lists its lines' ends). */
function countLines(kind) {
  return [...document.querySelectorAll(`svg.network path.relation${kind ? `.${kind}` : ''}`)]
    .reduce((n, path) => n + path.getAttribute('data-ends').split(' ').length, 0);
}
export const linesDrawn = (page, kind = '') => page.evaluate(countLines, kind);
export const linesDrawnReach = (page, n, kind = '') => page.waitForFunction(`(${countLines})(${JSON.stringify(kind)}) === ${n}`);

/** In the page: the drawn lines whose ends are not at their actors' nodes, as
 * `from,to` pairs (the first few), and how many lines were looked at. A line starts at its
 * `from` node's centre; an undirected one ends at its `to` node's centre, a directed one on
 * the way there (before the circle, for its arrowhead). Lines of actors not drawn yet (a
 * large map is revealed in batches) are skipped. */
function linesOffNodes() {
  const at = new Map([...document.querySelectorAll('svg.network g.node')].map((n) => {
    const m = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(n.getAttribute('transform'));
    return [n.getAttribute('data-actor'), [Number(m[1]), Number(m[2])]];
  }));
  const directed = new Set([...document.querySelectorAll('svg.network path.arrowheads')].flatMap((p) => p.getAttribute('data-ends').split(' ')));
  const off = [];
  let checked = 0;
  for (const path of document.querySelectorAll('svg.network path.relation')) {
    const segments = path.getAttribute('d').split('M').filter(Boolean);
    path.getAttribute('data-ends').split(' ').forEach((pair, k) => {
      const [from, to] = pair.split(',').map((id) => at.get(decodeURIComponent(id)));
      if (!from || !to) return;
      checked++;
      const [ax, ay, bx, by] = segments[k].split(/[ L]/).map(Number);
      const starts = Math.hypot(ax - from[0], ay - from[1]) < 0.11;
      const ends = directed.has(pair)
        // On the straight way to the target, short of it by no more than a circle and a gap.
        ? Math.abs((bx - ax) * (to[1] - ay) - (by - ay) * (to[0] - ax)) < 0.5 * Math.hypot(to[0] - ax, to[1] - ay) && Math.hypot(to[0] - bx, to[1] - by) < 60
        : Math.hypot(bx - to[0], by - to[1]) < 0.11;
      if (!(starts && ends) && off.length < 5) off.push(pair);
    });
  }
  return { off, checked };
}
export const linesOffNodesNow = (page) => page.evaluate(linesOffNodes);
/** As `linesOffNodesNow`, after the next frame and the tasks it queued (a layout frame's
 * drawing is done by then), with whether the layout was running. */
export const linesOffNodesNextFrame = (page) => page.evaluate(`new Promise((done) => requestAnimationFrame(() => setTimeout(() => done({
  running: document.querySelector('svg.network')?.getAttribute('data-layout') === 'running',
  ...(${linesOffNodes})(),
}), 0)))`);

export async function showTab(page, name) {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.locator('#view-panel > :not([role="status"])').first().waitFor();
}

/**
 * The maps store of the app's IndexedDB as `{ key: text }` (empty when the app never
 * opened it: the probe then aborts rather than create an empty database).
 */
export const storedMaps = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const opening = indexedDB.open('samverkan');
  opening.onupgradeneeded = () => opening.transaction.abort();
  opening.onerror = (event) => { event.preventDefault(); resolve({}); };
  opening.onsuccess = () => {
    const db = opening.result;
    const store = db.transaction('maps').objectStore('maps');
    const keys = store.getAllKeys();
    const values = store.getAll();
    values.onerror = () => reject(values.error);
    values.onsuccess = () => {
      db.close();
      resolve(Object.fromEntries(keys.result.map((key, i) => [key, values.result[i]])));
    };
  };
}));

export async function startHarness() {
  const server = await serve(DIST);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    /** A fresh profile (empty local storage), like a new browser. */
    async newApp(lang = 'en', viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ viewport, acceptDownloads: true });
      const page = await context.newPage();
      const app = new App(page, server.url, lang);
      await app.open();
      return app;
    },
    /** A fresh profile with `doc` as its only stored map, open in English on the Map tab
     * with every node drawn; `errors` collects the page's uncaught errors. `refuse`: URL
     * patterns whose requests fail; `init`: a function run in the page before its scripts. */
    async withStoredMap(doc, viewport = { width: 1920, height: 1080 }, { refuse = [], init } = {}) {
      const context = await browser.newContext({ viewport, serviceWorkers: refuse.length ? 'block' : 'allow' });
      for (const pattern of refuse) await context.route(pattern, (route) => route.abort());
      if (init) await context.addInitScript(init);
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await seedStorage(page, server.url, doc);
      await page.goto(`${server.url}?lang=en`);
      await page.locator('svg.network g.node').nth(doc.map.actors.length - 1).waitFor();
      return { page, errors };
    },
    /** A fresh profile with `doc` as its only stored map, open in `lang` (not waiting for
     * the drawing, unlike `withStoredMap`), as an `App`. */
    async appWith(doc, lang = 'en', viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ viewport, acceptDownloads: true });
      const page = await context.newPage();
      await seedStorage(page, server.url, doc);
      const app = new App(page, server.url, lang);
      await app.open();
      return app;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** The Samverkan page, found by roles and accessible names as a screen reader would. */
export class App {
  constructor(page, base, lang) {
    this.page = page;
    this.base = base;
    this.lang = lang;
    this.errors = [];
    page.on('pageerror', (e) => this.errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') this.errors.push(m.text()); });
  }

  url() { return `${this.base}?lang=${this.lang}`; }

  async open() {
    await this.page.goto(this.url());
    await this.page.getByRole('button', { name: this.lang === 'en' ? 'New map' : 'Ny karta' }).waitFor();
  }

  async reload() {
    await this.page.reload();
    await this.page.getByRole('button', { name: /^(New map|Ny karta)$/ }).waitFor();
  }

  button(name) { return this.page.getByRole('button', { name, exact: true }); }
  get addActorBox() { return this.page.getByRole('textbox', { name: this.lang === 'en' ? 'Add actor' : 'Lägg till aktör' }); }
  get alerts() { return this.page.getByRole('alert'); }

  async newMap() {
    await this.button(this.lang === 'en' ? 'New map' : 'Ny karta').click();
    await this.addActorBox.waitFor();
  }

  async addActor(text) {
    await this.addActorBox.fill(text);
    await this.addActorBox.press('Enter');
  }

  /** Shows a view by its tab (Map, Grid, Table, Council, in either language). */
  async tab(name) {
    await showTab(this.page, name);
  }

  /** The names in the actor table, in order (opens the Table tab). */
  async actorNames() {
    await this.tab(this.lang === 'en' ? 'Table' : 'Tabell');
    await this.page.locator('table.actortable').waitFor();
    return this.page.locator('table.actortable tbody td:nth-child(2)')
      .evaluateAll((cells) => cells.map((c) => c.querySelector('input')?.value ?? c.textContent));
  }

  /** The text a table cell shows, by its field's name (`Sector of Almi`). */
  cell(label) {
    return this.page.locator(`table.actortable button.cell-text[aria-label^="${label}: "]`).textContent();
  }

  /** Turns a table cell into its field (as a click does) and returns the field. */
  async editCell(label, role = 'textbox') {
    await this.page.locator(`table.actortable button.cell-text[aria-label^="${label}: "]`).click();
    return this.page.getByRole(role, { name: label, exact: true });
  }

  /** Waits until the map's layout is at rest, so nodes stay put under the pointer. */
  layoutIdle() {
    return layoutIdle(this.page);
  }

  /** Waits until the autosave has written (the status says Saved). */
  async saved() {
    await this.page.locator('.status', { hasText: /^(Saved|Sparat)$/ }).waitFor();
  }

  async renameMap(oldTitle, newTitle) {
    await this.button(`Rename ${oldTitle}`).click();
    const box = this.page.getByRole('textbox', { name: 'Map title' });
    await box.fill(newTitle);
    await box.press('Enter');
  }

  /** The file `click` downloads: its suggested name and its text. */
  async download(click) {
    const event = this.page.waitForEvent('download');
    await click();
    const file = await event;
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  }

  /** What the maps store of IndexedDB holds: `{ key: text }`. */
  storage() {
    return storedMaps(this.page);
  }

  async shot(name) {
    await this.page.screenshot({ path: join(SHOTS, `${name}.png`) });
  }
}
