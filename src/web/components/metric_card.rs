//! A figure card: title, value with its `data-metric` hook, and why it is empty when it is.

use leptos::prelude::*;

#[component]
pub fn MetricCard(
    title: &'static str,
    /// The value's path in the report JSON.
    metric: &'static str,
    value: Option<f64>,
    /// Shown when the value is unknown.
    empty_reason: &'static str,
    #[prop(optional)] note: Option<String>,
) -> impl IntoView {
    view! {
        <article class="kpi">
            <h3>{title}</h3>
            <p class="kpi-value" data-metric=metric data-value=crate::format::raw(value)>
                {crate::format::count(value.map(|v| v.round() as i64))}
            </p>
            {value.is_none().then(|| view! { <p class="kpi-reason">{empty_reason}</p> })}
            {note.map(|n| view! { <p class="kpi-second">{n}</p> })}
        </article>
    }
}
