"""Criteria: the versions and the years they apply to, thresholds of a version (each change recorded with its
reason), importing an office's criteria file, applying a version from a year, and a side-by-side comparison."""

import streamlit as st

from present.words import value_label
from store.criteria import CriteriaRefused, apply_version, export_version, import_version, listing
from store.edits import EditRefused, criteria, criteria_history, update_criterion
from ui.auth import require
from ui.cached import con, criteria_comparison
from ui.i18n import NO_VALUE, columns, datetime_label, lang, t, year_label
from ui.safe import md
from ui.sidebar import read_page

who = require("admin")
year, area, version = read_page("page_criteria", needs_data=False)
if notice := st.session_state.pop("criteria_notice", None):  # said after the rerun that shows its effect
    st.success(notice)

with con().cursor() as cur:
    stored = list(listing(cur, lang()))
names = [v[0] for v in stored]
st.markdown(f"#### {t('criteria_versions')}")
heads = (t("criteria_version"), t("criteria_indicators"), t("imported_by"), t("imported_at"), t("criteria_applies"))
st.dataframe([dict(zip(heads, version, strict=True)) for version in stored], hide_index=True)

chosen = st.selectbox(t("criteria_edit_version"), names, index=len(names) - 1, key="criteria_chosen")
with con().cursor() as cur:
    st.download_button(t("criteria_download"), export_version(cur, chosen), f"{chosen}.csv", "text/csv", icon=":material/download:")
before = criteria(con(), chosen)
shown = before.drop(columns=["name_en" if lang() == "th" else "name_th"])
shown = shown.assign(**{c: shown[c].map(lambda v: value_label(v, lang())) for c in ("unit", "comparator")})  # read-only columns
after = st.data_editor(
    shown,
    hide_index=True,
    placeholder=NO_VALUE,
    width="stretch",
    disabled=[c for c in shown.columns if c not in ("threshold", "provisional")],
    column_config=columns(list(shown.columns)),
    key=f"criteria_editor_{chosen}",
)
reason = st.text_input(t("reason_required"))
if st.button(t("save"), type="primary"):
    try:
        changed = sum(
            update_criterion(con(), code, float(th), bool(pr), reason, who.username, chosen)
            for code, th, pr in zip(after["code"], after["threshold"], after["provisional"], strict=True)
        )
    except EditRefused as exc:
        st.error(md(exc.text(lang())))
    else:
        st.success(t("criteria_saved", n=changed) if changed else t("nothing_changed"))

with st.expander(t("criteria_import")), st.form("criteria_import", clear_on_submit=False):
    st.caption(t("criteria_import_help"))
    name = st.text_input(t("criteria_new_name"), placeholder="diw-2565")
    upload = st.file_uploader("CSV", type=["csv"])
    if st.form_submit_button(t("criteria_import"), type="primary") and upload is not None:
        try:
            n = import_version(con(), name.strip(), upload.getvalue(), upload.name, who.username)
        except CriteriaRefused as exc:
            st.error(md(exc.text(lang())))
        else:
            st.session_state["criteria_notice"] = t("criteria_imported", version=md(name.strip()), n=n)
            st.rerun()

with st.expander(t("criteria_apply")), st.form("criteria_apply"):
    which = st.selectbox(t("criteria_version"), names)
    first = st.number_input(t("year"), value=year + 543 if lang() == "th" else year, step=1, format="%d")
    if st.form_submit_button(t("criteria_apply"), type="primary"):
        try:
            applied = apply_version(con(), which, int(first), who.username)
        except CriteriaRefused as exc:
            st.error(md(exc.text(lang())))
        else:
            st.session_state["criteria_notice"] = t("criteria_applied", version=md(which), year=year_label(applied))
            st.rerun()

st.markdown(f"#### {t('criteria_compare')} · {year_label(year)}")
other = st.selectbox(t("criteria_compare_with"), names, index=len(names) - 1, key="criteria_other")
st.dataframe(criteria_comparison(version, year, area, other, lang()), hide_index=True, placeholder=NO_VALUE, width="stretch")

with st.expander(t("edit_history")):
    history = criteria_history(con())
    history = history.assign(changed_at=history["changed_at"].map(datetime_label))
    st.dataframe(history, hide_index=True, placeholder=NO_VALUE, column_config=columns(list(history.columns)))
