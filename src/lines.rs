//! The line a record starts on (inputs.md "Bad input": a rejected row names its line).
//!
//! The csv crate's record position is where its reader stood when asked for the record: before
//! the empty lines it skips and before the `\n` of a `\r\n` ending the previous record, so its
//! line was one short on every row of a CRLF file (as Windows writes them) and on every row after
//! an empty line. A record's line here is the line its first byte is on, counting `\r\n`, `\n`
//! and a lone `\r` as one line end each.

/// The line ends in `bytes`: `\r\n`, `\n` and a lone `\r` (one at the very end counts).
pub fn line_ends(bytes: &[u8]) -> u64 {
    let lf = memchr::memchr_iter(b'\n', bytes).count();
    let lone_cr = memchr::memchr_iter(b'\r', bytes)
        .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
        .count();
    (lf + lone_cr) as u64
}

/// Numbers the records of one text in order from the csv crate's positions and lines (which
/// count each `\n` before the position): adds the `\n`s among the line ends skipped before the
/// record and every lone `\r` so far (one that ended a record, one among the skipped line ends,
/// one in a quoted field), so no byte of the text is read twice.
pub struct Lines {
    lone_cr: u64,
    /// Whether the text has a quote (else no field can hold a line end).
    quotes: bool,
    /// Where the last record numbered starts (its first byte, after the empty lines before it).
    last: usize,
}

impl Lines {
    /// For the records of `text`.
    pub fn new(text: &[u8]) -> Self {
        Lines {
            lone_cr: 0,
            quotes: memchr::memchr(b'"', text).is_some(),
            last: 0,
        }
    }

    /// The line ends in the whole of `text` (as `line_ends` counts them), once the csv crate
    /// has read it to its end (`at_end`: its reader's position then) and every record was
    /// numbered here: without reading the text again. `None` when the text has a quote.
    pub fn ends(&self, text: &[u8], at_end: &csv::Position) -> Option<u64> {
        if self.quotes {
            return None;
        }
        // The csv crate counts every `\n`; the lone `\r`s before the last record's first byte
        // are counted here, and without quotes any `\r` after it is a line end.
        let tail = text.get(self.last..).unwrap_or_default();
        let lone = memchr::memchr_iter(b'\r', tail)
            .filter(|&i| tail.get(i + 1) != Some(&b'\n'))
            .count() as u64;
        Some(at_end.line().saturating_sub(1) + self.lone_cr + lone)
    }

    /// Whether the text has a quote: without one, each record's fields are the text between
    /// its delimiters, from `start` on.
    pub fn quotes(&self) -> bool {
        self.quotes
    }

    /// Where the last record numbered starts in the text: its first byte, after the empty lines
    /// before it.
    pub fn start(&self) -> usize {
        self.last
    }

    /// The line of `record`, read by the csv crate from `text`. Records must come in order.
    pub fn line_of(&mut self, text: &[u8], record: &csv::ByteRecord) -> u64 {
        let Some(p) = record.position() else {
            return 0;
        };
        let position = (p.byte() as usize).min(text.len());
        let lone = |at: usize| text[at] == b'\r' && text.get(at + 1) != Some(&b'\n');
        // The line end that ended the record before.
        if position > 0 && lone(position - 1) {
            self.lone_cr += 1;
        }
        let mut lf = 0;
        let mut at = position;
        while at < text.len() && matches!(text[at], b'\r' | b'\n') {
            lf += (text[at] == b'\n') as u64;
            self.lone_cr += lone(at) as u64;
            at += 1;
        }
        self.last = at;
        let line = p.line() + lf + self.lone_cr;
        // A quoted field may hold line ends: its lone `\r`s count for the records after it.
        if self.quotes && memchr::memchr(b'\r', record.as_slice()).is_some() {
            for f in record.iter() {
                self.lone_cr += memchr::memchr_iter(b'\r', f)
                    .filter(|&i| f.get(i + 1) != Some(&b'\n'))
                    .count() as u64;
            }
        }
        line
    }
}

/// Numbers below `n` from a xorshift sequence started at `seed` (random texts in tests).
#[cfg(test)]
pub(crate) fn below(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Read = Vec<(Vec<String>, u64)>;

    /// Every record of `text` as the csv crate reads it, with its line from `Lines`.
    fn csv_records(text: &str, delim: u8) -> Read {
        read(text, delim).0
    }

    /// The line ends `Lines` finds in `text` once the csv crate has read it to its end.
    fn csv_ends(text: &str, delim: u8) -> Option<u64> {
        read(text, delim).1
    }

    fn read(text: &str, delim: u8) -> (Read, Option<u64>) {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delim)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        let mut lines = Lines::new(text.as_bytes());
        let mut out = Vec::new();
        while reader.read_record(&mut record).unwrap() {
            let line = lines.line_of(text.as_bytes(), record.as_byte_record());
            out.push((record.iter().map(String::from).collect(), line));
        }
        let ends = lines.ends(text.as_bytes(), reader.position());
        (out, ends)
    }

    /// The physical lines of `text` (split at `\r\n`, `\n` and `\r`), numbered from 1; without
    /// quotes, the records are the ones that are not empty.
    fn by_hand(text: &str, delim: u8) -> Read {
        let mut out = Vec::new();
        let (mut line, mut current) = (1, String::new());
        let mut chars = text.chars().peekable();
        let mut flush = |current: &mut String, line: u64| {
            if !current.is_empty() {
                let fields = current.split(delim as char).map(String::from).collect();
                out.push((fields, line));
            }
            current.clear();
        };
        while let Some(c) = chars.next() {
            match c {
                '\r' | '\n' => {
                    if c == '\r' && chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    flush(&mut current, line);
                    line += 1;
                }
                c => current.push(c),
            }
        }
        flush(&mut current, line);
        out
    }

    #[test]
    fn each_record_is_numbered_by_the_line_it_starts_on() {
        let fixed = [
            "",
            "\n",
            "\r\n\r\n",
            "a",
            "a\tb\n",
            "a\tb\r\nc\td\r\n",
            "a\n\nb\n",
            "a\r\rb\r",
            "a\n\r\nb",
            "\n\na\t\tb\t\n \n\t\n",
            "é\tü\r\n€\t\n",
        ];
        // Random texts of the bytes that matter without quotes: delimiters, line ends, blanks,
        // letters.
        let alphabet = [
            "a", "b", " ", "\t", ",", ";", "\r", "\n", "\r\n", "é", "xyz",
        ];
        let mut next = below(0x2545_f491_4f6c_dd1d);
        let random = (0..5_000).map(|_| {
            let len = next(40);
            let text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            (text, [b'\t', b',', b';'][next(3)])
        });
        let fixed = fixed
            .iter()
            .flat_map(|t| [b'\t', b',', b';'].map(|d| (t.to_string(), d)));
        for (text, delim) in fixed.chain(random) {
            assert_eq!(csv_records(&text, delim), by_hand(&text, delim), "{text:?}");
            // And the text's line ends, counted on the way (a file's first part, split.rs).
            let ends = Some(line_ends(text.as_bytes()));
            assert_eq!(csv_ends(&text, delim), ends, "{text:?}");
        }
    }

    #[test]
    fn a_text_with_quotes_is_not_counted_on_the_way() {
        assert_eq!(csv_ends("a\tb\n\"c\"\td\n", b'\t'), None);
        assert_eq!(csv_ends("a\tb\r\rc\td\r\n\r", b'\t'), Some(4));
    }

    #[test]
    fn line_ends_in_quoted_fields_count() {
        let text = "h\n\"a\rb\"\tc\n\"d\r\ne\"\r\nf\r\"g\nh\"\ni\n";
        let got: Vec<u64> = csv_records(text, b'\t').iter().map(|r| r.1).collect();
        assert_eq!(got, [1, 2, 4, 6, 7, 9]);
    }

    #[test]
    fn a_crlf_file_is_numbered_by_its_lines() {
        let text = "h1\th2\r\na\tb\r\n\r\nc\td\r\n";
        let lines: Vec<u64> = csv_records(text, b'\t').iter().map(|r| r.1).collect();
        assert_eq!(lines, [1, 2, 4]);
        assert_eq!(line_ends(text.as_bytes()), 4);
        assert_eq!(line_ends(b"a\rb\r\nc\n\r"), 4);
    }
}
