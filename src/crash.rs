//! The text of a crash report: what a partner copies and sends when the page or the engine stops
//! on an internal error. It holds no data from the files, only where the program failed.

/// A report for a panic with `message` at `location` in `place` (the page or the engine).
/// `context` is what was being done (e.g. the file being read), `browser` the user agent.
pub fn report(place: &str, message: &str, location: &str, context: &str, browser: &str) -> String {
    format!(
        "Partnerlens {} stopped on an internal error\n\
         where: {place}\n\
         error: {message}\n\
         at: {location}\n\
         while: {}\n\
         browser: {}\n\
         (This report holds no data from your files.)",
        env!("CARGO_PKG_VERSION"),
        if context.is_empty() { "-" } else { context },
        if browser.is_empty() { "-" } else { browser },
    )
}

/// `report` from a Rust panic.
pub fn from_panic(
    place: &str,
    info: &std::panic::PanicHookInfo,
    context: &str,
    browser: &str,
) -> String {
    let message = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into());
    let location = info
        .location()
        .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()))
        .unwrap_or_default();
    report(place, &message, &location, context, browser)
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_place_error_and_location() {
        let r = super::report(
            "engine (worker)",
            "index out of bounds",
            "src/load.rs:10:5",
            "reading a.tsv",
            "Chromium",
        );
        assert!(
            r.starts_with("Partnerlens 0.1.0 stopped on an internal error\n"),
            "{r}"
        );
        assert!(r.contains("where: engine (worker)\nerror: index out of bounds\nat: src/load.rs:10:5\nwhile: reading a.tsv\nbrowser: Chromium"), "{r}");
    }
}
