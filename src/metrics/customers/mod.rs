//! The customers dashboard (metrics.md §2), one metric per file.

pub mod by_product;
pub mod customers_added;
pub mod customers_churned;
pub mod distribution;
pub mod distribution_trend;
pub mod geography;
pub mod kpi;
pub mod monthly_series;
pub mod net_customers_added;

use crate::facts::Facts;
use crate::metrics::range::Range;
use crate::store::{Dim, Store};
use serde::Serialize;
use std::collections::BTreeMap;

pub use distribution::ValueCount;
pub use monthly_series::MonthlyCustomers;

#[derive(Clone, Debug, Serialize)]
pub struct Kpis {
    pub customers: kpi::Kpi,
    pub active_customers: kpi::Kpi,
    pub customers_added: customers_added::CustomersAdded,
    pub customers_churned: customers_churned::CustomersChurned,
    pub net_customers_added: net_customers_added::NetCustomersAdded,
}

/// `customers` in the report JSON.
#[derive(Clone, Debug, Serialize)]
pub struct Customers {
    pub monthly: Vec<MonthlyCustomers>,
    pub kpis: Kpis,
    pub by_product: Vec<by_product::ProductCustomers>,
    pub by_dimension: BTreeMap<&'static str, Vec<ValueCount>>,
    pub trend: BTreeMap<&'static str, Vec<distribution_trend::TrendMonth>>,
    pub geography: Vec<geography::MarketRow>,
}

/// Every customer metric over `range`; `None` when no status report is loaded (the section's
/// reports are not loaded, so it is `null`, never a section of zeros).
pub fn compute(store: &Store, facts: &Facts, range: Range) -> Option<Customers> {
    if !facts.has_status_report {
        return None;
    }
    let monthly = monthly_series::monthly_series(facts);
    let series = monthly_series::Series::new(facts, &monthly);
    let added = customers_added::customers_added(&series, range);
    let churned = customers_churned::customers_churned(&series, range);
    let kpis = Kpis {
        customers: kpi::kpi(&series, range, |m| m.customers),
        active_customers: kpi::kpi(&series, range, |m| m.active),
        net_customers_added: net_customers_added::net_customers_added(
            &series, range, &added, &churned,
        ),
        customers_added: added,
        customers_churned: churned,
    };
    let by_dimension = [
        Dim::Market,
        Dim::Segment,
        Dim::PartnerLocation,
        Dim::SalesChannel,
        Dim::PricingLevel,
        Dim::Attribution,
    ]
    .into_iter()
    .map(|d| {
        (
            d.key(),
            distribution::distribution(store, facts, range.to, d),
        )
    })
    .collect();
    let trend = [
        Dim::Market,
        Dim::Segment,
        Dim::PartnerLocation,
        Dim::Product,
    ]
    .into_iter()
    .map(|d| {
        (
            d.key(),
            distribution_trend::distribution_trend(store, facts, range, d),
        )
    })
    .collect();
    Some(Customers {
        by_product: by_product::by_product(store, facts, range.to),
        geography: geography::geography(store, facts, range),
        monthly,
        kpis,
        by_dimension,
        trend,
    })
}
