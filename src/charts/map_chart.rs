//! Geographic spread (`customers.geography`): countries coloured by current customers on an
//! equirectangular world map, the selected country outlined.

use super::{err, ChartMap, Item, Shape, Theme};
use crate::charts::world::World;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

#[derive(Clone, Debug, PartialEq)]
pub struct MapData {
    /// Customers per country index of the world (0 where none).
    pub values: Vec<u64>,
    pub selected: Option<usize>,
}

impl MapData {
    /// Customers per country from `(market, customers)` rows; markets that name no country are
    /// returned too, so the page can list them.
    pub fn new<'a>(
        world: &World,
        rows: impl Iterator<Item = (&'a str, u64)>,
        selected_market: Option<&str>,
    ) -> (MapData, Vec<String>) {
        let mut values = vec![0u64; world.countries.len()];
        let mut unmatched = Vec::new();
        for (market, n) in rows {
            match world.find(market) {
                Some(i) => values[i] += n,
                None if n > 0 => unmatched.push(market.to_string()),
                None => {}
            }
        }
        (
            MapData {
                values,
                selected: selected_market.and_then(|m| world.find(m)),
            },
            unmatched,
        )
    }
}

fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let l = |x: u8, y: u8| (x as f64 + (y as f64 - x as f64) * t).round() as u8;
    RGBColor(l(a.0, b.0), l(a.1, b.1), l(a.2, b.2))
}

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    world: &World,
    data: &MapData,
    theme: &Theme,
) -> Result<ChartMap, String> {
    area.fill(&theme.background).map_err(err)?;
    let scale = theme.pixel_ratio;
    let font = theme.font_size * scale;
    let mut chart = ChartBuilder::on(area)
        .margin((4.0 * scale) as i32)
        .x_label_area_size((font * 2.4) as i32)
        .build_cartesian_2d(-169f64..191f64, -58f64..84f64)
        .map_err(err)?;
    let max = data.values.iter().copied().max().unwrap_or(0).max(1) as f64;
    let mut map = ChartMap::default();
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    map.plot = (xr.start, yr.start, xr.end, yr.end);
    let mut selected_rings = Vec::new();
    for (i, country) in world.countries.iter().enumerate() {
        let v = data.values.get(i).copied().unwrap_or(0);
        let fill = if v == 0 {
            theme.empty
        } else {
            mix(theme.scale_low, theme.scale_high, (v as f64 / max).sqrt())
        };
        for ring in &country.rings {
            // Rings that cross the antimeridian (Russia, Fiji) are moved east of it as a whole.
            let (lo, hi) = ring
                .iter()
                .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p[0]), b.max(p[0])));
            let wrap = hi - lo > 180.0;
            let points: Vec<(f64, f64)> = ring
                .iter()
                .map(|p| {
                    (
                        if wrap && p[0] < 0.0 {
                            p[0] + 360.0
                        } else {
                            p[0]
                        },
                        p[1],
                    )
                })
                .collect();
            chart
                .draw_series(std::iter::once(Polygon::new(points.clone(), fill.filled())))
                .map_err(err)?;
            let px: Vec<(i32, i32)> = points.iter().map(|p| chart.backend_coord(p)).collect();
            let mut outline = px.clone();
            if let Some(first) = px.first() {
                outline.push(*first);
            }
            area.draw(&PathElement::new(
                outline.clone(),
                theme.background.stroke_width(1),
            ))
            .map_err(err)?;
            if data.selected == Some(i) {
                selected_rings.push(outline);
            }
            map.items.push(Item {
                index: i,
                series: None,
                shape: Shape::Polygon(px),
            });
        }
    }
    for ring in selected_rings {
        area.draw(&PathElement::new(
            ring,
            theme.highlight.stroke_width((2.5 * scale) as u32),
        ))
        .map_err(err)?;
    }
    // The scale: from 1 to the largest count (none when no country has a customer: the grid
    // below the map says why).
    if data.values.iter().all(|v| *v == 0) {
        area.present().map_err(err)?;
        return Ok(map);
    }
    let (lx, ly) = (
        xr.start + (10.0 * scale) as i32,
        yr.end + (font * 0.6) as i32,
    );
    let lw = (160.0 * scale) as i32;
    let lh = (font * 0.8) as i32;
    for k in 0..lw {
        let c = mix(
            theme.scale_low,
            theme.scale_high,
            (k as f64 / lw as f64).sqrt(),
        );
        area.draw(&Rectangle::new(
            [(lx + k, ly), (lx + k + 1, ly + lh)],
            c.filled(),
        ))
        .map_err(err)?;
    }
    let t = TextStyle::from((theme.font.as_str(), font).into_font())
        .color(&theme.muted)
        .pos(Pos::new(HPos::Left, VPos::Center));
    area.draw(&Text::new(
        crate::text::fill(
            theme.lang,
            "1 … {} customers",
            &[&theme.lang.number(max, 0)],
        ),
        (lx + lw + (font * 0.5) as i32, ly + lh / 2),
        t,
    ))
    .map_err(err)?;
    area.present().map_err(err)?;
    Ok(map)
}
