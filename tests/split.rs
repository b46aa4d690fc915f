//! A file parsed in two parts by two engines and joined (issue 6, `split`) gives the same
//! report, byte for byte, as the file read whole: rows, names, counts, rejections with their
//! lines, warnings, identical rows of earlier files. Cut at many points of many files.

use partnerlens::split::{plan, Part};
use partnerlens::Workspace;
use std::path::Path;

/// The report of `earlier` files, then `name` read whole.
fn whole(earlier: &[(String, Vec<u8>)], name: &str, bytes: &[u8]) -> String {
    let mut ws = Workspace::new();
    for (n, b) in earlier {
        ws.add_file(n, b);
    }
    ws.add_file(name, bytes);
    ws.report(None, None)
        .map(|r| r.to_json())
        .unwrap_or_else(|e| e)
}

/// The two parts of a file cut at the first line end from byte `from` on, as the workers make
/// them: the second read after the prefix, sent as bytes, its lines numbered on by the first.
fn parts(name: &str, bytes: &[u8], from: usize) -> Option<Result<(Part, Part), String>> {
    let plan = plan(bytes, from)?;
    let first = Part::load(name, &bytes[..plan.cut], bytes.len(), &mut |_, _| {});
    let mut rest = plan.prefix.clone();
    rest.extend_from_slice(&bytes[plan.cut..]);
    let second = Part::load(name, &rest, 0, &mut |_, _| {});
    let mut second = match Part::from_bytes(&second.to_bytes()) {
        Ok(p) => p,
        Err(e) => return Some(Err(e)),
    };
    // The worker numbers them on from the first part's line ends, counted as it was read.
    let offset = first.line_offset(&bytes[..plan.cut], &plan.prefix);
    assert_eq!(offset, plan.line_offset, "{name} cut at {}", plan.cut);
    second.shift_lines(offset);
    Some(Ok((first, second)))
}

/// The same with `name` cut at the first line end from byte `from` on; `None` when it is not
/// cut there or its parts do not join (the worker then reads it whole).
fn parted(
    earlier: &[(String, Vec<u8>)],
    name: &str,
    bytes: &[u8],
    from: usize,
) -> Option<Result<String, String>> {
    let mut ws = Workspace::new();
    for (n, b) in earlier {
        ws.add_file(n, b);
    }
    let (id, start) = (ws.files.len() as u16, ws.store.len());
    let (first, second) = match parts(name, bytes, from)? {
        Ok(p) => p,
        Err(e) => return Some(Err(e)),
    };
    if ws.add_file_parts(first, second).is_none() {
        // Refused (the halves read differently): the worker then loads the file whole.
        return None;
    }
    assert!(
        ws.store.file[start..].iter().all(|f| *f == id),
        "the joined rows are the file's"
    );
    Some(Ok(ws
        .report(None, None)
        .map(|r| r.to_json())
        .unwrap_or_else(|e| e)))
}

/// Cuts `bytes` at heads of every 1/13th of the file: each cut that has a plan must join and
/// give the whole file's report. Returns how many cuts did.
fn check(earlier: &[(String, Vec<u8>)], name: &str, bytes: &[u8]) -> usize {
    let want = whole(earlier, name, bytes);
    let mut cuts = 0;
    for k in 1..13 {
        let head = bytes.len() * k / 13;
        match parted(earlier, name, bytes, head) {
            None => {}
            Some(Ok(got)) => {
                assert!(
                    got == want,
                    "{name} cut after {head} bytes: the report differs"
                );
                cuts += 1;
            }
            Some(Err(e)) => panic!("{name} cut after {head} bytes: {e}"),
        }
    }
    cuts
}

fn read(path: &str) -> (String, Vec<u8>) {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let name = p.file_name().unwrap().to_string_lossy().to_string();
    (name, std::fs::read(&p).unwrap())
}

#[test]
fn every_fixture_cut_anywhere_equals_the_whole_file() {
    let mut files = Vec::new();
    for dir in ["tests/fixtures", "tests/hostile", "public/sample"] {
        let d = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() && p.file_name().is_some_and(|n| n != "manifest.json") {
                let rel = p.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap();
                files.push(read(&rel.to_string_lossy()));
            }
        }
    }
    let mut cut = 0;
    for (name, bytes) in &files {
        cut += check(&[], name, bytes);
    }
    // The sample's and the fixtures' TSVs have no quotes: most of their cuts have a plan.
    assert!(cut >= 40, "only {cut} cuts were tried");
}

/// A customers file with the awkward cases spread over both halves: CRLF line ends, blank
/// lines before the header and between rows, rows with too few fields, unreadable numbers and
/// dates, rows without any customer, more than 100 rejections in all, quotes after the cut.
fn awkward(rows: usize) -> Vec<u8> {
    let mut t = String::from("\r\n\t\t\r\n");
    t.push_str("CustomerTenantId\tCustomerName\tCustomerStatus\tCustomerMarket\tProduct\tSKU\tMonth\tIsDuplicateRowForPGA\r\n");
    for i in 0..rows {
        let month = 1 + i % 12;
        match i % 17 {
            3 => t.push_str(&format!("T-{}\tShort row\tActive\r\n", i % 50)),
            5 => t.push_str(&format!(
                "T-{}\tBad date\tActive\tGermany\tOffice\tE3\t20xx-{month:02}\t0\r\n",
                i % 50
            )),
            7 => t.push_str(&format!(
                "\t\tActive\tFrance\tOffice\tE1\t2025-{month:02}-01\t0\r\n"
            )),
            9 => t.push_str(&format!(
                "T-{}\tOdd flag\tActive\tFrance\tOffice\tE1\t2025-{month:02}-01\tmaybe\r\n",
                i % 50
            )),
            11 => t.push_str("\t\t\t\r\n"),
            // A quote opened and not closed on its line (read line by line), after the cut.
            12 if i > rows * 3 / 4 && i < rows * 3 / 4 + 17 => t.push_str(&format!(
                "T-{}\tUnclosed\t\"Active\tJapan\tTeams\tT1\t2025-{month:02}-01\t0\r\n",
                i % 50
            )),
            13 if i > rows / 2 => t.push_str(&format!(
                "T-{}\t\"Quoted, Name\"\tActive\tJapan\tTeams\tT1\t2025-{month:02}-01\t0\r\n",
                i % 50
            )),
            _ => t.push_str(&format!(
                "T-{}\tName {}\t{}\t{}\tProduct {}\tSKU {}\t2025-{month:02}-01\t{}\r\n",
                i % 50,
                i % 50,
                if i % 5 == 0 { "Suspended" } else { "Active" },
                ["Germany", "France", "Japan"][i % 3],
                i % 4,
                i % 6,
                (i % 19 == 0) as u8
            )),
        }
    }
    t.into_bytes()
}

#[test]
fn awkward_rows_on_both_sides_of_the_cut() {
    let bytes = awkward(3000);
    let mut ws = Workspace::new();
    let q = ws.add_file("c.tsv", &bytes);
    assert!(
        q.warnings.iter().any(|w| w.contains("a quote is opened")),
        "{:?}",
        q.warnings
    );
    assert!(q.rows_rejected > 100, "more rejections than are listed");
    assert!(check(&[], "CustomersAndTenants.tsv", &bytes) >= 6);
}

#[test]
fn rows_identical_to_an_earlier_file_are_found_in_both_parts() {
    let bytes = awkward(1500);
    let earlier = vec![("earlier.tsv".to_string(), awkward(900))];
    assert!(check(&earlier, "CustomersAndTenants.tsv", &bytes) >= 6);
}

#[test]
fn a_utf8_bom_is_kept_with_the_header() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(awkward(800));
    assert!(check(&[], "CustomersAndTenants.tsv", &bytes) >= 6);
}

#[test]
fn no_plan_where_a_record_could_span_the_cut() {
    let bytes = awkward(800);
    let half = bytes.len() / 2;
    assert!(plan(&bytes, half).is_some());
    // A quote before the cut (after it, see `awkward`, is fine).
    let mut quoted = bytes.clone();
    quoted[half / 2] = b'"';
    assert_eq!(plan(&quoted, half), None);
    // In the header.
    let text =
        String::from_utf8(bytes.clone())
            .unwrap()
            .replacen("CustomerName", "\"Customer\nName\"", 1);
    assert_eq!(plan(text.as_bytes(), half), None);
    // JSON; a file without a line end after the point.
    assert_eq!(plan(b"[{\"a\":1},\n{\"a\":2},\n", 5), None);
    assert_eq!(plan(&bytes[..bytes.len() - 2], bytes.len() - 3), None);
}

/// `parts` of a file that must be cut.
fn cut(bytes: &[u8]) -> (Part, Part) {
    parts("c.tsv", bytes, bytes.len() / 2)
        .expect("a plan")
        .expect("parts")
}

#[test]
fn halves_in_different_encodings_do_not_join() {
    // A Windows-1252 byte before the cut, or after it: the whole file reads as Windows-1252,
    // one half as UTF-8.
    for at in [0.25, 0.75] {
        let mut bytes = awkward(800);
        let i = (bytes.len() as f64 * at) as usize;
        bytes[i] = 0xE9;
        let (first, second) = cut(&bytes);
        assert!(!first.joins(&second));
        assert_eq!(check(&[], "c.tsv", &bytes), 0, "no cut joins");
    }
}

#[test]
fn parts_that_do_not_join_are_refused_and_the_file_loads_whole() {
    // Invalid UTF-8 after the cut: the whole file is Windows-1252, the first part UTF-8.
    let mut bytes = awkward(800);
    let n = bytes.len();
    bytes[n - 40] = 0xE9;
    let (first, second) = cut(&bytes);
    let mut ws = Workspace::new();
    assert!(ws.add_file_parts(first, second).is_none());
    assert!(
        ws.files.is_empty() && !ws.has_data(),
        "nothing loaded from refused parts"
    );
    // Damaged bytes are refused, never read as rows.
    let (part, _) = cut(&bytes);
    let good = part.to_bytes();
    assert!(Part::from_bytes(&good).is_ok());
    assert!(Part::from_bytes(&good[..good.len() - 3]).is_err());
    let mut longer = good.clone();
    longer.push(0);
    assert!(Part::from_bytes(&longer).is_err());
    assert!(Part::from_bytes(b"not a part").is_err());
}
