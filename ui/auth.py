"""Who is signed in, which pages each role gets, and the guard every writing page calls first."""

from __future__ import annotations

import logging
import os
import sys
import weakref
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import streamlit as st

from store import accounts, sessions
from store.accounts import write_first_password
from store.db import db_path
from ui.i18n import t
from webserver.streamlit_internals import connection, script_session_id
from webserver.web import allow_uploads, bound_token, handoff, handoff_state, https_request, register_sign_in, use_database

LOG = logging.getLogger("eit")
PROXY_UNTRUSTED: list[bool] = []  # non-empty once a sign-in came through a proxy the app was not told to trust
# `python -m store users unblock` leaves its requests here while this process holds the database.
sessions.THROTTLE.requests_path = sessions.unblock_file(db_path())

READ_PAGES = [
    ("app_pages/overview.py", "page_overview", ":material/fact_check:", "overview"),
    ("app_pages/indicator.py", "page_indicator", ":material/monitoring:", "indicator"),
    ("app_pages/establishment.py", "page_establishment", ":material/factory:", "establishment"),
    ("app_pages/search.py", "page_search", ":material/manage_search:", "search"),
    ("app_pages/map.py", "page_map", ":material/map:", "map"),
    ("app_pages/plan.py", "page_plan", ":material/event_note:", "plan"),
    ("app_pages/evidence.py", "page_evidence", ":material/checklist:", "evidence"),
    ("app_pages/explore.py", "page_explore", ":material/query_stats:", "explore"),
]
DESK_PAGES = [
    ("app_pages/upload.py", "page_upload", ":material/upload_file:", "upload"),
    ("app_pages/batches.py", "page_batches", ":material/history:", "batches"),
    ("app_pages/quality.py", "page_quality", ":material/troubleshoot:", "quality"),
    ("app_pages/sql_console.py", "page_console", ":material/terminal:", "sql"),
]
ADMIN_PAGES = [
    ("app_pages/criteria.py", "page_criteria", ":material/tune:", "criteria"),
    ("app_pages/accounts.py", "page_accounts", ":material/manage_accounts:", "accounts"),
    ("app_pages/publish.py", "page_publish", ":material/public:", "publish"),
]
SIGNIN_PAGE = ("app_pages/signin.py", "page_signin", ":material/login:", "signin")
HOME_PAGE = ("app_pages/home.py", "page_overview", ":material/fact_check:", "home")
NOT_ALLOWED = "app_pages/not_allowed.py"


TOKEN = "session_token"  # session_state key of this browser session's sign-in (the cookie's value)


def user() -> accounts.User | None:
    """The signed-in user of this run, as the database says now (see refresh_user)."""
    found = st.session_state.get("user")
    return found if isinstance(found, accounts.User) else None


def role() -> str:
    u = user()
    return u.role if u else "anonymous"


def client() -> str | None:
    """Who is signing in, for throttling: the connection's address, or behind a trusted proxy (EIT_TRUST_PROXY)
    the address that proxy added (store.sessions.client_of)."""
    headers = st.context.headers
    forwarded, real_ip = headers.get("X-Forwarded-For"), headers.get("X-Real-IP")
    peer = st.context.ip_address
    trust = os.environ.get("EIT_TRUST_PROXY")
    if forwarded and not trust and not PROXY_UNTRUSTED:
        PROXY_UNTRUSTED.append(True)  # the Accounts page says so to admins
        LOG.warning("X-Forwarded-For received without EIT_TRUST_PROXY: every client behind the proxy shares one sign-in budget")
    return sessions.client_of(forwarded, real_ip, peer if isinstance(peer, str) else None, trust)


def _https() -> bool:
    return https_request(None, st.context.headers.get("X-Forwarded-Proto")) or str(st.context.url or "").startswith("https:")


def _this_connection() -> object | None:
    session_id = script_session_id()
    return connection(session_id) if session_id is not None else None


def _signed_in_here() -> bool:
    """Whether this very connection signed in (its handshake came before the cookie existed)."""
    ref = st.session_state.get("signed_in_on")
    return isinstance(ref, weakref.ref) and ref() is _this_connection() or (ref is None and _this_connection() is None)


def refresh_user(con: duckdb.DuckDBPyConnection) -> None:
    """Every run: the sign-in this connection carries, read from the database. A revoked or expired session, a
    deactivated account or a changed role takes effect at once.

    A sign-in is bound to its cookie: the session held in this Streamlit session counts only when the
    connection's cookie carries it, or when this very connection signed in (the cookie came after its
    handshake). Another client naming this Streamlit session's id (a reconnect without the cookie) gets nothing."""
    carried = bound_token(st.context.cookies, _https())
    token = st.session_state.get(TOKEN)
    if token is not None and token != carried and not _signed_in_here():
        st.session_state.pop(TOKEN, None)  # not this connection's sign-in: this tab is signed out
        st.session_state.pop("signed_in_on", None)
        token = None
    if token is None and carried and carried != st.session_state.get("signed_out"):
        token = st.session_state[TOKEN] = carried
    u = sessions.user_of(con, token) if token else None
    if token and u is None:
        st.session_state.pop(TOKEN, None)  # ended elsewhere: this tab is signed out too
        st.session_state["signed_out"] = token  # its cookie may still be in this connection's handshake
    st.session_state["user"] = u
    session_id = script_session_id()
    if session_id is not None:
        use_database(con)  # the upload gate reads each PUT's account through it
        register_sign_in(session_id, token if u is not None else None, u.role if u is not None else None)
        uploads = u is not None and accounts.allowed(u.role, "analyst") and not u.must_change_password
        allow_uploads(session_id, token if uploads else None)


def sign_in(con: duckdb.DuckDBPyConnection, u: accounts.User) -> None:
    """Open a server-side session for this browser and have the browser store its id in an HttpOnly cookie."""
    token = sessions.create(con, u.username, client())
    st.session_state[TOKEN] = token
    here = _this_connection()
    st.session_state["signed_in_on"] = weakref.ref(here) if here is not None else None
    st.session_state.pop("signed_out", None)
    st.session_state["user"] = u
    st.session_state["pending_cookie"] = handoff(token, accounts.TOKEN_HOURS * 3600)


def sign_out(con: duckdb.DuckDBPyConnection) -> None:
    token = st.session_state.pop(TOKEN, None)
    u = user()
    if token:
        sessions.revoke(con, token, u.username if u else "sign-out")  # every tab of this browser ends with it
        st.session_state["signed_out"] = token
    st.session_state.pop("signed_in_on", None)
    st.session_state["user"] = None
    st.session_state["pending_cookie"] = ""


def write_pending_cookie() -> None:
    """After a sign-in, the page posts a single-use nonce to /auth/session, whose answer sets the HttpOnly
    cookie; after a sign-out it asks /auth/signout to delete it. No script ever sees the session id.

    The sign-in's script is written on every run until the server has seen the nonce claimed: a run that
    switches page right after writing it (a sign-in at the root address) can replace it in the browser
    before it runs, and the browser then never got its cookie (found as an intermittent test failure).
    A nonce that expired unclaimed is replaced by a fresh one for the same session."""
    if "pending_cookie" not in st.session_state:
        return
    nonce = st.session_state["pending_cookie"]
    token = st.session_state.get(TOKEN)
    if not nonce or token is None or handoff_state(nonce) == "claimed":
        st.session_state.pop("pending_cookie")
        if nonce:  # claimed, or the session ended meanwhile: nothing more to hand over
            return
    elif handoff_state(nonce) == "expired":
        nonce = st.session_state["pending_cookie"] = handoff(token, accounts.TOKEN_HOURS * 3600)
    url = f"auth/session?nonce={nonce}" if nonce else "auth/signout"
    with st.sidebar:
        st.html(f"<script>fetch('{url}', {{method: 'POST', credentials: 'same-origin'}});</script>", unsafe_allow_javascript=True)


def announce_first_admin(password: str | None, db: str) -> None:
    """The first admin's one-time password goes to a file only its owner can read, never to the log."""
    if password:
        path = write_first_password(db, password)
        print(
            f"First run: account 'admin' created; its one-time password is in {path} (mode 0600). Read it, sign in, change it,"
            " and delete the file.",
            file=sys.stderr,
            flush=True,
        )


def _page(spec: tuple[str, str, str, str], default: bool = False, hidden: bool = False) -> st.Page:
    path, title, icon, url = spec
    return st.Page(path, title=t(title), icon=icon, url_path=url, default=default, visibility="hidden" if hidden else "visible")


def navigation_pages(public_read: bool) -> dict[str, list[st.Page]]:
    """The pages this visitor may open, by section.

    Every page's address always exists, so a shared link never meets "Page not found": where the visitor
    must sign in first (or change a one-time password), the address shows the sign-in form and, once
    signed in, the page it points to; where the role may not use a page, it says so.
    """
    u = user()
    path, _title, icon, url = SIGNIN_PAGE
    every = [*READ_PAGES, *DESK_PAGES, *ADMIN_PAGES]
    if (u is None and not public_read) or (u is not None and u.must_change_password):
        title = t("page_account" if u else "page_signin")
        here = [st.Page(path, title=title, icon=icon, url_path=spec[3], visibility="hidden") for spec in every]
        root = st.Page(path, title=title, icon=icon, url_path=HOME_PAGE[3], default=True)  # a default page's own path is not served
        return {"": [root, st.Page(path, title=title, icon=icon, url_path=url, visibility="hidden"), *here]}
    sections: dict[str, list[st.Page]] = {}
    # The root address forwards to /overview, so the scorecard has a readable path like every page.
    sections[t("section_dashboard")] = [_page(HOME_PAGE, default=True, hidden=True), *(_page(p) for p in READ_PAGES)]
    for needed, name, specs in (("analyst", "section_desk", DESK_PAGES), ("admin", "section_admin", ADMIN_PAGES)):
        if accounts.allowed(role(), needed):
            sections[t(name)] = [_page(p) for p in specs]
        else:  # a reader's link to a staff page opens the sign-in form; a signed-in role too low is told so
            source, title = (path, t("page_signin")) if u is None else (NOT_ALLOWED, None)
            sections[""] = sections.get("", []) + [
                st.Page(source, title=title or t(p[1]), icon=p[2], url_path=p[3], visibility="hidden") for p in specs
            ]
    # Sign-in is a small link in the sidebar (sign_in_link), not a page of the menu.
    account_page = st.Page(path, title=t("page_account" if u else "page_signin"), icon=icon, url_path=url, visibility="hidden")
    sections.setdefault("", []).append(account_page)
    return sections


RETURN = "next"  # the sign-in link's return page: a page's url path from the lists above, never an address
JUST_SIGNED_IN = "just_signed_in"


def usable_pages(role: str) -> dict[str, str]:
    """url path -> file of every page a signed-in role may use: the only places a sign-in returns to."""
    specs = [*READ_PAGES]
    for needed, more in (("analyst", DESK_PAGES), ("admin", ADMIN_PAGES)):
        if accounts.allowed(role, needed):
            specs += more
    return {url: path for path, _title, _icon, url in specs}


def return_target(role: str, wanted: str | None) -> str:
    """The page a sign-in made away from the role's pages lands on: the page the sign-in link came from
    (`wanted`, looked up in the allowlist: anything else, an address of another site included, is ignored),
    else the overview."""
    usable = usable_pages(role)
    return usable[wanted] if wanted in usable else usable["overview"]


def return_after_sign_in(here: str) -> None:
    """Right after a sign-in (or a one-time password's change), take the reader back to where they were, with the
    view (language, year, area, the page's own code or id): the address's own page when the role may use it (a
    shared link), the page the sign-in link came from, or the overview; never a page the role may not use.

    The target is kept until a run lands on a page of the role: a switch that a concurrent rerun overtakes is
    made again rather than leaving the reader on the sign-in or "not allowed" page."""
    pending = st.session_state.get(JUST_SIGNED_IN)
    u = user()
    if not pending or u is None or u.must_change_password:
        if u is None:
            st.session_state.pop(JUST_SIGNED_IN, None)
        return
    if here in usable_pages(u.role):
        st.session_state.pop(JUST_SIGNED_IN, None)
        if RETURN in st.query_params:
            del st.query_params[RETURN]
        return
    if not isinstance(pending, tuple):
        view = {k: v for k, v in st.query_params.to_dict().items() if k != RETURN}
        pending = st.session_state[JUST_SIGNED_IN] = (return_target(u.role, st.query_params.get(RETURN)), view)
    st.switch_page(pending[0], query_params=pending[1])


@contextmanager
def sign_in_link(here: str) -> Iterator[None]:
    """The sidebar's last lines: who is signed in and a link to the account page, or a small sign-in link that
    carries the view and this page (`next`), so the sign-in comes back here.

    Wraps the page's run: a page writes its own code or id into the address as it runs, so the link is drawn
    before (a page that stops early keeps that one) and drawn again after, with the address as the page left it."""
    u = user()
    path, _title, icon, url = SIGNIN_PAGE
    if u is not None:
        st.sidebar.caption(t("signed_in_as", user=u.username, role=t(f"role_{u.role}")))
        st.sidebar.page_link(
            st.Page(path, title=t("page_account"), url_path=url), label=t("page_account"), icon=":material/account_circle:"
        )
        yield
        return
    slot = st.sidebar.empty()

    def draw() -> None:
        view = st.query_params.to_dict()  # on the sign-in page itself, its own next= stays (checked when used)
        if here in usable_pages("committee"):
            view[RETURN] = here
        slot.page_link(st.Page(path, title=t("page_signin"), url_path=url), label=t("sign_in_staff"), icon=icon, query_params=view)

    draw()
    yield
    draw()


def require(needed: str) -> accounts.User:
    """Stop the page unless the signed-in user's role may use it (pages call this before anything else)."""
    u = user()
    if u is None or not accounts.allowed(u.role, needed) or u.must_change_password:
        st.error(t("not_allowed"), icon=":material/block:")
        st.stop()
    assert u is not None
    return u
