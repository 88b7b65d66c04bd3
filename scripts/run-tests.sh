#!/usr/bin/env bash
# Set up and run the whole test suite: system packages for the browser tests (Debian's Chromium and
# Thai fonts), the venv, then pytest. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi garuda; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-thai-tlwg >/dev/null
  else
    echo "Browser tests need Debian's chromium and fonts-thai-tlwg: sudo apt-get install chromium fonts-thai-tlwg" >&2
  fi
fi
scripts/setup.sh requirements-dev.txt
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if [ "$rc" = "5" ]; then
  echo "pytest collected no tests" >&2
fi
exit "$rc"
