"""Every word the dashboard and the meeting pack show, in Thai and English, and the formats of numbers,
years (BE in Thai, CE in English), dates and names. No Streamlit here: the report uses it too."""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from store import codes
from store.text import Text

TEXT: dict[str, Text] = {
    "app_title": Text("เมืองอุตสาหกรรมเชิงนิเวศ จังหวัดสระบุรี", "Saraburi Eco-Industrial Town"),
    "area": Text("พื้นที่", "Area"),
    "area_all": Text("ทั้งเมือง (ทุกตำบลของเมืองอุตสาหกรรมเชิงนิเวศ)", "The whole eco-town (every subdistrict)"),
    "year": Text("ปี", "Year"),
    "year_calendar": Text("ปี พ.ศ. (ปีปฏิทิน)", "Year (calendar, CE)"),
    "link_value_ignored": Text(
        "ลิงก์ระบุ{what} '{value}' ซึ่งใช้ไม่ได้ จึงแสดงค่าเริ่มต้นแทน", "The link's {what} '{value}' is not valid here; showing the default instead"
    ),
    "url_lang": Text("ภาษา", "language"),
    "choose_file": Text("เลือกไฟล์", "Choose a file"),
    "glossary": Text("คำอธิบายศัพท์", "Glossary"),
    "skip_to_content": Text("ข้ามไปยังเนื้อหาหลัก", "Skip to main content"),
    "upload_limits": Text("ไฟล์ละไม่เกิน {mb} MB · CSV หรือ TXT", "Up to {mb} MB per file · CSV or TXT"),
    "url_year": Text("ปี", "year"),
    "url_area": Text("พื้นที่", "area"),
    "url_code": Text("รหัสตัวชี้วัด", "indicator code"),
    "url_id": Text("เลขทะเบียน", "registration number"),
    "url_fy": Text("ปีงบประมาณ", "fiscal year"),
    "language": Text("ภาษา", "Language"),
    "page_overview": Text("ภาพรวมตัวชี้วัด", "Scorecard"),
    "page_indicator": Text("รายละเอียดตัวชี้วัด", "Indicator detail"),
    "page_establishment": Text("ข้อมูลสถานประกอบการ", "Establishment profile"),
    "page_map": Text("แผนที่", "Map"),
    "demo_banner": Text(
        "ข้อมูลสาธิต (สังเคราะห์) — ไม่ใช่ข้อมูลจริงของจังหวัด ชื่อสถานประกอบการเป็นชื่อสมมติ",
        "Demo data (synthetic) — not the province's real data; establishment names are fictional",
    ),
    "as_of_loaded": Text("ข้อมูล ณ {date} · นำเข้าโดย {user}", "Data as of {date} · loaded by {user}"),
    "as_of_undone": Text("ข้อมูล ณ {date} · ยกเลิกการนำเข้าล่าสุดโดย {user}", "Data as of {date} · latest load undone by {user}"),
    "as_of_date": Text("ข้อมูล ณ {date}", "Data as of {date}"),
    "as_of_demo": Text("ข้อมูลสาธิต ณ {date}", "Demo data as of {date}"),
    "provisional": Text("เกณฑ์ชั่วคราว", "provisional"),
    "provisional_note": Text(
        "เกณฑ์ผ่านทุกข้อเป็นค่าชั่วคราว (ยังไม่ได้ยืนยันเกณฑ์ กรอ. ปี 2562) ผู้ดูแลระบบแก้ไขได้",
        "Every threshold is provisional (the DIW 2019 thresholds are not yet confirmed); an admin can edit them",
    ),
    "town_level": Text("ระดับที่ผ่าน", "Level reached"),
    "level_none": Text("ยังไม่ผ่านระดับ 1", "Level 1 not yet reached"),
    "level": Text("ระดับ", "Level"),
    "level_1": Text("ระดับ 1 การมีส่วนร่วม", "Level 1 Engagement"),
    "level_2": Text("ระดับ 2 การส่งเสริม", "Level 2 Enhancement"),
    "level_3": Text("ระดับ 3 ประสิทธิภาพในการใช้ทรัพยากร", "Level 3 Resource efficiency"),
    "pass": Text("ผ่าน", "Pass"),
    "fail": Text("ไม่ผ่าน", "Fail"),
    "no_data": Text("ไม่มีข้อมูล", "No data"),
    "code": Text("รหัส", "Code"),
    "indicator": Text("ตัวชี้วัด", "Indicator"),
    "value": Text("ค่า", "Value"),
    "threshold": Text("เกณฑ์", "Criterion"),
    "status": Text("ผล", "Result"),
    "change": Text("เทียบปีก่อน", "vs last year"),
    "gap": Text("ส่วนที่ขาด", "Gap to pass"),
    "detail": Text("ดูรายละเอียด", "Details"),
    "gap_factory": Text("ต้องการโรงงานเพิ่มอีก {n} แห่ง", "{n} more factories needed"),
    "gap_establishment": Text("ต้องการสถานประกอบการผ่านเกณฑ์เพิ่มอีก {n} แห่ง", "{n} more establishments must comply"),
    "gap_respondent": Text("ต้องการผู้ตอบที่ให้คะแนน 4–5 เพิ่มอีก {n} คน", "{n} more respondents scoring 4–5 needed"),
    "gap_item": Text("ต้องการเอกสารพร้อมเพิ่มอีก {n} รายการ", "{n} more evidence items must be ready"),
    "gap_project": Text("ต้องการโครงการเพิ่มอีก {n} โครงการ", "{n} more projects needed"),
    "gap_factory_one": Text("ต้องการโรงงานเพิ่มอีก {n} แห่ง", "{n} more factory needed"),
    "gap_establishment_one": Text("ต้องการสถานประกอบการผ่านเกณฑ์เพิ่มอีก {n} แห่ง", "{n} more establishment must comply"),
    "gap_respondent_one": Text("ต้องการผู้ตอบที่ให้คะแนน 4–5 เพิ่มอีก {n} คน", "{n} more respondent scoring 4–5 needed"),
    "gap_item_one": Text("ต้องการเอกสารพร้อมเพิ่มอีก {n} รายการ", "{n} more evidence item must be ready"),
    "gap_project_one": Text("ต้องการโครงการเพิ่มอีก {n} โครงการ", "{n} more project needed"),
    "who_closes": Text("ใครช่วยปิดส่วนที่ขาดได้", "Who could close the gap"),
    "why_planned": Text("วางแผนไว้แล้ว", "planned"),
    "why_in_progress": Text("กำลังดำเนินการ", "in progress"),
    "why_expired": Text("ใบรับรองหมดอายุเมื่อปีก่อน", "certificate expired last year"),
    "why_expiring": Text("ใบรับรองหมดอายุในปีนี้", "certificate expires this year"),
    "why_closest": Text("ใกล้เกณฑ์", "close to the criterion"),
    "closes_n": Text("ปิดได้ {n} {unit}", "closes {n} {unit}"),
    "closes_pp": Text("ปิดได้ {n} จุดร้อยละ", "closes {n} pp"),
    "closes_keep": Text("ต่ออายุเพื่อไม่ให้ส่วนที่ขาดเพิ่ม", "renew it or the gap grows"),
    "expires_on": Text("หมดอายุ {date}", "expires {date}"),
    "expired_on": Text("หมดอายุเมื่อ {date}", "expired {date}"),
    "candidates_total": Text("(รวมกันปิดได้ {n} จากที่ขาด {gap} {unit})", "(together {n} of the {gap} {unit} missing)"),
    "no_candidates": Text(
        "ไม่มีสถานประกอบการในข้อมูลที่วางแผนไว้ กำลังดำเนินการ หรือใกล้เกณฑ์", "No establishment in the data has it planned, under way or close"
    ),
    "not_counted_only": Text("แสดงเฉพาะที่ยังไม่นับ", "Not counted only"),
    "coverage_note": Text("รายงานแล้ว {reported} จาก {expected}", "{reported} of {expected} reported"),
    "survey_distribution": Text("คะแนน 1–5 แยกตามกลุ่มผู้ตอบและตำบล", "Scores 1–5 by respondent type and subdistrict"),
    "survey_group": Text("กลุ่มผู้ตอบ · ตำบล", "Respondent type · subdistrict"),
    "survey_answers": Text("ผู้ตอบ", "Respondents"),
    "survey_counted_note": Text(
        "นับเฉพาะกลุ่มชุมชนที่ให้คะแนน 4–5 กลุ่มอื่นแสดงเพื่อเปรียบเทียบ",
        "Only community respondents scoring 4–5 count; other groups are shown for comparison",
    ),
    "score_n": Text("คะแนน {n}", "score {n}"),
    "gap_t": Text("ต้องนำกลับมาใช้ใหม่ (3Rs) เพิ่มอีก {amount} ตัน", "{amount} more tonnes reused or recycled needed"),
    "gap_GJ": Text("ต้องใช้พลังงานทดแทนเพิ่มอีก {amount} GJ", "{amount} GJ more renewable energy needed"),
    "gap_m2": Text("ต้องมีพื้นที่สีเขียวเพิ่มอีก {amount} ตร.ม. ({rai} ไร่)", "{amount} m² ({rai} rai) more green area needed"),
    "gap_THB": Text(
        "เงินลงทุนรวมต้องเพิ่มขึ้นจากปีก่อนมากกว่า {amount} บาท", "total investment must rise above last year's by more than {amount} THB"
    ),
    "gap_no_data": Text("ไม่มีข้อมูล: นำเข้า {sources} ของปีนี้", "No data: upload this year's {sources}"),
    "unit_factory": Text("แห่ง", "factories"),
    "unit_establishment": Text("แห่ง", "establishments"),
    "unit_respondent": Text("คน", "respondents"),
    "unit_item": Text("รายการ", "items"),
    "unit_project": Text("โครงการ", "projects"),
    "unit_green_area": Text("ตร.ม.", "m²"),
    "amount_t": Text("ตัน", "t"),
    "amount_GJ": Text("GJ", "GJ"),
    "amount_m2": Text("ตร.ม.", "m²"),
    "amount_THB": Text("บาท", "THB"),
    "rai": Text("ไร่", "rai"),
    "pp": Text("จุดร้อยละ", "pp"),
    "no_comparison": Text("ปีก่อนไม่มีข้อมูล", "no data last year"),
    "same_checklist": Text("ใช้รายการเดียวกับปีก่อน", "same checklist as last year"),
    "checklist_of": Text("รายการหลักฐานปีงบประมาณ {fy}", "checklist of fiscal year {fy}"),
    "no_checklist": Text("ยังไม่มีรายการหลักฐานของปีงบประมาณนี้หรือก่อนหน้า", "no evidence checklist for this or an earlier fiscal year"),
    "page_plan": Text("แผนปฏิบัติการ", "Action plan"),
    "page_evidence": Text("เอกสารหลักฐาน", "Evidence checklist"),
    "fiscal_year": Text("ปีงบประมาณ", "Fiscal year"),
    "fiscal_year_span": Text("ปีงบประมาณ พ.ศ. {fy} ({start} – {end})", "Fiscal year {fy} ({start} – {end})"),
    "no_plans": Text(
        "ยังไม่มีแผนปฏิบัติการหรือรายการหลักฐาน: นักวิเคราะห์นำเข้าไฟล์แผนปฏิบัติการและไฟล์รายการหลักฐานได้ที่หน้า นำเข้าข้อมูล CSV",
        "No action plan or evidence checklist yet: an analyst uploads activities / evidence files on the Upload page",
    ),
    "activities_total": Text("กิจกรรมทั้งหมด", "Activities"),
    "activities_done": Text("ดำเนินการแล้ว", "Done"),
    "activities_late": Text("ล่าช้า", "Late"),
    "activities_open": Text("กำลังทำหรือถึงกำหนดเริ่ม", "In progress or due"),
    "participants_total": Text("ผู้เข้าร่วมเทียบเป้าหมาย", "Participants against targets"),
    "participants_targeted": Text("{n} จาก {total} กิจกรรมที่มีเป้าหมายผู้เข้าร่วม", "the {n} of {total} activities with a target"),
    "as_of_today": Text("ณ วันที่ {date}", "as of {date}"),
    "timeline": Text("ช่วงเวลาตามแผน (ต.ค. – ก.ย.)", "Planned timeline (Oct – Sep)"),
    "today": Text("วันนี้", "today"),
    "timeline_no_dates": Text(
        "ยังไม่ได้กำหนดช่วงเวลาของกิจกรรม: นักวิเคราะห์ใส่วันเริ่มและวันสิ้นสุดตามแผนได้ที่หน้านี้",
        "No activity has planned dates yet: analysts can enter planned start and end dates on this page.",
    ),
    "no_samples": Text("ไม่มีผลตรวจน้ำทิ้งในข้อมูล", "No effluent samples in the data"),
    "planned_period": Text("ช่วงตามแผน", "planned"),
    "done_on_marker": Text("วันที่แล้วเสร็จ", "done on"),
    "progress_done": Text("ดำเนินการแล้ว", "done"),
    "progress_late": Text("ล่าช้า", "late"),
    "progress_in_progress": Text("กำลังดำเนินการ", "in progress"),
    "progress_due": Text("ถึงกำหนดเริ่มแล้ว", "due to start"),
    "progress_planned": Text("ยังไม่เริ่ม", "planned"),
    "progress_cancelled": Text("ยกเลิก", "cancelled"),
    "start_from_copy": Text("เริ่มปีงบประมาณใหม่จากสำเนาของปีก่อน", "Start a new fiscal year from a copy"),
    "copy_from": Text("คัดลอกจากปีงบประมาณ", "Copy from fiscal year"),
    "copy_to": Text("ไปยังปีงบประมาณ (พ.ศ.)", "Into fiscal year (Buddhist era, e.g. 2568)"),
    "copy_plan_help": Text(
        "กิจกรรม หน่วยงาน และเป้าหมายเดิม เลื่อนวันตามจำนวนปี สถานะเป็น 'อยู่ในแผน (ยังไม่เริ่ม)' ผลการดำเนินงานว่าง",
        "The same activities, agencies and targets, dates moved by the years between, status planned, no results yet",
    ),
    "copy_evidence_help": Text(
        "รายการและหน่วยงานเดิม ทุกรายการสถานะ 'ยังไม่มี' (รอบประเมินใหม่ต้องใช้หลักฐานใหม่)",
        "The same items and agencies, every item missing again (a new assessment round needs new evidence)",
    ),
    "copy_do": Text("คัดลอก", "Copy"),
    "copied": Text("คัดลอกแล้ว {n} รายการ ไปยังปีงบประมาณ {fy}", "Copied {n} row(s) into fiscal year {fy}"),
    "edit_mode": Text("แก้ไข (นักวิเคราะห์)", "Edit (analysts)"),
    "readiness_by_level": Text("ความพร้อมรายระดับ", "Readiness by level"),
    "readiness_by_indicator": Text("ความพร้อมรายตัวชี้วัด", "Readiness by indicator"),
    "filter_status": Text("สถานะ", "Status"),
    "filter_agency": Text("หน่วยงานที่รับผิดชอบ", "Responsible agency"),
    "all_agencies": Text("ทุกหน่วยงาน", "All agencies"),
    "items_shown": Text("แสดง {n} จาก {total} รายการ", "Showing {n} of {total} items"),
    "missing_town": Text("รายการที่ยังไม่มีทั้งหมด (ทั้งเมือง)", "Everything still missing (town-wide)"),
    "owes": Text("{agency} ยังต้องส่ง {n} รายการ", "{agency} still owes {n} item(s)"),
    "ready_pct": Text("พร้อม {pct}", "{pct} ready"),
    "parameter": Text("พารามิเตอร์", "Parameter"),
    "sampled_on": Text("วันที่เก็บตัวอย่าง", "Sampled on"),
    "establishment": Text("สถานประกอบการ", "Establishment"),
    "unit_column": Text("หน่วย", "Unit"),
    "operating": Text("ดำเนินกิจการ", "operating"),
    "closed_in": Text("เลิกกิจการปี {year}", "closed in {year}"),
    "not_yet_registered": Text("ยังไม่จดทะเบียนในปีที่เลือก (จดทะเบียนปี {year})", "not yet registered in the chosen year (registered {year})"),
    "registered_in": Text("จดทะเบียนปี {year}", "registered {year}"),
    "status_label": Text("สถานะกิจการ", "Status"),
    "diw_type": Text("ประเภทโรงงาน (กรอ.)", "DIW factory type"),
    "industry": Text("อุตสาหกรรม", "Industry"),
    "controlled_factory": Text("โรงงานควบคุม (กฎหมายพลังงาน)", "Controlled factory (energy law)"),
    "in_industrial_zone": Text("ในเขตประกอบการอุตสาหกรรม", "In an industrial zone"),
    "coordinates": Text("พิกัด", "Coordinates"),
    "valid_yes": Text("ใช้ได้", "valid"),
    "valid_no": Text("ไม่ใช้ได้", "not valid"),
    "valid_closed": Text("ไม่ใช้ได้ (เลิกกิจการแล้ว)", "not valid (closed)"),
    "no_report_year": Text("ไม่มีรายงานของปีนี้", "no report this year"),
    "report_title": Text("รายงานผลการดำเนินงานเมืองอุตสาหกรรมเชิงนิเวศ", "Eco-industrial town progress report"),
    "report_as_of": Text("ข้อมูล ณ ชุดนำเข้าที่ {batch} ({when})", "Data as of batch {batch} ({when})"),
    "report_no_data": Text("ยังไม่มีข้อมูลนำเข้า", "No data loaded yet"),
    "report_made": Text("จัดทำเมื่อ {when}", "Made on {when}"),
    "report_scorecard": Text("ผลตามเกณฑ์รายระดับ", "Scorecard by level"),
    "report_indicators": Text("รายละเอียดรายตัวชี้วัด", "Indicator by indicator"),
    "report_about": Text("เกี่ยวกับข้อมูล", "About the data"),
    "report_rows": Text("รายการเบื้องหลังตัวเลข ({n})", "Rows behind the number ({n})"),
    "report_counted": Text("นับเป็นผลงาน {n} รายการ", "{n} counted in the numerator"),
    "report_not_counted": Text("ที่ไม่นับ ({n}) พร้อมเหตุผล", "Not counted ({n}), with the reason"),
    "report_rest_in_workbook": Text(
        "แสดง {shown} รายการที่ไม่นับ รายการทั้งหมด {n} รายการ (ทั้งที่นับและไม่นับ) อยู่ในไฟล์ Excel แผ่นงาน {sheet}",
        "{shown} not counted shown here; all {n} rows, counted and not, are in the Excel workbook, sheet {sheet}",
    ),
    "meeting_pack": Text("เอกสารประกอบการประชุม", "Meeting pack"),
    "download_pdf": Text("รายงาน PDF (A4)", "Report PDF (A4)"),
    "download_workbook": Text("สมุดงาน Excel", "Excel workbook"),
    "making_report": Text("กำลังจัดทำรายงาน…", "Making the report…"),
    "no_thai_font": Text(
        "เครื่องนี้ไม่มีฟอนต์ภาษาไทย รายงาน PDF จะแสดงภาษาไทยไม่ได้: ติดตั้ง fonts-thai-tlwg",
        "This machine has no Thai font, so the PDF cannot show Thai: install fonts-thai-tlwg",
    ),
    "page_search": Text("ค้นหาสถานประกอบการ", "Establishment search"),
    "any": Text("ทั้งหมด", "any"),
    "no": Text("ไม่ใช่", "no"),
    "search_text": Text("ค้นหาจากชื่อหรือเลขทะเบียน (ไทยหรืออังกฤษ)", "Name or registration number (Thai or Latin)"),
    "search_placeholder": Text("เช่น ศิลา หรือ 3-11(1)", "e.g. Sila or 3-11(1)"),
    "registered_years": Text("ปีที่จดทะเบียน", "Registered"),
    "open_state": Text("สถานะกิจการในปีที่เลือก", "Operating in the chosen year"),
    "closed_state": Text("เลิกกิจการแล้ว", "closed"),
    "holds_certificates": Text("การรับรองที่ใช้ได้ในปีที่เลือก", "Valid certificates in the chosen year"),
    "gi_level": Text("ระดับ GI สูงสุดที่ใช้ได้", "Highest valid GI level"),
    "practices_implemented": Text("มาตรการที่ดำเนินการแล้วในปีที่เลือก", "Practices implemented in the chosen year"),
    "has_report": Text("มีรายงานประจำปี", "Annual report"),
    "has_samples": Text("ผลตรวจน้ำทิ้ง (ตัวอย่าง)", "Effluent samples"),
    "toward": Text("นับในตัวชี้วัดหรือไม่", "Counts toward it"),
    "search_do": Text("ค้นหา", "Search"),
    "hits": Text("พบ {n} แห่ง จาก {total} แห่ง", "{n} of {total} establishments"),
    "profile": Text("ข้อมูล", "Profile"),
    "open": Text("เปิด", "open"),
    "search_hit": Text("ผลการค้นหา", "search hit"),
    "registration_no": Text("เลขทะเบียน", "Registration no."),
    "choose_options": Text("เลือกได้หลายรายการ", "Choose one or more"),
    "database_busy": Text(
        "ฐานข้อมูลกำลังถูกใช้งานโดยโปรแกรมอื่น (เช่น การนำเข้าทางบรรทัดคำสั่ง) กรุณาลองใหม่ในอีกสักครู่ หากยังเป็นอยู่ แจ้งผู้ดูแลระบบ",
        "The database is in use by another program (for example a command-line load). Try again in a minute; if it persists, tell an admin.",
    ),
    "unexpected_error": Text(
        "เกิดข้อผิดพลาดที่ไม่คาดคิด รายละเอียดถูกบันทึกไว้ที่เซิร์ฟเวอร์แล้ว กรุณาลองใหม่ หรือแจ้งผู้ดูแลระบบ",
        "Something unexpected went wrong; the details are in the server's log. Try again, or tell an admin.",
    ),
    "sessions_title": Text("การเข้าสู่ระบบที่เปิดอยู่", "Open sign-in sessions"),
    "end_session": Text("ปิดการเข้าสู่ระบบนี้", "End this session"),
    "session_ended": Text("ปิดการเข้าสู่ระบบแล้ว", "Session ended"),
    "locked_title": Text("บัญชีที่ถูกล็อกชั่วคราว (ใส่รหัสผิดหลายครั้ง)", "Accounts locked for a while (many wrong passwords)"),
    "unlock": Text("ปลดล็อก", "Unlock"),
    "failures_title": Text("การเข้าสู่ระบบที่ไม่สำเร็จล่าสุด", "Latest failed sign-ins"),
    "page_explore": Text("สำรวจข้อมูล", "Explore data"),
    "explore_intro": Text(
        "เลือกตารางหรือแถวเบื้องหลังตัวชี้วัด กรอง จัดกลุ่ม แยกเป็นคอลัมน์ ดูแผนภูมิ แล้วดาวน์โหลดผลลัพธ์",
        "Pick a table or the rows behind an indicator; filter, group, spread across columns, chart, and download the result.",
    ),
    "explore_source": Text("ข้อมูลที่จะสำรวจ", "Data to explore"),
    "url_src": Text("ข้อมูลที่จะสำรวจ", "data to explore"),
    "explore_table": Text("ตาราง: {name}", "Table: {name}"),
    "explore_indicator": Text("ตัวชี้วัด {code}: {name}", "Indicator {code}: {name}"),
    "explore_table_note": Text("ทุกปีในฐานข้อมูล · พื้นที่ตามแถบด้านข้าง", "Every year in the database · the sidebar's area"),
    "explore_indicator_note": Text(
        "แถวเบื้องหลังตัวเลขของ{year} · {area} (เปลี่ยนได้ที่แถบด้านข้าง)",
        "The rows behind the number for {year} · {area} (change them in the sidebar)",
    ),
    "explore_filters": Text("กรองข้อมูล", "Filters"),
    "explore_filter_by": Text("กรองตามคอลัมน์", "Filter by column"),
    "explore_all": Text("ทั้งหมด", "All"),
    "explore_rows_kept": Text("{n:,} จาก {total:,} แถวผ่านตัวกรอง", "{n:,} of {total:,} rows pass the filters"),
    "explore_empty": Text("ไม่มีแถวที่ผ่านตัวกรอง", "No rows pass the filters"),
    "explore_group": Text("จัดกลุ่มตาม (แถว)", "Group by (rows)"),
    "explore_across": Text("แยกเป็นคอลัมน์ตาม", "Spread across (columns)"),
    "explore_nothing": Text("— ไม่แยก —", "— none —"),
    "explore_agg": Text("สรุปเป็น", "Summarise as"),
    "explore_measure": Text("ของคอลัมน์", "Of column"),
    "explore_grain": Text("วันที่จัดกลุ่มเป็นราย", "Group dates by"),
    "explore_chart": Text("แผนภูมิ", "Chart"),
    "explore_summary": Text("ผลสรุป", "Summary"),
    "explore_rows": Text("แถวข้อมูลที่ผ่านตัวกรอง", "Rows that pass the filters"),
    "explore_truncated": Text(
        "มี {groups:,} กลุ่ม แสดงเฉพาะ {shown:,} กลุ่มที่มีค่ามากที่สุด", "{groups:,} groups: only the {shown:,} largest are shown"
    ),
    "explore_chart_capped": Text(
        "แผนภูมิแสดง {n} กลุ่มที่มีค่ามากที่สุด ตารางด้านล่างมีครบ", "The chart shows the {n} largest groups; the table below has them all"
    ),
    "explore_value": Text("ค่า", "Value"),
    "explore_start_over": Text("เริ่มใหม่", "Start over"),
    "agg_count": Text("จำนวนแถว", "Number of rows"),
    "agg_count_distinct": Text("จำนวนค่าที่ไม่ซ้ำ", "Number of distinct values"),
    "agg_sum": Text("ผลรวม", "Sum"),
    "agg_mean": Text("ค่าเฉลี่ย", "Average"),
    "agg_median": Text("มัธยฐาน", "Median"),
    "agg_min": Text("ค่าต่ำสุด", "Minimum"),
    "agg_max": Text("ค่าสูงสุด", "Maximum"),
    "grain_month": Text("เดือน", "Month"),
    "grain_year": Text("ปี", "Year"),
    "grain_day": Text("วัน", "Day"),
    "chart_bar": Text("แท่ง", "Bars"),
    "chart_line": Text("เส้น", "Line"),
    "chart_heatmap": Text("ตารางสี", "Heat map"),
    "chart_none": Text("ไม่แสดง", "None"),
    "page_console": Text("คำสั่ง SQL", "SQL console"),
    "console_intro": Text(
        "คำสั่ง SELECT ครั้งละหนึ่งคำสั่ง อ่านอย่างเดียว ไม่เกิน 10 วินาที และไม่เกิน 5,000 แถว อ่านได้เฉพาะตารางข้อมูล (ไม่มีบัญชีผู้ใช้หรือไฟล์บนเครื่อง)",
        "One read-only SELECT at a time, at most 10 seconds and 5,000 rows, over the data tables only (no accounts, no files on the server)",
    ),
    "console_own": Text("— เขียนเอง —", "— my own —"),
    "console_examples": Text("ตัวอย่างคำถาม", "Example questions"),
    "console_sql": Text("คำสั่ง SQL", "SQL"),
    "batches_none": Text(
        "ยังไม่มีประวัติการนำเข้า: ไฟล์ที่นำเข้าจากหน้านำเข้าข้อมูล (CSV) จะแสดงที่นี่",
        "Nothing has been loaded yet: files loaded on the Upload page appear here.",
    ),
    "console_run": Text("เรียกใช้คำสั่ง", "Run"),
    "console_placeholder": Text(
        "เช่น select kind, count(*) from establishments group by kind", "e.g. select kind, count(*) from establishments group by kind"
    ),
    "console_schema": Text("ตารางและคอลัมน์", "Tables and columns"),
    "console_done": Text("{rows} แถว · {seconds} วินาที", "{rows} rows · {seconds} s"),
    "console_truncated": Text("ผลลัพธ์ถูกตัดที่ {n} แถวแรก (มีมากกว่านี้)", "Truncated: the first {n} rows are shown (there are more)"),
    "type": Text("ชนิด", "Type"),
    "item_number": Text("ข้อ {n}", "No. {n}"),
    "calendar_year": Text("ปีปฏิทิน", "calendar year"),
    "level_history": Text("ระดับที่ผ่านในแต่ละปี", "Level reached, year by year"),
    "level_reached": Text("ผ่านระดับ {n}", "Level {n} reached"),
    "all_levels_reached": Text("ผ่านครบทั้ง 3 ระดับแล้ว", "All three levels are reached"),
    "to_reach": Text("สิ่งที่ต้องทำเพื่อผ่านระดับ {n}", "What it takes to reach level {n}"),
    "levels_upto": Text("ระดับ 1 ถึง {n}", "levels 1 to {n}"),
    "level_one": Text("ระดับ 1", "level 1"),
    "to_reach_intro": Text("ต้องผ่านทุกตัวชี้วัดของ{levels} ตัวชี้วัดที่ยังไม่ผ่าน ได้แก่", "Every indicator of {levels} must pass. These do not yet:"),
    "to_reach_nothing": Text("ทุกตัวชี้วัดของ{levels} ผ่านแล้ว", "Every indicator of {levels} passes"),
    "to_reach_also": Text("นอกจากนั้น ตัวชี้วัดของ{levels} ที่ยังไม่ผ่าน ได้แก่", "Beyond that, these indicators of {levels} do not yet pass:"),
    "level_n": Text("ระดับ {n}", "level {n}"),
    "missing_evidence": Text(
        "เอกสารหลักฐานของ{levels} ที่ยังไม่พร้อม {count} รายการ ({fy})", "Evidence of {levels} not yet ready: {count} item(s) ({fy})"
    ),
    "missing_by_agency": Text("แยกตามหน่วยงานที่รับผิดชอบ", "By responsible agency"),
    "evidence_ready": Text("ความพร้อมของเอกสารหลักฐาน", "Evidence readiness"),
    "evidence_ready_n": Text("พร้อม {ready} จาก {total} รายการ", "{ready} of {total} items ready"),
    "numerator": Text("ตัวตั้ง", "Numerator"),
    "denominator": Text("ตัวหาร", "Denominator"),
    "formula": Text("วิธีคำนวณ", "How it is computed"),
    "trend": Text("แนวโน้มรายปี", "Trend over the years"),
    "by_subdistrict": Text("เปรียบเทียบสองตำบล", "The two subdistricts side by side"),
    "count_yes": Text("นับ", "yes"),
    "count_no": Text("ไม่นับ", "no"),
    "behind": Text("ข้อมูลที่ใช้คำนวณ", "The rows behind the number"),
    "counted": Text("นับ", "Counted"),
    "in_denominator": Text("อยู่ในตัวหาร", "In denominator"),
    "reason": Text("เหตุผล", "Why"),
    "download_csv": Text("ดาวน์โหลด CSV", "Download CSV"),
    "download_xlsx": Text("ดาวน์โหลด Excel", "Download Excel"),
    "yes": Text("ใช่", "yes"),
    "name_not_given": Text("ไม่ระบุชื่อ", "name not given"),
    "approximate_location": Text("ตำแหน่งโดยประมาณ", "approximate location"),
    "approximate_profile": Text(
        "ตำแหน่งโดยประมาณ: พิกัดนี้ซ้ำกับสถานประกอบการอื่นหรืออยู่ที่จุดกึ่งกลางตำบล อาจไม่ใช่ที่ตั้งจริง",
        "Approximate location: this point is shared with another establishment or is a subdistrict's centre, perhaps not the real site",
    ),
    "approximate_title": Text("ตำแหน่งโดยประมาณ (อาจไม่ใช่ที่ตั้งจริง)", "Approximate locations (perhaps not the real site)"),
    "approximate_help": Text(
        "{n} แห่งมีพิกัดซ้ำกับสถานประกอบการอื่นหรืออยู่ที่จุดกึ่งกลางตำบล (ทะเบียน กรอ. มักใส่พิกัดตำบลแทน) แสดงเป็นขอบเส้นประบนแผนที่ ควรตรวจสอบพิกัดจริง",
        "{n} share their point with another establishment or sit at a subdistrict's centre (the DIW register often gives the subdistrict's point); "
        "they have a dashed outline on the map. Check their real coordinates.",
    ),
    "table_now": Text(
        "ข้อมูลปัจจุบันของตาราง {table} (สำหรับแก้ไขใน Excel แล้วนำเข้าใหม่)", "{table} as it is now (to fix in Excel and upload again)"
    ),
    "table_now_help": Text(
        "ไฟล์มีคอลัมน์ตามแม่แบบ ปีเป็น พ.ศ. ในภาษาไทย แก้ไขแถวที่ต้องการใน Excel บันทึกเป็น CSV UTF-8 แล้วอัปโหลดกลับ แถวที่มีคีย์เดิมจะถูกแทนที่",
        "The file has the template's columns. Fix the rows you need in Excel, save as CSV UTF-8 and upload it: rows with the same key are replaced.",
    ),
    "checking": Text("กำลังตรวจสอบไฟล์…", "Checking the file…"),
    "same_file_loaded": Text(
        "ไฟล์นี้ (เนื้อหาเดียวกันทุกไบต์) นำเข้าแล้วเป็นชุดที่ {batch} เมื่อ {when} โดย {user}",
        "This file (the same bytes) was loaded as batch {batch} on {when} by {user}",
    ),
    "same_file_rolled_back": Text(
        "ไฟล์นี้เคยนำเข้าเป็นชุดที่ {batch} เมื่อ {when} โดย {user} และถูกยกเลิกแล้วเมื่อ {back} โดย {back_user}",
        "This file was loaded as batch {batch} on {when} by {user} and rolled back on {back} by {back_user}",
    ),
    "load_again": Text("นำเข้าอีกครั้งเป็นชุดใหม่ (แถวที่มีคีย์เดิมจะถูกแทนที่)", "Load it again as a new batch (rows with the same key are replaced)"),
    "choose_indicator": Text("เลือกตัวชี้วัด", "Choose an indicator"),
    "choose_establishment": Text("เลือกสถานประกอบการ", "Choose an establishment"),
    "open_profile": Text("เปิดข้อมูลสถานประกอบการ", "Open establishment profile"),
    "intensity_change": Text("การเปลี่ยนแปลงต่อหน่วยผลิตภัณฑ์รายโรงงาน", "Per-factory change per unit of product"),
    "samples_vs_limits": Text("ผลตรวจน้ำทิ้งเทียบค่ามาตรฐาน", "Effluent samples against the legal limits"),
    "exceedance": Text("เกินมาตรฐาน", "Exceeds limit"),
    "exceedances_all": Text(
        "ตัวอย่างที่เกินมาตรฐาน (ทุกพารามิเตอร์): {n} จาก {total} ตัวอย่าง", "Samples outside the limit (all parameters): {n} of {total}"
    ),
    "within": Text("อยู่ในเกณฑ์", "Within limit"),
    "limit": Text("ค่ามาตรฐาน", "Limit"),
    "checklist": Text("รายการเอกสารหลักฐานของตัวชี้วัดนี้", "Evidence checklist of this indicator"),
    "identity": Text("ข้อมูลทั่วไป", "Identity"),
    "certificates": Text("การรับรอง", "Certificates"),
    "practices": Text("มาตรการรายปี", "Practices by year"),
    "practices_after_closure": Text(
        "† ปี {years} บันทึกหลังสถานประกอบการเลิกกิจการ (พ.ศ. {closed}) แสดงตามที่รายงาน",
        "† {years}: recorded after the establishment closed (in {closed}); shown as reported",
    ),
    "reports": Text("รายงานประจำปี", "Annual reports"),
    "counts_toward": Text("ตัวชี้วัดที่สถานประกอบการนี้มีส่วน", "Indicators this establishment counts toward"),
    "valid": Text("ใช้ได้ในปีที่เลือก", "Valid in the chosen year"),
    "empty_db": Text(
        'ยังไม่มีข้อมูลในฐานข้อมูล: นำเข้าไฟล์ CSV ที่หน้า "นำเข้าข้อมูล CSV" โดยเริ่มจากตารางสถานประกอบการ (เลือกตารางในหน้านั้นเพื่อดาวน์โหลดไฟล์แม่แบบและไฟล์ตัวอย่าง)',
        'The database holds no data yet: upload CSV files on the "Upload CSV" page, starting with the establishments table (choose a table there to download its template and an example file)',
    ),
    "empty_db_ask": Text("ผู้วิเคราะห์ข้อมูลหรือผู้ดูแลระบบนำเข้าข้อมูลได้หลังเข้าสู่ระบบ", "An analyst or an admin can upload data after signing in"),
    "no_year_data": Text(
        "ไม่มีข้อมูลของปี {year} — นำเข้ารายงานประจำปี มาตรการ และผลสำรวจของปีนี้ แล้วตัวชี้วัดจะคำนวณได้",
        "No data for {year} — load that year's annual reports, practices and surveys and the indicators will compute",
    ),
    "not_found": Text("ไม่พบสถานประกอบการ {id}", "No establishment {id}"),
    "kind_factory": Text("โรงงาน", "Factory"),
    "kind_mine": Text("เหมือง", "Mine"),
    "water_per_unit": Text("น้ำใช้ (ลบ.ม./{unit})", "Water (m³/{unit})"),
    "wastewater_per_unit": Text("น้ำทิ้ง (ลบ.ม./{unit})", "Wastewater (m³/{unit})"),
    "waste_3r_pct": Text("อัตรา 3Rs (%)", "3R rate (%)"),
    "renewable_pct": Text("พลังงานทดแทน (%)", "Renewable share (%)"),
    "ghg_tco2e": Text("ก๊าซเรือนกระจก (ตัน CO₂e)", "GHG (tCO₂e)"),
    "split_controlled": Text("โรงงานควบคุม {a} แห่ง / ไม่ใช่โรงงานควบคุม {b} แห่ง", "controlled factories {a} / others {b}"),
    "split_mass": Text("จัดทำ Mass Balance {a} แห่ง / Symbiosis {b} แห่ง", "mass balance {a} / symbiosis {b} factories"),
    "subdistrict": Text("ตำบล", "Subdistrict"),
    "change_pct": Text("การเปลี่ยนแปลงต่อหน่วยผลิตภัณฑ์เทียบปีก่อน (%)", "Change per unit of product vs last year (%)"),
    "name": Text("ชื่อ", "Name"),
    "kind": Text("ประเภท", "Kind"),
    "none": Text("ไม่มี", "None"),
    "map_colour_by": Text("ระบายสีตามตัวชี้วัด", "Colour by indicator"),
    "map_tiles": Text("แผนที่พื้นหลัง OpenStreetMap (ต้องใช้อินเทอร์เน็ต)", "OpenStreetMap background (needs internet)"),
    "counts": Text("นับในตัวชี้วัด", "counts"),
    "does_not_count": Text("ไม่นับ", "does not count"),
    "not_in_indicator": Text("ไม่อยู่ในตัวชี้วัดนี้/ไม่มีข้อมูล", "not in this indicator / no data"),
    "legend": Text("คำอธิบายสัญลักษณ์", "Legend"),
    "legend_shapes": Text(
        "วงกลม = โรงงาน · สี่เหลี่ยม = เหมือง · วงกลมสีเทามีตัวเลข = หลายแห่งรวมกัน (ซูมเข้าเพื่อแยก) · สีพื้นตำบลตามผลของตัวชี้วัดที่เลือก",
        "circle = factory · square = mine · grey numbered bubble = several together (zoom in) · subdistrict fill = the chosen indicator's verdict",
    ),
    "profile_below_map": Text("ลิงก์ข้อมูลสถานประกอบการอยู่ใต้แผนที่", "The profile link appears below the map"),
    "click_marker": Text("คลิกจุดบนแผนที่เพื่อเปิดข้อมูลสถานประกอบการ", "Click a marker to open that establishment's profile"),
    "legend_fill": Text(
        "สีพื้นตำบล: เขียว = ผ่าน · แดง = ไม่ผ่าน · เทา = ไม่มีข้อมูล", "Subdistrict fill: green = pass · red = fail · grey = no data"
    ),
    "no_boundaries": Text(
        "ยังไม่มีขอบเขตตำบลในฐานข้อมูล แผนที่จึงแสดงเฉพาะจุดสถานประกอบการ เพิ่มขอบเขต (OCHA COD-AB) ด้วยคำสั่ง `python -m store boundaries --file ไฟล์.geojson` หรือ `--download` เมื่อมีอินเทอร์เน็ต",
        "No subdistrict boundaries in the database yet, so the map shows establishments only. Add them (OCHA COD-AB) with `python -m store boundaries --file FILE.geojson`, or `--download` where the internet is reachable",
    ),
    "location_check": Text(
        "ตรวจสอบพิกัด: สถานประกอบการที่พิกัดไม่อยู่ในตำบลที่แจ้ง", "Location check: establishments whose point is not in the subdistrict they claim"
    ),
    "location_ok": Text("พิกัดของทุกสถานประกอบการอยู่ในตำบลที่แจ้ง", "Every establishment's point lies in the subdistrict it claims"),
    "other_subdistrict": Text("อยู่ในอีกตำบลหนึ่ง", "inside the other subdistrict"),
    "outside": Text("อยู่นอกทั้งสองตำบล", "outside both subdistricts"),
    "no_coordinates": Text("ไม่มีพิกัด", "no coordinates"),
    "misplaced": Text("พิกัดไม่ตรงกับตำบลที่แจ้ง", "point not in the claimed subdistrict"),
    "attribution": Text(
        "ขอบเขตตำบล: © RTSD / OCHA, COD-AB Thailand ผ่าน HDX (CC BY-IGO)", "Boundaries: © RTSD / OCHA, COD-AB Thailand, via HDX (CC BY-IGO)"
    ),
    "profile_link": Text("เปิดข้อมูลสถานประกอบการ", "Open profile"),
    "page_signin": Text("เข้าสู่ระบบ", "Sign in"),
    "sign_in_staff": Text("เข้าสู่ระบบ (เจ้าหน้าที่)", "Sign in (staff)"),
    "page_account": Text("บัญชีของฉัน", "My account"),
    "page_upload": Text("นำเข้าข้อมูล CSV", "Upload CSV"),
    "page_batches": Text("ประวัติการนำเข้า", "Batch history"),
    "page_checklists": Text("รายการหลักฐานและแผนงาน", "Checklists"),
    "page_criteria": Text("เกณฑ์ตัวชี้วัด", "Criteria"),
    "page_accounts": Text("ผู้ใช้และสิทธิ์", "Accounts"),
    "page_publish": Text("เผยแพร่หน้าเว็บสาธารณะ", "Public site"),
    "section_dashboard": Text("แดชบอร์ด", "Dashboard"),
    "section_desk": Text("งานข้อมูล", "Data desk"),
    "section_admin": Text("ผู้ดูแลระบบ", "Administration"),
    "username": Text("ชื่อผู้ใช้", "Username"),
    "password": Text("รหัสผ่าน", "Password"),
    "sign_in": Text("เข้าสู่ระบบ", "Sign in"),
    "sign_out": Text("ออกจากระบบ", "Sign out"),
    "signed_in_as": Text("เข้าสู่ระบบในชื่อ {user} ({role})", "Signed in as {user} ({role})"),
    "bad_credentials": Text("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง", "Wrong username or password"),
    "signin_needed": Text(
        "กรุณาเข้าสู่ระบบเพื่อดูแดชบอร์ด (ผู้ดูแลระบบเปิดให้ดูโดยไม่ต้องเข้าสู่ระบบได้)",
        "Please sign in to see the dashboard (an admin can open reading without sign-in)",
    ),
    "must_change": Text("กรุณาเปลี่ยนรหัสผ่านชั่วคราวก่อนใช้งาน", "Please replace your one-time password before going on"),
    "old_password": Text("รหัสผ่านปัจจุบัน", "Current password"),
    "new_password": Text("รหัสผ่านใหม่ (อย่างน้อย 10 ตัวอักษร)", "New password (at least 10 characters)"),
    "change_password": Text("เปลี่ยนรหัสผ่าน", "Change password"),
    "password_changed": Text("เปลี่ยนรหัสผ่านแล้ว", "Password changed"),
    "not_allowed": Text("บทบาทของคุณไม่มีสิทธิ์ใช้หน้านี้", "Your role may not use this page"),
    "role_committee": Text("คณะกรรมการ (ดูอย่างเดียว)", "committee (read)"),
    "role_analyst": Text("นักวิเคราะห์ (นำเข้าข้อมูล แก้ไขรายการหลักฐาน)", "analyst (upload, checklists)"),
    "role_admin": Text("ผู้ดูแลระบบ", "admin"),
    "choose_table": Text("ตารางปลายทาง", "Target table"),
    "detect_table": Text("ตรวจจากหัวตารางอัตโนมัติ", "Detect from the header"),
    "download_template": Text("ดาวน์โหลดแม่แบบว่าง", "Download empty template"),
    "download_example": Text("ดาวน์โหลดตัวอย่าง (ข้อมูลสาธิต)", "Download example (demo rows)"),
    "column_guide": Text("คำอธิบายคอลัมน์", "Column guide"),
    "upload_file": Text("เลือกไฟล์ CSV (UTF-8, UTF-8 BOM หรือ TIS-620)", "Choose a CSV file (UTF-8, UTF-8 with BOM or TIS-620)"),
    "table_not_detected": Text(
        "ตรวจไม่พบว่าไฟล์นี้เป็นตารางใด: หัวตารางไม่ตรงกับแม่แบบใด กรุณาเลือกตารางเอง",
        "Could not tell which table this file is for: its header matches no template. Choose the table.",
    ),
    "detected_as": Text("ตรวจพบว่าเป็นตาราง: {table}", "Detected table: {table}"),
    "file_summary": Text(
        "{rows} แถว · การเข้ารหัส {encoding} · แปลงปี พ.ศ. เป็น ค.ศ. {be} ค่า",
        "{rows} rows · encoding {encoding} · {be} Buddhist-era year(s) converted to CE",
    ),
    "problems_found": Text(
        "พบปัญหา {n} รายการ — ยังไม่มีการบันทึกข้อมูลใด ๆ แก้ไขไฟล์แล้วอัปโหลดใหม่",
        "{n} problem(s) found — nothing has been written. Fix the file and upload it again.",
    ),
    "download_report": Text("ดาวน์โหลดรายงานปัญหา (CSV)", "Download the problem report (CSV)"),
    "ready_to_load": Text("ไฟล์ผ่านการตรวจสอบ พร้อมนำเข้าเป็นหนึ่งชุด (batch)", "The file passed every check and is ready to load as one batch"),
    "confirm_load": Text("ยืนยันนำเข้า", "Confirm and load"),
    "loading": Text("กำลังนำเข้า…", "Loading…"),
    "loaded": Text(
        "นำเข้าแล้ว: ชุดที่ {batch} — เพิ่มใหม่ {inserted} แถว แทนที่ {replaced} แถว",
        "Loaded as batch {batch}: {inserted} rows inserted, {replaced} replaced",
    ),
    "already_loaded": Text("ไฟล์นี้นำเข้าแล้วในชุดที่ {batch}", "This file was already loaded as batch {batch}"),
    "tables_status": Text("สิ่งที่นำเข้าแล้ว และลำดับการนำเข้า", "What is loaded, and the order to load"),
    "load_order_help": Text(
        "นำเข้าตามลำดับในตาราง: สถานประกอบการก่อน เพราะรายงานประจำปี การรับรอง มาตรการ และผลตรวจน้ำทิ้งอ้างถึงเลขทะเบียนโรงงาน"
        " ตารางอื่นนำเข้าเมื่อใดก็ได้ แผนปฏิบัติการและรายการหลักฐานมีชุดตั้งต้นมาให้แล้ว",
        "Load in the order shown: establishments first, since annual reports, certifications, practices and effluent"
        " samples refer to their factory_id. The other tables may come at any time; the action plan and the evidence"
        " checklist start from the shipped seed.",
    ),
    "status_load_order": Text("ลำดับ", "Order"),
    "status_table_name": Text("ตาราง", "Table"),
    "status_table_rows": Text("จำนวนแถวตอนนี้", "Rows now"),
    "status_last_batch": Text("ชุดล่าสุด", "Last batch"),
    "status_loaded_by": Text("ผู้นำเข้า", "By"),
    "status_loaded_at": Text("เวลา", "When"),
    "status_is_demo": Text("ข้อมูลสาธิต", "Demo"),
    "status_needs": Text("ต้องมีก่อน", "Needs first"),
    "column_rules": Text("เงื่อนไขของค่า", "Rules"),
    "rule_between": Text("{low} ถึง {high}", "{low} to {high}"),
    "rule_at_least": Text("≥ {low}", "≥ {low}"),
    "rule_more_than": Text("> {low}", "> {low}"),
    "rule_whole": Text("จำนวนเต็ม", "a whole number"),
    "rule_year": Text("ปี ค.ศ. หรือ พ.ศ. (ตั้งแต่ 2400 ถือเป็น พ.ศ. แปลงเป็น ค.ศ. ให้)", "a CE or BE year (2400 and above is BE, converted)"),
    "rule_date": Text("วันที่ YYYY-MM-DD หรือ D/M/YYYY (ปี พ.ศ. แปลงเป็น ค.ศ. ให้)", "a date, YYYY-MM-DD or D/M/YYYY (a BE year is converted)"),
    "rule_unit": Text("หน่วย {unit}", "unit: {unit}"),
    "unit_m3": Text("ลูกบาศก์เมตร (ลบ.ม.)", "m³"),
    "unit_m2": Text("ตารางเมตร (ตร.ม.)", "m²"),
    "unit_t": Text("ตัน", "tonnes (t)"),
    "unit_gj": Text("กิกะจูล (GJ)", "GJ"),
    "unit_thb": Text("บาท", "THB"),
    "unit_tco2e": Text("ตันคาร์บอนไดออกไซด์เทียบเท่า (tCO2e)", "tCO2e"),
    "rule_closed_after_registered": Text("ไม่ก่อนปีที่จดทะเบียน", "not before registered_year"),
    "rule_3r_le_generated": Text("ไม่เกิน waste_generated_t", "at most waste_generated_t"),
    "rule_renewable_le_total": Text("ไม่เกิน energy_total_gj", "at most energy_total_gj"),
    "rule_per_unit": Text("ต่อหน่วยผลิตภัณฑ์ (production_unit)", "per unit of product (production_unit)"),
    "rule_gi_level": Text("ต้องระบุเมื่อ scheme เป็น GI", "required when the scheme is GI"),
    "rule_expires_after_issued": Text("ไม่ก่อนวันที่ได้รับ (issued_on)", "not before issued_on"),
    "rule_ph_range": Text("pH ต้องอยู่ระหว่าง 0 ถึง 14", "pH must be 0 to 14"),
    "rule_unit_standard": Text("ต้องตรงกับหน่วยของมาตรฐานพารามิเตอร์ (mg/L; pH)", "must match the parameter's standard unit (mg/L; pH)"),
    "preview_calendar": Text(
        "ปีและวันที่แสดงเป็น พ.ศ. ตามหน้าจออื่น ๆ (ในฐานข้อมูลเก็บเป็น ค.ศ.)",
        "Years and dates in CE, as stored (the Thai screens show them in BE)",
    ),
    "example_as_demo": Text(
        "ไฟล์นี้คือไฟล์ตัวอย่าง จะนำเข้าเป็นข้อมูลสาธิต (มีป้ายข้อมูลสาธิตทุกหน้า) ไม่ใช่ข้อมูลจริง",
        "This file is the example: it loads as demo data (labelled as demo on every page), not as real data",
    ),
    "loaded_as_demo": Text(
        "นำเข้าเป็นข้อมูลสาธิต: ทุกหน้าแสดงป้ายข้อมูลสาธิต ยกเลิกได้ที่หน้าประวัติการนำเข้า",
        "Loaded as demo data: every page shows the demo label; roll it back on the Batch history page",
    ),
    "reupload_summary": Text(
        "เทียบกับข้อมูลเดิม: เพิ่มใหม่ {added} แถว เปลี่ยนแปลง {changed} แถว เหมือนเดิม {same} แถว ไม่อยู่ในไฟล์นี้ {missing} แถว",
        "Against what was there: {added} added, {changed} changed, {same} unchanged, {missing} not in this file",
    ),
    "reupload_missing_help": Text(
        "แถวที่ไม่อยู่ในไฟล์นี้ยังอยู่ในฐานข้อมูล (การนำเข้าไม่ลบแถวใด) ถ้าต้องการลบ ให้ยกเลิกชุดเดิมที่หน้าประวัติการนำเข้า",
        "Rows not in this file stay in the database (a load deletes nothing); to remove them, roll back the earlier batch",
    ),
    "change_added": Text("เพิ่มใหม่", "added"),
    "change_changed": Text("เปลี่ยนแปลง", "changed"),
    "change_not_in_file": Text("ไม่อยู่ในไฟล์นี้ (ยังอยู่ในฐานข้อมูล)", "not in this file (kept)"),
    "changes_cut": Text("รายการเปลี่ยนแปลงแสดงและดาวน์โหลดได้ {n:,} แถวแรก", "The list of changes shows and downloads its first {n:,} rows"),
    "page_quality": Text("คุณภาพข้อมูล", "Data quality"),
    "quality_intro": Text(
        "รายการเหล่านี้แสดงไว้ข้างตัวเลข ไม่เปลี่ยนค่าตัวชี้วัดใด: ตรวจและแก้ที่แหล่งข้อมูล แล้วนำเข้าใหม่",
        "These lists sit beside the numbers and change none of them: check the source, fix it and upload again",
    ),
    "quality_coverage": Text("ความครอบคลุมของแต่ละตัวชี้วัด", "Coverage of each indicator"),
    "quality_missing": Text("รายงานประจำปีที่ขาด ({n})", "Missing annual reports ({n})"),
    "quality_implausible": Text("ค่าที่ควรตรวจสอบ ({n})", "Implausible values ({n})"),
    "quality_after_closure": Text("ข้อมูลหลังเลิกกิจการ ({n})", "Rows after a closure ({n})"),
    "quality_certificates": Text("ใบรับรองที่ใช้ได้", "Valid certificates"),
    "quality_rows": Text("{n:,} แถว", "{n:,} row(s)"),
    "quality_none": Text("ไม่พบรายการ", "Nothing found"),
    "quality_none_missing": Text("ทุกโรงงานส่งรายงานครบทุกปี", "Every factory reported in every year"),
    "quality_coverage_help": Text(
        "ค่าของแต่ละตัวชี้วัดในปีและพื้นที่ที่เลือก มาจากสถานประกอบการ (ผู้ตอบ รายการ) ที่รายงานกี่รายจากที่ควรมี",
        "For the chosen year and area: how many establishments (respondents, items) each value rests on, of those expected",
    ),
    "quality_missing_help": Text(
        "โรงงานที่อยู่ในประชากรของปีนั้น (จดทะเบียนแล้ว ยังไม่เลิกกิจการ) แต่ไม่มีรายงานประจำปี ทุกปีที่มีรายงาน",
        "Factories in a year's population (registered, not closed) without that year's annual report, for every year with reports",
    ),
    "quality_implausible_help": Text(
        "ค่าต่อหน่วยผลิตภัณฑ์ที่สูงหรือต่ำกว่ามัธยฐานของประเภทอุตสาหกรรมเดียวกัน (หน่วยผลิตภัณฑ์และปีเดียวกัน อย่างน้อย {peers} ราย)"
        " {far} เท่าขึ้นไป และค่าที่เปลี่ยนจากปีก่อนของโรงงานเอง {jump} เท่าขึ้นไป อาจถูกต้องก็ได้ ควรตรวจกับแหล่งข้อมูล",
        "A value per unit of product {far} times above or below its industry's median (same unit and year, at least"
        " {peers} establishments), or a value {jump} times above or below the establishment's own of the year before."
        " It may be right: check it at the source.",
    ),
    "quality_after_closure_help": Text(
        "รายงาน มาตรการ ผลตรวจน้ำทิ้ง และใบรับรองที่ลงปีตั้งแต่ปีที่เลิกกิจการ ตัวชี้วัดไม่นับโรงงานตั้งแต่ปีที่เลิก แถวเหล่านี้จึงไม่ถูกนับ: ปีที่เลิกกิจการหรือแถวนั้นอาจผิด",
        "Reports, practices, samples and certificates dated in or after the year the establishment closed. The"
        " indicators leave it out from that year, so these rows count toward nothing: the closed_year or the row may be wrong.",
    ),
    "check_far_from_median": Text("ห่างจากมัธยฐานของอุตสาหกรรม", "far from the industry median"),
    "check_jump": Text("เปลี่ยนจากปีก่อนหลายเท่า", "jump from the year before"),
    "measure_production_qty": Text("ปริมาณการผลิต", "Production"),
    "measure_water_use_m3": Text("น้ำใช้ (ลบ.ม.)", "Water use (m³)"),
    "measure_wastewater_m3": Text("น้ำทิ้ง (ลบ.ม.)", "Wastewater (m³)"),
    "measure_energy_total_gj": Text("พลังงาน (GJ)", "Energy (GJ)"),
    "measure_ghg_tco2e": Text("ก๊าซเรือนกระจก (tCO2e)", "GHG (tCO2e)"),
    "measure_water_use_m3_per_unit": Text("น้ำใช้ต่อหน่วยผลิตภัณฑ์", "Water use per unit of product"),
    "measure_wastewater_m3_per_unit": Text("น้ำทิ้งต่อหน่วยผลิตภัณฑ์", "Wastewater per unit of product"),
    "measure_energy_total_gj_per_unit": Text("พลังงานต่อหน่วยผลิตภัณฑ์", "Energy per unit of product"),
    "measure_ghg_tco2e_per_unit": Text("ก๊าซเรือนกระจกต่อหน่วยผลิตภัณฑ์", "GHG per unit of product"),
    "valid_certificate_rule": Text(
        "ใบรับรองที่ใช้ได้ในปี: ได้รับในปีนั้นหรือก่อนหน้า และไม่มีวันหมดอายุ หรือหมดอายุในปีนั้นหรือหลังจากนั้น (เทียบเป็นปี ตามข้อกำหนด §3)"
        " ใช้กฎเดียวกันทั้งตัวชี้วัด การค้นหา และการสำรวจข้อมูล ไม่ขึ้นกับการเลิกกิจการ (ตัวชี้วัดไม่นับโรงงานที่เลิกกิจการแล้วอยู่แล้ว)",
        "A certificate is valid in a year when issued in or before it and with no expiry date or one in or after it"
        " (years compared; SPEC §3). The indicators, search and the explorer use this one rule; closure does not enter"
        " it (the indicators leave closed factories out anyway).",
    ),
    "quality_certificate_counts": Text(
        "สถานประกอบการที่มีใบรับรองใช้ได้ในปี {year} แยกตามประเภท", "Establishments with a valid certificate in {year}, by scheme"
    ),
    "preview": Text("ตัวอย่างข้อมูลหลังแปลง", "Preview after conversion"),
    "rollback": Text("ยกเลิกการนำเข้า", "Roll back"),
    "rollback_choose": Text("เลือกชุดที่จะยกเลิก", "Batch to roll back"),
    "rollback_confirm": Text(
        "ยืนยันการยกเลิกชุดที่ {batch}? ข้อมูลที่ชุดนี้เพิ่มจะถูกลบ และข้อมูลที่ถูกแทนที่จะกลับคืน",
        "Roll back batch {batch}? Rows it inserted are deleted and rows it replaced are restored.",
    ),
    "rollback_done": Text(
        "ยกเลิกชุดที่ {batch} แล้ว: ลบ {deleted} แถว คืนค่า {restored} แถว",
        "Batch {batch} rolled back: {deleted} rows deleted, {restored} restored",
    ),
    "rollback_none": Text(
        "ไม่มีชุดที่คุณยกเลิกได้ (นักวิเคราะห์ยกเลิกได้เฉพาะชุดที่ตนนำเข้า)", "No batch you may roll back (analysts may roll back their own batches)"
    ),
    "cancel": Text("ยกเลิก", "Cancel"),
    "unsaved": Text(
        "มีการแก้ไขที่ยังไม่บันทึก {n} ช่อง — กด บันทึก ก่อนออกจากหน้านี้ มิฉะนั้นการแก้ไขจะหายไป",
        "{n} unsaved change(s) — press Save before leaving this page, or they are lost",
    ),
    "rollback_do": Text("ยืนยัน ย้อนการนำเข้าชุดนี้", "Yes, roll it back"),
    "rollback_keep": Text("ไม่ เก็บไว้ตามเดิม", "No, keep it"),
    "original_files": Text("ไฟล์ต้นฉบับของแต่ละชุด", "The original file of a batch"),
    "choose_batch": Text("เลือกชุดข้อมูล", "Choose a batch"),
    "original_not_kept": Text(
        "ชุดนี้นำเข้าก่อนที่ระบบจะเก็บไฟล์ต้นฉบับ จึงไม่มีไฟล์ให้ดาวน์โหลด",
        "This batch was loaded before original files were kept; there is no file to download.",
    ),
    "download_original": Text("ดาวน์โหลดไฟล์ต้นฉบับ (ตามที่อัปโหลด)", "Download the original file (as uploaded)"),
    "tables_now": Text("ข้อมูลปัจจุบันของแต่ละตาราง (สำหรับแก้ไขใน Excel)", "Each table as it is now (to fix in Excel)"),
    "batch_loaded": Text("นำเข้าแล้ว", "loaded"),
    "batch_rolled_back": Text("ยกเลิกแล้ว", "rolled back"),
    "demo_short": Text("สาธิต", "demo"),
    "confirm": Text("ยืนยัน", "Confirm"),
    "save": Text("บันทึก", "Save"),
    "saved_cells": Text("บันทึกแล้ว {n} ช่อง", "Saved {n} changed cell(s)"),
    "nothing_changed": Text("ไม่มีการเปลี่ยนแปลง", "Nothing changed"),
    "edit_history": Text("ประวัติการแก้ไข", "Edit history"),
    # Shared edits of the plan and the checklist (issue 28): one year everywhere, stale saves, history, fiscal years.
    "fy_of_sidebar": Text(
        "ปีงบประมาณ {fy} ({start} – {end}) ตามปี {year} ที่เลือกในแถบด้านข้าง",
        "Fiscal year {fy} ({start} – {end}), from the year {year} chosen in the sidebar",
    ),
    "fy_not_sidebar": Text(
        "แสดงปีงบประมาณ {fy} ({start} – {end}) ซึ่งไม่ใช่ปีที่เลือกในแถบด้านข้าง ({year})",
        "Showing fiscal year {fy} ({start} – {end}), not the year chosen in the sidebar ({year})",
    ),
    "fy_back_to_sidebar": Text("กลับไปตามปีในแถบด้านข้าง", "Back to the sidebar's year"),
    "plan_none_for_fy": Text(
        "ปีงบประมาณ {fy} ยังไม่มีแผนปฏิบัติการ (ปีที่มีแผน: {years}) นักวิเคราะห์นำเข้าไฟล์แผนปฏิบัติการได้ที่หน้า นำเข้าข้อมูล CSV "
        "หรือเริ่มจากสำเนาของปีอื่นด้านล่าง หรือเลือกปีอื่นในแถบด้านข้าง",
        "Fiscal year {fy} has no action plan yet (years with a plan: {years}). An analyst uploads an activities file on "
        "the Upload page or starts it from a copy of another year below; or choose another year in the sidebar.",
    ),
    "evidence_none_for_fy": Text(
        "ปีงบประมาณ {fy} และปีก่อนหน้ายังไม่มีรายการหลักฐาน (ปีที่มี: {years}) นักวิเคราะห์นำเข้าไฟล์ evidence ได้ที่หน้า นำเข้าข้อมูล CSV หรือเลือกปีอื่นในแถบด้านข้าง",
        "Neither fiscal year {fy} nor an earlier one has an evidence checklist (years with one: {years}). An analyst "
        "uploads an evidence file on the Upload page; or choose another year in the sidebar.",
    ),
    "evidence_fallback": Text(
        "ปีงบประมาณ {fy} ยังไม่มีรายการหลักฐานของตนเอง จึงใช้ของปีงบประมาณ {used} เช่นเดียวกับตัวชี้วัด 18.1.1 ในหน้าภาพรวม",
        "Fiscal year {fy} has no evidence checklist of its own, so fiscal year {used}'s is used, as indicator 18.1.1 on the scorecard does",
    ),
    "years_none": Text("ไม่มี", "none"),
    "copy_confirm": Text(
        "จะสร้างปีงบประมาณ {target}: คัดลอก {n} รายการจากปีงบประมาณ {source} ยืนยันหรือไม่",
        "This creates fiscal year {target}: {n} row(s) copied from fiscal year {source}. Go ahead?",
    ),
    "copy_yes": Text("ยืนยัน สร้างปีงบประมาณ {fy}", "Yes, create fiscal year {fy}"),
    "remove_year": Text("ลบปีงบประมาณ {fy}", "Remove fiscal year {fy}"),
    "remove_year_help": Text(
        "ปีที่เริ่มจากสำเนาลบได้ตราบที่ยังไม่มีผู้ใดแก้ไข ผู้ดูแลระบบลบได้ทุกปี ทุกการลบบันทึกในประวัติการแก้ไข",
        "A year started from a copy can be removed while nobody has edited it; an admin can remove any year. "
        "Every removal is recorded in the edit history.",
    ),
    "remove_confirm": Text("จะลบ {n} รายการของปีงบประมาณ {fy} ยืนยันหรือไม่", "This removes fiscal year {fy}'s {n} row(s). Go ahead?"),
    "remove_yes": Text("ยืนยัน ลบปีงบประมาณ {fy}", "Yes, remove fiscal year {fy}"),
    "removed_year": Text("ลบปีงบประมาณ {fy} แล้ว ({n} รายการ)", "Fiscal year {fy} removed ({n} rows)"),
    "conflict_title": Text(
        "{n} แถวไม่ได้บันทึก เพราะมีผู้อื่นแก้ไขหลังจากที่คุณเปิดหน้านี้:",
        "{n} row(s) not saved: someone changed them after you opened this page:",
    ),
    "conflict_row": Text(
        "{item}: {who} แก้ไขเมื่อ {when}: {theirs} (ของคุณ: {mine})", "{item}: changed by {who} at {when}: {theirs} (yours: {mine})"
    ),
    "conflict_reload": Text("โหลดข้อมูลล่าสุด (ทิ้งการแก้ไขของฉันในแถวเหล่านี้)", "Reload the latest (drop my edits of these rows)"),
    "conflict_keep": Text("บันทึกของฉันทับ (บันทึกในประวัติว่าเขียนทับ)", "Keep mine (saved over theirs, recorded as such)"),
    "someone": Text("ผู้อื่น", "someone"),
    "history_item": Text("รายการ", "Item"),
    "history_all": Text("ทุกรายการ", "Every item"),
    "history_none": Text("ยังไม่มีการแก้ไขในปีงบประมาณนี้", "No changes recorded in this fiscal year yet"),
    "history_whole_year": Text("ทั้งปี", "whole year"),
    "kind_edit": Text("แก้ไข", "edit"),
    "kind_keep_mine": Text("บันทึกทับฉบับที่ใหม่กว่า", "kept mine over a newer version"),
    "kind_copy_year": Text("เริ่มปีจากสำเนา", "year started from a copy"),
    "kind_remove_year": Text("ลบปีงบประมาณ", "year removed"),
    "kind_rollback_keep": Text("ยกเลิกชุดข้อมูล เก็บการแก้ไข", "batch rolled back, edit kept"),
    "kind_rollback_revert": Text("ยกเลิกชุดข้อมูล ย้อนการแก้ไข", "batch rolled back, edit reverted"),
    "unsaved_leave": Text(
        "มีการแก้ไขที่ยังไม่บันทึก {n} ช่อง ถ้าออกจากหน้านี้การแก้ไขจะหายไป ออกจากหน้านี้หรือไม่",
        "{n} unsaved change(s) will be lost if you leave this page. Leave anyway?",
    ),
    "date_be_help": Text("วัน/เดือน/ปี พ.ศ. เช่น 15/1/2567", "day/month/year, e.g. 15/1/2024"),
    "rollback_edits_found": Text(
        "หลังนำเข้าชุดนี้ มีการแก้ไขรายการ {n} ช่อง: {detail}", "{n} checklist cell(s) were edited after this batch: {detail}"
    ),
    "rollback_keep_edits": Text("ยกเลิกชุดนี้ โดยเก็บการแก้ไขไว้", "Roll back, keeping those edits"),
    "rollback_revert_edits": Text("ยกเลิกชุดนี้ และย้อนการแก้ไขไปด้วย", "Roll back and revert those edits"),
    "rollback_edits_note": Text(
        "การแก้ไขรายการที่ชุดนี้เพิ่มเข้ามาจะหายไปพร้อมรายการนั้น ทุกช่องบันทึกในประวัติการแก้ไข",
        "Edits of items this batch added go with those items; every cell is recorded in the edit history.",
    ),
    "item_no_short": Text("ข้อ {n}", "item {n}"),
    "rollback_done_edits": Text(
        "ย้อนการนำเข้าชุดที่ {batch} แล้ว: ลบ {deleted} แถว คืน {restored} แถว เก็บการแก้ไข {kept} ช่อง ย้อนการแก้ไข {reverted} ช่อง",
        "Batch {batch} rolled back: {deleted} rows deleted, {restored} restored; {kept} edit(s) kept, {reverted} reverted",
    ),
    "evidence_tab": Text("เอกสารหลักฐาน", "Evidence"),
    "activities_tab": Text("กิจกรรมตามแผน", "Activities"),
    "reason_required": Text("เหตุผลของการเปลี่ยนแปลง (จำเป็น)", "Reason for the change (required)"),
    "criteria_saved": Text("บันทึกเกณฑ์แล้ว {n} ตัวชี้วัด", "Saved {n} criterion change(s)"),
    "criteria_caption": Text("ประเมินตามเกณฑ์ฉบับ {version}", "Scored under criteria version {version}"),
    "criteria_versions": Text("ฉบับของเกณฑ์และปีที่ใช้", "Criteria versions and the years they apply to"),
    "criteria_version": Text("เกณฑ์ฉบับ", "Criteria version"),
    "criteria_edit_version": Text("ฉบับที่จะแก้ไขค่าเกณฑ์", "Version whose thresholds to edit"),
    "criteria_import": Text("นำเข้าเกณฑ์ฉบับใหม่ (ไฟล์ CSV)", "Import a criteria version (CSV file)"),
    "criteria_import_help": Text(
        "ดาวน์โหลดฉบับปัจจุบันเป็นแม่แบบ แก้ใน Excel (หนึ่งแถวต่อหนึ่งตัวชี้วัด) แล้วนำเข้าด้วยชื่อใหม่ เช่น diw-2565",
        "Download the current version as a template, edit it in Excel (one row per indicator), then import it under a new name such as diw-2565",
    ),
    "criteria_new_name": Text("ชื่อฉบับ", "Version name"),
    "criteria_imported": Text("นำเข้าเกณฑ์ฉบับ {version} แล้ว {n} ตัวชี้วัด", "Imported criteria version {version}: {n} indicators"),
    "criteria_apply": Text("ใช้เกณฑ์ฉบับนี้ตั้งแต่ปี", "Apply a version from a year"),
    "criteria_applied": Text("เกณฑ์ฉบับ {version} ใช้ตั้งแต่ปี {year} เป็นต้นไป", "Criteria version {version} applies from {year} on"),
    "criteria_download": Text("ดาวน์โหลดฉบับนี้ (CSV)", "Download this version (CSV)"),
    "criteria_compare": Text("เปรียบเทียบผลตามเกณฑ์สองฉบับ", "Compare the scorecard under two versions"),
    "criteria_compare_with": Text("เทียบกับเกณฑ์ฉบับ", "Compare with version"),
    "criteria_applies": Text("ใช้กับปี", "Applies to"),
    "imported_by": Text("ผู้นำเข้า", "Imported by"),
    "imported_at": Text("เวลานำเข้า", "Imported at"),
    "criterion": Text("เกณฑ์", "Criterion"),
    "criteria_indicators": Text("จำนวนตัวชี้วัด", "Indicators"),
    "criteria_in_use": Text("เกณฑ์ที่ใช้กับปีนี้ ({version})", "version for this year ({version})"),
    "criteria_under": Text("เมื่อใช้เกณฑ์ {version}", "if {version} applied"),
    "add_user": Text("เพิ่มผู้ใช้", "Add a user"),
    "role": Text("บทบาท", "Role"),
    "one_time_password": Text(
        "รหัสผ่านชั่วคราวของ {user}: `{password}` — แจ้งผู้ใช้ครั้งเดียว ระบบจะไม่แสดงอีก",
        "One-time password for {user}: `{password}` — give it to them now; it is not shown again",
    ),
    "reset_password": Text("ตั้งรหัสผ่านชั่วคราวใหม่", "Issue a new one-time password"),
    "public_read": Text("เปิดให้ดูแดชบอร์ดโดยไม่ต้องเข้าสู่ระบบ", "Open the dashboard for reading without sign-in"),
    "active": Text("ใช้งานได้", "Active"),
}

COLUMNS: dict[str, Text] = {
    "entity_id": Text("รหัส", "ID"),
    "name": Text("ชื่อ", "Name"),
    "name_th": Text("ชื่อ (ภาษาไทย)", "Name (Thai)"),
    "name_en": Text("ชื่อ (ภาษาอังกฤษ)", "Name (English)"),
    "title_th": Text("ชื่อกิจกรรม (ภาษาไทย)", "Title (Thai)"),
    "title_en": Text("ชื่อกิจกรรม (ภาษาอังกฤษ)", "Title (English)"),
    "subdistrict_code": Text("ตำบล", "Subdistrict"),
    "kind": Text("ประเภท", "Kind"),
    "counted": Text("นับเป็นผลงาน", "Counted"),
    "in_denominator": Text("อยู่ในตัวหาร", "In denominator"),
    "reason": Text("เหตุผล", "Why"),
    "detail": Text("รายละเอียด", "Detail"),
    "change_pct": Text("เปลี่ยนแปลง (%)", "Change (%)"),
    "intensity": Text("ค่าปีนี้ต่อหน่วย", "This year per unit"),
    "previous": Text("ค่าปีก่อนต่อหน่วย", "Last year per unit"),
    "target": Text("เป้าหมาย", "Target"),
    "samples": Text("จำนวนตัวอย่าง", "Samples"),
    "exceedances": Text("เกินมาตรฐาน", "Exceedances"),
    "item_no": Text("ลำดับ", "No."),
    "description_th": Text("รายการ (ภาษาไทย)", "Item (Thai)"),
    "description_en": Text("รายการ (ภาษาอังกฤษ)", "Item (English)"),
    "responsible": Text("ผู้รับผิดชอบ", "Responsible"),
    "status": Text("สถานะ", "Status"),
    "reference": Text("ที่อยู่เอกสาร", "Reference"),
    "code": Text("รหัส", "Code"),
    "scheme": Text("การรับรอง", "Scheme"),
    "level": Text("ระดับ", "Level"),
    "issued_on": Text("วันที่ได้รับ", "Issued"),
    "expires_on": Text("วันหมดอายุ", "Expires"),
    "valid_in_year": Text("ใช้ได้ในปีที่เลือก", "Valid in the chosen year"),
    "practice": Text("มาตรการ", "Practice"),
    "year": Text("ปี", "Year"),
    "year_calendar": Text("ปี พ.ศ. (ปีปฏิทิน)", "Year (calendar, CE)"),
    "factory_id": Text("เลขทะเบียน", "Registration no."),
    "batch_id": Text("ชุดที่", "Batch"),
    "table_name": Text("ตาราง", "Table"),
    "file_name": Text("ไฟล์", "File"),
    "sha256": Text("SHA-256", "SHA-256"),
    "rows_in_file": Text("แถวในไฟล์", "Rows"),
    "rows_inserted": Text("เพิ่มใหม่", "Inserted"),
    "rows_replaced": Text("แทนที่", "Replaced"),
    "loaded_by": Text("ผู้นำเข้า", "Loaded by"),
    "loaded_at": Text("เวลา", "When"),
    "rolled_back_by": Text("ผู้ยกเลิก", "Rolled back by"),
    "rolled_back_at": Text("เวลาที่ยกเลิก", "Rolled back at"),
    "is_demo": Text("ข้อมูลสาธิต", "Demo"),
    "row": Text("แถว", "Row"),
    "column": Text("คอลัมน์", "Column"),
    "value": Text("ค่า", "Value"),
    "rule": Text("กฎ", "Rule"),
    "message": Text("ปัญหา", "Problem"),
    "key": Text("คีย์", "Key"),
    "required": Text("ต้องระบุ", "Required"),
    "allowed": Text("ค่าที่ใช้ได้", "Allowed values"),
    "description": Text("คำอธิบาย", "Description"),
    "item": Text("รายการเอกสาร", "Evidence item"),
    "activity_id": Text("ลำดับ", "No."),
    "title": Text("กิจกรรม", "Activity"),
    "indicator_code": Text("ตัวชี้วัด", "Indicator"),
    "planned_start": Text("เริ่มตามแผน", "Planned start"),
    "planned_end": Text("สิ้นสุดตามแผน", "Planned end"),
    "done_on": Text("วันที่แล้วเสร็จ", "Done on"),
    "participants": Text("ผู้เข้าร่วม", "Participants"),
    "target_participants": Text("เป้าหมายผู้เข้าร่วม", "Target"),
    "participation": Text("ผู้เข้าร่วม/เป้าหมาย", "Participants / target"),
    "planned_period": Text("ช่วงเวลาตามแผน", "Planned period"),
    "progress": Text("ความคืบหน้า", "Progress"),
    "fiscal_year": Text("ปีงบประมาณ", "Fiscal year"),
    "ready": Text("พร้อม", "Ready"),
    "in_progress": Text("กำลังดำเนินการ", "In progress"),
    "missing": Text("ยังไม่มี", "Missing"),
    "total": Text("ทั้งหมด", "Total"),
    "pct": Text("พร้อม (%)", "Ready (%)"),
    "indicator_name": Text("ชื่อตัวชี้วัด", "Indicator name"),
    "production_qty": Text("ปริมาณการผลิต", "Production"),
    "production_unit": Text("หน่วยผลิตภัณฑ์", "Unit of product"),
    "water_use_m3": Text("น้ำใช้ (ลบ.ม.)", "Water use (m³)"),
    "wastewater_m3": Text("น้ำทิ้ง (ลบ.ม.)", "Wastewater (m³)"),
    "water_per_unit": Text("น้ำใช้ต่อหน่วย (ลบ.ม.)", "Water per unit (m³)"),
    "wastewater_per_unit": Text("น้ำทิ้งต่อหน่วย (ลบ.ม.)", "Wastewater per unit (m³)"),
    "water_intensity_target": Text("เป้าหมายน้ำใช้ต่อหน่วย", "Water target per unit"),
    "wastewater_intensity_target": Text("เป้าหมายน้ำทิ้งต่อหน่วย", "Wastewater target per unit"),
    "waste_3r_pct": Text("อัตรา 3Rs (%)", "3R rate (%)"),
    "renewable_pct": Text("พลังงานทดแทน (%)", "Renewable share (%)"),
    "ghg_tco2e": Text("ก๊าซเรือนกระจก (ตัน CO₂ เทียบเท่า)", "GHG (tCO₂e)"),
    "investment_thb": Text("เงินลงทุน (บาท)", "Investment (THB)"),
    "valid": Text("ใช้ได้ในปีที่เลือก", "Valid in the chosen year"),
    "username": Text("ชื่อผู้ใช้", "Username"),
    "edited_at": Text("เวลาที่แก้ไข", "When"),
    "edited_by": Text("ผู้แก้ไข", "Who"),
    "row_key": Text("รายการ", "Item"),
    "column_name": Text("ช่อง", "Field"),
    "before_value": Text("จาก", "From"),
    "after_value": Text("เป็น", "To"),
    "change_kind": Text("การเปลี่ยนแปลง", "Change"),
    "role": Text("บทบาท", "Role"),
    "active": Text("ใช้งานได้", "Active"),
    "must_change_password": Text("ต้องเปลี่ยนรหัสผ่าน", "Must change password"),
    "created_at": Text("สร้างเมื่อ", "Created"),
    "created_by": Text("สร้างโดย", "Created by"),
    "last_seen_at": Text("ใช้งานล่าสุด", "Last seen"),
    "session_ref": Text("รหัสอ้างอิงเซสชัน", "Session reference"),
    "comparator": Text("เงื่อนไข", "Condition"),
    "threshold": Text("ค่าเกณฑ์", "Threshold"),
    "provisional": Text("เกณฑ์ชั่วคราว", "Provisional"),
    "change_id": Text("ลำดับการแก้ไข", "Change"),
    "threshold_before": Text("ค่าเกณฑ์เดิม", "Threshold before"),
    "threshold_after": Text("ค่าเกณฑ์ใหม่", "Threshold after"),
    "provisional_before": Text("ชั่วคราว (เดิม)", "Provisional before"),
    "provisional_after": Text("ชั่วคราว (ใหม่)", "Provisional after"),
    "changed_by": Text("ผู้แก้ไข", "Changed by"),
    "changed_at": Text("เวลาที่แก้ไข", "Changed at"),
    "expires_at": Text("หมดอายุ", "Expires"),
    "client": Text("เครื่อง", "Client"),
    "at": Text("เวลา", "At"),
    "establishment": Text("สถานประกอบการ", "Establishment"),
    "subdistrict": Text("ตำบล", "Subdistrict"),
    "industry": Text("ประเภทอุตสาหกรรม", "Industry"),
    "in_industrial_zone": Text("อยู่ในนิคม/เขตอุตสาหกรรม", "In an industrial zone"),
    "controlled_factory": Text("โรงงานควบคุม", "Controlled factory"),
    "parameter": Text("พารามิเตอร์", "Parameter"),
    "sampled_on": Text("วันที่เก็บตัวอย่าง", "Sampled on"),
    "unit": Text("หน่วย", "Unit"),
    "num": Text("ตัวตั้ง", "Numerator"),
    "den": Text("ตัวหาร", "Denominator"),
    "budget_thb": Text("งบประมาณ (บาท)", "Budget (THB)"),
    "lat": Text("ละติจูด", "Latitude"),
    "lon": Text("ลองจิจูด", "Longitude"),
    "found_code": Text("ตำบลตามพิกัด", "Subdistrict of the point"),
    "change": Text("การเปลี่ยนแปลง", "Change"),
    "before": Text("ค่าเดิม", "Before"),
    "after": Text("ค่าใหม่", "After"),
    "reported": Text("รายงานแล้ว", "Reported"),
    "expected": Text("ที่ควรมี", "Expected"),
    "share": Text("ครอบคลุม (%)", "Coverage (%)"),
    "check_name": Text("ข้อสังเกต", "Check"),
    "measure": Text("ค่าที่ตรวจ", "Measure"),
    "compared_with": Text("เทียบกับ", "Compared with"),
    "ratio": Text("กี่เท่า", "Times"),
    "closed_year": Text("ปีที่เลิกกิจการ", "Closed"),
    "closed": Text("เลิกกิจการแล้ว", "Closed by then"),
    "establishments": Text("จำนวนสถานประกอบการ", "Establishments"),
    "scheme_name": Text("ชื่อการรับรอง", "Scheme name"),
}


REASONS: dict[str, Text] = {
    "meets": Text("ผ่านเงื่อนไข", "meets the condition"),
    "not_met": Text("ยังไม่มีมาตรการ/การรับรองที่นับได้ในปีนี้", "no qualifying practice or certificate this year"),
    "improved": Text("ดีขึ้นจากปีก่อน", "improved on last year"),
    "met_target": Text("ผ่านเป้าหมายของโรงงาน", "met its own target"),
    "worsened": Text("แย่ลงจากปีก่อนและไม่ผ่านเป้าหมาย", "worse than last year and above its target"),
    "no_report": Text("ไม่มีรายงานของปีนี้", "no report for this year"),
    "no_baseline": Text("ไม่มีข้อมูลปีก่อนและไม่มีเป้าหมาย", "no previous year and no target"),
    "incomplete_report": Text("รายงานไม่ครบ", "report incomplete"),
    "included": Text("นับรวม", "included"),
    "complies": Text("ผ่านมาตรฐานทุกตัวอย่าง", "every sample within limits"),
    "exceeded": Text("มีตัวอย่างเกินมาตรฐาน", "a sample exceeded a limit"),
    "green_area": Text("พื้นที่สีเขียว", "green area"),
    "subdistrict_area": Text("พื้นที่ตำบล (ตัวหาร)", "subdistrict area (denominator)"),
    "not_both_years": Text("ไม่มีข้อมูลเงินลงทุนครบสองปี", "investment not reported in both years"),
    "increased": Text("เงินลงทุนเพิ่มขึ้น", "investment rose"),
    "not_increased": Text("เงินลงทุนไม่เพิ่มขึ้น", "investment did not rise"),
    "not_completed": Text("ยังไม่แล้วเสร็จ", "not completed"),
    "no_eco_design": Text("ไม่ได้ใช้การออกแบบเชิงนิเวศ", "no eco-design"),
    "planned_only": Text("อยู่ในแผน ยังไม่ดำเนินการ", "planned only"),
    "ready": Text("พร้อม", "ready"),
    "in_progress": Text("กำลังดำเนินการ", "in progress"),
    "missing": Text("ยังไม่มี", "missing"),
    "planned": Text("อยู่ในแผน (ยังไม่เริ่ม)", "planned"),
    "done": Text("ดำเนินการแล้ว", "done"),
    "cancelled": Text("ยกเลิก", "cancelled"),
    "implemented": Text("ดำเนินการแล้ว", "implemented"),
}

# Code values of SPEC §2 as a reader says them (a Thai screen never shows the English code). The code lists'
# labels (practices, schemes, respondent types, questions, infrastructure systems, green-area categories) are
# reference data, data/reference/codes.csv and the database's `codes` (store/codes.py), added below.
VALUES: dict[str, Text] = {
    "factory": Text("โรงงาน", "factory"),
    "mine": Text("เหมือง", "mine"),
    "subdistrict": Text("ตำบล", "subdistrict"),
    "evidence": Text("เอกสารหลักฐาน", "evidence item"),
    "completed": Text("แล้วเสร็จ", "completed"),  # an infrastructure project's status
    # criteria
    "percent": Text("ร้อยละ", "percent"),
    "count": Text("จำนวน", "count"),
    "ge": Text("≥ (ไม่น้อยกว่า)", "≥ (at least)"),
    "gt": Text("> (มากกว่า)", "> (more than)"),
}

VALUES.update({c.code: Text(c.name_th, c.name_en) for c in reversed(codes.shipped()) if c.code not in VALUES})

# The schemes and terms a committee member meets on the pages and in the meeting pack: term -> (the
# phrases that show it is used in a text, Thai explanation, English explanation).
GLOSSARY: dict[str, tuple[tuple[str, ...], str, str]] = {
    "GI": (
        ("GI", "อุตสาหกรรมสีเขียว", "Green Industry"),
        "อุตสาหกรรมสีเขียว (Green Industry) ของกรมโรงงานอุตสาหกรรม มี 5 ระดับ: 1 ความมุ่งมั่นสีเขียว, 2 ปฏิบัติการสีเขียว, "
        "3 ระบบสีเขียว, 4 วัฒนธรรมสีเขียว, 5 เครือข่ายสีเขียว",
        "The Department of Industrial Works' Green Industry certificate, in five levels: 1 Green Commitment, "
        "2 Green Activity, 3 Green System, 4 Green Culture, 5 Green Network",
    ),
    "CSR-DIW": (
        ("CSR",),
        "มาตรฐานความรับผิดชอบต่อสังคมของภาคอุตสาหกรรม (CSR-DIW) ของกรมโรงงานอุตสาหกรรม ตามแนว ISO 26000; "
        "CSR-DIW Beginner คือระดับเริ่มต้นสำหรับโรงงานขนาดกลางและขนาดย่อม",
        "The Department of Industrial Works' corporate social responsibility standard for factories (after ISO 26000); "
        "CSR-DIW Beginner is its entry level for small and medium factories",
    ),
    "Eco Factory": (
        ("Eco Factory", "ECO_FACTORY", "โรงงานเชิงนิเวศ", "Eco-Process", "เชิงนิเวศ (Eco"),
        "การรับรองโรงงานอุตสาหกรรมเชิงนิเวศ (Eco Factory) ของสภาอุตสาหกรรมแห่งประเทศไทย: ใช้ทรัพยากรอย่างมีประสิทธิภาพ (Eco-Process) และอยู่ร่วมกับชุมชนได้",
        "The Federation of Thai Industries' Eco Factory certificate: resources used efficiently (eco-process) "
        "and good relations with the community",
    ),
    "ISO 14001": (
        ("ISO 14001", "ISO14001"),
        "มาตรฐานระบบการจัดการสิ่งแวดล้อม ISO 14001",
        "The international standard for environmental management systems",
    ),
    "TEA": (
        ("TEA", "Thailand Energy Award", "Energy Award"),
        "รางวัลอุตสาหกรรมดีเด่นด้านพลังงาน (Thailand Energy Awards) ของกรมพัฒนาพลังงานทดแทนและอนุรักษ์พลังงาน",
        "Thailand Energy Awards, given by the Department of Alternative Energy Development and Efficiency",
    ),
    "CFO / CFR": (
        ("CFO", "CFR", "คาร์บอนฟุตพริ้นท์", "ลดคาร์บอน", "carbon footprint"),
        "คาร์บอนฟุตพริ้นท์ขององค์กร (CFO) และฉลากลดคาร์บอน (CFR) ที่ขึ้นทะเบียนกับองค์การบริหารจัดการก๊าซเรือนกระจก (อบก.)",
        "Carbon footprint of an organisation (CFO) and the carbon footprint reduction label (CFR), registered "
        "with the Thailand Greenhouse Gas Management Organization (TGO)",
    ),
    "3R": (
        ("3R",),
        "ลดการใช้ (Reduce) ใช้ซ้ำ (Reuse) และนำกลับมาใช้ใหม่ (Recycle) ของเสียและวัสดุที่ไม่ใช้แล้ว",
        "Reduce, reuse and recycle of waste and unused materials",
    ),
    "EIA": (
        ("EIA",),
        "รายงานการวิเคราะห์ผลกระทบสิ่งแวดล้อม ซึ่งโครงการบางประเภทต้องจัดทำตามกฎหมาย",
        "Environmental impact assessment report, required by law for some kinds of project",
    ),
    "fiscal_year": (
        Text("ปีงบประมาณ", "fiscal year"),
        "ปีงบประมาณ พ.ศ. N เริ่ม 1 ตุลาคม พ.ศ. N-1 ถึง 30 กันยายน พ.ศ. N; แผนปฏิบัติการและเอกสารหลักฐานนับตามปีงบประมาณ ส่วนข้อมูลรายปีของโรงงานนับตามปีปฏิทิน",
        "Thai fiscal year N (BE) runs from 1 October of year N-1 to 30 September of year N; the action plan and the "
        "evidence checklist follow fiscal years, establishments' yearly data calendar years",
    ),
}
GLOSSARY_NAMES = {"fiscal_year": Text("ปีงบประมาณ", "Fiscal year")}


def glossary_terms(texts: list[str] | None = None) -> list[str]:
    """The glossary's terms that appear in any of texts (all of them when texts is None)."""
    if texts is None:
        return list(GLOSSARY)
    joined = "\n".join(texts)
    return [term for term, (phrases, _, _) in GLOSSARY.items() if any(p in joined for p in phrases)]


def glossary_entry(term: str, lang: str) -> tuple[str, str]:
    """(name, explanation) of a glossary term in the language."""
    _, th, en = GLOSSARY[term]
    name = GLOSSARY_NAMES.get(term, Text(term, term)).say(lang)
    return name, th if lang == "th" else en


def town_title(town: dict[str, str], lang: str) -> str:
    """The town's own name (the `town` table, from data/towns/*.toml), else the product's."""
    return town.get("name_th" if lang == "th" else "name_en") or text("app_title", lang)


def value_label(code: object, lang: str) -> str:
    """A code value of SPEC §2 in words (practice, scheme, category, status …); other values as they are."""
    if code is None or (isinstance(code, float) and math.isnan(code)):
        return ""
    found = codes.label(str(code)) or VALUES.get(str(code)) or REASONS.get(str(code))  # codes: the database's labels
    return (found[0] if lang == "th" else found[1]) if found else str(code)


# Units of product as the DIW reports write them, as a reader says them; others are shown as written.
PRODUCT_UNITS: dict[str, Text] = {
    "t": Text("ตัน", "t"), "ton": Text("ตัน", "t"), "tonne": Text("ตัน", "t"), "ตัน": Text("ตัน", "t"), "kg": Text("กก.", "kg"),
    "m3": Text("ลบ.ม.", "m³"), "m³": Text("ลบ.ม.", "m³"), "l": Text("ลิตร", "L"), "piece": Text("ชิ้น", "piece"), "unit": Text("หน่วย", "unit"),
}  # fmt: skip


def product_unit(units: object, lang: str) -> str:
    """The unit of product of a factory's reports in words, or 'unit' when there is none or they differ."""
    values = list(units) if isinstance(units, Iterable) and not isinstance(units, str) else [units]
    found = {v.strip() for v in values if isinstance(v, str) and v.strip()}
    generic = Text("หน่วย", "unit")
    if len(found) != 1:
        return generic.say(lang)
    code = found.pop()
    words = PRODUCT_UNITS.get(code.lower())
    return words.say(lang) if words else code


MONTHS_TH = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def text(key: str, lang: str, **fields: object) -> str:
    chosen = TEXT[key].say(lang)
    return chosen.format(**fields) if fields else chosen


def column_labels(frame_columns: list[str], lang: str) -> dict[str, str]:
    return {c: COLUMNS[c].say(lang) for c in frame_columns if c in COLUMNS}


def reason(code: str, lang: str) -> str:
    if code.startswith("score_"):
        return ("คะแนน " if lang == "th" else "score ") + code[6:]
    th, en = REASONS.get(code, (code, code))
    return th if lang == "th" else en


def year_label(year: int, lang: str) -> str:
    """BE in Thai (2022 -> พ.ศ. 2565), CE in English."""
    return f"พ.ศ. {year + 543}" if lang == "th" else str(year)


def year_short(year: int, lang: str) -> str:
    return str(year + 543) if lang == "th" else str(year)


def _missing(value: object) -> bool:
    return value is None or value is pd.NaT or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def date_label(value: object, lang: str) -> str:
    if _missing(value):
        return "—"
    d = value if hasattr(value, "month") else None
    if d is None:
        return str(value)
    if lang == "th":
        return f"{d.day} {MONTHS_TH[d.month - 1]} {d.year + 543}"  # type: ignore[attr-defined]
    return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"  # type: ignore[attr-defined]


def datetime_label(value: object, lang: str) -> str:
    """A moment with its time: '29 พ.ย. 2569 14:05' in Thai, '29 Nov 2026 14:05' in English."""
    if _missing(value):
        return "—"
    stamp = pd.Timestamp(value)  # type: ignore[arg-type]
    return f"{date_label(stamp, lang)} {stamp:%H:%M}"


def month_label(value: pd.Timestamp, lang: str) -> str:
    """'มี.ค. 2567' in Thai, 'Mar 2022' in English."""
    if lang == "th":
        return f"{MONTHS_TH[value.month - 1]} {value.year + 543}"
    return f"{MONTHS_EN[value.month - 1]} {value.year}"


def number(value: float | None, lang: str, unit: str = "", digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return text("no_data", lang)
    if unit == "percent":
        return f"{value:,.{digits}f} %"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.{digits}f}"


def _plain(value: object) -> str:
    return "" if _missing(value) else str(value).strip()


def establishment_name(name_th: object, name_en: object, factory_id: object, lang: str) -> str:
    """The name in the language asked, else the other language, else the registration number marked
    "(name not given)": DIW does not publish the names of factories owned by natural persons."""
    first, second = (name_th, name_en) if lang == "th" else (name_en, name_th)
    return _plain(first) or _plain(second) or f"{_plain(factory_id)} ({text('name_not_given', lang)})"


def table_label(name: str, lang: str) -> str:
    """An upload table's name in the language asked (the code stays in file names and templates)."""
    from store.tables import TABLES

    table = TABLES.get(name)
    if table is None:
        return name
    return table.label_th if lang == "th" else table.label_en


def area_label(code: str, names: dict[str, Text], lang: str) -> str:
    if code == "all":
        return text("area_all", lang)
    th, en = names.get(code, (code, code))
    return f"{th} ({code})" if lang == "th" else f"{en} ({code})"


# The meeting pack (present/report.py, issue 27): its cover, the brief (pages 1-4), the annex and the workbook.
PACK_TEXT: dict[str, Text] = {
    "pack_agency": Text("หน่วยงาน", "Agency"),
    "pack_meeting_title": Text("การประชุม", "Meeting"),
    "pack_meeting_number": Text("ครั้งที่", "Meeting no."),
    "pack_agenda_item": Text("ระเบียบวาระ", "Agenda item"),
    "pack_not_set": Text("(ยังไม่ได้ระบุ)", "(not set)"),
    "pack_year_line": Text("{year} (ปีปฏิทิน) · ปีงบประมาณ {fy}", "{year} (calendar year) · fiscal year {fy} (BE)"),
    "pack_level_count": Text("ผ่าน {passing} จาก {total} ตัวชี้วัด", "{passing} of {total} indicators pass"),
    "pack_decisions": Text("ประเด็นเพื่อการพิจารณา", "For the committee's decision"),
    "pack_path": Text("สิ่งที่ต้องทำเพื่อผ่านแต่ละระดับ", "What it takes, level by level"),
    "pack_path_note": Text(
        "ระดับหนึ่งจะผ่านเมื่อทุกตัวชี้วัดของระดับนั้นและของทุกระดับก่อนหน้าผ่าน",
        "A level is reached when every indicator of it and of every level below it passes",
    ),
    "pack_not_passing": Text("ตัวชี้วัดที่ยังไม่ผ่าน", "Indicators not passing"),
    "pack_evidence_open": Text("เอกสารยังไม่พร้อม", "Evidence not ready"),
    "pack_none": Text("ไม่มี", "none"),
    "pack_blockers": Text("ตัวชี้วัดที่ยังไม่ผ่าน: ใครยังไม่ผ่าน และใครช่วยปิดช่องว่างได้", "Indicators not passing: who fails, who could close the gap"),
    "pack_no_blockers": Text("ทุกตัวชี้วัดผ่านเกณฑ์แล้ว", "Every indicator passes"),
    "pack_coverage": Text("มีข้อมูล {reported} จาก {expected}", "{reported} of {expected} reported"),
    "pack_not_counted": Text("ที่ไม่นับ {n} รายการ (ที่ไม่ผ่านก่อน)", "Not counted: {n} (failing first)"),
    "pack_col_name": Text("ชื่อ", "Name"),
    "pack_col_what": Text("สิ่งที่ไม่ผ่าน", "What failed"),
    "pack_col_value": Text("ค่า", "Value"),
    "pack_col_limit": Text("เกณฑ์", "Limit"),
    "pack_col_why": Text("เหตุที่เป็นผู้มีโอกาส", "Why"),
    "pack_col_detail": Text("รายละเอียด", "Detail"),
    "pack_col_closes": Text("ปิดช่องว่างได้", "Closes"),
    "pack_more": Text(
        "และอีก {n} รายการ ดูภาคผนวก {code} และแผ่นงาน {code} ในไฟล์ Excel",
        "and {n} more: annex {code}, and sheet {code} of the Excel workbook",
    ),
    "pack_page": Text("หน้า", "page"),
    "pack_candidates": Text("ผู้ที่อาจปิดช่องว่างได้", "Who could close the gap"),
    "pack_no_candidates": Text("ไม่พบผู้ที่อาจปิดช่องว่างนี้ได้จากข้อมูล", "No candidate in the data could close this gap"),
    "pack_requires": Text("ต้องมี {what}", "needs {what}"),
    "pack_or": Text(" หรือ ", " or "),
    "pack_gi_level": Text("GI ระดับ {n} ขึ้นไป", "GI level {n} or above"),
    "pack_below_previous": Text(
        "ต่ำกว่าปีก่อน ({previous}) หรือไม่เกินเป้าหมาย ({target})", "below last year ({previous}) or within its target ({target})"
    ),
    "pack_below_previous_only": Text("ต่ำกว่าปีก่อน ({previous})", "below last year ({previous})"),
    "pack_within_target_only": Text("ไม่เกินเป้าหมาย ({target})", "within its target ({target})"),
    "pack_share_at_least": Text("สัดส่วนทั้งเมือง {criterion}", "town-wide share {criterion}"),
    "pack_rise": Text("เพิ่มขึ้นจากปีก่อน", "a rise on last year"),
    "pack_ready": Text("พร้อม", "ready"),
    "pack_evidence_title": Text("เอกสารหลักฐานที่ยังไม่พร้อม แยกตามหน่วยงาน ({fy})", "Evidence not yet ready, by agency ({fy})"),
    "pack_due": Text("กำหนด {date}", "due {date}"),
    "pack_overdue": Text("เลยกำหนดแล้ว", "overdue"),
    "pack_due_rule": Text(
        "กำหนดส่ง: วันสิ้นสุดตามแผนของกิจกรรมของตัวชี้วัดนั้นในแผนปฏิบัติการ ถ้าไม่มี ใช้วันสิ้นปีงบประมาณ",
        "Due: the planned end of the action plan's activity for that indicator, else the end of the fiscal year",
    ),
    "pack_evidence_all_ready": Text("เอกสารหลักฐานพร้อมครบทุกรายการ", "Every evidence item is ready"),
    "pack_late_title": Text("กิจกรรมที่ล่าช้า ({fy})", "Late activities ({fy})"),
    "pack_days_late": Text("ล่าช้า {n} วัน", "{n} days late"),
    "pack_no_late": Text("ไม่มีกิจกรรมที่ล่าช้า", "No activity is late"),
    "pack_no_plan": Text("ปีงบประมาณ {fy} ยังไม่มีแผนปฏิบัติการ", "Fiscal year {fy} has no action plan yet"),
    "pack_planned_end": Text("สิ้นสุดตามแผน", "Planned end"),
    "pack_contents": Text("สารบัญภาคผนวก", "Annex: contents"),
    "pack_annex": Text("ภาคผนวก", "Annex"),
    "pack_rows_whole": Text("รายการเบื้องหลังตัวเลขทั้งหมด {n} รายการ (ที่ไม่นับอยู่ก่อน)", "All {n} rows behind the number (not counted first)"),
    "pack_rows_shown": Text(
        "แสดง {shown} จาก {n} รายการ รายการทั้งหมดอยู่ในไฟล์ Excel แผ่นงาน {sheet}",
        "{shown} of {n} rows shown; every row is in the Excel workbook, sheet {sheet}",
    ),
    "pack_distribution": Text("คะแนน 1–5 แยกตามประเภทผู้ตอบและตำบล", "Scores 1–5 by respondent type and subdistrict"),
    "pack_distribution_note": Text("ตัวชี้วัดนับเฉพาะผู้ตอบประเภทชุมชนที่ให้คะแนน 4–5", "The indicator counts community respondents scoring 4–5"),
    "pack_respondent_type": Text("ประเภทผู้ตอบ", "Respondent type"),
    "pack_score_n": Text("คะแนน {n}", "Score {n}"),
    "pack_total": Text("รวม", "Total"),
    "pack_share_4_5": Text("ให้ 4–5 (ร้อยละ)", "4–5 (%)"),
    "pack_participants": Text(
        "ผู้เข้าร่วม {came} คน จากเป้าหมาย {wanted} คน (เฉพาะ {n} กิจกรรมที่กำหนดเป้าหมาย)",
        "{came} participants of a target of {wanted} ({n} activities with a target)",
    ),
    "pack_rows_cut": Text("แสดง {shown} จาก {n} รายการ ทั้งหมดอยู่ในไฟล์ Excel", "{shown} of {n} shown; all are in the Excel workbook"),
    "pack_cover_sheet": Text("ปก", "Cover"),
    "pack_field": Text("รายการ", "Item"),
    "pack_value": Text("ข้อมูล", "Value"),
    "pack_candidates_sheet": Text("ผู้ที่อาจปิดช่องว่าง", "Who could close gaps"),
    "pack_scores_sheet": Text("{code} คะแนน", "{code} scores"),
    "pack_coverage_reported": Text("มีข้อมูล (ราย)", "Reported"),
    "pack_coverage_expected": Text("ควรมีข้อมูล (ราย)", "Expected"),
    "pack_expires": Text("วันหมดอายุ", "Expires on"),
    "pack_meeting_editor": Text("การประชุมที่จะนำเสนอ (แสดงบนปกของเอกสาร)", "The meeting it is tabled at (shown on the pack's cover)"),
    "pack_meeting_help": Text(
        "จำไว้ตามปีงบประมาณ {fy} ทุกการแก้ไขบันทึกชื่อผู้แก้ไขและเวลา", "Remembered for fiscal year {fy}; every change is recorded with who and when"
    ),
    "pack_meeting_saved": Text("บันทึกแล้ว {n} ช่อง", "Saved {n} field(s)"),
    "pack_meeting_last": Text("แก้ไขล่าสุดโดย {who} เมื่อ {when}", "Last changed by {who} on {when}"),
    "pack_agency_default": Text("ถ้าเว้นว่าง ใช้ชื่อสำนักงาน: {office}", "Left empty, the office's name is used: {office}"),
    "pack_head_fiscal_year": Text("ปีงบประมาณ", "Fiscal year"),
    "pack_head_level": Text("ระดับ", "Level"),
    "pack_head_indicator_code": Text("รหัสตัวชี้วัด", "Indicator"),
    "pack_head_item_no": Text("ข้อ", "Item no."),
    "pack_head_item": Text("รายการเอกสาร", "Evidence item"),
    "pack_head_responsible": Text("ผู้รับผิดชอบ", "Responsible"),
    "pack_head_status": Text("สถานะ", "Status"),
    "pack_head_reference": Text("ที่อยู่เอกสาร", "Reference"),
    "pack_head_activity_id": Text("ลำดับกิจกรรม", "Activity no."),
    "pack_head_title": Text("กิจกรรม", "Activity"),
    "pack_head_planned_start": Text("เริ่มตามแผน", "Planned start"),
    "pack_head_planned_end": Text("สิ้นสุดตามแผน", "Planned end"),
    "pack_head_progress": Text("ความคืบหน้า", "Progress"),
    "pack_head_done_on": Text("วันที่แล้วเสร็จ", "Done on"),
    "pack_head_participants": Text("ผู้เข้าร่วม (คน)", "Participants"),
    "pack_head_target_participants": Text("เป้าหมายผู้เข้าร่วม (คน)", "Target participants"),
    "pack_head_entity_id": Text("รหัส/เลขทะเบียน", "ID / registration no."),
    "pack_head_name": Text("ชื่อ", "Name"),
    "pack_head_why": Text("เหตุที่เป็นผู้มีโอกาส", "Why a candidate"),
    "pack_head_detail": Text("รายละเอียด", "Detail"),
    "pack_head_closes": Text("ปิดช่องว่างได้", "Closes"),
    "pack_late_more": Text("และอีก {n} กิจกรรม ดูภาคผนวก แผนปฏิบัติการ", "and {n} more: see the annex, action plan"),
    "pack_note": Text("หมายเหตุ", "Note"),
    "pack_town": Text("เมือง", "Town"),
    "pack_subdistrict": Text("ตำบล", "Subdistrict"),
    "pack_agencies_more": Text("และอีก {n} หน่วยงาน ดูภาคผนวก เอกสารหลักฐาน", "and {n} more agencies: see the annex, evidence checklist"),
    "pack_report": Text("รายงาน", "Report"),
    "pack_as_of_label": Text("ข้อมูล ณ", "Data as of"),
    "pack_made_label": Text("จัดทำเมื่อ", "Made on"),
    "pack_missing_n": Text("ยังไม่มี {n}", "{n} missing"),
    "pack_in_progress_n": Text("กำลังทำ {n}", "{n} in progress"),
    "pack_due_head": Text("กำหนดส่ง", "Due"),
    "pack_answers_in_workbook": Text(
        "คำตอบทั้ง {n} รายการอยู่ในไฟล์ Excel แผ่นงาน {sheet}", "All {n} answers are in the Excel workbook, sheet {sheet}"
    ),
}
TEXT.update(PACK_TEXT)
