// The benchmark page's server (bench/run.mjs, bench/worker-profile.mjs): on 127.0.0.1, a free
// port, only /bench/ and /dist/ (the built site, or `dist` instead), and /bench/data/ mapped to
// the `rows`-row file's folder. Resolves to the server; its address gives the port.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.tsv': 'text/tab-separated-values' };

export async function serveBench(rows, dist = path.join(root, 'dist')) {
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (p.startsWith('/bench/data/')) p = `/bench/data/${rows}/${p.slice('/bench/data/'.length)}`;
    const f = p.startsWith('/dist/') ? path.normalize(path.join(dist, p.slice('/dist/'.length))) : path.normalize(path.join(root, p));
    const inside = p.startsWith('/dist/') ? f.startsWith(dist) : p.startsWith('/bench/') && f.startsWith(root);
    if (!inside || !fs.existsSync(f) || fs.statSync(f).isDirectory()) { res.writeHead(404).end(); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(f)] ?? 'application/octet-stream' });
    fs.createReadStream(f).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return server;
}
