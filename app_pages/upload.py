"""Upload a CSV: template and example, preview with conversions, the full problem report, confirm as one batch."""

import streamlit as st

from store.load import check_bytes, detect_table, load_bytes
from store.tables import TABLES
from store.templates import column_guide, header
from ui.auth import require
from ui.i18n import columns, lang, t
from ui.state import con, example_csv

who = require("analyst")
st.title(t("page_upload"))

label = {name: f"{name} · {TABLES[name].label_th if lang() == 'th' else TABLES[name].label_en}" for name in TABLES}
label[""] = t("detect_table")
choice = st.selectbox(t("choose_table"), ["", *TABLES], format_func=label.__getitem__)
if choice:
    cols = st.columns(2)
    cols[0].download_button(
        t("download_template"), header(choice).encode("utf-8-sig"), f"{choice}.csv", "text/csv", icon=":material/download:"
    )
    cols[1].download_button(t("download_example"), example_csv(choice), f"{choice}_example.csv", "text/csv", icon=":material/download:")
    with st.expander(t("column_guide")):
        st.table(column_guide(choice).set_index("column"))

uploaded = st.file_uploader(t("upload_file"), type=["csv", "txt"], key="upload_file")
if uploaded is None:
    st.stop()
data = uploaded.getvalue()
table = choice or detect_table(data)
if not table:
    st.error(t("table_not_detected"))
    st.stop()
if not choice:
    st.info(t("detected_as", table=label[table]))

report, frame = check_bytes(con(), table, data, uploaded.name)
st.caption(t("file_summary", rows=report.rows, encoding=report.encoding or "?", be=report.be_conversions))
if report.problems:
    st.error(t("problems_found", n=len(report.problems)), icon=":material/error:")
    problems = report.problems_frame(lang())
    st.dataframe(problems, hide_index=True, width="stretch", column_config=columns(list(problems.columns)))
    st.download_button(t("download_report"), problems.to_csv(index=False).encode("utf-8-sig"), f"problems_{uploaded.name}", "text/csv")
    st.stop()

st.markdown(f"#### {t('preview')}")
st.dataframe(frame.head(20) if frame is not None else None, width="stretch")
done = st.session_state.setdefault("loaded_files", {})
if report.sha256 in done:
    st.success(t("already_loaded", batch=done[report.sha256]), icon=":material/check_circle:")
    st.stop()
st.success(t("ready_to_load"), icon=":material/task_alt:")
if st.button(t("confirm_load"), type="primary", icon=":material/upload:"):
    bar = st.progress(0.0, text=t("loading"))
    result = load_bytes(
        con(), table, data, uploaded.name, loaded_by=who.username, progress=lambda f, _s: bar.progress(f, text=t("loading"))
    )
    bar.empty()
    if result.ok:
        done[report.sha256] = result.batch_id
        st.success(t("loaded", batch=result.batch_id, inserted=result.inserted, replaced=result.replaced), icon=":material/check_circle:")
    else:
        st.error(t("problems_found", n=len(result.problems)))
        st.dataframe(result.problems_frame(lang()), hide_index=True, width="stretch")
