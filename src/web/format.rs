//! Number formatting for display (the report holds the raw numbers).

/// `1234567` → `1,234,567`; null → `—`.
pub fn count(v: Option<i64>) -> String {
    let Some(v) = v else { return "—".into() };
    let out = partnerlens::values::number::grouped(v.unsigned_abs());
    if v < 0 {
        format!("−{out}")
    } else {
        out
    }
}

/// A change with its direction shown by arrow and sign, not colour alone: `▲ +8.3%`.
pub fn change(v: Option<f64>) -> String {
    match v {
        None => "—".into(),
        Some(x) if x > 0.0 => format!("▲ +{x:.1}%"),
        Some(x) if x < 0.0 => format!("▼ −{:.1}%", -x),
        Some(_) => "► 0.0%".into(),
    }
}

pub fn percent(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.1}%")).unwrap_or_else(|| "—".into())
}

/// The raw value for `data-value` (empty for null).
pub fn raw<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}
