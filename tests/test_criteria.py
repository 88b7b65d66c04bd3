"""Criteria versions as data: the shipped version, import (all or nothing), export, apply from a year, scoring
under a named version, a new indicator by data alone, and coverage beside each value (SPEC §5)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from metrics.catalogue import SHIPPED_VERSION, load_catalogue
from metrics.engine import evaluate
from store.criteria import SHIPPED_FILE, CriteriaRefused, apply_version, export_version, import_version, read_file
from store.edits import update_criterion
from store.load import LoadReport

ROOT = Path(__file__).resolve().parents[1]
SHIPPED_ROWS = list(csv.DictReader(SHIPPED_FILE.open(encoding="utf-8")))


def rows_of(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def as_csv(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def criteria_state(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    with con.cursor() as cur:
        return [
            tuple(cur.execute(f"select count(*), hash(string_agg(t::varchar, '|' order by t::varchar)) from {table} as t").fetchall()[0])
            for table in ("criteria_versions", "criteria", "criteria_applied", "criteria_events", "indicators")
        ]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


@pytest.fixture
def logistics(factories: LoadReport, load: Callable[..., LoadReport]) -> None:
    """F1 (Khao Wong) has logistics implemented in 2023 and 2024, F2 does not: 6.1.1 is 1 of 2 factories = 50 %.
    F1 reports for 2023, F2 does not (coverage of the annual-report indicators: 1 of 2)."""
    report = load("practices", "factory_id,year,practice,status\nF1,2023,logistics,implemented\nF1,2024,logistics,implemented\n")
    assert report.ok, report.problems
    report = load("annual_reports", "factory_id,year,production_qty,water_use_m3\nF1,2023,100,50\n")
    assert report.ok, report.problems


def test_the_shipped_version_is_the_catalogue_file(con: duckdb.DuckDBPyConnection) -> None:
    with con.cursor() as cur:
        shipped = load_catalogue(cur, SHIPPED_VERSION)
    assert [i.code for i in shipped] == [r["code"] for r in sorted(SHIPPED_ROWS, key=lambda r: (int(r["level"]), int(r["sort_order"])))]
    for ind in shipped:
        assert ind.formula_th and ind.formula_en and ind.name_th and ind.name_en, ind.code
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in ind.name_th + ind.formula_th), f"{ind.code}: Thai text is not Thai"
        assert not any("\u0e00" <= ch <= "\u0e7f" for ch in ind.name_en + ind.formula_en), f"{ind.code}: English text has Thai"
    assert len(read_file(SHIPPED_FILE.read_bytes())) == len(SHIPPED_ROWS)


def test_export_then_import_scores_the_same(con: duckdb.DuckDBPyConnection, logistics: None) -> None:
    with con.cursor() as cur:
        exported = export_version(cur, SHIPPED_VERSION)
    assert exported.startswith(b"\xef\xbb\xbf")  # Excel reads Thai from UTF-8 only with the BOM
    assert import_version(con, "copy", exported, "copy.csv", "tester") == len(SHIPPED_ROWS)
    with con.cursor() as cur:
        assert export_version(cur, "copy") == exported
        same = evaluate(cur, 2023, "all", criteria="copy").to_json()
        shipped = evaluate(cur, 2023, "all").to_json()
    assert shipped["criteria"] == SHIPPED_VERSION and same["criteria"] == "copy"
    assert {k: v for k, v in same.items() if k != "criteria"} == {k: v for k, v in shipped.items() if k != "criteria"}


def test_a_bad_file_is_refused_whole_with_row_numbers_in_both_languages(con: duckdb.DuckDBPyConnection) -> None:
    rows = [dict(r) for r in SHIPPED_ROWS]
    rows[2]["family"] = "made_up"  # Excel row 4
    rows[8]["params"] = "practices=eco_building|flying_cars"  # row 10
    rows[9]["threshold"] = "lots"  # row 11
    rows[10]["code"] = rows[11]["code"]  # rows 12 and 13 define the same code
    before = criteria_state(con)
    with pytest.raises(CriteriaRefused) as refused:
        import_version(con, "broken", as_csv(rows), "broken.csv", "tester")
    english, thai = refused.value.text("en"), refused.value.text("th")
    assert "Row 4: family 'made_up'" in english and "แถวที่ 4: family 'made_up'" in thai
    assert "Row 10, params: code 'flying_cars' is not in the code list" in english
    assert "Row 11, column 'threshold': 'lots' is not a number" in english and "แถวที่ 11 คอลัมน์ 'threshold'" in thai
    assert f"Rows 12 and 13 both define indicator {rows[11]['code']}" in english
    assert criteria_state(con) == before


def test_the_shipped_version_cannot_be_replaced_and_names_are_checked(con: duckdb.DuckDBPyConnection) -> None:
    before = criteria_state(con)
    for name in (SHIPPED_VERSION, "", "has space", "x" * 41, "../etc"):
        with pytest.raises(CriteriaRefused):
            import_version(con, name, SHIPPED_FILE.read_bytes(), "f.csv", "tester")
    with pytest.raises(CriteriaRefused, match="no criteria version 'nope'"):
        apply_version(con, "nope", 2023, "tester")
    with pytest.raises(CriteriaRefused, match="not a year"):
        apply_version(con, SHIPPED_VERSION, "twenty", "tester")
    assert criteria_state(con) == before


def stricter(threshold: str) -> bytes:
    rows = [dict(r) for r in SHIPPED_ROWS]
    for row in rows:
        if row["code"] == "6.1.1":
            row["threshold"] = threshold
    return as_csv(rows)


def test_a_version_applies_from_its_year_on_and_never_earlier(con: duckdb.DuckDBPyConnection, logistics: None) -> None:
    import_version(con, "strict", stricter("60"), "strict.csv", "tester")
    with con.cursor() as cur:
        assert evaluate(cur, 2024).result("6.1.1").status == "pass"  # 50 % ≥ 20 % under diw-2562
    assert apply_version(con, "strict", "2567", "tester") == 2024  # BE is converted
    with con.cursor() as cur:
        earlier, later = evaluate(cur, 2023), evaluate(cur, 2024)
        what_if = evaluate(cur, 2023, criteria="strict")
    assert (earlier.result("6.1.1").value, earlier.result("6.1.1").indicator.threshold, earlier.result("6.1.1").status) == (
        50.0,
        20.0,
        "pass",
    )
    assert (later.result("6.1.1").value, later.result("6.1.1").indicator.threshold, later.result("6.1.1").status) == (50.0, 60.0, "fail")
    assert earlier.to_json()["criteria"] == SHIPPED_VERSION and later.to_json()["criteria"] == "strict"
    assert what_if.result("6.1.1").status == "fail"
    apply_version(con, SHIPPED_VERSION, 2025, "tester")  # a later application ends the earlier one's span
    with con.cursor() as cur:
        assert evaluate(cur, 2024).to_json()["criteria"] == "strict"
        assert evaluate(cur, 2025).to_json()["criteria"] == SHIPPED_VERSION
        events = cur.execute("select event, version, done_by from criteria_events order by event_id").fetchall()
    assert events == [("import", "strict", "tester"), ("apply", "strict", "tester"), ("apply", SHIPPED_VERSION, "tester")]


def test_an_admin_edit_changes_only_its_version(con: duckdb.DuckDBPyConnection, logistics: None) -> None:
    import_version(con, "strict", stricter("60"), "strict.csv", "tester")
    assert update_criterion(con, "6.1.1", 55.0, False, "DIW letter", "root", "strict")
    with con.cursor() as cur:
        assert evaluate(cur, 2023).result("6.1.1").indicator.threshold == 20.0
        assert evaluate(cur, 2023, criteria="strict").result("6.1.1").indicator.threshold == 55.0
        assert cur.execute("select version, code, threshold_after from criteria_changes").fetchall() == [("strict", "6.1.1", 55.0)]


def test_a_new_indicator_is_one_row_of_data(con: duckdb.DuckDBPyConnection, logistics: None, load: Callable[..., LoadReport]) -> None:
    """21.1.1 (hand-computed): factories in P with symbiosis implemented ÷ |P| = F2 of F1, F2 = 50 %."""
    assert load("practices", "factory_id,year,practice,status\nF2,2023,symbiosis,implemented\n").ok
    rows = [dict(r) for r in SHIPPED_ROWS]
    row = dict(next(r for r in rows if r["code"] == "12.2.1"))
    row.update(code="21.1.1", name_th="สัดส่วนโรงงานที่ใช้ประโยชน์ร่วม", name_en="Share of factories in symbiosis", params="practices=symbiosis")
    import_version(con, "plus", as_csv([*rows, row]), "plus.csv", "tester")
    with con.cursor() as cur:
        result = evaluate(cur, 2023, criteria="plus").result("21.1.1")
    assert (result.value, result.numerator, result.denominator, result.status) == (50.0, 1.0, 2.0, "pass")


def test_coverage_says_how_many_reported(con: duckdb.DuckDBPyConnection, logistics: None) -> None:
    with con.cursor() as cur:
        card = evaluate(cur, 2023).to_json()
    coverage = {i["code"]: i["coverage"] for i in card["indicators"]}  # type: ignore[union-attr]
    assert coverage["7.2.1"] == {"reported": 1, "expected": 2}  # F1 filed a 2023 report, F2 did not
    assert coverage["6.1.1"] == {"reported": 1, "expected": 2}  # F1 reported practices for 2023
    assert coverage["19.1.1"] == {"reported": 1, "expected": 2}  # the certificate register rests on the year's reports
    assert coverage["7.1.1"] == {"reported": 0, "expected": 3}  # two factories and a mine operating, none sampled
    assert coverage["20.1.1"] == {"reported": 0, "expected": 0}


@pytest.mark.slow
def test_the_command_line_lists_exports_imports_and_applies(
    db_path: Path, con: duckdb.DuckDBPyConnection, logistics: None, tmp_path: Path
) -> None:
    con.close()
    db = str(db_path)
    out = tmp_path / "shipped.csv"
    assert run("-m", "store", "criteria", "export", "--db", db, "--version", SHIPPED_VERSION, "--out", str(out)).returncode == 0
    strict = tmp_path / "strict.csv"
    strict.write_bytes(stricter("60"))
    bad = tmp_path / "bad.csv"
    bad.write_bytes(stricter("-5"))
    refused = run("-m", "store", "criteria", "import", "--db", db, "--version", "bad", "--lang", "th", str(bad))
    assert refused.returncode == 1 and "ไม่ได้บันทึกสิ่งใด" in refused.stderr and "'threshold'" in refused.stderr
    done = run("-m", "store", "criteria", "import", "--db", db, "--version", "strict", str(strict))
    assert done.returncode == 0, done.stderr
    assert run("-m", "store", "criteria", "apply", "--db", db, "--version", "strict", "--from-year", "2024").returncode == 0
    listed = run("-m", "store", "criteria", "list", "--db", db).stdout
    assert "strict" in listed and "from 2024 on" in listed and "years before 2024" in listed and "bad" not in listed

    def card(year: str, *extra: str) -> dict[str, object]:
        done = run("-m", "metrics", "scorecard", "--db", db, "--year", year, "--format", "json", *extra)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    def status(c: dict[str, object]) -> str:
        return next(i["status"] for i in c["indicators"] if i["code"] == "6.1.1")  # type: ignore[attr-defined,index]

    assert status(card("2023")) == "pass" and status(card("2024")) == "fail"
    assert status(card("2566", "--criteria", "strict")) == "fail"
    unknown = run("-m", "metrics", "scorecard", "--db", db, "--year", "2023", "--criteria", "nope")
    assert unknown.returncode == 2 and "no criteria version 'nope'" in unknown.stderr
    assert rows_of(out.read_bytes()) == SHIPPED_ROWS  # export gives back what the shipped file says


@pytest.mark.slow
def test_a_new_indicator_applied_from_a_year_is_in_the_meeting_pack(
    db_path: Path, con: duckdb.DuckDBPyConnection, logistics: None, load: Callable[..., LoadReport], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    assert load("practices", "factory_id,year,practice,status\nF2,2024,symbiosis,implemented\n").ok
    rows = [dict(r) for r in SHIPPED_ROWS]
    row = dict(next(r for r in rows if r["code"] == "12.2.1"))
    row.update(code="21.1.1", name_th="สัดส่วนโรงงานที่ใช้ประโยชน์ร่วม", name_en="Share of factories in symbiosis", params="practices=symbiosis")
    import_version(con, "plus", as_csv([*rows, row]), "plus.csv", "tester")
    apply_version(con, "plus", 2024, "tester")
    con.close()
    out = tmp_path / "pack.xlsx"
    done = run("-m", "metrics", "report", "--db", str(db_path), "--year", "2024", "--lang", "en", "--format", "xlsx", "--out", str(out))
    assert done.returncode == 0, done.stderr
    book = load_workbook(out, read_only=True)
    assert "21.1.1" in book.sheetnames
    score = [[c for c in r] for r in book["Scorecard by level"].iter_rows(values_only=True)]
    new = next(r for r in score if "21.1.1" in r)
    assert 50 in new or 50.0 in new  # F2 of F1, F2 in symbiosis (hand-computed)
    about = " ".join(str(c) for ws in book.worksheets for r in ws.iter_rows(values_only=True) for c in r if c)
    assert "Scored under criteria version plus" in about


def test_every_code_a_criteria_file_may_name_has_words_in_both_languages() -> None:
    """A practice, scheme, question or measure added to the contract without its Thai and English label fails here."""
    from present.words import VALUES
    from store.families import FAMILIES

    for family in FAMILIES.values():
        for name, spec in family.params.items():
            if name not in ("practices", "schemes", "beside", "question"):  # split and measure are not shown as words
                continue
            for code in spec.allowed:
                assert code in VALUES, f"{family.name}.{name}: {code} has no label"
                thai, english = VALUES[code]
                assert thai and english, code
                if name != "schemes":  # schemes are proper names (ISO 14001, CSR-DIW) in both languages
                    assert any("\u0e00" <= ch <= "\u0e7f" for ch in thai), f"{family.name}.{name}: {code}'s Thai label is not Thai"
