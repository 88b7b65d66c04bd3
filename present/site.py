"""The town's static public site and its open data (`python -m metrics publish`): files any web server serves.

For each year with data and each area (the town, each subdistrict) a page in Thai and in English: the town's
level and each level's verdict, every indicator's value, criterion and verdict in plain words, the action plan's
progress, the evidence readiness by level and a map of the subdistricts. Each indicator has a page per area with
its trend chart (SVG files drawn by present.charts, a wide and a narrow drawing) and its values year by year.
Beside the pages: the scorecards, levels and trends as CSV (UTF-8 with BOM), JSON and Parquet, a data dictionary
in Thai and English and a Data Package descriptor with the licence. Aggregates only: no establishment appears.

The numbers are the engine's (`scorecards`, `trends`, `data_years`); the JSON is each scorecard's `to_json()`,
the same object `python -m metrics scorecard --format json` prints. The pages come from Jinja2 templates with
autoescape on; Python passes values, never markup. No page runs or fetches anything outside the site.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from metrics import engine, readiness
from metrics.engine import Result, Scorecard
from present import charts
from present.fragments import CSS as FRAGMENTS_CSS
from present.fragments import MARKS, gap_text, split_text, unit_word
from present.site_words import places, say
from present.words import area_label, date_label, datetime_label, number, town_title, year_label, year_short
from store.export import AsOf, as_of, csv_bytes
from store.text import Text
from store.towns import subdistrict_names, town_names

TEMPLATES = Path(__file__).resolve().parent / "templates" / "site"
LANGS = ("th", "en")
MARKER = ".eit-public-site"  # a folder holding this file was written by publish and may be replaced by it
LICENCE_ENV = "EIT_PUBLISH_LICENCE"
MAP_WIDTH = 400.0
MAP_LABEL_ROOM = 80.0  # half the widest label, in the drawing's units
MAP_TOLERANCE = 0.0003  # degrees (≈ 30 m): the outlines are simplified to keep a page small
LEVEL_WORDS = {1: "level_1", 2: "level_2", 3: "level_3"}
PROGRESS_ORDER = ("done", "in_progress", "due", "late", "planned", "cancelled")


class PublishError(ValueError):
    """The site cannot be written as asked; the message says why (English: the command line's)."""


@dataclass
class SiteData:
    """Everything the site shows, read once from the database."""

    years: list[int]  # every year with data (the charts' and the open data's)
    published: list[int]  # years with pages
    cards: dict[tuple[int, str], Scorecard]
    trend: pd.DataFrame
    names: dict[str, Text]
    stamp: AsOf
    plans: dict[int, tuple[int, pd.DataFrame]]  # year -> (fiscal year BE, activities with progress)
    evidence: dict[int, tuple[int, pd.DataFrame]]  # year -> (fiscal year BE, readiness by level)
    boundaries: list[tuple[str, Any]]  # (subdistrict code, shapely geometry)
    made: dt.datetime
    today: dt.date
    areas: tuple[str, ...] = ("all",)  # "all" (the whole town), then each subdistrict the engine scored
    town: dict[str, str] = field(default_factory=dict)  # the town's names (store.towns.town_names)

    @property
    def subdistricts(self) -> tuple[str, ...]:
        return self.areas[1:]


@dataclass
class Built:
    """What publish wrote: the pages and data files, relative to the site's folder."""

    out: Path
    pages: list[str] = field(default_factory=list)
    data_files: list[str] = field(default_factory=list)


def gather(cur: duckdb.DuckDBPyConnection, years: Iterable[int] | None = None, today: dt.date | None = None) -> SiteData:
    today = today or dt.date.today()
    all_years = engine.data_years(cur)
    published = sorted({int(y) for y in years}) if years is not None else list(all_years)
    missing = [y for y in published if y not in all_years]
    if missing:
        raise PublishError(f"no data for year {', '.join(map(str, missing))}; years with data: {', '.join(map(str, all_years)) or 'none'}")
    cards = engine.scorecards(cur, all_years) if all_years else {}
    trend = engine.trends(cur, all_years) if all_years else pd.DataFrame(columns=["code", "year", "area", "value", "status"])
    names = dict(sorted(subdistrict_names(cur).items()))
    scored = {area for _, area in cards}
    areas = ("all", *(code for code in names if code in scored)) if cards else ("all", *names)
    fiscal = readiness.fiscal_years(cur)
    plan_years = sorted(int(y) for y in fiscal[fiscal["activities"] > 0]["fiscal_year"])
    checklist_years = sorted(int(y) for y in fiscal[fiscal["evidence_items"] > 0]["fiscal_year"])
    plans: dict[int, tuple[int, pd.DataFrame]] = {}
    evidence: dict[int, tuple[int, pd.DataFrame]] = {}
    for year in published:
        # the plan and the checklist of the year's fiscal year (BE), else of the latest earlier one (as the pack)
        plan_year = max((f for f in plan_years if f <= year + 543), default=None)
        if plan_year is not None:
            plans[year] = (plan_year, readiness.activities(cur, plan_year, today))
        checklist_year = max((f for f in checklist_years if f <= year + 543), default=None)
        if checklist_year is not None:
            evidence[year] = (checklist_year, readiness.readiness(readiness.evidence_items(cur, checklist_year), ["level"]))
    return SiteData(
        years=list(all_years),
        published=published,
        cards=cards,
        trend=trend,
        names=names,
        stamp=as_of(cur),
        plans=plans,
        evidence=evidence,
        boundaries=_boundaries(cur),
        made=dt.datetime.now(),
        today=today,
        areas=areas,
        town=town_names(cur),
    )


def _boundaries(cur: duckdb.DuckDBPyConnection) -> list[tuple[str, Any]]:
    from store.geo import stored_boundaries

    polygons = stored_boundaries(cur)
    return [(str(code), shape) for code, shape in zip(polygons["subdistrict_code"], polygons.geometry, strict=True)]


# ---- addresses: every link is relative, so the site works from any folder of any host -------------------


def slug(code: str) -> str:
    """An indicator code as a file name: letters, digits, dot, dash, underscore; never a path."""
    cleaned = re.sub(r"[^0-9A-Za-z._-]", "_", code).lstrip(".")
    return cleaned or "_"


def home_path(lang: str) -> str:
    return "index.html" if lang == "th" else f"{lang}/index.html"


def year_path(lang: str, year: int, area: str) -> str:
    return f"{lang}/{year}/{area}.html"


def indicator_path(lang: str, area: str, code: str) -> str:
    return f"{lang}/indicators/{area}/{slug(code)}.html"


def data_path(lang: str) -> str:
    return f"{lang}/data.html"


def chart_path(lang: str, code: str, kind: str) -> str:
    return f"charts/{lang}/{slug(code)}-{kind}.svg"


def root_of(path: str) -> str:
    return "../" * path.count("/")


# ---- values for the templates -----------------------------------------------------------------------------


SINGULAR = {"factories": "factory", "establishments": "establishment", "respondents": "respondent", "items": "item", "projects": "project"}


def unit_of(r: Result, lang: str, n: float | None = None) -> str:
    """What the indicator counts (present.fragments.unit_word), in the singular for one thing in English."""
    word = unit_word(r, lang)
    return SINGULAR.get(word, word) if lang == "en" and n == 1 else word


def criterion(r: Result, lang: str) -> str:
    ind = r.indicator
    sign = ">" if ind.comparator == "gt" else "≥"
    shown = f"{ind.threshold:g} %" if ind.unit == "percent" else f"{ind.threshold:g} {unit_of(r, lang, ind.threshold)}"
    return f"{sign} {shown}"


def value_shown(r: Result, lang: str, value: Any) -> str:
    """The value as the page shows it: from the rounded JSON value, so page, JSON and CSV say the same."""
    if value is None:
        return say("no_data", lang)
    if r.indicator.unit == "count":
        return f"{int(value):,} {unit_of(r, lang, int(value))}"
    return number(float(value), lang, "percent")  # type: ignore[arg-type]


def explanation(r: Result, lang: str, value: Any) -> str:
    """What the number means, in plain words: the value and what it rests on, the criterion, the verdict, the gap."""
    year = year_label(r.year, lang)
    if r.status == "no_data":
        return say("explain_no_data", lang, year=year) + "."
    if r.indicator.unit == "count":
        first = say("explain_count", lang, year=year, value=f"{int(r.value or 0):,}", unit=unit_of(r, lang, int(r.value or 0)))
    else:
        first = say(
            "explain_ratio",
            lang,
            year=year,
            value=value_shown(r, lang, value),
            num=number(r.numerator, lang),
            den=number(r.denominator, lang),
            unit=unit_word(r, lang),
        )
    rule = say("explain_rule", lang, criterion=criterion(r, lang))
    verdict = say("explain_pass" if r.status == "pass" else "explain_fail", lang)
    parts = [f"{first}. {rule}, {verdict}." if lang == "en" else f"{first} {rule} {verdict}"]
    split = split_text(r, lang)
    if split:
        parts.append(f"({split})")
    if r.status == "fail":
        gap = gap_text(r, lang)
        if gap:
            parts.append(gap + ("." if lang == "en" else ""))
    return " ".join(parts)


def formula(ind: Any, lang: str) -> str:
    """The indicator's formula in words: its criteria version's (Indicator.formula), else the shipped words."""
    own = getattr(ind, "formula", None)
    if callable(own):
        return str(own(lang) or "")
    try:
        from metrics.formulas import FORMULAS  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return ""
    words = FORMULAS.get(ind.code)
    return (words[0] if lang == "th" else words[1]) if words else ""


def result_data(card: Scorecard) -> dict[str, dict[str, Any]]:
    """Each indicator's result as `scorecard --format json` prints it (values rounded as there), by code."""
    return {str(i["code"]): i for i in card.to_json()["indicators"]}  # type: ignore[attr-defined]


def level_title(level: int, lang: str) -> str:
    key = LEVEL_WORDS.get(level)
    return say(key, lang) if key else f"{say('level', lang)} {level}"


def level_reached(n: int, lang: str) -> str:
    return say("level_0", lang) if n == 0 else say("level_n", lang, n=n)


def indicator_item(r: Result, js: dict[str, Any], lang: str, root: str, area: str) -> dict[str, Any]:
    return {
        "code": r.code,
        "name": r.indicator.name(lang),
        "value": "" if js["value"] is None else js["value"],
        "value_text": value_shown(r, lang, js["value"]),
        "criterion": criterion(r, lang),
        "provisional": bool(r.indicator.provisional),
        "status": r.status,
        "mark": MARKS[r.status],
        "status_text": say(r.status, lang),
        "explanation": explanation(r, lang, js["value"]),
        "formula": formula(r.indicator, lang),
        "href": root + indicator_path(lang, area, r.code),
    }


def catalogue_of(data: SiteData) -> dict[str, Any]:
    """Every indicator of the published years, code -> Indicator as in the latest year that has it (a criteria
    version may add or drop indicators from a year on)."""
    found: dict[str, Any] = {}
    for year in sorted(data.published or data.years, reverse=True):
        for r in data.cards[(year, "all")].results:
            found.setdefault(r.code, r.indicator)
    return dict(sorted(found.items(), key=lambda kv: (kv[1].level, kv[1].sort_order)))


def result_in(data: SiteData, year: int, area: str, code: str) -> Result | None:
    return next((r for r in data.cards[(year, area)].results if r.code == code), None)


def levels_of(card: Scorecard, lang: str) -> list[dict[str, Any]]:
    out = []
    for lv in card.levels:
        level = int(lv["level"])  # type: ignore[call-overload]
        of_level = [r for r in card.results if r.indicator.level == level]
        out.append(
            {
                "level": level,
                "title": level_title(level, lang),
                "status": str(lv["status"]),
                "mark": MARKS[str(lv["status"])],
                "status_text": say(str(lv["status"]), lang),
                "passing": sum(r.status == "pass" for r in of_level),
                "total": len(of_level),
            }
        )
    return out


def plan_of(data: SiteData, year: int, lang: str) -> dict[str, Any] | None:
    if year not in data.plans:
        return None
    fiscal_year, frame = data.plans[year]
    counts = frame["progress"].value_counts().to_dict() if not frame.empty else {}
    participants = pd.to_numeric(frame.get("participants"), errors="coerce")
    targets = pd.to_numeric(frame.get("target_participants"), errors="coerce")
    activities = []
    for row in frame.itertuples(index=False):
        title = (row.title_th if lang == "th" else row.title_en) or row.title_th or row.title_en
        start, end = row.planned_start, row.planned_end
        period = f"{date_label(start, lang)} – {date_label(end, lang)}" if pd.notna(start) or pd.notna(end) else ""
        activities.append(
            {
                "title": str(title or ""),
                "responsible": "" if pd.isna(row.responsible) else str(row.responsible),
                "period": period,
                "progress": str(row.progress),
                "progress_text": say(f"progress_{row.progress}", lang),
            }
        )
    return {
        "title": say("plan_of", lang, fy=fiscal_year),
        "summary": say("activities_summary", lang, done=int(counts.get("done", 0)), total=len(frame)),
        "participants": (
            say("participants_summary", lang, n=f"{int(participants.sum()):,}", target=f"{int(targets.sum()):,}")
            if targets.notna().any()
            else ""
        ),
        "counts": [{"progress": p, "text": say(f"progress_{p}", lang), "n": int(counts[p])} for p in PROGRESS_ORDER if counts.get(p)],
        "activities": activities,
        "as_of": say("as_of_today", lang, date=date_label(data.today, lang)),
    }


def evidence_of(data: SiteData, year: int, lang: str) -> dict[str, Any] | None:
    if year not in data.evidence:
        return None
    fiscal_year, frame = data.evidence[year]
    rows = [
        {
            "title": level_title(int(row.level), lang),
            "ready": int(row.ready),
            "total": int(row.total),
            "text": say("evidence_ready_n", lang, ready=int(row.ready), total=int(row.total)),
            "pct": f"{float(row.pct):.0f} %",
        }
        for row in frame.itertuples(index=False)
    ]
    return {"title": say("evidence_of", lang, fy=fiscal_year), "levels": rows}


def map_of(data: SiteData, year: int, area: str, lang: str, root: str) -> dict[str, Any] | None:
    """The subdistricts as SVG path data (values: the template draws them), each coloured by the level it reaches."""
    if not data.boundaries:
        return None
    import math

    import shapely

    shapes = [(code, geometry.simplify(MAP_TOLERANCE)) for code, geometry in data.boundaries]
    west, south, east, north = shapely.union_all([g for _, g in shapes]).bounds
    squeeze = math.cos(math.radians((south + north) / 2))  # degrees of longitude are shorter than of latitude here
    scale = MAP_WIDTH / ((east - west) * squeeze)
    height = (north - south) * scale

    def point(x: float, y: float) -> str:
        return f"{(x - west) * squeeze * scale:.1f},{(north - y) * scale:.1f}"

    out = []
    for code, geometry in shapes:
        polygons = list(getattr(geometry, "geoms", [geometry]))
        rings = [ring for polygon in polygons for ring in (polygon.exterior, *polygon.interiors)]
        d = " ".join("M" + " L".join(point(x, y) for x, y in ring.coords) + " Z" for ring in rings)
        label = geometry.representative_point()
        card = data.cards[(year, code)] if code in data.subdistricts else None
        name = area_label(code, data.names, lang).rsplit(" (", 1)[0]
        passing = sum(r.status == "pass" for r in card.results) if card else 0
        total = len(card.results) if card else 0
        level = card.town_level if card else 0
        x, y = point(label.x, label.y).split(",")
        x = f"{min(max(float(x), MAP_LABEL_ROOM), MAP_WIDTH - MAP_LABEL_ROOM):.1f}"  # a label near the edge stays whole
        out.append(
            {
                "code": code,
                "d": d,
                "x": x,
                "y": y,
                "name": name,
                "level": level,
                "label": say("map_label", lang, name=name, level=level_reached(level, lang), passing=passing, total=total),
                "short": level_reached(level, lang),
                "passing": say("map_passing", lang, passing=passing, total=total),
                "href": root + year_path(lang, year, code) if card else "",
                "current": code == area,
            }
        )
    legend = [{"level": n, "text": level_reached(n, lang)} for n in (0, *sorted(LEVEL_WORDS))]
    return {"viewbox": f"0 0 {MAP_WIDTH:.0f} {height:.0f}", "shapes": out, "legend": legend, "attribution": say("attribution", lang)}


def subdistrict_rows(data: SiteData, year: int, lang: str, root: str) -> list[dict[str, Any]]:
    rows = []
    for code in data.subdistricts:
        card = data.cards[(year, code)]
        rows.append(
            {
                "name": area_label(code, data.names, lang),
                "level": level_reached(card.town_level, lang),
                "passing": sum(r.status == "pass" for r in card.results),
                "total": len(card.results),
                "href": root + year_path(lang, year, code),
            }
        )
    return rows


# ---- rendering -------------------------------------------------------------------------------------------


def environment() -> Environment:
    """Autoescape on for every template: a name from the data is text, never markup."""
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def licence_text(licence: str | None, lang: str) -> tuple[str, bool]:
    """The licence the office set (argument, else $EIT_PUBLISH_LICENCE), else a placeholder saying it must be set."""
    chosen = (licence or os.environ.get(LICENCE_ENV) or "").strip()
    return (chosen, True) if chosen else (say("licence_unset", lang), False)


class Pages:
    """Renders every page of one language into a dict of relative path -> HTML."""

    def __init__(self, data: SiteData, lang: str, licence: str | None, env: Environment, langs: tuple[str, ...]) -> None:
        self.data, self.lang, self.env, self.langs = data, lang, env, langs
        self.licence, self.licence_set = licence_text(licence, lang)
        self.other = next((x for x in langs if x != lang), None)

    def t(self, key: str, **fields: object) -> str:
        return town_title(self.data.town, self.lang) if key == "app_title" else say(key, self.lang, **fields)

    def common(self, path: str, title: str, other_path: str | None) -> dict[str, Any]:
        root = root_of(path)
        stamp = self.data.stamp
        as_of_text = (
            self.t("data_as_of", when=datetime_label(stamp.loaded_at, self.lang))
            if stamp.loaded_at is not None
            else self.t("no_data_loaded")
        )
        return {
            "lang": self.lang,
            "root": root,
            "t": self.t,
            "title": title,
            "site_title": self.t("app_title"),
            "intro": self.t("site_intro", places=places([self.data.names[c] for c in self.data.subdistricts], self.lang)),
            "home": root + home_path(self.lang),
            "data_page": root + data_path(self.lang),
            "css": root + "site.css",
            "other_lang": (root + other_path) if other_path and self.other else "",
            "other_lang_code": self.other or "",
            "other_lang_name": self.t("other_language"),
            "demo": stamp.is_demo,
            "as_of": as_of_text,
            "made": self.t("made_on", when=datetime_label(self.data.made, self.lang)),
            "licence": self.licence,
            "licence_set": self.licence_set,
        }

    def year_page(self, year: int, area: str, path: str) -> str:
        lang, data = self.lang, self.data
        root = root_of(path)
        card = data.cards[(year, area)]
        js = result_data(card)
        area_text = area_label(area, data.names, lang)
        other = None if not self.other else home_path(self.other) if path == home_path(lang) else year_path(self.other, year, area)
        sections = []
        for level in sorted({r.indicator.level for r in card.results}):
            sections.append(
                {
                    "level": level,
                    "title": self.t("indicators_of", level=level_title(level, lang)),
                    "indicators": [indicator_item(r, js[r.code], lang, root, area) for r in card.results if r.indicator.level == level],
                }
            )
        context = {
            **self.common(path, f"{area_text} · {year_label(year, lang)} · {self.t('app_title')}", other),
            "year": year,
            "area": area,
            "year_text": year_label(year, lang),
            "area_text": area_text,
            "years": [{"text": year_short(y, lang), "href": root + year_path(lang, y, area), "current": y == year} for y in data.published],
            "areas": [
                {"text": area_label(a, data.names, lang), "href": root + year_path(lang, year, a), "current": a == area} for a in data.areas
            ],
            "town_level": card.town_level,
            "town_level_text": level_reached(card.town_level, lang),
            "levels": levels_of(card, lang),
            "sections": sections,
            "any_provisional": any(r.indicator.provisional for r in card.results),
            "versions": ", ".join(sorted({str(getattr(r.indicator, "version", "")) for r in card.results} - {""})),
            "plan": plan_of(data, year, lang),
            "evidence": evidence_of(data, year, lang),
            "map": map_of(data, year, area, lang, root),
            "subdistricts": subdistrict_rows(data, year, lang, root),
            "map_caption": self.t("map_caption", year=year_label(year, lang)),
        }
        return self.env.get_template("year.html").render(context)

    def indicator_page(self, area: str, code: str, path: str) -> str:
        lang, data = self.lang, self.data
        root = root_of(path)
        latest = max(y for y in data.published if result_in(data, y, area, code))
        result = result_in(data, latest, area, code)
        assert result is not None
        ind = result.indicator
        area_text = area_label(area, data.names, lang)
        rows = []
        for year in data.years:
            r = result_in(data, year, area, code)
            if r is None:
                continue
            value = result_data(data.cards[(year, area)])[code]["value"]
            rows.append(
                {
                    "id": f"y{year}",
                    "year": year_short(year, lang),
                    "value": "" if value is None else value,
                    "value_text": value_shown(r, lang, value),
                    "parts": ""
                    if ind.unit == "count" or r.denominator is None or r.status == "no_data"
                    else f"{number(r.numerator, lang)} / {number(r.denominator, lang)} {unit_word(r, lang)}",
                    "status": r.status,
                    "mark": MARKS[r.status],
                    "status_text": self.t(r.status),
                    "href": root + year_path(lang, year, area) + f"#i-{slug(code)}" if year in data.published else "",
                }
            )
        series = data.trend[data.trend["code"] == code]
        own = series[series["area"] == area].assign(area="all")  # trend_words describes the series labelled "all"
        words = charts.trend_words(own, ind.threshold, ind.unit, lang, ind.comparator)
        other = indicator_path(self.other, area, code) if self.other else None
        context = {
            **self.common(path, f"{code} {ind.name(lang)} · {area_text} · {self.t('app_title')}", other),
            "code": code,
            "name": ind.name(lang),
            "area_text": area_text,
            "criterion": criterion(result, lang),
            "provisional": bool(ind.provisional),
            "formula": formula(ind, lang),
            "explanation": explanation(result, lang, result_data(data.cards[(latest, area)])[code]["value"]),
            "chart_wide": root + chart_path(lang, code, "wide"),
            "chart_narrow": root + chart_path(lang, code, "narrow"),
            "chart_alt": self.t("trend_alt", code=code, area=area_text, words=words),
            "table_title": self.t("trend_table", area=area_text),
            "rows": rows,
            "back": root + year_path(lang, latest, area) + f"#i-{slug(code)}",
            "back_text": self.t("back_to_year", year=year_label(latest, lang)),
            "areas": [
                {"text": area_label(a, data.names, lang), "href": root + indicator_path(lang, a, code), "current": a == area}
                for a in data.areas
            ],
        }
        return self.env.get_template("indicator.html").render(context)

    def data_page(self, path: str, files: list[dict[str, Any]], dictionary: pd.DataFrame) -> str:
        root = root_of(path)
        other = data_path(self.other) if self.other else None
        column = "description_th" if self.lang == "th" else "description_en"
        context = {
            **self.common(path, f"{self.t('open_data')} · {self.t('app_title')}", other),
            "files": [{**f, "href": root + f["path"], "text": self.t(f["words"])} for f in files],
            "dictionary": [
                {"file": row.file, "column": row.column, "meaning": getattr(row, column), "unit": row.unit or ""}
                for row in dictionary.itertuples(index=False)
            ],
        }
        return self.env.get_template("data.html").render(context)

    def empty_page(self, path: str) -> str:
        other = home_path(self.other) if self.other else None
        return self.env.get_template("empty.html").render(self.common(path, self.t("app_title"), other))


# ---- open data ---------------------------------------------------------------------------------------------

DICTIONARY: list[tuple[str, str, str, str, str]] = [
    # (file, column, unit, Thai, English)
    ("scorecards", "year", "", "ปี ค.ศ. (ปีปฏิทิน)", "Calendar year (CE)"),
    ("scorecards", "year_be", "", "ปี พ.ศ.", "Year in the Buddhist Era (CE + 543)"),
    ("scorecards", "area", "", "พื้นที่: all = ทั้งเมือง (ทุกตำบลรวมกัน) หรือรหัสตำบล 6 หลัก", "Area: all = the whole town (every subdistrict together), or a 6-digit subdistrict code"),
    ("scorecards", "area_name_th", "", "ชื่อพื้นที่ (ภาษาไทย)", "Area name (Thai)"),
    ("scorecards", "area_name_en", "", "ชื่อพื้นที่ (ภาษาอังกฤษ)", "Area name (English)"),
    ("scorecards", "code", "", "รหัสตัวชี้วัด", "Indicator code"),
    ("scorecards", "level", "", "ระดับของตัวชี้วัด (1–3)", "The indicator's level (1–3)"),
    ("scorecards", "name_th", "", "ชื่อตัวชี้วัด (ภาษาไทย)", "Indicator name (Thai)"),
    ("scorecards", "name_en", "", "ชื่อตัวชี้วัด (ภาษาอังกฤษ)", "Indicator name (English)"),
    ("scorecards", "unit", "", "percent = ร้อยละ, count = จำนวน", "percent or count"),
    ("scorecards", "value", "% / count", "ค่าของตัวชี้วัด (ร้อยละปัดทศนิยม 2 ตำแหน่ง) ว่าง = ไม่มีข้อมูล", "The indicator's value (percent rounded to 2 decimals); empty = no data"),
    ("scorecards", "numerator", "", "ตัวตั้ง (จำนวนหรือปริมาณรวม)", "Numerator (a count or a summed amount)"),
    ("scorecards", "denominator", "", "ตัวหาร ว่างสำหรับตัวชี้วัดแบบจำนวน", "Denominator; empty for a count"),
    ("scorecards", "comparator", "", "ge = ไม่น้อยกว่าเกณฑ์, gt = มากกว่าเกณฑ์", "ge = at least the threshold, gt = more than it"),
    ("scorecards", "threshold", "% / count", "ค่าเกณฑ์", "Threshold of the criterion"),
    ("scorecards", "provisional", "", "true = เกณฑ์ชั่วคราว ยังไม่ได้รับการยืนยัน", "true = provisional criterion, not yet confirmed"),
    ("scorecards", "status", "", "pass = ผ่าน, fail = ไม่ผ่าน, no_data = ไม่มีข้อมูล", "pass, fail or no_data"),
    ("scorecards", "gap", "", "ต้องการเพิ่มอีกกี่ราย (แห่ง คน รายการ) จึงจะผ่าน", "How many more (factories, respondents, items) would make it pass"),
    ("scorecards", "town_level", "", "ระดับที่พื้นที่ผ่านในปีนั้น (0–3)", "The level the area reaches that year (0–3)"),
    ("levels", "year", "", "ปี ค.ศ.", "Calendar year (CE)"),
    ("levels", "year_be", "", "ปี พ.ศ.", "Year (BE)"),
    ("levels", "area", "", "พื้นที่", "Area"),
    ("levels", "town_level", "", "ระดับที่ผ่าน (0–3)", "Level reached (0–3)"),
    ("levels", "level_1", "", "ผลของระดับ 1 (pass/fail)", "Verdict of level 1 (pass/fail)"),
    ("levels", "level_2", "", "ผลของระดับ 2 (pass/fail)", "Verdict of level 2 (pass/fail)"),
    ("levels", "level_3", "", "ผลของระดับ 3 (pass/fail)", "Verdict of level 3 (pass/fail)"),
    ("trends", "code", "", "รหัสตัวชี้วัด", "Indicator code"),
    ("trends", "area", "", "พื้นที่", "Area"),
    ("trends", "year", "", "ปี ค.ศ.", "Calendar year (CE)"),
    ("trends", "year_be", "", "ปี พ.ศ.", "Year (BE)"),
    ("trends", "value", "% / count", "ค่าของตัวชี้วัดในปีนั้น ว่าง = ไม่มีข้อมูล", "The indicator's value that year; empty = no data"),
    ("trends", "status", "", "pass = ผ่าน, fail = ไม่ผ่าน, no_data = ไม่มีข้อมูล", "pass, fail or no_data"),
]  # fmt: skip


def open_data(data: SiteData) -> dict[str, pd.DataFrame]:
    """The scorecards, levels and trends as flat tables; values exactly as in each scorecard's to_json()."""
    scorecard_rows, level_rows, trend_rows = [], [], []
    for (year, area), card in sorted(data.cards.items()):
        name_th = area_label(area, data.names, "th")
        name_en = area_label(area, data.names, "en")
        level_rows.append(
            {
                "year": year,
                "year_be": year + 543,
                "area": area,
                "town_level": card.town_level,
                **{f"level_{lv['level']}": lv["status"] for lv in card.levels},
            }
        )
        by_code = result_data(card)
        for r in card.results:
            js = by_code[r.code]
            scorecard_rows.append(
                {
                    "year": year,
                    "year_be": year + 543,
                    "area": area,
                    "area_name_th": name_th,
                    "area_name_en": name_en,
                    "code": r.code,
                    "level": r.indicator.level,
                    "name_th": r.indicator.name_th,
                    "name_en": r.indicator.name_en,
                    "unit": r.indicator.unit,
                    "value": js["value"],
                    "numerator": js["numerator"],
                    "denominator": js["denominator"],
                    "comparator": r.indicator.comparator,
                    "threshold": js["threshold"],
                    "provisional": js["provisional"],
                    "status": js["status"],
                    "gap": js["gap"],
                    "town_level": card.town_level,
                }
            )
            trend_rows.append(
                {"code": r.code, "area": area, "year": year, "year_be": year + 543, "value": js["value"], "status": js["status"]}
            )
    columns = {name: [c for f, c, *_ in DICTIONARY if f == name] for name in ("scorecards", "levels", "trends")}
    return {
        "scorecards": pd.DataFrame(scorecard_rows, columns=columns["scorecards"]).astype({"gap": "Int64"}),
        "levels": pd.DataFrame(level_rows, columns=columns["levels"]),
        "trends": pd.DataFrame(trend_rows, columns=columns["trends"]),
    }


def dictionary_frame() -> pd.DataFrame:
    return pd.DataFrame(DICTIONARY, columns=["file", "column", "unit", "description_th", "description_en"])


def write_open_data(data: SiteData, folder: Path, licence: str | None) -> list[str]:
    """CSV (UTF-8 with BOM, formula cells neutralised: store.export), JSON and Parquet of each table, the
    dictionary and a Data Package descriptor carrying the licence. Returns the files written, relative."""
    folder.mkdir(parents=True, exist_ok=True)
    chosen, is_set = licence_text(licence, "en")
    stamp = data.stamp
    about = {
        "title": say("app_title", "en"),
        "title_th": say("app_title", "th"),
        "licence": chosen if is_set else None,
        "licence_note": None if is_set else say("licence_unset", "en"),
        "data_as_of": None if stamp.loaded_at is None else stamp.loaded_at.isoformat(),
        "made": data.made.isoformat(timespec="seconds"),
        "demo": stamp.is_demo,
        "demo_note": say("demo_banner", "en") if stamp.is_demo else None,
        "aggregates_only": True,
    }
    written = []
    tables = open_data(data)
    for name, frame in tables.items():
        (folder / f"{name}.csv").write_bytes(csv_bytes(frame))
        frame.to_parquet(folder / f"{name}.parquet", index=False)
        written += [f"{name}.csv", f"{name}.parquet"]
    scorecards = {**about, "scorecards": [card.to_json() for _, card in sorted(data.cards.items())]}
    (folder / "scorecards.json").write_text(json.dumps(scorecards, ensure_ascii=False, indent=1), encoding="utf-8")
    for name in ("levels", "trends"):
        records = json.loads(tables[name].to_json(orient="records", force_ascii=False))
        (folder / f"{name}.json").write_text(json.dumps({**about, name: records}, ensure_ascii=False, indent=1), encoding="utf-8")
    written += ["scorecards.json", "levels.json", "trends.json"]
    dictionary = dictionary_frame()
    (folder / "dictionary.csv").write_bytes(csv_bytes(dictionary))
    written.append("dictionary.csv")
    package = {
        "name": "saraburi-eco-industrial-town-scorecards",
        **about,
        "licenses": [{"title": chosen}] if is_set else [],
        "resources": [
            {
                "name": f"{name}-{fmt}",
                "path": f"{name}.{fmt}",
                "format": fmt,
                **({"encoding": "utf-8-sig"} if fmt == "csv" else {}),
                "schema": {
                    "fields": [
                        {"name": c, "description": en, "description_th": th, **({"unit": u} if u else {})}
                        for f, c, u, th, en in DICTIONARY
                        if f == name
                    ]
                },
            }
            for name in tables
            for fmt in ("csv", "json", "parquet")
        ],
    }
    (folder / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False, indent=1), encoding="utf-8")
    written.append("datapackage.json")
    return written


DATA_FILES = [
    {"words": "file_scorecards", "name": "scorecards"},
    {"words": "file_levels", "name": "levels"},
    {"words": "file_trends", "name": "trends"},
]


# ---- the whole site --------------------------------------------------------------------------------------


def write_charts(data: SiteData, folder: Path, langs: tuple[str, ...]) -> None:
    """Each indicator's trend over every data year and area, a wide and a narrow drawing per language; shared by
    the three area pages of an indicator (the browser caches them)."""
    if not data.years:
        return
    for lang in langs:
        names = {a: area_label(a, data.names, lang) for a in data.areas}
        (folder / "charts" / lang).mkdir(parents=True, exist_ok=True)
        for code, ind in catalogue_of(data).items():
            series = data.trend[data.trend["code"] == code]
            for kind, size in (("wide", charts.WIDE), ("narrow", charts.NARROW)):
                svg = charts.trend_svg(
                    series, ind.threshold, ind.unit, lang, names=names, size=size, salt=f"{code}-{kind}", comparator=ind.comparator
                )
                (folder / chart_path(lang, code, kind)).write_text(svg, encoding="utf-8")


def site_css() -> str:
    return FRAGMENTS_CSS + (TEMPLATES / "site.css").read_text(encoding="utf-8")


def render_site(data: SiteData, folder: Path, langs: tuple[str, ...] = LANGS, licence: str | None = None) -> Built:
    built = Built(folder)
    env = environment()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "site.css").write_text(site_css(), encoding="utf-8")
    built.data_files = [f"data/{f}" for f in write_open_data(data, folder / "data", licence)]
    write_charts(data, folder, langs)
    dictionary = dictionary_frame()
    files = [{**f, "path": f"data/{f['name']}.{fmt}", "format": fmt.upper()} for f in DATA_FILES for fmt in ("csv", "json", "parquet")] + [
        {"words": "file_dictionary", "name": "dictionary", "path": "data/dictionary.csv", "format": "CSV"},
        {"words": "file_package", "name": "datapackage", "path": "data/datapackage.json", "format": "JSON"},
    ]

    def write(path: str, render: Callable[[str], str]) -> None:
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(render(path), encoding="utf-8")
        built.pages.append(path)

    for lang in langs:
        pages = Pages(data, lang, licence, env, langs)
        write(data_path(lang), lambda p, pages=pages: pages.data_page(p, files, dictionary))  # type: ignore[misc]
        # the site's root address is the Thai home; without Thai, the first language's home is there too
        homes = [home_path(lang)] + (["index.html"] if lang == langs[0] and "th" not in langs else [])
        if not data.published:
            for home in homes:
                write(home, pages.empty_page)
            continue
        latest = max(data.published)
        for home in homes:
            write(home, lambda p, pages=pages, latest=latest: pages.year_page(latest, "all", p))  # type: ignore[misc]
        for year in data.published:
            for area in data.areas:
                write(year_path(lang, year, area), lambda p, pages=pages, year=year, area=area: pages.year_page(year, area, p))  # type: ignore[misc]
        for area in data.areas:
            for code in catalogue_of(data):
                write(indicator_path(lang, area, code), lambda p, pages=pages, area=area, code=code: pages.indicator_page(area, code, p))  # type: ignore[misc]
    (folder / MARKER).write_text("written by python -m metrics publish; the folder is replaced on the next publish\n", encoding="utf-8")
    return built


def replace_folder(fresh: Path, out: Path) -> None:
    """Put the new site in place of the old in two renames, so a reader never sees half a site. A folder that
    holds anything but an earlier site is left alone."""
    if out.exists():
        if not out.is_dir():
            raise PublishError(f"{out} exists and is not a folder")
        if any(out.iterdir()) and not (out / MARKER).exists():
            raise PublishError(f"{out} holds files that publish did not write; choose an empty or new folder")
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        out.rename(old)
        fresh.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        fresh.rename(out)


def publish(
    con: duckdb.DuckDBPyConnection,
    out: str | Path,
    years: Iterable[int] | None = None,
    langs: Iterable[str] = LANGS,
    licence: str | None = None,
    today: dt.date | None = None,
) -> Built:
    """Read the database once and write the whole site into `out` (replaced whole: a half-written site is never served)."""
    out = Path(out).resolve()
    chosen = tuple(dict.fromkeys(langs))
    if not chosen or any(lang not in LANGS for lang in chosen):
        raise PublishError(f"--lang must be a comma-separated list of {', '.join(LANGS)}")
    if out.exists() and out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise PublishError(f"{out} holds files that publish did not write; choose an empty or new folder")
    with con.cursor() as cur:
        data = gather(cur, years, today)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out.parent / f".{out.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one publish of a folder at a time (the admin's button, cron)
        for left in [*out.parent.glob(f".{out.name}.new-*"), *out.parent.glob(f".{out.name}.old-*")]:
            shutil.rmtree(left, ignore_errors=True)  # left by a publish that was killed (the page's time limit)
        fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}.new-", dir=out.parent))
        try:
            built = render_site(data, fresh, chosen, licence)
            fresh.chmod(0o755)  # mkdtemp makes it private; a web server must read it
            replace_folder(fresh, out)
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
    built.out = out
    return built
