"""Run the real app on a free loopback port and drive it with Playwright and Debian's Chromium."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


# Screenshots (and the meeting pack's PDF pages) are for people to look at: scripts/run-tests.sh (CI) sets
# EIT_SCREENSHOTS=1 and keeps them in tests/artifacts/; a plain local `pytest` takes none. No test asserts on the file.
SCREENSHOTS = os.environ.get("EIT_SCREENSHOTS", "") not in ("", "0")


def artifact(name: str) -> Path | None:
    """tests/artifacts/<name> to write a picture to, or None when screenshots are off."""
    if not SCREENSHOTS:
        return None
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def listens(pid: int, port: int) -> bool:
    """Whether process `pid` holds the listening socket on loopback `port`. A free port can be taken by another
    process (another xdist worker's server) between free_port() and the server's bind; a health check alone would
    then be answered by that other server."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                if fields[1].endswith(f":{port:04X}") and fields[3] == "0A":  # 0A: LISTEN
                    inodes.add(f"socket:[{fields[9]}]")
    with contextlib.suppress(OSError):
        return any(os.readlink(f"/proc/{pid}/fd/{fd}") in inodes for fd in os.listdir(f"/proc/{pid}/fd"))
    return False


@contextmanager
def serving(
    command: Callable[[int], list[str]], log: Path, health: str = "/", env: dict[str, str] | None = None, attempts: int = 3
) -> Iterator[str]:
    """Start `command(port)` on a free loopback port; yield its base URL once it answers `health` and holds the port
    itself (a lost race for the port means another port, up to `attempts` times); stop it."""
    for attempt in range(attempts):
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        with open(log, "w") as out:
            proc = subprocess.Popen(command(port), cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        try:
            while proc.poll() is None and time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(url + health, timeout=2) as r:
                        if r.status == 200 and listens(proc.pid, port):
                            break
                except OSError:
                    pass
                time.sleep(0.3)
            else:
                if proc.poll() is not None and attempt + 1 < attempts and "in use" in log.read_text(errors="replace"):
                    continue  # the port was taken meanwhile: another one
                raise RuntimeError(f"{command(port)[:4]} did not start: " + log.read_text(errors="replace")[-3000:])
            yield url
            return
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=20)
    raise AssertionError("unreachable")  # pragma: no cover


@contextmanager
def running_app(db: Path) -> Iterator[str]:
    """Start `streamlit run server.py` (the app with its cookie route and upload gate) on the database; yield its base URL; stop it."""

    def command(port: int) -> list[str]:
        serve = ["--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true"]
        return [sys.executable, "-m", "streamlit", "run", "server.py", *serve]

    with serving(command, db.with_suffix(".streamlit.log"), "/_stcore/health", {**os.environ, "EIT_DB": str(db)}) as url:
        yield url


def wait_ready(page, timeout: float = 60_000) -> None:  # type: ignore[no-untyped-def]
    """Wait until the script has finished its run and the fonts are in, so screenshots are whole."""
    page.wait_for_selector(READY, timeout=timeout)
    page.evaluate("document.fonts.ready.then(() => true)")


def screenshot(page, name: str, most: int = 12_000) -> Path | None:  # type: ignore[no-untyped-def]
    """The whole page, when screenshots are on (EIT_SCREENSHOTS=1): Streamlit scrolls inside its main pane, so the
    window is stretched to the pane's height (at most `most` px) for the picture, then put back."""
    path = artifact(f"{name}.png")
    if path is None:
        return None
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


def sign_in(page, username: str, password: str, lang: str = "en", lands_on: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """Fill the sign-in form on the page shown, its labels in `lang`, and submit it; with `lands_on`, wait for the
    heading of the page the sign-in goes on to."""
    from present import words

    page.get_by_role("textbox", name=words.text("username", lang)).fill(username)
    page.get_by_role("textbox", name=words.text("password", lang)).fill(password)
    page.get_by_role("button", name=words.text("sign_in", lang)).click()
    if lands_on is not None:
        page.get_by_role("heading", name=lands_on, exact=True).wait_for(timeout=60_000)


def open_upload_signed_in(page, url: str, username: str, password: str, start: str = "/") -> None:  # type: ignore[no-untyped-def]
    """Sign in through the real form at `start` (the cookie claimed), then open the Upload page, in English."""
    page.goto(url + start + "?lang=en")
    wait_ready(page)
    with page.expect_response(lambda r: "/auth/session" in r.url, timeout=60_000):
        sign_in(page, username, password)
    page.goto(url + "/upload?lang=en")
    page.get_by_role("heading", name="Upload CSV").wait_for(timeout=60_000)
    wait_ready(page)
