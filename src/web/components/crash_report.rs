//! The engine's crash report: when the worker panics the page stays usable (the files loaded
//! before are loaded again) and shows what failed, with a report to copy.

use crate::i18n::t;
use crate::session::Session;
use leptos::prelude::*;

#[component]
pub fn CrashReport(session: Session) -> impl IntoView {
    move || {
        session.crash.get().map(|report| {
            let text = report.clone();
            let copy = move |_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.navigator().clipboard().write_text(&text);
                }
            };
            view! {
                <section class="crash-report" role="alert" id="engine-crash">
                    <h2>{t("The engine stopped on an internal error")}</h2>
                    <p>{t("The files loaded before were loaded again; the file being read was not. Nothing was sent anywhere. Copy this report to tell us what failed.")}</p>
                    <textarea id="engine-crash-report" readonly rows="7" aria-label=t("Crash report") prop:value=report></textarea>
                    <div class="crash-buttons">
                        <button class="button" id="engine-crash-copy" on:click=copy>{t("Copy report")}</button>
                        <button class="button" id="engine-crash-dismiss" on:click=move |_| session.crash.set(None)>{t("Dismiss")}</button>
                    </div>
                </section>
            }
        })
    }
}
