//! Page filters (customers dashboard): multi-select market, segment, product and attribution
//! type. They act on the monthly facts: a filter change rebuilds the facts from the stored rows
//! and never re-reads a file (STYLE.md "Filters act on the monthly facts").

use crate::store::{Dim, Store, NONE};
use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The selected labels per dimension; an empty list means "all".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Filter {
    #[serde(default)]
    pub market: Vec<String>,
    #[serde(default)]
    pub segment: Vec<String>,
    #[serde(default)]
    pub product: Vec<String>,
    #[serde(default)]
    pub attribution_type: Vec<String>,
}

/// The values a filter can take, from every status-report row loaded.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FilterOptions {
    pub market: Vec<String>,
    pub segment: Vec<String>,
    pub product: Vec<String>,
    pub attribution_type: Vec<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.lists().iter().all(|(_, l)| l.is_empty())
    }
    fn lists(&self) -> [(Dim, &Vec<String>); 4] {
        [
            (Dim::Market, &self.market),
            (Dim::Segment, &self.segment),
            (Dim::Product, &self.product),
            (Dim::Attribution, &self.attribution_type),
        ]
    }
    /// The filter as dictionary ids of this store.
    pub fn compile(&self, store: &Store) -> CompiledFilter {
        let dims = self
            .lists()
            .into_iter()
            .filter(|(_, l)| !l.is_empty())
            .map(|(d, l)| {
                (
                    d,
                    l.iter()
                        .filter_map(|label| store.strings.id(label))
                        .collect(),
                )
            })
            .collect();
        CompiledFilter { dims }
    }
}

pub struct CompiledFilter {
    dims: Vec<(Dim, FxHashSet<u32>)>,
}

impl CompiledFilter {
    /// The filtered dimensions and their selected values (ids).
    pub fn dims(&self) -> &[(Dim, FxHashSet<u32>)] {
        &self.dims
    }

    /// A row passes when, for every filtered dimension, its value is selected. A row whose file
    /// has no column for the dimension is judged by its customer's value (`customer`, for
    /// market and segment: the customer's latest row that has one); failing that it passes (a
    /// usage report without `Product` still counts toward active customers under a product
    /// filter).
    pub fn passes(&self, store: &Store, row: usize, customer: impl Fn(Dim) -> Option<u32>) -> bool {
        self.dims.iter().all(|(d, set)| {
            let v = store.dims[d.index()][row];
            let v = if v == NONE {
                customer(*d).unwrap_or(NONE)
            } else {
                v
            };
            v == NONE || set.contains(&v)
        })
    }
}

/// Every label of the four filter dimensions on status-report rows, sorted.
pub fn filter_options(store: &Store) -> FilterOptions {
    let dims = [Dim::Market, Dim::Segment, Dim::Product, Dim::Attribution];
    // Per dictionary id, one bit per dimension it was seen in (no string compared per row).
    let mut seen = vec![0u8; store.strings.len()];
    for row in 0..store.len() {
        if !store.kind[row].is_status() {
            continue;
        }
        for (bit, d) in dims.iter().enumerate() {
            if let Some(s) = seen.get_mut(store.dims[d.index()][row] as usize) {
                *s |= 1 << bit;
            }
        }
    }
    let mut sets: [BTreeSet<&str>; 4] = Default::default();
    for (id, bits) in seen.iter().enumerate() {
        for (bit, set) in sets.iter_mut().enumerate() {
            if bits & (1 << bit) != 0 {
                set.insert(store.strings.get(id as u32));
            }
        }
    }
    let [market, segment, product, attribution_type] =
        sets.map(|s| s.into_iter().map(String::from).collect());
    FilterOptions {
        market,
        segment,
        product,
        attribution_type,
    }
}
