//! Null tokens (inputs.md "Decoding and splitting" 5).

/// True for the tokens Partner Center uses for "no value": empty, `NULL`, `null`, `N/A`,
/// `UNKNOWN`, `Unknown`, `-`. Compared after trimming; `null`, `n/a` and `unknown` in any case,
/// since a partner would not expect `Null` to be a real market or product.
pub fn is_null(s: &str) -> bool {
    let t = s.trim();
    t.is_empty()
        || t == "-"
        || t.eq_ignore_ascii_case("null")
        || t.eq_ignore_ascii_case("n/a")
        || t.eq_ignore_ascii_case("unknown")
}

/// The trimmed value, or `None` for a null token.
pub fn non_null(s: &str) -> Option<&str> {
    if is_null(s) {
        None
    } else {
        Some(s.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn tokens() {
        for t in [
            "", "  ", "NULL", "null", "N/A", "UNKNOWN", "Unknown", "-", " - ",
        ] {
            assert!(is_null(t), "{t:?}");
        }
        for t in ["0", "Contoso", "--", "None"] {
            assert!(!is_null(t), "{t:?}");
        }
        assert_eq!(non_null(" Contoso "), Some("Contoso"));
    }
}
