"""The committee's brief (issue 27): the meeting pack's pages 1-4 are the cover and the decisions, then a table of
contents and a bounded annex; the workbook has every row, a cover sheet, number formats, Buddhist-era dates in Thai,
a filter and A4 print set-up on every sheet. On the real demo database, read back with pypdf and openpyxl."""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from metrics import gaps
from present import report
from present.report import ANNEX_ROWS, gather, pdf_bytes, workbook_bytes
from store import meeting as meetings
from store.db import connect
from store.export import AsOf
from tests.apps import app_as, copy_with_accounts
from tests.browser import artifact

pytestmark = pytest.mark.slow  # the quick loop leaves it out (docs/testing.md)

ROOT = Path(__file__).resolve().parents[1]
MEETING = {
    "agency": "สำนักงานอุตสาหกรรมจังหวัดสระบุรี (ฝ่ายเมืองนิเวศ)",
    "title": "การประชุมคณะกรรมการพัฒนาเมืองอุตสาหกรรมเชิงนิเวศจังหวัดสระบุรี",
    "number": "2/2567",
    "agenda_item": "วาระที่ 3.1 ผลการประเมินตัวชี้วัด",
}
TODAY = dt.date(2024, 10, 15)  # after fiscal year 2567 ended: its unfinished activities are late


MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")  # Thai vowels above and below, tone marks


def pages(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Text as compared here: without line breaks and spaces (a table cell wraps where the page is narrow), and with
    Thai read the way pypdf reads the embedded font back (it maps some glyphs to a neighbour: sara aa as sara am,
    sara uu as a tone mark), so without the marks above and below and with sara am as sara aa."""
    return MARKS.sub("", re.sub(r"\s+", "", text)).replace("\u0e33", "\u0e32")


@pytest.fixture(scope="module")
def meeting_db(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database with the meeting of fiscal year 2567 typed in by an analyst."""
    path = tmp_path_factory.mktemp("brief") / "brief.duckdb"
    shutil.copy(demo_db, path)
    con = connect(path)
    assert meetings.save(con, 2567, MEETING, "ana") == 4
    con.close()
    return path


@pytest.fixture(scope="module")
def pack(meeting_db: Path) -> report.ReportData:
    con = duckdb.connect(str(meeting_db), read_only=True)
    with con.cursor() as cur:
        data = gather(cur, 2024, "all", today=TODAY)
    con.close()
    return data


def pdf_pages(pack: report.ReportData, lang: str) -> list[str]:
    """The pack's PDF in `lang`, page by page as text (kept in tests/artifacts/ when screenshots are on)."""
    pdf = pdf_bytes(pack, lang)
    kept = artifact(f"brief_{lang}.pdf")
    if kept is not None:
        kept.write_bytes(pdf)
    return pages(pdf)


@pytest.fixture(scope="module")
def thai_pdf(pack: report.ReportData) -> list[str]:
    return pdf_pages(pack, "th")


@pytest.fixture(scope="module")
def english_pdf(pack: report.ReportData) -> list[str]:
    return pdf_pages(pack, "en")


def brief_of(text_pages: list[str]) -> str:
    return "\n".join(text_pages[:4])


def test_the_cover_says_the_meeting_the_year_the_area_the_version_the_data_and_the_verdicts(pack, thai_pdf):
    cover = flat(thai_pdf[0])
    for value in MEETING.values():
        assert flat(value) in cover, value
    assert flat("พ.ศ. 2567 (ปีปฏิทิน)") in cover and flat("ปีงบประมาณ 2567") in cover
    assert flat("ทั้งเมือง (ทุกตำบลของเมืองอุตสาหกรรมเชิงนิเวศ)") in cover
    assert flat("ประเมินตามเกณฑ์ฉบับ diw-2562") in cover
    assert flat("ข้อมูลสาธิต ณ 7") in cover or flat("ข้อมูลสาธิต ณ") in cover
    assert flat("ชุดนำเข้า") not in cover  # a date, never a batch number
    assert flat("ยังไม่ผ่านระดับ 1") in cover
    for n, name in ((1, "การมีส่วนร่วม"), (2, "การส่งเสริม"), (3, "ประสิทธิภาพในการใช้ทรัพยากร")):
        assert flat(f"ระดับ {n} {name}") in cover
    assert cover.count(flat("ไม่ผ่าน")) >= 3  # each level's verdict


def test_pages_2_to_4_hold_every_decision(pack, thai_pdf):
    brief = flat(brief_of(thai_pdf))
    failing = [r for r in pack.card.results if r.status != "pass"]
    assert {r.code for r in failing} == {"18.1.1", "7.1.1", "7.2.2"}
    for r in failing:
        assert flat(f"{r.code} {r.indicator.name('th')}") in brief, r.code
    assert flat("ต้องการสถานประกอบการผ่านเกณฑ์เพิ่มอีก 11 แห่ง") in brief  # 7.1.1's gap in its unit
    assert flat("ต้องการโรงงานเพิ่มอีก 2 แห่ง") in brief  # 7.2.2's
    # The establishments that fail, named, with what failed, the value and the limit, failing first.
    effluent = pack.indicators["7.1.1"].behind.head
    first = effluent[~effluent["counted"].astype(bool)].iloc[0]
    assert flat(str(first["name_th"])) in brief and first["entity_id"] in brief
    assert flat("TDS ≤ 3000 mg/L") in brief and flat("TDS 3896.49 mg/L") in brief
    worsened = pack.indicators["7.2.2"].behind.head.iloc[0]
    assert worsened["reason"] == "worsened" and flat(str(worsened["name_th"])) in brief
    # Who could close each gap, named, as metrics.gaps ranks them.
    for code in ("7.1.1", "7.2.2", "18.1.1"):
        found = pack.indicators[code].candidates
        assert found, code
        assert found[0].entity_id in brief, code
    assert flat("ใกล้เกณฑ์") in brief
    # Evidence not ready, by agency, with the date it is due; late activities.
    open_items = pack.evidence[pack.evidence["status"] != "ready"]
    for agency in open_items["responsible"].dropna().unique():
        assert flat(agency) in brief, agency
    assert flat("กำหนด 30 ก.ย. 2567") in brief and flat("เลยกำหนดแล้ว") in brief
    late = pack.activities[pack.activities["progress"] == "late"]
    assert len(late) == 3
    for title in late["title_th"]:
        assert flat(title) in brief
    assert flat("ล่าช้า 137 วัน") in brief  # 1.3 ended 31 May 2024, 137 days before 15 Oct 2024
    # What it takes for every level up to 3, not only the next.
    assert all(flat(f"ระดับ {n}") in brief for n in (1, 2, 3))
    assert flat("สารบัญภาคผนวก") not in flat(thai_pdf[3])  # the contents start after the brief


def test_the_contents_then_an_annex_bounded_per_indicator(pack, thai_pdf):
    contents_page = next(i for i, p in enumerate(thai_pdf) if flat("สารบัญภาคผนวก") in flat(p))
    assert contents_page == 4  # page 5, right after the brief
    contents = thai_pdf[contents_page]
    for r in pack.card.results:
        assert r.code in contents
    # Each entry ends with its page number (a leader of dots, then the number).
    assert re.search(r"7\.1\.1 .*\.{3,}\s*\d+", contents)
    annex = "\n".join(thai_pdf[contents_page + 1 :])
    # 2.1.1: 140 factories, 130 not counted; the annex prints ANNEX_ROWS of them and says where the rest are.
    behind = pack.indicators["2.1.1"].behind
    assert behind.rows == 140 and behind.rows - behind.counted > ANNEX_ROWS
    assert flat(f"แสดง {ANNEX_ROWS} จาก 140 รายการ รายการทั้งหมดอยู่ในไฟล์ Excel แผ่นงาน 2.1.1") in flat(annex)
    section = report.annex_rows(pack.indicators["2.1.1"], pack.card.result("2.1.1"), pack, "th")
    assert len(section["rows"]) == ANNEX_ROWS
    # Survey indicators: the 1-5 distribution by respondent type and subdistrict, not respondent ids.
    assert flat("คะแนน 1–5 แยกตามประเภทผู้ตอบและตำบล") in flat(annex)
    assert "DEMO-S2024" not in annex  # no respondent ids
    answers = pack.indicators["20.1.1"].answers
    assert answers is not None and set(answers["respondent_type"]) == {"community", "factory", "agency"}
    # The plan: participants against targets only where a target was set (cancelled activities left out).
    targeted = pack.activities.dropna(subset=["target_participants"])
    targeted = targeted[targeted["status"] != "cancelled"]
    came, wanted = int(targeted["participants"].fillna(0).sum()), int(targeted["target_participants"].sum())
    assert flat(f"ผู้เข้าร่วม {came} คน จากเป้าหมาย {wanted} คน") in flat(annex)


def test_the_english_brief_reads_english(pack, english_pdf):
    brief = flat(brief_of(english_pdf))
    for words in (
        "Level 1 not yet reached",
        "For the committee's decision",
        "What it takes, level by level",
        "Who could close the gap",
        "1 more evidence item must be ready",
        "11 more establishments must comply",
        "Evidence not yet ready, by agency",
        "Late activities",
        "due 30 Sep 2024",
        "2024 (calendar year)",
    ):
        assert flat(words) in brief, words
    assert "1 items" not in brief and "1 projects" not in "\n".join(english_pdf)


def test_a_pack_for_a_reader_not_signed_in_says_when_not_who(pack):
    stamp = AsOf(12, dt.datetime(2024, 11, 5, 14, 0), False, "ana")
    assert report.data_as_of(stamp, "th") == "ข้อมูล ณ 5 พ.ย. 2567 · นำเข้าโดย ana"
    assert report.data_as_of(stamp, "en", with_who=False) == "Data as of 5 Nov 2024"
    undone = AsOf(12, dt.datetime(2024, 11, 5, 14, 0), False, "ana", undone=True)
    assert "ana" in report.data_as_of(undone, "en") and "undone" in report.data_as_of(undone, "en")


def test_a_year_of_many_failing_indicators_keeps_the_decisions_on_pages_2_to_4(meeting_db):
    """2021 (BE 2564): a dozen indicators fail; the brief names fewer per indicator and still ends on page 4."""
    con = duckdb.connect(str(meeting_db), read_only=True)
    with con.cursor() as cur:
        data = gather(cur, 2021, "all", today=TODAY)
    con.close()
    assert sum(r.status != "pass" for r in data.card.results) >= 12
    text_pages = pages(pdf_bytes(data, "th"))
    assert flat("สารบัญภาคผนวก") in flat(text_pages[4])
    brief = flat(brief_of(text_pages))
    for r in data.card.results:
        if r.status != "pass":
            assert flat(r.indicator.name("th")) in brief, r.code


def test_13_2_1_failing_by_one_factory_names_the_factories_with_it_planned(meeting_db):
    con = duckdb.connect(str(meeting_db), read_only=True)
    with con.cursor() as cur:
        data = gather(cur, 2022, "all", today=TODAY)
    con.close()
    r = data.card.result("13.2.1")
    assert r.status == "fail" and r.gap == 1
    found = data.indicators["13.2.1"].candidates
    assert found and found[0].why in ("planned", "expired", "in_progress") and gaps.gap_size(r) == 1.0
    html = report.report_html(data, "en")
    assert found[0].entity_id in html and "1 more factory needed" in html


def test_the_workbook_has_a_cover_formats_thai_dates_a_filter_and_a4_on_every_sheet(pack):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(workbook_bytes(pack, "th")))
    assert book.sheetnames[0] == "ปก"
    cover = {row[0]: row[1] for row in book["ปก"].iter_rows(min_row=2, values_only=True)}
    assert cover["ปี"] == "พ.ศ. 2567" and cover["ปีงบประมาณ"] == 2567
    assert cover["พื้นที่"].startswith("ทั้งเมือง") and cover["เกณฑ์ฉบับ"] == "diw-2562"
    assert cover["ระดับที่ผ่าน"] == "ยังไม่ผ่านระดับ 1" and cover["ข้อมูล ณ"].startswith("ข้อมูลสาธิต ณ")
    assert cover["ระดับ 1 การมีส่วนร่วม"].startswith("ไม่ผ่าน")
    assert cover["การประชุม"] == MEETING["title"] and cover["ครั้งที่"] == "2/2567"
    for ws in book.worksheets:
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), ws.title
        assert ws.page_setup.paperSize in (9, "9"), ws.title
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref.endswith(str(ws.max_row)), ws.title  # the filter covers every row
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, float) and not cell.value.is_integer():
                    assert cell.number_format != "General", (ws.title, cell.coordinate, cell.value)
                assert not isinstance(cell.value, dt.datetime), (ws.title, cell.coordinate)  # Thai dates are BE text
    score = book["ผลตามเกณฑ์รายระดับ"]
    header = [c.value for c in score[1]]
    row = next(r for r in score.iter_rows(min_row=2) if r[0].value == "19.1.1")
    value = row[header.index("ค่า")]
    assert value.number_format == "#,##0.00" and round(value.value, 2) == 52.14
    assert row[header.index("มีข้อมูล (ราย)")].value == 131 and row[header.index("ควรมีข้อมูล (ราย)")].value == 140
    # Every row stays in the workbook: 140 factories behind 2.1.1, though the annex prints ANNEX_ROWS.
    assert book["2.1.1"].max_row == 1 + 140
    intensity = book["7.2.2"]
    heads = [c.value for c in intensity[1]]
    assert intensity.cell(row=2, column=heads.index("ต่อหน่วยผลิตภัณฑ์ ปีนี้") + 1).number_format == "#,##0.0000"
    plan = book["แผนปฏิบัติการ"]
    heads = [c.value for c in plan[1]]
    assert "planned_start" not in heads and "เริ่มตามแผน" in heads  # headers in words, not snake_case
    starts = [r[heads.index("เริ่มตามแผน")] for r in plan.iter_rows(min_row=2, values_only=True)]
    assert "1 พ.ย. 2566" in starts and all(re.fullmatch(r"\d{1,2} \S+ 25\d\d", s) for s in starts if s)
    assert "20.1.1 คะแนน" in book.sheetnames and "ผู้ที่อาจปิดช่องว่าง" in book.sheetnames
    closing = [r for r in book["ผู้ที่อาจปิดช่องว่าง"].iter_rows(min_row=2, values_only=True)]
    assert {r[0] for r in closing} == {"18.1.1", "7.1.1", "7.2.2"}


def test_the_english_workbook_has_date_cells_without_a_time(pack):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(workbook_bytes(pack, "en")))
    plan = book["Action plan"]
    heads = [c.value for c in plan[1]]
    cell = plan.cell(row=2, column=heads.index("Planned start") + 1)
    assert isinstance(cell.value, dt.datetime) and cell.number_format == "d mmm yyyy"
    assert book["Cover"].cell(row=2, column=1).value == "Report"


def test_meeting_fields_are_remembered_per_fiscal_year_and_every_change_recorded(meeting_db, tmp_path):
    path = tmp_path / "m.duckdb"
    shutil.copy(meeting_db, path)
    con = connect(path)
    try:
        assert meetings.save(con, 2567, {"number": "3/2567", "title": MEETING["title"]}, "bee") == 1  # only the number changed
        assert meetings.save(con, 2567, {"number": " 3/2567 "}, "bee") == 0  # the same, trimmed
        assert meetings.save(con, 2568, {"agenda_item": "วาระที่ 4"}, "ana") == 1
        with con.cursor() as cur:
            this = meetings.meeting(cur, 2567)
            assert (this.number, this.title, this.changed_by) == ("3/2567", MEETING["title"], "bee")
            assert meetings.meeting(cur, 2568).agency is None and meetings.meeting(cur, 2566) == meetings.Meeting(2566)
            history = meetings.changes(cur, 2567)
        assert history[0][:4] == ("number", "2/2567", "3/2567", "bee") and len(history) == 5
        with pytest.raises(ValueError):
            meetings.save(con, 2567, {"password": "x"}, "bee")
        with pytest.raises(ValueError):
            meetings.save(con, 9999, {"number": "1"}, "bee")
    finally:
        con.close()


def test_names_from_the_data_are_text_in_the_pack(meeting_db, tmp_path):
    """Templates escape: an establishment or meeting named like markup is printed as typed, never run."""
    path = tmp_path / "hostile.duckdb"
    shutil.copy(meeting_db, path)
    hostile = '<script>alert(1)</script> & "quotes"'
    con = connect(path)
    con.execute("update establishments set name_th = $n, name_en = $n where factory_id = 'DEMO-F142'", {"n": hostile})
    meetings.save(con, 2567, {"agenda_item": hostile}, "ana")
    with con.cursor() as cur:
        data = gather(cur, 2024, "all", today=TODAY)
    con.close()
    html = report.report_html(data, "th")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;" in html


def test_the_pack_has_no_hand_made_html():
    source = (ROOT / "present" / "report.py").read_text(encoding="utf-8")
    assert "from html import escape" not in source and "escape(" not in source
    assert not re.search(r"f[\"']<", source)  # no f-string markup: the templates in present/templates/pack/ make it


@pytest.fixture
def app_db(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database, closed to anonymous readers, with an analyst and a committee member."""
    return copy_with_accounts(demo_db, tmp_path / "app.duckdb", {"chair": "committee", "ana": "analyst"}, readers_may_read=False)


def overview_as(db: Path, monkeypatch: pytest.MonkeyPatch, user: str):
    at = app_as(db, monkeypatch, user, timeout=180)
    at.switch_page("app_pages/overview.py").run()
    assert not at.exception
    return at


@pytest.mark.usefixtures("fresh_caches")
def test_analysts_type_the_meeting_on_the_overview_and_every_change_is_recorded(app_db, monkeypatch):
    at = overview_as(app_db, monkeypatch, "ana")
    fields = {t.label: t for t in at.text_input}
    assert {"Agency", "Meeting", "Meeting no.", "Agenda item"} <= set(fields)
    fields["Meeting no."].input("3/2567")
    fields["Agenda item"].input("Agenda 3.1: the indicators of 2567")
    next(b for b in at.button if b.label == "Save").click().run()
    assert not at.exception and any("Saved 2 field(s)" in s.value for s in at.success)
    con = duckdb.connect(str(app_db))
    with con.cursor() as cur:
        assert meetings.meeting(cur, 2567).number == "3/2567"
        assert [(f, a, by) for f, _, a, by, _ in meetings.changes(cur, 2567)] == [
            ("agenda_item", "Agenda 3.1: the indicators of 2567", "ana"),
            ("number", "3/2567", "ana"),
        ]
    con.close()
    committee = overview_as(app_db, monkeypatch, "chair")
    assert "Meeting no." not in {t.label for t in committee.text_input}  # the committee reads the pack; analysts type its cover
