//! Bytes to text (inputs.md "Decoding and splitting" 1), with `encoding_rs`.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
use std::borrow::Cow;

/// A decoded file: its text and the name of the encoding it was in.
pub struct Decoded<'a> {
    /// Borrowed when the bytes already are UTF-8 (no copy of a large file).
    pub text: Cow<'a, str>,
    /// `utf-8`, `utf-16le`, `utf-16be` or `windows-1252`.
    pub encoding: &'static str,
    pub bom: bool,
}

/// UTF-8 with or without BOM; UTF-16 LE/BE with BOM; UTF-16 without BOM when every other byte
/// of the start is NUL (Excel "Unicode text" saved by some tools); otherwise Windows-1252 when
/// the bytes are not valid UTF-8. Returns `None` for data that is not text (NUL bytes in
/// something that is not UTF-16).
pub fn decode(bytes: &[u8]) -> Option<Decoded<'_>> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Some(Decoded {
            text: Cow::Owned(text.into_owned()),
            encoding: name(enc),
            bom: true,
        });
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Some(Decoded {
            text: Cow::Owned(text.into_owned()),
            encoding: name(enc),
            bom: false,
        });
    }
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if head.contains(&0) {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Some(Decoded {
            text: Cow::Borrowed(s),
            encoding: "utf-8",
            bom: false,
        }),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Some(Decoded {
                text: Cow::Owned(text.into_owned()),
                encoding: "windows-1252",
                bom: false,
            })
        }
    }
}

fn name(enc: &'static Encoding) -> &'static str {
    if enc == UTF_8 {
        "utf-8"
    } else if enc == UTF_16LE {
        "utf-16le"
    } else if enc == UTF_16BE {
        "utf-16be"
    } else {
        "windows-1252"
    }
}

/// Text in UTF-16 without a BOM shows NUL in every other byte of ASCII text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let n = bytes.len().min(512) & !1;
    if n < 4 {
        return None;
    }
    let (mut even_nul, mut odd_nul) = (0, 0);
    for (i, b) in bytes[..n].iter().enumerate() {
        if *b == 0 {
            if i % 2 == 0 {
                even_nul += 1
            } else {
                odd_nul += 1
            }
        }
    }
    let half = n / 2;
    if odd_nul * 10 >= half * 9 && even_nul == 0 {
        Some(UTF_16LE)
    } else if even_nul * 10 >= half * 9 && odd_nul == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut v = if bom { vec![0xFF, 0xFE] } else { vec![] };
        for u in s.encode_utf16() {
            v.extend_from_slice(&u.to_le_bytes());
        }
        v
    }
    #[test]
    fn encodings() {
        let d = decode(b"\xEF\xBB\xBFMonth\tX").unwrap();
        assert_eq!((&*d.text, d.encoding, d.bom), ("Month\tX", "utf-8", true));
        let bytes = utf16le("Month\tCustomerName\nMünchen", true);
        let d = decode(&bytes).unwrap();
        assert_eq!(
            (&*d.text, d.encoding),
            ("Month\tCustomerName\nMünchen", "utf-16le")
        );
        let mut be = vec![0xFE, 0xFF];
        for u in "Month".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().text, "Month");
        let bytes = utf16le("Month\tCustomerName", false);
        let d = decode(&bytes).unwrap();
        assert_eq!((&*d.text, d.encoding), ("Month\tCustomerName", "utf-16le"));
        let d = decode(b"Caf\xe9").unwrap();
        assert_eq!((&*d.text, d.encoding), ("Café", "windows-1252"));
        assert!(decode(b"%PDF-1.4\x00\x01\x02binary").is_none());
    }
}
