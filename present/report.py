"""The committee's meeting pack: one year and area as a Thai (or English) A4 PDF and an Excel workbook (issue 27).

The PDF is a brief first. Pages 1-4: the cover (agency, meeting, agenda item, year, area, criteria version, data as
of, the town's level and each level's verdict) and the decisions (what it takes to reach each level; every indicator
that does not pass with its gap, the named establishments that fail and who could close the gap; evidence not ready by
agency with due dates; late activities). Then a table of contents and the annex: the scorecard, each indicator's chart
and deciding rows, the evidence checklist and the action plan.

Bounded whatever the scale: rows are read bounded (metrics.behind: counts and the first rows in deciding order), the
brief names at most BRIEF_ROWS per indicator, an indicator's annex prints at most ANNEX_ROWS rows and says where the
rest are. The workbook has every row, streamed (openpyxl's write-only mode, one chunk of rows held at a time), a cover
sheet saying what it covers, numbers in number formats, Thai dates in the Buddhist era, a filter and A4 print set-up
on every sheet.

The HTML comes from Jinja2 templates (present/templates/pack/) with autoescape on; Python passes values, and the few
pieces of markup it passes (the shared fragments' badges, SVG charts) are built escaped by their makers. WeasyPrint
prints it (Pango and HarfBuzz shape Thai; fonts are embedded); charts are SVG with their text as outlines.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
from markupsafe import Markup

from metrics import behind, engine, gaps, readiness, surveys
from metrics.catalogue import Indicator, town_areas
from metrics.engine import LEVELS, Result, Scorecard
from metrics.gaps import Candidate
from metrics.registry import param
from present.charts import colour, trend_svg
from present.fragments import CSS as FRAGMENTS_CSS
from present.fragments import badge, candidates_of, change_text, criterion_of, gap_text, split_text, unit_word, value_of
from present.jinja import environment
from present.tables import COLUMNS as ROW_COLUMNS
from present.tables import behind_table
from present.words import (
    area_label,
    date_label,
    datetime_label,
    establishment_name,
    number,
    reason,
    text,
    town_title,
    value_label,
    year_label,
)
from store import meeting as meetings
from store.export import AsOf, as_of, neutralise, sheet_name
from store.text import Text
from store.towns import subdistrict_names, town_names

TEMPLATES = Path(__file__).resolve().parent / "templates" / "pack"
ANNEX_ROWS = 18  # rows an indicator's annex prints; the workbook has every row, whatever the scale
BRIEF_ROWS = 5  # named establishments, and candidates, per indicator in the brief
BRIEF_LATE = 8  # late activities the brief lists
BRIEF_AGENCIES = 12  # agencies owing evidence the brief lists, those owing most first (the annex has the whole checklist)
COMPACT_AFTER = 6  # more failing indicators than this: the brief names them in lines, not tables
ANNEX_ITEMS = 300  # checklist items and plan activities the annex prints (a town's run to about a hundred)
TREND_YEARS = 10  # the charts' years: the last ten with data up to the pack's year
YEARS_PER_PASS = 2  # measured at national scale: 10 years in one pass peaked at 0.77 GB resident, 2 at 0.27 GB (+30 % CPU)
SHEET_ROWS = 1_048_575  # Excel's rows per sheet, less the header
RAI_M2 = 1600
FISCAL_OFFSET = 543


@dataclass
class Rows:
    """One indicator's rows, bounded, and what the brief says about it."""

    behind: behind.Behind
    answers: pd.DataFrame | None = None  # survey indicators: metrics.surveys.distribution (a column per score 1-5)
    candidates: list[Candidate] = field(default_factory=list)


@dataclass
class ReportData:
    year: int
    area: str
    card: Scorecard
    previous: Scorecard | None
    trends: pd.DataFrame
    indicators: dict[str, Rows]
    evidence: pd.DataFrame
    checklist_year: int | None
    activities: pd.DataFrame
    subdistricts: dict[str, Text]
    as_of: AsOf
    meeting: meetings.Meeting
    limits: dict[str, tuple[str, float | None, float | None]]
    made: dt.datetime
    today: dt.date
    town: dict[str, str]
    database: str | None = None  # where every row is read again for the workbook
    with_who: bool = True  # say who loaded the data (staff); False: the date only, as the pages tell a reader not signed in

    @property
    def fiscal_year(self) -> int:
        """The fiscal year (BE) the calendar year's plan and meeting belong to (the pages' rule: Y + 543)."""
        return self.year + FISCAL_OFFSET


def gather(
    cur: duckdb.DuckDBPyConnection, year: int, area: str = "all", today: dt.date | None = None, meeting: dict[str, str] | None = None
) -> ReportData:
    """Everything the pack shows, read once and bounded: every data year's scorecards (the trends), each indicator's
    counts and first rows in deciding order, who could close each failing indicator's gap, the survey answers, the
    evidence checklist and the action plan of the year, the meeting's fields (`meeting` overrides what is stored)."""
    areas = town_areas(cur)
    if area not in areas:
        raise ValueError(f"area must be one of {', '.join(areas)}")
    today = today or dt.date.today()
    data_years = engine.data_years(cur)
    trend_years = [y for y in data_years if y <= year][-TREND_YEARS:]
    wanted = sorted(set(trend_years) | {year, year - 1})
    cards: dict[tuple[int, str], Scorecard] = {}
    for i in range(0, len(wanted), YEARS_PER_PASS):  # a few years a pass: DuckDB's memory grows with the years of one pass
        cards.update(engine.scorecards(cur, wanted[i : i + YEARS_PER_PASS], areas))
    trends = pd.DataFrame(
        [{"code": r.code, "year": y, "area": a, "value": r.value} for (y, a), c in cards.items() for r in c.results if y in trend_years],
        columns=["code", "year", "area", "value"],
    )
    card = cards[(year, area)]
    fiscal = engine.checklist_years(cur, [year])[year]
    items = readiness.evidence_items(cur, fiscal) if fiscal else pd.DataFrame(columns=EVIDENCE_COLUMNS)
    plan_year = year + FISCAL_OFFSET
    planned = readiness.fiscal_years(cur)
    has_plan = bool(((planned["fiscal_year"] == plan_year) & (planned["activities"] > 0)).any())
    activities = readiness.activities(cur, plan_year, today) if has_plan else pd.DataFrame(columns=PLAN_COLUMNS)
    indicators = {}
    for r in card.results:
        rows = Rows(behind.deciding(cur, r.indicator, year, area, ANNEX_ROWS))
        if r.indicator.family == "survey_share":
            rows.answers = surveys.distribution(cur, r.indicator, year, area)
        if r.status == "fail":
            rows.candidates = gaps.candidates(cur, card, r.code, BRIEF_ROWS)
        indicators[r.code] = rows
    stored = meetings.meeting(cur, plan_year)
    typed = {f: v for f, v in (meeting or {}).items() if v is not None}
    return ReportData(
        year=year,
        area=area,
        card=card,
        previous=cards[(year - 1, area)] if year - 1 in data_years else None,  # the first year of data shows no change
        trends=trends,
        indicators=indicators,
        evidence=items,
        checklist_year=fiscal,
        activities=activities,
        subdistricts=subdistrict_names(cur),
        as_of=as_of(cur),
        meeting=stored.merged(typed),
        limits=behind.effluent_limits(cur),
        made=dt.datetime.now(),
        today=today,
        town=town_names(cur),
        database=behind.database_file(cur),
    )


EVIDENCE_COLUMNS = [
    "fiscal_year",
    "level",
    "indicator_code",
    "item_no",
    "description_th",
    "description_en",
    "responsible",
    "status",
    "reference",
]
PLAN_COLUMNS = [
    "fiscal_year", "activity_id", "title_th", "title_en", "indicator_code", "responsible", "planned_start", "planned_end", "status",
    "done_on", "participants", "target_participants", "progress",
]  # fmt: skip


# ---- words and numbers ---------------------------------------------------------------------------------------------


def _missing(value: object) -> bool:
    return value is None or value is pd.NA or value is pd.NaT or (isinstance(value, float) and math.isnan(value))


def _cell(value: object) -> str:
    """A table cell as text: numbers with separators at two decimals (whole numbers without)."""
    if _missing(value):
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if abs(value) >= 1e15:
            return f"{value:.3g}"
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _significant(value: object, digits: int = 4) -> str:
    """A small measured value (an intensity, m³ per unit) to `digits` significant figures: 0.2875, 12.31."""
    if _missing(value):
        return "—"
    v = float(value)  # type: ignore[arg-type]
    if v == 0:
        return "0"
    shown = f"{v:,.{max(0, digits - 1 - int(math.floor(math.log10(abs(v)))))}f}"
    return shown.rstrip("0").rstrip(".") if "." in shown else shown


def facts(r: Result, lang: str) -> dict[str, Any]:
    """An indicator's value (with its parts and coverage), criterion and gap, worded as the pages word them."""
    value, criterion = value_of(r, lang), criterion_of(r, lang)
    return {
        "value": value["main"] if r.value is not None else text("no_data", lang),
        "parts": value["parts"],
        "coverage": value["coverage"],
        "criterion": f"{criterion['sign']} {criterion['shown']}",
        "provisional": r.indicator.provisional,
        "badge": Markup(badge(r.status, lang)),
        "gap": gap_text(r, lang) if r.status != "pass" else "",
    }


def _name(row: dict[str, Any], lang: str) -> str:
    if row.get("kind") in ("factory", "mine"):
        return establishment_name(row.get("name_th"), row.get("name_en"), row.get("entity_id"), lang)
    first, second = (row.get("name_th"), row.get("name_en")) if lang == "th" else (row.get("name_en"), row.get("name_th"))
    return str(first if isinstance(first, str) and first else second if isinstance(second, str) and second else row.get("entity_id") or "")


def requirement(ind: Indicator, lang: str) -> str:
    """What a factory share needs to count, in words: its practices or schemes (GI from a level)."""
    wanted = [value_label(c, lang) for c in param(ind, "practices")]
    for scheme in param(ind, "schemes"):
        if scheme == "GI":
            level = param(ind, "gi_min_level")
            wanted.append(text("pack_gi_level", lang, n=level[0] if level else 2))
        else:
            wanted.append(value_label(scheme, lang))
    return text("pack_requires", lang, what=text("pack_or", lang).join(wanted)) if wanted else ""


def _limit_words(parameter: str, limits: dict[str, tuple[str, float | None, float | None]]) -> str:
    unit, low, high = limits.get(parameter, ("", None, None))
    if low is not None and high is not None:
        return f"{low:g}–{high:g} {unit}"
    if high is not None:
        return f"≤ {high:g} {unit}"
    return f"≥ {low:g} {unit}" if low is not None else ""


def failing_row(row: dict[str, Any], r: Result, data: ReportData, lang: str) -> dict[str, str]:
    """One row that does not count, as the brief names it: who, what failed, its value and the limit."""
    family = r.indicator.family
    why = reason(str(row.get("reason")), lang) if not _missing(row.get("reason")) else ""
    out = {"id": str(row.get("entity_id") or ""), "name": _name(row, lang), "what": why, "value": "", "limit": ""}
    if family == "factory_share":
        out["limit"] = requirement(r.indicator, lang)
    elif family == "effluent_compliance" and isinstance(row.get("detail"), str):
        worst: dict[str, list[str]] = {}  # each parameter's highest value (the detail lists them highest first)
        for part in row["detail"].split(", "):
            pieces = part.split(" ", 2)
            worst.setdefault(pieces[0], pieces)
        shown = list(worst.values())[:3]
        samples = f" ({int(row['exceedances'])}/{int(row['samples'])})" if not _missing(row.get("samples")) else ""
        out["what"] = ", ".join(worst) + samples
        out["value"] = "; ".join(" ".join(p) for p in shown) + (" …" if len(worst) > 3 else "")
        out["limit"] = "; ".join(f"{p[0]} {_limit_words(p[0], data.limits)}" for p in shown)
    elif family == "intensity_change":
        out["value"] = _significant(row.get("intensity"))
        previous, target = row.get("previous"), row.get("target")
        if not _missing(previous) and not _missing(target):
            out["limit"] = text("pack_below_previous", lang, previous=_significant(previous), target=_significant(target))
        elif not _missing(previous):
            out["limit"] = text("pack_below_previous_only", lang, previous=_significant(previous))
        elif not _missing(target):
            out["limit"] = text("pack_within_target_only", lang, target=_significant(target))
    elif family == "investment_growth" and not _missing(row.get("num")):
        out["value"] = f"{float(row['num']):+,.0f} {text('amount_THB', lang)}"
        out["limit"] = text("pack_rise", lang)
    elif family == "report_share" and not _missing(row.get("share_pct")):
        out["value"] = number(float(row["share_pct"]), lang, "percent")
        criterion = criterion_of(r, lang)
        out["limit"] = text("pack_share_at_least", lang, criterion=f"{criterion['sign']} {criterion['shown']}")
    elif family == "evidence_ready":
        out["limit"] = text("pack_ready", lang)
        if isinstance(row.get("responsible"), str) and row["responsible"]:
            out["id"] += " · " + row["responsible"]
    elif family == "infrastructure_eco":
        out["value"] = value_label(row.get("detail"), lang)
    return out


def _no_name(family: str) -> bool:
    """Families whose rows name nobody who could act: survey respondents (their scores are shown instead) and
    the subdistricts' green areas."""
    return family in ("survey_share", "green_area_share")


# ---- the brief ----------------------------------------------------------------------------------------------------


def level_cards(data: ReportData, lang: str) -> list[dict[str, Any]]:
    card, cards = data.card, []
    ready = readiness.readiness(data.evidence, ["level"]).set_index("level") if not data.evidence.empty else pd.DataFrame()
    for lv in card.levels:
        n, verdict = int(str(lv["level"])), str(lv["status"])
        own = [r for r in card.results if r.indicator.level == n]
        evidence = ""
        if n in ready.index:
            evidence = text("evidence_ready_n", lang, ready=int(ready.loc[n, "ready"]), total=int(ready.loc[n, "total"]))
        cards.append(
            {
                "name": text(f"level_{n}", lang),
                "status": verdict,
                "badge": Markup(badge(verdict, lang)),
                "count": text("pack_level_count", lang, passing=sum(r.status == "pass" for r in own), total=len(own)),
                "evidence": evidence,
            }
        )
    return cards


def level_path(data: ReportData, lang: str) -> list[dict[str, Any]]:
    """Each level up to 3: its verdict, its own indicators that do not pass (with their gaps) and its evidence not
    yet ready. Reaching a level needs every level below it too (said under the table)."""
    out = []
    open_items = data.evidence[data.evidence["status"] != "ready"] if not data.evidence.empty else data.evidence
    for level in LEVELS:
        verdict = next(str(lv["status"]) for lv in data.card.levels if lv["level"] == level)
        needs = [
            {"code": r.code, "anchor": anchor(r.code), "gap": gap_text(r, lang), "status": r.status}
            for r in data.card.results
            if r.indicator.level == level and r.status != "pass"
        ]
        missing = int((open_items["level"] == level).sum()) if not open_items.empty else 0
        out.append({"name": text(f"level_{level}", lang), "badge": Markup(badge(verdict, lang)), "needs": needs, "missing": missing})
    return out


def anchor(code: str) -> str:
    return "ind-" + "".join(ch if ch.isalnum() else "-" for ch in code)


def blockers(data: ReportData, lang: str) -> list[dict[str, Any]]:
    """Every indicator that does not pass, by level: value, criterion, gap; who fails (named) and who could close it."""
    out = []
    failing_results = sorted((r for r in data.card.results if r.status != "pass"), key=lambda r: r.indicator.level)
    per = brief_rows(len(failing_results))
    for r in failing_results:
        rows = data.indicators[r.code]
        head = rows.behind.head
        not_counted = head[~head["counted"].fillna(False).astype(bool)] if not head.empty else head
        failing = (
            [] if _no_name(r.indicator.family) else [failing_row(row, r, data, lang) for row in not_counted.head(per).to_dict("records")]
        )
        total_not_counted = rows.behind.rows - rows.behind.counted
        listed = candidates_of(rows.candidates[:per], r, lang)
        out.append(
            {
                "code": r.code,
                "anchor": anchor(r.code),
                "name": r.indicator.name(lang),
                "level": text(f"level_{r.indicator.level}", lang),
                **facts(r, lang),
                "failing": failing,
                "not_counted": total_not_counted,
                "failing_title": text("pack_not_counted", lang, n=f"{total_not_counted:,}"),
                "failing_more": text("pack_more", lang, n=f"{total_not_counted - len(failing):,}", code=r.code)
                if total_not_counted > len(failing) and failing
                else "",
                "answers": survey_table(rows.answers, data, lang) if rows.answers is not None else None,
                "no_data": r.status == "no_data",
                "candidates": listed["rows"],
                "together": listed["total"],
                "no_candidates": listed["empty"],
            }
        )
    return out


def brief_rows(blocking: int) -> int:
    """Names per list in the brief: BRIEF_ROWS for a few failing indicators, fewer when many fail, so that the
    decisions stay on pages 2-4 (the rest are in the annex and the workbook, and the brief says so)."""
    return BRIEF_ROWS if blocking <= 3 else 3 if blocking <= COMPACT_AFTER else 2


def due_dates(data: ReportData) -> dict[str, dt.date]:
    """indicator code -> when its evidence is due: the latest planned end of the plan's activities for that indicator."""
    plan = data.activities
    if plan.empty:
        return {}
    ends = plan.dropna(subset=["indicator_code", "planned_end"])
    return {str(code): pd.Timestamp(end).date() for code, end in ends.groupby("indicator_code")["planned_end"].max().items()}


def evidence_by_agency(data: ReportData, lang: str) -> list[dict[str, Any]]:
    """Evidence items not ready, one row per responsible agency (as the checklist names it): the items by indicator,
    how many are missing and in progress, and the date they are due."""
    items = data.evidence
    if items.empty or data.checklist_year is None:
        return []
    open_items = items[items["status"] != "ready"]
    fiscal_end = readiness.fiscal_year_span(data.checklist_year)[1]
    due = due_dates(data)
    rows: list[dict[str, Any]] = []
    for agency, group in open_items.groupby(open_items["responsible"].fillna("—"), sort=False):
        refs = []
        for code, of_code in group.groupby("indicator_code", sort=False):
            numbers = ", ".join(str(int(n)) for n in of_code["item_no"])
            refs.append(f"{code} ({text('item_number', lang, n=numbers)})")
        when = min(due.get(str(c), fiscal_end) for c in group["indicator_code"])
        rows.append(
            {
                "agency": str(agency),
                "refs": " · ".join(refs),
                "missing": int((group["status"] == "missing").sum()),
                "in_progress": int((group["status"] == "in_progress").sum()),
                "due": text("pack_due", lang, date=date_label(when, lang)),
                "overdue": when < data.today,
                "n": len(group),
            }
        )
    return sorted(rows, key=lambda g: (-g["n"], g["agency"]))[:BRIEF_AGENCIES]


def evidence_more(data: ReportData, lang: str) -> str:
    """Where the rest are when more agencies owe evidence than the brief lists."""
    items = data.evidence
    if items.empty:
        return ""
    owing = items.loc[items["status"] != "ready", "responsible"].fillna("—").nunique()
    return text("pack_agencies_more", lang, n=owing - BRIEF_AGENCIES) if owing > BRIEF_AGENCIES else ""


def late_activities(data: ReportData, lang: str) -> list[dict[str, str]]:
    plan = data.activities
    if plan.empty:
        return []
    late = plan[plan["progress"] == "late"]
    out = []
    for a in late.to_dict("records"):
        end = pd.Timestamp(a["planned_end"]).date()
        out.append(
            {
                "id": str(a["activity_id"]),
                "title": _title(a, lang),
                "responsible": str(a["responsible"] or "") if isinstance(a["responsible"], str) else "",
                "end": date_label(end, lang),
                "late": text("pack_days_late", lang, n=f"{(data.today - end).days:,}"),
            }
        )
    return out


def _title(activity: dict[str, Any], lang: str) -> str:
    english = activity.get("title_en")
    return str(english) if lang == "en" and isinstance(english, str) and english else str(activity["title_th"])


# ---- the annex ----------------------------------------------------------------------------------------------------


def survey_counts(answers: pd.DataFrame, data: ReportData, lang: str) -> tuple[list[str], list[list[Any]]]:
    """The 1-5 distribution of a survey question: one row per respondent type and subdistrict with the count of each
    score, the total and the share scoring 4-5 (None when nobody answered), as numbers."""
    i = 0 if lang == "th" else 1
    rows = []
    for a in answers.to_dict("records"):
        counts, total = [int(a[n]) for n in surveys.SCORES], int(a["total"])
        share = (counts[3] + counts[4]) / total * 100 if total else None
        sub = str(a["subdistrict_code"])
        rows.append([value_label(a["respondent_type"], lang), data.subdistricts.get(sub, (sub, sub))[i], *counts, total, share])
    heads = [
        text("pack_respondent_type", lang),
        text("pack_subdistrict", lang),
        *(text("pack_score_n", lang, n=n) for n in range(1, 6)),
        text("pack_total", lang),
        text("pack_share_4_5", lang),
    ]
    return heads, rows


def survey_table(answers: pd.DataFrame | None, data: ReportData, lang: str) -> dict[str, Any] | None:
    """The distribution as the pack prints it (survey_counts in words and numbers with separators)."""
    if answers is None or answers.empty:
        return None
    heads, rows = survey_counts(answers, data, lang)
    shown = [[kind, sub, *(f"{n:,}" for n in counts), number(share, lang)] for kind, sub, *counts, share in rows]
    return {"heads": heads, "rows": shown, "note": text("pack_distribution_note", lang), "title": text("pack_distribution", lang)}


def legend(data: ReportData, lang: str) -> list[dict[str, str]]:
    areas = ["all", *sorted(data.subdistricts)]
    return [{"colour": colour(a, areas), "name": area_label(a, data.subdistricts, lang)} for a in areas]


def annex_rows(rows: Rows, r: Result, data: ReportData, lang: str) -> dict[str, Any]:
    """The rows that decide a number first (failing, then left out), in full with names and amounts, at most
    ANNEX_ROWS; the counted as a count; where the rest are. A short list (every row fits) is printed whole."""
    b = rows.behind
    if r.indicator.family == "survey_share":  # respondents have no names: their scores are shown instead, every answer in the workbook
        return {
            "whole": False,
            "title": "",
            "counted": text("report_counted", lang, n=f"{b.counted:,}"),
            "heads": [],
            "rows": [],
            "pointer": text("pack_answers_in_workbook", lang, n=f"{b.rows:,}", sheet=r.code),
        }
    shown = b.head if b.whole else b.head[~b.head["counted"].fillna(False).astype(bool)]
    table = behind_table(shown, r.indicator, lang, data.subdistricts) if len(shown) else pd.DataFrame()
    return {
        "whole": b.whole,
        "title": text("pack_rows_whole", lang, n=f"{b.rows:,}") if b.whole else text("pack_not_counted", lang, n=f"{b.rows - b.counted:,}"),
        "counted": text("report_counted", lang, n=f"{b.counted:,}"),
        "heads": [str(c) for c in table.columns],
        "rows": [[_cell(v) for v in row] for row in table.itertuples(index=False)],
        "pointer": "" if b.whole else text("pack_rows_shown", lang, shown=f"{len(shown):,}", n=f"{b.rows:,}", sheet=r.code),
    }


def indicator_section(r: Result, data: ReportData, lang: str) -> dict[str, Any]:
    series = data.trends[data.trends["code"] == r.code]
    rows = data.indicators[r.code]
    chart = ""
    if not series.empty and series["value"].notna().any():  # the salt keeps each chart's SVG ids its own in one document
        ind = r.indicator
        chart = trend_svg(
            series,
            ind.threshold,
            ind.unit,
            lang,
            size=(6.2, 1.3),
            outlines=True,
            salt=f"pack-{anchor(r.code)}",
            font=8,
            comparator=ind.comparator,
        )
    return {
        "code": r.code,
        "anchor": anchor(r.code),
        "name": r.indicator.name(lang),
        "level": text(f"level_{r.indicator.level}", lang),
        **facts(r, lang),
        "split": split_text(r, lang),
        "formula": r.indicator.formula(lang),
        "chart": Markup(chart),
        "answers": survey_table(rows.answers, data, lang),
        "rows": annex_rows(rows, r, data, lang),
    }


def scorecard_rows(data: ReportData, lang: str) -> list[dict[str, Any]]:
    before = {r.code: r for r in data.previous.results} if data.previous else {}
    out = []
    for level in LEVELS:
        verdict = next(str(lv["status"]) for lv in data.card.levels if lv["level"] == level)
        out.append({"kind": "level", "level": text(f"level_{level}", lang), "badge": Markup(badge(verdict, lang))})
        for r in (r for r in data.card.results if r.indicator.level == level):
            out.append(
                {
                    "kind": "indicator",
                    "code": r.code,
                    "anchor": anchor(r.code),
                    "name": r.indicator.name(lang),
                    **facts(r, lang),
                    "change": Markup(change_text(r, before.get(r.code), lang)),
                }
            )
    return out


def checklist_rows(data: ReportData, lang: str) -> dict[str, Any]:
    items = data.evidence.head(ANNEX_ITEMS)
    groups = []
    for (level, code), group in items.groupby(["level", "indicator_code"], sort=False):
        name = group["indicator_th" if lang == "th" else "indicator_en"].iloc[0] if "indicator_th" in group else ""
        ready = int((group["status"] == "ready").sum())
        groups.append(
            {
                "title": f"{text(f'level_{int(level)}', lang)} · {code} {name}",
                "ready": text("evidence_ready_n", lang, ready=ready, total=len(group)),
                "entries": [
                    {
                        "no": text("item_number", lang, n=int(i["item_no"])),
                        "text": _description(i, lang),
                        "responsible": _text(i.get("responsible")),
                        "status": str(i["status"]),
                        "status_text": reason(str(i["status"]), lang),
                        "reference": _text(i.get("reference")),
                    }
                    for i in group.to_dict("records")
                ],
            }
        )
    cut = text("pack_rows_cut", lang, shown=f"{len(items):,}", n=f"{len(data.evidence):,}") if len(data.evidence) > len(items) else ""
    return {"groups": groups, "cut": cut}


def _description(item: dict[str, Any], lang: str) -> str:
    english = item.get("description_en")
    return str(english) if lang == "en" and isinstance(english, str) and english else str(item["description_th"])


def _text(value: object) -> str:
    return "" if _missing(value) else str(value)


def plan_rows(data: ReportData, lang: str) -> dict[str, Any]:
    plan = data.activities.head(ANNEX_ITEMS)
    rows = []
    for a in plan.to_dict("records"):
        came, wanted = a["participants"], a["target_participants"]
        rows.append(
            {
                "id": str(a["activity_id"]),
                "title": _title(a, lang),
                "indicator": _text(a.get("indicator_code")),
                "responsible": _text(a.get("responsible")),
                "period": f"{date_label(a['planned_start'], lang)} – {date_label(a['planned_end'], lang)}",
                "progress": str(a["progress"]),
                "progress_text": text(f"progress_{a['progress']}", lang),
                "done": date_label(a["done_on"], lang) if not _missing(a["done_on"]) else "",
                "people": "" if _missing(came) and _missing(wanted) else f"{_count(came)} / {_count(wanted)}",
            }
        )
    # Participants against targets only where a target was set and the activity was not cancelled (a meeting without
    # a target adds people to no target).
    targeted = data.activities.dropna(subset=["target_participants"])
    targeted = targeted[targeted["status"] != "cancelled"]
    summary = (
        text(
            "pack_participants",
            lang,
            came=f"{int(targeted['participants'].fillna(0).sum()):,}",
            wanted=f"{int(targeted['target_participants'].sum()):,}",
            n=len(targeted),
        )
        if len(targeted)
        else ""
    )
    cut = text("pack_rows_cut", lang, shown=f"{len(plan):,}", n=f"{len(data.activities):,}") if len(data.activities) > len(plan) else ""
    return {"rows": rows, "summary": summary, "cut": cut}


def _count(value: object) -> str:
    return "–" if _missing(value) else f"{int(value):,}"  # type: ignore[call-overload]


# ---- the document -------------------------------------------------------------------------------------------------


def data_as_of(stamp: AsOf, lang: str, with_who: bool = True) -> str:
    """'ข้อมูล ณ 7 ธ.ค. 2569 · นำเข้าโดย ana': a date and who made the newest change, as every page says it (the demo
    says so instead; a pack for a reader who is not signed in gives the date only). Never a batch number."""
    if stamp.loaded_at is None:
        return text("report_no_data", lang)
    when = date_label(stamp.loaded_at, lang)
    if stamp.is_demo:
        return text("as_of_demo", lang, date=when)
    if not with_who or not stamp.by:
        return text("as_of_date", lang, date=when)
    return text("as_of_undone" if stamp.undone else "as_of_loaded", lang, date=when, user=stamp.by)


def cover(data: ReportData, lang: str) -> dict[str, Any]:
    level = data.card.town_level
    office = data.town.get("office_th" if lang == "th" else "office_en") or ""
    m = data.meeting
    fields = [
        (text("pack_agency", lang), m.agency or office),
        (text("pack_meeting_title", lang), m.title),
        (text("pack_meeting_number", lang), m.number),
        (text("pack_agenda_item", lang), m.agenda_item),
    ]
    return {
        "town": town_title(data.town, lang),
        "fields": [{"label": label, "value": value or "", "unset": not value} for label, value in fields],
        "not_set": text("pack_not_set", lang),
        "title": text("report_title", lang),
        "area": area_label(data.area, data.subdistricts, lang),
        "year": text("pack_year_line", lang, year=year_label(data.year, lang), fy=data.fiscal_year),
        "criteria": text("criteria_caption", lang, version=data.card.criteria),
        "as_of": data_as_of(data.as_of, lang, data.with_who),
        "made": text("report_made", lang, when=datetime_label(data.made, lang)),
        "level_label": text("town_level", lang),
        "level": text("level_none", lang) if level == 0 else text("level_reached", lang, n=level),
        "levels": level_cards(data, lang),
        "demo": data.as_of.is_demo,
    }


def context(data: ReportData, lang: str) -> dict[str, Any]:
    """Every value the templates show, as text (and the few pieces of markup the fragments and charts make)."""
    area = area_label(data.area, data.subdistricts, lang)
    sections = [indicator_section(r, data, lang) for r in data.card.results]
    plan_fy = text(
        "fiscal_year_span",
        lang,
        fy=data.fiscal_year,
        start=date_label(readiness.fiscal_year_span(data.fiscal_year)[0], lang),
        end=date_label(readiness.fiscal_year_span(data.fiscal_year)[1], lang),
    )
    contents = [{"href": "annex-scorecard", "text": text("report_scorecard", lang)}]
    contents += [{"href": s["anchor"], "text": f"{s['code']} {s['name']}"} for s in sections]
    if data.checklist_year:
        contents.append(
            {"href": "annex-evidence", "text": f"{text('page_evidence', lang)} · {text('checklist_of', lang, fy=data.checklist_year)}"}
        )
    contents.append({"href": "annex-plan", "text": f"{text('page_plan', lang)} · {plan_fy}"})
    late = late_activities(data, lang)
    return {
        "lang": lang,
        "t": lambda key, **fields: text(key, lang, **fields),
        "title": f"{text('report_title', lang)} · {area} · {year_label(data.year, lang)}",
        "footer": f"{town_title(data.town, lang)} · {area} · {year_label(data.year, lang)}",
        "fragments_css": Markup(FRAGMENTS_CSS),
        "cover": cover(data, lang),
        "path": level_path(data, lang),
        "blockers": blockers(data, lang),
        "compact": sum(r.status != "pass" for r in data.card.results) > COMPACT_AFTER,
        "evidence": evidence_by_agency(data, lang),
        "evidence_more": evidence_more(data, lang),
        "evidence_fy": text("checklist_of", lang, fy=data.checklist_year) if data.checklist_year else text("no_checklist", lang),
        "has_checklist": data.checklist_year is not None,
        "late": late[:BRIEF_LATE],
        "late_more": text("pack_late_more", lang, n=len(late) - BRIEF_LATE) if len(late) > BRIEF_LATE else "",
        "has_plan": not data.activities.empty,
        "plan_fy": plan_fy,
        "no_plan": text("pack_no_plan", lang, fy=data.fiscal_year),
        "contents": contents,
        "scorecard": scorecard_rows(data, lang),
        "legend": legend(data, lang),
        "sections": sections,
        "checklist": checklist_rows(data, lang) if data.checklist_year else None,
        "checklist_title": f"{text('page_evidence', lang)} · {text('checklist_of', lang, fy=data.checklist_year)}"
        if data.checklist_year
        else "",
        "plan": plan_rows(data, lang),
        "year_text": year_label(data.year, lang),
    }


def report_html(data: ReportData, lang: str = "th") -> str:
    """The whole pack as one HTML document for print (A4 portrait): the brief, the contents, the annex."""
    return environment("pack").get_template("pack.html").render(context(data, lang))


def thai_font_installed() -> bool:
    """Whether fontconfig knows a font with Thai glyphs (else the PDF would show empty boxes)."""
    import shutil
    import subprocess

    if shutil.which("fc-list") is None:
        return False
    found = subprocess.run(["fc-list", ":lang=th", "family"], capture_output=True, text=True, timeout=30)
    return bool(found.stdout.strip())


def pdf_bytes(data: ReportData, lang: str = "th") -> bytes:
    from weasyprint import HTML

    result: bytes = HTML(string=report_html(data, lang), base_url=str(TEMPLATES)).write_pdf()
    return result


# ---- the workbook -------------------------------------------------------------------------------------------------

# Number formats at the precision the pages show: counts whole, amounts and percentages at two decimals, intensities
# at four (0.2875 m³/t), money whole. By the family rows' column (present.tables names them); others by their value.
WHOLE, TWO, FOUR, YEAR = "#,##0", "#,##0.00", "#,##0.0000", "0"
FORMATS = {
    "intensity": FOUR, "previous": FOUR, "target": FOUR, "change_pct": TWO, "share_pct": TWO, "budget_thb": WHOLE, "current_thb": WHOLE,
    "previous_thb": WHOLE, "num": WHOLE, "samples": WHOLE, "exceedances": WHOLE, "score": YEAR, "fiscal_year": YEAR,
}  # fmt: skip
Cell = tuple[object, str | None]  # a workbook cell: its value and number format
DATE_EN = "d mmm yyyy"


class Sheets:
    """A write-only workbook (openpyxl keeps only the row being written): each sheet with a bold, frozen header,
    widths from its first rows, a filter over every row and A4 print set-up (landscape, fitted to the width,
    the header repeated on every page)."""

    def __init__(self, title: str, about: str) -> None:
        from openpyxl import Workbook

        self.book = Workbook(write_only=True)
        self.book.properties.title = title
        self.book.properties.description = about

    def sheet(self, name: str, heads: list[str], rows: Iterable[list[Cell]], portrait: bool = False) -> int:
        """Write one sheet; rows are (value, number format) cells. Returns the rows written."""
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Alignment, Font
        from openpyxl.utils import get_column_letter

        ws = self.book.create_sheet(sheet_name(name))
        ws.freeze_panes = "A2"
        ws.page_setup.paperSize = "9"  # A4
        ws.page_setup.orientation = "portrait" if portrait else "landscape"
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.print_title_rows = "1:1"
        widths = [len(h) + 2 for h in heads]
        bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
        buffered: list[list[Cell]] = []
        written = 0
        iterator = iter(rows)
        for row in iterator:  # the first rows set the widths, which must be set before any row is written
            buffered.append(row)
            if len(buffered) >= 200:
                break
        for row in buffered:
            for i, (value, _) in enumerate(row):
                widths[i] = max(widths[i], min(60, len(_cell(value)) + 2))
        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(8, min(60, width))
        header = []
        for h in heads:
            cell = WriteOnlyCell(ws, value=h)
            cell.font, cell.alignment = bold, wrap
            header.append(cell)
        ws.append(header)

        def cells(row: list[Cell]) -> list[object]:
            out: list[object] = []
            for value, form in row:
                if form:  # only a number carries a format; text goes in as it is (a cell object costs)
                    cell = WriteOnlyCell(ws, value=value)
                    cell.number_format = form
                    out.append(cell)
                else:
                    out.append(value)
            return out

        for row in buffered:
            ws.append(cells(row))
            written += 1
        for row in iterator:
            if written >= SHEET_ROWS:
                break
            ws.append(cells(row))
            written += 1
        ws.auto_filter.ref = f"A1:{get_column_letter(max(1, len(heads)))}{written + 1}"
        return written

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.book.save(buffer)
        return buffer.getvalue()


def _plain(value: object) -> object:
    """A cell value openpyxl writes: None for missing, numpy scalars as Python's, timestamps as datetimes."""
    if _missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if hasattr(value, "item"):
        return value.item()  # type: ignore[union-attr]
    return value


def _number(value: object, form: str | None = None) -> Cell:
    """A number with the format it is shown in: whole numbers without decimals, the rest as `form` (two decimals)."""
    plain = _plain(value)
    if isinstance(plain, bool) or not isinstance(plain, int | float):
        return plain, None
    if form:
        return plain, form
    return plain, WHOLE if float(plain).is_integer() else TWO


def _date(value: object, lang: str) -> Cell:
    """A date without its time: in Thai the Buddhist-era date as text ('20 พ.ย. 2566'), in English a date cell."""
    if _missing(value):
        return None, None
    day = pd.Timestamp(value).date()  # type: ignore[arg-type]
    return (date_label(day, lang), None) if lang == "th" else (day, DATE_EN)


def _texts(frame: pd.DataFrame) -> pd.DataFrame:
    return neutralise(frame)  # text Excel would run as a formula gets a leading apostrophe


def cover_rows(data: ReportData, lang: str) -> list[list[Cell]]:
    """The cover sheet: what the workbook covers, one field a row."""
    c = cover(data, lang)
    note = text("pack_note", lang)
    rows: list[tuple[str, object]] = [(text("pack_report", lang), c["title"]), (text("pack_town", lang), c["town"])]
    rows += [(f["label"], f["value"] or c["not_set"]) for f in c["fields"]]
    rows += [
        (text("year", lang), year_label(data.year, lang)),
        (text("fiscal_year", lang), data.fiscal_year),
        (text("area", lang), c["area"]),
        (text("criteria_version", lang), data.card.criteria),
        (text("town_level", lang), c["level"]),
    ]
    rows += [(lv["name"], f"{text(lv['status'], lang)} · {lv['count']}") for lv in c["levels"]]
    rows += [(text("pack_as_of_label", lang), c["as_of"]), (text("pack_made_label", lang), datetime_label(data.made, lang))]
    rows += [(note, c["criteria"]), (note, text("provisional_note", lang))]
    if data.as_of.is_demo:
        rows.append((note, text("demo_banner", lang)))
    frame = _texts(pd.DataFrame(rows, columns=["field", "value"]))
    return [[(a, None), (b, YEAR) if isinstance(b, int) else (b, None)] for a, b in frame.itertuples(index=False)]


def scorecard_sheet(data: ReportData, lang: str) -> tuple[list[str], list[list[Cell]]]:
    heads = {
        "code": Text("รหัส", "Code"),
        "level": Text("ระดับ", "Level"),
        "indicator": Text("ตัวชี้วัด", "Indicator"),
        "value": Text("ค่า", "Value"),
        "unit": Text("หน่วย", "Unit"),
        "numerator": Text("ตัวตั้ง", "Numerator"),
        "denominator": Text("ตัวหาร", "Denominator"),
        "comparator": Text("เงื่อนไข", "Rule"),
        "threshold": Text("เกณฑ์", "Threshold"),
        "status": Text("ผล", "Result"),
        "provisional": Text("เกณฑ์ชั่วคราว", "Provisional"),
        "gap": Text("ส่วนที่ขาด (จำนวน)", "Gap (count)"),
        "gap_amount": Text("ส่วนที่ขาด (ปริมาณ)", "Gap (amount)"),
    }
    rows = []
    for r in data.card.results:
        ind = r.indicator
        value_form = WHOLE if ind.unit == "count" else TWO
        amount = TWO if ind.amount_unit else WHOLE
        rows.append(
            [
                (r.code, None),
                _number(ind.level),
                (ind.name(lang), None),
                (r.value, value_form) if r.value is not None else (None, None),
                ("%" if ind.unit == "percent" else unit_word(r, lang), None),
                _number(r.numerator, amount),
                _number(r.denominator, amount) if ind.unit != "count" else (None, None),
                (">" if ind.comparator == "gt" else ">=", None),
                _number(ind.threshold),
                (text(r.status, lang), None),
                (text("yes", lang) if ind.provisional else "", None),
                _number(r.gap),
                _number(r.gap_amount, TWO),
                _number(r.coverage[0] if r.coverage else None),
                _number(r.coverage[1] if r.coverage else None),
            ]
        )
    names = [v.say(lang) for v in heads.values()] + [text("pack_coverage_reported", lang), text("pack_coverage_expected", lang)]
    return names, rows


def candidate_sheet(data: ReportData, lang: str) -> tuple[list[str], list[list[Cell]]]:
    heads = [
        text(k, lang)
        for k in (
            "code",
            "indicator",
            "pack_head_entity_id",
            "pack_head_name",
            "pack_head_why",
            "pack_head_detail",
            "pack_head_closes",
            "pack_expires",
        )
    ]
    rows = []
    for r in data.card.results:
        found = data.indicators[r.code].candidates
        for c, shown in zip(found, candidates_of(found, r, lang)["rows"], strict=True):
            rows.append(
                [
                    (r.code, None),
                    (r.indicator.name(lang), None),
                    (c.entity_id, None),
                    (shown["name"], None),
                    (shown["why_text"], None),
                    (shown["detail"], None),
                    _number(c.closes, TWO),
                    _date(c.on, lang),
                ]
            )
    return heads, rows


def _chosen(frame: pd.DataFrame, ind: Indicator) -> list[str]:
    """The family columns behind_table keeps, in its order (its headers are these in the reader's language): those of
    the rows, with the name and subdistrict it makes (and for green areas rai and role)."""
    made = {"name", "subdistrict"} | ({"rai", "role"} if ind.family == "green_area_share" else set())
    return [c for c, _ in ROW_COLUMNS[ind.family] if c in frame.columns or c in made]


def indicator_sheet(chunks: Iterator[pd.DataFrame], r: Result, data: ReportData, lang: str) -> tuple[list[str], Iterator[list[Cell]]]:
    """Every row behind one number, a chunk at a time, as present.tables words them, with number formats. The headers
    are those of the bounded rows already read (the same family query, so the same columns)."""
    sample = data.indicators[r.code].behind.head.iloc[:0]
    heads = [str(c) for c in behind_table(sample, r.indicator, lang, data.subdistricts).columns]
    forms = [FORMATS.get(c) for c in _chosen(sample, r.indicator)]

    def rows() -> Iterator[list[Cell]]:
        for chunk in chunks:
            shown = _texts(behind_table(chunk, r.indicator, lang, data.subdistricts))
            for row in shown.itertuples(index=False):
                yield [_number(v, forms[i]) for i, v in enumerate(row)]

    return heads, rows()


def evidence_sheet(items: pd.DataFrame, lang: str) -> tuple[list[str], list[list[Cell]]]:
    keys = ["fiscal_year", "level", "indicator_code", "item_no", "item", "responsible", "status", "reference"]
    rows = [
        [
            _number(i["fiscal_year"], YEAR),
            _number(i["level"]),
            (i["indicator_code"], None),
            _number(i["item_no"]),
            (_description(i, lang), None),
            (_text(i.get("responsible")), None),
            (reason(str(i["status"]), lang), None),
            (_text(i.get("reference")), None),
        ]
        for i in _texts(items).to_dict("records")
    ]
    return [text(f"pack_head_{k}", lang) for k in keys], rows


def plan_sheet(plan: pd.DataFrame, lang: str) -> tuple[list[str], list[list[Cell]]]:
    keys = [
        "fiscal_year",
        "activity_id",
        "title",
        "indicator_code",
        "responsible",
        "planned_start",
        "planned_end",
        "status",
        "progress",
        "done_on",
        "participants",
        "target_participants",
    ]
    rows = [
        [
            _number(a["fiscal_year"], YEAR),
            (str(a["activity_id"]), None),
            (_title(a, lang), None),
            (_text(a.get("indicator_code")), None),
            (_text(a.get("responsible")), None),
            _date(a["planned_start"], lang),
            _date(a["planned_end"], lang),
            (reason(str(a["status"]), lang), None),
            (text(f"progress_{a['progress']}", lang), None),
            _date(a["done_on"], lang),
            _number(a["participants"]),
            _number(a["target_participants"]),
        ]
        for a in _texts(plan).to_dict("records")
    ]
    return [text(f"pack_head_{k}", lang) for k in keys], rows


def survey_sheet(answers: pd.DataFrame, data: ReportData, lang: str) -> tuple[list[str], list[list[Cell]]]:
    heads, rows = survey_counts(answers, data, lang)
    return heads, [[(kind, None), (sub, None), *(_number(n) for n in counts), _number(share, TWO)] for kind, sub, *counts, share in rows]


def workbook_bytes(data: ReportData, lang: str = "th", cur: duckdb.DuckDBPyConnection | None = None) -> bytes:
    """The cover, the scorecard with numerators, denominators and coverage as numbers, who could close each gap, every
    row behind every indicator (read again from the database a chunk at a time: from `cur`, or else from the file the
    pack was gathered from), the survey scores, the evidence checklist and the action plan."""
    area = area_label(data.area, data.subdistricts, lang)
    title = f"{text('report_title', lang)} · {area} · {year_label(data.year, lang)}"
    book = Sheets(title, data_as_of(data.as_of, lang, data.with_who))
    book.sheet(text("pack_cover_sheet", lang), [text("pack_field", lang), text("pack_value", lang)], cover_rows(data, lang), portrait=True)
    book.sheet(text("report_scorecard", lang), *scorecard_sheet(data, lang))
    book.sheet(text("pack_candidates_sheet", lang), *candidate_sheet(data, lang))
    with _rows_source(data, cur) as source:
        for r in data.card.results:
            book.sheet(r.code, *indicator_sheet(source(r), r, data, lang))
            answers = data.indicators[r.code].answers
            if answers is not None and not answers.empty:
                book.sheet(text("pack_scores_sheet", lang, code=r.code), *survey_sheet(answers, data, lang))
    if not data.evidence.empty:
        book.sheet(text("page_evidence", lang), *evidence_sheet(data.evidence, lang))
    if not data.activities.empty:
        book.sheet(text("page_plan", lang), *plan_sheet(data.activities, lang))
    return book.bytes()


class _rows_source:  # noqa: N801 - used as a context manager, named for what it gives
    """Every row of an indicator, from the cursor given or from a read-only connection to the pack's database file."""

    def __init__(self, data: ReportData, cur: duckdb.DuckDBPyConnection | None) -> None:
        self.data, self.cur = data, cur
        self.own: duckdb.DuckDBPyConnection | None = None

    def __enter__(self) -> Callable[[Result], Iterator[pd.DataFrame]]:
        from store.db import open_read_only

        if self.cur is None:
            if not self.data.database:
                raise ValueError("the pack was gathered from a database in memory: pass its cursor")
            self.own = open_read_only(self.data.database)
        cur = self.cur if self.cur is not None else self.own.cursor()  # type: ignore[union-attr]
        return lambda r: behind.every_row(cur, r.indicator, self.data.year, self.data.area)

    def __exit__(self, *_: object) -> None:
        if self.own is not None:
            self.own.close()
