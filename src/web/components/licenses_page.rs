//! The license adoption dashboard (metrics.md §4).

use super::filter_bar::FilterBar;
use super::license_bands_view::LicenseBandsView;
use super::license_customers_view::LicenseCustomersView;
use super::opportunities_view::OpportunitiesView;
use super::portfolio_view::PortfolioView;
use crate::i18n::t;
use crate::session::Session;
use leptos::prelude::*;

#[component]
pub fn LicensesPage(session: Session) -> impl IntoView {
    let loaded = Memo::new(move |_| session.report.with(|r| r.is_some()));
    let has = Memo::new(move |_| {
        session
            .report
            .with(|r| r.as_ref().is_some_and(|r| r.licenses.is_some()))
    });
    view! {
        {move || loaded.get().then(|| view! {
            <section class="licenses" id="licenses">
                <h2 class="page-title">{t("License adoption")}</h2>
                <FilterBar session />
                {move || if has.get() {
                    view! {
                        <div class="cards">
                            <PortfolioView session />
                            <LicenseBandsView session />
                            <OpportunitiesView session />
                            <LicenseCustomersView session />
                        </div>
                    }.into_any()
                } else {
                    view! { <p class="empty">{t("License figures need an Office / Microsoft 365 or EMS usage report, a Dynamics or Power BI usage report, a subscriptions report with seat columns, or the JSON license answers; none is loaded.")}</p> }.into_any()
                }}
            </section>
        })}
    }
}
