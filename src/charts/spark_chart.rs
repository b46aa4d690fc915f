//! KPI microcharts (`customers.spark.<kpi>`): the monthly value over the range as a small line,
//! broken where a month is unknown, with the last point marked.

use super::{err, ChartMap, Item, Shape, Theme};
use crate::locale::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub struct Spark {
    pub months: Vec<String>,
    pub values: Vec<Option<f64>>,
}

impl Spark {
    pub fn tooltip(&self, i: usize, lang: Lang) -> Option<String> {
        let v = match *self.values.get(i)? {
            Some(x) if x.fract() == 0.0 => lang.number(x, 0),
            Some(x) => lang.number(x, 1),
            None => "—".into(),
        };
        Some(super::pair(lang, &lang.month_text(self.months.get(i)?), &v))
    }
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Spark,
    theme: &Theme,
) -> Result<ChartMap, String> {
    area.fill(&theme.background).map_err(err)?;
    let (w, h) = area.dim_in_pixel();
    let scale = theme.pixel_ratio;
    let known: Vec<f64> = data.values.iter().flatten().copied().collect();
    let n = data.values.len().max(2);
    let (lo, hi) = known
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    let (lo, hi) = if known.is_empty() {
        (0.0, 1.0)
    } else if lo == hi {
        (lo - 1.0, hi + 1.0)
    } else {
        (lo, hi)
    };
    let pad = (3.0 * scale) as i32;
    let mut chart = ChartBuilder::on(area)
        .margin(pad)
        .build_cartesian_2d(0f64..(n - 1) as f64, lo..hi)
        .map_err(err)?;
    let color = theme.series(0);
    let points: Vec<Option<(f64, f64)>> = data
        .values
        .iter()
        .enumerate()
        .map(|(i, v)| v.map(|v| (i as f64, v)))
        .collect();
    for run in points.split(|p| p.is_none()) {
        let run: Vec<(f64, f64)> = run.iter().flatten().copied().collect();
        chart
            .draw_series(LineSeries::new(
                run,
                color.stroke_width((1.5 * scale).max(1.0) as u32),
            ))
            .map_err(err)?;
    }
    if let Some(Some(last)) = points.iter().rev().find(|p| p.is_some()) {
        chart
            .draw_series(std::iter::once(Circle::new(
                *last,
                (2.5 * scale) as i32,
                color.filled(),
            )))
            .map_err(err)?;
    }
    let mut map = ChartMap {
        plot: (0, 0, w as i32, h as i32),
        ..Default::default()
    };
    for i in 0..data.values.len() {
        let (x0, _) = chart.backend_coord(&(i as f64 - 0.5, lo));
        let (x1, _) = chart.backend_coord(&(i as f64 + 0.5, lo));
        map.bands.push(Item {
            index: i,
            series: None,
            shape: Shape::Rect {
                x0,
                y0: 0,
                x1,
                y1: h as i32,
            },
        });
    }
    area.present().map_err(err)?;
    Ok(map)
}
