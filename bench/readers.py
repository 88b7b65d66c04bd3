"""Many readers at once: 1, 10 and 20 readers, each with a Chromium of their own, reading the committee's pages
together, with and without an analyst uploading files at the same time. The browsers share the machine's
2 cores with the server, as they did when the problem was found.

A reader opens the dashboard (not timed; readers arrive half a second apart and wait until all have it open),
then reads: before each action it looks at the page for --think seconds (drawn from think/2 to 3*think/2, so
readers do not act in step; 0 = no reading at all, every reader loading pages back to back). Each action is
timed until the script run has finished, the page shows its content and its drawing has stopped:
- "dashboard": each page opened from a link (a full page load: overview, indicator, profile, map);
- "navigate": a click in the sidebar to the next page (the app stays loaded, as when one reads on);
- "floor": the sign-in page opened from a link, what Streamlit and Chromium cost before any of the
  dashboard's work, on the same cores.
With an upload, an analyst in a browser of their own loads annual_reports files one after another in the
upload page, reading each file's check for --think seconds before confirming it (every file is a new data
version, so a reader's next page meets new data).
An error is an action that did not settle within 90 s or a page that shows the crash message.

How the harness was made to measure the app rather than itself (each found by measuring):
- every reader has its own browser: in one shared browser, its single compositor paced every page's input
  and frames (a sidebar click waited up to 22 s with ten pages while the server and the cores were idle);
- the page reports when it has settled (one call that resolves in the page): polling from here every
  100 ms for each page took a share of the cores the readers are timed on.

Each part also prints how busy the cores were while the readers read (on average, and how often saturated): with
10 readers the 2 cores are near their knee, so one more reader or an analyst moves p95 more than its own share.

Target (issue 14): with 10 readers, p95 within 5x the median of one reader measured in the same run, 0 errors.
The one reader's median is taken over every page read equally often (whole rounds of the pages, at least two),
and each part starts on a quiet machine (the last part's browsers and sessions gone).

Usage: python -m bench.readers [--readers 1,10,20] [--only navigate] [--loads 8] [--think 10] [--upload-rows 2000]
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd
from playwright.async_api import Browser, Page, async_playwright

from bench.machine import BusyMeter, machine, wait_until_quiet
from store.tables import TABLES
from tests.browser import CHROMIUM, CHROMIUM_ARGS, running_app

FLOOR = (("/signin?lang=en&year={year}", "Password"),)
PAGES = (
    ("/overview?lang=en&area=all&year={year}", "{year} (calendar year)"),
    ("/indicator?lang=en&area=all&code=19.1.1&year={year}", "19.1.1 Share of factories"),
    ("/establishment?lang=en&area=all&id=DEMO-F003&year={year}", "Indicators this establishment counts toward"),
    ("/map?lang=en&area=all&code=19.1.1&year={year}", "Location check"),
)
# "navigate": a reader with the dashboard open clicks from page to page in the sidebar (the browser keeps the
# app loaded), rather than opening each page from a link as "dashboard" does.
NAVIGATION = (
    ("Indicator detail", "Indicator detail"),
    ("Establishment profile", "Establishment profile"),
    ("Map", "Location check"),
    ("Scorecard", "(calendar year)"),
)
YEARS = (2021, 2022, 2023, 2024)
CRASH = ("An unexpected error", "Traceback")
# Settled: the script run has finished, the page shows its content, and then its drawing has stopped. Tables
# (Glide's canvas), the map's frame and select boxes go on drawing for 0.1-0.5 s after the text is there (measured:
# 70-150 DOM changes, 0.15-0.5 renderer CPU-s), so the page waits for QUIET ms without a change and answers how
# long ago its last change was: the load is timed to that last change (before, a load was timed until the text
# showed, while its tables were still being drawn). The page checks this itself every 100 ms and answers once,
# so waiting costs the browser nothing: polling from here (a round trip through the browser process every
# 100 ms for each of 20 pages) took a share of the same 2 cores.
QUIET = 500
SETTLED = """([marker, timeout, quiet]) => new Promise((resolve, reject) => {
  const started = Date.now();
  let last = null;
  let observer = null;
  const check = () => {
    const app = document.querySelector('[data-testid="stApp"]');
    const main = document.querySelector('[data-testid="stMain"]');
    const shown = app && app.getAttribute('data-test-script-state') === 'notRunning' && main && main.innerText.includes(marker);
    if (shown && last === null) {
      last = performance.now();
      observer = new MutationObserver(() => { last = performance.now(); });
      observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
    }
    if (!shown && last !== null) {  // a rerun began: wait for it again
      observer.disconnect();
      last = null;
    }
    if (last !== null && performance.now() - last >= quiet) {
      observer.disconnect();
      resolve(performance.now() - last);
    } else if (Date.now() - started > timeout) {
      if (observer) observer.disconnect();
      reject(new Error('not settled within ' + timeout + ' ms'));
    } else {
      setTimeout(check, 100);
    }
  };
  check();
})"""
# The script run has finished and the main pane shows every one of the first texts and none of the second.
LOADED = """([present, absent]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const main = document.querySelector('[data-testid="stMain"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning' || !main) return false;
  const text = main.innerText;
  return present.every(s => text.includes(s)) && !absent.some(s => text.includes(s));
}"""
ANALYST, PASSWORD = "bench_analyst", "ม้านั่ง-ลานหิน-2569"


@dataclass
class Run:
    times: list[float] = field(default_factory=list)
    by_page: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    uploads: int = 0
    meter: BusyMeter = field(default_factory=BusyMeter)  # the cores while the readers read (not while they open)
    busy: str = ""


async def settle(page: Page, marker: str, timeout: float = 90_000) -> float:
    """Wait until the page is drawn; returns how many seconds ago its drawing stopped."""
    await page.wait_for_load_state("domcontentloaded", timeout=timeout)
    return float(await page.evaluate(SETTLED, [marker, timeout, QUIET])) / 1000


@dataclass
class Plan:
    """How the readers read: which pages, how many timed loads each, and how long each reads a page before the
    next action (seconds, drawn per reader and page from think/2 to 3*think/2 so readers do not act in step)."""

    pages: tuple[tuple[str, str], ...]
    loads: int
    think: float


async def sign_in_analyst(page: Page, url: str) -> None:
    """The bench's analyst through the real sign-in form, in English, until the scorecard shows."""
    await page.goto(url + "/signin?lang=en")
    await settle(page, "Password")
    await page.get_by_role("textbox", name="Username").fill(ANALYST)
    await page.get_by_role("textbox", name="Password").fill(PASSWORD)
    await page.get_by_role("button", name="Sign in").click()
    await settle(page, "calendar year")


async def reader(browser: Browser, url: str, index: int, plan: Plan, run: Run, ready: asyncio.Barrier) -> None:
    """Open the dashboard (not timed) and wait until every reader has it open, so that readers starting their
    browsers are not timed against each other; then read: each page load or sidebar click timed until settled."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    pause = random.Random(index)
    try:
        try:
            await asyncio.sleep(0.5 * index)  # readers arrive one after another; opening is not timed
            await page.goto(url + f"/overview?lang=en&area=all&year={YEARS[index % len(YEARS)]}", timeout=180_000)
            await settle(page, "(calendar year)", timeout=180_000)
        except Exception as exc:  # noqa: BLE001
            run.errors.append(f"reader {index}: opening the dashboard: {type(exc).__name__}")
            return
        finally:
            await ready.wait()
            run.meter.start()
        for n in range(plan.loads):
            if plan.think:
                await asyncio.sleep(pause.uniform(plan.think / 2, plan.think * 3 / 2))
            path, marker = plan.pages[(index + n) % len(plan.pages)]
            year = YEARS[(index + n // len(PAGES)) % len(YEARS)]
            start = time.perf_counter()
            try:
                if plan.pages is NAVIGATION:
                    await page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=path, exact=True).click(timeout=90_000)
                else:
                    await page.goto(url + path.format(year=year), timeout=90_000)
                since = await settle(page, marker.format(year=year))
                drawn = time.perf_counter() - since
                text = await page.locator('[data-testid="stMain"]').inner_text()
                if any(word in text for word in CRASH):
                    run.errors.append(f"reader {index}: crash text on {path}")
                    continue
                run.times.append(drawn - start)
                run.by_page.setdefault(path.split("?")[0], []).append(run.times[-1])
            except Exception as exc:  # noqa: BLE001 - a benchmark counts failures, it does not stop at the first
                run.errors.append(f"reader {index}: {path.format(year=year)}: {type(exc).__name__}")
    finally:
        await context.close()


def annual_reports_rows(db: Path, rows: int) -> pd.DataFrame:
    """The demo's latest annual reports in the template's columns, read before the app holds the database."""
    names = [c.name for c in TABLES["annual_reports"].columns]
    with duckdb.connect(str(db), read_only=True) as con:
        latest = con.execute("select * from annual_reports order by year desc, factory_id limit $rows", {"rows": int(rows)}).df()
    return latest[names]


def annual_reports_file(frame: pd.DataFrame, folder: Path, round_no: int) -> Path:
    """A real annual_reports upload: water use changed so that every round is a different file that replaces
    rows, as a correction would."""
    changed = frame.assign(water_use_m3=frame["water_use_m3"].fillna(0) + round_no)
    path = folder / f"annual_reports_{round_no}.csv"
    changed.to_csv(path, index=False, encoding="utf-8-sig")
    return path


async def uploader(browser: Browser, url: str, files: Callable[[int], Path], stop: asyncio.Event, run: Run, think: float) -> None:
    """An analyst signs in and loads files one after another, until the readers are done: in the upload page,
    as one does, choosing the next file where the last was (each file replaces the last in the uploader), and
    reading each file's check for --think seconds, as the readers read their pages, before confirming it
    (--think 0: back to back, the worst case).

    Before, the page was opened afresh for every file and confirmed at once: the analyst's own browser took
    ~1.5 s of CPU per file and, at ~0.75 files a second, kept most of the 2 cores busy by itself."""
    pause = random.Random(-1)
    context = await browser.new_context(viewport={"width": 1400, "height": 1400})
    page = await context.new_page()
    try:
        await sign_in_analyst(page, url)
        await page.goto(url + "/upload?lang=en")
        await settle(page, "Upload CSV")
        n = 0
        while not stop.is_set():
            path = files(n)  # a new file each time
            await page.locator('input[type="file"]').set_input_files(str(path))
            # The new file's check has run: "ready" is shown and the last file's "Loaded as batch" is gone.
            await page.wait_for_function(LOADED, arg=[["ready to load as one batch"], ["Loaded as batch"]], polling=100, timeout=120_000)
            if think:
                await asyncio.sleep(pause.uniform(think / 2, think * 3 / 2))
            await page.get_by_role("button", name="Confirm and load").click(timeout=120_000)
            await page.wait_for_function(LOADED, arg=[["Loaded as batch"], []], polling=100, timeout=120_000)
            run.uploads += 1
            n += 1
    except Exception as exc:  # noqa: BLE001
        run.errors.append(f"uploader: {type(exc).__name__}: {str(exc).splitlines()[0]}")
    finally:
        await context.close()


async def measure(url: str, readers: int, plan: Plan, files: Callable[[int], Path] | None, shared: bool = False) -> Run:
    """Each reader (and the analyst) has a browser of their own, as people at their own desks do. With shared=True
    all pages open in one browser instead: its single compositor then paces every page's input and frames
    (measured: a sidebar click alone waited up to 22 s with ten pages, while the server and the cores were idle)."""
    run = Run()
    async with async_playwright() as p:
        browsers: list[Browser] = []

        async def browser() -> Browser:
            if shared and browsers:
                return browsers[0]
            browsers.append(await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS))
            return browsers[-1]

        stop = asyncio.Event()
        upload = asyncio.create_task(uploader(await browser(), url, files, stop, run, plan.think)) if files else None
        if upload is not None:
            await asyncio.sleep(5)  # the upload is under way before the readers come
        ready = asyncio.Barrier(readers)
        own = [await browser() for _ in range(readers)]
        await asyncio.gather(*(reader(own[i], url, i, plan, run, ready) for i in range(readers)))
        run.busy = run.meter.stop()
        stop.set()
        if upload is not None:
            await upload
        for b in browsers:
            await b.close()
    return run


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def ratio_interval(times: list[float], one: list[float], rounds: int = 2000, seed: int = 0) -> tuple[float, float]:
    """How far the ratio (p95 of these loads / median of one reader's) could move from chance alone: both samples
    drawn again with replacement, `rounds` times; the 5th and 95th percentiles of the ratios so drawn. With 80 loads
    the p95 rests on the few slowest, so one run's ratio is a noisy figure; the interval says how noisy."""
    draw = random.Random(seed)
    ratios = sorted(
        percentile(draw.choices(times, k=len(times)), 0.95) / statistics.median(draw.choices(one, k=len(one))) for _ in range(rounds)
    )
    return percentile(ratios, 0.05), percentile(ratios, 0.95)


def prepare(folder: Path) -> Path:
    from store.accounts import add_user, change_password, set_public_read
    from store.db import init
    from store.demo import load_demo

    db = folder / "readers.duckdb"
    con, _, _ = init(db)
    load_demo(con)
    set_public_read(con, True, "bench")
    change_password(con, ANALYST, add_user(con, ANALYST, "analyst", "bench"), PASSWORD)
    con.close()
    return db


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--readers", default="1,10,20", help="numbers of readers at once, comma-separated")
    parser.add_argument(
        "--only", choices=["floor", "dashboard", "upload", "navigate", "navigate-upload"], help="run one part (default: all)"
    )
    parser.add_argument("--loads", type=int, default=8, help="timed page loads per reader")
    parser.add_argument("--think", type=float, default=0.0, help="seconds a reader reads each page before the next (0: none)")
    parser.add_argument("--shared-browser", action="store_true", help="all readers' pages in one browser (how it was measured before)")
    parser.add_argument("--upload-rows", type=int, default=2000, help="rows in each uploaded file (0: no upload runs)")
    args = parser.parse_args()
    counts = [int(n) for n in args.readers.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = prepare(folder)
        rounds = iter(range(10**6))
        frame = annual_reports_rows(db, args.upload_rows) if args.upload_rows else None
        files = (lambda _n: annual_reports_file(frame, folder, next(rounds))) if frame is not None else None
        print(f"machine: {machine()}")
        print(
            f"each reader: {args.loads} timed loads, reading each page {args.think:g} s (from {args.think / 2:g} to {args.think * 1.5:g}),"
            f" {'all in one browser' if args.shared_browser else 'a browser each'}"
        )
        print(
            f"{'readers':>7} {'pages':>9} {'upload':>7} {'loads':>6} {'p50':>7} {'p95':>7} {'max':>7} {'errors':>6} {'uploads':>7} {'p95 / 1-reader p50':>19}"
        )
        baseline: dict[str, list[float]] = {}  # one reader's load times, per way of reading
        with running_app(db) as url:
            asyncio.run(measure(url, 1, Plan(PAGES, len(PAGES), 0.0), None))  # warm: first imports, first queries
            plans = [(n, which, False) for which in ("floor", "dashboard", "navigate") for n in counts]
            plans += [(n, which, True) for which in ("dashboard", "navigate") for n in counts] if files else []
            if args.only:
                keep = {
                    "floor": ("floor", False),
                    "dashboard": ("dashboard", False),
                    "upload": ("dashboard", True),
                    "navigate": ("navigate", False),
                    "navigate-upload": ("navigate", True),
                }[args.only]
                one = "navigate" if keep[0] == "navigate" else "dashboard"  # the one-reader median the ratio is taken against
                plans = [p for p in plans if (p[1], p[2]) == keep or (p[0] == 1 and p[1] == one and not p[2])]
            for n, which, with_upload in plans:
                busy = wait_until_quiet()  # the last part's browsers and sessions have gone before this one is timed
                if busy is not None and busy > 0.15:
                    print(f"        the machine did not go quiet before this part ({busy:.0%} busy): its figures are not comparable")
                started = time.perf_counter()
                pages = {"floor": FLOOR, "dashboard": PAGES, "navigate": NAVIGATION}[which]
                plan = Plan(pages, args.loads, args.think)
                if n == 1 and not with_upload:
                    # The median every ratio is taken against: every page read equally often, at least twice. Six
                    # loads of four pages read the two cheapest twice and the two dearest once, a median biased low.
                    plan = Plan(pages, len(pages) * max(2, -(-args.loads // len(pages))), args.think)
                run = asyncio.run(measure(url, n, plan, files if with_upload else None, shared=args.shared_browser))
                p50 = statistics.median(run.times) if run.times else float("nan")
                p95 = percentile(run.times, 0.95) if run.times else float("nan")
                if n == 1 and not with_upload:
                    baseline[which] = run.times
                ratio = f"{p95 / statistics.median(baseline[which]):.1f}x" if baseline.get(which) else "-"
                print(
                    f"{n:>7} {which:>9} {'yes' if with_upload else 'no':>7} {len(run.times):>6} {p50:>6.2f}s {p95:>6.2f}s"
                    f" {max(run.times, default=0):>6.2f}s {len(run.errors):>6} {run.uploads:>7} {ratio:>19}   ({time.perf_counter() - started:.0f} s)",
                    flush=True,
                )
                if baseline.get(which) and run.times and n > 1:
                    low, high = ratio_interval(run.times, baseline[which])
                    print(f"        p95 / 1-reader p50 by resampling both runs' loads: 90% of draws from {low:.1f}x to {high:.1f}x")
                if run.busy:
                    print(f"        while timed: {run.busy}")
                if n > 1:
                    print(
                        "        by page, p50 / max:",
                        ", ".join(f"{page} {statistics.median(t):.2f} / {max(t):.2f}s" for page, t in run.by_page.items()),
                    )
                for error in run.errors[:5]:
                    print(f"        {error}")


if __name__ == "__main__":
    main()
