// End-to-end: share links between browser profiles, export profiles that keep personal data
// out, and merging breakout groups' files into one map.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, App, storedMaps as storedMapsOf } from './app.mjs';
import { generateDocument, prng, seedStorage } from './generate.mjs';
import { regionalDocument } from './regional.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness.close(); });

const REGIONAL = regionalDocument({ positions: true });
const PEOPLE = REGIONAL.map.actors.filter((a) => a.kind === 'person').map((a) => a.name);
const CONTACTS = REGIONAL.map.actors.flatMap((a) => a.contacts)
  .flatMap((c) => [c.name, c.email, c.phone]).filter(Boolean);
const REPRESENTATIVES = REGIONAL.map.council.members.map((m) => m.representative);
const PERSONAL = [...new Set([...PEOPLE, ...CONTACTS, ...REPRESENTATIVES])];

/** Opens a `<details>` menu unless it is open already. */
async function openMenu(details) {
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
}

/** The maps and the index in local storage (the app also keeps view state there). */
const storedMaps = async (page) => JSON.stringify(Object.entries(await storedMapsOf(page))
  .filter(([key]) => key.startsWith('samverkan.map.') || key === 'samverkan.index').sort());

const exportJson = (app) => app.download(() => app.button('Export JSON').click());

async function makeLink(app) {
  await app.button('Share link').click();
  const box = app.page.getByRole('textbox', { name: 'Share link' });
  await box.waitFor();
  return box.inputValue();
}

/** Opens `link` in a fresh profile, in English. */
async function openLink(link) {
  const context = await harness.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const app = new App(page, harness.server.url, 'en');
  await page.goto(link.replace('#', '?lang=en#'));
  return app;
}

test('a share link opens the same map in another browser, and its data holds no name in clear', async () => {
  const first = await harness.appWith(REGIONAL);
  const link = await makeLink(first);
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#share=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  const data = link.split('#share=')[1];
  for (const name of REGIONAL.map.actors.map((a) => a.name)) {
    assert.ok(!decodeURIComponent(data).includes(name), `${name} is in the link`);
  }
  const exported = JSON.parse((await exportJson(first)).text);
  await first.page.context().close();

  const second = await openLink(link);
  const dialog = second.page.getByRole('dialog', { name: 'Shared map' });
  await dialog.getByText(`“${REGIONAL.map.title}” with 40 actors and 60 relations`).waitFor();
  assert.ok(!second.page.url().includes('#'), 'the fragment is removed from the address bar');
  await dialog.getByRole('button', { name: 'Open shared map' }).click();
  await second.page.getByRole('status').filter({ hasText: 'was imported as a new map' }).waitFor();
  const opened = JSON.parse((await exportJson(second)).text);
  assert.deepEqual(opened.map, exported.map);
  await second.page.context().close();

  const third = await openLink(link);
  await third.page.getByRole('dialog', { name: 'Shared map' }).getByRole('button', { name: 'Cancel' }).click();
  await third.page.getByRole('dialog').waitFor({ state: 'detached' });
  assert.equal(await storedMaps(third.page), '[]', 'Cancel leaves storage as it was');
  await third.page.context().close();
});

test('a damaged, cut or wrongly keyed link says so and changes nothing', async () => {
  const maker = await harness.appWith(REGIONAL);
  const link = await makeLink(maker);
  await maker.page.context().close();
  const [address, key] = link.split('.').length === 2 ? link.split(/\.(?=[^.]*$)/) : [link, ''];
  const flip = (s, i) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  const otherKey = 'A'.repeat(43);
  const broken = {
    damaged: `${flip(address, address.length - 20)}.${key}`,
    cut: link.slice(0, Math.floor(link.length * 0.6)),
    'wrong key': `${address}.${otherKey}`,
  };
  for (const [how, bad] of Object.entries(broken)) {
    const context = await harness.browser.newContext();
    const page = await context.newPage();
    const stored = regionalDocument({ id: 'kept-map' });
    await seedStorage(page, harness.server.url, stored);
    // What the app keeps of the seeded map once it has moved in from local storage.
    const before = JSON.stringify([
      ['samverkan.index', JSON.stringify({ maps: [stored.map.id] })],
      [`samverkan.map.${stored.map.id}`, JSON.stringify(stored)],
    ]);
    await page.goto(bad.replace('#', '?lang=en#'));
    const alert = page.getByRole('alert').filter({ hasText: /share link cannot be (opened|read)/ });
    await alert.waitFor();
    assert.equal(await page.getByRole('dialog', { name: 'Shared map' }).count(), 0, how);
    assert.equal(await storedMaps(page), before, `${how}: storage unchanged`);
    await page.locator('svg.network g.node').nth(39).waitFor();
    await context.close();
  }
});

test('a map too large for a link offers the file export instead', async () => {
  // Notes that do not compress, as a real map's long notes would not compress away.
  const big = generateDocument(1000);
  const rnd = prng(7);
  for (const actor of big.map.actors) {
    actor.notes = Array.from({ length: 120 }, () => String.fromCharCode(97 + Math.floor(rnd() * 26))).join('');
  }
  const app = await harness.appWith(big);
  await app.button('Share link').click();
  const alert = app.page.getByRole('alert').filter({ hasText: /The link would be [\d,]+ characters long/ });
  await alert.waitFor({ timeout: 30_000 });
  const chars = Number((await alert.textContent()).match(/be ([\d,]+) characters/)[1].replaceAll(',', ''));
  assert.ok(chars > 100_000, `${chars}`);
  assert.equal(await app.page.getByRole('textbox', { name: 'Share link' }).count(), 0);
  const file = await app.download(() => app.page.locator('.share').getByRole('button', { name: 'Export JSON' }).click());
  assert.equal(JSON.parse(file.text).map.actors.length, 1000);
  await app.page.context().close();
});

test('export profiles keep personal data out of files, pictures and links, and files read back', async () => {
  const app = await harness.appWith(REGIONAL);
  const select = app.page.getByRole('combobox', { name: 'Export profile' });
  const full = await exportJson(app);
  for (const secret of PERSONAL) assert.ok(full.text.includes(secret), `Full keeps ${secret}`);

  for (const profile of ['Pseudonymised', 'Organisations only']) {
    await select.selectOption({ label: profile });
    const json = await exportJson(app);
    const csv = await app.download(async () => {
      await openMenu(app.page.locator('details.moreformats'));
      await app.button('Export actors (CSV)').click();
    });
    await app.tab('Map');
    const svg = await app.download(async () => {
      await openMenu(app.page.locator('.maptools details', { hasText: 'Export picture' }));
      await app.button('Export SVG').click();
    });
    for (const [what, file] of Object.entries({ json, csv, svg })) {
      for (const secret of PERSONAL) assert.ok(!file.text.includes(secret), `${profile} ${what} leaks ${secret}`);
    }
    const map = JSON.parse(json.text).map;
    const people = map.actors.filter((a) => a.kind === 'person');
    assert.equal(map.profile, profile === 'Pseudonymised' ? 'pseudonymised' : 'organisations_only');
    if (profile === 'Pseudonymised') {
      assert.deepEqual(people.map((a) => a.name), PEOPLE.map((_, i) => `Person ${i + 1}`));
      assert.equal(map.actors.length, 40);
    } else {
      assert.equal(people.length, 0);
      assert.equal(map.actors.length, 40 - PEOPLE.length);
      // The picture keeps only the lines between actors the profile keeps, and some of them.
      const kept = new Set(map.actors.map((a) => a.id));
      const ends = [...svg.text.matchAll(/data-ends="([^"]*)"/g)].flatMap((m) => m[1].split(' '))
        .flatMap((pair) => pair.split(',').map(decodeURIComponent));
      assert.ok(ends.length > 0, 'lines are left in the picture');
      assert.deepEqual(ends.filter((id) => !kept.has(id)), [], 'no line to an actor left out');
    }

    const other = await harness.newApp('en');
    await other.page.getByLabel('Import file').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
    await other.page.getByRole('status').filter({ hasText: `was made with the export profile ${profile}` }).waitFor();
    assert.equal(await other.alerts.count(), 0);
    await other.page.getByText(`was made with the export profile ${profile}`).first().waitFor();
    await other.page.context().close();
  }
  const link = await makeLink(app);
  const opened = await openLink(link);
  await opened.page.getByRole('dialog', { name: 'Shared map' })
    .getByText('was made with the export profile Organisations only').waitFor();
  await opened.page.context().close();
  await app.page.context().close();
});

/** A small map as a breakout group would export it. */
function breakout(id, title, actors, relations = []) {
  return {
    format: 'samverkan', version: 1,
    map: {
      id, title, created_at: '2026-11-20T09:00:00Z', updated_at: '2026-11-20T10:00:00Z',
      actors: actors.map(([aid, name, more = {}]) => ({ id: aid, name, kind: 'organisation', ...more })),
      relations: relations.map(([rid, from, to, kind = 'collaboration']) => ({ id: rid, from, to, kind, strength: 2, directed: false, note: '' })),
    },
  };
}

test('merging two breakout files gives no duplicates, settles a conflict and is one undo step', async () => {
  const mine = breakout('main', 'Workshop', [
    ['a1', 'Region Kronoberg', { municipality: 'Växjö' }], ['a2', 'Växjö kommun'], ['a3', 'Linnéuniversitetet'],
  ], [['r1', 'a1', 'a2']]);
  const group1 = breakout('g1', 'Group 1', [
    ['a1', 'Region Kronoberg', { municipality: 'Ljungby' }], ['x1', 'växjö'], ['x2', 'Almi Företagspartner'],
  ], [['q1', 'x1', 'a1'], ['q2', 'x2', 'a1', 'funding']]);
  const group2 = breakout('g2', 'Group 2', [
    ['y1', 'Almi  företagspartner'], ['y2', 'Arbetsförmedlingen'], ['y3', 'Linnéuniversitetet'],
  ], [['p1', 'y1', 'y2'], ['p2', 'y3', 'y2', 'information']]);
  const app = await harness.appWith({ ...mine, revision: 1 });
  await app.button('Merge into this map').click();
  const dialog = app.page.getByRole('dialog', { name: 'Merge maps' });
  await dialog.getByLabel('Merge file').setInputFiles([
    { name: 'group1.samverkan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(group1)) },
    { name: 'group2.samverkan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(group2)) },
  ]);
  await dialog.getByText('2 actors are added and 4 recognised; 3 relations are added and 1 recognised.').waitFor();
  await dialog.getByText('1 field differs.').waitFor();
  await dialog.getByRole('radio', { name: 'Take theirs: Ljungby' }).check();
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await app.page.getByRole('status').filter({ hasText: 'Merged: 2 actors and 3 relations added' }).waitFor();
  const names = await app.actorNames();
  assert.deepEqual(names, ['Region Kronoberg', 'Växjö kommun', 'Linnéuniversitetet', 'Almi Företagspartner', 'Arbetsförmedlingen']);
  assert.equal(await app.cell('Municipality of Region Kronoberg'), 'Ljungby');
  await app.page.locator('.topbar').getByRole('button', { name: 'Undo', exact: true }).click();
  assert.deepEqual(await app.actorNames(), ['Region Kronoberg', 'Växjö kommun', 'Linnéuniversitetet']);
  assert.equal(await app.cell('Municipality of Region Kronoberg'), 'Växjö');
  assert.equal(await app.alerts.count(), 0);
  await app.page.context().close();
});
