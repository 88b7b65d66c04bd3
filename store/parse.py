"""Turn an uploaded CSV's bytes into typed columns: encodings, Thai digits, separators, BE years.

Reading never shifts or drops a column: a record with more or fewer fields than the header is
reported with its Excel row and left out, and the file is then refused by validation.
"""

from __future__ import annotations

import io
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from store.problems import HEADER_ROW, PER_RULE_LIMIT, Problem, more_of_the_same
from store.tables import Column, Table

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
BE_THRESHOLD = 2400  # SPEC §1: a year >= 2400 is Buddhist Era
BE_OFFSET = 543
TRUE_WORDS = {"true", "yes", "1", "y", "ใช่", "มี"}
FALSE_WORDS = {"false", "no", "0", "n", "ไม่ใช่", "ไม่มี"}
THOUSANDS = r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?"
THAI_DIGIT_CLASS = "[๐-๙]"
INVISIBLE = dict.fromkeys(map(ord, "\ufeff\u200b\u200c\u200d\u2060"), None)  # BOMs and zero-width marks Excel or Word leave

# Limits checked before anything is parsed, so a hostile file costs little (SECURITY.md, "Uploads").
MAX_FILE_BYTES = 250 * 1024 * 1024  # the largest national file measured is ~100 MB (1M annual reports)
MAX_COLUMNS = 200  # the widest template has 15 columns
MAX_LINE_BYTES = 64 * 1024  # a real record is under 2 KB; a longer line is a broken or hostile file
MAX_ROWS = 2_000_000  # the largest national table is ~1M rows a year; more lines than this is not an upload


class UnreadableFile(ValueError):
    """The bytes are not text in any encoding we accept."""


class FileRefused(ValueError):
    """The file breaks a limit or has no header or data; problems say which (no row was read)."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems[0].rule if problems else "refused")
        self.problems = problems


@dataclass
class CellProblem:
    index: np.ndarray  # Excel row numbers of the bad cells
    column: str
    rule: str


@dataclass
class Sheet:
    """A CSV file as text cells: one column per named header, index = Excel row number."""

    frame: pd.DataFrame
    headers: list[str]  # every named header, normalised, in file order (duplicates kept)
    problems: list[Problem] = field(default_factory=list)  # field counts, values under a blank header


@dataclass
class Parsed:
    frame: pd.DataFrame  # typed columns, one per known header; index = Excel row number
    encoding: str
    headers: list[str]
    be_conversions: int = 0
    be_columns: dict[str, int] = field(default_factory=dict)
    problems: list[CellProblem] = field(default_factory=list)
    raw: pd.DataFrame | None = None  # the text as read, for reporting values
    file_problems: list[Problem] = field(default_factory=list)


def _is_utf8(buf: pa.Buffer) -> bool:
    """UTF-8 validity checked by Arrow without copying the file into a Python string."""
    offsets = pa.py_buffer(np.array([0, buf.size], dtype=np.int32))
    try:
        pa.StringArray.from_buffers(1, offsets, buf).validate(full=True)
    except pa.ArrowInvalid:
        return False
    return True


def utf8_buffer(data: bytes) -> tuple[pa.Buffer, str]:
    """The file as UTF-8 bytes and the encoding it came in. Excel writes UTF-8 with a BOM; Thai Windows writes cp874."""
    if data.startswith(b"\xef\xbb\xbf"):
        buf = pa.py_buffer(data).slice(3)
        if not _is_utf8(buf):
            raise UnreadableFile("utf-8")
        return buf, "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return pa.py_buffer(data.decode("utf-16").encode("utf-8")), "utf-16"
        except UnicodeDecodeError as exc:
            raise UnreadableFile("utf-16") from exc
    buf = pa.py_buffer(data)
    if _is_utf8(buf):
        return buf, "utf-8"
    try:
        return pa.py_buffer(data.decode("cp874").encode("utf-8")), "cp874"  # cp874 is TIS-620 plus a few Windows extras
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"byte {exc.start}") from exc


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name): the whole file as text (for small files and tests)."""
    buf, encoding = utf8_buffer(data)
    return buf.to_pybytes().decode("utf-8"), encoding


def normalise_header(name: str) -> str:
    """SPEC §2: headers match ignoring case and surrounding spaces (and invisible marks Excel leaves)."""
    return name.translate(INVISIBLE).strip().lower()


def delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def split_header(first_line: str, sep: str) -> list[str]:
    """The header's cells as written (quotes removed), read by Arrow like the data below it."""
    if not first_line:
        return []
    table = pacsv.read_csv(
        io.BytesIO(first_line.encode("utf-8") + b"\n"),
        read_options=pacsv.ReadOptions(autogenerate_column_names=True),
        parse_options=pacsv.ParseOptions(delimiter=sep),
        convert_options=pacsv.ConvertOptions(strings_can_be_null=False),
    )
    return [str(table.column(i)[0].as_py() or "") if table.num_rows else "" for i in range(table.num_columns)]


def check_limits(data: bytes) -> None:
    """Refuse, before parsing, files beyond the documented limits (size, line length)."""
    if len(data) > MAX_FILE_BYTES:
        raise FileRefused([Problem(None, None, None, "file_too_large", limit=f"{MAX_FILE_BYTES // (1024 * 1024)} MB")])
    lines = data.count(b"\n")  # counted in C without an array per line: 200 MB of newlines stays cheap
    if lines > MAX_ROWS + 1:
        raise FileRefused([Problem(None, None, f"{lines:,}", "too_many_rows", limit=f"{MAX_ROWS:,}")])
    ends = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == 10)
    lengths = np.diff(np.append(ends, len(data)), prepend=-1)  # each line with its newline; the last without
    at = int(np.argmax(lengths))
    if int(lengths[at]) > MAX_LINE_BYTES:
        raise FileRefused([Problem(at + 1, None, None, "line_too_long", limit=f"{MAX_LINE_BYTES // 1024} KB")])


def first_line(buf: pa.Buffer) -> str:
    """The header line as text (without its line end)."""
    view = memoryview(buf)
    end = bytes(view[: 1024 * 1024]).find(b"\n")
    line = bytes(view[: end if end >= 0 else 1024 * 1024]).decode("utf-8", errors="replace")
    return line.rstrip("\r")


def _blank(buf: pa.Buffer) -> bool:
    """Only white space (and invisible marks) in the whole file."""
    arr = np.frombuffer(buf, dtype=np.uint8)
    if np.isin(arr, np.array([9, 10, 13, 32], dtype=np.uint8), invert=True).any():
        return not bytes(buf).decode("utf-8", errors="replace").translate(INVISIBLE).strip()
    return True


def read_sheet(buf: pa.Buffer) -> Sheet:
    """Every cell as a stripped string ('' for empty); blank records dropped but counted in row numbers."""
    header = first_line(buf)
    if not header.translate(INVISIBLE).strip():
        rule = "nothing_to_load" if _blank(buf) else "header_missing"
        raise FileRefused([Problem(None if rule == "nothing_to_load" else HEADER_ROW, None, None, rule)])
    sep = delimiter(header)
    try:
        cells = split_header(header, sep)
    except pa.ArrowInvalid as exc:
        raise FileRefused([Problem(HEADER_ROW, None, None, "unreadable_header", detail=_arrow_detail(exc))]) from exc
    if len(cells) > MAX_COLUMNS:
        raise FileRefused([Problem(HEADER_ROW, None, str(len(cells)), "too_many_columns", limit=str(MAX_COLUMNS))])
    names = [normalise_header(c) for c in cells]
    table, numbers, fields = _read_records(buf, sep, len(names))
    rows = _excel_rows(table.num_rows, numbers)
    problems = _field_count_problems(numbers, fields, len(names), table.num_rows)

    index = pd.Index(rows, name="row")
    columns: dict[str, pd.Series] = {}
    headers: list[str] = []
    for i, name in enumerate(names):
        values = pd.Series(pc.utf8_trim_whitespace(table.column(i)).to_pandas(), dtype="str").set_axis(index)
        if not name:
            filled = (values != "").to_numpy()
            if filled.any():  # data under a blank header would be lost: say where
                bad = index[filled]
                problems.append(Problem(int(bad[0]), None, str(i + 1), "values_without_header", detail=_rows_text(bad)))
            continue  # an empty column under an empty header cell is Excel's leftover: ignored
        headers.append(name)
        columns.setdefault(name, values)
    frame = pd.DataFrame(columns, index=index)
    blank = (frame == "").all(axis=1).to_numpy() if len(frame.columns) else np.ones(len(frame), dtype=bool)
    return Sheet(frame.loc[~blank], headers, problems)


def read_text(text: str) -> Sheet:
    """read_sheet for text already in memory (tests, small files)."""
    return read_sheet(pa.py_buffer(text.encode("utf-8")))


def _read_records(buf: pa.Buffer, sep: str, width: int) -> tuple[pa.Table, array, array]:
    """All records with exactly `width` fields, as strings; and the Excel row numbers and field
    counts of the others (0 fields for a line of white space, which is no record but keeps its row).

    Arrow reads in parallel; a file with bad records is read again, serially, because Arrow
    numbers bad records only then. Record numbers count the header as 1, like Excel rows.
    """
    names = [f"c{i}" for i in range(width)]
    blank_chars = " \t\r" + sep

    def read(threads: bool, handler: Callable[[pacsv.InvalidRow], str]) -> pa.Table:
        return pacsv.read_csv(
            pa.BufferReader(buf),
            read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, use_threads=threads),
            parse_options=pacsv.ParseOptions(delimiter=sep, newlines_in_values=True, ignore_empty_lines=False, invalid_row_handler=handler),
            convert_options=pacsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False, quoted_strings_can_be_null=False
            ),
        )

    try:
        return read(True, lambda _row: "error"), array("q"), array("q")
    except pa.ArrowInvalid:
        pass  # some record is off: read again and number each one
    numbers, fields = array("q"), array("q")

    def handler(row: pacsv.InvalidRow) -> str:
        numbers.append(row.number or 0)
        fields.append(0 if not row.text.strip(blank_chars) else row.actual_columns)
        return "skip"

    try:
        table = read(False, handler)
    except pa.ArrowInvalid as exc:
        raise FileRefused([Problem(None, None, None, "unreadable_file", detail=_arrow_detail(exc))]) from exc
    return table, numbers, fields


def _excel_rows(kept: int, numbers: array) -> np.ndarray:
    """Excel row numbers of the kept records: every record number after the header, bar the left-out ones."""
    rows = np.arange(HEADER_ROW + 1, HEADER_ROW + 1 + kept + len(numbers), dtype=np.int64)
    if len(numbers):
        rows = rows[~np.isin(rows, np.frombuffer(numbers, dtype=np.int64))]
    return rows[:kept]


def _field_count_problems(numbers: array, fields: array, width: int, kept: int) -> list[Problem]:
    counts = np.frombuffer(fields, dtype=np.int64)
    bad = np.flatnonzero(counts > 0)
    if not len(bad):
        return []
    problems = []
    for i in bad[:PER_RULE_LIMIT]:
        c = int(counts[i])
        problems.append(Problem(int(numbers[i]), None, str(c), "too_many_values" if c > width else "too_few_values", limit=str(width)))
    if len(bad) > PER_RULE_LIMIT:
        problems.append(more_of_the_same("too_many_values", None, len(bad) - PER_RULE_LIMIT))
    distinct = np.unique(counts[bad])
    if kept == 0 and len(distinct) == 1 and len(bad) > 1:
        # Every record is off by the same count: a trailing separator or a missing header, not a stray comma.
        c = int(distinct[0])
        problems.insert(0, Problem(None, None, str(c), "every_row_extra" if c > width else "every_row_short", limit=str(width)))
    return problems


def _rows_text(rows: pd.Index, most: int = 10) -> str:
    shown = ", ".join(str(r) for r in rows[:most])
    return shown + (f" … (+{len(rows) - most:,})" if len(rows) > most else "")


def _arrow_detail(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200]


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


ISO_DATE = r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$"
DAY_FIRST = r"^(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})$"


# The dates a column holds (pandas' nanosecond dates end in 1677 and 2262); a date outside is refused by name.
FIRST_DATE_YEAR, LAST_DATE_YEAR = 1900, 2200


def _dates(text: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series, int]:
    """YYYY-MM-DD (optionally with a time) or D/M/YYYY; BE years converted. Returns (dates, not a date, a real
    date outside FIRST_DATE_YEAR..LAST_DATE_YEAR, BE count).

    Arrow's regular expressions and date parser (vectorised C++): the year is converted before the
    date is checked, so 29/2/2567 (BE, a leap year in CE 2024) is a real date."""
    arr = pa.array(_translate(text), type=pa.string())
    iso, dmy = pc.extract_regex(arr, ISO_DATE), pc.extract_regex(arr, DAY_FIRST)

    def part(name: str) -> pa.Array:
        return pc.coalesce(pc.struct_field(iso, name), pc.struct_field(dmy, name))

    year = pc.cast(part("y"), pa.int32())
    is_be = pc.fill_null(pc.greater_equal(year, BE_THRESHOLD), False)
    year = pc.if_else(is_be, pc.subtract(year, BE_OFFSET), year)
    stamp = pc.binary_join_element_wise(
        pc.utf8_lpad(pc.cast(year, pa.string()), 4, "0"), pc.utf8_lpad(part("m"), 2, "0"), pc.utf8_lpad(part("d"), 2, "0"), "-"
    )
    parsed = pc.strptime(stamp, format="%Y-%m-%d", unit="s", error_is_null=True)
    # strptime rolls 31/02 over into March: a date is real only if its year, month and day are the ones written
    # (compared as numbers: printing every date back with strftime took 60% of a million-row file's parse).
    real = pc.and_(
        pc.and_(pc.equal(pc.year(parsed), year), pc.equal(pc.month(parsed), pc.cast(part("m"), pa.int64()))),
        pc.equal(pc.day(parsed), pc.cast(part("d"), pa.int64())),
    )
    real = pc.fill_null(real, False)
    within = pc.fill_null(pc.and_(pc.greater_equal(year, FIRST_DATE_YEAR), pc.less_equal(year, LAST_DATE_YEAR)), False)
    outside = pd.Series(pc.and_(real, pc.invert(within)).to_numpy(zero_copy_only=False), index=text.index)
    parsed = pc.if_else(pc.and_(real, within), parsed, pa.scalar(None, parsed.type))
    dates = pd.Series(parsed.to_numpy(zero_copy_only=False), index=text.index).astype("datetime64[ns]")
    failed = (text != "") & dates.isna() & ~outside
    be = int(pc.sum(pc.and_(is_be, pc.is_valid(parsed))).as_py() or 0)
    return dates, failed, outside, be


def _booleans(text: pd.Series) -> tuple[pd.Series, pd.Series]:
    t = text.str.lower()
    values = pd.Series(pd.NA, index=text.index, dtype="boolean")
    values[t.isin(TRUE_WORDS)] = True
    values[t.isin(FALSE_WORDS)] = False
    failed = (t != "") & values.isna()
    return values, failed


def convert_column(col: Column, text: pd.Series) -> tuple[pd.Series, list[tuple[pd.Series, str]], int]:
    """Typed values for one column, a list of (failed mask, rule) and the count of BE conversions."""
    if col.kind in ("number", "integer", "year", "fiscal_year"):
        values, failed = _numbers(text)
        problems = [(failed, "not_a_number")]
        be = 0
        if col.kind != "number":
            fractional = values.notna() & (values != np.floor(values))
            problems.append((fractional, "not_an_integer"))
            values = values.where(~fractional)
            if col.kind == "year":
                is_be = values >= BE_THRESHOLD
                be = int(is_be.sum())
                values = values.where(~is_be, values - BE_OFFSET)
            elif col.kind == "fiscal_year":
                # Stored in BE like the province writes it (2565 = Oct 2021 - Sep 2022); a CE year is converted.
                is_ce = values < BE_THRESHOLD
                values = values.where(~is_ce, values + BE_OFFSET)
            values = values.astype("Int64")
        return values, problems, be
    if col.kind == "date":
        dates, failed, outside, be = _dates(text)
        return dates, [(failed, "not_a_date"), (outside, "date_out_of_range")], be
    if col.kind == "boolean":
        values, failed = _booleans(text)
        return values, [(failed, "not_a_boolean")], 0
    if col.kind == "code":
        t = _translate(text)
        return t.where(t != ""), [], 0
    return _unprotect(text).where(text != ""), [], 0


def _unprotect(text: pd.Series) -> pd.Series:
    """Drop the apostrophe our downloads put before = + - @ (store.export), so a round trip through
    Excel gives back the text as it was."""
    protected = text.str.match(r"^'[=+\-@]")
    if not protected.any():
        return text
    return text.where(~protected, text.str.slice(1))


def parse(data: bytes, table: Table) -> Parsed:
    """Decode and type every known column of the file; unknown headers are left for validation."""
    check_limits(data)
    buf, encoding = utf8_buffer(data)
    sheet = read_sheet(buf)
    del buf
    raw = sheet.frame
    parsed = Parsed(frame=pd.DataFrame(index=raw.index), encoding=encoding, headers=sheet.headers, raw=raw, file_problems=sheet.problems)
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
    for col in table.columns:
        if col.default is not None:  # SPEC: a file may leave fiscal_year out; it means the seed's year
            present = parsed.frame[col.name] if col.name in parsed.frame.columns else pd.Series(pd.NA, index=raw.index, dtype="Int64")
            parsed.frame[col.name] = present.fillna(col.default)
    return parsed


def header_names(data: bytes) -> list[str]:
    """The normalised header names of a file (for guessing its table); [] when unreadable."""
    end = data.find(b"\n", 0, 1024 * 1024)
    try:
        buf, _ = utf8_buffer(data[: end if end >= 0 else 1024 * 1024])
    except UnreadableFile:
        try:
            buf, _ = utf8_buffer(data)
        except UnreadableFile:
            return []
    line = first_line(buf)
    try:
        return [n for n in (normalise_header(c) for c in split_header(line, delimiter(line))) if n]
    except pa.ArrowInvalid:
        return []
