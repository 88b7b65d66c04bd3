"""The rows behind an indicator's number for print, bounded whatever the scale (the meeting pack, issue 27).

`engine.rows` gives every row of one indicator, for a page that shows them all. A pack of 70,000 establishments
cannot print or hold them all, so here: how many rows there are, counted, failing and left out, with the first
`limit` of them in deciding order (failing first, then those left out, then the counted; worst first within each),
in one pass of the family's query; every row in that order in chunks, for the workbook; and the effluent limits a
failing sample is read against. A survey question's 1-5 answers are metrics.surveys'.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import duckdb

from metrics.catalogue import Indicator
from metrics.registry import bound_params, sql
from store.families import FAMILIES

if TYPE_CHECKING:
    import pandas as pd

FOLDER = "meeting"
# Within failing / left out / counted, the worst first: the family's own measure of how far a row is from counting.
# Column names of the family's rows (store.families), never a user's input.
WORST_FIRST = {
    "effluent_compliance": "exceedances desc nulls last",
    "intensity_change": "change_pct desc nulls last",
    "report_share": "share_pct asc nulls last",
    "investment_growth": "num asc nulls last",
    "survey_share": "score asc",
}
# failing: in the denominator and not counted; left out: neither (no report, not completed, …); then the counted.
DECIDING = "case when counted then 2 when in_denominator then 0 else 1 end"

# {family} is a family's query text (sql/indicators/), {order} an entry of WORST_FIRST: text from this module and
# the project's files, never a value; every value is bound as a $parameter.
ROWS = """
select *
from ({family}) as family_rows
where code = $wanted_code
  and ($wanted_area = 'all' or subdistrict_code = $wanted_area or subdistrict_code is null)
"""

HEAD = """
with behind as materialized (
    {rows}
),

tally as (
    select
        count(*) as behind_rows,
        count(*) filter (where counted) as behind_counted,
        count(*) filter (where not coalesce(counted, false) and coalesce(in_denominator, false)) as behind_failing
    from behind
),

head as (
    select *
    from behind
    order by {deciding}, {order}, entity_id
    limit $row_limit
)

select
    tally.*,
    head.*
from tally
left join head on true
"""

EVERY = """
select *
from ({rows}) as behind
order by {deciding}, {order}, entity_id
"""


@dataclass
class Behind:
    """An indicator's rows, bounded: the counts, and at most `limit` rows in deciding order (all of them when few)."""

    rows: int
    counted: int
    failing: int
    head: pd.DataFrame

    @property
    def left_out(self) -> int:
        """Rows neither counted nor in the denominator (no report, a project not completed …)."""
        return self.rows - self.counted - self.failing

    @property
    def whole(self) -> bool:
        """Every row is in the head."""
        return len(self.head) >= self.rows


def _query(ind: Indicator, year: int, area: str) -> tuple[str, dict[str, object]]:
    family = FAMILIES[ind.family]
    params = {**bound_params(family, [ind], [int(year)]), "wanted_code": ind.code, "wanted_area": area}
    return ROWS.format(family=sql(family.name)), params


def deciding(cur: duckdb.DuckDBPyConnection, ind: Indicator, year: int, area: str, limit: int) -> Behind:
    """The counts of an indicator's rows and the first `limit` in deciding order, in one pass of its family's query."""
    rows, params = _query(ind, year, area)
    text = HEAD.format(rows=rows, deciding=DECIDING, order=WORST_FIRST.get(ind.family, "entity_id"))
    with cur.cursor() as own:
        frame = own.execute(text, {**params, "row_limit": max(0, int(limit))}).df()
    total, counted, failing = (int(frame[c].iloc[0]) if len(frame) else 0 for c in ("behind_rows", "behind_counted", "behind_failing"))
    head = frame[frame["code"].notna()].drop(columns=["behind_rows", "behind_counted", "behind_failing"]).reset_index(drop=True)
    return Behind(total, counted, failing, head)


def every_row(cur: duckdb.DuckDBPyConnection, ind: Indicator, year: int, area: str, chunk_vectors: int = 8) -> Iterator[pd.DataFrame]:
    """Every row behind the number in deciding order, a chunk at a time (chunk_vectors × 2,048 rows): the caller
    holds one chunk, never the whole."""
    rows, params = _query(ind, year, area)
    text = EVERY.format(rows=rows, deciding=DECIDING, order=WORST_FIRST.get(ind.family, "entity_id"))
    with cur.cursor() as own:
        own.execute(text, params)
        while True:
            chunk = own.fetch_df_chunk(chunk_vectors)
            if chunk.empty:
                return
            yield chunk


def effluent_limits(cur: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, float | None, float | None]]:
    """parameter -> (unit, lowest allowed, highest allowed) of the effluent standards."""
    with cur.cursor() as own:
        rows = own.execute(sql("effluent_limits", FOLDER)).fetchall()
    return {str(p): (str(unit), low, high) for p, unit, low, high in rows}


def database_file(cur: duckdb.DuckDBPyConnection) -> str | None:
    """The file the connection reads (None in memory): where every row can be read again, after it is closed."""
    with cur.cursor() as own:
        found = own.execute(sql("database_file", FOLDER)).fetchall()
    return str(found[0][0]) if found and found[0][0] else None
