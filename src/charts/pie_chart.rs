//! Customers by product (`customers.by_product`): a pie of current customers per product. The
//! selected slice is pulled out and outlined; selecting one fills the SKU chart beside it.

use super::{err, ChartMap, Item, Shape, Theme};
use crate::locale::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::f64::consts::TAU;

#[derive(Clone, Debug, PartialEq)]
pub struct Pie {
    pub labels: Vec<String>,
    pub values: Vec<u64>,
    pub selected: Option<usize>,
}

impl Pie {
    /// The numbers this chart draws, as a table (the "Table" switch and the CSV export).
    pub fn table(&self) -> super::table::Table {
        use super::table::Table;
        Table::categories("Product", "Customers", &self.labels, &self.values)
    }

    pub fn tooltip(&self, i: usize, lang: Lang) -> Option<String> {
        let total: u64 = self.values.iter().sum();
        let v = *self.values.get(i)?;
        Some(crate::text::fill(
            lang,
            "{}: {} customers ({})",
            &[
                self.labels.get(i)?,
                &lang.number(v as f64, 0),
                &lang.percent(v as f64 / total.max(1) as f64 * 100.0, 1),
            ],
        ))
    }
}

/// The point at `angle` (radians clockwise from 12 o'clock) on a circle.
fn at(cx: f64, cy: f64, r: f64, angle: f64) -> (i32, i32) {
    (
        (cx + r * angle.sin()).round() as i32,
        (cy - r * angle.cos()).round() as i32,
    )
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Pie,
    theme: &Theme,
) -> Result<ChartMap, String> {
    area.fill(&theme.background).map_err(err)?;
    let (w, h) = area.dim_in_pixel();
    let scale = theme.pixel_ratio;
    let font = theme.font_size * scale;
    let total: u64 = data.values.iter().sum();
    let (cx, cy) = (w as f64 / 2.0, h as f64 / 2.0);
    let r = (w.min(h) as f64 / 2.0 - 14.0 * scale).max(10.0);
    let mut map = ChartMap {
        plot: (0, 0, w as i32, h as i32),
        ..Default::default()
    };
    if total == 0 {
        return super::message::draw(
            area,
            crate::text::tr(theme.lang, "No current customers"),
            theme,
        );
    }
    let mut start = 0.0;
    for (i, v) in data.values.iter().enumerate() {
        if *v == 0 {
            continue;
        }
        let sweep = *v as f64 / total as f64 * TAU;
        let end = start + sweep;
        let selected = data.selected == Some(i);
        // The selected slice moves out along its middle.
        let (ox, oy) = if selected {
            let mid = start + sweep / 2.0;
            (8.0 * scale * mid.sin(), -8.0 * scale * mid.cos())
        } else {
            (0.0, 0.0)
        };
        let (sx, sy) = (cx + ox, cy + oy);
        let steps = ((sweep / TAU) * 120.0).ceil().max(2.0) as usize;
        let mut points = vec![(sx.round() as i32, sy.round() as i32)];
        points.extend((0..=steps).map(|k| at(sx, sy, r, start + sweep * k as f64 / steps as f64)));
        area.draw(&Polygon::new(points.clone(), theme.series(i).filled()))
            .map_err(err)?;
        let outline = if selected {
            theme.highlight.stroke_width((3.0 * scale) as u32)
        } else {
            theme.background.stroke_width((1.5 * scale) as u32)
        };
        let mut ring = points.clone();
        ring.push(points[0]);
        area.draw(&PathElement::new(ring, outline)).map_err(err)?;
        // A percentage label inside slices big enough to hold it.
        if sweep > 0.35 {
            let (lx, ly) = at(sx, sy, r * 0.62, start + sweep / 2.0);
            let t = TextStyle::from((theme.font.as_str(), font).into_font())
                .color(&WHITE)
                .pos(Pos::new(HPos::Center, VPos::Center));
            area.draw(&Text::new(
                format!("{:.0}%", *v as f64 / total as f64 * 100.0),
                (lx, ly),
                t,
            ))
            .map_err(err)?;
        }
        map.items.push(Item {
            index: i,
            series: None,
            shape: Shape::Slice {
                cx: sx.round() as i32,
                cy: sy.round() as i32,
                r: r.round() as i32,
                start,
                end,
            },
        });
        start = end;
    }
    area.present().map_err(err)?;
    Ok(map)
}
