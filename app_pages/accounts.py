"""Accounts: add users with a role, issue one-time passwords, deactivate, open reading to the public;
see and end open sessions, lift sign-in waits after wrong passwords."""

import pandas as pd
import streamlit as st

from store import accounts, sessions
from store.messages import message
from ui.auth import PROXY_UNTRUSTED, require
from ui.cached import access, con
from ui.i18n import NO_VALUE, columns, datetime_label, lang, t
from ui.safe import md

who = require("admin")
st.title(t("page_accounts"))

public = st.toggle(t("public_read"), value=access())
if public != access():
    accounts.set_public_read(con(), public, who.username)
    st.rerun()

people = pd.DataFrame(accounts.users(con()), columns=["username", "role", "active", "must_change_password", "created_at", "created_by"])
shown = people.assign(role=people["role"].map(lambda r: t(f"role_{r}")), created_at=people["created_at"].map(datetime_label))
st.dataframe(shown, hide_index=True, placeholder=NO_VALUE, width="stretch", column_config=columns(list(shown.columns)))

with st.form("add_user", clear_on_submit=True):
    st.markdown(f"#### {t('add_user')}")
    username = st.text_input(t("username"))
    role = st.selectbox(t("role"), accounts.ROLES, format_func={r: t(f"role_{r}") for r in accounts.ROLES}.__getitem__)
    if st.form_submit_button(t("add_user")):
        try:
            st.session_state["issued"] = (username.strip(), accounts.add_user(con(), username, role, who.username))
        except accounts.AccountError as exc:
            st.error(md(exc.text(lang())))

others = [u for u in people["username"] if u != who.username]
if others:
    pick = st.selectbox(t("username"), others, key="manage_user")
    left, right = st.columns(2)
    if left.button(t("reset_password")):
        st.session_state["issued"] = (pick, accounts.reset_password(con(), pick))  # ends the account's sessions
    active = bool(people.set_index("username").at[pick, "active"])
    if right.toggle(t("active"), value=active, key=f"active_{pick}") != active:
        accounts.set_active(con(), pick, not active)  # ends the account's sessions
        st.rerun()
if "issued" in st.session_state:
    name, password = st.session_state.pop("issued")
    st.warning(t("one_time_password", user=name, password=password), icon=":material/key:")

st.markdown(f"#### {t('sessions_title')}")
open_sessions = pd.DataFrame(sessions.active(con()), columns=["id_hash", "username", "created_at", "last_seen_at", "expires_at", "client"])
# A short reference (the start of the stored hash, never the session id) tells apart two sessions of one person.
listed = open_sessions.drop(columns=["id_hash"]).assign(
    **{c: open_sessions[c].map(datetime_label) for c in ("created_at", "last_seen_at", "expires_at")}
)
listed.insert(0, "session_ref", open_sessions["id_hash"].str[:8])
st.dataframe(listed, hide_index=True, placeholder=NO_VALUE, width="stretch", column_config=columns(list(listed.columns)))
if len(open_sessions):
    labels = {
        h: f"{h[:8]} · {u} · {datetime_label(c)} → {datetime_label(seen)} · {cl or ''}"
        for h, u, c, seen, cl in zip(
            open_sessions["id_hash"],
            open_sessions["username"],
            open_sessions["created_at"],
            open_sessions["last_seen_at"],
            open_sessions["client"],
            strict=True,
        )
    }
    chosen = st.selectbox(t("sessions_title"), list(labels), format_func=labels.__getitem__, key="end_session_pick")
    if st.button(t("end_session"), icon=":material/logout:"):
        sessions.end(con(), chosen, who.username)
        st.success(t("session_ended"))
        st.rerun()

st.markdown(f"#### {message('blocks_title', lang())}")
if PROXY_UNTRUSTED:
    st.warning(message("proxy_untrusted", lang()), icon=":material/warning:")
blocks = sessions.THROTTLE.blocks()  # in the server's memory: waits per (account, client) and per client
if not blocks:
    st.caption(message("blocks_none", lang()))
for i, block in enumerate(blocks):
    left, right = st.columns([4, 1])
    words = {"value": block.account, "detail": block.client, "limit": block.failures, "column": datetime_label(block.until)}
    left.write(md(message("block_pair" if block.account else "block_client", lang(), **words)))
    if right.button(message("lift_block", lang()), key=f"lift_{i}_{block.account}_{block.client}"):
        # An account's waits are lifted from every client; a client's budget with its pairs. '(unknown)' names no account.
        known = block.account is not None and block.account != sessions.UNKNOWN_ACCOUNT
        sessions.lift(account=block.account if known else None, client=None if known else block.client)
        st.rerun()
with st.expander(t("failures_title")):
    failed = pd.DataFrame(sessions.failures(con()), columns=["username", "client", "at"])
    st.dataframe(
        failed.assign(at=failed["at"].map(datetime_label)),
        hide_index=True,
        placeholder=NO_VALUE,
        width="stretch",
        column_config=columns(["username", "client", "at"]),
    )
