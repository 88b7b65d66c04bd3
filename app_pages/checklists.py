"""The evidence checklist and the action plan, edited in tables; every saved cell is recorded."""

import streamlit as st

from store.edits import EDITABLE, EditRefused, changes, checklist, checklist_history, save_checklist
from ui.auth import require
from ui.editing import warn_unsaved
from ui.i18n import columns, lang, t
from ui.state import banner, con

who = require("analyst")
st.title(t("page_checklists"))
banner()

OPTIONS = {"evidence": ["missing", "in_progress", "ready"], "activities": ["planned", "in_progress", "done", "cancelled"]}

for tab, table in zip(st.tabs([t("evidence_tab"), t("activities_tab")]), ("evidence", "activities"), strict=True):
    with tab:
        before = checklist(con(), table)
        config = columns(list(before.columns))
        config["status"] = st.column_config.SelectboxColumn(config["status"], options=OPTIONS[table], required=True)
        locked = [c for c in before.columns if c not in EDITABLE[table]]
        after = st.data_editor(before, hide_index=True, width="stretch", disabled=locked, column_config=config, key=f"editor_{table}")
        pending = len(changes(table, before, after))
        if st.button(t("save"), key=f"save_{table}", type="primary"):
            try:
                n = save_checklist(con(), table, before, after, who.username)
            except EditRefused as exc:
                st.error(exc.text(lang()))
            else:
                pending = 0
                st.success(t("saved_cells", n=n) if n else t("nothing_changed"))
        warn_unsaved(pending)
        with st.expander(t("edit_history")):
            st.dataframe(checklist_history(con(), table), hide_index=True)
