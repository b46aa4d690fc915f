//! Dates as Partner Center and Excel write them (inputs.md "Values", schemas reference §8.4).
//!
//! Accepted: `YYYY-MM-DD` (also `/`), ISO date-times with 0–7 fractional digits and `Z` or an
//! offset, `YYYY-MM-DD HH:MM:SS`, US `M/D/YYYY[ h:mm[:ss] AM|PM]`, `D/M/YYYY` only when the day
//! proves it (first part above 12), `D.M.YYYY`, `YYYYMMDD` and `YYYYMM` keys, `YYYY-MM`,
//! `MMM YYYY` / `MMMM YYYY`. The date is taken as written: an offset does not move it to
//! another day. Year 9999 ("open-ended") is kept as a normal date.

use chrono::NaiveDate;

pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let t = s.trim();
    if t.is_empty() || t.len() > 40 {
        return None;
    }
    let b = t.as_bytes();
    if b[0].is_ascii_digit() {
        // Leading digit run decides the family.
        let lead = b.iter().take_while(|c| c.is_ascii_digit()).count();
        if lead == 4 {
            return iso_like(t);
        }
        if lead == t.len() {
            return digit_key(t);
        }
        if lead <= 2 {
            return day_month_year(t);
        }
        return None;
    }
    month_name_year(t)
}

fn num(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn ymd(y: u32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1..=9999).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// `YYYYMMDD` and `YYYYMM` keys (DateKey, MonthKey).
fn digit_key(t: &str) -> Option<NaiveDate> {
    match t.len() {
        8 => ymd(num(&t[0..4])?, num(&t[4..6])?, num(&t[6..8])?),
        6 => ymd(num(&t[0..4])?, num(&t[4..6])?, 1),
        _ => None,
    }
}

/// `YYYY-MM-DD[(T| )time]`, `YYYY/MM/DD`, `YYYY-MM`.
fn iso_like(t: &str) -> Option<NaiveDate> {
    let sep = *t.as_bytes().get(4)?;
    if sep != b'-' && sep != b'/' {
        return None;
    }
    let y = num(&t[0..4])?;
    let rest = &t[5..];
    let mlen = rest.bytes().take_while(|c| c.is_ascii_digit()).count();
    if mlen == 0 || mlen > 2 {
        return None;
    }
    let m = num(&rest[..mlen])?;
    let rest = &rest[mlen..];
    if rest.is_empty() {
        return ymd(y, m, 1); // YYYY-MM
    }
    if rest.as_bytes()[0] != sep {
        return None;
    }
    let rest = &rest[1..];
    let dlen = rest.bytes().take_while(|c| c.is_ascii_digit()).count();
    if dlen == 0 || dlen > 2 {
        return None;
    }
    let d = num(&rest[..dlen])?;
    let time = &rest[dlen..];
    if !time.is_empty() {
        let first = time.as_bytes()[0];
        if first != b'T' && first != b' ' {
            return None;
        }
        if !iso_time(&time[1..]) {
            return None;
        }
    }
    ymd(y, m, d)
}

/// `HH:MM[:SS[.f{1,7}]][Z|±HH[:MM]]`.
fn iso_time(t: &str) -> bool {
    let t = t.trim();
    let (clock, zone) = match t.find(|c| c == 'Z' || c == 'z' || c == '+' || (c == '-')) {
        Some(i) => (&t[..i], &t[i..]),
        None => (t, ""),
    };
    let (hms, frac) = match clock.split_once('.') {
        Some((a, f)) => (a, Some(f)),
        None => (clock, None),
    };
    if let Some(f) = frac {
        if f.is_empty() || f.len() > 7 || !f.bytes().all(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    if !clock_ok(hms, 23) {
        return false;
    }
    match zone {
        "" | "Z" | "z" => true,
        z => {
            let body = &z[1..];
            let digits: String = body.chars().filter(|c| *c != ':').collect();
            (digits.len() == 2 || digits.len() == 4) && digits.bytes().all(|c| c.is_ascii_digit())
        }
    }
}

fn clock_ok(hms: &str, max_hour: u32) -> bool {
    let parts: Vec<&str> = hms.split(':').collect();
    if parts.len() < 2 || parts.len() > 3 {
        return false;
    }
    let limits = [max_hour, 59, 60];
    parts
        .iter()
        .zip(limits)
        .all(|(p, lim)| p.len() <= 2 && num(p).is_some_and(|v| v <= lim))
}

/// `M/D/YYYY[ h:mm[:ss] AM|PM]`, `D/M/YYYY` when the first part is above 12, `D.M.YYYY`.
fn day_month_year(t: &str) -> Option<NaiveDate> {
    let (date, time) = match t.split_once(' ') {
        Some((d, rest)) => (d, Some(rest.trim())),
        None => (t, None),
    };
    let sep = if date.contains('/') {
        '/'
    } else if date.contains('.') {
        '.'
    } else if date.contains('-') {
        '-'
    } else {
        return None;
    };
    let parts: Vec<&str> = date.split(sep).collect();
    if parts.len() != 3 || parts[2].len() != 4 || parts[0].len() > 2 || parts[1].len() > 2 {
        return None;
    }
    let (a, b, y) = (num(parts[0])?, num(parts[1])?, num(parts[2])?);
    if let Some(time) = time {
        let (clock, ampm) = match time.rsplit_once(' ') {
            Some((c, ap)) if ap.eq_ignore_ascii_case("am") || ap.eq_ignore_ascii_case("pm") => {
                (c, true)
            }
            _ => (time, false),
        };
        let clock = clock.split('.').next().unwrap_or("");
        if !clock_ok(clock, if ampm { 12 } else { 23 }) {
            return None;
        }
    }
    let (m, d) = if sep == '.' || (sep == '/' && a > 12) {
        (b, a)
    } else {
        (a, b)
    };
    ymd(y, m, d)
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// `MMM YYYY`, `MMMM YYYY`, `MMM-YYYY`.
fn month_name_year(t: &str) -> Option<NaiveDate> {
    let (name, year) = t.split_once([' ', '-'])?;
    let name = name.trim().trim_end_matches(',').to_ascii_lowercase();
    if name.len() < 3 {
        return None;
    }
    let m = MONTHS.iter().position(|full| {
        full.starts_with(&name) && (name.len() == 3 || name.len() == full.len() || (name == "sept"))
    })?;
    let y = num(year.trim())?;
    if year.trim().len() != 4 {
        return None;
    }
    ymd(y, m as u32 + 1, 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    fn d(s: &str) -> Option<String> {
        parse_date(s).map(|d| d.to_string())
    }
    #[test]
    fn iso_forms() {
        assert_eq!(d("2025-01-01"), Some("2025-01-01".into()));
        assert_eq!(d("2025-03-15T00:00:00"), Some("2025-03-15".into()));
        assert_eq!(d("2021-01-14T16:57:15.0966728Z"), Some("2021-01-14".into()));
        assert_eq!(d("2017-03-14T03:25:16.36+00:00"), Some("2017-03-14".into()));
        assert_eq!(d("2025-01-31T23:00:00-05:00"), Some("2025-01-31".into()));
        assert_eq!(d("2025-02-01 00:00:00"), Some("2025-02-01".into()));
        assert_eq!(d("2025-02-01 00:00:00.000"), Some("2025-02-01".into()));
        assert_eq!(d("9999-12-10T00:00:00Z"), Some("9999-12-10".into()));
        assert_eq!(d("2025-02"), Some("2025-02-01".into()));
        assert_eq!(d("2025/02/03"), Some("2025-02-03".into()));
    }
    #[test]
    fn us_and_european() {
        assert_eq!(d("1/2/2025"), Some("2025-01-02".into()));
        assert_eq!(d("1/2/2025 12:00:00 AM"), Some("2025-01-02".into()));
        assert_eq!(d("12/31/2024 11:59 PM"), Some("2024-12-31".into()));
        assert_eq!(d("31/12/2024"), Some("2024-12-31".into()));
        assert_eq!(d("31.12.2024"), Some("2024-12-31".into()));
    }
    #[test]
    fn keys_and_names() {
        assert_eq!(d("20250315"), Some("2025-03-15".into()));
        assert_eq!(d("202503"), Some("2025-03-01".into()));
        assert_eq!(d("Mar 2025"), Some("2025-03-01".into()));
        assert_eq!(d("March 2025"), Some("2025-03-01".into()));
        assert_eq!(d("Sep-2025"), Some("2025-09-01".into()));
    }
    #[test]
    fn rejects() {
        for s in [
            "",
            "13/45/2025",
            "2025-13-01",
            "2025-02-30",
            "0000-01-01",
            "99999-01-01",
            "abc",
            "2025-01-01T25:00:00",
            "1e400",
            "NaN",
            "Marc 2025",
            "2025-01-01Tfoo",
            "1/2/25",
        ] {
            assert_eq!(parse_date(s), None, "{s}");
        }
    }
}
