//! Azure subscription churn per month (active columns, deprovisioned or suspended below zero),
//! new Azure customers per month, renewed subscriptions per month, and those renewing in the
//! next 30 days.

use super::chart_canvas::ChartCanvas;
use super::legend::Legend;
use crate::i18n::{date, t, tf};
use crate::session::Session;
use leptos::prelude::*;
use partnerlens::charts::message;
use partnerlens::charts::monthly_columns_chart::{self, MonthlyColumns};
use partnerlens::charts::subscription_churn_chart::{self, SubscriptionChurn, SERIES};
use partnerlens::metrics::azure::subscription_series::SubscriptionMonth;

#[component]
pub fn SubscriptionChurnView(session: Session) -> impl IntoView {
    let hidden = RwSignal::new([false; 2]);
    let monthly = move || {
        session.report.with(|r| {
            let r = r.as_ref()?;
            let a = r.azure.as_ref()?;
            let range = r.range?;
            Some((
                a.monthly
                    .iter()
                    .filter(|m| m.month >= range.from && m.month <= range.to)
                    .cloned()
                    .collect::<Vec<_>>(),
                range,
            ))
        })
    };
    let churn = move || {
        monthly().map(|(rows, range)| {
            let series: Vec<SubscriptionMonth> = rows
                .iter()
                .map(|m| SubscriptionMonth {
                    month: m.month,
                    active_subscriptions: m.active_subscriptions,
                    new_subscriptions: m.new_subscriptions,
                    deprovisioned_subscriptions: m.deprovisioned_subscriptions,
                    renewed_subscriptions: m.renewed_subscriptions,
                })
                .collect();
            SubscriptionChurn::new(&series, range, hidden.get())
        })
    };
    let column =
        move |name: &'static str,
              colour: usize,
              f: fn(&partnerlens::metrics::azure::AzureMonth) -> Option<u64>| {
            monthly().map(|(rows, _)| MonthlyColumns {
                name: name.into(),
                months: rows.iter().map(|m| m.month.to_string()).collect(),
                values: rows.iter().map(f).collect(),
                colour,
            })
        };
    let new_customers = move || column("New Azure customers", 2, |m| m.new_customers);
    let renewals = move || column("Renewed subscriptions", 5, |m| m.renewed_subscriptions);
    let renewing = move || {
        session.report.with(|r| {
            r.as_ref()
                .and_then(|r| r.azure.as_ref())
                .map(|a| a.renewing_30_days.clone())
                .unwrap_or_default()
        })
    };
    view! {
        <section class="card wide" id="subscription-churn">
            <h2>{t("Azure subscription churn")}</h2>
            <Legend chart="azure.subscription_churn" names={SERIES.iter().map(|s| s.to_string()).collect::<Vec<_>>()}
                hidden=Signal::derive(move || hidden.get().to_vec()) colours={vec![0usize, 3]}
                on_toggle=Callback::new(move |i: usize| hidden.update(|h| h[i] = !h[i])) />
            <ChartCanvas name="azure.subscription_churn".into()
                table=Signal::derive(move || churn().map(|c| c.table()).unwrap_or_default()) height=280
                label=Signal::derive(move || churn().map(|c| tf("Active Azure subscriptions per month: {}", &[&c.active.iter().map(|v| v.map(crate::format::n).unwrap_or(t("no data").into())).collect::<Vec<_>>().join("; ")])).unwrap_or_default())
                draw=move |area, theme| match churn() {
                    Some(c) => subscription_churn_chart::draw(area, &c, theme),
                    None => message::draw(area, t("Needs an AzureUsage or subscriptions report"), theme),
                }
                tooltip=move |i| churn().and_then(|c| c.tooltip(i, crate::i18n::lang())) />
        </section>
        <section class="card" id="new-customers">
            <h2>{t("New Azure customers")}</h2>
            <ChartCanvas name="azure.new_customers".into()
                table=Signal::derive(move || new_customers().map(|c| c.table()).unwrap_or_default()) height=220
                label=Signal::derive(move || new_customers().map(|c| tf("New Azure customers per month: {}", &[&c.values.iter().map(|v| v.map(crate::format::n).unwrap_or(t("no data").into())).collect::<Vec<_>>().join("; ")])).unwrap_or_default())
                draw=move |area, theme| match new_customers() {
                    Some(c) => monthly_columns_chart::draw(area, &c, theme),
                    None => message::draw(area, t("Needs an AzureUsage or subscriptions report"), theme),
                }
                tooltip=move |i| new_customers().and_then(|c| c.tooltip(i, crate::i18n::lang())) />
        </section>
        <section class="card" id="renewals">
            <h2>{t("Azure subscription retention")}</h2>
            <ChartCanvas name="azure.renewals".into()
                table=Signal::derive(move || renewals().map(|c| c.table()).unwrap_or_default()) height=220
                label=Signal::derive(move || renewals().map(|c| tf("Renewed Azure subscriptions per month: {}", &[&c.values.iter().map(|v| v.map(crate::format::n).unwrap_or(t("no data").into())).collect::<Vec<_>>().join("; ")])).unwrap_or_default())
                draw=move |area, theme| match renewals() {
                    Some(c) => monthly_columns_chart::draw(area, &c, theme),
                    None => message::draw(area, t("Needs a subscriptions report with SubscriptionEndDate"), theme),
                }
                tooltip=move |i| renewals().and_then(|c| c.tooltip(i, crate::i18n::lang())) />
            <h3>{t("Renewing in the next 30 days")}</h3>
            {move || {
                let r = renewing();
                if r.is_empty() {
                    view! { <p class="hint" data-renewing="0">{t("None: no active Azure subscription with auto-renew on ends within 30 days of the range's end.")}</p> }.into_any()
                } else {
                    let n = r.len().to_string();
                    view! {
                        <ul class="plain" data-renewing=n>
                            {r.into_iter().map(|x| view! { <li>{tf("{} · {} · ends {}", &[&x.customer, &x.subscription_id, &date(&x.end_date)])}</li> }).collect_view()}
                        </ul>
                    }.into_any()
                }
            }}
        </section>
    }
}
