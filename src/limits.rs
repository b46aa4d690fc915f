//! How much the browser can hold (issue 7 "Limits"). The engine runs in 32-bit WebAssembly, whose
//! memory stops at 4 GiB; a file needs its own bytes in memory while it is read plus about twice
//! its size for the loaded table (benchmark: 1.88× the file after loading a million rows), so
//! the files of one load may together be at most 1 GiB. Larger ones are refused before a byte is
//! read, with their size and the limit.

/// The most bytes one load may hand the engine.
pub const MAX_LOAD_BYTES: u64 = 1 << 30;

/// `Err` with a message naming each file over the limit (or the total) when `files`
/// (name, size in bytes) cannot be held.
pub fn check_load(files: &[(String, u64)]) -> Result<(), String> {
    let too_big: Vec<String> = files
        .iter()
        .filter(|(_, size)| *size > MAX_LOAD_BYTES)
        .map(|(name, size)| format!("{name} is {}", size_text(*size)))
        .collect();
    if !too_big.is_empty() {
        return Err(format!(
            "{}; this browser can hold at most {} of report files at once, so it was not read. Download a shorter period or split the report.",
            too_big.join(", "),
            size_text(MAX_LOAD_BYTES)
        ));
    }
    let total: u64 = files.iter().map(|(_, s)| *s).sum();
    if total > MAX_LOAD_BYTES {
        return Err(format!(
            "these {} files are {} together; this browser can hold at most {} at once, so none was read. Load fewer at a time.",
            files.len(),
            size_text(total),
            size_text(MAX_LOAD_BYTES)
        ));
    }
    Ok(())
}

/// `1.50 GB (1,610,612,736 bytes)`.
pub fn size_text(bytes: u64) -> String {
    format!(
        "{:.2} GB ({} bytes)",
        bytes as f64 / 1e9,
        crate::values::number::grouped(bytes)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn refuses_what_cannot_be_held_and_says_how_big() {
        assert_eq!(check_load(&[("a.tsv".into(), MAX_LOAD_BYTES)]), Ok(()));
        let e =
            check_load(&[("big.tsv".into(), 1_500_000_000), ("ok.tsv".into(), 10)]).unwrap_err();
        assert!(e.starts_with("big.tsv is 1.50 GB (1,500,000,000 bytes); this browser can hold at most 1.07 GB (1,073,741,824 bytes)"), "{e}");
        let e = check_load(&[("a".into(), 600_000_000), ("b".into(), 600_000_000)]).unwrap_err();
        assert!(
            e.contains("these 2 files are 1.20 GB (1,200,000,000 bytes) together"),
            "{e}"
        );
        assert_eq!(size_text(999), "0.00 GB (999 bytes)");
    }
}
