//! Session state: the page's range and filters and the report computed from the loaded data.
//! The data itself lives in the engine's Web Worker (`src/worker/`): the page sends it files
//! and report requests and receives progress and reports, so loading a large file never blocks
//! the page. Changing the range or a filter asks the worker for a new report; no file is read
//! again.

use crate::protocol::{Command, Reply};
use leptos::prelude::*;
use partnerlens::charts::world::World;
use partnerlens::{Filter, Month, Report};
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, Worker};

/// The worker's loader (`public/worker-loader.js`), beside the page; Trunk builds the worker from `src/worker/`.
const WORKER_URL: &str = "./worker-loader.js";

/// Where the loaded data came from; sample data is replaced when the user drops files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Nothing,
    Sample,
    Files,
    Links,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    Idle,
    Loading {
        index: usize,
        files: usize,
        name: String,
        bytes: f64,
        size: f64,
        rows: u64,
        parsing: bool,
    },
    Failed(String),
    Cancelled,
}

fn this_month() -> Option<Month> {
    let now = js_sys::Date::new_0();
    Month::new(now.get_full_year() as i32, now.get_month() + 1)
}

#[derive(Clone, Copy)]
pub struct Session {
    worker: StoredValue<Option<Worker>, LocalStorage>,
    /// The helper parsing the second half of a large file, while there is one (`split`).
    helper: StoredValue<Option<Worker>, LocalStorage>,
    /// The last progress of the engine's worker, and the helper's rows and bytes parsed: the
    /// bar shows their sum.
    progress: StoredValue<Option<Status>, LocalStorage>,
    helper_progress: StoredValue<(f64, u64, bool)>,
    /// Counts the workers started: replies and errors of a replaced worker (a `Ready` already on
    /// its way when it was terminated) are ignored, so they cannot flush the queue meant for
    /// the new one before it can hear it.
    generation: StoredValue<u64>,
    /// Messages wait here until the worker's wasm has started and said `Ready`.
    queue: StoredValue<Option<Vec<js_sys::Array>>, LocalStorage>,
    /// Files the worker holds, to give them back to a new worker after a cancel.
    held: StoredValue<Vec<(String, Blob)>, LocalStorage>,
    /// The batch being loaded, and the request whose report ends it.
    pending: StoredValue<Option<(u64, Vec<(String, Blob)>)>, LocalStorage>,
    /// The range and filters named in the address, applied when the first files load.
    initial_view: StoredValue<Option<(Option<Month>, Option<Month>, Filter)>, LocalStorage>,
    /// The latest request: older reports are stale and dropped.
    request: StoredValue<u64>,
    /// The range or filters changed while loading: ask again when the load ends.
    dirty: StoredValue<bool>,
    pub report: RwSignal<Option<Report>>,
    pub status: RwSignal<Status>,
    /// "Remember my files" is on: loaded files and the view are kept in IndexedDB.
    pub remember: RwSignal<bool>,
    /// The report of the engine's last crash, shown until dismissed.
    pub crash: RwSignal<Option<String>>,
    pub source: RwSignal<Source>,
    /// The selected range (`None`: the default, the window's last 12 months).
    pub from: RwSignal<Option<Month>>,
    pub to: RwSignal<Option<Month>>,
    pub filter: RwSignal<Filter>,
    /// Country shapes for the map, fetched once.
    pub world: RwSignal<Option<Arc<World>>>,
}

/// A worker's message: a reply as JSON text, or an array of it and one JS value (a blob or a
/// buffer).
fn read_reply(data: &JsValue) -> Option<(Reply, JsValue)> {
    let (text, extra) = match data.as_string() {
        Some(t) => (t, JsValue::UNDEFINED),
        None => {
            let parts: &js_sys::Array = data.dyn_ref()?;
            (parts.get(0).as_string()?, parts.get(1))
        }
    };
    serde_json::from_str::<Reply>(&text)
        .ok()
        .map(|r| (r, extra))
}

impl Session {
    pub fn new() -> Self {
        let s = Session {
            worker: StoredValue::new_local(None),
            helper: StoredValue::new_local(None),
            progress: StoredValue::new_local(None),
            helper_progress: StoredValue::new((0.0, 0, false)),
            generation: StoredValue::new(0),
            queue: StoredValue::new_local(Some(Vec::new())),
            held: StoredValue::new_local(Vec::new()),
            pending: StoredValue::new_local(None),
            request: StoredValue::new(0),
            initial_view: StoredValue::new_local(None),
            dirty: StoredValue::new(false),
            report: RwSignal::new(None),
            status: RwSignal::new(Status::Idle),
            crash: RwSignal::new(None),
            remember: RwSignal::new(crate::remember::enabled()),
            source: RwSignal::new(Source::Nothing),
            from: RwSignal::new(None),
            to: RwSignal::new(None),
            filter: RwSignal::new(Filter::default()),
            world: RwSignal::new(None),
        };
        s.start_worker();
        s
    }

    /// A fresh worker (the old one, if any, is stopped and its data dropped).
    fn start_worker(&self) {
        if let Some(old) = self.worker.get_value() {
            old.terminate();
        }
        self.stop_helper(true);
        let worker = match Worker::new(WORKER_URL) {
            Ok(w) => w,
            Err(_) => {
                self.status.set(Status::Failed(
                    "This browser could not start the engine (Web Worker).".into(),
                ));
                return;
            }
        };
        let s = *self;
        self.generation.update_value(|g| *g += 1);
        let mine = self.generation.get_value();
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                if s.generation.get_value() != mine {
                    return;
                }
                if let Some((reply, extra)) = read_reply(&ev.data()) {
                    s.on_reply(reply, extra);
                }
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(
            move |ev: web_sys::ErrorEvent| {
                ev.prevent_default();
                if s.generation.get_value() != mine {
                    return;
                }
                let loading = s
                    .pending
                    .with_value(|p| {
                        p.as_ref().map(|(_, b)| {
                            b.iter()
                                .map(|(n, _)| n.clone())
                                .collect::<Vec<_>>()
                                .join(", ")
                        })
                    })
                    .unwrap_or_default();
                let during = if loading.is_empty() {
                    String::new()
                } else {
                    format!(" while loading {loading}")
                };
                s.status.set(Status::Failed(format!(
                "The engine stopped on an internal error{during} ({}). The files loaded before are being loaded again; that file was not.",
                ev.message()
            )));
                s.pending.set_value(None);
                s.restart();
            },
        );
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        self.worker.set_value(Some(worker));
        self.queue.set_value(Some(Vec::new()));
    }

    fn on_reply(&self, reply: Reply, extra: JsValue) {
        match reply {
            Reply::Ready => {
                let waiting = self
                    .queue
                    .try_update_value(|q| q.take())
                    .flatten()
                    .unwrap_or_default();
                if let Some(worker) = self.worker.get_value() {
                    for parts in waiting {
                        if worker.post_message(&parts).is_err() {
                            self.status
                                .set(Status::Failed("The engine could not be reached.".into()));
                        }
                    }
                }
            }
            Reply::Progress {
                file,
                index,
                files,
                bytes,
                size,
                rows,
                parsing,
            } => {
                // A helper's rows belong to its file only.
                let same_file = self.progress.with_value(
                    |p| matches!(p, Some(Status::Loading { index: i, name, .. }) if *i == index && *name == file),
                );
                if !same_file {
                    self.helper_progress.set_value((0.0, 0, false));
                }
                self.progress.set_value(Some(Status::Loading {
                    index,
                    files,
                    name: file,
                    bytes,
                    size,
                    rows,
                    parsing,
                }));
                self.show_progress();
            }
            Reply::Split(job) => self.start_helper(job, extra),
            Reply::Unsplit { .. } => self.stop_helper(true),
            // Only helpers send parts (see `start_helper`).
            Reply::Part { .. } => {}
            Reply::Report { request, .. } => {
                if let Some((r, batch)) = self.pending.get_value() {
                    if r == request {
                        self.held.update_value(|h| h.extend(batch));
                        self.pending.set_value(None);
                        self.keep();
                    }
                }
                if request != self.request.get_value() {
                    return;
                }
                let json = extra.as_string().unwrap_or_default();
                match serde_json::from_str::<Option<Report>>(&json) {
                    Ok(r) => {
                        self.report.set(r);
                        if !matches!(self.status.get_untracked(), Status::Failed(_)) {
                            self.status.set(Status::Idle);
                        }
                    }
                    Err(e) => self.status.set(Status::Failed(format!(
                        "The engine's report could not be read: {e}"
                    ))),
                }
                if self.dirty.get_value() {
                    self.dirty.set_value(false);
                    self.recompute();
                }
            }
            Reply::Failed { request, message } => {
                if request == self.request.get_value() {
                    self.status.set(Status::Failed(message));
                }
            }
            // The worker's error event follows and restarts it with the files loaded before.
            Reply::Crashed { report } => self.crash.set(Some(report)),
        }
    }

    /// The engine's progress with the helper's rows and bytes parsed added.
    fn show_progress(&self) {
        let Some(Status::Loading {
            index,
            files,
            name,
            bytes,
            size,
            rows,
            parsing,
        }) = self.progress.get_value()
        else {
            return;
        };
        let (more_bytes, more_rows, helper_parsing) = self.helper_progress.get_value();
        let parsing = parsing || helper_parsing;
        self.status.set(Status::Loading {
            index,
            files,
            name,
            bytes: if parsing { bytes + more_bytes } else { bytes },
            size,
            rows: rows + more_rows,
            parsing,
        });
    }

    /// Stops the helper; its rows still count in the progress shown unless `forget`.
    fn stop_helper(&self, forget: bool) {
        if let Some(h) = self.helper.try_update_value(|h| h.take()).flatten() {
            h.terminate();
        }
        if forget {
            self.helper_progress.set_value((0.0, 0, false));
        }
    }

    /// Starts a helper worker on the second part of a large file (`job`, with the blob of the
    /// file from where its part starts) and hands what it parsed to the engine's worker, or tells it that there is
    /// none (then it reads the file whole).
    fn start_helper(&self, job: crate::protocol::PartJob, rest: JsValue) {
        self.stop_helper(true);
        let (request, id) = (job.request, job.part);
        let part = Command::Part(job);
        let s = *self;
        let mine = self.generation.get_value();
        let answer = move |failed: Option<String>, bytes: Option<JsValue>| {
            // A failed helper's rows are parsed again by the engine, whole.
            s.stop_helper(failed.is_some());
            if s.generation.get_value() != mine {
                return;
            }
            let Some(worker) = s.worker.get_value() else {
                return;
            };
            let command = Command::SecondPart {
                request,
                part: id,
                failed,
            };
            let message = js_sys::Array::of1(&JsValue::from_str(
                &serde_json::to_string(&command).unwrap_or_default(),
            ));
            let sent = match bytes {
                Some(b) => {
                    message.push(&b);
                    worker.post_message_with_transfer(&message, &js_sys::Array::of1(&b))
                }
                None => worker.post_message(&message),
            };
            if sent.is_err() {
                s.status
                    .set(Status::Failed("The engine could not be reached.".into()));
            }
        };
        let Ok(helper) = Worker::new(WORKER_URL) else {
            return answer(Some("no helper worker".into()), None);
        };
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                if s.generation.get_value() != mine {
                    return;
                }
                match read_reply(&ev.data()) {
                    Some((Reply::Ready, _)) => {
                        let message = js_sys::Array::of2(
                            &JsValue::from_str(&serde_json::to_string(&part).unwrap_or_default()),
                            &rest,
                        );
                        if let Some(h) = s.helper.get_value() {
                            if h.post_message(&message).is_err() {
                                answer(Some("the helper could not be reached".into()), None);
                            }
                        }
                    }
                    Some((
                        Reply::Progress {
                            bytes,
                            rows,
                            parsing,
                            ..
                        },
                        _,
                    )) => {
                        s.helper_progress.set_value((
                            if parsing { bytes } else { 0.0 },
                            rows,
                            parsing,
                        ));
                        s.show_progress();
                    }
                    Some((Reply::Part { .. }, bytes)) => answer(None, Some(bytes)),
                    Some((Reply::Failed { message, .. }, _)) => answer(Some(message), None),
                    Some((Reply::Crashed { .. }, _)) => {
                        answer(Some("the helper stopped".into()), None)
                    }
                    _ => {}
                }
            });
        helper.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let on_error =
            Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |ev: web_sys::ErrorEvent| {
                ev.prevent_default();
                if s.generation.get_value() == mine {
                    answer(Some(ev.message()), None);
                }
            });
        helper.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        self.helper.set_value(Some(helper));
    }

    /// With "Remember my files" on, keeps the loaded files (not the sample) and the view.
    pub fn keep(&self) {
        if !self.remember.get_untracked() || self.source.get_untracked() == Source::Sample {
            return;
        }
        let files = self.held.get_value();
        if files.is_empty() {
            return;
        }
        let view = web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default();
        let status = self.status;
        leptos::task::spawn_local(async move {
            if let Err(e) = crate::remember::save(files, view).await {
                status.set(Status::Failed(format!(
                    "Could not keep the files in this browser: {e}"
                )));
            }
        });
    }

    fn post(&self, command: &Command, blobs: &[(String, Blob)]) {
        let Some(worker) = self.worker.get_value() else {
            return;
        };
        let parts = js_sys::Array::new();
        parts.push(&JsValue::from_str(
            &serde_json::to_string(command).unwrap_or_default(),
        ));
        for (_, b) in blobs {
            parts.push(b);
        }
        // Not started yet: keep it for `Ready`.
        let queued = self.queue.try_update_value(|q| match q {
            Some(q) => {
                q.push(parts.clone());
                true
            }
            None => false,
        });
        if queued == Some(true) {
            return;
        }
        if worker.post_message(&parts).is_err() {
            self.status
                .set(Status::Failed("The engine could not be reached.".into()));
        }
    }

    fn next_request(&self) -> u64 {
        self.request.update_value(|r| *r += 1);
        self.request.get_value()
    }

    pub fn is_loading(&self) -> bool {
        self.pending.with_value(|p| p.is_some())
    }

    /// Forgets every loaded file, the range and the filters.
    pub fn clear(&self) {
        self.forget_data();
        self.report.set(None);
        self.status.set(Status::Idle);
    }

    /// A fresh worker with no data, and the default range and filters. The report on screen
    /// stays until the next one replaces it (unmounting a whole dashboard is a long task that
    /// would stall the page while a file loads).
    fn forget_data(&self) {
        self.held.set_value(Vec::new());
        self.pending.set_value(None);
        self.start_worker();
        // Only what changes is set: each set re-renders what reads it.
        if self.source.get_untracked() != Source::Nothing {
            self.source.set(Source::Nothing);
        }
        if self.from.get_untracked().is_some() {
            self.from.set(None);
        }
        if self.to.get_untracked().is_some() {
            self.to.set(None);
        }
        if !self.filter.with_untracked(Filter::is_empty) {
            self.filter.set(Filter::default());
        }
    }

    /// The range and filters a link named, for the first load.
    pub fn set_initial_view(&self, from: Option<Month>, to: Option<Month>, filter: Filter) {
        if from.is_some() || to.is_some() || !filter.is_empty() {
            self.initial_view.set_value(Some((from, to, filter)));
        }
    }

    /// Loads a batch of files from `source`; sample data is dropped when real files arrive.
    pub fn load(&self, source: Source, batch: Vec<(String, Blob)>) {
        if batch.is_empty() {
            return;
        }
        if self.source.get_untracked() != source || source == Source::Sample {
            self.forget_data();
        }
        if self.source.get_untracked() != source {
            self.source.set(source);
        }
        if let Some((from, to, filter)) = self.initial_view.try_update_value(|v| v.take()).flatten()
        {
            self.from.set(from);
            self.to.set(to);
            self.filter.set(filter);
        }
        self.progress.set_value(None);
        self.helper_progress.set_value((0.0, 0, false));
        let request = self.next_request();
        let command = Command::Load {
            names: batch.iter().map(|(n, _)| n.clone()).collect(),
            today: this_month(),
            request,
            from: self.from.get_untracked(),
            to: self.to.get_untracked(),
            filter: self.filter.get_untracked(),
        };
        self.status.set(Status::Loading {
            index: 0,
            files: batch.len(),
            name: batch[0].0.clone(),
            bytes: 0.0,
            size: 0.0,
            rows: 0,
            parsing: false,
        });
        self.post(&command, &batch);
        self.pending.set_value(Some((request, batch)));
    }

    /// Stops the load under way; what was loaded before it stays.
    pub fn cancel(&self) {
        if !self.is_loading() {
            return;
        }
        self.pending.set_value(None);
        self.restart();
        self.status.set(Status::Cancelled);
    }

    /// A new worker given back the files the old one held.
    fn restart(&self) {
        self.start_worker();
        let held = self.held.get_value();
        if held.is_empty() {
            self.report.set(None);
            return;
        }
        let request = self.next_request();
        let command = Command::Load {
            names: held.iter().map(|(n, _)| n.clone()).collect(),
            today: this_month(),
            request,
            from: self.from.get_untracked(),
            to: self.to.get_untracked(),
            filter: self.filter.get_untracked(),
        };
        self.post(&command, &held);
    }

    /// Asks for the report of the current range and filters (no file is re-read).
    pub fn recompute(&self) {
        if self.is_loading() {
            self.dirty.set_value(true);
            return;
        }
        if self.held.with_value(|h| h.is_empty()) {
            return;
        }
        let request = self.next_request();
        self.post(
            &Command::Report {
                request,
                from: self.from.get_untracked(),
                to: self.to.get_untracked(),
                filter: self.filter.get_untracked(),
            },
            &[],
        );
    }
}
