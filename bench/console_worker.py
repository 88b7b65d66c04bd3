"""Console worker figures: start-up cost (cold, with a spare ready, on a snapshot), hostile queries' outcome, time and the caller's memory; with --server, the same queries typed into a running app's console page in Chromium, with the server's memory."""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from bench.machine import machine
from console.guard import QueryRefused, harden
from console.worker import run_query


def resident_mb() -> float:
    with open("/proc/self/statm", "rb") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / (1 << 20)


def timed(db: Path, sql: str, spare: bool) -> tuple[float, str]:
    started = time.perf_counter()
    try:
        run_query(db, sql, spare=spare)
        outcome = "answered"
    except QueryRefused as refusal:
        outcome = refusal.rule
    return time.perf_counter() - started, outcome


def hostile() -> dict[str, str]:
    nested = "'x'"
    for _ in range(30):
        nested = f"repeat({nested}, 2)"
    doubled = "select 'x' as s"
    for _ in range(30):
        doubled = f"select s || s as s from ({doubled})"
    return {
        "30 nested repeat(…, 2)": f"select length({nested})",
        "19,000-character literal × 100,000": "select length(repeat('" + "y" * 19_000 + "', 100000))",
        "printf('%1$1000000000d', 1)": "select printf('%1$1000000000d', 1)",
        "levenshtein on two 90K strings": "select levenshtein(repeat('a', 90000), repeat('b', 90000))",
        "text doubled through 30 subqueries (passes the guard)": f"select length(s) from ({doubled})",
        "list(range) over 10^9 rows (passes the guard)": "select list(range) from range(1000000000)",
        "sum over 10^12 rows (passes the guard)": "select sum(range) from range(1000000000000)",
    }


def server_run(db: Path) -> None:
    """The hostile queries through the console page of `streamlit run server.py`, signed in as an analyst."""
    import shutil

    from playwright.sync_api import sync_playwright

    from store import accounts
    from tests.browser import CHROMIUM, CHROMIUM_ARGS, resident_mib, running_app, server_pid, wait_ready

    copy = db.with_name("console_server.duckdb")
    shutil.copy(db, copy)
    password = "console-bench-password"
    with duckdb.connect(str(copy)) as con:
        accounts.set_public_read(con, False, "bench")
        accounts.change_password(con, "ana", accounts.add_user(con, "ana", "analyst", "bench"), password)
    with running_app(copy) as url, sync_playwright() as p:
        pid = server_pid(url)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1800})
        page.goto(url + "/?lang=en")
        wait_ready(page)
        page.get_by_role("textbox", name="Username").fill("ana")
        page.get_by_role("textbox", name="Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
        page.get_by_role("heading", name="Scorecard", exact=True).wait_for(timeout=60_000)
        page.goto(url + "/sql?lang=en")
        page.get_by_role("heading", name="SQL console", exact=True).wait_for(timeout=60_000)
        wait_ready(page)
        print(f"server with the console open: {resident_mib(pid):.0f} MiB")
        errors = page.locator('[data-testid="stAlertContentError"]')
        for name, sql in hostile().items():
            page.get_by_role("textbox", name="SQL").fill("select 1 as cleared")  # clears the last refusal
            page.get_by_role("button", name="Run").click()
            errors.first.wait_for(state="detached", timeout=60_000)
            wait_ready(page)
            before = resident_mib(pid)
            page.get_by_role("textbox", name="SQL").fill(sql)
            started = time.monotonic()
            page.get_by_role("button", name="Run").click()
            errors.first.wait_for(timeout=60_000)
            wait_ready(page)
            said = errors.first.inner_text().strip().splitlines()[-1]
            print(f"  {name}: {time.monotonic() - started:.1f} s, server {before:.0f} → {resident_mib(pid):.0f} MiB: {said[:80]}")
        high = next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("VmHWM"))
        print(f"server's highest resident memory over its life: {int(high.split()[1]) / 1024:.0f} MiB")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="a database file (default: the demo data in a temporary folder)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--server", action="store_true", help="also through a running app's console page in Chromium")
    args = parser.parse_args()
    print(machine())
    folder = tempfile.TemporaryDirectory()
    if args.db:
        db = Path(args.db)
    else:
        from store.db import init
        from store.demo import load_demo

        db = Path(folder.name) / "demo.duckdb"
        con, _, _ = init(db)
        load_demo(con)
        con.close()

    cold = [timed(db, "select 42", spare=False)[0] for _ in range(args.rounds)]
    print(f"cold worker (start, import DuckDB, self-test, open, answer): median {statistics.median(cold):.2f} s, max {max(cold):.2f} s")
    run_query(db, "select 1")  # starts the spare
    warm = []
    for _ in range(args.rounds):
        time.sleep(3)  # an analyst reads the answer; the next spare gets ready meanwhile
        warm.append(timed(db, "select 42", spare=True)[0])
    print(f"spare worker ready: median {statistics.median(warm):.2f} s, max {max(warm):.2f} s")
    app = duckdb.connect(str(db))  # the app holds the file: every query reads a snapshot
    harden(app)
    held = []
    for _ in range(args.rounds):
        time.sleep(3)
        held.append(timed(db, "select count(*) from establishments", spare=True)[0])
    print(f"spare worker, app holding the file (snapshot of {db.stat().st_size / 2**20:.1f} MiB): median {statistics.median(held):.2f} s")

    print("hostile queries, app holding the file; default limits (10 s, 1 GiB):")
    for name, sql in hostile().items():
        time.sleep(3)
        before = resident_mb()
        seconds, outcome = timed(db, sql, spare=True)
        print(f"  {name}: {outcome} in {seconds:.1f} s; caller's resident memory {before:.0f} → {resident_mb():.0f} MB")
    app.close()
    if args.server:
        print("the same through the console page of a running app (Chromium, signed in as an analyst):")
        server_run(db)
    folder.cleanup()


if __name__ == "__main__":
    main()
