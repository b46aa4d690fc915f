//! Where to act (metrics.md §4 "Opportunities"): customers ranked by unassigned licenses
//! (activation) and by assigned but inactive ones (adoption), each with the next step Partner
//! Center's guidance on raising adoption suggests.

use super::license_rows::CustomerLicense;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const ACTIVATION_STEP: &str = "Licenses bought but not assigned: the value is not yet seen. Share case studies and tutorials, and help the customer assign them.";
pub const ADOPTION_STEP: &str = "Licenses assigned but not used in the last 28 days: adoption is low. Offer training and self-help material to the users.";

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Opportunity {
    pub customer_key: String,
    pub customer: String,
    /// Unassigned (`sold − assigned`) or inactive (`assigned − active`) licenses, summed over
    /// the customer's rows where both figures are known.
    pub licenses: f64,
    pub next_step: std::borrow::Cow<'static, str>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Opportunities {
    pub activation: Vec<Opportunity>,
    pub adoption: Vec<Opportunity>,
}

fn rank(
    rows: &[CustomerLicense],
    gap: impl Fn(&CustomerLicense) -> Option<f64>,
    step: &'static str,
) -> Vec<Opportunity> {
    let mut per: BTreeMap<(String, String), f64> = BTreeMap::new();
    for r in rows {
        if let Some(g) = gap(r) {
            *per.entry((r.customer.clone(), r.customer_key.clone()))
                .or_default() += g;
        }
    }
    let mut out: Vec<Opportunity> = per
        .into_iter()
        .filter(|(_, v)| *v > 0.0)
        .map(|((customer, customer_key), licenses)| Opportunity {
            customer_key,
            customer,
            licenses,
            next_step: std::borrow::Cow::Borrowed(step),
        })
        .collect();
    out.sort_by(|a, b| {
        b.licenses
            .total_cmp(&a.licenses)
            .then_with(|| a.customer.cmp(&b.customer))
    });
    out
}

pub fn opportunities(rows: &[CustomerLicense]) -> Opportunities {
    Opportunities {
        activation: rank(rows, |r| Some(r.sold? - r.assigned?), ACTIVATION_STEP),
        adoption: rank(rows, |r| Some(r.assigned? - r.active?), ADOPTION_STEP),
    }
}
