"""Start `python -m MODULE ARGS…` under sandbox's limits and end it with SIGKILL at its wall-clock limit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_module(module: str, arguments: list[str], *, memory_bytes: int, cpu_s: int, timeout_s: float) -> subprocess.CompletedProcess[str]:
    """Run a module in a fresh interpreter (never a fork of the server's threads) whose address space and CPU
    time are capped before the module is imported; raises subprocess.TimeoutExpired after killing it at
    timeout_s. Its output is the caller's to bound: keep it to a few lines."""
    command = [sys.executable, "-E", "-s", "-m", "sandbox", "--memory", str(memory_bytes), "--cpu", str(cpu_s), module, *arguments]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout_s, stdin=subprocess.DEVNULL)
