"""The meeting pack from the overview: a PDF and an Excel workbook of the year and area on screen, made
when a button is pressed, in a sandboxed process (sandbox.pack), never in the server."""

from __future__ import annotations

import streamlit as st

from present import report
from sandbox import pack
from store.db import db_path
from store.export import file_name
from ui.cached import as_of_stamp
from ui.i18n import lang, t

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def meeting_pack_buttons(version: str, year: int, area: str) -> None:
    chosen = lang()

    def made(form: str) -> bytes:
        # Run when the button is pressed; a pack refused or stopped fails that download only, in words.
        return pack.build(db_path(), year, area, chosen, form)

    base = f"meeting_pack_{year + 543 if chosen == 'th' else year}_{area}"
    stamp = as_of_stamp(version)
    st.markdown(f"#### {t('meeting_pack')}")
    row = st.container(horizontal=True)
    row.download_button(t("download_pdf"), lambda: made("pdf"), file_name(base, stamp, "pdf"), "application/pdf",
                        icon=":material/picture_as_pdf:", on_click="ignore", key="pack_pdf")  # fmt: skip
    row.download_button(t("download_workbook"), lambda: made("xlsx"), file_name(base, stamp, "xlsx"), XLSX,
                        icon=":material/table_view:", on_click="ignore", key="pack_xlsx")  # fmt: skip
    if not thai_fonts():
        st.warning(t("no_thai_font"), icon=":material/font_download_off:")


@st.cache_resource
def thai_fonts() -> bool:
    return report.thai_font_installed()
