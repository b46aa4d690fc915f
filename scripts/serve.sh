#!/usr/bin/env bash
# The README's serve command: installs what is missing, builds, and serves dist/ on
# http://127.0.0.1:${PORT:-8080}/ ; the page opens with the bundled sample data.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
port="${PORT:-8080}"
echo
echo "Partnerlens: http://127.0.0.1:$port/   (Ctrl-C stops)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory dist
