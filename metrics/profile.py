"""What the profile, detail and map pages show beside the scorecard: one establishment, samples, status."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from metrics.catalogue import load_catalogue
from metrics.engine import evaluate_indicator
from metrics.registry import sql


@dataclass
class Profile:
    identity: dict[str, object]
    certificates: pd.DataFrame
    practices: pd.DataFrame
    reports: pd.DataFrame
    samples: pd.DataFrame
    counts_toward: pd.DataFrame  # code, name_th, name_en, counted, reason for the year asked


def _frame(cur: duckdb.DuckDBPyConnection, name: str, **params: object) -> pd.DataFrame:
    return cur.execute(sql(name, "profile"), params).df()


def dataset_status(cur: duckdb.DuckDBPyConnection) -> dict[str, object]:
    row = _frame(cur, "dataset").iloc[0].to_dict()
    row["is_demo"] = int(row["demo_batches"]) > 0
    row["is_empty"] = int(row["establishments"]) == 0
    return row


def establishments(cur: duckdb.DuckDBPyConnection, area: str = "all") -> pd.DataFrame:
    return _frame(cur, "establishment_list", area=area)


def samples(cur: duckdb.DuckDBPyConnection, year: int | None, area: str = "all", factory_id: str | None = None) -> pd.DataFrame:
    return _frame(cur, "samples", year=year, area=area, factory_id=factory_id)


def profile(cur: duckdb.DuckDBPyConnection, factory_id: str, year: int) -> Profile | None:
    identity = _frame(cur, "establishment", factory_id=factory_id)
    if identity.empty:
        return None
    toward = []
    for ind in load_catalogue(cur):
        rows = evaluate_indicator(cur, ind, year, "all").rows
        mine = rows[rows["entity_id"] == factory_id]
        if not mine.empty:
            toward.append(
                {
                    "code": ind.code,
                    "name_th": ind.name_th,
                    "name_en": ind.name_en,
                    "counted": bool(mine["counted"].iloc[0]),
                    "reason": mine["reason"].iloc[0],
                }
            )
    return Profile(
        identity=identity.iloc[0].to_dict(),
        certificates=_frame(cur, "certificates", factory_id=factory_id, year=year),
        practices=_frame(cur, "practices", factory_id=factory_id),
        reports=_frame(cur, "reports", factory_id=factory_id),
        samples=samples(cur, None, "all", factory_id),
        counts_toward=pd.DataFrame(toward, columns=["code", "name_th", "name_en", "counted", "reason"]),
    )
