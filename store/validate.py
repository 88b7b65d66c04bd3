"""Check a parsed upload against every SPEC §2 rule and list each problem with its Excel row number."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from store.parse import BE_OFFSET, Parsed
from store.problems import HEADER_ROW, PER_RULE_LIMIT, Problem, more_of_the_same
from store.tables import Column, Table

YEAR_MIN, YEAR_MAX = 1900, 2200


@dataclass
class Context:
    """What the database already knows, against which a file is checked."""

    subdistricts: set[str]
    factories: set[str]
    standards: dict[str, str]  # parameter -> unit
    indicators: set[str]
    codes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # code list -> its codes (the database's `codes`)

    def allowed(self, column: Column) -> tuple[str, ...] | None:
        """The values a column may take: its code list's codes in the database, else its fixed values."""
        if column.code_list is not None and column.code_list in self.codes:
            return self.codes[column.code_list]
        return column.allowed


@dataclass
class RowRule:
    rule: str
    column: str
    needs: tuple[str, ...]
    ok: Callable[[pd.DataFrame], pd.Series]  # True where the row is fine
    limit: str = ""
    allowed: str = ""
    only_when_present: bool = True  # skip rows where a needed value is empty (that is another rule's job)


def header_problems(parsed: Parsed, table: Table) -> list[Problem]:
    problems: list[Problem] = []
    known = table.column_names
    seen: set[str] = set()
    for name in parsed.headers:
        if name in seen:
            problems.append(Problem(HEADER_ROW, name, name, "duplicate_column"))
        elif name not in known:
            problems.append(Problem(HEADER_ROW, name, name, "unknown_column", allowed=", ".join(known)))
        seen.add(name)
    for key in table.key:
        if key not in parsed.headers and table.column(key).default is None:
            problems.append(Problem(HEADER_ROW, key, None, "missing_key_column"))
    return problems


# The plan orders activities by their numbers' parts as integers (sql/readiness/activities.sql): "1", "1.5", "2.3.1".
# "HX.1" once crashed the plan page for every reader until rolled back.
ACTIVITY_NUMBER = r"[0-9]{1,6}(\.[0-9]{1,6}){0,7}"


def row_rules(table: Table, ctx: Context) -> list[RowRule]:
    """Rules that need the database context or more than one column."""
    codes = ", ".join(sorted(ctx.subdistricts))
    rules: list[RowRule] = []
    for col in table.columns:
        if col.name == "subdistrict_code":
            rules.append(
                RowRule("unknown_subdistrict", col.name, (col.name,), lambda d: d["subdistrict_code"].isin(ctx.subdistricts), allowed=codes)
            )
        if col.kind == "year":
            rules.append(RowRule("year_range", col.name, (col.name,), _year_in_range(col.name)))
        if col.kind == "fiscal_year":
            rules.append(RowRule("year_range", col.name, (col.name,), _year_in_range(col.name, BE_OFFSET)))
    name = table.name
    if "factory_id" in table.column_names and name != "establishments":
        rules.append(RowRule("unknown_factory", "factory_id", ("factory_id",), lambda d: isin(d["factory_id"], ctx.factories)))
    if name == "establishments":
        rules.append(
            RowRule(
                "closed_before_registered",
                "closed_year",
                ("closed_year", "registered_year"),
                lambda d: d["closed_year"] >= d["registered_year"],
            )
        )
        rules.append(
            RowRule("lat_lon_pair", "lat", ("lat",), lambda d: d["lat"].isna() == _column(d, "lon").isna(), only_when_present=False)
        )
    if name == "annual_reports":
        rules.append(
            RowRule(
                "waste_3r_exceeds_generated",
                "waste_3r_t",
                ("waste_3r_t", "waste_generated_t"),
                lambda d: d["waste_3r_t"] <= d["waste_generated_t"],
            )
        )
        rules.append(
            RowRule(
                "renewable_exceeds_total",
                "energy_renewable_gj",
                ("energy_renewable_gj", "energy_total_gj"),
                lambda d: d["energy_renewable_gj"] <= d["energy_total_gj"],
            )
        )
    if name == "certifications":
        rules.append(RowRule("gi_level_required", "level", ("scheme",), lambda d: (d["scheme"] != "GI") | _column(d, "level").notna()))
        rules.append(
            RowRule("expires_before_issued", "expires_on", ("expires_on", "issued_on"), lambda d: d["expires_on"] >= d["issued_on"])
        )
    if name == "effluent_samples":
        params = ", ".join(sorted(ctx.standards))
        rules.append(
            RowRule("unknown_parameter", "parameter", ("parameter",), lambda d: d["parameter"].isin(ctx.standards), allowed=params)
        )
        rules.append(RowRule("unit_mismatch", "unit", ("parameter", "unit"), lambda d: _unit_ok(d, ctx.standards)))
        rules.append(RowRule("ph_range", "value", ("parameter", "value"), lambda d: (d["parameter"] != "pH") | (d["value"] <= 14)))
    if name == "activities":
        rules.append(
            RowRule("end_before_start", "planned_end", ("planned_end", "planned_start"), lambda d: d["planned_end"] >= d["planned_start"])
        )
        rules.append(
            RowRule(
                "activity_number", "activity_id", ("activity_id",), lambda d: d["activity_id"].astype(str).str.fullmatch(ACTIVITY_NUMBER)
            )
        )
    if name in ("activities", "evidence"):
        rules.append(
            RowRule("unknown_indicator", "indicator_code", ("indicator_code",), lambda d: d["indicator_code"].isin(ctx.indicators))
        )
    return rules


def _year_in_range(column: str, offset: int = 0) -> Callable[[pd.DataFrame], pd.Series]:
    return lambda d: d[column].between(YEAR_MIN + offset, YEAR_MAX + offset)


def _column(d: pd.DataFrame, name: str) -> pd.Series:
    return d[name] if name in d.columns else pd.Series(pd.NA, index=d.index)


def _unit_ok(d: pd.DataFrame, standards: dict[str, str]) -> pd.Series:
    expected = d["parameter"].map(standards)
    # Unknown parameters are reported by their own rule; a unit is compared case-insensitively.
    return expected.isna() | (d["unit"].str.lower() == expected.str.lower())


def _skipped(d: pd.DataFrame, rule: RowRule) -> pd.Series:
    if not rule.only_when_present:
        return pd.Series(False, index=d.index)
    return ~d[list(rule.needs)].notna().all(axis=1)


def _column_checks(table: Table, name: str, values: pd.Series, ctx: Context) -> list[tuple[str, pd.Series]]:
    """(rule, ok mask) for one column's own rules: required, allowed values, min / max, length, shape."""
    col = table.column(name)
    present = values.notna()
    checks: list[tuple[str, pd.Series]] = []
    if table.is_required(name):
        checks.append(("required", present))
    allowed = ctx.allowed(col)
    if allowed is not None:
        checks.append(("allowed", ~present | values.isin(allowed)))
    if col.min is not None:
        ok = values > col.min if col.min_exclusive else values >= col.min
        checks.append(("min_exclusive" if col.min_exclusive else "min", ~present | ok.fillna(True)))
    if col.max is not None:
        checks.append(("max", ~present | (values <= col.max).fillna(True)))
    if col.max_length is not None:
        short = values.str.len() <= col.max_length
        checks.append(("too_long", ~present | short.fillna(True)))
        if col.shape is not None:  # a value already too long is reported once, as too long
            checks.append(("bad_identifier", ~present | ~short.fillna(True) | fullmatch(values, col.shape).fillna(True)))
    return checks


def isin(values: pd.Series, allowed: set[str]) -> pd.Series:
    """values.isin(allowed) for text, a missing value not in it, by Arrow's hash lookup: pandas makes an Arrow scalar
    of each allowed value first (0.25 CPU-s for a register of 70,000 establishments)."""
    try:
        found = pc.is_in(pa.array(values, type=pa.string(), from_pandas=True), value_set=pa.array(list(allowed), type=pa.string()))
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return values.isin(allowed)
    return pd.Series(pc.fill_null(found, False).to_numpy(zero_copy_only=False), index=values.index)


def fullmatch(values: pd.Series, pattern: str) -> pd.Series:
    """values.str.fullmatch(pattern), missing values missing, in Arrow's RE2 (vectorised): pandas hands a pattern with
    \\uXXXX escapes, which RE2 writes \\x{XXXX}, to Python's re one cell at a time (0.4 CPU-s a million cells)."""
    re2 = re.sub(r"\\u([0-9A-Fa-f]{4})", r"\\x{\1}", pattern)
    try:
        found = pc.match_substring_regex(pa.array(values, type=pa.string(), from_pandas=True), f"^(?:{re2})$")
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return values.str.fullmatch(pattern)
    matched = pc.fill_null(found, False).to_numpy(zero_copy_only=False)
    return pd.Series(pd.arrays.BooleanArray(matched, found.is_null().to_numpy(zero_copy_only=False)), index=values.index)


def _limit(table: Table, column: str | None, rule: str, ctx: Context) -> tuple[str, str]:
    if column is None or column not in table.column_names:
        return "", ""
    col = table.column(column)
    allowed = ctx.allowed(col)
    if rule == "allowed" and allowed is not None:
        return "", ", ".join(allowed)
    if rule in ("min", "min_exclusive"):
        return f"{col.min:g}", ""
    if rule == "max":
        return f"{col.max:g}", ""
    if rule == "too_long":
        return f"{col.max_length:,}", ""
    return "", ""


SHOWN_LENGTH = 80  # a problem shows this much of a value: a report of 5,000 long cells stays small


def _fmt(value: object) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    text = str(value)
    return text if len(text) <= SHOWN_LENGTH else f"{text[:SHOWN_LENGTH]}… ({len(text):,})"


def validate(parsed: Parsed, table: Table, ctx: Context) -> list[Problem]:
    """Every problem in the file (each rule and column listed up to PER_RULE_LIMIT rows, then counted);
    an empty list means the file can be loaded whole."""
    problems = header_problems(parsed, table) + parsed.file_problems
    frame, raw = parsed.frame, parsed.raw
    assert raw is not None
    if len(frame) == 0:
        if not parsed.file_problems:
            problems.append(Problem(None, None, None, "nothing_to_load"))
        return problems
    if any(p.rule == "missing_key_column" for p in problems):
        return problems

    failed_cells: dict[str, np.ndarray] = {}
    for cell in parsed.problems:
        failed_cells[cell.column] = np.union1d(failed_cells.get(cell.column, np.array([], dtype=np.int64)), cell.index)
        values = raw.loc[cell.index[:PER_RULE_LIMIT], cell.column]
        problems.extend(Problem(int(i), cell.column, _fmt(v), cell.rule) for i, v in values.items())
        if len(cell.index) > PER_RULE_LIMIT:
            problems.append(more_of_the_same(cell.rule, cell.column, len(cell.index) - PER_RULE_LIMIT))

    present = [c for c in table.column_names if c in frame.columns]
    rules = [r for r in row_rules(table, ctx) if all(n in frame.columns for n in r.needs)]
    for name in present:
        for rule_name, ok in _column_checks(table, name, frame[name], ctx):
            _report(problems, frame, raw, ~ok, name, rule_name, failed_cells, *_limit(table, name, rule_name, ctx))
    for rule in rules:
        ok = _skipped(frame, rule) | rule.ok(frame).fillna(True).astype(bool)
        # A unit is checked against the standard of the row's own parameter, so the limit differs by row.
        limits = frame["parameter"].map(ctx.standards) if rule.rule == "unit_mismatch" else None
        _report(problems, frame, raw, ~ok, rule.column, rule.rule, failed_cells, rule.limit, rule.allowed, limits)

    problems.extend(_duplicate_keys(frame, table))
    return sorted(problems, key=lambda p: (p.row or 0, p.column or "", p.rule))


def _report(
    problems: list[Problem],
    frame: pd.DataFrame,
    raw: pd.DataFrame,
    bad: pd.Series,
    column: str,
    rule: str,
    failed_cells: dict[str, np.ndarray],
    limit: str = "",
    allowed: str = "",
    limits: pd.Series | None = None,
) -> None:
    """Add one problem per bad row (a cell that could not be read is reported once, by its own rule)."""
    mask = bad.to_numpy(dtype=bool, na_value=False)
    if column in failed_cells:
        mask = mask & ~np.isin(frame.index.to_numpy(), failed_cells[column])
    rows = frame.index[mask]
    if not len(rows):
        return
    shown = rows[:PER_RULE_LIMIT]
    values = raw.loc[shown, column] if column in raw.columns else pd.Series(None, index=shown, dtype=object)
    for row, value in values.items():
        row_limit = limit if limits is None else _fmt(limits.at[row]) or ""
        problems.append(Problem(int(row), column, _fmt(value), rule, limit=row_limit, allowed=allowed))
    if len(rows) > PER_RULE_LIMIT:
        problems.append(more_of_the_same(rule, column, len(rows) - PER_RULE_LIMIT))


def _duplicate_keys(frame: pd.DataFrame, table: Table) -> list[Problem]:
    """Rows sharing a key, as groups: each row names every row of its group (linear, however many)."""
    keys = list(table.key)
    dup = frame[keys][frame.duplicated(subset=keys, keep=False).to_numpy()]
    if dup.empty:
        return []
    problems: list[Problem] = []
    column = ",".join(keys)
    groups = pd.Series(dup.index, index=dup.index).groupby([dup[k].astype(str) for k in keys], sort=False)
    for key_values, members in groups:
        key_text = ", ".join(key_values) if isinstance(key_values, tuple) else str(key_values)
        rows = members.to_numpy()
        detail = ", ".join(str(r) for r in rows[:10]) + (f" … (+{len(rows) - 10:,})" if len(rows) > 10 else "")
        for row in rows[: max(0, PER_RULE_LIMIT - len(problems))]:
            problems.append(Problem(int(row), column, key_text, "duplicate_key", detail=detail))
    total = len(dup)
    if total > len(problems):
        problems.append(more_of_the_same("duplicate_key", column, total - len(problems)))
    return problems
