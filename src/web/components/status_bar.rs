//! Loading progress (bytes and rows) with a cancel button, errors, and what is on screen.

use crate::i18n::{msg, t, tf};
use crate::session::{Session, Source, Status};
use leptos::prelude::*;

fn mb(bytes: f64) -> String {
    format!("{} MB", crate::i18n::lang().number(bytes / 1_000_000.0, 1))
}

#[component]
pub fn StatusBar(session: Session) -> impl IntoView {
    view! {
        <div class="status" role="status" aria-live="polite">
            {move || match session.status.get() {
                Status::Idle => match session.source.get() {
                    Source::Sample => view! { <span class="note">{t("Showing the bundled sample data. Drop your own reports to replace it.")}</span> }.into_any(),
                    _ => ().into_any(),
                },
                Status::Loading { index, files, name, bytes, size, rows, parsing } => {
                    let template = if parsing {
                        "Reading {} of {}: {} · {} of {} · {} rows"
                    } else {
                        "Loading {} of {}: {} · {} of {} · {} rows"
                    };
                    let text = tf(template, &[
                        &(index + 1).to_string(), &files.to_string(), &name, &mb(bytes), &mb(size),
                        &crate::format::count(Some(rows as i64)),
                    ]);
                    view! {
                        <span class="loading">{text}</span>
                        <progress id="load-progress" max=size.max(1.0) value=bytes data-bytes=bytes.to_string() data-rows=rows.to_string()></progress>
                        <button class="button small" id="cancel-load" on:click=move |_| session.cancel()>{t("Cancel")}</button>
                    }.into_any()
                }
                Status::Cancelled => view! { <span class="note" id="load-cancelled">{t("Loading cancelled. The files loaded before are still here.")}</span> }.into_any(),
                Status::Failed(e) => view! { <span class="error">{msg(&e)}</span> }.into_any(),
            }}
        </div>
    }
}
