//! Stacked columns per category (month), positives stacked up from 0 and `below_zero` series
//! stacked down from 0, with an optional line on top. Shared by the adds/churns, active vs total
//! and distribution trend charts. A category whose every value is null is a gap with a "no data"
//! mark, never a zero column.

use super::{err, ChartMap, Item, Shape, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
    pub color: RGBColor,
    /// Drawn below the zero line (churned customers).
    pub below_zero: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Columns {
    /// One label per category (a month).
    pub labels: Vec<String>,
    /// Stacked in this order; hidden series are simply left out by the caller.
    pub series: Vec<Series>,
    /// Lines over the columns (total customers; percentages).
    pub lines: Vec<Series>,
}

impl Columns {
    /// A category with no value in any series (a missing month).
    pub fn is_gap(&self, i: usize) -> bool {
        self.series
            .iter()
            .chain(self.lines.iter())
            .all(|s| s.values.get(i).copied().flatten().is_none())
    }
    fn extent(&self) -> (f64, f64) {
        let (mut lo, mut hi) = (0.0f64, 0.0f64);
        for i in 0..self.labels.len() {
            let up: f64 = self
                .series
                .iter()
                .filter(|s| !s.below_zero)
                .filter_map(|s| s.values.get(i).copied().flatten())
                .sum();
            let down: f64 = self
                .series
                .iter()
                .filter(|s| s.below_zero)
                .filter_map(|s| s.values.get(i).copied().flatten())
                .sum();
            hi = hi.max(up);
            lo = lo.min(-down);
            for v in self
                .lines
                .iter()
                .filter_map(|l| l.values.get(i).copied().flatten())
            {
                hi = hi.max(v);
            }
        }
        if hi == 0.0 && lo == 0.0 {
            hi = 1.0;
        }
        let pad = (hi - lo) * 0.08;
        (if lo < 0.0 { lo - pad } else { 0.0 }, hi + pad)
    }
}

/// Labels every `step`-th category so that they do not overlap.
pub fn label_step(count: usize, width_px: i32, font_px: f64) -> usize {
    let room = (width_px as f64 / (font_px * 5.5)).max(1.0) as usize;
    count.div_ceil(room).max(1)
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Columns,
    theme: &Theme,
) -> Result<ChartMap, String> {
    area.fill(&theme.background).map_err(err)?;
    let n = data.labels.len().max(1);
    let (lo, hi) = data.extent();
    let scale = theme.pixel_ratio;
    let font = theme.font_size * scale;
    let mut chart = ChartBuilder::on(area)
        .margin((8.0 * scale) as i32)
        .x_label_area_size((font * 2.2) as i32)
        .y_label_area_size((font * 4.0) as i32)
        .build_cartesian_2d(0f64..n as f64, lo..hi)
        .map_err(err)?;
    let label_style = TextStyle::from((theme.font.as_str(), font).into_font()).color(&theme.muted);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&|v| format_axis(*v, theme.lang))
        .y_label_style(label_style.clone())
        .light_line_style(theme.background)
        .bold_line_style(theme.grid)
        .axis_style(theme.axis)
        .draw()
        .map_err(err)?;
    let mut map = ChartMap::default();
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    map.plot = (xr.start, yr.start, xr.end, yr.end);
    map.zero_y = Some(chart.backend_coord(&(0.0, 0.0)).1);
    // Month labels under the band centres.
    let step = label_step(n, xr.end - xr.start, font);
    let below = label_style.pos(Pos::new(HPos::Center, VPos::Top));
    for (i, label) in data.labels.iter().enumerate() {
        let (x0, _) = chart.backend_coord(&(i as f64, 0.0));
        let (x1, _) = chart.backend_coord(&(i as f64 + 1.0, 0.0));
        map.bands.push(Item {
            index: i,
            series: None,
            shape: Shape::Rect {
                x0,
                y0: yr.start,
                x1,
                y1: yr.end,
            },
        });
        if i % step == 0 {
            area.draw(&Text::new(
                theme.lang.month_text(label),
                ((x0 + x1) / 2, yr.end + (font * 0.4) as i32),
                below.clone(),
            ))
            .map_err(err)?;
        }
    }
    // Columns.
    let (gap_l, gap_r) = (0.18, 0.82);
    for i in 0..data.labels.len() {
        if data.is_gap(i) {
            let (x0, y0) = chart.backend_coord(&(i as f64 + gap_l, hi));
            let (x1, y1) = chart.backend_coord(&(i as f64 + gap_r, lo));
            let mark = ShapeStyle {
                color: theme.grid.to_rgba(),
                filled: false,
                stroke_width: 1,
            };
            area.draw(&plotters::element::Rectangle::new(
                [(x0, y0), (x1, y1)],
                mark,
            ))
            .map_err(err)?;
            let mid = ((x0 + x1) / 2, (y0 + y1) / 2);
            let t = TextStyle::from((theme.font.as_str(), font * 0.85).into_font())
                .color(&theme.muted)
                .pos(Pos::new(HPos::Center, VPos::Center));
            area.draw(&Text::new(crate::text::tr(theme.lang, "no data"), mid, t))
                .map_err(err)?;
            continue;
        }
        let (mut up, mut down) = (0.0f64, 0.0f64);
        for (si, s) in data.series.iter().enumerate() {
            let Some(v) = s.values.get(i).copied().flatten() else {
                continue;
            };
            if v == 0.0 {
                continue;
            }
            let (base, top) = if s.below_zero {
                let b = -down;
                down += v;
                (b, -down)
            } else {
                let b = up;
                up += v;
                (b, up)
            };
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(i as f64 + gap_l, base), (i as f64 + gap_r, top)],
                    s.color.filled(),
                )))
                .map_err(err)?;
            let (x0, y0) = chart.backend_coord(&(i as f64 + gap_l, top));
            let (x1, y1) = chart.backend_coord(&(i as f64 + gap_r, base));
            map.items.push(Item {
                index: i,
                series: Some(si),
                shape: Shape::Rect {
                    x0,
                    y0: y0.min(y1),
                    x1,
                    y1: y0.max(y1),
                },
            });
        }
    }
    // Zero line over the columns.
    chart
        .draw_series(LineSeries::new(
            [(0.0, 0.0), (n as f64, 0.0)],
            theme.axis.stroke_width(1),
        ))
        .map_err(err)?;
    // The lines, broken at null values.
    for (li, line) in data.lines.iter().enumerate() {
        let points: Vec<Option<(f64, f64)>> = (0..data.labels.len())
            .map(|i| {
                line.values
                    .get(i)
                    .copied()
                    .flatten()
                    .map(|v| (i as f64 + 0.5, v))
            })
            .collect();
        for run in points.split(|p| p.is_none()) {
            let run: Vec<(f64, f64)> = run.iter().flatten().copied().collect();
            chart
                .draw_series(LineSeries::new(
                    run.clone(),
                    line.color.stroke_width((2.0 * scale) as u32),
                ))
                .map_err(err)?;
            chart
                .draw_series(
                    run.iter()
                        .map(|p| Circle::new(*p, (3.0 * scale) as i32, line.color.filled())),
                )
                .map_err(err)?;
        }
        let si = data.series.len() + li;
        for (i, p) in points.iter().enumerate() {
            if let Some(p) = p {
                let (x, y) = chart.backend_coord(p);
                let r = (5.0 * scale) as i32;
                map.items.push(Item {
                    index: i,
                    series: Some(si),
                    shape: Shape::Rect {
                        x0: x - r,
                        y0: y - r,
                        x1: x + r,
                        y1: y + r,
                    },
                });
            }
        }
    }
    area.present().map_err(err)?;
    Ok(map)
}

/// Axis numbers: `1.2k`, `3.4M`, integers as integers.
pub fn format_axis(v: f64, lang: crate::locale::Lang) -> String {
    let a = v.abs();
    if a >= 1e6 {
        format!("{}M", lang.number(v / 1e6, 1))
    } else if a >= 1e4 {
        format!("{}k", lang.number(v / 1e3, 0))
    } else if (v - v.round()).abs() < 1e-9 {
        lang.number(v.round(), 0)
    } else {
        lang.number(v, 1)
    }
}
