"""The UI language (session state) applied to present.words: labels, years, dates, numbers and names."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from present import words
from present.words import COLUMNS, MONTHS_EN, MONTHS_TH, REASONS, TEXT
from store.text import Text

__all__ = ["COLUMNS", "MONTHS_EN", "MONTHS_TH", "REASONS", "TEXT"]

NO_VALUE = "—"  # an empty cell in every table, where Streamlit would print "None"


def lang() -> str:
    return str(st.session_state.get("lang", "th"))


def t(key: str, **fields: object) -> str:
    return words.text(key, lang(), **fields)


def thousands(frame: pd.DataFrame, labels: dict[str, str] | None = None) -> dict[str, Any]:
    """Column settings that show the frame's amounts with thousands separators (1,234,567.5), keeping the
    labels given; years and identifiers stay as written (2567, not 2,567)."""
    labels = labels or {}
    config: dict[str, Any] = dict(labels)
    for column in frame.columns:
        name = str(column).lower()
        if not pd.api.types.is_numeric_dtype(frame[column]) or pd.api.types.is_bool_dtype(frame[column]):
            continue
        if "year" in name or name.endswith("_id") or name in ("level", "item_no", "batch_id", "ปี", "ปีงบประมาณ"):
            continue
        config[column] = st.column_config.NumberColumn(labels.get(column, str(column)), format="localized")
    return config


def columns(frame_columns: list[str]) -> dict[str, str]:
    """Translated headers for st.dataframe(..., column_config=columns(df.columns))."""
    return words.column_labels(frame_columns, lang())


def reason(code: str) -> str:
    return words.reason(code, lang())


def year_label(year: int) -> str:
    return words.year_label(year, lang())


def product_unit(units: object) -> str:
    return words.product_unit(units, lang())


def year_short(year: int) -> str:
    return words.year_short(year, lang())


def date_label(value: object) -> str:
    return words.date_label(value, lang())


def datetime_label(value: object) -> str:
    return words.datetime_label(value, lang())


def month_label(value: pd.Timestamp) -> str:
    return words.month_label(value, lang())


def number(value: float | None, unit: str = "", digits: int = 2) -> str:
    return words.number(value, lang(), unit, digits)


def establishment_name(name_th: object, name_en: object, factory_id: object) -> str:
    return words.establishment_name(name_th, name_en, factory_id, lang())


def establishment_names(frame: pd.DataFrame, id_column: str = "factory_id") -> pd.Series:
    """establishment_name for every row of a frame with name_th, name_en and an id column."""
    chosen = lang()
    return pd.Series(
        [words.establishment_name(a, b, c, chosen) for a, b, c in zip(frame["name_th"], frame["name_en"], frame[id_column], strict=True)],
        index=frame.index,
        dtype=object,
    )


def table_label(name: str) -> str:
    return words.table_label(name, lang())


def subdistrict_name(code: object, names: dict[str, Text]) -> str:
    """A subdistrict's name in the page's language (เขาวง), its code only when it is not one of ours."""
    if not isinstance(code, str) or not code:
        return ""
    return names[code].say(lang()) if code in names else code


def area_label(code: str, names: dict[str, Text]) -> str:
    return words.area_label(code, names, lang())
