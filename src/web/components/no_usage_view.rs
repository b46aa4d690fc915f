//! Azure subscriptions without usage in the range: sortable, searchable, exportable to CSV.

use crate::i18n::t;
use crate::session::Session;
use leptos::prelude::*;
use partnerlens::metrics::azure::usage_customers::SubscriptionWithoutUsage;

const COLUMNS: [&str; 4] = ["Subscription", "Customer", "Customer key", "Months active"];

#[component]
pub fn NoUsageView(session: Session) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let sort = RwSignal::new((3usize, true));
    let all = Memo::new(move |_| {
        session.report.with(|r| {
            r.as_ref()
                .and_then(|r| r.azure.as_ref())
                .map(|a| a.subscriptions_without_usage.clone())
        })
    });
    let shown = move || {
        let q = search.get().trim().to_lowercase();
        let (col, desc) = sort.get();
        let mut v: Vec<SubscriptionWithoutUsage> = all
            .get()
            .flatten()
            .unwrap_or_default()
            .into_iter()
            .filter(|s| {
                q.is_empty()
                    || s.subscription_id.to_lowercase().contains(&q)
                    || s.customer.to_lowercase().contains(&q)
                    || s.customer_key.contains(&q)
            })
            .collect();
        v.sort_by(|a, b| {
            let o = match col {
                0 => a.subscription_id.cmp(&b.subscription_id),
                1 => a.customer.cmp(&b.customer),
                2 => a.customer_key.cmp(&b.customer_key),
                _ => a.months_active.cmp(&b.months_active),
            };
            if desc {
                o.reverse()
            } else {
                o
            }
        });
        v
    };
    let export = move |_| {
        let rows: Vec<Vec<String>> = shown()
            .into_iter()
            .map(|s| {
                vec![
                    s.subscription_id,
                    s.customer,
                    s.customer_key,
                    s.months_active.to_string(),
                ]
            })
            .collect();
        let text = partnerlens::export::csv(&COLUMNS, &rows);
        if let Err(e) = crate::io::download("subscriptions-without-usage.csv", "text/csv", &text) {
            leptos::logging::warn!("{e}");
        }
    };
    view! {
        <section class="card" id="no-usage">
            <h2>{t("Subscriptions without usage")}</h2>
            {move || match all.get() {
                None => view! { <p class="hint">{t("Needs a customers, subscriptions or Azure usage report.")}</p> }.into_any(),
                Some(None) => view! { <p class="hint">{t("Needs an AzureUsage report: without one, usage is unknown (not zero).")}</p> }.into_any(),
                Some(Some(_)) => view! {
                    <div class="grid-tools">
                        <input type="search" placeholder=t("Search subscriptions or customers") aria-label=t("Search subscriptions without usage") data-no-usage-search=""
                            prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
                        <button class="button small" data-export="no-usage" on:click=export>{t("Export CSV")}</button>
                    </div>
                    <table class="grid" id="no-usage-table">
                        <thead><tr>
                            {COLUMNS.iter().enumerate().map(|(i, c)| view! {
                                <th scope="col" class:num={i == 3} aria-sort=move || { let (col, desc) = sort.get(); if col == i { if desc { "descending" } else { "ascending" } } else { "none" } }>
                                    <button class="sort" data-sort=i.to_string() on:click=move |_| sort.update(|s| *s = if s.0 == i { (i, !s.1) } else { (i, i == 3) })>{t(c)}</button>
                                </th>
                            }).collect_view()}
                        </tr></thead>
                        <tbody>
                            {move || {
                                let v = shown();
                                if v.is_empty() {
                                    return view! { <tr><td colspan="4" class="hint">{t("Every Azure subscription had usage in the range.")}</td></tr> }.into_any();
                                }
                                v.into_iter().map(|s| { let id = s.subscription_id.clone(); view! {
                                    <tr data-subscription=id>
                                        <td class="mono">{s.subscription_id}</td><td>{s.customer}</td><td class="mono">{s.customer_key}</td><td class="num">{crate::format::n(s.months_active as u64)}</td>
                                    </tr>
                                }}).collect_view().into_any()
                            }}
                        </tbody>
                    </table>
                }.into_any(),
            }}
        </section>
    }
}
