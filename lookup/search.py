"""Establishment search (in the spirit of US EPA ECHO's facility search): every establishment with what
it held and did in a year, and filters that combine."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pandas as pd

from metrics.registry import sql


def establishments(cur: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    return cur.execute(sql("establishments", "search"), {"year": int(year)}).df()


@dataclass
class Filters:
    text: str = ""
    subdistricts: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    industries: list[str] = field(default_factory=list)
    diw_types: list[str] = field(default_factory=list)
    registered: tuple[int, int] | None = None  # CE years, inclusive
    open_state: str = "any"  # any | open | closed
    schemes: list[str] = field(default_factory=list)  # holds a valid certificate of every scheme listed
    gi_levels: list[int] = field(default_factory=list)  # highest valid GI level is one of these
    practices: list[str] = field(default_factory=list)  # implemented every practice listed
    report: str = "any"  # any | yes | no
    samples: str = "any"  # any | yes | no
    indicator: str = ""  # a code; with toward = "counts" / "does_not_count"
    toward: str = "any"


def search(frame: pd.DataFrame, f: Filters, counted: dict[str, bool] | None = None) -> pd.DataFrame:
    """The establishments that pass every filter. `counted`: entity -> counted, from the indicator's rows."""
    keep = pd.Series(True, index=frame.index)
    if f.text.strip():
        needle = f.text.strip().lower()
        haystack = (
            frame["factory_id"].fillna("")
            + " "
            + frame["name_th"].fillna("")
            + " "
            + frame["name_en"].fillna("")
            + " "
            + frame["industry"].fillna("")
        ).str.lower()
        keep &= haystack.str.contains(needle, regex=False)
    for column, chosen in (("subdistrict_code", f.subdistricts), ("kind", f.kinds), ("industry", f.industries), ("diw_type", f.diw_types)):
        if chosen:
            keep &= frame[column].isin(chosen)
    if f.registered is not None:
        first, last = f.registered
        year = frame["registered_year"]
        keep &= year.isna() | year.between(first, last)
    if f.open_state != "any":
        keep &= frame["open_in_year"] == (f.open_state == "open")
    for scheme in f.schemes:
        keep &= frame["schemes"].map(lambda held, s=scheme: s in list(held))
    if f.gi_levels:
        keep &= frame["gi_level"].isin(f.gi_levels)
    for practice in f.practices:
        keep &= frame["practices"].map(lambda done, p=practice: p in list(done))
    if f.report != "any":
        keep &= frame["has_report"] == (f.report == "yes")
    if f.samples != "any":
        keep &= (frame["samples"] > 0) == (f.samples == "yes")
    if f.indicator and f.toward != "any" and counted is not None:
        wanted = f.toward == "counts"
        keep &= frame["factory_id"].map(lambda i: counted.get(i) is wanted)
    return frame[keep]
