"""Entry: page config, navigation by role over app_pages/, sidebar (language, area, year, sign-in). No queries."""

import streamlit as st

from ui.auth import navigation_pages, role, user
from ui.i18n import t
from ui.state import access, sidebar

st.set_page_config(page_title="Saraburi Eco-Industrial Town", page_icon=":material/factory:", layout="wide")
st.session_state.setdefault("lang", "th")

page = st.navigation(navigation_pages(access()))
st.sidebar.title(t("app_title"))
sidebar()
if user() is not None:
    st.sidebar.caption(t("signed_in_as", user=user().username, role=t(f"role_{role()}")))  # type: ignore[union-attr]
page.run()
