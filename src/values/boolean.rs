//! Booleans (inputs.md "Values"): `1/0`, `true/false`, `Yes/No`, `Y/N`, any case.

/// `Some(true/false)` for a recognised spelling, `None` otherwise (callers decide whether an
/// unreadable value is a warning).
pub fn parse_bool(s: &str) -> Option<bool> {
    let t = s.trim();
    // The usual spellings first (IsDuplicateRowForPGA is on every row).
    match t {
        "0" => return Some(false),
        "1" => return Some(true),
        _ => {}
    }
    for (word, v) in [
        ("1", true),
        ("0", false),
        ("true", true),
        ("false", false),
        ("yes", true),
        ("no", false),
        ("y", true),
        ("n", false),
        ("1.0", true),
        ("0.0", false),
    ] {
        if t.eq_ignore_ascii_case(word) {
            return Some(v);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn spellings() {
        for t in ["1", "TRUE", "true", "Yes", "y", " Y "] {
            assert_eq!(parse_bool(t), Some(true), "{t}");
        }
        for t in ["0", "False", "NO", "n"] {
            assert_eq!(parse_bool(t), Some(false), "{t}");
        }
        assert_eq!(parse_bool("maybe"), None);
        assert_eq!(parse_bool(""), None);
    }
}
