"""Sign in (throttled), change a one-time password, sign out."""

import streamlit as st

from store import accounts, sessions
from ui.auth import JUST_SIGNED_IN, client, sign_in, sign_out, user
from ui.cached import access, con
from ui.i18n import lang, t
from ui.safe import md
from ui.sidebar import as_of_caption

current = user()
if current is None:
    st.title(t("page_signin"))
    as_of_caption()
    if not access():
        st.info(t("signin_needed"), icon=":material/lock:")
    with st.form("signin"):
        username = st.text_input(t("username"))
        password = st.text_input(t("password"), type="password")
        if st.form_submit_button(t("sign_in"), type="primary"):
            attempt = sessions.sign_in(con(), username, password, client())
            if attempt.user is None:
                if attempt.checked:  # the same words whether the username exists or not
                    st.error(t("bad_credentials"))
                if attempt.wait is not None:  # how long before the next try is looked at
                    st.warning(attempt.wait.text(lang()), icon=":material/hourglass_top:")
            else:
                sign_in(con(), attempt.user)
                st.session_state[JUST_SIGNED_IN] = True  # the next run goes back to where the reader was
                st.rerun()
    st.stop()

st.title(t("page_account"))
as_of_caption()
st.write(t("signed_in_as", user=current.username, role=t(f"role_{current.role}")))
if current.must_change_password:
    st.warning(t("must_change"), icon=":material/key:")
with st.form("password"):
    old = st.text_input(t("old_password"), type="password")
    new = st.text_input(t("new_password"), type="password")
    if st.form_submit_button(t("change_password")):
        try:  # the current password goes through the sign-in throttle; a change ends every session of the account
            wait = sessions.change_password(con(), current.username, old, new, client())
            changed = wait is None
        except accounts.AccountError as exc:
            st.error(md(exc.text(lang())))
            wait, changed = sessions.THROTTLE.wait(current.username, sessions.client_key(client())), False
        if wait is not None:
            st.warning(wait.text(lang()), icon=":material/hourglass_top:")
        if changed:
            sign_in(con(), accounts.User(current.username, current.role, False))  # a new session for this browser
            st.session_state[JUST_SIGNED_IN] = current.must_change_password  # a first sign-in goes on to its page
            st.success(t("password_changed"))
            st.rerun()
if st.button(t("sign_out"), icon=":material/logout:"):
    sign_out(con())
    st.rerun()
