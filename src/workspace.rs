//! The loaded files and what is computed from them: the one entry point the CLI and the
//! browser share.

use crate::facts::{Base, Facts, RowIndex};
use crate::filter::{filter_options, Filter};
use crate::metrics::customers;
use crate::metrics::range::Range;
use crate::month::Month;
use crate::quality::{FileQuality, Quality};
use crate::report::{Filters, Report, Window};
use crate::store::Store;

#[derive(Default)]
pub struct Workspace {
    pub store: Store,
    pub files: Vec<FileQuality>,
    /// The current month, for the note on a latest month that may still be incomplete. Set by
    /// the caller (the CLI from the system clock, the browser from `Date`): the engine reads no
    /// clock, so it runs the same natively and in wasm.
    pub today: Option<Month>,
    /// What every filter's facts share, built once per load.
    base: Option<Base>,
    /// The facts of the last few filters (newest last); cleared when files change.
    facts: Vec<(Filter, Facts)>,
    /// Facts built ahead of use (`prepare_facts`), moved into `facts` when asked for and back
    /// here when `facts` lets them go; cleared when files change.
    prepared: Vec<(Filter, Facts)>,
    /// The filters whose facts were built ahead.
    ahead: Vec<Filter>,
    /// The filters' values, from every row: computed once per load, not per report.
    options: Option<crate::filter::FilterOptions>,
    /// Each filtered dimension's rows per value; cleared when files change.
    index: RowIndex,
    /// Tests: build filtered facts from every row, not from the index.
    #[cfg(test)]
    full_scan: bool,
}

impl Workspace {
    pub fn new() -> Self {
        Self::default()
    }

    /// Loads one file (files are counted in the order they are added; identical rows of a
    /// later file count once). Returns its quality record.
    pub fn add_file(&mut self, name: &str, bytes: &[u8]) -> &FileQuality {
        self.add_file_with_progress(name, bytes, &mut |_, _| {})
    }

    /// `add_file`, telling `progress` the rows read and bytes done as it goes.
    pub fn add_file_with_progress(
        &mut self,
        name: &str,
        bytes: &[u8],
        progress: crate::load::Progress,
    ) -> &FileQuality {
        let id = u16::try_from(self.files.len()).unwrap_or(u16::MAX);
        let q = if self.files.len() >= u16::MAX as usize {
            FileQuality::failed(name, format!("{name}: too many files loaded at once"))
        } else {
            crate::load::load_file_with_progress(&mut self.store, id, name, bytes, progress)
        };
        self.files.push(q);
        self.files_changed();
        &self.files[self.files.len() - 1]
    }

    /// Forgets what was computed from the files loaded before.
    fn files_changed(&mut self) {
        self.base = None;
        self.facts.clear();
        self.prepared.clear();
        self.ahead.clear();
        self.options = None;
        self.index = RowIndex::default();
    }

    /// Loads one file from its two parts (see `split`), parsed apart; `None`, with nothing
    /// loaded, when they do not join (the file is then to be loaded whole with `add_file`).
    pub fn add_file_parts(
        &mut self,
        first: crate::split::Part,
        second: crate::split::Part,
    ) -> Option<&FileQuality> {
        if !first.joins(&second) || self.files.len() >= u16::MAX as usize {
            return None;
        }
        let start = self.store.len();
        let q = crate::split::Part::join(&mut self.store, first, second);
        // The parts were numbered when the cut was made; the file is this one.
        let id = self.files.len() as u16;
        self.store.file[start..].iter_mut().for_each(|f| *f = id);
        self.files.push(q);
        self.files_changed();
        self.files.last()
    }

    /// Indexes the rows by each filter dimension ahead of the first filter (see `RowIndex`).
    pub fn prepare_filters(&mut self) {
        let base = self.base.get_or_insert_with(|| Base::build(&self.store));
        self.index.prepare(&self.store, base);
    }

    /// True when at least one file loaded at least one row.
    pub fn has_data(&self) -> bool {
        !self.store.is_empty()
    }

    /// The monthly facts for `filter`, built on first use after a load or a filter change
    /// (the last `FACTS_KEPT` filters' facts are kept, so going back to one is immediate; the
    /// unfiltered facts are kept while files stay the same: a filter that keeps or drops whole
    /// customers is made from them).
    pub fn facts(&mut self, filter: &Filter) -> &Facts {
        const FACTS_KEPT: usize = 4;
        match self.facts.iter().position(|(f, _)| f == filter) {
            Some(i) => {
                let hit = self.facts.remove(i);
                self.facts.push(hit);
            }
            None => {
                let facts = match self.prepared.iter().position(|(f, _)| f == filter) {
                    Some(i) => self.prepared.swap_remove(i).1,
                    None => self.build_facts(filter),
                };
                if self.facts.len() >= FACTS_KEPT {
                    // The oldest, but not the unfiltered facts.
                    if let Some(i) = self.facts.iter().position(|(f, _)| !f.is_empty()) {
                        let old = self.facts.remove(i);
                        if self.ahead.contains(&old.0) {
                            self.prepared.push(old);
                        }
                    }
                }
                self.facts.push((filter.clone(), facts));
            }
        }
        match self.facts.last() {
            Some((_, facts)) => facts,
            None => unreachable!("pushed just above"),
        }
    }

    /// Builds the facts of `filter` (the unfiltered facts first, which a filter that keeps or
    /// drops whole customers is made from).
    fn build_facts(&mut self, filter: &Filter) -> Facts {
        if !filter.is_empty() {
            self.facts(&Filter::default());
        }
        let base = self.base.get_or_insert_with(|| Base::build(&self.store));
        let compiled = filter.compile(&self.store);
        let pass = self.index.passing_keys(&self.store, base, &compiled);
        #[cfg(test)]
        let pass = if self.full_scan { None } else { pass };
        // A filter that keeps or drops whole customers is made from the unfiltered facts.
        let all = self
            .facts
            .iter()
            .find(|(f, _)| f.is_empty())
            .map(|(_, a)| a);
        let restrict = all.zip(pass);
        // Rows are read for the customer sets unless they are made so, and for the
        // subscription and license facts if there are any.
        let rows = if restrict.is_none() || base.row_facts() {
            self.index.candidates(&self.store, &compiled)
        } else {
            Some(Vec::new())
        };
        // A filter that reads rows counts the dimensions with one value per customer
        // from its customer sets.
        let own =
            (restrict.is_none() && !filter.is_empty()).then(|| self.index.own_values(&self.store));
        #[cfg(test)]
        let (rows, own) = if self.full_scan {
            (None, None)
        } else {
            (rows, own)
        };
        Facts::build_on(
            &self.store,
            base,
            &compiled,
            rows.as_deref(),
            restrict,
            own.as_deref(),
        )
    }

    /// The filters worth building ahead, while the user looks at the report: each value of a
    /// dimension whose filter reads rows (does not keep or drop whole customers, which is a
    /// property of the dimension: a product, where a customer has several; about 25 ms on a
    /// million rows in the browser, against 2-10 ms for the others), products first, at most
    /// `MAX`.
    pub fn filters_to_prepare(&mut self) -> Vec<Filter> {
        const MAX: usize = 12;
        if self.store.is_empty() {
            return Vec::new();
        }
        let options = self
            .options
            .get_or_insert_with(|| filter_options(&self.store))
            .clone();
        let base = self.base.get_or_insert_with(|| Base::build(&self.store));
        let mut out = Vec::new();
        // Each dimension's values and how a filter on them is set.
        type Set = fn(&mut Filter, Vec<String>);
        let dims: [(&[String], Set); 4] = [
            (&options.product, |f, v| f.product = v),
            (&options.attribution_type, |f, v| f.attribution_type = v),
            (&options.segment, |f, v| f.segment = v),
            (&options.market, |f, v| f.market = v),
        ];
        for (values, set) in dims {
            let one = |v: &String| {
                let mut f = Filter::default();
                set(&mut f, vec![v.clone()]);
                f
            };
            let Some(first) = values.first() else {
                continue;
            };
            let compiled = one(first).compile(&self.store);
            if self
                .index
                .passing_keys(&self.store, base, &compiled)
                .is_none()
            {
                out.extend(values.iter().map(one));
            }
        }
        out.truncate(MAX);
        out
    }

    /// Builds the facts of `filter` ahead of its first use (see `filters_to_prepare`), unless
    /// they are built already.
    pub fn prepare_facts(&mut self, filter: &Filter) {
        let known = |list: &[(Filter, Facts)]| list.iter().any(|(f, _)| f == filter);
        if known(&self.facts) || known(&self.prepared) {
            return;
        }
        let facts = self.build_facts(filter);
        self.prepared.push((filter.clone(), facts));
        self.ahead.push(filter.clone());
    }

    /// The report over `[from, to]` (defaults: the last 12 months of the window), unfiltered.
    pub fn report(&mut self, from: Option<Month>, to: Option<Month>) -> Result<Report, String> {
        self.report_filtered(from, to, &Filter::default())
    }

    /// The report over `[from, to]` for the rows that pass `filter`.
    pub fn report_filtered(
        &mut self,
        from: Option<Month>,
        to: Option<Month>,
        filter: &Filter,
    ) -> Result<Report, String> {
        self.facts(filter);
        let Some((_, facts)) = self.facts.last() else {
            return Err("no facts".into());
        };
        let quality = self.quality(facts);
        let available = self
            .options
            .get_or_insert_with(|| filter_options(&self.store))
            .clone();
        let filters = Filters {
            available,
            applied: filter.clone(),
        };
        let Some(window) = facts.window else {
            return Ok(Report {
                window: None,
                range: None,
                filters,
                customers: None,
                azure: None,
                subscriptions: None,
                licenses: None,
                quality,
            });
        };
        let range = Range::resolve(window, from, to)?;
        Ok(Report {
            window: Some(Window {
                first: window.0,
                last: window.1,
            }),
            range: Some(range),
            filters,
            customers: customers::compute(&self.store, facts, range),
            azure: crate::metrics::azure::compute(&self.store, facts, range),
            subscriptions: crate::metrics::azure::product_subscriptions::product_subscriptions(
                &self.store,
                facts,
                range,
            ),
            licenses: crate::metrics::licenses::compute(&self.store, facts, range),
            quality,
        })
    }

    fn quality(&self, facts: &Facts) -> Quality {
        let mut warnings = Vec::new();
        let mut missing_months = Vec::new();
        if facts.has_status_report {
            for (i, m) in facts.months().into_iter().enumerate() {
                if !facts.status_covered[i] {
                    missing_months.push(m);
                }
            }
        }
        if !missing_months.is_empty() {
            let list: Vec<String> = missing_months.iter().map(|m| m.to_string()).collect();
            warnings.push(format!(
                "no customers, subscriptions or Azure usage report covers {}: those months show no values (not zero)",
                list.join(", ")
            ));
        }
        for f in &self.files {
            if f.rows_identical > 0 {
                warnings.push(format!(
                    "{}: {} row(s) are identical to rows of a file loaded before it and are counted once",
                    f.name, f.rows_identical
                ));
            }
            warnings.extend(f.warnings.iter().cloned());
            if let Some(e) = &f.error {
                warnings.push(e.clone());
            }
        }
        if let Some((_, last)) = facts.window {
            if self.today.is_some_and(|t| last >= t.prev()) {
                warnings.push(format!(
                    "{last} is the latest month loaded; Partner Center refreshes its reports a few days after a month ends, so {last} may still be incomplete"
                ));
            }
        }
        Quality {
            files: self.files.clone(),
            missing_months,
            warnings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Dim;

    fn loaded() -> Workspace {
        let mut ws = Workspace::new();
        for f in [
            "customers_small.tsv",
            "azure_small.tsv",
            "subscriptions_small.tsv",
        ] {
            let path = format!("{}/tests/fixtures/{f}", env!("CARGO_MANIFEST_DIR"));
            ws.add_file(f, &std::fs::read(path).expect("fixture"));
        }
        ws
    }

    fn json(r: Result<Report, String>) -> String {
        r.expect("a report").to_json_compact()
    }

    /// Cached facts and the shared pass-1 base give the same report as a fresh workspace, in
    /// any order of filters.
    #[test]
    fn cached_facts_equal_fresh_ones() {
        let mut ws = loaded();
        let all = json(ws.report(None, None));
        let markets = ws.report(None, None).unwrap().filters.available.market;
        assert!(markets.len() >= 2, "{markets:?}");
        let filters: Vec<Filter> = markets
            .iter()
            .map(|m| Filter {
                market: vec![m.clone()],
                ..Default::default()
            })
            .collect();
        let mut seen = Vec::new();
        for f in filters.iter().chain(filters.iter()) {
            let cached = json(ws.report_filtered(None, None, f));
            let fresh = json(loaded().report_filtered(None, None, f));
            assert_eq!(cached, fresh, "filter {f:?}");
            seen.push(cached);
        }
        assert_ne!(seen[0], seen[1], "different markets give different reports");
        assert_eq!(json(ws.report(None, None)), all);
    }

    /// The bundled sample: every report kind, every filter dimension.
    fn sample() -> Workspace {
        let mut ws = Workspace::new();
        let dir = format!("{}/public/sample", env!("CARGO_MANIFEST_DIR"));
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .expect("sample")
            .map(|e| e.expect("entry").path())
            .collect();
        names.sort();
        for p in names.iter().filter(|p| !p.ends_with("manifest.json")) {
            let name = p.file_name().expect("name").to_string_lossy().to_string();
            ws.add_file(&name, &std::fs::read(p).expect("sample file"));
        }
        ws
    }

    /// Facts built ahead give the reports of facts built when asked for, also after `facts`
    /// let them go and took them back; filters that keep or drop whole customers (markets in
    /// the sample) are not built ahead.
    #[test]
    fn facts_built_ahead_equal_facts_built_when_asked() {
        let mut ws = sample();
        let all = json(ws.report(None, None));
        let list = ws.filters_to_prepare();
        let products = ws.report(None, None).unwrap().filters.available.product;
        for p in &products {
            let f = Filter {
                product: vec![p.clone()],
                ..Default::default()
            };
            assert!(list.contains(&f), "{p} is built ahead: {list:?}");
        }
        assert!(list.len() > 4, "more than the facts kept: {}", list.len());
        assert!(list.iter().all(|f| f.market.is_empty()), "{list:?}");
        for f in &list {
            ws.prepare_facts(f);
        }
        assert_eq!(ws.prepared.len(), list.len());
        let range = (
            Some(Month::new(2025, 4).unwrap()),
            Some(Month::new(2025, 9).unwrap()),
        );
        for (round, f) in list.iter().chain(list.iter()).enumerate() {
            let ahead = json(ws.report_filtered(range.0, range.1, f));
            let fresh = json(sample().report_filtered(range.0, range.1, f));
            assert_eq!(ahead, fresh, "round {round}, filter {f:?}");
        }
        // Every filter's facts are still at hand: kept, or back among the prepared.
        assert_eq!(ws.prepared.len() + ws.facts.len() - 1, list.len());
        assert_eq!(json(ws.report(None, None)), all);
    }

    #[test]
    fn indexed_filters_equal_a_scan_of_every_row() {
        let mut ws = sample();
        let a = ws.report(None, None).unwrap().filters.available;
        assert!(
            a.market.len() >= 2
                && a.product.len() >= 2
                && !a.segment.is_empty()
                && !a.attribution_type.is_empty(),
            "{a:?}"
        );
        let filters = [
            Filter {
                market: vec![a.market[0].clone()],
                ..Default::default()
            },
            Filter {
                market: a.market[..2].to_vec(),
                ..Default::default()
            },
            Filter {
                product: vec![a.product[1].clone()],
                ..Default::default()
            },
            Filter {
                segment: vec![a.segment[0].clone()],
                product: vec![a.product[0].clone()],
                ..Default::default()
            },
            Filter {
                attribution_type: vec![a.attribution_type[0].clone()],
                market: vec![a.market[1].clone()],
                ..Default::default()
            },
            Filter {
                market: vec!["Nowhere".into()],
                ..Default::default()
            },
        ];
        let mut scan = sample();
        scan.full_scan = true;
        let mut restricted = Vec::new();
        let mut per_customer = Vec::new();
        for f in &filters {
            let indexed = json(ws.report_filtered(None, None, f));
            restricted.push(ws.facts(f).restricted());
            per_customer.push(ws.facts(f).counted_per_customer());
            assert_eq!(
                indexed,
                json(scan.report_filtered(None, None, f)),
                "filter {f:?}"
            );
            assert_ne!(
                indexed,
                json(ws.report(None, None)),
                "filter {f:?} changes the report"
            );
        }
        // In the sample, a customer's market is one throughout (so a market filter keeps or
        // drops whole customers and is made from the unfiltered facts); its products are not.
        assert_eq!(restricted, [true, true, false, false, false, true]);
        // Filters that read rows count the dimensions with one value per customer (in the
        // sample all but product, SKU and pricing level) from their customer sets.
        for (i, dims) in per_customer.iter().enumerate() {
            let want = if restricted[i] {
                vec![]
            } else {
                vec![
                    Dim::Market,
                    Dim::Segment,
                    Dim::PartnerLocation,
                    Dim::SalesChannel,
                    Dim::Attribution,
                ]
            };
            assert_eq!(dims, &want, "filter {:?}", filters[i]);
        }
    }

    /// Generated reports of every kind (120 customers, 24 months): every single-value filter
    /// of each dimension, and pairs of them, give the numbers of a scan of every row, however
    /// the facts were made (from the unfiltered facts, from rows with dimensions counted per
    /// customer, or from rows).
    #[test]
    fn generated_filters_equal_a_scan_of_every_row() {
        let files = crate::sample::generate(&crate::sample::Options {
            customers: 120,
            ..Default::default()
        });
        let ws_of = |full_scan: bool| {
            let mut ws = Workspace::new();
            ws.full_scan = full_scan;
            for (name, bytes) in &files {
                ws.add_file(name, bytes);
            }
            ws.prepare_filters();
            ws
        };
        let (mut ws, mut scan) = (ws_of(false), ws_of(true));
        let a = ws.report(None, None).unwrap().filters.available;
        let one = |f: fn(&mut Filter) -> &mut Vec<String>, v: &String| {
            let mut filter = Filter::default();
            f(&mut filter).push(v.clone());
            filter
        };
        let mut filters: Vec<Filter> = Vec::new();
        for v in &a.market {
            filters.push(one(|f| &mut f.market, v));
        }
        for v in &a.segment {
            filters.push(one(|f| &mut f.segment, v));
        }
        for v in &a.product {
            filters.push(one(|f| &mut f.product, v));
        }
        for v in &a.attribution_type {
            filters.push(one(|f| &mut f.attribution_type, v));
        }
        let pairs: Vec<Filter> = filters
            .windows(2)
            .map(|w| Filter {
                market: [w[0].market.clone(), w[1].market.clone()].concat(),
                segment: [w[0].segment.clone(), w[1].segment.clone()].concat(),
                product: [w[0].product.clone(), w[1].product.clone()].concat(),
                attribution_type: [w[0].attribution_type.clone(), w[1].attribution_type.clone()]
                    .concat(),
            })
            .collect();
        assert!(filters.len() >= 8, "{a:?}");
        // The whole window, and its last six months.
        let last_six = ws
            .report(None, None)
            .unwrap()
            .range
            .map(|r| r.to.offset(-5));
        // (made from the unfiltered facts, with dimensions counted per customer, from rows)
        let mut ways = [0; 3];
        for f in filters.iter().chain(&pairs) {
            let facts = ws.facts(f);
            ways[if facts.restricted() {
                0
            } else if !facts.counted_per_customer().is_empty() {
                1
            } else {
                2
            }] += 1;
            for (from, to) in [(None, None), (last_six, None)] {
                assert_eq!(
                    json(ws.report_filtered(from, to, f)),
                    json(scan.report_filtered(from, to, f)),
                    "filter {f:?} from {from:?}"
                );
            }
        }
        assert!(
            ways[0] > 0 && ways[1] > 0,
            "both faster ways tried: {ways:?}"
        );
    }

    /// A filter is made from the unfiltered facts only where it keeps or drops whole
    /// customers: a customer that moved market, or a row judged by a market it does not have,
    /// makes every market filter read the rows again, with the same numbers as a full scan.
    #[test]
    fn filters_on_customers_that_moved_market_read_the_rows() {
        let header = "CustomerTenantId\tCustomerName\tCustomerStatus\tCustomerMarket\tProduct\tSKU\tMonth\tIsDuplicateRowForPGA\n";
        let steady = "T-A\tContoso\tActive\tFrance\tMicrosoft 365\tM365 E3\t2025-01-01\t0\n\
            T-A\tContoso\tActive\tFrance\tMicrosoft 365\tM365 E3\t2025-02-01\t0\n\
            T-B\tFabrikam\tActive\tGermany\tMicrosoft 365\tM365 E5\t2025-01-01\t0\n\
            T-B\tFabrikam\tActive\tGermany\tOffice 365\tE1\t2025-02-01\t0\n\
            T-C\tNorthwind\tActive\tFrance\tOffice 365\tE1\t2025-02-01\t0\n";
        // Contoso in Germany from March: its March rows are Germany's, its earlier rows France's.
        let moved = "T-A\tContoso\tActive\tGermany\tMicrosoft 365\tM365 E3\t2025-03-01\t0\n\
            T-C\tNorthwind\tActive\tFrance\tOffice 365\tE1\t2025-03-01\t0\n";
        // Azure usage has no market for T-B's row here, so it is judged by T-B's market.
        let usage = "SubscriptionId\tSubscriptionStartDate\tSubscriptionEndDate\tFirstUseDate\tSubscriptionState\tMonth\tUsageQuantity\tCustomerTenantId\tCustomerName\tIsACRDuplicateAtPGALevel\tTotalACR\n\
            s1\t2024-12-05\t9999-12-31\t\tActive\t2025-02-01\t10\tT-B\tFabrikam\t0\t10\n";
        let ws_of = |files: &[(&str, String)], full_scan: bool| {
            let mut ws = Workspace::new();
            ws.full_scan = full_scan;
            for (name, text) in files {
                ws.add_file(name, text.as_bytes());
            }
            ws.prepare_filters();
            ws
        };
        let cases = [
            (vec![("c.tsv", format!("{header}{steady}"))], true),
            (
                vec![
                    ("c.tsv", format!("{header}{steady}")),
                    ("u.tsv", usage.to_string()),
                ],
                true,
            ),
            (vec![("c.tsv", format!("{header}{steady}{moved}"))], false),
        ];
        for (files, whole_customers) in cases {
            let mut ws = ws_of(&files, false);
            let mut scan = ws_of(&files, true);
            for markets in [vec!["France"], vec!["Germany"], vec!["France", "Germany"]] {
                let f = Filter {
                    market: markets.iter().map(|m| m.to_string()).collect(),
                    ..Default::default()
                };
                let got = json(ws.report_filtered(None, None, &f));
                assert_eq!(got, json(scan.report_filtered(None, None, &f)), "{f:?}");
                assert_eq!(ws.facts(&f).restricted(), whole_customers, "{f:?}");
            }
            let f = Filter {
                market: vec!["France".into()],
                ..Default::default()
            };
            let r = ws.report_filtered(None, None, &f).unwrap();
            let c = r.customers.expect("customers");
            assert!(c.kpis.customers.value.is_some_and(|n| n >= 1), "{f:?}");
        }
    }
}
