"""`python -m metrics scorecard --db PATH --year Y …` (SPEC §5) and `python -m metrics query --db PATH --sql …`."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import decimal
import json
import math
import sys
import unicodedata
import uuid
from pathlib import Path
from typing import Any

import duckdb

from console.guard import QueryRefused
from console.messages import wording
from console.worker import DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_S, QueryResult, run_query
from metrics.catalogue import UnknownVersion, town_areas, versions
from metrics.engine import Scorecard, evaluate
from store.db import db_path, open_read_only

STATUS = {"pass": "PASS", "fail": "FAIL", "no_data": "no data"}


def table_text(card: Scorecard, lang: str) -> str:
    lines = [f"Scorecard {card.year} (BE {card.year + 543}), area {card.area}: town level {card.town_level}"]
    lines.append("  ".join(f"level {lv['level']}: {STATUS[str(lv['status'])]}" for lv in card.levels))
    lines.append("")
    lines.append(f"{'code':<7} {'lvl':>3} {'value':>9} {'num':>14} {'den':>16} {'rule':>8}  {'status':<8} {'gap':>4}  name")
    for r in card.results:
        ind = r.indicator
        unit = "%" if ind.unit == "percent" else ""
        value = "—" if r.value is None else f"{r.value:.2f}{unit}" if unit else f"{r.value:.0f}"
        rule = (">" if ind.comparator == "gt" else ">=") + f"{ind.threshold:g}{unit}"
        den = "" if r.denominator is None else f"{r.denominator:,.6g}"
        gap = "" if r.gap is None else str(r.gap)
        mark = "*" if ind.provisional else ""
        lines.append(
            f"{ind.code:<7} {ind.level:>3} {value:>9} {r.numerator:>14,.6g} {den:>16} {rule + mark:>8}  {STATUS[r.status]:<8} {gap:>4}  {ind.name(lang)}"
        )
    lines.append("")
    lines.append("* provisional criterion (DIW 2019 thresholds not yet confirmed); gap = how many more would pass")
    return "\n".join(lines)


CELL_WIDTH = 60  # the table format cuts longer values (a GeoJSON polygon, a long title) to keep rows on one line


def json_value(value: Any) -> Any:
    """A result value as JSON: numbers stay numbers, dates ISO 8601, blobs hex, the rest text."""
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no NaN or infinity
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    return value


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    return str(value)


def char_width(ch: str) -> int:
    """Columns a character takes in a terminal: Thai vowel and tone marks above or below take none, wide CJK two."""
    return 0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def display_width(text: str) -> int:
    return sum(char_width(ch) for ch in text)


def fit(text: str, width: int) -> str:
    text = " ".join(text.split())  # a line break inside a value would break the row
    if display_width(text) <= width:
        return text
    kept, used = [], 0
    for ch in text:
        used += char_width(ch)
        if used > width - 1:
            break
        kept.append(ch)
    return "".join(kept) + "…"


def result_table(result: QueryResult) -> str:
    cells = [[fit(cell_text(v), CELL_WIDTH) for v in row] for row in result.rows]
    header = [fit(name, CELL_WIDTH) for name in result.columns]
    widths = [max([display_width(header[i]), *(display_width(row[i]) for row in cells)]) for i in range(len(header))]
    numeric = [
        all(isinstance(row[i], int | float | decimal.Decimal) for row in result.rows if row[i] is not None) for i in range(len(header))
    ]

    def line(values: list[str]) -> str:
        pads = [" " * (w - display_width(v)) for v, w in zip(values, widths, strict=True)]
        return "  ".join(pad + v if right else v + pad for v, pad, right in zip(values, pads, numeric, strict=True)).rstrip()

    return "\n".join([line(header), "  ".join("-" * w for w in widths), *(line(row) for row in cells)])


def print_result(result: QueryResult, form: str) -> None:
    if form == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(result.columns)
        writer.writerows([cell_text(v) for v in row] for row in result.rows)
    elif form == "json":
        records = [{name: json_value(v) for name, v in zip(result.columns, row, strict=True)} for row in result.rows]
        print(json.dumps(records, ensure_ascii=False))
    else:
        print(result_table(result))


def query(args: argparse.Namespace) -> int:
    """One guarded SELECT, run in a worker process on the database opened read-only, under the console's memory,
    CPU and time limits; a refusal is one line on stderr and exit code 1 (2 when the database cannot be opened)."""
    sql = sys.stdin.read() if args.sql == "-" else args.sql
    try:
        result = run_query(args.db, sql, timeout_s=args.timeout, max_rows=args.max_rows, spare=False)
    except QueryRefused as refusal:
        print(refusal.text(args.lang), file=sys.stderr)
        return 2 if refusal.rule == "query_cannot_open" else 1
    print_result(result, args.format)
    if result.truncated:
        print(wording("query_truncated", args.lang, limit=args.max_rows), file=sys.stderr)
    for note in result.note_texts(args.lang):  # "years are stored in CE: 2566 BE = 2023" when nothing was found
        print(note, file=sys.stderr)
    return 0


def report(con: duckdb.DuckDBPyConnection, year: int, args: argparse.Namespace) -> int:
    """Write the meeting pack (present.report imports WeasyPrint and pandas only here). The workbook reads every row
    again a chunk at a time, so the connection stays open until it is written."""
    from present import report as pack

    meeting = {"agency": args.agency, "title": args.meeting_title, "number": args.meeting_number, "agenda_item": args.agenda_item}
    with con.cursor() as cur:
        data = pack.gather(cur, year, args.area, meeting=meeting)
        data.with_who = not args.date_only
        if args.format == "xlsx":
            made = pack.workbook_bytes(data, args.lang, cur)
    con.close()
    if args.format == "pdf":
        if not pack.thai_font_installed():
            print("warning: no Thai font found (install fonts-thai-tlwg); Thai text will not show in the PDF", file=sys.stderr)
        made = pack.pdf_bytes(data, args.lang)
    Path(args.out).write_bytes(made)
    print(f"{args.out}: {len(made):,} bytes, {args.format}, {args.lang}, year {year} (BE {year + 543}), area {args.area}")
    return 0


def publish(args: argparse.Namespace) -> int:
    """Write the static public site and its open data (present.site imports Jinja2, pandas and matplotlib only here)."""
    from present import site

    try:
        years = None if args.year is None else [y - 543 if y >= 2400 else y for y in args.year]
        con = open_read_only(args.db)  # a private copy while the app holds the file
    except duckdb.Error as exc:
        print(f"error: cannot open {args.db}: {exc}", file=sys.stderr)
        return 2
    try:
        built = site.publish(con, args.out, years, [x.strip() for x in args.lang.split(",") if x.strip()], args.licence)
    except site.PublishError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        con.close()
    print(f"{built.out}: {len(built.pages)} pages, {len(built.data_files)} open data files")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m metrics", description="Eco-industrial town indicators")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("scorecard", help="every indicator for one year and area")
    p.add_argument("--db", default=str(db_path()))
    p.add_argument("--year", type=int, required=True, help="CE year (a BE year >= 2400 is converted)")
    p.add_argument("--area", default="all", help="all, or one of the town's subdistrict codes (190906 or 191306 in Saraburi)")
    p.add_argument("--format", default="table", choices=["json", "table"])
    p.add_argument("--lang", default="en", choices=["en", "th"], help="indicator names in the table format")
    p.add_argument("--criteria", help="score under this criteria version instead of the one that applies to the year")
    q = sub.add_parser("query", help="one read-only SELECT (the SQL console's guard: no writes, files or internal tables)")
    q.add_argument("--db", default=str(db_path()))
    q.add_argument("--sql", required=True, help="one SELECT statement; '-' reads it from standard input")
    q.add_argument("--format", default="table", choices=["csv", "json", "table"])
    q.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="seconds before the query is stopped")
    q.add_argument("--max-rows", type=int, default=DEFAULT_MAX_ROWS, help="rows kept; more are cut and noted on stderr")
    q.add_argument("--lang", default="en", choices=["en", "th"], help="language of refusals and notes")
    r = sub.add_parser("report", help="the meeting pack of one year and area: a Thai or English A4 PDF, or an Excel workbook")
    r.add_argument("--db", default=str(db_path()))
    r.add_argument("--year", type=int, required=True, help="CE year (a BE year >= 2400 is converted)")
    r.add_argument("--area", default="all", help="all, or one of the town's subdistrict codes")
    r.add_argument("--lang", default="th", choices=["th", "en"])
    r.add_argument("--format", required=True, choices=["pdf", "xlsx"])
    r.add_argument("--out", required=True, help="the file to write")
    r.add_argument("--agency", help="the cover's agency (else the one stored for the fiscal year, else the town's office)")
    r.add_argument("--meeting-title", help="the cover's meeting (else the one stored for the fiscal year)")
    r.add_argument("--meeting-number", help="the meeting's number, e.g. 2/2567 (else the one stored)")
    r.add_argument("--agenda-item", help="the agenda item (else the one stored)")
    r.add_argument("--date-only", action="store_true", help="data as of a date only, without who loaded it (a reader not signed in)")
    u = sub.add_parser("publish", help="the static public site (Thai and English pages) and open data, for any web server")
    u.add_argument("--db", default=str(db_path()))
    u.add_argument("--out", required=True, help="the site's folder (replaced whole; must be new, empty or an earlier site)")
    u.add_argument("--year", type=int, action="append", help="only this year (CE or BE; repeat for more); default: every year with data")
    u.add_argument("--lang", default="th,en", help="languages, comma-separated, Thai first: th,en (default), th or en")
    u.add_argument("--licence", help="the open data licence the office chose (else $EIT_PUBLISH_LICENCE, else a note: not set)")
    args = parser.parse_args(argv)

    if not Path(args.db).is_file():
        print(f"error: no database at {args.db} (create one with: python -m store init --db {args.db})", file=sys.stderr)
        return 2
    if args.command == "query":
        if args.timeout <= 0 or args.max_rows < 0:
            parser.error("--timeout must be positive and --max-rows at least 0")
        return query(args)
    if args.command == "publish":
        return publish(args)
    year = args.year - 543 if args.year >= 2400 else args.year
    try:
        con = open_read_only(args.db)  # a private copy while the app holds the file
    except duckdb.Error as exc:
        print(f"error: cannot open {args.db}: {exc}", file=sys.stderr)
        return 2
    if args.command in ("report", "scorecard"):
        with con.cursor() as cur:
            areas = town_areas(cur)
        if args.area not in areas:
            print(f"error: --area must be one of {', '.join(areas)} (the town's subdistricts)", file=sys.stderr)
            return 2
    if args.command == "report":
        return report(con, year, args)
    with con.cursor() as cur:
        try:
            card = evaluate(cur, year, args.area, with_presence=False, criteria=args.criteria)
        except UnknownVersion:
            known = ", ".join(v[0] for v in versions(cur))
            print(f"error: there is no criteria version {args.criteria!r} (known: {known})", file=sys.stderr)
            return 2
    con.close()
    if args.format == "json":
        print(json.dumps(card.to_json(), ensure_ascii=False))
    else:
        print(table_text(card, args.lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
