"""Thai and English wording of the console's own refusals; the rest of its rules are in store.messages."""

from __future__ import annotations

from store.messages import RULES as STORE_RULES
from store.messages import message as store_message

RULES: dict[str, tuple[str, str]] = {
    "console_unguarded": (
        "The SQL console is off: this database connection still allows file, network or extension access "
        "(the app must call console.guard.harden when it opens the database).",
        "คอนโซล SQL ปิดอยู่: การเชื่อมต่อฐานข้อมูลนี้ยังเข้าถึงไฟล์ เครือข่าย หรือส่วนขยายได้ (แอปต้องเรียก console.guard.harden เมื่อเปิดฐานข้อมูล)",
    ),
    "console_closed": (
        "The SQL console is closed: its start-up check of how DuckDB describes queries failed ({detail}), so no "
        "query could be checked safely. Tell the system owner (was DuckDB upgraded?).",
        "คอนโซล SQL ปิดอยู่: การตรวจสอบตอนเริ่มระบบพบว่า DuckDB อธิบายโครงสร้างคำสั่งต่างไปจากที่คาดไว้ ({detail}) "
        "จึงตรวจคำสั่งอย่างปลอดภัยไม่ได้ กรุณาแจ้งผู้ดูแลระบบ (มีการอัปเกรด DuckDB หรือไม่)",
    ),
    "query_too_big": (
        "{value}() would make a value of about {detail} characters or elements; the console allows {limit}. Counts are "
        "written as numbers, nested counts multiply, a text counts by its length, and a format's width or precision "
        "counts too. For a long series use FROM range(…) as a table.",
        "{value}() จะสร้างค่าขนาดประมาณ {detail} ตัวอักษรหรือสมาชิก คอนโซลรับได้ไม่เกิน {limit} จำนวนต้องเขียนเป็นตัวเลข "
        "จำนวนที่ซ้อนกันคูณกัน ข้อความนับตามความยาว และความกว้างหรือความละเอียดในรูปแบบข้อความก็นับด้วย "
        "หากต้องการลำดับยาวให้ใช้ FROM range(…) เป็นตาราง",
    ),
    "query_quadratic": (
        "{value}() compares every character of one text with every character of the other: about {detail} steps "
        "here, more than the {limit} allowed; compare shorter texts, e.g. left(name_th, 200).",
        "{value}() เทียบทุกตัวอักษรของข้อความหนึ่งกับทุกตัวอักษรของอีกข้อความ ในคำสั่งนี้ประมาณ {detail} ขั้น "
        "เกินกว่าที่อนุญาต {limit} ขั้น ให้เทียบข้อความที่สั้นลง เช่น left(name_th, 200)",
    ),
    "query_data_modifying": (
        "{value} inside the query: the console never changes data, so a WITH clause may hold only SELECTs.",
        "พบคำสั่ง {value} ภายในคำสั่ง คอนโซลไม่แก้ไขข้อมูล ในส่วน WITH จึงใช้ได้เฉพาะ SELECT",
    ),
    "query_worker_failed": (
        "The query's worker process stopped without an answer ({detail}); it most likely needed more memory than "
        "the {limit} GiB a console query may use. Nothing else was affected; add a filter or a LIMIT.",
        "กระบวนการที่รันคำสั่งหยุดไปโดยไม่มีผลลัพธ์ ({detail}) น่าจะใช้หน่วยความจำเกิน {limit} GiB ที่คำสั่งในคอนโซลใช้ได้ "
        "ส่วนอื่นของระบบไม่ได้รับผลกระทบ ให้เพิ่มเงื่อนไขกรองหรือใส่ LIMIT",
    ),
    "query_busy": (
        "{limit} console queries are already running on this server; try again in a moment.",
        "ขณะนี้มีคำสั่งในคอนโซลกำลังทำงานอยู่ {limit} คำสั่งบนเครื่องแม่ข่าย กรุณาลองใหม่อีกครู่",
    ),
    "query_cannot_open": (
        "The console could not open a copy of the database ({detail}); try again.",
        "คอนโซลเปิดสำเนาฐานข้อมูลไม่ได้ ({detail}) กรุณาลองใหม่",
    ),
}


def has_rule(rule: str) -> bool:
    return rule in RULES or rule in STORE_RULES


def wording(rule: str, lang: str, **fields: object) -> str:
    """A console rule in Thai or English: the console's own wording first, then the store's."""
    if rule not in RULES:
        return store_message(rule, lang, **fields)
    en, th = RULES[rule]
    values: dict[str, object] = {"value": "", "limit": "", "detail": "", "column": "", "allowed": ""}
    values.update({k: "" if v is None else v for k, v in fields.items()})
    return (th if lang == "th" else en).format(**values)


def pair(rule: str) -> tuple[str, str]:
    """(English, Thai) of a rule, wherever it is worded."""
    return RULES.get(rule) or STORE_RULES[rule]
