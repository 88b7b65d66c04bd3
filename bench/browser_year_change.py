"""How long a year change takes to re-render the overview in a real browser (Chromium, demo data).

Usage: python -m bench.browser_year_change [ROUNDS]   Prints each timing and the median; asserts nothing.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from store.db import init
from store.demo import load_demo
from tests.browser import CHROMIUM, CHROMIUM_ARGS, READY, running_app, wait_ready


def main(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        con, _, _ = init(db)
        load_demo(con)
        con.close()
        with running_app(db) as url, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1200})
            page.goto(url + "/")
            wait_ready(page)
            year_box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').nth(1)
            timings = []
            for i in range(rounds):
                year = ["2565", "2566", "2564", "2567"][i % 4]  # BE labels in the Thai UI
                year_box.click()
                option = page.get_by_role("option", name=year, exact=True)
                start = time.perf_counter()
                option.click()
                page.wait_for_selector('[data-testid="stApp"][data-test-script-state="running"]', timeout=10_000)
                page.wait_for_selector(READY, timeout=60_000)
                timings.append(time.perf_counter() - start)
                print(f"round {i + 1}: year {year}: {timings[-1] * 1000:.0f} ms")
            browser.close()
    first_pass = timings[:4]
    cached = timings[4:] or timings
    print(f"first visit of each year (cache cold): median {statistics.median(first_pass) * 1000:.0f} ms")
    print(f"repeat visits (cache warm): median {statistics.median(cached) * 1000:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12)
