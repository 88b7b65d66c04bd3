"""The one way out: every download (CSV, xlsx) is written here, safe to open in Excel.

CSV is UTF-8 with a BOM (so Excel shows Thai), every text cell that starts with = + - @, a tab or
a carriage return is neutralised with a leading apostrophe (OWASP CSV injection), and the file name
carries the data's as-of stamp. Tables can also be written back in their upload template's columns,
so an analyst can fix a row in Excel and upload the file again.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import duckdb
import pandas as pd

from store.tables import TABLES

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
BE_OFFSET = 543
BOOLEAN_WORDS = {"th": ("ใช่", "ไม่ใช่"), "en": ("yes", "no")}


@dataclass(frozen=True)
class AsOf:
    """What the data is as of: the newest batch and when it landed (None for an empty database), and who made
    that newest change (loaded the batch, or undid one: `undone`)."""

    batch_id: int | None
    loaded_at: pd.Timestamp | None
    is_demo: bool
    by: str | None = None
    undone: bool = False

    @property
    def stamp(self) -> str:
        return f"b{self.batch_id}" if self.batch_id else "empty"


def as_of(con: duckdb.DuckDBPyConnection) -> AsOf:
    with con.cursor() as cur:
        row = cur.execute(
            "select max(batch_id), max(coalesce(rolled_back_at, loaded_at)),"
            " count(*) filter (where status = 'loaded' and is_demo) > 0,"
            " arg_max(coalesce(rolled_back_by, loaded_by), coalesce(rolled_back_at, loaded_at)),"
            " arg_max(rolled_back_at is not null, coalesce(rolled_back_at, loaded_at)) from batches"
        ).fetchall()[0]
    when = None if row[1] is None else pd.Timestamp(row[1])
    return AsOf(None if row[0] is None else int(row[0]), when, bool(row[2]), row[3], bool(row[4]))


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix "'" to text cells Excel would run as a formula; numbers and dates are left as they are."""
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if values.dtype == object or pd.api.types.is_string_dtype(values.dtype):
            text = values.astype("string")
            risky = text.str.startswith(FORMULA_START).fillna(False).to_numpy(dtype=bool)
            if risky.any():
                out[column] = values.astype(object).where(~risky, "'" + text.astype(object))
    out.columns = ["'" + str(c) if str(c).startswith(FORMULA_START) else c for c in out.columns]
    return out


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 with BOM, formulas neutralised, whole numbers without a trailing '.0'."""
    # CRLF, as Excel writes: the csv writer then quotes any cell holding a \r or \n.
    return neutralise(frame).to_csv(index=False, float_format="%.15g", lineterminator="\r\n").encode("utf-8-sig")


def xlsx_bytes(sheets: dict[str, pd.DataFrame], title: str = "", as_of_text: str = "") -> bytes:
    """One sheet per frame: header row frozen and bold, widths set to the content, formulas neutralised."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    book.properties.title = title
    book.properties.description = as_of_text
    for name, frame in sheets.items():
        sheet = book.create_sheet(sheet_name(name))
        safe = neutralise(frame)
        sheet.append([str(c) for c in safe.columns])
        for row in safe.itertuples(index=False):
            sheet.append([_cell(v) for v in row])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for i, column in enumerate(safe.columns, start=1):
            longest = max([len(str(column))] + [len(str(v)) for v in safe[column].head(500) if v is not None])
            sheet.column_dimensions[get_column_letter(i)].width = min(60, max(8, longest + 2))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sheet_name(name: str) -> str:
    """Excel's sheet names: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)
    return cleaned[:31] or "sheet"


def _cell(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and value != value:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()  # type: ignore[union-attr]
    return value


def file_name(base: str, stamp: str, extension: str) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in base)
    return f"{safe}_{stamp}.{extension}"


def table_as_template(con: duckdb.DuckDBPyConnection, table: str, lang: str = "en") -> pd.DataFrame:
    """A table as it is now, in its upload template's columns and order, ready to fix in Excel and load again.

    In Thai, years and dates are written in Buddhist Era and yes/no as ใช่/ไม่ใช่ (the loader reads both).
    """
    spec = TABLES[table]  # the name is checked against the templates before it reaches SQL
    columns = ", ".join(spec.column_names)
    order = ", ".join(spec.key)
    with con.cursor() as cur:
        frame = cur.execute("select " + columns + " from " + spec.name + " order by " + order).df()
    yes, no = BOOLEAN_WORDS["th" if lang == "th" else "en"]
    for col in spec.columns:
        values = frame[col.name]
        if col.kind == "year" and lang == "th":
            frame[col.name] = values.astype("Int64") + BE_OFFSET
        elif col.kind in ("year", "integer", "fiscal_year"):
            frame[col.name] = values.astype("Int64")
        elif col.kind == "date":
            dates = pd.to_datetime(values)
            years = dates.dt.year + (BE_OFFSET if lang == "th" else 0)
            text = years.astype("Int64").astype("string") + dates.dt.strftime("-%m-%d")
            frame[col.name] = text.where(dates.notna(), None)
        elif col.kind == "boolean":
            frame[col.name] = values.map({True: yes, False: no}).astype(object)
    return frame
