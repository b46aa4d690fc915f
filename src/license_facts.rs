//! License facts per month of the window (metrics.md §4): sold, assigned and active licenses
//! per customer key × product × workload, summed over the counting rows of license sources.

use crate::store::{Store, NONE};
use rustc_hash::FxHashMap as HashMap;

/// Sums with nulls ignored; `None` when every summed value was null.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LicenseSums {
    pub sold: Option<f64>,
    pub assigned: Option<f64>,
    pub active: Option<f64>,
}

fn add(into: &mut Option<f64>, v: f64) {
    if !v.is_nan() {
        *into = Some(into.unwrap_or(0.0) + v);
    }
}

impl LicenseSums {
    pub fn add_row(&mut self, store: &Store, row: usize) {
        add(&mut self.sold, store.sold[row]);
        add(&mut self.assigned, store.assigned[row]);
        add(&mut self.active, store.active_units[row]);
    }
    pub fn add(&mut self, other: &LicenseSums) {
        for (into, v) in [
            (&mut self.sold, other.sold),
            (&mut self.assigned, other.assigned),
            (&mut self.active, other.active),
        ] {
            if let Some(v) = v {
                add(into, v);
            }
        }
    }
}

/// `(customer key, product, workload or NONE)`.
pub type LicenseKey = (u32, u32, u32);

#[derive(Clone, Debug, Default)]
pub struct LicenseFacts {
    /// Some license source is loaded.
    pub loaded: bool,
    /// Per window month: a license source has a row in it.
    pub covered: Vec<bool>,
    /// Per window month: the sums per customer × product × workload.
    pub rows: Vec<HashMap<LicenseKey, LicenseSums>>,
}

impl LicenseFacts {
    pub fn new(months: usize) -> LicenseFacts {
        LicenseFacts {
            loaded: false,
            covered: vec![false; months],
            rows: vec![HashMap::default(); months],
        }
    }
    pub fn note_loaded(&mut self, store: &Store, row: usize, i: usize) {
        if store.license_product[row] != NONE {
            self.loaded = true;
            self.covered[i] = true;
        }
    }
    /// Adds a counting row that passed the filter.
    pub fn add(&mut self, store: &Store, row: usize, i: usize) {
        let product = store.license_product[row];
        let key = store.key[row];
        if product == NONE || key == NONE {
            return;
        }
        self.rows[i]
            .entry((key, product, store.workload[row]))
            .or_default()
            .add_row(store, row);
    }
}
