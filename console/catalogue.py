"""What the console shows beside the editor: the readable tables with their columns in Thai and English, and named example questions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from console.guard import READABLE_ORDER
from store.tables import TABLES

EXAMPLES_DIR = Path(__file__).resolve().parent / "examples"
COLUMNS_SQL = Path(__file__).resolve().parent.parent / "sql" / "console" / "columns.sql"


@dataclass(frozen=True)
class ColumnInfo:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class TableInfo:
    name: str
    description: str
    columns: list[ColumnInfo] = field(default_factory=list)


@dataclass(frozen=True)
class Example:
    key: str
    name_th: str
    name_en: str
    sql: str

    def name(self, lang: str) -> str:
        return self.name_th if lang == "th" else self.name_en


# The tables the console reads, in the order the schema lists them, with wording for those that are not
# upload tables (store.tables describes those): (English, Thai, {column: (English, Thai)}).
BATCH_ID = ("The load (batch) that wrote the row; empty for seed rows", "ชุดข้อมูล (batch) ที่นำเข้าแถวนี้ ว่างสำหรับข้อมูลตั้งต้น")
REFERENCE_TABLES: dict[str, tuple[str, str, dict[str, tuple[str, str]]]] = {
    "subdistricts": (
        "The eco-town's subdistricts",
        "ตำบลในเมืองอุตสาหกรรมเชิงนิเวศ",
        {
            "subdistrict_code": ("Subdistrict code (DOPA)", "รหัสตำบล (กรมการปกครอง)"),
            "name_th": ("Name in Thai", "ชื่อภาษาไทย"),
            "name_en": ("Name in English", "ชื่อภาษาอังกฤษ"),
            "district_th": ("District in Thai", "อำเภอ (ภาษาไทย)"),
            "district_en": ("District in English", "อำเภอ (ภาษาอังกฤษ)"),
            "area_m2": ("Land area, m²", "พื้นที่ (ตร.ม.)"),
        },
    ),
    "effluent_standards": (
        "Effluent standards: the limits each sample is judged against",
        "มาตรฐานน้ำทิ้ง: เกณฑ์ที่ใช้ตัดสินผลตรวจแต่ละตัวอย่าง",
        {
            "parameter": ("Parameter code", "รหัสพารามิเตอร์"),
            "unit": ("Unit", "หน่วย"),
            "min_value": ("Lowest allowed value (pH only)", "ค่าต่ำสุดที่ยอมรับ (เฉพาะ pH)"),
            "max_value": ("Highest allowed value", "ค่าสูงสุดที่ยอมรับ"),
            "name_th": ("Name in Thai", "ชื่อภาษาไทย"),
            "name_en": ("Name in English", "ชื่อภาษาอังกฤษ"),
        },
    ),
    "indicators": (
        "The indicator catalogue and its criteria",
        "บัญชีตัวชี้วัดและเกณฑ์",
        {
            "code": ("Indicator code (e.g. 19.1.1)", "รหัสตัวชี้วัด (เช่น 19.1.1)"),
            "level": ("Eco-town level 1–3 it belongs to", "ระดับเมืองอุตสาหกรรมเชิงนิเวศ (1–3)"),
            "sort_order": ("Order in the scorecard", "ลำดับในตารางคะแนน"),
            "unit": ("percent or count", "percent (ร้อยละ) หรือ count (จำนวน)"),
            "comparator": ("ge (at least) or gt (more than) the threshold", "ge (ไม่น้อยกว่า) หรือ gt (มากกว่า) เกณฑ์"),
            "threshold": ("Threshold to pass", "เกณฑ์ผ่าน"),
            "provisional": ("Threshold not yet confirmed", "เกณฑ์ยังไม่ยืนยัน"),
            "entity": ("What is counted (factory, respondent …)", "สิ่งที่นับ (โรงงาน ผู้ตอบ …)"),
            "name_th": ("Name in Thai", "ชื่อภาษาไทย"),
            "name_en": ("Name in English", "ชื่อภาษาอังกฤษ"),
        },
    ),
    "batches": (
        "The batch log: every file loaded, and whether it was rolled back",
        "บันทึกการนำเข้า: ทุกไฟล์ที่นำเข้า และสถานะการยกเลิก",
        {
            "batch_id": ("Batch number", "เลขที่ชุดข้อมูล"),
            "table_name": ("Table loaded", "ตารางที่นำเข้า"),
            "file_name": ("File name", "ชื่อไฟล์"),
            "sha256": ("SHA-256 of the file", "ค่า SHA-256 ของไฟล์"),
            "encoding": ("Text encoding detected", "รหัสอักขระที่ตรวจพบ"),
            "rows_in_file": ("Data rows in the file", "จำนวนแถวข้อมูลในไฟล์"),
            "rows_inserted": ("Rows added", "จำนวนแถวที่เพิ่ม"),
            "rows_replaced": ("Rows replaced", "จำนวนแถวที่แทนที่"),
            "be_conversions": ("Buddhist Era years converted to CE", "จำนวนปี พ.ศ. ที่แปลงเป็น ค.ศ."),
            "is_demo": ("Synthetic demo data", "ข้อมูลสาธิต (สังเคราะห์)"),
            "loaded_by": ("Who loaded it", "ผู้นำเข้า"),
            "loaded_at": ("When (Bangkok time)", "เวลาที่นำเข้า (เวลากรุงเทพฯ)"),
            "status": ("loaded or rolled_back", "loaded (นำเข้าแล้ว) หรือ rolled_back (ยกเลิกแล้ว)"),
            "rolled_back_by": ("Who rolled it back", "ผู้ยกเลิก"),
            "rolled_back_at": ("When it was rolled back", "เวลาที่ยกเลิก"),
            "note": ("Note", "หมายเหตุ"),
        },
    ),
    "boundaries": (
        "Subdistrict polygons (OCHA COD-AB, CC BY-IGO)",
        "ขอบเขตตำบล (OCHA COD-AB, CC BY-IGO)",
        {
            "subdistrict_code": ("Subdistrict code", "รหัสตำบล"),
            "name_th": ("Name in Thai", "ชื่อภาษาไทย"),
            "name_en": ("Name in English", "ชื่อภาษาอังกฤษ"),
            "geometry_geojson": ("Polygon as GeoJSON", "รูปแปลงในรูปแบบ GeoJSON"),
            "source": ("Source file or address", "แหล่งที่มา"),
            "sha256": ("SHA-256 of the source file", "ค่า SHA-256 ของไฟล์ต้นทาง"),
            "loaded_at": ("When loaded", "เวลาที่นำเข้า"),
        },
    ),
}


def schema(cur: duckdb.DuckDBPyConnection, lang: str = "en") -> list[TableInfo]:
    """The tables the console reads, with their columns' names, types and descriptions (internal tables hidden)."""
    rows = cur.execute(COLUMNS_SQL.read_text(encoding="utf-8"), {"tables": list(READABLE_ORDER)}).fetchall()
    columns: dict[str, list[tuple[str, str]]] = {}
    for table, column, kind in rows:
        columns.setdefault(str(table), []).append((str(column), str(kind)))
    th = lang == "th"
    out = []
    for table in READABLE_ORDER:
        if table not in columns:
            continue
        if table in TABLES:
            upload = TABLES[table]
            label = upload.label_th if th else upload.label_en
            wording = {c.name: (c.description_en, c.description_th) for c in upload.columns}
        else:
            label_en, label_th, wording = REFERENCE_TABLES[table]
            label = label_th if th else label_en
        wording = {**wording, "batch_id": BATCH_ID}
        described = [ColumnInfo(name, kind, wording.get(name, ("", ""))[1 if th else 0]) for name, kind in columns[table]]
        out.append(TableInfo(table, label, described))
    return out


def load_examples(folder: Path = EXAMPLES_DIR) -> tuple[Example, ...]:
    """The example questions, one .sql file each (NN_key.sql, in file order): a '-- th:' and an '-- en:' line
    naming the question, then the query as the editor shows it."""
    examples = []
    for path in sorted(folder.glob("[0-9][0-9]_*.sql")):
        lines = path.read_text(encoding="utf-8").splitlines()
        names = {line[3:5]: line[7:].strip() for line in lines[:2] if line.startswith(("-- th: ", "-- en: "))}
        examples.append(Example(path.stem[3:], names["th"], names["en"], "\n".join(lines[2:]).strip()))
    return tuple(examples)


EXAMPLES = load_examples()
