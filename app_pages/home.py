"""The app's root address: it forwards to the scorecard at /overview, keeping the link's view."""

import streamlit as st

st.switch_page("app_pages/overview.py", query_params=st.query_params.to_dict())
