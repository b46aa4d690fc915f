//! The view in the address: range, filters, open page, tabs and drill-down selections live in
//! the URL fragment (never sent to a server), so a copied link reopens the same view once the
//! same files are loaded, and back and forward move between views.

use crate::session::Session;
use leptos::prelude::*;
use partnerlens::{Filter, Month};
use std::collections::BTreeMap;

/// What the page shows besides the data: shared by the components that own a tab or a
/// selection, and mirrored in the fragment.
#[derive(Clone, Copy)]
pub struct ViewState {
    pub page: RwSignal<usize>,
    /// Open tab per tab group (`customers.distribution` → 2).
    pub tabs: RwSignal<BTreeMap<String, usize>>,
    /// Drill-down selection per view (`product` → `Microsoft 365`).
    pub picks: RwSignal<BTreeMap<String, String>>,
}

/// The view as parsed from a fragment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parsed {
    pub page: usize,
    pub from: Option<Month>,
    pub to: Option<Month>,
    pub filter: Filter,
    pub tabs: BTreeMap<String, usize>,
    pub picks: BTreeMap<String, String>,
    /// `src=` parts, kept as they are.
    pub sources: Vec<String>,
}

fn decode(s: &str) -> String {
    js_sys::decode_uri_component(s)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| s.to_string())
}

fn encode(s: &str) -> String {
    String::from(js_sys::encode_uri_component(s))
}

pub fn parse(hash: &str) -> Parsed {
    let mut p = Parsed::default();
    for part in hash
        .trim_start_matches('#')
        .split('&')
        .filter(|s| !s.is_empty())
    {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let (k, v) = (decode(k), decode(v));
        match k.as_str() {
            "src" => p.sources.push(part.to_string()),
            "page" => p.page = v.parse().unwrap_or(0).min(2),
            "from" => p.from = Month::parse_ym(&v),
            "to" => p.to = Month::parse_ym(&v),
            "market" => p.filter.market.push(v),
            "segment" => p.filter.segment.push(v),
            "product" => p.filter.product.push(v),
            "attribution" => p.filter.attribution_type.push(v),
            _ => {
                if let Some(name) = k.strip_prefix("tab.") {
                    if let Ok(i) = v.parse() {
                        p.tabs.insert(name.to_string(), i);
                    }
                } else if let Some(name) = k.strip_prefix("pick.") {
                    p.picks.insert(name.to_string(), v);
                }
            }
        }
    }
    p
}

pub fn render(p: &Parsed) -> String {
    let mut parts: Vec<String> = p.sources.clone();
    if p.page != 0 {
        parts.push(format!("page={}", p.page));
    }
    if let Some(m) = p.from {
        parts.push(format!("from={m}"));
    }
    if let Some(m) = p.to {
        parts.push(format!("to={m}"));
    }
    for (key, list) in [
        ("market", &p.filter.market),
        ("segment", &p.filter.segment),
        ("product", &p.filter.product),
        ("attribution", &p.filter.attribution_type),
    ] {
        parts.extend(list.iter().map(|v| format!("{key}={}", encode(v))));
    }
    parts.extend(
        p.tabs
            .iter()
            .filter(|(_, i)| **i != 0)
            .map(|(k, i)| format!("tab.{}={i}", encode(k))),
    );
    parts.extend(
        p.picks
            .iter()
            .map(|(k, v)| format!("pick.{}={}", encode(k), encode(v))),
    );
    if parts.is_empty() {
        String::new()
    } else {
        format!("#{}", parts.join("&"))
    }
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

impl ViewState {
    /// The state of the address at start-up, and the effects that keep both in step: a change
    /// of view adds a history entry; back and forward restore the view.
    pub fn start(session: Session) -> ViewState {
        let first = parse(&current_hash());
        let v = ViewState {
            page: RwSignal::new(first.page),
            tabs: RwSignal::new(first.tabs.clone()),
            picks: RwSignal::new(first.picks.clone()),
        };
        session.set_initial_view(first.from, first.to, first.filter.clone());
        let now = move || Parsed {
            page: v.page.get(),
            from: session.from.get(),
            to: session.to.get(),
            filter: session.filter.get(),
            tabs: v.tabs.get(),
            picks: v.picks.get(),
            sources: parse(&current_hash()).sources,
        };
        Effect::new(move |first_run: Option<()>| {
            let wanted = render(&now());
            // Before the first load the range and filters are still the address's own.
            if first_run.is_none() || session.report.with_untracked(Option::is_none) {
                return;
            }
            if wanted == current_hash() {
                return;
            }
            // One task later: a history entry takes the browser a few milliseconds, and the
            // change's command to the engine goes first (issue 6: a change redrawn in 50 ms).
            let remember = session.remember.get_untracked();
            set_timeout(
                move || {
                    if wanted == current_hash() {
                        return;
                    }
                    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
                        let url = if wanted.is_empty() {
                            "#".to_string()
                        } else {
                            wanted
                        };
                        let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
                    }
                    if remember {
                        let view = current_hash();
                        leptos::task::spawn_local(async move {
                            let _ = crate::remember::save_view(view).await;
                        });
                    }
                },
                std::time::Duration::ZERO,
            );
        });
        let handle = window_event_listener(leptos::ev::popstate, move |_| {
            let p = parse(&current_hash());
            set_if_changed(v.page, p.page);
            set_if_changed(v.tabs, p.tabs);
            set_if_changed(v.picks, p.picks);
            set_if_changed(session.from, p.from);
            set_if_changed(session.to, p.to);
            set_if_changed(session.filter, p.filter);
        });
        on_cleanup(move || handle.remove());
        v
    }
}

fn set_if_changed<T: PartialEq + Send + Sync + 'static>(s: RwSignal<T>, v: T) {
    if s.with_untracked(|old| *old != v) {
        s.set(v);
    }
}

/// A tab group's open tab, kept in the view state under `name`.
pub fn bind_tab(name: &'static str) -> RwSignal<usize> {
    let local = RwSignal::new(0usize);
    if let Some(v) = use_context::<ViewState>() {
        Effect::new(move |_| {
            set_if_changed(local, v.tabs.with(|t| t.get(name).copied().unwrap_or(0)))
        });
        Effect::new(move |_| {
            let i = local.get();
            if v.tabs
                .with_untracked(|t| t.get(name).copied().unwrap_or(0) != i)
            {
                v.tabs.update(|t| {
                    t.insert(name.to_string(), i);
                });
            }
        });
    }
    local
}

/// A view's drill-down selection (a label), kept in the view state under `name`.
pub fn bind_pick(name: &'static str) -> RwSignal<Option<String>> {
    let local = RwSignal::new(None::<String>);
    if let Some(v) = use_context::<ViewState>() {
        Effect::new(move |_| set_if_changed(local, v.picks.with(|p| p.get(name).cloned())));
        Effect::new(move |_| {
            let pick = local.get();
            if v.picks.with_untracked(|p| p.get(name) != pick.as_ref()) {
                v.picks.update(|p| match pick {
                    Some(s) => {
                        p.insert(name.to_string(), s);
                    }
                    None => {
                        p.remove(name);
                    }
                });
            }
        });
    }
    local
}

/// Opens a kept view (from "Remember my files") when the address names none: the range and
/// filters wait for the files, the page, tabs and selections apply at once.
pub fn restore(session: Session, view: &str) {
    if !current_hash().trim_start_matches('#').is_empty() || view.trim_start_matches('#').is_empty()
    {
        return;
    }
    let p = parse(view);
    session.set_initial_view(p.from, p.to, p.filter.clone());
    if let Some(w) = web_sys::window() {
        if let Ok(h) = w.history() {
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(view));
        }
        if let Ok(ev) = web_sys::Event::new("popstate") {
            let _ = w.dispatch_event(&ev);
        }
    }
}
