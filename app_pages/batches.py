"""Batch history: who loaded what and when; roll a batch back after a confirmation."""

import streamlit as st

from store.accounts import allowed
from store.load import RollbackRefused, batches, rollback
from ui.auth import require
from ui.i18n import columns, lang, t
from ui.state import banner, con

who = require("analyst")
st.title(t("page_batches"))
banner()
if "rollback_message" in st.session_state:
    kind, text = st.session_state.pop("rollback_message")
    (st.success if kind == "success" else st.error)(text)

log = batches(con())
st.dataframe(log, hide_index=True, width="stretch", column_config=columns(list(log.columns)))

st.markdown(f"#### {t('rollback')}")
mine = log[(log["status"] == "loaded") & (allowed(who.role, "admin") | (log["loaded_by"] == who.username))]
if mine.empty:
    st.caption(t("rollback_none"))
    st.stop()
names = {
    int(b): f"{b} · {tb} · {f} · {n}"
    for b, tb, f, n in zip(mine["batch_id"], mine["table_name"], mine["file_name"], mine["rows_in_file"], strict=True)
}
batch = st.selectbox(t("rollback_choose"), list(names), format_func=names.__getitem__)


@st.dialog(t("rollback"))
def confirm(batch_id: int) -> None:
    st.write(t("rollback_confirm", batch=batch_id))
    left, right = st.columns(2)
    if left.button(t("confirm"), type="primary", key="rollback_yes"):
        st.session_state.pop("rollback_open", None)
        try:
            result = rollback(con(), batch_id, by=who.username)
        except RollbackRefused as exc:
            st.session_state["rollback_message"] = ("error", exc.text(lang()))
        else:
            st.session_state["rollback_message"] = ("success", t("rollback_done", batch=batch_id, **result))
        st.rerun()
    if right.button(t("cancel"), key="rollback_no"):
        st.session_state.pop("rollback_open", None)
        st.rerun()


# The open dialog is remembered, so a click inside it is handled on a full rerun as well as a fragment one.
if st.button(t("rollback"), icon=":material/undo:"):
    st.session_state["rollback_open"] = int(batch)
if "rollback_open" in st.session_state:
    confirm(st.session_state["rollback_open"])
