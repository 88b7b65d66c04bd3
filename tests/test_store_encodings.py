"""Files from Excel on Thai Windows: encodings, Thai digits, thousands separators, BE years and dates."""

import pytest

from tests.conftest import ESTABLISHMENTS


@pytest.mark.parametrize("encoding,expected", [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp874", "cp874"), ("tis-620", "cp874")])
def test_each_encoding_keeps_thai_text(con, load, encoding, expected):
    report = load("establishments", ESTABLISHMENTS, encoding=encoding)
    assert report.ok, report.problems
    assert report.encoding == expected
    with con.cursor() as cur:
        assert cur.execute("select name_th from establishments where factory_id = 'F1'").fetchall() == [("โรงงานหนึ่ง",)]


def test_unreadable_bytes_are_refused(con, write):
    from store.load import load_file

    path = write("x")
    path.write_bytes(b"factory_id,name_th\nF1,\xdb\xfc\xff\n")  # not UTF-8, and bytes cp874 leaves undefined
    report = load_file(con, "establishments", path)
    assert not report.ok and report.problems[0].rule == "unreadable_file"


def test_thai_digits_separators_be_years(con, load, factories):
    report = load(
        "annual_reports",
        'factory_id,year,production_qty,water_use_m3,investment_thb\nF1,๒๕๖๕,"1,234.5",๑๒๓,"2,500,000"\nF2,2021,10,5,\n',
    )
    assert report.ok, report.problems
    assert report.be_conversions == 1 and report.be_columns == {"year": 1}
    with con.cursor() as cur:
        rows = cur.execute(
            "select factory_id, year, production_qty, water_use_m3, investment_thb from annual_reports order by 1"
        ).fetchall()
    assert rows == [("F1", 2022, 1234.5, 123.0, 2500000.0), ("F2", 2021, 10.0, 5.0, None)]


def test_be_dates_and_day_first_dates(con, load, factories):
    report = load(
        "certifications",
        "factory_id,scheme,issued_on,level,expires_on\nF1,GI,15/3/2565,2,2025-03-14\nF2,ISO14001,๒๕๖๔-๐๑-๐๒,,\n",
    )
    assert report.ok, report.problems
    assert report.be_conversions == 2
    with con.cursor() as cur:
        rows = cur.execute(
            "select factory_id, strftime(issued_on, '%Y-%m-%d'), strftime(expires_on, '%Y-%m-%d') from certifications order by 1"
        ).fetchall()
    assert rows == [("F1", "2022-03-15", "2025-03-14"), ("F2", "2021-01-02", None)]


@pytest.mark.parametrize(
    "word,value", [("true", True), ("No", False), ("1", True), ("n", False), ("ใช่", True), ("ไม่ใช่", False), ("มี", True), ("ไม่มี", False)]
)
def test_booleans_in_thai_and_english(con, load, word, value):
    report = load("establishments", f"factory_id,name_th,kind,subdistrict_code,controlled_factory\nF9,ก,factory,190906,{word}\n")
    assert report.ok, report.problems
    with con.cursor() as cur:
        assert cur.execute("select controlled_factory from establishments").fetchall() == [(value,)]


def test_semicolon_files_and_blank_rows_keep_excel_row_numbers(load):
    report = load("establishments", "factory_id;name_th;kind;subdistrict_code\n\nF1;ก;fabric;190906\n")
    assert [(p.row, p.column, p.rule) for p in report.problems] == [(3, "kind", "allowed")]
