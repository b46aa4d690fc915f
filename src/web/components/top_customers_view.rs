//! Top five customers by Azure consumed revenue, usage or active subscriptions, with a selector.
//! Revenue is only in downloads of executive report viewers: without it, the view says so.

use super::chart_canvas::ChartCanvas;
use super::tabs::Tabs;
use crate::i18n::{t, tf};
use crate::session::Session;
use leptos::prelude::*;
use partnerlens::charts::bar_chart::{self, Bars};
use partnerlens::charts::message;
use partnerlens::metrics::azure::top_customers::TopCustomer;

const TABS: [&str; 3] = [
    "Azure consumed revenue (USD)",
    "Usage quantity",
    "Active subscriptions",
];
const WHY: [&str; 3] = [
    "No ACR columns: revenue is only in reports downloaded by executive report viewers",
    "Needs an AzureUsage report",
    "No active Azure subscription at the end of the range",
];

#[component]
pub fn TopCustomersView(session: Session) -> impl IntoView {
    let tab = crate::view_state::bind_tab("azure.top_customers");
    let list = move || -> Option<Vec<TopCustomer>> {
        session.report.with(|r| {
            let t = &r.as_ref()?.azure.as_ref()?.top_customers;
            match tab.get() {
                0 => t.acr.clone(),
                1 => t.usage.clone(),
                _ => Some(t.subscriptions.clone()),
            }
        })
    };
    let bars = move || {
        let l = list().unwrap_or_default();
        Bars {
            labels: l.iter().map(|c| c.customer.clone()).collect(),
            values: l.iter().map(|c| c.value.round() as u64).collect(),
            hidden: vec![false; l.len()],
            colour_each: false,
            empty_text: t(WHY[tab.get()]).into(),
        }
    };
    view! {
        <section class="card" id="top-customers">
            <h2>{t("Top 5 customers")}</h2>
            <Tabs name="azure.top_customers" labels=TABS.to_vec() selected=tab />
            {move || list().is_none().then(|| view! { <p class="hint" data-empty="top_customers">{t(WHY[tab.get()])}"."</p> })}
            <ChartCanvas name="azure.top_customers".into()
                table=Signal::derive(move || partnerlens::charts::table::Table::categories("Customer", TABS[tab.get()], &list().unwrap_or_default().iter().map(|c| c.customer.clone()).collect::<Vec<_>>(), &list().unwrap_or_default().iter().map(|c| c.value).collect::<Vec<_>>())) height=230
                label=Signal::derive(move || tf("Top customers by {}: {}", &[&t(TABS[tab.get()]).to_lowercase(), &list().unwrap_or_default().iter().map(|c| format!("{} {}", c.customer, crate::i18n::lang().number(c.value, 0))).collect::<Vec<_>>().join("; ")]))
                draw=move |area, theme| match list() {
                    Some(_) => bar_chart::draw(area, &bars(), theme),
                    None => message::draw(area, t(WHY[tab.get()]), theme),
                }
                tooltip=move |i| list().and_then(|l| l.get(i).map(|c| format!("{} ({}): {}", c.customer, c.customer_key, crate::i18n::lang().number(c.value, 2)))) />
        </section>
    }
}
