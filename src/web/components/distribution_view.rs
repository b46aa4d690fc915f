//! Customer distribution at the range's last month: tabs for partner location, segment, sales
//! channel, pricing level and attribution type; legend items toggle values.

use super::chart_canvas::ChartCanvas;
use super::legend::Legend;
use super::tabs::Tabs;
use crate::i18n::{t, tf};
use crate::session::Session;
use leptos::prelude::*;
use partnerlens::charts::bar_chart::{self, Bars};
use partnerlens::metrics::customers::ValueCount;

/// (tab label, report key, the columns and reports that fill it)
const TABS: [(&str, &str, &str); 5] = [
    ("Partner location", "partner_location", "needs PartnerLocation or PartnerLocationID (customers, subscriptions or Azure usage report)"),
    ("Segment", "segment", "needs CustomerSegment (customers, subscriptions or Azure usage report)"),
    ("Sales channel", "sales_channel", "needs SalesChannel (customers, subscriptions or Azure usage report)"),
    ("Pricing level", "pricing_level", "needs PricingLevel (SeatsSubscriptionsAndRevenue report)"),
    ("Attribution type", "attribution_type", "needs PartnerAttributionType (customers, subscriptions or Azure usage report)"),
];

fn label(v: &ValueCount) -> String {
    match &v.normalised {
        Some(n) => format!("{} ({n})", v.value),
        None => v.value.clone(),
    }
}

#[component]
pub fn DistributionView(session: Session) -> impl IntoView {
    let tab = crate::view_state::bind_tab("customers.distribution");
    let hidden = RwSignal::new(Vec::<String>::new());
    Effect::new(move |_| {
        tab.track();
        hidden.set(Vec::new());
    });
    let values = Memo::new(move |_| {
        let key = TABS[tab.get()].1;
        session.report.with(|r| {
            r.as_ref()
                .and_then(|r| r.customers.as_ref())
                .and_then(|c| c.by_dimension.get(key).cloned())
                .unwrap_or_default()
        })
    });
    let bars = move || {
        let v = values.get();
        let h = hidden.get();
        Bars {
            labels: v.iter().map(label).collect(),
            values: v.iter().map(|x| x.customers).collect(),
            hidden: v.iter().map(|x| h.contains(&x.value)).collect(),
            colour_each: true,
            empty_text: if v.is_empty() {
                tf("No values: {}", &[t(TABS[tab.get()].2)])
            } else {
                t("Every value is hidden").into()
            },
        }
    };
    view! {
        <section class="card" id="distribution">
            <h2>{t("Customer distribution")}</h2>
            <Tabs name="customers.distribution" labels={TABS.iter().map(|t| t.0).collect::<Vec<_>>()} selected=tab />
            <Legend chart="customers.distribution"
                names=Signal::derive(move || values.get().iter().map(label).collect::<Vec<_>>())
                hidden=Signal::derive(move || { let h = hidden.get(); values.get().iter().map(|v| h.contains(&v.value)).collect::<Vec<_>>() })
                colours=Signal::derive(move || (0..values.with(|v| v.len())).collect::<Vec<_>>())
                on_toggle=Callback::new(move |i: usize| {
                    if let Some(v) = values.with_untracked(|v| v.get(i).map(|x| x.value.clone())) {
                        hidden.update(|h| if let Some(p) = h.iter().position(|x| *x == v) { h.remove(p); } else { h.push(v); });
                    }
                }) />
            <ChartCanvas name="customers.distribution".into()
                table=Signal::derive(move || bars().table()) height=260
                label=Signal::derive(move || tf("Current customers by {}: {}", &[&t(TABS[tab.get()].0).to_lowercase(), &values.get().iter().map(|v| format!("{} {}", label(v), crate::format::n(v.customers))).collect::<Vec<_>>().join("; ")]))
                draw=move |area, theme| bar_chart::draw(area, &bars(), theme)
                tooltip=move |i| bars().tooltip(i, crate::i18n::lang()) />
        </section>
    }
}
