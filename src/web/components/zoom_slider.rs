//! A range slider above a chart: two thumbs choose the first and last month shown.

use crate::i18n::t;
use leptos::prelude::*;

#[component]
pub fn ZoomSlider(
    chart: &'static str,
    /// The months of the page range.
    #[prop(into)]
    months: Signal<Vec<String>>,
    /// Indexes of the first and last month shown (`None`: all).
    zoom: RwSignal<Option<(usize, usize)>>,
) -> impl IntoView {
    let bounds = move || {
        let n = months.with(|m| m.len()).max(1);
        let (a, b) = zoom.get().unwrap_or((0, n - 1));
        (a.min(n - 1), b.min(n - 1).max(a.min(n - 1)), n)
    };
    let set = move |first: bool, v: usize| {
        let (a, b, n) = bounds();
        let (a, b) = if first { (v.min(b), b) } else { (a, v.max(a)) };
        zoom.set(if a == 0 && b == n - 1 {
            None
        } else {
            Some((a, b))
        });
    };
    let label = move || {
        let (a, b, _) = bounds();
        months.with(|m| {
            format!(
                "{} – {}",
                crate::i18n::month_text(&m.get(a).cloned().unwrap_or_default()),
                crate::i18n::month_text(&m.get(b).cloned().unwrap_or_default())
            )
        })
    };
    view! {
        <div class="zoom" data-zoom=chart>
            <span class="zoom-label">{t("Zoom:")}" " {label}</span>
            <input type="range" min="0" max=move || bounds().2 - 1 prop:value=move || bounds().0 aria-label=t("First month shown")
                on:input=move |ev| set(true, event_target_value(&ev).parse().unwrap_or(0)) />
            <input type="range" min="0" max=move || bounds().2 - 1 prop:value=move || bounds().1 aria-label=t("Last month shown")
                on:input=move |ev| set(false, event_target_value(&ev).parse().unwrap_or(0)) />
            <button class="button small" on:click=move |_| zoom.set(None)>{t("All")}</button>
        </div>
    }
}

/// A chart's zoom over the page range: the selected `(first, last)` month indexes, reset to the
/// whole range whenever the range changes, and the range's month labels for the slider.
pub fn range_zoom(
    session: crate::session::Session,
) -> (RwSignal<Option<(usize, usize)>>, Signal<Vec<String>>) {
    let zoom = RwSignal::new(None::<(usize, usize)>);
    let range = Memo::new(move |_| session.report.with(|r| r.as_ref().and_then(|r| r.range)));
    Effect::new(move |_| {
        range.track();
        zoom.set(None);
    });
    let months = Signal::derive(move || {
        range
            .get()
            .map(|r| r.months().map(|m| m.to_string()).collect())
            .unwrap_or_default()
    });
    (zoom, months)
}
