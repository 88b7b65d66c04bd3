"""The explorer's engine: load one source (an upload table or the rows behind an indicator), filter it,
group and pivot it. Pure Python over a DuckDB cursor and pandas; never imports streamlit."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field, replace
from typing import Literal

import duckdb
import pandas as pd

from metrics import engine, quality
from present import words
from store.export import BOOLEAN_WORDS
from store.tables import TABLES
from store.text import Text
from store.towns import subdistrict_names

Kind = Literal["category", "number", "date", "year", "flag"]
AGGS = ("count", "count_distinct", "sum", "mean", "median", "min", "max")
GRAINS = ("month", "year", "day")
WITHHELD = float("-inf")  # in present(): a withheld cell on its way through the pivot (no count, sum or mean is -inf)
MAX_GROUPS = 2000  # a summary longer than this is cut (largest first) and flagged: nobody reads 2,000 rows
HIDDEN = ("batch_id", "name_th", "name_en", "title_th", "title_en", "description_en", "description_th")
# Years stored in the Christian era (shown in BE in Thai); fiscal_year is stored in BE already (store.tables).
CE_YEARS = ("year", "registered_year", "closed_year")
# Columns holding codes that words.REASONS puts in words (statuses, why a row counts or not).
CODED = ("reason", "status")
# What an establishment brings to a table that names one: what people group by.
ESTABLISHMENT_COLUMNS = ("kind", "industry", "subdistrict_code", "in_industrial_zone", "controlled_factory")
# The same for the rows behind an indicator whose entities are establishments (entity_id = factory_id).
ESTABLISHMENT_SQL = """
select
    factory_id as entity_id,
    kind,
    industry,
    subdistrict_code,
    in_industrial_zone,
    controlled_factory
from establishments
"""


@dataclass(frozen=True)
class Measure:
    """A figure made of two of a report's columns, per report row: numerator ÷ denominator × scale (empty where the
    denominator is missing or 0). Named, labelled with its unit, and offered first where a measure is chosen."""

    name: str
    numerator: str
    denominator: str
    scale: float
    label: Text


# Per unit of product (SPEC §2: water m³, energy GJ, GHG tCO2e; production_qty in the report's own production_unit)
# and shares (%), on annual reports: "median water use per unit of product by industry" is a median of these.
MEASURE_LABELS = {
    "water_per_unit": Text("น้ำใช้ต่อหน่วยผลิตภัณฑ์ (ลบ.ม./หน่วย)", "Water use per unit of product (m³/unit)"),
    "wastewater_per_unit": Text("น้ำทิ้งต่อหน่วยผลิตภัณฑ์ (ลบ.ม./หน่วย)", "Wastewater per unit of product (m³/unit)"),
    "energy_per_unit": Text("พลังงานต่อหน่วยผลิตภัณฑ์ (GJ/หน่วย)", "Energy per unit of product (GJ/unit)"),
    "ghg_per_unit": Text("ก๊าซเรือนกระจกต่อหน่วยผลิตภัณฑ์ (tCO2e/หน่วย)", "Greenhouse gases per unit of product (tCO2e/unit)"),
    "waste_3r_pct": Text("สัดส่วนกากของเสียที่นำกลับมาใช้ 3Rs (%)", "Waste reused or recycled, 3Rs share (%)"),
    "renewable_pct": Text("สัดส่วนพลังงานทดแทน (%)", "Renewable share of energy (%)"),
}
MEASURES: dict[str, tuple[Measure, ...]] = {
    "annual_reports": tuple(
        Measure(name, numerator, denominator, scale, MEASURE_LABELS[name])
        for name, numerator, denominator, scale in (
            ("water_per_unit", "water_use_m3", "production_qty", 1.0),
            ("wastewater_per_unit", "wastewater_m3", "production_qty", 1.0),
            ("energy_per_unit", "energy_total_gj", "production_qty", 1.0),
            ("ghg_per_unit", "ghg_tco2e", "production_qty", 1.0),
            ("waste_3r_pct", "waste_3r_t", "waste_generated_t", 100.0),
            ("renewable_pct", "energy_renewable_gj", "energy_total_gj", 100.0),
        )
    ),
}

# What readers (anonymous and committee) get: summaries only, never rows (docs/decisions.md, SECURITY.md).
MIN_GROUP = 3  # a figure resting on fewer establishments (or survey respondents) than this is withheld
READER_AGGS = ("count", "count_distinct", "sum", "mean", "median")  # a min or a max is one establishment's own figure
READER_KINDS: tuple[Kind, ...] = ("category", "year", "flag")  # filters on numbers or dates would show extremes as bounds
# Columns that name or place one establishment or person: readers can neither see, group nor filter by them.
IDENTIFYING = ("factory_id", "establishment", "entity_id", "respondent_id", "lat", "lon", "evidence_ref", "detail")
# Whose rows an indicator counts, when they are an establishment's or a person's (the others are the town's own
# records: green areas, infrastructure projects, evidence items, which the plan and evidence pages show to readers).
PRIVATE_ENTITIES = ("factory", "establishment", "respondent")
READER_TEXT = {
    "note": Text(
        "ผู้อ่านเห็นเฉพาะผลสรุป: ค่าที่มาจากสถานประกอบการ (หรือผู้ตอบแบบสอบถาม) น้อยกว่า {n} รายจะไม่แสดง แถวข้อมูลรายสถานประกอบการสำหรับนักวิเคราะห์ที่เข้าสู่ระบบ",
        "Readers see summaries only: a figure resting on fewer than {n} establishments (or survey respondents) is not"
        " shown. Rows, establishment by establishment, are for signed-in analysts.",
    ),
    "withheld": Text(
        "{k:,} ค่าไม่แสดง (—) เพราะมาจากสถานประกอบการหรือผู้ตอบน้อยกว่า {n} ราย",
        "{k:,} figure(s) not shown (—): fewer than {n} establishments or respondents behind them",
    ),
}


NOTE_TEXT = {
    "mixed_units": Text(
        "แถวเหล่านี้ใช้หน่วยผลิตภัณฑ์มากกว่าหนึ่งหน่วย (เช่น ตัน และ ลบ.ม.) ค่าต่อหน่วยเทียบกันได้เฉพาะในหน่วยเดียวกัน ให้จัดกลุ่มหรือกรองตามหน่วยผลิตภัณฑ์",
        "These rows count product in more than one unit (t, m³ …): per-unit figures compare only within one unit, so group or"
        " filter by unit of product.",
    ),
}


def reader_text(key: str, lang: str, **fields: object) -> str:
    return READER_TEXT[key].say(lang).format(**fields)


def note_text(key: str, lang: str) -> str:
    return NOTE_TEXT[key].say(lang)


@dataclass(frozen=True)
class Source:
    """'table' and an upload table's name, or 'indicator' and an indicator code (its rows for one year and area)."""

    kind: Literal["table", "indicator"]
    name: str

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.name}"

    @classmethod
    def parse(cls, key: str) -> Source | None:
        kind, _, name = key.partition(":")
        if kind == "table" and name in TABLES:
            return cls("table", name)
        if kind == "indicator" and name:
            return cls("indicator", name)
        return None


@dataclass(frozen=True)
class Filter:
    """Keep the rows whose column is one of `values` (categories, years, flags) or within [low, high] (numbers, dates)."""

    column: str
    values: tuple[object, ...] = ()
    low: float | dt.date | None = None
    high: float | dt.date | None = None


@dataclass(frozen=True)
class Spec:
    """What the person asked for: group by `rows`, spread `across` one column, and aggregate `measure` with `agg`
    (count needs no measure). Dates in rows or across are bucketed by `grain`."""

    rows: tuple[str, ...] = ()
    across: str | None = None
    measure: str | None = None
    agg: str = "count"
    grain: str = "month"
    filters: tuple[Filter, ...] = field(default=())

    def valid_for(self, kinds: dict[str, Kind], aggs: tuple[str, ...] = AGGS) -> Spec:
        """The same spec without anything the source does not have (a link or a switch of source can leave some),
        and with only the aggregations `aggs` (a reader's are READER_AGGS)."""
        rows = tuple(c for c in self.rows if c in kinds)[:2]
        across = self.across if self.across in kinds and self.across not in rows else None
        agg = self.agg if self.agg in aggs else "count"
        measure = self.measure if self.measure in kinds else None
        if agg not in ("count", "count_distinct") and (measure is None or kinds[measure] != "number"):
            agg, measure = "count", None
        if agg == "count_distinct" and measure is None:
            agg = "count"
        filters = tuple(f for f in self.filters if f.column in kinds)
        return replace(
            self,
            rows=rows,
            across=across,
            measure=measure if agg != "count" else None,
            agg=agg,
            grain=self.grain if self.grain in GRAINS else "month",
            filters=filters,
        )


@dataclass(frozen=True)
class Summary:
    long: pd.DataFrame  # one row per group: the group columns, then "value"
    wide: pd.DataFrame  # the same pivoted: rows down, `across` values as columns (equal to long without `across`)
    groups: int  # groups before any cut
    truncated: bool
    withheld: pd.Series = field(default_factory=lambda: pd.Series(dtype=bool))  # per row of long: value withheld (too few units)

    @property
    def withheld_count(self) -> int:
        return int(self.withheld.sum())


def kinds(frame: pd.DataFrame) -> dict[str, Kind]:
    """How each column can be filtered and grouped, from its type (and, for years, its name)."""
    found: dict[str, Kind] = {}
    for column in frame.columns:
        dtype = frame[column].dtype
        if column in CE_YEARS or column == "fiscal_year":
            found[column] = "year"
        elif pd.api.types.is_bool_dtype(dtype):
            found[column] = "flag"
        elif pd.api.types.is_numeric_dtype(dtype):
            found[column] = "number"
        elif pd.api.types.is_datetime64_any_dtype(dtype):
            found[column] = "date"
        else:
            found[column] = "category"
    return found


def _table_sql(table: str, columns: list[str]) -> str:
    """One upload table, with its establishment's attributes when it names one. The table and column names come
    from store.tables.TABLES and the database's own catalogue (an allowlist), never from a person."""
    if table not in TABLES:
        raise ValueError(f"not an upload table: {table}")
    if "factory_id" not in columns or table == "establishments":
        return f"select * from {table}"
    extra = ", ".join(f"e.{c}" for c in ESTABLISHMENT_COLUMNS if c not in columns)
    names = "e.name_th as establishment_th, e.name_en as establishment_en"
    return f"select t.*, {names}{', ' + extra if extra else ''} from {table} t left join establishments e using (factory_id)"


def load(cur: duckdb.DuckDBPyConnection, source: Source, year: int, area: str, lang: str) -> pd.DataFrame:
    """The source's rows as people read them: establishment and subdistrict names in `lang`, internal columns
    dropped. A table is read whole (every year); an indicator's rows are those behind its number for year and area."""
    if source.kind == "table":
        columns = [
            r[0]
            for r in cur.execute("select column_name from information_schema.columns where table_name = $t", {"t": source.name}).fetchall()
        ]
        frame = cur.execute(_table_sql(source.name, columns)).df()
        if source.name == "certifications":  # valid in the chosen year under the one rule (SPEC §3), as search and the engine
            frame = frame.merge(quality.certificate_validity(cur, year), on=["factory_id", "scheme", "issued_on"], how="left")
        frame = with_measures(frame, source.name)
    else:
        frame = with_establishment(cur, engine.rows(cur, source.name, year, area))
        frame = frame.rename(columns={"name_th": "establishment_th", "name_en": "establishment_en"})
    if {"establishment_th", "establishment_en"} <= set(frame.columns):
        id_column = "factory_id" if "factory_id" in frame.columns else "entity_id"
        names = [
            words.establishment_name(a, b, c, lang)
            for a, b, c in zip(frame["establishment_th"], frame["establishment_en"], frame[id_column], strict=True)
        ]
        frame = frame.drop(columns=["establishment_th", "establishment_en"])
        frame.insert(min(1, len(frame.columns)), "establishment", pd.Series(names, index=frame.index, dtype="string"))
    if "subdistrict_code" in frame.columns:
        subdistricts = {code: (th if lang == "th" else en) for code, (th, en) in subdistrict_names(cur).items()}
        at = list(frame.columns).index("subdistrict_code") + 1
        frame.insert(at, "subdistrict", frame["subdistrict_code"].map(subdistricts).astype("string"))
        if area != "all" and source.kind == "table":
            frame = frame[frame["subdistrict_code"] == area]
        frame = frame.drop(columns=["subdistrict_code"])  # the name says the same to a person; the code stays in the files
    return frame.drop(columns=[c for c in HIDDEN if c in frame.columns]).reset_index(drop=True)


def with_measures(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """The table's rows with its MEASURES added, each right after the unit it is per (production_unit) or at the end:
    numerator ÷ denominator × scale, empty where either is missing or the denominator is 0."""
    measures = [m for m in MEASURES.get(table, ()) if {m.numerator, m.denominator} <= set(frame.columns)]
    if not measures:
        return frame
    out = frame.copy()
    at = list(out.columns).index("production_unit") + 1 if "production_unit" in out.columns else len(out.columns)
    for offset, m in enumerate(measures):
        numerator = pd.to_numeric(out[m.numerator], errors="coerce").astype("float64")
        denominator = pd.to_numeric(out[m.denominator], errors="coerce").astype("float64")
        out.insert(at + offset, m.name, (numerator / denominator.where(denominator > 0)) * m.scale)
    return out


def with_establishment(cur: duckdb.DuckDBPyConnection, rows: pd.DataFrame) -> pd.DataFrame:
    """The rows behind an indicator with their establishment's attributes (industry, kind, subdistrict, zone,
    controlled) where the entity is an establishment; a column the rows already carry is kept as the family wrote it.
    Rows of other entities (respondents, green areas, projects, evidence items) are returned as they are."""
    if "entity_id" not in rows.columns or rows.empty:
        return rows
    attributes = cur.execute(ESTABLISHMENT_SQL).df()
    if not rows["entity_id"].isin(attributes["entity_id"]).any():
        return rows
    missing = [c for c in ESTABLISHMENT_COLUMNS if c not in rows.columns]
    if not missing:
        return rows
    merged = rows.merge(attributes[["entity_id", *missing]], on="entity_id", how="left")
    columns = list(rows.columns)
    at = columns.index("kind") + 1 if "kind" in columns else len(columns)  # beside the kind the family wrote
    return merged[columns[:at] + missing + columns[at:]]


def unit_column(source: Source, columns: list[str], entity: str | None = None) -> str | None:
    """The column whose distinct values a reader's figure must rest on at least MIN_GROUP of: the establishment
    (factory_id, or an indicator's entity when it is an establishment or a respondent) or the survey respondent.
    None for the town's own records (green areas, projects, the plan, evidence items), shown to readers elsewhere."""
    if source.kind == "indicator":
        return "entity_id" if entity in PRIVATE_ENTITIES and "entity_id" in columns else None
    for column in ("factory_id", "respondent_id"):
        if column in columns:
            return column
    return None


def for_readers(frame: pd.DataFrame, unit: str | None) -> tuple[pd.DataFrame, pd.Series | None]:
    """A source's rows as a reader may use them: without the columns that name or place one establishment or
    person; and, apart, the unit of each row (same index) that the minimum group size counts."""
    units = frame[unit].astype("string") if unit is not None else None
    return frame.drop(columns=[c for c in IDENTIFYING if c in frame.columns]), units


def reader_kinds(column_kinds: dict[str, Kind]) -> dict[str, Kind]:
    """The columns a reader may filter by (categories, years, flags)."""
    return {c: k for c, k in column_kinds.items() if k in READER_KINDS}


def apply_filters(frame: pd.DataFrame, filters: tuple[Filter, ...], column_kinds: dict[str, Kind]) -> pd.DataFrame:
    keep = pd.Series(True, index=frame.index)
    for f in filters:
        values = frame[f.column]
        kind = column_kinds[f.column]
        if kind in ("number", "date") and (f.low is not None or f.high is not None):
            low, high = (pd.Timestamp(b) if kind == "date" and b is not None else b for b in (f.low, f.high))
            if low is not None:
                keep &= (values >= low).fillna(False)
            if high is not None:
                keep &= (values <= high).fillna(False)
        elif f.values:
            keep &= values.isin(list(f.values)).fillna(False)
    return frame[keep.to_numpy(dtype=bool)]


def _bucket(values: pd.Series, grain: str) -> pd.Series:
    if grain == "year":
        return values.dt.year.astype("Int64")
    if grain == "month":
        return values.dt.to_period("M").dt.to_timestamp()
    return values.dt.normalize()


def summarise(
    frame: pd.DataFrame,
    spec: Spec,
    column_kinds: dict[str, Kind],
    max_groups: int = MAX_GROUPS,
    units: pd.Series | None = None,
    min_group: int = 0,
) -> Summary:
    """Group, aggregate and pivot. Missing group values form their own group (shown as a dash), not dropped.

    With `units` (each row's establishment or respondent, same index as `frame`) and `min_group`, a group resting on
    fewer distinct units than `min_group` keeps its place with its value withheld (NaN, flagged in `withheld`);
    so does the single total when nothing is grouped."""
    by = [*spec.rows, *([spec.across] if spec.across else [])]
    work = frame[by].copy()
    guarded = units is not None and min_group > 0
    if guarded:
        assert units is not None
        work["_unit"] = units.loc[frame.index]
    for column in by:
        if column_kinds[column] == "date":
            work[column] = _bucket(frame[column], spec.grain)
    if spec.agg == "count" or spec.measure is None:
        work["value"] = 1
        how = "count"
    else:
        work["value"] = frame[spec.measure]
        how = {"count_distinct": "nunique"}.get(spec.agg, spec.agg)
    if not by:
        total = work["value"].count() if how == "count" else work["value"].agg(how)
        hidden = guarded and work["_unit"].nunique() < min_group
        long = pd.DataFrame({"value": [float("nan") if hidden else total]})
        return Summary(long, long, 1, False, pd.Series([hidden]))
    grouped = work.groupby(by, dropna=False, sort=True)
    long = grouped["value"].agg(how).reset_index()
    if guarded:
        few = (grouped["_unit"].nunique() < min_group).to_numpy()
        long["value"] = long["value"].astype("float64").mask(few)
        long["_withheld"] = few
    groups = len(long)
    truncated = groups > max_groups
    if truncated:
        long = long.sort_values("value", ascending=False, kind="stable").head(max_groups).sort_values(by).reset_index(drop=True)
    withheld = long.pop("_withheld") if guarded else pd.Series(False, index=long.index)
    if spec.across is None:
        return Summary(long, long, groups, truncated, withheld)
    index = list(spec.rows) or None
    wide = long.pivot_table(index=index, columns=spec.across, values="value", aggfunc="first", dropna=False, sort=True)
    wide = wide.reset_index() if index else wide
    wide.columns = [str(c) for c in wide.columns]
    return Summary(long, wide, groups, truncated, withheld)


def value_label(value: object, column: str, kind: Kind, grain: str, lang: str) -> str:
    """A group value as people read it: BE years in Thai, months by name, yes/no, a dash for missing."""
    if value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return "–"
    if kind == "year" and column in CE_YEARS:
        return words.year_short(int(value), lang)  # type: ignore[call-overload]
    if kind == "date" and grain == "year":
        return words.year_short(int(value), lang)  # type: ignore[call-overload]
    if kind == "date":
        stamp = pd.Timestamp(value)  # type: ignore[arg-type]
        return words.month_label(stamp, lang) if grain == "month" else words.date_label(stamp, lang)
    if column in CODED and isinstance(value, str):
        return words.reason(value, lang)
    if kind == "flag":
        return BOOLEAN_WORDS["th" if lang == "th" else "en"][0 if bool(value) else 1]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def column_label(column: str, lang: str) -> str:
    """A column's name for people: words.COLUMNS, else the upload template's description, else the name itself."""
    if column in MEASURE_LABELS:
        return MEASURE_LABELS[column].say(lang)
    if column in words.COLUMNS:
        return words.COLUMNS[column][0 if lang == "th" else 1]
    for table in TABLES.values():
        if column in table.column_names:
            described = table.column(column).description_th if lang == "th" else table.column(column).description_en
            if described:  # an amount keeps its unit, "(ลบ.ม.)"; other notes in brackets ("(CE or BE)") go
                return described if table.column(column).kind == "number" else described.split(" (")[0]
    return column


def column_labels(columns: list[str], lang: str) -> dict[str, str]:
    """column_label for each column, made unique (a code and its name can share a label): a repeat gets its column name."""
    labels: dict[str, str] = {}
    for column in sorted(columns, key=lambda c: c.endswith("_code")):  # the name keeps the plain label, the code yields
        label = column_label(column, lang)
        labels[column] = f"{label} ({column})" if label in labels.values() else label
    return {c: labels[c] for c in columns}


def value_title(spec: Spec, labels: dict[str, str], lang: str) -> str:
    """What the summary's figures are, with the measure's unit: "Median · Water use per unit of product (m³/unit)"."""
    title = words.text(f"agg_{spec.agg}", lang)
    return f"{title} · {labels.get(spec.measure, spec.measure)}" if spec.measure else title


def number_formats(values: pd.Series, whole: bool = False) -> tuple[str, str]:
    """How a summary's figures are written: (Streamlit's printf format, Plotly's d3 format), always with thousands
    separators (50,123,456, never 50M), and with decimals enough for three significant digits of a typical figure
    (the median of those not 0: 0.0562, 3.21, 45.6, 1,234), at most 4; counts and whole figures have none."""
    figures = pd.to_numeric(values, errors="coerce").abs().dropna()
    figures = figures[figures > 0]
    if whole or figures.empty or (figures % 1 == 0).all():
        return "%,d", ",.0f"
    decimals = min(4, max(0, 2 - math.floor(math.log10(float(figures.median())))))
    return f"%,.{decimals}f", f",.{decimals}f"


def mixed_units(frame: pd.DataFrame, measure: str | None) -> bool:
    """Whether a per-unit measure mixes units of product (t and m³ …) in these rows: its median then compares unlike things."""
    per_unit = any(m.name == measure and m.denominator == "production_qty" for ms in MEASURES.values() for m in ms)
    return per_unit and "production_unit" in frame.columns and frame["production_unit"].dropna().nunique() > 1


def present(
    summary: Summary, spec: Spec, column_kinds: dict[str, Kind], lang: str, title: str | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The summary as people read it, long (for the chart) and wide (for the table and the download): group values
    labelled (BE years in Thai, months by name), in the summary's order, headers in `lang`; the figures' column
    headed `title` (what they are, with the unit) when given."""
    long = summary.long.copy()
    by = [*spec.rows, *([spec.across] if spec.across else [])]
    for column in by:
        long[column] = [value_label(v, column, column_kinds[column], spec.grain, lang) for v in summary.long[column]]
    # A withheld value travels through the pivot as a marker no figure can take, so that neither the zero filling
    # below nor the pivot's dropping of empty rows can touch it; it ends empty.
    withheld = summary.withheld.to_numpy(dtype=bool) if len(summary.withheld) == len(long) else False
    shaped = long.assign(value=long["value"].astype("float64").mask(withheld, WITHHELD))
    if spec.across is None:
        wide = shaped
    elif spec.rows:
        wide = shaped.pivot_table(index=list(spec.rows), columns=spec.across, values="value", aggfunc="first", sort=False).reset_index()
        wide.columns = [str(c) for c in wide.columns]
    else:
        wide = shaped.set_index(spec.across)[["value"]].T.reset_index(drop=True)
        wide.columns = [str(c) for c in wide.columns]
    values = [c for c in wide.columns if c not in by]
    if spec.agg in ("count", "count_distinct", "sum"):
        wide = wide.fillna({c: 0 for c in values})  # no rows in a cell: nothing counted or added
    wide[values] = wide[values].replace(WITHHELD, float("nan"))
    if spec.agg in ("count", "count_distinct"):
        wide[values] = wide[values].astype("Int64")  # counts stay whole numbers; a withheld one is empty
    headers = {c: label for c, label in column_labels(by, lang).items()}
    return long, wide.rename(columns={**headers, "value": title or words.text("explore_value", lang)})
