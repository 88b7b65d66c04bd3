"""`python -m metrics scorecard --db PATH --year Y [--area …] [--format json|table]` (SPEC §5)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import duckdb

from metrics.catalogue import AREAS
from metrics.engine import Scorecard, evaluate
from store.db import db_path

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m metrics", description="Eco-industrial town indicators")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("scorecard", help="every indicator for one year and area")
    p.add_argument("--db", default=str(db_path()))
    p.add_argument("--year", type=int, required=True, help="CE year (a BE year >= 2400 is converted)")
    p.add_argument("--area", default="all", choices=AREAS)
    p.add_argument("--format", default="table", choices=["json", "table"])
    p.add_argument("--lang", default="en", choices=["en", "th"], help="indicator names in the table format")
    args = parser.parse_args(argv)

    if not Path(args.db).is_file():
        print(f"error: no database at {args.db} (create one with: python -m store init --db {args.db})", file=sys.stderr)
        return 2
    year = args.year - 543 if args.year >= 2400 else args.year
    try:
        con = duckdb.connect(args.db, read_only=True)
    except duckdb.Error as exc:
        print(f"error: cannot open {args.db}: {exc}", file=sys.stderr)
        return 2
    with con.cursor() as cur:
        card = evaluate(cur, year, args.area, with_presence=False)
    con.close()
    if args.format == "json":
        print(json.dumps(card.to_json(), ensure_ascii=False))
    else:
        print(table_text(card, args.lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
