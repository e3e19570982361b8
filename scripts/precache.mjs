// Trunk post-build hook, run after csp-hashes.mjs: writes into the built sw.js the list of
// files the service worker keeps (every built file but sw.js itself, relative to the app's
// folder) and a build id hashed from their names and contents. Any change to the build
// thus changes sw.js, which is how the browser learns that there is a new version.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set and no directory was given');
const worker = join(dir, 'sw.js');
const source = readFileSync(worker, 'utf8');
const build = /^const BUILD = '[^']*';$/m;
const shell = /^const SHELL = \[[^\]]*\];$/m;
if (!build.test(source) || !shell.test(source)) throw new Error(`${worker} has no BUILD and SHELL lines to fill`);

/** The files under `folder`, as paths relative to it with `/` between folders. */
const walk = (folder) => readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory()
  ? walk(join(folder, entry.name)).map((name) => `${entry.name}/${name}`)
  : [entry.name]));
const files = walk(dir).filter((name) => name !== 'sw.js').sort();
if (!files.includes('index.html')) throw new Error(`${dir} has no index.html`);
const hash = createHash('sha256');
for (const name of files) hash.update(`${name}\0`).update(readFileSync(join(dir, name))).update('\0');
const id = hash.digest('hex').slice(0, 16);

writeFileSync(worker, source
  .replace(build, `const BUILD = '${id}';`)
  .replace(shell, `const SHELL = ${JSON.stringify(files)};`));
console.log(`precache: build ${id}, ${files.length} files in sw.js`);
