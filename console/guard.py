"""The console's first layer: one SELECT over data tables, read from DuckDB's own parse tree, with sizes estimated as values."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from console.messages import wording
from store.db import open_read_only
from store.messages import Refusal

MAX_SQL_CHARS = 20_000  # a console query is typed or pasted; a megabyte of SQL is a mistake or an attack on the parser
MAX_VALUE_SIZE = 100_000  # characters (or list elements) one value may be made of by the functions below
MAX_FORMAT_WIDTH = 1_000  # a printf/format width or precision; wider is refused outright
MAX_QUADRATIC_STEPS = 1_000_000  # characters × characters one edit-distance call may compare
# A value read from a column or a subquery has no size the guard can see; it is taken as this many characters
# (names and addresses are far shorter; a polygon's GeoJSON is longer, and the worker's limits cover that case).
DATA_VALUE_GUESS = 1_000

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

READABLE_ORDER = (
    "subdistricts", "establishments", "annual_reports", "certifications", "practices", "effluent_samples",
    "effluent_standards", "green_areas", "surveys", "infrastructure", "activities", "evidence", "edit_log", "indicators",
    "batches", "boundaries",
)  # fmt: skip
# Views of data tables with their years in the Buddhist era beside the CE ones (sql/schema/017_console_be.sql):
# the same rows as the table, so readable whenever the table is. Table -> view.
BE_VIEWS = {
    "establishments": "establishments_be", "annual_reports": "annual_reports_be", "certifications": "certifications_be",
    "practices": "practices_be", "effluent_samples": "effluent_samples_be", "green_areas": "green_areas_be",
    "surveys": "surveys_be", "infrastructure": "infrastructure_be",
}  # fmt: skip
READABLE = frozenset(READABLE_ORDER) | frozenset(BE_VIEWS.values())
READABLE_LISTED = tuple(name for table in READABLE_ORDER for name in (table, BE_VIEWS.get(table)) if name)  # each view after its table

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

# Settings hold the server's paths (temp directory, extension directory, the database file); a data query has
# no use for them.
SETTINGS_FUNCTIONS = frozenset({"current_setting"})
SETTINGS_VIEWS = frozenset({"pg_settings"})

# Every node kind json_serialize_sql gave for DuckDB 2.0 over the examples, the tests and every SELECT form
# tried (joins of every kind, PIVOT/UNPIVOT, windows, samples, lambdas, recursive CTEs, SHOW/DESCRIBE/SUMMARIZE).
# A node of any other kind refuses the query: a renamed node would otherwise hide what it holds from the check.
EXPRESSION_CLASSES = frozenset(
    {
        "BETWEEN", "CASE", "CAST", "COLLATE", "COLUMN_REF", "COMPARISON", "CONJUNCTION", "CONSTANT", "DEFAULT",
        "FUNCTION", "LAMBDA", "OPERATOR", "PARAMETER", "POSITIONAL_REFERENCE", "STAR", "SUBQUERY", "TYPE", "WINDOW",
    }
)  # fmt: skip
NODE_TYPES = frozenset(
    {
        "SELECT_NODE", "SET_OPERATION_NODE", "RECURSIVE_CTE_NODE", "BASE_TABLE", "SUBQUERY", "JOIN", "TABLE_FUNCTION",
        "EXPRESSION_LIST", "EMPTY", "PIVOT", "SHOW_REF", "ORDER_MODIFIER", "LIMIT_MODIFIER", "LIMIT_PERCENT_MODIFIER",
        "DISTINCT_MODIFIER", "ORDER_DEFAULT", "ASCENDING", "DESCENDING",
    }
)  # fmt: skip
# Query nodes that change data or write files: a data-modifying CTE (WITH x AS (DELETE … RETURNING *)) parses
# as a SELECT whose CTE is one of these; the read-only transaction would stop it, but the guard refuses it first.
WRITING_NODES = re.compile(r"(INSERT|UPDATE|DELETE|MERGE|COPY)\w*_NODE")

# Scalar functions that build one value whose size is an argument: DuckDB makes such a value in one piece,
# between the points where a query can be interrupted (a nested repeat reached 3.6 GB in the server, measured).
# Their counts must be written as numbers; the value's size is estimated as the value itself (literal length ×
# count, products across nesting) and may not exceed MAX_VALUE_SIZE. As table functions (FROM range(…)) the rows
# stream and the row cap holds.
MULTIPLIERS = {"repeat": 1, "list_resize": 1, "array_resize": 1}  # function: position of the count
PADS = {"lpad": 1, "rpad": 1, "bitstring": 1, "bar": 3, "to_base": 2}  # function: position of the target size
SERIES = frozenset({"range", "generate_series"})
FORMAT_FUNCTIONS = frozenset({"printf", "format"})
REPLACERS = frozenset({"replace", "regexp_replace"})  # an empty or one-character pattern repeats the replacement
# Edit distances and similarities compare every character with every other: levenshtein on two 128K-character
# strings ran 33 s in one piece (measured), past the time limit.
QUADRATIC = frozenset(
    {
        "levenshtein", "editdist3", "damerau_levenshtein", "jaro_similarity", "jaro_winkler_similarity", "jaccard",
        "hamming", "mismatches",
    }
)  # fmt: skip
PRINTF_SPEC = re.compile(r"%(?:\d+\$)?[-+ #0']*(\*(?:\d+\$)?|\d+)?(?:\.(\*(?:\d+\$)?|\d*))?")
FORMAT_SPEC = re.compile(r"\{\{|\}\}|\{([^{}]*)([{}]?)")


class QueryRefused(Refusal):
    """A console query that was not run, or was stopped: a rule code and its fields, in Thai or English."""

    def __init__(self, rule: str, **fields: object):
        self.rule, self.fields = rule, fields
        ValueError.__init__(self, wording(rule, "en", **fields))

    def text(self, lang: str = "en") -> str:
        return wording(self.rule, lang, **self.fields)


def is_internal(table: str) -> bool:
    name = table.lower()
    return name in INTERNAL_TABLES or name.endswith(INTERNAL_SUFFIXES)


def connect_read_only(path: str | Path, settings: dict[str, Any] | None = None) -> duckdb.DuckDBPyConnection:
    """Open a database file for the console alone: read-only (a snapshot while the app holds it), hardened from
    the start, with the worker's own settings (threads, memory) locked in with the rest."""
    config: dict[str, Any] = {**(settings or {}), **{name: value for name, value, _ in HARDENING}}
    return open_read_only(path, config)


def guard_settings(cur: duckdb.DuckDBPyConnection) -> tuple[bool, bool]:
    row = cur.execute("select current_setting('enable_external_access'), current_setting('lock_configuration')").fetchall()[0]
    return bool(row[0]), bool(row[1])


def harden(con: duckdb.DuckDBPyConnection) -> None:
    """Turn off file, network and extension access for the whole database and lock its settings.

    For the app's one read-write connection, after migrations and seeding: the app's own work (registered
    DataFrames and Arrow tables, spilling to the temp directory, checkpoints) is unaffected. Idempotent;
    a database already locked with external access on cannot be hardened any more and is refused."""
    with con.cursor() as cur:
        external, locked = guard_settings(cur)
        if locked:
            if external:
                raise QueryRefused("console_unguarded")
            return
        for _, _, statement in HARDENING:
            cur.execute(statement)


Serializer = Callable[[str], dict[str, Any]]


def duckdb_serializer(cur: duckdb.DuckDBPyConnection) -> Serializer:
    """DuckDB's own parse tree of a statement, as JSON."""

    def serialize(query: str) -> dict[str, Any]:
        tree = json.loads(cur.execute("select json_serialize_sql($query)", {"query": query}).fetchall()[0][0])
        return tree if isinstance(tree, dict) else {}

    return serialize


@dataclass
class References:
    tables: list[tuple[str, str]] = field(default_factory=list)  # (schema, name) of every base table or SHOW target
    table_functions: set[str] = field(default_factory=set)
    functions: set[str] = field(default_factory=set)
    calls: list[dict[str, Any]] = field(default_factory=list)  # scalar function calls, outermost first


def _children(node: Any) -> Iterator[Any]:
    if isinstance(node, dict):
        yield from node.values()
    elif isinstance(node, list):
        yield from node


def _read(node: Any, scope: frozenset[str], found: References, table_calls: set[int]) -> None:
    """Collect what a statement names, CTE names resolved by scope: a WITH's names hold in its own query and the
    CTEs after it (and in a recursive CTE's own body), never outside; a qualified name is never a CTE."""
    if isinstance(node, list):
        for item in node:
            _read(item, scope, found, table_calls)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("type") if isinstance(node.get("type"), str) else None
    if "class" in node:
        if node["class"] not in EXPRESSION_CLASSES:
            raise QueryRefused("query_form", detail=f"unknown expression {node['class']}")
        if node["class"] == "FUNCTION" and id(node) not in table_calls:
            found.calls.append(node)
    elif kind is not None:
        if WRITING_NODES.fullmatch(kind):
            raise QueryRefused("query_data_modifying", value=kind.split("_")[0])
        if kind not in NODE_TYPES:
            raise QueryRefused("query_form", detail=f"unknown node {kind}")
    if kind == "BASE_TABLE":
        schema, name = str(node.get("schema_name") or "").lower(), str(node.get("table_name") or "")
        if schema or node.get("catalog_name") or name.lower() not in scope:
            found.tables.append((schema, name))
        elif is_internal(name):
            found.tables.append((schema, name))  # a CTE named like an internal table is refused all the same
    elif kind == "SHOW_REF" and node.get("show_type") == "SHOW" and node.get("table_name"):
        found.tables.append((str(node.get("schema_name") or "").lower(), str(node["table_name"])))
    elif kind == "TABLE_FUNCTION" and isinstance(node.get("function"), dict):
        table_calls.add(id(node["function"]))
        found.table_functions.add(str(node["function"].get("function_name", "")).lower())
    if "function_name" in node:
        found.functions.add(str(node["function_name"]).lower())
    cte_map = node.get("cte_map")
    entries = cte_map.get("map") if isinstance(cte_map, dict) else None
    if entries:
        inner = set(scope)
        for entry in entries:
            name = str(entry.get("key", "")).lower()
            body = entry.get("value") or {}
            recursive = isinstance(body.get("query_node"), dict) and body["query_node"].get("type") == "RECURSIVE_CTE_NODE"
            _read(body, frozenset(inner | {name}) if recursive else frozenset(inner), found, table_calls)
            inner.add(name)
        scope = frozenset(inner)
    for key, value in node.items():
        if key != "cte_map":
            _read(value, scope, found, table_calls)


def references(tree: dict[str, Any]) -> References:
    """What a statement's parse tree names; refuses a tree it cannot read."""
    if tree.get("error"):
        raise QueryRefused("query_form", detail=tree.get("error_message", ""))
    statements = tree.get("statements")
    if not isinstance(statements, list) or not statements:
        raise QueryRefused("query_form", detail="no statements in the parse tree")
    found = References()
    try:
        _read(statements, frozenset(), found, set())
    except RecursionError:
        raise QueryRefused("query_form", detail="nested too deeply") from None
    return found


@cache
def side_effect_functions() -> frozenset[str]:
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


def _number(node: Any, name: str) -> float:
    """A count written as a number (its size); anything computed, or not a number, is refused."""
    return abs(_signed(node, name))


def _arguments(call: dict[str, Any]) -> list[Any]:
    return [a.get("expression") for a in call.get("arguments") or []]


class _Sizes:
    """Sizes of values as the values themselves would be: a literal by its length, a multiplier times what it
    repeats, through any nesting; data read from a column or subquery is DATA_VALUE_GUESS. Memoised by node."""

    def __init__(self) -> None:
        self.known: dict[int, float] = {}
        self.factors: list[tuple[str, float]] = []  # every count in the query, whatever it multiplies

    def of(self, node: Any) -> float:
        if not isinstance(node, dict):
            return 0.0
        key = id(node)
        if key not in self.known:
            self.known[key] = self._measure(node)
        return self.known[key]

    def _measure(self, node: dict[str, Any]) -> float:
        kind = node.get("class")
        if kind == "CONSTANT":
            literal = node.get("literal") or {}
            return float(len(str(literal.get("text") or "")))
        if kind in ("COLUMN_REF", "SUBQUERY", "PARAMETER", "STAR", "POSITIONAL_REFERENCE"):
            return float(DATA_VALUE_GUESS)
        if kind == "FUNCTION":
            return self._call(node)
        return sum(self.of(child) for child in _expressions(node))

    def _call(self, call: dict[str, Any]) -> float:
        name = str(call.get("function_name", "")).lower()
        args = _arguments(call)
        sizes = [self.of(a) for a in args]
        if name in MULTIPLIERS and len(args) > MULTIPLIERS[name]:
            count = _number(args[MULTIPLIERS[name]], name)
            self.factors.append((name, count))
            repeated = sizes[0] if name == "repeat" else max([1.0, *sizes[2:]])
            return count * max(repeated, 1.0)
        if name in PADS and len(args) > PADS[name]:
            return max(_number(args[PADS[name]], name), sizes[0])
        if name == "bar":
            return max(80.0, sum(sizes))  # a bar's default width
        if name in SERIES:
            count = _series_length(args, name)
            self.factors.append((name, count))
            return count
        if name in FORMAT_FUNCTIONS and args:
            return _format_size(args[0], name) + sum(sizes[1:])
        if name in REPLACERS and len(args) >= 3:
            return sizes[0] * max(sizes[2], 1.0) + sizes[2]
        if name in QUADRATIC and len(args) >= 2:
            steps = sizes[0] * sizes[1]
            if steps > MAX_QUADRATIC_STEPS:
                raise QueryRefused("query_quadratic", value=name, limit=f"{MAX_QUADRATIC_STEPS:,}", detail=f"{steps:,.0f}")
            return 20.0
        return sum(sizes)


def _expressions(node: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The expressions directly below a node that is not a function call (CASE branches, comparisons …)."""
    stack = list(_children(node))
    while stack:
        item = stack.pop()
        if isinstance(item, dict) and "class" in item:
            yield item
        elif isinstance(item, (dict, list)) and not (isinstance(item, dict) and "node" in item):
            stack.extend(_children(item))


def _signed(node: Any, name: str) -> float:
    """A number written as a literal, with its sign; anything computed, or not a number, is refused."""
    sign = 1.0
    while isinstance(node, dict):
        if node.get("class") == "CAST":
            node = node.get("child")
        elif node.get("class") == "FUNCTION" and node.get("function_name") == "-" and len(node.get("arguments") or []) == 1:
            sign, node = -sign, node["arguments"][0].get("expression")
        else:
            break
    literal = _constant(node)
    try:
        if literal is None or literal.get("kind") in (None, "STRING", "BLOB"):
            raise ValueError
        value = float(str(literal.get("text")))
        if not math.isfinite(value):
            raise ValueError
    except ValueError:
        raise QueryRefused("query_too_big", value=name, limit=f"{MAX_VALUE_SIZE:,}", detail="?") from None
    return sign * value


def _series_length(args: list[Any], name: str) -> float:
    """Elements of a list range(…) / generate_series(…) makes, from bounds and step written as numbers."""
    values = [_signed(a, name) for a in args]
    if len(values) == 1:
        return abs(values[0])
    step = abs(values[2]) if len(values) > 2 else 1.0
    if step == 0:
        raise QueryRefused("query_too_big", value=name, limit=f"{MAX_VALUE_SIZE:,}", detail="?")
    return abs(values[1] - values[0]) / step + 1


def _format_size(template: Any, name: str) -> float:
    """A format's length with every width and precision counted; a width taken from an argument or of
    MAX_FORMAT_WIDTH or more (positional forms such as %1$1000000000d included) is refused."""
    literal = _constant(template)
    if literal is None or literal.get("kind") != "STRING":
        raise QueryRefused("query_too_big", value=name, limit=f"{MAX_VALUE_SIZE:,}", detail="?")
    text = str(literal.get("text"))
    widths: list[str] = []
    if name == "printf":
        for spec in PRINTF_SPEC.finditer(text):
            widths += [w for w in spec.groups() if w]
    else:
        for spec in FORMAT_SPEC.finditer(text):
            if spec.group(0) in ("{{", "}}"):
                continue
            if spec.group(2) == "{":  # a width or precision taken from an argument: {:{}}
                widths.append("*")
            widths += re.findall(r"\d+", (spec.group(1) or "").partition(":")[2])
    total = float(len(text))
    for width in widths:
        if width.startswith("*") or int(width) >= MAX_FORMAT_WIDTH:
            raise QueryRefused("query_too_big", value=name, limit=f"{MAX_VALUE_SIZE:,}", detail=width.lstrip("*") or "?")
        total += int(width)
    return total


def check_sizes(calls: list[dict[str, Any]]) -> None:
    """Every value a size-making function builds, and the product of every count in the query (a count can
    multiply another through a subquery's column, out of the estimate's sight), stay within MAX_VALUE_SIZE."""
    sizes = _Sizes()
    for call in calls:
        size = sizes.of(call)
        name = str(call.get("function_name", "")).lower()
        if size > MAX_VALUE_SIZE and name in MULTIPLIERS.keys() | PADS.keys() | SERIES | FORMAT_FUNCTIONS | REPLACERS:
            raise QueryRefused("query_too_big", value=name, limit=f"{MAX_VALUE_SIZE:,}", detail=f"{size:,.0f}")
    product = 1.0
    for name, count in sizes.factors:
        product *= max(count, 1.0)
        if product > MAX_VALUE_SIZE:
            raise QueryRefused("query_too_big", value=name, limit=f"{MAX_VALUE_SIZE:,}", detail=f"{product:,.0f}")


def _looks_like_path(name: str) -> bool:
    return any(mark in name for mark in ("/", "\\", ":", "."))  # a replacement scan: '/etc/passwd', 'x.csv', 'https://…'


def check(cur: duckdb.DuckDBPyConnection, sql: str, serialize: Serializer | None = None) -> str:
    """The statement to run if sql is one SELECT over readable tables with allowed functions; else QueryRefused.
    serialize gives the parse tree (DuckDB's json_serialize_sql unless a test passes another)."""
    if len(sql) > MAX_SQL_CHARS:
        raise QueryRefused("query_too_long", limit=MAX_SQL_CHARS, value=len(sql))
    try:
        statements = cur.extract_statements(sql)
    except (duckdb.Error, ValueError) as exc:  # ValueError: a statement type the Python API has no name for
        raise QueryRefused("query_syntax", detail=first_line(exc)) from None
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
    found = references((serialize or duckdb_serializer(cur))(statement.query))
    for schema_name, table in found.tables:
        name = table.lower()
        if is_internal(name):
            raise QueryRefused("query_internal_table", value=table)
        if name in SETTINGS_VIEWS:
            raise QueryRefused("query_settings", value=table)
        if name in READABLE or name in CATALOGUE_VIEWS or schema_name in CATALOGUE_SCHEMAS:
            continue
        if _looks_like_path(name):
            raise QueryRefused("query_no_external_access", value=table)
        raise QueryRefused("query_unknown_table", value=table, allowed=", ".join(READABLE_LISTED))
    settings = sorted(found.functions & SETTINGS_FUNCTIONS)
    if settings:
        raise QueryRefused("query_settings", value=settings[0] + "()")
    try:
        check_sizes(found.calls)
    except RecursionError:
        raise QueryRefused("query_form", detail="nested too deeply") from None
    writes = sorted(found.functions & side_effect_functions())
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


# A year written in the Buddhist era: BE = CE + 543, and SPEC §1 takes any year >= 2400 as BE. Above 3000 a number
# is no year anyone meant.
BE_FIRST, BE_LAST = 2400, 3000
BE_OFFSET = 543
YEAR_PARTS = frozenset({"year", "years", "y", "yr", "yrs", "yyyy"})  # date_part / extract's names for the year


def _year_like(node: Any) -> bool:
    """An expression holding a CE year: a column named year or *_year (fiscal_year is BE, year_be is BE), or the
    year of a date (year(d), date_part('year', d), extract(year from d)), through casts."""
    while isinstance(node, dict) and node.get("class") == "CAST":
        node = node.get("child")
    if not isinstance(node, dict):
        return False
    if node.get("class") == "COLUMN_REF":
        names = node.get("column_names") or [""]
        name = str(names[-1]).lower()
        return (name == "year" or name.endswith("_year")) and name != "fiscal_year"
    if node.get("class") == "FUNCTION":
        name = str(node.get("function_name", "")).lower()
        arguments = _arguments(node)
        if name == "year" and len(arguments) == 1:
            return True
        if name in ("date_part", "datepart", "extract") and len(arguments) == 2:
            part = _constant(arguments[0])
            return part is not None and str(part.get("text", "")).lower() in YEAR_PARTS
    return False


def _be_value(node: Any) -> int | None:
    """A whole number written as a literal that reads as a BE year (2400–3000), else None."""
    literal = _constant(node)
    if literal is None or literal.get("kind") in (None, "BLOB"):
        return None
    try:
        value = float(str(literal.get("text")).strip())  # '2566' too: DuckDB casts it to the column's number
    except ValueError:
        return None
    return int(value) if value.is_integer() and BE_FIRST <= value <= BE_LAST else None


def be_year_filters(tree: dict[str, Any]) -> list[int]:
    """The BE-looking years (>= 2400) a statement compares a CE year with, read from its parse tree, in the order
    written: `year = 2566`, `r.year in (2565, 2566)`, `year(sampled_on) between 2560 and 2566`, `2566 <= year`.
    The console says "years are stored in CE" when such a query finds nothing."""
    found: list[int] = []
    stack: list[Any] = [tree.get("statements")]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
            continue
        if not isinstance(node, dict):
            continue
        kind = node.get("class")
        pairs: list[tuple[Any, list[Any]]] = []
        if kind == "COMPARISON":
            pairs = [(node.get("left"), [node.get("right")]), (node.get("right"), [node.get("left")])]
        elif kind == "BETWEEN":
            pairs = [(node.get("input"), [node.get("lower"), node.get("upper")])]
        elif kind == "OPERATOR" and node.get("type") in ("COMPARE_IN", "COMPARE_NOT_IN"):
            children = node.get("children") or []
            pairs = [(children[0], children[1:])] if children else []
        for column, values in pairs:
            if _year_like(column):
                found += [v for v in (_be_value(value) for value in values) if v is not None]
        stack.extend(reversed(list(_children(node))))
    return list(dict.fromkeys(found))


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


# What the start-up self-test asks of the parse-tree reading: queries the guard must refuse (with this rule)
# or pass (None). If DuckDB renamed a node, dropped a field or moved a table reference, one of these answers
# changes and the console closes rather than check queries it can no longer read.
SELF_TEST: tuple[tuple[str, str | None], ...] = (
    ("select username, left(password_hash, 7) from users", "query_internal_table"),
    ("select * from (select * from main.sessions) as s", "query_internal_table"),
    ("select * from (with d as (select 1) select * from d), settings", "query_internal_table"),
    ("with x as (select 1) select * from duckdb_databases()", "query_table_function"),
    ("with x as (select 1) select * from x, duckdb_databases", "query_unknown_table"),
    ("with x as (delete from batches returning *) select * from x", "query_data_modifying"),
    ("select * from read_csv('/etc/passwd')", "query_no_external_access"),
    ("select nextval('batch_id_seq')", "query_side_effect"),
    ("select repeat(repeat('x', 1000), 1000)", "query_too_big"),
    ("select printf('%1$1000000000d', 1)", "query_too_big"),
    ("select levenshtein(repeat('a', 90000), repeat('b', 90000))", "query_quadratic"),
    ("select e.factory_id, count(*) from establishments as e join annual_reports using (factory_id) group by 1", None),
    ("with recursive r(n) as (select 1 union all select n + 1 from r where n < 3) select * from r", None),
)


def self_test(serialize: Serializer | None = None) -> list[str]:
    """Problems found when the guard reads known queries through serialize (DuckDB's by default); empty when
    the parse-tree reading still works. Runs on an empty in-memory database: parsing needs no tables."""
    problems: list[str] = []
    with duckdb.connect(config={name: value for name, value, _ in HARDENING}) as con, con.cursor() as cur:
        for sql, expected in SELF_TEST:
            try:
                check(cur, sql, serialize or duckdb_serializer(cur))
                got = None
            except QueryRefused as refusal:
                got = refusal.rule
            except Exception as exc:  # a reading that crashes is as broken as one that answers wrongly
                got = type(exc).__name__
            if got != expected:
                problems.append(f"{sql!r}: {got or 'allowed'}, expected {expected or 'allowed'}")
    return problems


@cache
def closed_reason() -> str | None:
    """Why the console is closed in this process (the self-test's first problem), or None when it is open;
    asked once per process (the server's page, each worker)."""
    problems = self_test()
    return problems[0] if problems else None


def ensure_open(serialize: Serializer | None = None) -> None:
    """Refuse with console_closed when the parse-tree self-test fails (serialize: a test's changed output)."""
    if serialize is None:
        problem = closed_reason()
    else:
        problems = self_test(serialize)
        problem = problems[0] if problems else None
    if problem:
        raise QueryRefused("console_closed", detail=problem)
