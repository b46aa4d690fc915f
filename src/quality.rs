//! Data quality (metrics.md §5): what each file was, what loaded and what did not, and why.

use crate::kind::Kind;
use crate::month::Month;
use serde::{Deserialize, Serialize};

/// How many rejections are listed per file; `rows_rejected` counts them all.
pub const MAX_LISTED_REJECTIONS: usize = 100;

/// A row that could not be read.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Rejection {
    /// 1-based line of the file where the row starts (for JSON, the item's position).
    pub line: u64,
    pub column: String,
    pub value: String,
    pub expected: String,
}

impl Rejection {
    pub fn new(line: u64, column: &str, value: &str, expected: impl Into<String>) -> Rejection {
        Rejection {
            line,
            column: column.to_string(),
            value: clip(value),
            expected: expected.into(),
        }
    }
}

/// Long cells (a 10 MB line) are cut for display.
pub fn clip(s: &str) -> String {
    if s.len() <= 120 {
        return s.to_string();
    }
    let mut end = 117;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

/// One file's quality record (`quality.files[]` in the report JSON).
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
pub struct FileQuality {
    pub name: String,
    /// Detected report kind, `null` when the file could not be read as a report.
    pub kind: Option<Kind>,
    /// `tsv`, `csv`, `json`, or `null` when unreadable.
    pub format: Option<std::borrow::Cow<'static, str>>,
    /// `"\t"`, `","` or `";"`; `null` for JSON.
    pub delimiter: Option<String>,
    pub encoding: Option<std::borrow::Cow<'static, str>>,
    pub rows_read: u64,
    pub rows_loaded: u64,
    pub rows_rejected: u64,
    /// Loaded rows identical to a row of an earlier file: counted once (metrics.md §6).
    pub rows_identical: u64,
    /// Loaded rows flagged `IsDuplicateRowForPGA` / `IsACRDuplicateAtPGALevel`.
    pub rows_duplicate: u64,
    /// First and last month of the file's loaded rows (empty when none loaded).
    pub months: Vec<Month>,
    /// Every month in which the file has a loaded row.
    pub months_covered: Vec<Month>,
    pub rejections: Vec<Rejection>,
    pub warnings: Vec<String>,
    /// The header as written.
    pub columns: Vec<String>,
    /// Columns some metric needs that this file lacks, and what that means.
    pub missing: Vec<String>,
    /// Why the file loaded nothing at all (not text, not a report, empty, header only).
    pub error: Option<String>,
}

impl FileQuality {
    pub fn failed(name: &str, error: impl Into<String>) -> FileQuality {
        FileQuality {
            name: name.to_string(),
            error: Some(error.into()),
            ..Default::default()
        }
    }
    pub fn reject(&mut self, r: Rejection) {
        self.rows_rejected += 1;
        if self.rejections.len() < MAX_LISTED_REJECTIONS {
            self.rejections.push(r);
        }
    }
}

/// `quality` in the report JSON.
#[derive(Clone, Debug, Serialize, Deserialize, Default)]
pub struct Quality {
    pub files: Vec<FileQuality>,
    /// Months of the window that no status report covers (metrics.md §1 "missing month").
    pub missing_months: Vec<Month>,
    pub warnings: Vec<String>,
}
