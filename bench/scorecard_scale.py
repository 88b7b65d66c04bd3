"""National scale, end to end: generated files loaded with `store load`, then the engine's and the baseline's scorecard timed.

Usage: python -m bench.scorecard_scale [--establishments 70000] [--out bench/out/national] [--year 2024] [--repeat 3]

Every step runs as its own process, as an operator would run it, and is timed with the child's peak
resident memory (from wait4). The generated files are reused when they were made with the same
arguments; the database is rebuilt each time. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.generate import TABLE_ORDER
from bench.machine import machine

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Run:
    seconds: float
    peak_mib: float
    cpu_seconds: float  # the child's user + system CPU time: less swayed than wall time by other work on the cores
    returncode: int
    stdout: str
    stderr: str


def run(*args: str) -> Run:
    """Run `python -m …` in the project and measure it; output goes through files, so no pipe can fill and stall it."""
    return run_python("-m", *args)


def run_python(*args: str) -> Run:
    """Run the project's Python with these arguments, timed with the child's peak memory and CPU time (wait4)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, *args], cwd=ROOT, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)  # this child's own rusage, unlike RUSAGE_CHILDREN (a running maximum)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait for it again
        out.seek(0)
        err.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        return Run(seconds, usage.ru_maxrss / 1024, cpu, child.returncode, out.read().decode(), err.read().decode())


def files(out: Path, establishments: int, years: str) -> Path:
    """The generated CSV files, made again only when missing or made with other arguments."""
    folder = out / "files"
    stamp = folder / "ARGS"
    wanted = f"establishments={establishments} years={years}\n"
    if stamp.is_file() and stamp.read_text() == wanted and all((folder / f"{t}.csv").is_file() for t in TABLE_ORDER):
        print(f"files: reusing {folder} ({wanted.strip()})")
        return folder
    r = run("bench.generate", "--establishments", str(establishments), "--years", years, "--out", str(folder))
    if r.returncode != 0:
        sys.exit(f"generate failed:\n{r.stderr}")
    stamp.write_text(wanted)
    print(r.stdout.rstrip())
    print(f"files: generated in {r.seconds:.1f} s, peak {r.peak_mib:,.0f} MiB")
    return folder


def data_rows(path: Path) -> int:
    with path.open("rb") as f:
        return sum(1 for _ in f) - 1  # the header


def build(folder: Path, db: Path) -> None:
    """`store init`, then one `store load` per table, each timed; the totals give the overall load rate."""
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    r = run("store", "init", "--db", str(db))
    print(f"\nstore init: {r.seconds:.1f} s, peak {r.peak_mib:,.0f} MiB")
    print(f"{'table':<18} {'rows':>10} {'seconds':>8} {'rows/s':>10} {'peak MiB':>9}")
    total_rows, total_seconds = 0, 0.0
    for table in TABLE_ORDER:
        path = folder / f"{table}.csv"
        rows = data_rows(path)
        r = run("store", "load", "--db", str(db), "--table", table, str(path))
        if r.returncode != 0:
            sys.exit(f"store load {table} failed:\n{r.stderr[:3000]}")
        total_rows += rows
        total_seconds += r.seconds
        print(f"{table:<18} {rows:>10,} {r.seconds:>8.1f} {rows / r.seconds:>10,.0f} {r.peak_mib:>9,.0f}")
    print(f"{'all tables':<18} {total_rows:>10,} {total_seconds:>8.1f} {total_rows / total_seconds:>10,.0f}")
    print(f"database file: {db.stat().st_size / 2**20:,.0f} MiB")


def time_scorecards(db: Path, year: int, repeat: int) -> dict[str, dict[str, Any] | None]:
    """Whole-process runs of both scorecards; returns the last JSON of each (None if it failed)."""
    commands = {
        "engine": ("metrics", "scorecard", "--db", str(db), "--year", str(year), "--format", "json"),
        "baseline": ("bench.baseline", "--db", str(db), "--year", str(year)),
    }
    medians: dict[str, float] = {}
    cards: dict[str, dict[str, Any] | None] = {}
    print(f"\nscorecard {year}, area all, {repeat} whole-process runs each:")
    for name, command in commands.items():
        runs = [run(*command) for _ in range(repeat)]
        if any(r.returncode != 0 for r in runs):
            print(f"  {name:<8} FAILED: {runs[-1].stderr.strip().splitlines()[-1] if runs[-1].stderr.strip() else runs[-1].returncode}")
            cards[name] = None
            continue
        medians[name] = statistics.median(r.seconds for r in runs)
        peak = max(r.peak_mib for r in runs)
        print(f"  {name:<8} median {medians[name]:6.2f} s  (runs {', '.join(f'{r.seconds:.2f}' for r in runs)})  peak {peak:,.0f} MiB")
        cards[name] = json.loads(runs[-1].stdout)
    if len(medians) == 2:
        print(f"  baseline / engine: {medians['baseline'] / medians['engine']:.1f}x")
    return cards


def compare(engine: dict[str, Any], base: dict[str, Any]) -> None:
    """Statuses and printed values of both scorecards, indicator by indicator; prints only what differs."""
    ours = {i["code"]: i for i in base["indicators"]}
    differences = []
    for e in engine["indicators"]:
        b = ours.get(e["code"])
        if b is None or (e["status"], e["value"]) != (b["status"], b["value"]):
            b_text = "missing" if b is None else f"{b['status']} {b['value']} ({b['numerator']}/{b['denominator']})"
            differences.append(
                f"  {e['code']:<7} engine {e['status']} {e['value']} ({e['numerator']}/{e['denominator']}), baseline {b_text}"
            )
    print(f"\nengine vs baseline: {len(engine['indicators']) - len(differences)} of {len(engine['indicators'])} indicators agree")
    if (engine["town_level"], engine["levels"]) != (base["town_level"], base["levels"]):
        differences.append(f"  levels: engine {engine['town_level']} {engine['levels']}, baseline {base['town_level']} {base['levels']}")
    print("\n".join(differences) if differences else "  statuses, values and levels identical")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scorecard_scale", description=__doc__.splitlines()[0])
    parser.add_argument("--establishments", type=int, default=70_000)
    parser.add_argument("--years", default="2015-2024")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "national")
    parser.add_argument("--year", type=int, default=2024)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"machine: {machine()}")
    folder = files(args.out, args.establishments, args.years)
    db = args.out / "national.duckdb"
    build(folder, db)
    cards = time_scorecards(db, args.year, args.repeat)
    if cards["engine"] is not None and cards["baseline"] is not None:
        compare(cards["engine"], cards["baseline"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
