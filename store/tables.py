"""The upload tables of SPEC §2 as data: columns, types, keys and per-column rules."""

from __future__ import annotations

from dataclasses import dataclass


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


SCHEMES = ("GI", "CSR_DIW", "CSR_BEGINNER", "ECO_FACTORY", "ISO14001", "TEA", "CFO", "CFR")
PRACTICES = (
    "eco_building", "eco_product", "green_purchasing", "logistics", "energy_efficiency",
    "eco_process", "raw_material_efficiency", "eco_efficiency_analysis", "mass_balance",
    "symbiosis", "ghg_reduction", "waste_3r_plan", "safety_env_disclosure",
    "participatory_monitoring",
)  # fmt: skip
GREEN_CATEGORIES = (
    "factory", "industrial_zone", "community", "government", "forest", "community_forest",
    "private_forest", "protection_strip", "eco_buffer", "other",
)  # fmt: skip


def _n(name: str, en: str, th: str, **kw: object) -> Column:
    """A non-negative number column (SPEC: all numbers >= 0)."""
    return Column(name, "number", min=0, description_en=en, description_th=th, **kw)  # type: ignore[arg-type]


FACTORY_ID = Column("factory_id", "text", description_en="Factory registration number (DIW)", description_th="เลขทะเบียนโรงงาน")
SUBDISTRICT = Column(
    "subdistrict_code",
    "code",
    required=True,
    description_en="Subdistrict code of the town (190906 Khao Wong or 191306 Na Phra Lan in Saraburi)",
    description_th="รหัสตำบลของเมือง (สระบุรี: 190906 เขาวง หรือ 191306 หน้าพระลาน)",
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
                ),
                Column("name_en", "text", description_en="Name in English", description_th="ชื่อภาษาอังกฤษ"),
                Column(
                    "kind",
                    "text",
                    required=True,
                    allowed=("factory", "mine"),
                    description_en="factory or mine",
                    description_th="factory (โรงงาน) หรือ mine (เหมือง)",
                ),
                Column("diw_type", "text", description_en="DIW factory type number", description_th="ประเภทโรงงานตาม กรอ."),
                Column("industry", "text", description_en="Industry", description_th="ประเภทอุตสาหกรรม"),
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
                Column("production_unit", "text", description_en="Unit of product", description_th="หน่วยผลิตภัณฑ์"),
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
                Column("scheme", "text", allowed=SCHEMES, description_en="Certification scheme", description_th="ประเภทการรับรอง"),
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
                Column("practice", "text", allowed=PRACTICES, description_en="Practice", description_th="มาตรการ/กิจกรรม"),
                Column(
                    "status",
                    "text",
                    required=True,
                    allowed=("planned", "implemented"),
                    description_en="planned or implemented",
                    description_th="planned (วางแผน) หรือ implemented (ดำเนินการแล้ว)",
                ),
                Column("evidence_ref", "text", description_en="Evidence reference", description_th="อ้างอิงหลักฐาน"),
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
                Column("parameter", "text", description_en="Parameter code (pH, BOD, COD …)", description_th="รหัสพารามิเตอร์"),
                Column("value", "number", required=True, min=0, description_en="Measured value", description_th="ค่าที่วัดได้"),
                Column("unit", "text", required=True, description_en="Unit (mg/L; pH for pH)", description_th="หน่วย"),
            ),
            "Effluent samples",
            "ผลตรวจน้ำทิ้ง",
        ),
        Table(
            "green_areas",
            ("subdistrict_code", "year", "category", "name"),
            (
                Column("subdistrict_code", "code", description_en=SUBDISTRICT.description_en, description_th=SUBDISTRICT.description_th),
                YEAR,
                Column("category", "text", allowed=GREEN_CATEGORIES, description_en="Category", description_th="ประเภทพื้นที่สีเขียว"),
                Column("name", "text", description_en="Name of the area", description_th="ชื่อพื้นที่"),
                _n("green_area_m2", "Green area, m²", "พื้นที่สีเขียว (ตร.ม.)", required=True),
            ),
            "Green areas",
            "พื้นที่สีเขียว",
        ),
        Table(
            "surveys",
            ("survey_id", "respondent_id", "question"),
            (
                Column("survey_id", "text", description_en="Survey identifier", description_th="รหัสแบบสำรวจ"),
                Column("respondent_id", "text", description_en="Respondent identifier", description_th="รหัสผู้ตอบ"),
                Column(
                    "question",
                    "text",
                    allowed=("eco_town_awareness", "disclosure_satisfaction", "other"),
                    description_en="Question",
                    description_th="คำถาม",
                ),
                YEAR,
                SUBDISTRICT,
                Column(
                    "respondent_type",
                    "text",
                    required=True,
                    allowed=("community", "factory", "agency"),
                    description_en="community, factory or agency",
                    description_th="ประเภทผู้ตอบ",
                ),
                Column("score", "integer", required=True, min=1, max=5, description_en="Score 1–5", description_th="คะแนน 1–5"),
            ),
            "Surveys",
            "แบบสำรวจ",
        ),
        Table(
            "infrastructure",
            ("project_id",),
            (
                Column("project_id", "text", description_en="Project identifier", description_th="รหัสโครงการ"),
                Column("name", "text", required=True, description_en="Project name", description_th="ชื่อโครงการ"),
                Column(
                    "system",
                    "text",
                    required=True,
                    allowed=("road", "electricity", "water_supply", "wastewater", "solid_waste", "other"),
                    description_en="System",
                    description_th="ระบบ",
                ),
                SUBDISTRICT,
                YEAR,
                Column(
                    "status",
                    "text",
                    required=True,
                    allowed=("planned", "in_progress", "completed"),
                    description_en="Status",
                    description_th="สถานะ",
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
                Column("activity_id", "text", description_en="Activity number (e.g. 1.5)", description_th="ลำดับกิจกรรม"),
                Column("title_th", "text", required=True, description_en="Title in Thai", description_th="ชื่อกิจกรรมภาษาไทย"),
                Column("title_en", "text", description_en="Title in English", description_th="ชื่อกิจกรรมภาษาอังกฤษ"),
                Column("indicator_code", "code", description_en="Indicator code, if any", description_th="รหัสตัวชี้วัด (ถ้ามี)"),
                Column("responsible", "text", description_en="Responsible body", description_th="ผู้รับผิดชอบ"),
                Column("planned_start", "date", description_en="Planned start", description_th="วันเริ่มตามแผน"),
                Column("planned_end", "date", description_en="Planned end", description_th="วันสิ้นสุดตามแผน"),
                Column(
                    "status",
                    "text",
                    required=True,
                    allowed=("planned", "in_progress", "done", "cancelled"),
                    description_en="Status",
                    description_th="สถานะ",
                ),
                Column("done_on", "date", description_en="Date done", description_th="วันที่ดำเนินการแล้วเสร็จ"),
                Column("participants", "integer", min=0, description_en="Participants", description_th="จำนวนผู้เข้าร่วม"),
                Column("target_participants", "integer", min=0, description_en="Target participants", description_th="เป้าหมายผู้เข้าร่วม"),
            ),
            "Action plan activities",
            "กิจกรรมตามแผนปฏิบัติการ",
        ),
        Table(
            "evidence",
            ("fiscal_year", "indicator_code", "item_no"),
            (
                FISCAL_YEAR,
                Column("indicator_code", "code", description_en="Indicator code (e.g. 18.1.1)", description_th="รหัสตัวชี้วัด"),
                Column("item_no", "integer", min=1, description_en="Evidence item number", description_th="ลำดับเอกสารหลักฐาน"),
                Column("description_th", "text", required=True, description_en="Description in Thai", description_th="รายละเอียดภาษาไทย"),
                Column("description_en", "text", description_en="Description in English", description_th="รายละเอียดภาษาอังกฤษ"),
                Column("responsible", "text", description_en="Responsible body", description_th="ผู้รับผิดชอบ"),
                Column(
                    "status",
                    "text",
                    required=True,
                    allowed=("missing", "in_progress", "ready"),
                    description_en="missing, in_progress or ready",
                    description_th="สถานะ",
                ),
                Column("reference", "text", description_en="Where the document is", description_th="ที่อยู่เอกสาร"),
            ),
            "Evidence checklist",
            "รายการเอกสารหลักฐาน",
        ),
    )
}
