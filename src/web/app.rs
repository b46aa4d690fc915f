//! The page: header, drop zone, status, customer KPIs and the quality table.

use crate::components::{
    drop_zone::DropZone, kpi_summary::KpiSummary, quality_table::QualityTable,
    status_bar::StatusBar,
};
use crate::io;
use crate::session::{Session, Source, Status};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn App() -> impl IntoView {
    let session = Session::new();
    // First load: reports named in the address (`#src=…`) or else the bundled sample.
    let (links, refused) = io::fragment_sources();
    if !refused.is_empty() {
        session.status.set(Status::Failed(format!(
            "Not loaded (only reports on this site can be named in the address): {}",
            refused.join(", ")
        )));
    }
    if !links.is_empty() {
        spawn_local(io::load_urls(session, Source::Links, links));
    } else if refused.is_empty() {
        spawn_local(io::load_sample(session));
    }
    view! {
        <header class="top">
            <h1>"Partnerlens"</h1>
            <p class="tagline">"Partner Center analytics from your report downloads, computed in your browser."</p>
        </header>
        <main>
            <DropZone session />
            <StatusBar session />
            {move || session.report.get().map(|r| {
                let range = r.range.map(|g| format!("{} – {}", g.from, g.to)).unwrap_or_default();
                let window = r.window.as_ref().map(|w| format!("{} – {}", w.first, w.last)).unwrap_or_default();
                view! {
                    <section class="customers" id="customers">
                        <h2>"Customers"</h2>
                        <p class="range">"Range " <strong data-range>{range}</strong> " · data covers " {window}</p>
                        {match r.customers.clone() {
                            Some(c) => view! { <KpiSummary customers=c /> }.into_any(),
                            None => view! {
                                <p class="empty">"Customer figures need a CustomersAndTenants, SeatsSubscriptionsAndRevenue or AzureUsage report (a status report); none is loaded."</p>
                            }.into_any(),
                        }}
                    </section>
                    <QualityTable quality=r.quality.clone() />
                }
            })}
        </main>
    }
}
