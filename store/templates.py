"""Upload templates: an empty CSV per table, and a column guide in Thai and English."""

from __future__ import annotations

import pandas as pd

from store.db import ROOT
from store.tables import TABLES, Column

TEMPLATE_DIR = ROOT / "data" / "templates"


def header(table: str) -> str:
    return ",".join(TABLES[table].column_names) + "\n"


def column_guide(table: str) -> pd.DataFrame:
    """One row per column; each description ends with the column's length limit (and the identifier rule)."""
    t = TABLES[table]
    return pd.DataFrame(
        [
            {
                "column": c.name,
                "key": c.name in t.key,
                "required": t.is_required(c.name),
                "allowed": ", ".join(c.allowed) if c.allowed else "",
                "max_length": c.max_length,
                "description_th": c.description_th + _limits(c, "th"),
                "description_en": c.description_en + _limits(c, "en"),
            }
            for c in t.columns
        ]
    ).astype({"max_length": "Int64"})


def _limits(column: Column, lang: str) -> str:
    if column.max_length is None or column.allowed or column.kind == "code":  # a listed code needs no length to be told
        return ""
    if lang == "th":
        shape = ", ขึ้นต้นด้วยตัวอักษรหรือตัวเลข มีได้เฉพาะตัวอักษร ตัวเลข ช่องว่าง และ . - _ / ( ) # : +" if column.shape else ""
        return f" (ไม่เกิน {column.max_length:,} ตัวอักษร{shape})"
    shape = ", starting with a letter or digit; letters, digits, spaces and . - _ / ( ) # : + only" if column.shape else ""
    return f" (at most {column.max_length:,} characters{shape})"


def write_templates() -> list[str]:
    TEMPLATE_DIR.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        (TEMPLATE_DIR / f"{name}.csv").write_text(header(name), encoding="utf-8")
    return sorted(TABLES)


if __name__ == "__main__":
    print("written:", ", ".join(write_templates()))
