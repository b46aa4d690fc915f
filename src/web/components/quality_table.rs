//! The per-file data-quality table (metrics.md §5).

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
        .map(|m| m.to_string())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <section class="quality">
            <h2>"Data quality"</h2>
            <table id="quality-table">
                <thead>
                    <tr>
                        <th scope="col">"File"</th><th scope="col">"Report"</th><th scope="col">"Delimiter"</th>
                        <th scope="col">"Encoding"</th><th scope="col">"Months"</th><th scope="col" class="num">"Read"</th>
                        <th scope="col" class="num">"Loaded"</th><th scope="col" class="num">"Rejected"</th>
                    </tr>
                </thead>
                <tbody>
                    {quality.files.into_iter().map(|f| {
                        let months = match f.months.as_slice() {
                            [a, b] if a == b => a.to_string(),
                            [a, b] => format!("{a} – {b}"),
                            _ => "—".into(),
                        };
                        let kind = f.kind.map(|k| k.label()).unwrap_or("not loaded");
                        let details = (!f.rejections.is_empty() || f.error.is_some() || !f.missing.is_empty()).then(|| {
                            let rejections = f.rejections.clone();
                            view! {
                                <tr class="file-details">
                                    <td colspan="8">
                                        {f.error.clone().map(|e| view! { <p class="error">{e}</p> })}
                                        {(!rejections.is_empty()).then(|| view! {
                                            <details>
                                                <summary>{format!("{} rejected row(s); the first {}:", f.rows_rejected, rejections.len())}</summary>
                                                <ul>
                                                    {rejections.into_iter().map(|r| view! {
                                                        <li>{format!("line {}, column {}: \"{}\" is not {}", r.line, r.column, r.value, r.expected)}</li>
                                                    }).collect_view()}
                                                </ul>
                                            </details>
                                        })}
                                        {(!f.missing.is_empty()).then(|| view! {
                                            <p class="missing">"Missing columns: "{f.missing.join("; ")}</p>
                                        })}
                                    </td>
                                </tr>
                            }
                        });
                        view! {
                            <tr data-file=f.name.clone()>
                                <td>{f.name.clone()}</td>
                                <td>{kind}</td>
                                <td>{delimiter_name(f.delimiter.as_deref())}</td>
                                <td>{f.encoding.clone().unwrap_or("—".into()).to_string()}</td>
                                <td>{months}</td>
                                <td class="num" data-field="rows_read">{f.rows_read}</td>
                                <td class="num" data-field="rows_loaded">{f.rows_loaded}</td>
                                <td class="num" data-field="rows_rejected">{f.rows_rejected}</td>
                            </tr>
                            {details}
                        }
                    }).collect_view()}
                </tbody>
            </table>
            {(!missing.is_empty()).then(|| view! { <p class="missing-months">"Missing months: "{missing}</p> })}
            {(!quality.warnings.is_empty()).then(|| view! {
                <ul class="warnings">
                    {quality.warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                </ul>
            })}
        </section>
    }
}
