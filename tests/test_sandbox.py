"""The meeting pack the app offers is built in a sandboxed process: the server gets bytes or a refusal in words, never the build's memory."""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from console.guard import harden
from sandbox import pack

pytestmark = pytest.mark.slow  # the quick loop leaves it out (docs/testing.md)


def resident_mb() -> float:
    with open("/proc/self/statm", "rb") as statm:
        return int(statm.read().split()[1]) * 4096 / (1 << 20)


@pytest.fixture
def held(demo_db: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the demo database held open for writing, as the app holds its file."""
    path = tmp_path / "app.duckdb"
    shutil.copy(demo_db, path)
    con = duckdb.connect(str(path))
    harden(con)
    yield path
    con.close()


def test_the_workbook_is_made_in_a_process_of_its_own_on_a_snapshot(held: Path) -> None:
    before = resident_mb()
    made = pack.build(held, 2024, "all", "en", "xlsx")
    assert made[:2] == b"PK" and len(made) > 10_000  # an xlsx is a zip
    assert resident_mb() - before < 40  # the bytes, not the build
    assert not list(Path(tempfile.gettempdir()).glob("eit-pack-*"))  # its folder is gone


def test_a_pack_past_its_limits_is_stopped_and_said_in_both_languages(held: Path) -> None:
    started = time.monotonic()
    with pytest.raises(pack.PackFailed) as slow:
        pack.build(held, 2024, "all", "th", "pdf", timeout_s=0.5)
    assert slow.value.reason == "time" and time.monotonic() - started < 10
    assert "0.5" in slow.value.text("en") and re.search("[\u0e00-\u0e7f]", slow.value.text("th"))
    # 300 MB of address space cannot even hold its libraries: the limit is set before anything is imported.
    with pytest.raises(pack.PackFailed) as small:
        pack.build(held, 2024, "all", "en", "xlsx", memory_bytes=300 << 20)
    assert small.value.reason == "failed" and small.value.text("en") != small.value.text("th")
    assert pack._builds._value == pack.MAX_BUILDS  # every slot given back
