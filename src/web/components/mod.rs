//! One component per file.
pub mod drop_zone;
pub mod kpi_card;
pub mod kpi_summary;
pub mod quality_table;
pub mod status_bar;
