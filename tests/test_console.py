"""The SQL console's guard: one SELECT over data tables; no writes, files, URLs or internal tables; a time limit and a row cap."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pytest

from metrics.console import EXAMPLES, INTERNAL_TABLES, READABLE, QueryRefused, connect_read_only, harden, run_query, schema
from store.messages import RULES

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


def refused(con: duckdb.DuckDBPyConnection, sql: str) -> QueryRefused:
    with pytest.raises(QueryRefused) as caught:
        run_query(con, sql)
    return caught.value


def refused_with(con: duckdb.DuckDBPyConnection, sql: str, **limits: int) -> QueryRefused:
    with pytest.raises(QueryRefused) as caught:
        run_query(con, sql, **limits)
    return caught.value


def sequences(path: Path) -> list[tuple[object, ...]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute("select sequence_name, last_value from duckdb_sequences() order by 1").fetchall()


def cli(db: Path, sql: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "metrics", "query", "--db", str(db), "--sql", sql, *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


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
    assert run_query(app_con, "select 1 as one;").rows == [(1,)]
    assert run_query(app_con, "-- a comment first\nwith x as (select 2 as two) select * from x").rows == [(2,)]
    assert refused(app_con, "select 1 " + " " * 20_000).rule == "query_too_long"


def test_external_access_is_off_below_the_guard(app_con: duckdb.DuckDBPyConnection, database: Path) -> None:
    """Even SQL that never passes through run_query cannot read files, turn access back on or unlock settings."""
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


def test_command_line_connection_is_read_only_and_hardened(database: Path) -> None:
    con = connect_read_only(database)
    try:
        with con.cursor() as cur:
            with pytest.raises(duckdb.PermissionException):
                cur.execute("select * from read_text('/etc/passwd')").fetchall()
            with pytest.raises(duckdb.Error):
                cur.execute("insert into subdistricts values ('999999', 'x', 'x', 'x', 'x', 1)")
        assert run_query(con, "select count(*) from subdistricts").rows == [(2,)]
    finally:
        con.close()


def test_an_unguarded_connection_is_refused(database: Path) -> None:
    with duckdb.connect(str(database)) as con:
        assert refused(con, "select 1").rule == "console_unguarded"


def test_the_app_still_loads_data_on_a_hardened_connection(tmp_path: Path) -> None:
    """The app's own work after harden(): seeding, loading (registered Arrow tables), the demo set, a rollback,
    a registered DataFrame, a checkpoint; and the data stay after reopening."""
    import pandas as pd

    from store.db import init
    from store.demo import load_demo
    from store.load import rollback

    path = tmp_path / "app.duckdb"
    con, _, _ = init(path)
    harden(con)
    load_demo(con)
    with con.cursor() as cur:
        cur.register("frame", pd.DataFrame({"n": [1, 2, 3]}))
        assert cur.execute("select sum(n) from frame").fetchall() == [(6,)]
        last = cur.execute("select max(batch_id) from batches").fetchall()[0][0]
    rollback(con, last, "tester")
    con.execute("checkpoint")
    assert run_query(con, "select count(*) from establishments").rows[0][0] > 0
    con.close()
    with duckdb.connect(str(path), read_only=True) as again:
        assert again.execute("select count(*) from batches where status = 'rolled_back'").fetchall() == [(1,)]


def test_a_runaway_query_is_stopped_and_a_neighbour_is_not(app_con: duckdb.DuckDBPyConnection) -> None:
    """interrupt() reaches only the cursor it is called on: the neighbour's own limit stops it, not ours."""
    outcome: dict[str, tuple[str, float]] = {}

    def run(name: str, limit: float) -> None:
        started = time.monotonic()
        try:
            run_query(app_con, RUNAWAY, timeout_s=limit)
            outcome[name] = ("finished", time.monotonic() - started)
        except QueryRefused as refusal:
            outcome[name] = (refusal.rule, time.monotonic() - started)

    neighbour = threading.Thread(target=run, args=("neighbour", 4.0))
    neighbour.start()
    run("runaway", 1.0)
    neighbour.join(30)
    assert outcome["runaway"][0] == "query_time_limit" and outcome["runaway"][1] < 1.0 + 5
    assert outcome["neighbour"][0] == "query_time_limit" and 3.5 < outcome["neighbour"][1] < 4.0 + 5
    assert run_query(app_con, "select 42").rows == [(42,)]  # the connection is fine afterwards


def test_row_cap_and_truncated_flag(app_con: duckdb.DuckDBPyConnection) -> None:
    capped = run_query(app_con, "select range as n from range(10)", max_rows=3)
    assert capped.rows == [(0,), (1,), (2,)] and capped.truncated and capped.columns == ["n"]
    exact = run_query(app_con, "select range as n from range(10)", max_rows=10)
    assert len(exact.rows) == 10 and not exact.truncated
    none = run_query(app_con, "select * from establishments", max_rows=0)
    assert none.rows == [] and none.truncated and "factory_id" in none.columns
    big = run_query(app_con, "select * from range(100000000)", max_rows=5)  # streamed: not all 10^8 rows are made
    assert len(big.rows) == 5 and big.truncated and big.elapsed_s < 5
    assert run_query(app_con, "select 1").types == ["INTEGER"]


def test_a_query_that_grows_memory_is_stopped_and_a_huge_result_is_refused(app_con: duckdb.DuckDBPyConnection) -> None:
    """Values built a vector at a time: the memory watch interrupts them; the result's text is capped too."""
    started = time.monotonic()
    grows = refused_with(app_con, "select list(range) from range(1000000000)", memory_bytes=256 << 20)
    assert grows.rule == "query_memory_limit" and "0.25 GiB" in grows.text("en") and time.monotonic() - started < 30
    assert refused_with(app_con, "select repeat('x', 90000) from range(1000)").rule == "query_result_too_big"
    assert run_query(app_con, "select repeat('x', 90000) from range(10)").rows[0][0] == "x" * 90000
    assert run_query(app_con, "select 42").rows == [(42,)]


def test_internal_tables_are_refused_in_every_spelling(app_con: duckdb.DuckDBPyConnection, database: Path) -> None:
    for sql in INTERNAL:
        refusal = refused(app_con, sql.format(catalog=database.stem))
        assert refusal.rule == "query_internal_table", (sql, refusal.rule, refusal.text())
    assert refused(app_con, "select * from no_such_table").rule == "query_unknown_table"


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
        result = run_query(app_con, sql)
        text = repr(result.rows)
        assert result.rows and not any(secret in text for secret in secrets), sql


def test_allowed_forms_run(app_con: duckdb.DuckDBPyConnection) -> None:
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
    ):
        run_query(app_con, sql)
    assert refused(app_con, "select now()").rule == "query_time_zone"
    assert refused(app_con, "select $1").rule == "query_failed"


def test_every_example_runs_on_the_demo_data(app_con: duckdb.DuckDBPyConnection) -> None:
    assert len(EXAMPLES) >= 12 and len({e.key for e in EXAMPLES}) == len(EXAMPLES)
    with_rows = 0
    for example in EXAMPLES:
        assert example.name_th and example.name_en and example.name("th") != example.name("en"), example.key
        assert re.search("[\u0e00-\u0e7f]", example.name_th), example.key
        result = run_query(app_con, example.sql, timeout_s=10)
        assert result.columns and not result.truncated, example.key
        with_rows += bool(result.rows)
    assert with_rows == len(EXAMPLES)  # the demo data answer every question


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
    source = (ROOT / "metrics" / "console.py").read_text(encoding="utf-8") + (ROOT / "metrics" / "__main__.py").read_text(encoding="utf-8")
    rules = set(re.findall(r"QueryRefused\(\s*\"(\w+)\"", source)) | set(re.findall(r"message\(\s*\"(\w+)\"", source))
    assert {"query_not_select", "query_time_limit", "query_internal_table", "query_truncated"} <= rules
    for rule in rules:
        en, th = RULES[rule]
        assert en and th and en != th, rule
        assert re.search("[\u0e00-\u0e7f]", th), rule
        assert set(re.findall(r"\{(\w+)\}", en)) == set(re.findall(r"\{(\w+)\}", th)), rule
    refusal = QueryRefused("query_time_limit", limit=1)
    assert "1" in refusal.text("en") and "1" in refusal.text("th") and refusal.text("en") != refusal.text("th")


def test_command_line_refuses_and_writes_nothing(database: Path) -> None:
    before = sha256(database)
    cases = [*STATEMENTS.values(), *(sql for sql, _ in FUNCTIONS.values()), *(s.format(catalog=database.stem) for s in INTERNAL[:6])]
    with ThreadPoolExecutor(max_workers=8) as pool:  # read-only opens: many processes may read the file at once
        results = list(pool.map(lambda sql: (sql, cli(database, sql)), cases))
    for sql, done in results:
        assert done.returncode == 1, (sql, done.returncode, done.stdout, done.stderr)
        assert done.stdout == "" and done.stderr.strip() and "Traceback" not in done.stderr, sql
    assert sha256(database) == before


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
    assert len(records) == 21 and set(records[0]) == {"code", "threshold", "provisional"}

    table = cli(database, "select subdistrict_code, name_th, area_m2 from subdistricts order by 1", "--format", "table")
    assert table.returncode == 0
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["subdistrict_code", "name_th", "area_m2"] and set(lines[1]) <= {"-", " "} and len(lines) == 4

    thai = cli(database, "select * from users", "--lang", "th")
    assert thai.returncode == 1 and re.search("[\u0e00-\u0e7f]", thai.stderr)


def test_command_line_time_limit(database: Path) -> None:
    started = time.monotonic()
    done = cli(database, RUNAWAY, "--timeout", "1")
    assert done.returncode == 1 and "1 s" in done.stderr and "Traceback" not in done.stderr
    assert time.monotonic() - started < 1 + 5 + 5  # the limit, a margin, and the interpreter's start


def test_command_line_stays_light() -> None:
    probe = "import sys, metrics.__main__; print(sorted(m for m in ('pandas', 'streamlit', 'pyarrow') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stdout + done.stderr
