#!/usr/bin/env bash
# Builds the site into dist/ (release, offline) and prints the size of the wasm and JS.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
trunk build --release "$@"
