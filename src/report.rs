//! The report JSON (spec/report-json.md): one serde type for everything the dashboards show.

use crate::metrics::customers::Customers;
use crate::month::Month;
use crate::quality::Quality;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Window {
    pub first: Month,
    pub last: Month,
}

#[derive(Clone, Debug, Serialize, Default)]
pub struct Filters {
    pub available: crate::filter::FilterOptions,
    pub applied: crate::filter::Filter,
}

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// `null` when no row loaded.
    pub window: Option<Window>,
    pub range: Option<crate::metrics::range::Range>,
    /// The page filters: what can be chosen and what is applied.
    pub filters: Filters,
    /// `null` when no customers, subscriptions or Azure usage report is loaded.
    pub customers: Option<Customers>,
    /// `null` when no Azure usage or subscriptions report is loaded.
    pub azure: Option<crate::metrics::azure::Azure>,
    /// Subscriptions of every product; `null` when no subscriptions report is loaded.
    pub subscriptions: Option<crate::metrics::azure::product_subscriptions::ProductSubscriptions>,
    /// `null` when no license source is loaded.
    pub licenses: Option<crate::metrics::licenses::Licenses>,
    pub quality: Quality,
}

impl Report {
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}
