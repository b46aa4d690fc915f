//! Loading progress, errors, and what is on screen (sample or the user's files).

use crate::session::{Session, Source, Status};
use leptos::prelude::*;

#[component]
pub fn StatusBar(session: Session) -> impl IntoView {
    view! {
        <div class="status" role="status" aria-live="polite">
            {move || match session.status.get() {
                Status::Idle => match session.source.get() {
                    Source::Sample => view! { <span class="note">"Showing the bundled sample data. Drop your own reports to replace it."</span> }.into_any(),
                    _ => ().into_any(),
                },
                Status::Loading { done, total, name } => view! {
                    <span class="loading">{format!("Loading {} of {total}: {name}…", done + 1)}</span>
                    <progress max=total value=done></progress>
                }.into_any(),
                Status::Failed(e) => view! { <span class="error">{e}</span> }.into_any(),
            }}
        </div>
    }
}
