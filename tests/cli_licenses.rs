//! The licenses section (metrics.md §4) through the CLI, one hand-computed fixture per source
//! in `fixtures/licenses/`: Office usage (a duplicate row, MAU above PAU, PAU 0), EMS usage
//! (no product column), Power BI seats (an inactive subscription), a subscriptions report with
//! only `AvailableSeatsEOP`, and the JSON deployment (`items`, counts as strings) and usage
//! (`value`, `licenseActive`) answers. As of 2025-05 unless the range ends earlier.

use serde_json::{json, Value};
use std::process::Command;

const FILES: [&str; 6] = [
    "office.tsv",
    "ems.tsv",
    "powerbi.tsv",
    "subscriptions_seats.tsv",
    "deployment.json",
    "usage.json",
];

fn run(args: &[&str], files: &[&str]) -> Value {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/licenses/");
    let paths: Vec<String> = files.iter().map(|f| format!("{dir}{f}")).collect();
    let out = Command::new(env!("CARGO_BIN_EXE_partnerlens"))
        .arg("report")
        .args(args)
        .args(&paths)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn row(
    customer: &str,
    product: &str,
    workload: Option<&str>,
    sold: Option<f64>,
    assigned: Option<f64>,
    active: Option<f64>,
    dep: Option<f64>,
    usage: Option<f64>,
) -> (String, String, Value, Value, Value, Value, Value, Value) {
    (
        customer.into(),
        product.into(),
        json!(workload),
        json!(sold),
        json!(assigned),
        json!(active),
        json!(dep),
        json!(usage),
    )
}

#[test]
fn every_source_per_customer() {
    let r = run(&[], &FILES);
    let l = &r["licenses"];
    assert_eq!(l["as_of"], "2025-05");
    let got: Vec<_> = l["customers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["customer"].as_str().unwrap().to_string(),
                c["product"].as_str().unwrap().to_string(),
                c["workload"].clone(),
                c["sold"].clone(),
                c["assigned"].clone(),
                c["active"].clone(),
                c["deployment_pct"].clone(),
                c["usage_pct"].clone(),
            )
        })
        .collect();
    let n = None;
    assert_eq!(
        got,
        vec![
            row(
                "Contoso",
                "Microsoft 365",
                Some("Exchange"),
                n,
                Some(10.0),
                Some(12.0),
                n,
                Some(120.0)
            ), // above 100 kept
            row(
                "Contoso",
                "Microsoft 365",
                Some("Teams"),
                n,
                Some(10.0),
                Some(5.0),
                n,
                Some(50.0)
            ), // duplicate row left out
            row(
                "Fabrikam",
                "o365",
                None,
                Some(10.0),
                Some(8.0),
                n,
                Some(80.0),
                n
            ), // JSON deployment
            row(
                "Fabrikam",
                "o365",
                Some("Exchange"),
                n,
                Some(8.0),
                Some(4.0),
                n,
                Some(50.0)
            ), // JSON usage, licenseActive
            row(
                "Litware",
                "Microsoft 365",
                Some("Exchange"),
                n,
                Some(0.0),
                Some(3.0),
                n,
                n
            ), // PAU 0: usage null
            row(
                "Northwind",
                "Enterprise Mobility + Security",
                None,
                n,
                Some(20.0),
                Some(10.0),
                n,
                Some(50.0)
            ),
            row(
                "Proseware",
                "Unknown",
                None,
                Some(10.0),
                Some(10.0),
                Some(4.0),
                Some(100.0),
                Some(40.0)
            ), // inactive subscription counts
            row(
                "Tailspin",
                "Dynamics 365",
                None,
                Some(0.0),
                Some(0.0),
                n,
                n,
                n
            ), // sold 0: deployment null
            row(
                "Tailspin",
                "Microsoft 365",
                None,
                Some(20.0),
                Some(5.0),
                n,
                Some(25.0),
                n
            ), // AvailableSeatsEOP
        ]
    );
}

#[test]
fn totals_buckets_and_opportunities() {
    let r = run(&[], &FILES);
    let l = &r["licenses"];
    // 100 falls in 80-100; 120 in >100; nulls in no band.
    assert_eq!(
        l["buckets"],
        json!({
            "deployment": {"0-20": 0, "20-40": 1, "40-60": 0, "60-80": 0, "80-100": 2, ">100": 0},
            "usage": {"0-20": 0, "20-40": 0, "40-60": 4, "60-80": 0, "80-100": 0, ">100": 1}
        })
    );
    let exchange = l["totals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["product"] == "Microsoft 365" && t["workload"] == "Exchange")
        .unwrap();
    // Sums over customers (10 + 0 assigned, 12 + 3 active) and the percentage of the sums.
    assert_eq!(
        (
            exchange["assigned"].as_f64(),
            exchange["active"].as_f64(),
            exchange["usage_pct"].as_f64()
        ),
        (Some(10.0), Some(15.0), Some(150.0))
    );
    let products: Vec<(&str, Option<&str>)> = l["totals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["product"].as_str().unwrap(), t["workload"].as_str()))
        .collect();
    assert_eq!(
        products,
        [
            ("Dynamics 365", None),
            ("Enterprise Mobility + Security", None),
            ("Microsoft 365", None),
            ("Microsoft 365", Some("Exchange")),
            ("Microsoft 365", Some("Teams")),
            ("Unknown", None),
            ("o365", None),
            ("o365", Some("Exchange")),
        ]
    );
    let names = |k: &str| {
        l["opportunities"][k]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                (
                    o["customer"].as_str().unwrap().to_string(),
                    o["licenses"].as_f64().unwrap(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names("activation"),
        [("Tailspin".to_string(), 15.0), ("Fabrikam".into(), 2.0)]
    );
    assert_eq!(
        names("adoption"),
        [
            ("Northwind".to_string(), 10.0),
            ("Proseware".into(), 6.0),
            ("Fabrikam".into(), 4.0),
            ("Contoso".into(), 3.0)
        ]
    );
    assert!(l["opportunities"]["adoption"][0]["next_step"]
        .as_str()
        .unwrap()
        .contains("training and self-help"));
    assert!(l["opportunities"]["activation"][0]["next_step"]
        .as_str()
        .unwrap()
        .contains("case studies and tutorials"));
}

#[test]
fn as_of_is_the_latest_covered_month_of_the_range() {
    let r = run(&["--to", "2025-04"], &FILES);
    let l = &r["licenses"];
    assert_eq!(l["as_of"], "2025-04");
    assert_eq!(l["customers"].as_array().unwrap().len(), 1);
    assert_eq!(l["customers"][0]["usage_pct"], 10.0);
    let trend: Vec<(Value, Value)> = run(&[], &["office.tsv"])["licenses"]["trend"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["month"].clone(), m["usage_pct"].clone()))
        .collect();
    // April 1 / 10; May (12 + 5 + 3) / (10 + 10 + 0).
    assert_eq!(
        trend,
        [
            (json!("2025-04"), json!(10.0)),
            (json!("2025-05"), json!(100.0))
        ]
    );
}

#[test]
fn what_is_known_per_source_and_null_without_one() {
    let l = &run(&[], &["office.tsv"])["licenses"];
    assert_eq!(
        l["known"],
        json!({"sold": false, "assigned": true, "active": true})
    );
    let r = run(&[], &["../customers_small.tsv"]);
    assert_eq!(r["licenses"], Value::Null);
}
