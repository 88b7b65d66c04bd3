#!/usr/bin/env bash
# Set up and run the whole test suite: system packages for the browser tests (Debian's Chromium and
# Thai fonts), the venv, then pytest (in parallel, see pyproject.toml and docs/testing.md). Extra arguments go to pytest.
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
# CI keeps a screenshot of every page the browser tests visit (tests/artifacts/); a plain local pytest takes none.
export EIT_SCREENSHOTS="${EIT_SCREENSHOTS:-1}"
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if [ "$rc" = "5" ]; then
  echo "pytest collected no tests" >&2
fi
exit "$rc"
