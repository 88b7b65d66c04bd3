"""Turn an uploaded CSV's bytes into typed columns: encodings, Thai digits, separators, BE years."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from store.tables import Column, Table

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
BE_THRESHOLD = 2400  # SPEC §1: a year >= 2400 is Buddhist Era
BE_OFFSET = 543
TRUE_WORDS = {"true", "yes", "1", "y", "ใช่", "มี"}
FALSE_WORDS = {"false", "no", "0", "n", "ไม่ใช่", "ไม่มี"}
THOUSANDS = r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?"
THAI_DIGIT_CLASS = "[๐-๙]"
BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")


class UnreadableFile(ValueError):
    """The bytes are not text in any encoding we accept."""


@dataclass
class CellProblem:
    index: np.ndarray  # labels (0-based data rows as in the file) of the bad cells
    column: str
    rule: str


@dataclass
class Parsed:
    frame: pd.DataFrame  # typed columns, one per known header; index = 0-based data row
    encoding: str
    headers: list[str]
    be_conversions: int = 0
    be_columns: dict[str, int] = field(default_factory=dict)
    problems: list[CellProblem] = field(default_factory=list)
    raw: pd.DataFrame | None = None  # the text as read, for reporting values


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Excel writes UTF-8 with a BOM; Thai Windows writes cp874."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp874"), "cp874"  # cp874 is TIS-620 plus a few Windows extras
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"byte {exc.start} is not UTF-8 or TIS-620/cp874 text") from exc


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def read_text(text: str) -> pd.DataFrame:
    """All cells as stripped strings ('' for empty); fully blank rows dropped, row positions kept."""
    if not BLANK_LINE.search(text):
        try:
            return _read_arrow(text)
        except pa.ArrowInvalid:
            pass  # let pandas raise its own, clearer error
    frame = pd.read_csv(
        io.StringIO(text),
        sep=_delimiter(text),
        dtype=str,
        keep_default_na=False,
        skip_blank_lines=False,
        quoting=csv.QUOTE_MINIMAL,
        engine="c",
    )
    frame.columns = [str(c).strip() for c in frame.columns]
    frame = frame.apply(lambda s: s.str.strip())
    blank = (frame == "").all(axis=1)
    return frame.loc[~blank]


def _read_arrow(text: str) -> pd.DataFrame:
    """Fast path for files without blank lines: Arrow's multi-threaded reader, every cell a string."""
    sep = _delimiter(text)
    header = next(csv.reader(io.StringIO(text.split("\n", 1)[0]), delimiter=sep))
    table = pacsv.read_csv(
        io.BytesIO(text.encode("utf-8")),
        parse_options=pacsv.ParseOptions(delimiter=sep, newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(
            column_types={name: pa.string() for name in header}, strings_can_be_null=False, quoted_strings_can_be_null=False
        ),
        read_options=pacsv.ReadOptions(autogenerate_column_names=False),
    )
    names = [str(c).strip() for c in table.column_names]
    columns = {}
    for i, name in enumerate(names):
        unique = name if name not in columns else f"{name}.{i}"
        columns[unique] = pd.Series(pc.utf8_trim_whitespace(table.column(i)).to_pandas(), dtype="str")
    frame = pd.DataFrame(columns)
    blank = (frame == "").all(axis=1)
    return frame.loc[~blank]


def _translate(text: pd.Series) -> pd.Series:
    """Thai digits to Arabic, only where there are any (translate is slow on a million cells)."""
    thai = text.str.contains(THAI_DIGIT_CLASS, regex=True)
    if not thai.any():
        return text
    return text.where(~thai, text.str.translate(THAI_DIGITS))


def _numbers(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Numbers with Thai digits and thousands separators. Returns (values, failed mask)."""
    t = _translate(text)
    if t.str.contains(",", regex=False).any():
        grouped = t.str.fullmatch(THOUSANDS)
        t = t.where(~grouped, t.str.replace(",", "", regex=False))
    values = _arrow_floats(t)
    if values is None:  # some cell is not a number: pandas finds which (slower)
        values = pd.to_numeric(t.where(t != ""), errors="coerce").astype("float64")
    values = values.where(np.isfinite(values))  # "inf" reads as a float but is no measurement
    failed = (t != "") & values.isna()
    return values, failed


def _arrow_floats(text: pd.Series) -> pd.Series | None:
    """Arrow's string-to-double cast, several times faster than to_numeric; None if any cell fails it."""
    arr = pa.array(text, type=pa.string())
    arr = pc.if_else(pc.equal(arr, ""), pa.scalar(None, pa.string()), arr)
    try:
        doubles = pc.cast(arr, pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    return pd.Series(doubles.to_numpy(zero_copy_only=False), index=text.index, dtype="float64")


def _dates(text: pd.Series) -> tuple[pd.Series, pd.Series, int]:
    """YYYY-MM-DD (optionally with a time) or D/M/YYYY; BE years converted. Returns (dates, failed, BE count)."""
    t = _translate(text)
    iso = t.str.extract(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
    dmy = t.str.extract(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
    year = iso[0].fillna(dmy[2])
    month = iso[1].fillna(dmy[1])
    day = iso[2].fillna(dmy[0])
    y = pd.to_numeric(year, errors="coerce")
    be = y >= BE_THRESHOLD
    y = y.where(~be, y - BE_OFFSET)
    stamp = y.astype("Int64").astype(str) + "-" + month.str.zfill(2) + "-" + day.str.zfill(2)
    dates = pd.to_datetime(stamp.where(y.notna()), format="%Y-%m-%d", errors="coerce")
    failed = (t != "") & dates.isna()
    return dates, failed, int((be & dates.notna()).sum())


def _booleans(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    t = text.str.lower()
    values = pd.Series(pd.NA, index=text.index, dtype="boolean")
    values[t.isin(TRUE_WORDS)] = True
    values[t.isin(FALSE_WORDS)] = False
    failed = (t != "") & values.isna()
    return values, failed


def convert_column(col: Column, text: pd.Series) -> tuple[pd.Series, list[tuple[pd.Series, str]], int]:
    """Typed values for one column, a list of (failed mask, rule) and the count of BE conversions."""
    if col.kind in ("number", "integer", "year"):
        values, failed = _numbers(text)
        problems = [(failed, "not_a_number")]
        be = 0
        if col.kind in ("integer", "year"):
            fractional = values.notna() & (values != np.floor(values))
            problems.append((fractional, "not_an_integer"))
            values = values.where(~fractional)
            if col.kind == "year":
                is_be = values >= BE_THRESHOLD
                be = int(is_be.sum())
                values = values.where(~is_be, values - BE_OFFSET)
            values = values.astype("Int64")
        return values, problems, be
    if col.kind == "date":
        dates, failed, be = _dates(text)
        return dates, [(failed, "not_a_date")], be
    if col.kind == "boolean":
        values, failed = _booleans(text)
        return values, [(failed, "not_a_boolean")], 0
    if col.kind == "code":
        t = _translate(text)
        return t.where(t != ""), [], 0
    return text.where(text != ""), [], 0


def parse(data: bytes, table: Table) -> Parsed:
    """Decode and type every known column of the file; unknown headers are left for validation."""
    text, encoding = decode(data)
    raw = read_text(text)
    parsed = Parsed(frame=pd.DataFrame(index=raw.index), encoding=encoding, headers=list(raw.columns), raw=raw)
    known = set(table.column_names)
    for name in raw.columns:
        if name not in known:
            continue
        values, problems, be = convert_column(table.column(name), raw[name])
        parsed.frame[name] = values
        for mask, rule in problems:
            if mask.any():
                parsed.problems.append(CellProblem(mask[mask].index.to_numpy(), name, rule))
        if be:
            parsed.be_conversions += be
            parsed.be_columns[name] = be
    return parsed
