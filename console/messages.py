"""Thai and English wording of the SQL console's refusals and notes (every query_ and console_ rule); other rules are in store.messages."""

from __future__ import annotations

from store.messages import RULES as STORE_RULES
from store.messages import message as store_message
from store.text import Text

RULES: dict[str, Text] = {
    "console_unguarded": Text(
        "คอนโซล SQL ปิดอยู่: การเชื่อมต่อฐานข้อมูลนี้ยังเข้าถึงไฟล์ เครือข่าย หรือส่วนขยายได้ (แอปต้องเรียก console.guard.harden เมื่อเปิดฐานข้อมูล)",
        "The SQL console is off: this database connection still allows file, network or extension access "
        "(the app must call console.guard.harden when it opens the database).",
    ),
    "console_closed": Text(
        "คอนโซล SQL ปิดอยู่: การตรวจสอบตอนเริ่มระบบพบว่า DuckDB อธิบายโครงสร้างคำสั่งต่างไปจากที่คาดไว้ ({detail}) "
        "จึงตรวจคำสั่งอย่างปลอดภัยไม่ได้ กรุณาแจ้งผู้ดูแลระบบ (มีการอัปเกรด DuckDB หรือไม่)",
        "The SQL console is closed: its start-up check of how DuckDB describes queries failed ({detail}), so no "
        "query could be checked safely. Tell the system owner (was DuckDB upgraded?).",
    ),
    "query_too_big": Text(
        "{value}() จะสร้างค่าขนาดประมาณ {detail} ตัวอักษรหรือสมาชิก คอนโซลรับได้ไม่เกิน {limit} จำนวนต้องเขียนเป็นตัวเลข "
        "จำนวนที่ซ้อนกันคูณกัน ข้อความนับตามความยาว และความกว้างหรือความละเอียดในรูปแบบข้อความก็นับด้วย "
        "หากต้องการลำดับยาวให้ใช้ FROM range(…) เป็นตาราง",
        "{value}() would make a value of about {detail} characters or elements; the console allows {limit}. Counts are "
        "written as numbers, nested counts multiply, a text counts by its length, and a format's width or precision "
        "counts too. For a long series use FROM range(…) as a table.",
    ),
    "query_quadratic": Text(
        "{value}() เทียบทุกตัวอักษรของข้อความหนึ่งกับทุกตัวอักษรของอีกข้อความ ในคำสั่งนี้ประมาณ {detail} ขั้น "
        "เกินกว่าที่อนุญาต {limit} ขั้น ให้เทียบข้อความที่สั้นลง เช่น left(name_th, 200)",
        "{value}() compares every character of one text with every character of the other: about {detail} steps "
        "here, more than the {limit} allowed; compare shorter texts, e.g. left(name_th, 200).",
    ),
    "query_data_modifying": Text(
        "พบคำสั่ง {value} ภายในคำสั่ง คอนโซลไม่แก้ไขข้อมูล ในส่วน WITH จึงใช้ได้เฉพาะ SELECT",
        "{value} inside the query: the console never changes data, so a WITH clause may hold only SELECTs.",
    ),
    "query_worker_failed": Text(
        "กระบวนการที่รันคำสั่งหยุดไปโดยไม่มีผลลัพธ์ ({detail}) น่าจะใช้หน่วยความจำเกิน {limit} GiB ที่คำสั่งในคอนโซลใช้ได้ "
        "ส่วนอื่นของระบบไม่ได้รับผลกระทบ ให้เพิ่มเงื่อนไขกรองหรือใส่ LIMIT",
        "The query's worker process stopped without an answer ({detail}); it most likely needed more memory than "
        "the {limit} GiB a console query may use. Nothing else was affected; add a filter or a LIMIT.",
    ),
    "query_busy": Text(
        "ขณะนี้มีคำสั่งในคอนโซลกำลังทำงานอยู่ {limit} คำสั่งบนเครื่องแม่ข่าย กรุณาลองใหม่อีกครู่",
        "{limit} console queries are already running on this server; try again in a moment.",
    ),
    "query_cannot_open": Text(
        "คอนโซลเปิดสำเนาฐานข้อมูลไม่ได้ ({detail}) กรุณาลองใหม่", "The console could not open a copy of the database ({detail}); try again."
    ),
    "query_too_long": Text(
        "คำสั่งยาว {value} ตัวอักษร คอนโซลรับได้ไม่เกิน {limit} ตัวอักษร",
        "The query is {value} characters long; the console takes at most {limit}.",
    ),
    "query_syntax": Text("DuckDB อ่านคำสั่งนี้ไม่ได้: {detail}", "DuckDB cannot read the query: {detail}"),
    "query_empty": Text("ไม่มีคำสั่งให้ทำงาน: เขียนคำสั่ง SELECT หนึ่งคำสั่ง", "There is no query to run: write one SELECT."),
    "query_several": Text(
        "ข้อความมี {value} คำสั่ง ให้ทำงานได้ครั้งละหนึ่งคำสั่ง SELECT", "The text holds {value} statements; run one SELECT at a time."
    ),
    "query_not_select": Text(
        "ที่นี่ทำงานได้เฉพาะคำสั่ง SELECT (หรือ WITH … SELECT) ไม่ใช่ {value} (คำสั่งประเภท {detail} ของ DuckDB) "
        "คอนโซลไม่แก้ไข ไม่ส่งออก ไม่โหลด และไม่เชื่อมต่อสิ่งใด",
        "Only a SELECT (or WITH … SELECT) runs here, not {value} (DuckDB statement type {detail}). "
        "The console never changes, exports, loads or attaches anything.",
    ),
    "query_form": Text(
        "ตรวจสอบคำสั่งรูปแบบนี้ไม่ได้ จึงไม่ทำงาน ({detail}) ให้เขียนเป็นคำสั่ง SELECT ธรรมดา",
        "This form of query cannot be checked, so it is not run ({detail}); write it as a plain SELECT.",
    ),
    "query_internal_table": Text(
        "'{value}' เป็นตารางภายในของระบบ (บัญชีผู้ใช้ การตั้งค่า ประวัติการแก้ไข หรือไฟล์ที่จัดเก็บ) คอนโซลอ่านได้เฉพาะตารางข้อมูล",
        "'{value}' is an internal table (accounts, settings, audit trail or stored files); the console reads data tables only.",
    ),
    "query_unknown_table": Text(
        "'{value}' ไม่ใช่ตารางที่คอนโซลอ่านได้ ตารางที่อ่านได้คือ: {allowed}", "'{value}' is not a table the console reads; it reads: {allowed}."
    ),
    "query_no_external_access": Text(
        "{value}: คอนโซลอ่านได้เฉพาะฐานข้อมูลนี้ ไม่อ่านไฟล์ URL ฐานข้อมูลอื่น หรือส่วนขยาย",
        "{value}: the console reads only this database, never files, URLs, other databases or extensions.",
    ),
    "query_side_effect": Text(
        "{value}() มีผลข้างเคียง (เปลี่ยนลำดับเลข การตั้งค่า หรือบันทึก หรือหน่วงการทำงาน) จึงใช้ที่นี่ไม่ได้",
        "{value}() has side effects (it changes a sequence, a setting or a log, or holds the query up) and cannot run here.",
    ),
    "query_table_function": Text(
        "ใช้ฟังก์ชันตาราง {value}() ที่นี่ไม่ได้ ที่ใช้ได้คือ: {allowed}", "The table function {value}() is not allowed here; allowed: {allowed}."
    ),
    "query_time_limit": Text(
        "คำสั่งทำงานเกินเวลาที่กำหนด {limit} วินาที จึงถูกหยุด ให้เพิ่มเงื่อนไขกรอง ใส่ LIMIT หรือลดจำนวนตารางที่เชื่อม",
        "The query ran past the limit of {limit} s and was stopped; add a filter or a LIMIT, or join fewer tables.",
    ),
    "query_would_write": Text(
        "คำสั่งพยายามเขียนลงฐานข้อมูล คอนโซลอ่านได้อย่างเดียว ({detail})",
        "The query tried to write to the database; the console is read-only ({detail}).",
    ),
    "query_time_zone": Text(
        "คอลัมน์ '{column}' เป็นเวลาที่มีเขตเวลา ซึ่งคอนโซลแสดงไม่ได้ ให้แปลงชนิดก่อน เช่น now()::timestamp หรือ ::varchar",
        "Column '{column}' holds times with a time zone, which the console cannot show; cast it, e.g. now()::timestamp or ::varchar.",
    ),
    "query_memory_limit": Text(
        "คำสั่งใช้หน่วยความจำเกิน {limit} GiB จึงถูกหยุด ให้เพิ่มเงื่อนไขกรอง ใส่ LIMIT หรือสรุปข้อมูลทีละน้อยลง",
        "The query needed more than {limit} GiB of memory and was stopped; add a filter or a LIMIT, or aggregate less at once.",
    ),
    "query_result_too_big": Text(
        "ผลลัพธ์มีข้อความเกิน {limit} MB ให้เลือกคอลัมน์น้อยลงหรือสั้นลง หรือลดจำนวนแถว",
        "The result holds more than {limit} MB of text; select fewer or shorter columns, or fewer rows.",
    ),
    "query_settings": Text(
        "{value}: การตั้งค่าของฐานข้อมูลระบุโฟลเดอร์และไฟล์บนเครื่องแม่ข่าย คอนโซลจึงไม่แสดง",
        "{value}: the database's settings name the server's folders and files, so the console does not show them.",
    ),
    "query_failed": Text("คำสั่งทำงานไม่สำเร็จ: {detail}", "The query failed: {detail}"),
    "console_years": Text(
        "ปีในตารางเก็บเป็น ค.ศ. (เช่น year = 2023) ยกเว้น fiscal_year ที่เป็น พ.ศ. ต้องการ พ.ศ. ให้อ่านจากตารางชุด พ.ศ. "
        "เช่น annual_reports_be ซึ่งมีคอลัมน์ year_be (เช่น year_be = 2566)",
        "Years are stored in CE (e.g. year = 2023), except fiscal_year, which is BE. For BE, read a view ending in _be, "
        "e.g. annual_reports_be, whose year_be column is BE (where year_be = 2566).",
    ),
    "query_years_be": Text(
        "ปีในฐานข้อมูลเก็บเป็น ค.ศ.: พ.ศ. {value} = ค.ศ. {limit} คำสั่งนี้เทียบปีกับ {value} จึงไม่พบแถวใด ให้ใช้ {limit} แทน "
        "หรืออ่านจากตารางชุด พ.ศ. (เช่น annual_reports_be) ซึ่งมีคอลัมน์ year_be เป็น พ.ศ.",
        "Years are stored in CE: {value} BE = {limit}. This query compares a year with {value} and found nothing; "
        "use {limit}, or read a view ending in _be (e.g. annual_reports_be), whose year_be column is in BE.",
    ),
    "query_truncated": Text("แสดงเฉพาะ {limit} แถวแรก ผลลัพธ์มีมากกว่านั้น", "Only the first {limit} rows are shown; the query returned more."),
}


def has_rule(rule: str) -> bool:
    return rule in RULES or rule in STORE_RULES


def wording(rule: str, lang: str, **fields: object) -> str:
    """A console rule in Thai or English: the console's own wording first, then the store's."""
    if rule not in RULES:
        return store_message(rule, lang, **fields)
    values: dict[str, object] = {"value": "", "limit": "", "detail": "", "column": "", "allowed": ""}
    values.update({k: "" if v is None else v for k, v in fields.items()})
    return RULES[rule].say(lang).format(**values)


def pair(rule: str) -> Text:
    """A rule's words, wherever it is worded."""
    return RULES.get(rule) or STORE_RULES[rule]
