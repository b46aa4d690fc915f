//! Number formatting for display (the report holds the raw numbers).

/// `1234567` → `1,234,567`; null → `—`.
pub fn count(v: Option<i64>) -> String {
    let Some(v) = v else { return "—".into() };
    crate::i18n::lang().number(v as f64, 0)
}

/// A change with its direction shown by arrow and sign, not colour alone: `▲ +8.3%`.
pub fn change(v: Option<f64>) -> String {
    match v {
        None => "—".into(),
        Some(x) if x > 0.0 => format!("▲ +{}", crate::i18n::lang().percent(x, 1)),
        Some(x) if x < 0.0 => format!("▼ −{}", crate::i18n::lang().percent(-x, 1)),
        Some(_) => format!("► {}", crate::i18n::lang().percent(0.0, 1)),
    }
}

pub fn percent(v: Option<f64>) -> String {
    v.map(|x| crate::i18n::lang().percent(x, 1))
        .unwrap_or_else(|| "—".into())
}

/// The raw value for `data-value` (empty for null).
pub fn raw<T: ToString>(v: Option<T>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

/// A count in the page's language: `1 234` in Swedish.
pub fn n(v: u64) -> String {
    crate::i18n::lang().number(v as f64, 0)
}
