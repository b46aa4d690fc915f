//! The engine in a Web Worker: it owns the loaded data, reads files in chunks with progress,
//! parses them, and answers report requests, so the page never blocks while a large file loads.
//! It runs the same engine as the CLI.

#[path = "../web/protocol.rs"]
mod protocol;

use js_sys::{Array, Uint8Array};
use partnerlens::{Month, Workspace};
use protocol::{Command, Phases, Reply};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};

/// Blobs are read this much at a time, with a progress message after each piece. Each read
/// costs the browser a round trip: in a worker, reading 93 MB took 250–530 ms in 8 MB pieces,
/// 166–235 ms in 32 MB pieces and 145–180 ms in one (Chromium, this machine).
const CHUNK: f64 = 32.0 * 1024.0 * 1024.0;

thread_local! {
    static WORKSPACE: RefCell<Workspace> = RefCell::new(Workspace::new());
    /// What the engine is doing, for a crash report.
    static DOING: RefCell<String> = const { RefCell::new(String::new()) };
    static PHASES: RefCell<Phases> = RefCell::new(Phases::default());
}

fn now() -> f64 {
    js_sys::Date::now()
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn send(reply: &Reply) {
    if let Ok(text) = serde_json::to_string(reply) {
        let _ = scope().post_message(&JsValue::from_str(&text));
    }
}

/// A reply with a JS value after it (a blob, or a buffer handed over with `transfer`).
fn send_with(reply: &Reply, value: &JsValue, transfer: Option<&JsValue>) {
    let Ok(text) = serde_json::to_string(reply) else {
        return;
    };
    let message = Array::of2(&JsValue::from_str(&text), value);
    let _ = match transfer {
        Some(t) => scope().post_message_with_transfer(&message, &Array::of1(t)),
        None => scope().post_message(&message),
    };
}

fn doing(what: String) {
    DOING.with(|d| {
        if let Ok(mut d) = d.try_borrow_mut() {
            *d = what;
        }
    });
}

/// A panic is contained: the page gets a copyable report, then the worker stops (its error
/// event makes the page start a new one with the files loaded before).
fn on_panic(info: &std::panic::PanicHookInfo) {
    console_error_panic_hook::hook(info);
    let context = DOING.with(|d| d.try_borrow().map(|d| d.clone()).unwrap_or_default());
    let browser = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("navigator"))
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("userAgent")))
        .ok()
        .and_then(|u| u.as_string())
        .unwrap_or_default();
    send(&Reply::Crashed {
        report: partnerlens::crash::from_panic("engine (Web Worker)", info, &context, &browser),
    });
}

fn main() {
    std::panic::set_hook(Box::new(on_panic));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|ev: MessageEvent| {
        wasm_bindgen_futures::spawn_local(handle(ev.data()));
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    send(&Reply::Ready);
}

async fn handle(data: JsValue) {
    let parts: Array = data.unchecked_into();
    let Some(command) = parts
        .get(0)
        .as_string()
        .and_then(|t| serde_json::from_str::<Command>(&t).ok())
    else {
        send(&Reply::Failed {
            request: 0,
            message: "the worker got a message it does not understand".into(),
        });
        return;
    };
    match command {
        Command::Load {
            names,
            today,
            request,
            from,
            to,
            filter,
        } => {
            // One load at a time: a batch dropped while another loads waits for it (a load can
            // wait for a helper's part, and there is one helper and one cut at a time).
            let mut done = None;
            let mine = js_sys::Promise::new(&mut |resolve, _| done = Some(resolve));
            let before = LOADS.with(|l| l.replace(mine));
            LOAD_COUNT.with(|c| c.set(c.get() + 1));
            let _ = JsFuture::from(before).await;
            let files = names.len();
            for (index, name) in names.iter().enumerate() {
                let blob: Blob = parts.get(index as u32 + 1).unchecked_into();
                let at = Place { name, index, files };
                doing(format!("reading file {} of {files}", index + 1));
                #[cfg(feature = "crash-probe")]
                if name == "crash-probe.tsv" {
                    panic!("crash probe: a deliberate panic in the engine (test-only build)");
                }
                if let Err(e) = load_file(request, &blob, &at, today).await {
                    WORKSPACE.with(|w| {
                        w.borrow_mut()
                            .files
                            .push(partnerlens::quality::FileQuality::failed(name, e))
                    });
                }
            }
            doing("computing the report".into());
            report(request, from, to, &filter);
            // While the page draws that report: index the rows for the filters, so that the
            // first filter change is as quick as the next.
            doing("indexing the rows for the filters".into());
            WORKSPACE.with(|w| w.borrow_mut().prepare_filters());
            if let Some(done) = done {
                let _ = done.call0(&JsValue::NULL);
            }
            prepare_ahead().await;
        }
        Command::Part(protocol::PartJob {
            request,
            part,
            name,
            prefix,
        }) => {
            let blob: Blob = parts.get(1).unchecked_into();
            doing(format!("reading the second part of {name}"));
            parse_second_part(request, part, &name, prefix, &blob).await;
        }
        Command::SecondPart { part, .. } => {
            // The first part's load waits for this message (see `load_in_parts`); one for an
            // earlier cut, given up, is dropped.
            let waiting = SECOND_PART.with(|s| {
                let mut s = s.borrow_mut();
                match s.take() {
                    Some((id, resolve)) if id == part => Some(resolve),
                    other => {
                        *s = other;
                        None
                    }
                }
            });
            if let Some(resolve) = waiting {
                let _ = resolve.call1(&JsValue::NULL, &parts);
            }
        }
        Command::Report {
            request,
            from,
            to,
            filter,
        } => {
            doing("computing the report after a range or filter change".into());
            report(request, from, to, &filter)
        }
    }
}

/// After a load, while the user looks at its report: builds the facts of the filters that read
/// rows (one product: the slowest filter to compute, about 25 ms on a million rows), so that
/// choosing one is as quick as choosing a market. One filter per task: a report asked for
/// meanwhile waits for one at most. Stops when another load comes.
async fn prepare_ahead() {
    let load = LOAD_COUNT.with(|c| c.get());
    let filters = WORKSPACE.with(|w| w.borrow_mut().filters_to_prepare());
    for filter in filters {
        next_task().await;
        if LOAD_COUNT.with(|c| c.get()) != load {
            return;
        }
        doing("building the facts of a filter ahead".into());
        WORKSPACE.with(|w| w.borrow_mut().prepare_facts(&filter));
    }
}

/// Settles in a later task (`setTimeout(…, 0)`), after the messages that came meanwhile.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if scope()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
            .is_err()
        {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Which file of a load this is, for progress messages.
struct Place<'a> {
    name: &'a str,
    index: usize,
    files: usize,
}

impl Place<'_> {
    fn progress(&self, bytes: f64, size: f64, rows: u64, parsing: bool) {
        send(&Reply::Progress {
            file: self.name.to_string(),
            index: self.index,
            files: self.files,
            bytes,
            size,
            rows,
            parsing,
        });
    }
}

/// Reads and parses one file into the workspace. A large file is cut in two (`split`): a
/// helper worker, started by the page, parses the second part while this one parses the first.
async fn load_file(
    request: u64,
    blob: &Blob,
    at: &Place<'_>,
    today: Option<Month>,
) -> Result<(), String> {
    use partnerlens::split;
    let size = blob.size();
    partnerlens::limits::check_load(&[(at.name.to_string(), size as u64)])?;
    let mut t = now();
    let mut bytes = Vec::new();
    bytes.try_reserve_exact(size as usize).map_err(|_| {
        format!(
            "{}: the browser has no room for this file ({})",
            at.name,
            partnerlens::limits::size_text(size as u64)
        )
    })?;
    WORKSPACE.with(|w| w.borrow_mut().today = today);
    let unread = |e: String| format!("{}: {e}", at.name);
    let progress = |done| at.progress(done, size, 0, false);
    if size as u64 >= split::MIN_SPLIT {
        let to = (split::CHUNK_FOR_PREFIX as f64).min(size);
        read_into(blob, 0.0, to, &mut bytes, &progress)
            .await
            .map_err(unread)?;
        PHASES.with(|p| p.borrow_mut().read += now() - t);
        // Quotes in the first piece: likely more of them before the cut, where no field may
        // run over it; read whole.
        if let Some(prefix) = split::prefix(&bytes).filter(|_| split::first_part_ok(&bytes)) {
            if load_in_parts(request, blob, at, &mut bytes, prefix).await? {
                return Ok(());
            }
            // The time spent on the cut given up is in no phase.
        }
        t = now();
    }
    // Read in one go: the (rest of the) file.
    let from = bytes.len() as f64;
    read_into(blob, from, size, &mut bytes, &progress)
        .await
        .map_err(unread)?;
    PHASES.with(|p| p.borrow_mut().read += now() - t);
    let t = now();
    doing(format!("reading file {} of {}", at.index + 1, at.files));
    WORKSPACE.with(|w| {
        let mut progress = |rows: u64, done: u64| at.progress(done as f64, size, rows, true);
        w.borrow_mut()
            .add_file_with_progress(at.name, &bytes, &mut progress);
    });
    PHASES.with(|p| p.borrow_mut().parse += now() - t);
    Ok(())
}

thread_local! {
    /// Settles when the last load asked for has finished.
    static LOADS: RefCell<js_sys::Promise> =
        RefCell::new(js_sys::Promise::resolve(&JsValue::NULL));
    /// The cut whose second part the first part's load waits on, and the function that
    /// resolves its promise with the message that brings the part.
    static SECOND_PART: RefCell<Option<(u64, js_sys::Function)>> = const { RefCell::new(None) };
    static CUTS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// Loads asked for so far: work done ahead for one load stops when another comes.
    static LOAD_COUNT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Cuts a file in two: asks for a helper on the file from `split::FIRST_SHARE` of it on, reads
/// and parses the first part meanwhile, then joins the helper's part. `bytes` holds the file's
/// start; `Ok(false)` when the file was not loaded this way (a quote before the cut, halves
/// that read differently, no helper): the caller reads the rest and loads it whole.
async fn load_in_parts(
    request: u64,
    blob: &Blob,
    at: &Place<'_>,
    bytes: &mut Vec<u8>,
    prefix: Vec<u8>,
) -> Result<bool, String> {
    let started = now();
    use partnerlens::split;
    let size = blob.size();
    let from = (size * split::FIRST_SHARE).floor();
    let Ok(rest) = blob.slice_with_f64(from) else {
        return Ok(false);
    };
    let id = CUTS.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let second = js_sys::Promise::new(&mut |resolve, _| {
        SECOND_PART.with(|s| *s.borrow_mut() = Some((id, resolve)));
    });
    send_with(
        &Reply::Split(protocol::PartJob {
            request,
            part: id,
            name: at.name.to_string(),
            prefix: prefix.clone(),
        }),
        &rest,
        None,
    );
    // The first part: up to the first line end from `from` on (the helper starts after it).
    let unread = |e: String| format!("{}: {e}", at.name);
    let progress = |done| at.progress(done, size, 0, false);
    let mut cut = None;
    let mut to = from;
    while cut.is_none() && (bytes.len() as f64) < size {
        let start = bytes.len() as f64;
        read_into(blob, start, to.min(size), bytes, &progress)
            .await
            .map_err(unread)?;
        cut = split::cut_at(bytes, from as usize);
        to = bytes.len() as f64 + 65536.0;
    }
    PHASES.with(|p| p.borrow_mut().read += now() - started);
    let Some(cut) = cut.filter(|c| split::first_part_ok(&bytes[..*c])) else {
        SECOND_PART.with(|s| s.borrow_mut().take());
        send(&Reply::Unsplit { part: id });
        return Ok(false);
    };
    let t = now();
    doing(format!(
        "reading the first part of file {} of {}",
        at.index + 1,
        at.files
    ));
    let mut parsed = |rows: u64, done: u64| at.progress(done as f64, size, rows, true);
    let first = split::Part::load(at.name, &bytes[..cut], size as usize, &mut parsed);
    let waiting = now();
    let message: Array = match JsFuture::from(second).await {
        Ok(m) => m.unchecked_into(),
        Err(_) => return Ok(false),
    };
    let joining = now();
    let failed = message
        .get(0)
        .as_string()
        .and_then(|t| serde_json::from_str::<Command>(&t).ok())
        .map(|c| match c {
            Command::SecondPart { failed, .. } => failed,
            _ => Some("unexpected message".into()),
        })
        .unwrap_or(Some("unreadable message".into()));
    if failed.is_some() {
        return Ok(false);
    }
    doing(format!(
        "joining the parts of file {} of {}",
        at.index + 1,
        at.files
    ));
    let part = Uint8Array::new(&message.get(1)).to_vec();
    let Ok(mut second) = split::Part::from_bytes(&part) else {
        return Ok(false);
    };
    drop(part);
    second.shift_lines(first.line_offset(&bytes[..cut], &prefix));
    let joined = WORKSPACE.with(|w| w.borrow_mut().add_file_parts(first, second).is_some());
    PHASES.with(|p| {
        let mut p = p.borrow_mut();
        p.wait += joining - waiting;
        p.join += now() - joining;
        p.parse += now() - t;
    });
    Ok(joined)
}

/// In a helper worker: reads the file from its first line end on (after `prefix`), parses it
/// as the file's second part and sends it back as bytes (or a failure, so that the engine's
/// worker reads the file whole).
async fn parse_second_part(request: u64, part: u64, name: &str, prefix: Vec<u8>, blob: &Blob) {
    let size = blob.size();
    let at = Place {
        name,
        index: 0,
        files: 1,
    };
    let failed = |message: String| send(&Reply::Failed { request, message });
    // Where its first line ends: read a little at a time until it shows.
    let mut head = Vec::new();
    let mut skip = None;
    while skip.is_none() && (head.len() as f64) < size {
        let from = head.len() as f64;
        if let Err(e) = read_into(blob, from, (from + 65536.0).min(size), &mut head, &|_| {}).await
        {
            return failed(e);
        }
        skip = partnerlens::split::cut_at(&head, 0);
    }
    let Some(skip) = skip else {
        return failed(format!("{name}: no line end in the second part"));
    };
    let after = prefix.len();
    let mut bytes = prefix;
    if bytes.try_reserve_exact(size as usize - skip).is_err() {
        return failed(format!("{name}: no room for the second part"));
    }
    bytes.extend_from_slice(&head[skip..]);
    drop(head);
    let from = (bytes.len() - after + skip) as f64;
    if let Err(e) = read_into(blob, from, size, &mut bytes, &|_| {}).await {
        return failed(e);
    }
    let mut progress =
        |rows: u64, done: u64| at.progress((done as f64 - after as f64).max(0.0), size, rows, true);
    let parsed = partnerlens::split::Part::load(name, &bytes, 0, &mut progress);
    drop(bytes);
    let out = parsed.to_bytes();
    drop(parsed);
    let buffer = Uint8Array::new_with_length(out.len() as u32);
    buffer.copy_from(&out);
    drop(out);
    send_with(
        &Reply::Part { request, part },
        &buffer.buffer(),
        Some(&buffer.buffer()),
    );
}

/// Reads bytes `from..to` of a blob in chunks onto the end of `bytes`, telling `progress` the
/// position reached.
async fn read_into(
    blob: &Blob,
    from: f64,
    to: f64,
    bytes: &mut Vec<u8>,
    progress: &dyn Fn(f64),
) -> Result<(), String> {
    let failed = || "the browser could not read the file".to_string();
    // The next piece is asked for before this one is copied, so that the browser reads while
    // the engine copies.
    let ask = |at: f64| -> Result<(f64, js_sys::Promise), String> {
        let end = (at + CHUNK).min(to);
        let piece = blob.slice_with_f64_and_f64(at, end).map_err(|_| failed())?;
        Ok((end, piece.array_buffer()))
    };
    let mut pending = if to > from { Some(ask(from)?) } else { None };
    while let Some((end, promise)) = pending.take() {
        if end < to {
            pending = Some(ask(end)?);
        }
        let buffer = JsFuture::from(promise).await.map_err(|_| failed())?;
        // Straight into the file's buffer (no intermediate Vec).
        let piece = Uint8Array::new(&buffer);
        let start = bytes.len();
        bytes.resize(start + piece.length() as usize, 0);
        piece.copy_to(&mut bytes[start..]);
        progress(end);
    }
    Ok(())
}

fn report(request: u64, from: Option<Month>, to: Option<Month>, filter: &partnerlens::Filter) {
    let t = now();
    let result = WORKSPACE.with(|w| {
        let mut w = w.borrow_mut();
        if w.files.is_empty() {
            return Ok(None);
        }
        w.report_filtered(from, to, filter)
            .or_else(|_| w.report_filtered(None, None, filter))
            .map(Some)
    });
    let computed = now();
    let json = match result {
        Ok(Some(r)) => r.to_json_compact(),
        Ok(None) => "null".to_string(),
        Err(message) => return send(&Reply::Failed { request, message }),
    };
    // This load's (or recompute's) phases; counting starts afresh after them.
    let phases = PHASES.with(|p| {
        let mut p = p.borrow_mut();
        p.report = computed - t;
        p.json = now() - computed;
        std::mem::take(&mut *p)
    });
    send_with(
        &Reply::Report {
            request,
            heap: heap(),
            phases,
        },
        &JsValue::from_str(&json),
        None,
    );
}

/// The wasm memory in bytes (what the loaded data costs).
fn heap() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}
