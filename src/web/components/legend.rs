//! Legend items as toggle buttons: clicking (or Enter/Space) hides or shows a series.

use crate::i18n::{t, td};
use leptos::prelude::*;

fn css(c: plotters::style::RGBColor) -> String {
    format!("rgb({},{},{})", c.0, c.1, c.2)
}

#[component]
pub fn Legend(
    /// Which chart the legend belongs to (for tests and labels).
    chart: &'static str,
    #[prop(into)] names: Signal<Vec<String>>,
    #[prop(into)] hidden: Signal<Vec<bool>>,
    /// Palette index of each item's colour.
    #[prop(into)]
    colours: Signal<Vec<usize>>,
    on_toggle: Callback<usize>,
) -> impl IntoView {
    let epoch = use_context::<crate::theme::ThemeEpoch>();
    view! {
        <div class="legend" role="group" aria-label=t("Series shown") data-legend=chart>
            {move || {
                let theme = crate::theme::tracked(epoch);
                let hidden = hidden.get();
                let colours = colours.get();
                names.get().into_iter().enumerate().map(|(i, n)| {
                    let off = hidden.get(i).copied().unwrap_or(false);
                    let series = n.clone();
                    let swatch = css(theme.series(colours.get(i).copied().unwrap_or(i)));
                    view! {
                        <button class="legend-item" class:off=off aria-pressed=(!off).to_string() data-series=series
                            on:click=move |_| on_toggle.run(i)>
                            <span class="swatch" style:background=swatch></span>
                            {td(&n)}
                        </button>
                    }
                }).collect_view()
            }}
        </div>
    }
}
