//! Customers churned and the churn rate (metrics.md §2 "KPI cards", §6 "Churn rate").

use super::monthly_series::Series;
use crate::metrics::percent::pct;
use crate::metrics::range::Range;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct CustomersChurned {
    /// `Σ churned(m)` over `[a, b]`, nulls skipped; null if every term is null.
    pub value: Option<u64>,
    /// `value / customers(a − 1) × 100`, or `/ customers(a)` when `a − 1` is outside the
    /// window or missing; null when the denominator is 0 or null.
    pub churn_rate_pct: Option<f64>,
    /// `churned(m)` over `[a, b]`.
    pub spark: Vec<Option<u64>>,
}

pub fn customers_churned(series: &Series, range: Range) -> CustomersChurned {
    let value = series.sum(range.months(), |m| m.churned);
    let before = series.value(range.from.prev(), |m| m.customers);
    let base = match before {
        Some(c) => Some(c),
        None => series.value(range.from, |m| m.customers),
    };
    CustomersChurned {
        value,
        churn_rate_pct: pct(value.map(|v| v as f64), base.map(|b| b as f64)),
        spark: range
            .months()
            .map(|m| series.value(m, |r| r.churned))
            .collect(),
    }
}
