"""evaluate(cursor, year, area) -> Scorecard: every indicator's value, numerator, denominator and verdict."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from metrics.catalogue import AREAS, Indicator, load_catalogue
from metrics.registry import COUNTED_ENTITIES, REGISTRY, SUM_QUERIES, Definition, share, sql

LEVELS = (1, 2, 3)


@dataclass
class Result:
    indicator: Indicator
    year: int
    area: str
    value: float | None
    numerator: float
    denominator: float | None
    status: str  # pass | fail | no_data
    rows: pd.DataFrame
    gap: int | None = None  # how many more counted things would make it pass
    split: dict[str, int] = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.indicator.code


@dataclass
class Scorecard:
    year: int
    area: str
    results: list[Result]

    @property
    def levels(self) -> list[dict[str, object]]:
        return [{"level": level, "status": level_status(self.results, level)} for level in LEVELS]

    @property
    def town_level(self) -> int:
        reached = 0
        for level in LEVELS:
            if level_status(self.results, level) != "pass":
                break
            reached = level
        return reached

    def result(self, code: str) -> Result:
        return next(r for r in self.results if r.code == code)

    def to_json(self) -> dict[str, object]:
        return {
            "year": self.year,
            "area": self.area,
            "town_level": self.town_level,
            "levels": self.levels,
            "indicators": [result_json(r) for r in self.results],
        }


def level_status(results: list[Result], level: int) -> str:
    """A level passes when every indicator of it passes; a no-data indicator keeps it from passing."""
    of_level = [r for r in results if r.indicator.level == level]
    return "pass" if of_level and all(r.status == "pass" for r in of_level) else "fail"


def _number(x: float | None, unit: str) -> float | int | None:
    if x is None:
        return None
    return int(round(x)) if float(x).is_integer() else round(float(x), 4)


def result_json(r: Result) -> dict[str, object]:
    ind = r.indicator
    value: float | int | None
    if r.value is None:
        value = None
    elif ind.unit == "count":
        value = int(r.value)
    else:
        value = round(r.value, 2)
    return {
        "code": ind.code,
        "level": ind.level,
        "value": value,
        "numerator": _number(r.numerator, ind.unit),
        "denominator": _number(r.denominator, ind.unit),
        "threshold": float(ind.threshold),
        "status": r.status,
        "provisional": bool(ind.provisional),
        "unit": ind.unit,
        "gap": r.gap,
    }


def run_query(cur: duckdb.DuckDBPyConnection, definition: Definition, year: int, area: str) -> pd.DataFrame:
    params: dict[str, object] = dict(definition.params)
    text = sql(definition.query)
    if "$year" in text:
        params["year"] = year
    if "$area" in text:
        params["area"] = area
    return cur.execute(text, params).df()


def gap_to_pass(ind: Indicator, numerator: float, denominator: float | None, value: float | None, query: str) -> int | None:
    """Smallest number of further counted things that would make a failing indicator pass."""
    if value is None or ind.passes(value):
        return None
    if ind.unit == "count":
        need = ind.threshold - value
        return max(1, math.ceil(need)) if ind.comparator == "ge" else math.floor(need) + 1
    if query in SUM_QUERIES or ind.entity not in COUNTED_ENTITIES or not denominator:
        return None
    needed = ind.threshold * denominator / 100.0 - numerator
    k = max(0, math.ceil(needed - 1e-9))
    while k <= denominator and not ind.passes((numerator + k) / denominator * 100.0):
        k += 1
    return int(min(k, denominator - numerator)) if k <= denominator else None


def evaluate_indicator(cur: duckdb.DuckDBPyConnection, ind: Indicator, year: int, area: str) -> Result:
    definition = REGISTRY[ind.code]
    rows = run_query(cur, definition, year, area)
    numerator = float(rows["num"].sum()) if len(rows) else 0.0
    denominator = float(rows["den"].sum()) if len(rows) else 0.0
    value: float | None
    if ind.unit == "count":
        value, denom_out = numerator, None  # a count is never no data: nothing counted is 0
    else:
        has_rows = definition.no_data_without is None or (rows["reason"] == definition.no_data_without).any()
        value = numerator / denominator * 100.0 if denominator > 0 and has_rows else None
        denom_out = denominator
    status = "no_data" if value is None else ("pass" if ind.passes(value) else "fail")
    result = Result(ind, year, area, value, numerator, denom_out, status, rows)
    result.gap = gap_to_pass(ind, numerator, denominator, value, definition.query)
    result.split = split_counts(cur, definition, rows, year, area)
    return result


def split_counts(cur: duckdb.DuckDBPyConnection, definition: Definition, rows: pd.DataFrame, year: int, area: str) -> dict[str, int]:
    """2.1.1: controlled / not controlled factories; 13.1.1: mass balance and symbiosis beside it."""
    out: dict[str, int] = {}
    for name in definition.split:
        if name == "controlled":
            out[name] = int((rows["counted"] & (rows["controlled_factory"] == True)).sum())  # noqa: E712
        elif name == "not_controlled":
            out[name] = int((rows["counted"] & (rows["controlled_factory"] != True)).sum())  # noqa: E712
        else:
            side = run_query(cur, Definition("factory_share", share([name])), year, area)
            out[name] = int(side["counted"].sum())
    return out


def evaluate(cur: duckdb.DuckDBPyConnection, year: int, area: str = "all") -> Scorecard:
    if area not in AREAS:
        raise ValueError(f"area must be one of {', '.join(AREAS)}")
    return Scorecard(year, area, [evaluate_indicator(cur, ind, year, area) for ind in load_catalogue(cur)])


def data_years(cur: duckdb.DuckDBPyConnection) -> list[int]:
    """Every year that a yearly table has data for, ascending (certificate issue dates alone do not make a year)."""
    rows = cur.execute(
        "select distinct y from ("
        " select year as y from annual_reports union select year from practices"
        " union select year(sampled_on) from effluent_samples"
        " union select year from green_areas union select year from surveys union select year from infrastructure"
        ") where y is not null order by y"
    ).fetchall()
    return [int(r[0]) for r in rows]


def trend(cur: duckdb.DuckDBPyConnection, code: str, areas: tuple[str, ...] = AREAS, years: list[int] | None = None) -> pd.DataFrame:
    """One indicator for every data year and area: year, area, value, numerator, denominator, status."""
    ind = next(i for i in load_catalogue(cur) if i.code == code)
    out = []
    for year in years or data_years(cur):
        for area in areas:
            r = evaluate_indicator(cur, ind, year, area)
            out.append(
                {"year": year, "area": area, "value": r.value, "numerator": r.numerator, "denominator": r.denominator, "status": r.status}
            )
    return pd.DataFrame(out, columns=["year", "area", "value", "numerator", "denominator", "status"])
