"""Thai and English wording of every loader rule, so reports read the same in the CLI and the app."""

from __future__ import annotations

RULES: dict[str, tuple[str, str]] = {
    "unreadable_file": (
        "The file is not readable as CSV text in UTF-8 or TIS-620 ({detail}): save it from Excel as 'CSV UTF-8'",
        "อ่านไฟล์เป็นข้อความ CSV แบบ UTF-8 หรือ TIS-620 ไม่ได้ ({detail}): ใน Excel ให้บันทึกเป็น 'CSV UTF-8'",
    ),
    "file_too_large": (
        "The file is larger than the limit of {limit}: split it into smaller files",
        "ไฟล์ใหญ่เกินขนาดที่รับได้ ({limit}): แบ่งเป็นหลายไฟล์",
    ),
    "line_too_long": (
        "Line {row} is longer than {limit}: this is not a CSV table row (is it the right file?)",
        "บรรทัดที่ {row} ยาวเกิน {limit}: ไม่ใช่แถวของตาราง CSV (ตรวจว่าเลือกไฟล์ถูกต้อง)",
    ),
    "too_many_columns": (
        "The header has {value} columns; a template has at most a few dozen (limit {limit}): is it the right file?",
        "หัวตารางมี {value} คอลัมน์ มากเกินกว่าที่แม่แบบใดมี (จำกัด {limit}): ตรวจว่าเลือกไฟล์ถูกต้อง",
    ),
    "header_missing": (
        "Row 1 is empty: the first row must be the header with the template's column names",
        "แถวที่ 1 ว่าง: แถวแรกต้องเป็นหัวตารางที่มีชื่อคอลัมน์ตามแม่แบบ",
    ),
    "unreadable_header": ("The header row cannot be read as CSV ({detail})", "อ่านหัวตาราง (แถวที่ 1) เป็น CSV ไม่ได้ ({detail})"),
    "too_many_values": (
        'Row {row} has {value} values, the header has {limit}: a comma inside a name needs quotes ("บริษัท ก, จำกัด")',
        'แถวที่ {row} มี {value} ค่า แต่หัวตารางมี {limit} คอลัมน์: ถ้าในข้อความมีจุลภาค (,) ต้องครอบด้วยเครื่องหมายคำพูด ("บริษัท ก, จำกัด")',
    ),
    "too_few_values": (
        'Row {row} has {value} values, the header has {limit}: a value is missing, or a quote (") opened in this row is never closed',
        'แถวที่ {row} มี {value} ค่า แต่หัวตารางมี {limit} คอลัมน์: มีค่าหายไป หรือมีเครื่องหมายคำพูด (") ที่เปิดแล้วไม่ได้ปิด',
    ),
    "every_row_extra": (
        "Every data row has {value} values but the header has {limit}: remove the separator at the end of each row, or add the missing column name",
        "ทุกแถวข้อมูลมี {value} ค่า แต่หัวตารางมี {limit} คอลัมน์: ลบจุลภาคท้ายแถว หรือเพิ่มชื่อคอลัมน์ที่ขาด",
    ),
    "every_row_short": (
        "Every data row has {value} values but the header has {limit}: the header has a column the rows lack",
        "ทุกแถวข้อมูลมี {value} ค่า แต่หัวตารางมี {limit} คอลัมน์: หัวตารางมีคอลัมน์ที่แถวข้อมูลไม่มี",
    ),
    "values_without_header": (
        "Column {value} has values but no name in the header (rows {detail}): name it or delete it",
        "คอลัมน์ที่ {value} มีข้อมูลแต่ไม่มีชื่อในหัวตาราง (แถว {detail}): ตั้งชื่อหรือลบคอลัมน์นั้น",
    ),
    "more_of_the_same": (
        "… and {limit} more row(s) with the same problem in column '{column}'",
        "… และอีก {limit} แถวที่มีปัญหาเดียวกันในคอลัมน์ '{column}'",
    ),
    "unknown_table": ("Unknown table '{value}'; choose one of: {allowed}", "ไม่รู้จักตาราง '{value}' เลือกได้จาก: {allowed}"),
    "nothing_to_load": ("Nothing to load: the file has no data rows", "ไม่มีข้อมูลให้นำเข้า: ไฟล์ไม่มีแถวข้อมูล"),
    "unknown_column": (
        "Unknown column '{column}'; the template's columns are: {allowed}",
        "ไม่รู้จักคอลัมน์ '{column}' คอลัมน์ตามแม่แบบคือ: {allowed}",
    ),
    "missing_key_column": ("Key column '{column}' is missing from the header", "ไม่มีคอลัมน์หลัก '{column}' ในหัวตาราง"),
    "duplicate_column": ("Column '{column}' appears more than once in the header", "คอลัมน์ '{column}' ซ้ำในหัวตาราง"),
    "not_a_number": ("'{value}' is not a number", "'{value}' ไม่ใช่ตัวเลข"),
    "not_an_integer": ("'{value}' is not a whole number", "'{value}' ไม่ใช่จำนวนเต็ม"),
    "not_a_date": ("'{value}' is not a date (use YYYY-MM-DD or D/M/YYYY)", "'{value}' ไม่ใช่วันที่ (ใช้ YYYY-MM-DD หรือ ว/ด/ปปปป)"),
    "not_a_boolean": (
        "'{value}' is not yes/no (true/false, 1/0, y/n, ใช่/ไม่ใช่, มี/ไม่มี)",
        "'{value}' ไม่ใช่ ใช่/ไม่ใช่ (true/false, 1/0, y/n, มี/ไม่มี)",
    ),
    "required": ("'{column}' is required", "ต้องระบุ '{column}'"),
    "allowed": ("'{value}' is not allowed in '{column}'; use one of: {allowed}", "'{value}' ใช้ไม่ได้ใน '{column}' ใช้ได้เฉพาะ: {allowed}"),
    "min": ("'{column}' must be at least {limit} (got {value})", "'{column}' ต้องไม่น้อยกว่า {limit} (ได้ {value})"),
    "min_exclusive": ("'{column}' must be greater than {limit} (got {value})", "'{column}' ต้องมากกว่า {limit} (ได้ {value})"),
    "max": ("'{column}' must be at most {limit} (got {value})", "'{column}' ต้องไม่เกิน {limit} (ได้ {value})"),
    "year_range": ("Year {value} is out of range (1900–2200 CE, or BE ≥ 2400)", "ปี {value} อยู่นอกช่วง (ค.ศ. 1900–2200 หรือ พ.ศ. ตั้งแต่ 2400)"),
    "unknown_subdistrict": ("'{value}' is not a known subdistrict code ({allowed})", "'{value}' ไม่ใช่รหัสตำบลที่รู้จัก ({allowed})"),
    "unknown_factory": (
        "factory_id '{value}' is not in establishments (load it there first)",
        "ไม่พบ factory_id '{value}' ในตารางสถานประกอบการ (นำเข้าสถานประกอบการก่อน)",
    ),
    "unknown_parameter": (
        "'{value}' is not a parameter of the effluent standards ({allowed})",
        "'{value}' ไม่ใช่พารามิเตอร์ในมาตรฐานน้ำทิ้ง ({allowed})",
    ),
    "unit_mismatch": ("Unit '{value}' does not match the standard's unit '{limit}'", "หน่วย '{value}' ไม่ตรงกับหน่วยของมาตรฐาน '{limit}'"),
    "ph_range": ("pH must be between 0 and 14 (got {value})", "ค่า pH ต้องอยู่ระหว่าง 0 ถึง 14 (ได้ {value})"),
    "gi_level_required": ("A GI certificate needs a level 1–5", "การรับรอง GI ต้องระบุระดับ 1–5"),
    "expires_before_issued": ("expires_on {value} is before issued_on", "expires_on {value} อยู่ก่อน issued_on"),
    "closed_before_registered": ("closed_year {value} is before registered_year", "closed_year {value} อยู่ก่อน registered_year"),
    "end_before_start": ("planned_end {value} is before planned_start", "planned_end {value} อยู่ก่อน planned_start"),
    "waste_3r_exceeds_generated": ("waste_3r_t {value} is more than waste_generated_t", "waste_3r_t {value} มากกว่า waste_generated_t"),
    "renewable_exceeds_total": (
        "energy_renewable_gj {value} is more than energy_total_gj",
        "energy_renewable_gj {value} มากกว่า energy_total_gj",
    ),
    "lat_lon_pair": ("Give both lat and lon, or neither", "ต้องระบุทั้ง lat และ lon หรือไม่ระบุทั้งคู่"),
    "unknown_indicator": ("'{value}' is not an indicator code of the catalogue", "'{value}' ไม่ใช่รหัสตัวชี้วัดในบัญชีตัวชี้วัด"),
    "duplicate_key": ("The same key ({value}) is in rows {detail} of this file", "คีย์ ({value}) ซ้ำกันในแถว {detail} ของไฟล์นี้"),
    "database_rule": (
        "The database refused the data on a rule the file check missed; nothing was written (please report this file)",
        "ฐานข้อมูลไม่ยอมรับข้อมูลตามกฎที่การตรวจไฟล์ไม่พบ ไม่มีการบันทึกใด ๆ (กรุณาแจ้งผู้ดูแลระบบพร้อมไฟล์นี้)",
    ),
    "cli_not_loaded": (
        "{value}: NOT loaded into {column}; nothing was written. {limit} problem(s):",
        "{value}: ไม่ได้นำเข้าตาราง {column} ไม่มีการบันทึกใด ๆ พบปัญหา {limit} รายการ:",
    ),
    "cli_row": ("row {row}", "แถว {row}"),
    "cli_file": ("file", "ทั้งไฟล์"),
    "cli_column": ("column {column}", "คอลัมน์ {column}"),
    "cli_more": ("… and {limit} more", "… และอีก {limit} รายการ"),
}


def message(rule: str, lang: str, **fields: object) -> str:
    en, th = RULES[rule]
    template = th if lang == "th" else en
    values: dict[str, object] = {"row": "", "column": "", "value": "", "allowed": "", "limit": "", "detail": ""}
    values.update({k: "" if v is None else v for k, v in fields.items()})
    return template.format(**values)
