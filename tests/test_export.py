"""The one way out: downloads safe to open in Excel, and tables that come back in their template."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from store.export import csv_bytes, neutralise, table_as_template, xlsx_bytes
from store.load import load_bytes

HOSTILE = ['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "safe", "ก=ข"]


@pytest.mark.parametrize("value", HOSTILE[:6])
def test_every_formula_start_is_neutralised_in_csv_and_xlsx(value):
    from openpyxl import load_workbook

    frame = pd.DataFrame({"name": [value], "n": [-5]})
    text = csv_bytes(frame).decode("utf-8-sig")
    cell = next(iter(pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)["name"]))
    assert cell == "'" + value
    sheet = load_workbook(io.BytesIO(xlsx_bytes({"rows": frame}))).active
    # XML turns a carriage return into a line feed; what matters is the apostrophe in front.
    assert sheet["A2"].value == ("'" + value).replace("\r", "\n") and sheet["A2"].data_type == "s"
    assert sheet["B2"].value == -5  # numbers stay numbers


def test_plain_text_and_thai_are_untouched():
    out = neutralise(pd.DataFrame({"name": ["safe", "ก=ข", None]}))
    assert list(out["name"][:2]) == ["safe", "ก=ข"]
    assert csv_bytes(pd.DataFrame({"ชื่อ": ["โรงงาน"]})).startswith("\ufeffชื่อ".encode())


def test_a_table_downloaded_in_thai_loads_back_unchanged(con, factories):
    from tests.conftest import fingerprint

    data = "factory_id,name_th,kind,subdistrict_code,controlled_factory,registered_year\nF3,=cmd|' /C calc'!A0,factory,190906,yes,2560\n"
    assert load_bytes(con, "establishments", data.encode(), "e.csv", loaded_by="t").ok
    before = fingerprint(con)
    for lang in ("th", "en"):
        frame = table_as_template(con, "establishments", lang)
        assert list(frame.columns)[:2] == ["factory_id", "name_th"]
        if lang == "th":
            assert set(frame["registered_year"].dropna()) >= {2558, 2560}  # BE in Thai
        report = load_bytes(con, "establishments", csv_bytes(frame), "back.csv", loaded_by="t")
        assert report.ok, report.problems
    after = fingerprint(con)
    for table in ("establishments",):
        strip = [row[:-1] for row in before[table]]  # batch_id differs, the data does not
        assert [row[:-1] for row in after[table]] == strip
