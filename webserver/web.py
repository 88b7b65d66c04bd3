"""What the web server adds around Streamlit (server.py): the HttpOnly sign-in cookie, the upload gate and
security headers. The app's script and these handlers run in one process and meet in this module.

- The cookie: a page script cannot set an HttpOnly cookie, so after a sign-in the page hands the browser a
  single-use nonce (valid 60 s) and the browser posts it to /auth/session, whose response sets the cookie.
  The session id itself never reaches a script.
- Cross-site requests: both /auth routes answer only requests from the app's own pages (Origin and
  Sec-Fetch-Site), so another site can neither sign a visitor out nor sign them in to someone else's session.
- A sign-in is bound to its cookie: a Streamlit session id (in every upload URL and the server's log) gives
  nothing by itself. The app checks on every run that the connection's cookie carries the session it holds
  (bound_token, connection); under HTTPS only the __Host- cookie counts.
- The upload gate: Streamlit accepts files at /_stcore/upload_file/<session>/… from any session; only the
  Streamlit sessions of signed-in analysts (registered by the app on every run) may upload here, and only a
  request carrying that sign-in's cookie.
- Media files (/media: original uploads, exports, the pack, charts) answer only a request carrying the sign-in
  cookie of a session that holds the file, unless a session without a sign-in holds it too (what anonymous
  readers see is public anyway) (MediaGate).
- WebSocket origins: Streamlit accepts a WebSocket from any localhost origin (another local app on another
  port is the same site, so SameSite cookies go with it); WebSocketOrigin takes only the app's own origin.
- Uploads are bounded: a PUT needs a file id Streamlit issued to that session and not yet used, fits the
  session's byte budget, and its account is read from the database (active, analyst or admin) on each PUT.
- Client messages that act for everyone (clear every cache, change run settings) are dropped unless an admin's
  session sends them (admin_session, installed on Streamlit by webserver.streamlit_internals).
Everything that touches Streamlit's internals is in webserver.streamlit_internals, checked at start-up.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import Any
from urllib.parse import urlsplit

import duckdb
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from store import accounts, sessions
from webserver import streamlit_internals as internals

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

HANDOFF_SECONDS = 60
UPLOADER_SECONDS = 12 * 3600
_lock = threading.Lock()
_handoffs: dict[str, tuple[str, float, int]] = {}  # nonce -> (session token, expiry, max age in seconds)
_claimed: dict[str, float] = {}  # nonce -> when it was claimed, kept a while so the page can stop asking
_signed_in: dict[str, tuple[float, str, str]] = {}  # Streamlit session id -> (expiry, SHA-256 of its sign-in's session id, role)
_uploaders: dict[str, tuple[float, str]] = {}  # Streamlit session id -> (expiry, SHA-256 of its sign-in's session id)
UPLOAD_PREFIX = "/" + internals.UPLOAD_ROUTE.split("{", 1)[0]  # "/_stcore/upload_file/", checked at start-up
UPLOAD_PATH = re.compile(re.escape(UPLOAD_PREFIX) + r"([^/]+)/([^/]+)$")  # session id, file id


def cookie_name() -> str:
    """Unique to this database, so two instances on one host never read each other's cookie."""
    db = os.environ.get("EIT_DB", "data/eit.duckdb")
    return "eit_sid_" + hashlib.sha256(os.path.abspath(db).encode()).hexdigest()[:10]


def https_request(scheme: str | None, forwarded_proto: str | None) -> bool:
    """Reached over HTTPS: directly, or through a proxy that says so (X-Forwarded-Proto)."""
    return scheme in ("https", "wss") or (forwarded_proto or "").lower() == "https"


def bound_token(cookies: Mapping[str, str], https: bool) -> str | None:
    """The session id a request's cookies carry: under HTTPS only the __Host- cookie (a cookie without the prefix
    can be planted by a sibling host or over plain HTTP), otherwise only the plain one."""
    found = cookies.get(("__Host-" if https else "") + cookie_name())
    return found if isinstance(found, str) and found and len(found) <= 200 else None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def handoff(token: str, max_age: int) -> str:
    """A single-use nonce the page posts to /auth/session to receive the session cookie."""
    nonce = secrets.token_urlsafe(24)
    now = time.monotonic()
    with _lock:
        for key in [k for k, (_, expiry, _) in _handoffs.items() if expiry < now]:
            del _handoffs[key]
        for key in [k for k, when in _claimed.items() if when < now - 10 * HANDOFF_SECONDS]:
            del _claimed[key]
        _handoffs[nonce] = (token, now + HANDOFF_SECONDS, max_age)
    return nonce


def handoff_state(nonce: str) -> str:
    """Whether the browser may still claim the nonce ("pending"), has done so ("claimed"), or neither ("expired")."""
    with _lock:
        if nonce in _claimed:
            return "claimed"
        found = _handoffs.get(nonce)
    return "pending" if found is not None and found[1] >= time.monotonic() else "expired"


def redeem(nonce: str) -> tuple[str, int] | None:
    """The session token and cookie age for a pending nonce, once (it is then claimed); None otherwise."""
    now = time.monotonic()
    with _lock:
        found = _handoffs.pop(nonce, None)
        if found is None or found[1] < now:
            return None
        _claimed[nonce] = now
    return found[0], found[2]


def _https(request: Request) -> bool:
    return https_request(request.url.scheme, request.headers.get("x-forwarded-proto"))


def same_origin(request: Request) -> bool:
    """False for a request a browser sent from another site. Browsers mark every fetch with Sec-Fetch-Site and
    a POST with Origin; a client that sends neither is not a browser and carries no visitor's cookie."""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = request.headers.get("origin")
    if origin is None:
        return True
    hosts = {request.headers.get("host", ""), request.headers.get("x-forwarded-host", "")} - {""}
    return urlsplit(origin).netloc.lower() in {h.lower() for h in hosts}


FORBIDDEN = {"ok": False, "detail": "requests from another site are refused"}


async def claim(request: Request) -> Response:
    """POST /auth/session?nonce=…: set the HttpOnly session cookie for a nonce given to this browser's page."""
    if not same_origin(request):
        return JSONResponse(FORBIDDEN, status_code=403)
    found = redeem(request.query_params.get("nonce", ""))
    if found is None:
        return JSONResponse({"ok": False}, status_code=403)
    token, max_age = found
    response = JSONResponse({"ok": True})
    secure = _https(request)
    # Under HTTPS the __Host- prefix pins the cookie to this host, path / and HTTPS (no Domain, Secure).
    name = ("__Host-" if secure else "") + cookie_name()
    response.set_cookie(name, token, max_age=max_age, path="/", httponly=True, samesite="strict", secure=secure)
    response.headers["Cache-Control"] = "no-store"
    return response


async def release(request: Request) -> Response:
    """POST /auth/signout: delete the cookie (the session itself is revoked in the database by the app)."""
    if not same_origin(request):
        return JSONResponse(FORBIDDEN, status_code=403)
    response = JSONResponse({"ok": True})
    for name in (cookie_name(), "__Host-" + cookie_name()):
        response.delete_cookie(name, path="/", httponly=True, samesite="strict", secure=name.startswith("__Host-"))
    response.headers["Cache-Control"] = "no-store"
    return response


def routes() -> list[Route]:
    return [Route("/auth/session", claim, methods=["POST"]), Route("/auth/signout", release, methods=["POST"])]


def register_sign_in(session_id: str, token: str | None, role: str | None = None) -> None:
    """Called by the app on every run: the sign-in this Streamlit session holds now (None: none) and its role as
    the database says now, for MediaGate and admin_session."""
    now = time.monotonic()
    with _lock:
        if token:
            _signed_in[session_id] = (now + UPLOADER_SECONDS, _digest(token), role or "")
        else:
            _signed_in.pop(session_id, None)
        for key in [k for k, (expiry, _, _) in _signed_in.items() if expiry < now]:
            del _signed_in[key]


def admin_session(session_id: str) -> bool:
    """Whether this Streamlit session's sign-in was an admin's at its latest run (client messages that act for
    everyone are dropped otherwise)."""
    with _lock:
        found = _signed_in.get(session_id)
    return found is not None and found[0] > time.monotonic() and found[2] == "admin"


def _cookie_pending(digest: str) -> bool:
    """Whether a sign-in's cookie has not reached the browser yet (its nonce unclaimed and not expired)."""
    now = time.monotonic()
    return any(_digest(token) == digest and expiry >= now for token, expiry, _ in _handoffs.values())


_gated: OrderedDict[str, frozenset[str]] = OrderedDict()  # file id -> the sign-ins it was served to only
GATED_KEPT = 10_000
OPEN = ""  # in a file's sign-ins: a session without a sign-in made it too (a file's id is a digest of its content)


def deferred_made(session_id: str, file_id: str) -> None:
    """A deferred download (the pack, an export, a backup) made /media file `file_id` for this Streamlit session:
    it answers that session's sign-in only; made by a session without a sign-in, anyone (as a page's own file)."""
    with _lock:
        found = _signed_in.get(session_id)
        who = found[1] if found is not None else OPEN
        _gated[file_id] = _gated.get(file_id, frozenset()) | {who}
        _gated.move_to_end(file_id)
        while len(_gated) > GATED_KEPT:
            _gated.popitem(last=False)


def may_read_media(file_id: str, token: str | None) -> bool:
    """A file held only by signed-in sessions answers the cookie of one of those sign-ins (or, for the first
    seconds after a sign-in, a sign-in whose cookie is still on its way), and keeps answering only them once
    the sessions let go of it; a file any session without a sign-in holds answers anyone. A file no session
    holds and never gated answers anyone. A deferred download's file (the pack, table exports, a backup) is held by
    no session: deferred_made gates it to the sign-in that asked for it."""
    owners = internals.media_owners(file_id)
    digest = _digest(token) if token else None
    with _lock:
        if owners is None:
            return digest is not None and any(d == digest for _, d, _ in _signed_in.values())
        if not owners:
            kept = _gated.get(file_id)
            return kept is None or OPEN in kept or (digest is not None and digest in kept)
        held = {sid: _signed_in.get(sid) for sid in owners}
        if any(found is None for found in held.values()):
            return True
        digests = frozenset(found[1] for found in held.values() if found is not None)
        _gated[file_id] = digests | _gated.get(file_id, frozenset())
        _gated.move_to_end(file_id)
        while len(_gated) > GATED_KEPT:
            _gated.popitem(last=False)
        return (digest is not None and digest in digests) or any(_cookie_pending(d) for d in digests)


def allow_uploads(session_id: str, token: str | None) -> None:
    """Called by the app on every run: this Streamlit session may upload files with the cookie of this sign-in
    (token), or, with None, may no longer upload."""
    now = time.monotonic()
    with _lock:
        if token:
            _uploaders[session_id] = (now + UPLOADER_SECONDS, _digest(token))
        else:
            _uploaders.pop(session_id, None)
        for key in [k for k, (expiry, _) in _uploaders.items() if expiry < now]:
            del _uploaders[key]


def may_upload(session_id: str, token: str | None) -> bool:
    """Whether a request naming this Streamlit session and carrying this cookie may upload."""
    with _lock:
        found = _uploaders.get(session_id)
    if found is None or found[0] <= time.monotonic() or not token:
        return False
    return secrets.compare_digest(found[1], _digest(token))


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers") or []:
        if key.lower() == name:
            return value.decode("latin-1")
    return None


_database: list[duckdb.DuckDBPyConnection] = []


def use_database(con: duckdb.DuckDBPyConnection) -> None:
    """The app's connection, handed over on every run, for the account check of each upload (this layer opens none)."""
    if not _database or _database[0] is not con:
        _database[:] = [con]


def account_may_upload(token: str | None) -> bool:
    """Read now from the database: the sign-in is live, its account active, an analyst or admin, its password not a
    one-time one. A deactivated account's open tab uploads nothing, whatever its last run registered."""
    if not token or not _database:
        return False
    u = sessions.user_of(_database[0], token)
    return u is not None and accounts.allowed(u.role, "analyst") and not u.must_change_password


def _body_bound(scope: Scope) -> int:
    """The most bytes this request's body can hold: its Content-Length (the HTTP server delivers no more), or
    without one Streamlit's own limit (server.maxUploadSize) and a margin for the multipart framing."""
    found = _header(scope, b"content-length")
    if found is not None and found.strip().isdigit():
        return int(found)
    import streamlit as st

    return int(st.get_option("server.maxUploadSize")) * 2**20 + 2**20


class UploadGate:
    """Streamlit's upload route (/_stcore/upload_file/<session>/<file id>) takes any file for any live session. Here
    a PUT passes only if: the session belongs to a signed-in analyst or admin and the request carries that sign-in's
    cookie (a session id alone, from upload URLs or the server's log, uploads nothing); the account is, read from the
    database now, active and still an analyst or admin; the file id was issued to that session by Streamlit's
    uploader and not used yet; and the session's files stay within UPLOAD_BYTES_PER_SESSION (all sessions' within
    UPLOAD_BYTES_TOTAL), else 413. A DELETE needs the session's cookie. Anything else under the route is refused."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path, method = scope.get("path", ""), scope.get("method")
        if scope["type"] != "http" or UPLOAD_PREFIX not in path or method in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        found = UPLOAD_PATH.search(path)
        https = https_request(scope.get("scheme"), _header(scope, b"x-forwarded-proto"))
        token = bound_token(Request(scope).cookies, https)
        if found is None or method not in ("PUT", "DELETE") or not may_upload(found.group(1), token):
            await _refuse(scope, receive, send, 403, "uploads are for signed-in analysts")
            return
        session_id, file_id = found.groups()
        if method == "DELETE":
            await self.app(scope, receive, send)
            return
        if not await run_in_threadpool(account_may_upload, token):
            await _refuse(scope, receive, send, 403, "this account may not upload")
            return
        manager = internals.upload_manager()
        refused = manager.admit(session_id, file_id, _body_bound(scope)) if manager is not None else "off"
        if refused is not None:
            status, detail = (413, "this session holds too many uploaded bytes") if refused == "too much" else (403, "unknown file id")
            await _refuse(scope, receive, send, status, detail)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            manager.release(session_id, file_id)  # type: ignore[union-attr]


async def _refuse(scope: Scope, receive: Receive, send: Send, status: int, detail: str) -> None:
    await JSONResponse({"detail": detail}, status_code=status)(scope, receive, send)


class MediaGate:
    """Refuse (403) a /media file to a request without the sign-in cookie of a session holding it (may_read_media):
    a URL alone (proxy logs, a shared screen) no longer fetches an original upload, an export or the pack."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and path.startswith("/media/"):
            file_id = path.rsplit("/", 1)[-1].split(".", 1)[0]
            https = https_request(scope.get("scheme"), _header(scope, b"x-forwarded-proto"))
            if not may_read_media(file_id, bound_token(Request(scope).cookies, https)):
                await Response("Forbidden", status_code=403)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def allowed_origins(host: str | None, forwarded_host: str | None) -> set[str]:
    """The hosts (with port) a WebSocket's Origin may name: the request's own Host, the proxy's X-Forwarded-Host
    when EIT_TRUST_PROXY is set, and EIT_ORIGINS (comma-separated origins or hosts)."""
    hosts = {host or ""}
    if os.environ.get("EIT_TRUST_PROXY"):
        hosts.add(forwarded_host or "")
    for extra in os.environ.get("EIT_ORIGINS", "").split(","):
        extra = extra.strip()
        hosts.add(urlsplit(extra).netloc if "://" in extra else extra)
    return {h.lower() for h in hosts if h}


def origin_allowed(origin: str | None, host: str | None, forwarded_host: str | None) -> bool:
    """Strict: a WebSocket needs an Origin (every browser sends one) naming exactly an allowed host and port."""
    if not origin:
        return False
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() in allowed_origins(host, forwarded_host)


class WebSocketOrigin:
    """Refuse a WebSocket (403 at the handshake) whose Origin is not the app's own. Streamlit's own check lets any
    localhost origin through, and connections without an Origin."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket" and not origin_allowed(
            _header(scope, b"origin"), _header(scope, b"host"), _header(scope, b"x-forwarded-host")
        ):
            await send({"type": "websocket.close", "code": 1008})
            return
        await self.app(scope, receive, send)


HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"SAMEORIGIN"),  # the app's own components are same-origin frames
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
    (b"content-security-policy", b"frame-ancestors 'self'; object-src 'none'; base-uri 'self'"),
]


HSTS = (b"strict-transport-security", b"max-age=31536000")
# Streamlit's own endpoints a visitor has no use for: /_stcore/metrics lists the server's sessions and caches.
CLOSED_PATHS = frozenset({"/" + internals.METRICS_ROUTE})  # under any server.baseUrlPath too


class SecurityHeaders:
    """Headers the stack allows without breaking Streamlit (a full script CSP would: it runs inline code);
    HSTS when the app is reached over HTTPS; 404 for the endpoints in CLOSED_PATHS."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if any(scope.get("path", "").rstrip("/").endswith(closed) for closed in CLOSED_PATHS):
            await Response("Not Found", status_code=404)(scope, receive, send)
            return
        forwarded = dict(scope.get("headers") or []).get(b"x-forwarded-proto", b"").lower()
        extra = [*HEADERS, HSTS] if scope.get("scheme") == "https" or forwarded == b"https" else HEADERS

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [(k, v) for k, v in extra if k not in present]
            await send(message)

        await self.app(scope, receive, with_headers)
