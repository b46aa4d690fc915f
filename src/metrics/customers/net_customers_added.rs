//! Net customers added (metrics.md §2 "KPI cards").

use super::customers_added::CustomersAdded;
use super::customers_churned::CustomersChurned;
use super::monthly_series::Series;
use crate::metrics::range::Range;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct NetCustomersAdded {
    /// `added − churned`; null when either is null.
    pub value: Option<i64>,
    /// `new(m) − churned(m)` over `[a, b]`.
    pub spark: Vec<Option<i64>>,
}

pub fn net_customers_added(
    series: &Series,
    range: Range,
    added: &CustomersAdded,
    churned: &CustomersChurned,
) -> NetCustomersAdded {
    let diff = |a: Option<u64>, c: Option<u64>| Some(a? as i64 - c? as i64);
    NetCustomersAdded {
        value: diff(added.value, churned.value),
        spark: range
            .months()
            .map(|m| series.get(m).and_then(|r| diff(r.new, r.churned)))
            .collect(),
    }
}
