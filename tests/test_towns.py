"""A town as configuration: the Saraburi default, a second town (Map Ta Phut, Rayong) set up from its file with
its real subdistrict codes, its demo scored by subdistrict and as a whole, on screen, in the CLI and the pack."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from store.db import init
from store.load import LoadReport
from store.towns import TOWNS_DIR, TownRefused, read_town

ROOT = Path(__file__).resolve().parents[1]
RAYONG = TOWNS_DIR / "rayong-map-ta-phut.toml"
RAYONG_BOUNDARIES = ROOT.parent / "shared" / "data" / "geo" / "rayong_map_ta_phut_subdistricts.geojson"
RAYONG_CODES = ["210109", "210111", "210113", "210114"]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def test_the_default_town_is_saraburi_with_names_from_geothai(con: duckdb.DuckDBPyConnection) -> None:
    with con.cursor() as cur:
        subs = cur.execute("select subdistrict_code, name_th, name_en, district_en, area_m2 from subdistricts order by 1").fetchall()
        town = cur.execute("select town_id, province_en from town").fetchall()
    assert subs == [
        ("190906", "เขาวง", "Khao Wong", "Phra Phutthabat", 27_992_873.0),
        ("191306", "หน้าพระลาน", "Na Phra Lan", "Chaloem Phra Kiat", 61_972_685.0),
    ]  # SPEC §2's codes and areas
    assert town == [("saraburi", "Saraburi")]


def test_a_town_file_with_an_unknown_code_or_no_area_is_refused(tmp_path: Path) -> None:
    text = RAYONG.read_text(encoding="utf-8")
    bad_code = tmp_path / "bad.toml"
    bad_code.write_text(text.replace('code = "210109"', 'code = "219999"'), encoding="utf-8")
    with pytest.raises(TownRefused, match="'219999' is not a subdistrict code of Thailand"):
        read_town(bad_code)
    no_area = tmp_path / "no_area.toml"
    no_area.write_text(text.replace("area_m2 = 33855457", ""), encoding="utf-8")
    with pytest.raises(TownRefused, match="subdistrict 210109 needs its area"):
        read_town(no_area)


def test_a_town_cannot_drop_a_subdistrict_its_data_uses(db_path: Path, factories: LoadReport) -> None:
    con, _, _ = init(db_path)
    con.close()
    with pytest.raises(TownRefused, match="establishments has rows in subdistricts 190906, 191306"):
        init(db_path, RAYONG)
    con, _, _ = init(db_path)
    with con.cursor() as cur:
        assert [r[0] for r in cur.execute("select subdistrict_code from subdistricts order by 1").fetchall()] == ["190906", "191306"]
    con.close()


@pytest.fixture(scope="module")
def rayong_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Map Ta Phut set up as an office would: init with the town file, its COD-AB boundaries, the demo."""
    from store.accounts import set_public_read
    from store.demo import load_demo
    from store.geo import load_boundaries

    path = tmp_path_factory.mktemp("rayong") / "rayong.duckdb"
    con, _, _ = init(path, RAYONG)
    load_boundaries(con, RAYONG_BOUNDARIES)
    load_demo(con)
    set_public_read(con, True, "tests")
    con.close()
    return path


@pytest.mark.slow
def test_the_second_town_scores_each_subdistrict_and_the_whole(rayong_db: Path) -> None:
    cards = {}
    for area in ["all", *RAYONG_CODES]:
        done = run("-m", "metrics", "scorecard", "--db", str(rayong_db), "--year", "2566", "--area", area, "--format", "json")
        assert done.returncode == 0, done.stderr
        cards[area] = {i["code"]: i for i in json.loads(done.stdout)["indicators"]}
    for code in ("19.1.1", "5.1.1", "7.1.1", "1.1.1", "15.1.1"):  # the whole is the sum of its four subdistricts
        assert cards["all"][code]["numerator"] == sum(cards[a][code]["numerator"] for a in RAYONG_CODES), code
    for code in ("19.1.1", "5.1.1", "7.1.1"):  # the demo's establishments are dealt over every subdistrict
        assert all(cards[a][code]["denominator"] for a in RAYONG_CODES), code
    refused = run("-m", "metrics", "scorecard", "--db", str(rayong_db), "--year", "2566", "--area", "190906")
    assert refused.returncode == 2 and "210109, 210111, 210113, 210114" in refused.stderr


def test_the_second_towns_demo_lies_inside_its_subdistricts_and_names_them(rayong_db: Path) -> None:
    from store.geo import location_check, stored_boundaries

    con = duckdb.connect(str(rayong_db), read_only=True)
    with con.cursor() as cur:
        est = cur.execute("select factory_id, name_th, subdistrict_code, lat, lon from establishments").df()
        green = [r[0] for r in cur.execute("select name from green_areas").fetchall()]
        check = location_check(est, stored_boundaries(cur))
    con.close()
    assert set(check["status"]) == {"ok"}, check[check["status"] != "ok"]
    assert not any("เขาวง" in n or "หน้าพระลาน" in n for n in [*green, *est["name_th"].dropna()])
    assert any("เนินพระ" in n for n in green) and any("ทับมา" in n for n in green) and all("(สาธิต)" in n for n in green)


@pytest.mark.slow
def test_the_second_towns_pages_and_pack(rayong_db: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fresh_caches: None) -> None:
    monkeypatch.setenv("EIT_DB", str(rayong_db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["lang"] = "en"
    at.run()
    assert not at.exception, at.exception
    area = next(s for s in at.sidebar.selectbox if s.label == "Area")
    assert list(area.options)[1:] == ["Noen Phra (210109)", "Thap Ma (210111)", "Huai Pong (210113)", "Map Ta Phut (210114)"]
    at.switch_page("app_pages/indicator.py").run()
    assert not at.exception, at.exception
    assert {m.label.replace("\\", "") for m in at.metric} >= {
        "Noen Phra (210109)",
        "Thap Ma (210111)",
        "Huai Pong (210113)",
        "Map Ta Phut (210114)",
    }
    out = tmp_path / "pack.xlsx"
    done = run(
        "-m", "metrics", "report", "--db", str(rayong_db), "--year", "2566", "--area", "210114", "--format", "xlsx", "--out", str(out)
    )
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 10_000


def test_a_new_town_has_no_saraburi_plan(tmp_path: Path, load: Callable[..., LoadReport]) -> None:
    con, _, _ = init(tmp_path / "new.duckdb", RAYONG)
    with con.cursor() as cur:
        assert cur.execute("select count(*) from activities").fetchall() == [(0,)]
        assert cur.execute("select count(*) from evidence").fetchall() == [(0,)]
        assert cur.execute("select name_en from town").fetchall() == [("Map Ta Phut Eco-Industrial Town, Rayong",)]
    con.close()
