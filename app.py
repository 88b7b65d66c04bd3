"""Entry: page config, navigation by role over app_pages/, sidebar (language, area, year, sign-in). No queries."""

from pathlib import Path

import streamlit as st

from ui.auth import navigation_pages, refresh_user, return_after_sign_in, sign_in_link, write_pending_cookie
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
return_after_sign_in(page.url_path)  # back to the page and view the reader signed in from
write_pending_cookie()
st.sidebar.title(title())
sidebar()
with sign_in_link(page.url_path):
    page.run()
