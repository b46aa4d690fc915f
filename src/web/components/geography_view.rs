//! Geographic spread: a world map coloured by current customers per country and a grid of
//! country, customers, active, added and their shares. Every grid column sorts, a search box
//! filters, selecting a country (grid or map) highlights it, and Reset returns to the world.

use super::chart_canvas::ChartCanvas;
use crate::format::{count, percent};
use crate::i18n::{t, tf};
use crate::session::Session;
use leptos::prelude::*;
use partnerlens::charts::map_chart::{self, MapData};
use partnerlens::charts::message;
use partnerlens::metrics::customers::geography::MarketRow;

const COLUMNS: [&str; 7] = [
    "Country",
    "Customers",
    "Active",
    "Added",
    "Customers %",
    "Active %",
    "Added %",
];

fn sort_key(r: &MarketRow, col: usize) -> f64 {
    match col {
        1 => r.customers as f64,
        2 => r.active.map(|v| v as f64).unwrap_or(-1.0),
        3 => r.added as f64,
        4 => r.customers_share_pct.unwrap_or(-1.0),
        5 => r.active_share_pct.unwrap_or(-1.0),
        _ => r.added_share_pct.unwrap_or(-1.0),
    }
}

#[component]
pub fn GeographyView(session: Session) -> impl IntoView {
    let selected = crate::view_state::bind_pick("country");
    let search = RwSignal::new(String::new());
    // (column, descending): customers, largest first.
    let sort = RwSignal::new((1usize, true));
    let rows = Memo::new(move |_| {
        session.report.with(|r| {
            r.as_ref()
                .and_then(|r| r.customers.as_ref())
                .map(|c| c.geography.clone())
                .unwrap_or_default()
        })
    });
    let shown = move || {
        let q = search.get().trim().to_lowercase();
        let (col, desc) = sort.get();
        let mut v: Vec<MarketRow> = rows
            .get()
            .into_iter()
            .filter(|r| q.is_empty() || r.market.to_lowercase().contains(&q))
            .collect();
        v.sort_by(|a, b| {
            let o = if col == 0 {
                a.market.cmp(&b.market)
            } else {
                sort_key(a, col).total_cmp(&sort_key(b, col))
            };
            if desc {
                o.reverse()
            } else {
                o
            }
        });
        v
    };
    let map_data = move || {
        let world = session.world.get()?;
        let r = rows.get();
        let (data, unmatched) = MapData::new(
            &world,
            r.iter().map(|m| (m.market.as_str(), m.customers)),
            selected.get().as_deref(),
        );
        Some((world, data, unmatched))
    };
    let pick = Callback::new(move |i: Option<usize>| {
        let Some(world) = session.world.get_untracked() else {
            return;
        };
        let market = i.and_then(|i| {
            rows.with_untracked(|r| {
                r.iter()
                    .find(|m| world.find(&m.market) == Some(i))
                    .map(|m| m.market.clone())
            })
        });
        selected.set(market);
    });
    view! {
        <section class="card wide" id="geography">
            <h2>{t("Geographic spread")}</h2>
            <ChartCanvas name="customers.geography".into()
                table=Signal::derive(move || partnerlens::charts::table::Table::categories("Country", "Customers", &rows.get().iter().map(|r| r.market.clone()).collect::<Vec<_>>(), &rows.get().iter().map(|r| r.customers).collect::<Vec<_>>())) height=340
                label=Signal::derive(move || tf("World map of current customers by country: {}", &[&rows.get().iter().map(|r| format!("{} {}", r.market, crate::format::n(r.customers))).collect::<Vec<_>>().join("; ")]))
                draw=move |area, theme| match map_data() {
                    Some((world, data, _)) => map_chart::draw(area, &world, &data, theme),
                    None => message::draw(area, t("Loading the world map…"), theme),
                }
                tooltip=move |i| {
                    let world = session.world.get_untracked()?;
                    let name = world.countries.get(i)?.name.clone();
                    let row = rows.with_untracked(|r| r.iter().find(|m| world.find(&m.market) == Some(i)).cloned());
                    Some(match row { Some(r) => tf("{}: {} customers", &[&r.market, &crate::format::n(r.customers)]), None => tf("{}: no customers", &[&name]) })
                }
                on_pick=pick />
            {move || map_data().map(|(_, _, unmatched)| unmatched).filter(|u| !u.is_empty()).map(|u| view! {
                <p class="hint">{t("Not on the map (no country of that name):")}" "{u.join(", ")}</p>
            })}
            <div class="grid-tools">
                <input type="search" placeholder=t("Search countries") aria-label=t("Search countries") data-grid-search=""
                    prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev)) />
                <button class="button small" data-grid-reset="" on:click=move |_| { selected.set(None); search.set(String::new()); }>{t("Reset: whole world")}</button>
                {move || selected.get().map(|s| view! { <span class="selected-country">{t("Selected:")}" " <strong>{s}</strong></span> })}
            </div>
            <table class="grid" id="geography-grid">
                <thead>
                    <tr>
                        {COLUMNS.iter().enumerate().map(|(i, c)| view! {
                            <th scope="col" class:num={i > 0} aria-sort=move || { let (col, desc) = sort.get(); if col == i { if desc { "descending" } else { "ascending" } } else { "none" } }>
                                <button class="sort" data-sort=i.to_string() on:click=move |_| sort.update(|s| *s = if s.0 == i { (i, !s.1) } else { (i, i > 0) })>
                                    {t(c)}
                                    {move || { let (col, desc) = sort.get(); if col == i { if desc { " ▼" } else { " ▲" } } else { "" } }}
                                </button>
                            </th>
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let v = shown();
                        if v.is_empty() {
                            return view! { <tr><td colspan="7" class="hint">{t("No country matches. CustomerMarket (or CustomerTenantCountry) fills this grid.")}</td></tr> }.into_any();
                        }
                        v.into_iter().map(|r| {
                            let market = r.market.clone();
                            let is_sel = selected.get().as_deref() == Some(r.market.as_str());
                            view! {
                                <tr class:selected=is_sel aria-selected=is_sel.to_string() data-market=r.market.clone()>
                                    <td><button class="link" on:click=move |_| selected.set(Some(market.clone()))>{r.market.clone()}</button></td>
                                    <td class="num">{count(Some(r.customers as i64))}</td>
                                    <td class="num">{count(r.active.map(|v| v as i64))}</td>
                                    <td class="num">{count(Some(r.added as i64))}</td>
                                    <td class="num">{percent(r.customers_share_pct)}</td>
                                    <td class="num">{percent(r.active_share_pct)}</td>
                                    <td class="num">{percent(r.added_share_pct)}</td>
                                </tr>
                            }
                        }).collect_view().into_any()
                    }}
                </tbody>
            </table>
        </section>
    }
}
