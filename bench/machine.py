"""The machine a benchmark ran on, printed beside its figures (with the load average: figures from a busy machine are not comparable)."""

from __future__ import annotations

import os
import platform
import threading
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


class BusyMeter:
    """The machine's busy share, sampled every `every` seconds in a thread from start() to stop(): how busy the
    cores were on average while something was timed, and how often they were saturated (at least 90% busy).
    Reading /proc/stat twice a second costs nothing measurable."""

    def __init__(self, every: float = 0.5) -> None:
        self.every = every
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start sampling (a second call does nothing: every reader may call it when it starts its timed loads)."""
        if self._thread is None and Path("/proc/stat").is_file():
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            share = busy_share(self.every)
            if share is not None:
                self.samples.append(share)

    def stop(self) -> str:
        """Stop, and say how busy the machine was (empty where it could not be measured)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if not self.samples:
            return ""
        saturated = sum(s >= 0.9 for s in self.samples) / len(self.samples)
        mean = sum(self.samples) / len(self.samples)
        return f"cores {mean:.0%} busy on average, saturated (>= 90% busy) {saturated:.0%} of the time"
