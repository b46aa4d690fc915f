//! Portfolio totals per product and workload (metrics.md §4 "Portfolio totals").

use super::license_rows::{percentages, CustomerLicense};
use crate::license_facts::LicenseSums;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct LicenseTotal {
    pub product: String,
    pub workload: Option<String>,
    pub sold: Option<f64>,
    pub assigned: Option<f64>,
    pub active: Option<f64>,
    /// The percentages of the sums, not the mean of the customers' percentages.
    pub deployment_pct: Option<f64>,
    pub usage_pct: Option<f64>,
}

/// Sums over customers of each product × workload, by product then workload (none first).
pub fn portfolio_totals(rows: &[CustomerLicense]) -> Vec<LicenseTotal> {
    let mut groups: BTreeMap<(String, Option<String>), LicenseSums> = BTreeMap::new();
    for r in rows {
        groups
            .entry((r.product.clone(), r.workload.clone()))
            .or_default()
            .add(&LicenseSums {
                sold: r.sold,
                assigned: r.assigned,
                active: r.active,
            });
    }
    groups
        .into_iter()
        .map(|((product, workload), s)| {
            let (deployment_pct, usage_pct) = percentages(&s);
            LicenseTotal {
                product,
                workload,
                sold: s.sold,
                assigned: s.assigned,
                active: s.active,
                deployment_pct,
                usage_pct,
            }
        })
        .collect()
}
