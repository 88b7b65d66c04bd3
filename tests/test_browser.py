"""The app in a real browser: every page in Thai and English, numbers against the engine, click-through."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from metrics.engine import evaluate
from store.geo import load_boundaries
from tests.browser import CHROMIUM, running_app, screenshot, wait_ready
from tests.conftest import BOUNDARIES

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists() and os.environ.get("CI") != "true":
    pytest.skip("Debian's chromium is not installed (scripts/run-tests.sh installs it)", allow_module_level=True)


@pytest.fixture(scope="module")
def app_url(demo_db: Path, tmp_path_factory: pytest.TempPathFactory):
    """The app on a copy of the demo database; the tests read expected numbers from the original
    (the running app holds the copy's write lock)."""
    db = tmp_path_factory.mktemp("browser") / "app.duckdb"
    shutil.copy(demo_db, db)
    if BOUNDARIES.exists():
        con = duckdb.connect(str(db))
        load_boundaries(con, BOUNDARIES)
        con.close()
    with running_app(db) as url:
        yield url, demo_db


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 2400}, locale="th-TH")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.errors = errors
    yield pg
    context.close()


def to_english(page) -> None:
    page.get_by_text("English", exact=True).click()
    page.get_by_text("Language", exact=True).wait_for(timeout=60_000)  # the sidebar relabelled in English
    wait_ready(page)


def main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


PAGES = {
    "overview": "/",
    "indicator": "/indicator?code=7.2.1",
    "effluent": "/indicator?code=7.1.1",
    "establishment": "/establishment?id=DEMO-F003",
    "map": "/map",
}


# Each chart drawn on the page: which drawing (wide or narrow) the browser shows, its width, and whether it decoded.
CHARTS_SHOWN = """() => [...document.querySelectorAll('.eit-chart img')].filter(i => i.checkVisibility())
  .map(i => [i.className.replace('eit-chart-', ''), i.getBoundingClientRect().width, i.complete && i.naturalWidth > 0])"""


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_renders_in_both_languages(app_url, page, name, lang):
    url, _ = app_url
    page.goto(url + PAGES[name])
    wait_ready(page)
    if lang == "en":
        to_english(page)
    assert page.locator('[data-testid="stException"]').count() == 0
    assert not page.errors
    text = main_text(page)
    assert ("ข้อมูลสาธิต" if lang == "th" else "Demo data") in text
    if name in ("indicator", "effluent", "establishment"):  # the charts drew: the wide drawing decoded and shown, the narrow one hidden
        page.wait_for_function("() => [...document.querySelectorAll('.eit-chart img')].every(i => i.complete)", timeout=30_000)
        shown = page.evaluate(CHARTS_SHOWN)
        assert shown and all(kind == "wide" and width > 600 and decoded for kind, width, decoded in shown), shown
    screenshot(page, f"{name}_{lang}")


def test_scorecard_on_screen_equals_the_engine(app_url, page):
    url, db = app_url
    page.goto(url + "/")
    wait_ready(page)
    to_english(page)
    year = int(re.search(r"· (\d{4}) \(calendar year\)", main_text(page)).group(1))  # the overview's subheader names the year
    con = duckdb.connect(str(db), read_only=True)
    with con.cursor() as cur:
        card = evaluate(cur, year, "all")
    con.close()
    text = main_text(page)
    codes = [r.code for r in card.results]
    for i, r in enumerate(card.results):
        start = text.index(r.code + "\n")
        end = text.index(codes[i + 1] + "\n", start) if i + 1 < len(codes) else len(text)
        value = "No data" if r.value is None else (f"{r.value:,.2f} %" if r.indicator.unit == "percent" else f"{int(r.value):,}")
        assert value in text[start:end], (r.code, value, text[start:end])
        assert {"pass": "Pass", "fail": "Fail", "no_data": "No data"}[r.status] in text[start:end]
    assert page.locator('[data-testid="stMain"] blockquote').count() == 0  # "> 0 %" once rendered as a quote
    reached = f"Level {card.town_level} reached" if card.town_level else "Level 1 not yet reached"
    assert re.search(rf"Level reached\s*\n\s*{reached}", text)


def test_click_from_indicator_to_factory(app_url, page):
    url, db = app_url
    page.goto(url + "/")
    wait_ready(page)
    to_english(page)
    page.get_by_role("link", name="19.1.1", exact=True).click()
    page.get_by_role("heading", name=re.compile("^19.1.1 Share of factories")).wait_for(timeout=60_000)
    wait_ready(page)
    assert "/indicator" in page.url and "code=19.1.1" in page.url
    assert "19.1.1 Share of factories certified Green Industry" in main_text(page)
    link = page.get_by_role("link", name=re.compile("Open establishment profile"))
    factory = re.search(r"id=([^&]+)", link.get_attribute("href") or "").group(1)  # type: ignore[union-attr]
    link.click()
    page.get_by_role("heading", name="Establishment profile", exact=True).wait_for(timeout=60_000)
    page.wait_for_url(re.compile(f"id={factory}"), timeout=60_000)
    wait_ready(page)
    assert f"id={factory}" in page.url
    con = duckdb.connect(str(db), read_only=True)
    name = con.execute("select name_en from establishments where factory_id = $f", {"f": factory}).fetchall()[0][0]
    con.close()
    assert name in main_text(page)
    screenshot(page, "click_through_profile")


def test_year_change_rerenders_the_overview(app_url, page):
    url, _ = app_url
    page.goto(url + "/")
    wait_ready(page)
    to_english(page)
    before = main_text(page)
    page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').nth(1).click()
    page.get_by_role("option", name="2021").click()
    page.get_by_role("heading", name=re.compile("· 2021 \\(calendar year\\)$")).wait_for(timeout=60_000)
    wait_ready(page)
    after = main_text(page)
    assert "· 2021" in after and after != before


def map_frame(page):
    """The frame that holds the Leaflet map (streamlit-folium renders it in a component iframe)."""
    for _ in range(100):
        for frame in page.frames:
            if frame.locator(".leaflet-container").count():
                return frame
        page.wait_for_timeout(200)
    raise AssertionError("no Leaflet map frame on the page")


@pytest.mark.skipif(not BOUNDARIES.exists(), reason="needs ../shared reference boundaries")
def test_map_draws_polygons_and_markers_with_the_network_blocked(app_url, browser):
    url, _ = app_url
    context = browser.new_context(viewport={"width": 1400, "height": 1600})
    blocked: list[str] = []

    def only_loopback(route):
        if route.request.url.startswith(url):
            return route.continue_()
        blocked.append(route.request.url)
        return route.abort()

    context.route("**/*", only_loopback)
    page = context.new_page()
    page.goto(url + "/map")
    wait_ready(page)
    frame = map_frame(page)
    frame.wait_for_selector(".leaflet-overlay-pane path.leaflet-interactive", timeout=30_000)
    assert frame.locator(".leaflet-overlay-pane path.leaflet-interactive").count() == 2  # both subdistricts
    frame.wait_for_selector(".leaflet-marker-icon", timeout=30_000)
    assert frame.locator(".eit-cluster").count() >= 5  # establishments, clustered in neutral bubbles
    text = main_text(page)
    assert "DEMO-F007" in text and "DEMO-F012" in text  # the location check flags the two misplaced ones
    assert blocked == []  # nothing came from outside: neither what the map needs nor the tab's icon
    screenshot(page, "map_offline_th")
    context.close()


@pytest.mark.skipif(not BOUNDARIES.exists(), reason="needs ../shared reference boundaries")
def test_a_click_on_a_marker_offers_that_establishments_profile(app_url, page):
    url, db = app_url
    con = duckdb.connect(str(db), read_only=True)
    lat, lon = con.execute("select lat, lon from establishments where factory_id = 'DEMO-F003'").fetchone()
    con.close()
    page.goto(url + "/map?lang=en&year=2024")
    wait_ready(page)
    frame = map_frame(page)
    frame.wait_for_selector(".leaflet-marker-icon", timeout=30_000)
    assert "Click a marker to open" in main_text(page)
    frame.evaluate("([lat, lon]) => window.map.setView([lat, lon], 17, {animate: false})", [lat, lon])  # as if zoomed in
    box = page.locator('iframe[title="streamlit_folium.st_folium"]').bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # the marker at the centre
    link = page.get_by_role("link", name=re.compile("DEMO-F003"))
    link.wait_for(timeout=30_000)
    assert "id=DEMO-F003" in link.get_attribute("href") and "year=2024" in link.get_attribute("href")
    assert not page.errors


HOSTILE_NAME = (
    "[ลิงก์](http://evil.example/a) ![ภาพ](http://evil.example/i.png) :red[แดง] $x^2$ <b>หนา</b> "
    "www.evil.example ใคร@evil.example https://evil.example/p"
)


def test_a_hostile_name_shows_as_written_and_reaches_nowhere(demo_db, browser, tmp_path):
    """Markdown, Streamlit directives, LaTeX, HTML and bare addresses in a name stay text: no link, image or colour."""
    db = tmp_path / "hostile.duckdb"
    shutil.copy(demo_db, db)
    with duckdb.connect(str(db)) as con:
        con.execute("update establishments set name_th = $n, industry = $n where factory_id = 'DEMO-F003'", {"n": HOSTILE_NAME})
    fetched: list[str] = []
    with running_app(db) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 2000}, locale="th-TH")
        page = context.new_page()
        page.on("request", lambda r: fetched.append(r.url) if "evil.example" in r.url else None)
        page.goto(url + "/establishment?id=DEMO-F003")
        wait_ready(page)
        main = page.locator('[data-testid="stMain"]')
        main.locator("h3").filter(has_text="ลิงก์").first.wait_for(timeout=60_000)
        text = main.inner_text().replace("\u2060", "")
        assert "[ลิงก์](http://evil.example/a)" in text and ":red[แดง]" in text and "<b>หนา</b>" in text and "$x^2$" in text
        assert main.locator("a[href*='evil'], img[src*='evil'], .katex, b").count() == 0
        assert main.locator("span[style*='color'], [class*='red']").filter(has_text="แดง").count() == 0
        screenshot(page, "hostile_name")
        context.close()
    assert fetched == []  # the image was never requested


def test_printing_the_overview_gives_a4_pages_without_the_sidebar_and_with_whole_codes(app_url, browser, tmp_path):
    """The browser's own print (here Chromium's PDF of the print media) keeps the page's content only."""
    from pypdf import PdfReader

    url, _ = app_url
    context = browser.new_context(viewport={"width": 1400, "height": 1200}, locale="th-TH")
    page = context.new_page()
    page.goto(url + "/overview?lang=en&year=2024&area=all")
    page.get_by_role("link", name="18.1.1", exact=True).first.wait_for(timeout=60_000)
    wait_ready(page)
    page.emulate_media(media="print")
    assert not page.locator('[data-testid="stSidebar"]').is_visible()
    target = tmp_path / "overview.pdf"
    page.pdf(path=str(target), prefer_css_page_size=True, print_background=True)
    context.close()
    reader = PdfReader(target)
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)  # A4 portrait
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert all(code in text for code in ("18.1.1", "19.1.1", "20.1.1", "10.2.1", "15.1.1"))
    assert "Language" not in text and "The whole eco-town (every subdistrict)" in text  # the sidebar's words are gone, the page's stay
