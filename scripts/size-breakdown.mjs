// Where the first load's wasm bytes go: builds the release wasm with its symbol names kept,
// splits it and runs the main module through wasm-bindgen and wasm-opt as the build does
// (scripts/split-wasm.mjs, with scripts/wasm-opt-flags.mjs), and asks twiggy for every
// function's and data segment's size, summed by crate and by app module. The parts are left
// out: they are not part of the first load.
//
//   node scripts/size-breakdown.mjs [--top N]
//
// Sizes are raw bytes of the optimised module without its name and debug sections, so they
// add up to the shipped wasm's raw size (within a few percent: names change inlining a little).
import { execFileSync } from 'node:child_process';
import { WASM_OPT } from './wasm-opt-flags.mjs';

const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 25;
const out = 'target/size';
const run = (command, args, env = {}) =>
  execFileSync(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env }, maxBuffer: 1 << 28 });

console.error('building the release wasm with names kept…');
run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '--bin', 'samverkan', '--features', 'split',
  '--target-dir', out], { CARGO_PROFILE_RELEASE_STRIP: 'false' });
const built = `${out}/wasm32-unknown-unknown/release/samverkan.wasm`;
run('wasm-split-cli', [built, `${out}/split`, '--out-name', 'samverkan']);
run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--keep-debug', '--out-dir', `${out}/bindgen`,
  `${out}/split/samverkan.wasm`]);
run('wasm-opt', [...WASM_OPT, '-g', `${out}/bindgen/samverkan_bg.wasm`, '-o', `${out}/named.wasm`]);
const csv = run('twiggy', ['top', '-n', '1000000', '--format', 'csv', `${out}/named.wasm`]).toString();

// twiggy's CSV: Name,ShallowSize,… with names quoted when they hold commas.
const items = csv.trim().split('\n').slice(1).map((line) => {
  const match = line.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
  return { name: match[1].replace(/^"|"$/g, '').replace(/""/g, '"'), bytes: Number(match[2]) };
}).filter(({ name }) => !/^custom section|subsection"?$|^"?function names/.test(name));

const total = items.reduce((sum, item) => sum + item.bytes, 0);
const crateOf = (name) => {
  if (name.startsWith('data segment')) return '(data: strings and tables)';
  const path = name.match(/([A-Za-z_]\w*)(?:\[[0-9a-f]+\])?::/);
  return path ? path[1] : '(unnamed: glue, elements)';
};
const moduleOf = (name) => {
  const path = name.match(/^(samverkan(?:_model)?)::(\w+)(?:::(\w+))?/);
  if (!path) return null;
  const nested = ['ui', 'app', 'formats', 'io'].includes(path[2]) && path[3] && !path[3].startsWith('_');
  return `${path[1]}::${path[2]}${nested ? `::${path[3]}` : ''}`;
};
const sum = (key) => {
  const sums = new Map();
  for (const item of items) {
    const k = key(item.name);
    if (k) sums.set(k, (sums.get(k) ?? 0) + item.bytes);
  }
  return [...sums].sort((a, b) => b[1] - a[1]);
};
const kib = (bytes) => (bytes / 1024).toFixed(1);
const table = (title, rows) => {
  console.log(`\n| ${title} | raw KiB | share |\n| --- | ---: | ---: |`);
  for (const [name, bytes] of rows.slice(0, top)) {
    console.log(`| ${name.replaceAll('|', '\\|')} | ${kib(bytes)} | ${((100 * bytes) / total).toFixed(1)} % |`);
  }
};

console.log(`first-load wasm code and data: ${kib(total)} KiB raw (wasm-opt ${WASM_OPT[0]})`);
table('crate', sum(crateOf));
table('app module (shallow: generic code it instantiates counts under its crate)', sum(moduleOf));
table('function or data segment', items.sort((a, b) => b.bytes - a.bytes).map((i) => [i.name.slice(0, 110), i.bytes]));
