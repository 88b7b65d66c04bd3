"""Every page run from the entry point with AppTest: no exception, numbers equal the engine's, empty states."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from metrics.engine import evaluate
from tests.conftest import SHIPPED_INDICATORS
from ui.i18n import TEXT

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.usefixtures("fresh_caches")
PAGES = ["app_pages/overview.py", "app_pages/indicator.py", "app_pages/establishment.py"]


def app(db: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("EIT_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    return at


def opened(db: Path, monkeypatch: pytest.MonkeyPatch, page: str, lang: str | None = None, **params: str) -> AppTest:
    """The app opened on a page from a link carrying params (code=, id=), in lang if given."""
    at = app(db, monkeypatch)
    if lang:
        at.session_state["lang"] = lang
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    return at


def texts(at: AppTest) -> str:
    return "\n".join(
        [m.value for m in at.markdown]
        + [h.value for h in at.html]
        + [str(m.value) for m in at.metric]
        + [h.value for h in at.subheader]
        + [w.value for w in at.warning]
        + [i.value for i in at.info]
    )


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_without_exception(demo_db, monkeypatch, page, lang):
    at = opened(demo_db, monkeypatch, page, lang)
    assert not at.exception, at.exception
    banner = TEXT["demo_banner"][0 if lang == "th" else 1]
    assert any(w.value == banner for w in at.warning)


def test_overview_numbers_equal_the_engine(demo_db, monkeypatch):
    import re

    at = app(demo_db, monkeypatch)
    at.session_state["lang"] = "en"
    at.run()
    year = at.session_state["year"]
    con = duckdb.connect(str(demo_db))
    with con.cursor() as cur:
        card = evaluate(cur, year, "all")
    con.close()
    (table,) = [h.value for h in at.html if '<table class="eit-scorecard"' in h.value]
    rows = dict(re.findall(r'href="[^"]*code=([0-9.]+)[^"]*"[^>]*>[^<]*</a></div></td>(.*?)</tr>', table))
    assert len(rows) == SHIPPED_INDICATORS
    for r in card.results:
        if r.value is None:
            assert ">No data<" in rows[r.code], r.code
            continue
        value = f"{r.value:,.2f} %" if r.indicator.unit == "percent" else f"{int(r.value):,} "
        assert f"<b>{value}" in rows[r.code], (r.code, value, rows[r.code][:300])
        assert f"eit-badge eit-{r.status}" in rows[r.code], r.code
    cards = next(h.value for h in at.html if '<div class="eit-cards"' in h.value)
    assert ("Level 1 not yet reached" if card.town_level == 0 else f"Level {card.town_level} reached") in cards


def test_overview_level_history_equals_the_engine_year_by_year_without_a_chart(demo_db, monkeypatch):
    """The history is an HTML table (no chart library for the landing page): per year, the engine's town level
    in words and as filled steps, and each level's verdict; BE years in Thai."""
    import re

    from metrics.engine import data_years

    at = app(demo_db, monkeypatch)
    at.run()
    assert not at.get("plotly_chart")
    (table,) = [h.value for h in at.html if '<table class="eit-list eit-history"' in h.value]
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1])
    con = duckdb.connect(str(demo_db))
    with con.cursor() as cur:
        years = data_years(cur)
        cards = {y: evaluate(cur, y, "all") for y in years}
    con.close()
    assert len(rows) == len(years) > 1
    for year, row in zip(years, rows, strict=True):
        card = cards[year]
        assert f"พ.ศ. {year + 543}" in row
        assert row.count("eit-pip eit-pip-on") == card.town_level
        assert ("ยังไม่ผ่านระดับ 1" if card.town_level == 0 else f"ผ่านระดับ {card.town_level}") in row
        verdicts = re.findall(r'eit-badge eit-(pass|fail|no_data)"', row)
        assert verdicts == [str(lv["status"]) for lv in card.levels]


def chart_images(at: AppTest) -> list[tuple[str, str, str]]:
    """The charts on the page: (wide or narrow, the text alternative, the SVG)."""
    import base64
    import re

    found = re.findall(
        r'<img class="eit-chart-(\w+)" alt="([^"]*)" src="data:image/svg\+xml;base64,([^"]+)">', "".join(h.value for h in at.html)
    )
    return [(kind, alt, base64.b64decode(data).decode()) for kind, alt, data in found]


@pytest.mark.parametrize("code", ["19.1.1", "7.2.1", "7.1.1"])
def test_indicator_page_draws_its_charts_on_the_server_with_the_engines_values(demo_db, monkeypatch, code):
    """No chart library in the reader's browser: the trend (and 7.2.1's changes, 7.1.1's samples) are SVG
    images drawn by the server; the trend's text alternative gives the engine's value for every year."""
    from html import unescape

    from metrics.engine import trend

    at = opened(demo_db, monkeypatch, "app_pages/indicator.py", code=code)
    assert not at.exception
    assert not at.get("plotly_chart")
    charts = chart_images(at)
    assert [kind for kind, _, _ in charts] == ["wide", "narrow"] * (1 if code == "19.1.1" else 2)
    con = duckdb.connect(str(demo_db))
    with con.cursor() as cur:
        town = trend(cur, code).query("area == 'all'")
    con.close()
    alt = unescape(charts[0][1])
    for year, value in zip(town["year"], town["value"], strict=True):
        assert f"{year + 543}: {value:,.1f} %" in alt
        assert f"{value:,.1f} %" in charts[0][2] and f">{year + 543}<" in charts[0][2]  # written on the drawing too
    if code == "7.1.1":
        assert "ค่ามาตรฐาน" in charts[2][2]  # the samples against their limit


def test_establishment_page_draws_its_yearly_figures_on_the_server(demo_db, monkeypatch):
    at = opened(demo_db, monkeypatch, "app_pages/establishment.py", id="DEMO-F003")
    assert not at.exception
    assert not at.get("plotly_chart")
    charts = chart_images(at)
    assert [kind for kind, _, _ in charts] == ["wide", "narrow", "wide", "narrow"]  # yearly figures, effluent samples
    assert "DEMO-F003" in charts[0][1]
    for title in (TEXT["water_per_unit"][0].split("(")[0].strip(), TEXT["renewable_pct"][0].split("(")[0].strip()):
        assert title in charts[0][2]


def test_year_and_area_change_the_scorecard(demo_db, monkeypatch):
    at = app(demo_db, monkeypatch)
    at.session_state["lang"] = "en"
    at.run()
    first = texts(at)
    at.selectbox(key="area_en").select("191306").run()
    at.selectbox(key="year_en").select(2020).run()
    assert not at.exception
    con = duckdb.connect(str(demo_db))
    with con.cursor() as cur:
        r = evaluate(cur, 2020, "191306").result("19.1.1")
    assert f"<b>{r.value:,.2f} %</b>" in texts(at) and texts(at) != first
    assert at.query_params["year"] == "2020" and at.query_params["area"] == "191306"  # the link keeps the view


def test_indicator_page_follows_the_code_in_the_link(demo_db, monkeypatch):
    at = opened(demo_db, monkeypatch, "app_pages/indicator.py", code="7.1.1")
    assert not at.exception
    chooser = next(s for s in at.selectbox if s.label == TEXT["choose_indicator"][0])
    assert chooser.value == "7.1.1"
    assert any("7.1.1" in h.value for h in at.subheader)


def test_unknown_establishment_says_so(demo_db, monkeypatch):
    at = opened(demo_db, monkeypatch, "app_pages/establishment.py", "en", id="NOPE-1")
    assert not at.exception
    assert any("No establishment NOPE-1" in e.value.replace("\\", "") for e in at.warning)  # a notice, and the first establishment shown


@pytest.mark.parametrize("page", PAGES)
def test_empty_database_explains_what_to_upload(tmp_path, monkeypatch, page):
    from store.accounts import set_public_read
    from store.db import init

    con, _, _ = init(tmp_path / "empty.duckdb")
    set_public_read(con, True, "tests")
    con.close()
    at = opened(tmp_path / "empty.duckdb", monkeypatch, page, "en")
    assert not at.exception
    assert any('upload CSV files on the "Upload CSV" page, starting with the establishments table' in i.value for i in at.info)
    assert any("An analyst or an admin can upload data after signing in" in c.value for c in at.caption)  # a reader cannot upload
    assert not at.warning  # no demo banner on a database without demo data
