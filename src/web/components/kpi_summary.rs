//! The five customer KPI cards (metrics.md §2 "KPI cards").

use super::kpi_card::KpiCard;
use crate::format::{change, percent};
use leptos::prelude::*;
use partnerlens::metrics::customers::Customers;

#[component]
pub fn KpiSummary(customers: Customers) -> impl IntoView {
    let k = customers.kpis;
    let i = |v: Option<u64>| v.map(|x| x as i64);
    view! {
        <div class="kpis">
            <KpiCard title="Customers" metric="customers.kpis.customers.value" value=i(k.customers.value)
                second=("change", "customers.kpis.customers.change_pct", k.customers.change_pct, change(k.customers.change_pct)) />
            <KpiCard title="Active customers" metric="customers.kpis.active_customers.value" value=i(k.active_customers.value)
                empty_reason="Needs a usage report for the last month of the range: AzureUsage, OfficeUsage / EMS, Dynamics or Power BI usage."
                second=("change", "customers.kpis.active_customers.change_pct", k.active_customers.change_pct, change(k.active_customers.change_pct)) />
            <KpiCard title="Customers added" metric="customers.kpis.customers_added.value" value=i(k.customers_added.value)
                second=("vs. previous period", "customers.kpis.customers_added.change_pct", k.customers_added.change_pct, change(k.customers_added.change_pct)) />
            <KpiCard title="Customers churned" metric="customers.kpis.customers_churned.value" value=i(k.customers_churned.value)
                second=("churn rate", "customers.kpis.customers_churned.churn_rate_pct", k.customers_churned.churn_rate_pct, percent(k.customers_churned.churn_rate_pct)) />
            <KpiCard title="Net customers added" metric="customers.kpis.net_customers_added.value" value=k.net_customers_added.value
                />
        </div>
    }
}
