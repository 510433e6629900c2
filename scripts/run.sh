#!/usr/bin/env bash
# Set up (if needed: the Python environment and Debian's chromium, which draws the PNG, SVG
# and PDF downloads) and serve the dashboard on its embedded data at http://127.0.0.1:8050
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/dashboard serve --host 127.0.0.1 --port 8050 "$@"
