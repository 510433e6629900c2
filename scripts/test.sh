#!/usr/bin/env bash
# Set up (if needed, chromium, axe-core, PostgreSQL and Redis included) and run the whole
# test suite plus the linter and the type checker. PostgreSQL and Redis are started for the
# tests in a throw-away folder and stopped at the end (scripts/services.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/ruff check .
.venv/bin/mypy
source scripts/services.sh
trap stop_services EXIT
start_services
DASHBOARD_REQUIRE_SERVICES=1 .venv/bin/python -m pytest -n 2 "$@"
