// End-to-end: room mode. A facilitator and participants in separate browser profiles edit one
// map at once through the Yjs project's relay (y-webrtc-signaling from npm, started and stopped
// here): they converge, offline edits and a relay restart are survived, a late joiner gets the
// whole map, the relay sees only sealed data, and the facilitator's lock and end hold.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { startHarness, App, storedMaps, workerReady } from './app.mjs';
import { regionalDocument } from './regional.mjs';

const RELAY_PORT = 4444; // the relay index.html names (meta samverkan-relay, connect-src)
const RELAY = join(import.meta.dirname, '..', '..', 'node_modules', 'y-webrtc', 'bin', 'server.js');

let harness;
let relay;
/** Every WebSocket frame any page sent or received. */
const frames = [];

async function startRelay() {
  relay = spawn(process.execPath, [RELAY], { env: { ...process.env, PORT: String(RELAY_PORT) } });
  const [chunk] = await once(relay.stdout, 'data');
  assert.match(String(chunk), /Signaling server running/);
}

async function stopRelay() {
  if (!relay || relay.exitCode !== null) return;
  relay.kill();
  await once(relay, 'exit');
}

before(async () => {
  harness = await startHarness();
  await startRelay();
});
after(async () => {
  await stopRelay();
  await harness.close();
});

const REGIONAL = regionalDocument({ positions: true });

/** Records the page's WebSocket frames (through the DevTools protocol). */
async function recordFrames(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.webSocketFrameSent', (e) => frames.push(e.response.payloadData));
  cdp.on('Network.webSocketFrameReceived', (e) => frames.push(e.response.payloadData));
}

async function startRoom() {
  const app = await harness.appWith(REGIONAL, 'en', { width: 1280, height: 800 });
  await recordFrames(app.page);
  await app.button('Start room').click();
  const dialog = app.page.getByRole('dialog', { name: 'Room: everyone adds to the same map' });
  const box = dialog.getByRole('textbox', { name: 'Room link' });
  await box.waitFor();
  await app.page.waitForFunction(() => document.querySelector('.room-dialog input[readonly]')?.value.includes('#room='));
  const link = await box.inputValue();
  await dialog.getByRole('img', { name: 'QR code of the room link' }).waitFor();
  await app.page.locator('.room-bar:not(.offline)').waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { app, link, key: link.split('#room=')[1].split('.')[1] };
}

async function joinRoom(link, name, viewport = { width: 1280, height: 800 }) {
  const context = await harness.browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  await recordFrames(page);
  const app = new App(page, harness.server.url, 'en');
  await page.goto(link.replace('#', '?lang=en#'));
  const dialog = page.getByRole('dialog', { name: 'You are invited to a room' });
  await dialog.getByRole('textbox', { name: 'Your name' }).fill(name);
  await dialog.getByRole('button', { name: 'Join room' }).click();
  return app;
}

const nodes = (app) => app.page.locator('svg.network g.node').count();
const waitNodes = (app, n) => app.page.waitForFunction(
  (count) => document.querySelectorAll('svg.network g.node').length === count, n, { timeout: 30_000 },
);

/** The room's map as this device keeps it (IndexedDB, written a second after each change). */
async function kept(app) {
  const text = (await storedMaps(app.page))[`samverkan.map.${REGIONAL.map.id}`];
  return text ? JSON.parse(text).map : { actors: [], relations: [] };
}

/** Waits until every device keeps the same map, one that `done` accepts; returns it. */
async function converged(apps, done = () => true) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const maps = await Promise.all(apps.map(kept));
    const texts = maps.map((m) => JSON.stringify(m));
    if (texts.every((t) => t === texts[0]) && done(maps[0])) return maps[0];
    if (Date.now() > deadline) {
      const names = maps.map((m) => new Set(m.actors.map((a) => a.name)));
      const all = [...new Set(maps.flatMap((m) => m.actors.map((a) => a.name)))];
      const missing = names.map((n) => all.filter((a) => !n.has(a)).join(' | '));
      const said = await Promise.all(apps.map((a) => a.page.locator('.notices').innerText().catch(() => '')));
      const same = texts.every((t) => t === texts[0]) ? 'the same map everywhere' : 'the maps differ';
      assert.fail(`not converged (${same}): ${maps.map((m) => m.actors.length).join(', ')} actors; missing ${missing.join(' / ')}; notices ${said.join(' / ')}`);
    }
    await apps[0].page.waitForTimeout(500); // polling a condition across three browsers
  }
}

async function addMany(app, prefix, n) {
  for (let i = 1; i <= n; i++) await app.addActor(`${prefix} ${String(i).padStart(2, '0')}`);
}

let room;
let alice;
let bob;

test('a facilitator and two participants (one on a phone) add 30 actors each at once, two edit the fields of one actor, and all end with the same map', async () => {
  room = await startRoom();
  assert.match(room.link, /^http:\/\/127\.0\.0\.1:\d+\/#room=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
  alice = await joinRoom(room.link, 'Alice');
  bob = await joinRoom(room.link, 'Bob', { width: 390, height: 844 });
  await waitNodes(alice, 40);
  await waitNodes(bob, 40);
  await room.app.page.locator('.room-bar', { hasText: '3 in the room' }).waitFor();

  // The facilitator removes an actor while Alice, cut off for a moment, links another to it.
  // (Actors outside the council and the action plan, so the removal asks nothing.)
  const council = REGIONAL.map.council;
  const seated = new Set([
    ...council.members.map((m) => m.actor),
    ...council.actions.flatMap((a) => [a.responsible, a.accountable, ...a.consulted, ...a.informed]),
  ]);
  const [gone, other] = REGIONAL.map.actors.filter((a) => !seated.has(a.id)).slice(2, 4);
  // (The link picker is fetched before the network goes: the page has no service worker yet.)
  await alice.page.getByRole('button', { name: new RegExp(`^${other.name}, influence`) }).click();
  await alice.page.keyboard.press('l');
  await alice.page.getByRole('combobox', { name: 'Link to' }).fill(gone.name);
  await alice.page.getByRole('option', { name: gone.name }).waitFor();
  await alice.page.context().setOffline(true);
  await room.app.page.getByRole('button', { name: new RegExp(`^${gone.name}, influence`) }).click();
  await room.app.page.keyboard.press('Delete');
  await waitNodes(room.app, 39);
  await alice.page.keyboard.press('Enter');
  await alice.page.getByRole('combobox', { name: 'Link to' }).waitFor({ state: 'hidden' });
  await alice.page.context().setOffline(false);
  // Then all three add 30 actors each, at the same time. The facilitator's map draws each
  // newcomer once and moves no node already drawn, wherever the room's order puts it.
  await room.app.page.evaluate(() => {
    window.nodesAdded = [];
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n.classList?.contains('node')) window.nodesAdded.push(n.dataset.actor);
    }).observe(document.querySelector('svg.network'), { childList: true, subtree: true });
  });
  await Promise.all([
    addMany(room.app, 'Rumsaktör F', 30),
    addMany(alice, 'Rumsaktör A', 30),
    addMany(bob, 'Rumsaktör B', 30),
  ]);
  const map = await converged([room.app, alice, bob], (m) => m.actors.length === 40 - 1 + 90);
  assert.equal(map.actors.length, 40 - 1 + 90);
  const added = await room.app.page.evaluate(() => window.nodesAdded);
  assert.equal(added.length, new Set(added).size, 'no node was drawn twice (moved)');
  assert.equal(added.length, 90);

  // The facilitator and Alice edit the same actor, each a different field: the facilitator
  // types a municipality, and before it is committed (Tab) Alice's notes arrive. What the
  // facilitator typed stays in the field (an edit of another field once wiped it), and both
  // edits are kept, everywhere.
  const shared = map.actors.find((a) => a.name === 'Rumsaktör B 01');
  const field = (app, name) => app.page.locator('.sidepanel').getByRole('textbox', { name, exact: true });
  for (const app of [room.app, alice]) {
    // By keyboard: among 129 actors just placed, another's circle may lie over its own.
    await app.page.getByRole('button', { name: /^Rumsaktör B 01, influence/ }).focus();
    await app.page.keyboard.press('Enter');
    await app.page.locator('.sidepanel .editor-head h2', { hasText: /^Rumsaktör B 01$/ }).waitFor();
  }
  await field(room.app, 'Municipality').fill('Värnamo');
  await field(alice, 'Notes').fill('Vill sitta i rådet');
  await field(alice, 'Notes').press('Tab');
  await room.app.page.waitForFunction(() => [...document.querySelectorAll('.sidepanel textarea')]
    .some((notes) => notes.value === 'Vill sitta i rådet'), null, { timeout: 30_000 });
  assert.equal(await field(room.app, 'Municipality').inputValue(), 'Värnamo', 'what the facilitator typed is still there');
  await field(room.app, 'Municipality').press('Tab');
  const edited = await converged([room.app, alice, bob], (m) => {
    const actor = m.actors.find((a) => a.id === shared.id);
    return actor?.municipality === 'Värnamo' && actor?.notes === 'Vill sitta i rådet';
  });
  assert.equal(edited.actors.find((a) => a.id === shared.id).name, 'Rumsaktör B 01');
  const ids = new Set(map.actors.map((a) => a.id));
  assert.ok(!ids.has(gone.id));
  for (const r of map.relations) assert.ok(ids.has(r.from) && ids.has(r.to), `relation ${r.id} dangles`);
  assert.ok(!map.relations.some((r) => r.from === other.id && r.to === gone.id), 'the link to the removed actor is dropped');
  for (const app of [room.app, alice, bob]) assert.deepEqual(app.errors, []);
});

test('a participant offline adds five actors; back online, everyone has them', async () => {
  await alice.page.context().setOffline(true);
  await alice.page.locator('.room-bar.offline', { hasText: 'Offline: your changes will be shared when the connection is back' }).waitFor({ timeout: 30_000 });
  await addMany(alice, 'Utan nät', 5);
  await alice.page.context().setOffline(false);
  const fromOffline = (m) => m.actors.filter((a) => a.name.startsWith('Utan nät')).length;
  const map = await converged([room.app, alice, bob], (m) => fromOffline(m) === 5);
  assert.equal(fromOffline(map), 5);
});

test('the relay stops and starts again mid-session: edits on both sides meet', async () => {
  await stopRelay();
  await room.app.page.locator('.room-bar.offline').waitFor({ timeout: 30_000 });
  await addMany(room.app, 'Under omstart F', 2);
  await addMany(bob, 'Under omstart B', 2);
  await startRelay();
  await room.app.page.locator('.room-bar:not(.offline)').waitFor({ timeout: 30_000 });
  const duringRestart = (m) => m.actors.filter((a) => a.name.startsWith('Under omstart')).length;
  const map = await converged([room.app, alice, bob], (m) => duringRestart(m) === 4);
  assert.equal(duringRestart(map), 4);
});

test('a late joiner gets the whole map, and the app is kept for offline use once it has come', async () => {
  const carol = await joinRoom(room.link, 'Carol', { width: 1180, height: 820 });
  const count = await nodes(room.app);
  await waitNodes(carol, count);
  // The service worker's install (every file of the app) waits for the join: none as the
  // map is drawn (it is registered two seconds after it came), then one keeps the app.
  const registered = () => carol.page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
  assert.equal(await registered(), 0, 'no service worker while joining');
  await workerReady(carol.page);
  assert.equal(await registered(), 1);
  await converged([room.app, carol], (m) => m.actors.length === count);
  await carol.page.context().close();
});

test('the relay never sees an actor name, the title or the key', async () => {
  assert.ok(frames.length > 100, `${frames.length} frames recorded`);
  // Strings shorter than 8 characters turn up in megabytes of random base64 by chance.
  const secrets = [
    ...REGIONAL.map.actors.map((a) => a.name), REGIONAL.map.title, room.key,
    'Rumsaktör', 'Utan nät', 'Under omstart',
  ].filter((s) => s.length >= 8);
  for (const frame of frames) {
    for (const secret of secrets) assert.ok(!frame.includes(secret), `a frame holds ${secret}`);
  }
});

test('who is in the room, and what each has selected, shows on the facilitator\'s screen', async () => {
  const chosen = REGIONAL.map.actors[0];
  await alice.page.getByRole('button', { name: new RegExp(`^${chosen.name}, influence`) }).click();
  await room.app.page.locator(`svg.network g.node[data-ring][data-actor="${chosen.id}"]`).waitFor();
  await room.app.page.locator('.room-bar').getByRole('button', { name: 'Room' }).click();
  const people = room.app.page.getByRole('dialog').locator('.people');
  for (const name of ['Alice', 'Bob']) await people.getByText(name).waitFor();
  await room.app.page.keyboard.press('Escape');
});

test('the projector window shows the room\'s QR code while the facilitator shows the room dialog; participants read the council and log', async () => {
  // The count sits in the header, where it covers nothing.
  await room.app.page.locator('header.topbar .room-bar', { hasText: /\d+ in the room/ }).waitFor();
  const projector = await room.app.page.context().newPage();
  await projector.goto(`${harness.server.url}?projector=1&lang=en`);
  await projector.locator('svg.network g.node').first().waitFor();
  await room.app.page.locator('.room-bar').getByRole('button', { name: 'Room' }).click();
  const shown = projector.locator('.projected-room');
  await shown.getByRole('heading', { name: 'Scan to join the room' }).waitFor();
  await shown.getByRole('img', { name: 'QR code of the room link' }).waitFor();
  await room.app.page.keyboard.press('Escape');
  await shown.waitFor({ state: 'detached' });
  await projector.close();

  await alice.tab('Council');
  await alice.page.getByText('Read only: the facilitator has not opened the council').waitFor();
  assert.equal(await alice.page.getByRole('textbox', { name: 'Purpose and mandate' }).isDisabled(), true);
  await alice.tab('Engagement');
  await alice.page.getByText('Read only: the facilitator has not opened the log').waitFor();
  assert.equal(await alice.page.getByRole('button', { name: 'Log interaction' }).first().isDisabled(), true);
  await alice.tab('Map');
});

test('Lock map refuses a participant\'s edit with a message; End room leaves everyone a copy', async () => {
  const roomButton = room.app.page.locator('.room-bar').getByRole('button', { name: 'Room' });
  await roomButton.click();
  const dialog = room.app.page.getByRole('dialog', { name: 'Room: everyone adds to the same map' });
  await dialog.getByRole('checkbox', { name: 'Lock map' }).check();
  await dialog.getByRole('button', { name: 'Close' }).click();
  const before = await nodes(alice);
  await alice.addActor('Låst aktör');
  await alice.page.getByText('The facilitator has locked the map: you can look but not change it.').first().waitFor({ timeout: 30_000 });
  assert.equal(await nodes(alice), before);

  await roomButton.click();
  await dialog.getByRole('button', { name: 'End room' }).click();
  await alice.page.getByText('The room has ended. You keep the map as an ordinary map.').waitFor({ timeout: 30_000 });
  await alice.page.locator('.room-bar').waitFor({ state: 'detached' });
  assert.equal(await nodes(alice), before);
  await alice.addActor('Efter rummet');
  await waitNodes(alice, before + 1);
  for (const app of [room.app, alice, bob]) await app.page.context().close();
});

test('a relay the page\'s policy does not allow is named in a message, not left to look offline', async () => {
  const { app } = await startRoom();
  await app.page.locator('.room-bar').getByRole('button', { name: 'Room' }).click();
  const address = app.page.getByRole('dialog').getByRole('textbox', { name: 'Relay address' });
  await address.fill('ws://127.0.0.1:4555');
  await address.press('Tab');
  await app.page.getByText('does not allow the relay ws://127.0.0.1:4555').first().waitFor({ timeout: 30_000 });
  await app.page.context().close();
});
