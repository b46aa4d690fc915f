//! {t("Remember my files in this browser")} (off by default), "Forget everything", and why nothing
//! ever leaves the browser.

use crate::i18n::t;
use crate::remember;
use crate::session::Session;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn RememberSwitch(session: Session) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        remember::set_enabled(on);
        session.remember.set(on);
        if on {
            session.keep();
        } else {
            spawn_local(async move {
                let _ = remember::forget().await;
            });
        }
    };
    let forget = move |_| {
        remember::set_enabled(false);
        session.remember.set(false);
        session.clear();
        spawn_local(async move {
            let _ = remember::forget().await;
        });
    };
    view! {
        <div class="remember">
            <label class="check">
                <input type="checkbox" id="remember" prop:checked=move || session.remember.get() on:change=on_change />
                {t("Remember my files in this browser")}
            </label>
            <button class="button small" id="forget-everything" on:click=forget>{t("Forget everything")}</button>
            <details class="privacy">
                <summary>{t("Nothing ever leaves this browser")}</summary>
                <p>{t("Partnerlens is a static page: there is no Partnerlens server that could receive data. Your files are read by this page's WebAssembly inside your browser, in a Web Worker, and the dashboards are computed there.")}</p>
                <p>{t("The page's Content-Security-Policy only lets it load scripts and make requests to the site it came from, and it requests nothing but its own files and the sample; the browser itself blocks any attempt to send data elsewhere.")}</p>
                <p>{t("With \"Remember my files\" on, the files and the last view are kept in this browser's own storage (IndexedDB) on this device, so the next visit opens where you left off. \"Forget everything\" deletes them.")}</p>
            </details>
        </div>
    }
}
