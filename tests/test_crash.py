"""Crash safety: every write path run in a real process that is killed with SIGKILL in the middle of its
write; the database then opens, and holds either all of the write or none of it.

The child says when it is inside the write (a line on stdout); the test kills it then, so the kill lands
in the transaction rather than before or after it.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow  # the quick loop leaves it out (docs/testing.md)

ROOT = Path(__file__).resolve().parents[1]
ROWS = 300_000


def child(db: Path, body: str) -> subprocess.Popen[str]:
    code = f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n" + textwrap.dedent(body).replace("DB", repr(str(db)))
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_when(proc: subprocess.Popen[str], marker: str) -> None:
    """Kill -9 the child as soon as it prints the marker (it is then inside its write)."""
    assert proc.stdout is not None
    for line in proc.stdout:
        if marker in line:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read() if proc.stderr else ""


@pytest.fixture
def base(tmp_path: Path) -> Path:
    """A database with one establishment and a big annual-reports file ready to load."""
    from store.db import init
    from store.load import load_bytes

    db = tmp_path / "crash.duckdb"
    con, _, _ = init(db)
    assert load_bytes(con, "establishments", b"factory_id,kind,subdistrict_code\nF1,factory,190906\n", "e.csv", "t").ok
    con.close()
    reports = "factory_id,year,water_use_m3,production_qty\n" + "".join(f"F1,{1900 + i % 300},{i},{i + 1}\n" for i in range(300))
    (tmp_path / "small.csv").write_text(reports, encoding="utf-8")
    ids = "factory_id,kind,subdistrict_code\n" + "".join(f"X{i},factory,191306\n" for i in range(ROWS))
    (tmp_path / "big.csv").write_text(ids, encoding="utf-8")
    return db


def counts(db: Path) -> tuple[int, int, int]:
    con = duckdb.connect(str(db))
    try:
        with con.cursor() as cur:
            establishments = cur.execute("select count(*) from establishments").fetchall()[0][0]
            batches = cur.execute("select count(*) from batches where status = 'loaded'").fetchall()[0][0]
            files = cur.execute("select count(*) from batch_files").fetchall()[0][0]
    finally:
        con.close()
    return int(establishments), int(batches), int(files)


def test_a_load_killed_mid_write_leaves_all_or_nothing(base):
    before = counts(base)
    proc = child(
        base,
        f"""
        from store.db import init
        from store.load import load_bytes
        con, _, _ = init(DB)
        data = open({str(base.parent / "big.csv")!r}, "rb").read()
        load_bytes(con, "establishments", data, "big.csv", "t", progress=lambda f, stage: print(stage, flush=True))
        print("done", flush=True)
    """,
    )
    kill_when(proc, "write")
    after = counts(base)
    assert after in (before, (before[0] + ROWS, before[1] + 1, before[2] + 1)), (before, after)


def test_a_rollback_killed_mid_write_leaves_the_batch_whole_or_gone(base):
    from store.db import init
    from store.load import load_file

    con, _, _ = init(base)
    batch = load_file(con, "establishments", base.parent / "big.csv", "t").batch_id
    con.close()
    loaded = counts(base)
    proc = child(
        base,
        f"""
        import store.load as load
        from store.db import init
        con, _, _ = init(DB)
        real = load.delete_inserted_sql
        def announced(table):
            print("inside", flush=True)  # the rollback's transaction is about to delete {ROWS} rows
            return real(table)
        load.delete_inserted_sql = announced
        load.rollback(con, {batch}, "t")
        print("done", flush=True)
    """,
    )
    kill_when(proc, "inside")
    after = counts(base)
    assert after in (loaded, (loaded[0] - ROWS, loaded[1] - 1, loaded[2])), (loaded, after)


@pytest.mark.parametrize("path", ["checklist", "criteria", "accounts"])
def test_browser_edits_killed_in_a_loop_keep_their_audit_trail_true(base, path):
    """A save writes the cell and its audit row in one transaction: whatever the kill hit, the last audit row
    of each cell says what the cell holds."""
    body = {
        "checklist": """
            from store.edits import checklist, save_checklist
            before = checklist(con, "evidence")
            for i in range(10_000):
                after = before.copy()
                after.loc[after.index[i % 5], "reference"] = f"ref {i}"
                save_checklist(con, "evidence", before, after, "t")
                before = after
                print("saved", flush=True)
        """,
        "criteria": """
            from store.edits import update_criterion
            for i in range(10_000):
                update_criterion(con, "19.1.1", float(30 + i % 7), True, f"reason {i}", "t")
                print("saved", flush=True)
        """,
        "accounts": """
            from store import accounts, sessions
            accounts.add_user(con, "ana", "analyst", "t")
            for i in range(10_000):
                accounts.set_active(con, "ana", True, by=f"on {i}")
                with con.cursor() as cur:  # a sign-in: a live session, marked with its turn and the password it was made under
                    held = cur.execute("select password_hash from users where username = 'ana'").fetchall()[0][0]
                sessions.create(con, "ana", client=f"{i} {held}")
                if i % 2:
                    accounts.set_active(con, "ana", False, by=f"end {i}")  # switched off: the session ends with it
                else:
                    accounts.reset_password(con, "ana", by=f"end {i}")  # a new one-time password: the session ends with it
                print("saved", flush=True)
        """,
    }[path]
    proc = child(base, "from store.db import init\ncon, _, _ = init(DB)\n" + textwrap.dedent(body))
    assert proc.stdout is not None
    for seen, _ in enumerate(proc.stdout):
        if seen == 25:  # in the middle of a busy loop of saves
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait(timeout=120)
    con = duckdb.connect(str(base))
    try:
        with con.cursor() as cur:
            if path == "checklist":
                last = cur.execute(
                    "select row_key, after_value from checklist_edits where edit_id in"
                    " (select max(edit_id) from checklist_edits group by row_key, column_name)"
                ).fetchall()
                for key, value in last:
                    fy, code, item = key.split("/")
                    held = cur.execute(
                        "select reference from evidence where fiscal_year = $f and indicator_code = $c and item_no = $i",
                        {"f": int(fy), "c": code, "i": int(item)},
                    ).fetchall()
                    assert held == [(value,)], key
            elif path == "criteria":
                threshold = cur.execute("select threshold from criteria where version = 'diw-2562' and code = '19.1.1'").fetchall()[0][0]
                last = cur.execute("select threshold_after from criteria_changes order by change_id desc limit 1").fetchall()
                assert last and last[0][0] == threshold
            else:
                active, held = cur.execute("select active, password_hash from users where username = 'ana'").fetchall()[0]
                made = sorted(
                    (int(c.split()[0]), c.split()[1], by) for c, by in cur.execute("select client, revoked_by from sessions").fetchall()
                )
                assert len(made) >= 20, made  # sessions were live to be ended: the checks below can fail
                *ended, (last, made_under, last_by) = made
                assert [by for _, _, by in ended] == [f"end {i}" for i, _, _ in ended], ended  # each ended by the change after it
                if last_by is None:  # killed before the last sign-in's change committed: none of it may have landed
                    assert active and made_under == held, (active, made_under, held)
                else:
                    assert last_by == f"end {last}", (last, last_by)
    finally:
        con.close()
