"""Soak: the server's resident memory over many uploads and rollbacks while readers read (issue 26, item 8).

The real app (`streamlit run server.py`, as tests/browser.py starts it) on a fresh demo database. An analyst in
Chromium loads an annual_reports file in the Upload page (1,013 rows replaced, a new data version), then rolls
the batch back on the Batch history page (another version), --uploads times, as one does in the browser (the
command line cannot write while the app holds the file). Meanwhile --readers readers, each with a Chromium of
their own, open the overview, an indicator, an establishment's profile, the map and the explorer from links,
reading each page --think seconds: every page they open after an upload meets a new data version, so every
cache keyed by the version fills again. Every --every uploads the bench prints the server's resident memory
(VmRSS) and its highest so far (VmHWM); without size limits on the caches every version's results stayed for
the server's life. At the end the server is left alone 30 s and measured again.

Usage: python -m bench.soak [--uploads 200] [--every 10] [--readers 3] [--think 3]
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import Browser, async_playwright

from bench.machine import machine
from bench.readers import LOADED, annual_reports_file, annual_reports_rows, prepare, settle, sign_in_analyst
from tests.browser import CHROMIUM, CHROMIUM_ARGS, running_app, server_pid

PAGES = (
    ("/overview?lang=en&area=all&year={year}", "(calendar year)"),
    ("/indicator?lang=en&area=all&code=19.1.1&year={year}", "19.1.1 Share of factories"),
    ("/establishment?lang=en&area=all&id=DEMO-F0{n:02d}&year={year}", "Indicators this establishment counts toward"),
    ("/map?lang=en&area=all&code=19.1.1&year={year}", "Location check"),
    ("/explore?lang=en&area=all&src=table:annual_reports&rows=industry&agg=mean&measure=water_use_m3&year={year}", "Summary"),
)
YEARS = (2021, 2022, 2023, 2024)
CRASH = ("An unexpected error", "Traceback")


@dataclass
class Soak:
    uploads: int = 0
    loads: int = 0
    errors: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


def memory(pid: int) -> tuple[float, float]:
    """The process's resident memory now and its highest so far (VmRSS, VmHWM), in MiB."""
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) / 1024
    return found["VmRSS"], found["VmHWM"]


async def reader(browser: Browser, url: str, index: int, think: float, stop: asyncio.Event, soak: Soak) -> None:
    """Open one page after another from links until the analyst is done."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    pause = random.Random(index)
    n = index
    try:
        while not stop.is_set():
            path, marker = PAGES[n % len(PAGES)]
            address = path.format(year=YEARS[(n // len(PAGES)) % len(YEARS)], n=1 + n % 60)
            try:
                await page.goto(url + address, timeout=120_000)
                await settle(page, marker, timeout=120_000)
                text = await page.locator('[data-testid="stMain"]').inner_text()
                if any(word in text for word in CRASH):
                    soak.errors.append(f"reader {index}: crash text on {address}")
                soak.loads += 1
            except Exception as exc:  # noqa: BLE001 - a benchmark counts failures, it does not stop at the first
                soak.errors.append(f"reader {index}: {address}: {type(exc).__name__}")
            n += 1
            await asyncio.sleep(pause.uniform(think / 2, think * 3 / 2))
    finally:
        await context.close()


async def analyst(browser: Browser, url: str, folder: Path, frame, uploads: int, every: int, pid: int, soak: Soak) -> None:  # type: ignore[no-untyped-def]
    """Sign in; then, `uploads` times: load a file in the Upload page, roll its batch back on Batch history."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1400})
    page = await context.new_page()
    started = time.perf_counter()
    try:
        await sign_in_analyst(page, url)
        for n in range(uploads):
            await page.goto(url + "/upload?lang=en")
            await settle(page, "Upload CSV")
            await page.locator('input[type="file"]').set_input_files(str(annual_reports_file(frame, folder, n)))
            await page.wait_for_function(LOADED, arg=[["ready to load as one batch"], ["Loaded as batch"]], polling=200, timeout=180_000)
            await page.get_by_role("button", name="Confirm and load").click(timeout=120_000)
            await page.wait_for_function(LOADED, arg=[["Loaded as batch"], []], polling=200, timeout=180_000)
            await page.goto(url + "/batches?lang=en")
            await settle(page, "Batch history")
            await page.get_by_role("button", name="Roll back").click(timeout=120_000)
            await page.get_by_role("button", name="Yes, roll it back").click(timeout=120_000)
            await page.wait_for_function(LOADED, arg=[["rolled back:"], []], polling=200, timeout=180_000)
            soak.uploads += 1
            if soak.uploads % every == 0:
                rss, peak = memory(pid)
                line = (
                    f"{soak.uploads:>7} {time.perf_counter() - started:>8.0f}s {rss:>9.0f} {peak:>9.0f}"
                    f" {soak.loads:>12} {len(soak.errors):>6}"
                )
                soak.lines.append(line)
                print(line, flush=True)
    except Exception as exc:  # noqa: BLE001
        soak.errors.append(f"analyst after {soak.uploads} uploads: {type(exc).__name__}: {str(exc).splitlines()[0]}")
    finally:
        await context.close()


async def run(url: str, folder: Path, frame, args: argparse.Namespace, pid: int) -> Soak:  # type: ignore[no-untyped-def]
    soak = Soak()
    async with async_playwright() as p:
        browsers = [await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS) for _ in range(args.readers + 1)]
        stop = asyncio.Event()
        readers = [asyncio.create_task(reader(browsers[i + 1], url, i, args.think, stop, soak)) for i in range(args.readers)]
        await analyst(browsers[0], url, folder, frame, args.uploads, args.every, pid, soak)
        stop.set()
        await asyncio.gather(*readers)
        for b in browsers:
            await b.close()
    return soak


async def warm(url: str) -> None:
    """Every page once, so the baseline counts the server's imports and first results."""
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = await browser.new_page()
        for path, marker in PAGES:
            await page.goto(url + path.format(year=2023, n=3), timeout=180_000)
            await settle(page, marker, timeout=180_000)
        await browser.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--uploads", type=int, default=200, help="uploads, each rolled back after it landed")
    parser.add_argument("--every", type=int, default=10, help="print the server's memory every N uploads")
    parser.add_argument("--readers", type=int, default=3, help="readers reading pages meanwhile, a browser each")
    parser.add_argument("--think", type=float, default=3.0, help="seconds a reader reads a page (from think/2 to 3*think/2)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = prepare(folder)
        frame = annual_reports_rows(db, 2000)  # every annual report of the demo (1,013 rows)
        print(f"machine: {machine()}")
        print(
            f"{args.uploads} uploads of {len(frame):,} annual_reports rows, each rolled back; {args.readers} readers, {args.think:g} s a page"
        )
        with running_app(db) as url:
            pid = server_pid(url)
            asyncio.run(warm(url))
            rss, peak = memory(pid)
            print(f"{'uploads':>7} {'elapsed':>9} {'RSS MiB':>9} {'peak MiB':>9} {'reader loads':>12} {'errors':>6}")
            print(f"{0:>7} {0:>8}s {rss:>9.0f} {peak:>9.0f} {0:>12} {0:>6}", flush=True)
            soak = asyncio.run(run(url, folder, frame, args, pid))
            time.sleep(30)
            rss, peak = memory(pid)
            print(
                f"30 s after the last: RSS {rss:.0f} MiB, peak over the server's life {peak:.0f} MiB;"
                f" {soak.uploads} uploads and rollbacks, {soak.loads} reader page loads, {len(soak.errors)} errors"
            )
            for error in soak.errors[:10]:
                print(f"        {error}")
        print(f"machine at the end: {machine()}")


if __name__ == "__main__":
    main()
