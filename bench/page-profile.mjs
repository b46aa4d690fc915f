// `node bench/page-profile.mjs [--rows N] [--market]`: where the page's time goes after a range
// (or, with --market, a market) change on a large file: a CPU profile of the page (not the
// worker) from the click until nothing is drawn for 700 ms, self time by function. A tool for
// issue 6's 50 ms target, not a test. Needs dist/ and bench/data/N/ (see bench/redraw.mjs).
import path from 'node:path';
import { serveDist, launch } from '../tests/browser/harness.mjs';
import { benchFile, loadedPage } from './large-page.mjs';

const { file } = benchFile();
const market = process.argv.includes('--market');
const srv = await serveDist(process.env.DIST);
const browser = await launch();
// When the page posts a command to the engine's worker, and when its report comes back.
const page = await loadedPage(browser, srv.base, file, () => {
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (...a) { window.__posted ??= performance.now(); return post.apply(this, a); };
  const desc = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
  Object.defineProperty(Worker.prototype, 'onmessage', {
    set(handler) {
      desc.set.call(this, (ev) => {
        if (Array.isArray(ev.data) && String(ev.data[0]).startsWith('{"Report"')) window.__replied ??= performance.now();
        const t = performance.now();
        const r = handler(ev);
        window.__handled = (window.__handled ?? 0) + performance.now() - t;
        return r;
      });
    },
    get() { return desc.get.call(this); },
  });
});
await page.waitForTimeout(1500);
await page.evaluate(() => {
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ['fillRect', 'clearRect', 'fill', 'stroke', 'fillText', 'strokeText', 'drawImage']) {
    const real = proto[name];
    proto[name] = function (...args) { window.__lastDraw = performance.now(); return real.apply(this, args); };
  }
});
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const total = {};
let wall = 0;
const rounds = 4;
for (let r = 0; r < rounds; r++) {
  await cdp.send('Profiler.start');
  const ms = await page.evaluate(async ({ market, r }) => {
    window.__lastDraw = 0;
    window.__posted = undefined;
    window.__replied = undefined;
    window.__handled = 0;
    const t0 = performance.now();
    if (market) {
      const boxes = document.querySelectorAll('details[data-filter="Market"] input[type=checkbox]');
      boxes[r % boxes.length].click();
    } else document.querySelector(`[data-last="${r % 2 ? 12 : 6}"]`).click();
    while (!(window.__lastDraw > 0 && performance.now() - window.__lastDraw > 700)) await new Promise((f) => setTimeout(f, 50));
    return { ms: window.__lastDraw - t0, posted: window.__posted - t0, replied: window.__replied - t0, handled: window.__handled };
  }, { market, r });
  console.log(`  click → command posted ${ms.posted.toFixed(1)} ms, → report back ${ms.replied.toFixed(1)} ms (handling it ${ms.handled.toFixed(1)} ms), → last drawing ${ms.ms.toFixed(1)} ms`);
  const { profile } = await cdp.send('Profiler.stop');
  wall += ms.ms;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const f = n.callFrame;
    if (f.functionName === '(idle)') continue;
    const k = `${f.functionName || '(anonymous)'} ${path.basename(f.url)}`;
    total[k] = (total[k] ?? 0) + (dt[i] ?? 0) / 1000;
  }
  if (market) await page.evaluate((r) => {
    const boxes = document.querySelectorAll('details[data-filter="Market"] input[type=checkbox]');
    boxes[r % boxes.length].click();
  }, r);
  await page.waitForTimeout(1500);
}
await browser.close();
srv.server.close();
const sum = Object.values(total).reduce((a, b) => a + b, 0);
console.log(`${market ? 'market' : 'range'}: click to last drawing ${(wall / rounds).toFixed(1)} ms on average; sampled busy time ${(sum / rounds).toFixed(1)} ms per change (idle left out)`);
for (const [k, v] of Object.entries(total).sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${(v / rounds).toFixed(2).padStart(7)} ms  ${k}`);
