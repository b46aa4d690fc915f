//! Percentages: "A percentage whose denominator is 0 or null is null, never NaN or infinity"
//! (metrics.md §2).

/// `num / den × 100`, or `None` when either is missing or `den` is 0.
pub fn pct(num: Option<f64>, den: Option<f64>) -> Option<f64> {
    match (num, den) {
        (Some(n), Some(d)) if d != 0.0 => Some(n / d * 100.0),
        _ => None,
    }
}

/// `(now − then) / then × 100`.
pub fn change_pct(now: Option<u64>, then: Option<u64>) -> Option<f64> {
    match (now, then) {
        (Some(n), Some(t)) => pct(Some(n as f64 - t as f64), Some(t as f64)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn zero_and_null_denominators() {
        assert_eq!(pct(Some(1.0), Some(0.0)), None);
        assert_eq!(pct(Some(1.0), None), None);
        assert_eq!(pct(Some(1.0), Some(4.0)), Some(25.0));
        assert_eq!(change_pct(Some(52), Some(48)), Some(4.0 / 48.0 * 100.0));
        assert_eq!(change_pct(Some(3), Some(0)), None);
    }
}
