"""Console worker figures: start-up cost (cold, with a spare ready, on a snapshot), and hostile queries' outcome, time and the caller's memory."""

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="a database file (default: the demo data in a temporary folder)")
    parser.add_argument("--rounds", type=int, default=5)
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
    folder.cleanup()


if __name__ == "__main__":
    main()
