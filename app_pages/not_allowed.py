"""A page the signed-in role may not use, opened by its address: say so, and offer the scorecard."""

import streamlit as st

from ui.i18n import t

st.error(t("not_allowed"), icon=":material/block:")
st.page_link("app_pages/overview.py", label=t("page_overview"), icon=":material/fact_check:")
