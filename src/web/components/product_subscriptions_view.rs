//! Subscriptions of every product (when a subscriptions report is loaded): active, new, churned
//! and renewed per month for the product chosen in the selector, and those renewing soon.

use super::chart_canvas::ChartCanvas;
use crate::i18n::{date, t, td, tf};
use crate::session::Session;
use leptos::prelude::*;
use partnerlens::charts::message;
use partnerlens::charts::subscription_churn_chart::{self, SubscriptionChurn};
use partnerlens::metrics::azure::product_subscriptions::ALL_PRODUCTS;

#[component]
pub fn ProductSubscriptionsView(session: Session) -> impl IntoView {
    let product = RwSignal::new(ALL_PRODUCTS.to_string());
    let subs = move || {
        session.report.with(|r| {
            r.as_ref()
                .and_then(|r| Some((r.subscriptions.clone()?, r.range?)))
        })
    };
    let chart = move || {
        subs().and_then(|(s, range)| {
            s.monthly
                .get(&product.get())
                .map(|m| SubscriptionChurn::new(m, range, [false; 2]))
        })
    };
    view! {
        <section class="card wide" id="product-subscriptions">
            <h2>{t("Subscriptions by product")}</h2>
            {move || match subs() {
                None => view! { <p class="hint">{t("Load a SeatsSubscriptionsAndRevenue report (or the JSON subscription answer) to see every product's subscriptions.")}</p> }.into_any(),
                Some((s, _)) => view! {
                    <label class="inline">{t("Product")}" "
                        <select data-product-select="" on:change=move |ev| product.set(event_target_value(&ev))>
                            {s.products.iter().map(|p| view! { <option value=p.clone() selected=*p == product.get_untracked()>{td(p)}</option> }).collect_view()}
                        </select>
                    </label>
                }.into_any(),
            }}
            <ChartCanvas name="subscriptions.by_product".into()
                table=Signal::derive(move || chart().map(|c| c.table()).unwrap_or_default()) height=260
                label=Signal::derive(move || tf("{}: active subscriptions per month and those deprovisioned or suspended", &[&td(&product.get())]))
                draw=move |area, theme| match chart() {
                    Some(c) => subscription_churn_chart::draw(area, &c, theme),
                    None => message::draw(area, t("Needs a subscriptions report"), theme),
                }
                tooltip=move |i| chart().and_then(|c| c.tooltip(i, crate::i18n::lang())) />
            {move || subs().map(|(s, _)| {
                let list = s.renewing_30_days.get(&product.get()).cloned().unwrap_or_default();
                view! {
                    <h3>{tf("Renewing in the next 30 days: {}", &[&list.len().to_string()])}</h3>
                    <ul class="plain">{list.into_iter().take(20).map(|x| view! { <li>{tf("{} · {} · {} · ends {}", &[&x.customer, &x.product, &x.subscription_id, &date(&x.end_date.to_string())])}</li> }).collect_view()}</ul>
                }
            })}
        </section>
    }
}
