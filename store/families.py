"""The engine's computation families as a contract: which units, entity and uploads each has, and which
parameters an indicator of it may set in a criteria file (`key=value; key=a|b`). The criteria import checks
files against it; metrics/registry.py binds the parameters to the family queries in sql/indicators/.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from store.codes import CodeLists, shipped_codes

INTENSITY_MEASURES = ("water", "wastewater")
REPORT_MEASURES = {"waste": "t", "energy": "GJ"}  # the amount the numerator sums, in its unit


@dataclass(frozen=True)
class Param:
    """One parameter an indicator of a family may set: a list of codes, one code, or a whole number.

    Its codes are either the family's own switches (`values`) or a code list's (`code_list`, reference data in
    the database's `codes`, so a new practice code is a row there, not a change here), bar `exclude`.
    """

    kind: str  # codes | code | level
    values: tuple[str, ...] = ()
    required: bool = False
    code_list: str | None = None
    exclude: tuple[str, ...] = ()

    @property
    def allowed(self) -> tuple[str, ...]:
        """The codes it takes as shipped (data/reference/codes.csv for a code list)."""
        return self.allowed_in({})

    def allowed_in(self, lists: CodeLists) -> tuple[str, ...]:
        """The codes it takes given the database's code lists (the shipped ones where a list is not given)."""
        if self.code_list is None:
            return self.values
        codes = lists[self.code_list] if self.code_list in lists else shipped_codes(self.code_list)
        return tuple(c for c in codes if c not in self.exclude)


@dataclass(frozen=True)
class Family:
    """One named query (sql/indicators/<name>.sql) that computes its indicators for many years at once.

    Its rows: code, year, entity_id, name_th, name_en, subdistrict_code, kind, controlled_factory, counted,
    in_denominator, num, den, reason, detail, then the amounts behind the number (family-specific).
    A family with `many` takes every indicator of a version at once as a list parameter; the others take
    one indicator at a time (its code bound as $code).
    """

    name: str
    units: tuple[str, ...]  # percent | count
    entity: str  # what its rows count, unless the criteria row says otherwise
    sources: tuple[str, ...]  # the uploads whose rows for a year mean the year has data (data_presence.sql)
    params: dict[str, Param] = field(default_factory=dict)
    many: bool = False
    town_wide: bool = False  # rows have no subdistrict: every area gets the same result (18.1.1)
    no_data_without_rows: bool = False  # a % is no data when no row counts toward the numerator (1.2.1)
    amount_unit: str | None = None  # the numerator of a sum ratio is an amount in this unit, not a count
    coverage: str = "tally"  # the basis in sql/indicators/coverage.sql; "tally": the denominator's own rows (respondents, items)


FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
        Family(
            "factory_share",
            ("percent", "count"),
            "factory",
            ("practices", "certifications"),
            {
                "practices": Param("codes", code_list="practice"),
                "schemes": Param("codes", code_list="scheme"),
                "gi_min_level": Param("level"),
                "split": Param("code", ("controlled",)),
                "beside": Param("codes", code_list="practice"),
            },
            many=True,
        ),
        Family(
            "survey_share",
            ("percent",),
            "respondent",
            ("surveys",),
            {"question": Param("code", required=True, code_list="question", exclude=("other",))},
            many=True,
        ),
        Family("infrastructure_eco", ("count",), "project", ("infrastructure",), coverage="projects"),
        Family(
            "green_area_share", ("percent",), "green_area", ("green_areas",), no_data_without_rows=True, amount_unit="m2", coverage="green"
        ),
        Family("investment_growth", ("percent",), "factory", ("annual_reports",), amount_unit="THB", coverage="reports"),
        Family("effluent_compliance", ("percent",), "establishment", ("effluent_samples",), coverage="samples"),
        Family(
            "intensity_change",
            ("percent",),
            "factory",
            ("annual_reports",),
            {"measure": Param("code", INTENSITY_MEASURES, True)},
            many=True,
            coverage="reports",
        ),
        Family(
            "report_share",
            ("percent",),
            "factory",
            ("annual_reports",),
            {"measure": Param("code", tuple(REPORT_MEASURES), True)},
            many=True,
            coverage="reports",
        ),
        Family("evidence_ready", ("percent",), "item", ("evidence",), town_wide=True),
        Family("participatory_monitoring", ("count",), "establishment", ("practices",), coverage="establishment_practices"),
    )
}

# Indicators whose numerator and denominator count things (so a gap "N more" makes sense).
COUNTED_ENTITIES = {"factory", "establishment", "respondent", "item"}
ENTITIES = ("factory", "establishment", "respondent", "item", "project", "green_area")
GI_LEVELS = range(1, 6)


class ParamError(ValueError):
    """A params cell that does not fit its family: rule is a store.messages key, value what was wrong."""

    def __init__(self, rule: str, value: str, allowed: str = ""):
        super().__init__(rule)
        self.rule, self.value, self.allowed = rule, value, allowed


@cache
def parse_params(family: str, text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`key=a|b; key2=c` → ((key, (a, b)), (key2, (c,))), checked against the family; ParamError if it does not fit.

    A code list's codes are not checked here (the engine scores what an import accepted): `check_codes` does it."""
    spec = FAMILIES[family].params
    found: dict[str, tuple[str, ...]] = {}
    for part in (p.strip() for p in text.replace("\n", ";").split(";")):
        if not part:
            continue
        key, sep, raw = (s.strip() for s in part.partition("="))
        if not sep or key not in spec:
            raise ParamError("criteria_unknown_param", key or part, ", ".join(spec) or "—")
        if key in found:
            raise ParamError("criteria_param_twice", key)
        values = tuple(v.strip() for v in raw.split("|") if v.strip())
        kind = spec[key]
        if not values or (kind.kind != "codes" and len(values) != 1):
            raise ParamError("criteria_param_value", part)
        if kind.kind == "level":
            if not values[0].isdigit() or int(values[0]) not in GI_LEVELS:
                raise ParamError("criteria_param_value", part, "1–5")
        elif kind.code_list is None:
            for value in values:
                if value not in kind.values:
                    raise ParamError("criteria_unknown_code", value, ", ".join(kind.values))
        found[key] = values
    for key, kind in spec.items():
        if kind.required and key not in found:
            raise ParamError("criteria_param_missing", key)
    if family == "factory_share" and not (found.get("practices") or found.get("schemes")):
        raise ParamError("criteria_param_missing", "practices / schemes")
    return tuple(found.items())


def check_codes(family: str, text: str, lists: CodeLists) -> None:
    """ParamError unless the params fit the family and every code-list value is a code of its list (the database's)."""
    spec = FAMILIES[family].params
    for key, values in parse_params(family, text):
        allowed = spec[key].allowed_in(lists)
        for value in values:
            if spec[key].code_list is not None and value not in allowed:
                raise ParamError("criteria_unknown_code", value, ", ".join(allowed))
