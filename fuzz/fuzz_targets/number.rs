//! Any text as a number cell, in both decimal styles: never panics; what it accepts is finite.
#![no_main]
use libfuzzer_sys::fuzz_target;
use partnerlens::values::number::{parse_number, DecimalStyle};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for style in [DecimalStyle::Point, DecimalStyle::Comma] {
        if let Some(v) = parse_number(&text, style) {
            assert!(v.is_finite(), "{text:?} -> {v}");
        }
    }
});
