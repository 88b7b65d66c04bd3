"""The indicator engine: every indicator's numerator, denominator and verdict, set-based.

One SQL pass per family (sql/indicators/<family>.sql) gives the tallies of all its indicators for every
year and subdistrict asked at once; "all" is the sum of the two subdistricts. The rows behind a number
are a separate query that only the pages showing them run (`rows`). Pandas is imported only there, so
the command line stays light.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

import duckdb

from metrics.catalogue import Indicator, load_catalogue, town_areas, versions_for_years
from metrics.registry import SHOWN_ORDER, bound_params, coverage_basis, passes, side_counts, sql
from store.families import COUNTED_ENTITIES, FAMILIES, Family

if TYPE_CHECKING:
    import pandas as pd

LEVELS = (1, 2, 3)
V = TypeVar("V")
PARALLEL_PASSES = 3  # measured on 2 cores: 266 ms serial, 217 ms with 2-4 threads at national scale
FISCAL_OFFSET = 543  # fiscal years are kept in Buddhist Era

# SUMMARY and ROWS wrap one family's query from sql/indicators/ as a subquery ({family} is that file's text,
# never a value; {order} is the family's SHOWN_ORDER, a constant); every value (years, areas, codes) is bound
# as a $parameter. The family queries are unordered: only the rows shown are sorted.
SUMMARY = """
select
    code,
    year,
    subdistrict_code,
    sum(num) as num,
    sum(den) as den,
    count(*) filter (where counted) as counted,
    count(*) filter (where counted and controlled_factory) as counted_controlled
from ({family}) as family_rows
group by all
"""

ROWS = """
select *
from ({family}) as family_rows
where code = $wanted_code
  and ($wanted_area = 'all' or subdistrict_code = $wanted_area or subdistrict_code is null)
order by {order}
"""

FAMILY_ROWS = """
select *
from ({family}) as family_rows
order by {order}
"""


@dataclass(frozen=True)
class Tally:
    """One family pass's sums for one indicator, year and subdistrict (None: town-wide)."""

    num: float = 0.0
    den: float = 0.0
    counted: int = 0
    counted_controlled: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.num + other.num, self.den + other.den, self.counted + other.counted, self.counted_controlled + other.counted_controlled
        )


@dataclass
class Result:
    indicator: Indicator
    year: int
    area: str
    value: float | None
    numerator: float
    denominator: float | None
    status: str  # pass | fail | no_data
    gap: int | None = None  # how many more counted things would make it pass
    gap_amount: float | None = None  # for a sum ratio: how much more of its numerator's amount (t, GJ, m², THB)
    split: dict[str, int] = field(default_factory=dict)
    has_data: bool = True  # the indicator's uploads hold rows for this year and area
    fiscal_year: int | None = None  # 18.1.1: the fiscal year (BE) of the checklist used
    coverage: tuple[int, int] | None = None  # (reported, expected): how many of those the value rests on reported

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

    @property
    def criteria(self) -> str:
        """The criteria version the scorecard was scored under."""
        return self.results[0].indicator.version if self.results else ""

    def result(self, code: str) -> Result:
        return next(r for r in self.results if r.code == code)

    def to_json(self) -> dict[str, object]:
        return {
            "year": self.year,
            "area": self.area,
            "criteria": self.criteria or None,
            "town_level": self.town_level,
            "levels": self.levels,
            "indicators": [result_json(r) for r in self.results],
        }


def level_status(results: list[Result], level: int) -> str:
    """A level passes when every indicator of it passes; a no-data indicator keeps it from passing."""
    of_level = [r for r in results if r.indicator.level == level]
    return "pass" if of_level and all(r.status == "pass" for r in of_level) else "fail"


def _number(x: float | None) -> float | int | None:
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
        "numerator": _number(r.numerator),
        "denominator": _number(r.denominator),
        "threshold": float(ind.threshold),
        "status": r.status,
        "provisional": bool(ind.provisional),
        "unit": ind.unit,
        "gap": r.gap,
        "coverage": None if r.coverage is None else {"reported": r.coverage[0], "expected": r.coverage[1]},
    }


def tallies(cur: duckdb.DuckDBPyConnection, years: list[int], catalogue: list[Indicator]) -> dict[tuple[str, int, str | None], Tally]:
    """Every family's sums for every indicator of a catalogue, year and subdistrict in one pass per family; the
    passes run side by side on cursors of the same connection (thread-safe, and DuckDB leaves the GIL while it works)."""

    def one(work: tuple[Family, list[Indicator]]) -> list[tuple[Any, ...]]:
        family, indicators = work
        with cur.cursor() as own:
            return own.execute(SUMMARY.format(family=sql(family.name)), bound_params(family, indicators, years)).fetchall()

    out: dict[tuple[str, int, str | None], Tally] = {}
    with ThreadPoolExecutor(max_workers=PARALLEL_PASSES) as pool:
        for found in pool.map(one, passes(catalogue)):
            for code, year, sub, num, den, counted, controlled in found:
                out[(str(code), int(year), sub)] = Tally(float(num or 0), float(den or 0), int(counted), int(controlled))
    return out


def presence(cur: duckdb.DuckDBPyConnection, years: list[int]) -> dict[tuple[str, int, str | None], int]:
    """Rows per upload, year and subdistrict (data_presence.sql): whether a year has data at all."""
    rows = cur.execute(sql("data_presence"), {"years": [int(y) for y in years]}).fetchall()
    return {(source, int(year), sub): int(n) for source, year, sub, n in rows}


def checklist_years(cur: duckdb.DuckDBPyConnection, years: list[int]) -> dict[int, int | None]:
    """For each calendar year, the fiscal year (BE) whose evidence checklist applies: Y+543 if it has
    one, else the latest earlier one (SPEC §3, 18.1.1); None before the first checklist."""
    have = sorted(int(r[0]) for r in cur.execute("select distinct fiscal_year from evidence").fetchall())
    return {y: max((f for f in have if f <= y + FISCAL_OFFSET), default=None) for y in years}


def with_town_totals(found: dict[tuple[str, int, str | None], V], add: Callable[[V, V], V]) -> dict[tuple[str, int, str | None], V]:
    """The same figures with "all" (the whole town: every subdistrict's summed) beside each subdistrict's."""
    out = dict(found)
    for (key, year, sub), value in found.items():
        if sub is not None:
            total = out.get((key, year, "all"))
            out[(key, year, "all")] = value if total is None else add(total, value)
    return out


def _area_tally(found: dict[tuple[str, int, str | None], Tally], code: str, year: int, area: str, town_wide: bool) -> Tally:
    return found.get((code, year, None if town_wide else area), Tally())


def coverage(cur: duckdb.DuckDBPyConnection, years: list[int]) -> dict[tuple[str, int, str | None], tuple[int, int]]:
    """(reported, expected) per coverage basis, year and subdistrict (sql/indicators/coverage.sql), and for "all"."""
    rows = cur.execute(sql("coverage"), {"years": [int(y) for y in years]}).fetchall()
    found = {(basis, int(year), sub): (int(n), int(m)) for basis, year, sub, n, m in rows}
    return with_town_totals(found, lambda a, b: (a[0] + b[0], a[1] + b[1]))


def _coverage_on_own_cursor(cur: duckdb.DuckDBPyConnection, years: list[int]) -> dict[tuple[str, int, str | None], tuple[int, int]]:
    with cur.cursor() as own:
        return coverage(own, years)


def _coverage(
    counts: dict[tuple[str, int, str | None], tuple[int, int]], ind: Indicator, year: int, area: str, tally: Tally
) -> tuple[int, int]:
    basis = coverage_basis(ind)
    if basis == "tally":  # respondents and checklist items: each row the value rests on is one that reported
        return int(tally.den), int(tally.den)
    return counts.get((basis, year, area), (0, 0))


def _has_data(seen: dict[tuple[str, int, str | None], int], sources: tuple[str, ...], year: int, area: str) -> bool:
    return any(seen.get((source, year, None if source == "evidence" else area)) for source in sources)


def gap_to_pass(ind: Indicator, numerator: float, denominator: float | None, value: float | None) -> int | None:
    """Smallest number of further counted things that would make a failing indicator pass."""
    if value is None or ind.passes(value):
        return None
    if ind.unit == "count":
        need = ind.threshold - value
        return max(1, math.ceil(need)) if ind.comparator == "ge" else math.floor(need) + 1
    if ind.amount_unit or ind.entity not in COUNTED_ENTITIES or not denominator:
        return None
    needed = ind.threshold * denominator / 100.0 - numerator
    k = max(0, math.ceil(needed - 1e-9))
    while k <= denominator and not ind.passes((numerator + k) / denominator * 100.0):
        k += 1
    return int(min(k, denominator - numerator)) if k <= denominator else None


def gap_amount(ind: Indicator, numerator: float, denominator: float | None, value: float | None) -> float | None:
    """For a failing sum ratio: how much more of the numerator's amount would reach the threshold with the
    denominator held (9.1.1 tonnes reused, 10.1.1 GJ renewable, 1.2.1 m² green, 3.1.1 THB invested).
    For a strict criterion (3.1.1 '> 0 %') the amount must be exceeded."""
    if value is None or ind.passes(value) or not ind.amount_unit or not denominator:
        return None
    return max(0.0, ind.threshold * denominator / 100.0 - numerator)


def judge(
    ind: Indicator, year: int, area: str, tally: Tally, has_data: bool, side: dict[str, int], fiscal_year: int | None = None
) -> Result:
    value: float | None
    if ind.unit == "count":
        value, denominator = tally.num, None  # a count is never no data: nothing counted is 0
    else:
        enough = tally.den > 0 and (not ind.no_data_without_rows or tally.counted > 0)
        value, denominator = (tally.num / tally.den * 100.0 if enough else None), tally.den
    status = "no_data" if value is None else ("pass" if ind.passes(value) else "fail")
    result = Result(ind, year, area, value, tally.num, denominator, status, has_data=has_data, fiscal_year=fiscal_year)
    result.gap = gap_to_pass(ind, tally.num, tally.den, value)
    result.gap_amount = gap_amount(ind, tally.num, tally.den, value)
    if "controlled" in ind.split:
        result.split = {"controlled": tally.counted_controlled, "not_controlled": tally.counted - tally.counted_controlled}
    elif ind.split:
        result.split = side
    return result


def scorecards(
    cur: duckdb.DuckDBPyConnection,
    years: list[int],
    areas: Iterable[str] | None = None,
    catalogue: list[Indicator] | None = None,
    with_presence: bool = True,
    criteria: str | None = None,
) -> dict[tuple[int, str], Scorecard]:
    """The scorecard of every (year, area) asked, from one pass per family and criteria version. Each year is
    scored under the version that applies to it, unless `criteria` names one (or a catalogue is given) for all.
    Without presence (the command line), every result says has_data=True: the verdicts do not depend on it."""
    known = town_areas(cur)
    areas = list(known if areas is None else areas)
    for area in areas:
        if area not in known:
            raise ValueError(f"area must be one of {', '.join(known)}")
    years = sorted({int(y) for y in years})
    if catalogue is not None:
        groups = {"": (catalogue, years)}
    else:
        wanted = {y: criteria for y in years} if criteria else versions_for_years(cur, years)
        groups = {v: (load_catalogue(cur, v), [y for y in years if wanted[y] == v]) for v in sorted(set(wanted.values()))}
    with ThreadPoolExecutor(max_workers=1) as side:  # coverage is read beside the family passes, on its own cursor
        pending = side.submit(_coverage_on_own_cursor, cur, years)
        seen = with_town_totals(presence(cur, years), int.__add__) if with_presence else None
        fiscal = checklist_years(cur, years)
        found_by_group = [with_town_totals(tallies(cur, group_years, inds), Tally.__add__) for inds, group_years in groups.values()]
        counts = pending.result()
    out: dict[tuple[int, str], Scorecard] = {}
    for (inds, group_years), found in zip(groups.values(), found_by_group, strict=True):
        for year in group_years:
            for area in areas:
                results = []
                for ind in inds:
                    result = _judged(found, seen, fiscal, ind, year, area)
                    result.coverage = _coverage(counts, ind, year, area, _area_tally(found, ind.code, year, area, ind.town_wide))
                    results.append(result)
                out[(year, area)] = Scorecard(year, area, results)
    return out


def _judged(
    found: dict[tuple[str, int, str | None], Tally],
    seen: dict[tuple[str, int, str | None], int] | None,
    fiscal: dict[int, int | None],
    ind: Indicator,
    year: int,
    area: str,
) -> Result:
    town_wide = ind.town_wide
    tally = _area_tally(found, ind.code, year, area, town_wide)
    side = {name: _area_tally(found, f"{ind.code}:{name}", year, area, town_wide).counted for name in side_counts(ind)}
    has_data = True if seen is None else _has_data(seen, ind.sources, year, area)
    return judge(ind, year, area, tally, has_data, side, fiscal[year] if town_wide else None)


def evaluate(
    cur: duckdb.DuckDBPyConnection, year: int, area: str = "all", with_presence: bool = True, criteria: str | None = None
) -> Scorecard:
    return scorecards(cur, [year], [area], with_presence=with_presence, criteria=criteria)[(year, area)]


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


def trends(cur: duckdb.DuckDBPyConnection, years: list[int] | None = None, areas: Iterable[str] | None = None) -> pd.DataFrame:
    """Every indicator for every year and area: code, year, area, value, numerator, denominator, status, has_data."""
    years = years if years is not None else data_years(cur)
    return trend_frame(scorecards(cur, years, areas) if years else {})


def trend_frame(cards: dict[tuple[int, str], Scorecard]) -> pd.DataFrame:
    """Scorecards by (year, area) as one frame: code, year, area, value, numerator, denominator, status, has_data."""
    import pandas as pd

    columns = ["code", "year", "area", "value", "numerator", "denominator", "status", "has_data"]
    records = [
        (r.code, year, area, r.value, r.numerator, r.denominator, r.status, r.has_data)
        for (year, area), card in cards.items()
        for r in card.results
    ]
    return pd.DataFrame(records, columns=columns)


def trend(cur: duckdb.DuckDBPyConnection, code: str, areas: tuple[str, ...] | None = None, years: list[int] | None = None) -> pd.DataFrame:
    """One indicator for every data year and area: year, area, value, numerator, denominator, status."""
    frame = trends(cur, years, areas)
    return frame[frame["code"] == code].drop(columns=["code"]).reset_index(drop=True)


def indicator_for(cur: duckdb.DuckDBPyConnection, code: str, year: int) -> Indicator:
    """The indicator of that code in the version that applies to the year (KeyError when that version has none)."""
    found = [ind for ind in load_catalogue(cur, versions_for_years(cur, [year])[year]) if ind.code == code]
    if not found:
        raise KeyError(code)
    return found[0]


def rows(cur: duckdb.DuckDBPyConnection, code: str, year: int, area: str = "all") -> pd.DataFrame:
    """The rows behind one indicator's number for a year and area, with their amounts (run only when shown)."""
    ind = indicator_for(cur, code, year)
    family = FAMILIES[ind.family]
    params = {**bound_params(family, [ind], [year]), "wanted_code": code, "wanted_area": area}
    return cur.execute(ROWS.format(family=sql(family.name), order=SHOWN_ORDER[family.name]), params).df()


def family_rows(cur: duckdb.DuckDBPyConnection, family: str, year: int) -> pd.DataFrame:
    """Every row of one family for one year, all its indicators and areas (the profile's 'counts toward')."""
    import pandas as pd

    spec = FAMILIES[family]
    inds = [ind for ind in load_catalogue(cur, versions_for_years(cur, [year])[year]) if ind.family == family]
    if not inds:
        return pd.DataFrame(columns=["code"])
    frame = cur.execute(FAMILY_ROWS.format(family=sql(spec.name), order=SHOWN_ORDER[spec.name]), bound_params(spec, inds, [year])).df()
    return frame[~frame["code"].str.contains(":", regex=False)]


def comparison(cur: duckdb.DuckDBPyConnection, year: int, area: str, other: str, lang: str) -> pd.DataFrame:
    """One year and area scored under the version that applies and under another, side by side ("what if the
    revision applied to 2566?"): code, name, then value / criterion / status under each; an indicator only one
    version has is blank under the other."""
    import pandas as pd

    applied = evaluate(cur, year, area)
    alternative = evaluate(cur, year, area, criteria=other)
    by_code = {r.code: r for r in alternative.results}
    codes = [r.code for r in applied.results] + [c for c in by_code if c not in {r.code for r in applied.results}]
    mine = {r.code: r for r in applied.results}

    def cells(r: Result | None) -> list[object]:
        if r is None:
            return [None, None, None]
        rule = (">" if r.indicator.comparator == "gt" else "≥") + f" {r.indicator.threshold:g}"
        return [None if r.value is None else round(r.value, 2), rule, r.status]

    rows = [
        [code, (mine.get(code) or by_code[code]).indicator.name(lang), *cells(mine.get(code)), *cells(by_code.get(code))] for code in codes
    ]
    head = ["code", "name", "value_a", "criterion_a", "status_a", "value_b", "criterion_b", "status_b"]
    frame = pd.DataFrame(rows, columns=head)
    frame.attrs["versions"] = (applied.results[0].indicator.version if applied.results else "", other)
    frame.attrs["levels"] = (applied.town_level, alternative.town_level)
    return frame
