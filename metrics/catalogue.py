"""The indicator catalogue of a criteria version, and which version applies to a year (criteria as data).

A criteria version is a set of rows in the `criteria` table (imported from a CSV such as
data/criteria/diw-2562.csv); `criteria_applied` says from which year each version applies. A year before the
first application uses the shipped version, `diw-2562` (SPEC §5).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from metrics import registry
from store.families import FAMILIES

SHIPPED_VERSION = "diw-2562"


@dataclass(frozen=True)
class Indicator:
    code: str
    level: int
    sort_order: int
    unit: str  # percent | count
    comparator: str  # ge | gt
    threshold: float
    provisional: bool
    entity: str  # what the numerator counts: factory, establishment, respondent, item, project, green_area
    name_th: str
    name_en: str
    family: str = "factory_share"
    params: str = ""
    formula_th: str = ""
    formula_en: str = ""
    version: str = SHIPPED_VERSION

    def name(self, lang: str) -> str:
        return self.name_th if lang == "th" else self.name_en

    def formula(self, lang: str) -> str:
        return self.formula_th if lang == "th" else self.formula_en

    def passes(self, value: float) -> bool:
        return value > self.threshold if self.comparator == "gt" else value >= self.threshold

    @property
    def sources(self) -> tuple[str, ...]:
        return registry.sources_of(self)

    @property
    def amount_unit(self) -> str | None:
        return registry.amount_unit_of(self)

    @property
    def split(self) -> tuple[str, ...]:
        return registry.split_of(self)

    @property
    def town_wide(self) -> bool:
        return FAMILIES[self.family].town_wide

    @property
    def no_data_without_rows(self) -> bool:
        return FAMILIES[self.family].no_data_without_rows


CATALOGUE = """
select code, level, sort_order, unit, comparator, threshold, provisional, entity, name_th, name_en,
       family, params, formula_th, formula_en, version
from criteria
where version = $version
order by level, sort_order, code
"""


class UnknownVersion(LookupError):
    """No criteria version of that name in the database."""


def load_catalogue(cur: duckdb.DuckDBPyConnection, version: str | None = None) -> list[Indicator]:
    """The indicators of a version (default: the one that applies to the latest year anyone applied, else the shipped one)."""
    name = version or current_version(cur)
    rows = cur.execute(CATALOGUE, {"version": name}).fetchall()
    if not rows:
        raise UnknownVersion(name)
    return [Indicator(*row) for row in rows]


def applications(cur: duckdb.DuckDBPyConnection) -> list[tuple[int, str]]:
    """(from_year CE, version), ascending: each version applies from its year until the next one's."""
    return [(int(y), str(v)) for y, v in cur.execute("select from_year, version from criteria_applied order by from_year").fetchall()]


def version_for(applied: list[tuple[int, str]], year: int) -> str:
    found = SHIPPED_VERSION
    for from_year, version in applied:
        if from_year <= year:
            found = version
    return found


def versions_for_years(cur: duckdb.DuckDBPyConnection, years: list[int]) -> dict[int, str]:
    applied = applications(cur)
    return {int(y): version_for(applied, int(y)) for y in years}


def current_version(cur: duckdb.DuckDBPyConnection) -> str:
    applied = applications(cur)
    return applied[-1][1] if applied else SHIPPED_VERSION


def versions(cur: duckdb.DuckDBPyConnection) -> list[tuple[str, int, str, str]]:
    """(version, indicators, imported_by, imported_at) of every stored version, oldest first."""
    return [
        (str(v), int(n), str(by), str(at))
        for v, n, by, at in cur.execute(
            "select v.version, count(c.code), v.imported_by, v.imported_at::varchar as imported from criteria_versions as v"
            " left join criteria as c using (version) group by all order by imported, v.version"
        ).fetchall()
    ]


def town_areas(cur: duckdb.DuckDBPyConnection) -> tuple[str, ...]:
    """ "all" (the whole town) and the town's subdistrict codes, as stored (data/towns/*.toml)."""
    return ("all", *(str(r[0]) for r in cur.execute("select subdistrict_code from subdistricts order by subdistrict_code").fetchall()))
