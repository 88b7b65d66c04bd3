"""Which family query computes each indicator, with which parameters, and where its data come from (SPEC §3)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from store.db import ROOT

SQL_ROOT = ROOT / "sql"


@dataclass(frozen=True)
class Family:
    """One named query (sql/indicators/<name>.sql) that computes several indicators for many years at once.

    Its rows: code, year, entity_id, name_th, name_en, subdistrict_code, kind, controlled_factory, counted,
    in_denominator, num, den, reason, detail, then the amounts behind the number (family-specific).
    """

    name: str
    params: dict[str, object] = field(default_factory=dict)
    town_wide: bool = False  # rows have no subdistrict: every area gets the same result (18.1.1)


@dataclass(frozen=True)
class Definition:
    family: str
    sources: tuple[str, ...]  # the uploads whose rows for a year mean the year has data (data_presence.sql)
    no_data_without_rows: bool = False  # a % is no data when no row counts toward the numerator (1.2.1)
    split: tuple[str, ...] = ()  # extra counts shown beside the value
    amount_unit: str | None = None  # the numerator of a sum ratio is an amount in this unit, not a count


def share(code: str, practices: list[str], schemes: list[str] | None = None, gi_min_level: int = 2) -> dict[str, object]:
    return {"code": code, "practices": practices, "schemes": schemes or [], "gi_min_level": gi_min_level}


# Counts shown beside 13.1.1 (SPEC: "mass_balance and symbiosis shown beside it"), computed like its share.
SIDE_COUNTS = {"13.1.1:mass_balance": "mass_balance", "13.1.1:symbiosis": "symbiosis"}

FAMILIES: dict[str, Family] = {
    "factory_share": Family(
        "factory_share",
        {
            "defs": [
                share("19.1.1", [], ["GI", "CSR_BEGINNER", "CSR_DIW", "ECO_FACTORY", "ISO14001"], 2),
                share("2.1.1", ["eco_building"]),
                share("5.1.1", ["eco_product", "green_purchasing"]),
                share("6.1.1", ["logistics"]),
                share("10.2.1", ["energy_efficiency"], ["TEA"]),
                share("12.1.1", ["eco_process"], ["ECO_FACTORY"]),
                share("12.2.1", ["raw_material_efficiency"]),
                share("13.1.1", ["eco_efficiency_analysis"]),
                share("13.2.1", ["ghg_reduction"], ["CFO", "CFR"]),
                *(share(code, [practice]) for code, practice in SIDE_COUNTS.items()),
            ]
        },
    ),
    "survey_share": Family(
        "survey_share",
        {"questions": [{"code": "20.1.1", "question": "eco_town_awareness"}, {"code": "20.2.1", "question": "disclosure_satisfaction"}]},
    ),
    "infrastructure_eco": Family("infrastructure_eco"),
    "green_area_share": Family("green_area_share"),
    "investment_growth": Family("investment_growth"),
    "effluent_compliance": Family("effluent_compliance"),
    "intensity_change": Family(
        "intensity_change", {"measures": [{"code": "7.2.1", "measure": "water"}, {"code": "7.2.2", "measure": "wastewater"}]}
    ),
    "report_share": Family("report_share", {"measures": [{"code": "9.1.1", "measure": "waste"}, {"code": "10.1.1", "measure": "energy"}]}),
    "evidence_ready": Family("evidence_ready", {"code": "18.1.1"}, town_wide=True),
    "participatory_monitoring": Family("participatory_monitoring"),
}

CERTIFIED = ("certifications",)
PRACTISED = ("practices", "certifications")
REPORTED = ("annual_reports",)

REGISTRY: dict[str, Definition] = {
    "18.1.1": Definition("evidence_ready", ("evidence",)),
    "19.1.1": Definition("factory_share", CERTIFIED),
    "20.1.1": Definition("survey_share", ("surveys",)),
    "1.1.1": Definition("infrastructure_eco", ("infrastructure",)),
    "1.2.1": Definition("green_area_share", ("green_areas",), no_data_without_rows=True, amount_unit="m2"),
    "3.1.1": Definition("investment_growth", REPORTED, amount_unit="THB"),
    "7.1.1": Definition("effluent_compliance", ("effluent_samples",)),
    "20.2.1": Definition("survey_share", ("surveys",)),
    "2.1.1": Definition("factory_share", ("practices",), split=("controlled", "not_controlled")),
    "5.1.1": Definition("factory_share", ("practices",)),
    "6.1.1": Definition("factory_share", ("practices",)),
    "7.2.1": Definition("intensity_change", REPORTED),
    "7.2.2": Definition("intensity_change", REPORTED),
    "9.1.1": Definition("report_share", REPORTED, amount_unit="t"),
    "10.1.1": Definition("report_share", REPORTED, amount_unit="GJ"),
    "10.2.1": Definition("factory_share", PRACTISED),
    "12.1.1": Definition("factory_share", PRACTISED),
    "12.2.1": Definition("factory_share", ("practices",)),
    "13.1.1": Definition("factory_share", ("practices",), split=("mass_balance", "symbiosis")),
    "13.2.1": Definition("factory_share", PRACTISED),
    "15.1.1": Definition("participatory_monitoring", ("practices",)),
}

# Indicators whose numerator and denominator count things (so a gap "N more" makes sense).
COUNTED_ENTITIES = {"factory", "establishment", "respondent", "item"}


@cache
def sql(query: str, folder: str = "indicators") -> str:
    """The text of sql/<folder>/<query>.sql; names come from this module's allowlists, never from users."""
    return (SQL_ROOT / folder / f"{query}.sql").read_text(encoding="utf-8")


@cache
def unordered(query: str) -> str:
    """A family's query without its closing ORDER BY: sums do not need the rows sorted (and sorting costs)."""
    text = sql(query).rstrip()
    head, _, last = text.rpartition("\n")
    return head if last.lstrip().lower().startswith("order by") else text


def family_params(family: Family, years: list[int]) -> dict[str, object]:
    return {**family.params, "years": [int(y) for y in years]}
