//! License rows per 20-point band (`licenses.deployment_bands`, `licenses.usage_bands`).

use super::stacked_columns::{self, Columns, Series};
use super::{ChartMap, Theme};
use crate::locale::Lang;
use crate::metrics::licenses::buckets::Bands;
use plotters::coord::Shift;
use plotters::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct BandChart {
    pub name: String,
    pub counts: [u64; 6],
    /// Palette index.
    pub colour: usize,
}

impl BandChart {
    /// The numbers this chart draws, as a table (the "Table" switch and the CSV export).
    pub fn table(&self) -> super::table::Table {
        use super::table::Table;
        let labels: Vec<String> = Bands::LABELS.iter().map(|l| format!("{l}%")).collect();
        Table::categories("Band", "License rows", &labels, &self.counts)
    }

    pub fn new(name: &str, bands: &Bands, colour: usize) -> BandChart {
        BandChart {
            name: name.into(),
            counts: bands.counts(),
            colour,
        }
    }
    pub fn tooltip(&self, i: usize, lang: Lang) -> Option<String> {
        let name = crate::text::lookup(lang, &self.name).unwrap_or(&self.name);
        Some(crate::text::fill(
            lang,
            "{} {}%: {} license rows",
            &[
                name,
                Bands::LABELS.get(i)?,
                &lang.number(*self.counts.get(i)? as f64, 0),
            ],
        ))
    }
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &BandChart,
    theme: &Theme,
) -> Result<ChartMap, String> {
    let columns = Columns {
        labels: Bands::LABELS.iter().map(|l| format!("{l}%")).collect(),
        series: vec![Series {
            name: data.name.clone(),
            values: data.counts.iter().map(|c| Some(*c as f64)).collect(),
            color: theme.series(data.colour),
            below_zero: false,
        }],
        lines: Vec::new(),
    };
    stacked_columns::draw(area, &columns, theme)
}
