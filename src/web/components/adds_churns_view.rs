//! Customer adds and churns: stacked columns per month (new, existing, churned below zero),
//! legend toggles, a zoom slider and tooltips.

use super::chart_canvas::ChartCanvas;
use super::legend::Legend;
use super::zoom_slider::ZoomSlider;
use crate::i18n::{month_text, t, tf};
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
        Some(d) => {
            let list = |s: usize| {
                d.values[s]
                    .iter()
                    .map(|v| {
                        v.map(|x| crate::format::count(Some(x as i64)))
                            .unwrap_or(t("no data").into())
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            tf(
                "Customer adds and churns per month, {} to {}. New: {}. Churned: {}.",
                &[
                    &month_text(&d.months.first().cloned().unwrap_or_default()),
                    &month_text(&d.months.last().cloned().unwrap_or_default()),
                    &list(0),
                    &list(2),
                ],
            )
        }
        None => t("No customer data").into(),
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
                    None => message::draw(area, t("Needs a customers, subscriptions or Azure usage report"), theme),
                }
                tooltip=move |i| data().and_then(|d| d.tooltip(i, crate::i18n::lang())) />
        </section>
    }
}
