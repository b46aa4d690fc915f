//! The customer summary: five KPI cards (metrics.md §2 "KPI cards") and customers by product as
//! small figures.

use super::kpi_card::KpiCard;
use crate::format::{change, percent};
use crate::i18n::t;
use leptos::prelude::*;
use partnerlens::charts::spark_chart::Spark;
use partnerlens::metrics::customers::Customers;
use partnerlens::metrics::range::Range;

#[component]
pub fn KpiSummary(customers: Customers, range: Range) -> impl IntoView {
    let k = customers.kpis;
    let months: Vec<String> = range.months().map(|m| m.to_string()).collect();
    let spark = |v: Vec<Option<f64>>| Spark {
        months: months.clone(),
        values: v,
    };
    let f = |v: &[Option<u64>]| v.iter().map(|x| x.map(|y| y as f64)).collect::<Vec<_>>();
    let i = |v: Option<u64>| v.map(|x| x as i64);
    view! {
        <div class="kpis">
            <KpiCard title=t("Customers") metric="customers.kpis.customers.value" value=i(k.customers.value)
                second=(t("change"), "customers.kpis.customers.change_pct", k.customers.change_pct, change(k.customers.change_pct))
                spark_name="customers" spark=spark(f(&k.customers.spark)) />
            <KpiCard title=t("Active customers") metric="customers.kpis.active_customers.value" value=i(k.active_customers.value)
                empty_reason=t("Needs a usage report for the last month of the range: AzureUsage, OfficeUsage / EMS, Dynamics or Power BI usage.")
                second=(t("change"), "customers.kpis.active_customers.change_pct", k.active_customers.change_pct, change(k.active_customers.change_pct))
                spark_name="active_customers" spark=spark(f(&k.active_customers.spark)) />
            <KpiCard title=t("Customers added") metric="customers.kpis.customers_added.value" value=i(k.customers_added.value)
                second=(t("vs. previous period"), "customers.kpis.customers_added.change_pct", k.customers_added.change_pct, change(k.customers_added.change_pct))
                spark_name="customers_added" spark=spark(f(&k.customers_added.spark)) />
            <KpiCard title=t("Customers churned") metric="customers.kpis.customers_churned.value" value=i(k.customers_churned.value)
                second=(t("churn rate"), "customers.kpis.customers_churned.churn_rate_pct", k.customers_churned.churn_rate_pct, percent(k.customers_churned.churn_rate_pct))
                spark_name="customers_churned" spark=spark(f(&k.customers_churned.spark)) />
            <KpiCard title=t("Net customers added") metric="customers.kpis.net_customers_added.value" value=k.net_customers_added.value
                spark_name="net_customers_added"
                spark=spark(k.net_customers_added.spark.iter().map(|x| x.map(|y| y as f64)).collect()) />
        </div>
        <div class="by-product-figures" aria-label=t("Customers by product")>
            {customers.by_product.into_iter().map(|p| view! {
                <div class="figure"><span class="figure-value">{crate::format::count(Some(p.customers as i64))}</span>" "<span class="figure-label">{p.product}</span></div>
            }).collect_view()}
        </div>
    }
}
