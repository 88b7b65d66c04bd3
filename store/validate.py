"""Check a parsed upload against every SPEC §2 rule and list each problem with its Excel row number."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from store.messages import message
from store.parse import Parsed
from store.tables import Table

HEADER_ROW = 1  # Excel row of the header; data row i (0-based) is Excel row i + 2
YEAR_MIN, YEAR_MAX = 1900, 2200


@dataclass(frozen=True)
class Problem:
    row: int | None  # Excel row number; None for the whole file
    column: str | None
    value: str | None
    rule: str
    limit: str = ""
    allowed: str = ""
    detail: str = ""

    def text(self, lang: str = "en") -> str:
        return message(self.rule, lang, column=self.column, value=self.value, allowed=self.allowed, limit=self.limit, detail=self.detail)


@dataclass
class Context:
    """What the database already knows, against which a file is checked."""

    subdistricts: set[str]
    factories: set[str]
    standards: dict[str, str]  # parameter -> unit
    indicators: set[str]


@dataclass
class RowRule:
    rule: str
    column: str
    needs: tuple[str, ...]
    ok: Callable[[pd.DataFrame], pd.Series]  # True where the row is fine
    limit: str = ""
    allowed: str = ""
    only_when_present: bool = True  # skip rows where a needed value is empty (that is another rule's job)


def excel_row(index: int) -> int:
    return int(index) + HEADER_ROW + 1


def header_problems(parsed: Parsed, table: Table) -> list[Problem]:
    problems: list[Problem] = []
    known = table.column_names
    seen: set[str] = set()
    for name in parsed.headers:
        base = name.split(".")[0] if name not in known and name.split(".")[0] in known else name
        if base in seen or base != name:
            problems.append(Problem(HEADER_ROW, base, base, "duplicate_column"))
        elif name not in known:
            problems.append(Problem(HEADER_ROW, name, name, "unknown_column", allowed=", ".join(known)))
        seen.add(base)
    for key in table.key:
        if key not in parsed.headers:
            problems.append(Problem(HEADER_ROW, key, None, "missing_key_column"))
    return problems


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
    name = table.name
    if "factory_id" in table.column_names and name != "establishments":
        rules.append(RowRule("unknown_factory", "factory_id", ("factory_id",), lambda d: d["factory_id"].isin(ctx.factories)))
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
    if name in ("activities", "evidence"):
        rules.append(
            RowRule("unknown_indicator", "indicator_code", ("indicator_code",), lambda d: d["indicator_code"].isin(ctx.indicators))
        )
    return rules


def _year_in_range(column: str) -> Callable[[pd.DataFrame], pd.Series]:
    return lambda d: d[column].between(YEAR_MIN, YEAR_MAX)


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


def _column_checks(table: Table, present: list[str]) -> dict[str, pa.Column]:
    columns: dict[str, pa.Column] = {}
    for name in present:
        col = table.column(name)
        checks = []
        if col.allowed:
            checks.append(pa.Check(lambda s, a=col.allowed: s.isin(a), name="allowed"))
        if col.min is not None:
            if col.min_exclusive:
                checks.append(pa.Check(lambda s, m=col.min: s > m, name="min_exclusive"))
            else:
                checks.append(pa.Check(lambda s, m=col.min: s >= m, name="min"))
        if col.max is not None:
            checks.append(pa.Check(lambda s, m=col.max: s <= m, name="max"))
        columns[name] = pa.Column(None, checks=checks, nullable=not table.is_required(name), required=False)
    return columns


def _limit(table: Table, column: str | None, rule: str) -> tuple[str, str]:
    if column is None or column not in table.column_names:
        return "", ""
    col = table.column(column)
    if rule == "allowed" and col.allowed:
        return "", ", ".join(col.allowed)
    if rule in ("min", "min_exclusive"):
        return f"{col.min:g}", ""
    if rule == "max":
        return f"{col.max:g}", ""
    return "", ""


def _fmt(value: object) -> str | None:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    return str(value)


def validate(parsed: Parsed, table: Table, ctx: Context) -> list[Problem]:
    """Every problem in the file; an empty list means the file can be loaded whole."""
    problems = header_problems(parsed, table)
    frame, raw = parsed.frame, parsed.raw
    assert raw is not None
    if len(frame) == 0:
        return problems + [Problem(None, None, None, "nothing_to_load")]
    if any(p.rule == "missing_key_column" for p in problems):
        return problems

    failed_cells: set[tuple[int, str]] = set()
    for cell in parsed.problems:
        for i in cell.index:
            failed_cells.add((int(i), cell.column))
            problems.append(Problem(excel_row(i), cell.column, raw.at[i, cell.column], cell.rule))

    present = [c for c in table.column_names if c in frame.columns]
    rules = [r for r in row_rules(table, ctx) if all(n in frame.columns for n in r.needs)]
    frame_checks = [
        pa.Check(lambda d, r=r: _skipped(d, r) | r.ok(d).fillna(True).astype(bool), name=f"row:{i}") for i, r in enumerate(rules)
    ]
    schema = pa.DataFrameSchema(_column_checks(table, present), checks=frame_checks)
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as exc:
        cases = exc.failure_cases
        cases = cases[cases["index"].notna()]
        seen: set[tuple[int, str, str]] = set()
        for column, check, index in zip(cases["column"], cases["check"], cases["index"], strict=True):
            check = str(check)
            if check.startswith("row:"):
                rule = rules[int(check[4:])]
                rule_name, column, limit, allowed = rule.rule, rule.column, rule.limit, rule.allowed
                if rule_name == "unit_mismatch":
                    limit = ctx.standards.get(str(frame.at[index, "parameter"]), "")
            else:
                rule_name = "required" if check == "not_nullable" else check
                limit, allowed = _limit(table, column, rule_name)
            key = (int(index), str(column), rule_name)
            if key in seen or (int(index), str(column)) in failed_cells:
                continue
            seen.add(key)
            value = raw.at[index, column] if column in raw.columns else None
            problems.append(Problem(excel_row(index), str(column), _fmt(value) or None, rule_name, limit=limit, allowed=allowed))

    problems.extend(_duplicate_keys(frame, table))
    return sorted(problems, key=lambda p: (p.row or 0, p.column or "", p.rule))


def _duplicate_keys(frame: pd.DataFrame, table: Table) -> list[Problem]:
    keys = list(table.key)
    dup = frame[keys][frame.duplicated(subset=keys, keep=False)]
    if dup.empty:
        return []
    problems = []
    rows = pd.Series(dup.index + HEADER_ROW + 1, index=dup.index)
    groups = rows.groupby([dup[k].astype(str) for k in keys], sort=False)
    for key_values, members in groups:
        key_text = ", ".join(key_values) if isinstance(key_values, tuple) else str(key_values)
        for row in members:
            others = ", ".join(str(r) for r in members if r != row)
            problems.append(Problem(int(row), ",".join(keys), key_text, "duplicate_key", detail=others))
    return problems
