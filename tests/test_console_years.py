"""Years in the SQL console (issue 28, item 5): tables hold CE, the guide says so, BE views give the same rows with
year_be beside year, and a query that compares a year with a BE-looking value (2566) and finds nothing says
"years are stored in CE: 2566 BE = 2023", in the worker, on the page and on the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from console.catalogue import EXAMPLES, schema
from console.guard import BE_VIEWS, READABLE, QueryRefused, be_year_filters, check, duckdb_serializer
from console.messages import wording
from console.worker import run_query
from present import words
from tests.apps import app_as, cli, copy_with_accounts

ROOT = Path(__file__).resolve().parents[1]
EMPTY_BE = "select factory_id, water_use_m3 from annual_reports where year = 2566"
HINT = {"en": "Years are stored in CE: 2566 BE = 2023", "th": "ปีในฐานข้อมูลเก็บเป็น ค.ศ.: พ.ศ. 2566 = ค.ศ. 2023"}


@pytest.mark.slow
def test_a_be_year_that_finds_nothing_says_years_are_stored_in_ce_in_both_languages(demo_db: Path) -> None:
    result = run_query(demo_db, EMPTY_BE, spare=False)
    assert result.rows == [] and result.columns == ["factory_id", "water_use_m3"]
    assert result.notes == (("query_years_be", {"value": 2566, "limit": 2023}),)
    assert HINT["en"] in result.note_texts("en")[0]
    assert HINT["th"] in result.note_texts("th")[0]
    # The CE year the hint names finds the rows.
    assert len(run_query(demo_db, EMPTY_BE.replace("2566", "2023"), spare=False).rows) == 173


@pytest.mark.slow
@pytest.mark.parametrize(
    "sql",
    [
        "select * from annual_reports where year = 2023",  # a CE year
        "select * from annual_reports where year < 2566",  # a BE-looking year that finds rows: no note
        "select * from annual_reports_be where year_be = 2566 and water_use_m3 < 0",  # BE compared with BE
        "select * from evidence where fiscal_year = 2566 and status = 'nothing'",  # fiscal years are BE
        "select * from annual_reports where production_unit = 'year = 2566'",  # the text, not the parse tree
        "select * from annual_reports where water_use_m3 = 2566",  # a number that is not a year
    ],
)
def test_no_note_where_the_year_is_not_the_reason(demo_db: Path, sql: str) -> None:
    assert run_query(demo_db, sql, spare=False).notes == ()


def test_be_years_are_read_from_the_parse_tree_in_every_form() -> None:
    with duckdb.connect() as con, con.cursor() as cur:
        tree = duckdb_serializer(cur)
        assert be_year_filters(tree("select * from annual_reports as r where r.year in (2565, 2566)")) == [2565, 2566]
        assert be_year_filters(tree("select 1 from effluent_samples where year(sampled_on) between 2560 and 2566")) == [2560, 2566]
        assert be_year_filters(tree("select 1 from x where 2566 <= closed_year and extract(year from d) = 2565")) == [2566, 2565]
        assert be_year_filters(tree("with a as (select * from surveys where year = '2567') select * from a")) == [2567]
        assert be_year_filters(tree("select 2566 as year, 'where year = 2566' as said")) == []
        assert be_year_filters(tree("select * from practices_be where year_be = 2566")) == []


@pytest.mark.slow
def test_the_be_views_give_the_same_rows_as_ce(demo_db: Path) -> None:
    ce = run_query(demo_db, "select * from annual_reports where year = 2023 order by factory_id", spare=False)
    be = run_query(demo_db, "select * exclude (year_be) from annual_reports_be where year_be = 2566 order by factory_id", spare=False)
    assert ce.rows and be.rows == ce.rows and be.columns == ce.columns
    with duckdb.connect(str(demo_db), read_only=True) as con:
        for table, view in BE_VIEWS.items():
            table_columns = [d[0] for d in con.execute(f"select * from {table} limit 0").description]
            view_columns = [d[0] for d in con.execute(f"select * from {view} limit 0").description]
            added = [c for c in view_columns if c not in table_columns]
            assert set(table_columns) <= set(view_columns) and added and all(c.endswith("_be") for c in added), view
            ordered = ", ".join(table_columns)
            same = con.execute(f"select {ordered} from {view} except all select {ordered} from {table}").fetchall()
            assert (
                same == []
                and con.execute(f"select count(*) from {view}").fetchone() == con.execute(f"select count(*) from {table}").fetchone()
            )
            for column in added:
                ce_column = column.removesuffix("_be")
                source = ce_column if ce_column in table_columns else f"year({ce_column.replace('_year', '_on')})"
                if table == "effluent_samples":
                    source = "year(sampled_on)"
                wrong = con.execute(f"select count(*) from {view} where {column} is distinct from {source} + 543").fetchone()
                assert wrong == (0,), (view, column)


def test_the_views_are_readable_and_the_guard_still_refuses(demo_db: Path) -> None:
    assert set(BE_VIEWS.values()) <= READABLE
    with duckdb.connect(str(demo_db), read_only=True) as con, con.cursor() as cur:
        assert check(cur, "select year_be, count(*) from surveys_be group by 1")
        with pytest.raises(QueryRefused) as caught:
            check(cur, "select * from users_be")
        assert caught.value.rule == "query_unknown_table" and "annual_reports_be" in caught.value.fields["allowed"]


@pytest.mark.slow
def test_the_command_line_says_it_too_and_keeps_its_output_shape(demo_db: Path) -> None:
    for lang in ("th", "en"):
        done = cli(demo_db, EMPTY_BE, "--format", "json", "--lang", lang)
        assert done.returncode == 0 and json.loads(done.stdout) == []  # stdout stays the result alone
        assert HINT[lang] in done.stderr
    found = cli(demo_db, EMPTY_BE.replace("2566", "2023"), "--format", "json")
    assert found.returncode == 0 and len(json.loads(found.stdout)) == 173 and found.stderr == ""


def test_the_guide_tells_the_truth_about_years(demo_db: Path) -> None:
    with duckdb.connect(str(demo_db), read_only=True) as con, con.cursor() as cur:
        guides = {lang: {t.name: t for t in schema(cur, lang)} for lang in ("th", "en")}
    for lang, tables in guides.items():
        assert set(tables) == READABLE  # every view is in the guide, right after its table
        for name in ("annual_reports", "practices", "surveys", "green_areas", "infrastructure"):
            year = next(c.description for c in tables[name].columns if c.name == "year")
            assert ("ค.ศ." if lang == "th" else "CE") in year and "หรือ พ.ศ." not in year and "CE or BE" not in year, name
            be = next(c.description for c in tables[f"{name}_be"].columns if c.name == "year_be")
            assert ("พ.ศ." if lang == "th" else "BE") in be
        fiscal = next(c.description for c in tables["evidence"].columns if c.name == "fiscal_year")
        assert ("พ.ศ." if lang == "th" else "BE") in fiscal
        names = list(tables)
        assert names.index("annual_reports_be") == names.index("annual_reports") + 1
    assert "year_be" in wording("console_years", "th") and "ค.ศ." in wording("console_years", "th")
    assert "stored in CE" in wording("console_years", "en")


@pytest.mark.slow
def test_every_example_that_shows_a_year_shows_it_in_be(demo_db: Path) -> None:
    shown = 0
    for example in EXAMPLES:
        result = run_query(demo_db, example.sql, spare=False)
        years = [c for c in result.columns if "year" in c]
        assert all(c.endswith("_be") or c == "fiscal_year" for c in years), (example.key, years)
        shown += bool(years)
    assert shown >= 8


@pytest.mark.slow
@pytest.mark.usefixtures("fresh_caches")
@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_console_page_shows_the_guide_and_the_hint(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    db = copy_with_accounts(demo_db, tmp_path / "console.duckdb", {"ana": "analyst"})
    at = app_as(db, monkeypatch, "ana", lang)
    at.switch_page("app_pages/sql_console.py").run()
    assert not at.exception
    assert any(wording("console_years", lang) == i.value for i in at.info)
    at.text_area(key="console_sql").input(EMPTY_BE)
    next(b for b in at.button if b.label == words.text("console_run", lang)).click().run()
    assert not at.exception and not at.error
    assert any(HINT[lang] in i.value for i in at.info)


@pytest.mark.slow
def test_the_consoles_sql_follows_the_house_style() -> None:
    """Issue 29 item 6 for the console: its examples, its catalogue query and its BE views pass sqlfluff under the
    project's .sqlfluff (DuckDB, lowercase, jaffle-shop layout), as the queries in sql/ do."""
    pytest.importorskip("sqlfluff")
    if not (ROOT / ".sqlfluff").is_file():
        pytest.skip("no .sqlfluff in this checkout")
    files = ["console/examples", "sql/console", "sql/schema/017_console_be.sql"]
    done = subprocess.run([sys.executable, "-m", "sqlfluff", "lint", *files], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-3000:]
