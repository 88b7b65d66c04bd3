"""Hostile files against `python -m store load` and against the upload page: each must be refused within a
minute with peak memory under 2 GB, and never crash.

- The command line: each file at up to --mb megabytes; prints seconds, the process's peak resident memory
  and the exit code per file.
- The upload page (--page): the same shapes just under the app's upload limit (50 MB, .streamlit/config.toml),
  chosen by an analyst in a real browser on a running app, one after another on the same server; prints the
  seconds until the page gives its verdict, the server's peak resident memory while it judged the file, the
  first words of the verdict, and whether the server still answers. Then one file over the limit.

Usage: python -m bench.hostile_uploads [--mb 200] [--out bench/out/hostile] [--page] [--page-only]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from tests.browser import resident_mib, server_pid

ROOT = Path(__file__).resolve().parents[1]
HEADER = b"factory_id,year,production_qty,water_use_m3,wastewater_m3,waste_generated_t,waste_3r_t\n"


WIDE_BAD = b"F1,twenty-twenty-two," + b"-1.5e3x," * 5 + b"not a number at all, really\n"  # ~100 bytes: 2M rows in 200 MB


def shapes(mb: float) -> dict[str, tuple[str, Callable[[], bytes]]]:
    """(table, maker of the bytes) of each shape, about `mb` megabytes where the shape allows (made one at a time)."""
    size = int(mb * 1024 * 1024)
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
        child = subprocess.Popen(
            [sys.executable, "-m", "store", "load", "--db", str(db), "--table", table, str(path)],
            cwd=ROOT,
            stdout=sink,
            stderr=subprocess.PIPE,
        )
        assert child.stderr is not None
        tail = child.stderr.read()[-300:].decode("utf-8", "replace")
        _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, child.returncode, tail


PAGE_MB = 50  # the app's upload limit: server.maxUploadSize in .streamlit/config.toml
PAGE_FILES_MB = 47  # the uploader counts 50 MB as 50,000,000 bytes (48 MiB is refused): 47 MiB is just under
# What the page says once it has judged a file (English): problems, a table it cannot tell, a clean file, the
# uploader's own refusal of a file over the limit.
VERDICTS = ("problem(s) found", "Could not tell which table", "ready to load as one batch", "or smaller.")
JUDGED = """(verdicts) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const main = document.querySelector('[data-testid="stMain"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning' || !main) return false;
  return verdicts.some(v => main.innerText.includes(v));
}"""


class PeakMemory:
    """The largest resident memory of a process, sampled every 50 ms while in the `with` block (MiB)."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0.0, threading.Event()

    def _sample(self) -> None:
        while not self._stop.is_set():
            try:
                self.peak = max(self.peak, resident_mib(self.pid))
            except OSError:
                return
            self._stop.wait(0.05)

    def __enter__(self) -> PeakMemory:
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url + "/_stcore/health", timeout=10) as r:
            return r.status == 200
    except OSError:
        return False


def page_run(mb: int, out: Path) -> None:
    """Every shape through the upload page of one running app, as an analyst would choose them."""
    from playwright.sync_api import sync_playwright

    from bench.readers import ANALYST, PASSWORD, prepare
    from tests.browser import CHROMIUM, CHROMIUM_ARGS, running_app

    size = min(mb, PAGE_FILES_MB)
    print(f"upload page: files of up to {size} MiB (just under the app's {PAGE_MB} MB), then one over it; one app, one analyst")
    print(f"{'file':<28} {'MB':>6} {'seconds':>8} {'server peak MiB':>16} {'up':>3}  verdict")
    with tempfile.TemporaryDirectory() as tmp, running_app(prepare(Path(tmp))) as url, sync_playwright() as p:
        pid = server_pid(url)
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(url + "/signin?lang=en")
        page.get_by_role("textbox", name="Username").fill(ANALYST)
        page.get_by_role("textbox", name="Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.get_by_role("heading", name="Scorecard").wait_for(timeout=120_000)
        files = dict(shapes(size))
        files["over_the_limit"] = ("annual_reports", lambda: HEADER + b"F1,2022,100,10,5,3,1\n" * ((PAGE_MB + 10) * 2**20 // 21))
        for name, (table, make) in files.items():
            path = out / f"{name}.csv"
            data = make()
            path.write_bytes(data)
            size_mb = len(data) / 2**20
            del data
            page.goto(url + "/upload?lang=en")  # a fresh page: no earlier file is checked again for the new table
            page.get_by_text("Target table").wait_for(timeout=120_000)
            page.locator('[data-testid="stMain"] [data-testid="stSelectbox"]').first.click()
            page.get_by_role("option", name=re.compile(f"^{table} · ")).click()
            page.get_by_role("button", name="Download empty template").wait_for(timeout=120_000)
            started = time.perf_counter()
            verdict = "not judged within 5 minutes"
            with PeakMemory(pid) as memory:
                page.locator('input[type="file"]').set_input_files(str(path))
                try:
                    page.wait_for_function(JUDGED, arg=list(VERDICTS), polling=200, timeout=300_000)
                    text = page.locator('[data-testid="stMain"]').inner_text()
                    verdict = next(line for line in text.splitlines() if any(v in line for v in VERDICTS))
                except Exception as exc:  # noqa: BLE001 - a benchmark reports, it does not stop at the first
                    verdict = f"{type(exc).__name__}: not judged"
            seconds = time.perf_counter() - started
            up = answers(url) and Path(f"/proc/{pid}").exists()
            print(f"{name:<28} {size_mb:>6.0f} {seconds:>8.1f} {memory.peak:>16.0f} {'yes' if up else 'NO':>3}  {verdict[:70]}", flush=True)
            path.unlink()
        browser.close()
        # Every file above was chosen on a fresh page, so each earlier session was left holding its file: the
        # memory must come back once those sessions are gone, not stay with the server for its life.
        linger = 150  # Streamlit keeps a closed tab's session 120 s for a reconnect (server.disconnectedSessionTTL)
        time.sleep(linger)
        rss = PeakMemory(pid)
        with rss:
            time.sleep(0.2)
        print(f"server resident memory {linger} s after the last file, its tab closed: {rss.peak:.0f} MiB; answers: {answers(url)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=200)
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "hostile"))
    parser.add_argument("--page", action="store_true", help="also run the files through the upload page of a running app")
    parser.add_argument("--page-only", action="store_true", help="only the upload page")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.page_only:
        page_run(args.mb, out)
        return
    db = out / "hostile.duckdb"
    subprocess.run([sys.executable, "-m", "store", "init", "--db", str(db)], cwd=ROOT, check=True, capture_output=True)
    est = out / "est.csv"
    est.write_text("factory_id,kind,subdistrict_code\nF1,factory,190906\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "store", "load", "--db", str(db), "--table", "establishments", str(est)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
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
    if args.page:
        page_run(args.mb, out)


if __name__ == "__main__":
    main()
