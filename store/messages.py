"""Thai and English wording of every loader rule, so reports read the same in the CLI and the app."""

from __future__ import annotations

RULES: dict[str, tuple[str, str]] = {
    "unreadable_file": ("The file is not readable text: {detail}", "อ่านไฟล์ไม่ได้: {detail}"),
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
    "duplicate_key": ("Same key ({value}) as row(s) {detail} of this file", "คีย์ ({value}) ซ้ำกับแถว {detail} ในไฟล์นี้"),
    "database_rule": ("The database refused the data: {detail}", "ฐานข้อมูลไม่ยอมรับข้อมูล: {detail}"),
}


def message(rule: str, lang: str, **fields: object) -> str:
    en, th = RULES[rule]
    template = th if lang == "th" else en
    values: dict[str, object] = {"column": "", "value": "", "allowed": "", "limit": "", "detail": ""}
    values.update({k: "" if v is None else v for k, v in fields.items()})
    return template.format(**values)
