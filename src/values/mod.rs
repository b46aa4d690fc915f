//! Cell values as Partner Center writes them (inputs.md "Values").
pub mod attribution;
pub mod boolean;
pub mod date;
pub mod null;
pub mod number;
pub mod state;
