"""Open the DuckDB file, apply numbered migrations, seed reference data; one writer at a time."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

import duckdb

from store.tables import TABLES

# The eco-town's clock: the batch log and the audit trail record Bangkok time whatever zone the
# server runs in (DuckDB takes its time zone from TZ when a database is opened). Set TZ to override.
os.environ.setdefault("TZ", "Asia/Bangkok")
time.tzset()

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "sql" / "schema"
MACRO_DIR = ROOT / "sql" / "macros"  # SQL macros, one a file, (re)created at every migrate: never a migration's to keep
REFERENCE_DIR = ROOT / "data" / "reference"
DEFAULT_DB = ROOT / "data" / "eit.duckdb"


class WriteLock:
    """The one writer lock of a process (re-entrant), counting the writes it lets through: `writes` changes
    after every write made under it, so a reader can tell that nothing was written since it last looked."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self.writes = 0

    def acquire(self, blocking: bool = True) -> bool:
        return self._lock.acquire(blocking)

    def release(self) -> None:
        self.writes += 1  # still held: a reader that sees the old count reads again after this write
        self._lock.release()

    def __enter__(self) -> WriteLock:
        self._lock.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


# DuckDB allows one writing transaction at a time per connection; the app shares one connection, and every write
# of store/ takes this lock (the app's cached data version is read again only after one: ui/cached.data_version).
WRITE_LOCK = WriteLock()

# Reference tables seeded by `store init`, with the CSV they come from. Existing rows are kept,
# so an admin's edits survive a re-run. The criteria (and the register of indicator codes) come from the
# shipped criteria version, data/criteria/diw-2562.csv (store/criteria.py), seeded before these.
SEEDS = {
    "effluent_standards": "effluent_standards.csv",
    "activities": "activities.csv",
    "evidence": "evidence.csv",
}
SEED_DEFAULTS = {"activities": {"status": "planned"}, "evidence": {"status": "missing"}}


def scalar(cur: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object] | None = None) -> Any:
    """First column of the first row, with the result fully fetched (DuckDB 2.0 results stream)."""
    rows = cur.execute(sql, params or {}).fetchall()
    return rows[0][0] if rows else None


def data_version(cur: duckdb.DuckDBPyConnection) -> str:
    """A stamp that changes whenever a batch lands or is rolled back, a checklist or criterion is edited, a criteria
    version is imported or applied, or boundaries are loaded: caches keyed by it never go stale. One small query."""
    row = cur.execute(
        "select (select count(*) from batches), (select coalesce(max(batch_id), 0) from batches),"
        " (select count(*) from batches where status = 'rolled_back'),"
        " (select coalesce(max(edit_id), 0) from checklist_edits), (select coalesce(max(change_id), 0) from criteria_changes),"
        " (select coalesce(max(event_id), 0) from criteria_events),"
        " (select count(*) || '@' || coalesce(max(loaded_at)::varchar, '') from boundaries)"
    ).fetchall()[0]
    return ":".join(str(v) for v in row)


def db_path() -> Path:
    return Path(os.environ.get("EIT_DB", DEFAULT_DB))


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(path), read_only=read_only)


def open_read_only(path: str | Path, config: dict[str, Any] | None = None) -> duckdb.DuckDBPyConnection:
    """Open the file read-only for a command-line reader (report, scorecard, query, workers). DuckDB lets
    one process write or many read, never both: while the app holds the file, the reader opens a private,
    consistent copy taken now (store/snapshot.py), removed at exit."""
    try:
        return duckdb.connect(str(path), read_only=True, config=config or {})
    except duckdb.IOException as exc:
        if "lock" not in str(exc).lower():
            raise
    from store import snapshot

    con, _ = snapshot.open_copy(path, config)
    return con


def applied_versions(cur: duckdb.DuckDBPyConnection) -> set[str]:
    cur.execute(
        "create table if not exists schema_migrations (version varchar primary key, applied_at timestamp default current_timestamp)"
    )
    return {row[0] for row in cur.execute("select version from schema_migrations").fetchall()}


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every sql/schema/NNN_*.sql not yet applied, each in its own transaction, then (re)create the macros."""
    applied: list[str] = []
    with WRITE_LOCK, con.cursor() as cur:
        done = applied_versions(cur)
        for path in sorted(SCHEMA_DIR.glob("[0-9][0-9][0-9]_*.sql")):
            if path.stem in done:
                continue
            cur.execute("begin transaction")
            try:
                cur.execute(path.read_text(encoding="utf-8"))
                cur.execute("insert into schema_migrations (version) values ($v)", {"v": path.stem})
                cur.execute("commit")
            except Exception:
                cur.execute("rollback")
                raise
            applied.append(path.stem)
        create_macros(cur)
    return applied


def create_macros(cur: duckdb.DuckDBPyConnection) -> None:
    """Create or replace every macro of sql/macros/ (idempotent), after the migrations made the tables they read."""
    cur.execute("begin transaction")
    try:
        for path in sorted(MACRO_DIR.glob("*.sql")):
            cur.execute(path.read_text(encoding="utf-8"))
        cur.execute("commit")
    except Exception:
        cur.execute("rollback")
        raise


def seed_reference(con: duckdb.DuckDBPyConnection, files: dict[str, Path | None] | None = None) -> dict[str, int]:
    """Insert reference rows that are not there yet; returns rows added per table. `files` names a town's own
    plan and evidence templates (None: the town has none, so nothing is seeded for that table)."""
    import pandas as pd  # only here: the scorecard command line never seeds and stays light

    added: dict[str, int] = {}
    chosen = {table: REFERENCE_DIR / name for table, name in SEEDS.items()} | (files or {})
    with WRITE_LOCK, con.cursor() as cur:
        for table, file in chosen.items():
            if file is None:
                continue
            seed = pd.read_csv(file, dtype=str, keep_default_na=False)
            seed = seed.replace("", None)
            for column, value in SEED_DEFAULTS.get(table, {}).items():
                seed[column] = value
            before = scalar(cur, count_sql(table))
            cur.register("seed_rows", seed)
            cur.execute(seed_sql(table, list(seed.columns)))
            cur.unregister("seed_rows")
            added[table] = scalar(cur, count_sql(table)) - before
    return added


def count_sql(table: str) -> str:
    assert table in SEEDS or table in TABLES or table == "batches"
    return "select count(*) from " + table


def seed_sql(table: str, columns: list[str]) -> str:
    assert table in SEEDS
    cols = ", ".join(columns)
    return "insert or ignore into " + table + " (" + cols + ") select " + cols + " from seed_rows"


def private_files(path: str | Path) -> None:
    """The database holds password hashes and the whole province's data: only its owner may read it.
    Files this process creates from now on (the WAL, exports) are private too (umask 077)."""
    os.umask(0o077)
    for file in (Path(path), Path(f"{path}.wal")):
        if file.exists():
            os.chmod(file, 0o600)


def init(path: str | Path, town: Path | None = None) -> tuple[duckdb.DuckDBPyConnection, list[str], dict[str, int]]:
    """Create or migrate the database at path, set its town (the default one unless a town file is given) and
    seed reference data. Idempotent."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    os.umask(0o077)
    con = connect(path)
    private_files(path)
    applied = migrate(con)
    from store import codes  # these modules read this one's lock and paths
    from store.criteria import ensure_shipped
    from store.towns import ensure_town

    added = {"codes": codes.seed(con)}  # before the criteria: their params are checked against the code lists
    added["criteria"] = ensure_shipped(con)
    own, added["subdistricts"] = ensure_town(con, town)
    added.update(seed_reference(con, {"activities": own.plan if own else None, "evidence": own.evidence if own else None}))
    return con, applied, added
