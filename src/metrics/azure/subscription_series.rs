//! Active, new, deprovisioned and renewed subscriptions per month (metrics.md §3, §6 "Renewed").

use crate::facts::{count_difference, Facts};
use crate::month::Month;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct SubscriptionMonth {
    pub month: Month,
    /// `|S(m)|`.
    pub active_subscriptions: Option<u64>,
    /// `|S(m) \ S(p)|`; null in the window's first month and after a missing month.
    pub new_subscriptions: Option<u64>,
    /// `|S(p) \ S(m)|` (deprovisioned, suspended or gone); null where `new` is.
    pub deprovisioned_subscriptions: Option<u64>,
    /// Active in `p` and `m` with a later end date in `m` than in `p`, or a JSON
    /// `lastRenewalDate` in `m`; null where `new` is.
    pub renewed_subscriptions: Option<u64>,
}

/// Every month of the window for the subscriptions `keep` selects. A missing month (no status
/// report covers it) has every field null.
pub fn subscription_series(facts: &Facts, keep: impl Fn(u32) -> bool) -> Vec<SubscriptionMonth> {
    let s = &facts.subs;
    let active: Vec<Vec<u32>> = (0..facts.status_covered.len())
        .map(|i| s.active[i].iter().copied().filter(|x| keep(*x)).collect())
        .collect();
    facts
        .months()
        .into_iter()
        .enumerate()
        .map(|(i, month)| {
            let none = SubscriptionMonth { month, active_subscriptions: None, new_subscriptions: None, deprovisioned_subscriptions: None, renewed_subscriptions: None };
            if !facts.status_covered[i] {
                return none;
            }
            let now = &active[i];
            let count = Some(now.len() as u64);
            if i == 0 || !facts.status_covered[i - 1] {
                return SubscriptionMonth { active_subscriptions: count, ..none };
            }
            let before = &active[i - 1];
            let renewed = now
                .iter()
                .filter(|sub| {
                    let by_date = before.binary_search(sub).is_ok()
                        && matches!((s.end[i].get(sub), s.end[i - 1].get(sub)), (Some(e), Some(p)) if e > p);
                    by_date || s.info.get(sub).is_some_and(|inf| inf.renewals.contains(&month))
                })
                .count() as u64;
            SubscriptionMonth {
                month,
                active_subscriptions: count,
                new_subscriptions: Some(count_difference(now, before)),
                deprovisioned_subscriptions: Some(count_difference(before, now)),
                renewed_subscriptions: Some(renewed),
            }
        })
        .collect()
}
