"""The meeting pack: a Thai A4 PDF and an Excel workbook with the scorecard's numbers, on the demo data
and on an empty database, read back with pypdf and openpyxl."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from present.report import gather, pdf_bytes, thai_font_installed, workbook_bytes
from tests.browser import artifact
from tests.conftest import SHIPPED_INDICATORS

pytestmark = pytest.mark.slow  # the quick loop leaves it out (docs/testing.md)

ROOT = Path(__file__).resolve().parents[1]
LEVEL_NAMES = ("ระดับ 1 การมีส่วนร่วม", "ระดับ 2 การส่งเสริม", "ระดับ 3 ประสิทธิภาพในการใช้ทรัพยากร")


@pytest.fixture(scope="module")
def demo_pack(demo_db):
    con = duckdb.connect(str(demo_db), read_only=True)
    with con.cursor() as cur:
        data = gather(cur, 2024, "all")
    con.close()
    return data


def pdf_text(pdf: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_pdf_is_a4_thai_with_fonts_embedded_and_every_indicator(demo_pack):
    from pypdf import PdfReader

    pdf = pdf_bytes(demo_pack, "th")
    reader = PdfReader(io.BytesIO(pdf))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 portrait in points
    text = pdf_text(pdf)
    for name in LEVEL_NAMES:
        assert name in text
    for r in demo_pack.card.results:
        assert r.code in text, r.code
    assert "ข้อมูลสาธิต" in text and "เกณฑ์ผ่านทุกข้อเป็นค่าชั่วคราว" in text  # demo and provisional labels on the pack
    assert "พ.ศ. 2567" in text  # Buddhist-era year in Thai
    fonts = set()
    for page in reader.pages[:3]:
        for font in (page["/Resources"].get_object().get("/Font") or {}).values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor or "/FontFile3" in descriptor  # embedded
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("Loma" in f or "Garuda" in f for f in fonts), fonts
    kept = artifact("meeting_pack_th.pdf")  # with EIT_SCREENSHOTS=1, the pack and its first pages as pictures
    if kept is not None:
        kept.write_bytes(pdf)
        if shutil.which("pdftoppm"):
            subprocess.run(
                ["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "2", str(kept), str(kept.with_suffix(""))], check=True, timeout=120
            )


def test_the_workbook_scorecard_equals_the_engine(demo_pack, demo_db):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(workbook_bytes(demo_pack, "en")))
    sheet = book["Scorecard by level"]
    header = [c.value for c in sheet[1]]
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    out = subprocess.run(
        [sys.executable, "-m", "metrics", "scorecard", "--db", str(demo_db), "--year", "2024", "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    card = json.loads(out.stdout)
    assert len(rows) == SHIPPED_INDICATORS
    for item in card["indicators"]:
        row = rows[item["code"]]
        assert row["Numerator"] == pytest.approx(item["numerator"])
        assert (row["Denominator"] is None) == (item["denominator"] is None or item["unit"] == "count")
        if item["value"] is not None:
            assert round(row["Value"], 2) == pytest.approx(item["value"])
    assert sheet.freeze_panes == "A2"
    assert {"19.1.1", "9.1.1", "1.2.1"} <= set(book.sheetnames)  # one sheet per indicator, with the amounts
    amounts = [c.value for c in book["9.1.1"][1]]
    assert "Reused / recycled (t)" in amounts and "Waste generated (t)" in amounts
    thai = load_workbook(io.BytesIO(workbook_bytes(demo_pack, "th")))
    assert "ผลตามเกณฑ์รายระดับ" in thai.sheetnames and "แผนปฏิบัติการ" in thai.sheetnames


def test_an_empty_database_still_makes_a_pack(tmp_path):
    from store.db import init

    con, _, _ = init(tmp_path / "empty.duckdb")
    with con.cursor() as cur:
        data = gather(cur, 2024, "all")
    con.close()
    text = pdf_text(pdf_bytes(data, "th"))
    assert "ยังไม่มีข้อมูล" in text and "ยังไม่ผ่านระดับ 1" in text  # (text extraction splits sara am, so no "นำ" here)
    assert workbook_bytes(data, "en")


def test_thai_fonts_are_installed_for_the_pack():
    assert thai_font_installed()  # scripts/run-tests.sh and run-app.sh install fonts-thai-tlwg


def test_the_report_command_writes_both_formats_while_another_process_holds_the_file(demo_db, tmp_path):
    held = tmp_path / "held.duckdb"
    shutil.copy(demo_db, held)
    writer = duckdb.connect(str(held))  # as the running app does: DuckDB then refuses other processes' plain opens
    writer.execute("select 1").fetchall()
    try:
        for form in ("pdf", "xlsx"):
            out = tmp_path / f"pack.{form}"
            done = subprocess.run(
                [sys.executable, "-m", "metrics", "report", "--db", str(held), "--year", "2567", "--format", form, "--out", str(out)],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=300,
            )
            assert done.returncode == 0, done.stderr
            assert out.read_bytes()[:4] == (b"%PDF" if form == "pdf" else b"PK\x03\x04")
        assert "19.1.1" in pdf_text((tmp_path / "pack.pdf").read_bytes())
    finally:
        writer.close()


def test_the_report_command_on_an_empty_database(tmp_path):
    db = tmp_path / "empty.duckdb"
    assert (
        subprocess.run([sys.executable, "-m", "store", "init", "--db", str(db)], cwd=ROOT, capture_output=True, timeout=120).returncode == 0
    )
    out = tmp_path / "empty.xlsx"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "metrics",
            "report",
            "--db",
            str(db),
            "--year",
            "2024",
            "--lang",
            "en",
            "--format",
            "xlsx",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr and out.stat().st_size > 0
