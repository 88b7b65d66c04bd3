"""Files as Excel and the DIW registry really produce them: never a shifted column, never a crash.

Each shape is a real file on disk, loaded through `load_file` (and the CLI for the worst ones); a
refused file leaves the database byte-for-byte as it was.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import fingerprint

ROOT = Path(__file__).resolve().parents[1]
E = "factory_id,name_th,kind,subdistrict_code"

# (id, bytes, expected rules among the problems, Excel rows named)
REFUSED = [
    ("unquoted comma in a name", f"{E}\nX1,บริษัท ก, จำกัด,factory,190906\n".encode(), {"too_many_values"}, {2}),
    (
        "trailing comma on every row",
        f"{E}\nX1,ก,factory,190906,\nX2,ข,factory,191306,\n".encode(),
        {"every_row_extra", "too_many_values"},
        {2, 3},
    ),
    (
        "one shifted row among good ones",
        f"{E}\nX1,ก,factory,190906\nX2,บริษัท ข, จำกัด,factory,191306\nX3,ค,mine,190906\n".encode(),
        {"too_many_values"},
        {3},
    ),
    ("shifted and a broken rule", f"{E}\nX1,บริษัท ก, จำกัด,factory,999999\n".encode(), {"too_many_values"}, {2}),
    ("a row short of a field", f"{E}\nX1,ก,factory\nX2,ข,factory,190906\n".encode(), {"too_few_values"}, {2}),
    ("unclosed quote", f'{E}\nX1,"ก,factory,190906\nX2,ข,factory,190906\n'.encode(), {"too_few_values"}, {2}),
    ("0-byte file", b"", {"nothing_to_load"}, set()),
    ("only a BOM", b"\xef\xbb\xbf", {"nothing_to_load"}, set()),
    ("only newlines", b"\n\n\r\n\n", {"nothing_to_load"}, set()),
    ("only white space", b"  \t \n   \n", {"nothing_to_load"}, set()),
    ("BOM and newlines", b"\xef\xbb\xbf\r\n\r\n", {"nothing_to_load"}, set()),
    ("header only", f"{E}\n".encode(), {"nothing_to_load"}, set()),
    ("header then blank lines", f"{E}\n\n\n".encode(), {"nothing_to_load"}, set()),
    ("empty first line, data below", f"\n{E}\nX1,ก,factory,190906\n".encode(), {"header_missing"}, {1}),
    ("values under a blank header", f"{E},\nX1,ก,factory,190906,oops\n".encode(), {"values_without_header"}, {2}),
    ("same column twice, different case", f"{E},NAME_TH\nX1,ก,factory,190906,ข\n".encode(), {"duplicate_column"}, {1}),
    ("invalid UTF-8 after a UTF-8 BOM", b"\xef\xbb\xbf" + E.encode() + b"\nX1,\xff\xfe\xfa,factory,190906\n", {"unreadable_file"}, set()),
    ("a thousand columns", (",".join(f"c{i}" for i in range(1000)) + "\n1\n").encode(), {"too_many_columns"}, {1}),
    ("one endless line", b"factory_id," + b"x" * 200_000 + b"\n", {"line_too_long"}, {1}),
    ("two million blank lines", f"{E}\n".encode() + b"\n" * 2_100_000, {"too_many_rows"}, set()),
]


@pytest.mark.parametrize("data,rules,rows", [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_misshapen_files_are_refused_with_their_rows(con, write, data, rules, rows):
    from store.load import load_file

    path = write("x")
    path.write_bytes(data)
    before = fingerprint(con)
    report = load_file(con, "establishments", path, loaded_by="tester")
    assert not report.ok
    found = {p.rule for p in report.problems}
    assert rules <= found, report.problems
    assert rows <= {p.row for p in report.problems if p.rule in rules}
    for p in report.problems:  # every message reads in both languages, nothing left unfilled
        for lang in ("th", "en"):
            assert p.text(lang) and "{" not in p.text(lang)
    assert fingerprint(con) == before


def test_the_shifted_row_never_loads_as_another_factory(con, load):
    load("establishments", f"{E}\nX1,บริษัท ก, จำกัด,factory,190906\n")
    with con.cursor() as cur:
        assert cur.execute("select count(*) from establishments").fetchall() == [(0,)]


def test_field_count_message_names_the_row_and_the_cure(load):
    report = load(
        "establishments",
        f"{E}\nX1,ก,factory,190906\nX2,ก,factory,190906\nX3,ก,factory,190906\n"
        "X4,ก,factory,190906\nX5,ก,factory,190906\nX7,บริษัท ก, จำกัด,factory,190906\n",
    )
    (problem,) = [p for p in report.problems if p.rule == "too_many_values"]
    assert problem.row == 7
    assert problem.text("en") == 'Row 7 has 5 values, the header has 4: a comma inside a name needs quotes ("บริษัท ก, จำกัด")'
    assert "แถวที่ 7 มี 5 ค่า แต่หัวตารางมี 4 คอลัมน์" in problem.text("th")


def test_quoted_comma_loads_whole(con, load):
    assert load("establishments", f'{E}\nX1,"บริษัท ก, จำกัด",factory,190906\n').ok
    with con.cursor() as cur:
        assert cur.execute("select factory_id, name_th from establishments").fetchall() == [("X1", "บริษัท ก, จำกัด")]


def test_excel_trailing_empty_header_cells_are_ignored(con, load):
    report = load("establishments", f"{E},,,\r\nX1,ก,factory,190906,,,\r\nX2,ข,mine,191306,,,\r\n")
    assert report.ok, report.problems
    assert report.rows == 2


def test_header_names_match_ignoring_case_and_spaces(con, load):
    report = load("establishments", "\ufeff Factory_ID , Name_TH ,KIND,\u200bSubdistrict_Code\nX1,ก,factory,190906\n")
    assert report.ok, report.problems
    with con.cursor() as cur:
        assert cur.execute("select factory_id, name_th, kind from establishments").fetchall() == [("X1", "ก", "factory")]


def test_blank_and_white_space_lines_keep_excel_row_numbers(load):
    report = load("establishments", f'{E}\nX1,ก,factory,190906\n\n   \nX4,ข,plant,190906\n"X5","ค\nต่อ",mine,190906\nX7,ง,plant,191306\n')
    assert [(p.row, p.rule) for p in report.problems] == [(5, "allowed"), (7, "allowed")]


def test_a_thousand_bad_rows_are_counted_not_listed_one_by_one(load):
    rows = "".join(f"X{i},ก,factory,190906,extra\n" for i in range(12_000))
    report = load("establishments", f"{E}\n{rows}")
    listed = [p for p in report.problems if p.rule == "too_many_values"]
    assert len(listed) == 5_000
    (more,) = [p for p in report.problems if p.rule == "more_of_the_same"]
    assert more.limit == "7,000" and "7,000" in more.text("th")


def test_duplicate_keys_are_grouped_not_paired(load):
    rows = "".join("X1,ก,factory,190906\n" for _ in range(3_000))
    report = load("establishments", f"{E}\n{rows}")
    dups = [p for p in report.problems if p.rule == "duplicate_key"]
    assert len(dups) == 3_000
    assert dups[0].detail == "2, 3, 4, 5, 6, 7, 8, 9, 10, 11 … (+2,990)"
    assert len({id(p.detail) for p in dups}) <= 2  # one shared text per group, not a list per row


DIW_HEADER = "factory_id,name_th,kind,diw_type,industry,subdistrict_code,lat,lon,registered_year"


def diw_list() -> str:
    """A registry extract shaped like DIW's: 117 rows, 4 without a name, points stacked on centroids."""
    rows = []
    for i in range(117):
        code = "191306" if i % 3 else "190906"
        name = "" if i in (5, 40, 77, 110) else f"บริษัท ศิลา {i} จำกัด"
        lat, lon = (14.7123, 100.9012) if i % 4 == 0 else (14.68 + i / 10_000, 100.83 + i / 5_000)
        rows.append(f"3-11(1)-{i:03d}/{2540 + i % 20},{name},factory,11(1),โม่บดหิน,{code},{lat},{lon},{2540 + i % 20}")
    return DIW_HEADER + "\n" + "\n".join(rows) + "\n"


def test_diw_list_with_unnamed_factories_loads(con, load):
    report = load("establishments", diw_list())
    assert report.ok, report.problems[:5]
    with con.cursor() as cur:
        assert cur.execute("select count(*), count(name_th) from establishments").fetchall() == [(117, 113)]


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "store", *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.slow
@pytest.mark.parametrize("data", [b"", b"\xef\xbb\xbf", b"\n\n\n", f"{E}\nX1,บริษัท ก, จำกัด,factory,999999\n".encode()])
def test_cli_refuses_misshapen_files_without_a_traceback(tmp_path, data):
    db = str(tmp_path / "cli.duckdb")
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    for lang in ("en", "th"):
        done = run_cli("load", "--db", db, "--table", "establishments", "--lang", lang, str(path))
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr and "Error" not in done.stderr
        assert ("nothing was written" if lang == "en" else "ไม่มีการบันทึก") in done.stderr
