#!/usr/bin/env bash
# Set up everything the project needs on a fresh Debian 12 machine with Python 3.11, as
# root or as a user with sudo.
#   scripts/setup.sh          the dashboard's Python environment (.venv) and Debian's
#                             chromium, which draws the PNG, SVG and PDF downloads
#   scripts/setup.sh --test   plus test tools, chromium-driver and axe-core (npm) for the
#                             browser tests, and Debian's PostgreSQL and Redis servers, which
#                             the store and cache tests start (scripts/services.sh)
# Without --test, a browser that cannot be installed (no network, no sudo) is a warning:
# the dashboard runs, and its pages say that image downloads are unavailable.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1
PYTHON="${PYTHON:-python3}"

# apt_install PACKAGE...: install Debian packages as root or through sudo.
apt_install() {
  local sudo=()
  if [ "$(id -u)" != 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "Cannot install $*: run as root or install sudo." >&2
      return 1
    fi
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq &&
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! "$PYTHON" -c "import ensurepip, venv" >/dev/null 2>&1 && [ ! -x .venv/bin/python ]; then
  echo "Installing Debian's python3-venv..."
  apt_install python3-venv
fi

if [ -z "${BROWSER_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  browser=(chromium fonts-dejavu-core)
  [ "$want_test" = 1 ] && browser+=(chromium-driver)
  echo "Installing Debian's ${browser[*]}: the browser that draws figure downloads..."
  if ! apt_install "${browser[@]}"; then
    if [ "$want_test" = 1 ]; then
      echo "Could not install chromium, which the browser tests need." >&2
      exit 1
    fi
    echo "Warning: could not install chromium; PNG, SVG and PDF downloads are unavailable" \
         "until it is installed (apt-get install chromium) or BROWSER_PATH names a browser." >&2
  fi
fi

if [ "$want_test" = 1 ]; then
  servers=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || servers+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || servers+=(redis-server)
  if [ "${#servers[@]}" -gt 0 ]; then
    echo "Installing Debian's ${servers[*]} for the store and cache tests..."
    if ! apt_install "${servers[@]}"; then
      echo "Could not install ${servers[*]}, which the store and cache tests need." >&2
      exit 1
    fi
  fi
fi

if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
if [ "$want_test" = 1 ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
else
  .venv/bin/python -m pip install -q --disable-pip-version-check -e .
fi

# axe-core, the accessibility engine the browser tests run, at the version package-lock.json
# pins, from the npm registry into node_modules/ (skipped when already installed).
if [ "$want_test" = 1 ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "Installing Debian's npm, which installs axe-core for the accessibility tests..."
    apt_install npm
  fi
  if ! npm ls --silent >/dev/null 2>&1; then
    echo "Installing axe-core from the npm registry (npm ci)..."
    if ! npm ci --no-audit --no-fund --ignore-scripts --loglevel=error; then
      echo "Could not install axe-core, which the accessibility tests need." >&2
      exit 1
    fi
  fi
fi
