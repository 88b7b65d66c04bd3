"""The upload tables of SPEC §2 as data: columns, types, keys and per-column rules."""

from __future__ import annotations

from dataclasses import dataclass

from store.codes import shipped_codes


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # text | code | integer | year | number | boolean | date
    required: bool = False
    allowed: tuple[str, ...] | None = None
    min: float | None = None
    max: float | None = None
    min_exclusive: bool = False
    description_en: str = ""
    description_th: str = ""
    default: int | str | None = None  # a column a file may leave out (or empty) takes this value
    max_length: int | None = None  # characters (Thai vowel and tone marks count as characters)
    shape: str | None = None  # a regular expression the whole value must match (identifiers)
    code_list: str | None = None  # its values are the codes of this list in the database's `codes` (allowed: the shipped ones)


@dataclass(frozen=True)
class Table:
    name: str
    key: tuple[str, ...]
    columns: tuple[Column, ...]
    label_en: str
    label_th: str

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    def is_required(self, name: str) -> bool:
        column = self.column(name)
        return (name in self.key or column.required) and column.default is None


# Text lengths in characters, generous for real DIW data and small enough that no page or export grows
# with a hostile but valid file (742 names of 31,000 characters once made the profile page send 47 MB).
NAME_LENGTH = 300  # a Thai company name with its legal form runs to ~200 characters
TITLE_LENGTH = 500  # an action-plan title (the seed's longest is ~150)
DESCRIPTION_LENGTH = 2_000  # an evidence item's description
REFERENCE_LENGTH = 1_000  # where a document is: a file path or a URL
SHORT_LENGTH = 50  # a unit, a DIW factory type
CODE_LENGTH = 40  # a code checked against a list (practice, scheme, subdistrict …)
ID_LENGTH = 64  # identifiers: factory_id, survey_id, respondent_id, project_id, activity_id
# Identifiers go into keys, links (?id=) and file names: letters (Latin or Thai), digits, then also spaces and
# . - _ / ( ) # : + as DIW registration numbers are written ("3-64(12)-2/50สบ", "10190000125501").
ID_SHAPE = r"[0-9A-Za-z\u0E01-\u0E5B][0-9A-Za-z\u0E01-\u0E5B ._/()#:+\-]*"
# Numbers: above this no measurement, tonnage or baht amount is real, and sums stay finite.
NUMBER_MAX = 1e15
COUNT_MAX = 10_000_000  # participants (the database column is a 32-bit integer)
ITEM_MAX = 9_999  # evidence item numbers


def _text(name: str, en: str, th: str, length: int, **kw: object) -> Column:
    """A text column of at most `length` characters."""
    return Column(name, "text", description_en=en, description_th=th, max_length=length, **kw)  # type: ignore[arg-type]


def _id(name: str, en: str, th: str) -> Column:
    """An identifier: part of a key, in the shape ID_SHAPE."""
    return Column(name, "text", description_en=en, description_th=th, max_length=ID_LENGTH, shape=ID_SHAPE)


# The code lists' shipped codes (data/reference/codes.csv via store/codes.py); the loader checks a file against the
# database's lists, which an admin may extend. These constants serve templates, search choices and the generator.
SCHEMES = shipped_codes("scheme")
PRACTICES = shipped_codes("practice")
GREEN_CATEGORIES = shipped_codes("green_area_category")


def _listed(name: str, code_list: str, en: str, th: str, **kw: object) -> Column:
    """A column whose values come from a code list (reference data, store/codes.py)."""
    codes = shipped_codes(code_list)
    return Column(name, "text", allowed=codes, code_list=code_list, description_en=en, description_th=th, max_length=CODE_LENGTH, **kw)  # type: ignore[arg-type]


def _n(name: str, en: str, th: str, **kw: object) -> Column:
    """A non-negative number column (SPEC: all numbers >= 0)."""
    return Column(name, "number", min=0, max=NUMBER_MAX, description_en=en, description_th=th, **kw)  # type: ignore[arg-type]


FACTORY_ID = _id("factory_id", "Factory registration number (DIW)", "เลขทะเบียนโรงงาน")
SUBDISTRICT = Column(
    "subdistrict_code",
    "code",
    required=True,
    description_en="Subdistrict code of the town (190906 Khao Wong or 191306 Na Phra Lan in Saraburi)",
    description_th="รหัสตำบลของเมือง (สระบุรี: 190906 เขาวง หรือ 191306 หน้าพระลาน)",
    max_length=CODE_LENGTH,
)
YEAR = Column("year", "year", required=True, description_en="Year (CE or BE)", description_th="ปี (ค.ศ. หรือ พ.ศ.)")
SEED_FISCAL_YEAR = 2565  # the seed's action plan: Oct 2021 - Sep 2022
FISCAL_YEAR = Column(
    "fiscal_year",
    "fiscal_year",
    default=SEED_FISCAL_YEAR,
    description_en="Fiscal year, BE (2565 = Oct 2021 - Sep 2022); a CE year is converted; empty = 2565",
    description_th="ปีงบประมาณ พ.ศ. (2565 = ต.ค. 2564 - ก.ย. 2565) ถ้าเป็น ค.ศ. จะแปลงให้ เว้นว่าง = 2565",
)

TABLES: dict[str, Table] = {
    t.name: t
    for t in (
        Table(
            "establishments",
            ("factory_id",),
            (
                FACTORY_ID,
                Column(
                    "name_th",
                    "text",
                    description_en="Name in Thai (may be empty: DIW withholds natural persons' names)",
                    description_th="ชื่อภาษาไทย (เว้นว่างได้ กรอ. ไม่เปิดเผยชื่อบุคคลธรรมดา)",
                    max_length=NAME_LENGTH,
                ),
                _text("name_en", "Name in English", "ชื่อภาษาอังกฤษ", NAME_LENGTH),
                Column(
                    "kind",
                    "text",
                    required=True,
                    allowed=("factory", "mine"),
                    description_en="factory or mine",
                    description_th="factory (โรงงาน) หรือ mine (เหมือง)",
                    max_length=CODE_LENGTH,
                ),
                _text("diw_type", "DIW factory type number", "ประเภทโรงงานตาม กรอ.", SHORT_LENGTH),
                _text("industry", "Industry", "ประเภทอุตสาหกรรม", NAME_LENGTH),
                SUBDISTRICT,
                Column("lat", "number", min=5.5, max=20.5, description_en="Latitude, WGS84", description_th="ละติจูด WGS84"),
                Column("lon", "number", min=97.3, max=105.7, description_en="Longitude, WGS84", description_th="ลองจิจูด WGS84"),
                Column(
                    "in_industrial_zone",
                    "boolean",
                    description_en="In an industrial zone (yes/no)",
                    description_th="อยู่ในเขตประกอบการอุตสาหกรรม (ใช่/ไม่ใช่)",
                ),
                Column(
                    "controlled_factory",
                    "boolean",
                    description_en="Controlled factory under the energy law (yes/no)",
                    description_th="โรงงานควบคุมตามกฎหมายพลังงาน (ใช่/ไม่ใช่)",
                ),
                Column("registered_year", "year", description_en="Year registered", description_th="ปีที่จดทะเบียน"),
                Column("closed_year", "year", description_en="Year closed", description_th="ปีที่เลิกกิจการ"),
            ),
            "Establishments (factories and mines)",
            "สถานประกอบการ (โรงงานและเหมือง)",
        ),
        Table(
            "annual_reports",
            ("factory_id", "year"),
            (
                FACTORY_ID,
                YEAR,
                _n("production_qty", "Production quantity", "ปริมาณการผลิต", min_exclusive=True),
                _text("production_unit", "Unit of product", "หน่วยผลิตภัณฑ์", SHORT_LENGTH),
                _n("water_use_m3", "Water use, m³", "ปริมาณน้ำใช้ (ลบ.ม.)"),
                _n("wastewater_m3", "Wastewater, m³", "ปริมาณน้ำทิ้ง (ลบ.ม.)"),
                _n("waste_generated_t", "Waste generated, t", "กากของเสียที่เกิดขึ้น (ตัน)"),
                _n("waste_3r_t", "Waste reused/recycled, t", "กากของเสียที่นำกลับมาใช้ (ตัน)"),
                _n("energy_total_gj", "Total energy, GJ", "พลังงานทั้งหมด (GJ)"),
                _n("energy_renewable_gj", "Renewable energy, GJ", "พลังงานทดแทน (GJ)"),
                _n("ghg_tco2e", "Greenhouse gases, tCO2e", "ก๊าซเรือนกระจก (tCO2e)"),
                _n("green_area_m2", "Green area, m²", "พื้นที่สีเขียว (ตร.ม.)"),
                _n("investment_thb", "Investment, THB", "เงินลงทุน (บาท)"),
                _n("water_intensity_target", "Target water use per unit of product", "เป้าหมายน้ำใช้ต่อหน่วยผลิตภัณฑ์"),
                _n("wastewater_intensity_target", "Target wastewater per unit of product", "เป้าหมายน้ำทิ้งต่อหน่วยผลิตภัณฑ์"),
            ),
            "Annual reports",
            "รายงานประจำปี",
        ),
        Table(
            "certifications",
            ("factory_id", "scheme", "issued_on"),
            (
                FACTORY_ID,
                _listed("scheme", "scheme", "Certification scheme", "ประเภทการรับรอง"),
                Column("issued_on", "date", description_en="Date issued (YYYY-MM-DD or D/M/YYYY)", description_th="วันที่ได้รับ"),
                Column(
                    "level",
                    "integer",
                    min=1,
                    max=5,
                    description_en="Level 1–5 (required for GI)",
                    description_th="ระดับ 1–5 (ต้องระบุสำหรับ GI)",
                ),
                Column("expires_on", "date", description_en="Expiry date", description_th="วันหมดอายุ"),
            ),
            "Certifications",
            "การรับรอง",
        ),
        Table(
            "practices",
            ("factory_id", "year", "practice"),
            (
                FACTORY_ID,
                YEAR,
                _listed("practice", "practice", "Practice", "มาตรการ/กิจกรรม"),
                Column(
                    "status",
                    "text",
                    required=True,
                    allowed=("planned", "implemented"),
                    description_en="planned or implemented",
                    description_th="planned (วางแผน) หรือ implemented (ดำเนินการแล้ว)",
                    max_length=CODE_LENGTH,
                ),
                _text("evidence_ref", "Evidence reference", "อ้างอิงหลักฐาน", REFERENCE_LENGTH),
            ),
            "Practices",
            "มาตรการของโรงงาน",
        ),
        Table(
            "effluent_samples",
            ("factory_id", "sampled_on", "parameter"),
            (
                FACTORY_ID,
                Column("sampled_on", "date", description_en="Sampling date", description_th="วันที่เก็บตัวอย่าง"),
                _text("parameter", "Parameter code (pH, BOD, COD …)", "รหัสพารามิเตอร์", CODE_LENGTH),
                Column("value", "number", required=True, min=0, max=NUMBER_MAX, description_en="Measured value", description_th="ค่าที่วัดได้"),
                _text("unit", "Unit (mg/L; pH for pH)", "หน่วย", SHORT_LENGTH, required=True),
            ),
            "Effluent samples",
            "ผลตรวจน้ำทิ้ง",
        ),
        Table(
            "green_areas",
            ("subdistrict_code", "year", "category", "name"),
            (
                Column(
                    "subdistrict_code",
                    "code",
                    description_en=SUBDISTRICT.description_en,
                    description_th=SUBDISTRICT.description_th,
                    max_length=CODE_LENGTH,
                ),
                YEAR,
                _listed("category", "green_area_category", "Category", "ประเภทพื้นที่สีเขียว"),
                _text("name", "Name of the area", "ชื่อพื้นที่", NAME_LENGTH),
                _n("green_area_m2", "Green area, m²", "พื้นที่สีเขียว (ตร.ม.)", required=True),
            ),
            "Green areas",
            "พื้นที่สีเขียว",
        ),
        Table(
            "surveys",
            ("survey_id", "respondent_id", "question"),
            (
                _id("survey_id", "Survey identifier", "รหัสแบบสำรวจ"),
                _id("respondent_id", "Respondent identifier", "รหัสผู้ตอบ"),
                _listed("question", "question", "Question", "คำถาม"),
                YEAR,
                SUBDISTRICT,
                _listed("respondent_type", "respondent_type", "community, factory or agency", "ประเภทผู้ตอบ", required=True),
                Column("score", "integer", required=True, min=1, max=5, description_en="Score 1–5", description_th="คะแนน 1–5"),
            ),
            "Surveys",
            "แบบสำรวจ",
        ),
        Table(
            "infrastructure",
            ("project_id",),
            (
                _id("project_id", "Project identifier", "รหัสโครงการ"),
                _text("name", "Project name", "ชื่อโครงการ", NAME_LENGTH, required=True),
                _listed("system", "infrastructure_system", "System", "ระบบ", required=True),
                SUBDISTRICT,
                YEAR,
                Column(
                    "status",
                    "text",
                    required=True,
                    allowed=("planned", "in_progress", "completed"),
                    description_en="Status",
                    description_th="สถานะ",
                    max_length=CODE_LENGTH,
                ),
                Column(
                    "eco_design",
                    "boolean",
                    description_en="Eco-design applied (yes/no)",
                    description_th="ใช้แนวคิดการออกแบบเชิงนิเวศ (ใช่/ไม่ใช่)",
                ),
                _n("budget_thb", "Budget, THB", "งบประมาณ (บาท)"),
            ),
            "Infrastructure projects",
            "โครงการสาธารณูปโภค",
        ),
        Table(
            "activities",
            ("fiscal_year", "activity_id"),
            (
                FISCAL_YEAR,
                Column(
                    "activity_id", "text", description_en="Activity number (e.g. 1.5)", description_th="ลำดับกิจกรรม", max_length=ID_LENGTH
                ),
                _text("title_th", "Title in Thai", "ชื่อกิจกรรมภาษาไทย", TITLE_LENGTH, required=True),
                _text("title_en", "Title in English", "ชื่อกิจกรรมภาษาอังกฤษ", TITLE_LENGTH),
                Column(
                    "indicator_code",
                    "code",
                    description_en="Indicator code, if any",
                    description_th="รหัสตัวชี้วัด (ถ้ามี)",
                    max_length=CODE_LENGTH,
                ),
                _text("responsible", "Responsible body", "ผู้รับผิดชอบ", NAME_LENGTH),
                Column("planned_start", "date", description_en="Planned start", description_th="วันเริ่มตามแผน"),
                Column("planned_end", "date", description_en="Planned end", description_th="วันสิ้นสุดตามแผน"),
                Column(
                    "status",
                    "text",
                    required=True,
                    allowed=("planned", "in_progress", "done", "cancelled"),
                    description_en="Status",
                    description_th="สถานะ",
                    max_length=CODE_LENGTH,
                ),
                Column("done_on", "date", description_en="Date done", description_th="วันที่ดำเนินการแล้วเสร็จ"),
                Column("participants", "integer", min=0, max=COUNT_MAX, description_en="Participants", description_th="จำนวนผู้เข้าร่วม"),
                Column(
                    "target_participants",
                    "integer",
                    min=0,
                    max=COUNT_MAX,
                    description_en="Target participants",
                    description_th="เป้าหมายผู้เข้าร่วม",
                ),
            ),
            "Action plan activities",
            "กิจกรรมตามแผนปฏิบัติการ",
        ),
        Table(
            "evidence",
            ("fiscal_year", "indicator_code", "item_no"),
            (
                FISCAL_YEAR,
                Column(
                    "indicator_code",
                    "code",
                    description_en="Indicator code (e.g. 18.1.1)",
                    description_th="รหัสตัวชี้วัด",
                    max_length=CODE_LENGTH,
                ),
                Column("item_no", "integer", min=1, max=ITEM_MAX, description_en="Evidence item number", description_th="ลำดับเอกสารหลักฐาน"),
                _text("description_th", "Description in Thai", "รายละเอียดภาษาไทย", DESCRIPTION_LENGTH, required=True),
                _text("description_en", "Description in English", "รายละเอียดภาษาอังกฤษ", DESCRIPTION_LENGTH),
                _text("responsible", "Responsible body", "ผู้รับผิดชอบ", NAME_LENGTH),
                Column(
                    "status",
                    "text",
                    required=True,
                    allowed=("missing", "in_progress", "ready"),
                    description_en="missing, in_progress or ready",
                    description_th="สถานะ",
                    max_length=CODE_LENGTH,
                ),
                _text("reference", "Where the document is", "ที่อยู่เอกสาร", REFERENCE_LENGTH),
            ),
            "Evidence checklist",
            "รายการเอกสารหลักฐาน",
        ),
    )
}
