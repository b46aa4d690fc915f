//! Metrics, one per file, each a pure function of the monthly facts (metrics.md).
pub mod azure;
pub mod customers;
pub mod licenses;
pub mod percent;
pub mod range;
