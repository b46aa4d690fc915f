//! The report JSON (spec/report-json.md): one serde type for everything the dashboards show.

use crate::metrics::customers::Customers;
use crate::month::Month;
use crate::quality::Quality;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Window {
    pub first: Month,
    pub last: Month,
}

#[derive(Clone, Debug, Serialize, Deserialize, Default)]
pub struct Filters {
    pub available: crate::filter::FilterOptions,
    pub applied: crate::filter::Filter,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
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
    /// Without indentation (for the worker's messages).
    pub fn to_json_compact(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    /// The browser's worker sends the report as JSON: it must come back exactly.
    #[test]
    fn round_trips_through_json() {
        let mut ws = crate::Workspace::new();
        for (n, b) in crate::sample::generate(&crate::sample::Options {
            customers: 30,
            months: 8,
            ..Default::default()
        }) {
            ws.add_file(&n, &b);
        }
        let r = ws.report(None, None).unwrap();
        let json = r.to_json();
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back.to_json(), json);
        assert!(back.customers.is_some() && back.azure.is_some() && back.licenses.is_some());
    }
}
