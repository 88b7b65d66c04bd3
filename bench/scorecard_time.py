"""In-process time of the scorecard on the demo database: every year and area, cold and repeated.

Usage: python -m bench.scorecard_time     Prints figures; asserts nothing.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from metrics.engine import data_years, evaluate, trend
from store.db import init
from store.demo import load_demo


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        con, _, _ = init(Path(tmp) / "bench.duckdb")
        load_demo(con)
        with con.cursor() as cur:
            years = data_years(cur)
            timings = []
            for year in years:
                for area in ("all", "190906", "191306"):
                    start = time.perf_counter()
                    evaluate(cur, year, area)
                    timings.append(time.perf_counter() - start)
            start = time.perf_counter()
            trend(cur, "7.2.1")
            trend_s = time.perf_counter() - start
    print(f"scorecard (21 indicators), {len(timings)} runs over years {years[0]}-{years[-1]} x 3 areas:")
    print(f"  median {statistics.median(timings) * 1000:.0f} ms, max {max(timings) * 1000:.0f} ms, first {timings[0] * 1000:.0f} ms")
    print(f"one indicator's trend (every year x 3 areas): {trend_s * 1000:.0f} ms")


if __name__ == "__main__":
    main()
