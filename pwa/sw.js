// Samverkan's service worker: keeps the app shell (the built files) so the page opens with
// no network after the first visit. It sees the page's own files only; maps stay in local
// storage and never pass through here.
//
// scripts/precache.mjs (Trunk's post-build hook) fills in BUILD and SHELL, so each build
// gives a different sw.js. The browser compares sw.js on every visit; a changed one is
// installed next to the old (precaching the new hashed files), takes over at once and
// deletes the old cache. The page already open keeps running what it loaded; the next load
// is the new version.
const BUILD = 'unbuilt';
const SHELL = [];

// Everything is relative to where the app is hosted (the scope is sw.js's folder), and
// each cache is named after that place: two copies of the app under one origin keep theirs.
const SCOPE = self.registration.scope;
const PREFIX = `samverkan ${SCOPE} `;
const CACHE = PREFIX + BUILD;
const INDEX = new URL('index.html', SCOPE).href;

/** The response this build keeps for `request`, if any. */
const kept = async (request) => (await caches.open(CACHE)).match(request);

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // 'no-cache' asks the host (cheaply, when it sends ETags) instead of trusting the HTTP
    // cache, so an old index.html is never kept beside new hashed files.
    await cache.addAll(SHELL.map((path) => new Request(new URL(path, SCOPE), { cache: 'no-cache' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') {
    // Network first: online, a new deploy shows on the next load; offline, the kept page.
    event.respondWith(fetch(request).catch(async () => (await kept(INDEX)) ?? Response.error()));
  } else {
    // The rest are this build's files (hashed names, or kept with the build): cache first.
    event.respondWith((async () => (await kept(request)) ?? fetch(request))());
  }
});
