//! Charts: one per file, each a function over any plotters backend
//! (`draw(area, &data, &theme) -> Result<ChartMap, String>`). The browser draws them on canvas,
//! native tests to SVG. Each returns the map from pixels back to what was drawn, which is what
//! tooltips and click hit-tests use. Legends are HTML buttons beside the canvas, not drawn.

pub mod active_vs_total_chart;
pub mod adds_churns_chart;
pub mod band_chart;
pub mod bar_chart;
pub mod chart_map;
pub mod map_chart;
pub mod message;
pub mod monthly_columns_chart;
pub mod percent_trend_chart;
pub mod pie_chart;
pub mod spark_chart;
pub mod stacked_columns;
pub mod subscription_churn_chart;
pub mod table;
pub mod theme;
pub mod trend_chart;
pub mod world;

use crate::locale::Lang;
pub use chart_map::{ChartMap, Item, Shape};
pub use theme::Theme;

/// A count for a tooltip in `lang`, or `—` where it is unknown.
pub(crate) fn or_dash(lang: Lang, v: Option<u64>) -> String {
    v.map(|x| lang.number(x as f64, 0))
        .unwrap_or_else(|| "—".into())
}

/// `name: value` for a tooltip line, with the name in `lang` when the catalogue has it (French
/// puts a no-break space before the colon).
pub(crate) fn pair(lang: Lang, name: &str, value: &str) -> String {
    let name = crate::text::lookup(lang, name).unwrap_or(name);
    match lang {
        Lang::Fr => format!("{name}\u{a0}: {value}"),
        _ => format!("{name}: {value}"),
    }
}

/// Any drawing error, as text (the backends' error types differ).
pub(crate) fn err<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}
