//! The range `[a, b]` (metrics.md §1 "Range").

use crate::month::Month;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Range {
    pub from: Month,
    pub to: Month,
}

impl Range {
    /// The months the user selected, kept inside the window. Default: the last 12 months of the
    /// window (all of it when shorter). With only `to`, the 12 months ending there; with only
    /// `from`, up to the window's last month. `Err` when nothing of the selection is inside.
    pub fn resolve(
        window: (Month, Month),
        from: Option<Month>,
        to: Option<Month>,
    ) -> Result<Range, String> {
        let (first, last) = window;
        let to_m = to.unwrap_or(last).min(last);
        let from_m = match from {
            Some(f) => f.max(first),
            None => to_m.offset(-11).max(first),
        };
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(format!("--from {f} is after --to {t}"));
            }
        }
        if from_m > to_m || to_m < first || from_m > last {
            return Err(format!(
                "the selected months are outside the loaded data, which covers {first} to {last}"
            ));
        }
        Ok(Range {
            from: from_m,
            to: to_m,
        })
    }
    pub fn months(&self) -> impl Iterator<Item = Month> {
        Month::span(self.from, self.to)
    }
    /// `L`, the number of months in the range.
    pub fn len(&self) -> i32 {
        self.to.0 - self.from.0 + 1
    }
    pub fn is_empty(&self) -> bool {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    fn m(s: &str) -> Month {
        Month::parse_ym(s).unwrap()
    }
    #[test]
    fn defaults_and_clamps() {
        let w = (m("2024-01"), m("2025-12"));
        assert_eq!(
            Range::resolve(w, None, None).unwrap(),
            Range {
                from: m("2025-01"),
                to: m("2025-12")
            }
        );
        assert_eq!(
            Range::resolve((m("2025-06"), m("2025-12")), None, None)
                .unwrap()
                .from,
            m("2025-06")
        );
        assert_eq!(
            Range::resolve(w, Some(m("2023-01")), Some(m("2024-03"))).unwrap(),
            Range {
                from: m("2024-01"),
                to: m("2024-03")
            }
        );
        assert_eq!(
            Range::resolve(w, None, Some(m("2024-06"))).unwrap().from,
            m("2024-01")
        );
        assert!(Range::resolve(w, Some(m("2026-01")), None).is_err());
        assert!(Range::resolve(w, Some(m("2025-05")), Some(m("2025-01"))).is_err());
    }
}
