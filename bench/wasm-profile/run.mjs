// `node bench/wasm-profile/run.mjs [FILE] [--product | --market | --join]`: where the engine's time goes in WebAssembly. Builds the
// engine alone for wasm32 with the worker's settings (opt-level 3, then wasm-opt -Oz as Trunk
// does), loads FILE (default: the benchmark's 1 M-row file, bench/data/1000000) three times in
// Node's V8 under --cpu-prof, and prints the functions that took the most time, by self time.
// With --product (--market): one load, then 30 reports each filtered to one product, a filter that
// reads rows (one market, a filter made from the unfiltered facts here). With --join: the file cut
// in two as the worker cuts it, and the helper's part joined to the first three times (one call each).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const here = import.meta.dirname;
const root = path.resolve(here, '../..');
const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.join(root, 'bench/data/1000000/CustomersAndTenants.tsv');
if (!fs.existsSync(file)) throw new Error(`${file} is missing: run node bench/run.mjs once, or give a file`);
const env = { ...process.env, PATH: `${path.join(root, 'node_modules/.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
const out = path.join(here, 'target/pkg');
if (!process.argv.includes('--child')) {
  execFileSync('cargo', ['build', '-q', '--release', '--target', 'wasm32-unknown-unknown'], { cwd: here, stdio: 'inherit', env });
  execFileSync('wasm-bindgen', ['--target', 'nodejs', '--out-dir', out, path.join(here, 'target/wasm32-unknown-unknown/release/partnerlens_wasm_profile.wasm')], { stdio: 'inherit', env });
  const wasm = path.join(out, 'partnerlens_wasm_profile_bg.wasm');
  execFileSync('wasm-opt', ['-Oz', '-g', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', wasm, '-o', wasm], { stdio: 'inherit', env });
  const dir = path.join(here, 'target/cpuprofile');
  fs.rmSync(dir, { recursive: true, force: true });
  execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, import.meta.filename, file, '--child', ...process.argv.slice(2).filter((a) => a.startsWith('--'))], { stdio: 'inherit' });
  const name = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  const p = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  const self = new Map();
  const time = new Map();
  p.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  let total = 0;
  for (const n of p.nodes) {
    const t = time.get(n.id) ?? 0;
    const f = n.callFrame.functionName || '(anonymous)';
    if (f === '(idle)' || f === '(program)' || f === '(root)') continue;
    total += t;
    const short = f.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]+\]/g, '');
    self.set(short, (self.get(short) ?? 0) + t);
  }
  console.log(`\nself time by function (${(total / 1e6).toFixed(1)} s in all, ${process.argv.includes('--product') || process.argv.includes('--market') ? 'one load and the filtered reports' : 'three loads and one report'}; profile in ${dir}):`);
  for (const [f, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`${(t / total * 100).toFixed(1).padStart(6)}%  ${(t / 1000).toFixed(0).padStart(6)} ms  ${f.slice(0, 120)}`);
  }
} else {
  const engine = await import(path.join(out, 'partnerlens_wasm_profile.js'));
  const bytes = fs.readFileSync(file);
  const name = path.basename(file);
  if (process.argv.includes('--join')) {
    const times = [1, 2, 3].map(() => engine.join(name, bytes).toFixed(0));
    console.log(`joining the helper's part, three times: ${times.join(', ')} ms (the first as in the worker: its code not yet optimised)`);
    process.exit(0);
  }
  const market = process.argv.includes('--market');
  if (market || process.argv.includes('--product')) {
    const n = 30;
    const ms = engine.filtered_reports(name, bytes, n, market);
    console.log(`${n} reports filtered to one ${market ? 'market' : 'product'}: ${(ms / n).toFixed(1)} ms each`);
    process.exit(0);
  }
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const rows = engine.load(name, bytes);
    console.log(`load ${i + 1}: ${rows.toLocaleString('en')} rows in ${((performance.now() - t) / 1000).toFixed(2)} s`);
  }
  const t = performance.now();
  engine.load_and_report(name, bytes);
  console.log(`load and report: ${((performance.now() - t) / 1000).toFixed(2)} s`);
}
