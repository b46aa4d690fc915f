#!/usr/bin/env bash
# Builds the test-only site into target/dist-probe: the app with the `crash-probe` feature, where
# a file named crash-probe.tsv makes the engine panic and crash-probe-page.tsv the page
# (tests/browser/crash.test.mjs). Never shipped: dist/ is built without it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trap 'rm -f probe.html' EXIT
sed 's/data-cargo-features="web"/data-cargo-features="web,crash-probe"/g' index.html > probe.html
grep -q 'crash-probe' probe.html
trunk build --release --dist target/dist-probe probe.html
