"""`python -m store …` as scripts and CI call it: exit codes, stdout, the report on stderr."""

import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow  # the quick loop leaves it out (docs/testing.md)

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "store", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_cli_init_load_rollback(tmp_path):
    db = str(tmp_path / "cli.duckdb")
    assert run("init", "--db", db).returncode == 0
    good = tmp_path / "est.csv"
    good.write_text("factory_id,name_th,kind,subdistrict_code,registered_year\nF1,ก,factory,190906,2560\n", encoding="utf-8-sig")
    done = run("load", "--db", db, "--table", "establishments", str(good))
    assert done.returncode == 0, done.stderr
    assert "batch 1" in done.stdout and "1 inserted" in done.stdout and "Buddhist-era" in done.stdout

    bad = tmp_path / "bad.csv"
    bad.write_text("factory_id,name_th,kind,subdistrict_code\nF2,ข,plant,190906\n", encoding="utf-8")
    refused = run("load", "--db", db, "--table", "establishments", str(bad))
    assert refused.returncode == 1
    assert "row 2, column kind" in refused.stderr and "nothing was written" in refused.stderr
    assert "Traceback" not in refused.stderr

    assert run("rollback", "--db", db, "--batch", "1").returncode == 0
    again = run("rollback", "--db", db, "--batch", "1")
    assert again.returncode == 1 and "already" in again.stderr
    con = duckdb.connect(db, read_only=True)
    assert con.execute("select count(*) from establishments").fetchall() == [(0,)]
    con.close()


def test_cli_missing_file_is_a_clear_error(tmp_path):
    result = run("load", "--db", str(tmp_path / "x.duckdb"), "--table", "establishments", str(tmp_path / "none.csv"))
    assert result.returncode == 2 and "no such file" in result.stderr and "Traceback" not in result.stderr


def test_demo_refuses_a_database_with_real_batches_unless_forced(tmp_path):
    db = str(tmp_path / "real.duckdb")
    assert run("init", "--db", db).returncode == 0
    real = tmp_path / "est.csv"
    real.write_text("factory_id,name_th,kind,subdistrict_code\nF1,ก,factory,190906\n", encoding="utf-8-sig")
    assert run("load", "--db", db, "--table", "establishments", str(real)).returncode == 0
    refused = run("demo", "--db", db)
    assert refused.returncode == 1 and "Traceback" not in refused.stderr and refused.stderr.startswith("error:")
    with duckdb.connect(db, read_only=True) as con:
        assert con.execute("select factory_id from establishments").fetchall() == [("F1",)]  # untouched
    assert run("demo", "--db", db, "--force").returncode == 0
    with duckdb.connect(db, read_only=True) as con:
        assert con.execute("select count(*) from establishments").fetchall()[0][0] > 100
