"""Sign in (throttled), change a one-time password, sign out."""

import streamlit as st

from store import accounts, sessions
from store.messages import message
from ui.auth import client, sign_in, sign_out, user
from ui.i18n import datetime_label, lang, t
from ui.safe import md
from ui.state import access, con

current = user()
if current is None:
    st.title(t("page_signin"))
    if not access():
        st.info(t("signin_needed"), icon=":material/lock:")
    with st.form("signin"):
        username = st.text_input(t("username"))
        password = st.text_input(t("password"), type="password")
        if st.form_submit_button(t("sign_in"), type="primary"):
            found, lock = sessions.sign_in(con(), username, password, client())
            if lock is not None:
                st.error(message(lock.rule, lang(), value=datetime_label(lock.until)), icon=":material/lock_clock:")
            elif found is None:
                st.error(t("bad_credentials"))
            else:
                sign_in(con(), found)
                st.session_state["just_signed_in"] = True
                st.rerun()
    st.stop()

st.title(t("page_account"))
st.write(t("signed_in_as", user=current.username, role=t(f"role_{current.role}")))
if current.must_change_password:
    st.warning(t("must_change"), icon=":material/key:")
with st.form("password"):
    old = st.text_input(t("old_password"), type="password")
    new = st.text_input(t("new_password"), type="password")
    if st.form_submit_button(t("change_password")):
        try:
            accounts.change_password(con(), current.username, old, new)  # ends every session of the account
        except accounts.AccountError as exc:
            st.error(md(exc.text(lang())))
        else:
            sign_in(con(), accounts.User(current.username, current.role, False))  # a new session for this browser
            st.success(t("password_changed"))
            st.rerun()
if st.button(t("sign_out"), icon=":material/logout:"):
    sign_out(con())
    st.rerun()
