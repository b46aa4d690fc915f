//! Partnerlens engine: Partner Center report files in, the report JSON out.
//!
//! Pure Rust with no web dependency; the browser app and the `partnerlens` CLI both call it,
//! so their numbers cannot differ. Data flows one way:
//! bytes → [`store::Store`] (column-wise, dictionary-encoded) → [`facts::Facts`] (per month)
//! → metrics → [`report::Report`].

pub mod charts;
pub mod crash;
pub mod decode;
pub mod export;
pub mod facts;
pub mod filter;
pub mod header;
pub mod kind;
pub mod license_facts;
pub mod limits;
pub mod lines;
pub mod load;
pub mod locale;
pub mod metrics;
pub mod month;
pub mod quality;
pub mod report;
pub mod sample;
pub mod sniff;
pub mod split;
pub mod store;
pub mod sub_facts;
pub mod text;
pub mod values;
pub mod workspace;

pub use filter::Filter;
pub use month::Month;
pub use report::Report;
pub use workspace::Workspace;
