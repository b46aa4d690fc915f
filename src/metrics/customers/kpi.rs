//! The Customers and Active customers KPI cards (metrics.md §2 "KPI cards").

use super::monthly_series::{MonthlyCustomers, Series};
use crate::metrics::percent::change_pct;
use crate::metrics::range::Range;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Kpi {
    /// `f(b)`.
    pub value: Option<u64>,
    /// `(f(b) − f(a)) / f(a) × 100`; null when either is null or `f(a)` is 0.
    pub change_pct: Option<f64>,
    /// `f(m)` for every month of `[a, b]`.
    pub spark: Vec<Option<u64>>,
}

/// Customers (`f = customers`) and Active customers (`f = active`).
pub fn kpi(
    series: &Series,
    range: Range,
    f: impl Fn(&MonthlyCustomers) -> Option<u64> + Copy,
) -> Kpi {
    let value = series.value(range.to, f);
    Kpi {
        value,
        change_pct: change_pct(value, series.value(range.from, f)),
        spark: range.months().map(|m| series.value(m, f)).collect(),
    }
}
