// Languages (issue 8, in progress): the page follows the browser's language, a switch changes
// it, and numbers take the language's format (decimal comma, no-break space before %). The
// numbers themselves (data-value) do not change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serveDist, launch, outDir, sampleFiles, metricsOnPage } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

async function open(locale) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  const page = await context.newPage();
  await page.goto(srv.base);
  await page.waitForFunction((n) => document.querySelectorAll('tr[data-file]').length === n, sampleFiles().length, { timeout: 30000 });
  await page.waitForSelector('[data-metric="customers.kpis.customers.value"]');
  return { context, page };
}
const text = (page, sel) => page.$eval(sel, (e) => e.textContent.replace(/\s+/g, ' ').trim());

test('switching to Swedish shows Swedish labels and Swedish number formats', async () => {
  const { context, page } = await open('en-US');
  assert.equal(await text(page, '[data-page="0"]'), 'Customers');
  const before = await metricsOnPage(page);
  const rate = await text(page, '[data-metric="customers.kpis.customers_churned.churn_rate_pct"]');
  assert.match(rate, /^\d+\.\d%$/);
  await page.selectOption('#lang-select', 'sv');
  await page.waitForFunction(() => document.querySelector('[data-page="0"]').textContent === 'Kunder');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'sv');
  assert.equal(await text(page, '[data-page="1"]'), 'Azure och prenumerationer');
  assert.equal(await text(page, '[data-filter="Market"] summary'), 'Marknad');
  assert.equal(await text(page, '#load-sample'), 'Läs in exempeldata');
  const sv = await page.$eval('[data-metric="customers.kpis.customers_churned.churn_rate_pct"]', (e) => e.textContent);
  assert.equal(sv, rate.replace('.', ',').replace('%', '\u00a0%'), 'decimal comma and a no-break space before %');
  assert.deepEqual(await metricsOnPage(page), before, 'the numbers behind the labels are unchanged');
  await page.screenshot({ path: path.join(outDir, 'swedish.png') });
  // Remembered on the next visit.
  await page.reload();
  await page.waitForFunction(() => document.querySelector('[data-page="0"]')?.textContent === 'Kunder');
  await context.close();
});

test('the language follows the browser: French and Dutch', async () => {
  for (const [locale, tab, market] of [['fr-FR', 'Clients', 'Marché'], ['nl-NL', 'Klanten', 'Markt']]) {
    const { context, page } = await open(locale);
    assert.equal(await text(page, '[data-page="0"]'), tab, locale);
    assert.equal(await text(page, '[data-filter="Market"] summary'), market, locale);
    await context.close();
  }
});
