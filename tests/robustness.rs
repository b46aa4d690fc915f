//! Whatever the bytes, loading never panics and every row read is either loaded or rejected
//! (inputs.md "Bad input"). Deterministic mutations of real-shaped files; not a fuzzer (that is
//! issue 7's), but it runs on every `cargo test`.

use partnerlens::sample::{generate, Options};
use partnerlens::Workspace;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const SPECIAL: &[&[u8]] = &[
    b"\t",
    b",",
    b";",
    b"\"",
    b"\r\n",
    b"\n",
    b"\x00",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xe9",
    b"NULL",
    b"1e400",
    b"NaN",
    b"-",
    b"9999-12-31",
    b"0000-01-01",
    b"13/45/2025",
    b"{",
    b"[",
    b"]",
    b"}",
    b"\"\"",
];

fn mutate(r: &mut Rng, base: &[u8]) -> Vec<u8> {
    let mut v = base.to_vec();
    for _ in 0..1 + r.below(6) {
        if v.is_empty() {
            v.push(b'x');
        }
        let at = r.below(v.len());
        match r.below(5) {
            0 => v[at] = r.next() as u8,
            1 => v.truncate(at),
            2 => {
                let s = SPECIAL[r.below(SPECIAL.len())];
                v.splice(at..at, s.iter().copied());
            }
            3 => {
                let end = (at + r.below(40)).min(v.len());
                v.drain(at..end);
            }
            _ => {
                let end = (at + r.below(200)).min(v.len());
                let chunk: Vec<u8> = v[at..end].to_vec();
                let to = r.below(v.len());
                v.splice(to..to, chunk);
            }
        }
    }
    v
}

#[test]
fn mutated_files_never_panic_and_every_row_is_accounted_for() {
    let o = Options {
        customers: 6,
        months: 4,
        ..Default::default()
    };
    let files = generate(&o);
    let mut r = Rng(0x5eed_1234_abcd_ef01);
    let mut loaded_some = 0;
    for round in 0..1500 {
        let (name, bytes) = &files[round % files.len()];
        // Keep inputs small so the test stays fast: the first ~3 kB of each file.
        let head = &bytes[..bytes.len().min(3000)];
        let input = mutate(&mut r, head);
        let mut ws = Workspace::new();
        ws.add_file(name, &input);
        ws.add_file("again", &input);
        let report = ws
            .report(None, None)
            .expect("range of loaded data resolves");
        for f in &report.quality.files {
            assert_eq!(
                f.rows_read,
                f.rows_loaded + f.rows_rejected,
                "round {round} {name}"
            );
            assert!(f.rejections.len() as u64 <= f.rows_rejected);
        }
        let json = report.to_json();
        assert!(
            serde_json::from_str::<serde_json::Value>(&json).is_ok(),
            "round {round}"
        );
        loaded_some += ws.has_data() as usize;
    }
    assert!(
        loaded_some > 500,
        "mutations should leave many files loadable, got {loaded_some}"
    );
}

#[test]
fn hostile_shapes() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.tsv", vec![]),
        ("header.tsv", b"CustomerTenantId\tCustomerStatus\tMonth\n".to_vec()),
        ("unbalanced.csv", b"CustomerTenantId,CustomerStatus,Month\n\"A,Active,2025-01-01\nB,Active,2025-01-01\n".to_vec()),
        ("ragged.tsv", b"CustomerTenantId\tCustomerStatus\tMonth\nA\tActive\nB\tActive\t2025-01-01\tx\ty\n".to_vec()),
        ("wide.tsv", { let mut v: Vec<u8> = (0..10_000).map(|i| format!("c{i}\t")).collect::<String>().into_bytes(); v.extend_from_slice(b"CustomerTenantId\tCustomerStatus\tMonth\n"); v }),
        ("deep.json", format!("{}{}", "[".repeat(5000), "]".repeat(5000)).into_bytes()),
        ("object.json", br#"{"items": 5}"#.to_vec()),
        ("scalars.json", br#"[1, "x", null, {"customerTenantId": "A", "licensesActive": "3", "processedDateTime": "2025-01-01"}]"#.to_vec()),
        ("long-line.tsv", { let mut v = b"CustomerTenantId\tCustomerStatus\tMonth\nA\tActive\t".to_vec(); v.extend(std::iter::repeat_n(b'9', 10_000_000)); v }),
    ];
    for (name, bytes) in cases {
        let mut ws = Workspace::new();
        let q = ws.add_file(name, &bytes).clone();
        assert_eq!(q.rows_read, q.rows_loaded + q.rows_rejected, "{name}");
        assert!(
            q.rejections.iter().all(|r| r.value.len() < 200),
            "{name}: long values are clipped"
        );
        let _ = ws.report(None, None);
        match name {
            "empty.tsv" => assert!(q.error.unwrap().contains("empty")),
            "header.tsv" => assert!(q.error.unwrap().contains("only a header")),
            "ragged.tsv" => assert_eq!((q.rows_loaded, q.rows_rejected), (0, 2)),
            "deep.json" => assert!(q.error.unwrap().contains("not valid JSON")),
            "object.json" => assert!(q.error.unwrap().contains("list of records")),
            "scalars.json" => assert_eq!((q.rows_read, q.rows_loaded, q.rows_rejected), (4, 1, 3)),
            "long-line.tsv" => assert_eq!(q.rows_rejected, 1),
            _ => {}
        }
    }
}
