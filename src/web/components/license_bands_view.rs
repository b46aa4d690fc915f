//! License rows per 20-point band of deployment % and of usage %.

use super::chart_canvas::ChartCanvas;
use crate::i18n::{t, tf};
use crate::session::Session;
use leptos::prelude::*;
use partnerlens::charts::band_chart::{self, BandChart};

#[component]
pub fn LicenseBandsView(session: Session) -> impl IntoView {
    let chart = move |deployment: bool| {
        session.report.with(|r| {
            let b = &r.as_ref()?.licenses.as_ref()?.buckets;
            Some(if deployment {
                BandChart::new("Deployment", &b.deployment, 0)
            } else {
                BandChart::new("Usage", &b.usage, 1)
            })
        })
    };
    let panel = move |deployment: bool, name: &'static str, title: &'static str| {
        view! {
            <section class="card" id=name>
                <h2>{t(title)}</h2>
                <ChartCanvas name=format!("licenses.{name}")
                table=Signal::derive(move || chart(deployment).map(|c| c.table()).unwrap_or_default()) height=220
                    label=Signal::derive(move || chart(deployment).map(|c| tf("{}: license rows per band, {}", &[t(title), &c.counts.iter().map(|n| crate::format::n(*n)).collect::<Vec<_>>().join("; ")])).unwrap_or_default())
                    draw=move |area, theme| match chart(deployment) {
                        Some(c) => band_chart::draw(area, &c, theme),
                        None => partnerlens::charts::message::draw(area, t("No license report loaded"), theme),
                    }
                    tooltip=move |i| chart(deployment).and_then(|c| c.tooltip(i, crate::i18n::lang())) />
            </section>
        }
    };
    view! {
        {panel(true, "deployment_bands", "Deployment % distribution")}
        {panel(false, "usage_bands", "Usage % distribution")}
    }
}
