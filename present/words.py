"""Every word the dashboard and the meeting pack show, in Thai and English, and the formats of numbers,
years (BE in Thai, CE in English), dates and names. No Streamlit here: the report uses it too."""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from store import codes

TEXT: dict[str, tuple[str, str]] = {
    "app_title": ("เมืองอุตสาหกรรมเชิงนิเวศ จังหวัดสระบุรี", "Saraburi Eco-Industrial Town"),
    "area": ("พื้นที่", "Area"),
    "area_all": ("ทั้งเมือง (ทุกตำบลของเมืองอุตสาหกรรมเชิงนิเวศ)", "The whole eco-town (every subdistrict)"),
    "year": ("ปี", "Year"),
    "year_calendar": ("ปี พ.ศ. (ปีปฏิทิน)", "Year (calendar, CE)"),
    "link_value_ignored": (
        "ลิงก์ระบุ{what} '{value}' ซึ่งใช้ไม่ได้ จึงแสดงค่าเริ่มต้นแทน",
        "The link's {what} '{value}' is not valid here; showing the default instead",
    ),
    "url_lang": ("ภาษา", "language"),
    "choose_file": ("เลือกไฟล์", "Choose a file"),
    "glossary": ("คำอธิบายศัพท์", "Glossary"),
    "skip_to_content": ("ข้ามไปยังเนื้อหาหลัก", "Skip to main content"),
    "upload_limits": ("ไฟล์ละไม่เกิน {mb} MB · CSV หรือ TXT", "Up to {mb} MB per file · CSV or TXT"),
    "url_year": ("ปี", "year"),
    "url_area": ("พื้นที่", "area"),
    "url_code": ("รหัสตัวชี้วัด", "indicator code"),
    "url_id": ("เลขทะเบียน", "registration number"),
    "url_fy": ("ปีงบประมาณ", "fiscal year"),
    "language": ("ภาษา", "Language"),
    "page_overview": ("ภาพรวมตัวชี้วัด", "Scorecard"),
    "page_indicator": ("รายละเอียดตัวชี้วัด", "Indicator detail"),
    "page_establishment": ("ข้อมูลสถานประกอบการ", "Establishment profile"),
    "page_map": ("แผนที่", "Map"),
    "demo_banner": (
        "ข้อมูลสาธิต (สังเคราะห์) — ไม่ใช่ข้อมูลจริงของจังหวัด ชื่อสถานประกอบการเป็นชื่อสมมติ",
        "Demo data (synthetic) — not the province's real data; establishment names are fictional",
    ),
    "provisional": ("เกณฑ์ชั่วคราว", "provisional"),
    "provisional_note": (
        "เกณฑ์ผ่านทุกข้อเป็นค่าชั่วคราว (ยังไม่ได้ยืนยันเกณฑ์ กรอ. ปี 2562) ผู้ดูแลระบบแก้ไขได้",
        "Every threshold is provisional (the DIW 2019 thresholds are not yet confirmed); an admin can edit them",
    ),
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
    "gap_t": ("ต้องนำกลับมาใช้ใหม่ (3Rs) เพิ่มอีก {amount} ตัน", "{amount} more tonnes reused or recycled needed"),
    "gap_GJ": ("ต้องใช้พลังงานทดแทนเพิ่มอีก {amount} GJ", "{amount} GJ more renewable energy needed"),
    "gap_m2": ("ต้องมีพื้นที่สีเขียวเพิ่มอีก {amount} ตร.ม. ({rai} ไร่)", "{amount} m² ({rai} rai) more green area needed"),
    "gap_THB": ("เงินลงทุนรวมต้องเพิ่มขึ้นจากปีก่อนมากกว่า {amount} บาท", "total investment must rise above last year's by more than {amount} THB"),
    "gap_no_data": ("ไม่มีข้อมูล: นำเข้า {sources} ของปีนี้", "No data: upload this year's {sources}"),
    "unit_factory": ("แห่ง", "factories"),
    "unit_establishment": ("แห่ง", "establishments"),
    "unit_respondent": ("คน", "respondents"),
    "unit_item": ("รายการ", "items"),
    "unit_project": ("โครงการ", "projects"),
    "unit_green_area": ("ตร.ม.", "m²"),
    "amount_t": ("ตัน", "t"),
    "amount_GJ": ("GJ", "GJ"),
    "amount_m2": ("ตร.ม.", "m²"),
    "amount_THB": ("บาท", "THB"),
    "rai": ("ไร่", "rai"),
    "pp": ("จุดร้อยละ", "pp"),
    "no_comparison": ("ปีก่อนไม่มีข้อมูล", "no data last year"),
    "same_checklist": ("ใช้รายการเดียวกับปีก่อน", "same checklist as last year"),
    "checklist_of": ("รายการหลักฐานปีงบประมาณ {fy}", "checklist of fiscal year {fy}"),
    "no_checklist": ("ยังไม่มีรายการหลักฐานของปีงบประมาณนี้หรือก่อนหน้า", "no evidence checklist for this or an earlier fiscal year"),
    "page_plan": ("แผนปฏิบัติการ", "Action plan"),
    "page_evidence": ("เอกสารหลักฐาน", "Evidence checklist"),
    "fiscal_year": ("ปีงบประมาณ", "Fiscal year"),
    "fiscal_year_span": ("ปีงบประมาณ พ.ศ. {fy} ({start} – {end})", "Fiscal year {fy} ({start} – {end})"),
    "no_plans": (
        "ยังไม่มีแผนปฏิบัติการหรือรายการหลักฐาน: นักวิเคราะห์นำเข้าไฟล์ activities / evidence ได้ที่หน้า นำเข้าข้อมูล CSV",
        "No action plan or evidence checklist yet: an analyst uploads activities / evidence files on the Upload page",
    ),
    "activities_total": ("กิจกรรมทั้งหมด", "Activities"),
    "activities_done": ("ดำเนินการแล้ว", "Done"),
    "activities_late": ("ล่าช้า", "Late"),
    "activities_open": ("กำลังทำหรือถึงกำหนดเริ่ม", "In progress or due"),
    "participants_total": ("ผู้เข้าร่วมเทียบเป้าหมาย", "Participants against targets"),
    "as_of_today": ("ณ วันที่ {date}", "as of {date}"),
    "timeline": ("ช่วงเวลาตามแผน (ต.ค. – ก.ย.)", "Planned timeline (Oct – Sep)"),
    "today": ("วันนี้", "today"),
    "timeline_no_dates": (
        "ยังไม่ได้กำหนดช่วงเวลาของกิจกรรม: นักวิเคราะห์ใส่วันเริ่มและวันสิ้นสุดตามแผนได้ที่หน้านี้",
        "No activity has planned dates yet: analysts can enter planned start and end dates on this page.",
    ),
    "no_samples": ("ไม่มีผลตรวจน้ำทิ้งในข้อมูล", "No effluent samples in the data"),
    "planned_period": ("ช่วงตามแผน", "planned"),
    "done_on_marker": ("วันที่แล้วเสร็จ", "done on"),
    "progress_done": ("ดำเนินการแล้ว", "done"),
    "progress_late": ("ล่าช้า", "late"),
    "progress_in_progress": ("กำลังดำเนินการ", "in progress"),
    "progress_due": ("ถึงกำหนดเริ่มแล้ว", "due to start"),
    "progress_planned": ("ยังไม่เริ่ม", "planned"),
    "progress_cancelled": ("ยกเลิก", "cancelled"),
    "start_from_copy": ("เริ่มปีงบประมาณใหม่จากสำเนาของปีก่อน", "Start a new fiscal year from a copy"),
    "copy_from": ("คัดลอกจากปีงบประมาณ", "Copy from fiscal year"),
    "copy_to": ("ไปยังปีงบประมาณ", "Into fiscal year"),
    "copy_plan_help": (
        "กิจกรรม หน่วยงาน และเป้าหมายเดิม เลื่อนวันตามจำนวนปี สถานะเป็น 'อยู่ในแผน (ยังไม่เริ่ม)' ผลการดำเนินงานว่าง",
        "The same activities, agencies and targets, dates moved by the years between, status planned, no results yet",
    ),
    "copy_evidence_help": (
        "รายการและหน่วยงานเดิม ทุกรายการสถานะ 'ยังไม่มี' (รอบประเมินใหม่ต้องใช้หลักฐานใหม่)",
        "The same items and agencies, every item missing again (a new assessment round needs new evidence)",
    ),
    "copy_do": ("คัดลอก", "Copy"),
    "copied": ("คัดลอกแล้ว {n} รายการ ไปยังปีงบประมาณ {fy}", "Copied {n} row(s) into fiscal year {fy}"),
    "edit_mode": ("แก้ไข (นักวิเคราะห์)", "Edit (analysts)"),
    "readiness_by_level": ("ความพร้อมรายระดับ", "Readiness by level"),
    "readiness_by_indicator": ("ความพร้อมรายตัวชี้วัด", "Readiness by indicator"),
    "filter_status": ("สถานะ", "Status"),
    "filter_agency": ("หน่วยงานที่รับผิดชอบ", "Responsible agency"),
    "all_agencies": ("ทุกหน่วยงาน", "All agencies"),
    "items_shown": ("แสดง {n} จาก {total} รายการ", "Showing {n} of {total} items"),
    "missing_town": ("รายการที่ยังไม่มีทั้งหมด (ทั้งเมือง)", "Everything still missing (town-wide)"),
    "owes": ("{agency} ยังต้องส่ง {n} รายการ", "{agency} still owes {n} item(s)"),
    "ready_pct": ("พร้อม {pct}", "{pct} ready"),
    "parameter": ("พารามิเตอร์", "Parameter"),
    "sampled_on": ("วันที่เก็บตัวอย่าง", "Sampled on"),
    "establishment": ("สถานประกอบการ", "Establishment"),
    "unit_column": ("หน่วย", "Unit"),
    "operating": ("ดำเนินกิจการ", "operating"),
    "closed_in": ("เลิกกิจการปี {year}", "closed in {year}"),
    "not_yet_registered": ("ยังไม่จดทะเบียนในปีที่เลือก (จดทะเบียนปี {year})", "not yet registered in the chosen year (registered {year})"),
    "registered_in": ("จดทะเบียนปี {year}", "registered {year}"),
    "status_label": ("สถานะกิจการ", "Status"),
    "diw_type": ("ประเภทโรงงาน (กรอ.)", "DIW factory type"),
    "industry": ("อุตสาหกรรม", "Industry"),
    "controlled_factory": ("โรงงานควบคุม (กฎหมายพลังงาน)", "Controlled factory (energy law)"),
    "in_industrial_zone": ("ในเขตประกอบการอุตสาหกรรม", "In an industrial zone"),
    "coordinates": ("พิกัด", "Coordinates"),
    "valid_yes": ("ใช้ได้", "valid"),
    "valid_no": ("ไม่ใช้ได้", "not valid"),
    "valid_closed": ("ไม่ใช้ได้ (เลิกกิจการแล้ว)", "not valid (closed)"),
    "no_report_year": ("ไม่มีรายงานของปีนี้", "no report this year"),
    "report_title": ("รายงานผลการดำเนินงานเมืองอุตสาหกรรมเชิงนิเวศ", "Eco-industrial town progress report"),
    "report_as_of": ("ข้อมูล ณ ชุดนำเข้าที่ {batch} ({when})", "Data as of batch {batch} ({when})"),
    "report_no_data": ("ยังไม่มีข้อมูลนำเข้า", "No data loaded yet"),
    "report_made": ("จัดทำเมื่อ {when}", "Made on {when}"),
    "report_scorecard": ("ผลตามเกณฑ์รายระดับ", "Scorecard by level"),
    "report_indicators": ("รายละเอียดรายตัวชี้วัด", "Indicator by indicator"),
    "report_about": ("เกี่ยวกับข้อมูล", "About the data"),
    "report_rows": ("รายการเบื้องหลังตัวเลข ({n})", "Rows behind the number ({n})"),
    "report_counted": ("นับเป็นผลงาน {n} รายการ", "{n} counted in the numerator"),
    "report_not_counted": ("ที่ไม่นับ ({n}) พร้อมเหตุผล", "Not counted ({n}), with the reason"),
    "report_rest_in_workbook": (
        "แสดง {shown} รายการที่ไม่นับ รายการทั้งหมด {n} รายการ (ทั้งที่นับและไม่นับ) อยู่ในไฟล์ Excel แผ่นงาน {sheet}",
        "{shown} not counted shown here; all {n} rows, counted and not, are in the Excel workbook, sheet {sheet}",
    ),
    "meeting_pack": ("เอกสารประกอบการประชุม", "Meeting pack"),
    "download_pdf": ("รายงาน PDF (A4)", "Report PDF (A4)"),
    "download_workbook": ("สมุดงาน Excel", "Excel workbook"),
    "making_report": ("กำลังจัดทำรายงาน…", "Making the report…"),
    "no_thai_font": (
        "เครื่องนี้ไม่มีฟอนต์ภาษาไทย รายงาน PDF จะแสดงภาษาไทยไม่ได้: ติดตั้ง fonts-thai-tlwg",
        "This machine has no Thai font, so the PDF cannot show Thai: install fonts-thai-tlwg",
    ),
    "page_search": ("ค้นหาสถานประกอบการ", "Establishment search"),
    "any": ("ทั้งหมด", "any"),
    "no": ("ไม่ใช่", "no"),
    "search_text": ("ค้นหาจากชื่อหรือเลขทะเบียน (ไทยหรืออังกฤษ)", "Name or registration number (Thai or Latin)"),
    "search_placeholder": ("เช่น ศิลา หรือ 3-11(1)", "e.g. Sila or 3-11(1)"),
    "registered_years": ("ปีที่จดทะเบียน", "Registered"),
    "open_state": ("สถานะกิจการในปีที่เลือก", "Operating in the chosen year"),
    "closed_state": ("เลิกกิจการแล้ว", "closed"),
    "holds_certificates": ("การรับรองที่ใช้ได้ในปีที่เลือก", "Valid certificates in the chosen year"),
    "gi_level": ("ระดับ GI สูงสุดที่ใช้ได้", "Highest valid GI level"),
    "practices_implemented": ("มาตรการที่ดำเนินการแล้วในปีที่เลือก", "Practices implemented in the chosen year"),
    "has_report": ("มีรายงานประจำปี", "Annual report"),
    "has_samples": ("ผลตรวจน้ำทิ้ง (ตัวอย่าง)", "Effluent samples"),
    "toward": ("นับในตัวชี้วัดหรือไม่", "Counts toward it"),
    "search_do": ("ค้นหา", "Search"),
    "hits": ("พบ {n} แห่ง จาก {total} แห่ง", "{n} of {total} establishments"),
    "profile": ("ข้อมูล", "Profile"),
    "open": ("เปิด", "open"),
    "search_hit": ("ผลการค้นหา", "search hit"),
    "registration_no": ("เลขทะเบียน", "Registration no."),
    "choose_options": ("เลือกได้หลายรายการ", "Choose one or more"),
    "database_busy": (
        "ฐานข้อมูลกำลังถูกใช้งานโดยโปรแกรมอื่น (เช่น การนำเข้าทางบรรทัดคำสั่ง) กรุณาลองใหม่ในอีกสักครู่ หากยังเป็นอยู่ แจ้งผู้ดูแลระบบ",
        "The database is in use by another program (for example a command-line load). Try again in a minute; if it persists, tell an admin.",
    ),
    "unexpected_error": (
        "เกิดข้อผิดพลาดที่ไม่คาดคิด รายละเอียดถูกบันทึกไว้ที่เซิร์ฟเวอร์แล้ว กรุณาลองใหม่ หรือแจ้งผู้ดูแลระบบ",
        "Something unexpected went wrong; the details are in the server's log. Try again, or tell an admin.",
    ),
    "sessions_title": ("การเข้าสู่ระบบที่เปิดอยู่", "Open sign-in sessions"),
    "end_session": ("ปิดการเข้าสู่ระบบนี้", "End this session"),
    "session_ended": ("ปิดการเข้าสู่ระบบแล้ว", "Session ended"),
    "locked_title": ("บัญชีที่ถูกล็อกชั่วคราว (ใส่รหัสผิดหลายครั้ง)", "Accounts locked for a while (many wrong passwords)"),
    "unlock": ("ปลดล็อก", "Unlock"),
    "failures_title": ("การเข้าสู่ระบบที่ไม่สำเร็จล่าสุด", "Latest failed sign-ins"),
    "page_explore": ("สำรวจข้อมูล", "Explore data"),
    "explore_intro": (
        "เลือกตารางหรือแถวเบื้องหลังตัวชี้วัด กรอง จัดกลุ่ม แยกเป็นคอลัมน์ ดูแผนภูมิ แล้วดาวน์โหลดผลลัพธ์",
        "Pick a table or the rows behind an indicator; filter, group, spread across columns, chart, and download the result.",
    ),
    "explore_source": ("ข้อมูลที่จะสำรวจ", "Data to explore"),
    "url_src": ("ข้อมูลที่จะสำรวจ", "data to explore"),
    "explore_table": ("ตาราง: {name}", "Table: {name}"),
    "explore_indicator": ("ตัวชี้วัด {code}: {name}", "Indicator {code}: {name}"),
    "explore_table_note": ("ทุกปีในฐานข้อมูล · พื้นที่ตามแถบด้านข้าง", "Every year in the database · the sidebar's area"),
    "explore_indicator_note": (
        "แถวเบื้องหลังตัวเลขของ{year} · {area} (เปลี่ยนได้ที่แถบด้านข้าง)",
        "The rows behind the number for {year} · {area} (change them in the sidebar)",
    ),
    "explore_filters": ("กรองข้อมูล", "Filters"),
    "explore_filter_by": ("กรองตามคอลัมน์", "Filter by column"),
    "explore_all": ("ทั้งหมด", "All"),
    "explore_rows_kept": ("{n:,} จาก {total:,} แถวผ่านตัวกรอง", "{n:,} of {total:,} rows pass the filters"),
    "explore_empty": ("ไม่มีแถวที่ผ่านตัวกรอง", "No rows pass the filters"),
    "explore_group": ("จัดกลุ่มตาม (แถว)", "Group by (rows)"),
    "explore_across": ("แยกเป็นคอลัมน์ตาม", "Spread across (columns)"),
    "explore_nothing": ("— ไม่แยก —", "— none —"),
    "explore_agg": ("สรุปเป็น", "Summarise as"),
    "explore_measure": ("ของคอลัมน์", "Of column"),
    "explore_grain": ("วันที่จัดกลุ่มเป็นราย", "Group dates by"),
    "explore_chart": ("แผนภูมิ", "Chart"),
    "explore_summary": ("ผลสรุป", "Summary"),
    "explore_rows": ("แถวข้อมูลที่ผ่านตัวกรอง", "Rows that pass the filters"),
    "explore_truncated": ("มี {groups:,} กลุ่ม แสดงเฉพาะ {shown:,} กลุ่มที่มีค่ามากที่สุด", "{groups:,} groups: only the {shown:,} largest are shown"),
    "explore_chart_capped": (
        "แผนภูมิแสดง {n} กลุ่มที่มีค่ามากที่สุด ตารางด้านล่างมีครบ",
        "The chart shows the {n} largest groups; the table below has them all",
    ),
    "explore_value": ("ค่า", "Value"),
    "explore_start_over": ("เริ่มใหม่", "Start over"),
    "agg_count": ("จำนวนแถว", "Number of rows"),
    "agg_count_distinct": ("จำนวนค่าที่ไม่ซ้ำ", "Number of distinct values"),
    "agg_sum": ("ผลรวม", "Sum"),
    "agg_mean": ("ค่าเฉลี่ย", "Average"),
    "agg_median": ("มัธยฐาน", "Median"),
    "agg_min": ("ค่าต่ำสุด", "Minimum"),
    "agg_max": ("ค่าสูงสุด", "Maximum"),
    "grain_month": ("เดือน", "Month"),
    "grain_year": ("ปี", "Year"),
    "grain_day": ("วัน", "Day"),
    "chart_bar": ("แท่ง", "Bars"),
    "chart_line": ("เส้น", "Line"),
    "chart_heatmap": ("ตารางสี", "Heat map"),
    "chart_none": ("ไม่แสดง", "None"),
    "page_console": ("คำสั่ง SQL", "SQL console"),
    "console_intro": (
        "คำสั่ง SELECT ครั้งละหนึ่งคำสั่ง อ่านอย่างเดียว ไม่เกิน 10 วินาที และไม่เกิน 5,000 แถว อ่านได้เฉพาะตารางข้อมูล (ไม่มีบัญชีผู้ใช้หรือไฟล์บนเครื่อง)",
        "One read-only SELECT at a time, at most 10 seconds and 5,000 rows, over the data tables only (no accounts, no files on the server)",
    ),
    "console_own": ("— เขียนเอง —", "— my own —"),
    "console_examples": ("ตัวอย่างคำถาม", "Example questions"),
    "console_sql": ("คำสั่ง SQL", "SQL"),
    "batches_none": (
        "ยังไม่มีประวัติการนำเข้า: ไฟล์ที่นำเข้าจากหน้านำเข้าข้อมูล (CSV) จะแสดงที่นี่",
        "Nothing has been loaded yet: files loaded on the Upload page appear here.",
    ),
    "console_run": ("เรียกใช้คำสั่ง", "Run"),
    "console_placeholder": (
        "เช่น select kind, count(*) from establishments group by kind",
        "e.g. select kind, count(*) from establishments group by kind",
    ),
    "console_schema": ("ตารางและคอลัมน์", "Tables and columns"),
    "console_done": ("{rows} แถว · {seconds} วินาที", "{rows} rows · {seconds} s"),
    "console_truncated": ("ผลลัพธ์ถูกตัดที่ {n} แถวแรก (มีมากกว่านี้)", "Truncated: the first {n} rows are shown (there are more)"),
    "type": ("ชนิด", "Type"),
    "item_number": ("ข้อ {n}", "No. {n}"),
    "calendar_year": ("ปีปฏิทิน", "calendar year"),
    "level_history": ("ระดับที่ผ่านในแต่ละปี", "Level reached, year by year"),
    "level_reached": ("ผ่านระดับ {n}", "Level {n} reached"),
    "all_levels_reached": ("ผ่านครบทั้ง 3 ระดับแล้ว", "All three levels are reached"),
    "to_reach": ("สิ่งที่ต้องทำเพื่อผ่านระดับ {n}", "What it takes to reach level {n}"),
    "levels_upto": ("ระดับ 1 ถึง {n}", "levels 1 to {n}"),
    "level_one": ("ระดับ 1", "level 1"),
    "to_reach_intro": (
        "ต้องผ่านทุกตัวชี้วัดของ{levels} ตัวชี้วัดที่ยังไม่ผ่าน ได้แก่",
        "Every indicator of {levels} must pass. These do not yet:",
    ),
    "to_reach_nothing": ("ทุกตัวชี้วัดของ{levels}ผ่านแล้ว", "Every indicator of {levels} passes"),
    "missing_evidence": (
        "เอกสารหลักฐานของ{levels}ที่ยังไม่พร้อม {count} รายการ ({fy})",
        "Evidence of {levels} not yet ready: {count} item(s) ({fy})",
    ),
    "missing_by_agency": ("แยกตามหน่วยงานที่รับผิดชอบ", "By responsible agency"),
    "evidence_ready": ("ความพร้อมของเอกสารหลักฐาน", "Evidence readiness"),
    "evidence_ready_n": ("พร้อม {ready} จาก {total} รายการ", "{ready} of {total} items ready"),
    "numerator": ("ตัวตั้ง", "Numerator"),
    "denominator": ("ตัวหาร", "Denominator"),
    "formula": ("วิธีคำนวณ", "How it is computed"),
    "trend": ("แนวโน้มรายปี", "Trend over the years"),
    "by_subdistrict": ("เปรียบเทียบสองตำบล", "The two subdistricts side by side"),
    "count_yes": ("นับ", "yes"),
    "count_no": ("ไม่นับ", "no"),
    "behind": ("ข้อมูลที่ใช้คำนวณ", "The rows behind the number"),
    "counted": ("นับ", "Counted"),
    "in_denominator": ("อยู่ในตัวหาร", "In denominator"),
    "reason": ("เหตุผล", "Why"),
    "download_csv": ("ดาวน์โหลด CSV", "Download CSV"),
    "download_xlsx": ("ดาวน์โหลด Excel", "Download Excel"),
    "yes": ("ใช่", "yes"),
    "name_not_given": ("ไม่ระบุชื่อ", "name not given"),
    "approximate_location": ("ตำแหน่งโดยประมาณ", "approximate location"),
    "approximate_profile": (
        "ตำแหน่งโดยประมาณ: พิกัดนี้ซ้ำกับสถานประกอบการอื่นหรืออยู่ที่จุดกึ่งกลางตำบล อาจไม่ใช่ที่ตั้งจริง",
        "Approximate location: this point is shared with another establishment or is a subdistrict's centre, perhaps not the real site",
    ),
    "approximate_title": ("ตำแหน่งโดยประมาณ (อาจไม่ใช่ที่ตั้งจริง)", "Approximate locations (perhaps not the real site)"),
    "approximate_help": (
        "{n} แห่งมีพิกัดซ้ำกับสถานประกอบการอื่นหรืออยู่ที่จุดกึ่งกลางตำบล (ทะเบียน กรอ. มักใส่พิกัดตำบลแทน) แสดงเป็นขอบเส้นประบนแผนที่ ควรตรวจสอบพิกัดจริง",
        "{n} share their point with another establishment or sit at a subdistrict's centre (the DIW register often gives the subdistrict's point); "
        "they have a dashed outline on the map. Check their real coordinates.",
    ),
    "table_now": ("ข้อมูลปัจจุบันของตาราง {table} (สำหรับแก้ไขใน Excel แล้วนำเข้าใหม่)", "{table} as it is now (to fix in Excel and upload again)"),
    "table_now_help": (
        "ไฟล์มีคอลัมน์ตามแม่แบบ ปีเป็น พ.ศ. ในภาษาไทย แก้ไขแถวที่ต้องการใน Excel บันทึกเป็น CSV UTF-8 แล้วอัปโหลดกลับ แถวที่มีคีย์เดิมจะถูกแทนที่",
        "The file has the template's columns. Fix the rows you need in Excel, save as CSV UTF-8 and upload it: rows with the same key are replaced.",
    ),
    "checking": ("กำลังตรวจสอบไฟล์…", "Checking the file…"),
    "same_file_loaded": (
        "ไฟล์นี้ (เนื้อหาเดียวกันทุกไบต์) นำเข้าแล้วเป็นชุดที่ {batch} เมื่อ {when} โดย {user}",
        "This file (the same bytes) was loaded as batch {batch} on {when} by {user}",
    ),
    "same_file_rolled_back": (
        "ไฟล์นี้เคยนำเข้าเป็นชุดที่ {batch} เมื่อ {when} โดย {user} และถูกยกเลิกแล้วเมื่อ {back} โดย {back_user}",
        "This file was loaded as batch {batch} on {when} by {user} and rolled back on {back} by {back_user}",
    ),
    "load_again": ("นำเข้าอีกครั้งเป็นชุดใหม่ (แถวที่มีคีย์เดิมจะถูกแทนที่)", "Load it again as a new batch (rows with the same key are replaced)"),
    "choose_indicator": ("เลือกตัวชี้วัด", "Choose an indicator"),
    "choose_establishment": ("เลือกสถานประกอบการ", "Choose an establishment"),
    "open_profile": ("เปิดข้อมูลสถานประกอบการ", "Open establishment profile"),
    "intensity_change": ("การเปลี่ยนแปลงต่อหน่วยผลิตภัณฑ์รายโรงงาน", "Per-factory change per unit of product"),
    "samples_vs_limits": ("ผลตรวจน้ำทิ้งเทียบค่ามาตรฐาน", "Effluent samples against the legal limits"),
    "exceedance": ("เกินมาตรฐาน", "Exceeds limit"),
    "exceedances_all": (
        "ตัวอย่างที่เกินมาตรฐาน (ทุกพารามิเตอร์): {n} จาก {total} ตัวอย่าง",
        "Samples outside the limit (all parameters): {n} of {total}",
    ),
    "within": ("อยู่ในเกณฑ์", "Within limit"),
    "limit": ("ค่ามาตรฐาน", "Limit"),
    "checklist": ("รายการเอกสารหลักฐานของตัวชี้วัดนี้", "Evidence checklist of this indicator"),
    "identity": ("ข้อมูลทั่วไป", "Identity"),
    "certificates": ("การรับรอง", "Certificates"),
    "practices": ("มาตรการรายปี", "Practices by year"),
    "reports": ("รายงานประจำปี", "Annual reports"),
    "counts_toward": ("ตัวชี้วัดที่สถานประกอบการนี้มีส่วน", "Indicators this establishment counts toward"),
    "valid": ("ใช้ได้ในปีที่เลือก", "Valid in the chosen year"),
    "empty_db": (
        'ยังไม่มีข้อมูลในฐานข้อมูล: นำเข้าไฟล์ CSV ที่หน้า "นำเข้าข้อมูล CSV" โดยเริ่มจากตารางสถานประกอบการ (เลือกตารางในหน้านั้นเพื่อดาวน์โหลดไฟล์แม่แบบและไฟล์ตัวอย่าง)',
        'The database holds no data yet: upload CSV files on the "Upload CSV" page, starting with the establishments table (choose a table there to download its template and an example file)',
    ),
    "empty_db_ask": (
        "ผู้วิเคราะห์ข้อมูลหรือผู้ดูแลระบบนำเข้าข้อมูลได้หลังเข้าสู่ระบบ",
        "An analyst or an admin can upload data after signing in",
    ),
    "no_year_data": (
        "ไม่มีข้อมูลของปี {year} — นำเข้ารายงานประจำปี มาตรการ และผลสำรวจของปีนี้ แล้วตัวชี้วัดจะคำนวณได้",
        "No data for {year} — load that year's annual reports, practices and surveys and the indicators will compute",
    ),
    "not_found": ("ไม่พบสถานประกอบการ {id}", "No establishment {id}"),
    "kind_factory": ("โรงงาน", "Factory"),
    "kind_mine": ("เหมือง", "Mine"),
    "water_per_unit": ("น้ำใช้ (ลบ.ม./{unit})", "Water (m³/{unit})"),
    "wastewater_per_unit": ("น้ำทิ้ง (ลบ.ม./{unit})", "Wastewater (m³/{unit})"),
    "waste_3r_pct": ("อัตรา 3Rs (%)", "3R rate (%)"),
    "renewable_pct": ("พลังงานทดแทน (%)", "Renewable share (%)"),
    "ghg_tco2e": ("ก๊าซเรือนกระจก (ตัน CO₂e)", "GHG (tCO₂e)"),
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
    "legend_shapes": (
        "วงกลม = โรงงาน · สี่เหลี่ยม = เหมือง · วงกลมสีเทามีตัวเลข = หลายแห่งรวมกัน (ซูมเข้าเพื่อแยก) · สีพื้นตำบลตามผลของตัวชี้วัดที่เลือก",
        "circle = factory · square = mine · grey numbered bubble = several together (zoom in) · subdistrict fill = the chosen indicator's verdict",
    ),
    "profile_below_map": ("ลิงก์ข้อมูลสถานประกอบการอยู่ใต้แผนที่", "The profile link appears below the map"),
    "click_marker": ("คลิกจุดบนแผนที่เพื่อเปิดข้อมูลสถานประกอบการ", "Click a marker to open that establishment's profile"),
    "legend_fill": ("สีพื้นตำบล: เขียว = ผ่าน · แดง = ไม่ผ่าน · เทา = ไม่มีข้อมูล", "Subdistrict fill: green = pass · red = fail · grey = no data"),
    "no_boundaries": (
        "ยังไม่มีขอบเขตตำบลในฐานข้อมูล แผนที่จึงแสดงเฉพาะจุดสถานประกอบการ เพิ่มขอบเขต (OCHA COD-AB) ด้วยคำสั่ง `python -m store boundaries --file ไฟล์.geojson` หรือ `--download` เมื่อมีอินเทอร์เน็ต",
        "No subdistrict boundaries in the database yet, so the map shows establishments only. Add them (OCHA COD-AB) with `python -m store boundaries --file FILE.geojson`, or `--download` where the internet is reachable",
    ),
    "location_check": (
        "ตรวจสอบพิกัด: สถานประกอบการที่พิกัดไม่อยู่ในตำบลที่แจ้ง",
        "Location check: establishments whose point is not in the subdistrict they claim",
    ),
    "location_ok": ("พิกัดของทุกสถานประกอบการอยู่ในตำบลที่แจ้ง", "Every establishment's point lies in the subdistrict it claims"),
    "other_subdistrict": ("อยู่ในอีกตำบลหนึ่ง", "inside the other subdistrict"),
    "outside": ("อยู่นอกทั้งสองตำบล", "outside both subdistricts"),
    "no_coordinates": ("ไม่มีพิกัด", "no coordinates"),
    "misplaced": ("พิกัดไม่ตรงกับตำบลที่แจ้ง", "point not in the claimed subdistrict"),
    "attribution": (
        "ขอบเขตตำบล: © RTSD / OCHA, COD-AB Thailand ผ่าน HDX (CC BY-IGO)",
        "Boundaries: © RTSD / OCHA, COD-AB Thailand, via HDX (CC BY-IGO)",
    ),
    "profile_link": ("เปิดข้อมูลสถานประกอบการ", "Open profile"),
    "page_signin": ("เข้าสู่ระบบ", "Sign in"),
    "sign_in_staff": ("เข้าสู่ระบบ (เจ้าหน้าที่)", "Sign in (staff)"),
    "page_account": ("บัญชีของฉัน", "My account"),
    "page_upload": ("นำเข้าข้อมูล CSV", "Upload CSV"),
    "page_batches": ("ประวัติการนำเข้า", "Batch history"),
    "page_checklists": ("รายการหลักฐานและแผนงาน", "Checklists"),
    "page_criteria": ("เกณฑ์ตัวชี้วัด", "Criteria"),
    "page_accounts": ("ผู้ใช้และสิทธิ์", "Accounts"),
    "page_publish": ("เผยแพร่หน้าเว็บสาธารณะ", "Public site"),
    "section_dashboard": ("แดชบอร์ด", "Dashboard"),
    "section_desk": ("งานข้อมูล", "Data desk"),
    "section_admin": ("ผู้ดูแลระบบ", "Administration"),
    "username": ("ชื่อผู้ใช้", "Username"),
    "password": ("รหัสผ่าน", "Password"),
    "sign_in": ("เข้าสู่ระบบ", "Sign in"),
    "sign_out": ("ออกจากระบบ", "Sign out"),
    "signed_in_as": ("เข้าสู่ระบบในชื่อ {user} ({role})", "Signed in as {user} ({role})"),
    "bad_credentials": ("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง", "Wrong username or password"),
    "signin_needed": (
        "กรุณาเข้าสู่ระบบเพื่อดูแดชบอร์ด (ผู้ดูแลระบบเปิดให้ดูโดยไม่ต้องเข้าสู่ระบบได้)",
        "Please sign in to see the dashboard (an admin can open reading without sign-in)",
    ),
    "must_change": ("กรุณาเปลี่ยนรหัสผ่านชั่วคราวก่อนใช้งาน", "Please replace your one-time password before going on"),
    "old_password": ("รหัสผ่านปัจจุบัน", "Current password"),
    "new_password": ("รหัสผ่านใหม่ (อย่างน้อย 10 ตัวอักษร)", "New password (at least 10 characters)"),
    "change_password": ("เปลี่ยนรหัสผ่าน", "Change password"),
    "password_changed": ("เปลี่ยนรหัสผ่านแล้ว", "Password changed"),
    "not_allowed": ("บทบาทของคุณไม่มีสิทธิ์ใช้หน้านี้", "Your role may not use this page"),
    "role_committee": ("คณะกรรมการ (ดูอย่างเดียว)", "committee (read)"),
    "role_analyst": ("นักวิเคราะห์ (นำเข้าข้อมูล แก้ไขรายการหลักฐาน)", "analyst (upload, checklists)"),
    "role_admin": ("ผู้ดูแลระบบ", "admin"),
    "choose_table": ("ตารางปลายทาง", "Target table"),
    "detect_table": ("ตรวจจากหัวตารางอัตโนมัติ", "Detect from the header"),
    "download_template": ("ดาวน์โหลดแม่แบบว่าง", "Download empty template"),
    "download_example": ("ดาวน์โหลดตัวอย่าง (ข้อมูลสาธิต)", "Download example (demo rows)"),
    "column_guide": ("คำอธิบายคอลัมน์", "Column guide"),
    "upload_file": ("เลือกไฟล์ CSV (UTF-8, UTF-8 BOM หรือ TIS-620)", "Choose a CSV file (UTF-8, UTF-8 with BOM or TIS-620)"),
    "table_not_detected": (
        "ตรวจไม่พบว่าไฟล์นี้เป็นตารางใด: หัวตารางไม่ตรงกับแม่แบบใด กรุณาเลือกตารางเอง",
        "Could not tell which table this file is for: its header matches no template. Choose the table.",
    ),
    "detected_as": ("ตรวจพบว่าเป็นตาราง: {table}", "Detected table: {table}"),
    "file_summary": (
        "{rows} แถว · การเข้ารหัส {encoding} · แปลงปี พ.ศ. เป็น ค.ศ. {be} ค่า",
        "{rows} rows · encoding {encoding} · {be} Buddhist-era year(s) converted to CE",
    ),
    "problems_found": (
        "พบปัญหา {n} รายการ — ยังไม่มีการบันทึกข้อมูลใด ๆ แก้ไขไฟล์แล้วอัปโหลดใหม่",
        "{n} problem(s) found — nothing has been written. Fix the file and upload it again.",
    ),
    "download_report": ("ดาวน์โหลดรายงานปัญหา (CSV)", "Download the problem report (CSV)"),
    "ready_to_load": ("ไฟล์ผ่านการตรวจสอบ พร้อมนำเข้าเป็นหนึ่งชุด (batch)", "The file passed every check and is ready to load as one batch"),
    "confirm_load": ("ยืนยันนำเข้า", "Confirm and load"),
    "loading": ("กำลังนำเข้า…", "Loading…"),
    "loaded": (
        "นำเข้าแล้ว: ชุดที่ {batch} — เพิ่มใหม่ {inserted} แถว แทนที่ {replaced} แถว",
        "Loaded as batch {batch}: {inserted} rows inserted, {replaced} replaced",
    ),
    "already_loaded": ("ไฟล์นี้นำเข้าแล้วในชุดที่ {batch}", "This file was already loaded as batch {batch}"),
    "preview": ("ตัวอย่างข้อมูลหลังแปลง", "Preview after conversion"),
    "rollback": ("ยกเลิกการนำเข้า", "Roll back"),
    "rollback_choose": ("เลือกชุดที่จะยกเลิก", "Batch to roll back"),
    "rollback_confirm": (
        "ยืนยันการยกเลิกชุดที่ {batch}? ข้อมูลที่ชุดนี้เพิ่มจะถูกลบ และข้อมูลที่ถูกแทนที่จะกลับคืน",
        "Roll back batch {batch}? Rows it inserted are deleted and rows it replaced are restored.",
    ),
    "rollback_done": (
        "ยกเลิกชุดที่ {batch} แล้ว: ลบ {deleted} แถว คืนค่า {restored} แถว",
        "Batch {batch} rolled back: {deleted} rows deleted, {restored} restored",
    ),
    "rollback_none": (
        "ไม่มีชุดที่คุณยกเลิกได้ (นักวิเคราะห์ยกเลิกได้เฉพาะชุดที่ตนนำเข้า)",
        "No batch you may roll back (analysts may roll back their own batches)",
    ),
    "cancel": ("ยกเลิก", "Cancel"),
    "unsaved": (
        "มีการแก้ไขที่ยังไม่บันทึก {n} ช่อง — กด บันทึก ก่อนออกจากหน้านี้ มิฉะนั้นการแก้ไขจะหายไป",
        "{n} unsaved change(s) — press Save before leaving this page, or they are lost",
    ),
    "rollback_do": ("ยืนยัน ย้อนการนำเข้าชุดนี้", "Yes, roll it back"),
    "rollback_keep": ("ไม่ เก็บไว้ตามเดิม", "No, keep it"),
    "original_files": ("ไฟล์ต้นฉบับของแต่ละชุด", "The original file of a batch"),
    "choose_batch": ("เลือกชุดข้อมูล", "Choose a batch"),
    "original_not_kept": (
        "ชุดนี้นำเข้าก่อนที่ระบบจะเก็บไฟล์ต้นฉบับ จึงไม่มีไฟล์ให้ดาวน์โหลด",
        "This batch was loaded before original files were kept; there is no file to download.",
    ),
    "download_original": ("ดาวน์โหลดไฟล์ต้นฉบับ (ตามที่อัปโหลด)", "Download the original file (as uploaded)"),
    "tables_now": ("ข้อมูลปัจจุบันของแต่ละตาราง (สำหรับแก้ไขใน Excel)", "Each table as it is now (to fix in Excel)"),
    "batch_loaded": ("นำเข้าแล้ว", "loaded"),
    "batch_rolled_back": ("ยกเลิกแล้ว", "rolled back"),
    "demo_short": ("สาธิต", "demo"),
    "confirm": ("ยืนยัน", "Confirm"),
    "save": ("บันทึก", "Save"),
    "saved_cells": ("บันทึกแล้ว {n} ช่อง", "Saved {n} changed cell(s)"),
    "nothing_changed": ("ไม่มีการเปลี่ยนแปลง", "Nothing changed"),
    "edit_history": ("ประวัติการแก้ไข", "Edit history"),
    "evidence_tab": ("เอกสารหลักฐาน", "Evidence"),
    "activities_tab": ("กิจกรรมตามแผน", "Activities"),
    "reason_required": ("เหตุผลของการเปลี่ยนแปลง (จำเป็น)", "Reason for the change (required)"),
    "criteria_saved": ("บันทึกเกณฑ์แล้ว {n} ตัวชี้วัด", "Saved {n} criterion change(s)"),
    "criteria_caption": ("ประเมินตามเกณฑ์ฉบับ {version}", "Scored under criteria version {version}"),
    "criteria_versions": ("ฉบับของเกณฑ์และปีที่ใช้", "Criteria versions and the years they apply to"),
    "criteria_version": ("เกณฑ์ฉบับ", "Criteria version"),
    "criteria_edit_version": ("ฉบับที่จะแก้ไขค่าเกณฑ์", "Version whose thresholds to edit"),
    "criteria_import": ("นำเข้าเกณฑ์ฉบับใหม่ (ไฟล์ CSV)", "Import a criteria version (CSV file)"),
    "criteria_import_help": (
        "ดาวน์โหลดฉบับปัจจุบันเป็นแม่แบบ แก้ใน Excel (หนึ่งแถวต่อหนึ่งตัวชี้วัด) แล้วนำเข้าด้วยชื่อใหม่ เช่น diw-2565",
        "Download the current version as a template, edit it in Excel (one row per indicator), then import it under a new name such as diw-2565",
    ),
    "criteria_new_name": ("ชื่อฉบับ", "Version name"),
    "criteria_imported": ("นำเข้าเกณฑ์ฉบับ {version} แล้ว {n} ตัวชี้วัด", "Imported criteria version {version}: {n} indicators"),
    "criteria_apply": ("ใช้เกณฑ์ฉบับนี้ตั้งแต่ปี", "Apply a version from a year"),
    "criteria_applied": ("เกณฑ์ฉบับ {version} ใช้ตั้งแต่ปี {year} เป็นต้นไป", "Criteria version {version} applies from {year} on"),
    "criteria_download": ("ดาวน์โหลดฉบับนี้ (CSV)", "Download this version (CSV)"),
    "criteria_compare": ("เปรียบเทียบผลตามเกณฑ์สองฉบับ", "Compare the scorecard under two versions"),
    "criteria_compare_with": ("เทียบกับเกณฑ์ฉบับ", "Compare with version"),
    "criteria_applies": ("ใช้กับปี", "Applies to"),
    "imported_by": ("ผู้นำเข้า", "Imported by"),
    "imported_at": ("เวลานำเข้า", "Imported at"),
    "criterion": ("เกณฑ์", "Criterion"),
    "criteria_indicators": ("จำนวนตัวชี้วัด", "Indicators"),
    "criteria_in_use": ("เกณฑ์ที่ใช้กับปีนี้ ({version})", "version for this year ({version})"),
    "criteria_under": ("เมื่อใช้เกณฑ์ {version}", "if {version} applied"),
    "add_user": ("เพิ่มผู้ใช้", "Add a user"),
    "role": ("บทบาท", "Role"),
    "one_time_password": (
        "รหัสผ่านชั่วคราวของ {user}: `{password}` — แจ้งผู้ใช้ครั้งเดียว ระบบจะไม่แสดงอีก",
        "One-time password for {user}: `{password}` — give it to them now; it is not shown again",
    ),
    "reset_password": ("ตั้งรหัสผ่านชั่วคราวใหม่", "Issue a new one-time password"),
    "public_read": ("เปิดให้ดูแดชบอร์ดโดยไม่ต้องเข้าสู่ระบบ", "Open the dashboard for reading without sign-in"),
    "active": ("ใช้งานได้", "Active"),
}

COLUMNS: dict[str, tuple[str, str]] = {
    "entity_id": ("รหัส", "ID"),
    "name": ("ชื่อ", "Name"),
    "name_th": ("ชื่อ (ภาษาไทย)", "Name (Thai)"),
    "name_en": ("ชื่อ (ภาษาอังกฤษ)", "Name (English)"),
    "title_th": ("ชื่อกิจกรรม (ภาษาไทย)", "Title (Thai)"),
    "title_en": ("ชื่อกิจกรรม (ภาษาอังกฤษ)", "Title (English)"),
    "subdistrict_code": ("ตำบล", "Subdistrict"),
    "kind": ("ประเภท", "Kind"),
    "counted": ("นับเป็นผลงาน", "Counted"),
    "in_denominator": ("อยู่ในตัวหาร", "In denominator"),
    "reason": ("เหตุผล", "Why"),
    "detail": ("รายละเอียด", "Detail"),
    "change_pct": ("เปลี่ยนแปลง (%)", "Change (%)"),
    "intensity": ("ค่าปีนี้ต่อหน่วย", "This year per unit"),
    "previous": ("ค่าปีก่อนต่อหน่วย", "Last year per unit"),
    "target": ("เป้าหมาย", "Target"),
    "samples": ("จำนวนตัวอย่าง", "Samples"),
    "exceedances": ("เกินมาตรฐาน", "Exceedances"),
    "item_no": ("ลำดับ", "No."),
    "description_th": ("รายการ (ภาษาไทย)", "Item (Thai)"),
    "description_en": ("รายการ (ภาษาอังกฤษ)", "Item (English)"),
    "responsible": ("ผู้รับผิดชอบ", "Responsible"),
    "status": ("สถานะ", "Status"),
    "reference": ("ที่อยู่เอกสาร", "Reference"),
    "code": ("รหัส", "Code"),
    "scheme": ("การรับรอง", "Scheme"),
    "level": ("ระดับ", "Level"),
    "issued_on": ("วันที่ได้รับ", "Issued"),
    "expires_on": ("วันหมดอายุ", "Expires"),
    "valid_in_year": ("ใช้ได้ในปีที่เลือก", "Valid in the chosen year"),
    "practice": ("มาตรการ", "Practice"),
    "year": ("ปี", "Year"),
    "year_calendar": ("ปี พ.ศ. (ปีปฏิทิน)", "Year (calendar, CE)"),
    "factory_id": ("เลขทะเบียน", "Registration no."),
    "batch_id": ("ชุดที่", "Batch"),
    "table_name": ("ตาราง", "Table"),
    "file_name": ("ไฟล์", "File"),
    "sha256": ("SHA-256", "SHA-256"),
    "rows_in_file": ("แถวในไฟล์", "Rows"),
    "rows_inserted": ("เพิ่มใหม่", "Inserted"),
    "rows_replaced": ("แทนที่", "Replaced"),
    "loaded_by": ("ผู้นำเข้า", "Loaded by"),
    "loaded_at": ("เวลา", "When"),
    "rolled_back_by": ("ผู้ยกเลิก", "Rolled back by"),
    "rolled_back_at": ("เวลาที่ยกเลิก", "Rolled back at"),
    "is_demo": ("ข้อมูลสาธิต", "Demo"),
    "row": ("แถว", "Row"),
    "column": ("คอลัมน์", "Column"),
    "value": ("ค่า", "Value"),
    "rule": ("กฎ", "Rule"),
    "message": ("ปัญหา", "Problem"),
    "key": ("คีย์", "Key"),
    "required": ("ต้องระบุ", "Required"),
    "allowed": ("ค่าที่ใช้ได้", "Allowed values"),
    "description": ("คำอธิบาย", "Description"),
    "item": ("รายการเอกสาร", "Evidence item"),
    "activity_id": ("ลำดับ", "No."),
    "title": ("กิจกรรม", "Activity"),
    "indicator_code": ("ตัวชี้วัด", "Indicator"),
    "planned_start": ("เริ่มตามแผน", "Planned start"),
    "planned_end": ("สิ้นสุดตามแผน", "Planned end"),
    "done_on": ("วันที่แล้วเสร็จ", "Done on"),
    "participants": ("ผู้เข้าร่วม", "Participants"),
    "target_participants": ("เป้าหมายผู้เข้าร่วม", "Target"),
    "participation": ("ผู้เข้าร่วม/เป้าหมาย", "Participants / target"),
    "planned_period": ("ช่วงเวลาตามแผน", "Planned period"),
    "progress": ("ความคืบหน้า", "Progress"),
    "fiscal_year": ("ปีงบประมาณ", "Fiscal year"),
    "ready": ("พร้อม", "Ready"),
    "in_progress": ("กำลังดำเนินการ", "In progress"),
    "missing": ("ยังไม่มี", "Missing"),
    "total": ("ทั้งหมด", "Total"),
    "pct": ("พร้อม (%)", "Ready (%)"),
    "indicator_name": ("ชื่อตัวชี้วัด", "Indicator name"),
    "production_qty": ("ปริมาณการผลิต", "Production"),
    "production_unit": ("หน่วยผลิตภัณฑ์", "Unit of product"),
    "water_use_m3": ("น้ำใช้ (ลบ.ม.)", "Water use (m³)"),
    "wastewater_m3": ("น้ำทิ้ง (ลบ.ม.)", "Wastewater (m³)"),
    "water_per_unit": ("น้ำใช้ต่อหน่วย (ลบ.ม.)", "Water per unit (m³)"),
    "wastewater_per_unit": ("น้ำทิ้งต่อหน่วย (ลบ.ม.)", "Wastewater per unit (m³)"),
    "water_intensity_target": ("เป้าหมายน้ำใช้ต่อหน่วย", "Water target per unit"),
    "wastewater_intensity_target": ("เป้าหมายน้ำทิ้งต่อหน่วย", "Wastewater target per unit"),
    "waste_3r_pct": ("อัตรา 3Rs (%)", "3R rate (%)"),
    "renewable_pct": ("พลังงานทดแทน (%)", "Renewable share (%)"),
    "ghg_tco2e": ("ก๊าซเรือนกระจก (ตัน CO₂ เทียบเท่า)", "GHG (tCO₂e)"),
    "investment_thb": ("เงินลงทุน (บาท)", "Investment (THB)"),
    "valid": ("ใช้ได้ในปีที่เลือก", "Valid in the chosen year"),
    "username": ("ชื่อผู้ใช้", "Username"),
    "role": ("บทบาท", "Role"),
    "active": ("ใช้งานได้", "Active"),
    "must_change_password": ("ต้องเปลี่ยนรหัสผ่าน", "Must change password"),
    "created_at": ("สร้างเมื่อ", "Created"),
    "created_by": ("สร้างโดย", "Created by"),
    "last_seen_at": ("ใช้งานล่าสุด", "Last seen"),
    "session_ref": ("รหัสอ้างอิงเซสชัน", "Session reference"),
    "comparator": ("เงื่อนไข", "Condition"),
    "threshold": ("ค่าเกณฑ์", "Threshold"),
    "provisional": ("เกณฑ์ชั่วคราว", "Provisional"),
    "change_id": ("ลำดับการแก้ไข", "Change"),
    "threshold_before": ("ค่าเกณฑ์เดิม", "Threshold before"),
    "threshold_after": ("ค่าเกณฑ์ใหม่", "Threshold after"),
    "provisional_before": ("ชั่วคราว (เดิม)", "Provisional before"),
    "provisional_after": ("ชั่วคราว (ใหม่)", "Provisional after"),
    "changed_by": ("ผู้แก้ไข", "Changed by"),
    "changed_at": ("เวลาที่แก้ไข", "Changed at"),
    "expires_at": ("หมดอายุ", "Expires"),
    "client": ("เครื่อง", "Client"),
    "at": ("เวลา", "At"),
    "establishment": ("สถานประกอบการ", "Establishment"),
    "subdistrict": ("ตำบล", "Subdistrict"),
    "industry": ("ประเภทอุตสาหกรรม", "Industry"),
    "in_industrial_zone": ("อยู่ในนิคม/เขตอุตสาหกรรม", "In an industrial zone"),
    "controlled_factory": ("โรงงานควบคุม", "Controlled factory"),
    "parameter": ("พารามิเตอร์", "Parameter"),
    "sampled_on": ("วันที่เก็บตัวอย่าง", "Sampled on"),
    "unit": ("หน่วย", "Unit"),
    "num": ("ตัวตั้ง", "Numerator"),
    "den": ("ตัวหาร", "Denominator"),
    "budget_thb": ("งบประมาณ (บาท)", "Budget (THB)"),
    "lat": ("ละติจูด", "Latitude"),
    "lon": ("ลองจิจูด", "Longitude"),
    "found_code": ("ตำบลตามพิกัด", "Subdistrict of the point"),
}


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
    "planned": ("อยู่ในแผน (ยังไม่เริ่ม)", "planned"),
    "done": ("ดำเนินการแล้ว", "done"),
    "cancelled": ("ยกเลิก", "cancelled"),
    "implemented": ("ดำเนินการแล้ว", "implemented"),
}

# Code values of SPEC §2 as a reader says them (a Thai screen never shows the English code). The code lists'
# labels (practices, schemes, respondent types, questions, infrastructure systems, green-area categories) are
# reference data, data/reference/codes.csv and the database's `codes` (store/codes.py), added below.
VALUES: dict[str, tuple[str, str]] = {
    "factory": ("โรงงาน", "factory"),
    "mine": ("เหมือง", "mine"),
    "subdistrict": ("ตำบล", "subdistrict"),
    "evidence": ("เอกสารหลักฐาน", "evidence item"),
    "completed": ("แล้วเสร็จ", "completed"),  # an infrastructure project's status
    # criteria
    "percent": ("ร้อยละ", "percent"),
    "count": ("จำนวน", "count"),
    "ge": ("≥ (ไม่น้อยกว่า)", "≥ (at least)"),
    "gt": ("> (มากกว่า)", "> (more than)"),
}

VALUES.update({c.code: (c.name_th, c.name_en) for c in reversed(codes.shipped()) if c.code not in VALUES})

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
        ("ปีงบประมาณ", "fiscal year"),
        "ปีงบประมาณ พ.ศ. N เริ่ม 1 ตุลาคม พ.ศ. N-1 ถึง 30 กันยายน พ.ศ. N; แผนปฏิบัติการและเอกสารหลักฐานนับตามปีงบประมาณ ส่วนข้อมูลรายปีของโรงงานนับตามปีปฏิทิน",
        "Thai fiscal year N (BE) runs from 1 October of year N-1 to 30 September of year N; the action plan and the "
        "evidence checklist follow fiscal years, establishments' yearly data calendar years",
    ),
}
GLOSSARY_NAMES = {"fiscal_year": ("ปีงบประมาณ", "Fiscal year")}


def glossary_terms(texts: list[str] | None = None) -> list[str]:
    """The glossary's terms that appear in any of texts (all of them when texts is None)."""
    if texts is None:
        return list(GLOSSARY)
    joined = "\n".join(texts)
    return [term for term, (phrases, _, _) in GLOSSARY.items() if any(p in joined for p in phrases)]


def glossary_entry(term: str, lang: str) -> tuple[str, str]:
    """(name, explanation) of a glossary term in the language."""
    _, th, en = GLOSSARY[term]
    name = GLOSSARY_NAMES.get(term, (term, term))[0 if lang == "th" else 1]
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
PRODUCT_UNITS: dict[str, tuple[str, str]] = {
    "t": ("ตัน", "t"), "ton": ("ตัน", "t"), "tonne": ("ตัน", "t"), "ตัน": ("ตัน", "t"), "kg": ("กก.", "kg"),
    "m3": ("ลบ.ม.", "m³"), "m³": ("ลบ.ม.", "m³"), "l": ("ลิตร", "L"), "piece": ("ชิ้น", "piece"), "unit": ("หน่วย", "unit"),
}  # fmt: skip


def product_unit(units: object, lang: str) -> str:
    """The unit of product of a factory's reports in words, or 'unit' when there is none or they differ."""
    values = list(units) if isinstance(units, Iterable) and not isinstance(units, str) else [units]
    found = {v.strip() for v in values if isinstance(v, str) and v.strip()}
    generic = ("หน่วย", "unit")
    if len(found) != 1:
        return generic[0 if lang == "th" else 1]
    code = found.pop()
    words = PRODUCT_UNITS.get(code.lower())
    return (words[0] if lang == "th" else words[1]) if words else code


MONTHS_TH = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def text(key: str, lang: str, **fields: object) -> str:
    th, en = TEXT[key]
    chosen = th if lang == "th" else en
    return chosen.format(**fields) if fields else chosen


def column_labels(frame_columns: list[str], lang: str) -> dict[str, str]:
    i = 0 if lang == "th" else 1
    return {c: COLUMNS[c][i] for c in frame_columns if c in COLUMNS}


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


def area_label(code: str, names: dict[str, tuple[str, str]], lang: str) -> str:
    if code == "all":
        return text("area_all", lang)
    th, en = names.get(code, (code, code))
    return f"{th} ({code})" if lang == "th" else f"{en} ({code})"
