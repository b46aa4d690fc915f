// The license adoption page on the bundled sample: portfolio figures equal the CLI's, every
// chart drawn, values above 100 % flagged with their reasons, search and CSV export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { inkOf, until, serveDist, launch, cliReport, metricsOnPage, assertSameNumbers, outDir, sampleFiles, openDashboard } from './harness.mjs';

let srv, browser, page;

before(async () => {
  srv = await serveDist();
  browser = await launch();
  page = await openDashboard(browser, srv.base, 2, 'licenses.trend');
});
after(async () => { await browser?.close(); srv?.server.close(); });

test('portfolio figures equal the CLI\'s', async () => {
  const report = cliReport(sampleFiles());
  const onPage = await metricsOnPage(page);
  assert.equal(Object.keys(onPage).length, report.licenses.totals.length * 5);
  assertSameNumbers(assert, onPage, report, 5);
  assert.equal(await page.getAttribute('[data-as-of]', 'data-as-of'), report.licenses.as_of);
});

test('every license chart is drawn', async () => {
  for (const name of ['licenses.trend', 'licenses.deployment_bands', 'licenses.usage_bands']) {
    await until(async () => (await inkOf(page, name)).ink > 50, `${name} drawn`).catch(() => {});
    const { ink } = await inkOf(page, name);
    assert.ok(ink > 50, `${name} is blank`);
  }
  await page.screenshot({ path: path.join(outDir, 'licenses-dashboard.png'), fullPage: false });
});

test('values above 100 % are flagged with the documented reasons', async () => {
  const over = cliReport(sampleFiles()).licenses.customers.filter((c) => c.usage_pct > 100 || c.deployment_pct > 100);
  assert.ok(over.length > 0, 'the sample has usage above 100 %');
  await page.fill('[data-license-search]', over[0].customer);
  const title = await page.getAttribute('#license-table td.over', 'title');
  for (const reason of ['staff turnover', 'grace period', 'trial', 'Yammer']) assert.ok(title.includes(reason), reason);
  await page.fill('[data-license-search]', '');
});

test('the per-customer table pages, sorts, searches and exports', async () => {
  const all = cliReport(sampleFiles()).licenses.customers;
  const count = () => page.$$eval('#license-table tbody tr', (r) => r.length);
  assert.equal(await count(), Math.min(50, all.length));
  await page.click('[data-show-all]');
  assert.equal(await count(), all.length);
  await page.click('#license-table [data-sort="7"]');
  const usage = await page.$$eval('#license-table tbody tr td:nth-child(8)', (r) => r.map((x) => parseFloat(x.textContent)).filter((x) => !Number.isNaN(x)));
  assert.deepEqual(usage, [...usage].sort((a, b) => b - a), 'usage %, highest first');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="licenses"]')]);
  const lines = fs.readFileSync(await download.path(), 'utf8').trim().split('\r\n');
  assert.equal(lines[0], 'Customer,Product,Workload,Sold,Assigned,Active,Deployment %,Usage %');
  assert.equal(lines.length, all.length + 1);
});
