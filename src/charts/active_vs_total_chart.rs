//! Active customers (`customers.active_vs_total`): columns of active customers per month and a
//! line of total customers (Partner Center's "Active customers" chart).

use super::stacked_columns::{self, Columns, Series};
use super::{ChartMap, Theme};
use crate::locale::Lang;
use crate::metrics::customers::MonthlyCustomers;
use crate::metrics::range::Range;
use plotters::coord::Shift;
use plotters::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct ActiveVsTotal {
    pub months: Vec<String>,
    pub active: Vec<Option<u64>>,
    pub customers: Vec<Option<u64>>,
}

impl ActiveVsTotal {
    /// The numbers this chart draws, as a table (the "Table" switch and the CSV export).
    pub fn table(&self) -> super::table::Table {
        use super::table::Table;
        Table::monthly(
            &self.months,
            &[
                ("Active customers", &self.active[..]),
                ("Customers", &self.customers[..]),
            ],
        )
    }

    pub fn new(monthly: &[MonthlyCustomers], range: Range) -> ActiveVsTotal {
        let rows: Vec<&MonthlyCustomers> = monthly
            .iter()
            .filter(|m| m.month >= range.from && m.month <= range.to)
            .collect();
        ActiveVsTotal {
            months: rows.iter().map(|m| m.month.to_string()).collect(),
            active: rows.iter().map(|m| m.active).collect(),
            customers: rows.iter().map(|m| m.customers).collect(),
        }
    }
    pub fn columns(&self, theme: &Theme) -> Columns {
        let f = |v: &Vec<Option<u64>>| v.iter().map(|x| x.map(|y| y as f64)).collect();
        Columns {
            labels: self.months.clone(),
            series: vec![Series {
                name: "Active customers".into(),
                values: f(&self.active),
                color: theme.series(5),
                below_zero: false,
            }],
            lines: vec![Series {
                name: "Customers".into(),
                values: f(&self.customers),
                color: theme.series(0),
                below_zero: false,
            }],
        }
    }
    pub fn tooltip(&self, i: usize, lang: Lang) -> Option<String> {
        let month = lang.month_text(self.months.get(i)?);
        let v = |s: &Vec<Option<u64>>| super::or_dash(lang, s.get(i).copied().flatten());
        Some(format!(
            "{month}\n{}\n{}",
            super::pair(lang, "Active customers", &v(&self.active)),
            super::pair(lang, "Customers", &v(&self.customers))
        ))
    }
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &ActiveVsTotal,
    theme: &Theme,
) -> Result<ChartMap, String> {
    stacked_columns::draw(area, &data.columns(theme), theme)
}
