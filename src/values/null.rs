//! Null tokens (inputs.md "Decoding and splitting" 5).

/// True for the tokens Partner Center uses for "no value": empty, `NULL`, `null`, `N/A`,
/// `UNKNOWN`, `Unknown`, `-`. Compared after trimming; `null`, `n/a` and `unknown` in any case,
/// since a partner would not expect `Null` to be a real market or product.
pub fn is_null(s: &str) -> bool {
    is_null_token(trim(s))
}

/// `str::trim`, without its Unicode tables for the usual cell that begins and ends with a
/// visible ASCII character (then neither end can be white space).
#[inline]
pub fn trim(s: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|b| (0x21..0x7f).contains(b));
    if visible(s.as_bytes().first()) && visible(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// `is_null` of an already trimmed cell.
fn is_null_token(t: &str) -> bool {
    t.is_empty()
        || t == "-"
        || t.eq_ignore_ascii_case("null")
        || t.eq_ignore_ascii_case("n/a")
        || t.eq_ignore_ascii_case("unknown")
}

/// The trimmed value, or `None` for a null token.
pub fn non_null(s: &str) -> Option<&str> {
    let t = trim(s);
    if is_null_token(t) {
        None
    } else {
        Some(t)
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
        for t in [
            "a",
            " a",
            "a ",
            "\u{a0}a\u{a0}",
            "\u{3000}Contoso",
            "Contoso\u{2003}",
            "",
            " ",
            "ab",
        ] {
            assert_eq!(trim(t), t.trim(), "{t:?}");
        }
    }
}
