"""Batch history: who loaded what and when; the original files; tables to fix in Excel; roll a batch back;
for admins, a backup of the whole database."""

import streamlit as st

from store.accounts import allowed
from store.export import table_as_template
from store.load import RollbackRefused, later_edits, original_file, rollback
from store.tables import TABLES
from ui.auth import require
from ui.backups import backup_section
from ui.cached import as_of_stamp, batch_log, con, data_version
from ui.downloads import table_downloads
from ui.i18n import NO_VALUE, columns, lang, t, thousands
from ui.safe import md
from ui.sidebar import banner

who = require("analyst")
st.title(t("page_batches"))
banner()
if "rollback_message" in st.session_state:
    kind, text = st.session_state.pop("rollback_message")
    (st.success if kind == "success" else st.error)(text)

version = data_version()
log = batch_log(version)
shown = log.drop(columns=["status_code"])
if shown.empty:
    st.info(t("batches_none"), icon=":material/inbox:")
else:
    st.dataframe(
        shown, hide_index=True, placeholder=NO_VALUE, width="stretch", column_config=thousands(shown, columns(list(shown.columns)))
    )
    table_downloads(shown, "batches", as_of_stamp(version), key="log")

ids = [int(b) for b in log["batch_id"]]
if ids:
    st.markdown(f"#### {t('original_files')}")
    files = dict(zip(ids, log["file_name"], strict=True))
    pick = st.selectbox(t("choose_batch"), ids, format_func={b: f"{b} · {files[b]}" for b in ids}.__getitem__)
    kept = original_file(con(), pick)
    if kept is None:
        st.caption(t("original_not_kept"))
    else:
        st.download_button(t("download_original"), kept[1], kept[0], "text/csv", icon=":material/download:", on_click="ignore")

st.markdown(f"#### {t('tables_now')}")
names = {n: f"{n} · {TABLES[n].label_th if lang() == 'th' else TABLES[n].label_en}" for n in TABLES}
table = st.selectbox(t("choose_table"), list(TABLES), format_func=names.__getitem__, key="table_now")
st.caption(t("table_now_help"))
table_downloads(lambda: table_as_template(con(), table, lang()), table, as_of_stamp(version), key=f"now_{table}")

is_admin = allowed(who.role, "admin")
if is_admin:
    backup_section()

st.markdown(f"#### {t('rollback')}")
mine = log[(log["status_code"] == "loaded") & (is_admin | (log["loaded_by"] == who.username))]
if mine.empty:
    st.caption(t("rollback_none") if ids else t("batches_none"))
    st.stop()
names = {int(b): f"{b} · {tb} · {f}" for b, tb, f in zip(mine["batch_id"], mine["table_name"], mine["file_name"], strict=True)}
batch = st.selectbox(t("rollback_choose"), list(names), format_func=names.__getitem__)


@st.dialog(t("rollback"))
def confirm(batch_id: int) -> None:
    st.write(t("rollback_confirm", batch=batch_id))
    edits = later_edits(con(), batch_id)  # checklist cells edited since: keep them, or revert them with the batch
    if edits:
        shown = ", ".join(f"{e.row_key} ({e.edited_by})" for e in edits[:8]) + (" …" if len(edits) > 8 else "")
        st.warning(t("rollback_edits_found", n=len(edits), detail=md(shown)), icon=":material/edit_note:")
        st.caption(t("rollback_edits_note"))
    choices = [("keep", "rollback_keep_edits"), ("revert", "rollback_revert_edits")] if edits else [(None, "rollback_do")]
    buttons = st.columns(len(choices) + 1)
    for column, (mode, label) in zip(buttons, choices, strict=False):
        if column.button(t(label), type="primary", key=f"rollback_yes_{mode}"):
            st.session_state.pop("rollback_open", None)
            try:
                result = rollback(con(), batch_id, by=who.username, any_owner=is_admin, later_edits=mode)
            except RollbackRefused as exc:
                st.session_state["rollback_message"] = ("error", md(exc.text(lang())))
            else:
                done = "rollback_done_edits" if "kept" in result else "rollback_done"
                st.session_state["rollback_message"] = ("success", t(done, batch=batch_id, **result))
            st.rerun()
    if buttons[-1].button(t("rollback_keep"), key="rollback_no"):
        st.session_state.pop("rollback_open", None)
        st.rerun()


# The open dialog is remembered, so a click inside it is handled on a full rerun as well as a fragment one.
if st.button(t("rollback"), icon=":material/undo:"):
    st.session_state["rollback_open"] = int(batch)
if "rollback_open" in st.session_state:
    confirm(st.session_state["rollback_open"])
