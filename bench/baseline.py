"""A plain pandas reading of SPEC §3–4 and docs/decisions.md, independent of metrics/: the yardstick for the engine.

Usage: python -m bench.baseline --db PATH --year Y [--area all|190906|191306]
Prints the same JSON shape as `python -m metrics scorecard --format json` (without "unit" and "gap").

Clarity over speed: every table is read whole into pandas and each indicator is one small function
that returns (numerator, denominator); nothing here imports the project.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

AREAS = ("all", "190906", "191306")
LEVELS = (1, 2, 3)
BE_OFFSET = 543
BE_THRESHOLD = 2400  # SPEC §1: a year >= 2400 is Buddhist Era
DEFAULT_FISCAL_YEAR = 2565  # SPEC §2: evidence without a fiscal year is FY 2565 (Oct 2021 – Sep 2022)
TABLES = (
    "establishments", "annual_reports", "certifications", "practices", "effluent_samples", "effluent_standards",
    "green_areas", "subdistricts", "surveys", "infrastructure", "evidence",
)  # fmt: skip
SHIPPED_CRITERIA = "diw-2562"  # SPEC §3 and §4 as written: the baseline scores the shipped version


@dataclass
class Figures:
    """What an indicator function returns: for a count the denominator is None."""

    numerator: float
    denominator: float | None
    no_data: bool = False  # a % whose denominator is 0, or 1.2.1 without green_areas rows


@dataclass
class Outcome:
    code: str
    level: int
    unit: str  # percent | count
    value: float | None
    numerator: float
    denominator: float | None
    threshold: float
    comparator: str  # ge | gt
    status: str  # pass | fail | no_data
    provisional: bool


def read_tables(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """Every table the formulas need, whole (DuckDB 2.0 streams results: .df() fetches them fully)."""
    tables = {name: con.execute("select * from " + name).df() for name in TABLES}  # names from the tuple above
    tables["indicators"] = con.execute("select * from criteria where version = $v", {"v": SHIPPED_CRITERIA}).df()
    return tables


def flag(column: pd.Series) -> pd.Series:
    """A nullable boolean column as plain bools: null counts as false (decisions: eco_design, controlled_factory)."""
    return column.astype("boolean").fillna(False).astype(bool)


def year_of(column: pd.Series) -> pd.Series:
    """Calendar year of a date column (decisions: the year of a dated row is its calendar year); NaN for null."""
    return pd.to_datetime(column).dt.year.astype("float64")


def numbers(column: pd.Series) -> pd.Series:
    """A nullable numeric column as float64 with NaN for null."""
    return pd.to_numeric(column).astype("float64")


def in_area(frame: pd.DataFrame, area: str) -> pd.DataFrame:
    return frame if area == "all" else frame[frame["subdistrict_code"] == area]


# Building blocks of SPEC §3.


def population(t: dict[str, pd.DataFrame], year: int, area: str) -> set[str]:
    """P(Y, area): factories in the area, registered by Y (or no year) and not closed by Y (or never)."""
    e = in_area(t["establishments"], area)
    registered = numbers(e["registered_year"])
    closed = numbers(e["closed_year"])
    active = (registered.isna() | (registered <= year)) & (closed.isna() | (closed > year))
    return set(e.loc[(e["kind"] == "factory") & active, "factory_id"])


def establishments_in_area(t: dict[str, pd.DataFrame], area: str) -> set[str]:
    """Factories and mines in the area, whatever their registration (7.1.1, 15.1.1)."""
    return set(in_area(t["establishments"], area)["factory_id"])


def implemented(t: dict[str, pd.DataFrame], year: int, practices: tuple[str, ...]) -> set[str]:
    """Establishments with one of the practices implemented in Y."""
    p = t["practices"]
    rows = p[(numbers(p["year"]) == year) & (p["status"] == "implemented") & p["practice"].isin(practices)]
    return set(rows["factory_id"])


def certified(t: dict[str, pd.DataFrame], year: int, schemes: tuple[str, ...], gi_min_level: int | None = None) -> set[str]:
    """Establishments with a valid certificate in Y of one of the schemes (GI counts only from gi_min_level)."""
    c = t["certifications"]
    issued, expires = year_of(c["issued_on"]), year_of(c["expires_on"])
    valid = (issued <= year) & (expires.isna() | (expires >= year))
    wanted = c["scheme"].isin(schemes)
    if gi_min_level is not None:
        wanted = wanted | ((c["scheme"] == "GI") & (numbers(c["level"]) >= gi_min_level))
    return set(c.loc[valid & wanted, "factory_id"])


def share_of_population(t: dict[str, pd.DataFrame], year: int, area: str, qualifying: set[str]) -> Figures:
    p = population(t, year, area)
    return Figures(len(p & qualifying), len(p))


def reports_of(t: dict[str, pd.DataFrame], year: int) -> pd.DataFrame:
    r = t["annual_reports"]
    return r[numbers(r["year"]) == year]


# The 21 indicators: (tables, year, area) -> Figures.


def certified_share(t: dict[str, pd.DataFrame], year: int, area: str) -> Figures:
    """19.1.1: valid GI level >= 2, or a valid CSR_BEGINNER, CSR_DIW, ECO_FACTORY or ISO14001."""
    return share_of_population(t, year, area, certified(t, year, ("CSR_BEGINNER", "CSR_DIW", "ECO_FACTORY", "ISO14001"), gi_min_level=2))


def practice_share(practices: tuple[str, ...], schemes: tuple[str, ...] = ()) -> Callable[[dict[str, pd.DataFrame], int, str], Figures]:
    """5.1.1, 6.1.1, 10.2.1, 12.1.1, 12.2.1, 13.1.1, 13.2.1: a practice implemented in Y or a valid certificate."""

    def indicator(t: dict[str, pd.DataFrame], year: int, area: str) -> Figures:
        return share_of_population(t, year, area, implemented(t, year, practices) | certified(t, year, schemes))

    return indicator


def eco_buildings(t: dict[str, pd.DataFrame], year: int, area: str) -> Figures:
    """2.1.1: a count of factories in P with eco_building implemented."""
    return Figures(len(population(t, year, area) & implemented(t, year, ("eco_building",))), None)


def intensity_improved(amount: str, target: str) -> Callable[[dict[str, pd.DataFrame], int, str], Figures]:
    """7.2.1 / 7.2.2: i = amount / production_qty; eligible with i(Y) and i(Y-1) or a Y target; improved when
    i(Y) < i(Y-1) or i(Y) <= target. i(Y-1) comes from the Y-1 report even if the factory was not in P(Y-1)."""

    def indicator(t: dict[str, pd.DataFrame], year: int, area: str) -> Figures:
        now = reports_of(t, year)
        now = pd.DataFrame(
            {
                "factory_id": now["factory_id"],
                "i": numbers(now[amount]) / numbers(now["production_qty"]),
                "target": numbers(now[target]),
            }
        )
        before = reports_of(t, year - 1)
        before = pd.DataFrame({"factory_id": before["factory_id"], "i_before": numbers(before[amount]) / numbers(before["production_qty"])})
        rows = now[now["factory_id"].isin(population(t, year, area))].merge(before, on="factory_id", how="left")
        eligible = rows["i"].notna() & (rows["i_before"].notna() | rows["target"].notna())
        improved = eligible & ((rows["i"] < rows["i_before"]) | (rows["i"] <= rows["target"]))  # NaN compares false
        return Figures(int(improved.sum()), int(eligible.sum()))

    return indicator


def sum_ratio(part: str, whole: str) -> Callable[[dict[str, pd.DataFrame], int, str], Figures]:
    """9.1.1 / 10.1.1: sum of part / sum of whole over factories in P whose Y report has both."""

    def indicator(t: dict[str, pd.DataFrame], year: int, area: str) -> Figures:
        r = reports_of(t, year)
        r = r[r["factory_id"].isin(population(t, year, area))]
        both = numbers(r[part]).notna() & numbers(r[whole]).notna()
        return Figures(float(numbers(r.loc[both, part]).sum()), float(numbers(r.loc[both, whole]).sum()))

    return indicator


def effluent_compliance(t: dict[str, pd.DataFrame], year: int, area: str) -> Figures:
    """7.1.1: establishments (factories and mines) in the area sampled in Y; compliant when every sample is within limits."""
    s = t["effluent_samples"]
    s = s[(year_of(s["sampled_on"]) == year) & s["factory_id"].isin(establishments_in_area(t, area))]
    s = s.merge(t["effluent_standards"][["parameter", "min_value", "max_value"]], on="parameter", how="left")
    low, high, value = numbers(s["min_value"]), numbers(s["max_value"]), numbers(s["value"])
    within = (low.isna() | (value >= low)) & (high.isna() | (value <= high))
    every_sample_within = within.groupby(s["factory_id"]).all()
    return Figures(int(every_sample_within.sum()), len(every_sample_within))


def green_area_share(t: dict[str, pd.DataFrame], year: int, area: str) -> Figures:
    """1.2.1: green area in the area for Y / the area's land; no data when the area has no green_areas row for Y."""
    g = in_area(t["green_areas"], area)
    g = g[numbers(g["year"]) == year]
    land = float(numbers(in_area(t["subdistricts"], area)["area_m2"]).sum())
    return Figures(float(numbers(g["green_area_m2"]).sum()), land, no_data=g.empty)


def investment_growth(t: dict[str, pd.DataFrame], year: int, area: str) -> Figures:
    """3.1.1: (sum in Y - sum in Y-1) / sum in Y-1 over factories in P(Y) reporting investment in both years."""
    now = reports_of(t, year).set_index("factory_id")["investment_thb"].dropna()
    before = reports_of(t, year - 1).set_index("factory_id")["investment_thb"].dropna()
    both = sorted(population(t, year, area) & set(now.index) & set(before.index))
    total_now, total_before = float(numbers(now[both]).sum()), float(numbers(before[both]).sum())
    return Figures(total_now - total_before, total_before)


def survey_share(question: str) -> Callable[[dict[str, pd.DataFrame], int, str], Figures]:
    """20.1.1 / 20.2.1: community answers in the area and year scoring 4 or 5, over all community answers."""

    def indicator(t: dict[str, pd.DataFrame], year: int, area: str) -> Figures:
        s = in_area(t["surveys"], area)
        s = s[(s["question"] == question) & (s["respondent_type"] == "community") & (numbers(s["year"]) == year)]
        return Figures(int((numbers(s["score"]) >= 4).sum()), len(s))

    return indicator


def evidence_ready(t: dict[str, pd.DataFrame], year: int, area: str) -> Figures:
    """18.1.1: ready items / all items of 18.1.1 in the checklist of fiscal year Y+543, else of the latest earlier
    fiscal year that has a checklist. Without a fiscal_year column every row is FY 2565. Not by area."""
    e = t["evidence"]
    fiscal = (
        numbers(e["fiscal_year"]).fillna(DEFAULT_FISCAL_YEAR) if "fiscal_year" in e.columns else pd.Series(DEFAULT_FISCAL_YEAR, e.index)
    )
    # "A fiscal year has a checklist" = it has evidence rows (of any indicator): the checklist is loaded whole.
    earlier = fiscal[fiscal <= year + BE_OFFSET]
    if earlier.empty:
        return Figures(0, 0)
    items = e[(fiscal == earlier.max()) & (e["indicator_code"] == "18.1.1")]
    return Figures(int((items["status"] == "ready").sum()), len(items))


def eco_infrastructure(t: dict[str, pd.DataFrame], year: int, area: str) -> Figures:
    """1.1.1: a count of projects in the area with eco_design true (empty = false), status completed, year = Y."""
    p = in_area(t["infrastructure"], area)
    counted = (numbers(p["year"]) == year) & (p["status"] == "completed") & flag(p["eco_design"])
    return Figures(int(counted.sum()), None)


def participatory_monitoring(t: dict[str, pd.DataFrame], year: int, area: str) -> Figures:
    """15.1.1: a count of establishments (factories and mines) in the area with participatory_monitoring implemented in Y."""
    return Figures(len(establishments_in_area(t, area) & implemented(t, year, ("participatory_monitoring",))), None)


INDICATORS: dict[str, Callable[[dict[str, pd.DataFrame], int, str], Figures]] = {
    "18.1.1": evidence_ready,
    "19.1.1": certified_share,
    "20.1.1": survey_share("eco_town_awareness"),
    "1.1.1": eco_infrastructure,
    "1.2.1": green_area_share,
    "3.1.1": investment_growth,
    "7.1.1": effluent_compliance,
    "20.2.1": survey_share("disclosure_satisfaction"),
    "2.1.1": eco_buildings,
    "5.1.1": practice_share(("eco_product", "green_purchasing")),
    "6.1.1": practice_share(("logistics",)),
    "7.2.1": intensity_improved("water_use_m3", "water_intensity_target"),
    "7.2.2": intensity_improved("wastewater_m3", "wastewater_intensity_target"),
    "9.1.1": sum_ratio("waste_3r_t", "waste_generated_t"),
    "10.1.1": sum_ratio("energy_renewable_gj", "energy_total_gj"),
    "10.2.1": practice_share(("energy_efficiency",), ("TEA",)),
    "12.1.1": practice_share(("eco_process",), ("ECO_FACTORY",)),
    "12.2.1": practice_share(("raw_material_efficiency",)),
    "13.1.1": practice_share(("eco_efficiency_analysis",)),
    "13.2.1": practice_share(("ghg_reduction",), ("CFO", "CFR")),
    "15.1.1": participatory_monitoring,
}


# Verdicts (SPEC §4).


def outcome(t: dict[str, pd.DataFrame], criterion: pd.Series, year: int, area: str) -> Outcome:
    code, unit = str(criterion["code"]), str(criterion["unit"])
    f = INDICATORS[code](t, year, area)
    value: float | None
    if unit == "count":
        value = float(f.numerator)  # a count is never no data: nothing counted is 0
    elif f.no_data or not f.denominator:
        value = None
    else:
        value = f.numerator / f.denominator * 100.0
    threshold, comparator = float(criterion["threshold"]), str(criterion["comparator"])
    if value is None:
        status = "no_data"
    else:
        passes = value > threshold if comparator == "gt" else value >= threshold  # the unrounded value
        status = "pass" if passes else "fail"
    return Outcome(
        code,
        int(criterion["level"]),
        unit,
        value,
        f.numerator,
        f.denominator,
        threshold,
        comparator,
        status,
        bool(criterion["provisional"]),
    )


def evaluate(t: dict[str, pd.DataFrame], year: int, area: str = "all") -> list[Outcome]:
    """Every indicator of the catalogue, in its order (level, then sort_order)."""
    criteria = t["indicators"].sort_values(["level", "sort_order"])
    return [outcome(t, row, year, area) for _, row in criteria.iterrows()]


def level_status(verdicts: list[tuple[int, str]], level: int) -> str:
    """A level passes when every one of its indicators passes; no data keeps it from passing. verdicts: (level, status)."""
    of_level = [status for lv, status in verdicts if lv == level]
    return "pass" if of_level and all(status == "pass" for status in of_level) else "fail"


def town_level(verdicts: list[tuple[int, str]]) -> int:
    """The highest L such that levels 1..L all pass (0 when level 1 fails)."""
    reached = 0
    for level in LEVELS:
        if level_status(verdicts, level) != "pass":
            break
        reached = level
    return reached


def _number(x: float | None) -> float | int | None:
    """As the scorecard prints numerators and denominators: an integer when whole, else 4 decimals."""
    if x is None:
        return None
    return int(round(x)) if float(x).is_integer() else round(float(x), 4)


def scorecard(t: dict[str, pd.DataFrame], year: int, area: str = "all", rounded: bool = True) -> dict[str, object]:
    """The scorecard as JSON data; rounded=False keeps the exact numbers (for comparisons)."""
    outcomes = evaluate(t, year, area)
    verdicts = [(o.level, o.status) for o in outcomes]
    indicators = []
    for o in outcomes:
        value: float | None = o.value
        if rounded and value is not None:
            value = int(value) if o.unit == "count" else round(value, 2)
        indicators.append(
            {
                "code": o.code,
                "level": o.level,
                "value": value,
                "numerator": _number(o.numerator) if rounded else o.numerator,
                "denominator": _number(o.denominator) if rounded else o.denominator,
                "threshold": o.threshold,
                "status": o.status,
                "provisional": o.provisional,
            }
        )
    return {
        "year": year,
        "area": area,
        "town_level": town_level(verdicts),
        "levels": [{"level": level, "status": level_status(verdicts, level)} for level in LEVELS],
        "indicators": indicators,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.baseline", description="Independent pandas scorecard (SPEC §3–4)")
    parser.add_argument("--db", required=True)
    parser.add_argument("--year", type=int, required=True, help="CE year (a BE year >= 2400 is converted)")
    parser.add_argument("--area", default="all", choices=AREAS)
    args = parser.parse_args(argv)
    if not Path(args.db).is_file():
        print(f"error: no database at {args.db}", file=sys.stderr)
        return 2
    year = args.year - BE_OFFSET if args.year >= BE_THRESHOLD else args.year
    con = duckdb.connect(args.db, read_only=True)
    try:
        tables = read_tables(con)
    finally:
        con.close()
    print(json.dumps(scorecard(tables, year, args.area), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
