"""Tables as the pages show them: chosen columns, translated reasons, in the UI language."""

from __future__ import annotations

import pandas as pd

from store.templates import column_guide
from ui.i18n import establishment_names, lang, reason, t

BEHIND_COLUMNS = (
    "entity_id", "name", "subdistrict_code", "kind", "counted", "in_denominator", "reason", "detail",
    "change_pct", "intensity", "previous", "target", "samples", "exceedances",
)  # fmt: skip


def behind(rows: pd.DataFrame) -> pd.DataFrame:
    """The rows behind an indicator's number, with the reason in words and the name in the UI language."""
    shown = rows.assign(reason=rows["reason"].map(reason))
    if rows["kind"].isin(["factory", "mine"]).any():
        shown["name"] = establishment_names(rows, "entity_id")
    else:
        shown["name"] = rows["name_th" if lang() == "th" else "name_en"].fillna(rows["name_th"])
    return shown[[c for c in BEHIND_COLUMNS if c in shown.columns]]


def evidence_checklist(items: pd.DataFrame) -> pd.DataFrame:
    description = "description_th" if lang() == "th" else "description_en"
    shown = items.assign(status=items["status"].map(reason)).rename(columns={description: "item"})
    return shown[["item_no", "item", "responsible", "status", "reference"]]


def column_guide_view(table: str) -> pd.DataFrame:
    """A template's columns with key / required marks and the description in the UI language."""
    guide = column_guide(table)
    description = "description_th" if lang() == "th" else "description_en"
    mark = {True: t("yes"), False: ""}
    return guide.assign(key=guide["key"].map(mark), required=guide["required"].map(mark))[
        ["column", "key", "required", "allowed", description]
    ].rename(columns={description: "description"})
