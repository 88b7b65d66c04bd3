"""Assessment readiness: the action plan and the evidence checklist of a fiscal year, and what stands
between the town and each level still ahead (SPEC §4: a level passes when every indicator of it passes)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import duckdb
import pandas as pd

from metrics.engine import LEVELS, Result, Scorecard
from metrics.registry import sql

FISCAL_OFFSET = 543
FIRST_MONTH = 10  # the Thai government's fiscal year runs October to September
DONE = ("done", "cancelled")


def fiscal_year_of(day: dt.date) -> int:
    """The fiscal year (BE) a date falls in: 1 Oct 2021 - 30 Sep 2022 is 2565."""
    return day.year + FISCAL_OFFSET + (1 if day.month >= FIRST_MONTH else 0)


def fiscal_year_span(fiscal_year: int) -> tuple[dt.date, dt.date]:
    """First and last day of a fiscal year (BE)."""
    end_year = fiscal_year - FISCAL_OFFSET
    return dt.date(end_year - 1, FIRST_MONTH, 1), dt.date(end_year, FIRST_MONTH - 1, 30)


def fiscal_years(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """fiscal_year, activities, evidence_items: every fiscal year with a plan or a checklist, newest first."""
    return cur.execute(sql("fiscal_years", "readiness")).df()


def evidence_items(cur: duckdb.DuckDBPyConnection, fiscal_year: int) -> pd.DataFrame:
    return cur.execute(sql("evidence_items", "readiness"), {"fiscal_year": int(fiscal_year)}).df()


def evidence_of(cur: duckdb.DuckDBPyConnection, code: str) -> pd.DataFrame:
    """An indicator's evidence items, in item order."""
    return cur.execute(sql("evidence_of_indicator", "readiness"), {"code": code}).df().sort_values("item_no", ignore_index=True)


def evidence_by_level(cur: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Evidence items ready of all, by level."""
    return cur.execute(sql("evidence_by_level", "readiness")).df().sort_values("level", ignore_index=True)


def activities(cur: duckdb.DuckDBPyConnection, fiscal_year: int, today: dt.date) -> pd.DataFrame:
    """The plan of a fiscal year with each activity's progress against today: done, late, due, planned."""
    frame = cur.execute(sql("activities", "readiness"), {"fiscal_year": int(fiscal_year)}).df()
    return frame.assign(progress=progress(frame, today))


def progress(frame: pd.DataFrame, today: dt.date) -> pd.Series:
    """done / cancelled as recorded; late once its planned end has passed; in_progress; due when it should
    have started by today; else planned."""

    def one(status: str, start: object, end: object) -> str:
        if status in DONE:
            return status
        if isinstance(end, dt.date) and end < today:
            return "late"
        if status == "in_progress":
            return "in_progress"
        if isinstance(start, dt.date) and start <= today:
            return "due"
        return "planned"

    starts = pd.to_datetime(frame["planned_start"]).dt.date
    ends = pd.to_datetime(frame["planned_end"]).dt.date
    return pd.Series(
        [one(s, a if pd.notna(a) else None, b if pd.notna(b) else None) for s, a, b in zip(frame["status"], starts, ends, strict=True)],
        index=frame.index,
        dtype=object,
    )


def readiness(items: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """ready / in_progress / missing / total and the ready share (%) for each group of checklist items."""
    if items.empty:
        return pd.DataFrame(columns=[*by, "ready", "in_progress", "missing", "total", "pct"])
    counts = items.assign(n=1).pivot_table(index=by, columns="status", values="n", aggfunc="sum", fill_value=0)
    counts = counts.reindex(columns=["ready", "in_progress", "missing"], fill_value=0)
    counts["total"] = counts.sum(axis=1)
    counts["pct"] = counts["ready"] / counts["total"] * 100.0
    return counts.reset_index()


def agencies(items: pd.DataFrame) -> list[str]:
    """The agencies named in a checklist's or plan's 'responsible' column ('A / B' names two)."""
    names = {part.strip() for cell in items["responsible"].dropna() for part in str(cell).split("/") if part.strip()}
    return sorted(names)


def owed_by(items: pd.DataFrame, agency: str) -> pd.Series:
    """True for the rows an agency is responsible for (alone or with others)."""
    return items["responsible"].fillna("").map(lambda cell: agency in [p.strip() for p in str(cell).split("/")])


@dataclass
class Blocker:
    """An indicator that keeps the town from its next level, and what would change that."""

    result: Result
    sources: tuple[str, ...]  # for no data: the uploads that would decide it


@dataclass
class LevelPlan:
    """What it takes to reach `level` (None when level 3 is reached): every indicator of levels 1..level
    that does not pass, and every evidence item of those levels not yet ready."""

    level: int | None
    blockers: list[Blocker] = field(default_factory=list)
    missing_evidence: pd.DataFrame = field(default_factory=pd.DataFrame)
    fiscal_year: int | None = None


def plan_for(card: Scorecard, items: pd.DataFrame, fiscal_year: int | None, target: int) -> LevelPlan:
    """What it takes to reach `target`: every indicator of levels 1..target that does not pass, every evidence item
    of those levels not ready."""
    blockers = [Blocker(r, r.indicator.sources) for r in card.results if r.indicator.level <= target and r.status != "pass"]
    missing = items[(items["level"] <= target) & (items["status"] != "ready")] if not items.empty else items
    return LevelPlan(target, blockers, missing.reset_index(drop=True), fiscal_year)


def next_level(card: Scorecard, items: pd.DataFrame, fiscal_year: int | None) -> LevelPlan:
    if card.town_level >= LEVELS[-1]:
        return LevelPlan(None, fiscal_year=fiscal_year)
    return plan_for(card, items, fiscal_year, card.town_level + 1)


def level_plans(card: Scorecard, items: pd.DataFrame, fiscal_year: int | None) -> list[LevelPlan]:
    """What it takes to reach every level still ahead, up to 3, the next first (each plan whole: levels 1..its
    level); one plan of level None when all are reached."""
    if card.town_level >= LEVELS[-1]:
        return [LevelPlan(None, fiscal_year=fiscal_year)]
    return [plan_for(card, items, fiscal_year, target) for target in LEVELS if target > card.town_level]
