"""Upload templates: an empty CSV per table, and a column guide in Thai and English."""

from __future__ import annotations

import pandas as pd

from store.db import ROOT
from store.tables import TABLES

TEMPLATE_DIR = ROOT / "data" / "templates"


def header(table: str) -> str:
    return ",".join(TABLES[table].column_names) + "\n"


def column_guide(table: str) -> pd.DataFrame:
    t = TABLES[table]
    return pd.DataFrame(
        [
            {
                "column": c.name,
                "key": c.name in t.key,
                "required": t.is_required(c.name),
                "allowed": ", ".join(c.allowed) if c.allowed else "",
                "description_th": c.description_th,
                "description_en": c.description_en,
            }
            for c in t.columns
        ]
    )


def write_templates() -> list[str]:
    TEMPLATE_DIR.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        (TEMPLATE_DIR / f"{name}.csv").write_text(header(name), encoding="utf-8")
    return sorted(TABLES)


if __name__ == "__main__":
    print("written:", ", ".join(write_templates()))
