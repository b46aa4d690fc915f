//! Whatever the bytes, loading never panics and every row read is either loaded or rejected
//! (inputs.md "Bad input"). Deterministic mutations of real-shaped files; not a fuzzer (`fuzz/`
//! is), but it runs on every `cargo test`.

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
