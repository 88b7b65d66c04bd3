"""Download buttons: every file leaves through store.export (UTF-8 BOM, formulas neutralised, as-of stamp)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from store.export import csv_bytes, file_name, xlsx_bytes
from ui.i18n import t

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def table_downloads(frame: pd.DataFrame | Callable[[], pd.DataFrame], base: str, stamp: str, key: str) -> None:
    """A CSV and an Excel button for one table; the file is made only when a button is pressed."""

    def rows() -> pd.DataFrame:
        return frame() if callable(frame) else frame

    row = st.container(horizontal=True)
    row.download_button(
        t("download_csv"),
        lambda: csv_bytes(rows()),
        file_name(base, stamp, "csv"),
        "text/csv",
        key=f"{key}_csv",
        icon=":material/download:",
        on_click="ignore",
    )
    row.download_button(
        t("download_xlsx"),
        lambda: xlsx_bytes({base: rows()}),
        file_name(base, stamp, "xlsx"),
        XLSX,
        key=f"{key}_xlsx",
        icon=":material/table_view:",
        on_click="ignore",
    )
