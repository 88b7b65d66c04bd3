"""Every interaction a committee member makes, timed in Chromium until the page has settled: year, area,
language and indicator changes on the overview, indicator, establishment and map pages, and first loads;
against the floor, a bare Streamlit rerun (the sign-in page's language switch) measured in the same run.

"Settled" means a script run started after the action (seen by a MutationObserver, so even a very fast
run is counted), that run has finished, AND the page shows what the interaction asked for.

Before each interaction the reader looks at the page for THINK_S, as a person does: without it a click sent
within milliseconds of the previous view pays for that view's unfinished drawing (charts, fonts) and is
timed as if it were its own (measured: a year change right after a page load 1.4 s, after 4 s idle 0.3 s).

Usage: python -m bench.browser_interactions [--db PATH] [--rounds 4] [--overview-only]   Prints figures; asserts nothing.
National scale: --db bench/out/national/national.duckdb --overview-only (build it with bench.scorecard_scale).
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from bench.machine import machine
from tests.browser import CHROMIUM, CHROMIUM_ARGS, running_app

WATCH = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  window.__eitRuns = 0;
  if (!window.__eitWatch) {
    window.__eitWatch = new MutationObserver(() => {
      if (app.getAttribute('data-test-script-state') === 'running') window.__eitRuns += 1;
    });
    window.__eitWatch.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
  }
}"""

SETTLED = """([marker, needRun]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const main = document.querySelector('[data-testid="stMain"]');
  return app && app.getAttribute('data-test-script-state') === 'notRunning'
    && (!needRun || window.__eitRuns > 0) && main && main.innerText.includes(marker);
}"""


def settle(page: Page, marker: str, need_run: bool = False, timeout: float = 60_000) -> None:
    page.wait_for_function(SETTLED, arg=[marker, need_run], timeout=timeout, polling="raf")


THINK_S = 1.5


def timed(action: Callable[[], None], page: Page, marker: str) -> float:
    """Seconds from the user's action until a script run it caused has finished and the page shows marker."""
    page.wait_for_timeout(THINK_S * 1000)
    page.evaluate(WATCH)
    start = time.perf_counter()
    action()
    settle(page, marker, need_run=True)
    return time.perf_counter() - start


def pick(page: Page, index: int, option: str) -> Callable[[], None]:
    """Choose an option of the sidebar's index-th select box (0 area, 1 year)."""

    def act() -> None:
        page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').nth(index).click()
        page.get_by_role("option", name=option, exact=True).click()

    return act


def main_select(page: Page, option_prefix: str) -> Callable[[], None]:
    """Choose, in the page's first select box, the option starting with option_prefix (typed, as a user
    would in a long list, then clicked)."""

    def act() -> None:
        page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first.click()
        page.keyboard.type(option_prefix)
        page.get_by_role("option", name=re.compile("^" + re.escape(option_prefix))).first.click()

    return act


def language(page: Page, label: str) -> Callable[[], None]:
    return lambda: page.get_by_text(label, exact=True).first.click()


def run(url: str, rounds: int, overview_only: bool = False) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {}

    def note(name: str, seconds: float) -> None:
        times.setdefault(name, []).append(seconds)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(rounds):
            page = browser.new_page(viewport={"width": 1400, "height": 1200})
            start = time.perf_counter()
            page.goto(url + "/signin?lang=en")
            settle(page, "Password")
            note("first load: sign-in page", time.perf_counter() - start)
            note("floor: sign-in language switch", timed(language(page, "ไทย"), page, "รหัสผ่าน"))
            note("floor: sign-in language switch", timed(language(page, "English"), page, "Password"))
            start = time.perf_counter()
            page.goto(url + "/overview?lang=en&year=2024&area=all")
            settle(page, "2024 (calendar year)")
            note("first load: overview", time.perf_counter() - start)
            note("overview: year", timed(pick(page, 1, "2023"), page, "2023 (calendar year)"))
            note("overview: year", timed(pick(page, 1, "2024"), page, "2024 (calendar year)"))
            note("overview: area", timed(pick(page, 0, "Khao Wong (190906)"), page, "Khao Wong (190906) · 2024"))
            note(
                "overview: area",
                timed(pick(page, 0, "The whole eco-town (every subdistrict)"), page, "The whole eco-town (every subdistrict) · 2024"),
            )
            note("overview: language", timed(language(page, "ไทย"), page, "พ.ศ. 2567 (ปีปฏิทิน)"))
            note("overview: language", timed(language(page, "English"), page, "2024 (calendar year)"))
            if overview_only:
                page.close()
                continue
            page.goto(url + "/indicator?lang=en&year=2024&area=all&code=19.1.1")
            settle(page, "19.1.1 Share of factories")
            note("indicator: choice", timed(main_select(page, "9.1.1 "), page, "9.1.1 Rate of industrial waste"))
            note("indicator: year", timed(pick(page, 1, "2022"), page, "Value · 2022"))
            note("indicator: area", timed(pick(page, 0, "Na Phra Lan (191306)"), page, "Na Phra Lan (191306) · 2022"))
            note("indicator: language", timed(language(page, "ไทย"), page, "ค่า · พ.ศ. 2565"))
            page.goto(url + "/establishment?lang=en&year=2024&area=all&id=DEMO-F003")
            settle(page, "Indicators this establishment counts toward")
            note("establishment: year", timed(pick(page, 1, "2022"), page, "counts toward · 2022"))
            note("establishment: choice", timed(main_select(page, "DEMO-F005"), page, "Mankhong Materials"))
            note("establishment: language", timed(language(page, "ไทย"), page, "พ.ศ. 2565"))
            page.goto(url + "/map?lang=en&year=2024&area=all&code=19.1.1")
            settle(page, "Location check")
            note("map: year", timed(pick(page, 1, "2022"), page, "Location check"))
            note("map: indicator", timed(main_select(page, "5.1.1 "), page, "Location check"))
            note("map: language", timed(language(page, "ไทย"), page, "ตรวจสอบพิกัด"))
            page.close()
        browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="a database to copy and serve (default: the demo data set, built here)")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--overview-only", action="store_true", help="first loads and the overview (for a national-scale database)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        if args.db:
            shutil.copy(args.db, db)
        else:
            from store.db import init
            from store.demo import load_demo

            con, _, _ = init(db)
            load_demo(con)
            con.close()
        from store.accounts import set_public_read
        from store.db import connect

        con = connect(db)
        set_public_read(con, True, "bench")
        con.close()
        with running_app(db) as url:
            times = run(url, args.rounds, args.overview_only)
    floor = statistics.median(times["floor: sign-in language switch"])
    print(f"machine: {machine()}")
    print(f"{'interaction':<36} {'median':>8} {'max':>8} {'x floor':>8}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:<36} {median * 1000:>6.0f}ms {max(values) * 1000:>6.0f}ms {median / floor:>8.2f}")


if __name__ == "__main__":
    main()
