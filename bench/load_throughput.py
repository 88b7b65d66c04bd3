"""Load throughput: a generated N-row annual_reports file through `load_bytes`; prints rows/s and peak memory.

Usage: python -m bench.load_throughput [ROWS]   (default 1,000,000)
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

from store.db import init
from store.load import load_bytes


def make_file(rows: int) -> bytes:
    rng = np.random.default_rng(1)
    years = 200  # 1900-2099 CE, written as BE 2443-2642 so that every row is converted on load
    factories = rows // years + 1
    ids = np.repeat([f"B{i:05d}" for i in range(factories)], years)[:rows]
    yr = np.tile(np.arange(years) + 1900 + 543, factories)[:rows]
    q = rng.uniform(1e3, 1e6, rows)
    frame = pd.DataFrame(
        {
            "factory_id": ids,
            "year": yr,
            "production_qty": q.round(1),
            "production_unit": "t",
            "water_use_m3": (q * 0.3).round(1),
            "wastewater_m3": (q * 0.1).round(1),
            "waste_generated_t": (q * 0.01).round(2),
            "waste_3r_t": (q * 0.005).round(2),
            "energy_total_gj": (q * 2).round(1),
            "energy_renewable_gj": (q * 0.1).round(1),
            "ghg_tco2e": (q * 0.2).round(1),
            "green_area_m2": 1000,
            "investment_thb": (q * 10).round(0),
            "water_intensity_target": 0.3,
            "wastewater_intensity_target": 0.1,
        }
    )
    return frame.to_csv(index=False).encode("utf-8")


def main(rows: int) -> None:
    data = make_file(rows)
    with tempfile.TemporaryDirectory() as tmp:
        con, _, _ = init(Path(tmp) / "bench.duckdb")
        ids = sorted({line.split(b",", 1)[0].decode() for line in data.splitlines()[1:]})
        est = "factory_id,name_th,kind,subdistrict_code\n" + "".join(f"{i},โรงงาน {i},factory,190906\n" for i in ids)
        assert load_bytes(con, "establishments", est.encode(), "est.csv").ok
        start = time.perf_counter()
        report = load_bytes(con, "annual_reports", data, "bench.csv")
        seconds = time.perf_counter() - start
        assert report.ok, report.problems[:3]
        again = time.perf_counter()
        report2 = load_bytes(con, "annual_reports", data, "bench.csv")
        seconds2 = time.perf_counter() - again
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"file: {rows:,} rows, {len(data) / 2**20:.1f} MiB")
    print(f"first load (all inserted): {seconds:.2f} s = {rows / seconds:,.0f} rows/s")
    print(f"second load (all replaced, {report2.replaced:,} rows to history): {seconds2:.2f} s = {rows / seconds2:,.0f} rows/s")
    print(f"peak resident memory of the process: {peak_mib:,.0f} MiB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
