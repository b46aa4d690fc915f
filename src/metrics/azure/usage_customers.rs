//! Customers with and without Azure usage, and subscriptions without usage (metrics.md §3).

use crate::facts::Facts;
use crate::metrics::range::Range;
use crate::store::Store;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SubscriptionWithoutUsage {
    pub subscription_id: String,
    pub customer_key: String,
    pub customer: String,
    /// Months of the range in which the subscription was active.
    pub months_active: u64,
}

pub struct UsageCustomers {
    /// Keys with Azure usage above 0 in some month of the range.
    pub with_usage: u64,
    /// Keys with an active Azure subscription in the range and no Azure usage above 0 in it.
    pub without_usage: u64,
    /// Azure subscriptions active in the range with no usage above 0 in it: most months
    /// active first, then customer and id.
    pub subscriptions_without_usage: Vec<SubscriptionWithoutUsage>,
}

/// The key as shown: the tenant id, TPID or name without the engine's prefix.
pub fn key_text(store: &Store, key: u32) -> String {
    let k = store.strings.get(key);
    k.get(2..).unwrap_or(k).to_string()
}

/// A key's display name: its latest name, else the key itself.
pub fn key_name(store: &Store, facts: &Facts, key: u32) -> String {
    facts
        .key_name
        .get(&key)
        .map(|n| store.strings.get(*n).to_string())
        .unwrap_or_else(|| key_text(store, key))
}

/// `None` when no Azure usage report is loaded (the fields are null then).
pub fn usage_customers(store: &Store, facts: &Facts, range: Range) -> Option<UsageCustomers> {
    let s = &facts.subs;
    if !s.azure_usage_loaded {
        return None;
    }
    let months: Vec<usize> = range.months().filter_map(|m| facts.index(m)).collect();
    let users: HashSet<u32> = months
        .iter()
        .flat_map(|i| {
            s.key_usage[*i]
                .iter()
                .filter(|(_, u)| u.positive)
                .map(|(k, _)| *k)
        })
        .collect();
    let mut active_months: HashMap<u32, u64> = HashMap::default();
    for i in &months {
        for sub in s.active_in(*i, true) {
            *active_months.entry(sub).or_default() += 1;
        }
    }
    let used_subs: HashSet<u32> = months
        .iter()
        .flat_map(|i| {
            s.sub_usage[*i]
                .iter()
                .filter(|(_, u)| u.positive)
                .map(|(k, _)| *k)
        })
        .collect();
    let with_subs: HashSet<u32> = active_months
        .keys()
        .filter_map(|sub| s.info.get(sub).map(|i| i.key))
        .collect();
    let mut list: Vec<SubscriptionWithoutUsage> = active_months
        .iter()
        .filter(|(sub, _)| !used_subs.contains(sub))
        .filter_map(|(sub, n)| {
            let key = s.info.get(sub)?.key;
            Some(SubscriptionWithoutUsage {
                subscription_id: store.strings.get(*sub).to_string(),
                customer_key: key_text(store, key),
                customer: key_name(store, facts, key),
                months_active: *n,
            })
        })
        .collect();
    list.sort_by(|a, b| {
        b.months_active
            .cmp(&a.months_active)
            .then_with(|| a.customer.cmp(&b.customer))
            .then_with(|| a.subscription_id.cmp(&b.subscription_id))
    });
    Some(UsageCustomers {
        with_usage: users.len() as u64,
        without_usage: with_subs.difference(&users).count() as u64,
        subscriptions_without_usage: list,
    })
}
