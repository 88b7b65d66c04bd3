"""Tables as the pages show them: chosen columns, translated reasons, in the UI language."""

from __future__ import annotations

import pandas as pd

from ui.i18n import lang, reason

BEHIND_COLUMNS = (
    "entity_id", "name_th", "name_en", "subdistrict_code", "kind", "counted", "in_denominator", "reason", "detail",
    "change_pct", "intensity", "previous", "target", "samples", "exceedances",
)  # fmt: skip


def behind(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows behind an indicator's number, with the reason in words and the name in the UI language."""
    drop = "name_en" if lang() == "th" else "name_th"
    shown = rows.assign(reason=rows["reason"].map(reason))
    return shown[[c for c in BEHIND_COLUMNS if c in shown.columns and c != drop]]


def evidence_checklist(items: pd.DataFrame) -> pd.DataFrame:
    description = "description_th" if lang() == "th" else "description_en"
    return items.assign(status=items["status"].map(reason))[["item_no", description, "responsible", "status", "reference"]]
