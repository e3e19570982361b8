// Generated maps for end-to-end tests and the in-browser benchmark: deterministic, in the
// storage and file format ({ format, version, revision, map }).

/** mulberry32: a small seeded PRNG, the same numbers on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The default sector palette as the Swedish UI creates it: [id, label, colour]. */
export const SECTORS = [
  ['public_sector', 'Offentlig sektor', '#4e79a7'], ['business', 'Näringsliv', '#f28e2b'],
  ['education', 'Utbildning', '#e15759'], ['labour_market', 'Arbetsmarknad', '#76b7b2'],
  ['civil_society', 'Civilsamhälle', '#59a14f'], ['culture', 'Kultur', '#edc948'],
  ['public_health', 'Folkhälsa', '#b07aa1'], ['research', 'Forskning', '#ff9da7'],
  ['tourism', 'Turism', '#9c755f'], ['transport', 'Transport', '#79706e'],
];
const SUFFIXES = ['Regionförbund', 'Kommun', 'Högskola', 'AB', 'Arbetsförmedling', 'Förening',
  'Museum', 'Vårdcentral', 'Institut', 'Turistbyrå', 'Trafikbolag', 'Stiftelse'];
const MUNICIPALITIES = ['Jönköping', 'Värnamo', 'Växjö', 'Kalmar', 'Göteborg', 'Borås', 'Eksjö', 'Nässjö'];
const STAMP = '2026-01-15T09:00:00Z';

/**
 * A map of `n` actors and 3n relations between distinct random pairs, in the storage
 * format ({ format, version, revision, map }). With `positions` the actors are spread
 * over a disc (what a settled layout looks like to the renderer); without, all x = y = 0.
 */
export function generateDocument(n, { positions = true, id = `bench-${n}`, seed = n } = {}) {
  const rnd = prng(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const radius = 45 * Math.sqrt(n);
  const actors = [];
  for (let i = 0; i < n; i++) {
    let x = 0; let y = 0;
    if (positions) {
      const r = radius * Math.sqrt(rnd()); const a = rnd() * 2 * Math.PI;
      x = Math.round(r * Math.cos(a) * 10) / 10 || 0.5;
      y = Math.round(r * Math.sin(a) * 10) / 10 || 0.5;
    }
    actors.push({
      id: `actor-${String(i + 1).padStart(5, '0')}`,
      name: `Aktör ${i + 1} ${SUFFIXES[int(0, SUFFIXES.length - 1)]}`,
      sector: SECTORS[int(0, SECTORS.length - 1)][0],
      municipality: MUNICIPALITIES[int(0, MUNICIPALITIES.length - 1)],
      influence: int(1, 5),
      interest: int(1, 5),
      x, y,
    });
  }
  const relations = [];
  const seen = new Set();
  // 3n relations, or every pair on a map too small for that many.
  const wanted = Math.min(3 * n, (n * (n - 1)) / 2);
  while (relations.length < wanted) {
    const a = int(0, n - 1); const b = int(0, n - 1);
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    relations.push({ id: `relation-${String(relations.length + 1).padStart(5, '0')}`, from: actors[a].id, to: actors[b].id });
  }
  return storedDocument({
    id,
    title: `Benchmark ${n} aktörer`,
    description: '',
    created_at: STAMP,
    updated_at: STAMP,
    sectors: SECTORS.map(([sid, label, color]) => ({ id: sid, label, color })),
    actors,
    relations,
  });
}

/** A map as it is stored and exported: the file format's envelope around it. */
export const storedDocument = (map) => ({ format: 'samverkan', version: 1, revision: 1, map });

/**
 * Writes `doc` into the local storage of `base`'s origin as the only map, from an empty
 * page of that origin (so the app is not running while its storage is set). The page has
 * an icon link of its own, so the browser asks for no /favicon.ico.
 */
export async function seedStorage(page, base, doc) {
  await page.route('**/__seed__', (route) => route.fulfill({
    contentType: 'text/html', body: '<!doctype html><link rel="icon" href="data:,"><title>seed</title>',
  }));
  await page.goto(`${base}__seed__`);
  await page.evaluate(({ key, text, index }) => {
    localStorage.clear();
    localStorage.setItem(key, text);
    localStorage.setItem('samverkan.index', index);
  }, { key: `samverkan.map.${doc.map.id}`, text: JSON.stringify(doc), index: JSON.stringify({ maps: [doc.map.id] }) });
}
