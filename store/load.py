"""Load one CSV file as one batch: parse, validate, then upsert all rows or none; roll a batch back."""

from __future__ import annotations

import getpass
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from store import codes
from store.db import ROOT, WRITE_LOCK, scalar
from store.messages import Refusal
from store.parse import FileRefused, Parsed, UnreadableFile, header_names, parse
from store.problems import Problem
from store.tables import TABLES, Table
from store.validate import Context, validate

Progress = Callable[[float, str], None]
LOG = logging.getLogger(__name__)


@dataclass
class LoadReport:
    table: str
    file_name: str
    sha256: str
    encoding: str = ""
    rows: int = 0
    be_conversions: int = 0
    be_columns: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    batch_id: int | None = None
    inserted: int = 0
    replaced: int = 0
    example: bool = False  # the file is the Upload page's example (store.examples): loaded as demo data

    @property
    def ok(self) -> bool:
        return self.batch_id is not None and not self.problems

    def problems_frame(self, lang: str = "en") -> pd.DataFrame:
        return pd.DataFrame(
            [{"row": p.row, "column": p.column, "value": p.value, "rule": p.rule, "message": p.text(lang)} for p in self.problems],
            columns=["row", "column", "value", "rule", "message"],
        )


class RollbackRefused(Refusal):
    """The batch cannot be rolled back as asked; the message says why (Thai or English)."""


def current_user() -> str:
    try:
        return getpass.getuser()
    except OSError:
        return "unknown"


def context(cur: duckdb.DuckDBPyConnection, extra_factories: set[str] | None = None) -> Context:
    subdistricts = {r[0] for r in cur.execute("select subdistrict_code from subdistricts").fetchall()}
    factories = {r[0] for r in cur.execute("select factory_id from establishments").fetchall()}
    standards = dict(cur.execute("select parameter, unit from effluent_standards").fetchall())
    indicators = {r[0] for r in cur.execute("select code from indicators").fetchall()}
    return Context(subdistricts, factories | (extra_factories or set()), standards, indicators, codes.read(cur))


def _noop(_fraction: float, _label: str) -> None:
    return None


def check_bytes(con: duckdb.DuckDBPyConnection, table_name: str, data: bytes, file_name: str) -> tuple[LoadReport, Parsed | None]:
    """Parse and validate without writing; returns the report and the parsed file (None when unreadable)."""
    report = LoadReport(table_name, file_name, hashlib.sha256(data).hexdigest())
    if table_name not in TABLES:
        report.problems.append(Problem(None, None, table_name, "unknown_table", allowed=", ".join(TABLES)))
        return report, None
    table = TABLES[table_name]
    try:
        parsed = parse(data, table)
    except UnreadableFile as exc:
        report.problems.append(Problem(None, None, None, "unreadable_file", detail=str(exc)))
        return report, None
    except FileRefused as exc:
        report.problems.extend(exc.problems)
        return report, None
    report.encoding, report.rows = parsed.encoding, len(parsed.frame)
    report.be_conversions, report.be_columns = parsed.be_conversions, parsed.be_columns
    with con.cursor() as cur:
        ctx = context(cur)
    report.problems = validate(parsed, table, ctx)
    _examples_rule(con, report, parsed)
    return report, parsed


def _examples_rule(con: duckdb.DuckDBPyConnection, report: LoadReport, parsed: Parsed, known: bool = False) -> None:
    """The Upload page's example file loads as demo data, and only into a database without real work.
    `known`: whether the file is the example was found by check_bytes (the database part is checked again)."""
    from store import examples

    if not known:
        report.example = examples.is_example(report.table, parsed.frame)
    if report.example and examples.holds_real_work(con):
        report.problems.append(Problem(None, None, None, "example_into_real_data"))


def load_bytes(
    con: duckdb.DuckDBPyConnection,
    table_name: str,
    data: bytes,
    file_name: str,
    loaded_by: str | None = None,
    is_demo: bool = False,
    progress: Progress = _noop,
) -> LoadReport:
    """Validate the whole file; if it is clean, write it as one batch in one transaction."""
    progress(0.05, "parse")
    with WRITE_LOCK:  # checked and written under one lock: nobody changes the database in between
        report, parsed = check_bytes(con, table_name, data, file_name)
        if report.problems or parsed is None:
            return report
        progress(0.6, "write")
        return _write(con, report, parsed.frame, data, loaded_by, is_demo or report.example, progress)


def load_checked(
    con: duckdb.DuckDBPyConnection,
    report: LoadReport,
    parsed: Parsed,
    data: bytes,
    loaded_by: str | None = None,
    is_demo: bool = False,
    progress: Progress = _noop,
) -> LoadReport:
    """Write a file that check_bytes passed, without parsing it again.

    The rules that depend on the database (factories, codes) are checked once more under the write
    lock, since someone may have loaded or rolled back a batch since the check.
    """
    report = replace(report, problems=[])
    table = TABLES[report.table]
    progress(0.4, "check")
    with WRITE_LOCK:
        with con.cursor() as cur:
            ctx = context(cur)
        report.problems = validate(parsed, table, ctx)
        _examples_rule(con, report, parsed, known=True)
        if report.problems:
            return report
        progress(0.6, "write")
        return _write(con, report, parsed.frame, data, loaded_by, is_demo or report.example, progress)


def _write(
    con: duckdb.DuckDBPyConnection,
    report: LoadReport,
    frame: pd.DataFrame,
    data: bytes,
    loaded_by: str | None,
    is_demo: bool,
    progress: Progress,
) -> LoadReport:
    table_name, file_name = report.table, report.file_name
    table = TABLES[table_name]
    rows = _prepare(frame, table, con)
    with WRITE_LOCK, con.cursor() as cur:
        cur.execute("begin transaction")
        try:
            batch_id = scalar(
                cur,
                "insert into batches (table_name, file_name, sha256, encoding, rows_in_file, rows_inserted, rows_replaced,"
                " be_conversions, loaded_by, is_demo) values ($t, $f, $s, $e, $n, 0, 0, $be, $who, $demo) returning batch_id",
                {
                    "t": table_name,
                    "f": file_name,
                    "s": report.sha256,
                    "e": report.encoding,
                    "n": len(rows),
                    "be": report.be_conversions,
                    "who": loaded_by or current_user(),
                    "demo": is_demo,
                },
            )
            cur.execute(
                "insert into batch_files (batch_id, codec, size_bytes, content) values ($b, 'zstd', $n, $c)",
                {"b": batch_id, "n": len(data), "c": pa.compress(data, codec="zstd", asbytes=True)},
            )
            rows["batch_id"] = batch_id
            cur.register("incoming", pa.Table.from_pandas(rows, preserve_index=False))
            replaced = cur.execute(history_sql(table), {"batch": batch_id}).fetchall()[0][0]  # the rows copied
            # A plain insert is twice as fast as an upsert; it is right when no key is there yet.
            cur.execute(upsert_sql(table) if replaced else insert_sql(table))
            cur.unregister("incoming")
            cur.execute(
                "update batches set rows_inserted = $i, rows_replaced = $r where batch_id = $b",
                {"i": len(rows) - replaced, "r": replaced, "b": batch_id},
            )
            cur.execute("commit")
        except duckdb.Error as exc:
            cur.execute("rollback")
            LOG.error("load of %s into %s refused by the database: %s", file_name, table_name, str(exc).splitlines()[0])
            report.problems.append(Problem(None, None, None, "database_rule"))
            return report
    report.batch_id, report.inserted, report.replaced = int(batch_id), len(rows) - int(replaced), int(replaced)
    progress(1.0, "done")
    return report


def detect_table(data: bytes) -> str | None:
    """The table whose template the file's header fits: every key column there, no unknown column.

    When several fit, the one sharing the most columns wins; None when no template fits.
    """
    header = set(header_names(data))
    fits = [
        (len(header & set(t.column_names)), name) for name, t in TABLES.items() if set(t.key) <= header and header <= set(t.column_names)
    ]
    return max(fits)[1] if fits else None


def batches(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    with con.cursor() as cur:
        return cur.execute(
            "select batch_id, table_name, file_name, rows_in_file, rows_inserted, rows_replaced, loaded_by, loaded_at,"
            " status, rolled_back_by, rolled_back_at, is_demo, sha256 from batches order by batch_id desc"
        ).df()


CHANGES_SHOWN = 100_000  # rows of a batch's list of changes: enough to read and check, bounded for a national re-upload


def batch_changes(con: duckdb.DuckDBPyConnection, batch_id: int, limit: int = CHANGES_SHOWN) -> pd.DataFrame:
    """What one batch did, row by row (the first `limit`): added, changed (column, before, after) or not in its file."""
    with con.cursor() as cur:
        found = cur.execute("select table_name from batches where batch_id = $b", {"b": batch_id}).fetchall()
        if not found:
            return pd.DataFrame(columns=["change", "column_name", "before", "after"])
        return cur.execute(changes_sql(TABLES[found[0][0]]), {"b": batch_id, "limit": limit}).df()


@dataclass(frozen=True)
class Diff:
    """What one batch did to what was there: rows added, replaced (changed or back as they were), and rows of the
    earlier file(s) it re-uploaded that it did not carry (kept: a load deletes nothing)."""

    added: int
    replaced: int
    changed: int
    not_in_file: int

    @property
    def unchanged(self) -> int:
        return self.replaced - self.changed


def batch_diff(con: duckdb.DuckDBPyConnection, batch_id: int) -> Diff | None:
    """Counted on demand from the batch's rows and their history, so loading pays nothing for it; None: no batch."""
    with con.cursor() as cur:
        found = cur.execute("select table_name from batches where batch_id = $b", {"b": batch_id}).fetchall()
        if not found:
            return None
        added, replaced, changed, missing = cur.execute(diff_counts_sql(TABLES[found[0][0]]), {"b": batch_id}).fetchall()[0]
    return Diff(int(added), int(replaced), int(changed), int(missing))


def table_status(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Each upload table in load order: rows now, and its newest loaded batch (id, file, who, when, demo or not)."""
    with con.cursor() as cur:
        return cur.execute((ROOT / "sql" / "upload" / "table_status.sql").read_text(encoding="utf-8")).df()


def previous_loads(con: duckdb.DuckDBPyConnection, sha256: str) -> pd.DataFrame:
    """Every batch that loaded a file with these exact bytes, newest first (loaded or rolled back)."""
    with con.cursor() as cur:
        return cur.execute(
            "select batch_id, table_name, file_name, loaded_by, loaded_at, status, rolled_back_by, rolled_back_at"
            " from batches where sha256 = $s order by batch_id desc",
            {"s": sha256},
        ).df()


def original_file(con: duckdb.DuckDBPyConnection, batch_id: int) -> tuple[str, bytes] | None:
    """(file name, bytes) of a batch's file exactly as it was uploaded; None when not kept (older batches)."""
    with con.cursor() as cur:
        rows = cur.execute(
            "select b.file_name, f.size_bytes, f.content from batch_files f join batches b using (batch_id) where batch_id = $b",
            {"b": batch_id},
        ).fetchall()
    if not rows:
        return None
    name, size, content = rows[0]
    return name, pa.decompress(content, decompressed_size=size, codec="zstd", asbytes=True)


def load_file(con: duckdb.DuckDBPyConnection, table_name: str, path: str | Path, loaded_by: str | None = None) -> LoadReport:
    p = Path(path)
    return load_bytes(con, table_name, p.read_bytes(), p.name, loaded_by)


def _prepare(frame: pd.DataFrame, table: Table, con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """All template columns in order (absent ones null), units spelled as the standard spells them."""
    rows = frame.reindex(columns=table.column_names).reset_index(drop=True)
    if table.name == "effluent_samples":
        with con.cursor() as cur:
            units = dict(cur.execute("select parameter, unit from effluent_standards").fetchall())
        rows["unit"] = rows["parameter"].map(units).fillna(rows["unit"])
    return rows


def _key_join(table: Table, left: str, right: str) -> str:
    return " and ".join(left + "." + k + " = " + right + "." + k for k in table.key)


def history_sql(table: Table) -> str:
    """Copy the rows the batch is about to replace into <table>_history."""
    t = table.name
    return (
        "insert into " + t + "_history select t.*, $batch from " + t + " t"
        " where exists (select 1 from incoming i where " + _key_join(table, "i", "t") + ")"
    )


def _differs(table: Table, old: str, new: str) -> str:
    """A row's values (every template column but the key) differ between two aliases; nulls compare as values."""
    return " or ".join(old + "." + c + " is distinct from " + new + "." + c for c in table.column_names if c not in table.key)


def _written(table: Table) -> str:
    """The rows batch $b wrote: in the table, or in the history once a later batch replaced them."""
    t, cols = table.name, ", ".join(table.column_names)
    return (
        "(select " + cols + " from " + t + " where batch_id = $b union all select " + cols + " from " + t + "_history where batch_id = $b)"
    )


def _before(table: Table) -> str:
    """The rows batch $b replaced, as they were."""
    return "(select " + ", ".join(table.column_names) + " from " + table.name + "_history where replaced_by_batch = $b)"


def _not_carried(table: Table) -> str:
    """Rows of the batches $b re-uploaded that still carry their batch's id: not in $b's file (a load deletes nothing)."""
    t = table.name
    return "(select * from " + t + " where batch_id in (select distinct batch_id from " + t + "_history where replaced_by_batch = $b))"


def diff_counts_sql(table: Table) -> str:
    """What batch $b did, counted set-based over the keys it replaced: added, replaced, changed, not in its file."""
    written, before = _written(table), _before(table)
    return (
        "select (select count(*) from "
        + written
        + " n where not exists (select 1 from "
        + before
        + " o where "
        + _key_join(table, "o", "n")
        + ")), (select count(*) from "
        + before
        + "),"
        " (select count(*) from "
        + written
        + " n join "
        + before
        + " o on "
        + _key_join(table, "o", "n")
        + " where "
        + _differs(table, "o", "n")
        + "), (select count(*) from "
        + _not_carried(table)
        + ")"
    )


def changes_sql(table: Table) -> str:
    """The rows batch $b added, changed (one row per changed column, before and after) or did not carry of the
    batches it re-uploaded, keyed as the table is."""
    keys = list(table.key)
    written, before = _written(table), _before(table)
    key_n = ", ".join("n." + k for k in keys)
    parts = [
        "select " + key_n + ", 'added' as change, null as column_name, null as before, null as after from " + written + " n"
        " where not exists (select 1 from " + before + " o where " + _key_join(table, "o", "n") + ")"
    ]
    for c in table.column_names:
        if c not in table.key:
            parts.append(
                "select " + key_n + ", 'changed', '" + c + "', o." + c + "::varchar, n." + c + "::varchar from " + written + " n"
                " join " + before + " o on " + _key_join(table, "o", "n") + " where o." + c + " is distinct from n." + c
            )
    parts.append("select " + ", ".join("k." + k for k in keys) + ", 'not_in_file', null, null, null from " + _not_carried(table) + " k")
    return " union all ".join(parts) + " order by all limit $limit"


def history_count_sql(table: Table) -> str:
    return "select count(*) from " + table.name + "_history where replaced_by_batch = $batch"


def insert_sql(table: Table) -> str:
    cols = ", ".join(table.column_names + ["batch_id"])
    return "insert into " + table.name + " (" + cols + ") select " + cols + " from incoming"


def upsert_sql(table: Table) -> str:
    cols = table.column_names + ["batch_id"]
    updates = ", ".join(c + " = excluded." + c for c in cols if c not in table.key)
    return (
        "insert into " + table.name + " (" + ", ".join(cols) + ") select " + ", ".join(cols) + " from incoming"
        " on conflict (" + ", ".join(table.key) + ") do update set " + updates
    )


def rollback(
    con: duckdb.DuckDBPyConnection, batch_id: int, by: str | None = None, any_owner: bool = True, later_edits: str | None = None
) -> dict[str, int]:
    """Undo a batch: delete the rows it inserted, restore the rows it replaced. Returns counts.

    Refused (nothing changed) when a later batch replaced its rows, or, with any_owner=False, when someone else
    loaded it. Checklist cells edited in the browser after the batch (net: a cell edited back to the batch's
    value does not count) refuse it too unless later_edits says what to do with them: "keep" re-applies each
    edited cell to the restored row (a row the batch added goes, with its edits), "revert" lets the batch's
    rollback undo them. Either way every such cell is recorded in the edit log ('rollback_keep' /
    'rollback_revert'), and the counts say how many were kept or reverted.
    """
    if later_edits not in (None, "keep", "revert"):
        raise ValueError(later_edits)
    with WRITE_LOCK, con.cursor() as cur:
        found_rows = cur.execute("select table_name, status, loaded_by from batches where batch_id = $b", {"b": batch_id}).fetchall()
        if not found_rows:
            raise RollbackRefused("no_batch", value=batch_id)
        table_name, status, loaded_by = found_rows[0]
        if status != "loaded":
            raise RollbackRefused("already_rolled_back", value=batch_id)
        if not any_owner and loaded_by != by:
            raise RollbackRefused("not_your_batch", value=batch_id, detail=loaded_by)
        table = TABLES[table_name]
        later = cur.execute(later_batches_sql(table), {"b": batch_id}).fetchall()
        if later:
            raise RollbackRefused("later_batches", value=batch_id, detail=", ".join(str(r[0]) for r in later))
        edits = _edits_after(cur, table, batch_id) if table_name in EDITED_TABLES else []
        if edits and later_edits is None:
            shown = ", ".join(f"{e.row_key} {e.column} ({e.edited_by})" for e in edits[:8])
            raise RollbackRefused("edited_after_batch", value=batch_id, limit=len(edits), detail=shown + (" …" if len(edits) > 8 else ""))
        who = by or current_user()
        cur.execute("begin transaction")
        try:
            deleted = len(cur.execute(delete_inserted_sql(table), {"b": batch_id}).fetchall())
            restored = scalar(cur, history_count_sql(table), {"batch": batch_id})
            cur.execute(restore_sql(table), {"b": batch_id})
            if table_name in EDITED_TABLES:  # a page that read a row before the rollback must not save over it unawares
                cur.execute(bump_restored_sql(table), {"b": batch_id})
            kept = _settle_edits(cur, table, edits, later_edits, who)
            cur.execute("delete from " + table.name + "_history where replaced_by_batch = $b", {"b": batch_id})
            cur.execute(
                "update batches set status = 'rolled_back', rolled_back_by = $who, rolled_back_at = current_timestamp where batch_id = $b",
                {"b": batch_id, "who": who},
            )
            cur.execute("commit")
        except duckdb.ConstraintException as exc:
            cur.execute("rollback")
            raise RollbackRefused("establishments_in_use", value=batch_id) from exc
    result = {"deleted": int(deleted), "restored": int(restored)}
    if edits:
        result |= {"kept": kept, "reverted": len(edits) - kept}
    return result


# Tables whose rows analysts also edit in the browser (store.edits); a rollback must not silently undo those edits.
EDITED_TABLES = ("evidence", "activities")


@dataclass(frozen=True)
class LaterEdit:
    """A cell edited in the browser after a batch wrote its row, and still different from what the batch wrote."""

    row_key: str
    key: tuple[object, ...]
    column: str
    batch_value: str | None
    value: str | None
    edited_by: str


def _edits_after(cur: duckdb.DuckDBPyConnection, table: Table, batch_id: int) -> list[LaterEdit]:
    """Browser edits made after the batch of rows it wrote, one per cell (the first edit's before value is the
    batch's; the cell's value now is the last edit's): a cell edited back to the batch's value is no edit."""
    rows = cur.execute(edits_after_batch_sql(table), {"t": table.name, "b": batch_id}).fetchall()
    first: dict[tuple[str, str], tuple[str | None, str | None, str]] = {}
    for key, column, before, after, who in rows:
        batch_value = first[(key, column)][0] if (key, column) in first else before
        first[(key, column)] = (batch_value, after, who)
    kinds = {c.name: c for c in table.columns}
    out = []
    for (key, column), (batch_value, value, who) in first.items():
        if batch_value == value:
            continue
        parts = key.split("/", len(table.key) - 1)  # only the last part (an activity's id) may hold a '/'
        typed = tuple(int(p) if kinds[k].kind in ("integer", "fiscal_year") else p for k, p in zip(table.key, parts, strict=True))
        out.append(LaterEdit(key, typed, column, batch_value, value, who))
    return out


def _settle_edits(cur: duckdb.DuckDBPyConnection, table: Table, edits: list[LaterEdit], mode: str | None, by: str) -> int:
    """Keep (re-apply) or record as reverted each later edit, inside the rollback's transaction. Returns how many were kept."""
    if not edits:
        return 0
    from store.edits import EDITABLE

    where = " and ".join(k + " = $k" + str(i) for i, k in enumerate(table.key))
    kept = 0
    for edit in edits:
        assert edit.column in EDITABLE[table.name]  # allowlisted identifier
        params: dict[str, object] = {f"k{i}": v for i, v in enumerate(edit.key)}
        now = cur.execute("select " + edit.column + "::varchar, row_version from " + table.name + " where " + where, params).fetchall()
        restored = now[0][0] if now else None
        keep = mode == "keep" and bool(now)
        if keep:
            cur.execute("update " + table.name + " set " + edit.column + " = $v where " + where, {**params, "v": edit.value})
            kept += 1
        cur.execute(
            "insert into checklist_edits (table_name, row_key, column_name, before_value, after_value, edited_by, fiscal_year, kind,"
            " row_version) values ($t, $key, $c, $b, $a, $by, $fy, $kind, $rv)",
            {
                "t": table.name,
                "key": edit.row_key,
                "c": edit.column,
                "b": restored if keep else edit.value,
                "a": edit.value if keep else restored,
                "by": by,
                "fy": edit.key[0],
                "kind": "rollback_keep" if keep else "rollback_revert",
                "rv": now[0][1] if now else None,
            },
        )
    return kept


def later_edits(con: duckdb.DuckDBPyConnection, batch_id: int) -> list[LaterEdit]:
    """The checklist cells edited after a batch that rolling it back would undo (none for other tables)."""
    with con.cursor() as cur:
        found = cur.execute("select table_name from batches where batch_id = $b", {"b": batch_id}).fetchall()
        if not found or found[0][0] not in EDITED_TABLES:
            return []
        return _edits_after(cur, TABLES[found[0][0]], batch_id)


def edits_after_batch_sql(table: Table) -> str:
    """Browser edits of cells, made after the batch was loaded, of rows the batch wrote, oldest first."""
    key = "concat_ws('/', " + ", ".join(table.key) + ")"
    return (
        "select e.row_key, e.column_name, e.before_value, e.after_value, e.edited_by from checklist_edits e"
        " where e.table_name = $t and e.kind in ('edit', 'keep_mine')"
        " and e.edited_at >= (select loaded_at from batches where batch_id = $b)"
        " and e.row_key in (select " + key + " from " + table.name + " where batch_id = $b) order by e.edit_id"
    )


def bump_restored_sql(table: Table) -> str:
    """Raise the version of every row the rollback restored (its key is in the batch's history)."""
    return (
        "update " + table.name + " t set row_version = row_version + 1 where exists (select 1 from " + table.name + "_history h"
        " where h.replaced_by_batch = $b and " + _key_join(table, "h", "t") + ")"
    )


def later_batches_sql(table: Table) -> str:
    return "select distinct replaced_by_batch from " + table.name + "_history where batch_id = $b order by 1"


def delete_inserted_sql(table: Table) -> str:
    t = table.name
    return (
        "delete from " + t + " t where t.batch_id = $b and not exists (select 1 from " + t + "_history h"
        " where h.replaced_by_batch = $b and " + _key_join(table, "h", "t") + ") returning 1"
    )


def restore_sql(table: Table) -> str:
    cols = table.column_names + ["batch_id"]
    updates = ", ".join(c + " = excluded." + c for c in cols if c not in table.key)
    return (
        "insert into "
        + table.name
        + " ("
        + ", ".join(cols)
        + ") select "
        + ", ".join(cols)
        + " from "
        + table.name
        + "_history where replaced_by_batch = $b on conflict ("
        + ", ".join(table.key)
        + ") do update set "
        + updates
    )
