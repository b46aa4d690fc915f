//! Tabs: a row of buttons, one selected; arrow keys move between them.

use leptos::prelude::*;

#[component]
pub fn Tabs(
    /// For tests: `data-tabs`.
    name: &'static str,
    labels: Vec<&'static str>,
    selected: RwSignal<usize>,
) -> impl IntoView {
    let n = labels.len();
    view! {
        <div class="tabs" role="tablist" data-tabs=name
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                let step = match ev.key().as_str() { "ArrowRight" => 1, "ArrowLeft" => n - 1, _ => return };
                ev.prevent_default();
                selected.update(|s| *s = (*s + step) % n);
                // The focus follows the selection (WAI-ARIA tabs pattern).
                let list = ev.current_target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
                let tab = list.and_then(|l| l.children().item(selected.get_untracked() as u32));
                if let Some(tab) = tab.and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok()) {
                    let _ = tab.focus();
                }
            }>
            {labels.into_iter().enumerate().map(|(i, l)| view! {
                <button role="tab" class="tab" aria-selected=move || (selected.get() == i).to_string()
                    tabindex=move || if selected.get() == i { "0" } else { "-1" }
                    on:click=move |_| selected.set(i)>{crate::i18n::t(l)}</button>
            }).collect_view()}
        </div>
    }
}
