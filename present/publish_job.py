"""The admin page's publish job: `python -m present.publish_job ARGS…` runs `metrics publish ARGS…` in its own
process under hard limits, so that building the site (charts, pages, open data) cannot starve the app's readers
of the server's cores or memory; the page adds a wall-clock limit and kills the job when it is reached."""

from __future__ import annotations

import os
import resource
import sys

CPU_SECONDS = 300  # the demo's whole site takes ~15 CPU-s
# Measured on the demo: peak address space 2.6 GiB (mostly the reserved stacks of DuckDB's and the engine's
# threads), resident 0.28 GiB. Beyond the limit an allocation fails with an error instead of swapping the server.
ADDRESS_SPACE = 6 * 1024**3
NICENESS = 10  # below the app's own threads


def limit() -> None:
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS + 1))
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    os.nice(NICENESS)


def main(argv: list[str]) -> int:
    limit()
    from metrics.__main__ import main as metrics_main

    return metrics_main(["publish", *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
