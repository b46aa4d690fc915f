// The Azure usage and subscriptions page on the bundled sample: summary figures equal the CLI's,
// every chart drawn, at-risk reasons listed, the no-usage list sorts, searches and exports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { inkOf, until, serveDist, launch, cliReport, metricsOnPage, assertSameNumbers, outDir, sampleFiles, openDashboard } from './harness.mjs';

let srv, browser, page;

before(async () => {
  srv = await serveDist();
  browser = await launch();
  page = await openDashboard(browser, srv.base, 1, 'azure.subscription_churn');
});
after(async () => { await browser?.close(); srv?.server.close(); });

test('summary figures equal the CLI\'s', async () => {
  const onPage = await metricsOnPage(page);
  assert.ok('azure.subscriptions_sold' in onPage && 'azure.customers_with_usage' in onPage && 'azure.customers_without_usage' in onPage);
  assertSameNumbers(assert, onPage, cliReport(sampleFiles()), 4);
});

test('every Azure chart is drawn', async () => {
  for (const name of ['azure.subscription_churn', 'azure.new_customers', 'azure.renewals', 'azure.top_customers', 'subscriptions.by_product']) {
    await until(async () => (await inkOf(page, name)).ink > 50, `${name} drawn`).catch(() => {});
    const { ink } = await inkOf(page, name);
    assert.ok(ink > 50, `${name} is blank`);
  }
  await page.screenshot({ path: path.join(outDir, 'azure-dashboard.png'), fullPage: true });
});

test('the at-risk list shows each subscription with its reasons, as the CLI computed them', async () => {
  const want = cliReport(sampleFiles()).azure.at_risk;
  assert.ok(want.length > 0);
  const rows = await page.$$eval('#at-risk-table tbody tr', (trs) => trs.map((tr) => ({
    id: tr.dataset.subscription, reasons: [...tr.querySelectorAll('.reasons li')].map((li) => li.dataset.reason),
  })));
  assert.deepEqual(rows, want.map((r) => ({ id: r.subscription_id, reasons: r.reasons })));
  // Shown with the month by name: `no usage in Dec 2025` for the CLI's `no usage in 2025-12`.
  const shown = await page.$$eval('#at-risk-table .reasons li', (l) => l.map((x) => x.textContent));
  assert.ok(shown.some((t) => /^no usage in [A-Z][a-z]{2}\u00a0\d{4}$/.test(t)), shown.join(' | '));
  assert.match(await page.textContent('.backtest-summary'), /precision/);
});

test('the top-customers selector switches the category', async () => {
  const before = await page.$eval('[data-chart="azure.top_customers"]', (c) => c.toDataURL());
  await page.click('[data-tabs="azure.top_customers"] button:nth-child(3)');
  assert.notEqual(await page.$eval('[data-chart="azure.top_customers"]', (c) => c.toDataURL()), before);
});

test('subscriptions without usage: sort, search and a formula-safe CSV export', async () => {
  const ids = () => page.$$eval('#no-usage-table tbody tr[data-subscription]', (r) => r.map((x) => x.dataset.subscription));
  const want = cliReport(sampleFiles()).azure.subscriptions_without_usage;
  assert.ok(want.length > 1);
  assert.deepEqual(await ids(), want.map((s) => s.subscription_id), 'most months active first, as the CLI lists them');
  await page.click('#no-usage-table [data-sort="1"]');
  const names = await page.$$eval('#no-usage-table tbody tr td:nth-child(2)', (r) => r.map((x) => x.textContent));
  assert.deepEqual(names, [...names].sort(), 'customer ascending');
  await page.fill('[data-no-usage-search]', want[0].customer.slice(0, 5));
  const found = await ids();
  assert.ok(found.includes(want[0].subscription_id) && found.length < want.length + 1);
  await page.fill('[data-no-usage-search]', '');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="no-usage"]')]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  const lines = csv.trim().split('\r\n');
  assert.equal(lines[0], 'Subscription,Customer,Customer key,Months active');
  assert.equal(lines.length, want.length + 1);
  for (const s of want) assert.ok(csv.includes(s.subscription_id));
});
