// Trunk post-build hook, the first of three: splits the app's wasm into the first load and
// the parts of src/ui/shell/parts.rs, each fetched when first needed. Trunk 0.21 cannot do this
// itself (it runs cargo, wasm-bindgen and wasm-opt in one step, trunk-rs/trunk#1022), so
// Trunk builds with the `split` feature and wasm-opt off, and this script starts again from
// cargo's output (which keeps its relocations, see build.rs):
//
//   wasm-split-cli   → the main module, one wasm per part and __wasm_split.js, their loader
//   wasm-bindgen     → the main module's JS glue, under the file names Trunk gave its own
//   wasm-opt         → every wasm file (release builds), with scripts/wasm-opt-flags.mjs
//
// The parts go into a folder named after the build (parts-<hash>/), so a page left open
// across an update can never load a part of another build. index.html's integrity hashes of
// the two files replaced are written anew, and the loader is preloaded beside them.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WASM_OPT } from './wasm-opt-flags.mjs';


const staging = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set and no directory was given');
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
// wasm-opt warns about every name subsection it does not know (the parts carry one); the
// warning says nothing about the output, so it is left out of the build log.
const run = (command, args) => {
  const child = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (child.error) throw new Error(`${command} could not run: ${child.error.message}`);
  const errors = child.stderr.split('\n').filter((line) => line && !/^warning: unknown name subsection/.test(line));
  if (errors.length) console.error(errors.join('\n'));
  if (child.status !== 0) throw new Error(`${command} failed (${child.error?.message ?? `exit ${child.status}`})`);
  return child.stdout;
};

const glue = readdirSync(staging).filter((name) => /^samverkan-[0-9a-f]+_bg\.wasm$/.test(name));
if (glue.length !== 1) throw new Error(`expected one samverkan-<hash>_bg.wasm in ${staging}, found ${glue.length}`);
const stem = glue[0].replace(/_bg\.wasm$/, '');
const parts = `parts-${stem.slice('samverkan-'.length)}`;

const { target_directory: targetDir } = JSON.parse(run('cargo', ['metadata', '--format-version', '1', '--no-deps']));
const built = join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'samverkan.wasm');

const work = mkdtempSync(join(tmpdir(), 'samverkan-split-'));
try {
  run('wasm-split-cli', [built, work, '--out-name', stem]);
  run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript', '--out-name', stem,
    '--out-dir', join(work, 'bindgen'), join(work, `${stem}.wasm`)]);
  const partFiles = readdirSync(work).filter((name) => name.endsWith('.wasm') && name !== `${stem}.wasm`);
  if (partFiles.length === 0) throw new Error('wasm-split found no parts: is the `split` feature on in index.html?');

  /** Replaces every `from` by `to` in `text`, which must hold it. */
  const repoint = (text, from, to, what) => {
    if (!text.includes(from)) throw new Error(`${what} has no ${from}`);
    return text.replaceAll(from, to);
  };
  const mainJs = repoint(readFileSync(join(work, 'bindgen', `${stem}.js`), 'utf8'),
    'from "./__wasm_split.js"', `from "./${parts}/__wasm_split.js"`, 'the wasm-bindgen glue');
  // Each part file's fetch is started in a task of its own: a fetch costs the page about a
  // millisecond under the service worker, and the first screen asks for some hundred files
  // (the side panel's parts and the chunks they share), which made the task that draws a
  // reopened map's nodes some 100 ms longer.
  const loader = repoint(repoint(readFileSync(join(work, '__wasm_split.js'), 'utf8'),
    `from "./${stem}.js"`, `from "../${stem}.js"`, '__wasm_split.js'),
  'const src = fetch(new URL(', 'const src = fetchSoon(new URL(', '__wasm_split.js')
    + 'function fetchSoon(url) {\n    return new Promise((done) => setTimeout(done, 0)).then(() => fetch(url));\n}\n';

  rmSync(join(staging, parts), { recursive: true, force: true });
  mkdirSync(join(staging, parts));
  // SAMVERKAN_WASM_NAMES=1 keeps function names, for profiles (with CARGO_PROFILE_RELEASE_STRIP=false).
  const names = process.env.SAMVERKAN_WASM_NAMES ? ['-g'] : [];
  const optimise = (from, to) => (release ? run('wasm-opt', [...WASM_OPT, ...names, from, '-o', to]) : copyFileSync(from, to));
  optimise(join(work, 'bindgen', `${stem}_bg.wasm`), join(staging, `${stem}_bg.wasm`));
  for (const name of partFiles) optimise(join(work, name), join(staging, parts, name));
  writeFileSync(join(staging, `${stem}.js`), mainJs);
  writeFileSync(join(staging, parts, '__wasm_split.js'), loader);

  // Trunk's integrity hashes were of the files replaced above.
  const sri = (name) => `sha384-${createHash('sha384').update(readFileSync(join(staging, name))).digest('base64')}`;
  const html = join(staging, 'index.html');
  let page = readFileSync(html, 'utf8');
  for (const name of [`${stem}.js`, `${stem}_bg.wasm`]) {
    const integrity = new RegExp(`(href="\\./${name.replaceAll('.', '\\.')}"[^>]*? integrity=")[^"]*"`);
    if (!integrity.test(page)) throw new Error(`index.html has no integrity hash for ${name}`);
    page = page.replace(integrity, `$1${sri(name)}"`);
  }
  page = repoint(page, '</head>', `<link rel="modulepreload" href="./${parts}/__wasm_split.js" crossorigin="anonymous" `
    + `integrity="${sri(`${parts}/__wasm_split.js`)}"></head>`, 'index.html');
  writeFileSync(html, page);
  console.log(`split-wasm: ${partFiles.length} wasm files of parts in ${parts}/`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
