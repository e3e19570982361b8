// A tiny static server for the built page (dist/), used by the end-to-end tests and the
// benchmarks. Listens on 127.0.0.1 only; records every request so tests can assert that
// the page makes none after it has loaded. With a prefix it serves dist/ from that folder
// only (`/verktyg/samverkan/`), as a host where the app is one site among others. With
// `brotli` it sends every file brotli-compressed (at quality 11, compressed once when it
// starts) to a browser that accepts it, as a well-set host does (README, Hosting).
//
//   node tests/e2e/serve.mjs [dist] [port] [prefix]
import { createServer } from 'node:http';
import { readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** Every file under `dir`, brotli-compressed, by its path. */
function compressAll(dir, into = new Map()) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) compressAll(path, into);
    else into.set(path, readFile(path).then((bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })));
  }
  return into;
}

/** Serves `root` under `prefix` on a free port; resolves to { url, requests, close }, `url`
 * ending in the prefix and `requests` holding every path asked for, inside it or not. */
export async function serve(root, port = 0, prefix = '/', { brotli = false } = {}) {
  const requests = [];
  const compressed = brotli ? compressAll(normalize(root)) : new Map();
  await Promise.all(compressed.values());
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    // As static hosts do: the folder without its slash redirects, so relative URLs resolve.
    if (`${path}/` === prefix) { res.writeHead(301, { location: prefix }).end(); return; }
    if (!path.startsWith(prefix)) { res.writeHead(404).end('not found'); return; }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(normalize(root))) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const type = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
      if (compressed.has(file) && /\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
        res.writeHead(200, { ...type, 'content-encoding': 'br', vary: 'accept-encoding' });
        res.end(await compressed.get(file));
        return;
      }
      res.writeHead(200, type);
      res.end(await readFile(file));
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  return { url, requests, close: () => new Promise((r) => server.close(r)) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serve(process.argv[2] ?? 'dist', Number(process.argv[3] ?? 8080), process.argv[4]);
  console.log(`serving on ${url}`);
}
