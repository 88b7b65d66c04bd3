"""Criteria versions: import an office's criteria file (checked row by row, all or nothing), export one, apply a
version from a year, and seed the shipped version `diw-2562` (data/criteria/diw-2562.csv). SPEC §5.

A criteria file is a CSV that Excel can edit: one row per indicator (COLUMNS). What each family may be told
in `params` is the contract in store/families.py; docs/decisions.md says what a file may and may not express.
"""

from __future__ import annotations

import csv
import hashlib
import io
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import duckdb

from store import codes
from store.codes import CodeLists
from store.db import ROOT, WRITE_LOCK, scalar
from store.families import ENTITIES, FAMILIES, ParamError, check_codes
from store.messages import Refusal, message
from store.parse import FALSE_WORDS, TRUE_WORDS, UnreadableFile, decode
from store.problems import Problem

SHIPPED_VERSION = "diw-2562"
SHIPPED_FILE = ROOT / "data" / "criteria" / f"{SHIPPED_VERSION}.csv"
COLUMNS = (
    "code", "level", "sort_order", "name_th", "name_en", "formula_th", "formula_en", "family", "params",
    "unit", "comparator", "threshold", "provisional", "entity",
)  # fmt: skip
REQUIRED = ("code", "level", "name_th", "name_en", "family", "unit", "threshold")
OPTIONAL_DEFAULTS = {"sort_order": "", "formula_th": "", "formula_en": "", "params": "", "comparator": "ge", "provisional": "true"}
VERSION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,39}")
CODE = re.compile(r"\d{1,3}(\.\d{1,3}){1,3}")
MAX_ROWS = 500  # DIW's criteria have a few dozen indicators; a file of thousands is the wrong file
BE_OFFSET = 543
MIN_YEAR, MAX_YEAR = 1990, 2200


class CriteriaRefused(Refusal):
    """A criteria file or command refused, with every problem found (nothing was written)."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        first = problems[0]
        super().__init__(first.rule, row=first.row, column=first.column, value=first.value, allowed=first.allowed, limit=first.limit)

    def text(self, lang: str = "en") -> str:
        return "\n".join(p.text(lang) for p in self.problems)


@dataclass(frozen=True)
class Row:
    """One indicator of a version, as stored in `criteria`."""

    code: str
    level: int
    sort_order: int
    name_th: str
    name_en: str
    formula_th: str
    formula_en: str
    family: str
    params: str
    unit: str
    comparator: str
    threshold: float
    provisional: bool
    entity: str


def refuse(rule: str, value: object = "", allowed: str = "") -> CriteriaRefused:
    return CriteriaRefused([Problem(None, None, str(value), rule, allowed=allowed)])


def check_version_name(name: str) -> str:
    if not VERSION_NAME.fullmatch(name or ""):
        raise refuse("criteria_version_name", name)
    return name


def _number(text: str) -> float | None:
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _whole(text: str) -> int | None:
    value = _number(text)
    return int(value) if value is not None and value.is_integer() else None


def _check_row(n: int, cells: dict[str, str], lists: CodeLists) -> tuple[Row | None, list[Problem]]:
    """One data row (Excel row n) as a Row, or the problems that stop it."""
    problems: list[Problem] = []

    def bad(rule: str, column: str | None, value: str = "", allowed: str = "", detail: str = "") -> None:
        problems.append(Problem(n, column, value, rule, allowed=allowed, detail=detail))

    for column in REQUIRED:
        if not cells[column]:
            bad("criteria_required", column)
    if problems:
        return None, problems
    code, family, unit = cells["code"], cells["family"], cells["unit"]
    if not CODE.fullmatch(code):
        bad("criteria_bad_code", "code", code)
    level = _whole(cells["level"])
    if level not in (1, 2, 3):
        bad("criteria_bad_value", "level", cells["level"], "1, 2, 3")
    sort_order = _whole(cells["sort_order"]) if cells["sort_order"] else n
    if sort_order is None:
        bad("criteria_bad_number", "sort_order", cells["sort_order"])
    comparator = {"≥": "ge", ">=": "ge", ">": "gt"}.get(cells["comparator"], cells["comparator"])
    if comparator not in ("ge", "gt"):
        bad("criteria_bad_value", "comparator", cells["comparator"], "ge, gt")
    threshold = _number(cells["threshold"])
    if threshold is None or threshold < 0:
        bad("criteria_bad_number", "threshold", cells["threshold"], "≥ 0")
    elif unit == "percent" and threshold > 100:
        bad("criteria_threshold_over_100", "threshold", cells["threshold"])
    provisional = cells["provisional"].lower()
    if provisional not in TRUE_WORDS | FALSE_WORDS:
        bad("criteria_bad_value", "provisional", cells["provisional"], "true, false")
    spec = FAMILIES.get(family)
    if spec is None:
        bad("criteria_unknown_family", "family", family, ", ".join(FAMILIES))
        return None, problems
    if unit not in spec.units:
        bad("criteria_unit_family", "unit", unit, " / ".join(spec.units), detail=family)
    entity = cells["entity"] or spec.entity
    if entity not in ENTITIES:
        bad("criteria_bad_value", "entity", entity, ", ".join(ENTITIES))
    try:
        check_codes(family, cells["params"], lists)
    except ParamError as exc:
        bad(exc.rule, "params", exc.value, exc.allowed)
    if problems:
        return None, problems
    assert level is not None and sort_order is not None and threshold is not None
    row = Row(
        code,
        level,
        sort_order,
        cells["name_th"],
        cells["name_en"],
        cells["formula_th"],
        cells["formula_en"],
        family,
        cells["params"],
        unit,
        comparator,
        threshold,
        provisional in TRUE_WORDS,
        entity,
    )
    return row, []


def read_file(data: bytes, lists: CodeLists | None = None) -> list[Row]:
    """Every row of a criteria file, checked; CriteriaRefused with every problem (Excel row numbers) otherwise.

    Codes in params are checked against `lists`, the database's code lists (store.codes.read); the shipped ones
    (data/reference/codes.csv) when not given."""
    try:
        text, _ = decode(data)
    except UnreadableFile as exc:
        raise CriteriaRefused([Problem(None, None, None, "unreadable_file", detail=str(exc))]) from exc
    records = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not records or not any(cell.strip() for cell in records[0]):
        raise refuse("header_missing")
    header = [h.strip().lower() for h in records[0]]
    problems = [Problem(1, h, h, "criteria_unknown_column", allowed=", ".join(COLUMNS)) for h in header if h and h not in COLUMNS]
    problems += [Problem(1, c, None, "criteria_missing_column", allowed=", ".join(REQUIRED)) for c in REQUIRED if c not in header]
    if problems:
        raise CriteriaRefused(problems)
    body = [(n, r) for n, r in enumerate(records[1:], start=2) if any(cell.strip() for cell in r)]
    if not body:
        raise refuse("criteria_no_rows")
    if len(body) > MAX_ROWS:
        raise refuse("too_many_rows", len(body))
    rows: list[Row] = []
    first_row: dict[str, int] = {}
    for n, record in body:
        if len(record) != len(header):
            rule = "too_many_values" if len(record) > len(header) else "too_few_values"
            problems.append(Problem(n, None, str(len(record)), rule, limit=str(len(header))))
            continue
        cells = {**OPTIONAL_DEFAULTS, **{h: v.strip() for h, v in zip(header, record, strict=True) if h}}
        cells = {c: cells.get(c, "") for c in COLUMNS}
        row, found = _check_row(n, cells, lists or {})
        problems += found
        code = cells["code"]
        if code in first_row:
            problems.append(Problem(first_row[code], "code", code, "criteria_code_twice", limit=str(n)))
        first_row.setdefault(code, n)
        if row is not None:
            rows.append(row)
    if problems:
        raise CriteriaRefused(problems)
    return rows


def _insert_rows(cur: duckdb.DuckDBPyConnection, version: str, rows: list[Row]) -> None:
    cur.executemany(
        "insert into criteria (version, code, level, sort_order, name_th, name_en, formula_th, formula_en, family, params,"
        " unit, comparator, threshold, provisional, entity) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
        [(version, *_values(r)) for r in rows],
    )
    # The register of codes that evidence and plan rows may refer to (kept in step with the first version naming a code).
    cur.executemany(
        "insert or ignore into indicators (code, level, sort_order, unit, comparator, threshold, provisional, entity, name_th, name_en)"
        " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        [(r.code, r.level, r.sort_order, r.unit, r.comparator, r.threshold, r.provisional, r.entity, r.name_th, r.name_en) for r in rows],
    )


def _values(r: Row) -> tuple[object, ...]:
    return (
        r.code,
        r.level,
        r.sort_order,
        r.name_th,
        r.name_en,
        r.formula_th,
        r.formula_en,
        r.family,
        r.params,
        r.unit,
        r.comparator,
        r.threshold,
        r.provisional,
        r.entity,
    )


def _event(cur: duckdb.DuckDBPyConnection, event: str, version: str, detail: str, by: str, code: str | None = None) -> None:
    cur.execute(
        "insert into criteria_events (event, version, code, detail, done_by) values ($e, $v, $c, $d, $by)",
        {"e": event, "v": version, "c": code, "d": detail, "by": by},
    )


def import_version(con: duckdb.DuckDBPyConnection, version: str, data: bytes, file_name: str, by: str) -> int:
    """Store a criteria file as a version, replacing an earlier import of the same name (never the shipped one).
    All or nothing: every problem is reported and nothing is written. Returns the number of indicators."""
    check_version_name(version)
    if version == SHIPPED_VERSION:
        raise refuse("criteria_shipped", version)
    with con.cursor() as cur:
        lists = codes.read(cur)
    rows = read_file(data, lists)
    digest = hashlib.sha256(data).hexdigest()
    with WRITE_LOCK, con.cursor() as cur:
        cur.execute("begin transaction")
        try:
            replaced = scalar(cur, "select count(*) from criteria where version = $v", {"v": version})
            cur.execute("delete from criteria where version = $v", {"v": version})
            cur.execute("delete from criteria_versions where version = $v", {"v": version})
            cur.execute(
                "insert into criteria_versions (version, source_file, sha256, imported_by) values ($v, $f, $s, $by)",
                {"v": version, "f": Path(file_name).name, "s": digest, "by": by},
            )
            _insert_rows(cur, version, rows)
            what = f"{len(rows)} indicators from {Path(file_name).name} (sha256 {digest[:12]})" + (
                f", replacing {replaced}" if replaced else ""
            )
            _event(cur, "import", version, what, by)
            cur.execute("commit")
        except Exception:
            cur.execute("rollback")
            raise
    return len(rows)


def export_version(cur: duckdb.DuckDBPyConnection, version: str) -> bytes:
    """The version as the CSV that import takes back (UTF-8 with BOM so Excel shows Thai), one row per indicator."""
    rows = cur.execute(
        "select " + ", ".join(COLUMNS) + " from criteria where version = $v order by level, sort_order, code", {"v": version}
    ).fetchall()
    if not rows:
        raise unknown_version(cur, version)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return out.getvalue().encode("utf-8-sig")


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}" if value.is_integer() else repr(value)
    return "" if value is None else str(value)


def unknown_version(cur: duckdb.DuckDBPyConnection, version: str) -> CriteriaRefused:
    known = [r[0] for r in cur.execute("select version from criteria_versions order by version").fetchall()]
    return refuse("criteria_unknown_version", version, ", ".join(known))


def parse_year(text: str | int) -> int:
    """A CE year from CE or BE (≥ 2400 is BE, as everywhere in SPEC §1)."""
    try:
        year = int(str(text).strip())
    except ValueError:
        raise refuse("criteria_bad_year", text) from None
    year = year - BE_OFFSET if year >= 2400 else year
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise refuse("criteria_bad_year", text)
    return year


def apply_version(con: duckdb.DuckDBPyConnection, version: str, from_year: str | int, by: str) -> int:
    """Make a version apply to scorecards of from_year (CE or BE) and later, until another version's year. Returns the CE year."""
    year = parse_year(from_year)
    with WRITE_LOCK, con.cursor() as cur:
        if not scalar(cur, "select count(*) from criteria_versions where version = $v", {"v": version}):
            raise unknown_version(cur, version)
        cur.execute("begin transaction")
        try:
            before = scalar(cur, "select version from criteria_applied where from_year = $y", {"y": year})
            cur.execute("delete from criteria_applied where from_year = $y", {"y": year})
            cur.execute(
                "insert into criteria_applied (from_year, version, applied_by) values ($y, $v, $by)", {"y": year, "v": version, "by": by}
            )
            _event(cur, "apply", version, f"from {year} (BE {year + BE_OFFSET})" + (f", instead of {before}" if before else ""), by)
            cur.execute("commit")
        except Exception:
            cur.execute("rollback")
            raise
    return year


def listing(cur: duckdb.DuckDBPyConnection, lang: str = "en") -> Iterator[tuple[str, int, str, str, str]]:
    """(version, indicators, imported by, imported at, the years it applies to) of every version, for `criteria list`
    and the Criteria page; years in BE in Thai."""

    def shown(year: int) -> int:
        return year + BE_OFFSET if lang == "th" else year

    applied: dict[str, list[int]] = {}
    for year, version in cur.execute("select from_year, version from criteria_applied order by from_year").fetchall():
        applied.setdefault(version, []).append(int(year))
    rows = cur.execute(
        "select v.version, count(c.code), v.imported_by, strftime(v.imported_at, '%Y-%m-%d %H:%M'), v.imported_at"
        " from criteria_versions as v left join criteria as c using (version) group by all order by v.imported_at, v.version"
    ).fetchall()
    for version, n, by, at, _ in rows:
        years = applied.get(version, [])
        if version == SHIPPED_VERSION:
            first = min((y for ys in applied.values() for y in ys), default=None)
            since = message("criteria_every_year", lang) if first is None else message("criteria_before", lang, value=shown(first))
            years_text = ", ".join([since, *(message("criteria_from", lang, value=shown(y)) for y in years)])
        else:
            years_text = ", ".join(message("criteria_from", lang, value=shown(y)) for y in years) or message("criteria_not_applied", lang)
        yield str(version), int(n), str(by), str(at), years_text


def ensure_shipped(con: duckdb.DuckDBPyConnection) -> int:
    """Seed the shipped version once. A database from before criteria versions keeps its admin's thresholds and
    provisional flags (they were edited in `indicators`). Returns the rows added (0 when it is there already)."""
    with WRITE_LOCK, con.cursor() as cur:
        if scalar(cur, "select count(*) from criteria_versions where version = $v", {"v": SHIPPED_VERSION}):
            return 0
        rows = read_file(SHIPPED_FILE.read_bytes(), codes.read(cur))
        edited = {c: (float(t), bool(p)) for c, t, p in cur.execute("select code, threshold, provisional from indicators").fetchall()}
        rows = [_with_edits(r, edited.get(r.code)) for r in rows]
        cur.execute("begin transaction")
        try:
            cur.execute(
                "insert into criteria_versions (version, title_th, title_en, source_file, sha256, imported_by)"
                " values ($v, $th, $en, $f, $s, 'system')",
                {
                    "v": SHIPPED_VERSION,
                    "th": "เกณฑ์ตัวชี้วัด กรมโรงงานอุตสาหกรรม พ.ศ. 2562 (ค่าเกณฑ์ชั่วคราว)",
                    "en": "DIW 2019 indicator criteria (provisional thresholds)",
                    "f": SHIPPED_FILE.name,
                    "s": hashlib.sha256(SHIPPED_FILE.read_bytes()).hexdigest(),
                },
            )
            _insert_rows(cur, SHIPPED_VERSION, rows)
            cur.execute("commit")
        except Exception:
            cur.execute("rollback")
            raise
    return len(rows)


def _with_edits(row: Row, edited: tuple[float, bool] | None) -> Row:
    return row if edited is None else replace(row, threshold=edited[0], provisional=edited[1])
