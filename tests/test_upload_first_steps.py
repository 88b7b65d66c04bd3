"""First steps on the Upload page: each table's status, the examples as one set (demo in an empty database,
refused in a real one), and what a re-upload changed, row by row."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from lookup.profile import dataset_status
from metrics.engine import evaluate
from present.words import TEXT
from store.examples import FACTORY_TABLES, example_bytes, example_tables, is_example
from store.load import Diff, batch_changes, batch_diff, check_bytes, load_bytes, table_status
from store.parse import parse
from store.tables import TABLES
from tests.apps import app_as, copy_with_accounts
from tests.conftest import ESTABLISHMENTS, fingerprint
from tests.test_desk import upload

HEADER = "factory_id,name_th,kind,subdistrict_code,registered_year\n"


def establishments(rows: list[str]) -> bytes:
    return (HEADER + "".join(r + "\n" for r in rows)).encode("utf-8")


def test_status_per_table_after_loads(con, load):
    before = table_status(con)
    assert list(before["table_name"]) == list(TABLES)  # the order to load: establishments first
    assert before["load_order"].tolist() == list(range(1, len(TABLES) + 1))
    assert before.set_index("table_name").loc["establishments", "table_rows"] == 0
    assert before["last_batch"].isna().all()

    first = load("establishments", ESTABLISHMENTS)
    reports = load("annual_reports", "factory_id,year,production_qty,water_use_m3\nF1,2566,100,50\nF2,2023,200,80\n")
    assert first.ok and reports.ok
    status = table_status(con).set_index("table_name")
    assert status.loc["establishments", "table_rows"] == 3
    assert status.loc["establishments", "last_batch"] == first.batch_id
    assert status.loc["annual_reports", "table_rows"] == 2
    assert status.loc["annual_reports", "last_batch"] == reports.batch_id
    assert status.loc["annual_reports", "loaded_by"] == "tester"
    assert status.loc["annual_reports", "file_name"] == "upload.csv"
    assert pd.notna(status.loc["annual_reports", "loaded_at"])
    assert not status.loc["annual_reports", "is_demo"]
    assert status.loc["certifications", "table_rows"] == 0 and pd.isna(status.loc["certifications", "last_batch"])

    again = load("annual_reports", "factory_id,year,production_qty\nF1,2023,120\n")
    status = table_status(con).set_index("table_name")
    assert status.loc["annual_reports", "last_batch"] == again.batch_id
    assert status.loc["annual_reports", "loaded_batches"] == 2


def test_examples_are_one_set_where_every_reference_resolves():
    examples = example_tables()
    assert list(examples) == list(TABLES)
    factories = set(examples["establishments"]["factory_id"])
    assert factories and (examples["establishments"]["kind"] == "factory").all()
    for table in FACTORY_TABLES:
        named = set(examples[table]["factory_id"])
        assert named and named <= factories, (table, named - factories)
    for table, frame in examples.items():
        assert 0 < len(frame) <= 5, table
        assert is_example(table, parse(example_bytes(table), TABLES[table]).frame), table


def test_examples_load_cleanly_as_demo_into_an_empty_database(con):
    assert not dataset_status(con.cursor())["is_demo"]
    for table in TABLES:  # in the order the Upload page gives
        report = load_bytes(con, table, example_bytes(table), f"{table}_example.csv", loaded_by="analyst")
        assert report.ok, (table, [p.text() for p in report.problems])
        assert report.example
    with con.cursor() as cur:
        assert cur.execute("select count(*), bool_and(is_demo) from batches").fetchall() == [(len(TABLES), True)]
        assert dataset_status(cur)["is_demo"]  # the demo banner shows on every page
    assert table_status(con)["is_demo"].all()


def test_an_example_saved_again_by_excel_is_still_the_example(con):
    data = example_bytes("evidence").decode("utf-8-sig").replace("\n", "\r\n").encode("utf-8")  # no BOM, CRLF
    report, _ = check_bytes(con, "evidence", data, "evidence_example.csv")
    assert report.example and not report.problems


def test_examples_are_refused_in_a_real_database(con, load, factories):
    card = evaluate(con.cursor(), 2023, "all").result("18.1.1")
    before = fingerprint(con)
    for table in ("evidence", "establishments", "green_areas"):
        report = load_bytes(con, table, example_bytes(table), f"{table}_example.csv", loaded_by="analyst")
        assert not report.ok
        assert [p.rule for p in report.problems] == ["example_into_real_data"], table
        assert "ข้อมูลจริง" in report.problems[0].text("th") and "real data" in report.problems[0].text("en")
    assert fingerprint(con) == before  # nothing written
    assert evaluate(con.cursor(), 2023, "all").result("18.1.1").value == card.value
    assert not dataset_status(con.cursor())["is_demo"]


def test_a_real_file_is_not_an_example(con, factories):
    report, _ = check_bytes(con, "annual_reports", b"factory_id,year,production_qty\nF1,2023,100\n", "mine.csv")
    assert not report.example and not report.problems


def test_a_reupload_with_two_changed_rows_reports_two_changed_with_the_list(con):
    rows = [f"F{i:02d},โรงงาน {i},factory,190906,{2000 + i}" for i in range(24)]
    first = load_bytes(con, "establishments", establishments(rows), "factories.csv", loaded_by="analyst")
    assert first.ok and (first.inserted, first.replaced) == (24, 0)
    assert batch_diff(con, first.batch_id) == Diff(added=24, replaced=0, changed=0, not_in_file=0)

    edited = list(rows)
    edited[3] = "F03,โรงงาน สาม,factory,190906,2003"  # a name corrected
    edited[5] = "F05,โรงงาน 5,factory,191306,2005"  # moved to the other subdistrict
    second = load_bytes(con, "establishments", establishments(edited), "factories.csv", loaded_by="analyst")
    assert second.ok
    assert (second.inserted, second.replaced) == (0, 24)  # what the batch log says: every key came again
    diff = batch_diff(con, second.batch_id)
    assert diff == Diff(added=0, replaced=24, changed=2, not_in_file=0) and diff.unchanged == 22

    changes = batch_changes(con, second.batch_id)
    assert changes[["factory_id", "change", "column_name", "before", "after"]].values.tolist() == [
        ["F03", "changed", "name_th", "โรงงาน 3", "โรงงาน สาม"],
        ["F05", "changed", "subdistrict_code", "190906", "191306"],
    ]


def test_a_reupload_says_what_it_added_and_what_it_lacks(con):
    rows = [f"F{i:02d},โรงงาน {i},factory,190906,2010" for i in range(5)]
    assert load_bytes(con, "establishments", establishments(rows), "a.csv").ok
    third = load_bytes(con, "establishments", establishments([*rows[:4], "F99,ใหม่,factory,190906,2020"]), "a.csv")
    assert batch_diff(con, third.batch_id) == Diff(added=1, replaced=4, changed=0, not_in_file=1)
    changes = batch_changes(con, third.batch_id)
    assert changes[["factory_id", "change"]].values.tolist() == [["F04", "not_in_file"], ["F99", "added"]]
    with con.cursor() as cur:  # a load deletes nothing: the row the file lacks is still there
        assert cur.execute("select count(*) from establishments").fetchall() == [(6,)]


@pytest.fixture
def db(demo_db, tmp_path):
    """A private copy of the demo database with an analyst (as tests/test_desk.py's), closed to readers: the app opens
    on the sign-in form."""
    return copy_with_accounts(demo_db, tmp_path / "desk.duckdb", {"ana": "analyst"}, readers_may_read=False)


REUPLOAD = (
    "project_id,name,system,subdistrict_code,year,status,eco_design,budget_thb\n"
    "INF-01,ปรับปรุงถนนสายเขาวง-พระพุทธบาท พร้อมทางเท้าและไม้ยืนต้น (สาธิต),road,190906,2020,completed,yes,19000000\n"
    "INF-02,ไฟถนนพลังงานแสงอาทิตย์ ต.หน้าพระลาน (สาธิต),electricity,191306,2021,completed,yes,6200000\n"
)


@pytest.mark.usefixtures("fresh_caches")
def test_the_upload_page_shows_each_tables_status_and_what_a_reupload_changed(db, monkeypatch):
    at = app_as(db, monkeypatch, "ana")
    at.switch_page("app_pages/upload.py").run()
    status = at.table[0].value
    assert list(status["Order"]) == [str(n) for n in range(1, len(TABLES) + 1)]
    first = status.iloc[0]
    assert (first["Table"], first["Rows now"], first["By"], first["Demo"]) == (
        "Establishments (factories and mines)",
        "190",
        "demo",
        "demo",
    )
    upload(at, "projects.csv", REUPLOAD.encode("utf-8"))
    next(b for b in at.button if b.label == "Confirm and load").click().run()
    assert not at.exception, at.exception
    said = [i.value for i in at.info]
    assert any("0 added, 1 changed, 1 unchanged, 9 not in this file" in s for s in said), said
    changes = at.dataframe[-1].value
    changed = changes[changes["column_name"].notna()]
    assert changed[["project_id", "column_name", "before", "after"]].values.tolist() == [["INF-01", "budget_thb", "18500000", "19000000"]]
    assert sorted(changes[changes["column_name"].isna()]["project_id"]) == [f"INF-{i:02d}" for i in range(3, 12)]


def test_in_thai_a_reupload_lists_changed_years_in_the_buddhist_era(db, monkeypatch):
    """The change list says its years and dates in the page's calendar, as the preview does: INF-01 moved from 2020
    to 2021 reads 2563 → 2564 in Thai (the file's 2564 is BE, stored CE)."""
    at = app_as(db, monkeypatch, "ana", lang="th")
    moved = REUPLOAD.replace("road,190906,2020,", "road,190906,2564,").replace(",191306,2021,", ",191306,2564,")
    upload(at, "projects.csv", moved.encode("utf-8"))
    next(b for b in at.button if b.label == TEXT["confirm_load"].th).click().run()
    assert not at.exception, at.exception
    changes = at.dataframe[-1].value
    changed = changes[changes["column_name"].notna()]
    rows = changed[["project_id", "column_name", "before", "after"]].values.tolist()
    assert ["INF-01", "year", "2563", "2564"] in rows and ["INF-02", "year", "2564", "2564"] not in rows, rows


@pytest.mark.usefixtures("fresh_caches")
@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_quality_page_runs_for_an_analyst(db, monkeypatch, lang):
    at = app_as(db, monkeypatch, "ana")
    at.session_state["lang_radio"] = lang
    at.switch_page("app_pages/quality.py").run()
    assert not at.exception, at.exception
    assert [t.value for t in at.main.title] == [TEXT["page_quality"].say(lang)]
    assert any(TEXT["valid_certificate_rule"].say(lang) == i.value for i in at.info)


@pytest.fixture(scope="module")
def served_desk(demo_db, tmp_path_factory):
    """The demo database, closed to readers, with an analyst, served by `streamlit run server.py`."""
    from tests.browser import running_app

    folder = tmp_path_factory.mktemp("first_steps")
    path = copy_with_accounts(demo_db, folder / "desk.duckdb", {"ana": "analyst"}, BROWSER_PASSWORD, readers_may_read=False)
    (folder / "projects.csv").write_text(REUPLOAD, encoding="utf-8-sig")
    with running_app(path) as url:
        yield url, folder


BROWSER_PASSWORD = "analyst-password-1"


@pytest.mark.browser
def test_in_thai_the_upload_page_shows_status_and_a_reupload_and_the_quality_page_its_lists(served_desk, browser):
    from tests.browser import screenshot, sign_in, wait_ready

    url, folder = served_desk
    page = browser.new_page(viewport={"width": 1400, "height": 1800})
    page.goto(url + "/")
    wait_ready(page)
    sign_in(page, "ana", BROWSER_PASSWORD, "th", lands_on="ภาพรวมตัวชี้วัด")

    page.get_by_role("link", name=TEXT["page_upload"].th).click()
    page.get_by_role("heading", name=TEXT["page_upload"].th, exact=True).wait_for(timeout=60_000)
    wait_ready(page)
    screenshot(page, "upload_status_th")
    status = page.locator('[data-testid="stTable"]').first
    status.wait_for(timeout=60_000)
    rows = status.locator("tr")
    assert rows.count() == len(TABLES) + 1, status.inner_html()[:3000]  # the header and one row per table
    rows = status.locator("tr").filter(has_not=page.locator("th[scope=col]"))
    first = rows.first.inner_text()
    assert "สถานประกอบการ (โรงงานและเหมือง)" in first and "190" in first and "demo" in first and "สาธิต" in first
    assert re.search(r"\d{1,2} [ก-๙.]+ 25\d\d \d\d:\d\d", first)  # when, in the Buddhist era
    assert TEXT["load_order_help"].th[:30] in page.locator('[data-testid="stMain"]').inner_text()

    page.locator('input[type="file"]').set_input_files(str(folder / "projects.csv"))
    page.get_by_text(TEXT["ready_to_load"].th).wait_for(timeout=60_000)
    wait_ready(page)
    page.get_by_role("button", name=TEXT["confirm_load"].th).click(timeout=60_000)
    page.get_by_text("เทียบกับข้อมูลเดิม").wait_for(timeout=60_000)
    wait_ready(page)
    screenshot(page, "upload_reupload_th")
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert "เพิ่มใหม่ 0 แถว เปลี่ยนแปลง 1 แถว เหมือนเดิม 1 แถว ไม่อยู่ในไฟล์นี้ 9 แถว" in main
    assert page.get_by_role("button", name=TEXT["download_csv"].th).count() >= 1, main  # the list of changes

    page.get_by_role("link", name=TEXT["page_quality"].th).click()
    page.get_by_role("heading", name=TEXT["page_quality"].th, exact=True).wait_for(timeout=60_000)
    wait_ready(page)
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert TEXT["quality_coverage"].th in main and "รายงานประจำปีที่ขาด (" in main and "ข้อมูลหลังเลิกกิจการ (" in main
    assert TEXT["demo_banner"].th in main
    screenshot(page, "quality_coverage_th")
    tabs = (
        ("รายงานประจำปีที่ขาด", "quality_missing_th"),
        ("ค่าที่ควรตรวจสอบ", "quality_implausible_th"),
        ("ข้อมูลหลังเลิกกิจการ", "quality_after_closure_th"),
        ("ใบรับรองที่ใช้ได้", "quality_certificates_th"),
    )
    for tab, name in tabs:
        page.get_by_role("tab", name=re.compile(tab)).click()
        wait_ready(page)
        screenshot(page, name)
    assert TEXT["valid_certificate_rule"].th[:40] in page.locator('[data-testid="stMain"]').inner_text()

    page.get_by_role("link", name=TEXT["page_upload"].th).click()
    page.get_by_role("heading", name=TEXT["page_upload"].th, exact=True).wait_for(timeout=60_000)
    wait_ready(page)
    page.locator('[data-testid="stSelectbox"]').filter(has_text=TEXT["choose_table"].th).click()
    page.get_by_role("option", name=re.compile("annual_reports")).click()
    wait_ready(page)
    page.get_by_text(TEXT["column_guide"].th, exact=True).click()
    wait_ready(page)
    screenshot(page, "upload_column_guide_th")
    page.close()


@pytest.mark.usefixtures("fresh_caches")
def test_the_column_guide_gives_numeric_rules_and_the_preview_reads_be_in_thai(db, monkeypatch):
    at = app_as(db, monkeypatch, "ana")
    at.switch_page("app_pages/upload.py").run()
    next(s for s in at.selectbox if s.label == "Target table").set_value("annual_reports").run()
    guide = next(d.value for d in at.dataframe if "rules" in d.value.columns).set_index("column")["rules"]
    assert guide["water_use_m3"] == "≥ 0; unit: m³"
    assert guide["production_qty"] == "> 0"
    assert guide["waste_3r_t"] == "≥ 0; unit: tonnes (t); at most waste_generated_t"
    assert guide["year"] == "a CE or BE year (2400 and above is BE, converted)"
    at.session_state["lang_radio"] = "th"
    at.run()
    upload(at, "projects.csv", b"project_id,name,system,subdistrict_code,year,status\nINF-99,x,road,190906,2567,planned\n")
    preview = next(d.value for d in at.dataframe if "project_id" in d.value.columns)
    assert preview["year"].tolist() == ["2567"]  # stored as 2024 CE, shown in BE as every Thai screen
