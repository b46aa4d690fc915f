#!/usr/bin/env bash
# The README's test command, and what CI runs: installs what is missing, then runs every test:
# native (engine, CLI, integration) and browser (the built site in headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
source scripts/env.sh

echo; echo "== native tests: cargo test"
cargo test --all-targets

echo; echo "== build the site: trunk build --release"
trunk build --release

echo; echo "== build the test-only crash-probe site into target/dist-probe"
bash scripts/build-probe.sh

echo; echo "== browser tests: node --test tests/browser/"
cargo build -q --bin partnerlens --bin partnerlens-sample
node --test --test-concurrency=1 tests/browser/
