//! Partner attribution types (schemas reference §2.9 and §8.2). Distributions group by the label
//! as written (metrics.md §2); this gives the normalised name shown beside it.

/// `PAL`, `POR`, `CSP_T1`, `CSP_T2`, `TPOR`, `CPOR`, `DEAL_REGISTRATION`,
/// `PARTNER_AS_END_CUSTOMER`, or `None` for a label that is none of these.
pub fn normalise_attribution(raw: &str) -> Option<&'static str> {
    let key: String = raw
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(|c| c.to_lowercase())
        .collect();
    Some(match key.as_str() {
        "pal" | "partneradminlink" | "partneradminlinkpal" => "PAL",
        "dpor" | "por" | "partnerofrecord" | "digitalpartnerofrecord" => "POR",
        "csptier1" | "cspt1" | "csp1tier" | "cspdirect" => "CSP_T1",
        "csptier2" | "cspt2" | "cspindirect" => "CSP_T2",
        "tpor" | "transactingpartnerofrecord" => "TPOR",
        "cpor" | "claimingpartnerofrecord" => "CPOR",
        "dealregistration" => "DEAL_REGISTRATION",
        "partnerasendcustomer" => "PARTNER_AS_END_CUSTOMER",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn spellings() {
        for (raw, want) in [
            ("Partner admin link", "PAL"),
            ("Partner Admin Link (PAL)", "PAL"),
            ("PAL", "PAL"),
            ("DPOR", "POR"),
            ("Partner of record", "POR"),
            ("CSP Tier 1", "CSP_T1"),
            ("CSP T1", "CSP_T1"),
            ("csp tier 2", "CSP_T2"),
            ("Transacting partner of record", "TPOR"),
            ("CPOR", "CPOR"),
            ("Deal registration", "DEAL_REGISTRATION"),
            ("Partner as end-customer", "PARTNER_AS_END_CUSTOMER"),
        ] {
            assert_eq!(normalise_attribution(raw), Some(want), "{raw}");
        }
        assert_eq!(normalise_attribution("Reseller"), None);
    }
}
