"""The indicator catalogue and its criteria, read from the database (editable by an admin)."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

AREAS = ("all", "190906", "191306")


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

    def name(self, lang: str) -> str:
        return self.name_th if lang == "th" else self.name_en

    def passes(self, value: float) -> bool:
        return value > self.threshold if self.comparator == "gt" else value >= self.threshold


def load_catalogue(cur: duckdb.DuckDBPyConnection) -> list[Indicator]:
    rows = cur.execute(
        "select code, level, sort_order, unit, comparator, threshold, provisional, entity, name_th, name_en"
        " from indicators order by level, sort_order"
    ).fetchall()
    return [Indicator(*row) for row in rows]
