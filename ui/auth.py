"""Who is signed in, which pages each role gets, and the guard every writing page calls first."""

from __future__ import annotations

import sys

import duckdb
import streamlit as st

from store import accounts
from ui.i18n import t

READ_PAGES = [
    ("app_pages/overview.py", "page_overview", ":material/fact_check:", "overview"),
    ("app_pages/indicator.py", "page_indicator", ":material/monitoring:", "indicator"),
    ("app_pages/establishment.py", "page_establishment", ":material/factory:", "establishment"),
    ("app_pages/search.py", "page_search", ":material/manage_search:", "search"),
    ("app_pages/map.py", "page_map", ":material/map:", "map"),
    ("app_pages/plan.py", "page_plan", ":material/event_note:", "plan"),
    ("app_pages/evidence.py", "page_evidence", ":material/checklist:", "evidence"),
]
DESK_PAGES = [
    ("app_pages/upload.py", "page_upload", ":material/upload_file:", "upload"),
    ("app_pages/batches.py", "page_batches", ":material/history:", "batches"),
]
ADMIN_PAGES = [
    ("app_pages/criteria.py", "page_criteria", ":material/tune:", "criteria"),
    ("app_pages/accounts.py", "page_accounts", ":material/manage_accounts:", "accounts"),
]
SIGNIN_PAGE = ("app_pages/signin.py", "page_signin", ":material/login:", "signin")
HOME_PAGE = ("app_pages/home.py", "page_overview", ":material/fact_check:", "home")


COOKIE = "eit_session"


def user() -> accounts.User | None:
    found = st.session_state.get("user")
    return found if isinstance(found, accounts.User) else None


def role() -> str:
    u = user()
    return u.role if u else "anonymous"


def sign_in(u: accounts.User, con: duckdb.DuckDBPyConnection | None = None) -> None:
    """Sign in for this session; with a connection, also keep the sign-in across reloads (a signed cookie)."""
    st.session_state["user"] = u
    if con is not None:
        st.session_state["pending_cookie"] = accounts.issue_token(con, u.username)


def sign_out(con: duckdb.DuckDBPyConnection) -> None:
    u = user()
    st.session_state.pop("user", None)
    if u is not None:
        accounts.revoke_sessions(con, u.username)  # the cookie's token stops working everywhere
    st.session_state["pending_cookie"] = ""


def restore_session(con: duckdb.DuckDBPyConnection) -> None:
    """A new browser session (reload, new tab) picks the sign-in up again from a valid cookie."""
    if user() is None and "user_checked" not in st.session_state:
        st.session_state["user_checked"] = True
        token = st.context.cookies.get(COOKIE)
        if isinstance(token, str) and token:
            found = accounts.user_from_token(con, token)
            if found is not None:
                st.session_state["user"] = found


def write_pending_cookie() -> None:
    """Set (or, when empty, delete) the sign-in cookie in the browser. Streamlit cannot set cookies
    from the server, so a one-line script in the page does it; the token is signed and expires."""
    if "pending_cookie" not in st.session_state:
        return
    token = st.session_state.pop("pending_cookie")
    age = accounts.TOKEN_HOURS * 3600 if token else 0
    with st.sidebar:
        st.html(
            f"<script>document.cookie = '{COOKIE}={token}; path=/; max-age={age}; SameSite=Strict';</script>",
            unsafe_allow_javascript=True,
        )


def announce_first_admin(password: str | None) -> None:
    """Print the first admin's one-time password where the operator started the app (once per database)."""
    if password:
        print("\n" + "=" * 72 + f"\nFirst run: account 'admin' created with one-time password: {password}\n"
              "Sign in and change it. It is not stored anywhere in clear and is not shown again.\n" + "=" * 72 + "\n",
              file=sys.stderr, flush=True)  # fmt: skip


def _page(spec: tuple[str, str, str, str], default: bool = False, hidden: bool = False) -> st.Page:
    path, title, icon, url = spec
    return st.Page(path, title=t(title), icon=icon, url_path=url, default=default, visibility="hidden" if hidden else "visible")


def navigation_pages(public_read: bool) -> dict[str, list[st.Page]]:
    """The pages this visitor may open, by section. Pages not listed cannot be reached by URL either."""
    u = user()
    if u is not None and u.must_change_password:
        return {"": [_page(SIGNIN_PAGE, default=True)]}
    sections: dict[str, list[st.Page]] = {}
    if u is not None or public_read:
        # The root address forwards to /overview, so the scorecard has a readable path like every page.
        sections[t("section_dashboard")] = [_page(HOME_PAGE, default=True, hidden=True), *(_page(p) for p in READ_PAGES)]
    if accounts.allowed(role(), "analyst"):
        sections[t("section_desk")] = [_page(p) for p in DESK_PAGES]
    if accounts.allowed(role(), "admin"):
        sections[t("section_admin")] = [_page(p) for p in ADMIN_PAGES]
    # Sign-in is a small link in the sidebar (sign_in_link), not a page of the menu, unless it is all there is.
    path, _title, icon, url = SIGNIN_PAGE
    account_page = st.Page(path, title=t("page_account" if u else "page_signin"), icon=icon, url_path=url, default=not sections,
                           visibility="hidden" if sections else "visible")  # fmt: skip
    sections.setdefault("", []).append(account_page)
    return sections


def sign_in_link() -> None:
    """The sidebar's last lines: who is signed in and a link to the account page, or a small sign-in link."""
    u = user()
    if u is not None:
        st.sidebar.caption(t("signed_in_as", user=u.username, role=t(f"role_{u.role}")))
        st.sidebar.page_link(SIGNIN_PAGE[0], label=t("page_account"), icon=":material/account_circle:")
    else:
        st.sidebar.page_link(SIGNIN_PAGE[0], label=t("sign_in_staff"), icon=":material/login:")


def require(needed: str) -> accounts.User:
    """Stop the page unless the signed-in user's role may use it (pages call this before anything else)."""
    u = user()
    if u is None or not accounts.allowed(u.role, needed) or u.must_change_password:
        st.error(t("not_allowed"), icon=":material/block:")
        st.stop()
    assert u is not None
    return u
