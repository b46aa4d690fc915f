//! Page filters for every view: month range (from/to, 6, 12, 24 months, all) and multi-select
//! market, segment, product and attribution type. Changing one recomputes from the loaded data.

use crate::i18n::{month, t};
use crate::session::Session;
use leptos::prelude::*;
use partnerlens::{Filter, Month};

#[component]
pub fn FilterBar(session: Session) -> impl IntoView {
    let window = move || {
        session.report.with(|r| {
            r.as_ref()
                .and_then(|r| r.window.as_ref().map(|w| (w.first, w.last)))
        })
    };
    let range = move || {
        session
            .report
            .with(|r| r.as_ref().and_then(|r| r.range.map(|g| (g.from, g.to))))
    };
    let months = move || {
        window()
            .map(|(a, b)| Month::span(a, b).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let last_n = move |n: i32| {
        if let Some((first, last)) = window() {
            session.from.set(Some(last.offset(1 - n).max(first)));
            session.to.set(Some(last));
        }
    };
    let select = move |is_from: bool| {
        view! {
            <select aria-label=if is_from { t("From month") } else { t("To month") } data-range-select=if is_from { "from" } else { "to" }
                on:change=move |ev| {
                    let m = Month::parse_ym(&event_target_value(&ev));
                    if is_from { session.from.set(m) } else { session.to.set(m) }
                }>
                {move || {
                    let current = range().map(|(a, b)| if is_from { a } else { b });
                    months().into_iter().map(|m| view! {
                        <option value=m.to_string() selected=current == Some(m)>{month(m)}</option>
                    }).collect_view()
                }}
            </select>
        }
    };
    view! {
        <div class="filter-bar" role="group" aria-label=t("Filters")>
            <div class="range-picker">
                <span class="label">{t("Months")}</span>
                {select(true)} <span>{t("to")}</span> {select(false)}
                <button class="button small" data-last="6" on:click=move |_| last_n(6)>{t("6 months")}</button>
                <button class="button small" data-last="12" on:click=move |_| last_n(12)>{t("12 months")}</button>
                <button class="button small" data-last="24" on:click=move |_| last_n(24)>{t("24 months")}</button>
                <button class="button small" data-last="all" on:click=move |_| last_n(i32::MAX / 2)>{t("All")}</button>
            </div>
            <MultiSelect session label="Market" pick=|f| &mut f.market options=move |r| r.filters.available.market.clone() />
            <MultiSelect session label="Segment" pick=|f| &mut f.segment options=move |r| r.filters.available.segment.clone() />
            <MultiSelect session label="Product" pick=|f| &mut f.product options=move |r| r.filters.available.product.clone() />
            <MultiSelect session label="Attribution" pick=|f| &mut f.attribution_type options=move |r| r.filters.available.attribution_type.clone() />
            <button class="button small" on:click=move |_| session.filter.set(Filter::default())>{t("Clear filters")}</button>
        </div>
    }
}

/// One dimension's values as checkboxes in a drop-down.
#[component]
fn MultiSelect<P, O>(session: Session, label: &'static str, pick: P, options: O) -> impl IntoView
where
    P: Fn(&mut Filter) -> &mut Vec<String> + Copy + Send + Sync + 'static,
    O: Fn(&partnerlens::Report) -> Vec<String> + Copy + Send + Sync + 'static,
{
    let chosen = move || session.filter.with(|f| pick(&mut f.clone()).clone());
    view! {
        <details class="multi" data-filter=label>
            <summary>{t(label)}{move || { let n = chosen().len(); if n > 0 { format!(" ({n})") } else { String::new() } }}</summary>
            <div class="multi-options">
                {move || {
                    let opts = session.report.with(|r| r.as_ref().map(options).unwrap_or_default());
                    if opts.is_empty() {
                        return view! { <p class="hint">{t("No values in the loaded reports")}</p> }.into_any();
                    }
                    let selected = chosen();
                    opts.into_iter().map(|v| {
                        let on = selected.contains(&v);
                        let value = v.clone();
                        view! {
                            <label class="check">
                                <input type="checkbox" checked=on on:change=move |_| {
                                    let value = value.clone();
                                    session.filter.update(|f| {
                                        let list = pick(f);
                                        if let Some(p) = list.iter().position(|x| *x == value) { list.remove(p); } else { list.push(value); }
                                    });
                                } />
                                {v}
                            </label>
                        }
                    }).collect_view().into_any()
                }}
            </div>
        </details>
    }
}
