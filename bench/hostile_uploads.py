"""Hostile files against `python -m store load`: each must be refused within a minute with peak memory
under 2 GB, and never crash. Prints seconds, peak resident memory and the exit code per file.

Usage: python -m bench.hostile_uploads [--mb 200] [--out bench/out/hostile]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEADER = b"factory_id,year,production_qty,water_use_m3,wastewater_m3,waste_generated_t,waste_3r_t\n"


WIDE_BAD = b"F1,twenty-twenty-two," + b"-1.5e3x," * 5 + b"not a number at all, really\n"  # ~100 bytes: 2M rows in 200 MB


def shapes(mb: int) -> dict[str, tuple[str, Callable[[], bytes]]]:
    """(table, maker of the bytes) of each shape, about `mb` megabytes where the shape allows (made one at a time)."""
    size = mb * 1024 * 1024
    row = b"F1,2022,100,10,5,3,1\n"
    bad = b"F1,twenty,-1,x,y,5,9\n"
    return {
        "one_key_30k_rows": ("annual_reports", lambda: HEADER + row * 30_000),
        "one_key_to_size": ("annual_reports", lambda: HEADER + row * (size // len(row))),
        "one_key_2m_long_rows": ("annual_reports", lambda: HEADER + (row[:-1] + b" " * 78 + b"\n") * min(2_000_000, size // 100)),
        "million_columns_one_line": ("annual_reports", lambda: b",".join(b"c%d" % i for i in range(1_000_000)) + b"\n"),
        "bad_rows_to_size": ("annual_reports", lambda: HEADER + bad * (size // len(bad))),
        "bad_wide_rows_2m": ("annual_reports", lambda: HEADER + WIDE_BAD * min(2_000_000, size // len(WIDE_BAD))),
        "extra_field_every_row": ("annual_reports", lambda: HEADER + b"F1,2022,100,10,5,3,1,extra\n" * (size // 28)),
        "no_newline_blob": ("establishments", lambda: b"x" * size),
        "binary_noise": ("establishments", lambda: os.urandom(min(size, 64 * 1024 * 1024))),
        "quotes_never_closed": ("annual_reports", lambda: HEADER + b'"F1,2022,100\n' * (size // 14)),
        "blank_lines": ("annual_reports", lambda: HEADER + b"\n" * size),
    }


def run(db: Path, table: str, path: Path) -> tuple[float, float, int, str]:
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        child = subprocess.Popen([sys.executable, "-m", "store", "load", "--db", str(db), "--table", table, str(path)], cwd=ROOT,
                                 stdout=sink, stderr=subprocess.PIPE)  # fmt: skip
        assert child.stderr is not None
        tail = child.stderr.read()[-300:].decode("utf-8", "replace")
        _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, child.returncode, tail


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=200)
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "hostile"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    db = out / "hostile.duckdb"
    subprocess.run([sys.executable, "-m", "store", "init", "--db", str(db)], cwd=ROOT, check=True, capture_output=True)
    est = out / "est.csv"
    est.write_text("factory_id,kind,subdistrict_code\nF1,factory,190906\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "store", "load", "--db", str(db), "--table", "establishments", str(est)], cwd=ROOT, check=True,
                   capture_output=True)  # fmt: skip
    print(f"machine: {os.cpu_count()} cores; files of up to {args.mb} MB")
    print(f"{'file':<28} {'MB':>6} {'seconds':>8} {'peak MiB':>9} {'exit':>5}  last words")
    for name, (table, make) in shapes(args.mb).items():
        path = out / f"{name}.csv"
        data = make()
        path.write_bytes(data)
        size_mb = len(data) / 2**20
        del data  # the child's peak memory would count the parent's pages otherwise
        seconds, peak, code, tail = run(db, table, path)
        last = tail.strip().splitlines()[-1][:70] if tail.strip() else ""
        print(f"{name:<28} {size_mb:>6.0f} {seconds:>8.1f} {peak:>9.0f} {code:>5}  {last}")
        path.unlink()


if __name__ == "__main__":
    main()
