//! The per-file data-quality table (metrics.md §5).

use crate::format::n;
use crate::i18n::{month, msg, t, td, tf};
use leptos::prelude::*;
use partnerlens::quality::Quality;

fn delimiter_name(d: Option<&str>) -> &'static str {
    match d {
        Some("\t") => "tab",
        Some(",") => "comma",
        Some(";") => "semicolon",
        _ => "—",
    }
}

#[component]
pub fn QualityTable(quality: Quality) -> impl IntoView {
    let missing = quality
        .missing_months
        .iter()
        .map(|m| month(*m))
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <section class="quality">
            <h2>{t("Data quality")}</h2>
            <table id="quality-table">
                <thead>
                    <tr>
                        <th scope="col">{t("File")}</th><th scope="col">{t("Report")}</th><th scope="col">{t("Delimiter")}</th>
                        <th scope="col">{t("Encoding")}</th><th scope="col">{t("Months")}</th><th scope="col" class="num">{t("Read")}</th>
                        <th scope="col" class="num">{t("Loaded")}</th><th scope="col" class="num">{t("Rejected")}</th>
                    </tr>
                </thead>
                <tbody>
                    {quality.files.into_iter().map(|f| {
                        let months = match f.months.as_slice() {
                            [a, b] if a == b => month(*a),
                            [a, b] => format!("{} – {}", month(*a), month(*b)),
                            _ => "—".into(),
                        };
                        let kind = t(f.kind.map(|k| k.label()).unwrap_or("not loaded"));
                        let details = (!f.rejections.is_empty() || f.error.is_some() || !f.missing.is_empty()).then(|| {
                            let rejections = f.rejections.clone();
                            view! {
                                <tr class="file-details">
                                    <td colspan="8">
                                        {f.error.clone().map(|e| view! { <p class="error">{msg(&e)}</p> })}
                                        {(!rejections.is_empty()).then(|| view! {
                                            <details>
                                                <summary>{tf("{} rejected row(s); the first {}:", &[&n(f.rows_rejected), &n(rejections.len() as u64)])}</summary>
                                                <ul>
                                                    {rejections.into_iter().map(|r| view! {
                                                        <li>{tf("line {}, column {}: \"{}\" is not {}", &[&r.line.to_string(), &r.column, &r.value, &td(&r.expected)])}</li>
                                                    }).collect_view()}
                                                </ul>
                                            </details>
                                        })}
                                        {(!f.missing.is_empty()).then(|| view! {
                                            <p class="missing">{t("Missing columns:")}" "{f.missing.iter().map(|m| match m.split_once(": ") { Some((col, why)) => format!("{col}: {}", td(why)), None => m.clone() }).collect::<Vec<_>>().join("; ")}</p>
                                        })}
                                    </td>
                                </tr>
                            }
                        });
                        view! {
                            <tr data-file=f.name.clone()>
                                <td>{f.name.clone()}</td>
                                <td>{kind}</td>
                                <td>{t(delimiter_name(f.delimiter.as_deref()))}</td>
                                <td>{f.encoding.clone().unwrap_or("—".into()).to_string()}</td>
                                <td>{months}</td>
                                <td class="num" data-field="rows_read">{n(f.rows_read)}</td>
                                <td class="num" data-field="rows_loaded">{n(f.rows_loaded)}</td>
                                <td class="num" data-field="rows_rejected">{n(f.rows_rejected)}</td>
                            </tr>
                            {details}
                        }
                    }).collect_view()}
                </tbody>
            </table>
            {(!missing.is_empty()).then(|| view! { <p class="missing-months">{t("Missing months:")}" "{missing}</p> })}
            {(!quality.warnings.is_empty()).then(|| view! {
                <ul class="warnings">
                    {quality.warnings.into_iter().map(|w| view! { <li>{msg(&w)}</li> }).collect_view()}
                </ul>
            })}
        </section>
    }
}
