//! Every customer × product × workload with sold, assigned, active and both percentages:
//! sortable, searchable, exportable. Values above 100 % are flagged with the documented reasons.

use crate::format::{count, percent};
use crate::i18n::{t, tf};
use crate::session::Session;
use leptos::prelude::*;
use partnerlens::metrics::licenses::license_rows::CustomerLicense;

/// Rows shown before "Show all".
const PAGE: usize = 50;
const COLUMNS: [&str; 8] = [
    "Customer",
    "Product",
    "Workload",
    "Sold",
    "Assigned",
    "Active",
    "Deployment %",
    "Usage %",
];
/// Why a percentage can exceed 100 (Partner Center's guidance on raising adoption and its known issues).
pub const ABOVE_100: &str = "Above 100 % can be right: staff turnover (licenses reassigned within 28 days count twice), a subscription in its grace period beside its replacement, trial licenses, or Yammer usage counted with Office.";

fn key(r: &CustomerLicense, col: usize) -> f64 {
    match col {
        3 => r.sold,
        4 => r.assigned,
        5 => r.active,
        6 => r.deployment_pct,
        _ => r.usage_pct,
    }
    .unwrap_or(-1.0)
}

#[component]
pub fn LicenseCustomersView(session: Session) -> impl IntoView {
    let search = RwSignal::new(String::new());
    // Long tables show their first rows until asked for all.
    let show_all = RwSignal::new(false);
    let sort = RwSignal::new((0usize, false));
    let rows = Memo::new(move |_| {
        session.report.with(|r| {
            r.as_ref()
                .and_then(|r| r.licenses.as_ref())
                .map(|l| l.customers.clone())
                .unwrap_or_default()
        })
    });
    let shown = move || {
        let q = search.get().trim().to_lowercase();
        let (col, desc) = sort.get();
        let mut v: Vec<CustomerLicense> = rows
            .get()
            .into_iter()
            .filter(|r| {
                q.is_empty()
                    || r.customer.to_lowercase().contains(&q)
                    || r.product.to_lowercase().contains(&q)
                    || r.workload
                        .as_deref()
                        .unwrap_or("")
                        .to_lowercase()
                        .contains(&q)
            })
            .collect();
        v.sort_by(|a, b| {
            let o = match col {
                0 => a.customer.cmp(&b.customer),
                1 => a.product.cmp(&b.product),
                2 => a.workload.cmp(&b.workload),
                c => key(a, c).total_cmp(&key(b, c)),
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
        let f = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
        let rows: Vec<Vec<String>> = shown()
            .into_iter()
            .map(|r| {
                vec![
                    r.customer,
                    r.product,
                    r.workload.unwrap_or_default(),
                    f(r.sold),
                    f(r.assigned),
                    f(r.active),
                    f(r.deployment_pct),
                    f(r.usage_pct),
                ]
            })
            .collect();
        if let Err(e) = crate::io::download(
            "licenses-per-customer.csv",
            "text/csv",
            &partnerlens::export::csv(&COLUMNS, &rows),
        ) {
            leptos::logging::warn!("{e}");
        }
    };
    let cell = |v: Option<f64>| view! { <td class="num">{count(v.map(|x| x.round() as i64))}</td> };
    let pct_cell = |v: Option<f64>| {
        let over = v.is_some_and(|x| x > 100.0);
        view! {
            <td class="num" class:over=over title=if over { t(ABOVE_100) } else { "" }>
                {percent(v)}{over.then(|| view! { <span class="flag" aria-label=t(ABOVE_100)>" ⚑"</span> })}
            </td>
        }
    };
    view! {
        <section class="card wide" id="license-customers">
            <h2>{t("Licenses per customer")}</h2>
            <div class="grid-tools">
                <input type="search" placeholder=t("Search customers, products, workloads") aria-label=t("Search licenses") data-license-search=""
                    prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
                <button class="button small" data-export="licenses" on:click=export>{t("Export CSV")}</button>
                <span class="hint">{t("⚑ above 100 %: hover for why that can be right")}</span>
            </div>
            <table class="grid" id="license-table">
                <thead><tr>
                    {COLUMNS.iter().enumerate().map(|(i, c)| view! {
                        <th scope="col" class:num={i > 2} aria-sort=move || { let (col, desc) = sort.get(); if col == i { if desc { "descending" } else { "ascending" } } else { "none" } }>
                            <button class="sort" data-sort=i.to_string() on:click=move |_| sort.update(|s| *s = if s.0 == i { (i, !s.1) } else { (i, i > 2) })>{t(c)}</button>
                        </th>
                    }).collect_view()}
                </tr></thead>
                <tbody>
                    {move || shown().into_iter().take(if show_all.get() { usize::MAX } else { PAGE }).map(|r| view! {
                        <tr data-customer=r.customer.clone()>
                            <td>{r.customer.clone()}</td><td>{r.product.clone()}</td><td>{r.workload.clone().unwrap_or("—".into())}</td>
                            {cell(r.sold)}{cell(r.assigned)}{cell(r.active)}{pct_cell(r.deployment_pct)}{pct_cell(r.usage_pct)}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {move || {
                let n = shown().len();
                (n > PAGE && !show_all.get()).then(|| view! {
                    <button class="button small" data-show-all="" on:click=move |_| show_all.set(true)>{tf("Show all {} rows", &[&crate::format::n(n as u64)])}</button>
                })
            }}
        </section>
    }
}
