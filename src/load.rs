//! Loading one file into the store (inputs.md): decode, split, detect, normalise, reject.

use crate::decode::decode;
use crate::header::{normalise, Columns, Role};
use crate::kind::{detect_json, detect_table, unknown_kind_message, Kind};
use crate::lines::Lines;
use crate::month::Month;
use crate::quality::{clip, FileQuality, Rejection};
use crate::sniff::sniff_delimiter;
use crate::store::{Dim, Row, Store, NONE, NO_DATE};
use crate::values::boolean::parse_bool;
use crate::values::date::parse_date;
use crate::values::null::non_null;
use crate::values::number::{parse_number, DecimalStyle};
use crate::values::state::State;
use chrono::Datelike;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeSet;
use xxhash_rust::xxh3::Xxh3;

const NIL_GUID: &str = "00000000-0000-0000-0000-000000000000";

/// The cells of one row, read only when a column is used.
trait Fields {
    /// How many cells the row has.
    fn width(&self) -> usize;
    /// Cell `i` as text.
    fn field(&self, i: usize) -> Option<&str>;
    /// Cell `i` as bytes (for hashing whole rows).
    fn raw(&self, i: usize) -> &[u8];
}

/// A CSV record (checked as UTF-8 once per record by the csv crate, not once per cell).
struct CsvFields<'r>(&'r csv::StringRecord);

impl Fields for CsvFields<'_> {
    fn width(&self) -> usize {
        self.0.len()
    }
    #[inline]
    fn field(&self, i: usize) -> Option<&str> {
        self.0.get(i)
    }
    #[inline]
    fn raw(&self, i: usize) -> &[u8] {
        self.0.get(i).unwrap_or("").as_bytes()
    }
}

/// A record of a text without quotes: each field is the text between its delimiters (the
/// csv crate's record gives the fields' lengths), so no field is checked as UTF-8 again.
struct TextFields<'t> {
    text: &'t str,
    record: &'t csv::ByteRecord,
    /// The record's first byte in `text`.
    start: usize,
}

impl Fields for TextFields<'_> {
    fn width(&self) -> usize {
        self.record.len()
    }
    #[inline]
    fn field(&self, i: usize) -> Option<&str> {
        // Field `i` follows `i` delimiters of one byte each.
        let range = self.record.range(i)?;
        let from = self.start + range.start + i;
        let field = self.text.get(from..from + range.len());
        debug_assert_eq!(field.map(str::as_bytes), self.record.get(i));
        field
    }
    #[inline]
    fn raw(&self, i: usize) -> &[u8] {
        self.record.get(i).unwrap_or(b"")
    }
}

impl Fields for Vec<&str> {
    fn width(&self) -> usize {
        self.len()
    }
    fn field(&self, i: usize) -> Option<&str> {
        self.get(i).copied()
    }
    fn raw(&self, i: usize) -> &[u8] {
        self.get(i).map(|s| s.as_bytes()).unwrap_or(b"")
    }
}

/// Told `(rows read, bytes of the decoded text done)` every `PROGRESS_ROWS` rows.
pub type Progress<'a> = &'a mut dyn FnMut(u64, u64);
pub const PROGRESS_ROWS: u64 = 25_000;

/// Reads one file into `store` as file number `file_id` and returns its quality record.
/// Never panics on any input: unreadable files get an `error`, unreadable rows a rejection.
pub fn load_file(store: &mut Store, file_id: u16, name: &str, bytes: &[u8]) -> FileQuality {
    load_file_with_progress(store, file_id, name, bytes, &mut |_, _| {})
}

/// `load_file`, telling `progress` how far it got.
pub fn load_file_with_progress(
    store: &mut Store,
    file_id: u16,
    name: &str,
    bytes: &[u8],
    progress: Progress,
) -> FileQuality {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return FileQuality::failed(name, format!("{name}: the file is empty"));
    }
    let Some(decoded) = decode(bytes) else {
        return FileQuality::failed(name, format!("{name}: not a text file (binary data such as a PDF, ZIP or Excel workbook); download the report as TSV or CSV"));
    };
    let text: &str = &decoded.text;
    let first = text.trim_start().chars().next();
    let mut q = if matches!(first, Some('{') | Some('[')) {
        load_json(store, file_id, name, text, progress)
    } else {
        load_delimited(store, file_id, name, text, progress, None)
    };
    q.encoding = Some(decoded.encoding.into());
    q
}

/// One part of a delimited file cut in two at a line end (see `split`): `bytes` are the file's
/// start up to its header line and then the part's lines. Loaded as a file of its own (number
/// 0, lines numbered from its start; the join numbers both), except that the quality record is
/// left unfinished: its tally is returned, to be added to the other part's.
pub fn load_part(
    store: &mut Store,
    name: &str,
    bytes: &[u8],
    progress: Progress,
) -> (FileQuality, Tally) {
    let mut tally = Tally::default();
    let Some(decoded) = decode(bytes) else {
        return (
            FileQuality::failed(name, format!("{name}: not a text file")),
            tally,
        );
    };
    let mut q = load_delimited(store, 0, name, &decoded.text, progress, Some(&mut tally));
    q.encoding = Some(decoded.encoding.into());
    // Line ends were counted in the decoded text: they are the bytes' own when that is UTF-8.
    if decoded.encoding != "utf-8" {
        tally.line_ends = None;
    }
    (q, tally)
}

/// Finishes the quality record of a file loaded in two parts, `a` then `b`: the counts,
/// rejections and warnings of both in line order, then the tally's months and warnings, as if
/// the file had been read in one go.
pub fn finish_parts(a: (FileQuality, Tally), b: (FileQuality, Tally)) -> FileQuality {
    let ((mut q, mut tally), (qb, tb)) = (a, b);
    q.rows_read += qb.rows_read;
    q.rows_loaded += qb.rows_loaded;
    let rejected = q.rows_rejected + qb.rows_rejected;
    for r in qb.rejections {
        q.reject(r);
    }
    q.rows_rejected = rejected;
    q.warnings.extend(qb.warnings);
    tally.absorb(tb);
    if let Some(kind) = q.kind {
        let header = q.columns.clone();
        let normalised: Vec<String> = header.iter().map(|h| normalise(h)).collect();
        let cols = Columns::resolve(&normalised, false);
        tally.finish(&header, kind, &cols, &mut q);
    }
    if q.rows_read == 0 && q.error.is_none() {
        q.error = Some(format!("{}: only a header, no rows", q.name));
    }
    q
}

/// About how many rows `len` bytes of text hold, from the lines of its start `text`: to size
/// the store's columns once.
pub(crate) fn rows_in(text: &[u8], len: usize) -> usize {
    let head = &text[..text.len().min(1 << 16)];
    let lines = head.iter().filter(|b| **b == b'\n').count().max(1);
    (len / (head.len() / lines).max(1)).min(50_000_000)
}

fn load_delimited(
    store: &mut Store,
    file_id: u16,
    name: &str,
    text: &str,
    progress: Progress,
    // For a part of a file: where its tally goes instead of the quality record.
    keep: Option<&mut Tally>,
) -> FileQuality {
    let Some(delim) = sniff_delimiter(text) else {
        return FileQuality::failed(name, format!("{name}: the first line has no tab, comma or semicolon, so this is not a report table"));
    };
    let mut q = FileQuality {
        name: name.to_string(),
        format: Some(if delim == b'\t' { "tsv" } else { "csv" }.into()),
        delimiter: Some((delim as char).to_string()),
        ..Default::default()
    };
    let mut reader = csv_reader(delim, text);
    let mut record = csv::StringRecord::new();
    // Each record's line: the one its first byte is on (`Lines`, which sees every record).
    let mut lines = Lines::new(text.as_bytes());
    // Header: the first non-empty record.
    let mut header: Vec<String> = Vec::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                lines.line_of(text.as_bytes(), record.as_byte_record());
                if is_blank(&CsvFields(&record)) {
                    continue;
                }
                header = record.iter().map(|f| f.trim().to_string()).collect();
                break;
            }
            Ok(false) => break,
            Err(e) => {
                q.error = Some(format!("{name}: cannot read the header: {e}"));
                return q;
            }
        }
    }
    // A trailing delimiter on the header line adds empty names: drop them, and accept as many
    // empty trailing fields on each row (Excel pads rows this way).
    let mut padding = 1;
    while header.last().is_some_and(|h| h.is_empty()) && header.len() > 1 {
        header.pop();
        padding += 1;
    }
    q.columns = header.clone();
    let normalised: Vec<String> = header.iter().map(|h| normalise(h)).collect();
    let cols = Columns::resolve(&normalised, false);
    let Some(kind) = detect_table(&normalised, &cols) else {
        q.error = Some(format!("{name}: {}", unknown_kind_message(&header)));
        return q;
    };
    q.kind = Some(kind);
    let style = if delim == b';' {
        DecimalStyle::Comma
    } else {
        DecimalStyle::Point
    };
    let builder = RowBuilder::new(store, file_id, kind, &header, &normalised, cols, style);
    store.reserve(rows_in(text.as_bytes(), text.len()));
    let mut table = Table {
        rows: builder,
        width: header.len(),
        padding,
        header: &header,
    };
    // Without a quote, a record's fields are the text between its delimiters: they are taken
    // from the text, already checked as UTF-8, instead of being checked again record by record.
    let quoted = lines.quotes();
    let mut bytes = csv::ByteRecord::new();
    loop {
        match reader.read_byte_record(&mut bytes) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                // Only I/O can fail on a byte reader; keep what loaded and say where it stopped.
                q.warnings
                    .push(format!("{name}: reading stopped early: {e}"));
                break;
            }
        }
        let at = bytes.position().map(|p| p.byte()).unwrap_or(0);
        let line = lines.line_of(text.as_bytes(), &bytes);
        if !quoted {
            let fields = TextFields {
                text,
                record: &bytes,
                start: lines.start(),
            };
            // No field holds a line end, so no record is read again.
            table.take(store, &mut q, &fields, line, at, progress);
            continue;
        }
        // With quotes: the fields as the csv crate unquoted them, checked as UTF-8.
        let record = match csv::StringRecord::from_byte_record(std::mem::take(&mut bytes)) {
            Ok(record) => record,
            Err(e) => {
                q.warnings
                    .push(format!("{name}: reading stopped early: {}", e.utf8_error()));
                break;
            }
        };
        let taken = table.take(store, &mut q, &CsvFields(&record), line, at, progress);
        bytes = record.into_byte_record();
        if taken {
            continue;
        }
        // A quote opened and never closed swallows the lines after it into one field: read
        // those lines one by one instead, so the good rows among them still load.
        let start = text.as_bytes()[at as usize..]
            .iter()
            .position(|b| !matches!(b, b'\r' | b'\n'))
            .map_or(at as usize, |k| at as usize + k);
        let end = reader.position().byte() as usize;
        let swallowed = text.get(start..end).unwrap_or("");
        table
            .rows
            .tally
            .open_quotes
            .push((line, swallowed.lines().count()));
        let mut one = csv::StringRecord::new();
        for (k, text_line) in swallowed.lines().enumerate() {
            let mut r = csv_reader(delim, text_line);
            if !matches!(r.read_record(&mut one), Ok(true)) {
                continue;
            }
            table.take(
                store,
                &mut q,
                &CsvFields(&one),
                line + k as u64,
                at,
                progress,
            );
        }
    }
    let mut rows = table.rows;
    if let Some(keep) = keep {
        rows.tally.line_ends = lines.ends(text.as_bytes(), reader.position());
        *keep = rows.tally;
        return q;
    }
    rows.finish(store, &mut q);
    if q.rows_read == 0 {
        q.error = Some(format!("{name}: only a header, no rows"));
    }
    q
}

/// A row has as many fields as the header, or more that are all blank (Excel pads rows with
/// up to `padding - 1` empty trailing fields when the header ends with empty names).
fn check_width(
    record: &impl Fields,
    width: usize,
    padding: usize,
    header: &[String],
    line: u64,
) -> Result<(), Rejection> {
    let n = record.width();
    let extra_ok = n > width
        && n - width <= padding
        && (width..n).all(|i| {
            record
                .field(i)
                .is_some_and(|f| f.bytes().all(|b| b.is_ascii_whitespace()))
        });
    if n == width || extra_ok {
        return Ok(());
    }
    let (column, value) = if n < width {
        (header[n].clone(), String::new())
    } else {
        (
            format!("(field {})", width + 1),
            record.field(width).unwrap_or("").to_string(),
        )
    };
    Err(Rejection::new(
        line,
        &column,
        &value,
        format!("{width} fields as in the header, found {n}"),
    ))
}

/// Records of `text` split at `delim`, no header row, any number of fields (checked per row).
fn csv_reader(delim: u8, text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

fn is_blank(record: &impl Fields) -> bool {
    (0..record.width()).all(|i| record.raw(i).iter().all(|b| b.is_ascii_whitespace()))
}

/// The rows of one table as they are read: counted, checked against the header and loaded.
struct Table<'h> {
    rows: RowBuilder<'h>,
    width: usize,
    padding: usize,
    header: &'h [String],
}

impl Table<'_> {
    /// Takes one record that starts on `line` at byte `at`: skips it if blank, else counts it
    /// and loads or rejects it. False, having done nothing, for a record of the wrong width with
    /// a line end in a field: a quote opened and never closed, which the caller reads again.
    fn take(
        &mut self,
        store: &mut Store,
        q: &mut FileQuality,
        record: &impl Fields,
        line: u64,
        at: u64,
        progress: Progress,
    ) -> bool {
        if is_blank(record) {
            return true;
        }
        let shape = check_width(record, self.width, self.padding, self.header, line);
        if shape.is_err() && (0..record.width()).any(|i| record.raw(i).contains(&b'\n')) {
            return false;
        }
        q.rows_read += 1;
        if q.rows_read.is_multiple_of(PROGRESS_ROWS) {
            progress(q.rows_read, at);
        }
        match shape.and_then(|()| self.rows.add(store, line, record)) {
            Ok(()) => q.rows_loaded += 1,
            Err(r) => q.reject(r),
        }
        true
    }
}

fn load_json(
    store: &mut Store,
    file_id: u16,
    name: &str,
    text: &str,
    progress: Progress,
) -> FileQuality {
    let mut q = FileQuality {
        name: name.to_string(),
        format: Some("json".into()),
        ..Default::default()
    };
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            q.error = Some(format!(
                "{name}: not valid JSON (line {}, column {}): {e}",
                e.line(),
                e.column()
            ));
            return q;
        }
    };
    let items = match &value {
        serde_json::Value::Array(a) => a,
        serde_json::Value::Object(o) => {
            match ["items", "Value", "value"].iter().find_map(|k| o.get(*k)) {
                Some(serde_json::Value::Array(a)) => a,
                _ => {
                    q.error = Some(format!("{name}: JSON without a list of records (expected an array, or one under \"items\", \"Value\" or \"value\")"));
                    return q;
                }
            }
        }
        _ => {
            q.error = Some(format!("{name}: JSON that is not a list of records"));
            return q;
        }
    };
    // Columns: every field name, in order of first appearance.
    let mut header: Vec<String> = Vec::new();
    let mut position: HashMap<String, usize> = HashMap::default();
    for item in items {
        if let serde_json::Value::Object(o) = item {
            for k in o.keys() {
                if !position.contains_key(k) {
                    position.insert(k.clone(), header.len());
                    header.push(k.clone());
                }
            }
        }
    }
    q.columns = header.clone();
    if items.is_empty() {
        q.error = Some(format!("{name}: the JSON list is empty"));
        return q;
    }
    let normalised: Vec<String> = header.iter().map(|h| normalise(h)).collect();
    let cols = Columns::resolve(&normalised, true);
    let Some(kind) = detect_json(&normalised, &cols) else {
        q.error = Some(format!("{name}: {}", unknown_kind_message(&header)));
        return q;
    };
    q.kind = Some(kind);
    let mut rows = RowBuilder::new(
        store,
        file_id,
        kind,
        &header,
        &normalised,
        cols,
        DecimalStyle::Point,
    );
    if !rows.cols.has(Role::Month) {
        // A snapshot (the subscription analytics answer) without a month or processedDateTime:
        // read it as of the latest date it holds, and say so.
        rows.snapshot = snapshot_month(items);
        match rows.snapshot {
            Some(m) => q.warnings.push(format!("{name}: no month or processedDateTime; read as a snapshot of {m}, the latest date it holds")),
            None => q.warnings.push(format!("{name}: no month, processedDateTime or other date, so its rows cannot be placed in a month")),
        }
    }
    let mut cells: Vec<String> = vec![String::new(); header.len()];
    for (i, item) in items.iter().enumerate() {
        let line = i as u64 + 1;
        q.rows_read += 1;
        if q.rows_read.is_multiple_of(PROGRESS_ROWS) {
            progress(
                q.rows_read,
                (text.len() as u64).saturating_mul(i as u64) / items.len().max(1) as u64,
            );
        }
        let serde_json::Value::Object(o) = item else {
            q.reject(Rejection::new(
                line,
                "(item)",
                &clip(&item.to_string()),
                "an object with named fields",
            ));
            continue;
        };
        for c in cells.iter_mut() {
            c.clear();
        }
        for (k, v) in o {
            if let Some(&p) = position.get(k) {
                cells[p] = match v {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Null => String::new(),
                    serde_json::Value::Bool(b) => b.to_string(),
                    serde_json::Value::Number(n) => n.to_string(),
                    other => clip(&other.to_string()),
                };
            }
        }
        let fields: Vec<&str> = cells.iter().map(String::as_str).collect();
        match rows.add(store, line, &fields) {
            Ok(()) => q.rows_loaded += 1,
            Err(r) => q.reject(r),
        }
    }
    rows.finish(store, &mut q);
    q
}

/// Per-column count of unreadable values, with the first one seen.
#[derive(Default, Clone, Debug, serde::Serialize, serde::Deserialize)]
struct Unreadable {
    count: u64,
    line: u64,
    value: String,
}

/// What loading a file counts on the way and reports at its end (months, identical and
/// duplicate rows, unreadable values per column, rows without a customer). Kept apart so that
/// the tallies of a file's two halves, parsed apart, add up to the whole file's (`split`).
#[derive(Default, Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Tally {
    unreadable: std::collections::BTreeMap<usize, Unreadable>,
    months: BTreeSet<Month>,
    pub(crate) identical: u64,
    duplicate: u64,
    no_key: u64,
    /// Where a quote opened and was not closed on its line: the line, and the lines it spans.
    open_quotes: Vec<(u64, usize)>,
    /// The line ends of a part's bytes, counted on the way when it is UTF-8 without a quote
    /// (`Lines::ends`): how far the next part's lines are numbered on.
    #[serde(skip)]
    pub(crate) line_ends: Option<u64>,
}

impl Tally {
    /// Adds the tally of the rows that follow these in the same file.
    pub fn absorb(&mut self, later: Tally) {
        for (col, u) in later.unreadable {
            let mine = self.unreadable.entry(col).or_default();
            if mine.count == 0 {
                mine.line = u.line;
                mine.value = u.value;
            }
            mine.count += u.count;
        }
        self.months.extend(later.months);
        self.identical += later.identical;
        self.duplicate += later.duplicate;
        self.no_key += later.no_key;
        self.open_quotes.extend(later.open_quotes);
    }

    /// Numbers the lines `offset` further on (a file's second part, read apart).
    pub fn shift_lines(&mut self, offset: u64) {
        for u in self.unreadable.values_mut() {
            u.line += offset;
        }
        for (line, _) in self.open_quotes.iter_mut() {
            *line += offset;
        }
    }

    /// Writes the tally into the file's quality record: its months, counts and warnings.
    fn finish(self, header: &[String], kind: Kind, cols: &Columns, q: &mut FileQuality) {
        for (line, spans) in &self.open_quotes {
            q.warnings.push(format!("{}: line {line}: a quote is opened and not closed on the same line; the {spans} line(s) it spans were read one by one", q.name));
        }
        q.months_covered = self.months.iter().copied().collect();
        if let (Some(first), Some(last)) = (self.months.first(), self.months.last()) {
            q.months = vec![*first, *last];
        }
        q.rows_identical = self.identical;
        q.rows_duplicate = self.duplicate;
        for (c, u) in &self.unreadable {
            let expected = match header.get(*c).map(|h| normalise(h)) {
                Some(n) if n.contains("date") || n == "processeddatetime" => "a date",
                Some(n) if n.starts_with("is") || n.contains("renew") => "yes/no or 1/0",
                _ => "a number",
            };
            q.warnings.push(format!(
                "{}: column {}: {} value(s) are not {expected} and were read as empty (first at line {}: \"{}\")",
                q.name, header.get(*c).map(String::as_str).unwrap_or("?"), u.count, u.line, u.value
            ));
        }
        if self.no_key > 0 {
            q.warnings.push(format!(
                "{}: {} row(s) have no CustomerTenantId, CustomerTpid or CustomerName and count for no customer",
                q.name, self.no_key
            ));
        }
        q.missing = missing_columns(kind, cols);
    }
}

/// A text column with more distinct cells than this is looked up in the dictionary directly.
const SMALL_COLUMN: usize = 512;

/// Turns the fields of one row into a `Row`, with the file's column roles resolved once.
struct RowBuilder<'h> {
    file_id: u16,
    kind: Kind,
    header: &'h [String],
    cols: Columns,
    style: DecimalStyle,
    /// Column order sorted by normalised name, and the hash of those names: identical rows of
    /// files whose columns are the same but ordered differently still match.
    order: Vec<usize>,
    header_hash: u128,
    acr_cols: Vec<usize>,
    sold: Option<usize>,
    assigned: Option<usize>,
    active: Option<usize>,
    tally: Tally,
    unknown: u32,
    azure: u32,
    /// For a license source: the product of rows without a product column.
    license_default: Option<u32>,
    month_cache: HashMap<String, Option<Month>>,
    last_month: LastCell<Option<Month>>,
    /// The month last noted in the tally's set of months.
    month_noted: Option<Month>,
    /// The last status cell and its state (a customer's rows repeat it).
    last_state: LastCell<State>,
    /// Per column: its last cell and that cell's dictionary id.
    last: Vec<(String, u32)>,
    /// Per column: the ids of the raw cells seen so far, while there are few of them (markets,
    /// products, segments): one small table instead of a trim, a null check and the whole
    /// dictionary. `None` once a column proves to have many values (names).
    seen: Vec<Option<HashMap<Box<str>, u32>>>,
    row_buf: Vec<u8>,
    /// For JSON snapshots without a month column: the month every row is read as.
    snapshot: Option<Month>,
    key_buf: String,
    /// The last non-null tenant id and its key.
    last_tenant: LastCell<u32>,
}

/// A column's last cell and what it was read as: a customer's rows repeat their cells row
/// after row, so each run of equal cells is read once.
struct LastCell<T> {
    text: String,
    /// `None` before the first cell.
    value: Option<T>,
}

impl<T: Copy> LastCell<T> {
    fn new() -> Self {
        LastCell {
            text: String::new(),
            value: None,
        }
    }

    /// What `raw` was read as, if it is the last cell.
    #[inline]
    fn get(&self, raw: &str) -> Option<T> {
        self.value.filter(|_| raw == self.text)
    }

    fn set(&mut self, raw: &str, value: T) {
        self.text.clear();
        self.text.push_str(raw);
        self.value = Some(value);
    }
}

impl<'h> RowBuilder<'h> {
    #[allow(clippy::too_many_arguments)]
    fn new(
        store: &mut Store,
        file_id: u16,
        kind: Kind,
        header: &'h [String],
        normalised: &[String],
        cols: Columns,
        style: DecimalStyle,
    ) -> Self {
        let mut order: Vec<usize> = (0..normalised.len()).collect();
        order.sort_by(|a, b| normalised[*a].cmp(&normalised[*b]));
        let mut h = Xxh3::new();
        for &i in &order {
            h.update(normalised[i].as_bytes());
            h.update(&[0x1e]);
        }
        let acr_cols = ["acrusd", "totalacr", "monthlysubscriptionlevelacr"]
            .iter()
            .filter_map(|a| normalised.iter().position(|n| n == a))
            .collect();
        store.index_earlier_rows();
        let license_default = license_default(store, kind, normalised, &cols);
        let first = |roles: &[Role]| roles.iter().find_map(|r| cols.get(*r));
        let sold = match kind {
            Kind::SeatUsage => first(&[Role::AvailableSeats]),
            Kind::Subscriptions => first(&[Role::TotalSoldSeats, Role::AvailableSeatsEop]),
            Kind::LicenseDeployment => first(&[Role::LicensesSold]),
            _ => None,
        };
        let assigned = match kind {
            Kind::SeatUsage => first(&[Role::AssignedSeats]),
            Kind::Subscriptions => first(&[Role::TotalAssignedSeats]),
            Kind::LicenseDeployment => first(&[Role::LicensesDeployed]),
            Kind::LicenseUsage => first(&[Role::PaidUnits, Role::LicensesQualified]),
            _ => None,
        };
        let active = match kind {
            Kind::SeatUsage => first(&[Role::ActiveSeats]),
            Kind::LicenseUsage => first(&[Role::MonthlyActiveUsers, Role::LicensesActive]),
            _ => None,
        };
        RowBuilder {
            file_id,
            kind,
            header,
            cols,
            style,
            order,
            header_hash: h.digest128(),
            acr_cols,
            sold,
            assigned,
            active,
            tally: Tally::default(),
            month_cache: HashMap::default(),
            last_month: LastCell::new(),
            month_noted: None,
            last_state: LastCell::new(),
            last: vec![(String::from("\u{0}"), u32::MAX - 1); header.len()],
            seen: vec![Some(HashMap::default()); header.len()],
            row_buf: Vec::with_capacity(512),
            snapshot: None,
            key_buf: String::new(),
            last_tenant: LastCell::new(),
            unknown: store.strings.intern("Unknown"),
            azure: store.strings.intern("Microsoft Azure"),
            license_default,
        }
    }

    fn cell<'a>(&self, fields: &'a impl Fields, role: Role) -> Option<&'a str> {
        self.cols.get(role).and_then(|i| fields.field(i))
    }

    fn number(&mut self, fields: &impl Fields, col: Option<usize>, line: u64) -> f64 {
        let Some(i) = col else { return f64::NAN };
        let raw = fields.field(i).unwrap_or("");
        let Some(t) = non_null(raw) else {
            return f64::NAN;
        };
        match parse_number(t, self.style) {
            Some(v) => v,
            None => {
                self.note_unreadable(i, line, raw);
                f64::NAN
            }
        }
    }

    fn date(&mut self, fields: &impl Fields, role: Role, line: u64) -> i32 {
        let Some(i) = self.cols.get(role) else {
            return NO_DATE;
        };
        let raw = fields.field(i).unwrap_or("");
        let Some(t) = non_null(raw) else {
            return NO_DATE;
        };
        match parse_date(t) {
            Some(d) => d.num_days_from_ce() - 719_163,
            None => {
                self.note_unreadable(i, line, raw);
                NO_DATE
            }
        }
    }

    fn note_unreadable(&mut self, col: usize, line: u64, raw: &str) {
        let u = self.tally.unreadable.entry(col).or_default();
        if u.count == 0 {
            u.line = line;
            u.value = clip(raw);
        }
        u.count += 1;
    }

    /// The dictionary id of a text column's cell (`Unknown` for null tokens). Consecutive rows
    /// often repeat a value, so the last one of each column is remembered.
    fn dict(&mut self, store: &mut Store, fields: &impl Fields, role: Role) -> u32 {
        self.intern(store, fields, role, self.unknown)
    }

    /// As `dict`, with `null` for a null token.
    fn intern(&mut self, store: &mut Store, fields: &impl Fields, role: Role, null: u32) -> u32 {
        let Some(i) = self.cols.get(role) else {
            return NONE;
        };
        let raw = fields.field(i).unwrap_or("");
        if let Some((last, id)) = self.last.get(i) {
            if last == raw && *id != u32::MAX - 1 {
                return *id;
            }
        }
        let seen = self.seen.get_mut(i).and_then(Option::as_mut);
        let cached = seen.as_ref().and_then(|m| m.get(raw).copied());
        let id = match cached {
            Some(id) => id,
            None => {
                let id = match non_null(raw) {
                    Some(t) => store.strings.intern(t),
                    None => null,
                };
                if let Some(m) = seen {
                    if m.len() < SMALL_COLUMN {
                        m.insert(raw.into(), id);
                    } else {
                        self.seen[i] = None;
                    }
                }
                id
            }
        };
        if let Some(slot) = self.last.get_mut(i) {
            slot.0.clear();
            slot.0.push_str(raw);
            slot.1 = id;
        }
        id
    }

    /// The customer key of a row: `t:` tenant id lower-cased, else `p:` TPID, else `n:` name
    /// (`NONE`, counted, when it has none).
    fn key(&mut self, store: &mut Store, fields: &impl Fields) -> u32 {
        let mut key_text = std::mem::take(&mut self.key_buf);
        key_text.clear();
        if let Some(t) = self.cell(fields, Role::TenantId).and_then(non_null) {
            key_text.push_str("t:");
            if t.is_ascii() {
                // Tenant ids are GUIDs: lower-case them in place, byte by byte.
                key_text.push_str(t);
                key_text[2..].make_ascii_lowercase();
            } else {
                key_text.extend(t.chars().flat_map(char::to_lowercase));
            }
        } else if let Some(t) = self.cell(fields, Role::Tpid).and_then(non_null) {
            key_text.push_str("p:");
            key_text.push_str(t);
        } else if let Some(t) = self.cell(fields, Role::Name).and_then(non_null) {
            key_text.push_str("n:");
            key_text.push_str(t);
        }
        let key = if !key_text.is_empty() {
            store.strings.intern(&key_text)
        } else {
            self.tally.no_key += 1;
            NONE
        };
        self.key_buf = key_text;
        key
    }

    fn add(&mut self, store: &mut Store, line: u64, fields: &impl Fields) -> Result<(), Rejection> {
        // Month: required (inputs.md "Bad input").
        let month_col = self.cols.get(Role::Month);
        let month = match month_col {
            None if self.snapshot.is_some() => self.snapshot.unwrap_or(Month(0)),
            None => {
                return Err(Rejection::new(
                    line,
                    "Month",
                    "",
                    "a date (the file has no Month column)",
                ))
            }
            Some(i) => {
                let raw = fields.field(i).unwrap_or("");
                // Months repeat row after row: parse each distinct text once.
                let parsed = if let Some(m) = self.last_month.get(raw) {
                    m
                } else {
                    let parsed = match self.month_cache.get(raw) {
                        Some(m) => *m,
                        None => {
                            let m = non_null(raw)
                                .and_then(parse_date)
                                .and_then(|d| Month::new(d.year(), d.month()));
                            if self.month_cache.len() < 10_000 {
                                self.month_cache.insert(raw.to_string(), m);
                            }
                            m
                        }
                    };
                    self.last_month.set(raw, parsed);
                    parsed
                };
                parsed.ok_or_else(|| Rejection::new(line, &self.header[i], raw, "a date"))?
            }
        };
        // Identical rows across files (metrics.md §6).
        // One hash over the trimmed cells in column-name order (one buffer, reused).
        self.row_buf.clear();
        self.row_buf
            .extend_from_slice(&self.header_hash.to_le_bytes());
        for &i in &self.order {
            self.row_buf.extend_from_slice(fields.raw(i).trim_ascii());
            self.row_buf.push(0x1f);
        }
        let digest = xxhash_rust::xxh3::xxh3_128(&self.row_buf);
        let repeat = !store.earlier.is_empty() && store.earlier.contains(&digest);
        // Customer key (metrics.md §1, §6 "Keys"). A customer's rows are usually adjacent: the
        // last tenant id's key is remembered.
        let tenant = self.cell(fields, Role::TenantId).and_then(non_null);
        let key = match tenant.and_then(|t| self.last_tenant.get(t)) {
            Some(key) => key,
            None => {
                let key = self.key(store, fields);
                if let Some(t) = tenant {
                    self.last_tenant.set(t, key);
                }
                key
            }
        };
        let name = self.intern(store, fields, Role::Name, NONE);
        let (role, none) = match self.kind {
            Kind::Customers => (Role::CustomerStatus, State::Active),
            _ => (Role::SubscriptionState, State::Missing),
        };
        let state = match self.cell(fields, role) {
            None => none,
            Some(raw) => self.last_state.get(raw).unwrap_or_else(|| {
                let state = State::parse(raw);
                self.last_state.set(raw, state);
                state
            }),
        };
        let duplicate = match self.cols.get(Role::Duplicate) {
            None => false,
            Some(i) => {
                let raw = fields.field(i).unwrap_or("");
                match non_null(raw) {
                    None => false,
                    Some(t) => parse_bool(t).unwrap_or_else(|| {
                        self.note_unreadable(i, line, raw);
                        false
                    }),
                }
            }
        };
        let mut dims = [NONE; 8];
        for dim in Dim::ALL {
            let role = match dim {
                Dim::Product => Role::Product,
                Dim::Sku => Role::Sku,
                Dim::Market => Role::Market,
                Dim::Segment => Role::Segment,
                Dim::PartnerLocation => Role::PartnerLocation,
                Dim::SalesChannel => Role::SalesChannel,
                Dim::PricingLevel => Role::PricingLevel,
                Dim::Attribution => Role::Attribution,
            };
            dims[dim.index()] = self.dict(store, fields, role);
        }
        if self.kind == Kind::AzureUsage {
            // metrics.md §2: every Azure usage row is product "Microsoft Azure".
            dims[Dim::Product.index()] = self.azure;
        }
        let subscription = match self.cell(fields, Role::SubscriptionId).and_then(non_null) {
            Some(s) if s != NIL_GUID => store.strings.intern(&s.to_lowercase()),
            _ => NONE,
        };
        let workload = self.dict(store, fields, Role::Workload);
        let subscription_type = self.dict(store, fields, Role::SubscriptionType);
        let churn_risk = self.dict(store, fields, Role::ChurnRisk);
        let auto_renew = match self.cols.get(Role::AutoRenew) {
            None => 2,
            Some(i) => {
                let raw = fields.field(i).unwrap_or("");
                match non_null(raw).map(parse_bool) {
                    None => 2,
                    Some(Some(b)) => b as u8,
                    Some(None) => {
                        self.note_unreadable(i, line, raw);
                        2
                    }
                }
            }
        };
        let start = self.date(fields, Role::SubscriptionStart, line);
        let end = self.date(fields, Role::SubscriptionEnd, line);
        let first_use = self.date(fields, Role::FirstUse, line);
        let last_renewal = self.date(fields, Role::LastRenewal, line);
        let usage_quantity = self.number(fields, self.cols.get(Role::UsageQuantity), line);
        let mut acr = f64::NAN;
        let mut acr_positive = false;
        for n in 0..self.acr_cols.len() {
            let v = self.number(fields, Some(self.acr_cols[n]), line);
            if n == 0 {
                acr = v;
            }
            acr_positive |= v > 0.0;
        }
        let sold = self.number(fields, self.sold, line);
        let assigned = self.number(fields, self.assigned, line);
        let active_units = self.number(fields, self.active, line);
        let has_usage = match self.kind {
            Kind::AzureUsage => usage_quantity > 0.0 || acr_positive,
            Kind::LicenseUsage | Kind::SeatUsage => active_units > 0.0,
            _ => false,
        };
        let license_product = match self.license_default {
            None => NONE,
            Some(default) => match dims[Dim::Product.index()] {
                NONE => default,
                p => p,
            },
        };
        // Rows come month after month in runs: note each run's month once.
        if self.month_noted != Some(month) {
            self.tally.months.insert(month);
            self.month_noted = Some(month);
        }
        self.tally.identical += repeat as u64;
        self.tally.duplicate += duplicate as u64;
        store.push(
            self.file_id,
            self.kind,
            Row {
                month,
                key,
                name,
                state,
                duplicate,
                repeat,
                dims,
                subscription,
                subscription_type,
                workload,
                churn_risk,
                start,
                end,
                first_use,
                last_renewal,
                auto_renew,
                usage_quantity,
                acr,
                sold,
                assigned,
                active_units,
                has_usage,
                license_product,
            },
            digest,
        );
        Ok(())
    }

    fn finish(self, _store: &mut Store, q: &mut FileQuality) {
        self.tally.finish(self.header, self.kind, &self.cols, q);
    }
}

/// The columns some metric needs that a file of this kind lacks (metrics.md §5).
fn missing_columns(kind: Kind, cols: &Columns) -> Vec<String> {
    let mut out = Vec::new();
    let mut need = |role: Role, why: &str| {
        if !cols.has(role) {
            out.push(format!("{}: {why}", role.display()));
        }
    };
    if kind != Kind::LicenseDeployment {
        need(Role::Month, "every row is rejected without a month");
    }
    if !cols.has(Role::TenantId) && !cols.has(Role::Tpid) {
        need(Role::TenantId, "customers are told apart by name only");
    }
    match kind {
        Kind::Customers => {
            need(
                Role::CustomerStatus,
                "every row counts as an active customer",
            );
            need(Role::Product, "customers by product is empty");
            need(Role::Market, "customers by market and the map are empty");
        }
        Kind::Subscriptions => {
            need(Role::Product, "customers by product is empty");
            need(Role::Market, "customers by market and the map are empty");
            need(Role::SubscriptionEnd, "renewals cannot be seen");
        }
        Kind::AzureUsage => {
            need(
                Role::SubscriptionState,
                "no row counts as an active customer (needs a subscription state)",
            );
            need(
                Role::SubscriptionId,
                "Azure subscriptions cannot be counted",
            );
            if !cols.has(Role::UsageQuantity) && !cols.has(Role::Acr) {
                out.push("UsageQuantity or ACR_USD: usage cannot be seen".to_string());
            }
        }
        Kind::LicenseUsage => {
            if !cols.has(Role::MonthlyActiveUsers) && !cols.has(Role::LicensesActive) {
                out.push("MonthlyActiveUsers: active customers cannot be seen".to_string());
            }
        }
        Kind::SeatUsage => need(Role::ActiveSeats, "active customers cannot be seen"),
        Kind::LicenseDeployment => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Without quotes, the fields taken from the text are the csv crate's own, on random texts
    /// of multi-byte letters, blanks, delimiters and every kind of line end.
    #[test]
    fn fields_taken_from_the_text_are_the_csv_crates() {
        let alphabet = [
            "a", "é", "€", "😀", " ", "\t", ",", ";", "\r", "\n", "\r\n", "xyz",
        ];
        let mut next = crate::lines::below(0x9e37_79b9_7f4a_7c15);
        for _ in 0..3_000 {
            let len = next(60);
            let text: String = (0..len).map(|_| alphabet[next(alphabet.len())]).collect();
            let delim = [b'\t', b',', b';'][next(3)];
            let mut strings = csv_reader(delim, &text);
            let mut bytes = csv_reader(delim, &text);
            let (mut want, mut got) = (csv::StringRecord::new(), csv::ByteRecord::new());
            let mut lines = Lines::new(text.as_bytes());
            assert!(!lines.quotes());
            while strings.read_record(&mut want).unwrap() {
                assert!(bytes.read_byte_record(&mut got).unwrap());
                lines.line_of(text.as_bytes(), &got);
                let fields = TextFields {
                    text: &text,
                    record: &got,
                    start: lines.start(),
                };
                assert_eq!(fields.width(), want.len(), "{text:?}");
                for i in 0..want.len() {
                    assert_eq!(fields.field(i), want.get(i), "{text:?} field {i}");
                    assert_eq!(fields.raw(i), want.get(i).unwrap().as_bytes());
                }
            }
            assert!(!bytes.read_byte_record(&mut got).unwrap());
        }
    }

    fn load(text: &str) -> (Store, FileQuality) {
        let mut s = Store::default();
        let q = load_file(&mut s, 0, "t.tsv", text.as_bytes());
        (s, q)
    }
    #[test]
    fn rejects_bad_rows_and_keeps_good_ones() {
        let (s, q) = load("CustomerTenantId\tCustomerStatus\tMonth\nA\tActive\t2025-01-01\nB\tActive\t13/45/2025\nC\tActive\nD\tActive\t2025-02-01\t\n");
        assert_eq!(q.kind, Some(Kind::Customers));
        assert_eq!((q.rows_read, q.rows_loaded, q.rows_rejected), (4, 2, 2));
        assert_eq!(
            q.rejections[0],
            Rejection::new(3, "Month", "13/45/2025", "a date")
        );
        assert_eq!(q.rejections[1].line, 4);
        assert_eq!(q.rejections[1].column, "Month");
        assert_eq!(s.len(), 2);
        assert_eq!(
            q.months.iter().map(|m| m.to_string()).collect::<Vec<_>>(),
            ["2025-01", "2025-02"]
        );
    }
    #[test]
    fn quoting_blank_lines_and_crlf() {
        let (s, q) = load("CustomerTenantId,CustomerName,CustomerStatus,Month\r\n\r\nA,\"Contoso, Ltd\",Active,1/1/2025\r\nB,\"Say \"\"hi\"\"\",Active,2025-01-01\r\n\r\n");
        assert_eq!((q.rows_read, q.rows_loaded), (2, 2));
        assert_eq!(q.delimiter.as_deref(), Some(","));
        assert_eq!(s.strings.get(s.name[0]), "Contoso, Ltd");
        assert_eq!(s.strings.get(s.name[1]), "Say \"hi\"");
    }
    #[test]
    fn refuses_what_is_not_a_report() {
        let (_, q) = load("Name,Value\nx,1\n");
        assert!(
            q.error
                .as_deref()
                .unwrap_or("")
                .contains("its columns are Name, Value"),
            "{:?}",
            q.error
        );
        let (_, q) = load("");
        assert!(q.error.unwrap().contains("empty"));
        let (_, q) = load("CustomerTenantId\tCustomerStatus\tMonth\r\n\r\n");
        assert_eq!(q.error.as_deref(), Some("t.tsv: only a header, no rows"));
        assert_eq!(q.kind, Some(Kind::Customers));
        let mut s = Store::default();
        let q = load_file(&mut s, 0, "r.pdf", b"%PDF-1.7\n\x00\x00\x01");
        assert!(q.error.unwrap().contains("not a text file"));
    }
    #[test]
    fn identical_rows_across_files_are_flagged_once() {
        let mut s = Store::default();
        let a = "CustomerTenantId\tCustomerStatus\tMonth\nA\tActive\t2025-01-01\nA\tActive\t2025-01-01\n";
        let b = "Month\tCustomerTenantId\tCustomerStatus\n2025-01-01\tA\tActive\n2025-02-01\tA\tActive\n";
        load_file(&mut s, 0, "a", a.as_bytes());
        let q = load_file(&mut s, 1, "b", b.as_bytes());
        assert_eq!(s.repeat, [false, false, true, false]);
        assert_eq!(q.rows_identical, 1);
        assert_eq!(q.rows_loaded, 2);
    }
    #[test]
    fn json_envelopes() {
        for text in [
            r#"{"items":[{"customerTenantId":"A","licensesActive":"3","licensesQualified":5,"processedDateTime":"2025-03-09T00:00:00+00:00"}]}"#,
            r#"{"Value":[{"customerTenantId":"A","licenseActive":3,"licensesQualified":5,"processedDateTime":"2025-03-09T00:00:00"}]}"#,
            r#"[{"customerTenantId":"A","licensesActive":3,"licensesQualified":"5","processedDateTime":"2025-03-09"}]"#,
        ] {
            let mut s = Store::default();
            let q = load_file(&mut s, 0, "l.json", text.as_bytes());
            assert_eq!(q.kind, Some(Kind::LicenseUsage), "{text}");
            assert_eq!(q.rows_loaded, 1);
            assert_eq!(s.active_units[0], 3.0);
            assert!(s.has_usage[0]);
            assert_eq!(s.month[0].to_string(), "2025-03");
        }
    }
}

/// The latest past-looking date of a JSON snapshot (usage, renewal, creation, start,
/// deprovisioning, trial dates; not end dates).
fn snapshot_month(items: &[serde_json::Value]) -> Option<Month> {
    const FIELDS: [&str; 7] = [
        "lastusagedate",
        "lastrenewaldate",
        "deprovisioneddate",
        "creationdate",
        "effectivestartdate",
        "trialstartdate",
        "trialtopaidconversiondate",
    ];
    items
        .iter()
        .filter_map(|i| i.as_object())
        .flat_map(|o| o.iter())
        .filter(|(k, _)| FIELDS.contains(&normalise(k).as_str()))
        .filter_map(|(_, v)| v.as_str().and_then(parse_date))
        .filter(|d| d.year() < 9999)
        .max()
        .and_then(|d| Month::new(d.year(), d.month()))
}

/// Whether a file is a license source (metrics.md §4) and, if so, the product of its rows that
/// have no `Product`/`ProductFamily` (`serviceName` in JSON): an Office / Microsoft 365 usage
/// report is `Microsoft 365`, an EMS usage report (`AADP…`/`Intune…` columns) `Enterprise
/// Mobility + Security`, anything else `Unknown`. A subscriptions report is one only when it
/// has seat columns.
fn license_default(
    store: &mut Store,
    kind: Kind,
    normalised: &[String],
    cols: &Columns,
) -> Option<u32> {
    let name = match kind {
        Kind::LicenseUsage
            if normalised
                .iter()
                .any(|n| n.starts_with("aadp") || n.starts_with("intune")) =>
        {
            "Enterprise Mobility + Security"
        }
        Kind::LicenseUsage
            if !normalised.iter().any(|n| {
                n == "licensesactive" || n == "licenseactive" || n == "licensesqualified"
            }) =>
        {
            "Microsoft 365"
        }
        Kind::LicenseUsage | Kind::SeatUsage | Kind::LicenseDeployment => "Unknown",
        Kind::Subscriptions
            if cols.has(Role::TotalSoldSeats)
                || cols.has(Role::AvailableSeatsEop)
                || cols.has(Role::TotalAssignedSeats) =>
        {
            "Unknown"
        }
        _ => return None,
    };
    Some(store.strings.intern(name))
}
