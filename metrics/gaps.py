"""Who could close a failing indicator's gap: named establishments (or projects, checklist items), why each is a
candidate and how much of the gap each would close, ranked by that.

Candidates come from one query per family (sql/gaps/<family>.sql) bound with the indicator's own family
parameters, so an indicator of a new criteria version is read the way the engine scores it:
- planned: the indicator's practice planned for the year (factory shares, participatory monitoring) or an
  eco-designed project planned (1.1.1);
- in_progress: an eco-designed project under way (1.1.1), an evidence item in progress (18.1.1);
- expired: a certificate of one of its schemes that expired the year before (renewing it counts the factory);
- expiring: a counted factory whose only qualifying certificate expires in the year (closes nothing now, but
  keeps the gap from growing: 0);
- closest: not counted but nearest the criterion (GI below its level, effluent just over a limit, intensity just
  above last year's or its target, a share of waste reused or energy renewable below the threshold, an
  investment that fell).
A family without a query (surveys, green area) has no candidates: nobody named can close those gaps.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import duckdb

from metrics.engine import Result, Scorecard
from metrics.registry import SQL_ROOT, bound_params, sql
from store.families import FAMILIES

WHY = ("planned", "in_progress", "expired", "closest", "expiring")  # the order of equal candidates
FOLDER = "gaps"
PARAMETER = re.compile(r"\$([a-z_]+)")
# A family's query names its candidates by column, in no order: why, entity_id, detail, and where it has them name_th
# and name_en (an establishment's are looked up), on_date, weight (how much it closes: 1 when not named) and distance
# (how near: 0 when not named). Here they get one shape and the most closing are kept: ties in the order of WHY, then
# the nearest.
RANKED = """
select
    c.why, c.entity_id, coalesce(c.name_th, e.name_th) as name_th, coalesce(c.name_en, e.name_en) as name_en, c.detail,
    c.on_date, coalesce(c.weight, 1.0) as weight, coalesce(c.distance, 0.0) as distance
from (
    select
        null::varchar as why, null::varchar as entity_id, null::varchar as name_th, null::varchar as name_en,
        null::varchar as detail, null::date as on_date, null::double as weight, null::double as distance
    where false
    union all by name
    select * from (
{query}
    )
) as c
left join establishments as e on e.factory_id = c.entity_id
order by weight desc, list_position($why, c.why), distance, c.entity_id
limit $limit
"""


@dataclass(frozen=True)
class Candidate:
    """One establishment (project, item) that could close part of an indicator's gap."""

    entity_id: str
    name_th: str | None
    name_en: str | None
    why: str  # planned | in_progress | expiring | expired | closest
    detail: str  # the practice or scheme code, or its value against the limit ("BOD 25.3 > 20 mg/L")
    closes: float  # how much of the gap it would close, in gap_size's unit (things counted, or percentage points)
    on: dt.date | None = None  # expiring / expired: the certificate's expiry date

    def name(self, lang: str) -> str | None:
        """Its name in a language, the other language's when that one is missing (None when it has none)."""
        first, second = (self.name_th, self.name_en) if lang == "th" else (self.name_en, self.name_th)
        return first or second or None


def gap_size(result: Result) -> float | None:
    """How far a failing indicator is from passing: the number of further things it must count (factories,
    establishments, projects, items, respondents), or for a sum ratio (9.1.1, 10.1.1, 1.2.1, 3.1.1) the
    percentage points it lacks. None when it passes or has no data."""
    if result.status != "fail" or result.value is None:
        return None
    if result.gap is not None:
        return float(result.gap)
    if result.indicator.unit == "percent":
        return float(result.indicator.threshold - result.value)
    return None


def has_query(family: str) -> bool:
    return (SQL_ROOT / FOLDER / f"{family}.sql").is_file()


def candidates(cur: duckdb.DuckDBPyConnection, card: Scorecard, code: str, limit: int = 10) -> list[Candidate]:
    """Who could close the gap of indicator `code` in the scorecard's year and area, the most closing first
    (at most `limit`); empty when it passes, has no data, or its family names nobody."""
    result = card.result(code)
    size = gap_size(result)
    ind = result.indicator
    if size is None or not has_query(ind.family) or limit <= 0:
        return []
    text = sql(ind.family, FOLDER)
    given = {
        **bound_params(FAMILIES[ind.family], [ind], [card.year]),
        "code": ind.code,
        "year": int(card.year),
        "area": card.area,
        "limit": int(limit),
        "threshold": float(ind.threshold),
    }
    given["why"] = list(WHY)
    wanted = set(PARAMETER.findall(text)) | {"limit", "why"}
    rows = cur.execute(RANKED.format(query=text), {k: v for k, v in given.items() if k in wanted}).fetchall()
    # In counted things each candidate closes its weight (1, or 0 when it only keeps the gap); for a sum ratio its
    # weight is an amount of the numerator, in percentage points of the denominator.
    per_point = 100.0 / result.denominator if result.gap is None and result.denominator else 1.0
    found = [
        (
            Candidate(str(entity), name_th, name_en, str(why), str(detail or ""), float(weight) * per_point, on),
            float(distance or 0.0),
        )
        for why, entity, name_th, name_en, detail, on, weight, distance in rows
    ]
    found.sort(key=lambda c: (-c[0].closes, WHY.index(c[0].why), c[1], c[0].entity_id))
    return [c for c, _ in found[:limit]]


def closing(found: list[Candidate], result: Result) -> float:
    """How much of the gap the candidates would close together, at most the whole gap (0 when there is none)."""
    size = gap_size(result)
    return 0.0 if size is None else min(size, sum(c.closes for c in found))
