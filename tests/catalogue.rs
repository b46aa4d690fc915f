//! Languages (issue 8): every text the page or a chart looks up is in the catalogue
//! (`src/text.tsv`), and every message the engine gives for the fixtures, the sample and the
//! hostile corpus is translated in Swedish, Dutch and French.

use partnerlens::locale::Lang;
use partnerlens::text;
use partnerlens::Workspace;
use std::collections::HashSet;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The string literals handed to the lookups: `t("…")`, `tf("…"`, `td("…")`, `tr(lang, "…")`,
/// `fill(lang, "…"`, `pair(lang, "…"`, `lookup(lang, "…")`.
fn looked_up(src: &str) -> Vec<String> {
    let mut found = Vec::new();
    for f in ["t(", "tf(", "td(", "tr(", "fill(", "pair(", "lookup("] {
        let mut rest = src;
        while let Some(i) = rest.find(f) {
            let before = rest[..i].chars().last();
            rest = &rest[i + f.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            // An optional first argument (`lang, `, `theme.lang, `) before the literal.
            let arg = rest.trim_start();
            let arg = match arg.find('"') {
                Some(q) if !arg[..q].contains([')', ';', '{', '(']) => &arg[q..],
                _ => continue,
            };
            let mut lit = String::new();
            let mut chars = arg[1..].chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => lit.push(chars.next().unwrap_or('\\')),
                    '"' => break,
                    c => lit.push(c),
                }
            }
            found.push(lit);
        }
    }
    found
}

#[test]
fn every_text_the_page_and_charts_look_up_is_in_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/web"), &mut files);
    rust_files(&root.join("src/charts"), &mut files);
    let known: HashSet<&str> = text::english().into_iter().collect();
    let mut missing = Vec::new();
    let mut seen = 0;
    for f in &files {
        let src = std::fs::read_to_string(f).unwrap();
        for lit in looked_up(&src) {
            seen += 1;
            if !known.contains(lit.as_str()) {
                missing.push(format!(
                    "{}: {lit:?}",
                    f.strip_prefix(root).unwrap().display()
                ));
            }
        }
    }
    assert!(seen > 200, "only {seen} lookups found: the scan is broken");
    assert!(
        missing.is_empty(),
        "not in src/text.tsv:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_engines_messages_are_translated() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sets: Vec<Vec<std::path::PathBuf>> = Vec::new();
    for dir in [
        "tests/hostile",
        "tests/fixtures",
        "tests/fixtures/licenses",
        "public/sample",
    ] {
        let mut v: Vec<_> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "manifest.json"))
            .collect();
        v.sort();
        // Each file alone (its own errors), then the whole folder (cross-file warnings).
        sets.extend(v.iter().map(|p| vec![p.clone()]));
        sets.push(v);
    }
    let mut messages = HashSet::new();
    for set in &sets {
        let mut ws = Workspace::new();
        ws.today = partnerlens::month::Month::new(2026, 1);
        for p in set {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            ws.add_file(&name, &std::fs::read(p).unwrap());
        }
        let Ok(report) = ws.report(None, None) else {
            continue;
        };
        for f in &report.quality.files {
            messages.extend(f.error.clone());
            messages.extend(f.warnings.iter().cloned());
            for r in &f.rejections {
                messages.insert(r.expected.clone());
            }
            for m in &f.missing {
                messages.insert(
                    m.split_once(": ")
                        .map(|(_, why)| why.to_string())
                        .unwrap_or(m.clone()),
                );
            }
        }
        messages.extend(report.quality.warnings.iter().cloned());
        if let Some(a) = &report.azure {
            for r in &a.at_risk {
                messages.extend(r.reasons.iter().cloned());
            }
        }
    }
    assert!(
        messages.len() >= 15,
        "only {} messages: {messages:?}",
        messages.len()
    );
    let mut untranslated = Vec::new();
    for m in &messages {
        for lang in [Lang::Sv, Lang::Nl, Lang::Fr] {
            let t = text::message(lang, m);
            if t == *m {
                untranslated.push(format!("{lang:?}: {m}"));
            }
        }
    }
    assert!(
        untranslated.is_empty(),
        "{} untranslated:\n{}",
        untranslated.len(),
        untranslated.join("\n")
    );
}
