"""Fuzzing the reader and the validators with hypothesis: whatever the bytes, a clean load or a list of
problems with their rows, never an exception; and a clean file keeps every row and column."""

from __future__ import annotations

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.db import init
from store.load import check_bytes
from store.tables import TABLES

TABLE_NAMES = sorted(TABLES)
CELL = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
    st.sampled_from(
        ["", " ", '"', '""', ",", ";", "\t", "ก,ข", "๒๕๖๕", "2565", "15/3/2565", "1,234.5", "yes", "ไม่ใช่", "=1+1", "-1", "nan"]
    ),
)


@pytest.fixture(scope="module")
def fuzz_con(tmp_path_factory):
    con, _, _ = init(tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb")
    with con.cursor() as cur:
        cur.execute("insert into establishments (factory_id, name_th, kind, subdistrict_code) values ('F1', 'ก', 'factory', '190906')")
    yield con
    con.close()


def checked(con: duckdb.DuckDBPyConnection, table: str, data: bytes) -> None:
    report, parsed = check_bytes(con, table, data, "fuzz.csv")
    for p in report.problems:
        assert p.rule and p.text("th") and p.text("en")
        assert p.row is None or p.row >= 1
    if not report.problems:
        assert parsed is not None and len(parsed.frame) == report.rows


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(table=st.sampled_from(TABLE_NAMES), data=st.binary(max_size=400))
def test_any_bytes_give_a_report_never_an_exception(fuzz_con, table, data):
    checked(fuzz_con, table, data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    table=st.sampled_from(TABLE_NAMES),
    rows=st.lists(st.lists(CELL, min_size=0, max_size=16), min_size=0, max_size=8),
    sep=st.sampled_from([",", ";", "\t"]),
    bom=st.booleans(),
    crlf=st.booleans(),
)
def test_csv_shaped_text_gives_a_report_never_an_exception(fuzz_con, table, rows, sep, bom, crlf):
    header = sep.join(TABLES[table].column_names)
    end = "\r\n" if crlf else "\n"
    text = header + end + end.join(sep.join(row) for row in rows) + end
    data = ("\ufeff" if bom else "").encode() + text.encode("utf-8")
    checked(fuzz_con, table, data)
