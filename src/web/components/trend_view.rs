//! Distribution trend: stacked columns per month by market, segment, partner location or
//! product; legend toggles, zoom slider, and a tooltip with every stack's value.

use super::adds_churns_view::zoomed;
use super::chart_canvas::ChartCanvas;
use super::legend::Legend;
use super::tabs::Tabs;
use super::zoom_slider::ZoomSlider;
use crate::i18n::{t, tf};
use crate::session::Session;
use leptos::prelude::*;
use partnerlens::charts::message;
use partnerlens::charts::trend_chart::{self, Trend};

const TABS: [(&str, &str); 4] = [
    ("Market", "market"),
    ("Segment", "segment"),
    ("Partner location", "partner_location"),
    ("Product", "product"),
];

#[component]
pub fn TrendView(session: Session) -> impl IntoView {
    let tab = crate::view_state::bind_tab("customers.trend");
    let hidden = RwSignal::new(Vec::<String>::new());
    let (zoom, months) = super::zoom_slider::range_zoom(session);
    Effect::new(move |_| {
        tab.track();
        hidden.set(Vec::new());
    });
    let data = move || {
        session.report.with(|r| {
            let r = r.as_ref()?;
            let all = r.customers.as_ref()?.trend.get(TABS[tab.get()].1)?;
            let z = zoomed(r.range?, zoom.get());
            let slice: Vec<_> = all
                .iter()
                .filter(|m| m.month >= z.from && m.month <= z.to)
                .cloned()
                .collect();
            Some(Trend::new(&slice, &hidden.get()))
        })
    };
    view! {
        <section class="card wide" id="trend">
            <h2>{t("Distribution trend")}</h2>
            <Tabs name="customers.trend" labels={TABS.iter().map(|t| t.0).collect::<Vec<_>>()} selected=tab />
            <ZoomSlider chart="customers.trend" months zoom />
            <Legend chart="customers.trend"
                names=Signal::derive(move || data().map(|d| d.names).unwrap_or_default())
                hidden=Signal::derive(move || data().map(|d| d.hidden).unwrap_or_default())
                colours=Signal::derive(move || (0..data().map(|d| d.names.len()).unwrap_or(0)).collect::<Vec<_>>())
                on_toggle=Callback::new(move |i: usize| {
                    if let Some(n) = data().and_then(|d| d.names.get(i).cloned()) {
                        hidden.update(|h| if let Some(p) = h.iter().position(|x| *x == n) { h.remove(p); } else { h.push(n); });
                    }
                }) />
            <ChartCanvas name="customers.trend".into()
                table=Signal::derive(move || data().map(|d| d.table()).unwrap_or_default()) height=300
                label=Signal::derive(move || tf("Current customers per month by {}", &[&t(TABS[tab.get()].0).to_lowercase()]))
                draw=move |area, theme| match data() {
                    Some(d) if !d.names.is_empty() => trend_chart::draw(area, &d, theme),
                    _ => message::draw(area, t("No values for this dimension in the loaded reports"), theme),
                }
                tooltip=move |i| data().and_then(|d| d.tooltip(i, crate::i18n::lang())) />
        </section>
    }
}
