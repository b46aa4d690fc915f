//! Distribution trend (`customers.trend`): per month, current customers stacked by the values
//! of one dimension (market, segment, partner location or product). The largest values at the
//! range's end get their own colour; the rest are summed as "Other".

use super::stacked_columns::{self, Columns, Series};
use super::{ChartMap, Theme};
use crate::locale::Lang;
use crate::metrics::customers::distribution_trend::TrendMonth;
use plotters::coord::Shift;
use plotters::prelude::*;

/// How many values get their own colour.
pub const MAX_SERIES: usize = 7;

#[derive(Clone, Debug, PartialEq)]
pub struct Trend {
    pub months: Vec<String>,
    /// The series names: the top values, then "Other" when there are more.
    pub names: Vec<String>,
    /// `values[series][month]`; null in a missing month.
    pub values: Vec<Vec<Option<u64>>>,
    pub hidden: Vec<bool>,
}

impl Trend {
    /// The numbers this chart draws, as a table (the "Table" switch and the CSV export).
    pub fn table(&self) -> super::table::Table {
        use super::table::Table;
        let series: Vec<(&str, &[Option<u64>])> = self
            .names
            .iter()
            .zip(&self.values)
            .map(|(n, v)| (n.as_str(), &v[..]))
            .collect();
        Table::monthly(&self.months, &series)
    }

    pub fn new(months: &[TrendMonth], hidden_names: &[String]) -> Trend {
        // Rank values by their count in the last non-missing month, then by name.
        let mut totals: std::collections::BTreeMap<&str, u64> = Default::default();
        for m in months {
            for v in &m.values {
                *totals.entry(v.value.as_str()).or_default() += v.customers;
            }
        }
        let mut ranked: Vec<(&str, u64)> = totals.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let own: Vec<&str> = ranked
            .iter()
            .take(if ranked.len() > MAX_SERIES + 1 {
                MAX_SERIES
            } else {
                ranked.len()
            })
            .map(|r| r.0)
            .collect();
        let other = ranked.len() > own.len();
        let mut names: Vec<String> = own.iter().map(|s| s.to_string()).collect();
        if other {
            names.push("Other".into());
        }
        let values = names
            .iter()
            .enumerate()
            .map(|(si, name)| {
                months
                    .iter()
                    .map(|m| {
                        if m.missing {
                            return None;
                        }
                        Some(if other && si == names.len() - 1 {
                            m.values
                                .iter()
                                .filter(|v| !own.contains(&v.value.as_str()))
                                .map(|v| v.customers)
                                .sum()
                        } else {
                            m.values
                                .iter()
                                .find(|v| &v.value == name)
                                .map(|v| v.customers)
                                .unwrap_or(0)
                        })
                    })
                    .collect()
            })
            .collect();
        let hidden = names.iter().map(|n| hidden_names.contains(n)).collect();
        Trend {
            months: months.iter().map(|m| m.month.to_string()).collect(),
            names,
            values,
            hidden,
        }
    }
    pub fn columns(&self, theme: &Theme) -> Columns {
        Columns {
            labels: self.months.clone(),
            series: self
                .names
                .iter()
                .enumerate()
                .filter(|(i, _)| !self.hidden[*i])
                .map(|(i, n)| Series {
                    name: n.clone(),
                    values: self.values[i].iter().map(|v| v.map(|x| x as f64)).collect(),
                    color: theme.series(i),
                    below_zero: false,
                })
                .collect(),
            lines: Vec::new(),
        }
    }
    /// Month `i` and every stack's value.
    pub fn tooltip(&self, i: usize, lang: Lang) -> Option<String> {
        let mut s = lang.month_text(self.months.get(i)?);
        for (n, v) in self.names.iter().zip(&self.values) {
            let v = super::or_dash(lang, v.get(i).copied().flatten());
            s.push('\n');
            s.push_str(&super::pair(lang, n, &v));
        }
        Some(s)
    }
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Trend,
    theme: &Theme,
) -> Result<ChartMap, String> {
    stacked_columns::draw(area, &data.columns(theme), theme)
}
