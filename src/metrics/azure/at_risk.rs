//! Azure subscriptions at risk of churn, explained (metrics.md §3 `at_risk`), and how well the
//! rules would have predicted the past.

use super::usage_customers::{key_name, key_text};
use crate::facts::Facts;
use crate::metrics::percent::pct;
use crate::metrics::range::Range;
use crate::month::Month;
use crate::store::{Store, NONE};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct AtRisk {
    pub subscription_id: String,
    pub customer_key: String,
    pub customer: String,
    /// In [0, 1].
    pub score: f64,
    /// Every reason with its numbers.
    pub reasons: Vec<String>,
    /// `partner_center` when the data's `churnRisk` was used as given, else `rules`.
    pub source: std::borrow::Cow<'static, str>,
}

/// Signal weights; the score is `1 − Π(1 − w)` over the signals present.
const NO_USAGE: f64 = 0.5;
const DROP: f64 = 0.4;
const TERM_ENDING: f64 = 0.4;
const SUSPENDED: f64 = 0.3;

/// The rule-based reasons for subscription `sub` at window month `i`, with their weights.
pub fn signals(facts: &Facts, months: &[Month], sub: u32, i: usize) -> Vec<(f64, String)> {
    let s = &facts.subs;
    let Some(month) = months.get(i).copied() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let now = s.sub_usage[i].get(&sub).copied().unwrap_or_default();
    if s.azure_usage_covered[i] && !now.positive {
        out.push((NO_USAGE, format!("no usage in {month}")));
    }
    if i >= 3 && (i - 3..i).all(|j| s.azure_usage_covered[j]) {
        let past = |f: fn(&crate::sub_facts::Usage) -> f64| {
            (i - 3..i)
                .map(|j| s.sub_usage[j].get(&sub).map(f).unwrap_or(0.0))
                .sum::<f64>()
                / 3.0
        };
        let (acr_mean, qty_mean) = (past(|u| u.acr), past(|u| u.quantity));
        if s.acr_known && acr_mean > 0.0 && now.acr <= acr_mean / 2.0 {
            out.push((
                DROP,
                format!(
                    "ACR down {:.0}% against the 3 months before ({:.2} vs a mean of {:.2} USD)",
                    (1.0 - now.acr / acr_mean) * 100.0,
                    now.acr,
                    acr_mean
                ),
            ));
        } else if qty_mean > 0.0 && now.quantity <= qty_mean / 2.0 {
            out.push((
                DROP,
                format!(
                    "usage down {:.0}% against the 3 months before ({} vs a mean of {:.1})",
                    (1.0 - now.quantity / qty_mean) * 100.0,
                    now.quantity,
                    qty_mean
                ),
            ));
        }
    }
    let info = s.info.get(&sub);
    if let (Some(end), Some(info)) = (s.end[i].get(&sub), info) {
        let last = month.last_day();
        let first = month.prev().last_day() + 1;
        if info.auto_renew == 0 && *end >= first && *end <= last + 60 {
            let date = chrono::NaiveDate::from_num_days_from_ce_opt(end + 719_163)
                .map(|d| d.to_string())
                .unwrap_or_default();
            out.push((
                TERM_ENDING,
                format!("term ends {date}, within 60 days of {month}, with auto-renew off"),
            ));
        }
    }
    let suspended: Vec<Month> = (i.saturating_sub(2)..=i)
        .filter(|j| s.suspended[*j].contains(&sub))
        .filter_map(|j| months.get(j).copied())
        .collect();
    if let Some(m) = suspended.last() {
        out.push((SUSPENDED, format!("suspended in {m}")));
    }
    out
}

fn score(signals: &[(f64, String)]) -> f64 {
    1.0 - signals.iter().map(|(w, _)| 1.0 - w).product::<f64>()
}

/// Active Azure subscriptions at `b` with a score above 0, highest first.
pub fn at_risk(store: &Store, facts: &Facts, range: Range) -> Vec<AtRisk> {
    let Some(b) = facts.index(range.to) else {
        return Vec::new();
    };
    let s = &facts.subs;
    let months = facts.months();
    let mut out: Vec<AtRisk> = s
        .active_in(b, true)
        .into_iter()
        .filter_map(|sub| {
            let info = s.info.get(&sub)?;
            let (score, reasons, source) = if info.churn_risk != NONE {
                let label = store.strings.get(info.churn_risk);
                let score = match label.to_ascii_lowercase().as_str() {
                    "high" => 0.9,
                    "medium" => 0.6,
                    "low" => 0.3,
                    _ => 0.5,
                };
                (
                    score,
                    vec![format!("Partner Center's churn risk: {label}")],
                    "partner_center",
                )
            } else {
                let sig = signals(facts, &months, sub, b);
                (
                    score(&sig),
                    sig.into_iter().map(|(_, r)| r).collect(),
                    "rules",
                )
            };
            (score > 0.0).then(|| AtRisk {
                subscription_id: store.strings.get(sub).to_string(),
                customer_key: key_text(store, info.key),
                customer: key_name(store, facts, info.key),
                score,
                reasons,
                source: source.into(),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.customer.cmp(&b.customer))
            .then_with(|| a.subscription_id.cmp(&b.subscription_id))
    });
    out
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct BacktestMonth {
    pub month: Month,
    /// Active Azure subscriptions the rules flagged in that month.
    pub flagged: u64,
    /// Active that month and not the next.
    pub churned_next_month: u64,
    pub flagged_and_churned: u64,
    /// `flagged_and_churned / flagged × 100`.
    pub precision_pct: Option<f64>,
    /// `flagged_and_churned / churned_next_month × 100`.
    pub recall_pct: Option<f64>,
}

/// For every month with three months of history before it and one after (all covered), how
/// many flagged subscriptions churned the next month, and how many churned ones were flagged.
pub fn backtest(facts: &Facts) -> Vec<BacktestMonth> {
    let s = &facts.subs;
    let months = facts.months();
    let n = months.len();
    (3..n.saturating_sub(1))
        .filter(|i| (i - 3..=i + 1).all(|j| facts.status_covered[j]))
        .map(|i| {
            let now = s.active_in(i, true);
            let next = s.active_in(i + 1, true);
            let churned: Vec<u32> = now
                .iter()
                .copied()
                .filter(|x| next.binary_search(x).is_err())
                .collect();
            let flagged: Vec<u32> = now
                .iter()
                .copied()
                .filter(|x| !signals(facts, &months, *x, i).is_empty())
                .collect();
            let both = flagged.iter().filter(|x| churned.contains(x)).count() as u64;
            BacktestMonth {
                month: months[i],
                flagged: flagged.len() as u64,
                churned_next_month: churned.len() as u64,
                flagged_and_churned: both,
                precision_pct: pct(Some(both as f64), Some(flagged.len() as f64)),
                recall_pct: pct(Some(both as f64), Some(churned.len() as f64)),
            }
        })
        .collect()
}

/// The backtest over all its months: the sums, and precision and recall of the sums.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct BacktestTotal {
    pub months: u64,
    pub flagged: u64,
    pub churned_next_month: u64,
    pub flagged_and_churned: u64,
    pub precision_pct: Option<f64>,
    pub recall_pct: Option<f64>,
}

/// `None` when no month could be backtested.
pub fn backtest_total(months: &[BacktestMonth]) -> Option<BacktestTotal> {
    if months.is_empty() {
        return None;
    }
    let sum = |f: fn(&BacktestMonth) -> u64| months.iter().map(f).sum::<u64>();
    let (flagged, churned, both) = (
        sum(|m| m.flagged),
        sum(|m| m.churned_next_month),
        sum(|m| m.flagged_and_churned),
    );
    Some(BacktestTotal {
        months: months.len() as u64,
        flagged,
        churned_next_month: churned,
        flagged_and_churned: both,
        precision_pct: pct(Some(both as f64), Some(flagged as f64)),
        recall_pct: pct(Some(both as f64), Some(churned as f64)),
    })
}
