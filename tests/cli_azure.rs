//! The Azure section (metrics.md §3) through the CLI on hand-computed fixtures.
//!
//! `fixtures/azure_small.tsv` (AzureUsage) and `fixtures/subscriptions_small.tsv`
//! (SeatsSubscriptionsAndRevenue); the window is 2024-12 … 2025-06 and 2025-01 is missing.
//! S1 (A, Contoso): active Dec–Jun, 10 units/USD a month, 2 in June; a duplicate May row of 1000.
//! S2 (B, Fabrikam): no start date, first seen Feb, usage 0. S3 (C): started 2025-03-10, active
//! Mar–May, Closed in June. S5 (B): "Azure plan" in the subscriptions report, auto-renew on,
//! ends 2025-07-20. S6 (E): "Microsoft Azure", suspended in May, active in June, auto-renew
//! off, ends 2025-08-15. S4 (A): Microsoft 365, renewed in April. A row with the all-zero GUID
//! (D) has 7 units in June and is no subscription.

use serde_json::{json, Value};
use std::process::Command;

fn run(args: &[&str]) -> Value {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    let files: Vec<String> = ["azure_small.tsv", "subscriptions_small.tsv"]
        .iter()
        .map(|f| format!("{dir}{f}"))
        .collect();
    let out = Command::new(env!("CARGO_BIN_EXE_partnerlens"))
        .arg("report")
        .args(args)
        .args(&files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

const S: [&str; 7] = [
    "",
    "11111111-1111-1111-1111-111111111111",
    "22222222-2222-2222-2222-222222222222",
    "33333333-3333-3333-3333-333333333333",
    "44444444-4444-4444-4444-444444444444",
    "55555555-5555-5555-5555-555555555555",
    "66666666-6666-6666-6666-666666666666",
];

#[test]
fn monthly_series_with_a_missing_month() {
    let r = run(&[]);
    let a = &r["azure"];
    let rows: Vec<(Value, Value, Value, Value, Value)> = a["monthly"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["active_subscriptions"].clone(),
                m["new_subscriptions"].clone(),
                m["deprovisioned_subscriptions"].clone(),
                m["renewed_subscriptions"].clone(),
                m["new_customers"].clone(),
            )
        })
        .collect();
    let n = Value::Null;
    assert_eq!(
        rows,
        [
            (json!(1), n.clone(), n.clone(), n.clone(), n.clone()), // Dec: S1; first month
            (n.clone(), n.clone(), n.clone(), n.clone(), n.clone()), // Jan: missing
            (json!(3), n.clone(), n.clone(), n.clone(), json!(1)), // Feb: S1 S2 S5; p missing; B is new
            (json!(4), json!(1), json!(0), json!(0), json!(1)),    // Mar: + S3; C is new
            (json!(4), json!(0), json!(0), json!(0), json!(0)),    // Apr
            (json!(4), json!(0), json!(0), json!(0), json!(0)),    // May: S6 suspended, not active
            (json!(4), json!(1), json!(1), json!(0), json!(2)), // Jun: + S6, − S3; D (usage) and E new
        ]
    );
}

#[test]
fn page_fields_over_the_range() {
    let r = run(&[]);
    let a = &r["azure"];
    assert_eq!(
        a["subscriptions_sold"], 5,
        "S1 by start date, S2 and S5 first seen Feb, S3 by start, S6 first seen May"
    );
    assert_eq!(
        a["customers_with_usage"], 3,
        "A, C and D (the zero-GUID row still is usage)"
    );
    assert_eq!(
        a["customers_without_usage"], 2,
        "B and E have Azure subscriptions and no usage"
    );
    assert_eq!(
        a["subscriptions_without_usage"],
        json!([
            {"subscription_id": S[2], "customer_key": "b", "customer": "Fabrikam", "months_active": 5},
            {"subscription_id": S[5], "customer_key": "b", "customer": "Fabrikam", "months_active": 5},
            {"subscription_id": S[6], "customer_key": "e", "customer": "Tailspin", "months_active": 1},
        ])
    );
    let top = |k: &str| {
        a["top_customers"][k]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["customer"].as_str().unwrap().to_string(),
                    t["value"].as_f64().unwrap(),
                )
            })
            .collect::<Vec<_>>()
    };
    // The duplicate May row (1000) counts nowhere.
    let want = vec![
        ("Contoso".to_string(), 52.0),
        ("Northwind".into(), 15.0),
        ("Deal Registration Co".into(), 7.0),
        ("Fabrikam".into(), 0.0),
    ];
    assert_eq!(top("acr"), want);
    assert_eq!(top("usage"), want);
    assert_eq!(
        top("subscriptions"),
        vec![
            ("Fabrikam".to_string(), 2.0),
            ("Contoso".into(), 1.0),
            ("Tailspin".into(), 1.0)
        ]
    );
    assert_eq!(
        a["renewing_30_days"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["subscription_id"].clone())
            .collect::<Vec<_>>(),
        [json!(S[5])]
    );
    // A narrower range: only S3 (started in March) and S6 (first seen in May) were sold in it.
    let r = run(&["--from", "2025-03", "--to", "2025-06"]);
    assert_eq!(r["azure"]["subscriptions_sold"], 2);
}

#[test]
fn at_risk_explained_and_backtested() {
    let r = run(&[]);
    let a = &r["azure"];
    let risk: Vec<(String, f64, Vec<String>)> = a["at_risk"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| {
            (
                x["subscription_id"].as_str().unwrap().to_string(),
                x["score"].as_f64().unwrap(),
                x["reasons"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r.as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        risk.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
        [S[6], S[2], S[5], S[1]]
    );
    // S6: no usage (0.5), term ending with auto-renew off (0.4), suspended in May (0.3).
    assert!((risk[0].1 - (1.0 - 0.5 * 0.6 * 0.7)).abs() < 1e-12);
    assert_eq!(
        risk[0].2,
        [
            "no usage in 2025-06",
            "term ends 2025-08-15, within 60 days of 2025-06, with auto-renew off",
            "suspended in 2025-05"
        ]
    );
    assert_eq!(
        (risk[1].1, risk[1].2.as_slice()),
        (0.5, ["no usage in 2025-06".to_string()].as_slice())
    );
    // S1: ACR 2 against a mean of 10 over Mar–May.
    assert_eq!(risk[3].1, 0.4);
    assert_eq!(
        risk[3].2,
        ["ACR down 80% against the 3 months before (2.00 vs a mean of 10.00 USD)"]
    );
    // Only May has three covered months before it and one after: S2 and S5 flagged, S3 churned.
    assert_eq!(
        a["at_risk_backtest"],
        json!([{"month": "2025-05", "flagged": 2, "churned_next_month": 1, "flagged_and_churned": 0, "precision_pct": 0.0, "recall_pct": 0.0}])
    );
    assert_eq!(
        a["at_risk_backtest_total"],
        json!({"months": 1, "flagged": 2, "churned_next_month": 1, "flagged_and_churned": 0, "precision_pct": 0.0, "recall_pct": 0.0})
    );
}

#[test]
fn every_product_and_renewals() {
    let r = run(&[]);
    let s = &r["subscriptions"];
    assert_eq!(
        s["products"],
        json!([
            "All products",
            "Azure plan",
            "Microsoft 365",
            "Microsoft Azure"
        ])
    );
    let m365: Vec<Value> = s["monthly"]["Microsoft 365"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["renewed_subscriptions"].clone())
        .collect();
    // S4's end date moved from 2025-03-31 to 2026-03-31 in April.
    assert_eq!(
        m365,
        [
            Value::Null,
            Value::Null,
            Value::Null,
            json!(0),
            json!(1),
            json!(0),
            json!(0)
        ]
    );
}

#[test]
fn azure_is_null_without_its_reports() {
    let out = Command::new(env!("CARGO_BIN_EXE_partnerlens"))
        .args([
            "report",
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/customers_small.tsv"
            ),
        ])
        .output()
        .unwrap();
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["azure"], Value::Null);
    assert_eq!(r["subscriptions"], Value::Null);
}

/// The older REST answers: a subscription snapshot (no month: read as of its latest date,
/// 2025-05) and daily Azure usage.
#[test]
fn json_subscription_and_azure_usage_answers() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    let out = Command::new(env!("CARGO_BIN_EXE_partnerlens"))
        .arg("report")
        .arg(format!("{dir}subscriptions_answer.json"))
        .arg(format!("{dir}azure_usage_answer.json"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = &r["quality"]["files"];
    assert_eq!(
        (files[0]["kind"].as_str(), files[1]["kind"].as_str()),
        (Some("subscriptions"), Some("azure_usage"))
    );
    assert_eq!(files[0]["months"], json!(["2025-05", "2025-05"]));
    assert!(files[0]["warnings"][0]
        .as_str()
        .unwrap()
        .contains("read as a snapshot of 2025-05"));
    let a = &r["azure"];
    let active: Vec<Value> = a["monthly"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["active_subscriptions"].clone())
        .collect();
    assert_eq!(
        active,
        [json!(0), json!(1)],
        "usage rows carry no state; the snapshot says ACTIVE in May"
    );
    assert_eq!(a["customers_with_usage"], 1);
    assert_eq!(
        a["top_customers"]["usage"],
        json!([{"customer_key": "a", "customer": "Contoso", "value": 25.0}])
    );
    assert_eq!(
        a["top_customers"]["acr"],
        Value::Null,
        "no ACR column: unknown, not zero"
    );
    assert_eq!(
        a["at_risk"],
        json!([{"subscription_id": "s-1", "customer_key": "a", "customer": "Contoso", "score": 0.9,
                "reasons": ["Partner Center's churn risk: High"], "source": "partner_center"}])
    );
    assert_eq!(
        r["subscriptions"]["products"],
        json!(["All products", "Microsoft Azure", "Office"]),
        "usage rows name Azure products Microsoft Azure"
    );
}
