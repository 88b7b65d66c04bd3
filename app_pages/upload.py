"""Upload a CSV: what each table holds and the order to load; template, example and column guide; the full problem
report; confirm as one batch, and what a re-upload changed."""

import hashlib

import streamlit as st

from store.export import table_as_template
from store.load import check_bytes, detect_table, load_checked, previous_loads
from store.tables import TABLES
from store.templates import header
from ui.auth import require
from ui.cached import as_of_stamp, con, data_version, example_csv
from ui.downloads import table_downloads
from ui.i18n import NO_VALUE, columns, datetime_label, lang, t
from ui.safe import md
from ui.sidebar import banner
from ui.upload import example_notice, guide_view, loaded_view, preview_view, status_view

who = require("analyst")
st.title(t("page_upload"))
banner()
version = data_version()
with st.expander(t("tables_status"), expanded=True):
    status_view(version)

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
        guide_view(choice)
    with st.expander(t("table_now", table=label[choice])):
        st.caption(t("table_now_help"))
        table_downloads(lambda: table_as_template(con(), choice, lang()), choice, as_of_stamp(version), key=f"now_{choice}")

uploaded = st.file_uploader(t("upload_file"), type=["csv", "txt"], key="upload_file")
if uploaded is None:
    st.stop()
data = uploaded.getvalue()
sha = hashlib.sha256(data).hexdigest()
table = choice or detect_table(data)
if not table:
    st.error(t("table_not_detected"))
    st.stop()
if not choice:
    st.info(t("detected_as", table=label[table]))

# One parse per file: the check is kept for this file, table and data version (a rerun never parses again).
checks = st.session_state.setdefault("upload_checks", {})
if (sha, table, version) not in checks:
    checks.clear()
    with st.spinner(t("checking")):
        report, parsed = check_bytes(con(), table, data, uploaded.name)
        # A file with problems is never loaded: keep its report, not its rows (up to 50 MB of them, per session).
        checks[(sha, table, version)] = (report, None if report.problems else parsed)
report, parsed = checks[(sha, table, version)]
st.caption(t("file_summary", rows=report.rows, encoding=report.encoding or "?", be=report.be_conversions))
if report.problems:
    st.error(t("problems_found", n=len(report.problems)), icon=":material/error:")
    problems = report.problems_frame(lang())
    st.dataframe(problems, hide_index=True, placeholder=NO_VALUE, width="stretch", column_config=columns(list(problems.columns)))
    table_downloads(problems, f"problems_{uploaded.name.rsplit('.', 1)[0]}", as_of_stamp(version), key="problems")
    st.stop()

st.markdown(f"#### {t('preview')}")
preview_view(parsed.frame)
example_notice(report)

earlier = previous_loads(con(), sha)
live = earlier[earlier["status"] == "loaded"]
for _, b in earlier.iterrows():
    when, who_loaded = datetime_label(b["loaded_at"]), b["loaded_by"]
    if b["status"] == "loaded":
        st.warning(t("same_file_loaded", batch=b["batch_id"], when=when, user=md(who_loaded)), icon=":material/content_copy:")
    else:
        back, back_user = datetime_label(b["rolled_back_at"]), b["rolled_back_by"]
        said = t("same_file_rolled_back", batch=b["batch_id"], when=when, user=who_loaded, back=back, back_user=back_user)
        st.info(said, icon=":material/undo:")
again = st.checkbox(t("load_again"), key=f"again_{sha}") if not live.empty else True
st.success(t("ready_to_load"), icon=":material/task_alt:")
if st.button(t("confirm_load"), type="primary", icon=":material/upload:", disabled=not again):
    bar = st.progress(0.0, text=t("loading"))
    result = load_checked(con(), report, parsed, data, loaded_by=who.username, progress=lambda f, _s: bar.progress(f, text=t("loading")))
    bar.empty()
    if result.ok:
        loaded_view(result, data_version())
    else:
        st.error(t("problems_found", n=len(result.problems)))
        st.dataframe(result.problems_frame(lang()), hide_index=True, placeholder=NO_VALUE, width="stretch")
