// Trunk post-build hook: puts the SHA-256 of every inline <script> of the built index.html
// into its Content-Security-Policy, in place of 'inline-script-hashes'. Trunk's start-up
// script names hashed files, so its own hash changes with every build.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set and no directory was given');
const file = join(dir, 'index.html');
const html = readFileSync(file, 'utf8');
const cspMeta = /(<meta http-equiv="Content-Security-Policy" content="[^"]*)'inline-script-hashes'/;
if (!cspMeta.test(html)) throw new Error(`${file} has no CSP meta with 'inline-script-hashes' to fill`);

const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
  .filter(([, attributes]) => !/\bsrc\s*=/.test(attributes));
if (inline.length === 0) throw new Error(`${file} has no inline script; did Trunk change?`);
const hashes = inline.map(([, , body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
writeFileSync(file, html.replace(cspMeta, (_, head) => head + hashes.join(' ')));
console.log(`csp-hashes: ${hashes.length} inline script(s) hashed into the CSP`);
