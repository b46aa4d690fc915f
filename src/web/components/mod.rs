//! One component per file.
pub mod active_customers_view;
pub mod adds_churns_view;
pub mod chart_canvas;
pub mod customers_page;
pub mod distribution_view;
pub mod drop_zone;
pub mod filter_bar;
pub mod geography_view;
pub mod kpi_card;
pub mod kpi_summary;
pub mod legend;
pub mod product_view;
pub mod quality_table;
pub mod status_bar;
pub mod tabs;
pub mod trend_view;
pub mod zoom_slider;
