#!/usr/bin/env bash
# Coverage-guided fuzzing (issue 7): `bash scripts/fuzz.sh [RUNS]` runs each target (load, date,
# number) for RUNS executions (default 10,000,000) and prints executions, time and the result.
# Needs rustup's nightly toolchain and cargo-fuzz (installed here when missing). A crash stops
# the script with libFuzzer's report; its input is in fuzz/artifacts/TARGET/, and it becomes a
# regression test in tests/hostile.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10000000}"
rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
# Seeds: the small real-shaped fixtures and the bundled sample files (cut to 4 KB) for the
# loader; hand-written cells for the parsers (fuzz/seeds/).
mkdir -p fuzz/corpus/load fuzz/corpus/date fuzz/corpus/number
for f in tests/fixtures/*.tsv tests/fixtures/*.json tests/fixtures/licenses/* public/sample/*.tsv public/sample/*.json; do
  head -c 4096 "$f" > "fuzz/corpus/load/seed-$(basename "$f")"
done
cp fuzz/seeds/date/* fuzz/corpus/date/
cp fuzz/seeds/number/* fuzz/corpus/number/
cd fuzz
cargo +nightly fuzz build -O --sanitizer none --no-trace-compares
for target in load date number; do
  case "$target" in load) max=4096 ;; *) max=256 ;; esac
  start=$(date +%s)
  cargo +nightly fuzz run -O --sanitizer none --no-trace-compares "$target" "corpus/$target" -- -runs="$runs" -max_len="$max" -print_final_stats=1 2>"../target/fuzz-$target.log" || {
    tail -40 "../target/fuzz-$target.log"; echo "fuzz $target: CRASH (see above)"; exit 1; }
  done_runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "../target/fuzz-$target.log" | grep -o '[0-9]*$')
  echo "fuzz $target: $done_runs executions in $(( $(date +%s) - start )) s, no crash"
done
