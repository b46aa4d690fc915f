//! The browser app: a thin leptos shell over the engine. It renders what the engine computed
//! and never computes a metric itself (STYLE.md "Pure core, thin shell").

mod app;
mod components;
mod format;
mod i18n;
mod io;
mod protocol;
mod remember;
mod session;
mod theme;
mod view_state;

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `public/crash.js`: shows a copyable report and a "Start again" button, in plain JS.
    #[wasm_bindgen(js_name = partnerlensCrash)]
    fn show_crash(report: &str, texts: Vec<String>);
}

/// A panic on the page is contained: it is logged, and the page shows what failed with a report
/// to copy and a way to start again (the panicked wasm is not used any more).
fn on_panic(info: &std::panic::PanicHookInfo) {
    console_error_panic_hook::hook(info);
    let browser = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    // The panel's words in the page's language (the report stays English: it is for us).
    let texts = [
        i18n::t("Partnerlens stopped on an internal error"),
        i18n::t("Nothing was sent anywhere. Copy the report below to tell us what failed, then start again and load your files again."),
        i18n::t("Copy report"),
        i18n::t("Copied"),
        i18n::t("Selected: press Ctrl+C"),
        i18n::t("Start again"),
    ];
    show_crash(
        &partnerlens::crash::from_panic("page", info, "showing the dashboards", &browser),
        texts.iter().map(|s| s.to_string()).collect(),
    );
}

fn main() {
    std::panic::set_hook(Box::new(on_panic));
    leptos::mount::mount_to_body(app::App);
}
