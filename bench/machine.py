"""The machine a benchmark ran on, printed beside its figures (with the load average: figures from a busy machine are not comparable)."""

from __future__ import annotations

import os
import platform
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
