//! A large file parsed on two cores (issue 6): the browser's engine worker parses the first
//! part while a helper worker parses the second, and the parts are joined into the same
//! rows, dictionary, quality record and line numbers as one worker reading the whole file.
//!
//! The cut is at a line end in a stretch of UTF-8 text with no quote character before it, so
//! that no record can span it; anything else (JSON, other encodings, a quote before the cut,
//! small files) is read in one go as before.

use crate::kind::Kind;
use crate::load::{finish_parts, load_part, Progress, Tally};
use crate::month::Month;
use crate::quality::FileQuality;
use crate::sniff::sniff_delimiter;
use crate::store::Store;
use crate::values::state::State;

/// Files smaller than this are read by one worker: below it, starting a second one and
/// joining the halves costs about what it saves.
pub const MIN_SPLIT: u64 = 24 << 20;

/// The share of a file the engine's worker parses; the helper takes the rest. The helper also
/// starts a worker, reads its part and writes it out as bytes, and the engine joins them: an
/// even cut left the engine waiting a quarter of its time (issue 6 benchmark).
pub const FIRST_SHARE: f64 = 0.54;

/// The file's bytes up to the end of its header line (a UTF-8 BOM and blank lines before it
/// included), from its first bytes `start`: what the second part is read after, so that it is
/// a table of its own. `None` when the file is not cut: JSON, a quote in the header, no
/// header line within `start`.
pub fn prefix(start: &[u8]) -> Option<Vec<u8>> {
    let bom = if start.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let first = start[bom..].iter().position(|b| !b.is_ascii_whitespace())? + bom;
    if matches!(start[first], b'{' | b'[') {
        return None;
    }
    let line_of = |at: usize| memchr::memchr(b'\n', &start[at..]).map(|i| at + i + 1);
    let header_end = line_of(first)?;
    let delim = sniff_delimiter(std::str::from_utf8(&start[first..header_end]).ok()?)?;
    // The header is the first line with a field that is not blank (as the loader reads it).
    let mut end = bom;
    loop {
        let line_end = line_of(end)?;
        let line = &start[end..line_end];
        end = line_end;
        if !line.iter().all(|b| b.is_ascii_whitespace() || *b == delim) {
            break;
        }
    }
    let prefix = &start[..end];
    first_part_ok(prefix).then(|| prefix.to_vec())
}

/// Where the second part starts when the helper is given the file from byte `from`: just
/// after the first line end at or after it (both workers find the same one). `None` without
/// one.
pub fn cut_at(bytes: &[u8], from: usize) -> Option<usize> {
    memchr::memchr(b'\n', bytes.get(from..)?).map(|i| from + i + 1)
}

/// The first part may be parsed apart from the rest: no quote in it, so no field runs over the
/// cut. (The text's encoding is checked as each part is read: parts that read differently do
/// not join, see `Part::joins`.)
pub fn first_part_ok(first: &[u8]) -> bool {
    memchr::memchr(b'"', first).is_none()
}

/// How much further the second part's lines are numbered in the file than after `prefix`.
pub fn line_offset(first: &[u8], prefix: &[u8]) -> u64 {
    let lines = crate::lines::line_ends;
    lines(first).saturating_sub(lines(prefix))
}

/// A cut as the two workers make it: the first part is `bytes[..cut]`, the second is
/// `prefix` then `bytes[cut..]`, its lines `line_offset` further on.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub cut: usize,
    pub prefix: Vec<u8>,
    pub line_offset: u64,
}

/// The cut of a whole file (in memory) at the first line end from byte `from` on, when it can
/// be cut there: the steps the two workers take, in one place (tests, benchmarks).
pub fn plan(bytes: &[u8], from: usize) -> Option<Plan> {
    let prefix = prefix(&bytes[..bytes.len().min(CHUNK_FOR_PREFIX)])?;
    let cut = cut_at(bytes, from.max(prefix.len()))?;
    let first = &bytes[..cut];
    first_part_ok(first).then(|| Plan {
        cut,
        line_offset: line_offset(first, &prefix),
        prefix,
    })
}

/// The header line must end within this many bytes of the file's start for a cut.
pub const CHUNK_FOR_PREFIX: usize = 8 << 20;

/// One part of a file: its rows in a store of their own, and its unfinished quality record.
#[derive(Debug)]
pub struct Part {
    pub store: Store,
    pub quality: FileQuality,
    pub tally: Tally,
}

impl Part {
    /// Loads `bytes` as a part of a file: for the first part, the file's bytes up to the cut;
    /// for the second, the plan's prefix followed by the rest of the file (its lines are then
    /// numbered on with `shift_lines`). The store has room for the rows of `room_for` bytes
    /// (the first part's store becomes the engine's, and the second is appended to it without
    /// copying it again).
    pub fn load(name: &str, bytes: &[u8], room_for: usize, progress: Progress) -> Part {
        let mut store = Store::default();
        store.reserve(crate::load::rows_in(bytes, room_for.max(bytes.len())));
        let (quality, tally) = load_part(&mut store, name, bytes, progress);
        Part {
            store,
            quality,
            tally,
        }
    }

    /// The two parts read as the same kind of table, with the same columns, both as UTF-8:
    /// then they join into what reading the whole file gives.
    pub fn joins(&self, next: &Part) -> bool {
        let (a, b) = (&self.quality, &next.quality);
        a.error.is_none()
            && b.error.is_none()
            && a.kind.is_some()
            && a.kind == b.kind
            && a.columns == b.columns
            && a.delimiter == b.delimiter
            && a.encoding.as_deref() == Some("utf-8")
            && b.encoding.as_deref() == Some("utf-8")
    }

    /// How much further the next part's lines are numbered in the file than after `prefix`,
    /// when this part is `first`, the file's first part: as `line_offset`, from the line ends
    /// counted while the part was read when it could count them.
    pub fn line_offset(&self, first: &[u8], prefix: &[u8]) -> u64 {
        match self.tally.line_ends {
            Some(ends) => ends.saturating_sub(crate::lines::line_ends(prefix)),
            None => line_offset(first, prefix),
        }
    }

    /// Numbers the part's lines `offset` further on (its rejections and first unreadable
    /// values).
    pub fn shift_lines(&mut self, offset: u64) {
        for r in self.quality.rejections.iter_mut() {
            r.line += offset;
        }
        self.tally.shift_lines(offset);
    }

    /// Joins the two parts of one file into `store` (in order): returns the file's quality
    /// record, as reading the whole file would have made it.
    pub fn join(store: &mut Store, first: Part, second: Part) -> FileQuality {
        store.index_earlier_rows();
        let (mut ta, mut tb) = (first.tally, second.tally);
        if store.is_empty() && store.strings.is_empty() {
            // The first file: the first part's store becomes the store (ids unchanged).
            *store = first.store;
        } else {
            ta.identical += store.append(first.store);
        }
        tb.identical += store.append(second.store);
        finish_parts((first.quality, ta), (second.quality, tb))
    }

    /// The part as bytes, to send to another worker.
    pub fn to_bytes(&self) -> Vec<u8> {
        let s = &self.store;
        let mut out = Vec::with_capacity(64 + s.len() * 160);
        out.extend_from_slice(MAGIC);
        let meta = serde_json::to_vec(&(&self.quality, &self.tally)).unwrap_or_default();
        put_len(&mut out, meta.len());
        out.extend_from_slice(&meta);
        put_len(&mut out, s.strings.len());
        for id in 0..s.strings.len() as u32 {
            let text = s.strings.get(id);
            put_len(&mut out, text.len());
            out.extend_from_slice(text.as_bytes());
        }
        macro_rules! columns {
            ($($c:expr => $t:ty),*) => { $(put_column::<$t>(&mut out, &$c);)* };
        }
        columns!(
            s.file => u16, s.month.iter().map(|m| m.0).collect::<Vec<_>>() => i32,
            s.key => u32, s.name => u32, s.subscription => u32, s.subscription_type => u32,
            s.workload => u32, s.churn_risk => u32, s.license_product => u32,
            s.start => i32, s.end => i32, s.first_use => i32, s.last_renewal => i32,
            s.auto_renew => u8, s.usage_quantity => f64, s.acr => f64, s.sold => f64,
            s.assigned => f64, s.active_units => f64, s.digests => u128
        );
        for d in &s.dims {
            put_column::<u32>(&mut out, d);
        }
        let codes = |v: &[bool]| v.iter().map(|b| *b as u8).collect::<Vec<u8>>();
        put_column::<u8>(&mut out, &codes(&s.duplicate));
        put_column::<u8>(&mut out, &codes(&s.repeat));
        put_column::<u8>(&mut out, &codes(&s.has_usage));
        put_column::<u8>(
            &mut out,
            &s.kind.iter().map(|k| kind_code(*k)).collect::<Vec<_>>(),
        );
        put_column::<u8>(
            &mut out,
            &s.state.iter().map(|k| state_code(*k)).collect::<Vec<_>>(),
        );
        out
    }

    /// Reads a part written by `to_bytes`; an error when the bytes are not such a part or do
    /// not hold the same number of every column.
    pub fn from_bytes(bytes: &[u8]) -> Result<Part, String> {
        let bad = || "the second half of the file came back damaged".to_string();
        let mut r = Reader(bytes);
        if r.take(MAGIC.len())? != MAGIC {
            return Err(bad());
        }
        let n = r.len()?;
        let (quality, tally): (FileQuality, Tally) =
            serde_json::from_slice(r.take(n)?).map_err(|_| bad())?;
        let mut store = Store::default();
        let mut strings = Vec::new();
        for _ in 0..r.len()? {
            let n = r.len()?;
            let text = std::str::from_utf8(r.take(n)?).map_err(|_| bad())?;
            strings.push(Box::<str>::from(text));
        }
        // Only ever appended to the engine's store (`Store::append`), which interns them.
        store.strings = crate::store::Dict::unindexed(strings);
        store.file = r.column::<u16>()?;
        store.month = r.column::<i32>()?.into_iter().map(Month).collect();
        store.key = r.column()?;
        store.name = r.column()?;
        store.subscription = r.column()?;
        store.subscription_type = r.column()?;
        store.workload = r.column()?;
        store.churn_risk = r.column()?;
        store.license_product = r.column()?;
        store.start = r.column()?;
        store.end = r.column()?;
        store.first_use = r.column()?;
        store.last_renewal = r.column()?;
        store.auto_renew = r.column()?;
        store.usage_quantity = r.column()?;
        store.acr = r.column()?;
        store.sold = r.column()?;
        store.assigned = r.column()?;
        store.active_units = r.column()?;
        store.digests = r.column()?;
        for d in store.dims.iter_mut() {
            *d = r.column()?;
        }
        let flags = |v: Vec<u8>| v.into_iter().map(|b| b != 0).collect::<Vec<bool>>();
        store.duplicate = flags(r.column()?);
        store.repeat = flags(r.column()?);
        store.has_usage = flags(r.column()?);
        let kinds: Option<Vec<Kind>> = r.column::<u8>()?.into_iter().map(kind_of).collect();
        store.kind = kinds.ok_or_else(bad)?;
        let states: Option<Vec<State>> = r.column::<u8>()?.into_iter().map(state_of).collect();
        store.state = states.ok_or_else(bad)?;
        let n = store.len();
        let same = [
            store.file.len(),
            store.key.len(),
            store.name.len(),
            store.subscription.len(),
            store.subscription_type.len(),
            store.workload.len(),
            store.churn_risk.len(),
            store.license_product.len(),
            store.start.len(),
            store.end.len(),
            store.first_use.len(),
            store.last_renewal.len(),
            store.auto_renew.len(),
            store.usage_quantity.len(),
            store.acr.len(),
            store.sold.len(),
            store.assigned.len(),
            store.active_units.len(),
            store.digests.len(),
            store.duplicate.len(),
            store.repeat.len(),
            store.has_usage.len(),
            store.kind.len(),
            store.state.len(),
        ]
        .into_iter()
        .chain(store.dims.iter().map(Vec::len))
        .all(|l| l == n);
        let ids = store.strings.len() as u32;
        let known = |v: &u32| *v == crate::store::NONE || *v < ids;
        let ids_ok = [
            &store.key,
            &store.name,
            &store.subscription,
            &store.subscription_type,
            &store.workload,
            &store.churn_risk,
            &store.license_product,
        ]
        .into_iter()
        .chain(store.dims.iter())
        .all(|c| c.iter().all(known));
        if !same || !ids_ok || !r.0.is_empty() {
            return Err(bad());
        }
        Ok(Part {
            store,
            quality,
            tally,
        })
    }
}

const MAGIC: &[u8] = b"partnerlens part 1\n";

fn put_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u64).to_le_bytes());
}

/// A number type written as its little-endian bytes.
trait Plain: Copy {
    const SIZE: usize;
    fn put(self, out: &mut Vec<u8>);
    fn get(b: &[u8]) -> Self;
    /// The value's bits (`NaN` equals `NaN` here).
    fn bits(self) -> u128;
}

macro_rules! plain {
    ($($t:ty),*) => {$(
        impl Plain for $t {
            const SIZE: usize = std::mem::size_of::<$t>();
            fn put(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn get(b: &[u8]) -> Self {
                let mut a = [0u8; std::mem::size_of::<$t>()];
                a.copy_from_slice(b);
                <$t>::from_le_bytes(a)
            }
            fn bits(self) -> u128 {
                let mut a = [0u8; 16];
                a[..std::mem::size_of::<$t>()].copy_from_slice(&self.to_le_bytes());
                u128::from_le_bytes(a)
            }
        }
    )*};
}
plain!(u8, u16, u32, u64, i32, f64, u128);

/// A column: its length, then a tag, then one value when every row has it (a customers file
/// leaves most subscription and usage columns empty), else every value.
fn put_column<T: Plain>(out: &mut Vec<u8>, v: &[T]) {
    put_len(out, v.len());
    if let Some(first) = v.first().filter(|f| v.iter().all(|x| x.bits() == f.bits())) {
        out.push(1);
        first.put(out);
        return;
    }
    out.push(0);
    out.reserve(v.len() * T::SIZE);
    for x in v {
        x.put(out);
    }
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        if n > self.0.len() {
            return Err("the second half of the file came back cut short".into());
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }
    fn len(&mut self) -> Result<usize, String> {
        let b = self.take(8)?;
        usize::try_from(u64::get(b)).map_err(|_| "the second half of the file is too large".into())
    }
    fn column<T: Plain>(&mut self) -> Result<Vec<T>, String> {
        let n = self.len()?;
        match self.take(1)? {
            [1] => Ok(vec![T::get(self.take(T::SIZE)?); n]),
            [0] => {
                let bytes = self.take(n.checked_mul(T::SIZE).ok_or("a column is too long")?)?;
                Ok(bytes.chunks_exact(T::SIZE).map(T::get).collect())
            }
            _ => Err("the second half of the file came back damaged".into()),
        }
    }
}

const KINDS: [Kind; 6] = [
    Kind::Customers,
    Kind::Subscriptions,
    Kind::AzureUsage,
    Kind::LicenseUsage,
    Kind::SeatUsage,
    Kind::LicenseDeployment,
];

fn kind_code(k: Kind) -> u8 {
    match k {
        Kind::Customers => 0,
        Kind::Subscriptions => 1,
        Kind::AzureUsage => 2,
        Kind::LicenseUsage => 3,
        Kind::SeatUsage => 4,
        Kind::LicenseDeployment => 5,
    }
}

fn kind_of(code: u8) -> Option<Kind> {
    KINDS.get(code as usize).copied()
}

const STATES: [State; 5] = [
    State::Active,
    State::Suspended,
    State::Deprovisioned,
    State::Other,
    State::Missing,
];

fn state_code(s: State) -> u8 {
    match s {
        State::Active => 0,
        State::Suspended => 1,
        State::Deprovisioned => 2,
        State::Other => 3,
        State::Missing => 4,
    }
}

fn state_of(code: u8) -> Option<State> {
    STATES.get(code as usize).copied()
}
