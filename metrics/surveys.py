"""The answers behind a survey indicator (20.1.1, 20.2.1): how many respondents gave each score 1-5, by respondent
type and subdistrict (sql/surveys/distribution.sql), for the question the indicator's criteria row names."""

from __future__ import annotations

import duckdb
import pandas as pd

from metrics.catalogue import Indicator
from metrics.registry import param, sql

SCORES = (1, 2, 3, 4, 5)


def distribution(cur: duckdb.DuckDBPyConnection, ind: Indicator, year: int, area: str) -> pd.DataFrame:
    """One row per respondent type and subdistrict, a column per score 1-5 (respondents) and their total; empty
    for an indicator that is not a survey's."""
    columns = ["respondent_type", "subdistrict_code", *SCORES, "total"]
    question = param(ind, "question")
    if ind.family != "survey_share" or not question:
        return pd.DataFrame(columns=columns)
    found = cur.execute(sql("distribution", "surveys"), {"question": question[0], "year": int(year), "area": area}).df()
    if found.empty:
        return pd.DataFrame(columns=columns)
    wide = found.pivot_table(
        index=["respondent_type", "subdistrict_code"], columns="score", values="respondents", aggfunc="sum", fill_value=0
    )
    wide = wide.reindex(columns=list(SCORES), fill_value=0).astype(int)
    wide["total"] = wide.sum(axis=1)
    return wide.reset_index()[columns]
