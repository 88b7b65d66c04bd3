"""Browser edits of the evidence checklist, the action plan and the criteria, each with an audit trail."""

from __future__ import annotations

import math
from dataclasses import dataclass

import duckdb
import pandas as pd

from store.db import ROOT, WRITE_LOCK
from store.messages import Refusal

# What a checklist editor may change, per table (everything else is read-only in the browser).
EDITABLE = {
    "evidence": ("status", "reference", "responsible"),
    "activities": ("status", "planned_start", "planned_end", "done_on", "participants", "responsible"),
}
KEYS = {"evidence": ("fiscal_year", "indicator_code", "item_no"), "activities": ("fiscal_year", "activity_id")}
ALLOWED = {
    ("evidence", "status"): {"missing", "in_progress", "ready"},
    ("activities", "status"): {"planned", "in_progress", "done", "cancelled"},
}


DESK_SQL = ROOT / "sql" / "desk"


def desk_query(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> pd.DataFrame:
    """Run sql/desk/<name>.sql; names come from the callers below, never from users."""
    assert name in {"evidence", "activities", "checklist_edits", "criteria", "criteria_changes"}
    with con.cursor() as cur:
        return cur.execute((DESK_SQL / f"{name}.sql").read_text(encoding="utf-8"), params).df()


def checklist(con: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame:
    return desk_query(con, table)


def checklist_history(con: duckdb.DuckDBPyConnection, table: str) -> pd.DataFrame:
    return desk_query(con, "checklist_edits", table=table)


def criteria(con: duckdb.DuckDBPyConnection, version: str) -> pd.DataFrame:
    return desk_query(con, "criteria", version=version)


def criteria_history(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return desk_query(con, "criteria_changes")


class EditRefused(Refusal):
    """An edit breaks a rule; nothing was saved. The message says why (Thai or English)."""


def _text(value: object) -> str | None:
    if value is None or value is pd.NaT or value is pd.NA or (isinstance(value, float) and math.isnan(value)) or value == "":
        return None
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")  # type: ignore[no-any-return]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass(frozen=True)
class Change:
    key: tuple[object, ...]
    column: str
    before: str | None
    after: str | None


def changes(table: str, before: pd.DataFrame, after: pd.DataFrame) -> list[Change]:
    """Changed cells of editable columns, rows matched by key."""
    keys = list(KEYS[table])
    left = before.set_index(keys)
    right = after.set_index(keys)
    out = []
    for key in right.index.intersection(left.index):
        for column in EDITABLE[table]:
            if column not in right.columns:
                continue
            old, new = _text(left.at[key, column]), _text(right.at[key, column])
            if old != new:
                out.append(Change(key if isinstance(key, tuple) else (key,), column, old, new))
    return out


def save_checklist(con: duckdb.DuckDBPyConnection, table: str, before: pd.DataFrame, after: pd.DataFrame, by: str) -> int:
    """Write the changed cells and one audit row per cell, in one transaction. Returns the number of cells."""
    if table not in EDITABLE:
        raise EditRefused("not_editable", value=table)
    found = changes(table, before, after)
    for change in found:
        allowed = ALLOWED.get((table, change.column))
        if allowed and change.after not in allowed:
            raise EditRefused("edit_not_allowed_value", value=change.after, column=change.column, allowed=", ".join(sorted(allowed)))
    if not found:
        return 0
    where = " and ".join(k + " = $k" + str(i) for i, k in enumerate(KEYS[table]))
    with WRITE_LOCK, con.cursor() as cur:
        cur.execute("begin transaction")
        try:
            for change in found:
                assert change.column in EDITABLE[table]  # allowlisted identifier
                params: dict[str, object] = {f"k{i}": v for i, v in enumerate(change.key)}
                params["v"] = change.after
                cur.execute("update " + table + " set " + change.column + " = $v where " + where, params)
                cur.execute(
                    "insert into checklist_edits (table_name, row_key, column_name, before_value, after_value, edited_by)"
                    " values ($t, $key, $c, $b, $a, $by)",
                    {"t": table, "key": "/".join(str(k) for k in change.key), "c": change.column,
                     "b": change.before, "a": change.after, "by": by},
                )  # fmt: skip
            cur.execute("commit")
        except duckdb.Error as exc:
            cur.execute("rollback")
            raise EditRefused("edit_refused_by_database") from exc
    return len(found)


def update_criterion(
    con: duckdb.DuckDBPyConnection, code: str, threshold: float, provisional: bool, reason: str, by: str, version: str = "diw-2562"
) -> bool:
    """Change one indicator's threshold / provisional flag in a criteria version, with a recorded reason.
    Returns False if nothing changed."""
    if not reason.strip():
        raise EditRefused("reason_required")
    if not math.isfinite(threshold) or threshold < 0:
        raise EditRefused("threshold_negative")
    with WRITE_LOCK, con.cursor() as cur:
        rows = cur.execute(
            "select threshold, provisional, unit from criteria where version = $v and code = $c", {"v": version, "c": code}
        ).fetchall()
        if not rows:
            raise EditRefused("no_indicator", value=code)
        old_threshold, old_provisional, unit = rows[0]
        if unit == "percent" and threshold > 100:
            raise EditRefused("threshold_over_100")
        if old_threshold == threshold and old_provisional == provisional:
            return False
        cur.execute("begin transaction")
        try:
            cur.execute(
                "update criteria set threshold = $t, provisional = $p where version = $v and code = $c",
                {"t": threshold, "p": provisional, "v": version, "c": code},
            )
            cur.execute(
                "insert into criteria_changes (version, code, threshold_before, threshold_after, provisional_before, provisional_after,"
                " reason, changed_by) values ($v, $c, $tb, $ta, $pb, $pa, $r, $by)",
                {"v": version, "c": code, "tb": old_threshold, "ta": threshold, "pb": old_provisional, "pa": provisional,
                 "r": reason.strip(), "by": by},
            )  # fmt: skip
            cur.execute("commit")
        except duckdb.Error:
            cur.execute("rollback")
            raise
    return True


def start_fiscal_year(con: duckdb.DuckDBPyConnection, table: str, source: int, target: int, by: str) -> int:
    """Start a fiscal year's plan or checklist from a copy of another year's: activities keep their
    titles, agencies and targets with dates moved by the years between, status planned and no results;
    evidence items keep their descriptions and agencies with status missing. Refused when the target year
    already has rows. Returns the rows copied; the copy is recorded in the edit history."""
    if table not in EDITABLE:
        raise EditRefused("not_editable", value=table)
    shift = int(target) - int(source)
    with WRITE_LOCK, con.cursor() as cur:
        assert table in ("evidence", "activities")  # allowlisted identifier
        if cur.execute("select count(*) from " + table + " where fiscal_year = $t", {"t": target}).fetchall()[0][0]:
            raise EditRefused("fiscal_year_exists", value=target)
        if not cur.execute("select count(*) from " + table + " where fiscal_year = $s", {"s": source}).fetchall()[0][0]:
            raise EditRefused("fiscal_year_empty", value=source)
        cur.execute("begin transaction")
        try:
            copied = cur.execute(DESK_SQL.joinpath(f"copy_{table}.sql").read_text(encoding="utf-8"),
                                 {"source": source, "target": target, "shift": shift}).fetchall()  # fmt: skip
            cur.execute(
                "insert into checklist_edits (table_name, row_key, column_name, before_value, after_value, edited_by)"
                " values ($t, $key, 'fiscal_year', $b, $a, $by)",
                {"t": table, "key": f"{target}/*", "b": str(source), "a": str(target), "by": by},
            )
            cur.execute("commit")
        except duckdb.Error as exc:
            cur.execute("rollback")
            raise EditRefused("edit_refused_by_database") from exc
    return len(copied)
