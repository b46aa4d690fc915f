//! Total Azure subscriptions sold in the range (metrics.md §3 `subscriptions_sold`, §6).

use crate::facts::Facts;
use crate::metrics::range::Range;
use crate::month::Month;
use crate::store::NO_DATE;

/// Azure subscriptions (any state) whose start, the earliest `SubscriptionStartDate` else the
/// earliest `FirstUseDate` on its rows, falls in `[a, b]`; with neither date, those first seen
/// in a month of `[a, b]` other than the window's first.
pub fn subscriptions_sold(facts: &Facts, range: Range) -> u64 {
    let window_first = facts.window.map(|w| w.0);
    facts
        .subs
        .info
        .values()
        .filter(|s| s.azure)
        .filter(|s| {
            let date = if s.start != NO_DATE {
                s.start
            } else {
                s.first_use
            };
            let inside = |m: Month| m >= range.from && m <= range.to;
            match (date != NO_DATE).then(|| Month::from_days(date)).flatten() {
                Some(m) => inside(m),
                None => inside(s.first_seen) && Some(s.first_seen) != window_first,
            }
        })
        .count() as u64
}
