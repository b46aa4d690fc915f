//! Records of delimited text and the lines they start on.
//!
//! Text with no quote character in it is read here, not by the `csv` crate: without a quote a
//! record is a line and its fields are what lies between delimiters, so line ends and
//! delimiters are found with `memchr` instead of the csv crate's byte-by-byte state machine (a
//! third of a large file's load, callgrind). The records and fields are the csv crate's
//! exactly (`tests::same_records_as_csv`); text with a quote anywhere goes to the csv crate.
//!
//! A record's line is the line its first byte is on, counting `\r\n`, `\n` and a lone `\r`
//! as one line end each (`Lines` for the csv crate's records, whose own position is where the
//! reader stood before the empty lines and the `\n` of a `\r\n`: one line short on every row
//! of a CRLF file).

/// Whether `text` can be read by `Records` (it has no quote character).
pub fn plain(text: &str) -> bool {
    memchr::memchr(b'"', text.as_bytes()).is_none()
}

/// The line ends in `bytes`: `\r\n`, `\n` and a lone `\r` (one at the very end counts).
pub fn line_ends(bytes: &[u8]) -> u64 {
    let lf = memchr::memchr_iter(b'\n', bytes).count();
    let lone_cr = memchr::memchr_iter(b'\r', bytes)
        .filter(|&i| bytes.get(i + 1) != Some(&b'\n'))
        .count();
    (lf + lone_cr) as u64
}

/// Numbers the records of one text in order: the line of a record starting at a byte is one
/// more than the line ends before it, counted from where the last record was numbered.
pub struct Lines {
    at: usize,
    line: u64,
}

impl Lines {
    pub fn new() -> Self {
        Lines { at: 0, line: 1 }
    }

    /// The line of the record the csv crate read from `position` (its `Position::byte`) on:
    /// the empty lines and line ends there are skipped first. Positions must not go back.
    pub fn line_of(&mut self, text: &[u8], position: usize) -> u64 {
        let skip = text.get(position..).map_or(0, |t| {
            t.iter().take_while(|b| matches!(b, b'\r' | b'\n')).count()
        });
        let start = (position + skip).min(text.len());
        if start > self.at {
            self.line += line_ends(&text[self.at..start]);
            self.at = start;
        }
        self.line
    }
}

impl Default for Lines {
    fn default() -> Self {
        Lines::new()
    }
}

/// Reads the records of quote-free text one by one, as `csv::Reader` does with `delim`, no
/// header row and any number of fields: `\n`, `\r` and `\r\n` end a record and empty lines
/// are skipped. A record's line is the one its first byte is on.
pub struct Records<'t> {
    text: &'t str,
    delim: u8,
    at: usize,
    line: u64,
}

/// One record: its fields, its first byte and its line.
pub struct Record<'t> {
    text: &'t str,
    /// The byte ranges of the fields in `text`.
    fields: Vec<(usize, usize)>,
    pub byte: u64,
    pub line: u64,
}

impl<'t> Record<'t> {
    pub fn new() -> Self {
        Record {
            text: "",
            fields: Vec::with_capacity(64),
            byte: 0,
            line: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.fields.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    #[inline]
    pub fn get(&self, i: usize) -> Option<&'t str> {
        let &(from, to) = self.fields.get(i)?;
        // Fields end at ASCII bytes (a delimiter, a line end or the text's end): char boundaries.
        self.text.get(from..to)
    }

    pub fn iter(&self) -> impl Iterator<Item = &'t str> + '_ {
        (0..self.fields.len()).filter_map(|i| self.get(i))
    }
}

impl Default for Record<'_> {
    fn default() -> Self {
        Record::new()
    }
}

impl<'t> Records<'t> {
    /// `text` must be `plain`; `delim` an ASCII byte other than a line end.
    pub fn new(text: &'t str, delim: u8) -> Self {
        Records {
            text,
            delim,
            at: 0,
            line: 1,
        }
    }

    /// Reads the next record into `record`; false at the end of the text.
    pub fn read(&mut self, record: &mut Record<'t>) -> bool {
        let bytes = self.text.as_bytes();
        record.text = self.text;
        record.fields.clear();
        // Empty lines before the record (a `\r\n` is one line end, its `\n` not another).
        let mut at = self.at;
        while at < bytes.len() && matches!(bytes[at], b'\n' | b'\r') {
            self.line += (bytes[at] == b'\n' || bytes.get(at + 1) != Some(&b'\n')) as u64;
            at += 1;
        }
        if at == bytes.len() {
            self.at = at;
            return false;
        }
        record.byte = at as u64;
        record.line = self.line;
        let end = memchr::memchr2(b'\n', b'\r', &bytes[at..]).map_or(bytes.len(), |i| at + i);
        let mut from = at;
        for i in memchr::memchr_iter(self.delim, &bytes[at..end]) {
            record.fields.push((from, at + i));
            from = at + i + 1;
        }
        record.fields.push((from, end));
        self.at = end;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Read = Vec<(Vec<String>, u64)>;

    /// Every record of `text` as the csv crate reads it, with its line from `Lines`.
    fn csv_records(text: &str, delim: u8) -> Read {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delim)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut record = csv::StringRecord::new();
        let mut lines = Lines::new();
        let mut out = Vec::new();
        while reader.read_record(&mut record).unwrap() {
            let at = record.position().unwrap().byte() as usize;
            let line = lines.line_of(text.as_bytes(), at);
            out.push((record.iter().map(String::from).collect(), line));
        }
        out
    }

    fn plain_records(text: &str, delim: u8) -> Read {
        let mut records = Records::new(text, delim);
        let mut record = Record::new();
        let mut out = Vec::new();
        while records.read(&mut record) {
            out.push((record.iter().map(String::from).collect(), record.line));
        }
        out
    }

    /// The physical lines of `text` (split at `\r\n`, `\n` and `\r`), numbered from 1; the
    /// records are the ones that are not empty.
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
    fn same_records_as_csv() {
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
        // Random texts of the bytes that matter: delimiters, line ends, blanks, letters.
        let alphabet = [
            "a", "b", " ", "\t", ",", ";", "\r", "\n", "\r\n", "é", "xyz",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let random = (0..5_000).map(|_| {
            let len = next(40);
            let text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            (text, [b'\t', b',', b';'][next(3)])
        });
        let fixed = fixed
            .iter()
            .flat_map(|t| [b'\t', b',', b';'].map(|d| (t.to_string(), d)));
        for (text, delim) in fixed.chain(random) {
            assert!(plain(&text));
            let expected = by_hand(&text, delim);
            assert_eq!(plain_records(&text, delim), expected, "{text:?}");
            assert_eq!(csv_records(&text, delim), expected, "{text:?}");
        }
    }

    #[test]
    fn a_crlf_file_is_numbered_by_its_lines() {
        let text = "h1\th2\r\na\tb\r\n\r\nc\td\r\n";
        let lines: Vec<u64> = plain_records(text, b'\t').iter().map(|r| r.1).collect();
        assert_eq!(lines, [1, 2, 4]);
        assert_eq!(line_ends(text.as_bytes()), 4);
        assert_eq!(line_ends(b"a\rb\r\nc\n\r"), 4);
    }

    #[test]
    fn only_text_without_quotes_is_plain() {
        assert!(plain("a\tb\nc\td\n"));
        assert!(!plain("a\t\"b\"\n"));
        assert!(!plain("a\tb\"\n"));
    }
}
