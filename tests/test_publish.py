"""The town's static public site (`python -m metrics publish`): numbers equal `metrics scorecard --format json`
for every year and area on the pages and in the open data, pages small and escaped, and every page read in
Chromium from a plain static server at desktop and phone widths with nothing fetched from outside the site."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import sys
from html import unescape
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from metrics.__main__ import main as metrics_main
from present.words import number
from store.geo import load_boundaries
from tests.browser import CHROMIUM, artifact, serving
from tests.conftest import BOUNDARIES

pytestmark = pytest.mark.slow  # the quick loop leaves it out (docs/testing.md)

PAGE_LIMIT = 200_000  # bytes: a page with its stylesheet and every chart it references
HOSTILE = "<script>alert('x')</script>"
LICENCE = "CC BY 4.0 (ทดสอบ / test)"


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = metrics_main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def site_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo database with the subdistricts' boundaries when ../shared has them."""
    db = tmp_path_factory.mktemp("publish") / "site.duckdb"
    shutil.copy(demo_db, db)
    if BOUNDARIES.exists():
        con = duckdb.connect(str(db))
        load_boundaries(con, BOUNDARIES)
        con.close()
    return db


@pytest.fixture(scope="module")
def site(site_db: Path) -> Path:
    out = site_db.parent / "site"
    code, printed, err = run_cli("publish", "--db", site_db, "--out", out, "--licence", LICENCE)
    assert code == 0, err
    assert "pages" in printed
    return out


def years_of(db: Path) -> list[int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        from metrics.engine import data_years

        with con.cursor() as cur:
            return data_years(cur)
    finally:
        con.close()


def subdistricts_of(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [str(r[0]) for r in con.execute("select subdistrict_code from subdistricts order by 1").fetchall()]
    finally:
        con.close()


def pages_of(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


ARTICLE = re.compile(
    r'<article class="indicator" id="[^"]*" data-code="([^"]+)" data-status="([^"]+)">.*?<data value="([^"]*)">([^<]*)</data>', re.S
)


def shown_value(item: dict[str, Any], lang: str) -> str:
    """The value as a reader sees it, from scorecard --format json's value."""
    value = item["value"]
    if value is None:
        return "ไม่มีข้อมูล" if lang == "th" else "No data"
    return number(float(value), lang, "percent") if item["unit"] == "percent" else f"{int(value):,}"


def test_pages_and_open_data_equal_the_scorecard_command_for_every_year_and_area(site: Path, site_db: Path) -> None:
    years = years_of(site_db)
    assert years, "the demo database has yearly data"
    published = json.loads((site / "data" / "scorecards.json").read_text(encoding="utf-8"))
    by_key = {(c["year"], c["area"]): c for c in published["scorecards"]}
    frames = {
        "csv": pd.read_csv(site / "data" / "scorecards.csv", encoding="utf-8-sig", dtype={"area": str, "code": str}),
        "parquet": pd.read_parquet(site / "data" / "scorecards.parquet"),
    }
    levels = pd.read_csv(site / "data" / "levels.csv", encoding="utf-8-sig", dtype={"area": str})
    trends = json.loads((site / "data" / "trends.json").read_text(encoding="utf-8"))["trends"]
    trend_values = {(t["year"], t["area"], t["code"]): (t["value"], t["status"]) for t in trends}
    areas = ["all", *subdistricts_of(site_db)]
    assert set(by_key) == {(y, a) for y in years for a in areas}
    for year in years:
        for area in areas:
            code, printed, err = run_cli("scorecard", "--db", site_db, "--year", year, "--area", area, "--format", "json")
            assert code == 0, err
            expected = json.loads(printed)
            assert by_key[(year, area)] == expected  # the same object, every number exactly
            for kind, frame in frames.items():
                rows = frame[(frame["year"] == year) & (frame["area"] == area)].set_index("code")
                assert list(rows.index) == [i["code"] for i in expected["indicators"]], kind
                for item in expected["indicators"]:
                    row = rows.loc[item["code"]]
                    for column in ("value", "numerator", "denominator", "threshold"):
                        got = None if pd.isna(row[column]) else float(row[column])
                        want = None if item[column] is None else float(item[column])
                        assert got == want, (kind, year, area, item["code"], column, got, want)
                    assert row["status"] == item["status"] and int(row["town_level"]) == expected["town_level"], (kind, item["code"])
            level_row = levels[(levels["year"] == year) & (levels["area"] == area)].iloc[0]
            assert int(level_row["town_level"]) == expected["town_level"]
            assert [level_row[f"level_{lv['level']}"] for lv in expected["levels"]] == [lv["status"] for lv in expected["levels"]]
            for item in expected["indicators"]:
                assert trend_values[(year, area, item["code"])] == (item["value"], item["status"])
            for lang in ("th", "en"):
                page = (site / lang / str(year) / f"{area}.html").read_text(encoding="utf-8")
                assert f'data-town-level="{expected["town_level"]}"' in page
                for lv in expected["levels"]:
                    assert f'data-level="{lv["level"]}" data-status="{lv["status"]}"' in page
                found = {c: (s, v, unescape(t)) for c, s, v, t in ARTICLE.findall(page)}
                assert list(found) == [i["code"] for i in expected["indicators"]], (lang, year, area)
                for item in expected["indicators"]:
                    status, value, text = found[item["code"]]
                    assert status == item["status"], (lang, year, area, item["code"])
                    assert (None if value == "" else float(value)) == (None if item["value"] is None else float(item["value"]))
                    assert text.startswith(shown_value(item, lang)), (lang, item["code"], text)


YEAR_ROW = re.compile(r'<tr id="y(\d+)" data-status="([^"]+)">.*?<data value="([^"]*)">', re.S)


def test_indicator_pages_year_by_year_equal_the_scorecards(site: Path) -> None:
    published = json.loads((site / "data" / "scorecards.json").read_text(encoding="utf-8"))["scorecards"]
    expected = {(c["year"], c["area"], i["code"]): i for c in published for i in c["indicators"]}
    checked = 0
    for page in (site / "en" / "indicators").rglob("*.html"):
        area, code = page.parent.name, page.stem
        for year, status, value in YEAR_ROW.findall(page.read_text(encoding="utf-8")):
            item = expected[(int(year), area, code)]
            assert status == item["status"] and (None if value == "" else float(value)) == item["value"], (page, year)
            checked += 1
    assert checked == len(expected)  # every year of every indicator and area


def test_home_pages_years_and_words(site: Path, site_db: Path) -> None:
    years = years_of(site_db)
    home_th = (site / "index.html").read_text(encoding="utf-8")
    home_en = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="th">' in home_th and '<html lang="en">' in home_en
    assert 'href="en/index.html" hreflang="en"' in home_th and 'href="../index.html" hreflang="th"' in home_en  # home to home
    latest = (site / "th" / str(years[-1]) / "all.html").read_text(encoding="utf-8")
    assert re.findall(r"data-town-level=\"\d\"", home_th) == re.findall(r"data-town-level=\"\d\"", latest)
    h1_th, h1_en = (re.search(r"<h1>(.*?)</h1>", h, re.S).group(1) for h in (home_th, home_en))  # type: ignore[union-attr]
    assert f"พ.ศ. {years[-1] + 543}" in h1_th and str(years[-1]) in h1_en and str(years[-1] + 543) not in h1_en  # BE in Thai, CE in English
    assert "ข้อมูลสาธิต" in home_th and "Demo data" in home_en  # the demo label where demo data shows
    assert "เกณฑ์ชั่วคราว" in home_th and "provisional" in home_en
    assert "ข้อมูล ณ" in home_th and "Data as of" in home_en
    assert 'data-criteria="diw-2562"' in home_th  # the criteria version the year is scored under
    assert LICENCE in home_th and LICENCE in home_en
    for page in pages_of(site):
        html = page.read_text(encoding="utf-8")
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html, page
        assert "<script" not in html.lower(), page  # nothing to run: readable without JavaScript
        assert "<h1" in html, page
    if BOUNDARIES.exists():
        assert home_th.count('<path class="lv') == 2  # both subdistricts drawn, no establishment markers
        assert "CC BY-IGO" in home_en
    plan = home_en.split('id="plan"')[1]
    assert "แฟ้มหลักฐาน" not in home_th and ".pdf" not in home_th  # no internal references or file names
    assert "activities done" in plan


def local_targets(page: Path, html: str, site: Path) -> list[Path]:
    """Every file of the site a page references (stylesheet, images, both chart drawings)."""
    found = []
    for ref in re.findall(r'(?:href|src|srcset)="([^"#]+)', html):
        if ref == "data:,":
            continue  # the empty tab icon: no browser asks the server for /favicon.ico
        assert not re.match(r"^(?:[a-z]+:|//)", ref, re.I), (page, ref)  # nothing outside the site
        target = (page.parent / ref).resolve()
        assert target.is_relative_to(site.resolve()) and target.exists(), (page, ref)
        found.append(target)
    return found


def test_every_page_is_small_and_links_only_inside_the_site(site: Path) -> None:
    pages = pages_of(site)
    assert len(pages) > 100
    largest = (0, "")
    for page in pages:
        html = page.read_text(encoding="utf-8")
        targets = local_targets(page, html, site)
        weight = len(html.encode()) + sum(t.stat().st_size for t in set(targets) if t.suffix in (".css", ".svg", ".png"))
        largest = max(largest, (weight, str(page.relative_to(site))))
        assert weight < PAGE_LIMIT, (page, weight)
    print(f"largest page with its stylesheet and charts: {largest[1]} {largest[0]:,} bytes")


def test_open_data_has_bom_dictionary_and_licence(site: Path) -> None:
    for name in ("scorecards", "levels", "trends", "dictionary"):
        assert (site / "data" / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    for name in ("scorecards", "levels", "trends"):
        assert (site / "data" / f"{name}.parquet").exists() and (site / "data" / f"{name}.json").exists()
    dictionary = pd.read_csv(site / "data" / "dictionary.csv", encoding="utf-8-sig")
    assert dictionary["description_th"].str.contains("[ก-๙]").all() and dictionary["description_en"].notna().all()
    scorecards = pd.read_csv(site / "data" / "scorecards.csv", encoding="utf-8-sig", dtype=str)
    assert set(dictionary[dictionary["file"] == "scorecards"]["column"]) == set(scorecards.columns)
    assert not any("factory_id" in c or c.startswith("lat") for c in scorecards.columns)  # aggregates only
    package = json.loads((site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"] == [{"title": LICENCE}] and package["licence"] == LICENCE and package["demo"] is True
    assert {r["path"] for r in package["resources"]} >= {"scorecards.csv", "trends.parquet", "levels.json"}
    data_page = (site / "th" / "data.html").read_text(encoding="utf-8")
    assert "คำอธิบายข้อมูล" in data_page and LICENCE in data_page


@pytest.fixture(scope="module")
def hostile_site(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with a hostile indicator name, activity title and establishment name; no boundaries; no licence."""
    import present.site

    folder = tmp_path_factory.mktemp("hostile")
    db = folder / "hostile.duckdb"
    shutil.copy(demo_db, db)
    con = duckdb.connect(str(db))
    tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
    for table in ("indicators", "criteria"):  # the catalogue's table, before and after criteria versions
        if table in tables:
            con.execute(f"update {table} set name_en = $n, name_th = $n where code = '19.1.1'", {"n": HOSTILE})
    con.execute("update activities set title_en = $n, title_th = $n", {"n": HOSTILE})
    con.execute("update establishments set name_en = $n, name_th = $n", {"n": "Secret Works " + HOSTILE})
    con.close()
    out = folder / "site"
    os.environ.pop(present.site.LICENCE_ENV, None)
    con = duckdb.connect(str(db), read_only=True)
    saved = present.site.write_charts
    present.site.write_charts = lambda *a, **k: None  # the charts are not what this checks
    try:
        present.site.publish(con, out, years=[years_of_con(con)[-1]], langs=["th", "en"])
    finally:
        present.site.write_charts = saved
        con.close()
    return out


def years_of_con(con: duckdb.DuckDBPyConnection) -> list[int]:
    from metrics.engine import data_years

    with con.cursor() as cur:
        return data_years(cur)


def test_templates_escape_hostile_names_and_show_no_establishment(hostile_site: Path) -> None:
    pages = pages_of(hostile_site)
    assert pages
    seen = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html, page
        assert "Secret Works" not in html, page  # aggregates only: no establishment's name anywhere
        seen += html.count("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
    assert seen > 0  # the hostile names are shown, as text
    for path in (hostile_site / "data").iterdir():
        assert b"Secret Works" not in path.read_bytes(), path


def test_without_boundaries_or_licence_the_site_says_so(hostile_site: Path) -> None:
    home = (hostile_site / "en" / "index.html").read_text(encoding="utf-8")
    assert "No subdistrict boundaries are in the database yet" in home
    assert "Licence not set" in home
    package = json.loads((hostile_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"] == [] and "must choose" in package["licence_note"]


def test_an_empty_database_publishes_a_page_that_says_so(tmp_path: Path) -> None:
    from store.db import init

    con, _, _ = init(tmp_path / "empty.duckdb")
    con.close()
    code, _, err = run_cli("publish", "--db", tmp_path / "empty.duckdb", "--out", tmp_path / "site", "--lang", "en")
    assert code == 0, err
    home = (tmp_path / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert "The database holds no yearly data yet" in home and "<script" not in home
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8").startswith('<!DOCTYPE html>\n<html lang="en">')  # no Thai asked
    assert not (tmp_path / "site" / "th").exists()
    assert json.loads((tmp_path / "site" / "data" / "scorecards.json").read_text(encoding="utf-8"))["scorecards"] == []


def test_publishing_again_replaces_the_site_whole(site_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "www" / "eit"
    for licence in ("first", "second"):
        code, _, err = run_cli("publish", "--db", site_db, "--out", out, "--lang", "en", "--year", "2567", "--licence", licence)
        assert code == 0, err
        (out / "stale.html").write_text("from before")
    (out.parent / ".eit.new-killed").mkdir()  # as a publish killed mid-way leaves it
    code, _, err = run_cli("publish", "--db", site_db, "--out", out, "--lang", "en", "--year", "2024", "--licence", "third")
    assert code == 0, err
    assert not (out / "stale.html").exists() and (out / "en" / "2024" / "all.html").exists()
    assert json.loads((out / "data" / "datapackage.json").read_text(encoding="utf-8"))["licence"] == "third"
    assert sorted(p.name for p in out.parent.iterdir()) == [".eit.lock", "eit"]  # nothing left beside it


def test_publish_refuses_a_folder_it_did_not_write_and_a_year_without_data(site_db: Path, tmp_path: Path) -> None:
    foreign = tmp_path / "www"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("not ours")
    code, _, err = run_cli("publish", "--db", site_db, "--out", foreign)
    assert code == 2 and "did not write" in err
    assert (foreign / "keep.txt").read_text() == "not ours" and len(list(foreign.iterdir())) == 1
    code, _, err = run_cli("publish", "--db", site_db, "--out", tmp_path / "new", "--year", "1999")
    assert code == 2 and "no data for year 1999" in err and not (tmp_path / "new").exists()
    code, _, err = run_cli("publish", "--db", site_db, "--out", tmp_path / "new", "--lang", "fr")
    assert code == 2 and "--lang" in err


# ---- in a real browser, from a plain static server ----------------------------------------------------------


@pytest.fixture(scope="module")
def served(site: Path):
    command = lambda port: [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(site)]  # noqa: E731
    with serving(command, site.parent / "http.server.log") as url:
        yield url + "/"


SHOTS = {
    "index.html": "home_th",
    "en/index.html": "home_en",
    "th/indicators/all/19.1.1.html": "indicator_th",
    "en/indicators/190906/7.2.1.html": "indicator_en",
    "en/data.html": "data_en",
}


def read_every_page(browser, served: str, pages: list[str], width: int, height: int, suffix: str) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Open every page with JavaScript off; refuse and record any request outside the site; keep screenshots."""
    context = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=False)
    seen: dict[str, list[str]] = {"outside": [], "errors": [], "failed": []}

    def only_the_site(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.startswith(served):
            route.continue_()
        else:
            seen["outside"].append(route.request.url)
            route.abort()

    context.route("**/*", only_the_site)
    page = context.new_page()
    page.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    # a load the browser itself gave up (ERR_ABORTED: the next page was asked for) is not a broken file
    page.on("requestfailed", lambda r: None if "ERR_ABORTED" in (r.failure or "") else seen["failed"].append(f"{r.failure} {r.url}"))
    page.on("response", lambda r: seen["failed"].append(f"{r.status} {r.url}") if r.status >= 400 else None)
    for path in pages:
        response = page.goto(served + path, wait_until="load")
        assert response is not None and response.ok, path
        overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, (path, width, overflow)  # nothing wider than the screen
        broken = page.evaluate("() => [...document.images].filter(i => i.complete && i.naturalWidth === 0).map(i => i.src)")
        assert broken == [], (path, broken)
        shot = artifact(f"publish_{SHOTS[path]}_{suffix}.png") if path in SHOTS else None
        if shot is not None:
            page.screenshot(path=str(shot), full_page=True)
    context.close()
    return seen


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (scripts/run-tests.sh installs it)")
def test_every_page_in_chromium_at_desktop_and_phone_width(site: Path, served: str, browser) -> None:  # type: ignore[no-untyped-def]
    pages = [str(p.relative_to(site)) for p in pages_of(site)]
    for width, height, suffix in ((1440, 900, "desktop"), (390, 844, "phone")):
        seen = read_every_page(browser, served, pages, width, height, suffix)
        assert seen == {"outside": [], "errors": [], "failed": []}, suffix


# ---- the admins' publish button ------------------------------------------------------------------------------
# The page is run from its file with the user already in the session (ui.auth.user); sign-in and the
# navigation's role gating are tested by tests/test_desk.py.


def publish_page(db: Path, monkeypatch: pytest.MonkeyPatch, role: str):  # type: ignore[no-untyped-def]
    from streamlit.testing.v1 import AppTest

    from store.accounts import User

    monkeypatch.setenv("EIT_DB", str(db))
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "app_pages" / "publish.py"), default_timeout=300)
    at.session_state["lang"] = "en"
    at.session_state["user"] = User(username=f"a-{role}", role=role, must_change_password=False)
    return at.run()


PUBLISH = "Publish the public site"


@pytest.mark.usefixtures("fresh_caches")
def test_an_admin_publishes_the_site_into_the_configured_folder(site_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "public"
    monkeypatch.setenv("EIT_PUBLISH_DIR", str(folder))
    monkeypatch.setenv("EIT_PUBLISH_LICENCE", LICENCE)
    analyst = publish_page(site_db, monkeypatch, "analyst")
    assert [e.value for e in analyst.error] == ["Your role may not use this page"] and not [b for b in analyst.button if b.label == PUBLISH]
    held = duckdb.connect(str(site_db))  # as the app holds it: publish reads a snapshot in a process of its own
    try:
        at = publish_page(site_db, monkeypatch, "admin")
        assert not at.exception
        next(b for b in at.button if b.label == PUBLISH).click().run()
    finally:
        held.close()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any("Published" in s.value for s in at.success)
    assert (folder / "index.html").exists() and (folder / "en" / "index.html").exists()
    assert json.loads((folder / "data" / "datapackage.json").read_text(encoding="utf-8"))["licence"] == LICENCE


@pytest.mark.usefixtures("fresh_caches")
def test_without_a_configured_folder_the_publish_page_says_how_to_set_one(site_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EIT_PUBLISH_DIR", raising=False)
    at = publish_page(site_db, monkeypatch, "admin")
    assert not at.exception
    assert any("EIT_PUBLISH_DIR" in i.value for i in at.info)
    assert not [b for b in at.button if b.label == PUBLISH]
