//! The license portfolio at the as-of month: sold, assigned and active per product and
//! workload with both percentages (hooks: `licenses.totals.<i>.<field>`), and their trend.

use super::chart_canvas::ChartCanvas;
use crate::format::{count, percent};
use crate::i18n::{month, t, tf};
use crate::session::Session;
use leptos::prelude::*;
use partnerlens::charts::message;
use partnerlens::charts::percent_trend_chart::{self, PercentTrend};

fn n(v: Option<f64>) -> String {
    count(v.map(|x| x.round() as i64))
}

#[component]
pub fn PortfolioView(session: Session) -> impl IntoView {
    let lic = move || {
        session
            .report
            .with(|r| r.as_ref().and_then(|r| r.licenses.clone()))
    };
    let trend = move || lic().map(|l| PercentTrend::new(&l.trend));
    view! {
        <section class="card wide" id="portfolio">
            <h2>{t("Portfolio")}</h2>
            {move || lic().map(|l| {
                let missing: Vec<&str> = [("sold", l.known.sold), ("assigned", l.known.assigned), ("active", l.known.active)]
                    .into_iter().filter(|(_, k)| !k).map(|(n, _)| n).collect();
                view! {
                    <p class="range">{t("As of")}" " <strong data-as-of=l.as_of.map(|m| m.to_string()).unwrap_or_default()>{l.as_of.map(month).unwrap_or("—".into())}</strong>
                        " "{t("(the latest month of the range a license report covers)")}</p>
                    {(!missing.is_empty()).then(|| view! {
                        <p class="hint" data-missing=missing.join(",")>{tf(
                            "Not in the loaded reports: licenses {}. Sold comes from the JSON deployment answer, Dynamics / Power BI seats or the subscriptions report; assigned from any license report; active from Office / EMS usage, Dynamics / Power BI seats or the JSON usage answer.",
                            &[&missing.iter().map(|m| t(m)).collect::<Vec<_>>().join(&format!(" {} ", t("and")))])}</p>
                    })}
                    <table class="grid" id="portfolio-table">
                        <thead><tr><th scope="col">{t("Product")}</th><th scope="col">{t("Workload")}</th><th scope="col" class="num">{t("Sold")}</th><th scope="col" class="num">{t("Assigned")}</th>
                            <th scope="col" class="num">{t("Active")}</th><th scope="col" class="num">{t("Deployment %")}</th><th scope="col" class="num">{t("Usage %")}</th></tr></thead>
                        <tbody>
                            {l.totals.into_iter().enumerate().map(|(i, t)| {
                                let hook = |f: &str| format!("licenses.totals.{i}.{f}");
                                view! {
                                    <tr>
                                        <td>{t.product}</td><td>{t.workload.unwrap_or("—".into())}</td>
                                        <td class="num" data-metric=hook("sold") data-value=crate::format::raw(t.sold)>{n(t.sold)}</td>
                                        <td class="num" data-metric=hook("assigned") data-value=crate::format::raw(t.assigned)>{n(t.assigned)}</td>
                                        <td class="num" data-metric=hook("active") data-value=crate::format::raw(t.active)>{n(t.active)}</td>
                                        <td class="num" data-metric=hook("deployment_pct") data-value=crate::format::raw(t.deployment_pct)>{percent(t.deployment_pct)}</td>
                                        <td class="num" data-metric=hook("usage_pct") data-value=crate::format::raw(t.usage_pct)>{percent(t.usage_pct)}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            })}
            <h3>{t("Deployment % and usage % by month")}</h3>
            <div class="legend static">
                <span class="legend-item"><span class="swatch line palette-1"></span>{t("Deployment % (assigned / sold)")}</span>
                <span class="legend-item"><span class="swatch line palette-2"></span>{t("Usage % (active / assigned)")}</span>
            </div>
            <ChartCanvas name="licenses.trend".into()
                table=Signal::derive(move || trend().map(|t| t.table()).unwrap_or_default()) height=240
                label=Signal::derive(move || trend().map(|x| tf("Deployment and usage percentage per month over {} months", &[&x.months.len().to_string()])).unwrap_or_default())
                draw=move |area, theme| match trend() {
                    Some(t) if !t.months.is_empty() => percent_trend_chart::draw(area, &t, theme),
                    _ => message::draw(area, t("No license report covers a month of the range"), theme),
                }
                tooltip=move |i| trend().and_then(|t| t.tooltip(i, crate::i18n::lang())) />
        </section>
    }
}
