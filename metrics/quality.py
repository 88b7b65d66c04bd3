"""Data quality, shown beside the numbers and never changing them: annual reports missing, values worth a second
look, rows dated after a closure, certificates under the one validity rule, and each indicator's coverage."""

from __future__ import annotations

import duckdb
import pandas as pd

from metrics.catalogue import Indicator
from metrics.engine import Scorecard
from metrics.registry import sql

# A value this many times above (or below 1/JUMP of) the establishment's own value of the year before.
JUMP = 3.0
# A per-unit value this many times above (or below 1/FAR of) the median of its industry, unit and year.
FAR = 5.0
MIN_PEERS = 3  # a median of fewer establishments says nothing about what is plausible
LISTS = ("missing_reports", "implausible", "after_closure", "valid_certificates")


def _frame(cur: duckdb.DuckDBPyConnection, name: str, params: dict[str, object]) -> pd.DataFrame:
    return cur.execute(sql(name, "quality"), params).df()


def report_years(cur: duckdb.DuckDBPyConnection) -> list[int]:
    """The years that have any annual report: in those, every factory of the population is expected to report."""
    return [int(r[0]) for r in cur.execute("select distinct year from annual_reports order by year").fetchall()]


def missing_reports(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Factories of the population P(Y) without an annual report for Y, for every year that has reports."""
    return _frame(cur, "missing_reports", {"years": report_years(cur)})


def implausible(cur: duckdb.DuckDBPyConnection, jump: float = JUMP, far: float = FAR, min_peers: int = MIN_PEERS) -> pd.DataFrame:
    """Per-unit values far from their industry's median, and values that jump several times from the year before."""
    return _frame(cur, "implausible", {"jump": jump, "far": far, "min_peers": min_peers})


def after_closure(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Reports, practices, samples and certificates dated in or after the establishment's closed_year."""
    return _frame(cur, "after_closure", {})


def valid_certificates(cur: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    """Certificates valid in the year under SPEC §3's rule (the one the indicators, search and explorer use)."""
    return _frame(cur, "valid_certificates", {"year": int(year)})


def certificate_validity(cur: duckdb.DuckDBPyConnection, year: int) -> pd.DataFrame:
    """factory_id, scheme, issued_on and valid_in_year for every certificate (the same rule, for whole tables)."""
    return _frame(cur, "certificate_validity", {"year": int(year)})


def certificate_counts(valid: pd.DataFrame) -> pd.DataFrame:
    """Per scheme: establishments with a valid certificate, and how many of them had closed by the year."""
    if valid.empty:
        return pd.DataFrame(columns=["scheme", "establishments", "closed"])
    per = valid.groupby("scheme").agg(establishments=("factory_id", "nunique"))
    closed = valid[valid["closed"]].groupby("scheme").agg(closed=("factory_id", "nunique"))
    return per.join(closed).fillna({"closed": 0}).astype({"closed": int}).reset_index()


def lists(cur: duckdb.DuckDBPyConnection, year: int) -> dict[str, pd.DataFrame]:
    """Every data-quality list; the certificates are those valid in `year`."""
    return {
        "missing_reports": missing_reports(cur),
        "implausible": implausible(cur),
        "after_closure": after_closure(cur),
        "valid_certificates": valid_certificates(cur, year),
    }


def coverage(card: Scorecard, catalogue: list[Indicator]) -> pd.DataFrame:
    """Each indicator's value with how many establishments (respondents, items) reported of those expected."""
    names = {i.code: i for i in catalogue}
    rows = []
    for r in card.results:
        reported, expected = r.coverage if r.coverage is not None else (None, None)
        indicator = names.get(r.code)
        rows.append(
            {
                "code": r.code,
                "name_th": indicator.name_th if indicator else r.code,
                "name_en": indicator.name_en if indicator else r.code,
                "value": r.value,
                "reported": reported,
                "expected": expected,
                "share": None if not expected or reported is None else 100.0 * reported / expected,
            }
        )
    return pd.DataFrame(rows, columns=["code", "name_th", "name_en", "value", "reported", "expected", "share"]).astype(
        {"reported": "Int64", "expected": "Int64", "share": "Float64"}
    )
