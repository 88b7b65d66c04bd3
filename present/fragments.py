"""HTML fragments of results, shared by the pages and the meeting pack: the headline, the scorecard by
level (a table that becomes one card per indicator on a phone), and what it takes to reach the next level.

Every text that comes from data is escaped here; the pages put the fragments on screen as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import urlencode

import pandas as pd

from metrics.engine import LEVELS, Result, Scorecard
from metrics.readiness import LevelPlan
from present.words import TEXT, column_labels, date_label, number, reason, table_label, text, year_label

MARKS = {"pass": "✓", "fail": "✗", "no_data": "–"}
RAI_M2 = 1600  # 1 ไร่ = 1,600 m²


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


def badge(status: str, lang: str) -> str:
    return f'<span class="eit-badge eit-{status}">{MARKS[status]} {escape(text(status, lang))}</span>'


def unit_word(r: Result, lang: str) -> str:
    """What the numerator counts or measures, as a reader says it (แห่ง, คน, ตัน, ตร.ม. …)."""
    amount = r.indicator.amount_unit
    if amount:
        return text(f"amount_{amount}", lang)
    return text(f"unit_{r.indicator.entity}", lang)


def value_text(r: Result, lang: str) -> str:
    """The value, and for a ratio the numerator and denominator in their unit (a count has none)."""
    ind = r.indicator
    if ind.unit == "count":
        shown = "–" if r.value is None else f"{int(r.value):,} {unit_word(r, lang)}"
        return f"<b>{escape(shown)}</b>"
    main = f"<b>{escape(number(r.value, lang, ind.unit))}</b>"
    if r.denominator:
        unit = unit_word(r, lang)
        parts = f"{number(r.numerator, lang)} / {number(r.denominator, lang)} {unit}"
        if r.indicator.amount_unit == "m2":
            parts += f" ({number(r.numerator / RAI_M2, lang)} / {number(r.denominator / RAI_M2, lang)} {text('rai', lang)})"
        main += f'<br><span class="eit-small">{escape(parts)}</span>'
    return main


def criterion_text(r: Result, lang: str) -> str:
    ind = r.indicator
    sign = "&gt;" if ind.comparator == "gt" else "≥"
    shown = number(ind.threshold, lang, ind.unit, digits=0) if ind.unit == "percent" else f"{ind.threshold:g} {unit_word(r, lang)}"
    mark = f'<br><span class="eit-provisional">{escape(text("provisional", lang))}</span>' if ind.provisional else ""
    return f"{sign} {escape(shown)}{mark}"


def gap_text(r: Result, lang: str) -> str:
    """What it takes for a failing indicator to pass, in its own unit; for no data, the upload that decides it."""
    if r.status == "no_data":
        sources = ", ".join(table_label(s, lang) for s in r.indicator.sources)
        return text("gap_no_data", lang, sources=sources)
    if r.gap is not None:
        key = {"factory": "gap_factory", "establishment": "gap_establishment", "respondent": "gap_respondent",
               "item": "gap_item", "project": "gap_project"}.get(r.indicator.entity)  # fmt: skip
        return text(key, lang, n=f"{r.gap:,}") if key else ""
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


def change_text(r: Result, before: Result | None, lang: str) -> str:
    """Change since last year, only where both years have data (never a gain from an empty year)."""
    if r.fiscal_year is not None and before is not None and before.fiscal_year == r.fiscal_year:
        return f'<span class="eit-muted">{escape(text("same_checklist", lang))}</span>'
    if before is None or r.value is None or before.value is None or not r.has_data or not before.has_data:
        return f'<span class="eit-muted" title="{escape(text("no_comparison", lang))}">—</span>'
    delta = r.value - before.value
    if r.indicator.unit == "percent":
        return escape(f"{delta:+,.2f} {text('pp', lang)}")
    return escape(f"{delta:+,.0f} {text(f'unit_{r.indicator.entity}', lang)}")  # +1 โครงการ, +3 แห่ง


def indicator_cell(r: Result, lang: str) -> str:
    notes = [split_text(r, lang)]
    if r.code in ("18.1.1",):
        notes.append(text("checklist_of", lang, fy=r.fiscal_year) if r.fiscal_year else text("no_checklist", lang))
    extra = "".join(f'<br><span class="eit-small">{escape(n)}</span>' for n in notes if n)
    return escape(r.indicator.name(lang)) + extra


def result_cards(r: Result, lang: str, year_text: str) -> str:
    """One indicator's value, criterion, verdict and what it takes to pass, as cards."""
    gap = gap_text(r, lang)
    split = split_text(r, lang)
    fiscal = text("checklist_of", lang, fy=r.fiscal_year) if r.fiscal_year else ""
    return (
        '<div class="eit-cards">'
        f'<div class="eit-card"><div class="eit-card-label">{escape(text("value", lang))} · {escape(year_text)}</div>'
        f'<div class="eit-card-value">{value_text(r, lang)}</div><div class="eit-card-note">{escape(split or fiscal)}</div></div>'
        f'<div class="eit-card"><div class="eit-card-label">{escape(text("threshold", lang))}</div>'
        f'<div class="eit-card-value">{criterion_text(r, lang)}</div></div>'
        f'<div class="eit-card"><div class="eit-card-label">{escape(text("status", lang))}</div>'
        f'<div class="eit-card-value">{badge(r.status, lang)}</div><div class="eit-card-note eit-gap">{escape(gap)}</div></div>'
        "</div>"
    )


def scorecard_table(card: Scorecard, previous: Scorecard | None, view: View, links: bool = True) -> str:
    """The scorecard by level: one row per indicator; below 640 px each row becomes a card."""
    lang = view.lang
    heads = ["code", "indicator", "value", "threshold", "status", "change", "gap"]
    labels = {h: escape(text(h, lang)) for h in heads}
    before = {r.code: r for r in previous.results} if previous else {}
    rows = []
    for level in LEVELS:
        verdict = next(str(lv["status"]) for lv in card.levels if lv["level"] == level)
        rows.append(f'<tr class="eit-level"><th colspan="7">{escape(text(f"level_{level}", lang))} {badge(verdict, lang)}</th></tr>')
        for r in (r for r in card.results if r.indicator.level == level):
            code = escape(r.code)
            link = f'<a class="eit-code" href="{escape(view.link("indicator", code=r.code))}" target="_self">{code}</a>'
            cells = {
                "code": link if links else f'<span class="eit-code">{code}</span>',
                "indicator": indicator_cell(r, lang),
                "value": value_text(r, lang),
                "threshold": criterion_text(r, lang),
                "status": badge(r.status, lang),
                "change": change_text(r, before.get(r.code), lang),
                "gap": escape(gap_text(r, lang)),
            }
            tds = "".join(
                f'<td class="eit-{h}{"" if cells[h] else " eit-empty"}" data-label="{labels[h]}"><div>{cells[h]}</div></td>' for h in heads
            )
            rows.append(f'<tr class="eit-row eit-row-{r.status}">{tds}</tr>')
    head = "".join(f'<th class="eit-{h}">{labels[h]}</th>' for h in heads)
    return f'<table class="eit-scorecard"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def headline(card: Scorecard, readiness: pd.DataFrame, fiscal_year: int | None, lang: str) -> str:
    """Town level, each level's verdict and its evidence readiness, in cards that wrap and never cut words."""
    level = card.town_level
    reached = text("level_none", lang) if level == 0 else text("level_reached", lang, n=level)
    cards = [
        f'<div class="eit-card eit-card-main"><div class="eit-card-label">{escape(text("town_level", lang))}</div>'
        f'<div class="eit-card-value">{escape(reached)}</div></div>'
    ]
    by_level = readiness.set_index("level") if not readiness.empty else pd.DataFrame()
    for lv in card.levels:
        n, verdict = int(str(lv["level"])), str(lv["status"])
        evidence = ""
        if n in by_level.index:
            row = by_level.loc[n]
            evidence = text("evidence_ready_n", lang, ready=int(row["ready"]), total=int(row["total"]))
            evidence = f"{text('evidence_ready', lang)}: {evidence} · {text('checklist_of', lang, fy=fiscal_year)}"
        elif fiscal_year is None:
            evidence = text("no_checklist", lang)
        cards.append(
            f'<div class="eit-card"><div class="eit-card-label">{escape(text(f"level_{n}", lang))}</div>'
            f'<div class="eit-card-value">{badge(verdict, lang)}</div>'
            f'<div class="eit-card-note">{escape(evidence)}</div></div>'
        )
    return f'<div class="eit-cards">{"".join(cards)}</div>'


def level_plan(plan: LevelPlan, view: View, links: bool = True, collapsible: bool = True) -> str:
    """What stands between the town and its next level: failing and no-data indicators with what would
    change them, then the evidence still missing for those levels, by agency."""
    lang = view.lang
    if plan.level is None:
        return f'<div class="eit-plan"><p>{escape(text("all_levels_reached", lang))}</p></div>'
    parts = [f'<div class="eit-plan"><h4>{escape(text("to_reach", lang, n=plan.level))}</h4>']
    if plan.blockers:
        parts.append(f"<p>{escape(text('to_reach_intro', lang, levels=_levels(plan.level, lang)))}</p><ul>")
        for b in plan.blockers:
            r = b.result
            code = escape(r.code)
            link = f'<a class="eit-code" href="{escape(view.link("indicator", code=r.code))}" target="_self">{code}</a>' if links else code
            parts.append(
                f"<li>{link} {escape(r.indicator.name(lang))} — {badge(r.status, lang)} "
                f"{escape(number(r.value, lang, r.indicator.unit)) if r.value is not None else ''}"
                f'<br><span class="eit-gap">{escape(gap_text(r, lang))}</span></li>'
            )
        parts.append("</ul>")
    else:
        parts.append(f"<p>{escape(text('to_reach_nothing', lang, levels=_levels(plan.level, lang)))}</p>")
    missing = plan.missing_evidence
    if not missing.empty:
        fy = text("checklist_of", lang, fy=plan.fiscal_year)
        parts.append(f"<p>{escape(text('missing_evidence', lang, levels=_levels(plan.level, lang), count=len(missing), fy=fy))}</p>")
        parts.append(
            f"<details><summary>{escape(text('missing_by_agency', lang))}</summary>"
            if collapsible
            else f"<p><b>{escape(text('missing_by_agency', lang))}</b></p>"
        )
        description = "description_th" if lang == "th" else "description_en"
        for agency, items in missing.groupby(missing["responsible"].fillna("—"), sort=True):
            parts.append(f"<p><b>{escape(str(agency))}</b> ({len(items)})</p><ul>")
            for _, item in items.iterrows():
                words = item[description] if isinstance(item[description], str) and item[description] else item["description_th"]
                status = reason(str(item["status"]), lang)
                parts.append(
                    f"<li>{escape(str(item['indicator_code']))}.{int(item['item_no'])} {escape(str(words))} — {escape(status)}</li>"
                )
            parts.append("</ul>")
        if collapsible:
            parts.append("</details>")
    parts.append("</div>")
    return "".join(parts)


def _date(value: object, lang: str) -> str:
    return date_label(value, lang)


def _count(value: object) -> str:
    return "–" if value is None or pd.isna(value) else f"{int(value):,}"  # type: ignore[call-overload]


def plan_table(plan: pd.DataFrame, lang: str) -> str:
    """The action plan as a table people read: every title whole, Thai dates, progress in words and
    colour, participants against the target."""
    heads = ["activity_id", "title", "responsible", "planned_period", "progress", "participation"]
    labels = {h: escape(column_labels([h], lang).get(h, text(h, lang) if h in TEXT else h)) for h in heads}
    rows = []
    for _, a in plan.iterrows():
        title = a["title_th"] if lang == "th" or not isinstance(a.get("title_en"), str) else a["title_en"]
        indicator = (
            f'<br><span class="eit-small">{escape(text("indicator", lang))} {escape(str(a["indicator_code"]))}</span>'
            if isinstance(a["indicator_code"], str) and a["indicator_code"]
            else ""
        )
        period = f"{_date(a['planned_start'], lang)} – {_date(a['planned_end'], lang)}"
        done = (
            f'<br><span class="eit-small">{escape(text("done_on_marker", lang))} {escape(_date(a["done_on"], lang))}</span>'
            if pd.notna(a["done_on"])
            else ""
        )
        state = str(a["progress"])
        came, wanted = a["participants"], a["target_participants"]
        people = "" if pd.isna(came) and pd.isna(wanted) else f"{_count(came)} / {_count(wanted)}"
        cells = {
            "activity_id": escape(str(a["activity_id"])),
            "title": escape(str(title)) + indicator,
            "responsible": escape(str(a["responsible"] or "")) if isinstance(a["responsible"], str) else "",
            "planned_period": escape(period),
            "progress": f'<span class="eit-badge eit-progress-{state}">{escape(text(f"progress_{state}", lang))}</span>{done}',
            "participation": escape(people),
        }
        rows.append("<tr>" + "".join(f'<td class="eit-{h}" data-label="{labels[h]}"><div>{cells[h]}</div></td>' for h in heads) + "</tr>")
    head = "".join(f'<th class="eit-{h}">{labels[h]}</th>' for h in heads)
    return f'<table class="eit-list eit-plan-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def checklist(items: pd.DataFrame, lang: str) -> str:
    """The evidence checklist grouped by level and indicator: every numbered item whole, its status,
    the agency that owes it and where the document is."""
    heads = ["item_no", "item", "responsible", "status", "reference"]
    labels = {h: escape(column_labels([h], lang).get(h, h)) for h in heads}
    description = "description_th" if lang == "th" else "description_en"
    rows = []
    for (level, code), group in items.groupby(["level", "indicator_code"], sort=False):
        name = group["indicator_th" if lang == "th" else "indicator_en"].iloc[0]
        ready = int((group["status"] == "ready").sum())
        rows.append(
            f'<tr class="eit-level"><th colspan="5">{escape(text(f"level_{int(level)}", lang))} · {escape(str(code))} '
            f'{escape(str(name))} <span class="eit-small">({escape(text("evidence_ready_n", lang, ready=ready, total=len(group)))})</span></th></tr>'
        )
        for _, item in group.iterrows():
            words = item[description] if isinstance(item[description], str) and item[description] else item["description_th"]
            status = str(item["status"])
            cells = {
                "item_no": escape(text("item_number", lang, n=int(item["item_no"]))),
                "item": escape(str(words)),
                "responsible": escape(str(item["responsible"])) if isinstance(item["responsible"], str) else "",
                "status": f'<span class="eit-badge eit-evidence-{status}">{escape(reason(status, lang))}</span>',
                "reference": escape(str(item["reference"])) if isinstance(item["reference"], str) else "",
            }
            rows.append(
                "<tr>"
                + "".join(
                    f'<td class="eit-{h}{"" if cells[h] else " eit-empty"}" data-label="{labels[h]}"><div>{cells[h]}</div></td>'
                    for h in heads
                )
                + "</tr>"
            )
    head = "".join(f'<th class="eit-{h}">{labels[h]}</th>' for h in heads)
    return f'<table class="eit-list eit-checklist"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def level_history_table(history: pd.DataFrame, lang: str) -> str:
    """The level the town reached each year and each level's verdict: one row per year, a three-step meter beside
    the words. Plain HTML, so the overview opens without a chart library (a chart here cost a reader's browser
    about as much as the rest of the page)."""
    heads = ["year", "town_level", "level_1", "level_2", "level_3"]
    labels = {h: escape(text(h, lang)) for h in heads}
    rows = []
    for item in history.itertuples(index=False):
        level = int(item.town_level)
        reached = text("level_none", lang) if level == 0 else text("level_reached", lang, n=level)
        pips = "".join(f'<span class="eit-pip{" eit-pip-on" if n <= level else ""}"></span>' for n in (1, 2, 3))
        cells = {
            "year": escape(year_label(int(item.year), lang)),
            "town_level": f'<span class="eit-pips" aria-hidden="true">{pips}</span>{escape(reached)}',
            **{f"level_{n}": badge(str(getattr(item, f"level_{n}")), lang) for n in (1, 2, 3)},
        }
        rows.append("<tr>" + "".join(f'<td class="eit-{h}" data-label="{labels[h]}"><div>{cells[h]}</div></td>' for h in heads) + "</tr>")
    head = "".join(f'<th class="eit-{h}">{labels[h]}</th>' for h in heads)
    return f'<table class="eit-list eit-history"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


# One stylesheet for the fragments: readable on a projector, a phone (cards below 640 px) and A4 paper.
CSS = """
.eit-scorecard { width: 100%; border-collapse: collapse; font-size: 0.95rem; table-layout: fixed; }
.eit-scorecard th, .eit-scorecard td { border-bottom: 1px solid #e2e8f0; padding: 0.45rem 0.5rem; text-align: left; vertical-align: top; }
.eit-scorecard thead th { font-weight: 600; color: #4a5568; border-bottom: 2px solid #a0aec0; }
.eit-scorecard tr.eit-level th { background: #f7fafc; font-size: 1.05rem; padding-top: 0.8rem; }
.eit-scorecard td.eit-value b, .eit-scorecard td.eit-change { white-space: nowrap; }
.eit-scorecard th.eit-code { width: 7%; } .eit-scorecard th.eit-indicator { width: 32%; } .eit-scorecard th.eit-value { width: 14%; }
.eit-scorecard th.eit-threshold { width: 10%; } .eit-scorecard th.eit-status { width: 10%; } .eit-scorecard th.eit-change { width: 9%; }
.eit-scorecard th.eit-gap { width: 18%; }
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
.eit-card-note { color: #4a5568; font-size: 0.85rem; overflow-wrap: anywhere; }
.eit-card-small { font-size: 1.05rem; }
.eit-plan { border-left: 4px solid #d69e2e; background: #fffaf0; padding: 0.6rem 1rem; border-radius: 0.3rem; margin: 0.5rem 0 1rem 0; }
.eit-plan ul { margin: 0.2rem 0 0.6rem 1.2rem; padding: 0; }
.eit-gap { color: #742a2a; }
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
  .eit-scorecard td.eit-change { white-space: normal; }
}
@media print {
  .eit-scorecard { font-size: 9.5pt; }
  .eit-scorecard tr { break-inside: avoid; }
  a.eit-code { color: #000; text-decoration: none; }
  .eit-plan details > * { display: block; }
}
"""


def _levels(n: int, lang: str) -> str:
    """'ระดับ 1' for the first level alone, 'ระดับ 1 ถึง 2' beyond it (never 'ระดับ 1 ถึง 1')."""
    return text("level_one", lang) if n == 1 else text("levels_upto", lang, n=n)
