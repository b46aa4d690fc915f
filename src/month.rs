//! Calendar months (`YYYY-MM`), the unit every series is indexed by (metrics.md §1 "Month").

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A calendar month as a single ordinal: `year * 12 + (month - 1)`.
/// Consecutive months differ by one, so `m - 1` is the previous month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month(pub i32);

impl Month {
    pub fn new(year: i32, month: u32) -> Option<Month> {
        if !(1..=12).contains(&month) || !(1..=9999).contains(&year) {
            return None;
        }
        Some(Month(year * 12 + month as i32 - 1))
    }
    pub fn year(self) -> i32 {
        self.0.div_euclid(12)
    }
    pub fn month(self) -> u32 {
        (self.0.rem_euclid(12) + 1) as u32
    }
    pub fn prev(self) -> Month {
        Month(self.0 - 1)
    }
    pub fn next(self) -> Month {
        Month(self.0 + 1)
    }
    pub fn offset(self, months: i32) -> Month {
        Month(self.0 + months)
    }
    /// The month of a date given as days since 1970-01-01 (the store's date columns).
    pub fn from_days(days: i32) -> Option<Month> {
        let d = chrono::NaiveDate::from_num_days_from_ce_opt(days.checked_add(719_163)?)?;
        use chrono::Datelike;
        Month::new(d.year(), d.month())
    }
    /// The last day of the month, as days since 1970-01-01.
    pub fn last_day(self) -> i32 {
        let next = self.next();
        chrono::NaiveDate::from_ymd_opt(next.year(), next.month(), 1)
            .map(|d| chrono::Datelike::num_days_from_ce(&d) - 719_163 - 1)
            .unwrap_or(i32::MAX)
    }
    /// Parses the `YYYY-MM` form used on the command line and in the URL.
    pub fn parse_ym(s: &str) -> Option<Month> {
        let s = s.trim();
        let (y, m) = s.split_once('-')?;
        if y.len() != 4 || m.is_empty() || m.len() > 2 {
            return None;
        }
        Month::new(y.parse().ok()?, m.parse().ok()?)
    }
    /// The months from `first` to `last` inclusive.
    pub fn span(first: Month, last: Month) -> impl Iterator<Item = Month> {
        (first.0..=last.0).map(Month)
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Month, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Month::parse_ym(&s)
            .ok_or_else(|| serde::de::Error::custom(format!("not a month (YYYY-MM): {s}")))
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn round_trips_and_steps() {
        let m = Month::new(2025, 1).unwrap();
        assert_eq!(m.to_string(), "2025-01");
        assert_eq!(m.prev().to_string(), "2024-12");
        assert_eq!(Month::parse_ym("2024-12"), Some(m.prev()));
        assert_eq!(Month::parse_ym("2024-13"), None);
        assert_eq!(Month::parse_ym("24-01"), None);
        assert_eq!(Month::span(m.prev(), m.next()).count(), 3);
        // 2025-01-31 is day 20119 since 1970-01-01.
        assert_eq!(m.last_day(), 20119);
        assert_eq!(Month::from_days(20119), Some(m));
        assert_eq!(Month::from_days(20120), Some(m.next()));
        assert_eq!(
            Month::new(2024, 2).unwrap().last_day() - Month::new(2024, 1).unwrap().last_day(),
            29
        );
    }
}
