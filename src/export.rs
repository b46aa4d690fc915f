//! CSV export of a table (RFC 4180), safe to open in a spreadsheet: a cell that begins with
//! `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'` so that it is not run as a
//! formula (OWASP's CSV injection advice).

/// One cell, escaped against formulas and quoted when needed.
pub fn cell(s: &str) -> String {
    let safe = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

/// A header and rows as CSV text with CRLF line ends.
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    for r in rows {
        out.push_str(&r.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn formulas_are_defused_and_quotes_kept() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("Contoso, Ltd"), "\"Contoso, Ltd\"");
        assert_eq!(cell("plain"), "plain");
        assert_eq!(
            csv(&["a", "b"], &[vec!["1".into(), "=2".into()]]),
            "a,b\r\n1,'=2\r\n"
        );
    }
}
