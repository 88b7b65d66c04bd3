"""How a criteria version's indicators become the bound parameters of the family queries (SPEC §3; criteria as data).

An indicator is a family + params + criterion (a row of a criteria version, data/criteria/*.csv); what a family
is and which params it takes is the contract in store/families.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from store.db import ROOT
from store.families import FAMILIES, REPORT_MEASURES, Family, parse_params

if TYPE_CHECKING:
    from metrics.catalogue import Indicator

SQL_ROOT = ROOT / "sql"

# The order a family's rows are shown in (the rows behind a number, an establishment's counts): the family
# queries themselves are unordered, since their sums do not need the rows sorted and sorting costs.
SHOWN_ORDER = {
    "effluent_compliance": "year, counted, exceedances desc, entity_id",
    "evidence_ready": "year, item_no",
    "factory_share": "code, year, counted desc, entity_id",
    "green_area_share": "year, in_denominator, num desc, entity_id",
    "infrastructure_eco": "year, counted desc, entity_id",
    "intensity_change": "code, year, in_denominator desc, counted desc, change_pct nulls last, entity_id",
    "investment_growth": "year, in_denominator desc, num desc, entity_id",
    "participatory_monitoring": "year, counted desc, entity_id",
    "report_share": "code, year, in_denominator desc, share_pct desc nulls last, entity_id",
    "survey_share": "code, year, entity_id",
}


def param(ind: Indicator, key: str) -> tuple[str, ...]:
    return dict(parse_params(ind.family, ind.params)).get(key, ())


def side_counts(ind: Indicator) -> tuple[str, ...]:
    """Practices counted beside an indicator (13.1.1: mass_balance and symbiosis), each a hidden code `code:practice`."""
    return param(ind, "beside")


def split_of(ind: Indicator) -> tuple[str, ...]:
    """The extra counts shown beside the value: controlled / not controlled (2.1.1), or the side practices."""
    return ("controlled", "not_controlled") if param(ind, "split") else side_counts(ind)


def sources_of(ind: Indicator) -> tuple[str, ...]:
    """The uploads whose rows mean the indicator's year has data: a factory share reads practices, certificates or both."""
    if ind.family != "factory_share":
        return FAMILIES[ind.family].sources
    return tuple(s for s, key in (("practices", "practices"), ("certifications", "schemes")) if param(ind, key))


def coverage_basis(ind: Indicator) -> str:
    """Which count of sql/indicators/coverage.sql says how many reported: a factory share by what it reads. The
    certificate register has no yearly return, so a share of certificates alone rests on the year's annual reports."""
    if ind.family != "factory_share":
        return FAMILIES[ind.family].coverage
    practices, schemes = bool(param(ind, "practices")), bool(param(ind, "schemes"))
    return "practised_or_certified" if practices and schemes else "practices" if practices else "reports"


def amount_unit_of(ind: Indicator) -> str | None:
    if ind.family == "report_share":
        return REPORT_MEASURES[param(ind, "measure")[0]]
    return FAMILIES[ind.family].amount_unit


def _share(code: str, practices: Iterable[str], schemes: Iterable[str] = (), gi_min_level: int = 2) -> dict[str, object]:
    return {"code": code, "practices": list(practices), "schemes": list(schemes), "gi_min_level": gi_min_level}


def bound_params(family: Family, indicators: list[Indicator], years: list[int]) -> dict[str, object]:
    """The $parameters of one family's query for the given indicators (all of one version) and years."""
    out: dict[str, object] = {"years": [int(y) for y in years]}
    if family.name == "factory_share":
        defs = []
        for ind in indicators:
            level = param(ind, "gi_min_level")
            defs.append(_share(ind.code, param(ind, "practices"), param(ind, "schemes"), int(level[0]) if level else 2))
            defs.extend(_share(f"{ind.code}:{p}", [p]) for p in side_counts(ind))
        out["defs"] = defs
    elif family.name == "survey_share":
        out["questions"] = [{"code": ind.code, "question": param(ind, "question")[0]} for ind in indicators]
    elif family.name in ("intensity_change", "report_share"):
        out["measures"] = [{"code": ind.code, "measure": param(ind, "measure")[0]} for ind in indicators]
    else:
        out["code"] = indicators[0].code
    return out


def passes(catalogue: list[Indicator]) -> list[tuple[Family, list[Indicator]]]:
    """The family passes a version needs: each family its indicators, in the catalogue's order."""
    by_family: dict[str, list[Indicator]] = {}
    for ind in catalogue:
        by_family.setdefault(ind.family, []).append(ind)
    out: list[tuple[Family, list[Indicator]]] = []
    for name, inds in by_family.items():
        family = FAMILIES[name]
        out.extend([(family, inds)] if family.many else [(family, [ind]) for ind in inds])
    return out


@cache
def sql(query: str, folder: str = "indicators") -> str:
    """The text of sql/<folder>/<query>.sql; names come from this module's allowlists, never from users."""
    return (SQL_ROOT / folder / f"{query}.sql").read_text(encoding="utf-8")
