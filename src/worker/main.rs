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

/// Blobs are read this much at a time, with a progress message after each piece.
const CHUNK: f64 = 8.0 * 1024.0 * 1024.0;

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
            let files = names.len();
            for (index, name) in names.iter().enumerate() {
                let blob: Blob = parts.get(index as u32 + 1).unchecked_into();
                let t = now();
                let got = read(&blob, name, index, files).await;
                PHASES.with(|p| p.borrow_mut().read += now() - t);
                let t = now();
                doing(format!("reading file {} of {files}", index + 1));
                #[cfg(feature = "crash-probe")]
                if name == "crash-probe.tsv" {
                    panic!("crash probe: a deliberate panic in the engine (test-only build)");
                }
                match got {
                    Ok(bytes) => WORKSPACE.with(|w| {
                        let mut w = w.borrow_mut();
                        w.today = today;
                        let mut progress = |rows: u64, done: u64| {
                            send(&Reply::Progress {
                                file: name.clone(),
                                index,
                                files,
                                bytes: done as f64,
                                size: bytes.len() as f64,
                                rows,
                                parsing: true,
                            });
                        };
                        w.add_file_with_progress(name, &bytes, &mut progress);
                        PHASES.with(|p| p.borrow_mut().parse += now() - t);
                    }),
                    Err(e) => WORKSPACE.with(|w| {
                        w.borrow_mut()
                            .files
                            .push(partnerlens::quality::FileQuality::failed(name, e))
                    }),
                }
            }
            doing("computing the report".into());
            report(request, from, to, &filter);
            // While the page draws that report: index the rows for the filters, so that the
            // first filter change is as quick as the next.
            doing("indexing the rows for the filters".into());
            WORKSPACE.with(|w| w.borrow_mut().prepare_filters());
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

/// Reads a blob in chunks, telling the page how far it is.
async fn read(blob: &Blob, name: &str, index: usize, files: usize) -> Result<Vec<u8>, String> {
    let size = blob.size();
    partnerlens::limits::check_load(&[(name.to_string(), size as u64)])?;
    let mut bytes = Vec::new();
    bytes.try_reserve_exact(size as usize).map_err(|_| {
        format!(
            "{name}: the browser has no room for this file ({})",
            partnerlens::limits::size_text(size as u64)
        )
    })?;
    // The next piece is asked for before this one is copied, so that the browser reads while
    // the engine copies.
    let ask = |at: f64| -> Result<(f64, js_sys::Promise), String> {
        let end = (at + CHUNK).min(size);
        let piece = blob
            .slice_with_f64_and_f64(at, end)
            .map_err(|_| format!("{name}: the browser could not read the file"))?;
        Ok((end, piece.array_buffer()))
    };
    let mut pending = if size > 0.0 { Some(ask(0.0)?) } else { None };
    while let Some((end, promise)) = pending.take() {
        if end < size {
            pending = Some(ask(end)?);
        }
        let buffer = JsFuture::from(promise)
            .await
            .map_err(|_| format!("{name}: the browser could not read the file"))?;
        // Straight into the file's buffer (no intermediate Vec).
        let piece = Uint8Array::new(&buffer);
        let from = bytes.len();
        bytes.resize(from + piece.length() as usize, 0);
        piece.copy_to(&mut bytes[from..]);
        send(&Reply::Progress {
            file: name.to_string(),
            index,
            files,
            bytes: end,
            size,
            rows: 0,
            parsing: false,
        });
    }
    Ok(bytes)
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
    send(&Reply::Report {
        request,
        json,
        heap: heap(),
        phases,
    });
}

/// The wasm memory in bytes (what the loaded data costs).
fn heap() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}
