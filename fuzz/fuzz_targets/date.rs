//! Any text as a date cell: never panics; a date it accepts has a year the report can show.
#![no_main]
use chrono::Datelike;
use libfuzzer_sys::fuzz_target;
use partnerlens::values::date::parse_date;
use partnerlens::Month;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Some(d) = parse_date(&text) {
        assert!((1..=9999).contains(&d.year()), "{text:?} -> {d}");
        assert!(Month::new(d.year(), d.month()).is_some(), "{text:?} -> {d}");
    }
});
