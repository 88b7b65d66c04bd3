"""The rows behind a number as people read them: the columns that matter for each indicator, with the
amounts its sums are made of (tonnes, GJ, m² and rai, THB), code values in words and headers in the
language asked. The pages show it, the downloads and the meeting pack's workbook write it."""

from __future__ import annotations

import pandas as pd

from metrics.catalogue import Indicator
from metrics.registry import param
from present.words import establishment_name, reason, text, value_label
from store.text import Text

RAI_M2 = 1600

# (column in the family's rows, header (Thai, English)); "name" and "subdistrict" are made below.
_ID = ("entity_id", Text("รหัส/เลขทะเบียน", "ID / registration no."))
_NAME = ("name", Text("ชื่อ", "Name"))
_SUB = ("subdistrict", Text("ตำบล", "Subdistrict"))
_KIND = ("kind", Text("ประเภท", "Kind"))
_COUNTED = ("counted", Text("นับเป็นผลงาน", "Counted"))
_REASON = ("reason", Text("เหตุผล", "Why"))
_DETAIL = ("detail", Text("รายละเอียด", "Detail"))

# Deciding columns first (the name, whether it counts, why, the values that decide), so they are in view at
# 1440 px with the sidebar open; the registration number and subdistrict after them.
COLUMNS: dict[str, list[tuple[str, tuple[str, str]]]] = {
    "factory_share": [_NAME, _COUNTED, _REASON, ("detail", Text("มาตรการ/การรับรองที่นับ", "Practice / certificate counted")), _ID, _SUB],
    "survey_share": [("entity_id", Text("แบบสำรวจ / ผู้ตอบ", "Survey / respondent")), _SUB, ("score", Text("คะแนน", "Score")), _COUNTED],
    "infrastructure_eco": [
        ("name", Text("โครงการ", "Project")), _COUNTED, _REASON, ("detail", Text("สถานะ", "Status")), ("kind", Text("ระบบ", "System")),
        _ID, _SUB, ("budget_thb", Text("งบประมาณ (บาท)", "Budget (THB)")),
    ],
    "green_area_share": [
        ("name", Text("พื้นที่", "Area")), _SUB, ("kind", Text("ประเภท", "Category")), ("area_m2", Text("พื้นที่ (ตร.ม.)", "Area (m²)")),
        ("rai", Text("พื้นที่ (ไร่)", "Area (rai)")), ("role", Text("ใช้ในการคำนวณเป็น", "Used as")),
    ],
    "investment_growth": [
        _NAME, _REASON, ("current_thb", Text("เงินลงทุนปีนี้ (บาท)", "Investment this year (THB)")),
        ("previous_thb", Text("เงินลงทุนปีก่อน (บาท)", "Investment last year (THB)")), ("num", Text("เพิ่มขึ้น (บาท)", "Rise (THB)")), _ID, _SUB,
    ],
    "effluent_compliance": [
        _NAME, _COUNTED, ("detail", Text("ค่าที่เกินมาตรฐาน", "Values over the limit")), ("exceedances", Text("เกินมาตรฐาน", "Exceedances")),
        ("samples", Text("จำนวนตัวอย่าง", "Samples")), _ID, _SUB, _KIND,
    ],
    "intensity_change": [
        _NAME, _COUNTED, _REASON, ("change_pct", Text("เปลี่ยนแปลง (%)", "Change (%)")), ("intensity", Text("ต่อหน่วยผลิตภัณฑ์ ปีนี้", "Per unit, this year")),
        ("previous", Text("ต่อหน่วยผลิตภัณฑ์ ปีก่อน", "Per unit, last year")), ("target", Text("เป้าหมายต่อหน่วย", "Target per unit")), _ID, _SUB,
        ("amount", Text("ปริมาณ (ลบ.ม.)", "Amount (m³)")), ("production_qty", Text("ปริมาณการผลิต", "Production")),
    ],
    "report_share": [_NAME, ("share_pct", Text("สัดส่วน (%)", "Share (%)")), _REASON, ("part", ("", "")), ("whole", ("", "")), _ID, _SUB],
    "evidence_ready": [
        ("entity_id", Text("ข้อ", "Item")), ("name", Text("รายการเอกสาร", "Evidence item")), ("reason", Text("สถานะ", "Status")),
        ("responsible", Text("ผู้รับผิดชอบ", "Responsible")), ("detail", Text("ที่อยู่เอกสาร", "Reference")), ("fiscal_year", Text("ปีงบประมาณ", "Fiscal year")),
    ],
    "participatory_monitoring": [_NAME, _COUNTED, _REASON, ("detail", Text("หลักฐาน", "Evidence")), _ID, _SUB, _KIND],
}  # fmt: skip

# The parts of a sum ratio, named by the measure its criteria row sets (report_share serves 9.1.1 and 10.1.1).
PARTS = {
    "waste": (Text("ของเสียที่นำกลับมาใช้ 3Rs (ตัน)", "Reused / recycled (t)"), Text("ของเสียที่เกิดขึ้น (ตัน)", "Waste generated (t)")),
    "energy": (Text("พลังงานทดแทน (GJ)", "Renewable energy (GJ)"), Text("พลังงานทั้งหมด (GJ)", "Total energy (GJ)")),
}
AMOUNTS = {"water": Text("น้ำใช้ (ลบ.ม.)", "Water used (m³)"), "wastewater": Text("น้ำทิ้ง (ลบ.ม.)", "Wastewater (m³)")}


def behind_table(rows: pd.DataFrame, ind: Indicator, lang: str, subdistricts: dict[str, Text]) -> pd.DataFrame:
    """The rows behind one indicator's number, ready to show or download (headers in the language asked)."""
    family = ind.family
    measure = (param(ind, "measure") or ("",))[0]
    i = 0 if lang == "th" else 1
    out = rows.copy()
    establishments = out["kind"].isin(["factory", "mine"])
    out["name"] = [
        establishment_name(a, b, c, lang) if is_est else (a if lang == "th" or not isinstance(b, str) else b)
        for a, b, c, is_est in zip(out["name_th"], out["name_en"], out["entity_id"], establishments, strict=True)
    ]
    out["subdistrict"] = out["subdistrict_code"].map(lambda s: "" if not isinstance(s, str) else subdistricts.get(s, (s, s))[i])
    out["counted"] = out["counted"].map({True: "✓ " + text("count_yes", lang), False: text("count_no", lang)})
    out["reason"] = out["reason"].map(lambda r: reason(str(r), lang))
    out["kind"] = out["kind"].map(lambda k: value_label(k, lang))
    if family == "factory_share":
        out["detail"] = out["detail"].map(lambda d: _practices_in_words(d, lang))
    if family == "infrastructure_eco":
        out["detail"] = out["detail"].map(lambda d: value_label(d, lang))
    if family == "green_area_share":
        out["rai"] = (out["area_m2"] / RAI_M2).round(2)
        out["role"] = out["in_denominator"].map({True: text("denominator", lang), False: text("numerator", lang)})
    headers = dict(COLUMNS[family])
    if measure in PARTS:
        headers["part"], headers["whole"] = PARTS[measure]
    if measure in AMOUNTS:
        headers["amount"] = AMOUNTS[measure]
    chosen = [c for c, _ in COLUMNS[family] if c in out.columns]
    return out[chosen].rename(columns={c: headers[c][i] for c in chosen})


DECIDING = 4  # at most this many deciding columns lead the table


def deciding_columns(ind: Indicator, lang: str) -> list[str]:
    """The headers of the columns that decide a row (before the registration number), at most DECIDING, in the
    language asked: the pages keep them in view."""
    family = COLUMNS[ind.family]
    keys = [c for c, _ in family]
    if "entity_id" not in keys or keys.index("entity_id") == 0:
        return []
    measure = (param(ind, "measure") or ("",))[0]
    headers = dict(family)
    if measure in PARTS:
        headers["part"], headers["whole"] = PARTS[measure]
    i = 0 if lang == "th" else 1
    return [headers[c][i] for c in keys[: min(DECIDING, keys.index("entity_id"))]]


def _practices_in_words(detail: object, lang: str) -> str:
    """'eco_product, green_purchasing; GI level 2' in the reader's words."""
    if not isinstance(detail, str) or not detail:
        return ""
    groups = []
    for group in detail.split("; "):
        words = []
        for item in group.split(", "):
            scheme, _, level = item.partition(" level ")
            words.append(value_label(scheme, lang) + (f" {text('level', lang)} {level}" if level else ""))
        groups.append(", ".join(words))
    return "; ".join(groups)
