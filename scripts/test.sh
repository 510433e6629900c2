#!/usr/bin/env bash
# Set up (if needed, chromium included) and run the whole test suite plus the linter.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/ruff check .
exec .venv/bin/python -m pytest -n 2 "$@"
