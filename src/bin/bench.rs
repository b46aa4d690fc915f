//! `partnerlens-bench [--rows N] [--runs N] [--narrow]`: generates a CustomersAndTenants TSV of about N rows
//! (default 1 000 000) and times, natively, loading it and computing every customer metric.
//! Prints the median of the runs with rows/s and MB/s. A benchmark, not a test: run it with
//! `cargo run --profile bench-native --bin partnerlens-bench`.

use partnerlens::sample::{generate, Options};
use partnerlens::Workspace;
use std::time::Instant;

fn usage() -> ! {
    eprintln!("usage: partnerlens-bench [--rows N] [--runs N] [--narrow]");
    std::process::exit(2);
}

fn main() {
    let mut rows_wanted: usize = 1_000_000;
    let mut runs: usize = 5;
    let mut args = std::env::args().skip(1);
    let mut narrow = false;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--narrow" => narrow = true,
            "--rows" | "--runs" => match args.next().and_then(|v| v.parse().ok()) {
                Some(n) if a == "--rows" => rows_wanted = n,
                Some(n) => runs = n,
                None => usage(),
            },
            _ => usage(),
        }
    }
    // About 41 rows per customer over 24 months (SKUs, PGA duplicates, inactive months).
    let o = Options {
        customers: (rows_wanted / 41).max(1),
        months: 24,
        customers_only: true,
        narrow,
        ..Default::default()
    };
    let t = Instant::now();
    let files = generate(&o);
    let (name, bytes) = &files[0];
    let lines = bytes
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        .saturating_sub(1);
    eprintln!(
        "generated {name}: {lines} rows, {:.1} MB in {:.2} s",
        bytes.len() as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );

    let mut load = Vec::new();
    let mut metrics = Vec::new();
    let mut check = None;
    for _ in 0..runs.max(1) {
        let mut ws = Workspace::new();
        let t = Instant::now();
        ws.add_file(name, bytes);
        load.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let report = ws.report(None, None).expect("the generated file has rows");
        metrics.push(t.elapsed().as_secs_f64());
        let customers = report
            .customers
            .as_ref()
            .and_then(|c| c.kpis.customers.value);
        let loaded = report.quality.files[0].rows_loaded;
        check = Some((loaded, customers));
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        v[v.len() / 2]
    };
    // Recomputes on the loaded data: one market selected (facts rebuilt), then the last six
    // months (facts reused).
    let mut ws = Workspace::new();
    ws.add_file(name, bytes);
    let all = ws.report(None, None).expect("the generated file has rows");
    // What the worker does after a load, while the page draws: index the rows by filter dimension.
    let t = Instant::now();
    ws.prepare_filters();
    let indexing = t.elapsed().as_secs_f64();
    let markets = &all.filters.available.market;
    // A different market each run, so that no run finds its facts cached.
    let filter = |run: usize| partnerlens::Filter {
        market: markets
            .get(run % markets.len().max(1))
            .cloned()
            .into_iter()
            .collect(),
        ..Default::default()
    };
    let to = all.range.map(|r| r.to);
    let mut filtered = Vec::new();
    let mut ranged = Vec::new();
    for run in 0..runs.max(1) {
        let t = Instant::now();
        let _ = ws.report_filtered(None, None, &filter(run));
        filtered.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        let _ = ws.report_filtered(to.map(|m| m.offset(-5 - run as i32)), to, &filter(run));
        ranged.push(t.elapsed().as_secs_f64());
        let _ = ws.report(None, None);
    }
    let (l, m) = (median(&mut load), median(&mut metrics));
    let (fl, rg) = (median(&mut filtered), median(&mut ranged));
    let (loaded, customers) = check.unwrap_or((0, None));
    let mb = bytes.len() as f64 / 1e6;
    println!(
        "partnerlens native benchmark ({} runs, median)",
        runs.max(1)
    );
    println!("  file:            {lines} rows, {mb:.1} MB (CustomersAndTenants TSV, {} customers, 24 months)", o.customers);
    println!(
        "  load:            {:.3} s  ({:.0} rows/s, {:.0} MB/s)",
        l,
        lines as f64 / l,
        mb / l
    );
    println!("  customer metrics:{:.3} s", m);
    println!(
        "  load + metrics:  {:.3} s  ({:.0} rows/s, {:.0} MB/s)",
        l + m,
        lines as f64 / (l + m),
        mb / (l + m)
    );
    println!(
        "  index rows for the filters (after the load, while the page draws): {indexing:.3} s"
    );
    println!("  recompute, one-market filter: {:.3} s", fl);
    println!("  recompute, six-month range:   {:.3} s", rg);
    println!(
        "  check: {loaded} rows loaded, {} customers in the last month",
        customers.map(|c| c.to_string()).unwrap_or("—".into())
    );
}
