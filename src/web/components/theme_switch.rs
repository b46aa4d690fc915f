//! Light, dark or the system's setting: sets `data-theme` on the page (the CSS holds both
//! palettes), remembers the choice in this browser, and makes every chart redraw.

use crate::i18n::t;
use crate::theme::{apply, ThemeEpoch};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const KEY: &str = "partnerlens.theme";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[component]
pub fn ThemeSwitch() -> impl IntoView {
    // Provided by the app, so that every chart sees it.
    let epoch = use_context::<ThemeEpoch>().unwrap_or(ThemeEpoch(RwSignal::new(0)));
    let saved = storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .filter(|v| v == "light" || v == "dark")
        .unwrap_or_else(|| "auto".into());
    apply(&saved);
    let choice = RwSignal::new(saved);
    // Under "auto", a change of the system setting redraws the charts too.
    if let Some(mq) =
        web_sys::window().and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
    {
        let on_change = Closure::<dyn FnMut()>::new(move || epoch.0.update(|n| *n += 1));
        mq.set_onchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
    }
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        apply(&value);
        if let Some(s) = storage() {
            let _ = if value == "auto" {
                s.remove_item(KEY)
            } else {
                s.set_item(KEY, &value)
            };
        }
        choice.set(value);
        epoch.0.update(|n| *n += 1);
    };
    view! {
        <label class="theme-switch">
            {t("Theme")}" "
            <select id="theme-select" on:change=on_change prop:value=move || choice.get()>
                <option value="auto">{t("Auto (system)")}</option>
                <option value="light">{t("Light")}</option>
                <option value="dark">{t("Dark")}</option>
            </select>
        </label>
    }
}
