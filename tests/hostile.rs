//! The hostile corpus (issue 7): files a partner might drop by mistake or that were damaged on
//! the way, each with its expected outcome. Every file either gets a named error or loads its
//! good rows; nothing panics; `rows_read = rows_loaded + rows_rejected` for each. The files are
//! in `tests/hostile/`; the two large ones are made here.

use partnerlens::quality::FileQuality;
use partnerlens::Workspace;

/// What a file must give.
enum Expect {
    /// A refusal whose message holds this text (and names the file).
    Error(&'static str),
    /// Rows read, loaded and rejected.
    Rows(u64, u64, u64),
}
use Expect::*;

const HEADER: &str =
    "CustomerTenantId\tCustomerName\tCustomerMarket\tCustomerStatus\tProduct\tMonth\n";

fn corpus() -> Vec<(String, Vec<u8>, Expect)> {
    let file = |name: &str| {
        let path = format!("{}/tests/hostile/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let mut cases: Vec<(String, Vec<u8>, Expect)> = [
        ("empty.tsv", Error("the file is empty")),
        ("whitespace_only.tsv", Error("the file is empty")),
        ("header_only.tsv", Error("only a header, no rows")),
        ("binary.tsv", Error("not a text file")),
        ("report.pdf.tsv", Error("not a text file")),
        ("workbook.xlsx.tsv", Error("not a text file")),
        ("wrong_report.tsv", Error("not a Partner Center report")),
        ("deep.json", Error("not valid JSON (line 1, column 128)")),
        (
            "truncated.json",
            Error("not valid JSON (line 1, column 120)"),
        ),
        ("not_array.json", Error("JSON without a list of records")),
        ("invalid_utf8.tsv", Rows(2, 2, 0)),
        ("utf16le_no_bom.tsv", Rows(2, 2, 0)),
        ("unbalanced_quotes.csv", Rows(3, 2, 1)),
        ("ragged.tsv", Rows(3, 1, 2)),
        ("numbers.tsv", Rows(6, 6, 0)),
        ("dates.tsv", Rows(4, 1, 3)),
        ("scalar_items.json", Rows(5, 1, 4)),
        ("hostile_names.tsv", Rows(6, 6, 0)),
    ]
    .into_iter()
    .map(|(name, expect)| (name.to_string(), file(name), expect))
    .collect();
    // 10,000 columns before the real ones.
    let mut wide: String = (0..10_000).map(|i| format!("extra{i}\t")).collect();
    wide.push_str(HEADER);
    let blanks = "\t".repeat(10_000);
    wide.push_str(&format!(
        "{blanks}w1\tWide AB\tSweden\tActive\tPower BI\t2025-01-01\n"
    ));
    cases.push(("wide.tsv".into(), wide.into_bytes(), Rows(1, 1, 0)));
    // A 10 MB line: a month cell of ten million digits, then a good row.
    let mut long = HEADER.as_bytes().to_vec();
    long.extend_from_slice(b"l1\tLong AB\tSweden\tActive\tPower BI\t");
    long.extend(std::iter::repeat_n(b'9', 10_000_000));
    long.extend_from_slice(b"\nl2\tShort AB\tSweden\tActive\tPower BI\t2025-01-01\n");
    cases.push(("long-line.tsv".into(), long, Rows(2, 1, 1)));
    cases
}

fn load(name: &str, bytes: &[u8]) -> (Workspace, FileQuality) {
    let mut ws = Workspace::new();
    let q = ws.add_file(name, bytes).clone();
    (ws, q)
}

#[test]
fn every_hostile_file_gets_a_named_error_or_loads_its_good_rows() {
    for (name, bytes, expect) in corpus() {
        let (mut ws, q) = load(&name, &bytes);
        assert_eq!(q.rows_read, q.rows_loaded + q.rows_rejected, "{name}");
        assert!(
            q.rejections
                .iter()
                .all(|r| r.value.chars().count() <= 200 && r.line > 0),
            "{name}: rejections name a line and clip long values: {:?}",
            q.rejections
        );
        match expect {
            Error(text) => {
                let e = q.error.clone().unwrap_or_default();
                assert!(e.contains(text) && e.starts_with(&name), "{name}: {e:?}");
                assert_eq!(q.rows_loaded, 0, "{name}");
                assert!(!ws.has_data());
            }
            Rows(read, loaded, rejected) => {
                assert_eq!(q.error, None, "{name}");
                assert_eq!(
                    (q.rows_read, q.rows_loaded, q.rows_rejected),
                    (read, loaded, rejected),
                    "{name}: {:?} {:?}",
                    q.rejections,
                    q.warnings
                );
                let report = ws.report(None, None).expect("rows loaded");
                let json = report.to_json();
                assert!(
                    serde_json::from_str::<serde_json::Value>(&json).is_ok(),
                    "{name}"
                );
            }
        }
    }
}

#[test]
fn the_rejected_rows_say_where_and_why() {
    let q = |name: &str| {
        let (_, q) = load(
            name,
            &std::fs::read(format!("tests/hostile/{name}")).unwrap(),
        );
        q
    };
    let dates = q("dates.tsv");
    let got: Vec<(u64, &str, &str)> = dates
        .rejections
        .iter()
        .map(|r| (r.line, r.column.as_str(), r.value.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (2, "Month", "0000-01-01"),
            (3, "Month", "99999-01-01"),
            (5, "Month", "2025-02-30")
        ]
    );
    let ragged = q("ragged.tsv");
    assert_eq!(ragged.rejections[0].line, 2);
    assert_eq!(ragged.rejections[0].column, "CustomerStatus");
    assert_eq!(ragged.rejections[1].column, "(field 7)");
    let quotes = q("unbalanced_quotes.csv");
    assert_eq!(quotes.rejections[0].line, 3);
    assert!(
        quotes.warnings[0].contains("line 3: a quote is opened"),
        "{:?}",
        quotes.warnings
    );
    let numbers = q("numbers.tsv");
    assert!(
        numbers
            .warnings
            .iter()
            .any(|w| w.contains("UsageQuantity: 3 value(s) are not a number")
                && w.contains("line 2: \"1e400\"")),
        "{:?}",
        numbers.warnings
    );
    assert_eq!(
        q("invalid_utf8.tsv").encoding.as_deref(),
        Some("windows-1252")
    );
    assert_eq!(
        q("utf16le_no_bom.tsv").encoding.as_deref(),
        Some("utf-16le")
    );
}

/// A rejected row is named by the line it is on, whatever ends the lines (`\r\n` as Windows
/// writes them, `\n`, a lone `\r`), after empty lines, and whether or not the file has quotes
/// (read by the csv crate then, by `plain` otherwise).
#[test]
fn a_rejected_row_is_named_by_its_line_with_any_line_end() {
    let lines = [
        HEADER.trim_end(),
        "t1\tContoso\tJapan\tActive\tPower BI\t2025-01-01",
        "",
        "t2\tFabrikam\tJapan\tActive\tPower BI\tnot a date",
        "",
        "",
        "t3\tNAME\tJapan\tActive\tPower BI\t2025-02-01",
        "t4\tAdatum\tJapan\tActive\tPower BI\t2025-13-01",
    ];
    for end in ["\n", "\r\n", "\r"] {
        for name in ["Northwind", "\"Northwind, Ltd\""] {
            // Also after blank lines above the header.
            for above in ["", " \t", "\t \t"] {
                let head = if above.is_empty() {
                    String::new()
                } else {
                    format!("{above}{end}")
                };
                let text = head + &lines.join(end).replace("NAME", name) + end;
                let (_, q) = load("lines.tsv", text.as_bytes());
                let got: Vec<u64> = q.rejections.iter().map(|r| r.line).collect();
                let shift = u64::from(!above.is_empty());
                assert_eq!(got, [4 + shift, 8 + shift], "{text:?}");
                assert_eq!((q.rows_read, q.rows_loaded), (4, 2), "{text:?}");
            }
        }
    }
}

#[test]
fn names_that_look_like_code_are_kept_as_text() {
    let bytes = std::fs::read("tests/hostile/hostile_names.tsv").unwrap();
    let (ws, _) = load("hostile_names.tsv", &bytes);
    for name in [
        "<script>window.__probe='script'</script>",
        "<img src=x onerror=\"window.__probe='img'\">",
        "=HYPERLINK(\"http://example.invalid/?leak\",\"Click\")",
        "+cmd|' /C calc'!A0",
    ] {
        assert!(ws.store.strings.id(name).is_some(), "{name} kept verbatim");
    }
    // In an exported CSV every such cell starts with a quote character (OWASP).
    let rows = vec![
        vec!["=HYPERLINK(\"x\")".to_string()],
        vec!["-2+3".into()],
        vec!["@SUM(1)".into()],
        vec!["\tx".into()],
        vec!["\rx".into()],
        vec!["+1".into()],
    ];
    let csv = partnerlens::export::csv(&["Customer"], &rows);
    for line in csv.lines().skip(1) {
        assert!(
            line.trim_start_matches('"').starts_with('\''),
            "{line:?} in {csv:?}"
        );
    }
}
