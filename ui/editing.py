"""Editable tables: warn before unsaved edits are lost."""

from __future__ import annotations

import streamlit as st

from ui.i18n import t

# Asks the browser to confirm closing or reloading the tab while edits are unsaved.
GUARD = "<script>window.onbeforeunload = () => true;</script>"
UNGUARD = "<script>window.onbeforeunload = null;</script>"


def warn_unsaved(n: int) -> None:
    """A visible warning, and the browser's own leave-page prompt, while n edited cells are not saved."""
    if n:
        st.warning(t("unsaved", n=n), icon=":material/edit_note:")
    st.html(GUARD if n else UNGUARD, unsafe_allow_javascript=True)
