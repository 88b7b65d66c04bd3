"""Criteria: thresholds and provisional flags, editable by an admin, each change recorded with its reason."""

import streamlit as st

from metrics.words import value_label
from store.edits import EditRefused, criteria, criteria_history, update_criterion
from ui.auth import require
from ui.i18n import NO_VALUE, columns, datetime_label, lang, t
from ui.safe import md
from ui.state import con

who = require("admin")
st.title(t("page_criteria"))
st.caption(t("provisional_note"))

before = criteria(con())
shown = before.drop(columns=["name_en" if lang() == "th" else "name_th"])
shown = shown.assign(**{c: shown[c].map(lambda v: value_label(v, lang())) for c in ("unit", "comparator")})  # read-only columns
after = st.data_editor(shown, hide_index=True, placeholder=NO_VALUE, width="stretch", disabled=[c for c in shown.columns if c not in ("threshold", "provisional")],
                       column_config=columns(list(shown.columns)), key="criteria_editor")  # fmt: skip
reason = st.text_input(t("reason_required"))
if st.button(t("save"), type="primary"):
    try:
        changed = sum(
            update_criterion(con(), code, float(th), bool(pr), reason, who.username)
            for code, th, pr in zip(after["code"], after["threshold"], after["provisional"], strict=True)
        )
    except EditRefused as exc:
        st.error(md(exc.text(lang())))
    else:
        st.success(t("criteria_saved", n=changed) if changed else t("nothing_changed"))
with st.expander(t("edit_history")):
    history = criteria_history(con())
    history = history.assign(changed_at=history["changed_at"].map(datetime_label))
    st.dataframe(history, hide_index=True, placeholder=NO_VALUE, column_config=columns(list(history.columns)))
