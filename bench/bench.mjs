// One page, one Chromium: Partnerlens (its Web Worker, the app's own engine) and DuckDB-WASM
// (from node_modules) load the same CustomersAndTenants file from memory and compute monthly
// customer counts, new and churned customers per month, and customers by product. The page
// checks the two agree and leaves the figures in window.__result for bench/run.mjs.
import * as duckdb from '/bench/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser.mjs';

const log = (s) => { document.getElementById('log').textContent += `\n${s}`; };
const params = new URLSearchParams(location.search);
const file = params.get('file') ?? '/bench/data/CustomersAndTenants.tsv';
// Rounds, each Partnerlens then DuckDB-WASM: figures are the medians (a shared 2-core VM
// varies by a third from one minute to the next).
const runs = Math.max(1, Number(params.get('runs') ?? 3));
const median = (list, f) => [...list].sort((a, b) => f(a) - f(b))[(list.length - 1) >> 1];

async function partnerlens(blob) {
  const t0 = performance.now();
  const worker = new Worker('/dist/worker-loader.js');
  // What the app's page does with a large file (src/web/session.rs): the engine cuts it in two
  // and a helper worker parses the second half; its part goes back to the engine.
  const helpFor = (split, rest) => {
    const helper = new Worker('/dist/worker-loader.js');
    helper.onmessage = (e) => {
      const [text, value] = Array.isArray(e.data) ? e.data : [e.data];
      const r = JSON.parse(text);
      if (r === 'Ready') helper.postMessage([JSON.stringify({ Part: split }), rest]);
      else if (r.Part || r.Failed) {
        const failed = r.Part ? null : r.Failed.message;
        const msg = [JSON.stringify({ SecondPart: { request: split.request, part: split.part, failed } })];
        if (r.Part) msg.push(value);
        worker.postMessage(msg, r.Part ? [value] : []);
        helper.terminate();
      }
    };
  };
  const message = () => new Promise((resolve) => {
    worker.onmessage = (e) => {
      if (Array.isArray(e.data)) {
        const r = JSON.parse(e.data[0]);
        if (r.Split) helpFor(r.Split, e.data[1]);
        // A report's JSON text follows its header.
        if (r.Report) resolve({ Report: { ...r.Report, json: e.data[1] } });
        return;
      }
      resolve(JSON.parse(e.data));
    };
  });
  let m = await message();
  if (m !== 'Ready') throw new Error('worker did not start');
  const ready = performance.now();
  worker.postMessage([JSON.stringify({ Load: { names: ['CustomersAndTenants.tsv'], today: null, request: 1, from: null, to: null, filter: {} } }), blob]);
  for (;;) {
    m = await message();
    if (m.Report) break;
    if (m.Failed) throw new Error(m.Failed.message);
  }
  const done = performance.now();
  const report = JSON.parse(m.Report.json);
  const heap = m.Report.heap, phases = m.Report.phases;
  // A filter change and a range change on the loaded data (no file read again): worker time to
  // the new report, plus parsing its JSON on the page.
  const again = async (request, from, to, filter) => {
    const t = performance.now();
    worker.postMessage([JSON.stringify({ Report: { request, from, to, filter } })]);
    let r;
    do { r = await message(); } while (!r.Report);
    JSON.parse(r.Report.json);
    last_heap = r.Report.heap;
    return performance.now() - t;
  };
  let last_heap = heap;
  const markets = report.customers.by_dimension.market.map((m) => m.value);
  // The range first, on the same (empty) filter: the monthly facts are reused. Then a filter,
  // which rebuilds them from the market's rows (indexed after the load); a second market, never
  // used before, so not cached either.
  // A user's pause after the load: the worker indexes the rows for the filters meanwhile.
  await new Promise((r) => setTimeout(r, 400));
  const range_ms = await again(2, report.window.first, report.window.last, {});
  const filter_ms = await again(3, null, null, { market: [markets[0]] });
  const filter2_ms = await again(4, null, null, { market: [markets[1]] });
  // One product: a filter that reads rows, built ahead in the pause.
  const product_ms = await again(5, null, null, { product: [report.customers.by_product[0].product] });
  // ?keep: the worker stays, for a profiler to take its profile (bench/worker-profile.mjs).
  if (!params.has('keep')) worker.terminate();
  return { start_ms: ready - t0, load_and_metrics_ms: done - ready, heap, phases, report, filter_ms, filter2_ms, range_ms, product_ms, heap_after: last_heap };
}

async function duck(bytes) {
  const base = '/bench/node_modules/@duckdb/duckdb-wasm/dist/';
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: base + 'duckdb-mvp.wasm', mainWorker: base + 'duckdb-browser-mvp.worker.js' },
    eh: { mainModule: base + 'duckdb-eh.wasm', mainWorker: base + 'duckdb-browser-eh.worker.js' },
  });
  const t0 = performance.now();
  const worker = new Worker(bundle.mainWorker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule);
  const conn = await db.connect();
  const ready = performance.now();
  await db.registerFileBuffer('c.tsv', bytes);
  await conn.query(`CREATE TABLE t AS SELECT * FROM read_csv('c.tsv', delim='\t', header=true)`);
  const loaded = performance.now();
  await conn.query(`CREATE TABLE c AS SELECT DISTINCT date_trunc('month', "Month") AS m, lower(trim(CustomerTenantId)) AS k
                    FROM t WHERE CustomerStatus = 'Active' AND IsDuplicateRowForPGA = 0`);
  const rows = async (sql) => (await conn.query(sql)).toArray().map((r) => r.toJSON());
  const customers = await rows(`SELECT strftime(m, '%Y-%m') AS month, count(*)::INTEGER AS n FROM c GROUP BY m ORDER BY m`);
  const added = await rows(`SELECT strftime(a.m, '%Y-%m') AS month, count(*)::INTEGER AS n FROM c a
                            ANTI JOIN c b ON b.k = a.k AND b.m = a.m - INTERVAL 1 MONTH GROUP BY a.m`);
  const churned = await rows(`SELECT strftime(a.m + INTERVAL 1 MONTH, '%Y-%m') AS month, count(*)::INTEGER AS n FROM c a
                              ANTI JOIN c b ON b.k = a.k AND b.m = a.m + INTERVAL 1 MONTH GROUP BY 1`);
  const products = await rows(`SELECT Product AS product, count(DISTINCT lower(trim(CustomerTenantId)))::INTEGER AS n FROM t
                               WHERE CustomerStatus = 'Active' AND IsDuplicateRowForPGA = 0
                               AND date_trunc('month', "Month") = (SELECT max(m) FROM c) GROUP BY Product`);
  const done = performance.now();
  await conn.close();
  await db.terminate();
  return { start_ms: ready - t0, load_ms: loaded - ready, queries_ms: done - loaded, load_and_metrics_ms: done - ready, customers, added, churned, products };
}

function compare(pl, dk) {
  const monthly = pl.report.customers.monthly;
  const byMonth = (list) => Object.fromEntries(list.map((r) => [r.month, r.n]));
  const [c, a, ch] = [byMonth(dk.customers), byMonth(dk.added), byMonth(dk.churned)];
  const diffs = [];
  for (const m of monthly) {
    if (m.customers !== (c[m.month] ?? 0)) diffs.push(`customers ${m.month}: ${m.customers} vs ${c[m.month]}`);
    if (m.new !== null && m.new !== (a[m.month] ?? 0)) diffs.push(`new ${m.month}: ${m.new} vs ${a[m.month]}`);
    if (m.churned !== null && m.churned !== (ch[m.month] ?? 0)) diffs.push(`churned ${m.month}: ${m.churned} vs ${ch[m.month]}`);
  }
  const p = byMonth(dk.products.map((r) => ({ month: r.product, n: r.n })));
  for (const x of pl.report.customers.by_product) if (x.customers !== p[x.product]) diffs.push(`product ${x.product}: ${x.customers} vs ${p[x.product]}`);
  if (pl.report.customers.by_product.length !== dk.products.length) diffs.push('product count differs');
  return { months: monthly.length, products: dk.products.length, diffs };
}

try {
  const t = performance.now();
  const bytes = new Uint8Array(await (await fetch(file)).arrayBuffer());
  const size = bytes.length; // DuckDB takes the buffer over (it is detached afterwards)
  const fetch_ms = performance.now() - t;
  log(`file: ${(bytes.length / 1e6).toFixed(1)} MB in memory (${fetch_ms.toFixed(0)} ms to fetch)`);
  const pls = [], dks = [];
  for (let i = 0; i < runs; i++) {
    const one = await partnerlens(new Blob([bytes]));
    log(`Partnerlens (round ${i + 1}): ${one.load_and_metrics_ms.toFixed(0)} ms load + every metric; wasm heap ${(one.heap / 1e6).toFixed(0)} MB`);
    // DuckDB takes its buffer over (detached afterwards): a copy per round.
    const d = await duck(bytes.slice());
    log(`DuckDB-WASM (round ${i + 1}): ${d.load_ms.toFixed(0)} ms load + ${d.queries_ms.toFixed(0)} ms queries`);
    pls.push(one);
    dks.push(d);
  }
  const pl = median(pls, (r) => r.load_and_metrics_ms);
  const dk = median(dks, (r) => r.load_and_metrics_ms);
  const agreement = compare(pl, dk);
  log(agreement.diffs.length ? `DIFFERENCES: ${agreement.diffs.join('; ')}` : `agree on ${agreement.months} months and ${agreement.products} products`);
  const rows = pl.report.quality.files[0].rows_loaded;
  window.__result = {
    bytes: size, rows, fetch_ms, runs,
    partnerlens: { start_ms: pl.start_ms, load_and_metrics_ms: pl.load_and_metrics_ms, heap_bytes: pl.heap, phases: pl.phases,
      filter_ms: median(pls, (r) => r.filter_ms).filter_ms, filter2_ms: median(pls, (r) => r.filter2_ms).filter2_ms,
      range_ms: median(pls, (r) => r.range_ms).range_ms, product_ms: median(pls, (r) => r.product_ms).product_ms,
      heap_after_bytes: pl.heap_after, rounds_ms: pls.map((r) => r.load_and_metrics_ms) },
    duckdb: { start_ms: dk.start_ms, load_ms: dk.load_ms, queries_ms: dk.queries_ms, load_and_metrics_ms: dk.load_and_metrics_ms,
      rounds_ms: dks.map((r) => r.load_and_metrics_ms) },
    agreement,
  };
} catch (e) {
  log(`error: ${e.stack ?? e}`);
  window.__result = { error: String(e.stack ?? e) };
}
