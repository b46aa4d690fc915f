//! An empty chart that says why it is empty ("needs a SKU column", "select a product").

use super::{err, ChartMap, Theme};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    theme: &Theme,
) -> Result<ChartMap, String> {
    area.fill(&theme.background).map_err(err)?;
    let (w, h) = area.dim_in_pixel();
    let style = TextStyle::from(
        (
            theme.font.as_str(),
            theme.font_size * 1.1 * theme.pixel_ratio,
        )
            .into_font(),
    )
    .color(&theme.muted)
    .pos(Pos::new(HPos::Center, VPos::Center));
    area.draw(&Text::new(
        text.to_string(),
        (w as i32 / 2, h as i32 / 2),
        style,
    ))
    .map_err(err)?;
    area.present().map_err(err)?;
    Ok(ChartMap {
        plot: (0, 0, w as i32, h as i32),
        ..Default::default()
    })
}
