//! One value per month as columns (`azure.new_customers`, `azure.renewals`); null months are
//! gaps.

use super::stacked_columns::{self, Columns, Series};
use super::{ChartMap, Theme};
use crate::locale::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct MonthlyColumns {
    pub name: String,
    pub months: Vec<String>,
    pub values: Vec<Option<u64>>,
    /// Palette index.
    pub colour: usize,
}

impl MonthlyColumns {
    /// The numbers this chart draws, as a table (the "Table" switch and the CSV export).
    pub fn table(&self) -> super::table::Table {
        use super::table::Table;
        Table::monthly(&self.months, &[(self.name.as_str(), &self.values[..])])
    }

    pub fn tooltip(&self, i: usize, lang: Lang) -> Option<String> {
        let v = super::or_dash(lang, *self.values.get(i)?);
        Some(format!(
            "{}\n{}",
            lang.month_text(self.months.get(i)?),
            super::pair(lang, &self.name, &v)
        ))
    }
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &MonthlyColumns,
    theme: &Theme,
) -> Result<ChartMap, String> {
    let columns = Columns {
        labels: data.months.clone(),
        series: vec![Series {
            name: data.name.clone(),
            values: data.values.iter().map(|v| v.map(|x| x as f64)).collect(),
            color: theme.series(data.colour),
            below_zero: false,
        }],
        lines: Vec::new(),
    };
    stacked_columns::draw(area, &columns, theme)
}
