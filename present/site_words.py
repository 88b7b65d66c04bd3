"""The public site's own words in Thai and English; every other word comes from present.words (one source)."""

from __future__ import annotations

from present import words
from store.text import Text

SITE: dict[str, Text] = {
    "site_intro": Text(
        "หน้านี้แสดงผลการประเมินเมืองอุตสาหกรรมเชิงนิเวศของ{places} ตามเกณฑ์ของกรมโรงงานอุตสาหกรรม 3 ระดับ ตัวเลขทุกตัวเป็นผลรวมของทั้งพื้นที่ ไม่มีข้อมูลรายโรงงาน",
        "This page shows how the eco-industrial town of {places} stands against the Department of"
        " Industrial Works' three levels. Every number is a total for the area, never one factory's data.",
    ),
    "skip": Text("ข้ามไปยังเนื้อหา", "Skip to content"),
    "other_language": Text("English", "ภาษาไทย"),  # the link to the other language, named in it
    "choose_year": Text("เลือกปี", "Choose a year"),
    "choose_area": Text("เลือกพื้นที่", "Choose an area"),
    "data_as_of": Text("ข้อมูล ณ {when}", "Data as of {when}"),
    "no_data_loaded": Text("ยังไม่มีข้อมูลนำเข้า", "No data loaded yet"),
    "made_on": Text("จัดทำหน้านี้เมื่อ {when}", "Page made on {when}"),
    "where_town_stands": Text("ผลการประเมิน", "Where the town stands"),
    "level_verdict": Text(
        "{level}: {verdict} (ผ่าน {passing} จาก {total} ตัวชี้วัด)", "{level}: {verdict} ({passing} of {total} indicators pass)"
    ),
    "level_rule": Text(
        "ระดับหนึ่งผ่านเมื่อทุกตัวชี้วัดของระดับนั้นผ่าน และเมืองได้ระดับสูงสุดที่ผ่านครบตั้งแต่ระดับ 1",
        "A level passes when every one of its indicators passes; the town reaches the highest level with every level below it passed.",
    ),
    "indicators_of": Text("ตัวชี้วัดของ{level}", "Indicators of {level}"),
    "explain_ratio": Text("ปี {year} ค่าเท่ากับ {value} ({num} / {den} {unit})", "In {year} the value is {value} ({num} / {den} {unit})"),
    "explain_count": Text("ปี {year} นับได้ {value} {unit}", "In {year}, {value} {unit} counted"),
    "explain_rule": Text("เกณฑ์คือ {criterion}", "The criterion is {criterion}"),
    "explain_pass": Text("จึงผ่านเกณฑ์", "so it passes"),
    "explain_fail": Text("จึงยังไม่ผ่านเกณฑ์", "so it does not pass yet"),
    "explain_no_data": Text(
        "ปี {year} ยังไม่มีข้อมูลของตัวชี้วัดนี้ จึงยังตัดสินไม่ได้ และไม่นับว่าผ่าน",
        "There is no data for this indicator in {year}, so it cannot be judged and does not count as a pass",
    ),
    "trend_link": Text("แนวโน้มรายปีและแผนภูมิ", "Trend over the years, with a chart"),
    "trend_alt": Text("แผนภูมิเส้นของตัวชี้วัด {code} รายปี ({area}): {words}", "Line chart of indicator {code} by year ({area}): {words}"),
    "trend_table": Text("ค่ารายปี ({area})", "Year by year ({area})"),
    "chart_note": Text(
        "เส้นหนาสีเขียวคือทั้งเมือง เส้นบางคือแต่ละตำบล เส้นประสีแดงคือเกณฑ์ กากบาทสีเทาคือปีที่ไม่มีข้อมูล",
        "The thick green line is the whole town, the thin lines each subdistrict, the dashed red line the criterion; a grey cross marks a year without data",
    ),
    "back_to_year": Text("กลับไปหน้าผลการประเมิน {year}", "Back to the scorecard of {year}"),
    "provisional_site": Text(
        "เกณฑ์ที่มีป้าย “เกณฑ์ชั่วคราว” ยังไม่ได้รับการยืนยันจากกรมโรงงานอุตสาหกรรม และอาจเปลี่ยนแปลงได้",
        "Criteria marked “provisional” are not yet confirmed by the Department of Industrial Works and may change.",
    ),
    "plan_progress": Text("ความคืบหน้าของแผนปฏิบัติการ", "Progress of the action plan"),
    "plan_of": Text("แผนปฏิบัติการปีงบประมาณ พ.ศ. {fy}", "Action plan of fiscal year {fy} (BE)"),
    "no_plan": Text("ยังไม่มีแผนปฏิบัติการของปีนี้", "No action plan for this year yet"),
    "activities_summary": Text("{done} จาก {total} กิจกรรมดำเนินการแล้ว", "{done} of {total} activities done"),
    "participants_summary": Text("ผู้เข้าร่วม {n} คน จากเป้าหมาย {target} คน", "{n} participants against a target of {target}"),
    "evidence_by_level": Text("ความพร้อมของเอกสารหลักฐานรายระดับ", "Evidence readiness by level"),
    "evidence_of": Text("รายการหลักฐานปีงบประมาณ พ.ศ. {fy}", "Evidence checklist of fiscal year {fy} (BE)"),
    "no_evidence": Text("ยังไม่มีรายการเอกสารหลักฐานของปีนี้หรือก่อนหน้า", "No evidence checklist for this or an earlier year yet"),
    "map_title": Text("แผนที่ตำบล", "Map of the subdistricts"),
    "map_caption": Text(
        "สีของแต่ละตำบลแสดงระดับที่ผ่านในปี {year} กดที่ตำบลเพื่อดูผลของตำบลนั้น",
        "Each subdistrict is coloured by the level it reaches in {year}; choose a subdistrict to see its scorecard",
    ),
    "map_label": Text("{name}: {level} · ผ่าน {passing} จาก {total} ตัวชี้วัด", "{name}: {level} · {passing} of {total} indicators pass"),
    "map_none": Text(
        "ยังไม่มีขอบเขตตำบลในฐานข้อมูล จึงยังไม่แสดงแผนที่ ผลรายตำบลอยู่ในตารางด้านล่าง",
        "No subdistrict boundaries are in the database yet, so no map is shown; each subdistrict's result is in the table below.",
    ),
    "map_passing": Text("ผ่าน {passing}/{total} ตัวชี้วัด", "{passing}/{total} indicators pass"),
    "map_legend": Text("สีของตำบล", "Colours"),
    "indicators_passing": Text("ตัวชี้วัดที่ผ่าน", "Indicators passing"),
    "on_this_page": Text("ในหน้านี้", "On this page"),
    "publish_intro": Text(
        "เขียนหน้าเว็บสาธารณะของเมือง (หน้าเว็บแบบคงที่และข้อมูลเปิด) ลงในโฟลเดอร์ที่เว็บเซิร์ฟเวอร์ให้บริการ ทำซ้ำได้ทุกครั้งหลังนำเข้าข้อมูล หน้าเดิมจะถูกแทนที่ทั้งชุด",
        "Write the town's public site (static pages and open data) into the folder a web server serves;"
        " run it again after each upload: the old site is replaced whole.",
    ),
    "publish_folder": Text("โฟลเดอร์ปลายทาง: {folder}", "Folder: {folder}"),
    "publish_no_folder": Text(
        "ยังไม่ได้กำหนดโฟลเดอร์: ตั้งค่าตัวแปร EIT_PUBLISH_DIR ของเซิร์ฟเวอร์ แล้วเริ่มแอปใหม่",
        "No folder set: set the server's EIT_PUBLISH_DIR variable and restart the app",
    ),
    "publish_button": Text("เผยแพร่หน้าเว็บสาธารณะ", "Publish the public site"),
    "publish_running": Text("กำลังสร้างหน้าเว็บ (ประมาณครึ่งนาที)…", "Building the site (about half a minute)…"),
    "publish_done": Text("เผยแพร่แล้ว: {summary}", "Published: {summary}"),
    "publish_failed": Text("เผยแพร่ไม่สำเร็จ: {reason}", "Publishing failed: {reason}"),
    "publish_timeout": Text("ใช้เวลานานเกิน {seconds} วินาที จึงหยุด หน้าเว็บเดิมยังอยู่", "Stopped after {seconds} s; the old site is still there"),
    "level_n": Text("ผ่านระดับ {n}", "Level {n}"),
    "level_0": Text("ยังไม่ผ่านระดับ 1", "Level 1 not yet reached"),
    "open_data": Text("ข้อมูลเปิด", "Open data"),
    "open_data_intro": Text(
        "ดาวน์โหลดผลการประเมินทุกปีและทุกพื้นที่ (เฉพาะตัวเลขรวมของพื้นที่) เป็น CSV (เปิดใน Excel ได้) JSON หรือ Parquet",
        "Download every year's and area's results (area totals only) as CSV (opens in Excel), JSON or Parquet",
    ),
    "licence": Text("สัญญาอนุญาต", "Licence"),
    "licence_unset": Text(
        "ยังไม่ได้กำหนดสัญญาอนุญาต: สำนักงานอุตสาหกรรมจังหวัดต้องกำหนดก่อนเผยแพร่ (publish --licence)",
        "Licence not set: the Provincial Industry Office must choose one before publishing (publish --licence)",
    ),
    "dictionary": Text("คำอธิบายข้อมูล", "Data dictionary"),
    "file": Text("ไฟล์", "File"),
    "column": Text("คอลัมน์", "Column"),
    "meaning": Text("ความหมาย", "Meaning"),
    "file_scorecards": Text("ผลการประเมินรายตัวชี้วัด ทุกปี ทุกพื้นที่", "Every indicator's result, every year and area"),
    "file_trends": Text("ค่ารายปีของทุกตัวชี้วัด (สำหรับทำแผนภูมิ)", "Every indicator's value by year (for charts)"),
    "file_levels": Text("ระดับที่ผ่านและผลรายระดับ ทุกปี ทุกพื้นที่", "Level reached and each level's verdict, every year and area"),
    "file_dictionary": Text("คำอธิบายคอลัมน์ของทุกไฟล์", "What every column of every file means"),
    "file_package": Text("รายการไฟล์ สัญญาอนุญาต และคำอธิบายข้อมูล (Data Package)", "The files, licence and dictionary (Data Package)"),
    "about_data": Text(
        "ตัวเลขคำนวณจากข้อมูลที่สำนักงานอุตสาหกรรมจังหวัดนำเข้า ตามสูตรของตัวชี้วัดแต่ละตัว ร้อยละปัดเป็นทศนิยม 2 ตำแหน่ง"
        " แต่การตัดสินผ่าน/ไม่ผ่านใช้ค่าก่อนปัด ปีในไฟล์ข้อมูลเป็น ค.ศ. (คอลัมน์ year_be เป็น พ.ศ.)",
        "Numbers are computed from the data the Provincial Industry Office loads, by each indicator's formula; percentages are"
        " rounded to 2 decimals, but pass or fail compares the unrounded value. Years in the files are CE (column year_be: BE).",
    ),
    "how_computed": Text("วิธีคำนวณ", "How it is computed"),
    "no_years": Text("ยังไม่มีข้อมูลรายปีในฐานข้อมูล", "The database holds no yearly data yet"),
    "subdistrict_results": Text("ผลรายตำบล", "Results by subdistrict"),
}


def places(names: list[tuple[str, str]], lang: str) -> str:
    """The town's subdistricts by name: ตำบลเขาวงและตำบลหน้าพระลาน, Khao Wong and Na Phra Lan."""
    if lang == "th":
        return "และ".join(f"ตำบล{th}" for th, _ in names)
    english = [en for _, en in names]
    return ", ".join(english[:-1]) + f" and {english[-1]}" if len(english) > 1 else "".join(english)


def say(key: str, lang: str, **fields: object) -> str:
    """A word of the site, else of the dashboard (present.words), in the language asked."""
    if key in SITE:
        th, en = SITE[key]
        chosen = th if lang == "th" else en
        return chosen.format(**fields) if fields else chosen
    return words.text(key, lang, **fields)
