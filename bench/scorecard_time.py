"""In-process time of the scorecard on the demo database (Saraburi scale): one year and area as the
command line computes it and as the app does (with the "has data" marks), every year and area in one
pass (what the app caches), and all indicators' trends.

Usage: python -m bench.scorecard_time [--repeat 20]     Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.machine import machine
from metrics.catalogue import town_areas
from metrics.engine import data_years, evaluate, scorecards, trends
from store.db import init
from store.demo import load_demo


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def line(name: str, times: list[float]) -> str:
    return f"  {name:<52} median {statistics.median(times) * 1000:7.1f} ms   max {max(times) * 1000:7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        con, _, _ = init(Path(tmp) / "bench.duckdb")
        load_demo(con)
        with con.cursor() as cur:
            years = data_years(cur)
            latest = years[-1]
            print(f"machine: {machine()}")
            print(f"demo database: years {years[0]}-{latest}; {args.repeat} runs each")
            print(
                line(
                    f"one year and area, as the CLI ({latest}, all)",
                    timed(lambda: evaluate(cur, latest, "all", with_presence=False), args.repeat),
                )
            )
            print(line(f"one year and area, as the app ({latest}, all)", timed(lambda: evaluate(cur, latest, "all"), args.repeat)))
            print(
                line(
                    f"every year x {len(town_areas(cur))} areas in one pass ({len(years)} years)",
                    timed(lambda: scorecards(cur, years), args.repeat),
                )
            )
            print(line(f"trends of all indicators (every year x {len(town_areas(cur))} areas)", timed(lambda: trends(cur), args.repeat)))


if __name__ == "__main__":
    main()
