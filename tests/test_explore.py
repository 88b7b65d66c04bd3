"""The explorer: loading a source, filters, group / pivot / aggregate on tiny data with hand-computed answers,
and the page from the entry point (AppTest; the chart itself is checked in the browser test)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from lookup import explorer as explore
from lookup.explorer import Filter, Source, Spec, apply_filters, column_labels, kinds, present, summarise, value_label
from tests.apps import app_as, copy_with_accounts

SAMPLES = pd.DataFrame(
    {
        "factory_id": ["F1", "F1", "F2", "F2", "F3"],
        "sampled_on": pd.to_datetime(["2022-01-05", "2022-02-07", "2022-01-20", "2023-01-03", "2022-01-09"]),
        "parameter": ["BOD", "BOD", "BOD", "COD", "BOD"],
        "value": [10.0, 20.0, 30.0, 100.0, None],
        "year": [2022, 2022, 2022, 2023, 2022],
        "in_industrial_zone": [True, True, False, False, True],
    }
)
KINDS = kinds(SAMPLES)


def test_kinds_follow_types_and_year_names():
    assert KINDS == {
        "factory_id": "category",
        "sampled_on": "date",
        "parameter": "category",
        "value": "number",
        "year": "year",
        "in_industrial_zone": "flag",
    }


def test_filters_values_and_ranges():
    kept = apply_filters(SAMPLES, (Filter("parameter", values=("BOD",)), Filter("value", low=15.0, high=30.0)), KINDS)
    assert kept["value"].tolist() == [20.0, 30.0]  # the missing value never passes a range
    dated = apply_filters(SAMPLES, (Filter("sampled_on", low=dt.date(2022, 1, 6), high=dt.date(2022, 1, 20)),), KINDS)
    assert dated["factory_id"].tolist() == ["F2", "F3"]
    assert len(apply_filters(SAMPLES, (Filter("parameter"),), KINDS)) == 5  # nothing picked = everything


def test_mean_by_parameter_skips_missing_values():
    summary = summarise(SAMPLES, Spec(rows=("parameter",), measure="value", agg="mean"), KINDS)
    assert summary.long.to_dict("records") == [{"parameter": "BOD", "value": 20.0}, {"parameter": "COD", "value": 100.0}]


def test_count_distinct_factories_per_year_across_zone():
    spec = Spec(rows=("year",), across="in_industrial_zone", measure="factory_id", agg="count_distinct")
    summary = summarise(SAMPLES, spec, KINDS)
    # 2022: in zone F1, F3 -> 2; outside F2 -> 1. 2023: outside F2 -> 1, in zone none.
    assert summary.wide.fillna(-1).to_dict("records") == [{"year": 2022, "False": 1, "True": 2}, {"year": 2023, "False": 1, "True": -1}]


def test_dates_bucket_by_month_and_year():
    by_month = summarise(SAMPLES, Spec(rows=("sampled_on",), grain="month"), KINDS).long
    assert by_month["value"].tolist() == [3, 1, 1]  # Jan 2022 x3, Feb 2022, Jan 2023
    by_year = summarise(SAMPLES, Spec(rows=("sampled_on",), grain="year"), KINDS).long
    assert by_year.to_dict("records") == [{"sampled_on": 2022, "value": 4}, {"sampled_on": 2023, "value": 1}]


def test_too_many_groups_keeps_the_largest_and_says_so():
    summary = summarise(SAMPLES, Spec(rows=("factory_id",)), KINDS, max_groups=2)
    assert summary.truncated and summary.groups == 3
    assert summary.long.to_dict("records") == [{"factory_id": "F1", "value": 2}, {"factory_id": "F2", "value": 2}]


def test_no_grouping_gives_one_total():
    assert summarise(SAMPLES, Spec(measure="value", agg="sum"), KINDS).long["value"].tolist() == [160.0]


def test_spec_drops_what_the_source_lacks():
    spec = Spec(rows=("nope", "parameter", "year", "value"), across="parameter", measure="parameter", agg="sum").valid_for(KINDS)
    assert spec == Spec(rows=("parameter", "year"), across=None, measure=None, agg="count")


def test_labels_in_thai_use_buddhist_years_and_month_names():
    assert value_label(2022, "year", "year", "month", "th") == "2565"
    assert value_label(pd.Timestamp("2022-03-01"), "sampled_on", "date", "month", "en") == "Mar 2022"
    assert value_label(None, "parameter", "category", "month", "th") == "–"
    assert (
        value_label("implemented", "status", "category", "month", "en")
        == "implemented"
        != value_label("implemented", "status", "category", "month", "th")
    )
    long, wide = present(
        summarise(SAMPLES, Spec(rows=("year",), across="parameter"), KINDS), Spec(rows=("year",), across="parameter"), KINDS, "th"
    )
    assert list(long["year"]) == ["2565", "2566"]  # 2022 has only BOD, 2023 only COD
    assert wide.columns[0] != "year"  # headers are translated


def test_load_adds_establishment_names_and_area(con, factories, load):
    report = load("effluent_samples", "factory_id,sampled_on,parameter,value,unit\nF1,2022-01-05,BOD,12,mg/l\nF2,2022-01-06,BOD,8,mg/l\n")
    assert report.ok, report.problems
    with con.cursor() as cur:
        rows = explore.load(cur, Source("table", "effluent_samples"), 2022, "all", "th")
        only = explore.load(cur, Source("table", "effluent_samples"), 2022, "190906", "en")
    assert {"establishment", "subdistrict", "kind"} <= set(rows.columns)
    assert "subdistrict_code" not in rows.columns  # its name is shown instead
    assert "batch_id" not in rows.columns
    assert rows.set_index("factory_id").loc["F1", "establishment"] == "โรงงานหนึ่ง"
    assert only["factory_id"].tolist() == ["F1"]


def test_column_labels_are_unique():
    labels = column_labels(["subdistrict_code", "subdistrict", "parameter"], "en")
    assert len(set(labels.values())) == 3 and labels["subdistrict"] == "Subdistrict"


def test_source_keys_are_checked():
    assert Source.parse("table:effluent_samples") == Source("table", "effluent_samples")
    assert Source.parse("table:users") is None  # only upload tables, never accounts or settings
    assert Source.parse("table:effluent_samples; drop table x") is None


@pytest.mark.usefixtures("fresh_caches")
@pytest.mark.parametrize("lang", ["th", "en"])
def test_explore_page_runs_and_follows_the_link(demo_db, monkeypatch, lang):
    at = app_as(demo_db, monkeypatch, lang=lang)
    at.query_params.update({"src": "table:effluent_samples", "rows": "industry", "across": "parameter", "measure": "value", "agg": "mean"})
    at.switch_page("app_pages/explore.py").run()
    assert not at.exception
    summary = at.dataframe[0].value
    assert len(summary) == summary.shape[0] > 1 and summary.shape[1] == 1 + 5  # industry + 5 parameters
    assert at.query_params["src"] == "table:effluent_samples"


# What readers may see (issue 26, item 10): summaries only, each figure resting on at least MIN_GROUP establishments.


def test_a_readers_summary_withholds_figures_of_fewer_than_three_establishments():
    frame, units = explore.for_readers(SAMPLES, "factory_id")
    assert "factory_id" not in frame.columns and units is not None
    kinds_ = kinds(frame)
    spec = Spec(rows=("parameter",), measure="value", agg="sum")
    summary = summarise(frame, spec, kinds_, units=units, min_group=explore.MIN_GROUP)
    # BOD: F1, F2, F3 -> 3 establishments, shown (10 + 20 + 30); COD: F2 alone -> withheld, not 0
    assert summary.long["parameter"].tolist() == ["BOD", "COD"]
    assert summary.long["value"].iloc[0] == 60.0 and pd.isna(summary.long["value"].iloc[1])
    assert summary.withheld.tolist() == [False, True] and summary.withheld_count == 1
    _, wide = present(summary, spec, kinds_, "en")
    assert wide["Value"].iloc[0] == 60.0 and pd.isna(wide["Value"].iloc[1])  # a withheld sum is empty, never filled with 0


def test_a_withheld_cell_stays_empty_across_a_pivot_and_a_filtered_total_too():
    frame, units = explore.for_readers(SAMPLES, "factory_id")
    kinds_ = kinds(frame)
    spec = Spec(rows=("year",), across="in_industrial_zone")
    summary = summarise(frame, spec, kinds_, units=units, min_group=2)
    # 2022 in zone: F1, F1, F3 -> 2 establishments, 3 rows; 2022 outside: F2 alone; 2023 outside: F2 alone; 2023 in zone: no rows
    _, wide = present(summary, spec, kinds_, "en")
    assert wide.columns.tolist() == ["Year", "no", "yes"]
    assert pd.isna(wide.loc[0, "no"]) and wide.loc[0, "yes"] == 3
    assert pd.isna(wide.loc[1, "no"]) and wide.loc[1, "yes"] == 0  # no rows at all: counted as 0, not withheld
    one = apply_filters(frame, (Filter("parameter", values=("COD",)),), kinds_)
    total = summarise(one, Spec(), kinds_, units=units, min_group=explore.MIN_GROUP)
    assert total.withheld_count == 1 and pd.isna(total.long["value"].iloc[0])  # one establishment's total is withheld too


def test_readers_lose_identifying_columns_minimum_and_maximum_and_number_filters():
    frame, units = explore.for_readers(SAMPLES.assign(establishment="A", lat=14.6, lon=100.9), "factory_id")
    assert not {"factory_id", "establishment", "lat", "lon"} & set(frame.columns)
    assert units is not None and units.tolist() == ["F1", "F1", "F2", "F2", "F3"]
    assert Spec(agg="max", measure="value").valid_for(kinds(frame), explore.READER_AGGS).agg == "count"
    assert Spec(rows=("factory_id",)).valid_for(kinds(frame), explore.READER_AGGS).rows == ()
    assert set(explore.reader_kinds(kinds(frame))) == {"parameter", "year", "in_industrial_zone"}  # no value or date ranges


def test_the_unit_is_the_establishment_or_the_respondent_not_the_towns_own_records():
    unit = explore.unit_column
    assert unit(Source("table", "annual_reports"), ["factory_id", "year"]) == "factory_id"
    assert unit(Source("table", "surveys"), ["survey_id", "respondent_id"]) == "respondent_id"
    assert unit(Source("table", "green_areas"), ["subdistrict", "year"]) is None
    assert unit(Source("indicator", "7.1.1"), ["entity_id"], "establishment") == "entity_id"
    assert unit(Source("indicator", "20.1.1"), ["entity_id"], "respondent") == "entity_id"
    assert unit(Source("indicator", "1.1.1"), ["entity_id"], "project") is None


READER_LINK = {"src": "table:annual_reports", "rows": "factory_id,industry", "measure": "water_use_m3", "agg": "max"}


@pytest.fixture
def accounts_db(demo_db: Path, tmp_path: Path) -> Path:
    """A copy of the demo database (reading open to anonymous visitors) with a committee member and an analyst."""
    return copy_with_accounts(demo_db, tmp_path / "explore.duckdb", {"chair": "committee", "ana": "analyst"})


def explore_as(db: Path, monkeypatch: pytest.MonkeyPatch, user: str | None, link: dict[str, str] = READER_LINK):  # type: ignore[no-untyped-def]
    at = app_as(db, monkeypatch, user)
    at.query_params.update(link)
    at.switch_page("app_pages/explore.py").run()
    assert not at.exception
    return at


def downloads(at) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(getattr(e, "proto", e)) for e in at.get("download_button")]


@pytest.mark.usefixtures("fresh_caches")
@pytest.mark.parametrize("user", [None, "chair"])
def test_anonymous_readers_and_the_committee_get_summaries_only(accounts_db, monkeypatch, user):
    at = explore_as(accounts_db, monkeypatch, user)
    assert at.session_state["user"] is None if user is None else at.session_state["user"].role == "committee"
    assert any("Readers see summaries only" in i.value for i in at.info)
    assert not [e for e in at.expander if e.label == "Rows that pass the filters"]
    assert len(at.dataframe) == 1  # the summary, never the rows
    summary = at.dataframe[0].value
    # The link asked for the largest water use by establishment: the establishment is dropped (not a reader's
    # column) and the maximum becomes a count; by industry, every figure rests on at least 3 establishments or is empty.
    # The figures are headed by what they are (a count here).
    assert list(summary.columns) == ["Industry", "Number of rows"] and summary["Number of rows"].sum() == 1013
    assert at.query_params["agg"] == "count" and "factory_id" not in at.query_params.get("rows", "")
    assert all("_rows" not in d for d in downloads(at))  # only the summary's downloads


@pytest.mark.usefixtures("fresh_caches")
def test_a_readers_small_groups_are_withheld_and_said_so(accounts_db, demo_db, monkeypatch):
    link = {"src": "table:annual_reports", "rows": "industry,subdistrict", "across": "year", "measure": "water_use_m3", "agg": "sum"}
    at = explore_as(accounts_db, monkeypatch, None, link)
    offered = at.multiselect(key="x_filter_by_table:annual_reports_en").options
    assert "Industry" in offered and not {"Factory ID", "Establishment", "Water use (m³)"} & set(offered)  # no names, no ranges
    summary = at.dataframe[0].value
    withheld = int(summary.drop(columns=["Industry", "Subdistrict"]).isna().sum().sum())
    assert withheld > 0 and any(f"{withheld} figure(s) not shown" in c.value for c in at.caption)
    with duckdb.connect(str(demo_db), read_only=True) as con:  # the demo's groups of fewer than 3 establishments (same data)
        few = con.execute(
            "select count(*) from (select e.industry, e.subdistrict_code, r.year from annual_reports r join establishments e using (factory_id)"
            " group by all having count(distinct factory_id) < 3)"
        ).fetchone()
    assert few is not None and withheld == few[0]


@pytest.mark.usefixtures("fresh_caches")
def test_analysts_keep_the_rows_and_every_summary(accounts_db, monkeypatch):
    at = explore_as(accounts_db, monkeypatch, "ana")
    assert not any("Readers see summaries only" in i.value for i in at.info)
    assert [e for e in at.expander if e.label == "Rows that pass the filters"]
    assert len(at.dataframe) == 2 and len(at.dataframe[1].value) == 1013  # the rows, every annual report
    assert at.query_params["agg"] == "max" and at.query_params["rows"] == "factory_id,industry"
