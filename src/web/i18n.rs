//! The page's language: English, Swedish, Dutch or French, following the browser with a switch
//! in the header (remembered in this browser). Labels are looked up by their English text;
//! one not in the table yet shows in English.

use partnerlens::locale::Lang;
use std::cell::Cell;

thread_local! {
    static CURRENT: Cell<Lang> = const { Cell::new(Lang::En) };
}

const KEY: &str = "partnerlens.lang";

pub fn lang() -> Lang {
    CURRENT.with(Cell::get)
}

/// Sets the language for what renders next, and `<html lang>`.
pub fn set(lang: Lang) {
    CURRENT.with(|c| c.set(lang));
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", lang.code());
    }
}

/// The saved choice, else the browser's language.
pub fn initial() -> Lang {
    let window = web_sys::window();
    let saved = window
        .as_ref()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(KEY).ok().flatten());
    match saved {
        Some(code) => Lang::from_tag(&code),
        None => Lang::from_tag(
            &window
                .and_then(|w| w.navigator().language())
                .unwrap_or_default(),
        ),
    }
}

pub fn remember(lang: Lang) {
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(KEY, lang.code());
    }
}

/// `en` in the current language (the catalogue is `src/text.tsv`, see `partnerlens::text`).
pub fn t(en: &'static str) -> &'static str {
    partnerlens::text::tr(lang(), en)
}

/// A text with values (`{}` for each, in order), in the current language.
pub fn tf(en: &'static str, args: &[&str]) -> String {
    partnerlens::text::fill(lang(), en, args)
}

/// A text that is not static (a chart's series name or table header): translated when the
/// catalogue has it, else as it is (a product name stays a product name).
pub fn td(text: &str) -> String {
    partnerlens::text::lookup(lang(), text)
        .map(str::to_string)
        .unwrap_or_else(|| text.to_string())
}

/// A message the engine made in English (a file's error or warning), in the current language.
pub fn msg(text: &str) -> String {
    partnerlens::text::message(lang(), text)
}

/// A month (`YYYY-MM` text or `Month`) in the current language.
pub fn month_text(text: &str) -> String {
    lang().month_text(text)
}
pub fn month(m: partnerlens::month::Month) -> String {
    lang().month(m)
}
/// A date (`YYYY-MM-DD`) in the current language.
pub fn date(text: &str) -> String {
    lang().date_text(text)
}

/// A number written plainly (`1234.5`, as tables and CSV hold it) in the current language
/// (`1 234,5`); any other text unchanged.
pub fn number_text(text: &str) -> String {
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() && !text.contains(['e', 'E']) => {
            let decimals = text.split_once('.').map(|(_, f)| f.len()).unwrap_or(0);
            lang().number(v, decimals)
        }
        _ => text.to_string(),
    }
}
