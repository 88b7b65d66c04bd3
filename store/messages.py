"""Thai and English wording of every loader rule, so reports read the same in the CLI and the app."""

from __future__ import annotations

from store.text import Text

RULES: dict[str, Text] = {
    "unreadable_file": Text(
        "อ่านไฟล์เป็นข้อความ CSV แบบ UTF-8 หรือ TIS-620 ไม่ได้ ({detail}): ใน Excel ให้บันทึกเป็น 'CSV UTF-8'",
        "The file is not readable as CSV text in UTF-8 or TIS-620 ({detail}): save it from Excel as 'CSV UTF-8'",
    ),
    "file_too_large": Text(
        "ไฟล์ใหญ่เกินขนาดที่รับได้ ({limit}): แบ่งเป็นหลายไฟล์", "The file is larger than the limit of {limit}: split it into smaller files"
    ),
    "too_many_rows": Text(
        "ไฟล์มี {value} บรรทัด มากกว่าที่นำเข้าได้ครั้งละ {limit} บรรทัด: แบ่งเป็นหลายไฟล์",
        "The file has {value} lines, more than the {limit} an upload may have: split it, or load it in parts",
    ),
    "line_too_long": Text(
        "บรรทัดที่ {row} ยาวเกิน {limit}: ไม่ใช่แถวของตาราง CSV (ตรวจว่าเลือกไฟล์ถูกต้อง)",
        "Line {row} is longer than {limit}: this is not a CSV table row (is it the right file?)",
    ),
    "too_many_columns": Text(
        "หัวตารางมี {value} คอลัมน์ มากเกินกว่าที่แม่แบบใดมี (จำกัด {limit}): ตรวจว่าเลือกไฟล์ถูกต้อง",
        "The header has {value} columns; a template has at most a few dozen (limit {limit}): is it the right file?",
    ),
    "header_missing": Text(
        "แถวที่ 1 ว่าง: แถวแรกต้องเป็นหัวตารางที่มีชื่อคอลัมน์ตามแม่แบบ",
        "Row 1 is empty: the first row must be the header with the template's column names",
    ),
    "unreadable_header": Text("อ่านหัวตาราง (แถวที่ 1) เป็น CSV ไม่ได้ ({detail})", "The header row cannot be read as CSV ({detail})"),
    "too_many_values": Text(
        'แถวที่ {row} มี {value} ค่า แต่หัวตารางมี {limit} คอลัมน์: ถ้าในข้อความมีจุลภาค (,) ต้องครอบด้วยเครื่องหมายคำพูด ("บริษัท ก, จำกัด")',
        'Row {row} has {value} values, the header has {limit}: a comma inside a name needs quotes ("บริษัท ก, จำกัด")',
    ),
    "too_few_values": Text(
        'แถวที่ {row} มี {value} ค่า แต่หัวตารางมี {limit} คอลัมน์: มีค่าหายไป หรือมีเครื่องหมายคำพูด (") ที่เปิดแล้วไม่ได้ปิด',
        'Row {row} has {value} values, the header has {limit}: a value is missing, or a quote (") opened in this row is never closed',
    ),
    "every_row_extra": Text(
        "ทุกแถวข้อมูลมี {value} ค่า แต่หัวตารางมี {limit} คอลัมน์: ลบจุลภาคท้ายแถว หรือเพิ่มชื่อคอลัมน์ที่ขาด",
        "Every data row has {value} values but the header has {limit}: remove the separator at the end of each row, or add the missing column name",
    ),
    "every_row_short": Text(
        "ทุกแถวข้อมูลมี {value} ค่า แต่หัวตารางมี {limit} คอลัมน์: หัวตารางมีคอลัมน์ที่แถวข้อมูลไม่มี",
        "Every data row has {value} values but the header has {limit}: the header has a column the rows lack",
    ),
    "values_without_header": Text(
        "คอลัมน์ที่ {value} มีข้อมูลแต่ไม่มีชื่อในหัวตาราง (แถว {detail}): ตั้งชื่อหรือลบคอลัมน์นั้น",
        "Column {value} has values but no name in the header (rows {detail}): name it or delete it",
    ),
    "more_of_the_same": Text(
        "… และอีก {limit} แถวที่มีปัญหาเดียวกันในคอลัมน์ '{column}'", "… and {limit} more row(s) with the same problem in column '{column}'"
    ),
    "unknown_table": Text("ไม่รู้จักตาราง '{value}' เลือกได้จาก: {allowed}", "Unknown table '{value}'; choose one of: {allowed}"),
    "nothing_to_load": Text("ไม่มีข้อมูลให้นำเข้า: ไฟล์ไม่มีแถวข้อมูล", "Nothing to load: the file has no data rows"),
    "unknown_column": Text(
        "ไม่รู้จักคอลัมน์ '{column}' คอลัมน์ตามแม่แบบคือ: {allowed}", "Unknown column '{column}'; the template's columns are: {allowed}"
    ),
    "missing_key_column": Text("ไม่มีคอลัมน์หลัก '{column}' ในหัวตาราง", "Key column '{column}' is missing from the header"),
    "duplicate_column": Text("คอลัมน์ '{column}' ซ้ำในหัวตาราง", "Column '{column}' appears more than once in the header"),
    "not_a_number": Text("'{value}' ไม่ใช่ตัวเลข", "'{value}' is not a number"),
    "not_an_integer": Text("'{value}' ไม่ใช่จำนวนเต็ม", "'{value}' is not a whole number"),
    "not_a_date": Text("'{value}' ไม่ใช่วันที่ (ใช้ YYYY-MM-DD หรือ ว/ด/ปปปป)", "'{value}' is not a date (use YYYY-MM-DD or D/M/YYYY)"),
    "date_out_of_range": Text(
        "วันที่ '{value}' อยู่นอกช่วงที่รับได้ (ค.ศ. 1900–2200 หรือ พ.ศ. 2443–2743): ตรวจปีที่พิมพ์",
        "The date '{value}' is outside the years accepted (1900–2200 CE, 2443–2743 BE): check the year typed",
    ),
    "not_a_boolean": Text(
        "'{value}' ไม่ใช่ ใช่/ไม่ใช่ (true/false, 1/0, y/n, มี/ไม่มี)", "'{value}' is not yes/no (true/false, 1/0, y/n, ใช่/ไม่ใช่, มี/ไม่มี)"
    ),
    "required": Text("ต้องระบุ '{column}'", "'{column}' is required"),
    "allowed": Text("'{value}' ใช้ไม่ได้ใน '{column}' ใช้ได้เฉพาะ: {allowed}", "'{value}' is not allowed in '{column}'; use one of: {allowed}"),
    "min": Text("'{column}' ต้องไม่น้อยกว่า {limit} (ได้ {value})", "'{column}' must be at least {limit} (got {value})"),
    "min_exclusive": Text("'{column}' ต้องมากกว่า {limit} (ได้ {value})", "'{column}' must be greater than {limit} (got {value})"),
    "max": Text("'{column}' ต้องไม่เกิน {limit} (ได้ {value})", "'{column}' must be at most {limit} (got {value})"),
    "too_long": Text(
        "'{column}' ยาวเกิน {limit} ตัวอักษรที่รับได้: '{value}'", "'{column}' is longer than the {limit} characters it may have: '{value}'"
    ),
    "bad_identifier": Text(
        "'{value}' ใช้เป็น {column} ไม่ได้: รหัสต้องขึ้นต้นด้วยตัวอักษร (ไทยหรืออังกฤษ) หรือตัวเลข และมีได้เฉพาะตัวอักษร ตัวเลข ช่องว่าง และ . - _ / ( ) # : +",
        "'{value}' cannot be a {column}: an identifier starts with a letter or digit (Thai or Latin) and has only letters, "
        "digits, spaces and . - _ / ( ) # : +",
    ),
    "year_range": Text(
        "ปี {value} อยู่นอกช่วง (ค.ศ. 1900–2200 หรือ พ.ศ. ตั้งแต่ 2400)", "Year {value} is out of range (1900–2200 CE, or BE ≥ 2400)"
    ),
    "unknown_subdistrict": Text("'{value}' ไม่ใช่รหัสตำบลที่รู้จัก ({allowed})", "'{value}' is not a known subdistrict code ({allowed})"),
    "unknown_factory": Text(
        "ไม่พบ factory_id '{value}' ในตารางสถานประกอบการ (นำเข้าสถานประกอบการก่อน)",
        "factory_id '{value}' is not in establishments (load it there first)",
    ),
    "unknown_parameter": Text(
        "'{value}' ไม่ใช่พารามิเตอร์ในมาตรฐานน้ำทิ้ง ({allowed})", "'{value}' is not a parameter of the effluent standards ({allowed})"
    ),
    "unit_mismatch": Text("หน่วย '{value}' ไม่ตรงกับหน่วยของมาตรฐาน '{limit}'", "Unit '{value}' does not match the standard's unit '{limit}'"),
    "ph_range": Text("ค่า pH ต้องอยู่ระหว่าง 0 ถึง 14 (ได้ {value})", "pH must be between 0 and 14 (got {value})"),
    "gi_level_required": Text("การรับรอง GI ต้องระบุระดับ 1–5", "A GI certificate needs a level 1–5"),
    "expires_before_issued": Text("expires_on {value} อยู่ก่อน issued_on", "expires_on {value} is before issued_on"),
    "closed_before_registered": Text("closed_year {value} อยู่ก่อน registered_year", "closed_year {value} is before registered_year"),
    "activity_number": Text(
        "'{value}' ไม่ใช่ลำดับกิจกรรม: ต้องเป็นตัวเลขคั่นด้วยจุด เช่น 1, 1.5 หรือ 2.3.1",
        "'{value}' is not an activity number: numbers separated by dots, such as 1, 1.5 or 2.3.1",
    ),
    "end_before_start": Text("planned_end {value} อยู่ก่อน planned_start", "planned_end {value} is before planned_start"),
    "waste_3r_exceeds_generated": Text("waste_3r_t {value} มากกว่า waste_generated_t", "waste_3r_t {value} is more than waste_generated_t"),
    "renewable_exceeds_total": Text(
        "energy_renewable_gj {value} มากกว่า energy_total_gj", "energy_renewable_gj {value} is more than energy_total_gj"
    ),
    "lat_lon_pair": Text("ต้องระบุทั้ง lat และ lon หรือไม่ระบุทั้งคู่", "Give both lat and lon, or neither"),
    "unknown_indicator": Text("'{value}' ไม่ใช่รหัสตัวชี้วัดในบัญชีตัวชี้วัด", "'{value}' is not an indicator code of the catalogue"),
    "duplicate_key": Text("คีย์ ({value}) ซ้ำกันในแถว {detail} ของไฟล์นี้", "The same key ({value}) is in rows {detail} of this file"),
    "example_into_real_data": Text(
        "ไฟล์นี้คือไฟล์ตัวอย่าง (ข้อมูลสาธิต) แต่ฐานข้อมูลนี้มีข้อมูลจริงแล้ว จึงไม่นำเข้า เพื่อไม่ให้ข้อมูลสาธิตปนกับข้อมูลจริง:"
        " ใช้ไฟล์ตัวอย่างเป็นแบบในการกรอกข้อมูลของท่านเอง หรือทดลองกับฐานข้อมูลใหม่",
        "This file is the example (demo data) and this database already holds real data, so it is not loaded: demo rows"
        " must not mix with real ones. Use the example as a pattern for your own data, or try it on a new database.",
    ),
    "database_rule": Text(
        "ฐานข้อมูลไม่ยอมรับข้อมูลตามกฎที่การตรวจไฟล์ไม่พบ ไม่มีการบันทึกใด ๆ (กรุณาแจ้งผู้ดูแลระบบพร้อมไฟล์นี้)",
        "The database refused the data on a rule the file check missed; nothing was written (please report this file)",
    ),
    "cli_not_loaded": Text(
        "{value}: ไม่ได้นำเข้าตาราง {column} ไม่มีการบันทึกใด ๆ พบปัญหา {limit} รายการ:",
        "{value}: NOT loaded into {column}; nothing was written. {limit} problem(s):",
    ),
    "cli_row": Text("แถว {row}", "row {row}"),
    "cli_file": Text("ทั้งไฟล์", "file"),
    "cli_column": Text("คอลัมน์ {column}", "column {column}"),
    "cli_more": Text("… และอีก {limit} รายการ", "… and {limit} more"),
}


# Refusals of the store's other operations (rollback, accounts, edits, boundaries), in the same two languages.
RULES.update(
    {
        "no_batch": Text("ไม่มีชุดข้อมูลที่ {value}", "There is no batch {value}."),
        "already_rolled_back": Text("ชุดที่ {value} ถูกยกเลิกไปแล้ว", "Batch {value} was already rolled back."),
        "later_batches": Text(
            "ชุดที่ {detail} ซึ่งนำเข้าภายหลังได้แทนที่ข้อมูลของชุดที่ {value} ต้องยกเลิกชุดเหล่านั้นก่อน",
            "Later batch(es) {detail} replaced rows of batch {value}; roll those back first.",
        ),
        "establishments_in_use": Text(
            "ชุดที่ {value} เพิ่มสถานประกอบการที่ตารางอื่นใช้อยู่ ต้องยกเลิกหรือลบข้อมูลเหล่านั้นก่อน",
            "Batch {value} added establishments that other tables now use; roll back or remove those rows first.",
        ),
        "edited_after_batch": Text(
            "การยกเลิกชุดที่ {value} จะลบการแก้ไขรายการที่ทำภายหลัง {limit} รายการ ({detail}) "
            "เลือกว่าจะยกเลิกชุดนี้โดยเก็บการแก้ไขเหล่านั้นไว้ หรือย้อนการแก้ไขเหล่านั้นไปพร้อมกัน",
            "Rolling back batch {value} would undo {limit} checklist edit(s) made after it ({detail}); "
            "choose to roll back keeping those edits, or to revert them with it.",
        ),
        "not_your_batch": Text(
            "ชุดที่ {value} นำเข้าโดย {detail} นักวิเคราะห์ยกเลิกได้เฉพาะชุดที่ตนนำเข้า",
            "Batch {value} was loaded by {detail}; an analyst may roll back only their own batches.",
        ),
        "bad_username": Text("ชื่อผู้ใช้ใช้ได้เฉพาะตัวอักษร ตัวเลข '.', '_' หรือ '-'", "A username uses letters, digits, '.', '_' or '-' only."),
        "bad_role": Text("บทบาทต้องเป็นหนึ่งใน {allowed}", "Role must be one of {allowed}."),
        "user_exists": Text("มีบัญชี '{value}' อยู่แล้ว", "There is already an account '{value}'."),
        "no_user": Text("ไม่มีบัญชี '{value}'", "There is no account '{value}'."),
        "wrong_password": Text("รหัสผ่านปัจจุบันไม่ถูกต้อง", "The current password is wrong."),
        "password_short": Text("รหัสผ่านต้องมีอย่างน้อย {limit} ตัวอักษร", "A password needs at least {limit} characters."),
        "password_same": Text("รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสเดิม", "The new password must differ from the old one."),
        "password_common": Text(
            "รหัสผ่านนี้เดาง่ายเกินไป (เป็นรหัสผ่านที่ใช้กันทั่วไป ตัวอักษรหรือรูปแบบซ้ำ หรือเรียงลำดับง่าย ๆ)",
            "This password is too easy to guess (a common password, a repeated character or pattern, or a simple sequence).",
        ),
        "password_long": Text(
            "รหัสผ่านยาวได้ไม่เกิน {limit} ไบต์ คือตัวอักษรภาษาอังกฤษหรือตัวเลขประมาณ {limit} ตัว แต่ตัวอักษรไทยได้เพียง 24 ตัว "
            "(ตัวละ 3 ไบต์) รหัสผ่านนี้ใช้ {value} ไบต์ ให้ย่อให้สั้นลง",
            "A password may be at most {limit} bytes: about {limit} English letters or digits, but only 24 Thai letters "
            "(each takes 3 bytes). This one takes {value}: shorten it.",
        ),
        "signin_wait": Text(
            "ใส่รหัสผ่านของบัญชีนี้ผิดจากเครื่องนี้หลายครั้ง ให้รอ {value} ก่อนลองใหม่ (ผู้ดูแลระบบยกเลิกการรอได้ทันที)",
            "Too many wrong passwords for this account from this computer: wait {value} before the next try "
            "(an admin can lift the wait at once).",
        ),
        "client_blocked": Text(
            "ใส่รหัสผ่านผิดจากเครื่องนี้หลายครั้งเกินไป (ทุกบัญชีรวมกัน) ให้รอ {value} ก่อนลองใหม่ (ผู้ดูแลระบบยกเลิกการรอได้ทันที)",
            "Too many wrong passwords from this computer, for any account: wait {value} before the next try "
            "(an admin can lift the wait at once).",
        ),
        "wait_seconds": Text("{value} วินาที", "{value} seconds"),
        "wait_minutes": Text("{value} นาที", "{value} minutes"),
        "unblock_requested": Text(
            "ส่งคำขอให้แอปที่กำลังทำงานยกเลิกการรอของ {value} แล้ว แอปจะยกเลิกเมื่อมีการเข้าสู่ระบบครั้งถัดไป "
            "การรอถูกเก็บไว้ในหน่วยความจำของแอป หากแอปไม่ได้ทำงานอยู่ก็ไม่มีสิ่งใดต้องยกเลิก",
            "Asked the running app to lift {value}: it does so at its next sign-in attempt. Blocks live in the app's "
            "memory, so when the app is not running there is nothing to lift.",
        ),
        "unblock_everything": Text("ทุกบัญชีและทุกเครื่อง", "every block"),
        "blocks_title": Text("การเข้าสู่ระบบที่ต้องรอ (ใส่รหัสผ่านผิดจากเครื่องเดียวกัน)", "Sign-ins that must wait (wrong passwords from one computer)"),
        "block_pair": Text(
            "{value} จากเครื่อง {detail}: ใส่รหัสผ่านผิดติดกัน {limit} ครั้ง ต้องรอถึง {column}",
            "{value} from {detail}: {limit} wrong passwords in a row, waits until {column}",
        ),
        "block_client": Text(
            "ทุกบัญชีจากเครื่อง {detail}: ใส่รหัสผ่านผิด {limit} ครั้งภายใน 15 นาที ต้องรอถึง {column}",
            "Every account from {detail}: {limit} wrong passwords within 15 minutes, waits until {column}",
        ),
        "lift_block": Text("ยกเลิกการรอ", "Lift"),
        "proxy_untrusted": Text(
            "การเข้าสู่ระบบผ่านพร็อกซี (X-Forwarded-For) แต่ไม่ได้ตั้งค่า EIT_TRUST_PROXY ทุกเครื่องที่อยู่หลังพร็อกซีจึงนับเป็นเครื่องเดียว "
            "การใส่รหัสผิดของคนหนึ่งทำให้ทุกคนต้องรอ ให้ตั้งค่า EIT_TRUST_PROXY=1 (ดู SECURITY.md)",
            "Sign-ins arrive through a proxy (X-Forwarded-For) but EIT_TRUST_PROXY is not set: every client behind it "
            "counts as one, so one person's wrong passwords make everyone wait. Set EIT_TRUST_PROXY=1 (SECURITY.md).",
        ),
        "blocks_none": Text(
            "ขณะนี้ไม่มีการเข้าสู่ระบบที่ต้องรอ การรอเก็บไว้ในหน่วยความจำของแอป ยกเลิกจากบรรทัดคำสั่งได้ด้วย `python -m store users unblock`",
            "No sign-in must wait now. Waits live in the app's memory; `python -m store users unblock` lifts them from the command line.",
        ),
        "password_is_username": Text("รหัสผ่านต้องไม่มีชื่อผู้ใช้อยู่ในนั้น", "The password must not contain the username."),
        "not_editable": Text("แก้ไข {value} ในหน้านี้ไม่ได้", "{value} is not editable here."),
        "edit_not_allowed_value": Text(
            "'{value}' ใช้ไม่ได้ใน '{column}' ใช้ได้เฉพาะ: {allowed}", "'{value}' is not allowed in '{column}'; use one of: {allowed}"
        ),
        "edit_refused_by_database": Text(
            "การแก้ไขขัดกับกฎของตาราง (เช่น วันสิ้นสุดก่อนวันเริ่ม) ไม่มีการบันทึก",
            "The change breaks a rule of the table (for example an end date before the start); nothing was saved.",
        ),
        "fiscal_year_exists": Text(
            "ปีงบประมาณ {value} มีข้อมูลอยู่แล้ว ให้แก้ไขข้อมูลนั้นแทนการคัดลอก", "Fiscal year {value} already has rows; edit them instead of copying."
        ),
        "fiscal_year_empty": Text("ปีงบประมาณ {value} ไม่มีข้อมูลให้คัดลอก", "Fiscal year {value} has nothing to copy."),
        "fiscal_year_not_removable": Text(
            "ปีงบประมาณ {value} มีการแก้ไข {limit} ช่องหลังการคัดลอก ผู้ดูแลระบบเท่านั้นที่ลบได้",
            "Fiscal year {value} has {limit} edited cell(s) since it was copied; only an admin may remove it.",
        ),
        "fiscal_year_not_a_copy": Text(
            "ปีงบประมาณ {value} ไม่ได้เริ่มจากการคัดลอก (นำเข้าจากไฟล์) ผู้ดูแลระบบเท่านั้นที่ลบได้ หรือยกเลิกชุดข้อมูลที่นำเข้า",
            "Fiscal year {value} was not started from a copy (it was uploaded); only an admin may remove it, or roll its batch back.",
        ),
        "edit_bad_date": Text(
            "'{value}' ในคอลัมน์ '{column}' ไม่ใช่วันที่ ให้เขียนเป็น วัน/เดือน/ปี พ.ศ. เช่น 15/1/2567 ไม่มีการบันทึก",
            "'{value}' in '{column}' is not a date: write day/month/year, such as 15/1/2024; nothing was saved.",
        ),
        "reason_required": Text("ต้องระบุเหตุผลทุกครั้งที่เปลี่ยนเกณฑ์", "A reason is required for every change of a criterion."),
        "threshold_negative": Text("เกณฑ์ต้องเป็นตัวเลขตั้งแต่ 0 ขึ้นไป", "A threshold is a number of at least 0."),
        "threshold_over_100": Text("เกณฑ์ที่เป็นร้อยละต้องไม่เกิน 100", "A percentage threshold is at most 100."),
        "no_indicator": Text("ไม่มีตัวชี้วัด {value}", "There is no indicator {value}."),
        "demo_over_real_data": Text(
            "ฐานข้อมูลนี้มีข้อมูลจริง {value} ชุด และการแก้ไขรายการหลักฐาน {limit} รายการ ข้อมูลสาธิตจะเขียนทับ "
            "ให้ใช้ฐานข้อมูลใหม่ (--db) หรือเพิ่ม --force หากต้องการจริง ๆ",
            "This database holds {value} batch(es) of real data and {limit} checklist edit(s); the demo data would "
            "replace rows of them. Use a new database (--db), or add --force if you really mean it.",
        ),
    }
)


# Criteria versions (store/criteria.py): an office's criteria file is checked row by row, like an upload.
RULES.update(
    {
        "town_unreadable": Text("อ่านไฟล์เมือง {value} ไม่ได้ ({detail})", "The town file {value} cannot be read ({detail})"),
        "town_fields_missing": Text("ไฟล์เมือง {value} ขาด {detail}", "The town file {value} lacks {detail}"),
        "town_unknown_subdistrict": Text(
            "{detail}: '{value}' ไม่ใช่รหัสตำบลของประเทศไทย (ตัวเลข 6 หลัก เช่น 190906)",
            "{detail}: '{value}' is not a subdistrict code of Thailand (six digits, e.g. 190906)",
        ),
        "town_area_missing": Text(
            "{detail}: ตำบล {value} ต้องระบุพื้นที่เป็นตารางเมตร (area_m2 จากรูปขอบเขตตำบล)",
            "{detail}: subdistrict {value} needs its area in m² (area_m2, from its boundary polygon)",
        ),
        "town_subdistrict_twice": Text("{value} ระบุตำบลซ้ำ", "{value} lists a subdistrict twice"),
        "town_in_use": Text(
            "ตาราง {detail} มีข้อมูลของตำบล {value} ซึ่งไม่อยู่ในเมืองนี้ ให้ยกเลิกชุดข้อมูลเหล่านั้นก่อน",
            "Table {detail} has rows in subdistricts {value}, which the town would not have: roll those batches back first",
        ),
        "criteria_every_year": Text("ทุกปี", "every year"),
        "criteria_before": Text("ปีก่อน {value}", "years before {value}"),
        "criteria_from": Text("ตั้งแต่ปี {value}", "from {value} on"),
        "criteria_not_applied": Text("ยังไม่ได้ใช้", "not applied"),
        "criteria_refused": Text("เกณฑ์ฉบับ {value}: ไม่ได้บันทึกสิ่งใด เพราะ", "Criteria {value}: nothing was written, because:"),
        "criteria_no_rows": Text("ไฟล์เกณฑ์ไม่มีแถวตัวชี้วัด", "The criteria file has no indicator rows"),
        "criteria_missing_column": Text(
            "ไม่มีคอลัมน์ '{column}': ไฟล์เกณฑ์ต้องมีคอลัมน์ {allowed}", "Column '{column}' is missing: a criteria file needs {allowed}"
        ),
        "criteria_unknown_column": Text(
            "คอลัมน์ '{column}' ไม่ใช่คอลัมน์ของไฟล์เกณฑ์ (ที่ใช้ได้: {allowed})", "Column '{column}' is not a criteria column (allowed: {allowed})"
        ),
        "criteria_required": Text("แถวที่ {row} คอลัมน์ '{column}': ต้องมีค่า", "Row {row}, column '{column}': a value is required"),
        "criteria_bad_value": Text(
            "แถวที่ {row} คอลัมน์ '{column}': '{value}' ไม่ใช่ค่าที่ใช้ได้ ({allowed})",
            "Row {row}, column '{column}': '{value}' is not one of {allowed}",
        ),
        "criteria_bad_number": Text(
            "แถวที่ {row} คอลัมน์ '{column}': '{value}' ไม่ใช่ตัวเลข {allowed}",
            "Row {row}, column '{column}': '{value}' is not a number {allowed}",
        ),
        "criteria_bad_code": Text(
            "แถวที่ {row}: รหัสตัวชี้วัด '{value}' ต้องเป็นตัวเลขคั่นด้วยจุด เช่น 21.1.1",
            "Row {row}: indicator code '{value}' must be numbers separated by dots, such as 21.1.1",
        ),
        "criteria_code_twice": Text(
            "แถวที่ {row} และ {limit} กำหนดตัวชี้วัด {value} ซ้ำกัน", "Rows {row} and {limit} both define indicator {value}"
        ),
        "criteria_unknown_family": Text(
            "แถวที่ {row}: family '{value}' ไม่ใช่กลุ่มการคำนวณที่ระบบมี ({allowed})",
            "Row {row}: family '{value}' is not one of the engine's computation families ({allowed})",
        ),
        "criteria_unit_family": Text(
            "แถวที่ {row}: family {detail} คำนวณเป็น {allowed} ไม่ใช่ '{value}'", "Row {row}: family {detail} computes {allowed}, not '{value}'"
        ),
        "criteria_threshold_over_100": Text(
            "แถวที่ {row}: เกณฑ์ที่เป็นร้อยละต้องไม่เกิน 100 ({value})", "Row {row}: a percent threshold cannot be above 100 ({value})"
        ),
        "criteria_unknown_param": Text(
            "แถวที่ {row} คอลัมน์ params: '{value}' ไม่ใช่พารามิเตอร์ของ family นี้ (ที่ใช้ได้: {allowed})",
            "Row {row}, params: '{value}' is not a parameter of this family (allowed: {allowed})",
        ),
        "criteria_param_twice": Text("แถวที่ {row} คอลัมน์ params: '{value}' ระบุซ้ำ", "Row {row}, params: '{value}' is given twice"),
        "criteria_param_value": Text(
            "แถวที่ {row} คอลัมน์ params: '{value}' ไม่มีค่าที่ใช้ได้ {allowed}", "Row {row}, params: '{value}' has no usable value {allowed}"
        ),
        "criteria_unknown_code": Text(
            "แถวที่ {row} คอลัมน์ params: รหัส '{value}' ไม่อยู่ในรายการรหัส (ที่มี: {allowed}) ให้เพิ่มรหัสในรายการก่อน",
            "Row {row}, params: code '{value}' is not in the code list (known: {allowed}); add it to the code list first",
        ),
        "criteria_param_missing": Text(
            "แถวที่ {row} คอลัมน์ params: family นี้ต้องระบุ '{value}'", "Row {row}, params: this family needs '{value}'"
        ),
        "criteria_version_name": Text(
            "'{value}' ใช้เป็นชื่อฉบับเกณฑ์ไม่ได้ ใช้ตัวอักษรอังกฤษ ตัวเลข '-' และ '_' (ไม่เกิน 40 ตัว) เช่น diw-2565",
            "'{value}' is not a usable version name: use letters, digits, '-' and '_' (at most 40), such as diw-2565",
        ),
        "criteria_shipped": Text(
            "ฉบับ {value} เป็นเกณฑ์ที่มากับระบบ แทนที่ไม่ได้ ให้นำเข้าไฟล์ของท่านด้วยชื่ออื่น",
            "Version {value} is the shipped criteria and cannot be replaced; import your file under another name",
        ),
        "criteria_unknown_version": Text(
            "ไม่มีเกณฑ์ฉบับ '{value}' (ที่มี: {allowed})", "There is no criteria version '{value}' (known: {allowed})"
        ),
        "criteria_bad_year": Text(
            "'{value}' ไม่ใช่ปี ให้ระบุปี ค.ศ. เช่น 2023 หรือปี พ.ศ. เช่น 2566",
            "'{value}' is not a year: give a CE year such as 2023 or a BE year such as 2566",
        ),
    }
)


class Refusal(ValueError):
    """An operation the store refused: a rule code and its fields, worded in Thai or English."""

    def __init__(self, rule: str, **fields: object):
        self.rule, self.fields = rule, fields
        super().__init__(message(rule, "en", **fields))

    def text(self, lang: str = "en") -> str:
        return message(self.rule, lang, **self.fields)


def message(rule: str, lang: str, **fields: object) -> str:
    template = RULES[rule].say(lang)
    values: dict[str, object] = {"row": "", "column": "", "value": "", "allowed": "", "limit": "", "detail": ""}
    values.update({k: "" if v is None else v for k, v in fields.items()})
    return template.format(**values)
