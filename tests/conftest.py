"""Shared fixtures: a real DuckDB file per test, CSV files written to disk, database fingerprints."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

# bcrypt at its lowest cost (2^4 rounds) in this process and in every app server and child process the tests
# start (they inherit the environment); store.accounts reads it at import, so it is set before anything imports
# it. Production leaves it unset and hashes at 12 (test_accounts.test_production_keeps_bcrypt_cost_12).
os.environ.setdefault("EIT_PASSWORD_COST", "4")

import duckdb
import pytest

from store.db import connect, init, private_files
from store.load import LoadReport, load_file
from store.tables import TABLES

SHARED = Path(__file__).resolve().parents[2] / "shared"
ROOT = Path(__file__).resolve().parents[1]
# Counts follow the shipped data, never a number written into a test: the criteria version and the seed checklist.
SHIPPED_INDICATORS = sum(1 for _ in (ROOT / "data" / "criteria" / "diw-2562.csv").open(encoding="utf-8")) - 1
SEED_EVIDENCE_ITEMS = sum(1 for _ in (ROOT / "data" / "reference" / "evidence.csv").open(encoding="utf-8")) - 1
BOUNDARIES = SHARED / "data" / "geo" / "saraburi_eit_subdistricts.geojson"

ESTABLISHMENTS = (
    "factory_id,name_th,kind,subdistrict_code,lat,lon,controlled_factory,registered_year,closed_year\n"
    "F1,โรงงานหนึ่ง,factory,190906,14.68,100.83,yes,2015,\n"
    "F2,โรงงานสอง,factory,191306,14.71,100.90,no,2015,\n"
    "M1,เหมืองหนึ่ง,mine,191306,14.72,100.91,no,2000,\n"
)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "eit.duckdb"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database as `store init` leaves a new file (every migration, the code lists, criteria, town and seeds),
    built once per session (per xdist worker): migrating and seeding costs ~1 s, a copy ~10 ms."""
    path = tmp_path_factory.mktemp("template") / "template.duckdb"
    connection, _, _ = init(path)
    connection.close()  # checkpointed: the file alone holds it all, no .wal beside it
    assert not Path(f"{path}.wal").exists()
    return path


@pytest.fixture
def con(db_path: Path, template_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh, initialised database file of this test's own (a copy of the template), opened for writing."""
    shutil.copyfile(template_db, db_path)
    private_files(db_path)
    connection = connect(db_path)
    yield connection
    connection.close()


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    def _write(text: str, name: str = "upload.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return _write


@pytest.fixture
def load(con: duckdb.DuckDBPyConnection, write: Callable[..., Path]) -> Callable[..., LoadReport]:
    def _load(table: str, text: str, encoding: str = "utf-8", name: str = "upload.csv") -> LoadReport:
        return load_file(con, table, write(text, name, encoding), loaded_by="tester")

    return _load


@pytest.fixture
def factories(load: Callable[..., LoadReport]) -> LoadReport:
    report = load("establishments", ESTABLISHMENTS)
    assert report.ok, report.problems
    return report


def fingerprint(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every upload table and of the batch log, to prove a rejected load wrote nothing."""
    with con.cursor() as cur:
        return {t: cur.execute("select * from " + t + " order by all").fetchall() for t in [*TABLES, "batches"]}


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real DuckDB file with the demo data set (~12 s to build), built once per test run: under pytest-xdist the
    first worker to ask builds it in the run's own folder, under a lock, and every worker copies it (a worker's
    tests may open their copy for writing, which a file shared between processes would not allow)."""
    import fcntl

    from store.accounts import set_public_read
    from store.demo import load_demo

    own = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    built = tmp_path_factory.getbasetemp().parent / "demo-built.duckdb" if worker else own  # the run's folder: no older run's
    with open(f"{built}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not built.exists():
            making = built.with_suffix(".making")
            connection, _, _ = init(making)
            load_demo(connection)
            set_public_read(connection, True, "tests")  # as scripts/run-app.sh opens the demo for reading
            connection.close()  # checkpointed: the file alone holds it all
            making.rename(built)
    if built != own:
        shutil.copyfile(built, own)
    return own


def _scan_installed_components_once() -> None:
    """Every AppTest's first run scans every installed distribution for Streamlit v2 component manifests (~0.5 s
    of CPU a test: half an AppTest page test). What is installed does not change during a test run, so one scan
    a process serves them all; a running app (`streamlit run`) still scans at its start, as in production."""
    import functools

    from streamlit.components.v2 import manifest_scanner

    scan = functools.cache(manifest_scanner.scan_component_manifests)
    manifest_scanner.scan_component_manifests = lambda max_workers=None: list(scan())  # type: ignore[assignment]


_scan_installed_components_once()


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    """Streamlit's caches are process-wide: clear them around each AppTest run."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, one per test module (browser tests only ask for it)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
