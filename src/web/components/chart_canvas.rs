//! A chart on a `<canvas>`: draws with plotters-canvas at the device pixel ratio (sharp on
//! high-density screens), redraws when its data, the theme or the window size change, and turns
//! pointer positions into tooltips and picks through the chart's pixel-to-data map.

use crate::components::chart_table::ChartTable;
use crate::i18n::t;
use crate::theme::page_theme;
use leptos::prelude::*;
use leptos::reactive::graph::{Observer, WithObserver};
use partnerlens::charts::table::Table;
use partnerlens::charts::{ChartMap, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

pub type Area = DrawingArea<CanvasBackend, Shift>;

#[component]
pub fn ChartCanvas<D, T>(
    /// `data-chart` name, e.g. `customers.adds_churns`.
    name: String,
    /// What the chart shows, for screen readers.
    #[prop(into)]
    label: Signal<String>,
    /// Height in CSS pixels (the width follows the container).
    height: u32,
    /// Draws the chart; reading signals inside makes it redraw when they change.
    draw: D,
    /// The tooltip for a category index.
    tooltip: T,
    /// Called with the category under a click (or `None` for empty space).
    #[prop(optional)]
    on_pick: Option<Callback<Option<usize>>>,
    /// Called with -1 / +1 for the arrow keys (keyboard selection, e.g. pie slices).
    #[prop(optional)]
    on_step: Option<Callback<i32>>,
    /// The chart's numbers: a "Table" switch shows them under the chart and "CSV" saves them.
    #[prop(optional)]
    table: Option<Signal<Table>>,
    /// No export buttons (the KPI cards' microcharts).
    #[prop(optional)]
    bare: bool,
) -> impl IntoView
where
    D: Fn(&Area, &Theme) -> Result<ChartMap, String> + 'static,
    T: Fn(usize) -> Option<String> + 'static,
{
    let draw = std::rc::Rc::new(draw);
    let draw_png = draw.clone();
    let png_name = name.clone();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let map = StoredValue::new(ChartMap::default());
    let tip = RwSignal::new(None::<(i32, i32, String)>);
    let resized = RwSignal::new(0u32);
    let handle = window_event_listener(leptos::ev::resize, move |_| resized.update(|n| *n += 1));
    on_cleanup(move || handle.remove());
    let error = RwSignal::new(None::<String>);
    let theme_epoch = use_context::<crate::theme::ThemeEpoch>();
    let paint = move || {
        // The chart may have left the page before its task ran.
        let Some(canvas) = canvas_ref.try_get_untracked().flatten() else {
            return;
        };
        let theme = page_theme();
        let css_w = canvas.client_width().max(60) as f64;
        let (w, h) = (
            (css_w * theme.pixel_ratio).round() as u32,
            (height as f64 * theme.pixel_ratio).round() as u32,
        );
        // Only when the size changed: setting it makes the browser lay the page out again before
        // the next chart can read its width (a dozen layouts for one new report).
        if canvas.width() != w {
            canvas.set_width(w);
        }
        if canvas.height() != h {
            canvas.set_height(h);
        }
        let Some(backend) = CanvasBackend::with_canvas_object(canvas) else {
            return;
        };
        match draw(&backend.into_drawing_area(), &theme) {
            Ok(m) => {
                map.try_set_value(m.scaled(theme.pixel_ratio));
                error.try_set(None);
            }
            Err(e) => {
                error.try_set(Some(e));
            }
        }
    };
    let paint = std::rc::Rc::new(paint);
    Effect::new(move |_| {
        resized.track();
        if let Some(epoch) = theme_epoch {
            epoch.0.track();
        }
        if canvas_ref.get().is_none() {
            return;
        }
        // Each chart draws in a task of its own, after the page has taken the new report: a
        // report never holds the page for the time of every chart at once (issue 6: no task over
        // 50 ms). The drawing runs as this effect's observer, so what it reads still makes the
        // chart redraw when it changes.
        let observer = Observer::get();
        let paint = paint.clone();
        set_timeout(
            move || {
                // Charts out of the window wait one more turn: the ones the user sees are drawn
                // first (a change redraws every visible chart sooner: issue 6), the others right
                // after, in the same order. Judged here, not in the effect: the page has taken
                // the whole report by now, so the layout this reads is final (one layout, which
                // the first chart would need anyway).
                let seen = canvas_ref
                    .try_get_untracked()
                    .flatten()
                    .is_none_or(|c| in_window(&c));
                let task = move || observer.with_observer(|| paint());
                if seen {
                    task();
                } else {
                    set_timeout(task, std::time::Duration::ZERO);
                }
            },
            std::time::Duration::ZERO,
        );
    });
    let pick = move |ev: leptos::ev::MouseEvent| {
        if let Some(cb) = on_pick {
            let (x, y) = (ev.offset_x(), ev.offset_y());
            cb.run(map.with_value(|m| m.hit(x, y).map(|i| i.index)));
        }
    };
    let key = move |ev: leptos::ev::KeyboardEvent| {
        let step = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => 1,
            "ArrowLeft" | "ArrowUp" => -1,
            _ => return,
        };
        if let Some(cb) = on_step {
            ev.prevent_default();
            cb.run(step);
        }
    };
    // PNG export: the chart drawn again off screen at twice its display resolution.
    let export_png = move |_| {
        let Some(shown) = canvas_ref.get_untracked() else {
            return;
        };
        let mut theme = page_theme();
        theme.pixel_ratio = 2.0;
        let css_w = shown.client_width().max(60) as f64;
        let Some(canvas) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlCanvasElement>(e).ok())
        else {
            return;
        };
        canvas.set_width((css_w * 2.0).round() as u32);
        canvas.set_height(height * 2);
        let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
            return;
        };
        if draw_png(&backend.into_drawing_area(), &theme).is_ok() {
            if let Ok(url) = canvas.to_data_url_with_type("image/png") {
                let _ = crate::io::download_url(&format!("{png_name}.png"), &url);
            }
        }
    };
    let show_table = RwSignal::new(false);
    let csv_name = name.clone();
    let export_csv = move |_| {
        if let Some(t) = table {
            let _ = crate::io::download(
                &format!("{csv_name}.csv"),
                "text/csv",
                &t.with_untracked(Table::to_csv),
            );
        }
    };
    let tools = (!bare).then(|| {
        let data_tools = table.map(|_| {
            view! {
                <button class="button small" data-export-csv=name.clone() on:click=export_csv
                    title=t("Download this chart's numbers as CSV")>{t("CSV")}</button>
                <button class="button small" data-show-table=name.clone() aria-pressed=move || show_table.get().to_string()
                    on:click=move |_| show_table.update(|s| *s = !*s)
                    title=t("Show this chart's numbers as a table")>{t("Table")}</button>
            }
        });
        view! {
            <div class="chart-tools">
                {data_tools}
                <button class="button small" data-export-png=name.clone() on:click=export_png
                    title=t("Download this chart as a PNG image at twice the screen resolution")>{t("PNG")}</button>
            </div>
        }
    });
    let table_name = name.clone();
    let table_view = move || {
        let t = table?;
        show_table.get().then(
            || view! { <ChartTable name=table_name.clone() caption=label.get() table=t.get() /> },
        )
    };
    view! {
        <div class="chart" style:min-height=format!("{height}px")>
            {tools}
            <canvas
                node_ref=canvas_ref
                data-chart=name
                role="img"
                aria-label=move || label.get()
                tabindex=if on_step.is_some() { "0" } else { "-1" }
                style:height=format!("{height}px")
                on:mousemove=move |ev: leptos::ev::MouseEvent| {
                    let (x, y) = (ev.offset_x(), ev.offset_y());
                    let i = map.with_value(|m| m.category_at(x, y));
                    tip.set(i.and_then(&tooltip).map(|t| (x, y, t)));
                }
                on:mouseleave=move |_| tip.set(None)
                on:click=pick
                on:keydown=key
            ></canvas>
            {move || tip.get().map(|(x, y, t)| view! {
                <div class="tooltip" role="tooltip" style:left=format!("{}px", x + 14) style:top=format!("{}px", y + 10)>{t}</div>
            })}
            {move || error.get().map(|e| view! { <p class="error">{t("The chart could not be drawn:")}" "{e}</p> })}
            {table_view}
        </div>
    }
}

/// Whether any of the canvas is inside the browser window.
fn in_window(canvas: &web_sys::HtmlCanvasElement) -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(f64::MAX);
    let width = window
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .unwrap_or(f64::MAX);
    let r = canvas.get_bounding_client_rect();
    r.bottom() > 0.0 && r.top() < height && r.right() > 0.0 && r.left() < width
}
