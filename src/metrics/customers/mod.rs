//! The customers dashboard (metrics.md §2), one metric per file.

pub mod by_product;
pub mod customers_added;
pub mod customers_churned;
pub mod distribution;
pub mod distribution_trend;
pub mod geography;
pub mod kpi;
pub mod monthly_series;
pub mod net_customers_added;

use crate::facts::Facts;
use crate::metrics::range::Range;
use crate::store::{Dim, Store};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;

pub use distribution::ValueCount;
pub use monthly_series::MonthlyCustomers;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Kpis {
    pub customers: kpi::Kpi,
    pub active_customers: kpi::Kpi,
    pub customers_added: customers_added::CustomersAdded,
    pub customers_churned: customers_churned::CustomersChurned,
    pub net_customers_added: net_customers_added::NetCustomersAdded,
}

/// `customers` in the report JSON.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Customers {
    pub monthly: Vec<MonthlyCustomers>,
    pub kpis: Kpis,
    pub by_product: Vec<by_product::ProductCustomers>,
    pub by_dimension: BTreeMap<Cow<'static, str>, Vec<ValueCount>>,
    pub trend: BTreeMap<Cow<'static, str>, Vec<distribution_trend::TrendMonth>>,
    pub geography: Vec<geography::MarketRow>,
}

/// Every customer metric over `range`; `None` when no status report is loaded (the section's
/// reports are not loaded, so it is `null`, never a section of zeros).
pub fn compute(store: &Store, facts: &Facts, range: Range) -> Option<Customers> {
    if !facts.has_status_report {
        return None;
    }
    let monthly = monthly_series::monthly_series(facts);
    let series = monthly_series::Series::new(facts, &monthly);
    let added = customers_added::customers_added(&series, range);
    let churned = customers_churned::customers_churned(&series, range);
    let kpis = Kpis {
        customers: kpi::kpi(&series, range, |m| m.customers),
        active_customers: kpi::kpi(&series, range, |m| m.active),
        net_customers_added: net_customers_added::net_customers_added(
            &series, range, &added, &churned,
        ),
        customers_added: added,
        customers_churned: churned,
    };
    let by_dimension = [
        Dim::Market,
        Dim::Segment,
        Dim::PartnerLocation,
        Dim::SalesChannel,
        Dim::PricingLevel,
        Dim::Attribution,
    ]
    .into_iter()
    .map(|d| {
        (
            Cow::Borrowed(d.key()),
            distribution::distribution(store, facts, range.to, d),
        )
    })
    .collect();
    let trend = [
        Dim::Market,
        Dim::Segment,
        Dim::PartnerLocation,
        Dim::Product,
    ]
    .into_iter()
    .map(|d| {
        (
            Cow::Borrowed(d.key()),
            distribution_trend::distribution_trend(store, facts, range, d),
        )
    })
    .collect();
    Some(Customers {
        by_product: by_product::by_product(store, facts, range.to),
        geography: geography::geography(store, facts, range),
        monthly,
        kpis,
        by_dimension,
        trend,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::load::load_file;
    use crate::month::Month;

    /// Keys by month (all Active):
    /// Jan A · Feb A B · Mar A B C · Apr B C D E · May C D E F; C also has a Norway row in May.
    pub(crate) const FIVE_MONTHS: &str = "CustomerTenantId\tCustomerStatus\tCustomerMarket\tMonth
A\tActive\tSweden\t2025-01-01
A\tActive\tSweden\t2025-02-01
B\tActive\tSweden\t2025-02-01
A\tActive\tSweden\t2025-03-01
B\tActive\tSweden\t2025-03-01
C\tActive\tSweden\t2025-03-01
B\tActive\tSweden\t2025-04-01
C\tActive\tSweden\t2025-04-01
D\tActive\tNorway\t2025-04-01
E\tActive\tNorway\t2025-04-01
C\tActive\tSweden\t2025-05-01
C\tActive\tNorway\t2025-05-01
D\tActive\tNorway\t2025-05-01
E\tActive\tNorway\t2025-05-01
F\tActive\tDenmark\t2025-05-01
";

    pub(crate) fn fixture(text: &str) -> (Store, Facts) {
        let mut store = Store::default();
        let q = load_file(&mut store, 0, "t.tsv", text.as_bytes());
        assert_eq!(q.rows_rejected, 0, "{:?}", q.rejections);
        let facts = Facts::build(&store, &crate::filter::Filter::default().compile(&store));
        (store, facts)
    }

    pub(crate) fn m(s: &str) -> Month {
        Month::parse_ym(s).unwrap()
    }

    fn range(a: &str, b: &str) -> Range {
        Range {
            from: m(a),
            to: m(b),
        }
    }

    #[test]
    fn monthly_identity_and_first_month() {
        let (_, facts) = fixture(FIVE_MONTHS);
        let s = monthly_series::monthly_series(&facts);
        let got: Vec<_> = s
            .iter()
            .map(|r| (r.customers, r.new, r.existing, r.churned))
            .collect();
        assert_eq!(
            got,
            [
                (Some(1), None, Some(1), None),
                (Some(2), Some(1), Some(1), Some(0)),
                (Some(3), Some(1), Some(2), Some(0)),
                (Some(4), Some(2), Some(2), Some(1)),
                (Some(4), Some(1), Some(3), Some(1)),
            ]
        );
        assert!(
            s.iter().all(|r| r.active.is_none()),
            "no usage report: active is null"
        );
    }

    #[test]
    fn added_change_uses_the_earlier_range_when_complete() {
        let (_, facts) = fixture(FIVE_MONTHS);
        let rows = monthly_series::monthly_series(&facts);
        let series = monthly_series::Series::new(&facts, &rows);
        // [Apr, May]: added 2 + 1 = 3; earlier [Feb, Mar]: 1 + 1 = 2 → +50 %.
        let added = customers_added::customers_added(&series, range("2025-04", "2025-05"));
        assert_eq!((added.value, added.change_pct), (Some(3), Some(50.0)));
        // [Mar, May]: earlier [Dec, Feb] leaves the window → null.
        let added = customers_added::customers_added(&series, range("2025-03", "2025-05"));
        assert_eq!((added.value, added.change_pct), (Some(4), None));
    }

    #[test]
    fn churn_rate_over_the_month_before_the_range() {
        let (_, facts) = fixture(FIVE_MONTHS);
        let rows = monthly_series::monthly_series(&facts);
        let series = monthly_series::Series::new(&facts, &rows);
        // [Apr, May]: churned 1 + 1 = 2 over customers(Mar) = 3.
        let c = customers_churned::customers_churned(&series, range("2025-04", "2025-05"));
        assert_eq!(c.value, Some(2));
        assert!((c.churn_rate_pct.unwrap() - 200.0 / 3.0).abs() < 1e-12);
        let k = kpi::kpi(&series, range("2025-04", "2025-05"), |r| r.customers);
        assert_eq!(
            (k.value, k.change_pct, k.spark),
            (Some(4), Some(0.0), vec![Some(4), Some(4)])
        );
        let added = customers_added::customers_added(&series, range("2025-04", "2025-05"));
        let net = net_customers_added::net_customers_added(
            &series,
            range("2025-04", "2025-05"),
            &added,
            &c,
        );
        assert_eq!((net.value, net.spark), (Some(1), vec![Some(1), Some(0)]));
    }

    #[test]
    fn a_customer_under_two_values_counts_under_both() {
        let (store, facts) = fixture(FIVE_MONTHS);
        let d = distribution::distribution(&store, &facts, m("2025-05"), Dim::Market);
        let got: Vec<_> = d.iter().map(|v| (v.value.as_str(), v.customers)).collect();
        // Norway: C, D, E; Sweden: C; Denmark: F. Sum 5 > customers(May) = 4.
        assert_eq!(got, [("Norway", 3), ("Denmark", 1), ("Sweden", 1)]);
    }

    #[test]
    fn geography_added_by_latest_market_and_shares() {
        let (store, facts) = fixture(FIVE_MONTHS);
        let g = geography::geography(&store, &facts, range("2025-04", "2025-05"));
        // Added in [Apr, May]: D, E (Norway), F (Denmark). C's latest row (May, last in file) is Norway.
        let got: Vec<_> = g
            .iter()
            .map(|r| (r.market.as_str(), r.customers, r.added, r.active))
            .collect();
        assert_eq!(
            got,
            [
                ("Norway", 3, 2, None),
                ("Denmark", 1, 1, None),
                ("Sweden", 1, 0, None)
            ]
        );
        assert_eq!(g[0].customers_share_pct, Some(60.0));
        assert!((g[0].added_share_pct.unwrap() - 200.0 / 3.0).abs() < 1e-12);
        assert_eq!(g[0].active_share_pct, None);
    }

    #[test]
    fn filters_act_on_the_facts() {
        let mut ws = crate::Workspace::new();
        ws.add_file("t.tsv", FIVE_MONTHS.as_bytes());
        let all = ws.report(None, None).unwrap();
        assert_eq!(
            all.filters.available.market,
            ["Denmark", "Norway", "Sweden"]
        );
        let f = crate::Filter {
            market: vec!["Norway".into()],
            ..Default::default()
        };
        let r = ws.report_filtered(None, None, &f).unwrap();
        let c = r.customers.unwrap();
        // Norway rows: D, E in Apr; C, D, E in May.
        let got: Vec<_> = c.monthly.iter().map(|m| m.customers).collect();
        assert_eq!(got, [Some(0), Some(0), Some(0), Some(2), Some(3)]);
        assert_eq!(
            r.window.map(|w| w.first.to_string()),
            Some("2025-01".into()),
            "the window ignores filters"
        );
        assert!(
            r.quality.missing_months.is_empty(),
            "a filter makes no month missing"
        );
        // A usage file without a market column follows its customers' market.
        ws.add_file("u.tsv", "CustomerTenantId\tWorkloadName\tMonth\tMonthlyActiveUsers\nC\tTeams\t2025-05-01\t3\nF\tTeams\t2025-05-01\t4\n".as_bytes());
        let r = ws
            .report_filtered(
                None,
                None,
                &crate::Filter {
                    market: vec!["Denmark".into()],
                    ..Default::default()
                },
            )
            .unwrap();
        assert_eq!(
            r.customers.unwrap().monthly[4].active,
            Some(1),
            "only F is in Denmark"
        );
        // Back to all: the facts are rebuilt, not reused.
        let again = ws.report(None, None).unwrap().customers.unwrap();
        assert_eq!(again.kpis.customers.value, Some(4));
    }

    #[test]
    fn no_status_report_means_no_customer_section() {
        let (store, facts) = fixture(
            "CustomerTenantId\tWorkloadName\tMonth\tMonthlyActiveUsers\nA\tTeams\t2025-01-01\t3\n",
        );
        assert!(compute(&store, &facts, range("2025-01", "2025-01")).is_none());
    }
}
