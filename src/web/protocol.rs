//! Messages between the page and the engine's Web Worker. A message is a JS array: its first
//! element is one of these as JSON, then any `Blob`s the command carries.

use partnerlens::{Filter, Month};
use serde::{Deserialize, Serialize};

/// Page → worker.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Command {
    /// Add these files (the blobs follow in the same order), then send a report.
    Load {
        names: Vec<String>,
        today: Option<Month>,
        request: u64,
        from: Option<Month>,
        to: Option<Month>,
        filter: Filter,
    },
    /// To a helper worker: parse the second part of a large file and send it back as bytes
    /// (`Reply::Part`). The blob that follows is the file from some byte on; the part starts
    /// after its first line end, and is read after `prefix` (the file's header).
    Part(PartJob),
    /// The second part `part` of the file being split (its bytes follow), or why there is
    /// none: then the worker reads the file whole.
    SecondPart {
        request: u64,
        part: u64,
        failed: Option<String>,
    },
    /// Send the report for this range and filter (no file is read again).
    Report {
        request: u64,
        from: Option<Month>,
        to: Option<Month>,
        filter: Filter,
    },
}

/// Worker → page.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Reply {
    Ready,
    /// While loading: the file being read, its bytes read of its size, rows parsed so far.
    Progress {
        file: String,
        index: usize,
        files: usize,
        bytes: f64,
        size: f64,
        rows: u64,
        parsing: bool,
    },
    /// A large file is cut in two: a helper is to parse its second part (`Command::Part`, the
    /// blob that follows) while this worker parses the first; `Command::SecondPart` brings it
    /// back.
    Split(PartJob),
    /// The file of cut `part` is read whole after all (a quote before the cut): its helper is
    /// no longer needed.
    Unsplit {
        part: u64,
    },
    /// From a helper: the part, as bytes (an `ArrayBuffer` follows).
    Part {
        request: u64,
        part: u64,
    },
    /// The report of request `request`: its JSON text follows as the message's second part
    /// (not inside this JSON, where it would be escaped by the worker and read back
    /// character by character by the page before being parsed). `heap` is the worker's wasm
    /// memory in bytes.
    Report {
        request: u64,
        heap: f64,
        /// Milliseconds spent reading blobs, parsing, computing and writing the report.
        #[serde(default)]
        phases: Phases,
    },
    Failed {
        request: u64,
        message: String,
    },
    /// The engine panicked: a report to show and copy. The worker stops right after.
    Crashed {
        report: String,
    },
}

/// Where a load's (or a recompute's) time went, in milliseconds.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Phases {
    pub read: f64,
    pub parse: f64,
    /// Of `parse`, for a file parsed in two: waiting for the helper's half after this worker's,
    /// and reading and joining it.
    #[serde(default)]
    pub wait: f64,
    #[serde(default)]
    pub join: f64,
    pub report: f64,
    pub json: f64,
}

/// The second part of a large file to parse, as the engine's worker asks for it (`Split`) and
/// the page passes it on to a helper (`Part`).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct PartJob {
    pub request: u64,
    /// Which cut of the worker's (its answer must name the same one).
    pub part: u64,
    pub name: String,
    /// The file's start up to its header line, read before the part's lines.
    pub prefix: Vec<u8>,
}
