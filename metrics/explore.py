"""The explorer's engine: load one source (an upload table or the rows behind an indicator), filter it,
group and pivot it. Pure Python over a DuckDB cursor and pandas; never imports streamlit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Literal

import duckdb
import pandas as pd

from metrics import engine, words
from store.export import BOOLEAN_WORDS
from store.tables import TABLES

Kind = Literal["category", "number", "date", "year", "flag"]
AGGS = ("count", "count_distinct", "sum", "mean", "median", "min", "max")
GRAINS = ("month", "year", "day")
MAX_GROUPS = 2000  # a summary longer than this is cut (largest first) and flagged: nobody reads 2,000 rows
HIDDEN = ("batch_id", "name_th", "name_en", "title_th", "title_en", "description_en", "description_th")
# Years stored in the Christian era (shown in BE in Thai); fiscal_year is stored in BE already (store.tables).
CE_YEARS = ("year", "registered_year", "closed_year")
# Columns holding codes that words.REASONS puts in words (statuses, why a row counts or not).
CODED = ("reason", "status")
# What an establishment brings to a table that names one: what people group by.
ESTABLISHMENT_COLUMNS = ("kind", "industry", "subdistrict_code", "in_industrial_zone", "controlled_factory")


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

    def valid_for(self, kinds: dict[str, Kind]) -> Spec:
        """The same spec without anything the source does not have (a link or a switch of source can leave some)."""
        rows = tuple(c for c in self.rows if c in kinds)[:2]
        across = self.across if self.across in kinds and self.across not in rows else None
        agg = self.agg if self.agg in AGGS else "count"
        measure = self.measure if self.measure in kinds else None
        if agg not in ("count", "count_distinct") and (measure is None or kinds[measure] != "number"):
            agg, measure = "count", None
        if agg == "count_distinct" and measure is None:
            agg = "count"
        filters = tuple(f for f in self.filters if f.column in kinds)
        return replace(self, rows=rows, across=across, measure=measure if agg != "count" else None, agg=agg,
                       grain=self.grain if self.grain in GRAINS else "month", filters=filters)  # fmt: skip


@dataclass(frozen=True)
class Summary:
    long: pd.DataFrame  # one row per group: the group columns, then "value"
    wide: pd.DataFrame  # the same pivoted: rows down, `across` values as columns (equal to long without `across`)
    groups: int  # groups before any cut
    truncated: bool


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
        columns = [r[0] for r in cur.execute("select column_name from information_schema.columns where table_name = $t",
                                             {"t": source.name}).fetchall()]  # fmt: skip
        frame = cur.execute(_table_sql(source.name, columns)).df()
    else:
        frame = engine.rows(cur, source.name, year, area)
        frame = frame.rename(columns={"name_th": "establishment_th", "name_en": "establishment_en"})
    if {"establishment_th", "establishment_en"} <= set(frame.columns):
        id_column = "factory_id" if "factory_id" in frame.columns else "entity_id"
        names = [words.establishment_name(a, b, c, lang) for a, b, c in
                 zip(frame["establishment_th"], frame["establishment_en"], frame[id_column], strict=True)]  # fmt: skip
        frame = frame.drop(columns=["establishment_th", "establishment_en"])
        frame.insert(min(1, len(frame.columns)), "establishment", pd.Series(names, index=frame.index, dtype="string"))
    if "subdistrict_code" in frame.columns:
        rows = cur.execute("select subdistrict_code, name_th, name_en from subdistricts").fetchall()
        subdistricts = {code: (th if lang == "th" else en) for code, th, en in rows}
        at = list(frame.columns).index("subdistrict_code") + 1
        frame.insert(at, "subdistrict", frame["subdistrict_code"].map(subdistricts).astype("string"))
        if area != "all" and source.kind == "table":
            frame = frame[frame["subdistrict_code"] == area]
        frame = frame.drop(columns=["subdistrict_code"])  # the name says the same to a person; the code stays in the files
    return frame.drop(columns=[c for c in HIDDEN if c in frame.columns]).reset_index(drop=True)


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


def summarise(frame: pd.DataFrame, spec: Spec, column_kinds: dict[str, Kind], max_groups: int = MAX_GROUPS) -> Summary:
    """Group, aggregate and pivot. Missing group values form their own group (shown as a dash), not dropped."""
    by = [*spec.rows, *([spec.across] if spec.across else [])]
    work = frame[by].copy()
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
        long = pd.DataFrame({"value": [total]})
        return Summary(long, long, 1, False)
    long = work.groupby(by, dropna=False, sort=True)["value"].agg(how).reset_index()
    groups = len(long)
    truncated = groups > max_groups
    if truncated:
        long = long.nlargest(max_groups, "value").sort_values(by).reset_index(drop=True)
    if spec.across is None:
        return Summary(long, long, groups, truncated)
    index = list(spec.rows) or None
    wide = long.pivot_table(index=index, columns=spec.across, values="value", aggfunc="first", dropna=False, sort=True)
    wide = wide.reset_index() if index else wide
    wide.columns = [str(c) for c in wide.columns]
    return Summary(long, wide, groups, truncated)


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
    if column in words.COLUMNS:
        return words.COLUMNS[column][0 if lang == "th" else 1]
    for table in TABLES.values():
        if column in table.column_names:
            described = table.column(column).description_th if lang == "th" else table.column(column).description_en
            if described:
                return described.split(" (")[0]
    return column


def column_labels(columns: list[str], lang: str) -> dict[str, str]:
    """column_label for each column, made unique (a code and its name can share a label): a repeat gets its column name."""
    labels: dict[str, str] = {}
    for column in sorted(columns, key=lambda c: c.endswith("_code")):  # the name keeps the plain label, the code yields
        label = column_label(column, lang)
        labels[column] = f"{label} ({column})" if label in labels.values() else label
    return {c: labels[c] for c in columns}


def present(summary: Summary, spec: Spec, column_kinds: dict[str, Kind], lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The summary as people read it, long (for the chart) and wide (for the table and the download): group values
    labelled (BE years in Thai, months by name), in the summary's order, headers in `lang`."""
    long = summary.long.copy()
    by = [*spec.rows, *([spec.across] if spec.across else [])]
    for column in by:
        long[column] = [value_label(v, column, column_kinds[column], spec.grain, lang) for v in summary.long[column]]
    if spec.across is None:
        wide = long
    elif spec.rows:
        wide = long.pivot_table(index=list(spec.rows), columns=spec.across, values="value", aggfunc="first", sort=False).reset_index()
        wide.columns = [str(c) for c in wide.columns]
    else:
        wide = long.set_index(spec.across)[["value"]].T.reset_index(drop=True)
        wide.columns = [str(c) for c in wide.columns]
    if spec.agg in ("count", "count_distinct", "sum"):
        wide = wide.fillna({c: 0 for c in wide.columns if c not in by})  # no rows in a cell: nothing counted or added
    headers = {c: label for c, label in column_labels(by, lang).items()}
    return long, wide.rename(columns={**headers, "value": words.text("explore_value", lang)})
