//! One KPI card: value, a second figure with its direction shown by sign and arrow, a monthly
//! microchart, and hooks for tests (`data-metric`, `data-value`).

use super::chart_canvas::ChartCanvas;
use crate::i18n::{t, tf};
use leptos::prelude::*;
use partnerlens::charts::spark_chart::{self, Spark};

#[component]
pub fn KpiCard(
    /// The card's title, as Partner Center names it.
    title: &'static str,
    /// The value's path in the report JSON, e.g. `customers.kpis.customers.value`.
    metric: &'static str,
    value: Option<i64>,
    /// The second figure: label, path in the report JSON, raw value, display text.
    #[prop(optional)]
    second: Option<(&'static str, &'static str, Option<f64>, String)>,
    /// Shown when the value is unknown: which report would fill it.
    #[prop(optional)]
    empty_reason: Option<&'static str>,
    /// The microchart: `customers.spark.<kpi>` and its monthly values.
    spark_name: &'static str,
    spark: Spark,
) -> impl IntoView {
    let reason = value.is_none().then_some(empty_reason).flatten();
    let label = tf(
        "{} per month: {}",
        &[
            title,
            &spark
                .values
                .iter()
                .map(|v| {
                    v.map(|x| crate::i18n::lang().number(x, 0))
                        .unwrap_or(t("no data").into())
                })
                .collect::<Vec<_>>()
                .join("; "),
        ],
    );
    let tip = spark.clone();
    view! {
        <article class="kpi">
            <h3>{title}</h3>
            <p class="kpi-value" data-metric=metric data-value=crate::format::raw(value)>
                {crate::format::count(value)}
            </p>
            {reason.map(|r| view! { <p class="kpi-reason">{r}</p> })}
            {second.map(|(label, path, raw, text)| view! {
                <p class="kpi-second">
                    <span class="kpi-second-label">{label}" "</span>
                    <span data-metric=path data-value=crate::format::raw(raw)>{text}</span>
                </p>
            })}
            <ChartCanvas name=format!("customers.spark.{spark_name}") label=label height=36 bare=true
                draw=move |area, theme| spark_chart::draw(area, &spark, theme)
                tooltip=move |i| tip.tooltip(i, crate::i18n::lang()) />
        </article>
    }
}
