"""The engine's `python -m metrics scorecard` agrees with bench.baseline, an independent pandas reading of SPEC §3–4."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest

from bench import baseline
from bench.generate import TABLE_ORDER, generate
from store.db import init
from store.demo import YEARS as DEMO_YEARS
from store.load import load_file

pytestmark = pytest.mark.slow  # the quick loop leaves it out (docs/testing.md)

ROOT = Path(__file__).resolve().parents[1]
AREAS = baseline.AREAS
GENERATED_ESTABLISHMENTS = 300
GENERATED_YEARS = range(2015, 2025)
# A sample of the generated years, to keep the test under a minute: 2015 has no Y-1 and no green areas or
# surveys (no data), 2016 has them for one subdistrict only, then ordinary years that differ in their checklist.
GENERATED_SAMPLE = (2015, 2016, 2017, 2021, 2023, 2024)
CASES = [("demo", y, a) for y in DEMO_YEARS for a in AREAS] + [("generated", y, a) for y in GENERATED_SAMPLE for a in AREAS]
# Evidence checklists of two more fiscal years (BE) beside the seed's FY 2565 (all missing): 18.1.1 reads FY Y+543,
# else the latest earlier one (this wave's SPEC change), so 2021 carries FY 2563 forward, 2023 the seed's, 2024 its own.
EVIDENCE = """fiscal_year,indicator_code,item_no,description_th,status
2563,18.1.1,1,คำสั่งแต่งตั้งคณะทำงาน,ready
2563,18.1.1,2,แผนการดำเนินงาน,ready
2563,18.1.1,3,รายงานการประชุม,ready
2567,18.1.1,1,คำสั่งแต่งตั้งคณะทำงาน,ready
2567,18.1.1,2,แผนการดำเนินงาน,ready
2567,18.1.1,3,รายงานการประชุม,in_progress
2567,19.1.1,1,ข้อมูลโรงงาน GI,missing
"""

Card = dict[str, Any]


@pytest.fixture(scope="module")
def databases(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo data set (a private copy: other tests open the shared one for writing) and a generated one."""
    folder = tmp_path_factory.mktemp("baseline")
    demo = folder / "demo.duckdb"
    shutil.copy(demo_db, demo)
    generate(GENERATED_ESTABLISHMENTS, GENERATED_YEARS, folder)
    generated = folder / "generated.duckdb"
    con, _, _ = init(generated)
    (folder / "evidence.csv").write_text(EVIDENCE, encoding="utf-8")
    for table in (*TABLE_ORDER, "evidence"):
        report = load_file(con, table, folder / f"{table}.csv", loaded_by="tests")
        assert report.ok, (table, [p.text() for p in report.problems[:5]])
    con.close()
    return {"demo": demo, "generated": generated}


def engine_card(db: Path, year: int, area: str) -> Card:
    out = subprocess.run(
        [sys.executable, "-m", "metrics", "scorecard", "--db", str(db), "--year", str(year), "--area", area, "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def tables(databases: dict[str, Path]) -> dict[str, dict[str, pd.DataFrame]]:
    out = {}
    for name, db in databases.items():
        con = duckdb.connect(str(db), read_only=True)
        out[name] = baseline.read_tables(con)
        con.close()
    return out


@pytest.fixture(scope="module")
def engine_cards(databases: dict[str, Path]) -> dict[tuple[str, int, str], Card]:
    """Every case's engine scorecard, run as the CLI; in parallel, since each run is mostly process start-up."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        futures = {case: pool.submit(engine_card, databases[case[0]], case[1], case[2]) for case in CASES}
        return {case: f.result() for case, f in futures.items()}


def agrees(engine: float | None, exact: float | None, decimals: int) -> bool:
    """The engine prints `decimals` places: it agrees when it is the rounding of the exact figure, within 1e-6 relative."""
    if engine is None or exact is None:
        return engine is None and exact is None
    return abs(engine - exact) <= 0.5 * 10**-decimals + 1e-6 * abs(exact)


def differences(engine: Card, base: Card) -> list[str]:
    """Each indicator whose status, value, numerator or denominator differ, as readable lines."""
    ours = {i["code"]: i for i in base["indicators"]}
    out = []
    for e in engine["indicators"]:
        b = ours[e["code"]]
        if e["status"] != b["status"]:
            out.append(f"{e['code']} status: engine {e['status']}, baseline {b['status']}")
        for key, decimals in (("value", 2), ("numerator", 4), ("denominator", 4)):
            if not agrees(e[key], b[key], decimals):
                out.append(f"{e['code']} {key}: engine {e[key]}, baseline {b[key]}")
    return out


@pytest.mark.parametrize(("dataset", "year", "area"), CASES)
def test_engine_agrees_with_baseline(dataset, year, area, engine_cards, tables):
    engine = engine_cards[(dataset, year, area)]
    base = baseline.scorecard(tables[dataset], year, area, rounded=False)
    assert (engine["year"], engine["area"]) == (year, area)
    assert [(i["code"], i["level"], i["threshold"], i["provisional"]) for i in engine["indicators"]] == [
        (i["code"], i["level"], i["threshold"], i["provisional"]) for i in base["indicators"]
    ]
    assert differences(engine, base) == []
    assert (engine["town_level"], engine["levels"]) == (base["town_level"], base["levels"])
