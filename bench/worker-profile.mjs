// `node bench/worker-profile.mjs [--rows N]`: where the engine's worker spends its time in the
// browser, loading the benchmark's file (bench/run.mjs makes it) as the app does, helper included.
// Builds the site with the worker's function names kept (wasm-opt -g) into target/dist-profile,
// runs one round of bench/index.html in headless Chromium with the V8 profiler attached to the
// page's workers (CDP), and prints the engine worker's functions by self time, from the file
// handed over to the report after the filters built ahead. (The helper worker is gone by the end
// of the round, with its profile.)
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch } from '../tests/browser/harness.mjs';
import { serveBench } from './serve.mjs';
const root = path.resolve(import.meta.dirname, '..');
const rowsArg = process.argv.indexOf('--rows');
const rows = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;
if (!fs.existsSync(path.join(root, 'bench/data', String(rows), 'CustomersAndTenants.tsv'))) throw new Error(`no ${rows}-row file: run node bench/run.mjs --rows ${rows} once`);
const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8')
  .replace('data-cargo-profile="worker" data-wasm-opt="z"', 'data-cargo-profile="worker" data-wasm-opt="z" data-wasm-opt-params="-g"');
if (!html.includes('data-wasm-opt-params="-g"')) throw new Error('index.html: the worker\'s link has changed');
fs.writeFileSync(path.join(root, 'profile.html'), html);
try {
  execFileSync('bash', ['-c', 'source scripts/env.sh && trunk build --release --dist target/dist-profile profile.html'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
} finally {
  fs.rmSync(path.join(root, 'profile.html'), { force: true });
}
const dist = path.join(root, 'target/dist-profile');
const server = await serveBench(rows, dist);
const browser = await launch();
const page = await browser.newPage();
const cdp = await page.context().newCDPSession(page);
const targets = new Map();
let nextId = 1000;
const pending = new Map();
const send = (sessionId, method, params = {}) => new Promise((resolve, reject) => {
  const id = nextId++;
  pending.set(id, resolve);
  cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
});
cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
  const m = JSON.parse(message);
  if (m.id && pending.has(m.id)) { pending.get(m.id)(m.result); pending.delete(m.id); }
});
cdp.on('Target.attachedToTarget', async ({ sessionId, targetInfo }) => {
  targets.set(sessionId, targetInfo);
  try {
    if (!targetInfo.url.includes('duckdb')) {
      await send(sessionId, 'Profiler.enable');
      await send(sessionId, 'Profiler.setSamplingInterval', { interval: 200 });
      await send(sessionId, 'Profiler.start');
    }
    await send(sessionId, 'Runtime.runIfWaitingForDebugger');
  } catch {
    // A helper worker that has already finished.
  }
});
await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false });
await page.goto(`http://127.0.0.1:${server.address().port}/bench/index.html?runs=1&keep`);
// Stop profiling once Partnerlens reported (its worker is kept until the end of its part).
await page.waitForFunction(() => document.getElementById('log').textContent.includes('Partnerlens (round 1)'), null, { timeout: 600000 });
for (const [sessionId, info] of targets) {
  if (info.url.includes('duckdb')) continue;
  const r = await send(sessionId, 'Profiler.stop').catch(() => null);
  if (!r?.profile) continue;
  const p = r.profile;
  const time = new Map();
  p.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const self = new Map(); let total = 0;
  for (const n of p.nodes) {
    const t = time.get(n.id) ?? 0; const f = n.callFrame.functionName || '(anonymous)';
    if (f === '(idle)' || f === '(program)' || f === '(root)') continue;
    total += t;
    const short = f.replace(/::h[0-9a-f]{16}$/, '');
    self.set(short, (self.get(short) ?? 0) + t);
  }
  console.log(`\nthe engine's worker: ${(total / 1e6).toFixed(2)} s busy; self time by function`);
  for (const [f, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 22)) console.log(`${(t / 1000).toFixed(0).padStart(7)} ms  ${f.slice(0, 110)}`);
}
await browser.close(); server.close();
process.exit(0);
