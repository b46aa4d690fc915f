// Accessibility and chart data (issue 8): every chart canvas is an image with a summary; its
// "Table" switch shows the same numbers the CLI computes and "CSV" saves them; keyboard alone
// switches tabs, toggles a legend item and drills into a pie slice, with a visible focus ring.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { serveDist, launch, cliReport, sampleFiles, openDashboard } from './harness.mjs';

let srv, browser, page;
before(async () => {
  srv = await serveDist();
  browser = await launch();
  page = await openDashboard(browser, srv.base, 0, 'customers.adds_churns');
});
after(async () => { await browser?.close(); srv?.server.close(); });

test('every chart canvas is an image with a summary', async () => {
  const charts = await page.$$eval('canvas[data-chart]', (cs) => cs.map((c) => ({ name: c.dataset.chart, role: c.getAttribute('role'), label: c.getAttribute('aria-label') })));
  assert.ok(charts.length >= 10);
  for (const c of charts) {
    assert.equal(c.role, 'img', c.name);
    assert.ok(c.label && c.label.length > 10, `${c.name}: "${c.label}"`);
  }
});

test('"Table" shows the adds-and-churns numbers the CLI computes, and CSV saves them', async () => {
  const report = cliReport(sampleFiles());
  const { from, to } = report.range;
  const want = report.customers.monthly.filter((m) => m.month >= from && m.month <= to)
    .map((m) => [m.month, ...[m.new, m.existing, m.churned].map((v) => (v == null ? '' : String(v)))]);
  // The table names its months (`Jan 2025`); the CSV keeps `2025-01`.
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const shown = want.map(([m, ...v]) => [`${names[Number(m.slice(5)) - 1]}\u00a0${m.slice(0, 4)}`, ...v]);
  await page.click('[data-show-table="customers.adds_churns"]');
  const table = '[data-chart-table="customers.adds_churns"]';
  await page.waitForSelector(table);
  const header = await page.$$eval(`${table} thead th`, (t) => t.map((x) => x.textContent));
  assert.deepEqual(header, ['Month', 'New', 'Existing', 'Churned']);
  const rows = await page.$$eval(`${table} tbody tr`, (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.deepEqual(rows, shown);
  assert.equal(await page.getAttribute('[data-show-table="customers.adds_churns"]', 'aria-pressed'), 'true');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export-csv="customers.adds_churns"]')]);
  assert.equal(download.suggestedFilename(), 'customers.adds_churns.csv');
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert.equal(csv, ['Month,New,Existing,Churned', ...want.map((r) => r.join(','))].join('\r\n') + '\r\n');
  await page.click('[data-show-table="customers.adds_churns"]');
  await page.waitForSelector(table, { state: 'detached' });
});

/** Presses Tab until `selector` has the focus (keyboard only), at most 300 times. */
async function tabTo(selector) {
  for (let i = 0; i < 300; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('keyboard alone: switch a tab, toggle a legend item, drill into a pie slice; focus is visible', async () => {
  await page.evaluate(() => document.activeElement?.blur());
  await page.mouse.click(5, 5);
  // The distribution view's tabs: Tab reaches the selected one, the arrow keys move.
  await tabTo('[data-tabs="customers.distribution"] [aria-selected="true"]');
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(ring, 'solid', 'a visible focus ring');
  const first = await page.evaluate(() => document.activeElement.textContent);
  await page.keyboard.press('ArrowRight');
  const now = await page.evaluate(() => ({ text: document.activeElement.textContent, selected: document.activeElement.getAttribute('aria-selected') }));
  assert.notEqual(now.text, first);
  assert.equal(now.selected, 'true', 'the focused tab is the selected one');
  // A legend item of adds and churns.
  const legend = '[data-legend="customers.adds_churns"] button:nth-child(1)';
  const pressed = await page.getAttribute(legend, 'aria-pressed');
  await tabTo(legend);
  await page.keyboard.press('Space');
  assert.notEqual(await page.getAttribute(legend, 'aria-pressed'), pressed);
  await page.keyboard.press('Space');
  // The pie: arrow keys select a slice and its SKUs appear.
  await tabTo('[data-chart="customers.by_product"]');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('#by-product [aria-pressed="true"]');
  const picked = await page.$eval('#by-product [aria-pressed="true"]', (b) => b.dataset.product);
  await page.waitForFunction((p) => document.querySelector('#by-product h3')?.textContent.startsWith(p), picked);
});
