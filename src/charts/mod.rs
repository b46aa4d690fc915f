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

pub use chart_map::{ChartMap, Item, Shape};
pub use theme::Theme;

/// A value for a tooltip, or `—` where it is unknown.
pub(crate) fn or_dash<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_else(|| "—".into())
}

/// Any drawing error, as text (the backends' error types differ).
pub(crate) fn err<E: std::fmt::Display>(e: E) -> String {
    e.to_string()
}
