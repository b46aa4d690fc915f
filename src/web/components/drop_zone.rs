//! Drop zone and multi-file picker, plus "Load sample data".

use crate::components::remember_switch::RememberSwitch;
use crate::i18n::t;
use crate::io;
use crate::session::Session;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

#[component]
pub fn DropZone(session: Session) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let files = files_of(input.files());
        // Let the same file be picked again after a change on disk.
        input.set_value("");
        io::load_files(session, files);
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let files = files_of(ev.data_transfer().and_then(|d| d.files()));
        io::load_files(session, files);
    };
    view! {
        <section
            class="drop-zone"
            class:dragging=move || dragging.get()
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <p class="drop-title">{t("Drop Partner Center report files here")}</p>
            <p class="drop-hint">
                {t("CustomersAndTenants, SeatsSubscriptionsAndRevenue, AzureUsage, OfficeUsage / EMS, Dynamics / Power BI usage (TSV or CSV) and the JSON analytics answers.")}" "
                {t("Files are read in this browser and never sent anywhere.")}
            </p>
            <div class="drop-actions">
                <label class="button primary">
                    {t("Choose files…")}
                    <input id="file-input" type="file" multiple accept=".tsv,.csv,.txt,.json" on:change=on_change />
                </label>
                <button class="button" id="load-sample" on:click=move |_| spawn_local(io::load_sample(session))>
                    {t("Load sample data")}
                </button>
                <button class="button" id="clear" on:click=move |_| session.clear()>{t("Clear")}</button>
            </div>
            <RememberSwitch session />
        </section>
    }
}
