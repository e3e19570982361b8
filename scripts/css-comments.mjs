// Trunk post-build hook: the built stylesheet without its comments, which explain the rules
// to us and were a fifth of its brotli bytes on the first load (Trunk's own minifying is off,
// see Trunk.toml). The stylesheet's integrity hash in index.html follows its new content.
// main.css has no string or url() holding `/*`, so a comment is all from `/*` to `*/`.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set and no directory was given');
const page = join(dir, 'index.html');
const html = readFileSync(page, 'utf8');
const links = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+\.css)" integrity="(sha384-[^"]+)"\/>/g)];
if (links.length !== 1) throw new Error(`${page} should link one stylesheet with an integrity hash, has ${links.length}`);
const [link, name, integrity] = links[0];
const file = join(dir, name);
const css = readFileSync(file, 'utf8');
const bare = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^[ \t]*\n/gm, '');
writeFileSync(file, bare);
const hash = `sha384-${createHash('sha384').update(bare, 'utf8').digest('base64')}`;
writeFileSync(page, html.replace(link, link.replace(integrity, hash)));
console.log(`css-comments: ${name} ${css.length} → ${bare.length} bytes`);
