//! Customers added (metrics.md §2 "KPI cards").

use super::monthly_series::Series;
use crate::metrics::percent::change_pct;
use crate::metrics::range::Range;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct CustomersAdded {
    /// `Σ new(m)` over `[a, b]`, nulls skipped; null if every term is null.
    pub value: Option<u64>,
    /// `(added − prev) / prev × 100`, `prev` the same sum over `[a − L, a − 1]`; null unless
    /// `new` is non-null in every month of that earlier range, or when `prev` is 0.
    pub change_pct: Option<f64>,
    /// `new(m)` over `[a, b]`.
    pub spark: Vec<Option<u64>>,
}

pub fn customers_added(series: &Series, range: Range) -> CustomersAdded {
    let value = series.sum(range.months(), |m| m.new);
    let earlier = Range {
        from: range.from.offset(-range.len()),
        to: range.from.prev(),
    };
    let complete = earlier
        .months()
        .all(|m| series.value(m, |r| r.new).is_some());
    let prev = if complete {
        series.sum(earlier.months(), |m| m.new)
    } else {
        None
    };
    CustomersAdded {
        value,
        change_pct: change_pct(value, prev),
        spark: range.months().map(|m| series.value(m, |r| r.new)).collect(),
    }
}
