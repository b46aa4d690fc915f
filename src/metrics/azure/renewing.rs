//! Subscriptions renewing in the next 30 days (metrics.md §3 "Renewing in 30 days").

use super::usage_customers::key_name;
use crate::facts::Facts;
use crate::metrics::range::Range;
use crate::store::Store;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Renewing {
    pub subscription_id: String,
    pub customer: String,
    pub product: String,
    pub end_date: String,
}

/// As of the last day of `b`: active at `b`, auto-renew on, and an end date (its latest in `b`)
/// from that day to 30 days after it. Soonest first.
pub fn renewing_in_30_days(
    store: &Store,
    facts: &Facts,
    range: Range,
    keep: impl Fn(u32) -> bool,
) -> Vec<Renewing> {
    let Some(b) = facts.index(range.to) else {
        return Vec::new();
    };
    let s = &facts.subs;
    let last = range.to.last_day();
    let mut out: Vec<(i32, Renewing)> = s.active[b]
        .iter()
        .copied()
        .filter(|x| keep(*x))
        .filter_map(|sub| {
            let info = s.info.get(&sub)?;
            let end = *s.end[b].get(&sub)?;
            (info.auto_renew == 1 && end >= last && end <= last + 30).then(|| {
                let date = chrono::NaiveDate::from_num_days_from_ce_opt(end + 719_163)
                    .map(|d| d.to_string())
                    .unwrap_or_default();
                (
                    end,
                    Renewing {
                        subscription_id: store.strings.get(sub).to_string(),
                        customer: key_name(store, facts, info.key),
                        product: store.strings.get(info.product).to_string(),
                        end_date: date,
                    },
                )
            })
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.customer.cmp(&b.1.customer)));
    out.into_iter().map(|(_, r)| r).collect()
}
