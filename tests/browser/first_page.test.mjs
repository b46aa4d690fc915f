// The first page in headless Chromium: the sample on first load, a file uploaded through the file
// input, and `#src=` links, each checked against the CLI's numbers for the same files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, cliReport, metricsOnPage, assertSameNumbers, root, outDir } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const KPI = '[data-metric="customers.kpis.customers.value"]';
const sampleFiles = () => JSON.parse(fs.readFileSync(path.join(root, 'public/sample/manifest.json'), 'utf8'))
  .files.map((f) => path.join(root, 'public/sample', f));

async function newPage() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return { page, errors };
}

/** Waits until the quality table lists exactly these file names. */
async function waitForFiles(page, names) {
  await page.waitForFunction((want) => {
    const got = [...document.querySelectorAll('tr[data-file]')].map((r) => r.dataset.file);
    return got.length === want.length && want.every((n, i) => got[i] === n);
  }, names, { timeout: 30000 });
}

test('first visit shows the bundled sample, with the CLI\'s numbers', async () => {
  const { page, errors } = await newPage();
  await page.goto(srv.base);
  const files = sampleFiles();
  await waitForFiles(page, files.map((f) => path.basename(f)));
  await page.waitForSelector(KPI);
  assertSameNumbers(assert, await metricsOnPage(page), cliReport(files));
  const range = await page.getAttribute('[data-range]', 'data-range');
  assert.match(range, /^\d{4}-\d{2} – \d{4}-\d{2}$/);
  assert.match(await page.textContent('[data-range]'), /^[A-Z][a-z]{2}\u00a0\d{4} – [A-Z][a-z]{2}\u00a0\d{4}$/, 'months by name');
  await page.screenshot({ path: path.join(outDir, 'first-page-sample.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('an uploaded file replaces the sample and its KPIs equal the CLI\'s', async () => {
  const { page, errors } = await newPage();
  await page.goto(srv.base);
  await waitForFiles(page, sampleFiles().map((f) => path.basename(f)));
  const fixture = path.join(root, 'tests/fixtures/customers_small.tsv');
  await page.setInputFiles('#file-input', fixture);
  await waitForFiles(page, ['customers_small.tsv']);
  const onPage = await metricsOnPage(page);
  const report = cliReport([fixture]);
  assertSameNumbers(assert, onPage, report);
  // Hand-computed (tests/cli_customers.rs): 2 customers, 1 added, 1 churned, 50 % churn rate.
  assert.equal(onPage['customers.kpis.customers.value'], 2);
  assert.equal(onPage['customers.kpis.customers_churned.churn_rate_pct'], 50);
  // The rejected row is listed with its line and column.
  const rejected = await page.textContent('tr[data-file="customers_small.tsv"] [data-field="rows_rejected"]');
  assert.equal(rejected.trim(), '1');
  await page.click('.file-details summary');
  assert.match(await page.textContent('.file-details'), /line 11, column Month: "13\/45\/2025" is not a date/);
  await page.screenshot({ path: path.join(outDir, 'first-page-upload.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a bad file beside a good one is named and the good one still loads', async () => {
  const { page } = await newPage();
  await page.goto(srv.base);
  await waitForFiles(page, sampleFiles().map((f) => path.basename(f)));
  const bad = path.join(outDir, 'renamed-pdf.tsv');
  fs.writeFileSync(bad, Buffer.from('%PDF-1.7\n\u0000\u0000\u0001binary', 'binary'));
  const good = path.join(root, 'tests/fixtures/customers_small.tsv');
  await page.setInputFiles('#file-input', [bad, good]);
  await waitForFiles(page, ['renamed-pdf.tsv', 'customers_small.tsv']);
  assert.match(await page.textContent('.quality'), /renamed-pdf\.tsv: not a text file/);
  assertSameNumbers(assert, await metricsOnPage(page), cliReport([bad, good]));
  await page.close();
});

test('#src= loads reports published beside the site, and refuses other hosts', async () => {
  const { page } = await newPage();
  await page.goto(`${srv.base}#src=sample/CustomersAndTenants.tsv&src=sample/OfficeUsage.tsv`);
  await waitForFiles(page, ['CustomersAndTenants.tsv', 'OfficeUsage.tsv']);
  const files = ['CustomersAndTenants.tsv', 'OfficeUsage.tsv'].map((f) => path.join(root, 'public/sample', f));
  assertSameNumbers(assert, await metricsOnPage(page), cliReport(files));
  const requests = [];
  const other = await browser.newPage();
  other.on('request', (r) => requests.push(r.url()));
  await other.goto(`${srv.base}#src=https://example.invalid/customers.tsv`);
  await other.waitForSelector('.status .error');
  assert.match(await other.textContent('.status'), /only reports on this site/);
  assert.ok(requests.every((u) => u.startsWith(srv.base)), requests.join('\n'));
  await other.close();
  await page.close();
});
