"""The machine a benchmark ran on, printed beside its figures (with the load average: figures from a busy machine are not comparable)."""

from __future__ import annotations

import os
import platform
import time
from pathlib import Path


def machine() -> str:
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        model = next((line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if line.startswith("model name")), model)
    memory = "unknown memory"
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        kib = int(next(line.split()[1] for line in meminfo.read_text().splitlines() if line.startswith("MemTotal")))
        memory = f"{kib / 2**20:.1f} GiB RAM"
    load = f", load average {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else ""
    return f"{os.cpu_count()} cores ({model}), {memory}, Python {platform.python_version()} on {platform.system()}{load}"


def busy_share(seconds: float = 1.0) -> float | None:
    """The share of the machine's CPU time that was busy over the next `seconds` (None where /proc/stat is missing)."""
    stat = Path("/proc/stat")
    if not stat.is_file():
        return None

    def sample() -> tuple[int, int]:
        fields = [int(v) for v in stat.read_text().splitlines()[0].split()[1:]]
        return sum(fields), fields[3] + fields[4]  # total, idle + iowait

    total0, idle0 = sample()
    time.sleep(seconds)
    total1, idle1 = sample()
    return 1 - (idle1 - idle0) / max(1, total1 - total0)


def wait_until_quiet(most: float = 0.15, patience: float = 60.0) -> float | None:
    """Wait until the machine is nearly idle (busy below `most` over a second), at most `patience` seconds: the
    tail of one measurement (browsers closing, sessions ending) must not be timed in the next. Returns the last
    busy share seen, so a caller can say when the machine never went quiet."""
    deadline = time.monotonic() + patience
    share = busy_share()
    while share is not None and share > most and time.monotonic() < deadline:
        share = busy_share()
    return share
