//! Subscription churn (`azure.subscription_churn`, `subscriptions.by_product`): per month,
//! active subscriptions as columns and deprovisioned or suspended ones below zero.

use super::stacked_columns::{self, Columns, Series};
use super::{ChartMap, Theme};
use crate::locale::Lang;
use crate::metrics::azure::subscription_series::SubscriptionMonth;
use crate::metrics::range::Range;
use plotters::coord::Shift;
use plotters::prelude::*;

pub const SERIES: [&str; 2] = ["Active", "Deprovisioned or suspended"];

#[derive(Clone, Debug, PartialEq)]
pub struct SubscriptionChurn {
    pub months: Vec<String>,
    pub active: Vec<Option<u64>>,
    pub deprovisioned: Vec<Option<u64>>,
    pub new: Vec<Option<u64>>,
    pub renewed: Vec<Option<u64>>,
    pub hidden: [bool; 2],
}

impl SubscriptionChurn {
    /// The numbers this chart draws, as a table (the "Table" switch and the CSV export).
    pub fn table(&self) -> super::table::Table {
        use super::table::Table;
        Table::monthly(
            &self.months,
            &[
                (SERIES[0], &self.active[..]),
                (SERIES[1], &self.deprovisioned[..]),
                ("New", &self.new[..]),
                ("Renewed", &self.renewed[..]),
            ],
        )
    }

    pub fn new(
        monthly: &[SubscriptionMonth],
        range: Range,
        hidden: [bool; 2],
    ) -> SubscriptionChurn {
        let rows: Vec<&SubscriptionMonth> = monthly
            .iter()
            .filter(|m| m.month >= range.from && m.month <= range.to)
            .collect();
        SubscriptionChurn {
            months: rows.iter().map(|m| m.month.to_string()).collect(),
            active: rows.iter().map(|m| m.active_subscriptions).collect(),
            deprovisioned: rows.iter().map(|m| m.deprovisioned_subscriptions).collect(),
            new: rows.iter().map(|m| m.new_subscriptions).collect(),
            renewed: rows.iter().map(|m| m.renewed_subscriptions).collect(),
            hidden,
        }
    }
    pub fn columns(&self, theme: &Theme) -> Columns {
        let f = |v: &Vec<Option<u64>>| v.iter().map(|x| x.map(|y| y as f64)).collect();
        let mut series = Vec::new();
        if !self.hidden[0] {
            series.push(Series {
                name: SERIES[0].into(),
                values: f(&self.active),
                color: theme.series(0),
                below_zero: false,
            });
        }
        if !self.hidden[1] {
            series.push(Series {
                name: SERIES[1].into(),
                values: f(&self.deprovisioned),
                color: theme.series(3),
                below_zero: true,
            });
        }
        Columns {
            labels: self.months.clone(),
            series,
            lines: Vec::new(),
        }
    }
    pub fn tooltip(&self, i: usize, lang: Lang) -> Option<String> {
        let v = |name: &str, s: &Vec<Option<u64>>| {
            super::pair(
                lang,
                name,
                &super::or_dash(lang, s.get(i).copied().flatten()),
            )
        };
        Some(format!(
            "{}\n{}\n{}\n{}\n{}",
            lang.month_text(self.months.get(i)?),
            v("Active", &self.active),
            v("New", &self.new),
            v("Deprovisioned or suspended", &self.deprovisioned),
            v("Renewed", &self.renewed)
        ))
    }
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &SubscriptionChurn,
    theme: &Theme,
) -> Result<ChartMap, String> {
    stacked_columns::draw(area, &data.columns(theme), theme)
}
