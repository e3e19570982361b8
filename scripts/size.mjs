// The first load of the release build: each file the page loads, raw and brotli-compressed
// (quality 11, as a static host would serve it), and the total.
//
//   node scripts/size.mjs [dist]            # prints a markdown table
//   node scripts/size.mjs [dist] --json     # the same as JSON
//   node scripts/size.mjs [dist] --max KIB  # and fails when the brotli total is above KIB
//
// What counts is what index.html loads before the first actor can be typed: the page, its
// stylesheet, the JS glue and the wasm module. Not sw.js: the app registers it once it is
// running, and the browser fetches it (and the manifest and icons) in the background.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const maxAt = args.indexOf('--max');
const max = maxAt >= 0 ? Number(args[maxAt + 1]) : null;
const dist = resolve(args.find((a, i) => !a.startsWith('--') && i !== maxAt + 1) ?? 'dist');
const files = readdirSync(dist).filter((f) => /\.(html|css|js|wasm)$/.test(f) && f !== 'sw.js').sort();
const kib = (bytes) => bytes / 1024;
const rows = files.map((name) => {
  const bytes = readFileSync(join(dist, name));
  const brotli = brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
  return { name, raw: bytes.length, brotli };
});
const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, brotli: sum.brotli + r.brotli }), { raw: 0, brotli: 0 });

if (args.includes('--json')) {
  console.log(JSON.stringify({ dist, files: rows, total }, null, 2));
} else {
  console.log(`First load of ${dist} (brotli quality 11)\n`);
  console.log('| file | raw KiB | brotli KiB |\n| --- | ---: | ---: |');
  for (const r of rows) console.log(`| ${r.name} | ${kib(r.raw).toFixed(1)} | ${kib(r.brotli).toFixed(1)} |`);
  console.log(`| **total** | ${kib(total.raw).toFixed(1)} | **${kib(total.brotli).toFixed(1)}** |`);
}

if (max !== null) {
  const figure = kib(total.brotli).toFixed(1);
  if (kib(total.brotli) > max) {
    console.error(`first load ${figure} KiB brotli is above the ${max} KiB ceiling`);
    process.exit(1);
  }
  console.log(`first load ${figure} KiB brotli, within the ${max} KiB ceiling`);
}
