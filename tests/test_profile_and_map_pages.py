"""The establishment profile and the map's location checks from the entry point (AppTest): the picker follows the
sidebar's area, indicator names are whole, practices after a closure are said to postdate it, checks show names."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from store.geo import load_boundaries
from tests.conftest import BOUNDARIES

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.usefixtures("fresh_caches")
NA_PHRA_LAN = "191306"


def opened(db: Path, monkeypatch: pytest.MonkeyPatch, page: str, **params: str) -> AppTest:
    monkeypatch.setenv("EIT_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["lang"] = "th"
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture
def demo(demo_db: Path, tmp_path: Path) -> Path:
    """A copy of the demo per test: the app's connection to a file outlives the test's caches."""
    return Path(shutil.copy(demo_db, tmp_path / "demo.duckdb"))


def test_the_profile_picker_follows_the_sidebar_area_and_keeps_a_linked_one(demo, monkeypatch):
    there = {r[0] for r in rows(demo, f"select factory_id from establishments where subdistrict_code = '{NA_PHRA_LAN}'")}
    elsewhere = rows(demo, f"select min(factory_id) from establishments where subdistrict_code <> '{NA_PHRA_LAN}'")[0][0]
    at = opened(demo, monkeypatch, "app_pages/establishment.py", area=NA_PHRA_LAN)
    picked = {option.split(" · ")[0] for option in at.selectbox(key="profile_th").options}
    assert picked == there
    at = opened(demo, monkeypatch, "app_pages/establishment.py", area=NA_PHRA_LAN, id=str(elsewhere))
    assert at.selectbox(key="profile_th").value == elsewhere  # a link to an establishment elsewhere still opens it
    assert not [w for w in at.warning if str(elsewhere) in w.value]


def test_indicator_names_are_whole_and_practices_after_a_closure_are_said(demo, monkeypatch):
    ((factory, closed),) = rows(demo, "select factory_id, closed_year from establishments where factory_id = 'DEMO-F017'")
    names = set(rows(demo, "select name_th from indicators"))
    later = [
        str(y + 543)
        for (y,) in rows(demo, f"select distinct year from practices where factory_id = '{factory}' and year > {closed} order by 1")
    ]
    assert later
    at = opened(demo, monkeypatch, "app_pages/establishment.py", id="DEMO-F003", year="2566")
    shown = at.table[0].value
    indicator_column = shown.columns[1]
    assert len(shown) > 0 and all((name.replace("\\", ""),) in names for name in shown[indicator_column]), shown
    at = opened(demo, monkeypatch, "app_pages/establishment.py", id=str(factory), year="2567")
    note = f"† ปี {', '.join(later)} บันทึกหลังสถานประกอบการเลิกกิจการ (พ.ศ. {int(closed) + 543}) แสดงตามที่รายงาน"
    assert note in [c.value for c in at.main.caption]
    practices = next(d.value for d in at.dataframe if d.value.index.name == "มาตรการรายปี")
    assert [c for c in practices.columns if c.endswith(" †")] == [f"{y} †" for y in later]


def test_location_checks_name_each_establishment(demo, monkeypatch):
    db = demo
    con = duckdb.connect(str(db))
    load_boundaries(con, BOUNDARIES)
    con.close()
    names = dict(rows(db, "select factory_id, name_th from establishments"))
    at = opened(db, monkeypatch, "app_pages/map.py")
    tables = [t.value for t in at.table] + [d.value for d in at.dataframe]
    checked = [frame for frame in tables if "ชื่อ" in frame.columns and "เลขทะเบียน" in frame.columns]
    assert checked, [list(f.columns) for f in tables]
    for frame in checked:
        for fid, name in zip(frame["เลขทะเบียน"], frame["ชื่อ"], strict=True):
            assert names[str(fid).replace("\\", "")] in str(name).replace("\\", ""), (fid, name)


@pytest.mark.parametrize("value", ["<script>alert(1)</script>", "\"'><img src=x onerror=alert(1)>", 'โรงงาน <ปูน> & "หิน"'])
def test_the_identity_cards_template_keeps_hostile_values_text(value):

    from present.jinja import environment

    escape = environment("profile").from_string("{{ value }}").render
    cards = [{"label": value, "value": value, "tone": "eit-pass", "note": value}, {"label": value, "value": value, "note": value}]
    html = environment("profile").get_template("identity_cards.html").render(cards=cards)
    assert value not in html and html.count(escape(value=value)) == 6
    assert "<script" not in html and "<img" not in html and html.count('<span class="eit-badge eit-pass">') == 1
