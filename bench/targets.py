"""The two standing performance targets at national scale, each beside a bare reference timed in the same run.

Usage: python -m bench.targets [--out bench/out/national] [--repeat 3] [--year 2024] [--skip-load] [--db PATH]

- Loading the seven generated files, one `python -m store load` process each into a fresh database (`store init`
  first, not counted): target at least 150,000 rows/s over all seven, whole processes.
- The scorecard of one year, area all, as `python -m metrics scorecard --format json`, whole process: target at
  most 0.25 s.

The machine is shared, so every round also times a bare reference in the same way: a process that only imports
DuckDB and opens the database (`reference`), the floor any scorecard process stands on. Wall and CPU seconds
(user + system, from wait4) are printed for each; medians over the rounds. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

from bench.generate import TABLE_ORDER
from bench.machine import machine
from bench.scorecard_scale import ROOT, Run, data_rows, files, run, run_python

SCORECARD_TARGET_S = 0.25
LOAD_TARGET_ROWS_S = 150_000


def reference(db: Path) -> Run:
    """A process that imports DuckDB and opens the database read-only: what no scorecard process can go below."""
    return run_python("-c", f"import duckdb; duckdb.connect({str(db)!r}, read_only=True).execute('select 1').fetchall()")


def median_line(name: str, runs: list[Run]) -> str:
    wall = statistics.median(r.seconds for r in runs)
    cpu = statistics.median(r.cpu_seconds for r in runs)
    return f"  {name:<10} median {wall:6.3f} s wall, {cpu:6.3f} s CPU   (runs {', '.join(f'{r.seconds:.3f}' for r in runs)})"


def load_round(folder: Path, db: Path) -> tuple[int, float, float]:
    """Init a fresh database, then one `store load` process per table; returns (rows, wall and CPU seconds of the loads)."""
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    r = run("store", "init", "--db", str(db))
    if r.returncode != 0:
        sys.exit(f"store init failed:\n{r.stderr[-3000:]}")
    rows, seconds, cpu = 0, 0.0, 0.0
    for table in TABLE_ORDER:
        path = folder / f"{table}.csv"
        r = run("store", "load", "--db", str(db), "--table", table, str(path))
        if r.returncode != 0:
            sys.exit(f"store load {table} failed:\n{r.stderr[-3000:]}")
        rows += data_rows(path)
        seconds += r.seconds
        cpu += r.cpu_seconds
    return rows, seconds, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.targets", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "national")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--skip-load", action="store_true", help="time the scorecard on the database already there")
    parser.add_argument("--db", type=Path, help="the national database (default: OUT/national.duckdb)")
    args = parser.parse_args(argv)
    db = args.db or args.out / "national.duckdb"
    print(f"machine: {machine()}")
    if not args.skip_load:
        folder = files(args.out, 70_000, "2015-2024")
        print(f"\nload: the seven files, one `store load` process each, {args.repeat} rounds (each into a fresh database)")
        rates, cpu_rates, refs = [], [], []
        for i in range(args.repeat):
            refs.append(reference(db) if db.is_file() else run_python("-c", "import duckdb"))
            rows, seconds, cpu = load_round(folder, db)
            rates.append(rows / seconds)
            cpu_rates.append(rows / cpu)
            print(
                f"  round {i + 1}: {rows:,} rows in {seconds:.1f} s = {rows / seconds:,.0f} rows/s; {cpu:.1f} CPU-s = {rows / cpu:,.0f} rows"
                f" per CPU-s   (reference {refs[-1].seconds:.3f} s)"
            )
        print(
            f"  median {statistics.median(rates):,.0f} rows/s (target >= {LOAD_TARGET_ROWS_S:,}),"
            f" {statistics.median(cpu_rates):,.0f} rows per CPU-s"
        )
        print(median_line("reference", refs))
    if not db.is_file():
        sys.exit(f"no database at {db}")
    command = ("metrics", "scorecard", "--db", str(db), "--year", str(args.year), "--format", "json")
    cards, refs = [], []
    for _ in range(args.repeat):  # interleaved, so both see the same machine
        refs.append(reference(db))
        cards.append(run(*command))
        if cards[-1].returncode != 0:
            sys.exit(f"scorecard failed:\n{cards[-1].stderr[-3000:]}")
    print(f"\nscorecard {args.year}, area all, whole process, {args.repeat} runs (target <= {SCORECARD_TARGET_S} s):")
    print(median_line("scorecard", cards))
    print(median_line("reference", refs))
    above = statistics.median(c.seconds - r.seconds for c, r in zip(cards, refs, strict=True))
    print(f"  the scorecard's own share (scorecard - reference, median of pairs): {above:.3f} s")
    print(f"machine after: {machine()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
