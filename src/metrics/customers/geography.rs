//! Geographic spread per market (metrics.md §2 "Geography").

use super::distribution::distribution;
use crate::facts::{difference, Facts};
use crate::metrics::percent::pct;
use crate::metrics::range::Range;
use crate::store::{Dim, Store};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct MarketRow {
    pub market: String,
    /// Current customers at `b` with a row of this market (as in the market distribution).
    pub customers: u64,
    /// Keys of `U(b)` whose market (from their latest row) is this one; null when no usage
    /// report covers `b`.
    pub active: Option<u64>,
    /// Keys in some `C(m) \ C(p)` of the range whose market is this one.
    pub added: u64,
    pub customers_share_pct: Option<f64>,
    pub active_share_pct: Option<f64>,
    pub added_share_pct: Option<f64>,
}

/// One row per market value seen in any of the three figures, sorted by customers
/// descending, then market ascending. Shares are of each column's total.
pub fn geography(store: &Store, facts: &Facts, range: Range) -> Vec<MarketRow> {
    let b = range.to;
    let mut customers: BTreeMap<String, u64> = BTreeMap::new();
    for vc in distribution(store, facts, b, Dim::Market) {
        customers.insert(vc.value, vc.customers);
    }
    // Counted by market id, labelled once at the end (ids and labels are one to one).
    let count_markets = |keys: &mut dyn Iterator<Item = &u32>| {
        let mut by_id: BTreeMap<u32, u64> = BTreeMap::new();
        for k in keys {
            if let Some(m) = facts.key_market.get(k) {
                *by_id.entry(*m).or_default() += 1;
            }
        }
        let mut by_name: BTreeMap<String, u64> = BTreeMap::new();
        for (m, n) in by_id {
            *by_name.entry(store.strings.get(m).to_string()).or_default() += n;
        }
        by_name
    };
    let usage_known = facts
        .index(b)
        .is_some_and(|i| facts.usage_covered[i] && facts.status_covered[i]);
    let active = match facts.index(b) {
        Some(i) => count_markets(&mut facts.using[i].iter()),
        None => BTreeMap::new(),
    };
    let mut added_keys: Vec<u32> = Vec::new();
    for m in range.months() {
        let (Some(i), true) = (facts.index(m), facts.covered(m) && facts.covered(m.prev())) else {
            continue;
        };
        added_keys.extend(difference(&facts.current[i], &facts.current[i - 1]));
    }
    radsort::sort(&mut added_keys);
    added_keys.dedup();
    let added = count_markets(&mut added_keys.iter());
    let markets: BTreeSet<&String> = customers
        .keys()
        .chain(active.keys())
        .chain(added.keys())
        .collect();
    let total = |m: &BTreeMap<String, u64>| m.values().sum::<u64>() as f64;
    let (tc, ta, td) = (total(&customers), total(&active), total(&added));
    let mut rows: Vec<MarketRow> = markets
        .into_iter()
        .map(|market| {
            let c = customers.get(market).copied().unwrap_or(0);
            let a = usage_known.then(|| active.get(market).copied().unwrap_or(0));
            let d = added.get(market).copied().unwrap_or(0);
            MarketRow {
                market: market.clone(),
                customers: c,
                active: a,
                added: d,
                customers_share_pct: pct(Some(c as f64), Some(tc)),
                active_share_pct: pct(a.map(|a| a as f64), usage_known.then_some(ta)),
                added_share_pct: pct(Some(d as f64), Some(td)),
            }
        })
        .collect();
    rows.sort_by(|x, y| {
        y.customers
            .cmp(&x.customers)
            .then_with(|| x.market.cmp(&y.market))
    });
    rows
}
