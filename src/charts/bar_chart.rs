//! Horizontal bars, one per value, largest first (`customers.by_sku`,
//! `customers.distribution`). Hidden values (legend toggles) are left out.

use super::stacked_columns::format_axis;
use super::{err, ChartMap, Item, Shape, Theme};
use crate::locale::Lang;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

#[derive(Clone, Debug, PartialEq)]
pub struct Bars {
    pub labels: Vec<String>,
    pub values: Vec<u64>,
    pub hidden: Vec<bool>,
    /// Colour every bar by its position in the palette (distributions) or all alike (SKUs).
    pub colour_each: bool,
    /// Shown when there is nothing to draw.
    pub empty_text: String,
}

impl Bars {
    /// The numbers this chart draws, as a table (the "Table" switch and the CSV export).
    pub fn table(&self) -> super::table::Table {
        use super::table::Table;
        Table::categories("Category", "Customers", &self.labels, &self.values)
    }

    pub fn visible(&self) -> Vec<usize> {
        (0..self.labels.len())
            .filter(|i| !self.hidden.get(*i).copied().unwrap_or(false))
            .collect()
    }
    pub fn tooltip(&self, i: usize, lang: Lang) -> Option<String> {
        Some(super::pair(
            lang,
            self.labels.get(i)?,
            &lang.number(*self.values.get(i)? as f64, 0),
        ))
    }
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(max - 1).collect::<String>())
    }
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &Bars,
    theme: &Theme,
) -> Result<ChartMap, String> {
    area.fill(&theme.background).map_err(err)?;
    let (w, _) = area.dim_in_pixel();
    let scale = theme.pixel_ratio;
    let font = theme.font_size * scale;
    let shown = data.visible();
    if shown.is_empty() {
        return super::message::draw(area, &data.empty_text, theme);
    }
    let max = shown
        .iter()
        .map(|i| data.values[*i])
        .max()
        .unwrap_or(0)
        .max(1) as f64
        * 1.1;
    let n = shown.len() as f64;
    let label_px = ((w as f64) * 0.42) as i32;
    let mut chart = ChartBuilder::on(area)
        .margin((8.0 * scale) as i32)
        .x_label_area_size((font * 2.0) as i32)
        .y_label_area_size(label_px)
        .build_cartesian_2d(0f64..max, 0f64..n)
        .map_err(err)?;
    let style = TextStyle::from((theme.font.as_str(), font).into_font()).color(&theme.muted);
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(5)
        .x_label_formatter(&|v| format_axis(*v, theme.lang))
        .x_label_style(style.clone())
        .light_line_style(theme.background)
        .bold_line_style(theme.grid)
        .axis_style(theme.axis)
        .draw()
        .map_err(err)?;
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    let mut map = ChartMap {
        plot: (xr.start, yr.start, xr.end, yr.end),
        ..Default::default()
    };
    let max_chars = ((label_px as f64) / (font * 0.6)) as usize;
    for (slot, &i) in shown.iter().enumerate() {
        // The largest value at the top.
        let top = n - slot as f64 - 0.15;
        let bottom = n - slot as f64 - 0.85;
        let color = if data.colour_each {
            theme.series(i)
        } else {
            theme.series(0)
        };
        let v = data.values[i] as f64;
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(0.0, bottom), (v, top)],
                color.filled(),
            )))
            .map_err(err)?;
        let (x0, y0) = chart.backend_coord(&(0.0, top));
        let (x1, y1) = chart.backend_coord(&(v, bottom));
        let (_, mid) = chart.backend_coord(&(0.0, (top + bottom) / 2.0));
        let label = style
            .clone()
            .color(&theme.text)
            .pos(Pos::new(HPos::Right, VPos::Center));
        area.draw(&Text::new(
            clip(&data.labels[i], max_chars.max(4)),
            (xr.start - (font * 0.5) as i32, mid),
            label,
        ))
        .map_err(err)?;
        let value = style
            .clone()
            .color(&theme.text)
            .pos(Pos::new(HPos::Left, VPos::Center));
        area.draw(&Text::new(
            data.values[i].to_string(),
            (x1 + (font * 0.4) as i32, mid),
            value,
        ))
        .map_err(err)?;
        map.bands.push(Item {
            index: i,
            series: None,
            shape: Shape::Rect {
                x0: 0,
                y0,
                x1: xr.end,
                y1,
            },
        });
        map.items.push(Item {
            index: i,
            series: None,
            shape: Shape::Rect {
                x0,
                y0,
                x1: x1.max(x0 + 1),
                y1,
            },
        });
    }
    area.present().map_err(err)?;
    Ok(map)
}
