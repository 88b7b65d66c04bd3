"""Editable tables: unsaved edits are never lost without a question, whichever way the page is left."""

from __future__ import annotations

import streamlit as st

from present.fragments import render
from ui.i18n import t


def warn_unsaved(n: int) -> None:
    """While n edited cells are not saved: a visible warning, the browser's own prompt on reload or close, and a
    confirm() before an in-app link (the sidebar's pages) is followed; all lifted once nothing is pending."""
    if n:
        st.warning(t("unsaved", n=n), icon=":material/edit_note:")
    st.html(render("leave_guard.html", n=n, message=t("unsaved_leave", n=n)), unsafe_allow_javascript=True)
