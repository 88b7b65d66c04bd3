"""Publish (admins): write the town's public site into the folder $EIT_PUBLISH_DIR, in a separate process."""

import os
import subprocess
import sys

import streamlit as st

from present.site_words import say
from store.db import ROOT, db_path
from ui.auth import require
from ui.i18n import lang, t
from ui.safe import md
from ui.sidebar import as_of_caption

PUBLISH_TIMEOUT_S = 600  # the demo builds in ~15 s; a national database's charts take longer

require("admin")
st.title(t("page_publish"))
as_of_caption()
st.caption(say("publish_intro", lang()))
folder = os.environ.get("EIT_PUBLISH_DIR", "").strip()
if not folder:
    st.info(say("publish_no_folder", lang()))
    st.stop()
st.markdown(md(say("publish_folder", lang(), folder=folder)))
if st.button(say("publish_button", lang()), type="primary", icon=":material/public:"):
    # A process of its own under CPU and memory limits (present.publish_job): it reads a snapshot of the
    # database, never the server's connection, and is killed when the wall clock runs out.
    command = [sys.executable, "-m", "present.publish_job", "--db", str(db_path()), "--out", folder]
    with st.spinner(say("publish_running", lang())):
        try:
            done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=PUBLISH_TIMEOUT_S, check=False)
        except subprocess.TimeoutExpired:
            done = None
    if done is None:
        st.error(say("publish_timeout", lang(), seconds=PUBLISH_TIMEOUT_S))
    elif done.returncode == 0:
        st.success(md(say("publish_done", lang(), summary=done.stdout.strip())))
    else:
        st.error(md(say("publish_failed", lang(), reason=(done.stderr.strip().splitlines() or ["?"])[-1])))
