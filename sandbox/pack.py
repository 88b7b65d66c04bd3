"""The meeting pack the app offers, built by `python -m metrics report` in a sandboxed process on a snapshot, never in the server."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from sandbox.run import run_module

# Measured on the demo database (2 cores, busy): the PDF took 27-30 CPU-s and 0.49 GB resident, its process
# ~2 GiB of address space with WeasyPrint, pandas, matplotlib and DuckDB loaded; the workbook 4.4 CPU-s, 0.24 GB.
MEMORY_BYTES = 3 << 30  # address space of the whole process, libraries included
CPU_S = 240
TIMEOUT_S = 300.0
MAX_PACK_BYTES = 64 << 20  # a pack of one year and area is well under a megabyte; more is not a pack
MAX_BUILDS = 2  # packs built at once per server process
BUSY_WAIT_S = 5.0

_builds = threading.BoundedSemaphore(MAX_BUILDS)

WORDS = {
    "busy": ("Meeting packs are already being made for other readers; try again in a minute.",
             "กำลังจัดทำเอกสารประชุมให้ผู้ใช้อื่นอยู่ กรุณาลองใหม่ในอีกสักครู่"),
    "time": ("Making the meeting pack took longer than {detail} s and was stopped; try again later.",
             "การจัดทำเอกสารประชุมใช้เวลาเกิน {detail} วินาที จึงถูกหยุด กรุณาลองใหม่ภายหลัง"),
    "failed": ("The meeting pack could not be made ({detail}); the dashboard is not affected.",
               "จัดทำเอกสารประชุมไม่สำเร็จ ({detail}) แดชบอร์ดไม่ได้รับผลกระทบ"),
}  # fmt: skip


class PackFailed(RuntimeError):
    """A pack that was not made: why, in English and Thai."""

    def __init__(self, reason: str, detail: str = ""):
        self.reason, self.detail = reason, detail
        super().__init__(self.text("en"))

    def text(self, lang: str) -> str:
        en, th = WORDS[self.reason]
        return (th if lang == "th" else en).format(detail=self.detail)


def build(
    db: str | Path,
    year: int,
    area: str,
    lang: str,
    form: str,
    *,
    memory_bytes: int = MEMORY_BYTES,
    timeout_s: float = TIMEOUT_S,
) -> bytes:
    """The pack's bytes (form: pdf or xlsx), made in a process of its own under memory_bytes of address space,
    CPU_S and timeout_s, at most MAX_BUILDS at once; PackFailed when refused, stopped or failed."""
    if form not in ("pdf", "xlsx") or lang not in ("th", "en"):
        raise ValueError("form is pdf or xlsx, lang th or en")
    if not _builds.acquire(timeout=BUSY_WAIT_S):
        raise PackFailed("busy")
    folder = Path(tempfile.mkdtemp(prefix="eit-pack-"))  # 0700: the pack holds establishment-level rows
    try:
        out = folder / f"pack.{form}"
        arguments = ["report", "--db", str(db), "--year", str(year), "--area", area, "--lang", lang, "--format", form, "--out", str(out)]
        try:
            done = run_module("metrics", arguments, memory_bytes=memory_bytes, cpu_s=CPU_S, timeout_s=timeout_s)
        except subprocess.TimeoutExpired:
            raise PackFailed("time", f"{timeout_s:g}") from None
        if done.returncode != 0 or not out.is_file():
            last = (done.stderr.strip().splitlines() or [f"exit {done.returncode}"])[-1]
            raise PackFailed("failed", last[:200])
        if out.stat().st_size > MAX_PACK_BYTES:
            raise PackFailed("failed", f"more than {MAX_PACK_BYTES >> 20} MB")
        return out.read_bytes()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        _builds.release()
