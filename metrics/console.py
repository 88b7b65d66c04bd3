"""The guarded, read-only SQL console shared by the console page and `python -m metrics query`."""

from __future__ import annotations

import json
import os
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from store.db import open_read_only
from store.messages import Refusal
from store.tables import TABLES

DEFAULT_TIMEOUT_S = 10.0
DEFAULT_MAX_ROWS = 5000
DEFAULT_MEMORY_BYTES = 1 << 30  # growth of the process's resident memory a query may cause before it is stopped
MAX_RESULT_BYTES = 32 << 20  # text and bytes a result may hold: a page shows a few thousand short rows, not gigabytes
MAX_SIZE_ARGUMENT = 100_000  # the largest count a query may pass to a function that makes a value of that size
MAX_SQL_CHARS = 20_000  # a console query is typed or pasted; a megabyte of SQL is a mistake or an attack on the parser

# Database-wide settings that make ad-hoc SQL unable to reach anything but the database itself. DuckDB refuses
# to turn external access back on while the database runs, and lock_configuration (last) freezes every other
# global setting, so nothing typed in the console can undo them. Autoloading is off so that a query naming an
# extension's function cannot make DuckDB fetch and load code.
# The statements are written out whole (SET takes no bound values); connect_read_only passes the same settings
# as a connection's configuration.
HARDENING: tuple[tuple[str, bool, str], ...] = (
    ("enable_external_access", False, "set enable_external_access = false"),
    ("autoinstall_known_extensions", False, "set autoinstall_known_extensions = false"),
    ("autoload_known_extensions", False, "set autoload_known_extensions = false"),
    ("allow_community_extensions", False, "set allow_community_extensions = false"),
    ("lock_configuration", True, "set lock_configuration = true"),
)

# Tables the console never reads: accounts and password hashes, settings, sign-in sessions and attempts, the
# audit trail, stored upload files and the rows batches replaced. Matched by name whatever the schema or quoting;
# a table in neither this list nor READABLE is refused as unknown, so a new internal table is closed until listed.
INTERNAL_TABLES = frozenset(
    {
        "users", "settings", "sessions", "signin_attempts", "batch_files", "checklist_edits", "criteria_changes",
        "schema_migrations",
    }
)  # fmt: skip
INTERNAL_SUFFIXES = ("_history",)

# Table functions a data query may use: generators and the catalogue's own listings (names and types of
# tables, never their rows). Everything else is refused: file readers, query()/query_table() (which read a
# table named in a string, out of sight of the check), checkpoint, logging, and the Python client's internal
# scans that take raw memory addresses. duckdb_databases() and duckdb_settings() are left out too: they show
# the server's file paths, which a data query has no use for.
TABLE_FUNCTIONS = frozenset(
    {
        "range", "generate_series", "unnest", "repeat", "repeat_row", "json_each", "json_tree", "test_all_types",
        "pg_timezone_names", "icu_calendar_names", "pragma_table_info", "pragma_show", "pragma_version",
        "pragma_database_size", "pragma_platform", "pragma_collations", "duckdb_columns", "duckdb_constraints",
        "duckdb_dependencies", "duckdb_functions", "duckdb_indexes", "duckdb_keywords", "duckdb_schemas",
        "duckdb_sequences", "duckdb_tables", "duckdb_types", "duckdb_views",
    }
)  # fmt: skip
FILE_READERS = ("read_", "glob", "sniff_", "parquet_", "iceberg_", "delta_")  # refused with the wording for files and URLs
CATALOGUE_VIEWS = frozenset(name for name in TABLE_FUNCTIONS if name.startswith("duckdb_"))
CATALOGUE_SCHEMAS = frozenset({"information_schema", "pg_catalog"})

# DuckDB flags these as having side effects but they change nothing outside the query (random numbers, ids,
# the running query's text); the rest of its flagged functions (nextval, setval, setseed, sleep_ms, write_log …)
# are refused.
HARMLESS_VOLATILE = frozenset(
    {
        "random", "uuid", "gen_random_uuid", "uuidv4", "uuidv7", "currval", "error", "stats", "vector_type",
        "current_connection_id", "current_query", "current_query_id", "current_transaction_id",
    }
)  # fmt: skip


# Scalar functions that build one value whose size is an argument (a list of N numbers, a string of N
# characters): DuckDB makes such a value in one piece, between the points where a query can be interrupted,
# so `len(range(1000000000))` took 20 GB before any time or memory limit could act (measured, DuckDB 2.0).
# Their size arguments (by position; None: all of them) must be written as numbers, and all of them together
# may not exceed MAX_SIZE_ARGUMENT. As table functions (FROM range(…)) the rows stream and the row cap holds.
SIZE_ARGUMENTS: dict[str, tuple[int, ...] | None] = {
    "range": None, "generate_series": None, "repeat": (1,), "list_resize": (1,), "array_resize": (1,),
    "lpad": (1,), "rpad": (1,), "bar": (3,), "bitstring": (1,), "to_base": (2,),
}  # fmt: skip
FORMAT_FUNCTIONS = frozenset({"printf", "format"})
FORMAT_WIDTH = re.compile(r"%[-+ #0]*(\*|\d{4,})|\{[^}]*(\{|\d{4,})")  # a width of 1000 or more, or one taken from an argument

# Settings hold the server's paths (temp directory, extension directory, the database file); a data query has
# no use for them.
SETTINGS_FUNCTIONS = frozenset({"current_setting"})
SETTINGS_VIEWS = frozenset({"pg_settings"})


class QueryRefused(Refusal):
    """A console query that was not run, or was stopped: a rule code and its fields, in Thai or English."""


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    types: list[str]
    rows: list[tuple[Any, ...]]  # at most max_rows
    truncated: bool  # the query had more rows than max_rows
    elapsed_s: float


@dataclass(frozen=True)
class ColumnInfo:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class TableInfo:
    name: str
    description: str
    columns: list[ColumnInfo] = field(default_factory=list)


@dataclass(frozen=True)
class Example:
    key: str
    name_th: str
    name_en: str
    sql: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "sql", self.sql.strip())  # written as indented blocks below; shown without the margins

    def name(self, lang: str) -> str:
        return self.name_th if lang == "th" else self.name_en


# The tables the console reads, in the order the schema lists them, with wording for those that are not
# upload tables (store.tables describes those): (English, Thai, {column: (English, Thai)}).
BATCH_ID = ("The load (batch) that wrote the row; empty for seed rows", "ชุดข้อมูล (batch) ที่นำเข้าแถวนี้ ว่างสำหรับข้อมูลตั้งต้น")
REFERENCE_TABLES: dict[str, tuple[str, str, dict[str, tuple[str, str]]]] = {
    "subdistricts": (
        "The eco-town's subdistricts",
        "ตำบลในเมืองอุตสาหกรรมเชิงนิเวศ",
        {
            "subdistrict_code": ("Subdistrict code (DOPA)", "รหัสตำบล (กรมการปกครอง)"),
            "name_th": ("Name in Thai", "ชื่อภาษาไทย"),
            "name_en": ("Name in English", "ชื่อภาษาอังกฤษ"),
            "district_th": ("District in Thai", "อำเภอ (ภาษาไทย)"),
            "district_en": ("District in English", "อำเภอ (ภาษาอังกฤษ)"),
            "area_m2": ("Land area, m²", "พื้นที่ (ตร.ม.)"),
        },
    ),
    "effluent_standards": (
        "Effluent standards: the limits each sample is judged against",
        "มาตรฐานน้ำทิ้ง: เกณฑ์ที่ใช้ตัดสินผลตรวจแต่ละตัวอย่าง",
        {
            "parameter": ("Parameter code", "รหัสพารามิเตอร์"),
            "unit": ("Unit", "หน่วย"),
            "min_value": ("Lowest allowed value (pH only)", "ค่าต่ำสุดที่ยอมรับ (เฉพาะ pH)"),
            "max_value": ("Highest allowed value", "ค่าสูงสุดที่ยอมรับ"),
            "name_th": ("Name in Thai", "ชื่อภาษาไทย"),
            "name_en": ("Name in English", "ชื่อภาษาอังกฤษ"),
        },
    ),
    "indicators": (
        "The indicator catalogue and its criteria",
        "บัญชีตัวชี้วัดและเกณฑ์",
        {
            "code": ("Indicator code (e.g. 19.1.1)", "รหัสตัวชี้วัด (เช่น 19.1.1)"),
            "level": ("Eco-town level 1–3 it belongs to", "ระดับเมืองอุตสาหกรรมเชิงนิเวศ (1–3)"),
            "sort_order": ("Order in the scorecard", "ลำดับในตารางคะแนน"),
            "unit": ("percent or count", "percent (ร้อยละ) หรือ count (จำนวน)"),
            "comparator": ("ge (at least) or gt (more than) the threshold", "ge (ไม่น้อยกว่า) หรือ gt (มากกว่า) เกณฑ์"),
            "threshold": ("Threshold to pass", "เกณฑ์ผ่าน"),
            "provisional": ("Threshold not yet confirmed", "เกณฑ์ยังไม่ยืนยัน"),
            "entity": ("What is counted (factory, respondent …)", "สิ่งที่นับ (โรงงาน ผู้ตอบ …)"),
            "name_th": ("Name in Thai", "ชื่อภาษาไทย"),
            "name_en": ("Name in English", "ชื่อภาษาอังกฤษ"),
        },
    ),
    "batches": (
        "The batch log: every file loaded, and whether it was rolled back",
        "บันทึกการนำเข้า: ทุกไฟล์ที่นำเข้า และสถานะการยกเลิก",
        {
            "batch_id": ("Batch number", "เลขที่ชุดข้อมูล"),
            "table_name": ("Table loaded", "ตารางที่นำเข้า"),
            "file_name": ("File name", "ชื่อไฟล์"),
            "sha256": ("SHA-256 of the file", "ค่า SHA-256 ของไฟล์"),
            "encoding": ("Text encoding detected", "รหัสอักขระที่ตรวจพบ"),
            "rows_in_file": ("Data rows in the file", "จำนวนแถวข้อมูลในไฟล์"),
            "rows_inserted": ("Rows added", "จำนวนแถวที่เพิ่ม"),
            "rows_replaced": ("Rows replaced", "จำนวนแถวที่แทนที่"),
            "be_conversions": ("Buddhist Era years converted to CE", "จำนวนปี พ.ศ. ที่แปลงเป็น ค.ศ."),
            "is_demo": ("Synthetic demo data", "ข้อมูลสาธิต (สังเคราะห์)"),
            "loaded_by": ("Who loaded it", "ผู้นำเข้า"),
            "loaded_at": ("When (Bangkok time)", "เวลาที่นำเข้า (เวลากรุงเทพฯ)"),
            "status": ("loaded or rolled_back", "loaded (นำเข้าแล้ว) หรือ rolled_back (ยกเลิกแล้ว)"),
            "rolled_back_by": ("Who rolled it back", "ผู้ยกเลิก"),
            "rolled_back_at": ("When it was rolled back", "เวลาที่ยกเลิก"),
            "note": ("Note", "หมายเหตุ"),
        },
    ),
    "boundaries": (
        "Subdistrict polygons (OCHA COD-AB, CC BY-IGO)",
        "ขอบเขตตำบล (OCHA COD-AB, CC BY-IGO)",
        {
            "subdistrict_code": ("Subdistrict code", "รหัสตำบล"),
            "name_th": ("Name in Thai", "ชื่อภาษาไทย"),
            "name_en": ("Name in English", "ชื่อภาษาอังกฤษ"),
            "geometry_geojson": ("Polygon as GeoJSON", "รูปแปลงในรูปแบบ GeoJSON"),
            "source": ("Source file or address", "แหล่งที่มา"),
            "sha256": ("SHA-256 of the source file", "ค่า SHA-256 ของไฟล์ต้นทาง"),
            "loaded_at": ("When loaded", "เวลาที่นำเข้า"),
        },
    ),
}
READABLE_ORDER = (
    "subdistricts", "establishments", "annual_reports", "certifications", "practices", "effluent_samples",
    "effluent_standards", "green_areas", "surveys", "infrastructure", "activities", "evidence", "indicators",
    "batches", "boundaries",
)  # fmt: skip
READABLE = frozenset(READABLE_ORDER)


def is_internal(table: str) -> bool:
    name = table.lower()
    return name in INTERNAL_TABLES or name.endswith(INTERNAL_SUFFIXES)


def connect_read_only(path: str | Path) -> duckdb.DuckDBPyConnection:
    """Open a database file for the console alone (the command line): read-only, hardened from the start."""
    config: dict[str, Any] = {name: value for name, value, _ in HARDENING}
    return open_read_only(path, config)


def _guard_settings(cur: duckdb.DuckDBPyConnection) -> tuple[bool, bool]:
    row = cur.execute("select current_setting('enable_external_access'), current_setting('lock_configuration')").fetchall()[0]
    return bool(row[0]), bool(row[1])


def harden(con: duckdb.DuckDBPyConnection) -> None:
    """Turn off file, network and extension access for the whole database and lock its settings.

    For the app's one read-write connection, after migrations and seeding: the app's own work (registered
    DataFrames and Arrow tables, spilling to the temp directory, checkpoints) is unaffected. Idempotent;
    a database already locked with external access on cannot be hardened any more and is refused."""
    with con.cursor() as cur:
        external, locked = _guard_settings(cur)
        if locked:
            if external:
                raise QueryRefused("console_unguarded")
            return
        for _, _, statement in HARDENING:
            cur.execute(statement)


def _walk(node: Any) -> Iterator[dict[str, Any]]:
    """Every object of a serialized statement, depth first: subqueries, CTEs, joins and SHOW all nest."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for item in node:
            yield from _walk(item)


@dataclass
class _References:
    tables: list[tuple[str, str]] = field(default_factory=list)  # (schema, name) of every base table or SHOW target
    ctes: set[str] = field(default_factory=set)
    table_functions: set[str] = field(default_factory=set)
    functions: set[str] = field(default_factory=set)
    calls: list[dict[str, Any]] = field(default_factory=list)  # scalar function calls, outermost first


def _references(cur: duckdb.DuckDBPyConnection, query: str) -> _References:
    """What a SELECT names, from DuckDB's own parse tree (json_serialize_sql), so quoting, case, schema
    prefixes, subqueries and CTEs cannot hide a table or a function from the check."""
    tree = json.loads(cur.execute("select json_serialize_sql($query)", {"query": query}).fetchall()[0][0])
    if tree.get("error"):
        raise QueryRefused("query_form", detail=tree.get("error_message", ""))
    found = _References()
    table_function_calls: set[int] = set()
    for node in _walk(tree.get("statements", [])):
        kind = node.get("type")
        if node.get("class") == "FUNCTION" and id(node) not in table_function_calls:
            found.calls.append(node)
        if kind == "BASE_TABLE":
            found.tables.append((str(node.get("schema_name") or "").lower(), str(node.get("table_name") or "")))
        elif kind == "SHOW_REF" and node.get("show_type") == "SHOW" and node.get("table_name"):
            found.tables.append((str(node.get("schema_name") or "").lower(), str(node["table_name"])))
        elif kind == "TABLE_FUNCTION" and isinstance(node.get("function"), dict):
            table_function_calls.add(id(node["function"]))  # walked after this node, depth first
            found.table_functions.add(str(node["function"].get("function_name", "")).lower())
        if "function_name" in node:
            found.functions.add(str(node["function_name"]).lower())
        cte_map = node.get("cte_map")
        if isinstance(cte_map, dict):
            found.ctes.update(str(entry.get("key", "")).lower() for entry in cte_map.get("map", []))
    return found


@cache
def _side_effect_functions() -> frozenset[str]:
    """Built-in functions DuckDB flags as having side effects, less the harmless ones; the same for every
    database of this DuckDB build, so asked once per process."""
    with duckdb.connect() as con:
        rows = con.execute("select distinct function_name from duckdb_functions() where has_side_effects").fetchall()
    return frozenset(str(r[0]).lower() for r in rows) - HARMLESS_VOLATILE


def _table_macros(cur: duckdb.DuckDBPyConnection) -> set[str]:
    """The database's own table macros (factory_populations …): migrations define them over data tables."""
    rows = cur.execute("select function_name from duckdb_functions() where function_type = 'table_macro' and not internal").fetchall()
    return {str(r[0]).lower() for r in rows}


def _constant(node: Any) -> dict[str, Any] | None:
    """The literal an argument is written as (through casts and a leading minus), or None for anything computed."""
    while isinstance(node, dict) and node.get("class") == "CAST":
        node = node.get("child")
    if isinstance(node, dict) and node.get("class") == "FUNCTION" and node.get("function_name") == "-":
        arguments = node.get("arguments") or []
        if len(arguments) == 1:
            return _constant(arguments[0].get("expression"))
    if isinstance(node, dict) and node.get("class") == "CONSTANT":
        literal = node.get("literal")
        return literal if isinstance(literal, dict) else None
    return None


def _size(literal: dict[str, Any] | None) -> float | None:
    if literal is None or literal.get("kind") in (None, "STRING", "BLOB"):
        return None
    try:
        return abs(float(str(literal.get("text"))))
    except ValueError:
        return None


def _check_sizes(calls: list[dict[str, Any]]) -> None:
    """Functions that make a value as large as an argument take sizes written as numbers, small in total."""
    total = 0.0
    for call in calls:
        name = str(call.get("function_name", "")).lower()
        arguments = [a.get("expression") for a in call.get("arguments") or []]
        if name in FORMAT_FUNCTIONS and arguments:
            template = _constant(arguments[0])
            if template is None or template.get("kind") != "STRING" or FORMAT_WIDTH.search(str(template.get("text"))):
                raise QueryRefused("query_too_big", value=name, limit=f"{MAX_SIZE_ARGUMENT:,}")
        if name not in SIZE_ARGUMENTS:
            continue
        positions = SIZE_ARGUMENTS[name]
        for position, argument in enumerate(arguments):
            if positions is not None and position not in positions:
                continue
            size = _size(_constant(argument))
            if size is None:
                raise QueryRefused("query_too_big", value=name, limit=f"{MAX_SIZE_ARGUMENT:,}")
            total += size
            if total > MAX_SIZE_ARGUMENT:
                raise QueryRefused("query_too_big", value=name, limit=f"{MAX_SIZE_ARGUMENT:,}")


def _looks_like_path(name: str) -> bool:
    return any(mark in name for mark in ("/", "\\", ":", "."))  # a replacement scan: '/etc/passwd', 'x.csv', 'https://…'


def check(cur: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The statement to run if sql is one SELECT over readable tables with allowed functions; else QueryRefused."""
    if len(sql) > MAX_SQL_CHARS:
        raise QueryRefused("query_too_long", limit=MAX_SQL_CHARS, value=len(sql))
    try:
        statements = cur.extract_statements(sql)
    except (duckdb.Error, ValueError) as exc:  # ValueError: a statement type the Python API has no name for
        raise QueryRefused("query_syntax", detail=_first_line(exc)) from None
    if not statements:
        raise QueryRefused("query_empty")
    if len(statements) > 1:
        raise QueryRefused("query_several", value=len(statements))
    statement = statements[0]
    try:
        kind = statement.type.name
    except ValueError:  # DuckDB 2.0: UPDATE EXTENSIONS parses to a type the Python enum lacks
        kind = "UNKNOWN"
    if kind != duckdb.StatementType.SELECT.name:
        # EXPLAIN is refused too: EXPLAIN ANALYZE runs the statement it wraps, whatever that statement is.
        keyword = re.match(r"\W*(\w*)", statement.query)
        raise QueryRefused("query_not_select", value=(keyword.group(1) if keyword else "").upper(), detail=kind)
    found = _references(cur, statement.query)
    for schema_name, table in found.tables:
        name = table.lower()
        if is_internal(name):
            raise QueryRefused("query_internal_table", value=table)
        if name in SETTINGS_VIEWS:
            raise QueryRefused("query_settings", value=table)
        if name in READABLE or name in found.ctes or name in CATALOGUE_VIEWS or schema_name in CATALOGUE_SCHEMAS:
            continue
        if _looks_like_path(name):
            raise QueryRefused("query_no_external_access", value=table)
        raise QueryRefused("query_unknown_table", value=table, allowed=", ".join(READABLE_ORDER))
    settings = sorted(found.functions & SETTINGS_FUNCTIONS)
    if settings:
        raise QueryRefused("query_settings", value=settings[0] + "()")
    _check_sizes(found.calls)
    writes = sorted(found.functions & _side_effect_functions())
    if writes:
        raise QueryRefused("query_side_effect", value=writes[0])
    unknown = sorted(found.table_functions - TABLE_FUNCTIONS)
    if unknown:
        unknown = sorted(set(unknown) - _table_macros(cur))
    readers = [name for name in unknown if name.startswith(FILE_READERS)]
    if readers:
        raise QueryRefused("query_no_external_access", value=readers[0] + "()")
    if unknown:
        raise QueryRefused("query_table_function", value=unknown[0], allowed=", ".join(sorted(TABLE_FUNCTIONS)))
    return statement.query


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _refusal_for(exc: duckdb.Error) -> QueryRefused:
    if isinstance(exc, duckdb.PermissionException):
        return QueryRefused("query_no_external_access", value=_first_line(exc))
    if isinstance(exc, duckdb.TransactionException):
        return QueryRefused("query_would_write", detail=_first_line(exc))
    return QueryRefused("query_failed", detail=_first_line(exc))


def run_query(
    source: duckdb.DuckDBPyConnection,
    sql: str,
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    max_rows: int = DEFAULT_MAX_ROWS,
    memory_bytes: int = DEFAULT_MEMORY_BYTES,
) -> QueryResult:
    """Run one checked SELECT on a cursor of its own, in a read-only transaction, stopped after timeout_s,
    or once it has grown the process's resident memory by memory_bytes, keeping at most max_rows rows and
    MAX_RESULT_BYTES of text. Every refusal or failure raises QueryRefused.

    The cursor is new for each query because interrupt() stops only the query of the cursor it is called on
    (DuckDB 2.0, measured: not its parent's, not its siblings'), so the time limit never touches another
    session's query on the app's shared connection."""
    if timeout_s <= 0 or max_rows < 0:
        raise ValueError("timeout_s must be positive and max_rows at least 0")
    own = source.cursor()
    try:
        external, locked = _guard_settings(own)
        if external or not locked:
            raise QueryRefused("console_unguarded")
        query = check(own, sql)
        return _execute(own, query, timeout_s, max_rows, memory_bytes)
    finally:
        own.close()


def _resident_bytes() -> int | None:
    """This process's resident memory, from Linux's /proc; None where there is none (the memory limit then rests)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * _PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return None


_PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


class _Watch(threading.Thread):
    """Stops the query of one cursor when it runs past its time or grows the process past its memory budget,
    checking every 50 ms. interrupt() acts between chunks of work, which is why values that DuckDB builds in
    one piece are refused before the query runs (_check_sizes)."""

    def __init__(self, own: duckdb.DuckDBPyConnection, timeout_s: float, memory_bytes: int):
        super().__init__(daemon=True)
        self.own, self.timeout_s, self.memory_bytes = own, timeout_s, memory_bytes
        self.done = threading.Event()
        self.reason: str | None = None  # "time" or "memory" once it has stopped the query

    def run(self) -> None:
        started = time.monotonic()
        baseline = _resident_bytes()
        while not self.done.wait(0.05):
            if time.monotonic() - started > self.timeout_s:
                self.stop("time")
                return
            resident = _resident_bytes()
            if baseline is not None and resident is not None and resident - baseline > self.memory_bytes:
                self.stop("memory")
                return

    def stop(self, reason: str) -> None:
        self.reason = reason
        try:
            self.own.interrupt()
        except duckdb.Error:
            pass  # the cursor closed between the query's end and this check: nothing left to stop


def _text_bytes(rows: list[tuple[Any, ...]]) -> int:
    return sum(len(value) for row in rows for value in row if isinstance(value, (str, bytes, bytearray, list, dict)))


def _execute(own: duckdb.DuckDBPyConnection, query: str, timeout_s: float, max_rows: int, memory_bytes: int) -> QueryResult:
    watch = _Watch(own, timeout_s, memory_bytes)
    # Read-only: even a function that slipped past the check cannot write (nextval, setval are refused here).
    own.execute("begin transaction read only")
    started = time.perf_counter()
    watch.start()
    try:
        own.execute(query)
        description = own.description or []
        zoned = [str(d[0]) for d in description if "WITH TIME ZONE" in str(d[1]).upper()]
        if zoned:
            # Python needs pytz to build zone-aware datetimes and this project does not install it.
            raise QueryRefused("query_time_zone", column=zoned[0])
        rows: list[tuple[Any, ...]] = []
        while len(rows) <= max_rows:  # in chunks, so that a result of huge values stops at the byte limit
            chunk = own.fetchmany(min(500, max_rows + 1 - len(rows)))
            if not chunk:
                break
            rows.extend(chunk)
            if _text_bytes(rows) > MAX_RESULT_BYTES:
                raise QueryRefused("query_result_too_big", limit=f"{MAX_RESULT_BYTES >> 20}")
        elapsed = time.perf_counter() - started
    except duckdb.Error as exc:
        if watch.reason == "time":
            raise QueryRefused("query_time_limit", limit=f"{timeout_s:g}") from None
        if watch.reason == "memory":
            raise QueryRefused("query_memory_limit", limit=f"{memory_bytes / (1 << 30):g}") from None
        raise _refusal_for(exc) from None
    finally:
        watch.done.set()
        try:
            own.execute("rollback")  # also discards the rest of a streamed result, which would hold the cursor
        except duckdb.Error:
            pass  # an interrupted or failed transaction is rolled back when the cursor closes
        watch.join()
    return QueryResult(
        columns=[str(d[0]) for d in description],
        types=[str(d[1]) for d in description],
        rows=[tuple(r) for r in rows[:max_rows]],
        truncated=len(rows) > max_rows,
        elapsed_s=elapsed,
    )


def schema(cur: duckdb.DuckDBPyConnection, lang: str = "en") -> list[TableInfo]:
    """The tables the console reads, with their columns' names, types and descriptions (internal tables hidden)."""
    rows = cur.execute(
        "select table_name, column_name, data_type from duckdb_columns()"
        " where database_name = current_database() and schema_name = 'main' and list_contains($tables, table_name)"
        " order by table_name, column_index",
        {"tables": list(READABLE_ORDER)},
    ).fetchall()
    columns: dict[str, list[tuple[str, str]]] = {}
    for table, column, kind in rows:
        columns.setdefault(str(table), []).append((str(column), str(kind)))
    th = lang == "th"
    out = []
    for table in READABLE_ORDER:
        if table not in columns:
            continue
        if table in TABLES:
            upload = TABLES[table]
            label = upload.label_th if th else upload.label_en
            wording = {c.name: (c.description_en, c.description_th) for c in upload.columns}
        else:
            label_en, label_th, wording = REFERENCE_TABLES[table]
            label = label_th if th else label_en
        wording = {**wording, "batch_id": BATCH_ID}
        described = [ColumnInfo(name, kind, wording.get(name, ("", ""))[1 if th else 0]) for name, kind in columns[table]]
        out.append(TableInfo(table, label, described))
    return out


STONE_CRUSHING = "โม่บดและย่อยหิน"  # the industry name the DIW register uses for stone crushing and grinding

EXAMPLES: tuple[Example, ...] = (
    Example(
        "establishments_by_area",
        "จำนวนสถานประกอบการที่ยังเปิดอยู่ แยกตามตำบลและประเภทอุตสาหกรรม",
        "Open establishments by subdistrict and industry",
        """
select
    s.subdistrict_code,
    s.name_th as subdistrict,
    e.kind,
    coalesce(e.industry, '-') as industry,
    count(*) as establishments
from establishments as e
inner join subdistricts as s using (subdistrict_code)
where e.closed_year is null
group by all
order by s.subdistrict_code, e.kind, establishments desc
""",
    ),
    Example(
        "stone_crushers_water_down",
        "โรงโม่หินที่ใช้น้ำต่อหน่วยผลิตภัณฑ์ลดลงสองปีติดกัน",
        "Stone crushers whose water use per unit of product fell two years running",
        f"""
with

intensity as (
    select
        r.factory_id,
        r.year,
        r.water_use_m3 / r.production_qty as water_per_unit
    from annual_reports as r
    inner join establishments as e using (factory_id)
    where e.industry = '{STONE_CRUSHING}'
      and r.water_use_m3 is not null
      and r.production_qty > 0
),

changes as (
    select
        factory_id,
        year,
        water_per_unit,
        lag(water_per_unit) over (partition by factory_id order by year) as year_before,
        lag(water_per_unit, 2) over (partition by factory_id order by year) as two_years_before,
        lag(year, 2) over (partition by factory_id order by year) as first_year
    from intensity
),

final as (
    select
        c.factory_id,
        e.name_th,
        c.year,
        round(c.two_years_before, 3) as water_per_unit_y2,
        round(c.year_before, 3) as water_per_unit_y1,
        round(c.water_per_unit, 3) as water_per_unit_y0
    from changes as c
    inner join establishments as e using (factory_id)
    where c.first_year = c.year - 2
      and c.year_before < c.two_years_before
      and c.water_per_unit < c.year_before
)

select * from final
order by year desc, factory_id
""",
    ),
    Example(
        "gi_level_1",
        "โรงงานที่ได้รับรองอุตสาหกรรมสีเขียวระดับ 1 อีกหนึ่งขั้นถึงระดับ 2",
        "Factories with Green Industry level 1, one step from level 2",
        """
with

valid_gi as (
    select
        factory_id,
        max(level) as best_level,
        max(expires_on) as expires_on
    from certifications
    where scheme = 'GI'
      and issued_on <= current_date
      and (expires_on is null or expires_on >= current_date)
    group by factory_id
),

final as (
    select
        e.factory_id,
        e.name_th,
        e.industry,
        e.subdistrict_code,
        g.expires_on
    from valid_gi as g
    inner join establishments as e using (factory_id)
    where g.best_level = 1
      and e.kind = 'factory'
      and e.closed_year is null
)

select * from final
order by subdistrict_code, industry, factory_id
""",
    ),
    Example(
        "sampled_without_energy",
        "สถานประกอบการที่ตรวจน้ำทิ้งในปีใดแต่ไม่ได้รายงานการใช้พลังงานของปีนั้น",
        "Establishments that sampled effluent in a year but reported no energy use for it",
        """
with

sampled as (
    select
        factory_id,
        year(sampled_on) as year,
        count(*) as samples
    from effluent_samples
    group by all
),

final as (
    select
        s.factory_id,
        e.name_th,
        e.kind,
        e.subdistrict_code,
        s.year,
        s.samples,
        (select max(r.year) from annual_reports as r where r.factory_id = s.factory_id and r.energy_total_gj is not null)
            as last_energy_year
    from sampled as s
    inner join establishments as e using (factory_id)
    where not exists (
        select 1
        from annual_reports as r
        where r.factory_id = s.factory_id
          and r.year = s.year
          and r.energy_total_gj is not null
    )
)

select * from final
order by year desc, factory_id
""",
    ),
    Example(
        "effluent_exceedances",
        "ผลตรวจน้ำทิ้งที่เกินมาตรฐาน แยกตามพารามิเตอร์และปี",
        "Effluent samples outside the standard, by parameter and year",
        """
with

judged as (
    select
        s.parameter,
        year(s.sampled_on) as year,
        s.factory_id,
        (st.min_value is not null and s.value < st.min_value)
            or (st.max_value is not null and s.value > st.max_value) as exceeded
    from effluent_samples as s
    inner join effluent_standards as st using (parameter)
)

select
    parameter,
    year,
    count(*) as samples,
    count(*) filter (where exceeded) as exceedances,
    count(distinct factory_id) filter (where exceeded) as establishments_exceeding,
    round(100.0 * count(*) filter (where exceeded) / count(*), 1) as exceedance_pct
from judged
group by parameter, year
having count(*) filter (where exceeded) > 0
order by year desc, exceedances desc
""",
    ),
    Example(
        "certificates_expiring",
        "การรับรองที่จะหมดอายุภายในหนึ่งปีข้างหน้า",
        "Certificates expiring within the next year",
        """
select
    c.factory_id,
    e.name_th,
    c.scheme,
    c.level,
    c.issued_on,
    c.expires_on,
    c.expires_on - current_date as days_left
from certifications as c
inner join establishments as e using (factory_id)
where c.expires_on >= current_date
  and c.expires_on < current_date + interval 1 year
order by c.expires_on, c.factory_id
""",
    ),
    Example(
        "renewable_share",
        "สัดส่วนพลังงานทดแทนต่อพลังงานทั้งหมด แยกตามปีและตำบล",
        "Renewable share of energy use by year and subdistrict",
        """
select
    r.year,
    e.subdistrict_code,
    count(*) as reports,
    round(sum(r.energy_total_gj)) as energy_total_gj,
    round(sum(r.energy_renewable_gj)) as energy_renewable_gj,
    round(100.0 * sum(r.energy_renewable_gj) / nullif(sum(r.energy_total_gj), 0), 2) as renewable_pct
from annual_reports as r
inner join establishments as e using (factory_id)
where r.energy_total_gj is not null
group by all
order by r.year, e.subdistrict_code
""",
    ),
    Example(
        "waste_3r_by_industry",
        "อัตราการนำกากของเสียกลับมาใช้ (3Rs) แยกตามประเภทอุตสาหกรรม ในปีล่าสุด",
        "Waste reused or recycled (3Rs) by industry in the latest year",
        """
with

latest as (
    select max(year) as year
    from annual_reports
)

select
    r.year,
    coalesce(e.industry, '-') as industry,
    count(*) as reports,
    round(sum(r.waste_generated_t), 1) as waste_generated_t,
    round(sum(r.waste_3r_t), 1) as waste_3r_t,
    round(100.0 * sum(r.waste_3r_t) / nullif(sum(r.waste_generated_t), 0), 1) as rate_3r_pct
from annual_reports as r
inner join latest using (year)
inner join establishments as e using (factory_id)
where r.waste_generated_t is not null
group by all
order by rate_3r_pct desc nulls last
""",
    ),
    Example(
        "community_scores",
        "สัดส่วนผู้ตอบจากชุมชนที่ให้คะแนน 4–5 แยกตามปี คำถาม และตำบล",
        "Share of community respondents scoring 4–5 by year, question and subdistrict",
        """
select
    year,
    question,
    subdistrict_code,
    count(*) as respondents,
    count(*) filter (where score >= 4) as score_4_or_5,
    round(100.0 * count(*) filter (where score >= 4) / count(*), 1) as share_pct
from surveys
where respondent_type = 'community'
group by all
order by year, question, subdistrict_code
""",
    ),
    Example(
        "evidence_not_ready",
        "เอกสารหลักฐานที่ยังไม่พร้อม แยกตามปีงบประมาณและตัวชี้วัด",
        "Evidence items not yet ready, by fiscal year and indicator",
        """
select
    fiscal_year,
    indicator_code,
    count(*) as items,
    count(*) filter (where status = 'missing') as missing,
    count(*) filter (where status = 'in_progress') as in_progress,
    string_agg(item_no::varchar, ', ' order by item_no) as item_numbers
from evidence
where status <> 'ready'
group by all
order by fiscal_year desc, indicator_code
""",
    ),
    Example(
        "activities_by_status",
        "กิจกรรมตามแผนปฏิบัติการ แยกตามสถานะ พร้อมผู้เข้าร่วมเทียบเป้าหมาย",
        "Action-plan activities by status, with participants against targets",
        """
select
    fiscal_year,
    status,
    count(*) as activities,
    count(*) filter (where planned_end < current_date and status in ('planned', 'in_progress')) as overdue,
    sum(participants) as participants,
    sum(target_participants) as target_participants
from activities
group by all
order by fiscal_year desc, status
""",
    ),
    Example(
        "factories_without_latest_report",
        "โรงงานที่ยังเปิดอยู่แต่ไม่มีรายงานประจำปีของปีล่าสุด",
        "Open factories with no annual report for the latest year",
        """
with

latest as (
    select max(year) as year
    from annual_reports
),

final as (
    select
        e.factory_id,
        e.name_th,
        e.industry,
        e.subdistrict_code,
        l.year as missing_year,
        (select max(r.year) from annual_reports as r where r.factory_id = e.factory_id) as last_report_year
    from establishments as e
    cross join latest as l
    where e.kind = 'factory'
      and (e.registered_year is null or e.registered_year <= l.year)
      and (e.closed_year is null or e.closed_year > l.year)
      and not exists (
          select 1
          from annual_reports as r
          where r.factory_id = e.factory_id
            and r.year = l.year
      )
)

select * from final
order by subdistrict_code, factory_id
""",
    ),
    Example(
        "top_ghg_emitters",
        "สิบโรงงานที่ปล่อยก๊าซเรือนกระจกมากที่สุดในปีล่าสุด",
        "The ten largest greenhouse-gas emitters in the latest year",
        """
with

latest as (
    select max(year) as year
    from annual_reports
)

select
    r.factory_id,
    e.name_th,
    e.industry,
    r.year,
    r.ghg_tco2e,
    round(r.ghg_tco2e / nullif(r.production_qty, 0), 4) as ghg_per_unit,
    r.production_unit
from annual_reports as r
inner join latest using (year)
inner join establishments as e using (factory_id)
where r.ghg_tco2e is not null
order by r.ghg_tco2e desc
limit 10
""",
    ),
)
