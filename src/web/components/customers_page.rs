//! The customers dashboard: filters, summary and every view of Partner Center's customers report.

use super::active_customers_view::ActiveCustomersView;
use super::adds_churns_view::AddsChurnsView;
use super::distribution_view::DistributionView;
use super::filter_bar::FilterBar;
use super::geography_view::GeographyView;
use super::kpi_summary::KpiSummary;
use super::product_view::ProductView;
use super::trend_view::TrendView;
use crate::i18n::{month, t};
use crate::session::Session;
use leptos::prelude::*;

#[component]
pub fn CustomersPage(session: Session) -> impl IntoView {
    let has_customers = Memo::new(move |_| {
        session
            .report
            .with(|r| r.as_ref().is_some_and(|r| r.customers.is_some()))
    });
    let loaded = Memo::new(move |_| session.report.with(|r| r.is_some()));
    view! {
        {move || loaded.get().then(|| view! {
            <section class="customers" id="customers">
                <h2 class="page-title">{t("Customers")}</h2>
                <FilterBar session />
                <p class="range">{move || session.report.with(|r| r.as_ref().map(|r| {
                    let range = r.range.map(|g| format!("{} – {}", month(g.from), month(g.to))).unwrap_or_default();
                    // The range as months (`2025-01 – 2025-12`), whatever the language.
                    let raw = r.range.map(|g| format!("{} – {}", g.from, g.to)).unwrap_or_default();
                    let window = r.window.as_ref().map(|w| format!("{} – {}", month(w.first), month(w.last))).unwrap_or_default();
                    view! { {t("Range")}" " <strong data-range=raw>{range}</strong> " · "{t("data covers")}" " {window} }
                }))}</p>
                {move || if has_customers.get() {
                    view! {
                        {move || session.report.with(|r| r.as_ref().and_then(|r| Some(view! { <KpiSummary customers=r.customers.clone()? range=r.range? /> })))}
                        <div class="cards">
                            <AddsChurnsView session />
                            <ActiveCustomersView session />
                            <DistributionView session />
                            <ProductView session />
                            <TrendView session />
                            <GeographyView session />
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <p class="empty">{t("Customer figures need a CustomersAndTenants, SeatsSubscriptionsAndRevenue or AzureUsage report (a status report); none is loaded.")}</p>
                    }.into_any()
                }}
            </section>
        })}
    }
}
