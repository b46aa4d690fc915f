//! Loading progress (bytes and rows) with a cancel button, errors, and what is on screen.

use crate::session::{Session, Source, Status};
use leptos::prelude::*;

fn mb(bytes: f64) -> String {
    format!("{:.1} MB", bytes / 1_000_000.0)
}

#[component]
pub fn StatusBar(session: Session) -> impl IntoView {
    view! {
        <div class="status" role="status" aria-live="polite">
            {move || match session.status.get() {
                Status::Idle => match session.source.get() {
                    Source::Sample => view! { <span class="note">"Showing the bundled sample data. Drop your own reports to replace it."</span> }.into_any(),
                    _ => ().into_any(),
                },
                Status::Loading { index, files, name, bytes, size, rows, parsing } => {
                    let what = if parsing { "Reading" } else { "Loading" };
                    let text = format!(
                        "{what} {} of {files}: {name} · {} of {} · {} rows",
                        index + 1, mb(bytes), mb(size), crate::format::count(Some(rows as i64))
                    );
                    view! {
                        <span class="loading">{text}</span>
                        <progress id="load-progress" max=size.max(1.0) value=bytes data-bytes=bytes.to_string() data-rows=rows.to_string()></progress>
                        <button class="button small" id="cancel-load" on:click=move |_| session.cancel()>"Cancel"</button>
                    }.into_any()
                }
                Status::Cancelled => view! { <span class="note" id="load-cancelled">"Loading cancelled. The files loaded before are still here."</span> }.into_any(),
                Status::Failed(e) => view! { <span class="error">{e}</span> }.into_any(),
            }}
        </div>
    }
}
