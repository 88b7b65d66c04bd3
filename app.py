"""Entry: page config, navigation over app_pages/, sidebar (language, area, year). No queries here."""

import streamlit as st

from ui.i18n import t
from ui.state import sidebar

st.set_page_config(page_title="Saraburi Eco-Industrial Town", page_icon=":material/factory:", layout="wide")
st.session_state.setdefault("lang", "th")

pages = [
    st.Page("app_pages/overview.py", title=t("page_overview"), icon=":material/fact_check:", url_path="overview", default=True),
    st.Page("app_pages/indicator.py", title=t("page_indicator"), icon=":material/monitoring:", url_path="indicator"),
    st.Page("app_pages/establishment.py", title=t("page_establishment"), icon=":material/factory:", url_path="establishment"),
    st.Page("app_pages/map.py", title=t("page_map"), icon=":material/map:", url_path="map"),
]
page = st.navigation(pages)
st.sidebar.title(t("app_title"))
sidebar()
page.run()
