//! A chart's numbers as an HTML table (the chart's "Table" switch): a caption, column headers,
//! and the first cell of each row as its row header.

use crate::i18n::{month_text, number_text, td};
use leptos::prelude::*;
use partnerlens::charts::table::Table;

#[component]
pub fn ChartTable(
    /// `data-chart-table`, the chart's name.
    name: String,
    caption: String,
    table: Table,
) -> impl IntoView {
    view! {
        <table class="grid chart-table" data-chart-table=name>
            <caption>{caption}</caption>
            <thead><tr>{table.header.into_iter().map(|h| view! { <th scope="col">{td(&h)}</th> }).collect_view()}</tr></thead>
            <tbody>
                {table.rows.into_iter().map(|r| view! {
                    <tr>{r.into_iter().enumerate().map(|(i, c)| if i == 0 {
                        view! { <th scope="row">{month_text(&c)}</th> }.into_any()
                    } else {
                        view! { <td class="num">{number_text(&c)}</td> }.into_any()
                    }).collect_view()}</tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}
