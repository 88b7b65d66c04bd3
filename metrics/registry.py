"""Which named query computes each indicator, with which parameters (SPEC §3)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from store.db import ROOT

SQL_ROOT = ROOT / "sql"


@dataclass(frozen=True)
class Definition:
    query: str  # file name in sql/indicators/, without .sql
    params: dict[str, object] = field(default_factory=dict)
    by_year: bool = True
    by_area: bool = True
    no_data_without: str | None = None  # a % is no data when no row has this reason (1.2.1)
    split: tuple[str, ...] = ()  # extra counts shown beside the value


def share(practices: list[str], schemes: list[str] | None = None, gi_min_level: int = 2) -> dict[str, object]:
    return {"practices": practices, "schemes": schemes or [], "gi_min_level": gi_min_level}


REGISTRY: dict[str, Definition] = {
    "18.1.1": Definition("evidence_ready", {"code": "18.1.1"}, by_year=False, by_area=False),
    "19.1.1": Definition("factory_share", share([], ["GI", "CSR_BEGINNER", "CSR_DIW", "ECO_FACTORY", "ISO14001"], 2)),
    "20.1.1": Definition("survey_share", {"question": "eco_town_awareness"}),
    "1.1.1": Definition("infrastructure_eco"),
    "1.2.1": Definition("green_area_share", no_data_without="green_area"),
    "3.1.1": Definition("investment_growth"),
    "7.1.1": Definition("effluent_compliance"),
    "20.2.1": Definition("survey_share", {"question": "disclosure_satisfaction"}),
    "2.1.1": Definition("factory_share", share(["eco_building"]), split=("controlled", "not_controlled")),
    "5.1.1": Definition("factory_share", share(["eco_product", "green_purchasing"])),
    "6.1.1": Definition("factory_share", share(["logistics"])),
    "7.2.1": Definition("intensity_change", {"measure": "water"}),
    "7.2.2": Definition("intensity_change", {"measure": "wastewater"}),
    "9.1.1": Definition("report_share", {"measure": "waste"}),
    "10.1.1": Definition("report_share", {"measure": "energy"}),
    "10.2.1": Definition("factory_share", share(["energy_efficiency"], ["TEA"])),
    "12.1.1": Definition("factory_share", share(["eco_process"], ["ECO_FACTORY"])),
    "12.2.1": Definition("factory_share", share(["raw_material_efficiency"])),
    "13.1.1": Definition("factory_share", share(["eco_efficiency_analysis"]), split=("mass_balance", "symbiosis")),
    "13.2.1": Definition("factory_share", share(["ghg_reduction"], ["CFO", "CFR"])),
    "15.1.1": Definition("participatory_monitoring"),
}

# Indicators whose numerator and denominator count things (so a gap "N more" makes sense).
COUNTED_ENTITIES = {"factory", "establishment", "respondent", "item"}
SUM_QUERIES = {"report_share", "green_area_share", "investment_growth"}


@cache
def sql(query: str, folder: str = "indicators") -> str:
    """The text of sql/<folder>/<query>.sql; names come from this module's allowlists, never from users."""
    return (SQL_ROOT / folder / f"{query}.sql").read_text(encoding="utf-8")
