//! Active customers: columns of active customers per month and a line of total customers.

use super::chart_canvas::ChartCanvas;
use crate::i18n::{t, tf};
use crate::session::Session;
use leptos::prelude::*;
use partnerlens::charts::active_vs_total_chart::{self, ActiveVsTotal};
use partnerlens::charts::message;

#[component]
pub fn ActiveCustomersView(session: Session) -> impl IntoView {
    let data = move || {
        session.report.with(|r| {
            let r = r.as_ref()?;
            Some(ActiveVsTotal::new(&r.customers.as_ref()?.monthly, r.range?))
        })
    };
    let no_usage = move || data().is_some_and(|d| d.active.iter().all(Option::is_none));
    let label = Signal::derive(move || match data() {
        Some(d) => tf(
            "Active customers per month as columns and total customers as a line, {} months",
            &[&d.months.len().to_string()],
        ),
        None => t("No customer data").into(),
    });
    view! {
        <section class="card" id="active-customers">
            <h2>{t("Active customers")}</h2>
            <div class="legend static">
                <span class="legend-item"><span class="swatch palette-6"></span>{t("Active customers (columns)")}</span>
                <span class="legend-item"><span class="swatch line palette-1"></span>{t("Customers (line)")}</span>
            </div>
            {move || no_usage().then(|| view! {
                <p class="hint">{t("No usage report is loaded, so active customers are unknown (not zero). Load AzureUsage, OfficeUsage / EMS, Dynamics or Power BI usage.")}</p>
            })}
            <ChartCanvas name="customers.active_vs_total".into()
                table=Signal::derive(move || data().map(|d| d.table()).unwrap_or_default()) label height=260
                draw=move |area, theme| match data() {
                    Some(d) => active_vs_total_chart::draw(area, &d, theme),
                    None => message::draw(area, t("Needs a customers, subscriptions or Azure usage report"), theme),
                }
                tooltip=move |i| data().and_then(|d| d.tooltip(i, crate::i18n::lang())) />
        </section>
    }
}
