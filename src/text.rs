//! What the page says, in English, Swedish, Dutch and French (issue 8).
//!
//! Every label, message and tooltip is looked up by its English text in one catalogue,
//! `src/text.tsv` (one line per text: English, Swedish, Dutch, French, tab-separated). Texts
//! with values carry `{}` where each value goes, in order; a translation that needs another
//! order writes `{0}`, `{1}`, …. Metric names follow Partner Center's own localized Insights
//! pages where they have one (the Dutch customers dashboard page; Microsoft's usual Swedish
//! and French terms otherwise).
//!
//! The engine itself speaks English (the CLI, the report JSON): the page translates the
//! engine's messages with `message`, which finds the catalogue template a message was made
//! from and fills the translation with the same values.

use crate::locale::Lang;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

const CATALOGUE: &str = include_str!("text.tsv");

struct Catalogue {
    exact: FxHashMap<&'static str, [&'static str; 3]>,
    /// Templates (texts with `{}`), longest literal text first: the most specific wins.
    templates: Vec<(&'static str, [&'static str; 3])>,
}

fn catalogue() -> &'static Catalogue {
    static C: OnceLock<Catalogue> = OnceLock::new();
    C.get_or_init(|| {
        let mut exact = FxHashMap::default();
        let mut templates = Vec::new();
        for (en, tr) in entries() {
            exact.insert(en, tr);
            if en.contains("{}") {
                templates.push((en, tr));
            }
        }
        templates.sort_by_key(|(en, _)| std::cmp::Reverse(en.replace("{}", "").len()));
        Catalogue { exact, templates }
    })
}

/// The catalogue's lines: English and the Swedish, Dutch and French texts. Blank lines and
/// lines starting with `#` are skipped.
fn entries() -> impl Iterator<Item = (&'static str, [&'static str; 3])> {
    CATALOGUE.lines().filter_map(|line| {
        if line.trim().is_empty() || line.starts_with('#') {
            return None;
        }
        let mut f = line.split('\t');
        let en = f.next()?;
        Some((en, [f.next()?, f.next()?, f.next()?]))
    })
}

fn pick(lang: Lang, tr: &[&'static str; 3]) -> Option<&'static str> {
    match lang {
        Lang::En => None,
        Lang::Sv => Some(tr[0]),
        Lang::Nl => Some(tr[1]),
        Lang::Fr => Some(tr[2]),
    }
}

/// `en` in `lang` (`en` itself when the catalogue has no entry).
pub fn tr(lang: Lang, en: &'static str) -> &'static str {
    lookup(lang, en).unwrap_or(en)
}

/// `en` in `lang`, if the catalogue has it (for texts that are not static, such as a table
/// header handed over by a chart).
pub fn lookup(lang: Lang, en: &str) -> Option<&'static str> {
    catalogue().exact.get(en).and_then(|t| pick(lang, t))
}

/// A template with its `{}` filled by `args`, in `lang`.
pub fn fill(lang: Lang, en: &'static str, args: &[&str]) -> String {
    put(tr(lang, en), args)
}

/// Puts `args` into `template`: `{}` takes the next one, `{N}` the N-th.
fn put(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut next = 0;
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}');
        let inner = close.map(|c| &after[..c]);
        match inner {
            Some("") => {
                out.push_str(args.get(next).copied().unwrap_or(""));
                next += 1;
            }
            Some(n) if n.len() == 1 && n.as_bytes()[0].is_ascii_digit() => {
                out.push_str(
                    args.get((n.as_bytes()[0] - b'0') as usize)
                        .copied()
                        .unwrap_or(""),
                );
            }
            _ => {
                out.push('{');
                rest = after;
                continue;
            }
        }
        rest = &after[close.unwrap_or(0) + 1..];
    }
    out.push_str(rest);
    out
}

/// A message made in English (by the engine, or by the page from a template) in `lang`: the
/// exact text, else the template it was made from with its values (themselves translated when
/// the catalogue has them; months and numbers in the language's format, English included),
/// else the message unchanged.
pub fn message(lang: Lang, msg: &str) -> String {
    // Longer than any message the engine writes about a sane file: shown as it is.
    if msg.len() > 4096 {
        return msg.to_string();
    }
    translate(lang, msg, 2)
}

fn translate(lang: Lang, msg: &str, depth: u8) -> String {
    // English too goes through the templates: its months and numbers take the page's format.
    if let Some(t) = lookup(lang, msg) {
        return t.to_string();
    }
    if depth == 0 {
        return msg.to_string();
    }
    for (en, tr) in &catalogue().templates {
        let parts: Vec<&str> = en.split("{}").collect();
        if let Some(values) = capture(&parts, msg) {
            // A value in quotes is a cell as the file wrote it: shown exactly so.
            let values: Vec<String> = values
                .iter()
                .zip(&parts)
                .map(|(v, before)| {
                    if before.ends_with('"') {
                        v.to_string()
                    } else {
                        value(lang, v, depth)
                    }
                })
                .collect();
            let refs: Vec<&str> = values.iter().map(String::as_str).collect();
            return put(pick(lang, tr).unwrap_or(en), &refs);
        }
    }
    msg.to_string()
}

/// A value taken out of a message, in `lang`: a phrase of the catalogue (one that starts in
/// lower case, such as "a date": a capitalised value is a column or file name and stays as it
/// is), a month (`2025-01`), a date (`2025-01-31`) or a plain number (`12.50`); anything else
/// as it is.
fn value(lang: Lang, v: &str, depth: u8) -> String {
    if !v.starts_with(|c: char| c.is_lowercase()) {
        return month_date_or_number(lang, v).unwrap_or_else(|| v.to_string());
    }
    if let Some(t) = lookup(lang, v) {
        return t.to_string();
    }
    month_date_or_number(lang, v).unwrap_or_else(|| translate(lang, v, depth - 1))
}

fn month_date_or_number(lang: Lang, v: &str) -> Option<String> {
    if v.len() == 7 && crate::month::Month::parse_ym(v).is_some() {
        return Some(lang.month_text(v));
    }
    if v.len() == 10 && v.as_bytes()[4] == b'-' && v.as_bytes()[7] == b'-' {
        return Some(lang.date_text(v));
    }
    let plain = !v.is_empty()
        && v.bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && v.bytes().filter(|b| *b == b'.').count() <= 1
        && v.bytes().skip(1).all(|b| b != b'-');
    if plain {
        if let Ok(x) = v.parse::<f64>() {
            let decimals = v.split_once('.').map(|(_, f)| f.len()).unwrap_or(0);
            return Some(lang.number(x, decimals));
        }
    }
    None
}

/// The values of `msg` in the gaps between `parts` (the template's literal pieces), or `None`
/// when it was not made from them. Each value is non-empty; a literal that occurs more than
/// once is tried at each place (backtracking).
fn capture<'m>(parts: &[&str], msg: &'m str) -> Option<Vec<&'m str>> {
    let (first, rest) = parts.split_first()?;
    let body = msg.strip_prefix(first)?;
    let mut values = Vec::with_capacity(rest.len());
    // A file can put the template's separators into a message hundreds of times (a column
    // named "a · b · c …"): the places tried are capped, so no message can freeze the page.
    let mut budget = 256u32;
    gaps(rest, body, &mut values, &mut budget).then_some(values)
}

fn gaps<'m>(parts: &[&str], text: &'m str, values: &mut Vec<&'m str>, budget: &mut u32) -> bool {
    let Some((lit, rest)) = parts.split_first() else {
        return text.is_empty();
    };
    if rest.is_empty() {
        // The last literal ends the message.
        return match text.strip_suffix(lit) {
            Some(v) if !v.is_empty() => {
                values.push(v);
                true
            }
            _ => false,
        };
    }
    let mut from = 1;
    while from <= text.len() {
        if *budget == 0 {
            return false;
        }
        *budget -= 1;
        let Some(at) = text.get(from..).and_then(|t| t.find(lit)).map(|i| i + from) else {
            return false;
        };
        values.push(&text[..at]);
        if gaps(rest, &text[at + lit.len()..], values, budget) {
            return true;
        }
        values.pop();
        from = at + 1;
        while !text.is_char_boundary(from) && from < text.len() {
            from += 1;
        }
    }
    false
}

/// Every English text of the catalogue (for tests).
pub fn english() -> Vec<&'static str> {
    entries().map(|(en, _)| en).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> usize {
        let mut n = 0;
        let mut rest = s;
        while let Some(i) = rest.find('{') {
            let after = &rest[i + 1..];
            if after.starts_with('}')
                || (after.len() > 1
                    && after.as_bytes()[0].is_ascii_digit()
                    && after.as_bytes()[1] == b'}')
            {
                n += 1;
            }
            rest = after;
        }
        n
    }

    #[test]
    fn every_line_has_four_texts_and_the_same_values() {
        let mut seen = std::collections::HashSet::new();
        for (i, line) in CATALOGUE.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 4, "text.tsv line {}: {line:?}", i + 1);
            for t in &f {
                assert!(
                    !t.trim().is_empty(),
                    "text.tsv line {}: an empty text",
                    i + 1
                );
                assert_eq!(t.trim(), *t, "text.tsv line {}: spaces around {t:?}", i + 1);
            }
            assert!(
                seen.insert(f[0]),
                "text.tsv line {}: {:?} twice",
                i + 1,
                f[0]
            );
            let n = placeholders(f[0]);
            for t in &f[1..] {
                assert_eq!(
                    placeholders(t),
                    n,
                    "text.tsv line {}: {t:?} has another number of values than {:?}",
                    i + 1,
                    f[0]
                );
            }
        }
        assert!(seen.len() > 250, "{} texts", seen.len());
    }

    #[test]
    fn looks_up_and_fills() {
        assert_eq!(tr(Lang::Sv, "Customers"), "Kunder");
        assert_eq!(tr(Lang::En, "Customers"), "Customers");
        assert_eq!(tr(Lang::Fr, "no such text here"), "no such text here");
        assert_eq!(put("{} of {}", &["1", "2"]), "1 of 2");
        assert_eq!(put("{1} van {0}", &["1", "2"]), "2 van 1");
        assert_eq!(put("a {b} c", &[]), "a {b} c");
    }

    #[test]
    fn engine_messages_are_translated_with_their_values() {
        let m = "Old.tsv: the file is empty";
        assert_eq!(message(Lang::En, m), m);
        assert_eq!(
            message(Lang::En, "no usage in 2025-03"),
            "no usage in Mar\u{a0}2025"
        );
        assert_eq!(message(Lang::Sv, m), "Old.tsv: filen är tom");
        // A value that is itself a text of the catalogue is translated too.
        let m = "line 3, column Month: \"13/45/2025\" is not a date";
        assert_eq!(
            message(Lang::Fr, m),
            "ligne 3, colonne Month\u{a0}: «\u{a0}13/45/2025\u{a0}» n'est pas une date"
        );
        // Months, dates and plain numbers inside a message follow the language.
        assert_eq!(
            message(Lang::Sv, "ACR down 50% against the 3 months before (1234.50 vs a mean of 2469.00 USD)"),
            "ACR ned 50 % jämfört med de 3 månaderna före (1\u{a0}234,50 mot ett medel på 2\u{a0}469,00 USD)"
        );
        assert_eq!(
            message(Lang::Nl, "no usage in 2025-03"),
            "geen gebruik in mrt\u{a0}2025"
        );
        // A file name with the template's own separator in it.
        assert_eq!(
            message(Lang::Nl, "a: b.tsv: the file is empty"),
            "a: b.tsv: het bestand is leeg"
        );
        assert_eq!(
            message(Lang::Sv, "something else entirely"),
            "something else entirely"
        );
        // A cell quoted in a message stays as the file wrote it, even when it looks like a number.
        let m = "a.tsv: column Month: 1 value(s) are not a date and were read as empty (first at line 2: \"2025\")";
        assert!(
            message(Lang::Sv, m).ends_with("(först på rad 2: \"2025\")"),
            "{}",
            message(Lang::Sv, m)
        );
        assert!(message(Lang::En, m).ends_with("(first at line 2: \"2025\")"));
    }

    #[test]
    fn a_message_full_of_separators_is_given_back_not_searched_forever() {
        // Without the cap, matching "{} · {} · {} · ends {}" against this tries every pair of
        // its 800 separators (4,001 bytes, under the 4 KB cap) with a search of the rest each time.
        let m = format!("x{}", " · y".repeat(800));
        assert_eq!(message(Lang::Fr, &m), m);
        let long = "a: ".repeat(2000) + "the file is empty";
        assert_eq!(message(Lang::Sv, &long), long, "over 4096 bytes: as it is");
        // Under the cap, a separator-laden file name still works.
        assert_eq!(
            message(
                Lang::Sv,
                &format!("{}: the file is empty", "a: b".repeat(50))
            ),
            format!("{}: filen är tom", "a: b".repeat(50))
        );
    }
}
