"""Who could close a gap, in a real browser at 1440 px, Thai and English: a failing indicator's page names the
candidates (the engine's own, with why and how much), filters its rows to those not counted, keeps the deciding
columns in view; a survey indicator shows its 1-5 answers by group, not respondent ids; the overview names the
candidates under each blocking indicator and what it takes for every level ahead."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from metrics import gaps
from metrics.engine import evaluate
from present.tables import deciding_columns
from present.words import establishment_name, text
from tests.browser import CHROMIUM, running_app, screenshot, wait_ready
from ui.gaps import DECIDING_WIDTHS

pytestmark = pytest.mark.browser
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (scripts/run-tests.sh installs it)", allow_module_level=True)

YEAR, AREA, CODE = 2021, "190906", "13.2.1"  # demo: 13.2.1 fails in Khao Wong by one factory; three could close it


@pytest.fixture(scope="module")
def app(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("gaps") / "gaps.duckdb"
    shutil.copy(demo_db, db)  # the demo is open to read without signing in
    with running_app(db) as url:
        yield url


@pytest.fixture(scope="module")
def expected(demo_db: Path) -> dict[str, Any]:
    con = duckdb.connect(str(demo_db), read_only=True)
    card = evaluate(con, YEAR, AREA)
    found = gaps.candidates(con, card, CODE)
    survey = con.execute("select survey_id, respondent_id from surveys where year = $y limit 1", {"y": YEAR}).fetchone()
    con.close()
    return {"card": card, "found": found, "respondent": f"{survey[0]} / {survey[1]}" if survey else ""}


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    yield context.new_page()
    context.close()


def main_text(page: Any) -> str:
    return str(page.locator('[data-testid="stMain"]').inner_text())


def shown_year(lang: str) -> int:
    return YEAR + 543 if lang == "th" else YEAR


def grid_rows(page: Any) -> int:
    return int(page.evaluate("() => document.querySelector('[data-testid=\"stDataFrame\"] table').getAttribute('aria-rowcount')"))


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_failing_indicator_names_who_could_close_its_gap(app: str, page: Any, expected: dict[str, Any], lang: str) -> None:
    page.goto(f"{app}/indicator?lang={lang}&year={shown_year(lang)}&area={AREA}&code={CODE}")
    wait_ready(page)
    page.locator('[data-testid="stDataFrame"] th').first.wait_for(state="attached")
    box = page.locator(".eit-who")
    box.wait_for()
    words = box.inner_text()
    found = expected["found"]
    assert text("who_closes", lang) in words
    planned = [c for c in found if c.why == "planned"]
    assert len(planned) >= 2 and found[: len(planned)] == planned  # the planned ones lead
    for n, c in enumerate(found, start=1):  # every candidate, named, in the engine's order, with why
        line = box.locator("li").nth(n - 1).inner_text()
        assert establishment_name(c.name_th, c.name_en, c.entity_id, lang) in line and text(f"why_{c.why}", lang) in line
    assert text("closes_n", lang, n=1, unit=text("unit_factory", lang) if lang == "th" else "factory") in words
    screenshot(page, f"gaps_indicator_{lang}")

    # the deciding columns lead the table and fit in its visible width
    header = page.evaluate("() => Array.from(document.querySelectorAll('[data-testid=\"stDataFrame\"] th')).map(e => e.textContent)")
    deciding = deciding_columns(expected["card"].result(CODE).indicator, lang)
    assert deciding and header[: len(deciding)] == deciding
    visible = page.evaluate("() => document.querySelector('[data-testid=\"stDataFrame\"] .dvn-scroller').clientWidth")
    assert sum(DECIDING_WIDTHS[: len(deciding)]) <= visible

    # "not counted only": the rows left are the engine's not-counted factories
    r = expected["card"].result(CODE)
    everyone = grid_rows(page)
    page.get_by_text(text("not_counted_only", lang)).click()
    page.wait_for_function(
        "n => document.querySelector('[data-testid=\"stDataFrame\"] table').getAttribute('aria-rowcount') != n", arg=str(everyone)
    )
    wait_ready(page)
    assert grid_rows(page) - 1 == int(r.denominator - r.numerator)  # aria-rowcount counts the header row
    assert everyone - 1 == int(r.denominator)
    page.locator('[data-testid="stDataFrame"]').first.scroll_into_view_if_needed()
    screenshot(page, f"gaps_not_counted_{lang}")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_survey_indicator_shows_its_answers_by_group(app: str, page: Any, expected: dict[str, Any], lang: str) -> None:
    page.goto(f"{app}/indicator?lang={lang}&year={shown_year(lang)}&area=all&code=20.1.1")
    wait_ready(page)
    label = text("survey_distribution", lang)
    page.get_by_role("img", name=label).first.wait_for()
    body = main_text(page)
    assert label in body and text("survey_counted_note", lang) in body
    page.locator('[data-testid="stDataFrame"] th').first.wait_for(state="attached")
    header = page.evaluate("() => Array.from(document.querySelectorAll('[data-testid=\"stDataFrame\"] th')).map(e => e.textContent)")
    assert [text("score_n", lang, n=n) for n in range(1, 6)] == header[1:6]
    assert expected["respondent"] and expected["respondent"] not in body  # no respondent ids on screen
    page.get_by_role("img", name=label).first.scroll_into_view_if_needed()
    screenshot(page, f"gaps_survey_{lang}")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_overview_names_candidates_for_every_level_ahead(app: str, page: Any, expected: dict[str, Any], lang: str) -> None:
    page.goto(f"{app}/overview?lang={lang}&year={shown_year(lang)}&area={AREA}")
    wait_ready(page)
    plans = page.locator(".eit-plan")
    plans.first.wait_for()
    words = main_text(page)
    card = expected["card"]
    for level in range(card.town_level + 1, 4):  # every level ahead has its own "what it takes"
        assert text("to_reach", lang, n=level) in words
    first = expected["found"][0]
    assert establishment_name(first.name_th, first.name_en, first.entity_id, lang) in words
    assert "1ที่" not in words and "1 projects" not in words
    screenshot(page, f"gaps_overview_{lang}")


def test_the_first_year_of_data_shows_no_change(app: str, page: Any, demo_db: Path) -> None:
    """2019 is the demo's first year of data: its certificates reach back to 2016, so 2018 scores 10.2.1, 12.1.1 and
    13.2.1 from certificates alone; 2019 against that would invent a gain. It shows none; 2020 shows the change."""
    con = duckdb.connect(str(demo_db), read_only=True)
    first = min(int(y) for (y,) in con.execute("select distinct year from practices").fetchall())
    con.close()
    for year, shows_change in ((first, False), (first + 1, True)):
        page.goto(f"{app}/overview?lang=th&year={year + 543}&area=all")
        wait_ready(page)
        page.locator("table.eit-scorecard").wait_for()
        for code in ("10.2.1", "12.1.1", "13.2.1"):
            row = page.locator("tr.eit-row").filter(has=page.locator(f'a.eit-code:text-is("{code}")'))
            change = row.locator("td.eit-change").inner_text().strip()
            assert (change != "—") is shows_change, (year, code, change)
            if shows_change:
                assert text("pp", "th") in change
    screenshot(page, "gaps_second_year_th")
