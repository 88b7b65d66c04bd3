"""Explorer measures (issue 28, item 6): per-unit and share measures on annual reports, establishment attributes on
the rows behind an indicator, figures with thousands separators and units; "median water use per unit of product
by industry" checked against a hand computation on the demo database, and taken in three choices in a browser."""

from __future__ import annotations

import json
import os
import re
import statistics
from collections import defaultdict
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from lookup import explorer as explore
from lookup.explorer import Source, Spec, kinds, number_formats, present, summarise, value_title
from present import words
from tests.apps import app_as, copy_with_accounts

PASSWORD = "analyst-password-1"


def hand_median_water_per_unit(db: Path, lang: str = "th") -> dict[str, float]:
    """Median of water use ÷ production over each industry's report rows, in plain Python from the raw rows."""
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select e.industry, r.water_use_m3, r.production_qty from annual_reports r join establishments e using (factory_id)"
        ).fetchall()
    by_industry: dict[str, list[float]] = defaultdict(list)
    for industry, water, production in rows:
        if water is not None and production:
            by_industry[industry or "–"].append(water / production)
    return {industry: statistics.median(values) for industry, values in by_industry.items()}


def test_median_water_per_unit_by_industry_is_the_hand_computed_median(demo_db: Path) -> None:
    with duckdb.connect(str(demo_db), read_only=True) as con, con.cursor() as cur:
        frame = explore.load(cur, Source("table", "annual_reports"), 0, "all", "th")
    spec = Spec(rows=("industry",), measure="water_per_unit", agg="median")
    column_kinds = kinds(frame)
    assert column_kinds["water_per_unit"] == "number"
    assert spec.valid_for(column_kinds) == spec  # the measure is one the explorer offers
    summary = summarise(frame, spec, column_kinds)
    got = dict(zip(summary.long["industry"], summary.long["value"], strict=True))
    expected = hand_median_water_per_unit(demo_db)
    assert len(expected) >= 10 and set(got) == set(expected)
    for industry, value in expected.items():
        assert got[industry] == pytest.approx(value, rel=1e-12), industry
    _, wide = present(summary, spec, column_kinds, "en", value_title(spec, explore.column_labels(list(frame.columns), "en"), "en"))
    assert list(wide.columns) == ["Industry", "Median · Water use per unit of product (m³/unit)"]


def test_per_unit_and_share_measures_are_each_rows_ratio_and_empty_without_a_denominator() -> None:
    reports = pd.DataFrame(
        {
            "factory_id": ["F1", "F2", "F3"],
            "production_qty": [200.0, 0.0, None],
            "production_unit": ["t", "t", "t"],
            "water_use_m3": [50.0, 10.0, 10.0],
            "wastewater_m3": [30.0, None, 1.0],
            "waste_generated_t": [10.0, 0.0, 4.0],
            "waste_3r_t": [6.0, 0.0, 1.0],
            "energy_total_gj": [1000.0, 5.0, None],
            "energy_renewable_gj": [100.0, 1.0, None],
            "ghg_tco2e": [80.0, 2.0, 3.0],
        }
    )
    out = explore.with_measures(reports, "annual_reports")
    at = list(out.columns).index("production_unit")
    assert list(out.columns)[at + 1 : at + 7] == [m.name for m in explore.MEASURES["annual_reports"]]  # beside the unit
    first = out.iloc[0]
    assert (first.water_per_unit, first.wastewater_per_unit, first.energy_per_unit, first.ghg_per_unit) == (0.25, 0.15, 5.0, 0.4)
    assert (first.waste_3r_pct, first.renewable_pct) == (60.0, 10.0)
    assert out["water_per_unit"].iloc[1:].isna().all()  # production 0 or missing: no figure, never infinity or 0
    assert pd.isna(out["waste_3r_pct"].iloc[1]) and out["waste_3r_pct"].iloc[2] == 25.0
    assert explore.with_measures(reports, "practices").equals(reports)  # only reports carry these measures


def test_indicator_rows_carry_the_establishments_industry_kind_and_subdistrict(demo_db: Path) -> None:
    with duckdb.connect(str(demo_db), read_only=True) as con, con.cursor() as cur:
        rows = explore.load(cur, Source("indicator", "7.2.1"), 2023, "all", "en")
        surveys = explore.load(cur, Source("indicator", "20.1.1"), 2023, "all", "en")
        truth = dict(cur.execute("select factory_id, industry from establishments").fetchall())
        zones = dict(cur.execute("select factory_id, in_industrial_zone from establishments").fetchall())
    assert {"industry", "kind", "subdistrict", "in_industrial_zone", "controlled_factory"} <= set(rows.columns)
    assert rows["industry"].notna().all() and rows["kind"].eq("factory").all()
    assert all(truth[e] == i for e, i in zip(rows["entity_id"], rows["industry"], strict=True))
    assert all(zones[e] == z for e, z in zip(rows["entity_id"], rows["in_industrial_zone"], strict=True))
    assert "industry" not in surveys.columns  # respondents are not establishments: nothing is joined to them
    # The same question from the indicator's rows: median intensity (water per unit) by industry, by hand.
    spec = Spec(rows=("industry",), measure="intensity", agg="median")
    summary = summarise(rows, spec, kinds(rows))
    got = dict(zip(summary.long["industry"], summary.long["value"], strict=True))
    by_hand: dict[str, list[float]] = defaultdict(list)
    for industry, amount, production in zip(rows["industry"], rows["amount"], rows["production_qty"], strict=True):
        if pd.notna(amount) and pd.notna(production) and production > 0:
            by_hand[industry].append(amount / production)
    assert by_hand and all(got[i] == pytest.approx(statistics.median(v)) for i, v in by_hand.items())


def test_figures_have_thousands_separators_and_labels_their_units() -> None:
    assert number_formats(pd.Series([50_123_456.7, 12.5])) == ("%,.0f", ",.0f")
    assert number_formats(pd.Series([0.0562, 0.01])) == ("%,.4f", ",.4f")
    assert number_formats(pd.Series([3.21, None])) == ("%,.2f", ",.2f")
    assert number_formats(pd.Series([3, 4]), whole=True) == ("%,d", ",.0f")
    assert explore.column_label("water_use_m3", "th") == "ปริมาณน้ำใช้ (ลบ.ม.)" or "ลบ.ม." in explore.column_label("water_use_m3", "th")
    assert "m³/unit" in explore.column_label("water_per_unit", "en") and "ลบ.ม./หน่วย" in explore.column_label("water_per_unit", "th")
    assert "(%)" in explore.column_label("waste_3r_pct", "th")


def test_the_chart_writes_figures_with_separators_never_si_suffixes() -> None:
    from ui.explore import figure

    long = pd.DataFrame({"industry": ["cement", "lime"], "value": [50_000_000.0, 1_234_567.0]})
    spec = Spec(rows=("industry",), measure="water_use_m3", agg="sum")
    _, d3 = number_formats(long["value"])
    fig, _ = figure(long, spec, "bar", {"industry": "Industry"}, "Sum · Water use (m³)", d3)
    assert fig is not None
    assert fig.layout.yaxis.tickformat == ",.0f" and fig.layout.yaxis.exponentformat == "none"
    assert fig.layout.yaxis.title.text == "Sum · Water use (m³)"
    assert ":,.0f}" in fig.data[0].hovertemplate


def test_mixed_units_of_product_are_flagged() -> None:
    frame = pd.DataFrame({"production_unit": ["t", "m3", None], "water_per_unit": [1.0, 2.0, 3.0]})
    assert explore.mixed_units(frame, "water_per_unit") and not explore.mixed_units(frame, "waste_3r_pct")
    assert not explore.mixed_units(frame.iloc[[0, 2]], "water_per_unit")


@pytest.mark.usefixtures("fresh_caches")
@pytest.mark.parametrize("user", [None, "ana"])
def test_the_page_answers_from_a_link_for_readers_and_analysts(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, user
) -> None:
    db = copy_with_accounts(demo_db, tmp_path / "measures.duckdb", {"ana": "analyst"}, PASSWORD)
    at = app_as(db, monkeypatch, user, password=PASSWORD)
    at.query_params.update({"src": "table:annual_reports", "rows": "industry"})
    at.switch_page("app_pages/explore.py").run()
    at.selectbox(key="x_agg_table:annual_reports_en").select("median").run()  # no measure chosen
    assert not at.exception
    summary = at.dataframe[0].value
    title = "Median · Water use per unit of product (m³/unit)"  # the first measure offered: water per unit
    assert list(summary.columns) == ["Industry", title]
    expected = hand_median_water_per_unit(demo_db)
    got = dict(zip(summary["Industry"], summary[title], strict=True))
    shown = {k: v for k, v in got.items() if pd.notna(v)}  # a reader's group of fewer than 3 establishments is withheld
    assert len(shown) >= 10 and all(v == pytest.approx(expected[k]) for k, v in shown.items())
    assert at.query_params["measure"] == "water_per_unit"
    configs = json.loads(at.dataframe[0].proto.columns)
    formats = {name: c.get("type_config", {}).get("format") for name, c in configs.items() if name != "_index"}
    assert formats == {title: "%,.3f"}  # separators, three significant digits of a typical median (0.285)


# ---- in a real browser: an analyst, in Thai, three choices from the explorer's first view to the answer ----


@pytest.fixture(scope="module")
def app(demo_db: Path, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    from tests.browser import running_app

    folder = tmp_path_factory.mktemp("measures")
    db = copy_with_accounts(demo_db, folder / "measures.duckdb", {"ana": "analyst"}, PASSWORD, readers_may_read=False)
    with running_app(db) as url:
        yield url


def pick(page, label: str, option: str) -> None:  # type: ignore[no-untyped-def]
    """One choice: open the drop-down labelled `label` and click `option` (Streamlit's select and multiselect)."""
    from tests.browser import wait_ready

    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")  # a multiselect's list stays open after a pick; a selectbox's is closed already
    wait_ready(page)


@pytest.mark.browser
def test_an_analyst_gets_median_water_per_unit_by_industry_in_three_choices_in_thai(app: str, demo_db: Path) -> None:
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS, screenshot, sign_in, wait_ready

    if not Path(CHROMIUM).exists() and os.environ.get("CI") != "true":
        pytest.skip("Debian's chromium is not installed")
    t = lambda key, **f: words.text(key, "th", **f)  # noqa: E731
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1600})
        page.goto(app + "/")
        wait_ready(page)
        sign_in(page, "ana", PASSWORD, "th", lands_on=t("page_overview"))
        page.goto(app + "/explore")  # a fresh explorer, in Thai
        page.get_by_role("heading", name=t("page_explore"), exact=True).wait_for(timeout=60_000)
        wait_ready(page)

        pick(page, t("explore_source"), t("explore_table", name=words.table_label("annual_reports", "th")))  # 1
        pick(page, t("explore_group"), "ประเภทอุตสาหกรรม")  # 2
        pick(page, t("explore_agg"), t("agg_median"))  # 3
        title = "มัธยฐาน · น้ำใช้ต่อหน่วยผลิตภัณฑ์ (ลบ.ม./หน่วย)"
        axis = page.locator(".js-plotly-plot .ytitle")  # the chart says what it shows: the measure picked for us, its unit
        page.wait_for_function(
            "(t) => [...document.querySelectorAll('.js-plotly-plot .ytitle')].some(e => e.textContent === t)", arg=title, timeout=60_000
        )
        assert axis.first.text_content() == title
        screenshot(page, "explore_water_per_unit_by_industry_th")

        expected = hand_median_water_per_unit(demo_db)
        # The summary table's grid redraws after the chart, even after the run has finished: for a moment it still
        # holds the view before the third choice (count of rows: แปรรูปอาหาร 150). Read it once its header names the
        # median of water per unit, with a row per industry.
        headers = [explore.column_label("industry", "th"), title]
        page.wait_for_function(
            """([headers, cells]) => {
              const grid = document.querySelector('[data-testid="stDataFrame"]');
              if (!grid) return false;
              const shown = [...grid.querySelectorAll('[role="columnheader"]')].map(e => e.textContent);
              return JSON.stringify(shown) === JSON.stringify(headers) && grid.querySelectorAll('[role="gridcell"]').length >= cells;
            }""",
            arg=[headers, 2 * len(expected)],
            timeout=60_000,
        )
        cells = page.locator('[data-testid="stDataFrame"]').first.locator('[role="gridcell"]').all_text_contents()
        shown = dict(zip(cells[0::2], cells[1::2], strict=False))
        for industry, value in expected.items():  # the grid's accessible cells hold the figures unformatted
            assert float(shown[industry]) == pytest.approx(value), industry
        # Sums of millions: the axis is written out with separators ("50,000,000"), never SI suffixes ("50M").
        page.goto(app + "/explore?src=table:annual_reports&rows=industry&agg=sum&measure=water_use_m3")
        sum_title = f"{t('agg_sum')} · {explore.column_label('water_use_m3', 'th')}"
        page.wait_for_function(
            "(t) => [...document.querySelectorAll('.js-plotly-plot .ytitle')].some(e => e.textContent === t)", arg=sum_title, timeout=60_000
        )
        wait_ready(page)
        ticks = page.locator(".js-plotly-plot .ytick text").all_text_contents()
        assert ticks and not any(re.search(r"\d[kMGµm]$", t_) for t_ in ticks), ticks
        assert any(re.fullmatch(r"\d{1,3}(,\d{3}){2,}", t_) for t_ in ticks), ticks  # millions, with separators
        screenshot(page, "explore_water_sum_by_industry_th")
        browser.close()
