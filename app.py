"""Entry: page config, navigation by role over app_pages/, sidebar (language, area, year, sign-in). No queries."""

from pathlib import Path

import streamlit as st

from ui.auth import navigation_pages, refresh_user, sign_in_link, user, write_pending_cookie
from ui.cached import access, con, title
from ui.sidebar import remember_language, sidebar
from ui.style import apply_style

remember_language()
# The tab's icon is a file of ours: a ":material/…:" icon would be fetched from fonts.gstatic.com.
st.set_page_config(page_title=title(), page_icon=str(Path(__file__).parent / "ui" / "favicon.png"), layout="wide")
apply_style()

refresh_user(con())  # every run: the session and the account as the database says now
page = st.navigation(navigation_pages(access()), expanded=True)  # every page listed: no English "View more"
st.set_page_config(page_title=f"{page.title} · {title()}")  # the browser tab in the UI language
if st.session_state.pop("just_signed_in", False) and page.url_path == "signin" and user() is not None and not user().must_change_password:  # type: ignore[union-attr]
    st.switch_page("app_pages/overview.py")  # from the sign-in page, land on the scorecard; from a link, on its page
write_pending_cookie()
st.sidebar.title(title())
sidebar()
sign_in_link()
page.run()
