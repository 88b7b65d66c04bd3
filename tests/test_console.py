"""The SQL console: the guard (one SELECT over data tables; no writes, files, URLs or internal tables; sizes as
values) and the worker process that runs a query under memory, CPU and wall-clock limits, never in the caller."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import pickle
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import duckdb
import pytest

from console import guard, worker
from console.catalogue import EXAMPLES, schema
from console.guard import INTERNAL_TABLES, READABLE, QueryRefused, check, connect_read_only, harden
from console.messages import pair
from console.worker import execute, run_query
from tests.apps import add_accounts, app_as, cli
from tests.conftest import SHIPPED_INDICATORS

ROOT = Path(__file__).resolve().parents[1]
RUNAWAY = "select sum(range) from range(1000000000000)"  # streamed: time without memory

# Every statement kind that is not a SELECT, each refused whatever it would do.
STATEMENTS = {
    "ATTACH": "attach '/tmp/elsewhere.duckdb' as elsewhere",
    "COPY": "copy establishments to '/tmp/establishments.csv'",
    "EXPORT": "export database '/tmp/eit_export'",
    "IMPORT": "import database '/tmp/eit_export'",
    "INSTALL": "install httpfs",
    "LOAD": "load httpfs",
    "UPDATE EXTENSIONS": "update extensions",
    "SET": "set enable_external_access = true",
    "RESET": "reset lock_configuration",
    "SET VARIABLE": "set variable stolen = (select 1)",
    "USE": "use memory",
    "PRAGMA": "pragma enable_profiling",
    "CALL": "call pragma_version()",
    "CREATE": "create table stolen as select * from users",
    "CREATE SECRET": "create secret (type s3, key_id 'x', secret 'y')",
    "INSERT": "insert into subdistricts values ('999999', 'x', 'x', 'x', 'x', 1)",
    "UPDATE": "update indicators set threshold = 0",
    "DELETE": "delete from batches",
    "MERGE": "merge into indicators using indicators as i on true when matched then delete",
    "DROP": "drop table establishments",
    "ALTER": "alter table establishments add column note varchar",
    "COMMENT": "comment on table establishments is 'x'",
    "CHECKPOINT": "checkpoint",
    "FORCE CHECKPOINT": "force checkpoint",
    "DETACH": "detach elsewhere",
    "TRANSACTION": "begin transaction",
    "COMMIT": "commit",
    "VACUUM": "vacuum",
    "ANALYZE": "analyze",
    "EXPLAIN": "explain select 1",
    "EXPLAIN ANALYZE": "explain analyze select nextval('batch_id_seq')",
    "PREPARE": "prepare p as select 1",
    "PIVOT": "pivot establishments on kind",
}

# SELECTs that would reach files, URLs or extensions, or change something: (query, the rule that refuses it).
FUNCTIONS = {
    "read_csv": ("select * from read_csv('/etc/passwd')", "query_no_external_access"),
    "read_csv_auto": ("select * from read_csv_auto('/etc/passwd')", "query_no_external_access"),
    "read_text": ("select * from read_text('/etc/passwd')", "query_no_external_access"),
    "read_blob": ("select * from read_blob('/etc/passwd')", "query_no_external_access"),
    "glob": ("select * from glob('/etc/*')", "query_no_external_access"),
    "read_parquet": ("select * from read_parquet('/tmp/x.parquet')", "query_no_external_access"),
    "read_json": ("select * from read_json('/tmp/x.json')", "query_no_external_access"),
    "sniff_csv": ("select * from sniff_csv('/etc/passwd')", "query_no_external_access"),
    "a URL": ("select * from read_csv('https://example.com/data.csv')", "query_no_external_access"),
    "a path as a table": ("select * from '/etc/passwd'", "query_no_external_access"),
    "a URL as a table": ("from 'https://example.com/data.parquet'", "query_no_external_access"),
    "a file reader in a subquery": ("select (select count(*) from read_text('/etc/hostname'))", "query_no_external_access"),
    "query_table": ("select * from query_table('users')", "query_table_function"),
    "query": ("select * from query('select * from users')", "query_table_function"),
    "checkpoint()": ("select * from checkpoint()", "query_table_function"),
    "force_checkpoint()": ("select * from force_checkpoint()", "query_table_function"),
    "enable_logging()": ("select * from enable_logging()", "query_table_function"),
    "pragma_storage_info": ("select * from pragma_storage_info('establishments')", "query_table_function"),
    "pandas_scan": ("select * from pandas_scan(0)", "query_table_function"),
    "duckdb_settings": ("select * from duckdb_settings()", "query_table_function"),
    "duckdb_secrets": ("select * from duckdb_secrets()", "query_table_function"),
    "nextval": ("select nextval('batch_id_seq')", "query_side_effect"),
    "NEXTVAL in a CTE": ("with n as (select NEXTVAL('batch_id_seq') as id) select * from n", "query_side_effect"),
    "nextval as a method": ("select 'edit_id_seq'.nextval()", "query_side_effect"),
    "setval": ("select setval('batch_id_seq', 1000)", "query_side_effect"),
    "sleep_ms": ("select sleep_ms(100000)", "query_side_effect"),
    "current_setting": ("select current_setting('temp_directory')", "query_settings"),
    "pg_settings": ("select * from pg_catalog.pg_settings", "query_settings"),
    # Values DuckDB builds in one piece, out of reach of interrupt(): 20 GB and 68 s for the first (measured).
    "a billion-element list": ("select len(range(1000000000))", "query_too_big"),
    "a megabyte string per row": ("select repeat('x', 1000000) from range(500)", "query_too_big"),
    "a size computed at run time": ("select repeat('x', n) from (select 5 as n)", "query_too_big"),
    "sizes that add up": ("select repeat(repeat('x', 60000), 60000)", "query_too_big"),
    "a huge pad": ("select lpad('x', 100000000, ' ')", "query_too_big"),
    "a huge printf width": ("select printf('%1000000d', 1)", "query_too_big"),
    "a width from an argument": ("select format('{:{}}', 'x', 1000000000)", "query_too_big"),
    "a list of dates": ("select range(date '2020-01-01', date '2021-01-01', interval 1 day)", "query_too_big"),
}

# The internal tables in many spellings; none may be read, described or summarised.
INTERNAL = [
    "select * from users",
    'select password_hash from "users"',
    "select * from USERS",
    "select * from main.users",
    "select * from {catalog}.main.users",
    "select * from (select * from users)",
    "with u as (select * from users) select * from u",
    "select 1 where exists (select password_hash from users)",
    "select (select max(password_hash) from users)",
    "select e.factory_id from establishments as e join users as u on true",
    "select 'x' union all select password_hash from users",
    "from users select password_hash",
    "table users",
    "show users",
    "describe users",
    "summarize users",
    "select * from settings",
    "select * from sessions",
    "select * from signin_attempts",
    "select * from batch_files",
    "select * from checklist_edits",
    "select * from criteria_changes",
    "select * from schema_migrations",
    "select * from establishments_history",
    'select * from "Evidence_History"',
    "with users as (select 1 as x) select * from users",
]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


FAKE_HASH = "$2b$12$" + "Q7sV0cM9rXb1LkZp3TgH2eu" + "W4yN8dJ6fA5hC0iK2mO7qR9sT1vX3zY"  # bcrypt-shaped, 60 characters
SECRET_SETTING = "console-leak-check-7f3a9c1e5b"


@pytest.fixture(scope="module")
def seeded(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database with an account's password hash and a secret setting, so that a leak would show."""
    path = tmp_path_factory.mktemp("console") / "seeded.duckdb"
    shutil.copy(demo_db, path)
    with duckdb.connect(str(path)) as con:
        con.execute("insert into users (username, role, password_hash) values ('leak_check', 'admin', $h)", {"h": FAKE_HASH})
        con.execute("insert into settings (key, value, changed_by) values ('leak_check', $v, 'tests')", {"v": SECRET_SETTING})
    return path


@pytest.fixture
def database(seeded: Path, tmp_path: Path) -> Path:
    """A private copy, never the shared fixture file."""
    path = tmp_path / "console.duckdb"
    shutil.copy(seeded, path)
    return path


@pytest.fixture
def app_con(database: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The app's situation: one read-write connection for the process, hardened at start."""
    con = duckdb.connect(str(database))
    harden(con)
    yield con
    con.close()


def refused(con: duckdb.DuckDBPyConnection, sql: str, serialize: guard.Serializer | None = None) -> QueryRefused:
    """The guard's refusal of sql, checked on a cursor of con (the first layer, without running anything)."""
    with con.cursor() as cur, pytest.raises(QueryRefused) as caught:
        check(cur, sql, serialize)
    return caught.value


def ran(con: duckdb.DuckDBPyConnection, sql: str, max_rows: int = 5000) -> worker.QueryResult:
    """What the worker's own function answers on con, run here: for the many queries whose limits do not matter."""
    return worker.QueryResult(**execute(con, sql, max_rows, 1 << 30))


def in_worker(db: Path, sql: str, **limits: Any) -> QueryRefused:
    with pytest.raises(QueryRefused) as caught:
        run_query(db, sql, **limits)
    return caught.value


def resident_mb() -> float:
    with open("/proc/self/statm", "rb") as statm:
        return int(statm.read().split()[1]) * 4096 / (1 << 20)


def sequences(path: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("select sequence_name, last_value from duckdb_sequences() order by 1").fetchall()


def nested_repeat(depth: int) -> str:
    sql = "'x'"
    for _ in range(depth):
        sql = f"repeat({sql}, 2)"
    return f"select length({sql})"


def doubling_through_subqueries(depth: int) -> str:
    """A text that doubles at every level through a subquery's column: no size-making function, so the guard
    cannot see it grow; 30 levels make 1 GiB. Only the worker's limits stop it."""
    sql = "select 'x' as s"
    for _ in range(depth):
        sql = f"select s || s as s from ({sql})"
    return f"select length(s) from ({sql})"


@pytest.mark.slow
def test_refusals_write_nothing_and_the_check_would_see_a_write(database: Path, tmp_path: Path) -> None:
    before, seqs = sha256(database), sequences(database)
    con = duckdb.connect(str(database))
    harden(con)
    for name, sql in STATEMENTS.items():
        refusal = refused(con, sql)
        assert refusal.rule == "query_not_select", (name, refusal.rule, refusal.text())
        assert name.split()[0] in refusal.text(), name
    for name, (sql, rule) in FUNCTIONS.items():
        refusal = refused(con, sql)
        assert refusal.rule == rule, (name, refusal.rule, refusal.text())
    con.close()
    # And through the worker, on a snapshot of the file while nothing holds it.
    for sql in ("delete from batches", "select nextval('batch_id_seq')", "select * from read_text('/etc/passwd')"):
        assert in_worker(database, sql).rule in {"query_not_select", "query_side_effect", "query_no_external_access"}
    assert sha256(database) == before and sequences(database) == seqs

    # The comparison means something: outside the guard, one nextval changes the file once it is closed.
    control = tmp_path / "control.duckdb"
    shutil.copy(database, control)
    with duckdb.connect(str(control)) as con:
        con.execute("select nextval('batch_id_seq')").fetchall()
    assert sha256(control) != before


def test_one_statement_at_a_time(app_con: duckdb.DuckDBPyConnection) -> None:
    assert refused(app_con, "").rule == "query_empty"
    assert refused(app_con, " ; -- nothing here\n").rule == "query_empty"
    several = refused(app_con, "select 1; select 2")
    assert several.rule == "query_several" and several.fields["value"] == 2
    assert refused(app_con, "select 1; drop table establishments").rule == "query_several"
    assert refused(app_con, "selec 1").rule == "query_syntax"
    assert ran(app_con, "select 1 as one;").rows == [(1,)]
    assert ran(app_con, "-- a comment first\nwith x as (select 2 as two) select * from x").rows == [(2,)]
    assert refused(app_con, "select 1 " + " " * 20_000).rule == "query_too_long"


def test_external_access_is_off_below_the_guard(app_con: duckdb.DuckDBPyConnection, database: Path) -> None:
    """Even SQL that never passes through the guard cannot read files, turn access back on or unlock settings."""
    with app_con.cursor() as cur:
        for sql in ("select * from read_csv('/etc/passwd')", "select * from read_text('/etc/passwd')", "select * from glob('/etc/*')"):
            with pytest.raises(duckdb.PermissionException):
                cur.execute(sql).fetchall()
        for sql in ("set enable_external_access = true", "set lock_configuration = false", "reset lock_configuration"):
            with pytest.raises(duckdb.Error):
                cur.execute(sql)
        with pytest.raises(duckdb.Error):
            cur.execute("load httpfs")
    harden(app_con)  # idempotent


def test_the_workers_connection_is_read_only_hardened_and_limited(database: Path) -> None:
    con = connect_read_only(database, {"threads": 1, "memory_limit": "256MiB"})
    try:
        with con.cursor() as cur:
            with pytest.raises(duckdb.PermissionException):
                cur.execute("select * from read_text('/etc/passwd')").fetchall()
            with pytest.raises(duckdb.Error):
                cur.execute("insert into subdistricts values ('999999', 'x', 'x', 'x', 'x', 1)")
            with pytest.raises(duckdb.Error):
                cur.execute("set memory_limit = '100GiB'")  # its limits are locked in with the rest
            assert cur.execute("select current_setting('threads')").fetchall() == [(1,)]
        assert ran(con, "select count(*) from subdistricts").rows == [(2,)]
    finally:
        con.close()


def test_an_unguarded_connection_is_refused(database: Path) -> None:
    with duckdb.connect(str(database)) as con, pytest.raises(QueryRefused) as caught:
        execute(con, "select 1", 10, 1 << 30)
    assert caught.value.rule == "console_unguarded" and "console.guard.harden" in caught.value.text()


@pytest.mark.slow
def test_the_app_still_loads_data_on_a_hardened_connection(template_db: Path, tmp_path: Path) -> None:
    """The app's own work after harden(): seeding, loading (registered Arrow tables), the demo set, a rollback,
    a registered DataFrame, a checkpoint; and the data stay after reopening."""
    import pandas as pd

    from store.demo import load_demo
    from store.load import rollback

    path = tmp_path / "app.duckdb"
    shutil.copyfile(template_db, path)  # a new database as `store init` leaves it
    con = duckdb.connect(str(path))
    harden(con)
    load_demo(con)
    with con.cursor() as cur:
        cur.register("frame", pd.DataFrame({"n": [1, 2, 3]}))
        assert cur.execute("select sum(n) from frame").fetchall() == [(6,)]
        last = cur.execute("select max(batch_id) from batches").fetchall()[0][0]
    rollback(con, last, "tester")
    con.execute("checkpoint")
    assert run_query(path, "select count(*) from establishments").rows[0][0] > 0  # the app holds the file: a snapshot
    con.close()
    with duckdb.connect(str(path), read_only=True) as again:
        assert again.execute("select count(*) from batches where status = 'rolled_back'").fetchall() == [(1,)]


@pytest.mark.slow
def test_a_runaway_query_is_killed_on_time_and_a_neighbour_keeps_its_own_limit(app_con: duckdb.DuckDBPyConnection, database: Path) -> None:
    """Each query has its own worker and its own clock: killing one touches neither the other nor the caller.
    The app holds the file, as in the server, so both read snapshots."""
    outcome: dict[str, tuple[str, float]] = {}

    def run(name: str, limit: float) -> None:
        started = time.monotonic()
        try:
            run_query(database, RUNAWAY, timeout_s=limit)
            outcome[name] = ("finished", time.monotonic() - started)
        except QueryRefused as refusal:
            outcome[name] = (refusal.rule, time.monotonic() - started)

    neighbour = threading.Thread(target=run, args=("neighbour", 4.0))
    neighbour.start()
    run("runaway", 1.0)
    neighbour.join(60)
    # Bounds wide enough for a loaded machine: what is checked is that each is stopped by its own limit (the runaway
    # query alone would run for hours), not how fast the machine is.
    assert outcome["runaway"][0] == "query_time_limit" and outcome["runaway"][1] < 1.0 + 30
    assert outcome["neighbour"][0] == "query_time_limit" and 4.0 < outcome["neighbour"][1] < 4.0 + 30
    assert run_query(database, "select 42").rows == [(42,)]
    with app_con.cursor() as cur:
        assert cur.execute("select 42").fetchall() == [(42,)]  # the caller's connection is untouched


@pytest.mark.slow
def test_row_cap_and_truncated_flag(database: Path) -> None:
    capped = run_query(database, "select range as n from range(10)", max_rows=3)
    assert capped.rows == [(0,), (1,), (2,)] and capped.truncated and capped.columns == ["n"]
    big = run_query(database, "select * from range(100000000)", max_rows=5)  # streamed: not all 10^8 rows are made
    assert len(big.rows) == 5 and big.truncated and big.elapsed_s < 5
    with duckdb.connect(str(database)) as con:
        harden(con)
        exact = ran(con, "select range as n from range(10)", max_rows=10)
        assert len(exact.rows) == 10 and not exact.truncated
        none = ran(con, "select * from establishments", max_rows=0)
        assert none.rows == [] and none.truncated and "factory_id" in none.columns
        assert ran(con, "select 1").types == ["INTEGER"]


@pytest.mark.slow
def test_a_query_that_grows_memory_is_stopped_in_the_worker_and_a_huge_result_is_refused(database: Path) -> None:
    """Values built a vector at a time: DuckDB's own memory limit in the worker stops them; the result is capped
    in bytes before it is sent back."""
    grows = in_worker(database, "select list(range) from range(1000000000)", memory_bytes=256 << 20)
    assert grows.rule == "query_memory_limit" and "0.25 GiB" in grows.text("en")
    assert in_worker(database, "select repeat('x', 90000) from range(1000)").rule == "query_result_too_big"
    assert run_query(database, "select repeat('x', 90000) from range(10)").rows[0][0] == "x" * 90000


@pytest.mark.slow
def test_a_query_past_the_memory_limit_is_killed_in_the_worker_while_the_caller_stays_small(
    app_con: duckdb.DuckDBPyConnection, database: Path
) -> None:
    """The issue's point: the caller (the server) never builds the value. A text doubled through 30 subqueries
    passes the guard (no size-making function) and would be 1 GiB; the worker's address-space limit ends it.
    The nested repeat and the long literal times a count never reach a worker (the guard), and a worker given
    them anyway would stop them the same way."""
    sql = doubling_through_subqueries(30)
    with app_con.cursor() as cur:
        check(cur, sql)  # the guard lets it through: only the worker's limits stand in the way
    before = resident_mb()
    started = time.monotonic()
    refusal = in_worker(database, sql, memory_bytes=256 << 20, timeout_s=30)
    assert refusal.rule in {"query_memory_limit", "query_worker_failed"}, refusal.text()
    assert time.monotonic() - started < 30
    for hostile in (nested_repeat(30), "select length(repeat('" + "y" * 19_000 + "', 100000))", "select printf('%1$1000000000d', 1)"):
        assert in_worker(database, hostile).rule == "query_too_big"
    assert resident_mb() - before < 40, (before, resident_mb())
    assert run_query(database, "select 42").rows == [(42,)]  # and the next query is answered


@pytest.mark.slow
def test_the_worker_stops_what_the_guard_would_have_refused(database: Path) -> None:
    """Below the guard, the worker's limits alone: the nested repeat run straight on a worker's connection with
    its limits set is refused out of memory, in a child process, instead of growing to gigabytes."""
    probe = (
        "import resource, sys; from console import worker; from console.guard import connect_read_only\n"
        "con = connect_read_only(sys.argv[1], {'threads': 1, 'memory_limit': '128MiB'})\n"
        "worker.set_limits(30, 256 << 20)\n"
        "print([resource.getrlimit(r)[1] for r in (resource.RLIMIT_AS, resource.RLIMIT_CPU, resource.RLIMIT_CORE)])\n"
        "try:\n    con.execute(sys.argv[2]).fetchall(); print('built')\n"
        "except Exception as exc:\n    print(type(exc).__name__)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(database), nested_repeat(30)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    limits, outcome = done.stdout.splitlines()
    address_space, cpu, core = json.loads(limits)
    assert 256 << 20 < address_space < 4 << 30 and 30 < cpu <= 40 and core == 0, limits  # 30 s + what it used + 1
    assert outcome in {"OutOfMemoryException", "MemoryError"}, (done.stdout, done.stderr)


@pytest.mark.slow
def test_a_third_query_at_once_waits_then_is_refused_as_busy(database: Path) -> None:
    """Two console queries at once per process, each in its own worker; a third is refused, not queued forever."""
    threads = [threading.Thread(target=lambda: in_worker(database, RUNAWAY, timeout_s=12)) for _ in range(worker.MAX_WORKERS)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 10
    while worker._slots._value > 0 and time.monotonic() < deadline:  # both slots taken
        time.sleep(0.05)
    started = time.monotonic()
    busy = in_worker(database, "select 1")
    assert busy.rule == "query_busy" and worker.BUSY_WAIT_S <= time.monotonic() - started < worker.BUSY_WAIT_S + 3
    for thread in threads:
        thread.join(30)
    assert run_query(database, "select 1").rows == [(1,)]


def test_nested_repeat_is_refused_by_the_value_it_would_make(app_con: duckdb.DuckDBPyConnection) -> None:
    """30 nested repeat(…, 2): the counts sum to 60 but the value is 2^30 characters."""
    refusal = refused(app_con, nested_repeat(30))
    assert refusal.rule == "query_too_big" and "1,073,741,824" in refusal.text("en")
    assert refused(app_con, nested_repeat(17)).rule == "query_too_big"  # 131,072 characters
    assert ran(app_con, nested_repeat(16)).rows == [(65_536,)]
    # Through a subquery's column a count multiplies just the same: every count in a query multiplies.
    sql = "select 'x' as s"
    for _ in range(30):
        sql = f"select repeat(s, 2) as s from ({sql})"
    assert refused(app_con, sql).rule == "query_too_big"
    assert refused(app_con, "select list_transform(range(1000), x -> repeat('y', 1000))").rule == "query_too_big"


def test_a_long_literal_times_a_count_is_refused(app_con: duckdb.DuckDBPyConnection) -> None:
    """repeat('<19,000 characters>', 100000) would be 1.9 GB: the literal counts by its length."""
    refusal = refused(app_con, "select repeat('" + "y" * 19_000 + "', 100000)")
    assert refusal.rule == "query_too_big" and "1,900,000,000" in refusal.text("en")
    assert refused(app_con, "select repeat(concat('" + "y" * 1_000 + "', 'z'), 1000)").rule == "query_too_big"
    assert refused(app_con, "select lpad('x', 100000000, ' ')").rule == "query_too_big"
    assert refused(app_con, "select replace(repeat('a', 50000), 'a', repeat('b', 50))").rule == "query_too_big"
    assert ran(app_con, "select repeat('ab', 500), lpad('7', 3, '0')").rows == [("ab" * 500, "007")]


def test_printf_positional_widths_and_precisions_are_refused(app_con: duckdb.DuckDBPyConnection) -> None:
    for sql in (
        "select printf('%1$1000000000d', 1)",
        "select printf('%1$*2$d', 1, 1000000000)",
        "select printf('%.1000000000f', 1.5)",
        "select printf('%1$.5000s', 'x')",
        "select format('{:1000000000}', 1)",
        "select format('{0:>{1}}', 'x', 1000000000)",
        "select format('{:.{}}', 'x', 1000000000)",
    ):
        assert refused(app_con, sql).rule == "query_too_big", sql
    assert ran(app_con, "select printf('%1$5d|%2$-4s|', 42, 'ab'), format('{:>6}', 'x')").rows == [("   42|ab  |", "     x")]


def test_edit_distances_on_long_strings_are_refused(app_con: duckdb.DuckDBPyConnection) -> None:
    """levenshtein on two 128K-character strings ran 33 s in one piece; every quadratic comparison is bounded."""
    for name in sorted(guard.QUADRATIC):
        refusal = refused(app_con, f"select {name}(repeat('a', 90000), repeat('b', 90000))")
        assert refusal.rule == "query_quadratic" and name in refusal.text("en"), name
    assert refused(app_con, "select levenshtein(repeat('a', 2000), repeat('b', 2000))").rule == "query_quadratic"
    names = ran(app_con, "select levenshtein(name_th, coalesce(name_en, '')) from establishments limit 3")
    assert len(names.rows) == 3  # on the data's own short texts it runs
    assert ran(app_con, "select levenshtein('kitten', 'sitting')").rows == [(3,)]


def test_cte_names_hold_only_in_their_scope(app_con: duckdb.DuckDBPyConnection) -> None:
    """A CTE named like a table never lets that table, or any other name, through outside its own WITH."""
    cases = {
        "with x as (select 1) select * from duckdb_databases()": "query_table_function",
        "with users as (select 1 as x) select * from users": "query_internal_table",
        "select * from (with duckdb_databases as (select 1) select * from duckdb_databases), duckdb_databases": "query_unknown_table",
        "select * from (with s as (select 1) select * from s), settings": "query_internal_table",
        "select * from (with s as (select 1) select * from s) as a, s": "query_unknown_table",
        "with a as (select * from b), b as (select 1) select * from a": "query_unknown_table",  # b is not yet in scope
        "with x as (select 1) select * from main.x": "query_unknown_table",  # a qualified name is never a CTE
        "with x as (select 1) select (select count(*) from duckdb_databases) from x": "query_unknown_table",
    }
    for sql, rule in cases.items():
        refusal = refused(app_con, sql)
        assert refusal.rule == rule, (sql, refusal.rule, refusal.text())
    for sql in (
        "with a as (select 1 as n), b as (select n + 1 as n from a) select * from b",
        "with recursive r(n) as (select 1 union all select n + 1 from r where n < 3) select * from r",
        "with a as (select 1 as n) select (select max(n) from a), (with b as (select 2) select * from b)",
        "with establishments as (select 1 as n) select * from establishments",
    ):
        ran(app_con, sql)
    # Inside its scope the name is the CTE's, whatever table it shadows: DuckDB reads the CTE.
    assert ran(app_con, "with duckdb_databases as (select 1 as n) select * from duckdb_databases").rows == [(1,)]
    secrets = repr(ran(app_con, "select * from duckdb_tables()").rows)
    assert ".duckdb" not in secrets  # the catalogue's listings name tables, not the server's files


def test_data_modifying_ctes_are_refused_by_the_guard_itself(app_con: duckdb.DuckDBPyConnection, database: Path) -> None:
    cases = {
        "with x as (delete from batches returning *) select * from x": "DELETE",
        "with x as (insert into subdistricts values ('999999', 'x', 'x', 'x', 'x', 1) returning *) select * from x": "INSERT",
        "with x as (update indicators set threshold = 0 returning *) select count(*) from x": "UPDATE",
        "select * from (with x as (delete from establishments returning *) select * from x)": "DELETE",
        "with a as (select 1), x as (update batches set note = 'x' returning *) select * from a": "UPDATE",
        "with x as (copy establishments to '/tmp/leak.csv') select * from x": "COPY",
    }
    for sql, keyword in cases.items():
        refusal = refused(app_con, sql)
        assert refusal.rule == "query_data_modifying" and keyword in refusal.text("en"), (sql, refusal.rule)
        assert re.search("[\u0e00-\u0e7f]", refusal.text("th"))
    with app_con.cursor() as cur:
        assert cur.execute("select count(*) from batches").fetchall()[0][0] > 0


def renamed(old: str, new: str) -> guard.Serializer:
    """DuckDB's parse tree with one node kind renamed, as an upgrade might."""

    def serialize(query: str) -> dict[str, Any]:
        with duckdb.connect() as con:
            text = con.execute("select json_serialize_sql($q)", {"q": query}).fetchall()[0][0]
        return json.loads(text.replace(f'"{old}"', f'"{new}"'))

    return serialize


def without_tables(query: str) -> dict[str, Any]:
    """A parse tree whose table references moved where the guard does not look (a reading that fails open)."""
    with duckdb.connect() as con:
        tree = json.loads(con.execute("select json_serialize_sql($q)", {"q": query}).fetchall()[0][0])

    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k != "from_table"}
        return [strip(v) for v in node] if isinstance(node, list) else node

    return strip(tree)


@pytest.mark.slow
def test_the_console_closes_when_the_parse_tree_reading_fails(app_con: duckdb.DuckDBPyConnection) -> None:
    """The start-up self-test, fed a changed parse output through its parameter: the console closes (fail
    closed) with a message in both languages; on DuckDB's real output it stays open."""
    assert guard.self_test() == [] and guard.closed_reason() is None
    guard.ensure_open()
    for changed in (renamed("BASE_TABLE", "BASE_TABLE_REF"), renamed("FUNCTION", "SCALAR_FUNCTION"), without_tables):
        problems = guard.self_test(changed)
        assert problems, changed
        with pytest.raises(QueryRefused) as caught:
            guard.ensure_open(changed)
        assert caught.value.rule == "console_closed"
        assert "closed" in caught.value.text("en") and re.search("[\u0e00-\u0e7f]", caught.value.text("th"))
    # The simulation: with BASE_TABLE renamed, the old reading answered password hashes. Now any node
    # kind the guard does not know refuses the query by itself too.
    sql = "select username, left(password_hash, 7) from users"
    assert refused(app_con, sql, renamed("BASE_TABLE", "BASE_TABLE_REF")).rule == "query_form"
    assert refused(app_con, "select 1 from establishments", renamed("SELECT_NODE", "SELECT_QUERY_NODE")).rule == "query_form"


def test_the_caller_accepts_only_plain_values_from_a_worker() -> None:
    """The answer is unpickled with a list of value types: a frame naming anything else is not loaded."""

    class Shell:
        def __reduce__(self) -> tuple[Any, ...]:
            return (print, ("would run",))

    with pytest.raises(pickle.UnpicklingError):
        worker._SafeUnpickler(io.BytesIO(pickle.dumps(("result", Shell())))).load()
    plain = ("result", {"rows": [(1, "x", None, b"y", [1], {"a": 1})]})
    assert worker._SafeUnpickler(io.BytesIO(pickle.dumps(plain))).load() == plain


@pytest.mark.slow
def test_internal_tables_are_refused_in_every_spelling(app_con: duckdb.DuckDBPyConnection, database: Path) -> None:
    for sql in INTERNAL:
        refusal = refused(app_con, sql.format(catalog=database.stem))
        assert refusal.rule == "query_internal_table", (sql, refusal.rule, refusal.text())
    assert refused(app_con, "select * from no_such_table").rule == "query_unknown_table"
    assert in_worker(database, "select username, left(password_hash, 7) from users").rule == "query_internal_table"


def test_catalogue_listings_run_but_reveal_no_secret(app_con: duckdb.DuckDBPyConnection) -> None:
    secrets = (FAKE_HASH, SECRET_SETTING)
    for sql in (
        "select * from duckdb_tables()",
        "select * from duckdb_columns()",
        "select * from duckdb_constraints()",
        "select * from duckdb_tables",
        "select * from information_schema.tables",
        "select * from information_schema.columns",
        "show tables",
        "show all tables",
        "select * from pragma_table_info('users')",
        "select * from duckdb_sequences()",
    ):
        check(app_con.cursor(), sql)
        result = ran(app_con, sql)
        text = repr(result.rows)
        assert result.rows and not any(secret in text for secret in secrets), sql


@pytest.mark.slow
def test_allowed_forms_run(app_con: duckdb.DuckDBPyConnection, database: Path) -> None:
    for sql in (
        "with recent as (select * from annual_reports where year >= 2023) select count(*) from recent",
        "select * from factory_populations([2022]) limit 3",
        "select * from valid_certificates_in([2022]) limit 3",
        "describe establishments",
        "summarize effluent_samples",
        "select subdistrict_code, count(*) from establishments group by all",
        "values (1, 'a'), (2, 'b')",
        "from range(3)",
        "select random() < 2, uuid() is not null",
        "select now()::timestamp is not null",
        "select len(range(10)), len(generate_series(-5, 5)), repeat('-', 20), lpad('7', 3, '0'), printf('%5.1f', 1.5)",
        "select * from generate_series(date '2020-01-01', date '2021-01-01', interval 1 day)",
        "select * from establishments pivot (count(*) for kind in ('factory', 'mine'))",
        "select factory_id, row_number() over (partition by subdistrict_code order by factory_id) from establishments qualify 1 = 1",
    ):
        ran(app_con, sql)
    with pytest.raises(QueryRefused) as zoned:
        ran(app_con, "select now()")
    assert zoned.value.rule == "query_time_zone"
    with pytest.raises(QueryRefused) as parameter:
        ran(app_con, "select $1")
    assert parameter.value.rule == "query_failed"
    # Every DuckDB type a query may return comes back from a worker as the same Python value.
    typed = run_query(
        database,
        "select 1.50::decimal(5, 2), date '2020-01-02', time '10:00', timestamp '2020-01-02 03:04', interval 1 day,"
        " 'x'::blob, [1, 2], {'a': 1}, map {'k': 2}, 123456789012345678901234567890::hugeint,"
        " '00000000-0000-0000-0000-000000000001'::uuid, null",
    )
    import datetime as dt
    import decimal
    import uuid

    assert typed.rows == [
        (
            decimal.Decimal("1.50"),
            dt.date(2020, 1, 2),
            dt.time(10),
            dt.datetime(2020, 1, 2, 3, 4),
            dt.timedelta(days=1),
            b"x",
            [1, 2],
            {"a": 1},
            {"k": 2},
            123456789012345678901234567890,
            uuid.UUID(int=1),
            None,
        )
    ]


@pytest.mark.slow
def test_every_example_runs_on_the_demo_data(app_con: duckdb.DuckDBPyConnection, database: Path) -> None:
    assert len(EXAMPLES) >= 12 and len({e.key for e in EXAMPLES}) == len(EXAMPLES)
    with_rows = 0
    for example in EXAMPLES:
        assert example.name_th and example.name_en and example.name("th") != example.name("en"), example.key
        assert re.search("[\u0e00-\u0e7f]", example.name_th), example.key
        assert not example.sql.startswith("--"), example.key  # the names are not part of the query shown
        result = ran(app_con, example.sql)
        assert result.columns and not result.truncated, example.key
        with_rows += bool(result.rows)
    assert with_rows == len(EXAMPLES)  # the demo data answer every question
    assert run_query(database, EXAMPLES[0].sql).rows  # and in a worker


def test_schema_describes_data_tables_in_both_languages(app_con: duckdb.DuckDBPyConnection) -> None:
    with app_con.cursor() as cur:
        english, thai = schema(cur, "en"), schema(cur, "th")
    names = [t.name for t in english]
    assert set(names) == READABLE  # boundaries too: its table exists even before polygons are loaded
    assert not set(names) & INTERNAL_TABLES and not any(n.endswith("_history") for n in names)
    for en, th in zip(english, thai, strict=True):
        assert en.description and th.description and en.description != th.description, en.name
        for ce, ct in zip(en.columns, th.columns, strict=True):
            assert ce.type and ce.description and ct.description, (en.name, ce.name)
    establishments = next(t for t in english if t.name == "establishments")
    assert ("factory_id", "VARCHAR") == (establishments.columns[0].name, establishments.columns[0].type)


def test_every_console_message_exists_in_both_languages() -> None:
    source = "".join(p.read_text(encoding="utf-8") for p in [*(ROOT / "console").glob("*.py"), ROOT / "metrics" / "__main__.py"])
    rules = set(re.findall(r"QueryRefused\(\s*\"(\w+)\"", source)) | set(re.findall(r"(?:message|wording)\(\s*\"(\w+)\"", source))
    rules |= set(re.findall(r"\(\"refused\", \(\"(\w+)\"", source)) | {rule for _, rule in guard.SELF_TEST if rule}
    assert {"query_not_select", "query_time_limit", "query_internal_table", "query_truncated", "console_closed"} <= rules
    assert {"query_quadratic", "query_data_modifying", "query_worker_failed", "query_cannot_open", "query_busy"} <= rules
    for rule in rules:
        th, en = pair(rule)
        assert en and th and en != th, rule
        assert re.search("[\u0e00-\u0e7f]", th), rule
        assert set(re.findall(r"\{(\w+)\}", en)) == set(re.findall(r"\{(\w+)\}", th)), rule
    refusal = QueryRefused("query_time_limit", limit=1)
    assert "1" in refusal.text("en") and "1" in refusal.text("th") and refusal.text("en") != refusal.text("th")


@pytest.mark.slow
def test_command_line_refuses_and_writes_nothing(database: Path) -> None:
    before = sha256(database)
    cases = [
        STATEMENTS["ATTACH"],
        STATEMENTS["COPY"],
        STATEMENTS["DELETE"],
        STATEMENTS["EXPLAIN ANALYZE"],
        FUNCTIONS["read_csv"][0],
        FUNCTIONS["nextval"][0],
        FUNCTIONS["a URL as a table"][0],
        FUNCTIONS["current_setting"][0],
        "with x as (delete from batches returning *) select * from x",
        nested_repeat(30),
        *(s.format(catalog=database.stem) for s in INTERNAL[:3]),
    ]
    with ThreadPoolExecutor(max_workers=3) as pool:  # read-only opens: many processes may read the file at once
        results = list(pool.map(lambda sql: (sql, cli(database, sql)), cases))
    for sql, done in results:
        assert done.returncode == 1, (sql, done.returncode, done.stdout, done.stderr)
        assert done.stdout == "" and done.stderr.strip() and "Traceback" not in done.stderr, sql
    assert sha256(database) == before


@pytest.mark.slow
def test_command_line_formats_and_notes(database: Path) -> None:
    sql = "select factory_id, name_th, year, water_use_m3 from annual_reports join establishments using (factory_id) order by all"
    as_csv = cli(database, sql, "--format", "csv", "--max-rows", "3")
    assert as_csv.returncode == 0, as_csv.stderr
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert rows[0] == ["factory_id", "name_th", "year", "water_use_m3"] and len(rows) == 4
    assert "3" in as_csv.stderr  # the truncation note

    as_json = cli(database, "select code, threshold, provisional from indicators order by code", "--format", "json")
    assert as_json.returncode == 0 and as_json.stderr == ""
    records = json.loads(as_json.stdout)
    assert len(records) == SHIPPED_INDICATORS and set(records[0]) == {"code", "threshold", "provisional"}

    table = cli(database, "select subdistrict_code, name_th, area_m2 from subdistricts order by 1", "--format", "table")
    assert table.returncode == 0
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["subdistrict_code", "name_th", "area_m2"] and set(lines[1]) <= {"-", " "} and len(lines) == 4

    thai = cli(database, "select * from users", "--lang", "th")
    assert thai.returncode == 1 and re.search("[\u0e00-\u0e7f]", thai.stderr)


@pytest.mark.slow
def test_command_line_time_limit(database: Path) -> None:
    started = time.monotonic()
    done = cli(database, RUNAWAY, "--timeout", "1")
    assert done.returncode == 1 and "1 s" in done.stderr and "Traceback" not in done.stderr
    assert time.monotonic() - started < 1 + 5 + 10  # the limit, a margin, and two interpreters' start


@pytest.mark.slow
def test_command_line_refuses_a_query_past_the_memory_limit_within_its_timeout(app_con: duckdb.DuckDBPyConnection, database: Path) -> None:
    """`python -m metrics query` runs the query in its own worker too: exit 1, one clear line, within the timeout,
    while the app holds the file."""
    started = time.monotonic()
    done = cli(database, doubling_through_subqueries(30), "--timeout", "20")
    elapsed = time.monotonic() - started
    assert done.returncode == 1 and done.stdout == "" and "Traceback" not in done.stderr, done.stderr
    assert "memory" in done.stderr or "GiB" in done.stderr, done.stderr
    assert elapsed < 20 + 10, elapsed
    thai = cli(database, nested_repeat(30), "--lang", "th")
    assert thai.returncode == 1 and re.search("[\u0e00-\u0e7f]", thai.stderr)


@pytest.mark.slow
def test_command_line_stays_light() -> None:
    probe = "import sys, metrics.__main__; print(sorted(m for m in ('pandas', 'streamlit', 'pyarrow') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stdout + done.stderr


@pytest.mark.slow
@pytest.mark.usefixtures("fresh_caches")
def test_the_console_page_refuses_hostile_queries_while_the_app_process_stays_small(
    database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page end to end (AppTest runs the app in this process, as the server would): the issue's queries
    are refused in words and the process that runs the page never builds their values."""
    from store import accounts

    con = duckdb.connect(str(database))
    accounts.set_public_read(con, False, "tests")  # the sign-in form first, as test_desk's database
    add_accounts(con, {"ana": "analyst"})
    con.close()
    at = app_as(database, monkeypatch, "ana")
    at.switch_page("app_pages/sql_console.py").run()
    assert not at.exception and not at.error

    def run(sql: str) -> str:
        at.text_area(key="console_sql").input(sql).run()
        next(b for b in at.button if b.label == "Run").click().run()
        assert not at.exception, sql
        return " ".join(e.value for e in at.error)

    before = resident_mb()
    assert "1,073,741,824" in run(nested_repeat(30))
    assert "GiB" in run(doubling_through_subqueries(30))  # past the guard, stopped in the worker
    assert "levenshtein" in run("select levenshtein(repeat('a', 90000), repeat('b', 90000))")
    assert "DELETE" in run("with x as (delete from batches returning *) select * from x")
    assert resident_mb() - before < 60, (before, resident_mb())
    assert run("select count(*) as n from establishments") == "" and any("1 rows" in c.value for c in at.caption)
