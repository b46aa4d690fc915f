// Shared by the browser tests: serve dist/ on 127.0.0.1, drive Debian's Chromium, run the CLI.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';

export const root = path.resolve(import.meta.dirname, '../..');
export const dist = path.join(root, 'dist');
export const outDir = path.join(root, 'tests/out');
fs.mkdirSync(outDir, { recursive: true });

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.tsv': 'text/tab-separated-values', '.csv': 'text/csv',
  '.png': 'image/png', '.svg': 'image/svg+xml',
};

/** A static file server for `dir` (default dist/) on a free loopback port. */
export async function serveDist(dir = dist) {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `trunk build --release` first (scripts/test.sh does)');
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!fs.existsSync(file)) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** The report JSON the CLI prints for these files (in this order). */
export function cliReport(files, extra = []) {
  const cli = path.join(root, 'target/debug/partnerlens');
  return JSON.parse(execFileSync(cli, ['report', ...extra, ...files], { encoding: 'utf8', maxBuffer: 1 << 28 }));
}

/** Every `[data-metric]` element's raw value on the page: path → number, or null when empty. */
export async function metricsOnPage(page) {
  return page.$$eval('[data-metric]', (els) => Object.fromEntries(
    els.map((e) => [e.dataset.metric, e.dataset.value === '' ? null : Number(e.dataset.value)])));
}

/** Follows a dotted path into the report JSON. */
export function at(report, dotted) {
  return dotted.split('.').reduce((v, k) => (v == null ? undefined : v[k]), report);
}

/** The page's numbers must equal the CLI's, path by path. */
export function assertSameNumbers(assert, onPage, report, atLeast = 9) {
  const paths = Object.keys(onPage);
  assert.ok(paths.length >= atLeast, `expected ${atLeast} metric hooks on the page, found ${paths.join(', ')}`);
  for (const p of paths) {
    const want = at(report, p);
    assert.notEqual(want, undefined, `${p} is not a path of the report JSON`);
    if (want === null) assert.equal(onPage[p], null, p);
    else assert.ok(Math.abs(onPage[p] - want) < 1e-9, `${p}: page ${onPage[p]} vs CLI ${want}`);
  }
}

/** The bundled sample's files, in the order the page loads them. */
export const sampleFiles = () => JSON.parse(fs.readFileSync(path.join(root, 'public/sample/manifest.json'), 'utf8'))
  .files.map((f) => path.join(root, 'public/sample', f));

/** A page with the sample loaded and dashboard `index` open once `chart` is drawn. */
export async function openDashboard(browser, base, index, chart) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(base);
  await page.waitForFunction((n) => document.querySelectorAll('tr[data-file]').length === n, sampleFiles().length, { timeout: 30000 });
  await page.click(`[data-page="${index}"]`);
  await page.waitForSelector(`[data-chart="${chart}"]`);
  // Drawn (charts draw in tasks of their own after the report), however slow the machine.
  await until(async () => (await inkOf(page, chart)).ink > 0, `${chart} drawn`);
  await page.waitForTimeout(300);
  return page;
}

/** Waits until `check()` (async, in node) is true, polling; fails after `timeout` ms. */
export async function until(check, what, timeout = 20000) {
  const end = Date.now() + timeout;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for: ${what}`);
    await new Promise((f) => setTimeout(f, 50));
  }
}

/** Pixels of a chart canvas that differ from its top-left (background) pixel: 0 means blank. */
export async function inkOf(page, name) {
  return page.$eval(`[data-chart="${name}"]`, (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) ink++;
    return { ink, width: c.width, height: c.height };
  });
}
