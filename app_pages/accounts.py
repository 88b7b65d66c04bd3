"""Accounts: add users with a role, issue one-time passwords, deactivate, and open reading to the public."""

import pandas as pd
import streamlit as st

from store import accounts
from ui.auth import require
from ui.i18n import columns, lang, t
from ui.state import access, con

who = require("admin")
st.title(t("page_accounts"))

public = st.toggle(t("public_read"), value=access())
if public != access():
    accounts.set_public_read(con(), public, who.username)
    st.rerun()

people = pd.DataFrame(accounts.users(con()), columns=["username", "role", "active", "must_change_password", "created_at", "created_by"])
st.dataframe(people, hide_index=True, width="stretch", column_config=columns(list(people.columns)))

with st.form("add_user", clear_on_submit=True):
    st.markdown(f"#### {t('add_user')}")
    username = st.text_input(t("username"))
    role = st.selectbox(t("role"), accounts.ROLES, format_func={r: t(f"role_{r}") for r in accounts.ROLES}.__getitem__)
    if st.form_submit_button(t("add_user")):
        try:
            st.session_state["issued"] = (username.strip(), accounts.add_user(con(), username, role, who.username))
        except accounts.AccountError as exc:
            st.error(exc.text(lang()))

others = [u for u in people["username"] if u != who.username]
if others:
    pick = st.selectbox(t("username"), others, key="manage_user")
    left, right = st.columns(2)
    if left.button(t("reset_password")):
        st.session_state["issued"] = (pick, accounts.reset_password(con(), pick))
    active = bool(people.set_index("username").at[pick, "active"])
    if right.toggle(t("active"), value=active, key=f"active_{pick}") != active:
        accounts.set_active(con(), pick, not active)
        st.rerun()
if "issued" in st.session_state:
    name, password = st.session_state.pop("issued")
    st.warning(t("one_time_password", user=name, password=password), icon=":material/key:")
