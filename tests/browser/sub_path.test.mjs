// Static hosting (issue 8): the built dist/ works from any sub-path of a plain file server, with
// relative URLs only and no rewrites: the sample, the worker and the map load from
// /some/sub/path/, with the CLI's numbers, and every request stays under that path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { launch, dist, cliReport, metricsOnPage, assertSameNumbers, sampleFiles } from './harness.mjs';

const PREFIX = '/some/sub/path/';
let server, base, browser;
before(async () => {
  server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!p.startsWith(PREFIX)) { res.writeHead(404).end(); return; }
    let file = path.normalize(path.join(dist, p.slice(PREFIX.length)));
    if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404).end(); return; }
    const type = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.json': 'application/json' }[path.extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}${PREFIX}`;
  browser = await launch();
});
after(async () => { await browser?.close(); server?.close(); });

test('the site works from /some/sub/path/', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests = [];
  const failed = [];
  page.context().on('request', (r) => requests.push(r.url()));
  page.context().on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  await page.goto(base);
  await page.waitForFunction((n) => document.querySelectorAll('tr[data-file]').length === n, sampleFiles().length, { timeout: 30000 });
  await page.waitForSelector('[data-metric="customers.kpis.customers.value"]');
  assertSameNumbers(assert, await metricsOnPage(page), cliReport(sampleFiles()));
  await page.waitForFunction(() => document.querySelector('[data-chart="customers.geography"]'));
  assert.deepEqual(failed, []);
  const origin = new URL(base).origin;
  const outside = requests.filter((u) => u.startsWith('http') && !u.startsWith(origin + PREFIX));
  assert.deepEqual(outside, [], 'every request stays under the sub-path');
  assert.ok(requests.some((u) => u.endsWith('partnerlens-worker_bg.wasm')), 'the worker loaded');
  assert.ok(requests.some((u) => u.endsWith('world.json')), 'the map shapes loaded');
  await page.close();
});
