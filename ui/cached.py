"""The data the pages read: the one cached DuckDB connection and results cached per data version (no widgets here)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import duckdb
import geopandas as gpd
import pandas as pd
import streamlit as st

from lookup import profile
from metrics import engine, readiness
from metrics.catalogue import Indicator, load_catalogue, town_areas
from present import words
from store import accounts, export, geo, towns
from store.db import WRITE_LOCK, db_path, init
from store.db import data_version as store_data_version
from store.load import Diff
from store.text import Text
from store.towns import town_names
from ui.auth import announce_first_admin
from ui.i18n import t

Result = TypeVar("Result")


@st.cache_resource(max_entries=4)  # one database per process; a few for tests that switch files
def connection(path: str) -> duckdb.DuckDBPyConnection:
    """The process's one connection: no file, network or extension access for anything run on it (the
    SQL console's queries included), its settings locked; every query on a cursor of its own."""
    from console.guard import harden

    con, _, _ = init(path)
    announce_first_admin(accounts.ensure_first_admin(con), path)
    harden(con)
    return con


def open_connection(path: str) -> duckdb.DuckDBPyConnection:
    """The process's connection; when another program holds the file (a command-line load, a second app),
    a plain message in both languages instead of a traceback, and nothing is cached."""
    try:
        return connection(path)
    except duckdb.IOException:
        st.error(t("database_busy"), icon=":material/lock_clock:")
        st.stop()
        raise


@st.cache_data(show_spinner=False, max_entries=4)
def town(version: str) -> dict[str, str]:
    """The town's names (data/towns/*.toml, set at `store init`)."""
    return read(town_names)


def title() -> str:
    """The town's name in the page's language: the sidebar's title and the browser tab's."""
    return words.town_title(town(data_version()), st.session_state.get("lang", "th"))


def access() -> bool:
    """Whether the dashboard may be read without signing in (an admin's setting)."""
    return accounts.public_read(con())


def con() -> duckdb.DuckDBPyConnection:
    return open_connection(str(db_path()))


def read(query: Callable[..., Result], *args: object) -> Result:
    """`query(cursor, *args)` on a cursor of its own from the process's connection (the cached functions' reads)."""
    with con().cursor() as cur:
        return query(cur, *args)


# The last data version read: (the connection it was read on, the write count it was read at, the version).
_version_read: tuple[duckdb.DuckDBPyConnection | None, int, str] = (None, -1, "")


def data_version() -> str:
    """Changes whenever a batch lands or is rolled back, a checklist or criterion is edited, a criteria version
    is imported or applied, or boundaries are loaded, so cached results never go stale.

    The app holds its file for writing, so no other process changes it, and every write in this process takes
    WRITE_LOCK, which counts them: the version is read again (one small query) only after a write or on another
    connection, not five times a run."""
    global _version_read
    current = con()
    writes = WRITE_LOCK.writes  # taken before reading: a write landing meanwhile makes the next call read again
    known, at, version = _version_read
    if known is current and at == writes:
        return version
    with current.cursor() as cur:
        version = store_data_version(cur)
    _version_read = (current, writes, version)
    return version


@st.cache_data(show_spinner=False, max_entries=4)
def as_of_stamp(version: str) -> str:
    """The data's as-of stamp for download file names (the newest batch)."""
    return export.as_of(con()).stamp


@st.cache_data(show_spinner=False, max_entries=4)
def batch_log(version: str) -> pd.DataFrame:
    """The batch log as the history page shows it: times in the UI's calendar, statuses in words."""
    from store.load import batches
    from ui.i18n import datetime_label, table_label

    log = batches(con())
    return pd.DataFrame(
        {
            "batch_id": log["batch_id"].astype(int),
            "table_name": log["table_name"].map(table_label),
            "file_name": log["file_name"],
            "rows_in_file": log["rows_in_file"],
            "rows_inserted": log["rows_inserted"],
            "rows_replaced": log["rows_replaced"],
            "loaded_by": log["loaded_by"],
            "loaded_at": log["loaded_at"].map(datetime_label),
            "status": log["status"].map(lambda s: t(f"batch_{s}")),
            "rolled_back_by": log["rolled_back_by"].fillna(""),
            "rolled_back_at": log["rolled_back_at"].map(datetime_label),
            "is_demo": log["is_demo"].map({True: t("demo_short"), False: ""}),
            "sha256": log["sha256"].str.slice(0, 12),
            "status_code": log["status"],
        }
    )


@st.cache_data(show_spinner=False, max_entries=4)
def table_status(version: str) -> pd.DataFrame:
    """Each upload table in load order: its rows and newest loaded batch (the Upload page's status)."""
    from store.load import table_status as status_of_tables

    return status_of_tables(con())


@st.cache_data(show_spinner=False, max_entries=16)
def batch_diff(version: str, batch_id: int) -> Diff | None:
    """What one batch did to what was there: added, replaced, changed, not in its file (counted on demand)."""
    from store.load import batch_diff as diff_of

    return diff_of(con(), batch_id)


@st.cache_data(show_spinner=False, max_entries=16)
def batch_changes(version: str, batch_id: int) -> pd.DataFrame:
    """The rows one batch added, changed (column, before, after) or did not carry of the file it re-uploaded."""
    from store.load import batch_changes as changes_of

    return changes_of(con(), batch_id)


@st.cache_data(show_spinner=False, max_entries=4)
def quality(version: str, year: int) -> dict[str, pd.DataFrame]:
    """The data-quality lists (metrics/quality.py): missing reports, implausible values, rows after a closure,
    certificates under the one rule; never changing a number."""
    from metrics import quality as checks

    return read(checks.lists, year)


@st.cache_data(show_spinner=False, max_entries=4)
def all_scorecards(version: str) -> dict[tuple[int, str], engine.Scorecard]:
    """Every data year and area, computed once per data version in one pass per family, shared by all sessions."""
    with con().cursor() as cur:
        return engine.scorecards(cur, engine.data_years(cur))


@st.cache_data(show_spinner=False, max_entries=4)
def areas(version: str) -> tuple[str, ...]:
    """ "all" and the town's subdistrict codes."""
    return read(town_areas)


@st.cache_data(show_spinner=False, max_entries=64)
def _scorecard_outside_data_years(version: str, year: int, area: str) -> engine.Scorecard:
    return read(engine.evaluate, year, area)


def scorecard(version: str, year: int, area: str) -> engine.Scorecard:
    found = all_scorecards(version).get((year, area))
    return found if found is not None else _scorecard_outside_data_years(version, year, area)


@st.cache_data(show_spinner=False, max_entries=4)
def trends(version: str) -> pd.DataFrame:
    """code, year, area, value, numerator, denominator, status, has_data for every data year (from all_scorecards)."""
    return engine.trend_frame(all_scorecards(version))


def trend(version: str, code: str) -> pd.DataFrame:
    frame = trends(version)
    return frame[frame["code"] == code].drop(columns=["code"]).reset_index(drop=True)


@st.cache_data(show_spinner=False, max_entries=8)
def search_frame(version: str, year: int) -> pd.DataFrame:
    from lookup import search

    return read(search.establishments, year)


@st.cache_data(show_spinner=False, max_entries=4)
def fiscal_years(version: str) -> pd.DataFrame:
    return read(readiness.fiscal_years)


@st.cache_data(show_spinner=False, max_entries=16)
def plan(version: str, fiscal_year: int, today: str) -> pd.DataFrame:
    """One fiscal year's activities with their progress against today (a day is part of the cache key)."""
    import datetime as dt

    return read(readiness.activities, fiscal_year, dt.date.fromisoformat(today))


@st.cache_data(show_spinner=False, max_entries=8)
def checklist_year(version: str, year: int) -> int | None:
    """The fiscal year (BE) whose evidence checklist applies to a calendar year (18.1.1's rule)."""
    with con().cursor() as cur:
        return engine.checklist_years(cur, [year])[year]


@st.cache_data(show_spinner=False, max_entries=16)
def evidence_items(version: str, fiscal_year: int | None) -> pd.DataFrame:
    if fiscal_year is None:
        return pd.DataFrame(columns=["level", "indicator_code", "item_no", "status", "responsible", "description_th", "description_en"])
    return read(readiness.evidence_items, fiscal_year)


def readiness_by_level(version: str, fiscal_year: int | None) -> pd.DataFrame:
    return readiness.readiness(evidence_items(version, fiscal_year), ["level"])


def next_level_plan(version: str, year: int, area: str) -> readiness.LevelPlan:
    fiscal_year = checklist_year(version, year)
    return readiness.next_level(scorecard(version, year, area), evidence_items(version, fiscal_year), fiscal_year)


def level_history(version: str, area: str) -> pd.DataFrame:
    """year, town_level and each level's verdict for every data year (the overview's small table)."""
    cards = sorted((y, c) for (y, a), c in all_scorecards(version).items() if a == area)
    return pd.DataFrame(
        [{"year": y, "town_level": c.town_level, **{f"level_{lv['level']}": lv["status"] for lv in c.levels}} for y, c in cards],
        columns=["year", "town_level", "level_1", "level_2", "level_3"],
    )


@st.cache_data(show_spinner=False, max_entries=256, ttl=3600)
def behind(version: str, code: str, year: int, area: str) -> pd.DataFrame:
    """The rows behind one number (lazy: only the pages that show them ask)."""
    return read(engine.rows, code, year, area)


@st.cache_data(show_spinner=False, max_entries=64)
def family_rows(version: str, family: str, year: int) -> pd.DataFrame:
    return read(engine.family_rows, family, year)


@st.cache_data(show_spinner=False, max_entries=512, ttl=3600)
def counts_toward(version: str, factory_id: str, year: int) -> pd.DataFrame:
    """Cached per establishment and year: building it copies every family's rows of the year out of the cache,
    the largest share of a profile's server time before (py-spy, ten readers)."""
    from store.families import FAMILIES

    frames = [family_rows(version, name, year) for name in FAMILIES if name != "evidence_ready"]
    return profile.counts_toward(frames, catalogue(version), factory_id)


@st.cache_data(show_spinner=False, max_entries=32)
def criteria_comparison(version: str, year: int, area: str, other: str, lang: str) -> pd.DataFrame:
    """The year's scorecard under the version that applies and under another, with headers in the language asked."""
    with con().cursor() as cur:
        frame = engine.comparison(cur, year, area, other, lang)
    mine, theirs = frame.attrs["versions"]
    status = {s: words.text(s, lang) for s in ("pass", "fail", "no_data")}
    frame = frame.assign(status_a=frame["status_a"].map(status), status_b=frame["status_b"].map(status))
    labels = {"code": words.text("code", lang), "name": words.text("name", lang)}
    sides = {"a": words.text("criteria_in_use", lang, version=mine), "b": words.text("criteria_under", lang, version=theirs)}
    for side, under in sides.items():  # distinct even when both sides are the same version
        for column, key in (("value", "value"), ("criterion", "criterion"), ("status", "status")):
            labels[f"{column}_{side}"] = f"{words.text(key, lang)} · {under}"
    return frame.rename(columns=labels)


@st.cache_data(show_spinner=False, max_entries=4)
def years(version: str) -> list[int]:
    return read(engine.data_years)


@st.cache_data(show_spinner=False, max_entries=4)
def catalogue(version: str) -> list[Indicator]:
    return read(load_catalogue)


@st.cache_data(show_spinner=False, max_entries=4)
def status(version: str) -> dict[str, object]:
    return read(profile.dataset_status)


@st.cache_data(show_spinner=False, max_entries=4)
def subdistrict_names(version: str) -> dict[str, Text]:
    return read(towns.subdistrict_names)


@st.cache_data(show_spinner=False, max_entries=16)
def establishment_list(version: str, area: str) -> pd.DataFrame:
    return read(profile.establishments, area)


@st.cache_data(show_spinner=False, max_entries=512, ttl=3600)
def establishment_profile(version: str, factory_id: str, year: int) -> profile.Profile | None:
    return read(profile.profile, factory_id, year)


@st.cache_data(show_spinner=False, max_entries=64)
def samples(version: str, year: int | None, area: str) -> pd.DataFrame:
    return read(profile.samples, year, area)


@st.cache_data(show_spinner=False, max_entries=64)
def evidence(version: str, code: str) -> pd.DataFrame:
    return read(readiness.evidence_of, code)


@st.cache_data(show_spinner=False, max_entries=4)
def evidence_by_level(version: str) -> pd.DataFrame:
    return read(readiness.evidence_by_level)


@st.cache_data(show_spinner=False, max_entries=16)
def example_csv(table: str) -> bytes:
    """A few rows of the demo data set as an example file for one table, one consistent set (store/examples.py)."""
    from store.examples import example_bytes

    return example_bytes(table)


@st.cache_data(show_spinner=False, max_entries=4)
def boundaries(version: str) -> gpd.GeoDataFrame:
    return read(geo.stored_boundaries)


@st.cache_data(show_spinner=False, max_entries=4)
def location_check(version: str) -> pd.DataFrame:
    return geo.location_check(establishment_list(version, "all"), boundaries(version))
