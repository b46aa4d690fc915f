//! Session state: the loaded data (engine workspace), the page's range and filters, and the
//! report computed from them. The workspace lives in a `StoredValue` (not reactive: it is large
//! and only changes when files load); the report is the signal every view reads. Changing the
//! range or a filter recomputes from the workspace's facts; no file is read again.

use leptos::prelude::*;
use partnerlens::charts::world::World;
use partnerlens::{Filter, Month, Report, Workspace};
use std::sync::Arc;

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
        done: usize,
        total: usize,
        name: String,
    },
    Failed(String),
}

/// A workspace that knows this month from the browser's clock.
fn new_workspace() -> Workspace {
    let now = js_sys::Date::new_0();
    let mut w = Workspace::new();
    w.today = Month::new(now.get_full_year() as i32, now.get_month() + 1);
    w
}

#[derive(Clone, Copy)]
pub struct Session {
    workspace: StoredValue<Workspace>,
    pub report: RwSignal<Option<Report>>,
    pub status: RwSignal<Status>,
    pub source: RwSignal<Source>,
    /// The selected range (`None`: the default, the window's last 12 months).
    pub from: RwSignal<Option<Month>>,
    pub to: RwSignal<Option<Month>>,
    pub filter: RwSignal<Filter>,
    /// Country shapes for the map, fetched once.
    pub world: RwSignal<Option<Arc<World>>>,
}

impl Session {
    pub fn new() -> Self {
        Session {
            workspace: StoredValue::new(new_workspace()),
            report: RwSignal::new(None),
            status: RwSignal::new(Status::Idle),
            source: RwSignal::new(Source::Nothing),
            from: RwSignal::new(None),
            to: RwSignal::new(None),
            filter: RwSignal::new(Filter::default()),
            world: RwSignal::new(None),
        }
    }

    /// Forgets every loaded file, the range and the filters.
    pub fn clear(&self) {
        self.workspace.set_value(new_workspace());
        self.report.set(None);
        self.source.set(Source::Nothing);
        self.status.set(Status::Idle);
        self.from.set(None);
        self.to.set(None);
        self.filter.set(Filter::default());
    }

    /// Starts a load from `source`; sample data is dropped when real files arrive.
    pub fn begin(&self, source: Source) {
        if self.source.get_untracked() != source || source == Source::Sample {
            self.clear();
        }
        self.source.set(source);
    }

    pub fn progress(&self, done: usize, total: usize, name: &str) {
        self.status.set(Status::Loading {
            done,
            total,
            name: name.to_string(),
        });
    }

    /// Adds one file to the workspace.
    pub fn add(&self, name: &str, bytes: &[u8]) {
        self.workspace.update_value(|w| {
            w.add_file(name, bytes);
        });
    }

    /// Records a file that could not be fetched or read as a failed file of the workspace.
    pub fn add_failure(&self, name: &str, reason: String) {
        self.workspace.update_value(|w| {
            w.files
                .push(partnerlens::quality::FileQuality::failed(name, reason));
        });
    }

    /// Recomputes the report for the current range and filters (no file is re-read). A range
    /// that no longer fits the data falls back to the default.
    pub fn recompute(&self) {
        let (from, to, filter) = (
            self.from.get_untracked(),
            self.to.get_untracked(),
            self.filter.get_untracked(),
        );
        let result = self.workspace.try_update_value(|w| {
            if w.files.is_empty() {
                return Ok(None);
            }
            w.report_filtered(from, to, &filter)
                .or_else(|_| w.report_filtered(None, None, &filter))
                .map(Some)
        });
        match result {
            Some(Ok(r)) => {
                self.report.set(r);
                self.status.set(Status::Idle);
            }
            Some(Err(e)) => self.status.set(Status::Failed(e)),
            None => self.status.set(Status::Failed(
                "the loaded data is no longer available".into(),
            )),
        }
    }
}
