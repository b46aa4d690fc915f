//! The page: header, drop zone, status, the customers dashboard and the quality table.

use crate::components::{
    azure_page::AzurePage, crash_report::CrashReport, customers_page::CustomersPage,
    drop_zone::DropZone, licenses_page::LicensesPage, quality_table::QualityTable,
    status_bar::StatusBar, theme_switch::ThemeSwitch,
};
use crate::i18n::{self, t};
use crate::io;
use crate::session::{Session, Source, Status};
use leptos::prelude::*;
use leptos::task::spawn_local;
use partnerlens::locale::Lang;

const PAGES: [&str; 3] = ["Customers", "Azure & subscriptions", "Licenses"];

#[component]
pub fn App() -> impl IntoView {
    let session = Session::new();
    let view = crate::view_state::ViewState::start(session);
    provide_context(view);
    let page = view.page;
    // Printing lays out every dashboard, then returns to the one that was open when the browser
    // says printing is over (`afterprint`: some browsers return from `print()` before the sheets
    // are laid out, so returning then could print the wrong layout).
    let printing = RwSignal::new(false);
    let print_all = move |_| {
        printing.set(true);
        set_timeout(
            move || {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            },
            std::time::Duration::from_millis(400),
        );
    };
    let after_print = window_event_listener(leptos::ev::afterprint, move |_| printing.set(false));
    on_cleanup(move || after_print.remove());
    let export_report = move |_| {
        session.report.with_untracked(|r| {
            if let Some(r) = r {
                let _ = io::download("partnerlens-report.json", "application/json", &r.to_json());
            }
        });
    };
    // A new range or filter recomputes from the loaded data; no file is read again.
    Effect::new(move |first: Option<()>| {
        session.from.track();
        session.to.track();
        session.filter.track();
        if first.is_some() {
            session.recompute();
        }
    });
    spawn_local(io::load_world(session));
    // First load: reports named in the address (`#src=…`) or else the bundled sample.
    let (links, refused) = io::fragment_sources();
    if !refused.is_empty() {
        session.status.set(Status::Failed(format!(
            "Not loaded (only reports on this site can be named in the address): {}",
            refused.join(", ")
        )));
    }
    if !links.is_empty() {
        spawn_local(io::load_urls(session, Source::Links, links));
    } else if refused.is_empty() && session.remember.get_untracked() {
        // "Remember my files": the files and view of the last visit, else the sample.
        spawn_local(async move {
            match crate::remember::load().await {
                Ok(Some((files, view))) => {
                    crate::view_state::restore(session, &view);
                    session.load(Source::Files, files);
                }
                Ok(None) => io::load_sample(session).await,
                Err(e) => {
                    io::load_sample(session).await;
                    session.status.set(Status::Failed(format!(
                        "The files kept in this browser could not be opened ({e}); showing the sample instead. \"Forget everything\" deletes them."
                    )));
                }
            }
        });
    } else if refused.is_empty() {
        spawn_local(io::load_sample(session));
    }
    provide_context(crate::theme::ThemeEpoch(RwSignal::new(0)));
    // The language: everything below re-renders when it changes (the view's state lives in
    // the session and the URL, so nothing is lost).
    let lang = RwSignal::new(i18n::initial());
    i18n::set(lang.get_untracked());
    let on_lang = move |ev: leptos::ev::Event| {
        let l = Lang::from_tag(&event_target_value(&ev));
        i18n::set(l);
        i18n::remember(l);
        lang.set(l);
    };
    view! {
        <header class="top">
            <h1>{t("Partnerlens")}</h1>
            <p class="tagline">{move || { lang.track(); t("Partner Center analytics from your report downloads, computed in your browser.") }}</p>
            <div class="header-tools">
                <label class="lang-switch">
                    {move || { lang.track(); t("Language") }}" "
                    <select id="lang-select" on:change=on_lang prop:value=move || lang.get().code()>
                        {Lang::ALL.iter().map(|l| view! { <option value=l.code()>{l.name()}</option> }).collect_view()}
                    </select>
                </label>
                {move || { lang.track(); view! { <ThemeSwitch /> } }}
            </div>
        </header>
        {move || { lang.track(); view! {
        <main>
            <DropZone session />
            <StatusBar session />
            <CrashReport session />
            <nav class="pages" aria-label=t("Dashboards")>
                {PAGES.iter().enumerate().map(|(i, name)| view! {
                    <button class="page-tab" data-page=i.to_string() aria-current=move || if page.get() == i { "page" } else { "false" }
                        on:click=move |_| page.set(i)>{t(name)}</button>
                }).collect_view()}
            </nav>
            <div class="page-tools">
                <button class="button small" id="export-report" on:click=export_report
                    title=t("The whole report as JSON, as the command line prints it")>{t("Download report (JSON)")}</button>
                <button class="button small" id="print-all" on:click=print_all
                    title=t("Every dashboard laid out for paper (choose Save as PDF to keep it)")>{t("Print all dashboards")}</button>
            </div>
            {move || if printing.get() {
                view! {
                    <div class="print-page"><CustomersPage session /></div>
                    <div class="print-page"><AzurePage session /></div>
                    <div class="print-page"><LicensesPage session /></div>
                }.into_any()
            } else {
                match page.get() {
                    1 => view! { <AzurePage session /> }.into_any(),
                    2 => view! { <LicensesPage session /> }.into_any(),
                    _ => view! { <CustomersPage session /> }.into_any(),
                }
            }}
            {move || session.report.with(|r| r.as_ref().map(|r| view! { <QualityTable quality=r.quality.clone() /> }))}
        </main>
        } }}
    }
}
