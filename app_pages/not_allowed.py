"""A page the signed-in role may not use, opened by its address: say so, and offer the scorecard with the same view."""

import streamlit as st

from ui.auth import RETURN
from ui.i18n import t
from ui.sidebar import as_of_caption

st.error(t("not_allowed"), icon=":material/block:")
as_of_caption()
view = {k: v for k, v in st.query_params.to_dict().items() if k != RETURN}
st.page_link("app_pages/overview.py", label=t("page_overview"), icon=":material/fact_check:", query_params=view)
