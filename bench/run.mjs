// `node bench/run.mjs [--rows N] [--runs N]`: the benchmark of issue 6 (kept in the repo; not a test).
// Generates (once) a CustomersAndTenants TSV of about N rows (default 1,000,000; ten columns,
// ~170 MB), then in one headless Chromium runs Partnerlens (the built dist/) and DuckDB-WASM on
// it, checks they agree, and prints both times and their ratio; then the native engine figures.
// Needs: bash scripts/build.sh (dist/) and npm install in bench/ (DuckDB-WASM).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch } from '../tests/browser/harness.mjs';
import { cpuTimes, stealSince } from './steal.mjs';
import { serveBench } from './serve.mjs';

const root = path.resolve(import.meta.dirname, '..');
const rowsArg = process.argv.indexOf('--rows');
const rows = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
const dataDir = path.join(root, 'bench/data', String(rows));
const file = path.join(dataDir, 'CustomersAndTenants.tsv');

if (!fs.existsSync(path.join(root, 'dist/index.html'))) execFileSync('bash', ['scripts/build.sh'], { cwd: root, stdio: 'inherit' });
if (!fs.existsSync(path.join(root, 'bench/node_modules/@duckdb/duckdb-wasm'))) execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: path.join(root, 'bench'), stdio: 'inherit' });
if (!fs.existsSync(file)) {
  execFileSync('cargo', ['build', '-q', '--release', '--bin', 'partnerlens-sample'], { cwd: root, stdio: 'inherit' });
  execFileSync(path.join(root, 'target/release/partnerlens-sample'), ['--customers', String(Math.round(rows / 41)), '--customers-only', '--narrow', dataDir], { stdio: 'inherit' });
}

const cpu = cpuTimes();
const server = await serveBench(rows);
const browser = await launch();
const page = await browser.newPage();
page.on('console', (m) => { if (m.type() === 'error') console.error('page:', m.text()); });
await page.goto(`http://127.0.0.1:${server.address().port}/bench/index.html?runs=${runs}`);
await page.waitForFunction(() => window.__result, null, { timeout: 600000 });
const r = await page.evaluate(() => window.__result);
await browser.close();
server.close();
if (r.error) { console.error(r.error); process.exit(1); }

const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const all = (list) => list.map((ms) => (ms / 1000).toFixed(2)).join(', ');
console.log(`\nPartnerlens vs DuckDB-WASM, one headless Chromium, ${r.rows.toLocaleString('en')} rows, ${(r.bytes / 1e6).toFixed(1)} MB, median of ${r.runs} alternating rounds`);
console.log(`  Partnerlens load + every dashboard metric:     ${s(r.partnerlens.load_and_metrics_ms)}  (${Math.round(r.rows / r.partnerlens.load_and_metrics_ms * 1000).toLocaleString('en')} rows/s; rounds ${all(r.partnerlens.rounds_ms)} s)`);
console.log(`  DuckDB-WASM load (read_csv) + the same counts: ${s(r.duckdb.load_and_metrics_ms)}  (load ${s(r.duckdb.load_ms)}, queries ${s(r.duckdb.queries_ms)}; rounds ${all(r.duckdb.rounds_ms)} s)`);
const ph = r.partnerlens.phases;
console.log(`    where Partnerlens' time went: reading the blob ${s(ph.read)}, parsing into the store ${s(ph.parse)}${ph.wait || ph.join ? ` (on two cores; of it, waiting for the helper's half ${s(ph.wait)}, taking it in and joining ${s(ph.join)})` : ''}, facts and every metric ${s(ph.report)}, report JSON ${s(ph.json)}`);
console.log(`  ratio (DuckDB / Partnerlens):                   ${(r.duckdb.load_and_metrics_ms / r.partnerlens.load_and_metrics_ms).toFixed(2)}×`);
// Each round runs Partnerlens then DuckDB-WASM: their ratio within a round is less moved by the
// VM's slow and fast minutes than the ratio of the medians.
const pairs = r.partnerlens.rounds_ms.map((ms, i) => r.duckdb.rounds_ms[i] / ms);
const middle = [...pairs].sort((a, b) => a - b)[Math.floor(pairs.length / 2)];
console.log(`    round by round: ${pairs.map((x) => x.toFixed(2)).join(', ')}× (median ${middle.toFixed(2)}×)`);
console.log(`  start-up (not counted): Partnerlens worker ${s(r.partnerlens.start_ms)}, DuckDB instantiate ${s(r.duckdb.start_ms)}`);
console.log(`  Partnerlens recompute on the loaded data: one-market filter ${s(r.partnerlens.filter_ms)}, another market ${s(r.partnerlens.filter2_ms)}, whole-window range ${s(r.partnerlens.range_ms)}, one product ${s(r.partnerlens.product_ms)} (worker + report JSON, no redraw; after a pause of 0.4 s in which the worker indexes the rows and builds each product's facts ahead)`);
console.log(`  Partnerlens wasm heap after loading: ${(r.partnerlens.heap_bytes / 1e6).toFixed(0)} MB = ${(r.partnerlens.heap_bytes / r.bytes).toFixed(2)}× the file; after the filters above: ${(r.partnerlens.heap_after_bytes / 1e6).toFixed(0)} MB = ${(r.partnerlens.heap_after_bytes / r.bytes).toFixed(2)}×`);
console.log(`  agreement: ${r.agreement.diffs.length ? 'DIFFERENCES ' + r.agreement.diffs.join('; ') : `same monthly customers, new and churned over ${r.agreement.months} months and customers by ${r.agreement.products} products`}`);
console.log(`  (${stealSince(cpu)})`);
fs.writeFileSync(path.join(root, 'bench/data/last-result.json'), JSON.stringify(r, null, 2));
console.log('\nNative engine (cargo run --profile bench-native --bin partnerlens-bench):');
execFileSync('cargo', ['run', '-q', '--profile', 'bench-native', '--bin', 'partnerlens-bench', '--', '--rows', String(rows), '--runs', '3', '--narrow'], { cwd: root, stdio: 'inherit' });
if (r.agreement.diffs.length) process.exit(1);
