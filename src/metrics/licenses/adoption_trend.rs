//! Deployment % and usage % month by month (licenses issue, item 1), over the months of the
//! range a license source covers. Each percentage is over the rows that have both of its
//! figures (a reading of mine: metrics.md defines no trend).

use super::license_rows::percentages;
use crate::facts::Facts;
use crate::license_facts::LicenseSums;
use crate::metrics::range::Range;
use crate::month::Month;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct AdoptionMonth {
    pub month: Month,
    pub sold: Option<f64>,
    pub assigned: Option<f64>,
    pub active: Option<f64>,
    pub deployment_pct: Option<f64>,
    pub usage_pct: Option<f64>,
}

pub fn adoption_trend(facts: &Facts, range: Range) -> Vec<AdoptionMonth> {
    range
        .months()
        .filter_map(|m| {
            let i = facts.index(m)?;
            if !facts.licenses.covered[i] {
                return None;
            }
            // Each percentage over the rows that have both of its figures, so that a source
            // with only one of them (Office usage has no "sold") does not skew it.
            let (mut dep, mut usage, mut all) = (
                LicenseSums::default(),
                LicenseSums::default(),
                LicenseSums::default(),
            );
            for v in facts.licenses.rows[i].values() {
                all.add(v);
                if v.sold.is_some() && v.assigned.is_some() {
                    dep.add(&LicenseSums {
                        sold: v.sold,
                        assigned: v.assigned,
                        active: None,
                    });
                }
                if v.assigned.is_some() && v.active.is_some() {
                    usage.add(&LicenseSums {
                        sold: None,
                        assigned: v.assigned,
                        active: v.active,
                    });
                }
            }
            Some(AdoptionMonth {
                month: m,
                sold: all.sold,
                assigned: all.assigned,
                active: all.active,
                deployment_pct: percentages(&dep).0,
                usage_pct: percentages(&usage).1,
            })
        })
        .collect()
}
