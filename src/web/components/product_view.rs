//! Customers by product: a pie of current customers per product; selecting a slice (click, the
//! product buttons, or arrow keys on the pie) shows that product's SKU breakdown beside it.

use super::chart_canvas::ChartCanvas;
use crate::i18n::{t, tf};
use crate::session::Session;
use leptos::prelude::*;
use partnerlens::charts::bar_chart::{self, Bars};
use partnerlens::charts::message;
use partnerlens::charts::pie_chart::{self, Pie};

#[component]
pub fn ProductView(session: Session) -> impl IntoView {
    let selected = RwSignal::new(None::<usize>);
    let products = Memo::new(move |_| {
        session.report.with(|r| {
            r.as_ref()
                .and_then(|r| r.customers.as_ref())
                .map(|c| c.by_product.clone())
                .unwrap_or_default()
        })
    });
    // The selection is kept by product name in the address (`pick.product`): a new product
    // list (new data or filters) finds it again, or clears it when the product is gone.
    let pick = crate::view_state::bind_pick("product");
    Effect::new(move |_| {
        let want = pick.with(|l| l.clone());
        let index = want.and_then(|l| products.with(|p| p.iter().position(|x| x.product == l)));
        if products.with(|p| !p.is_empty()) && selected.get_untracked() != index {
            selected.set(index);
        }
    });
    Effect::new(move |_| {
        let label = selected
            .get()
            .and_then(|i| products.with_untracked(|p| p.get(i).map(|x| x.product.clone())));
        if products.with_untracked(|p| !p.is_empty()) && pick.get_untracked() != label {
            pick.set(label);
        }
    });
    let pie = move || Pie {
        labels: products.with(|p| p.iter().map(|x| x.product.clone()).collect()),
        values: products.with(|p| p.iter().map(|x| x.customers).collect()),
        selected: selected.get(),
    };
    let skus = move || {
        selected
            .get()
            .and_then(|i| products.with(|p| p.get(i).cloned()))
    };
    let step = Callback::new(move |d: i32| {
        let n = products.with(|p| p.len()) as i32;
        if n > 0 {
            selected.update(|s| {
                *s = Some(match *s {
                    Some(i) => (i as i32 + d).rem_euclid(n) as usize,
                    None => 0,
                })
            });
        }
    });
    let epoch = use_context::<crate::theme::ThemeEpoch>();
    let pie_label = Signal::derive(move || {
        let p = pie();
        tf(
            "Current customers by product: {}",
            &[&p.labels
                .iter()
                .zip(&p.values)
                .map(|(l, v)| format!("{l} {}", crate::format::n(*v)))
                .collect::<Vec<_>>()
                .join("; ")],
        )
    });
    view! {
        <section class="card wide" id="by-product">
            <h2>{t("Customers by product")}</h2>
            <div class="legend" role="group" aria-label=t("Select a product")>
                {move || {
                    let theme = crate::theme::tracked(epoch);
                    products.get().into_iter().enumerate().map(move |(i, p)| {
                    let c = theme.series(i);
                    view! {
                        <button class="legend-item" aria-pressed=move || (selected.get() == Some(i)).to_string() data-product=p.product.clone()
                            on:click=move |_| selected.update(|s| *s = if *s == Some(i) { None } else { Some(i) })>
                            <span class="swatch" style:background=format!("rgb({},{},{})", c.0, c.1, c.2)></span>
                            {format!("{} ({})", p.product, crate::format::n(p.customers))}
                        </button>
                    }
                }).collect_view()
                }}
            </div>
            <div class="split">
                <ChartCanvas name="customers.by_product".into()
                table=Signal::derive(move || pie().table()) label=pie_label height=280
                    draw=move |area, theme| pie_chart::draw(area, &pie(), theme)
                    tooltip=move |i| pie().tooltip(i, crate::i18n::lang())
                    on_pick=Callback::new(move |i: Option<usize>| if i.is_some() { selected.set(i) })
                    on_step=step />
                <div class="sku-panel" data-selected-product=move || skus().map(|p| p.product).unwrap_or_default()>
                    <h3>{move || skus().map(|p| tf("{}: customers by SKU", &[&p.product])).unwrap_or_else(|| t("SKUs and plans").into())}</h3>
                    <ChartCanvas name="customers.by_sku".into()
                        table=Signal::derive(move || skus().map(|p| partnerlens::charts::table::Table::categories("SKU", "Customers", &p.skus.iter().map(|s| s.sku.clone()).collect::<Vec<_>>(), &p.skus.iter().map(|s| s.customers).collect::<Vec<_>>())).unwrap_or_default()) height=248
                        label=Signal::derive(move || skus().map(|p| tf("{} customers by SKU: {}", &[&p.product, &p.skus.iter().map(|s| format!("{} {}", s.sku, crate::format::n(s.customers))).collect::<Vec<_>>().join("; ")])).unwrap_or(t("No product selected").into()))
                        draw=move |area, theme| match skus() {
                            None => message::draw(area, t("Select a product in the pie to see its SKUs"), theme),
                            Some(p) => bar_chart::draw(area, &Bars {
                                labels: p.skus.iter().map(|s| s.sku.clone()).collect(),
                                values: p.skus.iter().map(|s| s.customers).collect(),
                                hidden: vec![false; p.skus.len()],
                                colour_each: false,
                                empty_text: t("No SKU column (SKU, RawProductName) in the reports for this product").into(),
                            }, theme),
                        }
                        tooltip=move |i| skus().and_then(|p| p.skus.get(i).map(|s| tf("{}: {} customers", &[&s.sku, &crate::format::n(s.customers)])))
                    />
                </div>
            </div>
        </section>
    }
}
