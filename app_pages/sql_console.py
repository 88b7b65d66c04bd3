"""SQL console (analysts and admins): one read-only query over the data tables, checked by console.guard and run
in a worker process under memory, CPU and time limits (console.worker), the schema beside the editor, examples."""

import pandas as pd
import streamlit as st

from console.catalogue import EXAMPLES, schema
from console.guard import QueryRefused, ensure_open
from console.messages import wording
from console.worker import run_query
from store.db import db_path
from ui.auth import require
from ui.cached import as_of_stamp, con, data_version
from ui.downloads import table_downloads
from ui.i18n import columns, lang, t
from ui.safe import md
from ui.sidebar import banner

require("analyst")
st.title(t("page_console"))
banner()
try:
    ensure_open()  # closed, with the reason, when DuckDB's parse trees no longer read as the guard expects
except QueryRefused as closed:
    st.error(md(closed.text(lang())), icon=":material/block:")
    st.stop()
st.caption(t("console_intro"))
st.info(wording("console_years", lang()), icon=":material/calendar_month:")
version = data_version()

examples = {e.key: e for e in EXAMPLES}
names = {"": t("console_own"), **{k: (e.name_th if lang() == "th" else e.name_en) for k, e in examples.items()}}
editor, side = st.columns([3, 2])
with editor:
    picked = st.selectbox(t("console_examples"), list(names), format_func=names.__getitem__, key="console_example")
    if picked and st.session_state.get("console_loaded") != picked:
        st.session_state["console_sql"] = examples[picked].sql  # an example fills the editor once; edits stay
        st.session_state["console_loaded"] = picked
    sql = st.text_area(t("console_sql"), height=260, key="console_sql", placeholder=t("console_placeholder"))
    run = st.button(t("console_run"), type="primary", icon=":material/play_arrow:")
with side:
    st.markdown(f"**{t('console_schema')}**")
    with con().cursor() as cur:
        tables = schema(cur, lang())
    for table in tables:
        with st.expander(f"{table.name} · {table.description}"):
            heads = columns(["column", "description"])
            listed = pd.DataFrame(
                [(c.name, c.type, c.description) for c in table.columns], columns=[heads["column"], t("type"), heads["description"]]
            )
            st.dataframe(listed, hide_index=True, width="stretch", placeholder="NULL")

with editor:  # the answer (or the refusal) right under the Run button, not below the schema
    if run and sql.strip():
        try:
            result = run_query(db_path(), sql)  # in a worker process, never in the server
        except QueryRefused as exc:
            st.error(md(exc.text(lang())), icon=":material/block:")
            st.stop()
        st.session_state["console_result"] = (sql, result)
    if "console_result" in st.session_state:
        ran, result = st.session_state["console_result"]
        frame = pd.DataFrame(result.rows, columns=result.columns)
        st.caption(t("console_done", rows=len(frame), seconds=f"{result.elapsed_s:.2f}"))
        if result.truncated:
            st.warning(t("console_truncated", n=len(frame)), icon=":material/content_cut:")
        for note in result.note_texts(lang()):  # a BE year compared with CE years found nothing: say so
            st.info(note, icon=":material/calendar_month:")
        st.dataframe(frame, hide_index=True, width="stretch", placeholder="NULL")
        table_downloads(frame, "query", as_of_stamp(version), key="console")
