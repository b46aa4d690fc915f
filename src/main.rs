//! `partnerlens report [--from YYYY-MM] [--to YYYY-MM] FILE...`: prints the report JSON
//! (spec/report-json.md) for the files given. Exit 0 when at least one file loaded a row,
//! 2 with a one-line reason on stderr otherwise.

use partnerlens::{Month, Workspace};
use std::process::ExitCode;

const USAGE: &str = "usage: partnerlens report [--from YYYY-MM] [--to YYYY-MM] FILE...";

fn main() -> ExitCode {
    // A panic is a bug; should one happen, say so in one line instead of a backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "partnerlens: internal error (please report it with the file that caused it): {info}"
        );
    }));
    let args: Vec<String> = std::env::args().skip(1).collect();
    match std::panic::catch_unwind(|| run(&args)) {
        Ok(Ok(json)) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Ok(Err(reason)) => {
            eprintln!("partnerlens: {reason}");
            ExitCode::from(2)
        }
        Err(_) => ExitCode::from(2),
    }
}

fn run(args: &[String]) -> Result<String, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("report") => {}
        Some("--help") | Some("-h") | None => return Err(USAGE.to_string()),
        Some(other) => return Err(format!("unknown command {other:?}; {USAGE}")),
    }
    let (mut from, mut to, mut files) = (None, None, Vec::new());
    while let Some(a) = it.next() {
        match a.as_str() {
            "--from" | "--to" => {
                let v = it
                    .next()
                    .ok_or_else(|| format!("{a} needs a month (YYYY-MM)"))?;
                let m = Month::parse_ym(v)
                    .ok_or_else(|| format!("{a} {v:?} is not a month (YYYY-MM)"))?;
                if a == "--from" {
                    from = Some(m)
                } else {
                    to = Some(m)
                }
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}; {USAGE}")),
            path => files.push(path.to_string()),
        }
    }
    if files.is_empty() {
        return Err(format!("no files given; {USAGE}"));
    }
    let mut ws = Workspace::new();
    let now = chrono::Local::now().date_naive();
    ws.today = Month::new(chrono::Datelike::year(&now), chrono::Datelike::month(&now));
    for path in &files {
        match std::fs::read(path) {
            Ok(bytes) => {
                ws.add_file(path, &bytes);
            }
            Err(e) => {
                ws.files.push(partnerlens::quality::FileQuality::failed(
                    path,
                    format!("{path}: cannot read the file: {e}"),
                ));
            }
        }
    }
    if !ws.has_data() {
        let reasons: Vec<String> = ws
            .files
            .iter()
            .map(|f| {
                f.error.clone().unwrap_or_else(|| {
                    format!(
                        "{}: no row could be read ({} rejected)",
                        f.name, f.rows_rejected
                    )
                })
            })
            .collect();
        return Err(format!("no file loaded: {}", reasons.join("; ")));
    }
    let report = ws.report(from, to)?;
    Ok(report.to_json())
}
