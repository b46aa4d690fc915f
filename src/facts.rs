//! Monthly facts: per month of the window, the customer key sets every customer metric is
//! computed from (metrics.md §1, §2, §6). Built once from the store; a new range or filter is
//! computed from these without re-reading files.

use crate::filter::CompiledFilter;
use crate::kind::Kind;
use crate::license_facts::LicenseFacts;
use crate::month::Month;
use crate::store::{Dim, Store, NONE};
use crate::sub_facts::SubFacts;
use rustc_hash::FxHashMap as HashMap;
use std::cell::OnceCell;
use std::sync::Arc;

/// Values with their number of keys, in value order.
pub type ValueCounts = Vec<(u32, u64)>;

/// A sorted, de-duplicated set of ids.
pub type KeySet = Vec<u32>;

/// Per window month and `Dim`: sorted distinct `(value, key)` pairs.
type Pairs = Vec<Vec<Vec<(u32, u32)>>>;

#[derive(Debug, Default)]
pub struct Facts {
    /// First and last month of any loaded row (duplicates and inactive rows included).
    pub window: Option<(Month, Month)>,
    /// Some customers, subscriptions or Azure usage report is loaded.
    pub has_status_report: bool,
    /// Per window month: covered by a status report (any row, duplicates included).
    pub status_covered: Vec<bool>,
    /// Per window month: covered by a usage report.
    pub usage_covered: Vec<bool>,
    /// `C(m)`: keys with an active counting row of a status report.
    pub current: Vec<KeySet>,
    /// `U(m)`: keys with usage above 0 on a counting row.
    pub using: Vec<KeySet>,
    /// Per window month and `Dim`: sorted distinct `(value, key)` pairs of active counting rows
    /// of status reports, for files that have the dimension's column.
    /// Shared with the unfiltered facts by facts restricted from them (see `keep`).
    pairs: Arc<Pairs>,
    /// Facts restricted from the unfiltered ones (`build_on`): per key id, whether the key
    /// passes the filter. `pairs` are then the unfiltered facts', of which only these keys
    /// count.
    keep: Option<Arc<Vec<bool>>>,
    /// Per `Dim` (empty: none): each key's own value, for a dimension whose pairs were not
    /// collected because every key has one value (`RowIndex::own_values`); its counts are
    /// then made from `current`.
    own: Vec<Option<Arc<OwnValues>>>,
    /// Per window month: `(product, sku, key)` of active counting rows of status reports with a
    /// SKU column, as collected (unsorted, with repeats); shared with the unfiltered facts by
    /// facts restricted from them. See `skus()`.
    skus: Arc<Vec<Vec<(u32, u32, u32)>>>,
    /// Per window month, `skus` sorted and de-duplicated (of the keys that pass, for facts
    /// restricted from the unfiltered ones), made when a metric asks: one month is asked for,
    /// not every month.
    skus_kept: Vec<OnceCell<Vec<(u32, u32, u32)>>>,
    /// A key's market: the one on its latest counting row that has a market column.
    pub key_market: Arc<HashMap<u32, u32>>,
    /// A key's name: latest month wins, then load order; duplicates count (metrics.md §6).
    pub key_name: Arc<HashMap<u32, u32>>,
    /// Subscriptions per month (metrics.md §3).
    pub subs: SubFacts,
    /// Licenses per month (metrics.md §4).
    pub licenses: LicenseFacts,
    /// Per window month and `Dim`: each value of `pairs` with its number of keys, in value
    /// order; made on first use and kept with the facts, so a range change counts nothing again.
    value_counts: Vec<Vec<OnceCell<ValueCounts>>>,
    /// Per window month: `|C(m) \ C(m-1)|` and `|C(m-1) \ C(m)|` (0, 0 for the first month).
    changes: OnceCell<Vec<(u64, u64)>>,
}

/// Sorts and de-duplicates a set of ids (or tuples of ids), by radix: ids are small integers,
/// and the facts of a million rows sort a few million of them.
fn sort_dedup<T: radsort::Key + PartialEq>(v: &mut Vec<T>) {
    radsort::sort(v);
    v.dedup();
}

/// What does not depend on the page filter: the window, coverage, each key's name, market and
/// segment. Computed once per load (pass 1) and shared by every filter's facts.
#[derive(Debug, Default, Clone)]
pub struct Base {
    window: Option<(Month, Month)>,
    has_status_report: bool,
    status_covered: Vec<bool>,
    usage_covered: Vec<bool>,
    key_market: Arc<HashMap<u32, u32>>,
    key_segment: Arc<HashMap<u32, u32>>,
    key_name: Arc<HashMap<u32, u32>>,
    subs: SubFacts,
    licenses: LicenseFacts,
    /// Some row feeds the subscription or license facts (an Azure usage row, a row with a
    /// subscription id or a license product).
    row_facts: bool,
}

impl Base {
    /// Some row feeds the subscription or license facts.
    pub fn row_facts(&self) -> bool {
        self.row_facts
    }

    /// Pass 1 over every row: names, and each key's market and segment from its latest
    /// counting row that has the column (so rows of files without it can still be filtered by
    /// them).
    pub fn build(store: &Store) -> Base {
        let Some(first) = store.month.iter().min().copied() else {
            return Base::default();
        };
        let last = store.month.iter().max().copied().unwrap_or(first);
        let n = (last.0 - first.0 + 1) as usize;
        let mut b = Base {
            window: Some((first, last)),
            status_covered: vec![false; n],
            usage_covered: vec![false; n],
            subs: SubFacts::new(n),
            licenses: LicenseFacts::new(n),
            ..Default::default()
        };
        // Per key (dictionary ids are dense): the month its name, market and segment were
        // taken from, and the value; a later month or a later row of the same month wins.
        let ids = store.strings.len();
        let mut latest: [Vec<(Month, u32)>; 3] =
            std::array::from_fn(|_| vec![(Month(i32::MIN), NONE); ids]);
        let newer = |slot: Option<&mut (Month, u32)>, m: Month, v: u32| {
            if let Some(slot) = slot {
                if m >= slot.0 {
                    *slot = (m, v);
                }
            }
        };
        for row in 0..store.len() {
            let m = store.month[row];
            let i = (m.0 - first.0) as usize;
            let kind = store.kind[row];
            if kind.is_status() {
                b.status_covered[i] = true;
                b.has_status_report = true;
            }
            if kind.is_usage() {
                b.usage_covered[i] = true;
            }
            b.subs.note_loaded(store, row, i);
            b.licenses.note_loaded(store, row, i);
            b.row_facts |= kind == Kind::AzureUsage
                || store.subscription[row] != NONE
                || store.license_product[row] != NONE;
            let key = store.key[row];
            if key == NONE {
                continue;
            }
            let name = store.name[row];
            if name != NONE {
                newer(latest[0].get_mut(key as usize), m, name);
            }
            if !store.counts(row) {
                continue;
            }
            let market = store.dims[Dim::Market.index()][row];
            if market != NONE {
                newer(latest[1].get_mut(key as usize), m, market);
            }
            let segment = store.dims[Dim::Segment.index()][row];
            if segment != NONE {
                newer(latest[2].get_mut(key as usize), m, segment);
            }
        }
        let [names, markets, segments] = latest.map(|per_key| {
            per_key
                .into_iter()
                .enumerate()
                .filter(|(_, (_, v))| *v != NONE)
                .map(|(k, (_, v))| (k as u32, v))
                .collect::<HashMap<u32, u32>>()
        });
        let [names, markets, segments] = [names, markets, segments].map(Arc::new);
        b.key_name = names;
        b.key_market = markets;
        b.key_segment = segments;
        b
    }
}

/// The counting rows (with a customer key) of each value of a filter dimension, built when a
/// filter first uses that dimension: a filter then visits only the rows of its selected values
/// (and those without the column, which are judged by their customer), not every row.
#[derive(Debug, Default)]
pub struct RowIndex {
    by_dim: HashMap<Dim, HashMap<u32, Vec<u32>>>,
    /// Per dimension, built on first use: each key's value as the filter judges its rows, when
    /// that is one value for all of a key's rows (see `key_values`).
    key_values: HashMap<Dim, Option<Vec<u32>>>,
    /// Per dimension, built on first use: each key's own value, when that is one value for
    /// all of a key's counting rows (see `own_values`).
    own_values: HashMap<Dim, Option<Arc<OwnValues>>>,
}

/// Per key id, the one value `value(row, key)` has on every counting row of the key that it
/// does not skip (`None`); `None` when some key's rows differ.
fn per_key_value(store: &Store, value: impl Fn(usize, u32) -> Option<u32>) -> Option<Vec<u32>> {
    // Dictionary ids are below the dictionary's length, far from these two.
    const UNSET: u32 = NONE - 1;
    let mut per_key = vec![UNSET; store.strings.len()];
    for row in 0..store.len() {
        let key = store.key[row];
        if key == NONE || !store.counts(row) {
            continue;
        }
        let Some(v) = value(row, key) else {
            continue;
        };
        let slot = per_key.get_mut(key as usize)?;
        if *slot == UNSET {
            *slot = v;
        } else if *slot != v {
            return None;
        }
    }
    Some(per_key)
}

impl RowIndex {
    /// The rows of each value of `d`, built on first use.
    fn of(&mut self, store: &Store, d: Dim) -> &HashMap<u32, Vec<u32>> {
        self.by_dim.entry(d).or_insert_with(|| {
            let mut m: HashMap<u32, Vec<u32>> = HashMap::default();
            for (row, v) in store.dims[d.index()].iter().enumerate() {
                if store.key[row] != NONE && store.counts(row) {
                    m.entry(*v).or_default().push(row as u32);
                }
            }
            m
        })
    }

    /// Builds the index of every filter dimension now (the worker does this right after a
    /// load, while the page draws, so that the first filter is as quick as the next).
    pub fn prepare(&mut self, store: &Store, base: &Base) {
        for d in [Dim::Market, Dim::Segment, Dim::Product, Dim::Attribution] {
            self.of(store, d);
            self.key_values(store, base, d);
        }
        self.own_values(store);
    }

    /// For dimension `d`: per key id, the value a filter judges each of the key's counting
    /// rows by (the row's own value, else its customer's — see `CompiledFilter::passes` —
    /// else none), when that is the same value for every such row of the key. A filter on `d`
    /// then keeps or drops whole customers. `None` when some key's rows differ (a customer
    /// that moved market, a product column: one customer, several products).
    fn key_values(&mut self, store: &Store, base: &Base, d: Dim) -> Option<&[u32]> {
        self.key_values
            .entry(d)
            .or_insert_with(|| {
                let customer = match d {
                    Dim::Market => Some(&base.key_market),
                    Dim::Segment => Some(&base.key_segment),
                    _ => None,
                };
                per_key_value(store, |row, key| {
                    Some(match store.dims[d.index()][row] {
                        NONE => customer.and_then(|c| c.get(&key)).copied().unwrap_or(NONE),
                        v => v,
                    })
                })
            })
            .as_deref()
    }

    /// For every dimension but SKU: per key id, the key's own value (`NONE` without the
    /// column), when every active counting row of a status report of the key — the rows the
    /// customer sets and pairs are made from — has that one value. The facts of a filter that
    /// reads rows then count such a dimension from their customer sets instead of collecting
    /// and sorting its `(value, key)` pairs (see `Facts::value_counts`).
    pub fn own_values(&mut self, store: &Store) -> Vec<Option<Arc<OwnValues>>> {
        Dim::ALL
            .iter()
            .map(|&d| {
                if d == Dim::Sku {
                    return None;
                }
                self.own_values
                    .entry(d)
                    .or_insert_with(|| {
                        per_key_value(store, |row, _| {
                            (store.kind[row].is_status() && store.state[row].is_active())
                                .then(|| store.dims[d.index()][row])
                        })
                        .and_then(OwnValues::new)
                        .map(Arc::new)
                    })
                    .clone()
            })
            .collect()
    }

    /// Per key id, whether the key's rows pass `filter`, when every filtered dimension keeps
    /// or drops whole customers (`key_values`); `None` otherwise, or without a filter.
    pub fn passing_keys(
        &mut self,
        store: &Store,
        base: &Base,
        filter: &CompiledFilter,
    ) -> Option<Vec<bool>> {
        if filter.dims().is_empty() {
            return None;
        }
        let ids = store.strings.len();
        let mut pass = vec![true; ids];
        let mut selected = vec![false; ids];
        for (d, set) in filter.dims() {
            let values = self.key_values(store, base, *d)?;
            selected.iter_mut().for_each(|s| *s = false);
            for v in set {
                if let Some(s) = selected.get_mut(*v as usize) {
                    *s = true;
                }
            }
            for (p, v) in pass.iter_mut().zip(values) {
                *p &= *v == NONE || selected.get(*v as usize).copied().unwrap_or(false);
            }
        }
        Some(pass)
    }

    /// Every counting row that can pass `filter`, ascending; `None` for no filter (every row).
    /// Of the filtered dimensions, the one with the fewest such rows is used.
    pub fn candidates(&mut self, store: &Store, filter: &CompiledFilter) -> Option<Vec<u32>> {
        // (rows, position in `filter.dims()`) of the smallest candidate set so far.
        let mut best: Option<(usize, usize)> = None;
        for (i, (d, set)) in filter.dims().iter().enumerate() {
            let index = self.of(store, *d);
            let size = |v: &u32| index.get(v).map_or(0, Vec::len);
            let n = set.iter().map(size).sum::<usize>() + size(&NONE);
            if best.is_none_or(|(b, _)| n < b) {
                best = Some((n, i));
            }
        }
        let (n, i) = best?;
        let (d, set) = &filter.dims()[i];
        let index = &self.by_dim[d];
        let mut rows = Vec::with_capacity(n);
        // The selected values' rows, and the rows without the column (judged by their customer).
        for v in set.iter().chain(std::iter::once(&NONE)) {
            if let Some(r) = index.get(v) {
                rows.extend_from_slice(r);
            }
        }
        rows.sort_unstable();
        Some(rows)
    }
}

/// The items of `from` whose key passes (`pass` per key id), in order.
fn kept<T: Copy>(from: &[T], key: impl Fn(&T) -> u32, pass: &[bool]) -> Vec<T> {
    let passes = |x: &&T| pass.get(key(x) as usize).copied().unwrap_or(false);
    // Counted first (no branch per item), so the result is allocated once, at its size.
    let mut out = Vec::with_capacity(from.iter().map(|x| passes(&x) as usize).sum());
    out.extend(from.iter().filter(passes).copied());
    out
}

/// Pushes `v` unless it equals the last value pushed (rows of one customer and month are
/// usually adjacent, so most repeats never reach the sort).
fn push_new<T: PartialEq + Copy>(into: &mut Vec<T>, v: T) {
    if into.last() != Some(&v) {
        into.push(v);
    }
}

impl Facts {
    /// The facts of the rows that pass `filter` (coverage and the window use every row).
    pub fn build(store: &Store, filter: &CompiledFilter) -> Facts {
        Facts::build_on(store, &Base::build(store), filter, None, None, None)
    }

    /// As `build`, reusing the filter-independent `base` of the same store. `rows`, when given,
    /// holds (ascending) every counting row that can pass `filter` (see `RowIndex`): only those
    /// are visited, instead of every row. `restrict`, when given, holds the unfiltered facts of
    /// the same store and, per key id, whether the key passes `filter` — for a filter that
    /// keeps or drops whole customers (`RowIndex::passing_keys`): the customer sets are then
    /// those of the unfiltered facts with the keys that pass, already sorted, and only the
    /// subscription and license facts are built from rows.
    pub fn build_on(
        store: &Store,
        base: &Base,
        filter: &CompiledFilter,
        rows: Option<&[u32]>,
        restrict: Option<(&Facts, Vec<bool>)>,
        own: Option<&[Option<Arc<OwnValues>>]>,
    ) -> Facts {
        if base.window.is_none() {
            return Facts::default();
        }
        let n = base.status_covered.len();
        let mut f = Facts {
            window: base.window,
            has_status_report: base.has_status_report,
            status_covered: base.status_covered.clone(),
            usage_covered: base.usage_covered.clone(),
            current: vec![Vec::new(); n],
            using: vec![Vec::new(); n],
            pairs: Arc::new(vec![vec![Vec::new(); Dim::ALL.len()]; n]),
            keep: None,
            own: own.map(<[_]>::to_vec).unwrap_or_default(),
            skus: Arc::new(vec![Vec::new(); n]),
            skus_kept: (0..n).map(|_| OnceCell::new()).collect(),
            key_market: base.key_market.clone(),
            key_name: base.key_name.clone(),
            subs: base.subs.clone(),
            licenses: base.licenses.clone(),
            value_counts: (0..n)
                .map(|_| Dim::ALL.iter().map(|_| OnceCell::new()).collect())
                .collect(),
            changes: OnceCell::new(),
        };
        let key_segment = &base.key_segment;
        debug_assert!(restrict
            .as_ref()
            .is_none_or(|(all, _)| all.window == base.window));
        // Pass 2: the counting rows that pass the filter (for the customer sets unless they
        // are restricted from the unfiltered ones).
        let sets = restrict.is_none();
        if sets || base.row_facts {
            match rows {
                Some(rows) => f.add_rows(
                    store,
                    key_segment,
                    filter,
                    rows.iter().map(|r| *r as usize),
                    sets,
                    base.row_facts,
                ),
                None => f.add_rows(
                    store,
                    key_segment,
                    filter,
                    0..store.len(),
                    sets,
                    base.row_facts,
                ),
            }
        }
        f.subs.finish();
        match restrict {
            Some((all, pass)) => {
                for i in 0..n {
                    f.current[i] = kept(&all.current[i], |k| *k, &pass);
                    f.using[i] = kept(&all.using[i], |k| *k, &pass);
                }
                // The pairs are counted when a metric asks (`value_counts`).
                f.pairs = all.pairs.clone();
                f.skus = all.skus.clone();
                f.keep = Some(Arc::new(pass));
            }
            None => {
                for i in 0..n {
                    sort_dedup(&mut f.current[i]);
                    sort_dedup(&mut f.using[i]);
                    if let Some(pairs) = Arc::get_mut(&mut f.pairs) {
                        pairs[i].iter_mut().for_each(sort_dedup);
                    }
                }
            }
        }
        f
    }

    fn add_rows(
        &mut self,
        store: &Store,
        key_segment: &HashMap<u32, u32>,
        filter: &CompiledFilter,
        rows: impl Iterator<Item = usize>,
        sets: bool,
        // Some row of the store feeds the subscription or license facts (`Base::row_facts`).
        row_facts: bool,
    ) {
        let Some((first, _)) = self.window else {
            return;
        };
        // The dimensions whose `(value, key)` pairs are collected: not the SKU (collected with
        // its product) nor those counted from the customer sets (`own`).
        let pair_dims: Vec<(usize, &[u32])> = Dim::ALL
            .iter()
            .filter(|d| **d != Dim::Sku && self.own.get(d.index()).is_none_or(Option::is_none))
            .map(|d| (d.index(), &store.dims[d.index()][..]))
            .collect();
        // The pairs and SKUs being collected (facts being built own them).
        let mut collect = if sets {
            Arc::get_mut(&mut self.pairs).zip(Arc::get_mut(&mut self.skus))
        } else {
            None
        };
        for row in rows {
            let key = store.key[row];
            if key == NONE || !store.counts(row) {
                continue;
            }
            let i = (store.month[row].0 - first.0) as usize;
            let kind = store.kind[row];
            let customer_attr = |d: Dim| match d {
                Dim::Market => self.key_market.get(&key).copied(),
                Dim::Segment => key_segment.get(&key).copied(),
                _ => None,
            };
            if !filter.passes(store, row, customer_attr) {
                continue;
            }
            if row_facts {
                self.subs.add(store, row, i, store.month[row]);
                self.licenses.add(store, row, i);
            }
            let Some((pairs, skus)) = collect.as_mut() else {
                continue;
            };
            if store.has_usage[row] {
                push_new(&mut self.using[i], key);
            }
            if kind.is_status() && store.state[row].is_active() {
                push_new(&mut self.current[i], key);
                for &(d, values) in &pair_dims {
                    let v = values[row];
                    if v != NONE {
                        push_new(&mut pairs[i][d], (v, key));
                    }
                }
                let sku = store.dims[Dim::Sku.index()][row];
                let product = store.dims[Dim::Product.index()][row];
                if sku != NONE && product != NONE && kind != Kind::AzureUsage {
                    skus[i].push((product, sku, key));
                }
            }
        }
    }

    /// The values of `dim` among the active keys of window month `i`, each with its number of
    /// keys, in value order (runs of `pairs[i][dim]`, which is sorted by value then key).
    pub fn value_counts(&self, i: usize, dim: Dim) -> &[(u32, u64)] {
        let Some(cell) = self.value_counts.get(i).and_then(|c| c.get(dim.index())) else {
            return &[];
        };
        cell.get_or_init(|| {
            if let Some(Some(own)) = self.own.get(dim.index()) {
                // One value per key: each active key counts once, for its value.
                return own.count(&self.current[i]);
            }
            let pairs = self.pairs.get(i).map_or(&[][..], |p| &p[dim.index()]);
            match &self.keep {
                None => count_runs(pairs.iter().map(|(v, _)| *v)),
                // Each value's run, counting its keys that pass (no branch per key).
                Some(keep) => pairs
                    .chunk_by(|a, b| a.0 == b.0)
                    .map(|run| {
                        let n = run
                            .iter()
                            .map(|(_, k)| keep.get(*k as usize).copied().unwrap_or(false) as u64)
                            .sum::<u64>();
                        (run[0].0, n)
                    })
                    .filter(|(_, n)| *n > 0)
                    .collect(),
            }
        })
    }

    /// For window month `i`: the keys of `C(m)` not in `C(m-1)`, and those of `C(m-1)` not in
    /// `C(m)` (both 0 in the first month). Counted once per facts.
    pub fn changes(&self, i: usize) -> (u64, u64) {
        let all = self.changes.get_or_init(|| {
            (0..self.current.len())
                .map(|i| match i.checked_sub(1) {
                    None => (0, 0),
                    Some(p) => {
                        let (c, p) = (&self.current[i], &self.current[p]);
                        (count_difference(c, p), count_difference(p, c))
                    }
                })
                .collect()
        });
        all.get(i).copied().unwrap_or((0, 0))
    }

    /// Window month `i`'s sorted distinct `(product, sku, key)` of active counting rows of
    /// status reports with a SKU column (not Azure usage).
    pub fn skus(&self, i: usize) -> &[(u32, u32, u32)] {
        let all = self.skus.get(i).map_or(&[][..], Vec::as_slice);
        let Some(cell) = self.skus_kept.get(i) else {
            return &[];
        };
        cell.get_or_init(|| {
            let mut v = match &self.keep {
                Some(keep) => kept(all, |s| s.2, keep),
                None => all.to_vec(),
            };
            sort_dedup(&mut v);
            v
        })
    }

    /// The dimensions counted from the customer sets (one value per customer), not from pairs.
    pub fn counted_per_customer(&self) -> Vec<Dim> {
        Dim::ALL
            .into_iter()
            .filter(|d| self.own.get(d.index()).is_some_and(Option::is_some))
            .collect()
    }

    /// Made from the unfiltered facts, for a filter that keeps or drops whole customers.
    pub fn restricted(&self) -> bool {
        self.keep.is_some()
    }

    /// Index of `m` in the window, if inside it.
    pub fn index(&self, m: Month) -> Option<usize> {
        let (first, last) = self.window?;
        (m >= first && m <= last).then(|| (m.0 - first.0) as usize)
    }
    /// Covered by a status report (a month outside the window is not).
    pub fn covered(&self, m: Month) -> bool {
        self.index(m).is_some_and(|i| self.status_covered[i])
    }
    pub fn months(&self) -> Vec<Month> {
        match self.window {
            Some((a, b)) => Month::span(a, b).collect(),
            None => Vec::new(),
        }
    }
}

/// A dimension's one value per key (`RowIndex::own_values`), each value numbered: the keys of
/// a customer set are counted per value in an array, with no search or sort.
#[derive(Debug)]
pub struct OwnValues {
    /// Per key id: the index of its value in `values`, `u16::MAX` for none (`NONE`).
    slot: Vec<u16>,
    /// The distinct values, in id order.
    values: Vec<u32>,
}

impl OwnValues {
    /// From each key's value (`NONE` for none); `None` past 65,535 distinct values.
    fn new(per_key: Vec<u32>) -> Option<OwnValues> {
        let mut values: Vec<u32> = per_key.iter().copied().filter(|v| *v != NONE).collect();
        sort_dedup(&mut values);
        if values.len() >= usize::from(u16::MAX) {
            return None;
        }
        let slot = per_key
            .iter()
            .map(|v| match values.binary_search(v) {
                Ok(j) => j as u16,
                Err(_) => u16::MAX,
            })
            .collect();
        Some(OwnValues { slot, values })
    }

    /// Each value of the `keys` with its number of keys, in value order (keys without a value
    /// left out).
    fn count(&self, keys: &[u32]) -> ValueCounts {
        let mut n = vec![0u64; self.values.len()];
        for k in keys {
            if let Some(j) = self.slot.get(*k as usize).filter(|j| **j != u16::MAX) {
                n[usize::from(*j)] += 1;
            }
        }
        self.values
            .iter()
            .zip(n)
            .filter(|(_, n)| *n > 0)
            .map(|(v, n)| (*v, n))
            .collect()
    }
}

/// Each id of a sorted sequence with the length of its run: `1 1 4` gives `(1, 2), (4, 1)`.
pub fn count_runs(ids: impl Iterator<Item = u32>) -> ValueCounts {
    let mut counts: ValueCounts = Vec::new();
    for v in ids {
        match counts.last_mut() {
            Some((last, n)) if *last == v => *n += 1,
            _ => counts.push((v, 1)),
        }
    }
    counts
}

/// The ids of `a` not in `b`, for sorted sets, in one pass over both.
fn difference_of<'a>(a: &'a [u32], b: &'a [u32]) -> impl Iterator<Item = u32> + 'a {
    let (mut i, mut j) = (0, 0);
    std::iter::from_fn(move || {
        while i < a.len() {
            if j >= b.len() || a[i] < b[j] {
                i += 1;
                return Some(a[i - 1]);
            } else if a[i] == b[j] {
                i += 1;
                j += 1;
            } else {
                j += 1;
            }
        }
        None
    })
}

/// `|a \ b|` for sorted sets.
pub fn count_difference(a: &[u32], b: &[u32]) -> u64 {
    difference_of(a, b).count() as u64
}

/// `a \ b` for sorted sets.
pub fn difference(a: &[u32], b: &[u32]) -> Vec<u32> {
    difference_of(a, b).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn set_difference() {
        assert_eq!(count_difference(&[1, 2, 3, 5], &[2, 4, 5]), 2);
        assert_eq!(count_difference(&[], &[1]), 0);
        assert_eq!(difference(&[1, 2, 3], &[2]), vec![1, 3]);
        assert_eq!(difference(&[1, 4, 6, 9], &[0, 4, 5, 9, 12]), vec![1, 6]);
        assert_eq!(difference(&[], &[1]), Vec::<u32>::new());
        assert_eq!(difference(&[2, 3], &[]), vec![2, 3]);
        assert_eq!(count_runs([1, 1, 4].into_iter()), vec![(1, 2), (4, 1)]);
        assert_eq!(count_runs(std::iter::empty()), vec![]);
    }

    #[test]
    fn own_values_counted_per_key() {
        // Keys 0..6: values 7, none, 3, 7, 1, 40 (key 6 beyond the table: none).
        let own = OwnValues::new(vec![7, NONE, 3, 7, 1, 40]).unwrap();
        assert_eq!(own.count(&[0, 1, 2, 3, 4, 6]), vec![(1, 1), (3, 1), (7, 2)]);
        assert_eq!(own.count(&[5, 5]), vec![(40, 2)]);
        assert_eq!(own.count(&[]), vec![]);
        // Many values, in any key order: each counted once per key, in value order.
        let many: Vec<u32> = (0..300).map(|k| (k * 7919) % 1000).collect();
        let own = OwnValues::new(many.clone()).unwrap();
        let keys: Vec<u32> = (0..300).rev().collect();
        let counted = own.count(&keys);
        assert_eq!(counted.len(), 300);
        assert!(counted.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(counted.iter().all(|(v, n)| *n == 1 && many.contains(v)));
    }
}
