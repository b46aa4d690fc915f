// Languages (issue 8): the page follows the browser's language, a switch changes it, numbers
// and months take the language's format (decimal comma, no-break space before %, "jan. 2025"),
// and no English text of the catalogue (src/text.tsv) is left on any dashboard. The numbers
// themselves (data-value) do not change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
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
  // Thousands grouped with a no-break space: the sample's customers file has 2,021 rows.
  const rows = await page.$eval('tr[data-file="CustomersAndTenants.tsv"] [data-field="rows_read"]', (e) => e.textContent);
  assert.match(rows, /^\d{1,3}(\u00a0\d{3})+$/, `rows read "${rows}" is written 1 234 in Swedish`);
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

// The catalogue's English texts that a page in language `col` (1 sv, 2 nl, 3 fr) must not show:
// those whose translation differs, cut at their values ({}) into pieces of 12 characters or more
// with a space.
function englishPieces(col = 1) {
  const lines = fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '../../src/text.tsv'), 'utf8')
    .split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
  const pieces = new Set();
  for (const line of lines) {
    const en = line[0];
    if (en === line[col]) continue;
    for (const p of en.split('{}').map((x) => x.trim())) {
      if (p.length >= 12 && p.includes(' ')) pieces.add(p);
    }
  }
  return [...pieces];
}

test('in Swedish every dashboard, table, tooltip and message is Swedish', async () => {
  const { context, page } = await open('sv-SE');
  const pieces = englishPieces();
  assert.ok(pieces.length > 150, `${pieces.length} English pieces to look for`);
  const leftovers = async () => {
    const shown = await page.evaluate(() => document.querySelector('main').innerText
      + [...document.querySelectorAll('main [aria-label], main [title], main [placeholder]')]
        .map((e) => ` ${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('title') ?? ''} ${e.getAttribute('placeholder') ?? ''}`).join(''));
    return pieces.filter((p) => shown.includes(p));
  };
  for (const [i, title] of [[0, 'Kunder'], [1, 'Azure-användning och prenumerationer'], [2, 'Licensanvändning']]) {
    await page.click(`[data-page="${i}"]`);
    await page.waitForFunction((t) => document.querySelector('.page-title')?.textContent === t, title);
    await page.waitForTimeout(300);
    assert.deepEqual(await leftovers(), [], `English left on page ${i}`);
  }
  await page.click('[data-page="0"]');
  await page.waitForSelector('[data-chart="customers.adds_churns"]');
  // A chart's table: Swedish headers and month names.
  await page.click('[data-show-table="customers.adds_churns"]');
  const table = '[data-chart-table="customers.adds_churns"]';
  await page.waitForSelector(table);
  assert.deepEqual(await page.$$eval(`${table} thead th`, (t) => t.map((x) => x.textContent)), ['Månad', 'Nya', 'Befintliga', 'Förlorade']);
  const firstMonth = await page.$eval(`${table} tbody th`, (x) => x.textContent);
  assert.match(firstMonth, /^(jan\.|feb\.|mars|apr\.|maj|juni|juli|aug\.|sep\.|okt\.|nov\.|dec\.)\u00a0\d{4}$/);
  await page.click('[data-show-table="customers.adds_churns"]');
  // A tooltip: month name and Swedish series names.
  await page.locator('[data-chart="customers.adds_churns"]').scrollIntoViewIfNeeded();
  const box = await page.locator('[data-chart="customers.adds_churns"]').boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  const tip = page.locator('#adds-churns .tooltip');
  await tip.waitFor();
  assert.match(await tip.textContent(), /^[a-zé.]+\u00a0\d{4}\nNya: \d+\nBefintliga: \d+\nFörlorade: \d+$/);
  await page.mouse.move(0, 0);
  // A message of the engine about a dropped file, with its value kept.
  await page.setInputFiles('#file-input', { name: 'tom.tsv', mimeType: 'text/tab-separated-values', buffer: Buffer.from('') });
  await page.waitForFunction(() => document.querySelector('main').innerText.includes('tom.tsv: filen är tom'), null, { timeout: 20000 });
  assert.equal(await text(page, '.quality h2'), 'Datakvalitet');
  assert.deepEqual(await leftovers(), [], 'English left after the upload');
  await page.screenshot({ path: path.join(outDir, 'swedish-full.png'), fullPage: true });
  await context.close();
});

test('in Dutch and French no English text is left on any dashboard either', async () => {
  for (const [locale, col] of [['nl-NL', 2], ['fr-FR', 3]]) {
    const { context, page } = await open(locale);
    const pieces = englishPieces(col);
    for (const i of [0, 1, 2]) {
      await page.click(`[data-page="${i}"]`);
      await page.waitForFunction((n) => document.querySelector(`[data-page="${n}"]`).getAttribute('aria-current') === 'page', i);
      await page.waitForTimeout(300);
      const shown = await page.evaluate(() => document.querySelector('main').innerText
        + [...document.querySelectorAll('main [aria-label], main [title], main [placeholder]')]
          .map((e) => ` ${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('title') ?? ''} ${e.getAttribute('placeholder') ?? ''}`).join(''));
      assert.deepEqual(pieces.filter((p) => shown.includes(p)), [], `${locale}: English left on page ${i}`);
    }
    await context.close();
  }
});
