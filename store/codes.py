"""Code lists as reference data: practices, certificate schemes, respondent types, survey questions,
infrastructure systems and green-area categories, each code with its Thai and English label in one place.

`data/reference/codes.csv` (list, code, name_th, name_en, sort_order) is seeded into the table `codes` by
`store init`; an admin may add rows to either. The loader's checks (store/load.py's Context), the criteria
import (store/families.py) and the labels (present/words.py) all read the lists from here.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from store.text import Text

if TYPE_CHECKING:
    import duckdb

CODES_FILE = Path(__file__).resolve().parent.parent / "data" / "reference" / "codes.csv"

# The lists, and the upload column each one checks (table, column).
LISTS: dict[str, tuple[str, str]] = {
    "practice": ("practices", "practice"),
    "scheme": ("certifications", "scheme"),
    "respondent_type": ("surveys", "respondent_type"),
    "question": ("surveys", "question"),
    "infrastructure_system": ("infrastructure", "system"),
    "green_area_category": ("green_areas", "category"),
}
CodeLists = dict[str, tuple[str, ...]]  # list -> its codes in sort order


@dataclass(frozen=True)
class Code:
    list: str
    code: str
    name_th: str
    name_en: str
    sort_order: int


@cache
def shipped() -> tuple[Code, ...]:
    """The rows of data/reference/codes.csv, in list and sort order."""
    with CODES_FILE.open(encoding="utf-8-sig", newline="") as f:
        rows = [Code(r["list"], r["code"], r["name_th"], r["name_en"], int(r["sort_order"])) for r in csv.DictReader(f)]
    return tuple(sorted(rows, key=lambda c: (list(LISTS).index(c.list) if c.list in LISTS else len(LISTS), c.list, c.sort_order, c.code)))


def shipped_codes(name: str) -> tuple[str, ...]:
    """The codes of one list as the shipped file has them (for constants and templates; the loader uses the database's)."""
    return tuple(c.code for c in shipped() if c.list == name)


# Labels by code, as the process last read them: the shipped file's, then the database's whenever `read` runs
# (every load and `store init`, so an admin's row in `codes` is shown after the app's next start or upload).
_labels: dict[str, Text] = {}


def label(code: str) -> Text | None:
    """The Thai and English label of a code of any list; None when no list has it."""
    if not _labels:
        _labels.update({c.code: Text(c.name_th, c.name_en) for c in reversed(shipped())})
    return _labels.get(code)


def read(cur: duckdb.DuckDBPyConnection) -> CodeLists:
    """Every list as the database has it, in sort order; the labels are remembered for `label`."""
    rows = cur.execute("select list, code, name_th, name_en from codes order by list, sort_order, code").fetchall()
    lists: dict[str, list[str]] = {}  # a list with no row in the database is left out: its column keeps the shipped codes
    found: dict[str, Text] = {}
    for name, code, th, en in rows:
        lists.setdefault(name, []).append(code)
        found.setdefault(code, Text(th, en))
    label("")  # the shipped labels first, then the database's over them
    _labels.update(found)
    return {name: tuple(codes) for name, codes in lists.items()}


def seed(con: duckdb.DuckDBPyConnection) -> int:
    """Insert the shipped rows that the database does not have yet (an admin's edits are kept). Returns rows added."""
    from store.db import WRITE_LOCK  # store.db imports the tables, which import this module

    with WRITE_LOCK, con.cursor() as cur:
        have = set(cur.execute("select list, code from codes").fetchall())
        missing = [(c.list, c.code, c.name_th, c.name_en, c.sort_order) for c in shipped() if (c.list, c.code) not in have]
        if missing:  # one statement a row: only the new ones (every start of the app passes here)
            cur.executemany("insert or ignore into codes (list, code, name_th, name_en, sort_order) values ($1, $2, $3, $4, $5)", missing)
        read(cur)
    return len(missing)
