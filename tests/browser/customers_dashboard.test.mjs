// The customers dashboard in headless Chromium on the bundled sample: every chart drawn,
// legend toggles, pie drill-down, grid sorting and search, tooltips, range and filter changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { inkOf, serveDist, launch, cliReport, metricsOnPage, assertSameNumbers, root, outDir } from './harness.mjs';

let srv, browser, page;
const requests = [];
const sampleFiles = () => JSON.parse(fs.readFileSync(path.join(root, 'public/sample/manifest.json'), 'utf8'))
  .files.map((f) => path.join(root, 'public/sample', f));

const CHARTS = ['customers.adds_churns', 'customers.active_vs_total', 'customers.by_product', 'customers.by_sku',
  'customers.distribution', 'customers.trend', 'customers.geography',
  ...['customers', 'active_customers', 'customers_added', 'customers_churned', 'net_customers_added'].map((k) => `customers.spark.${k}`)];

before(async () => {
  srv = await serveDist();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(srv.base);
  await page.waitForFunction(() => document.querySelectorAll('tr[data-file]').length === 6, null, { timeout: 30000 });
  // The map draws once world.json has arrived.
  await page.waitForFunction(() => document.querySelector('[data-chart="customers.geography"]')?.getAttribute('aria-label')?.includes('World map'));
  await page.waitForTimeout(300);
});
after(async () => { await browser?.close(); srv?.server.close(); });

const ink = (name) => inkOf(page, name);
const pixels = (name) => page.$eval(`[data-chart="${name}"]`, (c) => c.toDataURL());

test('every chart canvas is drawn (non-blank) and named', async () => {
  for (const name of CHARTS) {
    const { ink: drawn, width, height } = await ink(name);
    assert.ok(width > 0 && height > 0, `${name} has a bitmap`);
    assert.ok(drawn > 50, `${name} is blank (${drawn} drawn pixels)`);
    const role = await page.$eval(`[data-chart="${name}"]`, (c) => [c.getAttribute('role'), c.getAttribute('aria-label')]);
    assert.equal(role[0], 'img');
    assert.ok(role[1].length > 5, `${name} has an aria-label`);
  }
  await page.screenshot({ path: path.join(outDir, 'customers-dashboard.png'), fullPage: true });
});

test('clicking a legend item hides that series and rebuilds the stack', async () => {
  const before = await pixels('customers.adds_churns');
  const item = '[data-legend="customers.adds_churns"] [data-series="Existing"]';
  await page.click(item);
  assert.equal(await page.getAttribute(item, 'aria-pressed'), 'false');
  const after = await pixels('customers.adds_churns');
  assert.notEqual(after, before, 'the chart changed');
  await page.click(item);
  assert.equal(await page.getAttribute(item, 'aria-pressed'), 'true');
  assert.equal(await pixels('customers.adds_churns'), before, 'showing it again restores the chart');
});

test('hovering a column shows its month and values', async () => {
  await page.locator('[data-chart="customers.adds_churns"]').scrollIntoViewIfNeeded();
  const box = await page.locator('[data-chart="customers.adds_churns"]').boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  const tip = page.locator('#adds-churns .tooltip');
  await tip.waitFor();
  const text = await tip.textContent();
  assert.match(text, /^[A-Z][a-z]{2}\u00a0\d{4}\nNew: \d+\nExisting: \d+\nChurned: \d+$/);
  await page.mouse.move(0, 0);
});

test('selecting a pie slice fills the SKU chart (mouse and keyboard)', async () => {
  const panel = '[data-selected-product]';
  assert.equal(await page.getAttribute(panel, 'data-selected-product'), '');
  const emptySku = await pixels('customers.by_sku');
  await page.locator('[data-chart="customers.by_product"]').scrollIntoViewIfNeeded();
  const pie = await page.locator('[data-chart="customers.by_product"]').boundingBox();
  // The first slice starts at 12 o'clock and covers more than a quarter: 3 o'clock is inside it.
  await page.mouse.click(pie.x + pie.width / 2 + pie.height * 0.25, pie.y + pie.height / 2);
  const first = await page.getAttribute(panel, 'data-selected-product');
  const products = await page.$$eval('[data-product]', (b) => b.map((x) => x.dataset.product));
  assert.equal(first, products[0]);
  assert.notEqual(await pixels('customers.by_sku'), emptySku, 'the SKU chart is filled');
  assert.match(await page.textContent('.sku-panel h3'), new RegExp(`^${first}: customers by SKU`));
  await page.focus('[data-chart="customers.by_product"]');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute(panel, 'data-selected-product'), products[1]);
});

test('the grid sorts by every column and the search filters it', async () => {
  const markets = () => page.$$eval('#geography-grid tbody tr[data-market]', (r) => r.map((x) => x.dataset.market));
  const col = (i) => page.$$eval(`#geography-grid tbody tr[data-market] td:nth-child(${i + 1})`, (r) => r.map((x) => x.textContent));
  await page.click('[data-sort="0"]');
  const asc = await markets();
  assert.deepEqual(asc, [...asc].sort(), 'country ascending');
  await page.click('[data-sort="0"]');
  assert.deepEqual(await markets(), [...asc].reverse(), 'country descending');
  await page.click('[data-sort="3"]');
  const added = (await col(3)).map(Number);
  assert.deepEqual(added, [...added].sort((a, b) => b - a), 'added, largest first');
  await page.fill('[data-grid-search]', 'swe');
  assert.deepEqual(await markets(), ['Sweden']);
  await page.click('tr[data-market="Sweden"] button');
  assert.equal(await page.getAttribute('tr[data-market="Sweden"]', 'aria-selected'), 'true');
  await page.click('[data-grid-reset]');
  assert.ok((await markets()).length > 3, 'reset shows the whole world again');
});

test('a range change updates the KPIs to the CLI\'s numbers for that range', async () => {
  const before = await metricsOnPage(page);
  await page.click('[data-last="6"]');
  await page.waitForFunction(() => document.querySelector('[data-range]').dataset.range === '2025-07 – 2025-12');
  assert.equal(await page.textContent('[data-range]'), 'Jul\u00a02025 – Dec\u00a02025');
  const onPage = await metricsOnPage(page);
  assertSameNumbers(assert, onPage, cliReport(sampleFiles(), ['--from', '2025-07', '--to', '2025-12']));
  assert.notDeepEqual(onPage, before);
  await page.selectOption('[data-range-select="from"]', '2024-03');
  await page.selectOption('[data-range-select="to"]', '2024-10');
  await page.waitForFunction(() => document.querySelector('[data-range]').dataset.range === '2024-03 – 2024-10');
  assertSameNumbers(assert, await metricsOnPage(page), cliReport(sampleFiles(), ['--from', '2024-03', '--to', '2024-10']));
  await page.click('[data-last="12"]');
  // Reports come from the worker: wait for this one before the next test reads the page.
  await page.waitForFunction(() => document.querySelector('[data-range]').dataset.range === '2025-01 – 2025-12');
});

test('after a change the charts in the window are drawn first, then the others', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  // Which canvas is in the window when the change is made, and when each is first drawn.
  await page.evaluate(() => {
    window.__firstDraw = new Map();
    const proto = CanvasRenderingContext2D.prototype;
    for (const name of ['fillRect', 'clearRect', 'fill', 'stroke', 'fillText', 'drawImage']) {
      const real = proto[name];
      proto[name] = function (...args) {
        if (!window.__firstDraw.has(this.canvas)) window.__firstDraw.set(this.canvas, performance.now());
        return real.apply(this, args);
      };
    }
    document.querySelector('[data-last="6"]').click();
  });
  await page.waitForFunction(() => document.querySelector('[data-range]').dataset.range === '2025-07 – 2025-12');
  await page.waitForTimeout(1000);
  // In the window or not as the page is laid out with the new report (what the page judged by).
  const drawn = await page.evaluate(() => [...document.querySelectorAll('canvas[data-chart]')].map((c) => {
    const r = c.getBoundingClientRect();
    return { name: c.dataset.chart, top: r.top, inWindow: r.bottom > 0 && r.top < innerHeight, at: window.__firstDraw.get(c) ?? null };
  }));
  // Charts whose numbers the range does not change (those of the last month) are not redrawn.
  const seen = drawn.filter((d) => d.inWindow && d.at !== null);
  const below = drawn.filter((d) => !d.inWindow && d.at !== null);
  assert.ok(seen.length >= 3 && below.length >= 3, `redrawn charts on both sides of the window's edge: ${JSON.stringify(drawn)}`);
  const lastSeen = Math.max(...seen.map((d) => d.at));
  const firstBelow = Math.min(...below.map((d) => d.at));
  assert.ok(lastSeen <= firstBelow, `the charts in the window first: ${JSON.stringify(drawn)}`);
  await page.click('[data-last="12"]');
  await page.waitForFunction(() => document.querySelector('[data-range]').dataset.range === '2025-01 – 2025-12');
});

test('a filter recomputes every view without fetching anything', async () => {
  const fetched = requests.length;
  const before = await metricsOnPage(page);
  const chartBefore = await pixels('customers.adds_churns');
  await page.click('[data-filter="Market"] summary');
  await page.check('[data-filter="Market"] label:has-text("Sweden") input');
  await page.waitForFunction(() => document.querySelector('[data-filter="Market"] summary').textContent.includes('(1)'));
  // The filtered report arrives from the worker a moment later.
  await page.waitForFunction((v) => Number(document.querySelector('[data-metric="customers.kpis.customers.value"]').dataset.value) !== v,
    before['customers.kpis.customers.value']);
  const after = await metricsOnPage(page);
  assert.ok(after['customers.kpis.customers.value'] < before['customers.kpis.customers.value'], 'fewer customers in one market');
  assert.notEqual(await pixels('customers.adds_churns'), chartBefore);
  assert.deepEqual(await page.$$eval('#geography-grid tbody tr[data-market]', (r) => r.map((x) => x.dataset.market)), ['Sweden']);
  assert.equal(requests.length, fetched, 'no file was fetched again');
  await page.screenshot({ path: path.join(outDir, 'customers-filtered.png'), fullPage: true });
  await page.click('text=Clear filters');
  await page.waitForFunction((v) => Number(document.querySelector('[data-metric="customers.kpis.customers.value"]').dataset.value) === v,
    before['customers.kpis.customers.value']);
});

test('charts are drawn at the device pixel ratio and redrawn on resize', async () => {
  const hi = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 2 });
  await hi.goto(srv.base);
  await hi.waitForFunction(() => document.querySelectorAll('tr[data-file]').length === 6, null, { timeout: 30000 });
  const size = () => hi.$eval('[data-chart="customers.adds_churns"]', (c) => [c.width, c.clientWidth, c.height, c.clientHeight]);
  const [w, cw, h, ch] = await size();
  assert.equal(w, cw * 2, 'bitmap width = 2 × CSS width');
  assert.equal(h, ch * 2, 'bitmap height = 2 × CSS height');
  await hi.setViewportSize({ width: 800, height: 900 });
  await hi.waitForFunction((old) => document.querySelector('[data-chart="customers.adds_churns"]').width !== old, w);
  const [w2, cw2] = await size();
  assert.ok(cw2 < cw, 'narrower page, narrower chart');
  assert.equal(w2, cw2 * 2);
  await hi.close();
});
