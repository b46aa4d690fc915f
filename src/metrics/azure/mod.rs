//! The Azure usage and subscriptions dashboard (metrics.md §3), one metric per file.

pub mod at_risk;
pub mod new_azure_customers;
pub mod product_subscriptions;
pub mod renewing;
pub mod subscription_series;
pub mod subscriptions_sold;
pub mod top_customers;
pub mod usage_customers;

use crate::facts::Facts;
use crate::metrics::range::Range;
use crate::month::Month;
use crate::store::Store;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct AzureMonth {
    pub month: Month,
    pub active_subscriptions: Option<u64>,
    pub new_subscriptions: Option<u64>,
    pub deprovisioned_subscriptions: Option<u64>,
    pub renewed_subscriptions: Option<u64>,
    /// Keys whose first month with an active Azure subscription or usage is this one.
    pub new_customers: Option<u64>,
}

/// `azure` in the report JSON.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Azure {
    pub subscriptions_sold: u64,
    pub customers_with_usage: Option<u64>,
    pub customers_without_usage: Option<u64>,
    pub subscriptions_without_usage: Option<Vec<usage_customers::SubscriptionWithoutUsage>>,
    pub top_customers: top_customers::TopCustomers,
    pub monthly: Vec<AzureMonth>,
    pub at_risk: Vec<at_risk::AtRisk>,
    /// Precision and recall of the at-risk rules on the past.
    pub at_risk_backtest: Vec<at_risk::BacktestMonth>,
    /// The backtest over all its months.
    pub at_risk_backtest_total: Option<at_risk::BacktestTotal>,
    /// Azure subscriptions renewing in the 30 days after the range.
    pub renewing_30_days: Vec<renewing::Renewing>,
    /// An Azure usage report is loaded (usage fields are null without one).
    pub usage_report_loaded: bool,
    /// Some Azure usage report has ACR columns (executive report viewers' downloads).
    pub acr_available: bool,
}

/// `None` when neither an Azure usage nor a subscriptions report is loaded.
pub fn compute(store: &Store, facts: &Facts, range: Range) -> Option<Azure> {
    let s = &facts.subs;
    if !s.azure_usage_loaded && !s.subscriptions_loaded {
        return None;
    }
    let series = subscription_series::subscription_series(facts, |sub| s.is_azure(sub));
    let new_customers = new_azure_customers::new_azure_customers(facts);
    let monthly = series
        .into_iter()
        .zip(new_customers)
        .map(|(m, nc)| AzureMonth {
            month: m.month,
            active_subscriptions: m.active_subscriptions,
            new_subscriptions: m.new_subscriptions,
            deprovisioned_subscriptions: m.deprovisioned_subscriptions,
            renewed_subscriptions: m.renewed_subscriptions,
            new_customers: nc,
        })
        .collect();
    let usage = usage_customers::usage_customers(store, facts, range);
    let backtest = at_risk::backtest(facts);
    Some(Azure {
        subscriptions_sold: subscriptions_sold::subscriptions_sold(facts, range),
        customers_with_usage: usage.as_ref().map(|u| u.with_usage),
        customers_without_usage: usage.as_ref().map(|u| u.without_usage),
        subscriptions_without_usage: usage.map(|u| u.subscriptions_without_usage),
        top_customers: top_customers::top_customers(store, facts, range),
        monthly,
        at_risk: at_risk::at_risk(store, facts, range),
        at_risk_backtest_total: at_risk::backtest_total(&backtest),
        at_risk_backtest: backtest,
        renewing_30_days: renewing::renewing_in_30_days(store, facts, range, |sub| s.is_azure(sub)),
        usage_report_loaded: s.azure_usage_loaded,
        acr_available: s.acr_known,
    })
}
