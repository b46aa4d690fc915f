// `node bench/redraw.mjs [--rows N] [--runs N]`: a filter or range change on a large file, from
// the click to the last chart drawn, in the built app (dist/) in headless Chromium. A benchmark
// (issue 6: "a filter or range change recomputes and redraws every visible chart"), not a test.
// Loads the file bench/run.mjs generated (bench/data/N/), then times, N times each (default 3):
// the "6 months" range button, one market as the filter, another market instead, one product
// (a filter that reads rows: a customer has several products) (markets and products not
// used before while there are enough).
// Needs: bash scripts/build.sh (dist/) and node bench/run.mjs once (the file).
import { serveDist, launch } from '../tests/browser/harness.mjs';
import { benchFile, loadedPage } from './large-page.mjs';
import { cpuTimes, stealSince } from './steal.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const { rows, file } = benchFile();
const runs = arg('--runs', 3);

const cpu = cpuTimes();
const srv = await serveDist();
const browser = await launch();
// The worker's own account of each report (its `phases`: computing, writing the JSON) and the
// JSON's length, kept from every message it sends the page.
const page = await loadedPage(browser, srv.base, file, () => {
  const desc = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
  Object.defineProperty(Worker.prototype, 'onmessage', {
    set(handler) {
      desc.set.call(this, (ev) => {
        // A report: its header, then its JSON text.
        if (Array.isArray(ev.data) && String(ev.data[0]).startsWith('{"Report"')) {
          const r = JSON.parse(ev.data[0]).Report;
          window.__phases = { ...r.phases, bytes: ev.data[1].length };
        }
        return handler(ev);
      });
    },
    get() { return desc.get.call(this); },
  });
});
// Every drawing call on any canvas stamps the time; every long task is kept.
await page.evaluate(() => {
  window.__inView = new WeakMap();
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ['fillRect', 'clearRect', 'fill', 'stroke', 'fillText', 'strokeText', 'drawImage']) {
    const real = proto[name];
    proto[name] = function (...args) {
      const now = performance.now();
      window.__lastDraw = now;
      // Whether this canvas is in the window, judged once per canvas and change (issue 6 asks
      // for "every visible chart"; the page draws the charts in page order).
      const c = this.canvas;
      let seen = window.__inView.get(c);
      if (seen === undefined) {
        const r = c.getBoundingClientRect();
        seen = r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth && r.width > 0;
        window.__inView.set(c, seen);
      }
      if (seen) window.__lastVisible = now;
      return real.apply(this, args);
    };
  }
  window.__long = [];
  // The first change of the page after a click: the new report has arrived from the worker.
  new MutationObserver(() => { if (window.__firstChange === 0) window.__firstChange = performance.now(); })
    .observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__long.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask' });
});
await page.waitForTimeout(1500); // a user's pause: the worker indexes the rows for the filters

/** Does `act` in the page (a button's `data-last`, or market checkboxes to click), waits until
 * nothing was drawn for 700 ms, and returns the time from the click to the last drawing call. */
async function timed(act) {
  await page.evaluate((act) => {
    window.__lastDraw = 0;
    window.__lastVisible = 0;
    window.__inView = new WeakMap();
    window.__long = [];
    window.__t0 = performance.now();
    window.__firstChange = -1; // the click's own changes (checkbox, button state) come first
    if (act.last) document.querySelector(`[data-last="${act.last}"]`).click();
    const boxes = document.querySelectorAll('details[data-filter="Market"] input[type=checkbox]');
    for (const i of act.markets ?? []) boxes[i].click();
    const products = document.querySelectorAll('details[data-filter="Product"] input[type=checkbox]');
    for (const i of act.products ?? []) products[i].click();
    // Changes made by the click itself are done by the next task; from then on, wait for the report.
    setTimeout(() => { window.__firstChange = 0; }, 0);
  }, act);
  await page.waitForFunction(() => window.__lastDraw > 0 && performance.now() - window.__lastDraw > 700, null, { timeout: 60000, polling: 100 });
  return page.evaluate(() => ({
    ms: window.__lastDraw - window.__t0,
    visible: window.__lastVisible - window.__t0,
    canvases: [...document.querySelectorAll('canvas')].filter((c) => window.__inView.get(c) !== undefined).length,
    canvasesInView: [...document.querySelectorAll('canvas')].filter((c) => window.__inView.get(c)).length,
    report: window.__firstChange > 0 ? window.__firstChange - window.__t0 : NaN,
    longest: Math.max(0, ...window.__long.map((t) => t.duration)),
    worker: window.__phases,
  }));
}

const markets = await page.$$eval('details[data-filter="Market"] input[type=checkbox]', (b) => b.length);
if (markets < 2) throw new Error('fewer than two markets in the file');
const productCount = await page.$$eval('details[data-filter="Product"] input[type=checkbox]', (b) => b.length);
const results = { range: [], market: [], other: [], product: [] };
for (let r = 0; r < runs; r++) {
  results.range.push(await timed({ last: 6 }));
  await timed({ last: 12 });
  // Markets not used before where there are enough (the worker keeps the facts of four filters).
  const [a, b] = [(2 * r) % markets, (2 * r + 1) % markets];
  results.market.push(await timed({ markets: [a] }));
  results.other.push(await timed({ markets: [a, b] }));
  await timed({ markets: [b] }); // back to no filter
  if (productCount > 0) {
    const p = r % productCount;
    results.product.push(await timed({ products: [p] }));
    await timed({ products: [p] }); // back to no filter
  }
}
await browser.close();
srv.server.close();

const median = (list) => [...list].sort((a, b) => a - b)[(list.length - 1) >> 1];
const s = (ms) => (ms / 1000).toFixed(3);
const line = (label, list) => console.log(`  ${label.padEnd(32)} ${s(median(list.map((x) => x.visible)))} s to the last chart in the window (${list[0].canvasesInView} of ${list[0].canvases} canvases), ${s(median(list.map((x) => x.ms)))} s to the last of all, of which the worker's report ${s(median(list.map((x) => x.report)))} s  (runs, in the window/all/report: ${list.map((x) => `${s(x.visible)}/${s(x.ms)}/${s(x.report)}`).join(', ')} s; longest main-thread task ${Math.round(Math.max(...list.map((x) => x.longest)))} ms)`);
const phase = (label, list) => console.log(`  ${label.padEnd(32)} computing ${median(list.map((x) => x.worker.report)).toFixed(1)} ms, JSON ${median(list.map((x) => x.worker.json)).toFixed(1)} ms, ${Math.round(median(list.map((x) => x.worker.bytes)) / 1024)} KB`);
console.log(`\nIn the worker (its own clock, median of ${runs}):`);
phase('range: the last 6 months', results.range);
phase('filter: the first market', results.market);
phase('filter: another market instead', results.other);
if (results.product.length) phase('filter: one product', results.product);
console.log(`\nFrom the click to the last chart drawn (in the 1280x900 window, and of all), ${rows.toLocaleString('en')}-row file, median of ${runs}:`);
line('range: the last 6 months', results.range);
line('filter: the first market', results.market);
line('filter: another market instead', results.other);
if (results.product.length) line('filter: one product', results.product);
console.log(`  (${stealSince(cpu)})`);
