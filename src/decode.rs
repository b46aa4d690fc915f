//! Bytes to text (inputs.md "Decoding and splitting" 1). `encoding_rs` finds the BOM; the four
//! encodings a report comes in are decoded here, with the WHATWG rules `encoding_rs` follows
//! (every byte of every encoding is checked against it in the tests below). Not through
//! `encoding_rs`'s `Decoder`: it reaches every encoding's decoder and tables, 197 KB of data
//! and 37 KB of code in the engine's wasm for four encodings (issue 6, bundle size).

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
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
        return Some(Decoded {
            text: Cow::Owned(decode_as(enc, &bytes[bom_len..])),
            encoding: name(enc),
            bom: true,
        });
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return Some(Decoded {
            text: Cow::Owned(decode_as(enc, bytes)),
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
        Err(_) => Some(Decoded {
            text: Cow::Owned(windows_1252(bytes)),
            encoding: "windows-1252",
            bom: false,
        }),
    }
}

/// UTF-8 or UTF-16 (what a BOM can announce), malformed sequences replaced by U+FFFD.
fn decode_as(enc: &'static Encoding, bytes: &[u8]) -> String {
    if enc == UTF_16LE {
        utf16(bytes, u16::from_le_bytes)
    } else if enc == UTF_16BE {
        utf16(bytes, u16::from_be_bytes)
    } else {
        String::from_utf8_lossy(bytes).into_owned()
    }
}

/// UTF-16 code units to text: an unpaired surrogate, and an odd last byte, read as U+FFFD (one
/// for both when the text ends in a lead surrogate and half a unit).
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut text = String::with_capacity(bytes.len() / 2 + bytes.len() / 8);
    text.extend(char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)));
    let ends_in_lead = bytes.len() >= 3 && {
        let n = bytes.len() - 1;
        (0xD800..0xDC00).contains(&unit([bytes[n - 2], bytes[n - 1]]))
    };
    if bytes.len() % 2 == 1 && !ends_in_lead {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// Bytes 0x80-0x9F of Windows-1252 (WHATWG's index: the five bytes it leaves undefined map to
/// the C1 control of the same number); every other byte is the code point of its value.
const WINDOWS_1252_80: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

fn windows_1252(bytes: &[u8]) -> String {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 16);
    let mut rest = bytes;
    loop {
        // Runs of ASCII are copied whole.
        let n = rest
            .iter()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        text.push_str(std::str::from_utf8(&rest[..n]).unwrap_or_default());
        let Some(&b) = rest.get(n) else {
            return text;
        };
        text.push(match b {
            0x80..=0x9F => WINDOWS_1252_80[usize::from(b - 0x80)],
            _ => char::from(b),
        });
        rest = &rest[n + 1..];
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

    /// Pseudo-random bytes, biased towards what breaks decoders (surrogates, C1 bytes, ASCII).
    fn noise(seed: u64, len: usize) -> Vec<u8> {
        let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                match x % 8 {
                    0 => 0xD8 + (x >> 8) as u8 % 8, // surrogate lead byte in UTF-16
                    1 => 0x80 + (x >> 8) as u8 % 32,
                    2..=4 => b' ' + (x >> 8) as u8 % 90,
                    _ => (x >> 8) as u8,
                }
            })
            .collect()
    }

    #[test]
    fn same_text_as_encoding_rs() {
        use encoding_rs::WINDOWS_1252;
        let every_byte: Vec<u8> = (0..=255).collect();
        let (expected, _) = WINDOWS_1252.decode_without_bom_handling(&every_byte);
        assert_eq!(windows_1252(&every_byte), expected);
        for seed in 0..3000 {
            let bytes = noise(seed, seed as usize % 97);
            for enc in [UTF_8, UTF_16LE, UTF_16BE] {
                let (expected, _) = enc.decode_without_bom_handling(&bytes);
                assert_eq!(
                    decode_as(enc, &bytes),
                    expected,
                    "{} {bytes:02x?}",
                    enc.name()
                );
            }
            let (expected, _) = WINDOWS_1252.decode_without_bom_handling(&bytes);
            assert_eq!(windows_1252(&bytes), expected, "{bytes:02x?}");
        }
    }
}
