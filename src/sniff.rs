//! Delimiter sniffing (inputs.md "Decoding and splitting" 2).

/// Tab, comma or semicolon: the one that occurs most often outside quotes in the first
/// non-empty line; ties go to tab, then comma. `None` when the line has none of them.
pub fn sniff_delimiter(text: &str) -> Option<u8> {
    let line = text.lines().find(|l| !l.trim().is_empty())?;
    let (mut tab, mut comma, mut semi) = (0usize, 0usize, 0usize);
    let mut in_quotes = false;
    for c in line.bytes() {
        match c {
            b'"' => in_quotes = !in_quotes,
            b'\t' if !in_quotes => tab += 1,
            b',' if !in_quotes => comma += 1,
            b';' if !in_quotes => semi += 1,
            _ => {}
        }
    }
    let best = tab.max(comma).max(semi);
    if best == 0 {
        None
    } else if tab == best {
        Some(b'\t')
    } else if comma == best {
        Some(b',')
    } else {
        Some(b';')
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn picks_the_header_delimiter() {
        assert_eq!(sniff_delimiter("a\tb,c\tc\n"), Some(b'\t'));
        assert_eq!(sniff_delimiter("\n\na,b,c\n"), Some(b','));
        assert_eq!(sniff_delimiter("a;\"b,c,d\";e\n"), Some(b';'));
        assert_eq!(sniff_delimiter("single\n"), None);
    }
}
