//! Whole files through the `partnerlens report` CLI: the hand-computed customer numbers of
//! `fixtures/customers_small.tsv` (worked out in the comments below) must come out the same
//! whatever the encoding, delimiter, header spelling, date format or file split.

use serde_json::{json, Value};
use std::path::PathBuf;
use std::process::Command;

const FIXTURE: &str = include_str!("fixtures/customers_small.tsv");

fn out_dir(test: &str) -> PathBuf {
    let d = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(test);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &PathBuf, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

fn run(args: &[&str]) -> (i32, Value, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_partnerlens"))
        .arg("report")
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let v = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap_or(-1), v, stderr)
}

fn fixture_path() -> String {
    format!(
        "{}/tests/fixtures/customers_small.tsv",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Rows (line numbers count the header as line 1):
/// Jan: A, B active; C inactive            → C(Jan) = {A, B}
/// Feb: A, C active; B inactive            → C(Feb) = {A, C}: new 1 (C), churned 1 (B)
/// Mar: no row                             → missing month, all null
/// Apr: t-a (= T-A), B active; D duplicate → C(Apr) = {A, B}; p missing → new/churned null
/// line 11: Month 13/45/2025               → rejected
fn assert_small_customers(r: &Value) {
    assert_eq!(r["window"], json!({"first": "2025-01", "last": "2025-04"}));
    assert_eq!(r["range"], json!({"from": "2025-01", "to": "2025-04"}));
    let c = &r["customers"];
    assert_eq!(
        c["monthly"],
        json!([
            {"month": "2025-01", "customers": 2, "active": null, "new": null, "existing": 2, "churned": null},
            {"month": "2025-02", "customers": 2, "active": null, "new": 1, "existing": 1, "churned": 1},
            {"month": "2025-03", "customers": null, "active": null, "new": null, "existing": null, "churned": null},
            {"month": "2025-04", "customers": 2, "active": null, "new": null, "existing": 2, "churned": null},
        ])
    );
    let k = &c["kpis"];
    assert_eq!(
        k["customers"],
        json!({"value": 2, "change_pct": 0.0, "spark": [2, 2, null, 2]})
    );
    assert_eq!(k["customers_added"]["value"], 1);
    assert_eq!(
        k["customers_added"]["change_pct"],
        Value::Null,
        "earlier range is outside the window"
    );
    // a − 1 (2024-12) is outside the window: the denominator is customers(a) = 2.
    assert_eq!(k["customers_churned"]["value"], 1);
    assert_eq!(k["customers_churned"]["churn_rate_pct"], 50.0);
    assert_eq!(k["net_customers_added"]["value"], 0);
    assert_eq!(
        c["by_product"],
        json!([{"product": "Microsoft 365", "customers": 2, "skus": [
            {"sku": "M365 BASIC", "customers": 1}, {"sku": "M365 E3", "customers": 1}]}])
    );
    assert_eq!(
        c["by_dimension"]["market"],
        json!([{"value": "Germany", "customers": 1}, {"value": "United States", "customers": 1}])
    );
    assert_eq!(
        c["by_dimension"]["segment"],
        json!([]),
        "no CustomerSegment column: adds nothing"
    );
    let geo: Vec<(String, u64, u64)> = c["geography"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            (
                g["market"].as_str().unwrap().to_string(),
                g["customers"].as_u64().unwrap(),
                g["added"].as_u64().unwrap(),
            )
        })
        .collect();
    // C was added in Feb; its latest row says Sweden.
    assert_eq!(
        geo,
        [
            ("Germany".into(), 1, 0),
            ("United States".into(), 1, 0),
            ("Sweden".into(), 0, 1)
        ]
    );
    assert_eq!(r["quality"]["missing_months"], json!(["2025-03"]));
    assert_eq!(r["azure"], Value::Null);
    assert_eq!(r["licenses"], Value::Null);
}

fn file_quality(r: &Value, i: usize) -> &Value {
    &r["quality"]["files"][i]
}

#[test]
fn tsv_hand_computed() {
    let (code, r, _) = run(&[&fixture_path()]);
    assert_eq!(code, 0);
    assert_small_customers(&r);
    let f = file_quality(&r, 0);
    assert_eq!(
        (
            f["kind"].as_str(),
            f["delimiter"].as_str(),
            f["encoding"].as_str()
        ),
        (Some("customers"), Some("\t"), Some("utf-8"))
    );
    assert_eq!(
        (
            f["rows_read"].as_u64(),
            f["rows_loaded"].as_u64(),
            f["rows_rejected"].as_u64()
        ),
        (Some(10), Some(9), Some(1))
    );
    assert_eq!(
        f["rejections"],
        json!([{"line": 11, "column": "Month", "value": "13/45/2025", "expected": "a date"}])
    );
    assert_eq!(f["months"], json!(["2025-01", "2025-04"]));
    assert_eq!(f["rows_duplicate"], 1);
}

/// The same rows with usage: U(Jan) = {A}, U(Feb) = {} (0 active users), U(Apr) = {B}.
#[test]
fn usage_fills_active_customers() {
    let office = format!(
        "{}/tests/fixtures/office_small.tsv",
        env!("CARGO_MANIFEST_DIR")
    );
    let (code, r, _) = run(&[&fixture_path(), &office]);
    assert_eq!(code, 0);
    let active: Vec<Value> = r["customers"]["monthly"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["active"].clone())
        .collect();
    assert_eq!(active, [json!(1), json!(0), Value::Null, json!(1)]);
    assert_eq!(
        r["customers"]["kpis"]["active_customers"],
        json!({"value": 1, "change_pct": 0.0, "spark": [1, 0, null, 1]})
    );
    let germany = &r["customers"]["geography"][0];
    assert_eq!(
        (
            germany["market"].as_str(),
            germany["active"].as_u64(),
            germany["active_share_pct"].as_f64()
        ),
        (Some("Germany"), Some(1), Some(100.0))
    );
    assert_eq!(file_quality(&r, 1)["kind"], "license_usage");
}

#[test]
fn ranges_change_the_kpis() {
    // a − 1 = Jan is covered: churn rate = 1 / customers(Jan) = 50 %.
    let (_, r, _) = run(&["--from", "2025-02", "--to", "2025-04", &fixture_path()]);
    let k = &r["customers"]["kpis"];
    assert_eq!(r["range"], json!({"from": "2025-02", "to": "2025-04"}));
    assert_eq!(k["customers_churned"]["churn_rate_pct"], 50.0);
    assert_eq!(k["customers"]["spark"], json!([2, null, 2]));
    // Only April: its p is missing, so nothing was added or churned that we can know.
    let (_, r, _) = run(&["--from", "2025-04", "--to", "2025-04", &fixture_path()]);
    let k = &r["customers"]["kpis"];
    assert_eq!(k["customers_added"]["value"], Value::Null);
    assert_eq!(
        k["customers_churned"],
        json!({"value": null, "churn_rate_pct": null, "spark": [null]})
    );
    assert_eq!(k["net_customers_added"]["value"], Value::Null);
    // Outside the data.
    let (code, _, err) = run(&["--from", "2030-01", &fixture_path()]);
    assert_eq!(code, 2);
    assert!(err.contains("outside the loaded data"), "{err}");
}

fn to_delimited(text: &str, delim: char) -> String {
    text.lines()
        .map(|l| {
            l.split('\t')
                .map(|f| {
                    if f.contains(delim) || f.contains(',') {
                        format!("\"{}\"", f.replace('"', "\"\""))
                    } else {
                        f.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(&delim.to_string())
        })
        .collect::<Vec<_>>()
        .join("\r\n")
}

#[test]
fn every_encoding_and_delimiter_gives_the_same_numbers() {
    let dir = out_dir("encodings");
    let utf16 = |be: bool| {
        let mut v = if be {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in FIXTURE.encode_utf16() {
            v.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        v
    };
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(FIXTURE.as_bytes());
    let cp1252: Vec<u8> = FIXTURE
        .replace("Northwind", "Northwind Caf\u{e9}")
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    let cases: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        (
            "comma.csv",
            to_delimited(&FIXTURE.replace("Contoso\t", "Contoso, Ltd\t"), ',').into_bytes(),
            ",",
            "utf-8",
        ),
        (
            "semicolon.csv",
            to_delimited(FIXTURE, ';').into_bytes(),
            ";",
            "utf-8",
        ),
        ("utf16le.tsv", utf16(false), "\t", "utf-16le"),
        ("utf16be.tsv", utf16(true), "\t", "utf-16be"),
        ("bom.tsv", bom, "\t", "utf-8"),
        ("cp1252.tsv", cp1252, "\t", "windows-1252"),
    ];
    for (name, bytes, delim, enc) in cases {
        let path = write(&dir, name, &bytes);
        let (code, r, err) = run(&[&path]);
        assert_eq!(code, 0, "{name}: {err}");
        assert_small_customers(&r);
        let f = file_quality(&r, 0);
        assert_eq!(f["delimiter"], delim, "{name}");
        assert_eq!(f["encoding"], enc, "{name}");
        assert_eq!(f["rows_rejected"], 1, "{name}");
    }
}

#[test]
fn header_aliases_and_mixed_dates() {
    let dir = out_dir("aliases");
    // Older and newer Partner Center spellings of the same columns, and every date format.
    let text = FIXTURE
        .replacen("CustomerTenantId\tCustomerName\tCustomerStatus\tCustomerMarket\tProduct\tSKU\tMonth\tIsDuplicateRowForPGA",
                  "customerTenantID\tCustomer Name\tCustomer_Status\tCustomerTenantCountry\tProductFamily\tRawProductName\tMonth (Monat)\tIs-Duplicate-Row-For-PGA", 1)
        .replacen("2025-01-01", "1/1/2025 12:00:00 AM", 1)
        .replacen("2025-01-01", "2025-01-01T00:00:00Z", 1)
        .replacen("2025-02-01", "20250201", 1)
        .replacen("2025-02-01", "Feb 2025", 1)
        .replacen("M365 E3\t2025-04-01\t0", "M365 E3\t2025-04-15T10:30:00.1234567+02:00\t0", 1)
        .replacen("2025-04-01", "2025-04-01 00:00:00", 1);
    let path = write(&dir, "aliases.tsv", text.as_bytes());
    let (code, r, err) = run(&[&path]);
    assert_eq!(code, 0, "{err}");
    assert_small_customers(&r);
}

#[test]
fn overlapping_files_count_identical_rows_once() {
    let dir = out_dir("overlap");
    let lines: Vec<&str> = FIXTURE.lines().collect();
    let a = lines[..7].join("\n");
    let b = format!("{}\n{}", lines[0], lines[4..].join("\n"));
    let pa = write(&dir, "a.tsv", a.as_bytes());
    let pb = write(&dir, "b.tsv", b.as_bytes());
    let (code, r, _) = run(&[&pa, &pb]);
    assert_eq!(code, 0);
    assert_small_customers(&r);
    let fb = file_quality(&r, 1);
    assert_eq!(fb["rows_identical"], 3);
    assert_eq!(
        fb["rows_loaded"], 6,
        "repeats still load and count for coverage"
    );
    assert!(r["quality"]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|w| w.as_str().unwrap().contains("identical")));
}

#[test]
fn nothing_loaded_exits_2_with_one_line() {
    let dir = out_dir("nothing");
    let p = write(&dir, "notes.txt", b"hello world\n");
    let q = write(&dir, "table.csv", b"Name,Value\nx,1\n");
    let (code, _, err) = run(&[&p, &q]);
    assert_eq!(code, 2);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("notes.txt") && err.contains("table.csv"),
        "{err}"
    );
    let (code, _, err) = run(&[]);
    assert_eq!(code, 2);
    assert!(err.contains("usage"), "{err}");
    let (code, _, _) = run(&["/nonexistent/file.tsv"]);
    assert_eq!(code, 2);
}

#[test]
fn a_bad_file_beside_a_good_one_is_named_and_the_good_one_loads() {
    let dir = out_dir("mixed");
    let bad = write(&dir, "report.pdf.tsv", b"%PDF-1.7\x00\x00binary");
    let (code, r, _) = run(&[&bad, &fixture_path()]);
    assert_eq!(code, 0);
    assert_small_customers(&r);
    let f = file_quality(&r, 0);
    assert!(f["error"].as_str().unwrap().contains("not a text file"));
    assert_eq!(f["rows_read"], 0);
}

/// The identity of metrics.md §2 holds on generated data with churn and reactivation.
#[test]
fn identity_on_sample_data() {
    let dir = out_dir("sample");
    let o = partnerlens::sample::Options {
        customers: 120,
        months: 18,
        ..Default::default()
    };
    let paths: Vec<String> = partnerlens::sample::generate(&o)
        .iter()
        .map(|(n, b)| write(&dir, n, b))
        .collect();
    let args: Vec<&str> = paths.iter().map(String::as_str).collect();
    let (code, r, _) = run(&args);
    assert_eq!(code, 0);
    let monthly = r["customers"]["monthly"].as_array().unwrap();
    let mut checked = 0;
    for w in monthly.windows(2) {
        let (p, m) = (&w[0], &w[1]);
        if let (Some(cp), Some(cm), Some(n), Some(ch)) = (
            p["customers"].as_i64(),
            m["customers"].as_i64(),
            m["new"].as_i64(),
            m["churned"].as_i64(),
        ) {
            assert_eq!(cm, cp + n - ch, "{m}");
            checked += 1;
        }
    }
    assert_eq!(checked, 17);
    for f in r["quality"]["files"].as_array().unwrap() {
        assert_eq!(
            f["rows_read"],
            f["rows_loaded"].as_u64().unwrap() + f["rows_rejected"].as_u64().unwrap()
        );
    }
}

/// Trend per month of the range; a missing month has no values and says so.
#[test]
fn distribution_trend_and_unknown_bucket() {
    let (_, r, _) = run(&[&fixture_path()]);
    let t = &r["customers"]["trend"]["market"];
    assert_eq!(
        t,
        &json!([
            {"month": "2025-01", "values": [{"value": "Germany", "customers": 1}, {"value": "United States", "customers": 1}], "missing": false},
            {"month": "2025-02", "values": [{"value": "Sweden", "customers": 1}, {"value": "United States", "customers": 1}], "missing": false},
            {"month": "2025-03", "values": [], "missing": true},
            {"month": "2025-04", "values": [{"value": "Germany", "customers": 1}, {"value": "United States", "customers": 1}], "missing": false},
        ])
    );
    // NULL, UNKNOWN and empty labels are one bucket named Unknown.
    let dir = out_dir("unknown");
    let text = FIXTURE
        .replace("Fabrikam\tActive\tGermany", "Fabrikam\tActive\tUNKNOWN")
        .replace(
            "t-a\tContoso Ltd\tActive\tUnited States",
            "t-a\tContoso Ltd\tActive\t",
        );
    let (_, r, _) = run(&[&write(&dir, "u.tsv", text.as_bytes())]);
    assert_eq!(
        r["customers"]["by_dimension"]["market"],
        json!([{"value": "Unknown", "customers": 2}])
    );
}

#[test]
fn attribution_keeps_the_label_and_adds_the_normalised_name() {
    let dir = out_dir("attribution");
    let text = "CustomerTenantId\tCustomerStatus\tPartnerAttributionType\tMonth\nA\tActive\tCSP Tier 1\t2025-01-01\nB\tActive\tPartner admin link\t2025-01-01\nC\tActive\tReseller\t2025-01-01\n";
    let (_, r, _) = run(&[&write(&dir, "a.tsv", text.as_bytes())]);
    assert_eq!(
        r["customers"]["by_dimension"]["attribution_type"],
        json!([
            {"value": "CSP Tier 1", "customers": 1, "normalised": "CSP_T1"},
            {"value": "Partner admin link", "customers": 1, "normalised": "PAL"},
            {"value": "Reseller", "customers": 1},
        ])
    );
}
