"""`python -m sandbox --memory BYTES --cpu SECONDS -- MODULE ARGS…`: set this process's hard limits, then run MODULE as `python -m MODULE ARGS…` would."""

from __future__ import annotations

import argparse
import resource
import runpy
import sys


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m sandbox")
    parser.add_argument("--memory", type=int, required=True, help="address space (RLIMIT_AS), bytes, for the whole process")
    parser.add_argument("--cpu", type=int, required=True, help="CPU seconds (RLIMIT_CPU): SIGXCPU then, a second later, SIGKILL")
    parser.add_argument("module")
    parser.add_argument("arguments", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    # Set before the module is imported: nothing it does escapes them, and they cannot be raised again.
    resource.setrlimit(resource.RLIMIT_AS, (args.memory, args.memory))
    resource.setrlimit(resource.RLIMIT_CPU, (args.cpu, args.cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # no core file of the data it held
    sys.argv = [args.module, *args.arguments]
    runpy.run_module(args.module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main(sys.argv[1:])
