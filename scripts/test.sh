#!/usr/bin/env bash
# Set up (if needed, chromium and axe-core included) and run the whole test suite plus the
# linter and the type checker.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/ruff check .
.venv/bin/mypy
exec .venv/bin/python -m pytest -n 2 "$@"
