//! Monthly customer series (metrics.md §2 "Monthly series").

use crate::facts::Facts;
use crate::month::Month;
use serde::{Deserialize, Serialize};

/// One month of the window. A missing month (no status report covers it) has every field null.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct MonthlyCustomers {
    pub month: Month,
    /// `|C(m)|`.
    pub customers: Option<u64>,
    /// `|U(m)|`, null when no usage report covers `m`.
    pub active: Option<u64>,
    /// `|C(m) \ C(p)|`; null in the window's first month and after a missing month.
    pub new: Option<u64>,
    /// `|C(m) ∩ C(p)|`; equals `customers` where `new` is null.
    pub existing: Option<u64>,
    /// `|C(p) \ C(m)|`; null where `new` is.
    pub churned: Option<u64>,
}

/// Every month of the window, in order. Identity (tested): `customers(m) = customers(p) +
/// new(m) − churned(m)` wherever all are non-null.
pub fn monthly_series(facts: &Facts) -> Vec<MonthlyCustomers> {
    facts
        .months()
        .into_iter()
        .enumerate()
        .map(|(i, month)| {
            if !facts.status_covered[i] {
                return MonthlyCustomers {
                    month,
                    customers: None,
                    active: None,
                    new: None,
                    existing: None,
                    churned: None,
                };
            }
            let c = &facts.current[i];
            let customers = c.len() as u64;
            let active = facts.usage_covered[i].then(|| facts.using[i].len() as u64);
            if i == 0 || !facts.status_covered[i - 1] {
                return MonthlyCustomers {
                    month,
                    customers: Some(customers),
                    active,
                    new: None,
                    existing: Some(customers),
                    churned: None,
                };
            }
            let (new, churned) = facts.changes(i);
            MonthlyCustomers {
                month,
                customers: Some(customers),
                active,
                new: Some(new),
                existing: Some(customers - new),
                churned: Some(churned),
            }
        })
        .collect()
}

/// The monthly series indexed by month, for the KPIs; months outside the window read as
/// missing (all null).
pub struct Series<'a> {
    first: Option<Month>,
    rows: &'a [MonthlyCustomers],
}

impl<'a> Series<'a> {
    pub fn new(facts: &Facts, rows: &'a [MonthlyCustomers]) -> Self {
        Series {
            first: facts.window.map(|w| w.0),
            rows,
        }
    }
    pub fn get(&self, m: Month) -> Option<&'a MonthlyCustomers> {
        let first = self.first?;
        let i = usize::try_from(m.0 - first.0).ok()?;
        self.rows.get(i)
    }
    /// `f` of month `m`, null outside the window.
    pub fn value(&self, m: Month, f: impl Fn(&MonthlyCustomers) -> Option<u64>) -> Option<u64> {
        self.get(m).and_then(f)
    }
    /// Σ `f(m)` over `months`, nulls skipped; null if every term is null.
    pub fn sum(
        &self,
        months: impl Iterator<Item = Month>,
        f: impl Fn(&MonthlyCustomers) -> Option<u64>,
    ) -> Option<u64> {
        months
            .filter_map(|m| self.value(m, &f))
            .fold(None, |acc, v| Some(acc.unwrap_or(0) + v))
    }
}
