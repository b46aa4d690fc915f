// `node bench/timeline.mjs [--rows N] [--changes N]`: the timeline of a market change on a
// large file in the built app (dist/), milliseconds from the click: the command posted, the
// worker receiving it and posting the report, the page receiving and handling it, the first
// change of the page, and the first drawing call on each chart. A tool for issue 6's 50 ms, not a
// test. Needs dist/ and bench/data/N/ (see bench/redraw.mjs).
import { serveDist, launch } from '../tests/browser/harness.mjs';
import { benchFile, loadedPage } from './large-page.mjs';
import { cpuTimes, stealSince } from './steal.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const { file } = benchFile();
const changes = arg('--changes', 4);
const cpu = cpuTimes();
const srv = await serveDist(process.env.DIST);
const browser = await launch();
const page = await loadedPage(browser, srv.base, file, () => {
  const at = () => performance.timeOrigin + performance.now();
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (...a) { (window.__ev ??= []).push(['page posts the command', at()]); return post.apply(this, a); };
  const desc = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
  Object.defineProperty(Worker.prototype, 'onmessage', {
    set(handler) {
      desc.set.call(this, (ev) => {
        const what = String(Array.isArray(ev.data) ? ev.data[0] : ev.data).slice(2, 10).replace(/"/g, '');
        (window.__ev ??= []).push([`page gets the ${what}`, at()]);
        const r = handler(ev);
        window.__ev.push(['page has handled it', at()]);
        return r;
      });
    },
    get() { return desc.get.call(this); },
  });
});
await page.waitForTimeout(2000);
await page.evaluate(() => {
  const at = () => performance.timeOrigin + performance.now();
  new MutationObserver(() => { if (window.__watch) { window.__watch = false; window.__ev.push(['first change of the page', at()]); } })
    .observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ['fillRect', 'clearRect', 'fill', 'stroke', 'fillText']) {
    const real = proto[name];
    proto[name] = function (...args) {
      const c = this.canvas;
      if (!window.__drawn.has(c)) { window.__drawn.add(c); window.__ev.push([`draws ${c.dataset.chart}`, at()]); }
      return real.apply(this, args);
    };
  }
});
// The worker's side: when it receives a message and posts one.
for (const w of page.workers()) {
  await w.evaluate(() => {
    const at = () => performance.timeOrigin + performance.now();
    const h = self.onmessage;
    self.onmessage = (e) => { (self.__ev ??= []).push(['worker gets it', at()]); return h(e); };
    const post = self.postMessage.bind(self);
    self.postMessage = (...a) => { (self.__ev ??= []).push(['worker posts the report', at()]); return post(...a); };
  });
}
const markets = await page.$$eval('details[data-filter="Market"] input[type=checkbox]', (b) => b.length);
for (let i = 0; i < changes; i++) {
  // Markets on and off in turn: one market, no filter, the next market, ...
  await page.evaluate(([i, markets]) => {
    window.__ev = [['click', performance.timeOrigin + performance.now()]];
    window.__drawn = new Set();
    document.querySelectorAll('details[data-filter="Market"] input[type=checkbox]')[(i >> 1) % markets].click();
    setTimeout(() => { window.__watch = true; }, 0); // the click's own changes come first
  }, [i, markets]);
  await page.waitForTimeout(1500);
  const ev = [...await page.evaluate(() => window.__ev)];
  for (const w of page.workers()) ev.push(...await w.evaluate(() => { const e = self.__ev ?? []; self.__ev = []; return e; }));
  ev.sort((a, b) => a[1] - b[1]);
  console.log(`\nchange ${i + 1} (${i % 2 ? 'back to no filter' : 'one market'}):`);
  for (const [what, t] of ev) console.log(`  ${(t - ev[0][1]).toFixed(1).padStart(6)} ms  ${what}`);
}
console.log(`\n(${stealSince(cpu)})`);
await browser.close();
srv.server.close();
