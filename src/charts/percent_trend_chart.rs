//! Deployment % and usage % per month (`licenses.trend`): two lines, broken where unknown.

use super::stacked_columns::{self, Columns, Series};
use super::{ChartMap, Theme};
use crate::locale::Lang;
use crate::metrics::licenses::adoption_trend::AdoptionMonth;
use plotters::coord::Shift;
use plotters::prelude::*;

pub const SERIES: [&str; 2] = ["Deployment %", "Usage %"];

#[derive(Clone, Debug, PartialEq)]
pub struct PercentTrend {
    pub months: Vec<String>,
    pub deployment: Vec<Option<f64>>,
    pub usage: Vec<Option<f64>>,
}

impl PercentTrend {
    /// The numbers this chart draws, as a table (the "Table" switch and the CSV export).
    pub fn table(&self) -> super::table::Table {
        use super::table::Table;
        Table::monthly(
            &self.months,
            &[
                ("Deployment %", &self.deployment[..]),
                ("Usage %", &self.usage[..]),
            ],
        )
    }

    pub fn new(trend: &[AdoptionMonth]) -> PercentTrend {
        PercentTrend {
            months: trend.iter().map(|m| m.month.to_string()).collect(),
            deployment: trend.iter().map(|m| m.deployment_pct).collect(),
            usage: trend.iter().map(|m| m.usage_pct).collect(),
        }
    }
    pub fn tooltip(&self, i: usize, lang: Lang) -> Option<String> {
        let p = |v: Option<f64>| v.map(|x| lang.percent(x, 1)).unwrap_or_else(|| "—".into());
        Some(format!(
            "{}\n{}\n{}",
            lang.month_text(self.months.get(i)?),
            super::pair(lang, "Deployment", &p(*self.deployment.get(i)?)),
            super::pair(lang, "Usage", &p(*self.usage.get(i)?))
        ))
    }
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &PercentTrend,
    theme: &Theme,
) -> Result<ChartMap, String> {
    let columns = Columns {
        labels: data.months.clone(),
        series: Vec::new(),
        lines: vec![
            Series {
                name: SERIES[0].into(),
                values: data.deployment.clone(),
                color: theme.series(0),
                below_zero: false,
            },
            Series {
                name: SERIES[1].into(),
                values: data.usage.clone(),
                color: theme.series(1),
                below_zero: false,
            },
        ],
    };
    stacked_columns::draw(area, &columns, theme)
}
