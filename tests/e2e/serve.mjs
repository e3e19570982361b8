// A tiny static server for the built page (dist/), used by the end-to-end tests and the
// benchmarks. Listens on 127.0.0.1 only; records every request so tests can assert that
// the page makes none after it has loaded. With a prefix it serves dist/ from that folder
// only (`/verktyg/samverkan/`), as a host where the app is one site among others.
//
//   node tests/e2e/serve.mjs [dist] [port] [prefix]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

/** Serves `root` under `prefix` on a free port; resolves to { url, requests, close }, `url`
 * ending in the prefix and `requests` holding every path asked for, inside it or not. */
export async function serve(root, port = 0, prefix = '/') {
  const requests = [];
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
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
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
