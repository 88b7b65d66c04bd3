"""The meeting pack from the overview: a PDF and an Excel workbook of the year and area on screen, made when a
button is pressed, in a sandboxed process (sandbox.pack), never in the server; and, for analysts and admins, the
meeting it is tabled at (agency, meeting, number, agenda item), remembered per fiscal year for its cover."""

from __future__ import annotations

import streamlit as st

from present import report
from sandbox import pack
from store import meeting as meetings
from store.accounts import allowed
from store.db import db_path
from store.export import file_name
from ui.auth import role, user
from ui.cached import as_of_stamp, con, town
from ui.i18n import datetime_label, lang, t
from ui.safe import md

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FISCAL_OFFSET = 543


def meeting_pack_buttons(version: str, year: int, area: str) -> None:
    chosen = lang()
    signed_in = user() is not None

    def made(form: str) -> bytes:
        # Run when the button is pressed; a pack refused or stopped fails that download only, in words. A reader who
        # is not signed in gets the data's date without who loaded it, as the pages tell them.
        return pack.build(db_path(), year, area, chosen, form, with_who=signed_in)

    base = f"meeting_pack_{year + FISCAL_OFFSET if chosen == 'th' else year}_{area}"
    stamp = as_of_stamp(version)
    st.markdown(f"#### {t('meeting_pack')}")
    row = st.container(horizontal=True)
    row.download_button(
        t("download_pdf"),
        lambda: made("pdf"),
        file_name(base, stamp, "pdf"),
        "application/pdf",
        icon=":material/picture_as_pdf:",
        on_click="ignore",
        key="pack_pdf",
    )
    row.download_button(
        t("download_workbook"),
        lambda: made("xlsx"),
        file_name(base, stamp, "xlsx"),
        XLSX,
        icon=":material/table_view:",
        on_click="ignore",
        key="pack_xlsx",
    )
    if not thai_fonts():
        st.warning(t("no_thai_font"), icon=":material/font_download_off:")
    if allowed(role(), "analyst"):
        meeting_editor(version, year + FISCAL_OFFSET)


def meeting_editor(version: str, fiscal_year: int) -> None:
    """Analysts and admins: the cover's agency, meeting, number and agenda item for the fiscal year; each changed
    field is saved with who changed it and when (store.meeting)."""
    with con().cursor() as cur:
        stored = meetings.meeting(cur, fiscal_year)
    office = town(version).get("office_th" if lang() == "th" else "office_en", "")
    with st.expander(t("pack_meeting_editor"), icon=":material/groups:"):
        st.caption(t("pack_meeting_help", fy=fiscal_year))
        with st.form(f"meeting_{fiscal_year}"):
            typed = {
                "agency": st.text_input(
                    t("pack_agency"),
                    stored.agency or "",
                    max_chars=meetings.MAX_CHARS,
                    placeholder=office,
                    help=t("pack_agency_default", office=office),
                ),
                "title": st.text_input(t("pack_meeting_title"), stored.title or "", max_chars=meetings.MAX_CHARS),
                "number": st.text_input(t("pack_meeting_number"), stored.number or "", max_chars=meetings.MAX_CHARS),
                "agenda_item": st.text_input(t("pack_agenda_item"), stored.agenda_item or "", max_chars=meetings.MAX_CHARS),
            }
            if st.form_submit_button(t("save"), icon=":material/save:"):
                who = user()
                if who is None or not allowed(who.role, "analyst"):  # the role may have changed since the page was drawn
                    st.error(t("not_allowed"))
                    return
                n = meetings.save(con(), fiscal_year, typed, who.username)
                st.success(t("pack_meeting_saved", n=n) if n else t("nothing_changed"))
                with con().cursor() as cur:
                    stored = meetings.meeting(cur, fiscal_year)
        if stored.changed_by:
            st.caption(t("pack_meeting_last", who=md(stored.changed_by), when=datetime_label(stored.changed_at)))


@st.cache_resource
def thai_fonts() -> bool:
    return report.thai_font_installed()
