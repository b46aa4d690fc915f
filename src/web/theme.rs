//! The chart theme from the page's CSS custom properties, at the screen's pixel ratio.

use partnerlens::charts::Theme;

thread_local! {
    /// The last theme read, with what it was read under: reading the page's CSS properties
    /// forces a style recalculation, and a dashboard draws a dozen charts in one go.
    static CACHE: std::cell::RefCell<Option<(String, Theme)>> = const { std::cell::RefCell::new(None) };
}

/// The chart theme for the page as it is now (read again only when the theme switch, the
/// system's colour scheme, the pixel ratio or the language changed since the last read).
pub fn page_theme() -> Theme {
    let window = web_sys::window();
    let root = window
        .as_ref()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    let dark_system = window
        .as_ref()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches());
    let key = format!(
        "{:?}|{dark_system}|{}|{}",
        root.and_then(|r| r.get_attribute("data-theme")),
        window
            .as_ref()
            .map(|w| w.device_pixel_ratio())
            .unwrap_or(1.0),
        crate::i18n::lang().code()
    );
    if let Some(theme) = CACHE.with(|c| {
        c.borrow()
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, t)| t.clone())
    }) {
        return theme;
    }
    let theme = read_theme();
    CACHE.with(|c| *c.borrow_mut() = Some((key, theme.clone())));
    theme
}

fn read_theme() -> Theme {
    let window = web_sys::window();
    let style = window
        .as_ref()
        .and_then(|w| w.document()?.document_element().map(|e| (w.clone(), e)))
        .and_then(|(w, e)| w.get_computed_style(&e).ok().flatten());
    let mut theme = Theme::from_css(|name| {
        style
            .as_ref()
            .and_then(|s| s.get_property_value(name).ok())
            .filter(|v| !v.trim().is_empty())
    });
    theme.pixel_ratio = window
        .map(|w| w.device_pixel_ratio())
        .filter(|r| *r >= 1.0)
        .unwrap_or(1.0);
    theme.lang = crate::i18n::lang();
    theme
}

/// Bumped whenever the colours change (the switch, or the system setting under "auto"): charts
/// read it to redraw with the new theme.
#[derive(Clone, Copy)]
pub struct ThemeEpoch(pub leptos::prelude::RwSignal<u32>);

/// The user's choice: `auto` (follow the system), `light` or `dark`.
pub fn apply(choice: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = match choice {
            "light" | "dark" => root.set_attribute("data-theme", choice),
            _ => root.remove_attribute("data-theme"),
        };
    }
}

/// The theme, read inside a reactive closure so that it re-runs when the theme changes.
pub fn tracked(epoch: Option<ThemeEpoch>) -> Theme {
    if let Some(e) = epoch {
        leptos::prelude::Track::track(&e.0);
    }
    page_theme()
}
