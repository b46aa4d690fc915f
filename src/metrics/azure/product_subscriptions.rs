//! The subscription views for every product, when a subscriptions report is loaded
//! (Azure issue, item 6): active, new, churned and renewed per month, and renewing soon.

use super::renewing::{renewing_in_30_days, Renewing};
use super::subscription_series::{subscription_series, SubscriptionMonth};
use crate::facts::Facts;
use crate::metrics::range::Range;
use crate::store::{Store, NONE};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The selector's entry for every product together.
pub const ALL_PRODUCTS: &str = "All products";

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ProductSubscriptions {
    /// `All products`, then each product, by name.
    pub products: Vec<String>,
    pub monthly: BTreeMap<String, Vec<SubscriptionMonth>>,
    pub renewing_30_days: BTreeMap<String, Vec<Renewing>>,
}

pub fn product_subscriptions(
    store: &Store,
    facts: &Facts,
    range: Range,
) -> Option<ProductSubscriptions> {
    let s = &facts.subs;
    if !s.subscriptions_loaded {
        return None;
    }
    let mut ids: Vec<u32> = s
        .info
        .values()
        .map(|i| i.product)
        .filter(|p| *p != NONE)
        .collect();
    ids.sort_by(|a, b| store.strings.get(*a).cmp(store.strings.get(*b)));
    ids.dedup();
    let mut products = vec![ALL_PRODUCTS.to_string()];
    let (mut monthly, mut renewing) = (BTreeMap::new(), BTreeMap::new());
    monthly.insert(
        ALL_PRODUCTS.to_string(),
        subscription_series(facts, |_| true),
    );
    renewing.insert(
        ALL_PRODUCTS.to_string(),
        renewing_in_30_days(store, facts, range, |_| true),
    );
    for p in ids {
        let name = store.strings.get(p).to_string();
        let keep = |sub: u32| s.info.get(&sub).is_some_and(|i| i.product == p);
        monthly.insert(name.clone(), subscription_series(facts, keep));
        renewing.insert(name.clone(), renewing_in_30_days(store, facts, range, keep));
        products.push(name);
    }
    Some(ProductSubscriptions {
        products,
        monthly,
        renewing_30_days: renewing,
    })
}
