"""What the console shows beside the editor: the readable tables with their columns in Thai and English, and named example questions."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from console.guard import READABLE_ORDER
from store.tables import TABLES
from store.text import Text

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
# upload tables (store.tables describes those): (label, {column: description}).
BATCH_ID = Text("ชุดข้อมูล (batch) ที่นำเข้าแถวนี้ ว่างสำหรับข้อมูลตั้งต้น", "The load (batch) that wrote the row; empty for seed rows")
REFERENCE_TABLES: dict[str, tuple[Text, dict[str, Text]]] = {
    "subdistricts": (
        Text("ตำบลในเมืองอุตสาหกรรมเชิงนิเวศ", "The eco-town's subdistricts"),
        {
            "subdistrict_code": Text("รหัสตำบล (กรมการปกครอง)", "Subdistrict code (DOPA)"),
            "name_th": Text("ชื่อภาษาไทย", "Name in Thai"),
            "name_en": Text("ชื่อภาษาอังกฤษ", "Name in English"),
            "district_th": Text("อำเภอ (ภาษาไทย)", "District in Thai"),
            "district_en": Text("อำเภอ (ภาษาอังกฤษ)", "District in English"),
            "area_m2": Text("พื้นที่ (ตร.ม.)", "Land area, m²"),
        },
    ),
    "effluent_standards": (
        Text("มาตรฐานน้ำทิ้ง: เกณฑ์ที่ใช้ตัดสินผลตรวจแต่ละตัวอย่าง", "Effluent standards: the limits each sample is judged against"),
        {
            "parameter": Text("รหัสพารามิเตอร์", "Parameter code"),
            "unit": Text("หน่วย", "Unit"),
            "min_value": Text("ค่าต่ำสุดที่ยอมรับ (เฉพาะ pH)", "Lowest allowed value (pH only)"),
            "max_value": Text("ค่าสูงสุดที่ยอมรับ", "Highest allowed value"),
            "name_th": Text("ชื่อภาษาไทย", "Name in Thai"),
            "name_en": Text("ชื่อภาษาอังกฤษ", "Name in English"),
        },
    ),
    "indicators": (
        Text("บัญชีตัวชี้วัดและเกณฑ์", "The indicator catalogue and its criteria"),
        {
            "code": Text("รหัสตัวชี้วัด (เช่น 19.1.1)", "Indicator code (e.g. 19.1.1)"),
            "level": Text("ระดับเมืองอุตสาหกรรมเชิงนิเวศ (1–3)", "Eco-town level 1–3 it belongs to"),
            "sort_order": Text("ลำดับในตารางคะแนน", "Order in the scorecard"),
            "unit": Text("percent (ร้อยละ) หรือ count (จำนวน)", "percent or count"),
            "comparator": Text("ge (ไม่น้อยกว่า) หรือ gt (มากกว่า) เกณฑ์", "ge (at least) or gt (more than) the threshold"),
            "threshold": Text("เกณฑ์ผ่าน", "Threshold to pass"),
            "provisional": Text("เกณฑ์ยังไม่ยืนยัน", "Threshold not yet confirmed"),
            "entity": Text("สิ่งที่นับ (โรงงาน ผู้ตอบ …)", "What is counted (factory, respondent …)"),
            "name_th": Text("ชื่อภาษาไทย", "Name in Thai"),
            "name_en": Text("ชื่อภาษาอังกฤษ", "Name in English"),
        },
    ),
    "batches": (
        Text("บันทึกการนำเข้า: ทุกไฟล์ที่นำเข้า และสถานะการยกเลิก", "The batch log: every file loaded, and whether it was rolled back"),
        {
            "batch_id": Text("เลขที่ชุดข้อมูล", "Batch number"),
            "table_name": Text("ตารางที่นำเข้า", "Table loaded"),
            "file_name": Text("ชื่อไฟล์", "File name"),
            "sha256": Text("ค่า SHA-256 ของไฟล์", "SHA-256 of the file"),
            "encoding": Text("รหัสอักขระที่ตรวจพบ", "Text encoding detected"),
            "rows_in_file": Text("จำนวนแถวข้อมูลในไฟล์", "Data rows in the file"),
            "rows_inserted": Text("จำนวนแถวที่เพิ่ม", "Rows added"),
            "rows_replaced": Text("จำนวนแถวที่แทนที่", "Rows replaced"),
            "be_conversions": Text("จำนวนปี พ.ศ. ที่แปลงเป็น ค.ศ.", "Buddhist Era years converted to CE"),
            "is_demo": Text("ข้อมูลสาธิต (สังเคราะห์)", "Synthetic demo data"),
            "loaded_by": Text("ผู้นำเข้า", "Who loaded it"),
            "loaded_at": Text("เวลาที่นำเข้า (เวลากรุงเทพฯ)", "When (Bangkok time)"),
            "status": Text("loaded (นำเข้าแล้ว) หรือ rolled_back (ยกเลิกแล้ว)", "loaded or rolled_back"),
            "rolled_back_by": Text("ผู้ยกเลิก", "Who rolled it back"),
            "rolled_back_at": Text("เวลาที่ยกเลิก", "When it was rolled back"),
            "note": Text("หมายเหตุ", "Note"),
        },
    ),
    "boundaries": (
        Text("ขอบเขตตำบล (OCHA COD-AB, CC BY-IGO)", "Subdistrict polygons (OCHA COD-AB, CC BY-IGO)"),
        {
            "subdistrict_code": Text("รหัสตำบล", "Subdistrict code"),
            "name_th": Text("ชื่อภาษาไทย", "Name in Thai"),
            "name_en": Text("ชื่อภาษาอังกฤษ", "Name in English"),
            "geometry_geojson": Text("รูปแปลงในรูปแบบ GeoJSON", "Polygon as GeoJSON"),
            "source": Text("แหล่งที่มา", "Source file or address"),
            "sha256": Text("ค่า SHA-256 ของไฟล์ต้นทาง", "SHA-256 of the source file"),
            "loaded_at": Text("เวลาที่นำเข้า", "When loaded"),
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
            wording = {c.name: Text(c.description_th, c.description_en) for c in upload.columns}
        else:
            table_text, wording = REFERENCE_TABLES[table]
            label = table_text.say(lang)
        wording = {**wording, "batch_id": BATCH_ID}
        described = [ColumnInfo(name, kind, wording.get(name, Text("", "")).say(lang)) for name, kind in columns[table]]
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
