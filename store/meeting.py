"""The committee meeting a pack is tabled at, remembered per fiscal year (BE): the agency presenting it, the
meeting's title and number and the agenda item (sql/schema/015_meeting.sql). Analysts and admins type them on the
overview; each changed field is recorded with who changed it and when."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

import duckdb

from store.db import WRITE_LOCK

FIELDS = ("agency", "title", "number", "agenda_item")
MAX_CHARS = 300  # a field is one line of the cover: an agency, a title, "2/2567", "วาระที่ 3.1 ..."
FIRST_FISCAL_YEAR, LAST_FISCAL_YEAR = 2443, 2743  # the schema's bounds (BE)


@dataclass(frozen=True)
class Meeting:
    """One fiscal year's meeting fields (None: not typed yet); who last changed them and when."""

    fiscal_year: int
    agency: str | None = None
    title: str | None = None
    number: str | None = None
    agenda_item: str | None = None
    changed_by: str | None = None
    changed_at: dt.datetime | None = None

    def fields(self) -> dict[str, str | None]:
        return {f: getattr(self, f) for f in FIELDS}

    def merged(self, fields: Mapping[str, object]) -> Meeting:
        """The same meeting with the fields given (cleaned) in place of these; the others kept."""
        unknown = set(fields) - set(FIELDS)
        if unknown:
            raise ValueError(f"unknown meeting field(s): {', '.join(sorted(unknown))}")
        value = {**self.fields(), **{f: clean(v) for f, v in fields.items()}}
        return replace(self, agency=value["agency"], title=value["title"], number=value["number"], agenda_item=value["agenda_item"])


def _has_table(cur: duckdb.DuckDBPyConnection) -> bool:
    """False on a database read before migration 015 (a command-line reader opens it read-only, unmigrated)."""
    found = cur.execute("select count(*) from duckdb_tables() where table_name = 'meetings' and schema_name = 'main'").fetchall()
    return bool(found[0][0])


def _fiscal_year(value: int) -> int:
    year = int(value)
    if not FIRST_FISCAL_YEAR <= year <= LAST_FISCAL_YEAR:
        raise ValueError(f"fiscal year {year} is outside {FIRST_FISCAL_YEAR}-{LAST_FISCAL_YEAR} (BE)")
    return year


def clean(value: object) -> str | None:
    """A field as stored: one line, spaces trimmed, at most MAX_CHARS; empty is None."""
    if value is None:
        return None
    text = " ".join(str(value).split())[:MAX_CHARS]
    return text or None


def meeting(cur: duckdb.DuckDBPyConnection, fiscal_year: int) -> Meeting:
    """The fields remembered for a fiscal year; all None when none were typed (or the database predates them, or the
    year is one no meeting can be stored for)."""
    year = int(fiscal_year)
    if not FIRST_FISCAL_YEAR <= year <= LAST_FISCAL_YEAR or not _has_table(cur):
        return Meeting(year)
    rows = cur.execute(
        "select agency, title, number, agenda_item, changed_by, changed_at from meetings where fiscal_year = $fy", {"fy": year}
    ).fetchall()
    if not rows:
        return Meeting(year)
    agency, title, number, agenda_item, by, at = rows[0]
    return Meeting(year, agency, title, number, agenda_item, by, at)


def save(con: duckdb.DuckDBPyConnection, fiscal_year: int, fields: Mapping[str, object], by: str) -> int:
    """Set a fiscal year's meeting fields (those named; the others stay), one audit row per changed field, in one
    transaction. Returns how many fields changed (0: nothing written)."""
    year = _fiscal_year(fiscal_year)
    if not by:
        raise ValueError("a change needs the name of who made it")
    with WRITE_LOCK, con.cursor() as cur:
        before = meeting(cur, year)
        after = before.merged(fields)
        changed = [f for f in FIELDS if getattr(before, f) != getattr(after, f)]
        if not changed:
            return 0
        cur.execute("begin transaction")
        try:
            cur.execute(
                "insert or replace into meetings (fiscal_year, agency, title, number, agenda_item, changed_by, changed_at)"
                " values ($fy, $agency, $title, $number, $agenda_item, $by, current_timestamp)",
                {"fy": year, **after.fields(), "by": by},
            )
            for field in changed:
                cur.execute(
                    "insert into meeting_changes (fiscal_year, field, before_value, after_value, changed_by)"
                    " values ($fy, $field, $before, $after, $by)",
                    {"fy": year, "field": field, "before": getattr(before, field), "after": getattr(after, field), "by": by},
                )
            cur.execute("commit")
        except duckdb.Error:
            cur.execute("rollback")
            raise
    return len(changed)


def changes(cur: duckdb.DuckDBPyConnection, fiscal_year: int) -> list[tuple[str, str | None, str | None, str, dt.datetime]]:
    """A fiscal year's recorded changes, newest first: (field, before, after, by, at)."""
    if not _has_table(cur):
        return []
    rows = cur.execute(
        "select field, before_value, after_value, changed_by, changed_at from meeting_changes"
        " where fiscal_year = $fy order by change_id desc",
        {"fy": _fiscal_year(fiscal_year)},
    ).fetchall()
    return [(str(f), b, a, str(by), at) for f, b, a, by, at in rows]
