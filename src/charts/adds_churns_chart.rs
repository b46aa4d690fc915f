//! Customer adds and churns (`customers.adds_churns`): per month, new and existing customers
//! stacked up, churned customers below zero (metrics.md §2 monthly series).

use super::stacked_columns::{self, Columns, Series};
use super::{ChartMap, Theme};
use crate::locale::Lang;
use crate::metrics::customers::MonthlyCustomers;
use crate::metrics::range::Range;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The series names, in stacking order; their index is what the legend toggles.
pub const SERIES: [&str; 3] = ["New", "Existing", "Churned"];

#[derive(Clone, Debug, PartialEq)]
pub struct AddsChurns {
    pub months: Vec<String>,
    /// New, existing, churned per month.
    pub values: [Vec<Option<u64>>; 3],
    /// Series hidden by the legend.
    pub hidden: [bool; 3],
}

impl AddsChurns {
    /// The numbers this chart draws, as a table (the "Table" switch and the CSV export).
    pub fn table(&self) -> super::table::Table {
        use super::table::Table;
        Table::monthly(
            &self.months,
            &[
                (SERIES[0], &self.values[0][..]),
                (SERIES[1], &self.values[1][..]),
                (SERIES[2], &self.values[2][..]),
            ],
        )
    }

    /// The months of `range` from the monthly series.
    pub fn new(monthly: &[MonthlyCustomers], range: Range, hidden: [bool; 3]) -> AddsChurns {
        let rows: Vec<&MonthlyCustomers> = monthly
            .iter()
            .filter(|m| m.month >= range.from && m.month <= range.to)
            .collect();
        AddsChurns {
            months: rows.iter().map(|m| m.month.to_string()).collect(),
            values: [
                rows.iter().map(|m| m.new).collect(),
                rows.iter().map(|m| m.existing).collect(),
                rows.iter().map(|m| m.churned).collect(),
            ],
            hidden,
        }
    }

    pub fn columns(&self, theme: &Theme) -> Columns {
        let colors = [theme.series(2), theme.series(0), theme.series(3)];
        Columns {
            labels: self.months.clone(),
            series: (0..3)
                .filter(|i| !self.hidden[*i])
                .map(|i| Series {
                    name: SERIES[i].into(),
                    values: self.values[i].iter().map(|v| v.map(|x| x as f64)).collect(),
                    color: colors[i],
                    below_zero: i == 2,
                })
                .collect(),
            lines: Vec::new(),
        }
    }

    /// The tooltip for month `i`: its month and every value (hidden series too).
    pub fn tooltip(&self, i: usize, lang: Lang) -> Option<String> {
        let month = lang.month_text(self.months.get(i)?);
        let v = |s: usize| {
            super::pair(
                lang,
                SERIES[s],
                &super::or_dash(lang, self.values[s].get(i).copied().flatten()),
            )
        };
        Some(format!("{month}\n{}\n{}\n{}", v(0), v(1), v(2)))
    }
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &AddsChurns,
    theme: &Theme,
) -> Result<ChartMap, String> {
    stacked_columns::draw(area, &data.columns(theme), theme)
}
