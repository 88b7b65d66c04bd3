"""The meeting pack from the overview: a PDF and an Excel workbook of the year and area on screen, made
when a button is pressed (the PDF takes a few seconds)."""

from __future__ import annotations

import streamlit as st

from metrics import report
from store.export import file_name
from ui.i18n import lang, t
from ui.state import as_of_stamp, con

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def meeting_pack_buttons(version: str, year: int, area: str) -> None:
    chosen = lang()

    def data() -> report.ReportData:
        with con().cursor() as cur:
            return report.gather(cur, year, area)

    base = f"meeting_pack_{year + 543 if chosen == 'th' else year}_{area}"
    stamp = as_of_stamp(version)
    st.markdown(f"#### {t('meeting_pack')}")
    row = st.container(horizontal=True)
    row.download_button(t("download_pdf"), lambda: report.pdf_bytes(data(), chosen), file_name(base, stamp, "pdf"), "application/pdf",
                        icon=":material/picture_as_pdf:", on_click="ignore", key="pack_pdf")  # fmt: skip
    row.download_button(t("download_workbook"), lambda: report.workbook_bytes(data(), chosen), file_name(base, stamp, "xlsx"), XLSX,
                        icon=":material/table_view:", on_click="ignore", key="pack_xlsx")  # fmt: skip
    if not thai_fonts():
        st.warning(t("no_thai_font"), icon=":material/font_download_off:")


@st.cache_resource
def thai_fonts() -> bool:
    return report.thai_font_installed()
