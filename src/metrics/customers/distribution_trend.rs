//! Distribution trend (metrics.md §2 "Distribution trend").

use super::distribution::{distribution, ValueCount};
use crate::facts::Facts;
use crate::metrics::range::Range;
use crate::month::Month;
use crate::store::{Dim, Store};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct TrendMonth {
    pub month: Month,
    /// The distribution of that month; empty in a missing month.
    pub values: Vec<ValueCount>,
    /// No status report covers the month: its values are unknown, not zero.
    pub missing: bool,
}

/// The `dim` distribution for every month of `[a, b]`.
pub fn distribution_trend(store: &Store, facts: &Facts, range: Range, dim: Dim) -> Vec<TrendMonth> {
    range
        .months()
        .map(|month| TrendMonth {
            month,
            values: distribution(store, facts, month, dim),
            missing: !facts.covered(month),
        })
        .collect()
}
