//! Top five customers by Azure consumed revenue, usage quantity and active Azure subscriptions
//! (metrics.md §3 `top_customers`).

use super::usage_customers::{key_name, key_text};
use crate::facts::Facts;
use crate::metrics::range::Range;
use crate::store::Store;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct TopCustomer {
    pub customer_key: String,
    pub customer: String,
    pub value: f64,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct TopCustomers {
    /// Summed ACR (USD) over the range; null when no loaded Azure usage report has ACR (only
    /// executive report viewers' downloads do).
    pub acr: Option<Vec<TopCustomer>>,
    /// Summed `UsageQuantity` over the range; null when no Azure usage report is loaded.
    pub usage: Option<Vec<TopCustomer>>,
    /// `|S(b)|` of Azure subscriptions per key.
    pub subscriptions: Vec<TopCustomer>,
}

fn top5(store: &Store, facts: &Facts, values: HashMap<u32, f64>) -> Vec<TopCustomer> {
    let mut v: Vec<TopCustomer> = values
        .into_iter()
        .map(|(k, value)| TopCustomer {
            customer_key: key_text(store, k),
            customer: key_name(store, facts, k),
            value,
        })
        .collect();
    v.sort_by(|a, b| {
        b.value
            .total_cmp(&a.value)
            .then_with(|| a.customer.cmp(&b.customer))
            .then_with(|| a.customer_key.cmp(&b.customer_key))
    });
    v.truncate(5);
    v
}

pub fn top_customers(store: &Store, facts: &Facts, range: Range) -> TopCustomers {
    let s = &facts.subs;
    let mut acr: HashMap<u32, f64> = HashMap::default();
    let mut usage: HashMap<u32, f64> = HashMap::default();
    for i in range.months().filter_map(|m| facts.index(m)) {
        for (k, u) in &s.key_usage[i] {
            *acr.entry(*k).or_default() += u.acr;
            *usage.entry(*k).or_default() += u.quantity;
        }
    }
    let mut subs: HashMap<u32, f64> = HashMap::default();
    if let Some(b) = facts.index(range.to) {
        for sub in s.active_in(b, true) {
            if let Some(info) = s.info.get(&sub) {
                *subs.entry(info.key).or_default() += 1.0;
            }
        }
    }
    TopCustomers {
        acr: s.acr_known.then(|| top5(store, facts, acr)),
        usage: s.azure_usage_loaded.then(|| top5(store, facts, usage)),
        subscriptions: top5(store, facts, subs),
    }
}
