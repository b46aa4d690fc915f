//! Customer distributions at month `b` (metrics.md §2 "Distributions").

use crate::facts::{count_runs, Facts};
use crate::month::Month;
use crate::store::{Dim, Store};
use crate::values::attribution::normalise_attribution;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ValueCount {
    /// The trimmed label as written (`Unknown` for null, empty and `UNKNOWN`).
    pub value: String,
    pub customers: u64,
    /// For attribution types: the normalised name (`PAL`, `POR`, `CSP_T1`, …) shown beside it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub normalised: Option<std::borrow::Cow<'static, str>>,
}

/// For each value `v` of `dim`: the keys of `C(m)` with an active, counting row of a status
/// report in `m` with `dim = v`. A key under two values counts under both. Null, empty and
/// `UNKNOWN` labels are one `Unknown` bucket; rows of files without the column add nothing.
/// Sorted by count descending, then value ascending (code-point order). Empty outside the
/// window or in a missing month.
pub fn distribution(store: &Store, facts: &Facts, m: Month, dim: Dim) -> Vec<ValueCount> {
    let Some(i) = facts.index(m) else {
        return Vec::new();
    };
    let mut counts = value_counts(store, facts.value_counts(i, dim));
    if dim == Dim::Attribution {
        for c in counts.iter_mut() {
            c.normalised = normalise_attribution(&c.value).map(std::borrow::Cow::Borrowed);
        }
    }
    counts
}

/// Counts runs of equal ids (the input is sorted by value, one entry per distinct key) and
/// sorts the result the way every distribution is sorted.
pub fn count_values(store: &Store, values: impl Iterator<Item = u32>) -> Vec<ValueCount> {
    value_counts(store, &count_runs(values))
}

/// `(value id, keys)` as labelled counts, sorted the way every distribution is sorted.
fn value_counts(store: &Store, counts: &[(u32, u64)]) -> Vec<ValueCount> {
    let mut out: Vec<ValueCount> = counts
        .iter()
        .map(|&(v, n)| ValueCount {
            value: store.strings.get(v).to_string(),
            customers: n,
            normalised: None,
        })
        .collect();
    sort_counts(&mut out);
    out
}

pub fn sort_counts(v: &mut [ValueCount]) {
    v.sort_by(|a, b| {
        b.customers
            .cmp(&a.customers)
            .then_with(|| a.value.cmp(&b.value))
    });
}
