"""The committee's meeting pack: one year and area as a Thai (or English) A4 PDF and an Excel workbook.

The numbers are the engine's, the words and tables the pages' (present.words, present.fragments,
present.tables). The PDF is HTML printed by WeasyPrint (Pango and HarfBuzz shape Thai; fonts are
embedded); charts are SVG drawn by matplotlib with the text as outlines, so no font is needed to read them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

import duckdb
import pandas as pd

from metrics import engine, readiness
from metrics.catalogue import town_areas
from metrics.engine import Scorecard
from present.charts import colour, trend_svg
from present.fragments import CSS as FRAGMENTS_CSS
from present.fragments import View, checklist, headline, level_plan, plan_table, result_cards, scorecard_table
from present.tables import behind_table
from present.words import area_label, date_label, datetime_label, reason, text, town_title, year_label
from store.export import AsOf, as_of, xlsx_bytes
from store.text import Text
from store.towns import subdistrict_names, town_names

FONTS = "'Loma', 'Garuda', 'Noto Sans Thai', 'Sarabun', sans-serif"  # Loma and Garuda: fonts-thai-tlwg


@dataclass
class ReportData:
    year: int
    area: str
    card: Scorecard
    previous: Scorecard
    trends: pd.DataFrame
    rows: dict[str, pd.DataFrame]
    plan: readiness.LevelPlan
    evidence: pd.DataFrame
    checklist_year: int | None
    activities: pd.DataFrame
    plan_year: int | None
    subdistricts: dict[str, Text]
    as_of: AsOf
    made: dt.datetime
    town: dict[str, str]


def gather(cur: duckdb.DuckDBPyConnection, year: int, area: str = "all", today: dt.date | None = None) -> ReportData:
    """Everything the pack shows, read once: the year's and last year's scorecards, every data year's
    trend, the rows behind every indicator, the evidence checklist and the action plan of the year."""
    areas = town_areas(cur)
    if area not in areas:
        raise ValueError(f"area must be one of {', '.join(areas)}")
    today = today or dt.date.today()
    years = sorted(set(engine.data_years(cur)) | {year, year - 1})
    cards = engine.scorecards(cur, years, areas)
    trends = pd.DataFrame(
        [
            {"code": r.code, "year": y, "area": a, "value": r.value}
            for (y, a), c in cards.items()
            for r in c.results
            if y in engine.data_years(cur)
        ],
        columns=["code", "year", "area", "value"],
    )
    fiscal = engine.checklist_years(cur, [year])[year]
    items = readiness.evidence_items(cur, fiscal) if fiscal else pd.DataFrame(columns=["level", "indicator_code", "status", "responsible"])
    plan_years = sorted(int(y) for y in readiness.fiscal_years(cur).query("activities > 0")["fiscal_year"])
    plan_year = max([y for y in plan_years if y <= year + 543], default=None)
    activities = readiness.activities(cur, plan_year, today) if plan_year else pd.DataFrame()
    names = subdistrict_names(cur)
    card = cards[(year, area)]
    return ReportData(
        year=year,
        area=area,
        card=card,
        previous=cards[(year - 1, area)],
        trends=trends,
        rows={r.code: engine.rows(cur, r.code, year, area) for r in card.results},
        plan=readiness.next_level(card, items, fiscal),
        evidence=items,
        checklist_year=fiscal,
        activities=activities,
        plan_year=plan_year,
        subdistricts=names,
        as_of=as_of(cur),
        made=dt.datetime.now(),
        town=town_names(cur),
    )


def _legend(data: ReportData, lang: str) -> str:
    areas = ["all", *sorted(data.subdistricts)]
    marks = "".join(
        f'<span class="eit-legend"><span style="background:{colour(a, areas)}"></span>{escape(area_label(a, data.subdistricts, lang))}</span>'
        for a in areas
    )
    return f'<div class="eit-small">{marks} <span class="eit-legend eit-dash">{escape(text("threshold", lang))}</span></div>'


def _table_html(frame: pd.DataFrame) -> str:
    if frame.empty:
        return ""
    head = "".join(f"<th>{escape(str(c))}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(_cell(v))}</td>" for v in row) + "</tr>" for row in frame.itertuples(index=False)
    )  # fmt: skip
    return f'<table class="eit-rows"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


ANNEX_ROWS = 40  # rows an indicator's annex prints in full; the workbook has every row, whatever the scale


def _behind_html(rows: pd.DataFrame, shown: pd.DataFrame, code: str, lang: str) -> str:
    """The rows that decide a number first: those not counted, in full with names and amounts, at most ANNEX_ROWS;
    the counted ones as a count. Short lists (green areas, evidence items) in full. The workbook has every row."""
    counted = rows["counted"].fillna(False).to_numpy(dtype=bool)
    if rows["kind"].isin(["subdistrict", "evidence"]).any() and len(rows) <= ANNEX_ROWS:
        return f"<h4>{escape(text('report_rows', lang, n=f'{len(rows):,}'))}</h4>" + _table_html(shown)
    parts = [f"<p>{escape(text('report_counted', lang, n=f'{int(counted.sum()):,}'))}</p>"]
    deciding = shown[~counted]
    if len(deciding):
        parts.append(f"<h4>{escape(text('report_not_counted', lang, n=f'{len(deciding):,}'))}</h4>")
        parts.append(_table_html(deciding.head(ANNEX_ROWS)))
    if len(deciding) > ANNEX_ROWS or (counted.any() and len(rows) > 0):
        parts.append(
            f'<p class="eit-small">{escape(text("report_rest_in_workbook", lang, shown=min(len(deciding), ANNEX_ROWS), n=f"{len(rows):,}", sheet=code))}</p>'
        )
    return "".join(parts)


def _cell(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:,.2f}".rstrip("0").rstrip(".") if abs(value) < 1e15 else f"{value:.3g}"
    return str(value)


def report_html(data: ReportData, lang: str = "th") -> str:
    """The whole pack as one HTML document for print (A4 portrait)."""
    view = View(lang, data.year, data.area)
    area = area_label(data.area, data.subdistricts, lang)
    stamp = data.as_of
    level = data.card.town_level
    reached = text("level_none", lang) if level == 0 else text("level_reached", lang, n=level)
    labels = [f'<p class="eit-label eit-provisional-label">{escape(text("provisional_note", lang))}</p>']
    if stamp.is_demo:
        labels.insert(0, f'<p class="eit-label eit-demo-label">{escape(text("demo_banner", lang))}</p>')
    as_of_text = (
        text("report_as_of", lang, batch=stamp.batch_id, when=datetime_label(stamp.loaded_at, lang))
        if stamp.batch_id
        else text("report_no_data", lang)
    )
    parts = [
        f'<section class="cover"><p class="eit-small">{escape(town_title(data.town, lang))}</p>',
        f"<h1>{escape(text('report_title', lang))}</h1>",
        f"<h2>{escape(area)}<br>{escape(year_label(data.year, lang))} ({escape(text('calendar_year', lang))})</h2>",
        f'<div class="eit-cards"><div class="eit-card eit-card-main"><div class="eit-card-label">{escape(text("town_level", lang))}</div>'
        f'<div class="eit-card-value">{escape(reached)}</div></div></div>',
        f"<p>{escape(as_of_text)}</p>",
        f"<p>{escape(text('criteria_caption', lang, version=data.card.criteria))}</p>",
        f"<p>{escape(text('report_made', lang, when=datetime_label(data.made, lang)))}</p>",
        *labels,
        "</section>",
        f"<h2>{escape(text('report_scorecard', lang))}</h2>",
        headline(data.card, readiness.readiness(data.evidence, ["level"]), data.checklist_year, lang),
        scorecard_table(data.card, data.previous, view, links=False),
        level_plan(data.plan, view, links=False, collapsible=False),
        f'<h2 class="new-page">{escape(text("report_indicators", lang))}</h2>',
    ]
    for r in data.card.results:
        series = data.trends[data.trends["code"] == r.code]
        behind = behind_table(data.rows[r.code], r.indicator, lang, data.subdistricts)
        parts += [
            f'<section class="indicator"><h3>{escape(r.code)} {escape(r.indicator.name(lang))}</h3>',
            result_cards(r, lang, year_label(data.year, lang)),
            f'<p class="eit-small"><b>{escape(text("formula", lang))}:</b> {escape(r.indicator.formula(lang))}</p>',
            trend_svg(series, r.indicator.threshold, r.indicator.unit, lang, size=(6.2, 1.6), outlines=True, font=8)
            if not series.empty
            else "",
            _legend(data, lang),
            _behind_html(data.rows[r.code], behind, r.code, lang),
            "</section>",
        ]
    if data.checklist_year:
        parts += [
            f'<h2 class="new-page">{escape(text("page_evidence", lang))} · {escape(text("checklist_of", lang, fy=data.checklist_year))}</h2>',
            checklist(data.evidence, lang),
        ]
    if data.plan_year:
        first, last = readiness.fiscal_year_span(data.plan_year)
        span = text("fiscal_year_span", lang, fy=data.plan_year, start=date_label(first, lang), end=date_label(last, lang))
        parts += [f'<h2 class="new-page">{escape(text("page_plan", lang))} · {escape(span)}</h2>', plan_table(data.activities, lang)]
    title = f"{text('report_title', lang)} · {area} · {year_label(data.year, lang)}"
    footer = escape(f"{text('report_title', lang)} · {area} · {year_label(data.year, lang)}")
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{FRAGMENTS_CSS}{PRINT_CSS.replace('FOOTER', footer).replace('FONTS', FONTS)}</style></head>"
        f"<body>{''.join(parts)}</body></html>"
    )


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

    result: bytes = HTML(string=report_html(data, lang)).write_pdf()
    return result


def workbook_bytes(data: ReportData, lang: str = "th") -> bytes:
    """A scorecard sheet with numerators and denominators as numbers, one sheet per indicator with the rows
    behind it and their amounts, then the evidence checklist and the action plan."""
    i = 0 if lang == "th" else 1
    heads = {
        "code": Text("รหัส", "Code"), "level": Text("ระดับ", "Level"), "indicator": Text("ตัวชี้วัด", "Indicator"), "value": Text("ค่า", "Value"),
        "unit": Text("หน่วย", "Unit"), "numerator": Text("ตัวตั้ง", "Numerator"), "denominator": Text("ตัวหาร", "Denominator"),
        "comparator": Text("เงื่อนไข", "Rule"), "threshold": Text("เกณฑ์", "Threshold"), "status": Text("ผล", "Result"),
        "provisional": Text("เกณฑ์ชั่วคราว", "Provisional"), "gap": Text("ส่วนที่ขาด (จำนวน)", "Gap (count)"),
        "gap_amount": Text("ส่วนที่ขาด (ปริมาณ)", "Gap (amount)"),
    }  # fmt: skip
    score = pd.DataFrame(
        [
            {
                "code": r.code, "level": r.indicator.level, "indicator": r.indicator.name(lang), "value": r.value,
                "unit": "%" if r.indicator.unit == "percent" else text(f"unit_{r.indicator.entity}", lang),
                "numerator": r.numerator, "denominator": r.denominator, "comparator": ">" if r.indicator.comparator == "gt" else ">=",
                "threshold": r.indicator.threshold, "status": text(r.status, lang), "provisional": text("yes", lang) if r.indicator.provisional else "",
                "gap": r.gap, "gap_amount": r.gap_amount,
            }
            for r in data.card.results
        ]
    ).rename(columns={k: v[i] for k, v in heads.items()})  # fmt: skip
    sheets = {text("report_scorecard", lang): score}
    for r in data.card.results:
        sheets[r.code] = behind_table(data.rows[r.code], r.indicator, lang, data.subdistricts)
    if not data.evidence.empty:
        sheets[text("page_evidence", lang)] = _evidence_sheet(data.evidence, lang)
    if not data.activities.empty:
        sheets[text("page_plan", lang)] = _plan_sheet(data.activities, lang)
    stamp = data.as_of
    about = text("report_as_of", lang, batch=stamp.batch_id, when=datetime_label(stamp.loaded_at, lang)) if stamp.batch_id else ""
    criteria = text("criteria_caption", lang, version=data.card.criteria)
    notes = [about, criteria, text("provisional_note", lang)] + ([text("demo_banner", lang)] if stamp.is_demo else [])
    sheets[text("report_about", lang)] = pd.DataFrame({text("report_about", lang): notes})
    title = f"{text('report_title', lang)} · {area_label(data.area, data.subdistricts, lang)} · {year_label(data.year, lang)}"
    return xlsx_bytes(sheets, title=title, as_of_text=about)


def _evidence_sheet(items: pd.DataFrame, lang: str) -> pd.DataFrame:
    from present.words import column_labels

    description = items["description_th"] if lang == "th" else items["description_en"].fillna(items["description_th"])
    frame = pd.DataFrame(
        {
            "fiscal_year": items["fiscal_year"], "level": items["level"], "indicator_code": items["indicator_code"], "item_no": items["item_no"],
            "item": description, "responsible": items["responsible"], "status": items["status"].map(lambda s: reason(s, lang)),
            "reference": items["reference"],
        }
    )  # fmt: skip
    return frame.rename(columns=column_labels(list(frame.columns), lang))


def _plan_sheet(plan: pd.DataFrame, lang: str) -> pd.DataFrame:
    from present.words import column_labels

    title = plan["title_th"] if lang == "th" else plan["title_en"].fillna(plan["title_th"])
    frame = pd.DataFrame(
        {
            "fiscal_year": plan["fiscal_year"], "activity_id": plan["activity_id"], "title": title, "indicator_code": plan["indicator_code"],
            "responsible": plan["responsible"], "planned_start": plan["planned_start"], "planned_end": plan["planned_end"],
            "status": plan["status"].map(lambda s: reason(s, lang)), "progress": plan["progress"].map(lambda p: text(f"progress_{p}", lang)),
            "done_on": plan["done_on"], "participants": plan["participants"], "target_participants": plan["target_participants"],
        }
    )  # fmt: skip
    return frame.rename(columns=column_labels(list(frame.columns), lang))


PRINT_CSS = """
@page { size: A4 portrait; margin: 16mm 14mm 18mm 14mm;
  @bottom-left { content: "FOOTER"; font-family: FONTS; font-size: 8pt; color: #4a5568; }
  @bottom-right { content: counter(page) " / " counter(pages); font-family: FONTS; font-size: 8pt; color: #4a5568; } }
body { font-family: FONTS; font-size: 10.5pt; line-height: 1.45; color: #1a202c; }
h1 { font-size: 22pt; margin: 0.3em 0; } h2 { font-size: 15pt; margin: 0.8em 0 0.4em; } h3 { font-size: 12pt; margin: 0.6em 0 0.3em; }
h4 { font-size: 10.5pt; margin: 0.5em 0 0.2em; }
section.cover { page-break-after: always; padding-top: 40mm; }
.new-page { page-break-before: always; }
section.indicator + section.indicator { page-break-before: always; }
.eit-label { border-radius: 4px; padding: 4px 8px; font-weight: 600; }
.eit-demo-label { background: #fefcbf; border: 1px solid #d69e2e; }
.eit-provisional-label { background: #feebc8; border: 1px solid #dd6b20; }
.eit-card { background: #fff; }
.eit-rows { width: 100%; border-collapse: collapse; font-size: 8pt; }
.eit-rows th, .eit-rows td { border-bottom: 1px solid #e2e8f0; padding: 2px 4px; text-align: left; vertical-align: top; }
.eit-rows th { border-bottom: 1.5px solid #a0aec0; }
.eit-rows tr { break-inside: avoid; }
.eit-rows td:first-child { white-space: nowrap; }
.eit-ids { font-size: 8pt; margin: 0.2em 0; }
.eit-legend { display: inline-block; margin-right: 10px; } .eit-legend span { display: inline-block; width: 14px; height: 3px; margin: 0 4px 3px 0; }
.eit-dash::before { content: "- - "; color: #c53030; font-weight: 700; }
svg { width: 100%; height: auto; }
.eit-scorecard { font-size: 8.5pt; }
.eit-scorecard th, .eit-scorecard td, .eit-list th, .eit-list td { padding: 3px 3px; }
.eit-scorecard th.eit-code { width: 7%; } .eit-scorecard th.eit-indicator { width: 30%; } .eit-scorecard th.eit-value { width: 14%; }
.eit-scorecard th.eit-threshold { width: 10%; } .eit-scorecard th.eit-status { width: 9%; } .eit-scorecard th.eit-change { width: 9%; }
.eit-scorecard th.eit-gap { width: 17%; }
.eit-scorecard td.eit-change { white-space: normal; }
.eit-card { flex: 1 1 40%; }
"""
