//! License adoption (metrics.md §4), one metric per file.

pub mod adoption_trend;
pub mod buckets;
pub mod license_rows;
pub mod opportunities;
pub mod portfolio_totals;

use crate::facts::Facts;
use crate::metrics::range::Range;
use crate::month::Month;
use crate::store::Store;
use serde::{Deserialize, Serialize};

/// Which of sold, assigned and active the loaded sources give at the as-of month.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Known {
    pub sold: bool,
    pub assigned: bool,
    pub active: bool,
}

/// `licenses` in the report JSON.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Licenses {
    /// The latest month `≤ b` covered by a license source; null when none is.
    pub as_of: Option<Month>,
    pub totals: Vec<portfolio_totals::LicenseTotal>,
    pub customers: Vec<license_rows::CustomerLicense>,
    pub buckets: buckets::Buckets,
    pub trend: Vec<adoption_trend::AdoptionMonth>,
    pub opportunities: opportunities::Opportunities,
    pub known: Known,
}

/// `None` when no license source is loaded.
pub fn compute(store: &Store, facts: &Facts, range: Range) -> Option<Licenses> {
    if !facts.licenses.loaded {
        return None;
    }
    let as_of = license_rows::as_of(facts, range);
    let rows = as_of
        .map(|m| license_rows::license_rows(store, facts, m))
        .unwrap_or_default();
    let known = Known {
        sold: rows.iter().any(|r| r.sold.is_some()),
        assigned: rows.iter().any(|r| r.assigned.is_some()),
        active: rows.iter().any(|r| r.active.is_some()),
    };
    Some(Licenses {
        as_of,
        totals: portfolio_totals::portfolio_totals(&rows),
        buckets: buckets::buckets(&rows),
        trend: adoption_trend::adoption_trend(facts, range),
        opportunities: opportunities::opportunities(&rows),
        known,
        customers: rows,
    })
}
