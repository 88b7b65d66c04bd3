#!/usr/bin/env bash
# Set up and start the dashboard. The database is $EIT_DB (default data/eit.duckdb); on first run
# it is created and filled with the synthetic demo data set.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh requirements.txt
export EIT_DB="${EIT_DB:-data/eit.duckdb}"
if [ ! -f "$EIT_DB" ]; then
  echo "No database at $EIT_DB yet: building it from the demo data set …"
  .venv/bin/python -m store init --db "$EIT_DB"
  .venv/bin/python -m store demo --db "$EIT_DB"
  # Demo data is synthetic, so the demo dashboard opens for reading without sign-in.
  .venv/bin/python -m store access --db "$EIT_DB" --public-read on --by "run-app.sh (demo)"
fi
.venv/bin/python -m ui.static_assets >/dev/null
# Loopback only unless told otherwise: put the app behind a reverse proxy (SECURITY.md), or set
# EIT_ADDRESS=0.0.0.0 knowingly.
exec .venv/bin/streamlit run server.py --server.address "${EIT_ADDRESS:-127.0.0.1}" "$@"
