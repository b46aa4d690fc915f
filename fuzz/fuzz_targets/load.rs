//! Any bytes as a dropped file (every kind, CSV, TSV and JSON): loading never panics, every row
//! read is loaded or rejected, and a second copy of the file loads the same rows, all identical.
#![no_main]
use libfuzzer_sys::fuzz_target;
use partnerlens::Workspace;

fuzz_target!(|data: &[u8]| {
    let mut ws = Workspace::new();
    let q = ws.add_file("fuzz.tsv", data).clone();
    assert_eq!(q.rows_read, q.rows_loaded + q.rows_rejected, "{q:?}");
    if q.error.is_some() {
        assert_eq!(q.rows_loaded, 0, "{q:?}");
    }
    // The same bytes again as a second file: every loaded row is identical to one of the first.
    let again = ws.add_file("again.tsv", data).clone();
    assert_eq!(again.rows_loaded, q.rows_loaded);
    assert_eq!(again.rows_identical, q.rows_loaded, "{again:?}");
});
