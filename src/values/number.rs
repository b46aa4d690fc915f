//! Numbers (inputs.md "Values"): `1234.5`, scientific notation, a trailing `%`; in semicolon
//! files a comma is the decimal separator (`1234,5`), in tab and comma files it separates
//! thousands (`1,234.5`). JSON counts may be strings (`"63"`).

/// How a file writes its decimal point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalStyle {
    /// `.` decimal, `,` thousands (tab, comma files and JSON).
    Point,
    /// `,` decimal, `.`/space thousands (semicolon files, European spreadsheets).
    Comma,
}

/// A finite number, or `None` when the text is not one (`NaN`, `1e400`, `abc`).
/// `1234567` → `1,234,567` (for display: the engine's messages and the page).
pub fn grouped(v: u64) -> String {
    let digits = v.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn parse_number(s: &str, style: DecimalStyle) -> Option<f64> {
    let mut t = s.trim();
    if let Some(stripped) = t.strip_suffix('%') {
        t = stripped.trim_end();
    }
    if t.is_empty() || t.len() > 64 {
        return None;
    }
    let cleaned: String = match style {
        DecimalStyle::Point => t.chars().filter(|c| *c != ',').collect(),
        DecimalStyle::Comma => {
            if t.contains(',') {
                t.chars()
                    .filter(|c| *c != '.' && *c != ' ' && *c != '\u{a0}')
                    .map(|c| if c == ',' { '.' } else { c })
                    .collect()
            } else {
                t.to_string()
            }
        }
    };
    // Only plain decimal / scientific spellings: Rust's parser also takes "inf" and "NaN".
    if !cleaned
        .bytes()
        .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'-' | b'+' | b'e' | b'E'))
    {
        return None;
    }
    let v: f64 = cleaned.parse().ok()?;
    v.is_finite().then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DecimalStyle::*;
    #[test]
    fn forms() {
        assert_eq!(parse_number("1234.5", Point), Some(1234.5));
        assert_eq!(parse_number("1,234.5", Point), Some(1234.5));
        assert_eq!(parse_number("1.5e3", Point), Some(1500.0));
        assert_eq!(parse_number("12.5%", Point), Some(12.5));
        assert_eq!(parse_number("-3", Point), Some(-3.0));
        assert_eq!(parse_number("1234,5", Comma), Some(1234.5));
        assert_eq!(parse_number("0,5", Comma), Some(0.5));
        assert_eq!(parse_number("1.234,5", Comma), Some(1234.5));
        assert_eq!(parse_number("63", Comma), Some(63.0));
    }
    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(1_073_741_824), "1,073,741,824");
    }
    #[test]
    fn rejects() {
        for s in ["", "NaN", "inf", "1e400", "abc", "12 apples", "-"] {
            assert_eq!(parse_number(s, Point), None, "{s}");
        }
    }
}
