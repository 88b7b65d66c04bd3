"""What the profile, detail and map pages show beside the scorecard: one establishment, samples, status."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from metrics.catalogue import Indicator
from metrics.registry import sql


@dataclass
class Profile:
    identity: dict[str, object]
    certificates: pd.DataFrame
    practices: pd.DataFrame
    reports: pd.DataFrame
    samples: pd.DataFrame


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
    return Profile(
        identity=identity.iloc[0].to_dict(),
        certificates=_frame(cur, "certificates", factory_id=factory_id, year=year),
        practices=_frame(cur, "practices", factory_id=factory_id),
        reports=_frame(cur, "reports", factory_id=factory_id),
        samples=samples(cur, None, "all", factory_id),
    )


def counts_toward(family_frames: list[pd.DataFrame], catalogue: list[Indicator], factory_id: str) -> pd.DataFrame:
    """The indicators whose rows name this establishment for the year of the frames: counted or not, and why."""
    names = {i.code: i for i in catalogue}
    found = [f[f["entity_id"] == factory_id] for f in family_frames]
    mine = pd.concat([f for f in found if not f.empty], ignore_index=True) if any(not f.empty for f in found) else None
    columns = ["code", "name_th", "name_en", "counted", "reason"]
    if mine is None:
        return pd.DataFrame(columns=columns)
    mine = mine[mine["code"].isin(names)]
    out = pd.DataFrame(
        {
            "code": mine["code"],
            "name_th": mine["code"].map(lambda c: names[c].name_th),
            "name_en": mine["code"].map(lambda c: names[c].name_en),
            "counted": mine["counted"].astype(bool),
            "reason": mine["reason"],
        }
    )
    order = {i.code: n for n, i in enumerate(catalogue)}
    return out.sort_values("code", key=lambda c: c.map(order)).reset_index(drop=True)
