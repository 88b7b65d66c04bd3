"""Thai and English labels, BE/CE years, Thai month names and number formats."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

TEXT: dict[str, tuple[str, str]] = {
    "app_title": ("เมืองอุตสาหกรรมเชิงนิเวศ จังหวัดสระบุรี", "Saraburi Eco-Industrial Town"),
    "area": ("พื้นที่", "Area"),
    "area_all": ("ทั้งสองตำบล (เมืองอุตสาหกรรมเชิงนิเวศ)", "Both subdistricts (the eco-town)"),
    "year": ("ปี", "Year"),
    "language": ("ภาษา", "Language"),
    "page_overview": ("ภาพรวมตัวชี้วัด", "Scorecard"),
    "page_indicator": ("รายละเอียดตัวชี้วัด", "Indicator detail"),
    "page_establishment": ("ข้อมูลสถานประกอบการ", "Establishment profile"),
    "page_map": ("แผนที่", "Map"),
    "demo_banner": ("ข้อมูลสาธิต (สังเคราะห์) — ไม่ใช่ข้อมูลจริงของจังหวัด ชื่อสถานประกอบการเป็นชื่อสมมติ",
                    "Demo data (synthetic) — not the province's real data; establishment names are fictional"),
    "provisional": ("เกณฑ์ชั่วคราว", "provisional"),
    "provisional_note": ("เกณฑ์ผ่านทุกข้อเป็นค่าชั่วคราว (ยังไม่ได้ยืนยันเกณฑ์ กรอ. ปี 2562) ผู้ดูแลระบบแก้ไขได้",
                         "Every threshold is provisional (the DIW 2019 thresholds are not yet confirmed); an admin can edit them"),
    "town_level": ("ระดับที่ผ่าน", "Level reached"),
    "level_none": ("ยังไม่ผ่านระดับ 1", "Level 1 not yet reached"),
    "level": ("ระดับ", "Level"),
    "level_1": ("ระดับ 1 การมีส่วนร่วม", "Level 1 Engagement"),
    "level_2": ("ระดับ 2 การส่งเสริม", "Level 2 Enhancement"),
    "level_3": ("ระดับ 3 ประสิทธิภาพในการใช้ทรัพยากร", "Level 3 Resource efficiency"),
    "pass": ("ผ่าน", "Pass"),
    "fail": ("ไม่ผ่าน", "Fail"),
    "no_data": ("ไม่มีข้อมูล", "No data"),
    "code": ("รหัส", "Code"),
    "indicator": ("ตัวชี้วัด", "Indicator"),
    "value": ("ค่า", "Value"),
    "threshold": ("เกณฑ์", "Criterion"),
    "status": ("ผล", "Result"),
    "change": ("เทียบปีก่อน", "vs last year"),
    "gap": ("ส่วนที่ขาด", "Gap to pass"),
    "detail": ("ดูรายละเอียด", "Details"),
    "gap_factory": ("ต้องการโรงงานเพิ่มอีก {n} แห่ง", "{n} more factories needed"),
    "gap_establishment": ("ต้องการสถานประกอบการผ่านเกณฑ์เพิ่มอีก {n} แห่ง", "{n} more establishments must comply"),
    "gap_respondent": ("ต้องการผู้ตอบที่ให้คะแนน 4–5 เพิ่มอีก {n} คน", "{n} more respondents scoring 4–5 needed"),
    "gap_item": ("ต้องการเอกสารพร้อมเพิ่มอีก {n} รายการ", "{n} more evidence items must be ready"),
    "gap_project": ("ต้องการโครงการเพิ่มอีก {n} โครงการ", "{n} more projects needed"),
    "evidence_ready": ("ความพร้อมของเอกสารหลักฐาน", "Evidence readiness"),
    "evidence_ready_n": ("พร้อม {ready} จาก {total} รายการ", "{ready} of {total} items ready"),
    "numerator": ("ตัวตั้ง", "Numerator"),
    "denominator": ("ตัวหาร", "Denominator"),
    "formula": ("วิธีคำนวณ", "How it is computed"),
    "trend": ("แนวโน้มรายปี", "Trend over the years"),
    "by_subdistrict": ("เปรียบเทียบสองตำบล", "The two subdistricts side by side"),
    "behind": ("สถานประกอบการ/รายการเบื้องหลังตัวเลข", "Establishments and items behind the number"),
    "counted": ("นับ", "Counted"),
    "in_denominator": ("อยู่ในตัวหาร", "In denominator"),
    "reason": ("เหตุผล", "Why"),
    "download_csv": ("ดาวน์โหลด CSV", "Download CSV"),
    "choose_indicator": ("เลือกตัวชี้วัด", "Choose an indicator"),
    "choose_establishment": ("เลือกสถานประกอบการ", "Choose an establishment"),
    "open_profile": ("เปิดข้อมูลสถานประกอบการ", "Open establishment profile"),
    "intensity_change": ("การเปลี่ยนแปลงต่อหน่วยผลิตภัณฑ์รายโรงงาน", "Per-factory change per unit of product"),
    "samples_vs_limits": ("ผลตรวจน้ำทิ้งเทียบค่ามาตรฐาน", "Effluent samples against the legal limits"),
    "exceedance": ("เกินมาตรฐาน", "Exceeds limit"),
    "within": ("อยู่ในเกณฑ์", "Within limit"),
    "limit": ("ค่ามาตรฐาน", "Limit"),
    "checklist": ("รายการเอกสารหลักฐานของตัวชี้วัดนี้", "Evidence checklist of this indicator"),
    "identity": ("ข้อมูลทั่วไป", "Identity"),
    "certificates": ("การรับรอง", "Certificates"),
    "practices": ("มาตรการรายปี", "Practices by year"),
    "reports": ("รายงานประจำปี", "Annual reports"),
    "counts_toward": ("ตัวชี้วัดที่สถานประกอบการนี้มีส่วน", "Indicators this establishment counts toward"),
    "valid": ("ใช้ได้ในปีที่เลือก", "Valid in the chosen year"),
    "empty_db": ("ยังไม่มีข้อมูลในฐานข้อมูล: นำเข้าไฟล์ CSV ตามแม่แบบใน data/templates (เริ่มจาก establishments) ด้วยคำสั่ง `python -m store load` หรือโหลดข้อมูลสาธิตด้วย `python -m store demo`",
                 "The database holds no data yet: load CSV files from the templates in data/templates (start with establishments) with `python -m store load`, or load the demo set with `python -m store demo`"),
    "no_year_data": ("ไม่มีข้อมูลของปี {year} — นำเข้ารายงานประจำปี มาตรการ และผลสำรวจของปีนี้ แล้วตัวชี้วัดจะคำนวณได้",
                     "No data for {year} — load that year's annual reports, practices and surveys and the indicators will compute"),
    "not_found": ("ไม่พบสถานประกอบการ {id}", "No establishment {id}"),
    "kind_factory": ("โรงงาน", "Factory"),
    "kind_mine": ("เหมือง", "Mine"),
    "water_per_unit": ("น้ำใช้ต่อหน่วยผลิตภัณฑ์ (ลบ.ม./หน่วย)", "Water per unit of product (m³/unit)"),
    "wastewater_per_unit": ("น้ำทิ้งต่อหน่วยผลิตภัณฑ์ (ลบ.ม./หน่วย)", "Wastewater per unit of product (m³/unit)"),
    "waste_3r_pct": ("อัตรา 3Rs (%)", "3R rate (%)"),
    "renewable_pct": ("สัดส่วนพลังงานทดแทน (%)", "Renewable share (%)"),
    "ghg_tco2e": ("ก๊าซเรือนกระจก (tCO2e)", "GHG (tCO2e)"),
    "split_controlled": ("โรงงานควบคุม {a} แห่ง / ไม่ใช่โรงงานควบคุม {b} แห่ง", "controlled factories {a} / others {b}"),
    "split_mass": ("จัดทำ Mass Balance {a} แห่ง / Symbiosis {b} แห่ง", "mass balance {a} / symbiosis {b} factories"),
    "subdistrict": ("ตำบล", "Subdistrict"),
    "change_pct": ("การเปลี่ยนแปลงต่อหน่วยผลิตภัณฑ์เทียบปีก่อน (%)", "Change per unit of product vs last year (%)"),
    "name": ("ชื่อ", "Name"),
    "kind": ("ประเภท", "Kind"),
    "none": ("ไม่มี", "None"),
    "map_colour_by": ("ระบายสีตามตัวชี้วัด", "Colour by indicator"),
    "map_tiles": ("แผนที่พื้นหลัง OpenStreetMap (ต้องใช้อินเทอร์เน็ต)", "OpenStreetMap background (needs internet)"),
    "counts": ("นับในตัวชี้วัด", "counts"),
    "does_not_count": ("ไม่นับ", "does not count"),
    "not_in_indicator": ("ไม่อยู่ในตัวชี้วัดนี้/ไม่มีข้อมูล", "not in this indicator / no data"),
    "legend": ("คำอธิบายสัญลักษณ์", "Legend"),
    "legend_shapes": ("● วงกลม = โรงงาน · ■ สี่เหลี่ยม = เหมือง · กลุ่มตัวเลข = หลายแห่งรวมกัน (ซูมเข้าเพื่อแยก)",
                      "● circle = factory · ■ square = mine · numbered bubble = several together (zoom in)"),
    "legend_fill": ("สีพื้นตำบล: เขียว = ผ่าน · แดง = ไม่ผ่าน · เทา = ไม่มีข้อมูล", "Subdistrict fill: green = pass · red = fail · grey = no data"),
    "no_boundaries": ("ยังไม่มีขอบเขตตำบลในฐานข้อมูล แผนที่จึงแสดงเฉพาะจุดสถานประกอบการ เพิ่มขอบเขต (OCHA COD-AB) ด้วยคำสั่ง `python -m store boundaries --file ไฟล์.geojson` หรือ `--download` เมื่อมีอินเทอร์เน็ต",
                      "No subdistrict boundaries in the database yet, so the map shows establishments only. Add them (OCHA COD-AB) with `python -m store boundaries --file FILE.geojson`, or `--download` where the internet is reachable"),
    "location_check": ("ตรวจสอบพิกัด: สถานประกอบการที่พิกัดไม่อยู่ในตำบลที่แจ้ง", "Location check: establishments whose point is not in the subdistrict they claim"),
    "location_ok": ("พิกัดของทุกสถานประกอบการอยู่ในตำบลที่แจ้ง", "Every establishment's point lies in the subdistrict it claims"),
    "other_subdistrict": ("อยู่ในอีกตำบลหนึ่ง", "inside the other subdistrict"),
    "outside": ("อยู่นอกทั้งสองตำบล", "outside both subdistricts"),
    "no_coordinates": ("ไม่มีพิกัด", "no coordinates"),
    "misplaced": ("พิกัดไม่ตรงกับตำบลที่แจ้ง", "point not in the claimed subdistrict"),
    "attribution": ("ขอบเขตตำบล: © RTSD / OCHA, COD-AB Thailand ผ่าน HDX (CC BY-IGO)", "Boundaries: © RTSD / OCHA, COD-AB Thailand, via HDX (CC BY-IGO)"),
    "profile_link": ("เปิดข้อมูลสถานประกอบการ", "Open profile"),
}

COLUMNS: dict[str, tuple[str, str]] = {
    "entity_id": ("รหัส", "ID"), "name_th": ("ชื่อ", "Name"), "name_en": ("ชื่อ", "Name"), "subdistrict_code": ("ตำบล", "Subdistrict"),
    "kind": ("ประเภท", "Kind"), "counted": ("นับในตัวตั้ง", "Counted"), "in_denominator": ("อยู่ในตัวหาร", "In denominator"),
    "reason": ("เหตุผล", "Why"), "detail": ("รายละเอียด", "Detail"), "change_pct": ("เปลี่ยนแปลง (%)", "Change (%)"),
    "intensity": ("ค่าปีนี้ต่อหน่วย", "This year per unit"), "previous": ("ค่าปีก่อนต่อหน่วย", "Last year per unit"),
    "target": ("เป้าหมาย", "Target"), "samples": ("จำนวนตัวอย่าง", "Samples"), "exceedances": ("เกินมาตรฐาน", "Exceedances"),
    "item_no": ("ลำดับ", "No."), "description_th": ("รายการ", "Item"), "description_en": ("รายการ", "Item"),
    "responsible": ("ผู้รับผิดชอบ", "Responsible"), "status": ("สถานะ", "Status"), "reference": ("ที่อยู่เอกสาร", "Reference"),
    "code": ("รหัส", "Code"), "scheme": ("การรับรอง", "Scheme"), "level": ("ระดับ", "Level"), "issued_on": ("วันที่ได้รับ", "Issued"),
    "expires_on": ("วันหมดอายุ", "Expires"), "valid_in_year": ("ใช้ได้ในปีที่เลือก", "Valid in the chosen year"),
    "practice": ("มาตรการ", "Practice"), "year": ("ปี", "Year"), "factory_id": ("เลขทะเบียน", "Registration no."),
    "lat": ("ละติจูด", "Latitude"), "lon": ("ลองจิจูด", "Longitude"), "found_code": ("ตำบลตามพิกัด", "Subdistrict of the point"),
}


def columns(frame_columns: list[str]) -> dict[str, str]:
    """Translated headers for st.dataframe(..., column_config=columns(df.columns))."""
    i = 0 if lang() == "th" else 1
    return {c: COLUMNS[c][i] for c in frame_columns if c in COLUMNS}


REASONS: dict[str, tuple[str, str]] = {
    "meets": ("ผ่านเงื่อนไข", "meets the condition"),
    "not_met": ("ยังไม่มีมาตรการ/การรับรองที่นับได้ในปีนี้", "no qualifying practice or certificate this year"),
    "improved": ("ดีขึ้นจากปีก่อน", "improved on last year"),
    "met_target": ("ผ่านเป้าหมายของโรงงาน", "met its own target"),
    "worsened": ("แย่ลงจากปีก่อนและไม่ผ่านเป้าหมาย", "worse than last year and above its target"),
    "no_report": ("ไม่มีรายงานของปีนี้", "no report for this year"),
    "no_baseline": ("ไม่มีข้อมูลปีก่อนและไม่มีเป้าหมาย", "no previous year and no target"),
    "incomplete_report": ("รายงานไม่ครบ", "report incomplete"),
    "included": ("นับรวม", "included"),
    "complies": ("ผ่านมาตรฐานทุกตัวอย่าง", "every sample within limits"),
    "exceeded": ("มีตัวอย่างเกินมาตรฐาน", "a sample exceeded a limit"),
    "green_area": ("พื้นที่สีเขียว", "green area"),
    "subdistrict_area": ("พื้นที่ตำบล (ตัวหาร)", "subdistrict area (denominator)"),
    "not_both_years": ("ไม่มีข้อมูลเงินลงทุนครบสองปี", "investment not reported in both years"),
    "increased": ("เงินลงทุนเพิ่มขึ้น", "investment rose"),
    "not_increased": ("เงินลงทุนไม่เพิ่มขึ้น", "investment did not rise"),
    "not_completed": ("ยังไม่แล้วเสร็จ", "not completed"),
    "no_eco_design": ("ไม่ได้ใช้การออกแบบเชิงนิเวศ", "no eco-design"),
    "planned_only": ("อยู่ในแผน ยังไม่ดำเนินการ", "planned only"),
    "ready": ("พร้อม", "ready"),
    "in_progress": ("กำลังดำเนินการ", "in progress"),
    "missing": ("ยังไม่มี", "missing"),
}

MONTHS_TH = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def lang() -> str:
    return str(st.session_state.get("lang", "th"))


def t(key: str, **fields: object) -> str:
    th, en = TEXT[key]
    text = th if lang() == "th" else en
    return text.format(**fields) if fields else text


def reason(code: str) -> str:
    if code.startswith("score_"):
        return ("คะแนน " if lang() == "th" else "score ") + code[6:]
    th, en = REASONS.get(code, (code, code))
    return th if lang() == "th" else en


def year_label(year: int) -> str:
    """BE in Thai (2022 -> 2565), CE in English."""
    return f"พ.ศ. {year + 543}" if lang() == "th" else str(year)


def year_short(year: int) -> str:
    return str(year + 543) if lang() == "th" else str(year)


def date_label(value: object) -> str:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return "—"
    d = value if hasattr(value, "month") else None
    if d is None:
        return str(value)
    if lang() == "th":
        return f"{d.day} {MONTHS_TH[d.month - 1]} {d.year + 543}"  # type: ignore[attr-defined]
    return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"  # type: ignore[attr-defined]


def number(value: float | None, unit: str = "", digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return t("no_data")
    if unit == "percent":
        return f"{value:,.{digits}f} %"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.{digits}f}"


def area_label(code: str, names: dict[str, tuple[str, str]]) -> str:
    if code == "all":
        return t("area_all")
    th, en = names.get(code, (code, code))
    return f"{th} ({code})" if lang() == "th" else f"{en} ({code})"
