//! Customer adds and churns: stacked columns per month (new, existing, churned below zero),
//! legend toggles, a zoom slider and tooltips.

use super::chart_canvas::ChartCanvas;
use super::legend::Legend;
use super::zoom_slider::ZoomSlider;
use crate::i18n::t;
use crate::session::Session;
use leptos::prelude::*;
use partnerlens::charts::adds_churns_chart::{self, AddsChurns, SERIES};
use partnerlens::charts::message;
use partnerlens::metrics::range::Range;

/// The page range narrowed by a zoom `(first, last)` index pair.
pub fn zoomed(range: Range, zoom: Option<(usize, usize)>) -> Range {
    match zoom {
        Some((a, b)) => Range {
            from: range.from.offset(a as i32).min(range.to),
            to: range.from.offset(b as i32).min(range.to),
        },
        None => range,
    }
}

#[component]
pub fn AddsChurnsView(session: Session) -> impl IntoView {
    let hidden = RwSignal::new([false; 3]);
    let (zoom, months) = super::zoom_slider::range_zoom(session);
    let data = move || {
        session.report.with(|r| {
            let r = r.as_ref()?;
            Some(AddsChurns::new(
                &r.customers.as_ref()?.monthly,
                zoomed(r.range?, zoom.get()),
                hidden.get(),
            ))
        })
    };
    let label = Signal::derive(move || match data() {
        Some(d) => format!(
            "Customer adds and churns per month, {} to {}. New: {}. Churned: {}.",
            d.months.first().cloned().unwrap_or_default(),
            d.months.last().cloned().unwrap_or_default(),
            d.values[0]
                .iter()
                .map(|v| v.map(|x| x.to_string()).unwrap_or("no data".into()))
                .collect::<Vec<_>>()
                .join(", "),
            d.values[2]
                .iter()
                .map(|v| v.map(|x| x.to_string()).unwrap_or("no data".into()))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        None => "No customer data".into(),
    });
    view! {
        <section class="card wide" id="adds-churns">
            <h2>{t("Customer adds and churns")}</h2>
            <ZoomSlider chart="customers.adds_churns" months zoom />
            <Legend chart="customers.adds_churns" names={SERIES.iter().map(|s| s.to_string()).collect::<Vec<_>>()}
                hidden=Signal::derive(move || hidden.get().to_vec()) colours={vec![2usize, 0, 3]}
                on_toggle=Callback::new(move |i: usize| hidden.update(|h| h[i] = !h[i])) />
            <ChartCanvas name="customers.adds_churns".into()
                table=Signal::derive(move || data().map(|d| d.table()).unwrap_or_default()) label height=300
                draw=move |area, theme| match data() {
                    Some(d) => adds_churns_chart::draw(area, &d, theme),
                    None => message::draw(area, "Needs a customers, subscriptions or Azure usage report", theme),
                }
                tooltip=move |i| data().and_then(|d| d.tooltip(i)) />
        </section>
    }
}
