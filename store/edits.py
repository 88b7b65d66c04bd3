"""Browser edits of the evidence checklist, the action plan and the criteria, each with an audit trail."""

from __future__ import annotations

import datetime as dt
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
DESK_QUERIES = frozenset({"evidence", "activities", "checklist_edits", "criteria", "criteria_changes", "last_change", "year_edits"})
# The kinds of change the edit log records (migration 016): a saved cell, a save kept over a newer version,
# a fiscal year started from a copy or removed, a rollback's later edits kept or reverted.
KINDS = ("edit", "keep_mine", "copy_year", "remove_year", "rollback_keep", "rollback_revert")


def desk_query(con: duckdb.DuckDBPyConnection, name: str, **params: object) -> pd.DataFrame:
    """Run sql/desk/<name>.sql; names come from the callers below, never from users."""
    assert name in DESK_QUERIES
    with con.cursor() as cur:
        return cur.execute((DESK_SQL / f"{name}.sql").read_text(encoding="utf-8"), params).df()


def checklist(con: duckdb.DuckDBPyConnection, table: str, fiscal_year: int | None = None) -> pd.DataFrame:
    """The plan's or the checklist's rows as the editor shows them, each with the version the page reads."""
    return desk_query(con, table, fiscal_year=None if fiscal_year is None else int(fiscal_year))


def checklist_history(con: duckdb.DuckDBPyConnection, table: str, fiscal_year: int | None = None) -> pd.DataFrame:
    """Every recorded change of one table in one fiscal year (all years when None), newest first."""
    return desk_query(con, "checklist_edits", table=table, fiscal_year=None if fiscal_year is None else int(fiscal_year))


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


BE_OFFSET = 543


def parse_day(value: object, column: str) -> dt.date | None:
    """A date typed in an editor: day/month/year (a year of 2400 or more is Buddhist Era: 15/1/2567 is 15 Jan 2024)
    or year-month-day; empty is none. Anything else is refused, naming the column, and nothing is saved."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    try:
        if "/" in text:
            day, month, year = (int(part) for part in text.split("/"))
        else:
            year, month, day = (int(part) for part in text.split("-"))
        return dt.date(year - BE_OFFSET if year >= 2400 else year, month, day)
    except ValueError:
        raise EditRefused("edit_bad_date", value=text[:40], column=column) from None


@dataclass(frozen=True)
class Change:
    key: tuple[object, ...]
    column: str
    before: str | None
    after: str | None


def row_key(key: tuple[object, ...]) -> str:
    """A row's key as the edit log writes it: fiscal year first, '/' between (2566/18.1.1/2)."""
    return "/".join(str(k) for k in key)


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
                out.append(Change(_plain_key(key), column, old, new))
    return out


def _plain_key(key: object) -> tuple[object, ...]:
    """A key as plain Python values (numpy integers print the same but do not bind as parameters everywhere)."""
    parts = key if isinstance(key, tuple) else (key,)
    return tuple(p.item() if hasattr(p, "item") else p for p in parts)


@dataclass(frozen=True)
class Conflict:
    """A row that changed after the page read it: its save was refused. Who changed it last and when, the
    version the page read and the version now (pass that to save_checklist's keep_mine to save over it), and what
    the row holds now in the columns this save changed (`theirs`, as `mine`'s columns; empty when the row is gone)."""

    key: tuple[object, ...]
    changed_by: str
    changed_at: dt.datetime | None
    read_version: int | None
    version: int
    mine: tuple[Change, ...]
    theirs: tuple[str | None, ...] = ()


class Saved(int):
    """The number of cells saved; .conflicts lists the rows refused because they changed since the page read them."""

    conflicts: tuple[Conflict, ...] = ()

    def __new__(cls, cells: int, conflicts: tuple[Conflict, ...] = ()) -> Saved:
        made = super().__new__(cls, cells)
        made.conflicts = conflicts
        return made


def _versions(table: str, frame: pd.DataFrame) -> dict[tuple[object, ...], int]:
    """The version of each row as the page read it (none when the frame does not carry versions)."""
    if "row_version" not in frame.columns:
        return {}
    keys = list(KEYS[table])
    return {_plain_key(tuple(r[:-1])): int(r[-1]) for r in frame[[*keys, "row_version"]].itertuples(index=False) if pd.notna(r[-1])}


def save_checklist(
    con: duckdb.DuckDBPyConnection,
    table: str,
    before: pd.DataFrame,
    after: pd.DataFrame,
    by: str,
    keep_mine: dict[tuple[object, ...], int] | None = None,
) -> Saved:
    """Write the changed cells with one audit row per cell, in one transaction, row by row: a row whose version
    moved since the page read it (`before`'s row_version), or whose cell no longer holds what the page read (an
    upload since), is not written and comes back in .conflicts naming who changed it and when. keep_mine maps a
    row to the version its analyst was shown in such a refusal: that row is saved over it, recorded as
    'keep_mine' (a newer change still refuses it)."""
    if table not in EDITABLE:
        raise EditRefused("not_editable", value=table)
    found = changes(table, before, after)
    for change in found:
        allowed = ALLOWED.get((table, change.column))
        if allowed and change.after not in allowed:
            raise EditRefused("edit_not_allowed_value", value=change.after, column=change.column, allowed=", ".join(sorted(allowed)))
    if not found:
        return Saved(0)
    read = _versions(table, before)
    forced = {_plain_key(k): int(v) for k, v in (keep_mine or {}).items()}
    by_row: dict[tuple[object, ...], list[Change]] = {}
    for change in found:
        by_row.setdefault(change.key, []).append(change)
    keys = KEYS[table]
    where = " and ".join(k + " = $k" + str(i) for i, k in enumerate(keys))
    conflicts: list[Conflict] = []
    cells = 0
    with WRITE_LOCK, con.cursor() as cur:
        cur.execute("begin transaction")
        try:
            for key, row_changes in by_row.items():
                params: dict[str, object] = {f"k{i}": v for i, v in enumerate(key)}
                columns = [c.column for c in row_changes]
                assert all(c in EDITABLE[table] for c in columns)  # allowlisted identifiers
                now = cur.execute(
                    "select row_version, batch_id, " + ", ".join(columns) + " from " + table + " where " + where, params
                ).fetchall()
                if not now:
                    conflicts.append(Conflict(key, "", None, read.get(key), 0, tuple(row_changes)))
                    continue
                version, batch_id, *values = now[0]
                current = [_text(v) for v in values]
                if key in forced:
                    stale = version != forced[key]
                else:
                    moved = key in read and version != read[key]
                    stale = moved or any(c.before != v for c, v in zip(row_changes, current, strict=True))
                if stale:
                    last = cur.execute(
                        (DESK_SQL / "last_change.sql").read_text(encoding="utf-8"),
                        {"table": table, "row_key": row_key(key), "batch_id": batch_id},
                    ).fetchall()
                    who, when = last[0] if last else ("", None)
                    conflicts.append(Conflict(key, str(who), when, read.get(key), int(version), tuple(row_changes), tuple(current)))
                    continue
                new_version = int(version) + 1
                kind = "keep_mine" if key in forced else "edit"
                for change, old in zip(row_changes, current, strict=True):
                    cur.execute("update " + table + " set " + change.column + " = $v where " + where, {**params, "v": change.after})
                    cur.execute(
                        "insert into checklist_edits (table_name, row_key, column_name, before_value, after_value, edited_by,"
                        " fiscal_year, kind, row_version) values ($t, $key, $c, $b, $a, $by, $fy, $kind, $rv)",
                        {
                            "t": table,
                            "key": row_key(key),
                            "c": change.column,
                            "b": old,
                            "a": change.after,
                            "by": by,
                            "fy": key[0],
                            "kind": kind,
                            "rv": new_version,
                        },
                    )
                    cells += 1
                cur.execute("update " + table + " set row_version = $rv where " + where, {**params, "rv": new_version})
            cur.execute("commit")
        except duckdb.Error as exc:
            cur.execute("rollback")
            raise EditRefused("edit_refused_by_database") from exc
    return Saved(cells, tuple(conflicts))


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
                {
                    "v": version,
                    "c": code,
                    "tb": old_threshold,
                    "ta": threshold,
                    "pb": old_provisional,
                    "pa": provisional,
                    "r": reason.strip(),
                    "by": by,
                },
            )
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
            copied = cur.execute(
                DESK_SQL.joinpath(f"copy_{table}.sql").read_text(encoding="utf-8"), {"source": source, "target": target, "shift": shift}
            ).fetchall()
            _log_year(cur, table, int(target), "copy_year", str(source), str(target), by)
            cur.execute("commit")
        except duckdb.Error as exc:
            cur.execute("rollback")
            raise EditRefused("edit_refused_by_database") from exc
    return len(copied)


def _log_year(cur: duckdb.DuckDBPyConnection, table: str, year: int, kind: str, before: str | None, after: str | None, by: str) -> None:
    cur.execute(
        "insert into checklist_edits (table_name, row_key, column_name, before_value, after_value, edited_by, fiscal_year, kind)"
        " values ($t, $key, 'fiscal_year', $b, $a, $by, $fy, $kind)",
        {"t": table, "key": f"{year}/*", "b": before, "a": after, "by": by, "fy": year, "kind": kind},
    )


@dataclass(frozen=True)
class YearState:
    """Whether a fiscal year of one table may be removed: its rows, whether it was started from a copy, and how
    many cells were edited in it since."""

    rows: int
    copied: bool
    edits_since: int

    def removable(self, is_admin: bool) -> bool:
        return self.rows > 0 and (is_admin or (self.copied and self.edits_since == 0))


def year_state(con: duckdb.DuckDBPyConnection, table: str, fiscal_year: int) -> YearState:
    assert table in ("evidence", "activities")  # allowlisted identifier
    found = desk_query(con, "year_edits", table=table, fiscal_year=int(fiscal_year))
    with con.cursor() as cur:
        rows = int(cur.execute("select count(*) from " + table + " where fiscal_year = $f", {"f": int(fiscal_year)}).fetchall()[0][0])
    copy_id = found["copy_id"].iloc[0] if len(found) else None
    return YearState(rows, copy_id is not None and pd.notna(copy_id), int(found["edits_since"].iloc[0]) if len(found) else 0)


def remove_fiscal_year(con: duckdb.DuckDBPyConnection, table: str, fiscal_year: int, by: str, is_admin: bool) -> int:
    """Remove one fiscal year's plan or checklist (a stray copy): an analyst may remove a year started from a copy
    while nobody has edited it since; an admin any year. Recorded in the edit history. Returns the rows removed."""
    if table not in EDITABLE:
        raise EditRefused("not_editable", value=table)
    with WRITE_LOCK:
        state = year_state(con, table, fiscal_year)
        if state.rows == 0:
            raise EditRefused("fiscal_year_empty", value=fiscal_year)
        if not state.removable(is_admin):
            raise EditRefused(
                "fiscal_year_not_removable" if state.copied else "fiscal_year_not_a_copy", value=fiscal_year, limit=state.edits_since
            )
        with con.cursor() as cur:
            cur.execute("begin transaction")
            try:
                removed = len(
                    cur.execute("delete from " + table + " where fiscal_year = $f returning 1", {"f": int(fiscal_year)}).fetchall()
                )
                _log_year(cur, table, int(fiscal_year), "remove_year", str(fiscal_year), None, by)
                cur.execute("commit")
            except duckdb.Error as exc:
                cur.execute("rollback")
                raise EditRefused("edit_refused_by_database") from exc
    return removed
