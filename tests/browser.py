"""Run the real app on a free loopback port and drive it with Playwright and Debian's Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]  # fmt: skip
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_app(db: Path) -> Iterator[str]:
    """Start `streamlit run server.py` (the app with its cookie route and upload gate) on the database; yield its base URL; stop it."""
    port = free_port()
    env = {**os.environ, "EIT_DB": str(db)}
    log = open(db.with_suffix(".streamlit.log"), "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "server.py", "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    try:
        while True:
            try:
                with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("streamlit did not start: " + db.with_suffix(".streamlit.log").read_text()) from None
                time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def wait_ready(page, timeout: float = 60_000) -> None:  # type: ignore[no-untyped-def]
    """Wait until the script has finished its run and the fonts are in, so screenshots are whole."""
    page.wait_for_selector(READY, timeout=timeout)
    page.evaluate("document.fonts.ready.then(() => true)")


def screenshot(page, name: str, most: int = 12_000) -> Path:  # type: ignore[no-untyped-def]
    """The whole page: Streamlit scrolls inside its main pane, so the window is stretched to the pane's
    height (at most `most` px) for the picture, then put back."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    size = page.viewport_size
    tall = page.evaluate("() => { const m = document.querySelector('[data-testid=\"stMain\"]'); return m ? m.scrollHeight : 0; }")
    if size and tall > size["height"]:
        page.set_viewport_size({"width": size["width"], "height": min(tall, most)})
        wait_ready(page)
    page.screenshot(path=str(path), full_page=True)
    if size and tall > size["height"]:
        page.set_viewport_size(size)
        wait_ready(page)
    return path


def main_pane_overflow(page) -> int:  # type: ignore[no-untyped-def]
    """How many px the page is wider than the screen, in the window or in Streamlit's scrolling main pane."""
    return int(
        page.evaluate("""() => {
      const m = document.querySelector('[data-testid="stMain"]');
      const d = document.documentElement;
      return Math.max(d.scrollWidth - d.clientWidth, m ? m.scrollWidth - m.clientWidth : 0);
    }""")
    )


def server_pid(url: str) -> int:
    """The process of the app that running_app started at `url`."""
    port = url.rsplit(":", 1)[1].encode()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"server.py" in args and port in args:
            return int(pid)
    raise RuntimeError(f"no app process at {url}")


def resident_mib(pid: int) -> float:
    """The process's resident memory now (VmRSS), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")
