//! Subscription / customer states (metrics.md §1 "Active state", schemas reference §8.2).

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// `Active`, `Renewed`, `InGracePeriod` (`In Grace Period`, `grace`), `Open`.
    Active,
    /// `Suspended`, `Disabled`, `Inactive`.
    Suspended,
    /// `Deprovisioned`, `Deleted`, `Cancelled`/`Canceled`, `Expired`, `Closed`, `Churned`.
    Deprovisioned,
    /// Any other non-empty label (`Pending`, `None`, …): not active.
    Other,
    /// Empty or null status: not active (metrics.md §6 "Status column").
    Missing,
}

impl State {
    /// Compares case- and space-insensitively (also ignoring `_` and `-`).
    pub fn parse(raw: &str) -> State {
        if crate::values::null::is_null(raw) {
            return State::Missing;
        }
        // The spelling without case, spaces, `_` and `-`, in a stack buffer (every status cell
        // of a million-row file comes through here).
        let mut buf = [0u8; 24];
        let mut n = 0;
        for c in raw.trim().bytes() {
            if c.is_ascii_whitespace() || c == b'_' || c == b'-' {
                continue;
            }
            if n == buf.len() || !c.is_ascii() {
                return State::Other;
            }
            buf[n] = c.to_ascii_lowercase();
            n += 1;
        }
        match &buf[..n] {
            b"active" | b"renewed" | b"ingraceperiod" | b"ingrace" | b"grace" | b"open" => {
                State::Active
            }
            b"suspended" | b"disabled" | b"inactive" => State::Suspended,
            b"deprovisioned" | b"deleted" | b"cancelled" | b"canceled" | b"expired" | b"closed"
            | b"churned" => State::Deprovisioned,
            _ => State::Other,
        }
    }
    pub fn is_active(self) -> bool {
        self == State::Active
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn spellings() {
        for s in [
            "Active",
            "ACTIVE",
            "renewed",
            "In Grace Period",
            "InGracePeriod",
            "grace",
            "Open",
            "in_grace",
        ] {
            assert_eq!(State::parse(s), State::Active, "{s}");
        }
        for s in ["Suspended", "DISABLED", "Inactive"] {
            assert_eq!(State::parse(s), State::Suspended, "{s}");
        }
        for s in [
            "Deprovisioned",
            "deleted",
            "Cancelled",
            "Canceled",
            "Expired",
            "Closed",
            "Churned",
        ] {
            assert_eq!(State::parse(s), State::Deprovisioned, "{s}");
        }
        assert_eq!(State::parse("Pending"), State::Other);
        assert_eq!(State::parse(""), State::Missing);
        assert_eq!(State::parse("NULL"), State::Missing);
        assert!(!State::parse("none").is_active());
    }
}
