// Shareable state (issue 8): range, filters, open page, tab and drill-down live in the URL
// fragment; a copied link reopens the same view once the same files are loaded (the sample
// here), and back and forward move between views.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launch, metricsOnPage, sampleFiles } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

async function open(url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url);
  await page.waitForFunction((n) => document.querySelectorAll('tr[data-file]').length === n, sampleFiles().length, { timeout: 30000 });
  await page.waitForSelector('[data-metric="customers.kpis.customers.value"]');
  await page.waitForTimeout(500);
  return page;
}

/** What the page shows of the view. */
const viewOf = (page) => page.evaluate(() => ({
  range: document.querySelector('[data-range]')?.textContent,
  markets: [...document.querySelectorAll('[data-filter="Market"] input:checked')].map((i) => i.parentElement.textContent.trim()),
  tab: document.querySelector('[data-tabs="customers.distribution"] [aria-selected="true"]')?.textContent,
  product: document.querySelector('#by-product [aria-pressed="true"]')?.dataset.product ?? null,
  page: document.querySelector('.page-tab[aria-current="page"]')?.dataset.page,
}));

test('a copied URL reopens the same range, filters, tab and drill-down; back and forward move between views', async () => {
  const page = await open(srv.base);
  const start = await viewOf(page);
  await page.click('[data-last="6"]');
  await page.waitForFunction((r) => document.querySelector('[data-range]').textContent !== r, start.range);
  await page.click('[data-filter="Market"] summary');
  await page.check('[data-filter="Market"] label:has-text("Sweden") input');
  await page.waitForFunction(() => document.querySelector('[data-filter="Market"] summary').textContent.includes('(1)'));
  await page.click('[data-filter="Market"] summary');
  await page.click('[data-tabs="customers.distribution"] [role="tab"]:nth-child(3)');
  await page.waitForTimeout(500);
  const beforePick = await viewOf(page);
  const product = await page.$eval('#by-product [data-product]', (b) => b.dataset.product);
  await page.click(`#by-product [data-product="${product}"]`);
  await page.waitForTimeout(800);
  const want = await viewOf(page);
  const numbers = await metricsOnPage(page);
  assert.equal(want.product, product);
  assert.deepEqual(want.markets, ['Sweden']);
  assert.notEqual(want.range, start.range);
  const url = page.url();
  assert.match(url, /#.*from=\d{4}-\d{2}.*market=Sweden.*tab\.customers\.distribution=2.*pick\.product=/);

  // The same URL in a new page (the same sample files load) shows the same view and numbers.
  const copy = await open(url);
  await copy.waitForFunction((p) => document.querySelector('#by-product [aria-pressed="true"]')?.dataset.product === p, product);
  assert.deepEqual(await viewOf(copy), want);
  assert.deepEqual(await metricsOnPage(copy), numbers);
  await copy.close();

  // Back: the view before the drill-down; back again: before the tab; forward: the tab again.
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('#by-product [aria-pressed="true"]'));
  assert.deepEqual(await viewOf(page), beforePick);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('[data-tabs="customers.distribution"] [aria-selected="true"]')?.textContent !== undefined);
  assert.notEqual((await viewOf(page)).tab, beforePick.tab);
  await page.goForward();
  await page.waitForFunction((t) => document.querySelector('[data-tabs="customers.distribution"] [aria-selected="true"]')?.textContent === t, beforePick.tab);
  // The open page is in the address too.
  await page.click('[data-page="2"]');
  await page.waitForTimeout(300);
  assert.match(page.url(), /page=2/);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('.page-tab[aria-current="page"]')?.dataset.page === '0');
  await page.close();
});
