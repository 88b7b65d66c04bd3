"""The Upload page's example files: one consistent set cut from the demo data set (every factory an example
row names is in the establishments example), and the rule that an example loads as demo data, never as real data."""

from __future__ import annotations

from functools import lru_cache

import duckdb
import pandas as pd

from store.tables import TABLES

EXAMPLE_ROWS = 5  # rows per example file
# The tables whose rows name a factory_id: their examples keep to the example establishments.
FACTORY_TABLES = ("annual_reports", "certifications", "practices", "effluent_samples")


@lru_cache(maxsize=1)
def example_tables() -> dict[str, pd.DataFrame]:
    """A few demo rows per table, as one set: the establishments example holds every factory the others name."""
    from store.demo import demo_tables

    demo = demo_tables()
    factories = demo["establishments"]
    factories = factories[factories["kind"] == "factory"]
    # Factories that appear in every factory table, so that each example has rows of them.
    ids = [i for i in factories["factory_id"] if all(i in set(demo[t]["factory_id"]) for t in FACTORY_TABLES)][:EXAMPLE_ROWS]
    chosen = {"establishments": factories[factories["factory_id"].isin(ids)]}
    for table in FACTORY_TABLES:
        rows = demo[table][demo[table]["factory_id"].isin(ids)]
        # One row per factory first (every example factory shows), then more of the same.
        first = rows.drop_duplicates("factory_id")
        chosen[table] = pd.concat([first, rows.drop(first.index)]).head(EXAMPLE_ROWS)
    for table, frame in demo.items():
        chosen.setdefault(table, frame.head(EXAMPLE_ROWS))
    return {table: chosen[table].reset_index(drop=True) for table in TABLES}


@lru_cache(maxsize=len(TABLES))
def example_bytes(table: str) -> bytes:
    """One example as a CSV file (UTF-8 with BOM, for Excel)."""
    return example_tables()[table].to_csv(index=False).encode("utf-8-sig")


@lru_cache(maxsize=len(TABLES))
def _example_frame(table: str) -> pd.DataFrame:
    from store.parse import parse

    return _comparable(parse(example_bytes(table), TABLES[table]).frame)


def _comparable(frame: pd.DataFrame) -> pd.DataFrame:
    """Values as text, columns in name order, rows in key order: the same rows compare equal however saved."""
    shown = frame.reindex(columns=sorted(frame.columns)).astype("string").fillna("")
    return shown.sort_values(list(shown.columns)).reset_index(drop=True)


def is_example(table: str, frame: pd.DataFrame) -> bool:
    """Whether a parsed file holds exactly the example's rows (downloaded, or saved again by Excel)."""
    if table not in TABLES or len(frame) > EXAMPLE_ROWS or len(frame) != len(example_tables()[table]):
        return False
    example = _example_frame(table)
    mine = _comparable(frame)
    return list(mine.columns) == list(example.columns) and bool((mine == example).all().all())


def holds_real_work(con: duckdb.DuckDBPyConnection) -> bool:
    """Loaded batches that are not demo data, or browser edits of the checklists: an example may not join them."""
    from store.demo import real_work

    batches, edits = real_work(con)
    return bool(batches or edits)
