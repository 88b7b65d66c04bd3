"""The explorer: loading a source, filters, group / pivot / aggregate on tiny data with hand-computed answers,
and the page from the entry point (AppTest; the chart itself is checked in the browser test)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from metrics import explore
from metrics.explore import Filter, Source, Spec, apply_filters, column_labels, kinds, present, summarise, value_label

ROOT = Path(__file__).resolve().parents[1]

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
    assert KINDS == {"factory_id": "category", "sampled_on": "date", "parameter": "category", "value": "number",
                     "year": "year", "in_industrial_zone": "flag"}  # fmt: skip


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
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("EIT_DB", str(demo_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["lang"] = lang
    at.query_params.update({"src": "table:effluent_samples", "rows": "industry", "across": "parameter", "measure": "value", "agg": "mean"})
    at.run()
    at.switch_page("app_pages/explore.py").run()
    assert not at.exception
    summary = at.dataframe[0].value
    assert len(summary) == summary.shape[0] > 1 and summary.shape[1] == 1 + 5  # industry + 5 parameters
    assert at.query_params["src"] == "table:effluent_samples"
