//! The Azure usage and subscriptions dashboard (metrics.md §3).

use super::at_risk_view::AtRiskView;
use super::filter_bar::FilterBar;
use super::metric_card::MetricCard;
use super::no_usage_view::NoUsageView;
use super::product_subscriptions_view::ProductSubscriptionsView;
use super::subscription_churn_view::SubscriptionChurnView;
use super::top_customers_view::TopCustomersView;
use crate::i18n::t;
use crate::session::Session;
use leptos::prelude::*;

#[component]
pub fn AzurePage(session: Session) -> impl IntoView {
    let azure = move || {
        session
            .report
            .with(|r| r.as_ref().and_then(|r| r.azure.clone()))
    };
    let loaded = Memo::new(move |_| session.report.with(|r| r.is_some()));
    view! {
        {move || loaded.get().then(|| view! {
            <section class="azure" id="azure">
                <h2 class="page-title">{t("Azure usage and subscriptions")}</h2>
                <FilterBar session />
                {move || match azure() {
                    None => view! { <p class="empty">{t("Azure figures need an AzureUsage or SeatsSubscriptionsAndRevenue report (or the JSON Azure usage or subscription answers); none is loaded.")}</p> }.into_any(),
                    Some(a) => view! {
                        <div class="kpis">
                            <MetricCard title=t("Azure subscriptions sold") metric="azure.subscriptions_sold" value=Some(a.subscriptions_sold as f64)
                                empty_reason="" />
                            <MetricCard title=t("Customers with usage") metric="azure.customers_with_usage" value=a.customers_with_usage.map(|v| v as f64)
                                empty_reason=t("Needs an AzureUsage report") />
                            <MetricCard title=t("Customers without usage") metric="azure.customers_without_usage" value=a.customers_without_usage.map(|v| v as f64)
                                empty_reason=t("Needs an AzureUsage report") />
                            <MetricCard title=t("Subscriptions at risk") metric="azure.at_risk.length" value=Some(a.at_risk.len() as f64)
                                empty_reason="" />
                        </div>
                        <div class="cards">
                            <SubscriptionChurnView session />
                            <TopCustomersView session />
                            <NoUsageView session />
                            <AtRiskView session />
                            <ProductSubscriptionsView session />
                        </div>
                    }.into_any(),
                }}
            </section>
        })}
    }
}
