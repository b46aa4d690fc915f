//! `partnerlens-sample [--customers N] [--months N] [--last YYYY-MM] [--seed N] [--customers-only [--narrow]] DIR`
//! writes deterministic sample Partner Center downloads into DIR, plus `manifest.json`
//! listing them (the web app reads it to load the sample).

use partnerlens::sample::{generate, Options};
use partnerlens::Month;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("partnerlens-sample: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut o = Options::default();
    let mut dir = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--customers" => {
                o.customers = value()?.parse().map_err(|e| format!("--customers: {e}"))?
            }
            "--months" => o.months = value()?.parse().map_err(|e| format!("--months: {e}"))?,
            "--seed" => o.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--last" => o.last = Month::parse_ym(&value()?).ok_or("--last takes YYYY-MM")?,
            "--customers-only" => o.customers_only = true,
            "--narrow" => o.narrow = true,
            _ => dir = Some(a),
        }
    }
    let dir = dir.ok_or("usage: partnerlens-sample [options] DIR")?;
    if o.months == 0 {
        return Err("--months must be at least 1".into());
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("{dir}: {e}"))?;
    let files = generate(&o);
    let mut names = Vec::new();
    for (name, bytes) in &files {
        let path = format!("{dir}/{name}");
        std::fs::write(&path, bytes).map_err(|e| format!("{path}: {e}"))?;
        eprintln!("wrote {path} ({} bytes)", bytes.len());
        names.push(name.clone());
    }
    let manifest = serde_json::json!({ "files": names });
    std::fs::write(format!("{dir}/manifest.json"), manifest.to_string())
        .map_err(|e| e.to_string())?;
    Ok(())
}
