// The first load of the release build: each file the page loads, raw and brotli-compressed
// (quality 11, as a static host would serve it), and the total.
//
//   node scripts/size.mjs [dist]            # prints a markdown table
//   node scripts/size.mjs [dist] --json     # the same as JSON
//   node scripts/size.mjs [dist] --max KIB  # and fails when the brotli total is above KIB
//
// What counts is what index.html loads before the first actor can be typed: the page and the
// files it links as stylesheet or (module)preload: the stylesheet, the JS glue, the wasm
// module and the loader of the parts. The parts themselves (parts-<hash>/, fetched when first
// needed) are listed after the total. Not sw.js: the app registers it once it is running,
// and the browser fetches it (and the manifest, icons and parts) in the background.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const maxAt = args.indexOf('--max');
const max = maxAt >= 0 ? Number(args[maxAt + 1]) : null;
const dist = resolve(args.find((a, i) => !a.startsWith('--') && (maxAt < 0 || i !== maxAt + 1)) ?? 'dist');
const page = readFileSync(join(dist, 'index.html'), 'utf8');
const linked = [...page.matchAll(/<link rel="(?:stylesheet|modulepreload|preload)" href="\.\/([^"]+)"/g)].map((m) => m[1]);
const files = ['index.html', ...new Set(linked)];
const partsDir = readdirSync(dist).find((f) => f.startsWith('parts-'));
const later = partsDir ? readdirSync(join(dist, partsDir)).map((f) => `${partsDir}/${f}`)
  .filter((f) => !files.includes(f)).sort() : [];
const kib = (bytes) => bytes / 1024;
const measure = (name) => {
  const bytes = readFileSync(join(dist, name));
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
  return { name, raw: bytes.length, brotli };
};
const rows = files.map(measure);
const laterRows = later.map(measure);
const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, brotli: sum.brotli + r.brotli }), { raw: 0, brotli: 0 });

if (args.includes('--json')) {
  console.log(JSON.stringify({ dist, files: rows, total, later: laterRows }, null, 2));
} else {
  console.log(`First load of ${dist} (brotli quality 11)\n`);
  console.log('| file | raw KiB | brotli KiB |\n| --- | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.name} | ${kib(r.raw).toFixed(1)} | ${kib(r.brotli).toFixed(1)} |`);
  console.log(`| **total** | ${kib(total.raw).toFixed(1)} | **${kib(total.brotli).toFixed(1)}** |`);
  if (laterRows.length) {
    const parts = laterRows.filter((r) => r.name.includes('/split_')).sort((a, b) => b.brotli - a.brotli);
    const shared = laterRows.filter((r) => !r.name.includes('/split_'));
    const sum = (list) => kib(list.reduce((s, r) => s + r.brotli, 0)).toFixed(1);
    console.log(`\nFetched when first needed (${partsDir}/): ${laterRows.length} files, ${sum(laterRows)} KiB brotli\n`);
    console.log('| part | raw KiB | brotli KiB |\n| --- | ---: | ---: |');
    for (const r of parts) console.log(`| ${r.name.replace(/^.*\/split_|\.wasm$/g, '')} | ${kib(r.raw).toFixed(1)} | ${kib(r.brotli).toFixed(1)} |`);
    console.log(`| ${shared.length} chunks shared between parts | ${kib(shared.reduce((s, r) => s + r.raw, 0)).toFixed(1)} | ${sum(shared)} |`);
  }
}

if (max !== null) {
  const figure = kib(total.brotli).toFixed(1);
  if (kib(total.brotli) > max) {
    console.error(`first load ${figure} KiB brotli is above the ${max} KiB ceiling`);
    process.exit(1);
  }
  console.log(`first load ${figure} KiB brotli, within the ${max} KiB ceiling`);
}
