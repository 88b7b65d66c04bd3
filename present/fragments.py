"""HTML fragments of results, shared by the pages and the meeting pack: the headline, the scorecard by
level (a table that becomes one card per indicator on a phone), what it takes to reach each level still ahead,
who could close a gap, the action plan, the evidence checklist and the level history.

The markup is in Jinja2 templates (present/templates/fragments/, autoescape on): this module passes them plain
values, never markup, so a name from the data can never become HTML. The pages put the fragments on screen as
they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import pandas as pd

from metrics.engine import LEVELS, Result, Scorecard
from metrics.gaps import Candidate, closing, gap_size
from metrics.readiness import LevelPlan
from present.jinja import environment
from present.words import TEXT, column_labels, date_label, establishment_name, number, reason, table_label, text, value_label, year_label

MARKS = {"pass": "✓", "fail": "✗", "no_data": "–"}
RAI_M2 = 1600  # 1 ไร่ = 1,600 m²
SINGULAR = {"factories": "factory", "establishments": "establishment", "respondents": "respondent", "items": "item", "projects": "project"}


@dataclass(frozen=True)
class View:
    """What a link must carry to reopen the same view: language, year (CE) and area."""

    lang: str
    year: int
    area: str

    def params(self) -> dict[str, str]:
        year = self.year + 543 if self.lang == "th" else self.year
        return {"lang": self.lang, "year": str(year), "area": self.area}

    def link(self, page: str, **extra: str) -> str:
        return f"{page}?" + urlencode({**self.params(), **extra})


def render(template: str, **values: Any) -> str:
    """One fragment template filled with plain values (escaped as they go in)."""
    return environment("fragments").get_template(template).render(**values)


def macro(name: str) -> Any:
    """One macro of _macros.html, for callers that place a small piece of markup in their own templates."""
    return getattr(environment("fragments").get_template("_macros.html").module, name)


def badge_of(status: str, lang: str) -> dict[str, str]:
    return {"status": status, "mark": MARKS[status], "label": text(status, lang)}


def badge(status: str, lang: str) -> str:
    """A verdict as a coloured badge (markup from the template, escaped there)."""
    return str(macro("badge")(badge_of(status, lang)))


def unit_word(r: Result, lang: str, n: float | None = None) -> str:
    """What the numerator counts or measures, as a reader says it (แห่ง, คน, ตัน, ตร.ม. …); in English one thing
    is singular ("1 project")."""
    amount = r.indicator.amount_unit
    word = text(f"amount_{amount}", lang) if amount else text(f"unit_{r.indicator.entity}", lang)
    return SINGULAR.get(word, word) if lang == "en" and n is not None and abs(n) == 1 else word


def coverage_text(r: Result, lang: str) -> str:
    """How many of the things the value rests on reported ("38 of 40 reported"); empty when nothing was expected."""
    if r.coverage is None or not r.coverage[1]:
        return ""
    return text("coverage_note", lang, reported=f"{r.coverage[0]:,}", expected=f"{r.coverage[1]:,}")


def value_of(r: Result, lang: str, with_coverage: bool = True) -> dict[str, str]:
    """The value, and for a ratio the numerator and denominator in their unit (a count has none)."""
    ind = r.indicator
    cover = coverage_text(r, lang) if with_coverage else ""
    if ind.unit == "count":
        shown = "–" if r.value is None else f"{int(r.value):,} {unit_word(r, lang, r.value)}"
        return {"main": shown, "parts": "", "coverage": cover}
    parts = ""
    if r.denominator:
        parts = f"{number(r.numerator, lang)} / {number(r.denominator, lang)} {unit_word(r, lang)}"
        if r.indicator.amount_unit == "m2":
            parts += f" ({number(r.numerator / RAI_M2, lang)} / {number(r.denominator / RAI_M2, lang)} {text('rai', lang)})"
    return {"main": number(r.value, lang, ind.unit), "parts": parts, "coverage": cover}


def criterion_of(r: Result, lang: str) -> dict[str, str]:
    ind = r.indicator
    sign = ">" if ind.comparator == "gt" else "≥"
    shown = (
        number(ind.threshold, lang, ind.unit, digits=0)
        if ind.unit == "percent"
        else f"{ind.threshold:g} {unit_word(r, lang, ind.threshold)}"
    )
    return {"sign": sign, "shown": shown, "provisional": text("provisional", lang) if ind.provisional else ""}


GAP_KEYS = {"factory": "gap_factory", "establishment": "gap_establishment", "respondent": "gap_respondent", "item": "gap_item"}


def gap_text(r: Result, lang: str) -> str:
    """What it takes for a failing indicator to pass, in its own unit; for no data, the upload that decides it."""
    if r.status == "no_data":
        sources = ", ".join(table_label(s, lang) for s in r.indicator.sources)
        return text("gap_no_data", lang, sources=sources)
    if r.gap is not None:
        key = {**GAP_KEYS, "project": "gap_project"}.get(r.indicator.entity)
        if not key:
            return ""
        return text(key + ("_one" if r.gap == 1 else ""), lang, n=f"{r.gap:,}")
    if r.gap_amount is not None:
        unit = r.indicator.amount_unit
        return text(f"gap_{unit}", lang, amount=number(r.gap_amount, lang), rai=number(r.gap_amount / RAI_M2, lang))
    return ""


def split_text(r: Result, lang: str) -> str:
    if "controlled" in r.split:
        return text("split_controlled", lang, a=r.split["controlled"], b=r.split["not_controlled"])
    if "mass_balance" in r.split:
        return text("split_mass", lang, a=r.split["mass_balance"], b=r.split["symbiosis"])
    return ""


def change_of(r: Result, before: Result | None, lang: str) -> dict[str, str]:
    """Change since last year, only where both years have data (never a gain from an empty year: the pages pass
    no previous scorecard for a year before the first year of data)."""
    if r.fiscal_year is not None and before is not None and before.fiscal_year == r.fiscal_year:
        return {"kind": "same", "text": text("same_checklist", lang)}
    if before is None or r.value is None or before.value is None or not r.has_data or not before.has_data:
        return {"kind": "none", "title": text("no_comparison", lang)}
    delta = r.value - before.value
    if r.indicator.unit == "percent":
        return {"kind": "delta", "number": f"{delta:+,.2f}", "unit": text("pp", lang)}
    return {"kind": "delta", "number": f"{delta:+,.0f}", "unit": unit_word(r, lang, delta)}  # +1 โครงการ, +3 แห่ง


def change_text(r: Result, before: Result | None, lang: str) -> str:
    """The change since last year as markup (the template's), for the meeting pack's own tables."""
    return str(macro("change")(change_of(r, before, lang)))


def notes_of(r: Result, lang: str) -> list[str]:
    notes = [split_text(r, lang)]
    if r.indicator.family == "evidence_ready":
        notes.append(text("checklist_of", lang, fy=r.fiscal_year) if r.fiscal_year else text("no_checklist", lang))
    return [n for n in notes if n]


def result_cards(r: Result, lang: str, year_text: str) -> str:
    """One indicator's value (with its coverage), criterion, verdict and what it takes to pass, as cards."""
    fiscal = text("checklist_of", lang, fy=r.fiscal_year) if r.fiscal_year else ""
    return render(
        "result_cards.html",
        labels={k: text(k, lang) for k in ("value", "threshold", "status")},
        year_text=year_text,
        value=value_of(r, lang),
        note=split_text(r, lang) or fiscal,
        criterion=criterion_of(r, lang),
        badge=badge_of(r.status, lang),
        gap=gap_text(r, lang),
    )


HEADS = ["code", "indicator", "value", "threshold", "status", "change", "gap"]


def scorecard_table(card: Scorecard, previous: Scorecard | None, view: View, links: bool = True) -> str:
    """The scorecard by level: one row per indicator, its coverage under its value; below 640 px each row a card."""
    lang = view.lang
    before = {r.code: r for r in previous.results} if previous else {}
    levels = []
    for level in LEVELS:
        verdict = next(str(lv["status"]) for lv in card.levels if lv["level"] == level)
        rows = [
            {
                "status": r.status,
                "code": r.code,
                "href": view.link("indicator", code=r.code),
                "name": r.indicator.name(lang),
                "notes": notes_of(r, lang),
                "value": value_of(r, lang),
                "criterion": criterion_of(r, lang),
                "badge": badge_of(r.status, lang),
                "change": change_of(r, before.get(r.code), lang),
                "gap": gap_text(r, lang),
            }
            for r in card.results
            if r.indicator.level == level
        ]
        levels.append({"name": text(f"level_{level}", lang), "badge": badge_of(verdict, lang), "rows": rows})
    return render("scorecard_table.html", heads=HEADS, labels={h: text(h, lang) for h in HEADS}, levels=levels, links=links)


def headline(card: Scorecard, readiness: pd.DataFrame, fiscal_year: int | None, lang: str) -> str:
    """Town level, each level's verdict and its evidence readiness, in cards that wrap and never cut words."""
    level = card.town_level
    reached = text("level_none", lang) if level == 0 else text("level_reached", lang, n=level)
    by_level = readiness.set_index("level") if not readiness.empty else pd.DataFrame()
    cards = []
    for lv in card.levels:
        n, verdict = int(str(lv["level"])), str(lv["status"])
        evidence = ""
        if n in by_level.index:
            row = by_level.loc[n]
            evidence = text("evidence_ready_n", lang, ready=int(row["ready"]), total=int(row["total"]))
            evidence = f"{text('evidence_ready', lang)}: {evidence} · {text('checklist_of', lang, fy=fiscal_year)}"
        elif fiscal_year is None:
            evidence = text("no_checklist", lang)
        cards.append({"name": text(f"level_{n}", lang), "badge": badge_of(verdict, lang), "evidence": evidence})
    return render("headline.html", town_label=text("town_level", lang), reached=reached, cards=cards)


def closes_text(c: Candidate, r: Result, lang: str) -> str:
    """How much of the gap one candidate closes, in the gap's unit."""
    if c.closes <= 0:
        return text("closes_keep", lang)
    if r.gap is None:
        return text("closes_pp", lang, n=number(c.closes, lang))
    return text("closes_n", lang, n=number(c.closes, lang), unit=unit_word(r, lang, c.closes))


def detail_text(c: Candidate, lang: str) -> str:
    """A practice or scheme code in the reader's words ('ghg_reduction, symbiosis'); a value against its limit as it is."""
    if c.why in ("planned", "expired", "expiring"):
        return ", ".join(value_label(part.strip(), lang) for part in c.detail.split(","))
    return c.detail


def candidates_of(found: list[Candidate], r: Result, lang: str, with_empty: bool = True) -> dict[str, Any]:
    """The named candidates of one failing indicator as the candidate list shows them."""
    rows = []
    for c in found:
        on = ""
        if c.on is not None:
            on = text("expired_on" if c.why == "expired" else "expires_on", lang, date=date_label(c.on, lang))
        name = establishment_name(c.name_th, c.name_en, c.entity_id, lang)
        rows.append(
            {
                "name": name,
                "id": "" if name.startswith(c.entity_id) else c.entity_id,
                "why": c.why,
                "why_text": text(f"why_{c.why}", lang),
                "detail": detail_text(c, lang),
                "on": on,
                "closes": closes_text(c, r, lang),
            }
        )
    size = gap_size(r)
    total = ""
    if rows and size is not None:
        together = closing(found, r)
        shown = number(together, lang) if r.gap is None else f"{together:,.0f}"
        gap = number(size, lang) if r.gap is None else f"{size:,.0f}"
        total = text("candidates_total", lang, n=shown, gap=gap, unit=text("pp", lang) if r.gap is None else unit_word(r, lang, size))
    empty = text("no_candidates", lang) if with_empty and size is not None else ""
    return {"head": text("who_closes", lang), "rows": rows, "total": total, "empty": empty}


def candidates_list(found: list[Candidate], r: Result, lang: str) -> str:
    """Who could close one failing indicator's gap, named, with why and how much each would close."""
    if gap_size(r) is None:
        return ""
    return render("candidates.html", list=candidates_of(found, r, lang))


def level_plan(
    plan: LevelPlan | list[LevelPlan],
    view: View,
    links: bool = True,
    collapsible: bool = True,
    candidates: dict[str, list[Candidate]] | None = None,
) -> str:
    """What stands between the town and each level still ahead: the next level's failing and no-data indicators
    with what would change them (and who could close each gap, when given), then each further level's own; the
    evidence still missing for each, by agency."""
    lang = view.lang
    plans = plan if isinstance(plan, list) else [plan]
    if not plans or plans[0].level is None:
        return render("level_plan.html", done=text("all_levels_reached", lang), plans=[], links=links, collapsible=collapsible)
    shown = []
    below = 0  # the levels an earlier plan already covered
    for p in plans:
        assert p.level is not None
        first = below == 0
        blockers = [b for b in p.blockers if b.result.indicator.level > below]
        missing = p.missing_evidence
        if not first and not missing.empty:
            missing = missing[missing["level"] > below]
        levels = _levels(p.level, lang) if first else text("level_n", lang, n=p.level)
        shown.append(
            {
                "level": p.level,
                "title": text("to_reach", lang, n=p.level),
                "intro": text("to_reach_intro" if first else "to_reach_also", lang, levels=levels),
                "nothing": text("to_reach_nothing", lang, levels=levels),
                "blockers": [_blocker(b.result, view, candidates) for b in blockers],
                "missing": ""
                if missing.empty
                else text("missing_evidence", lang, levels=levels, count=len(missing), fy=text("checklist_of", lang, fy=p.fiscal_year)),
                "agencies": _agencies(missing, lang),
            }
        )
        below = p.level
    return render("level_plan.html", done="", plans=shown, links=links, collapsible=collapsible, by_agency=text("missing_by_agency", lang))


def _blocker(r: Result, view: View, candidates: dict[str, list[Candidate]] | None) -> dict[str, Any]:
    lang = view.lang
    found = (candidates or {}).get(r.code)
    return {
        "code": r.code,
        "href": view.link("indicator", code=r.code),
        "name": r.indicator.name(lang),
        "badge": badge_of(r.status, lang),
        "value": number(r.value, lang, r.indicator.unit) if r.value is not None else "",
        "gap": gap_text(r, lang),
        "candidates": candidates_of(found, r, lang, with_empty=False) if found else None,
    }


def _agencies(missing: pd.DataFrame, lang: str) -> list[dict[str, Any]]:
    if missing.empty:
        return []
    description = "description_th" if lang == "th" else "description_en"
    out = []
    for agency, items in missing.groupby(missing["responsible"].fillna("—"), sort=True):
        rows = []
        for _, item in items.iterrows():
            words = item[description] if isinstance(item[description], str) and item[description] else item["description_th"]
            rows.append(
                {
                    "code": str(item["indicator_code"]),
                    "no": int(item["item_no"]),
                    "words": str(words),
                    "status": reason(str(item["status"]), lang),
                }
            )
        out.append({"name": str(agency), "entries": rows})
    return out


def _count(value: object) -> str:
    return "–" if value is None or pd.isna(value) else f"{int(value):,}"  # type: ignore[call-overload]


def _cell(words: object = "", small: str = "", badge: str = "") -> dict[str, str]:
    return {"text": "" if words is None else str(words), "small": small, "badge": badge}


def plan_table(plan: pd.DataFrame, lang: str) -> str:
    """The action plan as a table people read: every title whole, Thai dates, progress in words and
    colour, participants against the target."""
    heads = ["activity_id", "title", "responsible", "planned_period", "progress", "participation"]
    labels = {h: column_labels([h], lang).get(h, text(h, lang) if h in TEXT else h) for h in heads}
    rows = []
    for _, a in plan.iterrows():
        title = a["title_th"] if lang == "th" or not isinstance(a.get("title_en"), str) else a["title_en"]
        indicator = (
            f"{text('indicator', lang)} {a['indicator_code']}" if isinstance(a["indicator_code"], str) and a["indicator_code"] else ""
        )
        done = f"{text('done_on_marker', lang)} {date_label(a['done_on'], lang)}" if pd.notna(a["done_on"]) else ""
        state = str(a["progress"])
        came, wanted = a["participants"], a["target_participants"]
        cells = {
            "activity_id": _cell(a["activity_id"]),
            "title": _cell(title, small=indicator),
            "responsible": _cell(a["responsible"] if isinstance(a["responsible"], str) else ""),
            "planned_period": _cell(f"{date_label(a['planned_start'], lang)} – {date_label(a['planned_end'], lang)}"),
            "progress": _cell(text(f"progress_{state}", lang), small=done, badge=f"eit-progress-{state}"),
            "participation": _cell("" if pd.isna(came) and pd.isna(wanted) else f"{_count(came)} / {_count(wanted)}"),
        }
        rows.append({"cells": cells})
    return render("list_table.html", kind="eit-plan-table", heads=heads, labels=labels, rows=rows, empty_class=False)


def checklist(items: pd.DataFrame, lang: str) -> str:
    """The evidence checklist grouped by level and indicator: every numbered item whole, its status,
    the agency that owes it and where the document is."""
    heads = ["item_no", "item", "responsible", "status", "reference"]
    labels = {h: column_labels([h], lang).get(h, h) for h in heads}
    description = "description_th" if lang == "th" else "description_en"
    rows: list[dict[str, Any]] = []
    for (level, code), group in items.groupby(["level", "indicator_code"], sort=False):
        name = group["indicator_th" if lang == "th" else "indicator_en"].iloc[0]
        ready = int((group["status"] == "ready").sum())
        rows.append(
            {
                "group": f"{text(f'level_{int(level)}', lang)} · {code} {name}",
                "note": text("evidence_ready_n", lang, ready=ready, total=len(group)),
            }
        )
        for _, item in group.iterrows():
            words = item[description] if isinstance(item[description], str) and item[description] else item["description_th"]
            status = str(item["status"])
            cells = {
                "item_no": _cell(text("item_number", lang, n=int(item["item_no"]))),
                "item": _cell(words),
                "responsible": _cell(item["responsible"] if isinstance(item["responsible"], str) else ""),
                "status": _cell(reason(status, lang), badge=f"eit-evidence-{status}"),
                "reference": _cell(item["reference"] if isinstance(item["reference"], str) else ""),
            }
            rows.append({"cells": cells})
    return render("list_table.html", kind="eit-checklist", heads=heads, labels=labels, rows=rows, empty_class=True)


def level_history_table(history: pd.DataFrame, lang: str) -> str:
    """The level the town reached each year and each level's verdict: one row per year, a three-step meter beside
    the words. Plain HTML, so the overview opens without a chart library (a chart here cost a reader's browser
    about as much as the rest of the page)."""
    heads = ["year", "town_level", "level_1", "level_2", "level_3"]
    rows = []
    for item in history.itertuples(index=False):
        level = int(item.town_level)
        reached = text("level_none", lang) if level == 0 else text("level_reached", lang, n=level)
        cells: dict[str, dict[str, Any]] = {
            "year": _cell(year_label(int(item.year), lang)),
            "town_level": {**_cell(reached), "pips": [n <= level for n in (1, 2, 3)]},
        }
        for n in (1, 2, 3):
            status = str(getattr(item, f"level_{n}"))
            cells[f"level_{n}"] = _cell(f"{MARKS[status]} {text(status, lang)}", badge=f"eit-{status}")
        rows.append({"cells": cells})
    labels = {h: text(h, lang) for h in heads}
    return render("list_table.html", kind="eit-history", heads=heads, labels=labels, rows=rows, empty_class=False)


# One stylesheet for the fragments: readable on a projector, a phone (cards below 640 px) and A4 paper.
CSS = """
.eit-scorecard { width: 100%; border-collapse: collapse; font-size: 0.95rem; table-layout: fixed; }
.eit-scorecard th, .eit-scorecard td { border-bottom: 1px solid #e2e8f0; padding: 0.45rem 0.5rem; text-align: left; vertical-align: top; }
.eit-scorecard thead th { font-weight: 600; color: #4a5568; border-bottom: 2px solid #a0aec0; }
.eit-scorecard tr.eit-level th { background: #f7fafc; font-size: 1.05rem; padding-top: 0.8rem; }
.eit-scorecard td.eit-value b, .eit-delta { white-space: nowrap; }
.eit-scorecard td { overflow-wrap: anywhere; }
.eit-scorecard th.eit-code { width: 7%; } .eit-scorecard th.eit-indicator { width: 30%; } .eit-scorecard th.eit-value { width: 14%; }
.eit-scorecard th.eit-threshold { width: 10%; } .eit-scorecard th.eit-status { width: 10%; } .eit-scorecard th.eit-change { width: 11%; }
.eit-scorecard th.eit-gap { width: 18%; }
.eit-scorecard td.eit-change { overflow-wrap: normal; } .eit-scorecard td.eit-change > div { padding-right: 0.3rem; }
.eit-small, .eit-muted { color: #4a5568; font-size: 0.85em; }
.eit-provisional { color: #9c4221; font-size: 0.8em; }
a.eit-code { color: #1b5fa8; text-decoration: underline; font-weight: 600; white-space: nowrap; }
span.eit-code { font-weight: 600; white-space: nowrap; }
.eit-badge { display: inline-block; border-radius: 0.8rem; padding: 0.05rem 0.55rem; font-weight: 600; white-space: nowrap; font-size: 0.9em; }
.eit-pass { background: #c6f6d5; color: #1c4532; }
.eit-fail { background: #fed7d7; color: #742a2a; }
.eit-no_data { background: #e2e8f0; color: #2d3748; }
.eit-cards { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0.5rem 0 1rem 0; }
.eit-card { flex: 1 1 12rem; border: 1px solid #e2e8f0; border-radius: 0.6rem; padding: 0.7rem 0.9rem; background: #fff; }
.eit-card-label { color: #4a5568; font-size: 0.9rem; overflow-wrap: anywhere; }
.eit-card-value { font-size: 1.35rem; font-weight: 700; margin: 0.2rem 0; overflow-wrap: anywhere; }
.eit-card-value .eit-small { font-weight: 400; }
.eit-card-note { color: #4a5568; font-size: 0.85rem; overflow-wrap: anywhere; }
.eit-card-small { font-size: 1.05rem; }
.eit-plan { border-left: 4px solid #d69e2e; background: #fffaf0; padding: 0.6rem 1rem; border-radius: 0.3rem; margin: 0.5rem 0 1rem 0; }
.eit-plan ul, .eit-plan ol { margin: 0.2rem 0 0.6rem 1.2rem; padding: 0; }
.eit-gap { color: #742a2a; }
.eit-candidates { margin: 0.2rem 0 0.4rem 0; font-size: 0.92em; }
.eit-candidates-head { margin: 0.2rem 0; }
.eit-why { font-weight: 600; }
.eit-why-planned, .eit-why-in_progress { color: #22543d; } .eit-why-expired, .eit-why-expiring { color: #9c4221; }
.eit-closes { white-space: nowrap; color: #2d3748; }
.eit-list { width: 100%; border-collapse: collapse; font-size: 0.92rem; }
.eit-list th, .eit-list td { border-bottom: 1px solid #e2e8f0; padding: 0.4rem 0.5rem; text-align: left; vertical-align: top; }
.eit-list thead th { font-weight: 600; color: #4a5568; border-bottom: 2px solid #a0aec0; }
.eit-list tr.eit-level th { background: #f7fafc; }
.eit-list td.eit-activity_id, .eit-list td.eit-item_no, .eit-list td.eit-progress, .eit-list td.eit-status { white-space: nowrap; }
.eit-plan-table { table-layout: fixed; }
.eit-plan-table th.eit-activity_id { width: 6%; } .eit-plan-table th.eit-title { width: 38%; } .eit-plan-table th.eit-responsible { width: 17%; }
.eit-plan-table th.eit-planned_period { width: 15%; } .eit-plan-table th.eit-progress { width: 13%; } .eit-plan-table th.eit-participation { width: 11%; }
.eit-checklist { table-layout: fixed; }
.eit-checklist th.eit-item_no { width: 8%; } .eit-checklist th.eit-item { width: 40%; } .eit-checklist th.eit-responsible { width: 22%; }
.eit-checklist th.eit-status { width: 12%; } .eit-checklist th.eit-reference { width: 18%; }
.eit-progress-done, .eit-evidence-ready { background: #c6f6d5; color: #1c4532; }
.eit-progress-late, .eit-evidence-missing { background: #fed7d7; color: #742a2a; }
.eit-progress-in_progress, .eit-evidence-in_progress { background: #bee3f8; color: #1a365d; }
.eit-progress-due { background: #feebc8; color: #7b341e; }
.eit-progress-planned, .eit-progress-cancelled { background: #edf2f7; color: #2d3748; }
.eit-history td.eit-year, .eit-history td.eit-town_level { white-space: nowrap; }
.eit-pips { display: inline-flex; gap: 2px; margin-right: 0.45rem; vertical-align: -0.1rem; }
.eit-pip { width: 0.75rem; height: 0.75rem; border-radius: 2px; background: #e2e8f0; border: 1px solid #cbd5e0; }
.eit-pip-on { background: #1b7f5a; border-color: #1b7f5a; }
@media screen and (max-width: 640px) {
  .eit-list thead { display: none; }
  .eit-list, .eit-list tbody, .eit-list tr, .eit-list td, .eit-list th { display: block; width: 100%; box-sizing: border-box; }
  .eit-list tr { border-bottom: 1px solid #cbd5e0; padding: 0.3rem 0; }
  .eit-list td { border: none; padding: 0.15rem 0; display: flex; gap: 0.5rem; white-space: normal !important; }
  .eit-list td::before { content: attr(data-label); flex: 0 0 6.5rem; color: #4a5568; font-size: 0.85rem; }
  .eit-list td.eit-empty { display: none; }
  .eit-scorecard thead { display: none; }
  .eit-scorecard, .eit-scorecard tbody, .eit-scorecard tr, .eit-scorecard td, .eit-scorecard th { display: block; width: 100%; box-sizing: border-box; }
  .eit-scorecard tr.eit-row { border: 1px solid #e2e8f0; border-radius: 0.5rem; margin: 0.5rem 0; padding: 0.3rem 0.5rem; }
  .eit-scorecard td { border: none; padding: 0.2rem 0; display: flex; gap: 0.5rem; }
  .eit-scorecard td::before { content: attr(data-label); flex: 0 0 6.5rem; color: #4a5568; font-size: 0.85rem; }
  .eit-scorecard td.eit-empty { display: none; }
}
@media print {
  .eit-scorecard { font-size: 9.5pt; }
  .eit-scorecard tr { break-inside: avoid; }
  .eit-scorecard th.eit-indicator { width: 28%; } .eit-scorecard th.eit-change { width: 13%; }
  a.eit-code { color: #000; text-decoration: none; }
  .eit-plan details > * { display: block; }
}
"""


def _levels(n: int, lang: str) -> str:
    """'ระดับ 1' for the first level alone, 'ระดับ 1 ถึง 2' beyond it (never 'ระดับ 1 ถึง 1')."""
    return text("level_one", lang) if n == 1 else text("levels_upto", lang, n=n)
