"""The admin's backup button: a backup made by a separate process (store/backup.py), then offered for download."""

from __future__ import annotations

import subprocess
from pathlib import Path

import streamlit as st

from store import backup
from store.db import db_path
from ui.i18n import datetime_label, lang
from ui.safe import md


def backup_section() -> None:
    """Admins only (the page checks): back up now into $EIT_BACKUP_DIR, then download the file."""
    st.markdown(f"#### {backup.word('backup_title', lang())}")
    st.caption(backup.word("backup_help", lang(), folder=md(backup.default_folder())))
    if st.button(backup.word("backup_do", lang()), icon=":material/backup:", key="backup_now"):
        try:
            with st.spinner(backup.word("backup_do", lang())):
                st.session_state["backup_made"] = backup.backup_in_worker(db_path())
        except (backup.BackupError, OSError, subprocess.SubprocessError) as exc:
            st.error(backup.word("backup_failed", lang(), detail=md(exc)), icon=":material/error:")
    made: backup.Described | None = st.session_state.get("backup_made")
    if made is None or not Path(made.path).is_file():
        return
    name = Path(made.path).name
    last = (
        f"{made.last_batch_id} · {datetime_label(made.last_batch_at)}"
        if made.last_batch_id is not None
        else backup.word("backup_none", lang())
    )
    st.success(
        backup.word("backup_done", lang(), name=md(name), size=backup.human_size(made.size), batches=made.batches, last=md(last)),
        icon=":material/check_circle:",
    )
    if made.size > backup.DOWNLOAD_LIMIT:
        st.caption(backup.word("backup_too_large", lang(), path=md(made.path)))
        return
    st.download_button(
        backup.word("backup_download", lang()),
        data=lambda: Path(made.path).read_bytes(),  # read only when the admin asks for it
        file_name=name,
        mime="application/octet-stream",
        icon=":material/download:",
        on_click="ignore",
        key="backup_download",
    )
