//! The chart theme from the page's CSS custom properties, at the screen's pixel ratio.

use partnerlens::charts::Theme;

pub fn page_theme() -> Theme {
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
    theme
}
