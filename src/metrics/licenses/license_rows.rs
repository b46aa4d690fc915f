//! The as-of month and the per-customer license rows (metrics.md §4).

use crate::facts::Facts;
use crate::license_facts::LicenseSums;
use crate::metrics::azure::usage_customers::{key_name, key_text};
use crate::metrics::percent::pct;
use crate::metrics::range::Range;
use crate::month::Month;
use crate::store::{Store, NONE};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct CustomerLicense {
    pub customer_key: String,
    pub customer: String,
    pub product: String,
    /// Null where the report has no workload column.
    pub workload: Option<String>,
    pub sold: Option<f64>,
    pub assigned: Option<f64>,
    pub active: Option<f64>,
    /// `assigned / sold × 100`; null where `sold` is missing or 0.
    pub deployment_pct: Option<f64>,
    /// `active / assigned × 100`; null where `assigned` is missing or 0.
    pub usage_pct: Option<f64>,
}

impl CustomerLicense {
    /// A percentage above 100 (kept, and flagged with the documented reasons).
    pub fn above_100(&self) -> bool {
        self.deployment_pct.is_some_and(|v| v > 100.0) || self.usage_pct.is_some_and(|v| v > 100.0)
    }
}

pub fn percentages(s: &LicenseSums) -> (Option<f64>, Option<f64>) {
    (pct(s.assigned, s.sold), pct(s.active, s.assigned))
}

/// The latest month `≤ b` covered by a license source.
pub fn as_of(facts: &Facts, range: Range) -> Option<Month> {
    let months = facts.months();
    months
        .iter()
        .rev()
        .copied()
        .filter(|m| *m <= range.to)
        .find(|m| facts.index(*m).is_some_and(|i| facts.licenses.covered[i]))
}

/// One row per customer key × product × workload at `as_of`, by customer, product, workload.
pub fn license_rows(store: &Store, facts: &Facts, as_of: Month) -> Vec<CustomerLicense> {
    let Some(i) = facts.index(as_of) else {
        return Vec::new();
    };
    let mut rows: Vec<CustomerLicense> = facts.licenses.rows[i]
        .iter()
        .map(|((key, product, workload), s)| {
            let (deployment_pct, usage_pct) = percentages(s);
            CustomerLicense {
                customer_key: key_text(store, *key),
                customer: key_name(store, facts, *key),
                product: store.strings.get(*product).to_string(),
                workload: (*workload != NONE).then(|| store.strings.get(*workload).to_string()),
                sold: s.sold,
                assigned: s.assigned,
                active: s.active,
                deployment_pct,
                usage_pct,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        a.customer
            .cmp(&b.customer)
            .then_with(|| a.customer_key.cmp(&b.customer_key))
            .then_with(|| a.product.cmp(&b.product))
            .then_with(|| a.workload.cmp(&b.workload))
    });
    rows
}
