"""The SQL files' habits, checked: sqlfluff (.sqlfluff: DuckDB, lowercase, $name parameters) over every query and
macro in sql/, the indicator family queries unordered (the rows shown are sorted by the engine, metrics.registry
SHOWN_ORDER), and the macros in sql/macros/ rather than in migrations.

The numbered migrations in sql/schema/ are not linted: an applied migration is never edited, and the older ones
were written before these rules.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from metrics.registry import SHOWN_ORDER
from store.db import MACRO_DIR, init
from store.families import FAMILIES

pytestmark = pytest.mark.slow  # the quick loop leaves it out (docs/testing.md)

ROOT = Path(__file__).resolve().parents[1]
SQL = ROOT / "sql"


def linted_folders() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in SQL.iterdir() if p.is_dir() and p.name != "schema")


def test_sqlfluff_passes_over_sql():
    done = subprocess.run(
        [sys.executable, "-m", "sqlfluff", "lint", *linted_folders(), "--format", "json", "--processes", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    found = json.loads(done.stdout)
    assert len(found) >= len(list(SQL.glob("indicators/*.sql"))), "sqlfluff read no file"
    problems = [f"{f['filepath']}:{v['start_line_no']} {v['code']} {v['description']}" for f in found for v in f["violations"]]
    assert not problems, "\n".join(problems)
    assert done.returncode == 0, done.stderr[-2000:]


def test_family_queries_are_unordered_and_each_has_its_shown_order():
    for name in FAMILIES:
        text = (SQL / "indicators" / f"{name}.sql").read_text(encoding="utf-8")
        code = "\n".join(line.split("--", 1)[0] for line in text.splitlines())
        while re.search(r"\([^()]*\)", code):  # what is inside brackets (an aggregate may order its values) goes
            code = re.sub(r"\([^()]*\)", "", code)
        assert not re.search(r"\border\s+by\b", code, re.IGNORECASE), name
        assert SHOWN_ORDER[name], name
    assert set(SHOWN_ORDER) == set(FAMILIES)


def test_macros_live_in_their_own_files_and_init_creates_them(tmp_path: Path):
    macros = {p.stem for p in MACRO_DIR.glob("*.sql")}
    assert {"factory_populations", "valid_certificates_in"} <= macros
    for path in MACRO_DIR.glob("*.sql"):
        assert re.search(rf"create or replace macro {path.stem}\(", path.read_text(encoding="utf-8")), path.name
    for _ in range(2):  # a second init replaces them: create or replace, idempotent
        con, _, _ = init(tmp_path / "eit.duckdb")
        try:
            made = {
                r[0] for r in con.execute("select function_name from duckdb_functions() where function_type = 'table_macro'").fetchall()
            }
            assert macros <= made
        finally:
            con.close()
    con = duckdb.connect(str(tmp_path / "eit.duckdb"))
    try:
        assert con.execute("select count(*) from factory_populations([2024])").fetchall() == [(0,)]
    finally:
        con.close()
