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
    "too_many_rows": (
        "The file has {value} lines, more than the {limit} an upload may have: split it, or load it in parts",
        "ไฟล์มี {value} บรรทัด มากกว่าที่นำเข้าได้ครั้งละ {limit} บรรทัด: แบ่งเป็นหลายไฟล์",
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
    "too_long": (
        "'{column}' is longer than the {limit} characters it may have: '{value}'",
        "'{column}' ยาวเกิน {limit} ตัวอักษรที่รับได้: '{value}'",
    ),
    "bad_identifier": (
        "'{value}' cannot be a {column}: an identifier starts with a letter or digit (Thai or Latin) and has only letters, "
        "digits, spaces and . - _ / ( ) # : +",
        "'{value}' ใช้เป็น {column} ไม่ได้: รหัสต้องขึ้นต้นด้วยตัวอักษร (ไทยหรืออังกฤษ) หรือตัวเลข และมีได้เฉพาะตัวอักษร ตัวเลข ช่องว่าง และ . - _ / ( ) # : +",
    ),
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
    "activity_number": (
        "'{value}' is not an activity number: numbers separated by dots, such as 1, 1.5 or 2.3.1",
        "'{value}' ไม่ใช่ลำดับกิจกรรม: ต้องเป็นตัวเลขคั่นด้วยจุด เช่น 1, 1.5 หรือ 2.3.1",
    ),
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


# Refusals of the store's other operations (rollback, accounts, edits, boundaries), in the same two languages.
RULES.update(
    {
        "no_batch": ("There is no batch {value}.", "ไม่มีชุดข้อมูลที่ {value}"),
        "already_rolled_back": ("Batch {value} was already rolled back.", "ชุดที่ {value} ถูกยกเลิกไปแล้ว"),
        "later_batches": (
            "Later batch(es) {detail} replaced rows of batch {value}; roll those back first.",
            "ชุดที่ {detail} ซึ่งนำเข้าภายหลังได้แทนที่ข้อมูลของชุดที่ {value} ต้องยกเลิกชุดเหล่านั้นก่อน",
        ),
        "establishments_in_use": (
            "Batch {value} added establishments that other tables now use; roll back or remove those rows first.",
            "ชุดที่ {value} เพิ่มสถานประกอบการที่ตารางอื่นใช้อยู่ ต้องยกเลิกหรือลบข้อมูลเหล่านั้นก่อน",
        ),
        "edited_after_batch": (
            "Rolling back batch {value} would undo {limit} checklist edit(s) made after it ({detail}); "
            "edit those items back, or load a corrected file instead.",
            "การยกเลิกชุดที่ {value} จะลบการแก้ไขรายการที่ทำภายหลัง {limit} รายการ ({detail}) ให้แก้ไขรายการเหล่านั้นกลับเอง หรือนำเข้าไฟล์ที่แก้ไขแล้วแทน",
        ),
        "not_your_batch": (
            "Batch {value} was loaded by {detail}; an analyst may roll back only their own batches.",
            "ชุดที่ {value} นำเข้าโดย {detail} นักวิเคราะห์ยกเลิกได้เฉพาะชุดที่ตนนำเข้า",
        ),
        "bad_username": ("A username uses letters, digits, '.', '_' or '-' only.", "ชื่อผู้ใช้ใช้ได้เฉพาะตัวอักษร ตัวเลข '.', '_' หรือ '-'"),
        "bad_role": ("Role must be one of {allowed}.", "บทบาทต้องเป็นหนึ่งใน {allowed}"),
        "user_exists": ("There is already an account '{value}'.", "มีบัญชี '{value}' อยู่แล้ว"),
        "no_user": ("There is no account '{value}'.", "ไม่มีบัญชี '{value}'"),
        "wrong_password": ("The current password is wrong.", "รหัสผ่านปัจจุบันไม่ถูกต้อง"),
        "password_short": ("A password needs at least {limit} characters.", "รหัสผ่านต้องมีอย่างน้อย {limit} ตัวอักษร"),
        "password_same": ("The new password must differ from the old one.", "รหัสผ่านใหม่ต้องไม่ซ้ำกับรหัสเดิม"),
        "password_common": (
            "This password is too easy to guess (a common password, a repeated character or pattern, or a simple sequence).",
            "รหัสผ่านนี้เดาง่ายเกินไป (เป็นรหัสผ่านที่ใช้กันทั่วไป ตัวอักษรหรือรูปแบบซ้ำ หรือเรียงลำดับง่าย ๆ)",
        ),
        "password_long": (
            "A password may be at most {limit} bytes: about {limit} English letters or digits, but only 24 Thai letters "
            "(each takes 3 bytes). This one takes {value}: shorten it.",
            "รหัสผ่านยาวได้ไม่เกิน {limit} ไบต์ คือตัวอักษรภาษาอังกฤษหรือตัวเลขประมาณ {limit} ตัว แต่ตัวอักษรไทยได้เพียง 24 ตัว "
            "(ตัวละ 3 ไบต์) รหัสผ่านนี้ใช้ {value} ไบต์ ให้ย่อให้สั้นลง",
        ),
        "signin_wait": (
            "Too many wrong passwords for this account from this computer: wait {value} before the next try "
            "(an admin can lift the wait at once).",
            "ใส่รหัสผ่านของบัญชีนี้ผิดจากเครื่องนี้หลายครั้ง ให้รอ {value} ก่อนลองใหม่ (ผู้ดูแลระบบยกเลิกการรอได้ทันที)",
        ),
        "client_blocked": (
            "Too many wrong passwords from this computer, for any account: wait {value} before the next try "
            "(an admin can lift the wait at once).",
            "ใส่รหัสผ่านผิดจากเครื่องนี้หลายครั้งเกินไป (ทุกบัญชีรวมกัน) ให้รอ {value} ก่อนลองใหม่ (ผู้ดูแลระบบยกเลิกการรอได้ทันที)",
        ),
        "wait_seconds": ("{value} seconds", "{value} วินาที"),
        "wait_minutes": ("{value} minutes", "{value} นาที"),
        "unblock_requested": (
            "Asked the running app to lift {value}: it does so at its next sign-in attempt. Blocks live in the app's "
            "memory, so when the app is not running there is nothing to lift.",
            "ส่งคำขอให้แอปที่กำลังทำงานยกเลิกการรอของ {value} แล้ว แอปจะยกเลิกเมื่อมีการเข้าสู่ระบบครั้งถัดไป "
            "การรอถูกเก็บไว้ในหน่วยความจำของแอป หากแอปไม่ได้ทำงานอยู่ก็ไม่มีสิ่งใดต้องยกเลิก",
        ),
        "unblock_everything": ("every block", "ทุกบัญชีและทุกเครื่อง"),
        "blocks_title": (
            "Sign-ins that must wait (wrong passwords from one computer)",
            "การเข้าสู่ระบบที่ต้องรอ (ใส่รหัสผ่านผิดจากเครื่องเดียวกัน)",
        ),
        "block_pair": (
            "{value} from {detail}: {limit} wrong passwords in a row, waits until {column}",
            "{value} จากเครื่อง {detail}: ใส่รหัสผ่านผิดติดกัน {limit} ครั้ง ต้องรอถึง {column}",
        ),
        "block_client": (
            "Every account from {detail}: {limit} wrong passwords within 15 minutes, waits until {column}",
            "ทุกบัญชีจากเครื่อง {detail}: ใส่รหัสผ่านผิด {limit} ครั้งภายใน 15 นาที ต้องรอถึง {column}",
        ),
        "lift_block": ("Lift", "ยกเลิกการรอ"),
        "proxy_untrusted": (
            "Sign-ins arrive through a proxy (X-Forwarded-For) but EIT_TRUST_PROXY is not set: every client behind it "
            "counts as one, so one person's wrong passwords make everyone wait. Set EIT_TRUST_PROXY=1 (SECURITY.md).",
            "การเข้าสู่ระบบผ่านพร็อกซี (X-Forwarded-For) แต่ไม่ได้ตั้งค่า EIT_TRUST_PROXY ทุกเครื่องที่อยู่หลังพร็อกซีจึงนับเป็นเครื่องเดียว "
            "การใส่รหัสผิดของคนหนึ่งทำให้ทุกคนต้องรอ ให้ตั้งค่า EIT_TRUST_PROXY=1 (ดู SECURITY.md)",
        ),
        "blocks_none": (
            "No sign-in must wait now. Waits live in the app's memory; `python -m store users unblock` lifts them from the command line.",
            "ขณะนี้ไม่มีการเข้าสู่ระบบที่ต้องรอ การรอเก็บไว้ในหน่วยความจำของแอป ยกเลิกจากบรรทัดคำสั่งได้ด้วย `python -m store users unblock`",
        ),
        "password_is_username": ("The password must not contain the username.", "รหัสผ่านต้องไม่มีชื่อผู้ใช้อยู่ในนั้น"),
        "not_editable": ("{value} is not editable here.", "แก้ไข {value} ในหน้านี้ไม่ได้"),
        "edit_not_allowed_value": (
            "'{value}' is not allowed in '{column}'; use one of: {allowed}",
            "'{value}' ใช้ไม่ได้ใน '{column}' ใช้ได้เฉพาะ: {allowed}",
        ),
        "edit_refused_by_database": (
            "The change breaks a rule of the table (for example an end date before the start); nothing was saved.",
            "การแก้ไขขัดกับกฎของตาราง (เช่น วันสิ้นสุดก่อนวันเริ่ม) ไม่มีการบันทึก",
        ),
        "fiscal_year_exists": (
            "Fiscal year {value} already has rows; edit them instead of copying.",
            "ปีงบประมาณ {value} มีข้อมูลอยู่แล้ว ให้แก้ไขข้อมูลนั้นแทนการคัดลอก",
        ),
        "fiscal_year_empty": ("Fiscal year {value} has nothing to copy.", "ปีงบประมาณ {value} ไม่มีข้อมูลให้คัดลอก"),
        "reason_required": ("A reason is required for every change of a criterion.", "ต้องระบุเหตุผลทุกครั้งที่เปลี่ยนเกณฑ์"),
        "threshold_negative": ("A threshold is a number of at least 0.", "เกณฑ์ต้องเป็นตัวเลขตั้งแต่ 0 ขึ้นไป"),
        "threshold_over_100": ("A percentage threshold is at most 100.", "เกณฑ์ที่เป็นร้อยละต้องไม่เกิน 100"),
        "no_indicator": ("There is no indicator {value}.", "ไม่มีตัวชี้วัด {value}"),
        "demo_over_real_data": (
            "This database holds {value} batch(es) of real data and {limit} checklist edit(s); the demo data would "
            "replace rows of them. Use a new database (--db), or add --force if you really mean it.",
            "ฐานข้อมูลนี้มีข้อมูลจริง {value} ชุด และการแก้ไขรายการหลักฐาน {limit} รายการ ข้อมูลสาธิตจะเขียนทับ "
            "ให้ใช้ฐานข้อมูลใหม่ (--db) หรือเพิ่ม --force หากต้องการจริง ๆ",
        ),
        "console_unguarded": (
            "The SQL console is off: this database connection still allows file, network or extension access "
            "(the app must call metrics.console.harden when it opens the database).",
            "คอนโซล SQL ปิดอยู่: การเชื่อมต่อฐานข้อมูลนี้ยังเข้าถึงไฟล์ เครือข่าย หรือส่วนขยายได้ (แอปต้องเรียก metrics.console.harden เมื่อเปิดฐานข้อมูล)",
        ),
        "query_too_long": (
            "The query is {value} characters long; the console takes at most {limit}.",
            "คำสั่งยาว {value} ตัวอักษร คอนโซลรับได้ไม่เกิน {limit} ตัวอักษร",
        ),
        "query_syntax": ("DuckDB cannot read the query: {detail}", "DuckDB อ่านคำสั่งนี้ไม่ได้: {detail}"),
        "query_empty": ("There is no query to run: write one SELECT.", "ไม่มีคำสั่งให้ทำงาน: เขียนคำสั่ง SELECT หนึ่งคำสั่ง"),
        "query_several": (
            "The text holds {value} statements; run one SELECT at a time.",
            "ข้อความมี {value} คำสั่ง ให้ทำงานได้ครั้งละหนึ่งคำสั่ง SELECT",
        ),
        "query_not_select": (
            "Only a SELECT (or WITH … SELECT) runs here, not {value} (DuckDB statement type {detail}). "
            "The console never changes, exports, loads or attaches anything.",
            "ที่นี่ทำงานได้เฉพาะคำสั่ง SELECT (หรือ WITH … SELECT) ไม่ใช่ {value} (คำสั่งประเภท {detail} ของ DuckDB) "
            "คอนโซลไม่แก้ไข ไม่ส่งออก ไม่โหลด และไม่เชื่อมต่อสิ่งใด",
        ),
        "query_form": (
            "This form of query cannot be checked, so it is not run ({detail}); write it as a plain SELECT.",
            "ตรวจสอบคำสั่งรูปแบบนี้ไม่ได้ จึงไม่ทำงาน ({detail}) ให้เขียนเป็นคำสั่ง SELECT ธรรมดา",
        ),
        "query_internal_table": (
            "'{value}' is an internal table (accounts, settings, audit trail or stored files); the console reads data tables only.",
            "'{value}' เป็นตารางภายในของระบบ (บัญชีผู้ใช้ การตั้งค่า ประวัติการแก้ไข หรือไฟล์ที่จัดเก็บ) คอนโซลอ่านได้เฉพาะตารางข้อมูล",
        ),
        "query_unknown_table": (
            "'{value}' is not a table the console reads; it reads: {allowed}.",
            "'{value}' ไม่ใช่ตารางที่คอนโซลอ่านได้ ตารางที่อ่านได้คือ: {allowed}",
        ),
        "query_no_external_access": (
            "{value}: the console reads only this database, never files, URLs, other databases or extensions.",
            "{value}: คอนโซลอ่านได้เฉพาะฐานข้อมูลนี้ ไม่อ่านไฟล์ URL ฐานข้อมูลอื่น หรือส่วนขยาย",
        ),
        "query_side_effect": (
            "{value}() has side effects (it changes a sequence, a setting or a log, or holds the query up) and cannot run here.",
            "{value}() มีผลข้างเคียง (เปลี่ยนลำดับเลข การตั้งค่า หรือบันทึก หรือหน่วงการทำงาน) จึงใช้ที่นี่ไม่ได้",
        ),
        "query_table_function": (
            "The table function {value}() is not allowed here; allowed: {allowed}.",
            "ใช้ฟังก์ชันตาราง {value}() ที่นี่ไม่ได้ ที่ใช้ได้คือ: {allowed}",
        ),
        "query_time_limit": (
            "The query ran past the limit of {limit} s and was stopped; add a filter or a LIMIT, or join fewer tables.",
            "คำสั่งทำงานเกินเวลาที่กำหนด {limit} วินาที จึงถูกหยุด ให้เพิ่มเงื่อนไขกรอง ใส่ LIMIT หรือลดจำนวนตารางที่เชื่อม",
        ),
        "query_would_write": (
            "The query tried to write to the database; the console is read-only ({detail}).",
            "คำสั่งพยายามเขียนลงฐานข้อมูล คอนโซลอ่านได้อย่างเดียว ({detail})",
        ),
        "query_time_zone": (
            "Column '{column}' holds times with a time zone, which the console cannot show; cast it, e.g. now()::timestamp or ::varchar.",
            "คอลัมน์ '{column}' เป็นเวลาที่มีเขตเวลา ซึ่งคอนโซลแสดงไม่ได้ ให้แปลงชนิดก่อน เช่น now()::timestamp หรือ ::varchar",
        ),
        "query_too_big": (
            "{value}() makes a value as large as its count, so its count must be written as a number and all such counts "
            "together may not exceed {limit} (a format's width likewise); for a long series use FROM range(…) as a table.",
            "{value}() สร้างค่าที่มีขนาดตามจำนวนที่ระบุ จำนวนนั้นจึงต้องเขียนเป็นตัวเลข และรวมกันทั้งคำสั่งได้ไม่เกิน {limit} "
            "(ความกว้างในรูปแบบข้อความก็เช่นกัน) หากต้องการลำดับยาวให้ใช้ FROM range(…) เป็นตาราง",
        ),
        "query_memory_limit": (
            "The query needed more than {limit} GiB of memory and was stopped; add a filter or a LIMIT, or aggregate less at once.",
            "คำสั่งใช้หน่วยความจำเกิน {limit} GiB จึงถูกหยุด ให้เพิ่มเงื่อนไขกรอง ใส่ LIMIT หรือสรุปข้อมูลทีละน้อยลง",
        ),
        "query_result_too_big": (
            "The result holds more than {limit} MB of text; select fewer or shorter columns, or fewer rows.",
            "ผลลัพธ์มีข้อความเกิน {limit} MB ให้เลือกคอลัมน์น้อยลงหรือสั้นลง หรือลดจำนวนแถว",
        ),
        "query_settings": (
            "{value}: the database's settings name the server's folders and files, so the console does not show them.",
            "{value}: การตั้งค่าของฐานข้อมูลระบุโฟลเดอร์และไฟล์บนเครื่องแม่ข่าย คอนโซลจึงไม่แสดง",
        ),
        "query_failed": ("The query failed: {detail}", "คำสั่งทำงานไม่สำเร็จ: {detail}"),
        "query_truncated": (
            "Only the first {limit} rows are shown; the query returned more.",
            "แสดงเฉพาะ {limit} แถวแรก ผลลัพธ์มีมากกว่านั้น",
        ),
    }
)


# Criteria versions (store/criteria.py): an office's criteria file is checked row by row, like an upload.
RULES.update(
    {
        "town_unreadable": ("The town file {value} cannot be read ({detail})", "อ่านไฟล์เมือง {value} ไม่ได้ ({detail})"),
        "town_fields_missing": ("The town file {value} lacks {detail}", "ไฟล์เมือง {value} ขาด {detail}"),
        "town_unknown_subdistrict": (
            "{detail}: '{value}' is not a subdistrict code of Thailand (six digits, e.g. 190906)",
            "{detail}: '{value}' ไม่ใช่รหัสตำบลของประเทศไทย (ตัวเลข 6 หลัก เช่น 190906)",
        ),
        "town_area_missing": (
            "{detail}: subdistrict {value} needs its area in m² (area_m2, from its boundary polygon)",
            "{detail}: ตำบล {value} ต้องระบุพื้นที่เป็นตารางเมตร (area_m2 จากรูปขอบเขตตำบล)",
        ),
        "town_subdistrict_twice": ("{value} lists a subdistrict twice", "{value} ระบุตำบลซ้ำ"),
        "town_in_use": (
            "Table {detail} has rows in subdistricts {value}, which the town would not have: roll those batches back first",
            "ตาราง {detail} มีข้อมูลของตำบล {value} ซึ่งไม่อยู่ในเมืองนี้ ให้ยกเลิกชุดข้อมูลเหล่านั้นก่อน",
        ),
        "criteria_every_year": ("every year", "ทุกปี"),
        "criteria_before": ("years before {value}", "ปีก่อน {value}"),
        "criteria_from": ("from {value} on", "ตั้งแต่ปี {value}"),
        "criteria_not_applied": ("not applied", "ยังไม่ได้ใช้"),
        "criteria_refused": ("Criteria {value}: nothing was written, because:", "เกณฑ์ฉบับ {value}: ไม่ได้บันทึกสิ่งใด เพราะ"),
        "criteria_no_rows": ("The criteria file has no indicator rows", "ไฟล์เกณฑ์ไม่มีแถวตัวชี้วัด"),
        "criteria_missing_column": (
            "Column '{column}' is missing: a criteria file needs {allowed}",
            "ไม่มีคอลัมน์ '{column}': ไฟล์เกณฑ์ต้องมีคอลัมน์ {allowed}",
        ),
        "criteria_unknown_column": (
            "Column '{column}' is not a criteria column (allowed: {allowed})",
            "คอลัมน์ '{column}' ไม่ใช่คอลัมน์ของไฟล์เกณฑ์ (ที่ใช้ได้: {allowed})",
        ),
        "criteria_required": ("Row {row}, column '{column}': a value is required", "แถวที่ {row} คอลัมน์ '{column}': ต้องมีค่า"),
        "criteria_bad_value": (
            "Row {row}, column '{column}': '{value}' is not one of {allowed}",
            "แถวที่ {row} คอลัมน์ '{column}': '{value}' ไม่ใช่ค่าที่ใช้ได้ ({allowed})",
        ),
        "criteria_bad_number": (
            "Row {row}, column '{column}': '{value}' is not a number {allowed}",
            "แถวที่ {row} คอลัมน์ '{column}': '{value}' ไม่ใช่ตัวเลข {allowed}",
        ),
        "criteria_bad_code": (
            "Row {row}: indicator code '{value}' must be numbers separated by dots, such as 21.1.1",
            "แถวที่ {row}: รหัสตัวชี้วัด '{value}' ต้องเป็นตัวเลขคั่นด้วยจุด เช่น 21.1.1",
        ),
        "criteria_code_twice": (
            "Rows {row} and {limit} both define indicator {value}",
            "แถวที่ {row} และ {limit} กำหนดตัวชี้วัด {value} ซ้ำกัน",
        ),
        "criteria_unknown_family": (
            "Row {row}: family '{value}' is not one of the engine's computation families ({allowed})",
            "แถวที่ {row}: family '{value}' ไม่ใช่กลุ่มการคำนวณที่ระบบมี ({allowed})",
        ),
        "criteria_unit_family": (
            "Row {row}: family {detail} computes {allowed}, not '{value}'",
            "แถวที่ {row}: family {detail} คำนวณเป็น {allowed} ไม่ใช่ '{value}'",
        ),
        "criteria_threshold_over_100": (
            "Row {row}: a percent threshold cannot be above 100 ({value})",
            "แถวที่ {row}: เกณฑ์ที่เป็นร้อยละต้องไม่เกิน 100 ({value})",
        ),
        "criteria_unknown_param": (
            "Row {row}, params: '{value}' is not a parameter of this family (allowed: {allowed})",
            "แถวที่ {row} คอลัมน์ params: '{value}' ไม่ใช่พารามิเตอร์ของ family นี้ (ที่ใช้ได้: {allowed})",
        ),
        "criteria_param_twice": ("Row {row}, params: '{value}' is given twice", "แถวที่ {row} คอลัมน์ params: '{value}' ระบุซ้ำ"),
        "criteria_param_value": (
            "Row {row}, params: '{value}' has no usable value {allowed}",
            "แถวที่ {row} คอลัมน์ params: '{value}' ไม่มีค่าที่ใช้ได้ {allowed}",
        ),
        "criteria_unknown_code": (
            "Row {row}, params: code '{value}' is not in the code list (known: {allowed}); add it to the code list first",
            "แถวที่ {row} คอลัมน์ params: รหัส '{value}' ไม่อยู่ในรายการรหัส (ที่มี: {allowed}) ให้เพิ่มรหัสในรายการก่อน",
        ),
        "criteria_param_missing": (
            "Row {row}, params: this family needs '{value}'",
            "แถวที่ {row} คอลัมน์ params: family นี้ต้องระบุ '{value}'",
        ),
        "criteria_version_name": (
            "'{value}' is not a usable version name: use letters, digits, '-' and '_' (at most 40), such as diw-2565",
            "'{value}' ใช้เป็นชื่อฉบับเกณฑ์ไม่ได้ ใช้ตัวอักษรอังกฤษ ตัวเลข '-' และ '_' (ไม่เกิน 40 ตัว) เช่น diw-2565",
        ),
        "criteria_shipped": (
            "Version {value} is the shipped criteria and cannot be replaced; import your file under another name",
            "ฉบับ {value} เป็นเกณฑ์ที่มากับระบบ แทนที่ไม่ได้ ให้นำเข้าไฟล์ของท่านด้วยชื่ออื่น",
        ),
        "criteria_unknown_version": (
            "There is no criteria version '{value}' (known: {allowed})",
            "ไม่มีเกณฑ์ฉบับ '{value}' (ที่มี: {allowed})",
        ),
        "criteria_bad_year": (
            "'{value}' is not a year: give a CE year such as 2023 or a BE year such as 2566",
            "'{value}' ไม่ใช่ปี ให้ระบุปี ค.ศ. เช่น 2023 หรือปี พ.ศ. เช่น 2566",
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
    en, th = RULES[rule]
    template = th if lang == "th" else en
    values: dict[str, object] = {"row": "", "column": "", "value": "", "allowed": "", "limit": "", "detail": ""}
    values.update({k: "" if v is None else v for k, v in fields.items()})
    return template.format(**values)
