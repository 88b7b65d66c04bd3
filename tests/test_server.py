"""The server layer (issue 26, items 6 and 9): the upload route takes only issued file ids within a byte budget and
reads the account on each PUT; cache-clearing client messages come only from admins; every Streamlit internal the
app relies on is checked at start-up; every directly imported package is pinned."""

from __future__ import annotations

import ast
import asyncio
import importlib.metadata
import logging
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from streamlit.runtime.app_session import AppSession
from streamlit.runtime.uploaded_file_manager import UploadedFileRec

from store import accounts, sessions
from tests.apps import add_accounts, copy_with_accounts
from webserver import streamlit_internals as internals
from webserver import web

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "หินปูน-สระบุรี-ดี"
MiB = 2**20


@pytest.fixture(autouse=True)
def low_cost(monkeypatch):
    monkeypatch.setattr(accounts, "COST", 4)


@pytest.fixture
def people(con):
    add_accounts(con, {"ana": "analyst", "root": "admin", "cora": "committee"}, PASSWORD)
    return con


@pytest.fixture
def manager(monkeypatch):
    """Streamlit's real upload store as the server builds it (GuardedUploadManager), as the running one."""
    found = internals.GuardedUploadManager("/_stcore/upload_file")
    monkeypatch.setattr(internals, "upload_manager", lambda: found)
    yield found
    web._database.clear()  # the test's connection is closed after it


def _issue(manager: internals.GuardedUploadManager, session_id: str, n: int = 1) -> list[str]:
    """File ids issued as Streamlit's uploader asks for them (its file_urls_request)."""
    return [info.file_id for info in manager.get_upload_urls(session_id, [f"f{i}.csv" for i in range(n)])]


class Route:
    """Stands in for Streamlit's upload route behind the gate: stores the body as Streamlit does (add_file)."""

    def __init__(self, manager: internals.GuardedUploadManager) -> None:
        self.manager, self.reached = manager, 0

    async def __call__(self, scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        self.reached += 1
        if scope["method"] == "PUT":
            body = (await receive())["body"]
            session_id, file_id = scope["path"].split("/")[-2:]
            self.manager.add_file(session_id, UploadedFileRec(file_id=file_id, name="a.csv", type="text/csv", data=body))
        await send({"type": "http.response.start", "status": 204, "headers": []})
        await send({"type": "http.response.body", "body": b""})


def _request(app, method: str, path: str, token: str | None, body: bytes = b"") -> int:  # type: ignore[no-untyped-def]
    headers = [(b"content-length", str(len(body)).encode())]
    if token:
        headers.append((b"cookie", f"{web.cookie_name()}={token}".encode()))
    scope = {"type": "http", "method": method, "path": path, "headers": headers, "scheme": "http", "query_string": b""}
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(app(scope, receive, send))
    return next(m["status"] for m in sent if m["type"] == "http.response.start")


def test_the_upload_route_takes_only_file_ids_issued_to_that_session_once(people, manager):
    """Issue 26: Streamlit's upload route took any file id for a session. Now only an id its uploader was issued for
    that session, once; another session's id, a made-up id or a used one get 403 and reach nothing."""
    token = sessions.create(people, "ana")
    web.use_database(people)
    web.allow_uploads("tab-1", token)
    web.allow_uploads("tab-2", token)
    route = Route(manager)
    gate = web.UploadGate(route)
    (issued,) = _issue(manager, "tab-1")
    (other,) = _issue(manager, "tab-2")
    assert _request(gate, "PUT", f"/_stcore/upload_file/tab-1/{uuid.uuid4()}", token, b"a,b\n") == 403  # made up
    assert _request(gate, "PUT", f"/_stcore/upload_file/tab-1/{other}", token, b"a,b\n") == 403  # issued to another session
    assert route.reached == 0
    assert _request(gate, "PUT", f"/_stcore/upload_file/tab-1/{issued}", token, b"a,b\n") == 204
    assert _request(gate, "PUT", f"/_stcore/upload_file/tab-1/{issued}", token, b"a,b\n") == 403  # used up
    assert route.reached == 1 and manager.held_bytes("tab-1") == 4
    # Paths Streamlit's route would not match, and methods it has no use for, are refused before it.
    assert _request(gate, "POST", f"/_stcore/upload_file/tab-1/{issued}", token) == 403
    assert _request(gate, "PUT", f"/_stcore/upload_file/tab-1/{issued}/more", token) == 403
    # Deleting needs the sign-in's cookie too.
    assert _request(gate, "DELETE", f"/_stcore/upload_file/tab-1/{issued}", None) == 403
    assert _request(gate, "DELETE", f"/_stcore/upload_file/tab-1/{issued}", token) == 204
    web.allow_uploads("tab-1", None)
    web.allow_uploads("tab-2", None)


def test_a_session_holds_at_most_its_byte_budget_of_uploads(manager):
    """Issue 26: 20 x 45 MB PUTs to one session grew the server from 297 MB to 1.2 GB. A session holds at most
    UPLOAD_BYTES_PER_SESSION (200 MiB), counting PUTs under way, and all sessions together UPLOAD_BYTES_TOTAL."""
    ids = _issue(manager, "tab-1", 6)
    size = 45 * MiB
    for file_id in ids[:4]:
        assert manager.admit("tab-1", file_id, size) is None  # four at once: 180 MiB reserved
    assert manager.admit("tab-1", ids[4], size) == "too much"  # a fifth in parallel would pass 200 MiB
    for file_id in ids[:4]:
        manager.add_file("tab-1", UploadedFileRec(file_id=file_id, name="x", type="text/csv", data=b"x" * size))
        manager.release("tab-1", file_id)
    assert manager.held_bytes("tab-1") == 4 * size
    assert manager.admit("tab-1", ids[4], size) == "too much"  # stored files count as well
    manager.remove_file("tab-1", ids[0])  # the uploader's x: room again
    assert manager.admit("tab-1", ids[4], size) is None
    # Every session together: 600 MiB.
    for n in range(2, 5):
        for file_id in _issue(manager, f"tab-{n}", 4)[:3]:
            assert manager.admit(f"tab-{n}", file_id, size) is None
    (late,) = _issue(manager, "tab-9")
    assert manager.admit("tab-9", late, size) == "too much"
    # A body the gate did not admit, or larger than admitted, is not stored (the second layer).
    (unadmitted,) = _issue(manager, "tab-9")
    manager.add_file("tab-9", UploadedFileRec(file_id=unadmitted, name="x", type="text/csv", data=b"x"))
    assert manager.held_bytes("tab-9") == 0
    # A session's end forgets its files and its issued ids.
    manager.remove_session_files("tab-1")
    assert manager.held_bytes("tab-1") == 0 and manager.admit("tab-1", ids[5], 1) == "not issued"


def test_the_gate_answers_413_past_the_budget(people, manager):
    token = sessions.create(people, "ana")
    web.use_database(people)
    web.allow_uploads("tab-1", token)
    gate = web.UploadGate(Route(manager))
    ids = _issue(manager, "tab-1", 2)
    manager.admit("tab-1", ids[0], internals.UPLOAD_BYTES_PER_SESSION - 10)  # a large PUT under way
    assert _request(gate, "PUT", f"/_stcore/upload_file/tab-1/{ids[1]}", token, b"x" * 11) == 413
    manager.release("tab-1", ids[0])
    web.allow_uploads("tab-1", None)


@pytest.mark.parametrize("change", ["deactivated", "role", "signed out", "one-time password"])
def test_the_account_is_read_on_every_put(people, manager, change):
    """Issue 26: a deactivated account's open tab could still upload (the gate knew only what the tab's last run
    registered). Each PUT now reads the sign-in and the account from the database."""
    token = sessions.create(people, "ana")
    web.use_database(people)
    web.allow_uploads("tab-1", token)  # registered by the tab's last run, before the change
    gate = web.UploadGate(Route(manager))
    first, second = _issue(manager, "tab-1", 2)
    assert _request(gate, "PUT", f"/_stcore/upload_file/tab-1/{first}", token, b"a\n") == 204
    if change == "deactivated":
        accounts.set_active(people, "ana", False, "tests")
    elif change == "role":
        with people.cursor() as cur:
            cur.execute("update users set role = 'committee' where username = 'ana'")
    elif change == "signed out":
        sessions.revoke(people, token, "ana")
    else:
        accounts.reset_password(people, "ana", "tests")
    assert web.may_upload("tab-1", token)  # the registration alone would still let it through
    assert _request(gate, "PUT", f"/_stcore/upload_file/tab-1/{second}", token, b"a\n") == 403
    assert manager.held_bytes("tab-1") == 2
    web.allow_uploads("tab-1", None)


def test_without_the_apps_connection_no_upload_passes(manager):
    web._database.clear()
    assert not web.account_may_upload("any-token")


# Client messages: clear_cache from anyone cleared every cache (and the database connection) for everyone.


def _session() -> AppSession:
    from streamlit.runtime.script_data import ScriptData
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    return AppSession(ScriptData(str(ROOT / "app.py")), internals.GuardedUploadManager("/u"), ScriptCache(), None, {})


def test_cache_clearing_messages_are_dropped_unless_an_admin_sends_them(monkeypatch, caplog):
    """Issue 26: an anonymous visitor cleared every cache with one clear_cache message, in a loop. A real AppSession
    with the filter server.py installs: a reader's and an analyst's clear_cache leave Streamlit's caches whole; an
    admin's clears them."""
    import streamlit as st
    from streamlit.proto.BackMsg_pb2 import BackMsg

    monkeypatch.setattr(AppSession, "handle_backmsg", internals.filter_back_messages(AppSession.handle_backmsg, web.admin_session))
    calls: list[int] = []

    @st.cache_data
    def computed(x: int) -> int:
        calls.append(x)
        return x

    async def run() -> None:
        session = _session()
        try:
            clear = BackMsg(clear_cache=True)
            computed(1)
            for role in (None, "committee", "analyst"):
                web.register_sign_in(session.id, "token" if role else None, role)
                for _ in range(50):
                    session.handle_backmsg(clear)
                computed(1)
                assert calls == [1], role  # still cached
            web.register_sign_in(session.id, "token", "admin")
            session.handle_backmsg(clear)
            computed(1)
            assert calls == [1, 1]  # an admin's message cleared it
            web.register_sign_in(session.id, None)
        finally:
            session.shutdown()

    with caplog.at_level(logging.WARNING, logger="eit"):
        asyncio.run(run())
    dropped = [r for r in caplog.records if "dropped a clear_cache" in r.getMessage()]
    assert len(dropped) == 1  # 150 dropped messages, one line in the log


def test_install_wraps_streamlit_once(monkeypatch):
    import streamlit.runtime.memory_session_storage as storage
    import streamlit.runtime.memory_uploaded_file_manager as uploads

    for module, name in ((storage, "MemorySessionStorage"), (uploads, "MemoryUploadedFileManager")):
        monkeypatch.setattr(module, name, getattr(module, name))
    monkeypatch.setattr(AppSession, "handle_backmsg", AppSession.handle_backmsg)
    assert internals.install(web.admin_session) == []
    internals.install(web.admin_session)
    assert storage.MemorySessionStorage is internals.ClosingSessionStorage
    assert uploads.MemoryUploadedFileManager is internals.GuardedUploadManager
    assert AppSession.handle_backmsg.eit_filtered and not getattr(AppSession.handle_backmsg.__wrapped__, "eit_filtered", False)


# Streamlit internals: every touch point checked at start-up.


def test_every_streamlit_internal_the_app_relies_on_is_as_expected():
    assert internals.problems() == []


@pytest.mark.parametrize(
    "target,name,value",
    [
        ("streamlit.web.server.starlette.starlette_routes", "_ROUTE_UPLOAD_FILE", "_stcore/upload/{session_id}/{file_id}"),
        ("streamlit.web.server.starlette.starlette_routes", "ROUTE_METRICS", "_stcore/stats"),
        ("streamlit.runtime.runtime.Runtime", "get_client", None),
        ("streamlit.runtime.memory_uploaded_file_manager", "MemoryUploadedFileManager", None),
        ("streamlit.runtime.app_session.AppSession", "handle_backmsg", lambda self, msg: None),
    ],
)
def test_a_changed_internal_that_security_relies_on_stops_the_server(monkeypatch, target, name, value):
    """The upload gate, the cache-message filter, the connection binding or the closed metrics route would stop
    working in silence if Streamlit moved them: the server refuses to start and says which."""
    monkeypatch.setattr(f"{target}.{name}", value, raising=False)
    found = internals.problems()
    assert found and all(p.fatal for p in found), found
    with pytest.raises(internals.InternalsChanged, match="docs/upgrading.md"):
        internals.install(web.admin_session, found)


@pytest.mark.parametrize(
    "target,name",
    [
        ("streamlit.runtime.caching.ttl_cache.TTLCache", "_evict_lru"),
        ("streamlit.runtime.media_file_manager.MediaFileManager", "__init__"),
    ],
)
def test_a_changed_internal_a_memory_or_fail_closed_feature_uses_switches_it_off_with_a_warning(monkeypatch, caplog, target, name):
    import streamlit.runtime.memory_session_storage as storage
    import streamlit.runtime.memory_uploaded_file_manager as uploads

    original_storage = storage.MemorySessionStorage
    monkeypatch.setattr(storage, "MemorySessionStorage", original_storage)
    monkeypatch.setattr(uploads, "MemoryUploadedFileManager", uploads.MemoryUploadedFileManager)
    monkeypatch.setattr(AppSession, "handle_backmsg", AppSession.handle_backmsg)
    if name == "__init__":  # a manager without the private maps MediaGate reads

        def bare(self, storage) -> None:  # type: ignore[no-untyped-def]
            self._storage = storage

        monkeypatch.setattr(f"{target}.{name}", bare)
    else:
        monkeypatch.delattr(f"{target}.{name}")
    found = internals.problems()
    assert found and not any(p.fatal for p in found), found
    with caplog.at_level(logging.WARNING, logger="eit"):
        internals.install(web.admin_session, found)
    assert any("this feature is off" in r.getMessage() for r in caplog.records)
    if name == "_evict_lru":
        assert storage.MemorySessionStorage is original_storage  # Streamlit's own storage stays


def test_media_gate_fails_closed_without_the_media_managers_maps(monkeypatch):
    monkeypatch.setattr(internals, "media_owners", lambda file_id: None)
    web.register_sign_in("tab-m", "the-token", "analyst")
    assert not web.may_read_media("abc", None) and web.may_read_media("abc", "the-token")
    web.register_sign_in("tab-m", None)


def test_a_deferred_download_runs_only_for_its_own_session_and_is_gated_to_its_sign_in(monkeypatch):
    """On Streamlit's own classes: a session cannot run another session's deferred download (the pack, an export),
    and the file the owner's download makes answers only the owner's sign-in (an anonymous maker's, anyone)."""
    from streamlit.proto.BackMsg_pb2 import BackendOperationRequest
    from streamlit.runtime.backend_operation_handler import DeferredFileHandler
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    manager = MediaFileManager(MemoryMediaFileStorage("/media"))
    monkeypatch.setattr("streamlit.runtime.media_file_manager._get_session_id", lambda: "owner")
    placeholder = manager.add_deferred(lambda: b"the pack of the owner", "application/pdf", "coordinates", "pack.pdf")
    made: list[tuple[str, str]] = []
    handler = DeferredFileHandler(lambda: manager)
    handle = internals.bind_deferred_downloads(DeferredFileHandler.handle, lambda session, file: made.append((session, file)))

    def ask(session: str):  # type: ignore[no-untyped-def]
        request = BackendOperationRequest(request_id="r1")
        request.deferred_file.file_id = placeholder
        return asyncio.run(handle(handler, request, session))

    refused = ask("intruder")
    assert refused.error_msg and not refused.HasField("deferred_file") and made == []
    answered = ask("owner")
    assert answered.HasField("deferred_file") and made == [("owner", answered.deferred_file.url.rsplit("/", 1)[-1].split(".")[0])]

    monkeypatch.setattr(internals, "media_owners", lambda file_id: set())  # a deferred file: held by no session
    web.register_sign_in("owner", "the-owners-sign-in")
    web.deferred_made("owner", "file-a")
    assert web.may_read_media("file-a", "the-owners-sign-in")
    assert not web.may_read_media("file-a", None) and not web.may_read_media("file-a", "someone-else")
    web.deferred_made("anonymous-session", "file-b")  # a reader without a sign-in made it: a page's own file
    assert web.may_read_media("file-b", None)


@pytest.mark.slow
def test_server_py_refuses_to_start_when_an_internal_changed():
    """server.py runs the check before building the app: with the upload route renamed it exits with a message."""
    code = (
        "import streamlit.web.server.starlette.starlette_routes as r; r._ROUTE_UPLOAD_FILE = 'x/{session_id}/{file_id}'; "
        "import runpy; runpy.run_path('server.py')"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert out.returncode != 0 and "3 upload route" in out.stderr and "docs/upgrading.md" in out.stderr, out.stderr[-2000:]


def test_the_metrics_route_is_closed_under_a_base_path_too():
    async def app(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"sessions"})

    headers = web.SecurityHeaders(app)
    assert _request(headers, "GET", "/_stcore/metrics", None) == 404
    assert _request(headers, "GET", "/dashboard/_stcore/metrics/", None) == 404
    assert _request(headers, "GET", "/_stcore/health", None) == 200


# Pins.


def _imported_top_level() -> set[str]:
    found: set[str] = set()
    for folder in ("app_pages", "console", "metrics", "present", "sandbox", "server", "store", "ui"):
        for path in [*(ROOT / folder).rglob("*.py"), ROOT / "app.py", ROOT / "server.py"]:
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    found |= {a.name.split(".")[0] for a in node.names}
                elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                    found.add(node.module.split(".")[0])
    return found


def test_every_directly_imported_package_is_pinned():
    """Issue 26: starlette and jinja2 were imported but not pinned. Every third-party package the app imports is
    in requirements.txt at an exact version, the version installed."""
    pinned = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        found = re.match(r"^([A-Za-z0-9_.-]+)==(\S+)", line.strip())
        if found:
            pinned[found.group(1).lower().replace("_", "-")] = found.group(2)
    distributions = importlib.metadata.packages_distributions()
    missing = []
    for module in sorted(_imported_top_level()):
        if module in sys.stdlib_module_names or (ROOT / module).exists() or (ROOT / f"{module}.py").exists():
            continue
        for dist in distributions.get(module, [module]):
            name = dist.lower().replace("_", "-")
            if pinned.get(name) != importlib.metadata.version(dist):
                missing.append(f"{module} ({dist} {importlib.metadata.version(dist)})")
    assert not missing, missing


@pytest.mark.slow
def test_the_first_admin_password_file_is_git_ignored():
    for path in ("data/eit.duckdb.first-admin-password.txt", "elsewhere/rayong.duckdb.first-admin-password.txt"):
        assert subprocess.run(["git", "check-ignore", "-q", path], cwd=ROOT).returncode == 0, path


# The running app (streamlit run server.py).
ANALYST_PASSWORD = "analyst-password-1"


@pytest.fixture(scope="module")
def served(demo_db, tmp_path_factory):
    from tests.browser import running_app

    folder = tmp_path_factory.mktemp("served")
    db = copy_with_accounts(demo_db, folder / "served.duckdb", {"ana": "analyst", "dana": "analyst", "root": "admin"}, ANALYST_PASSWORD)
    (folder / "some.csv").write_text("project_id,name\nX,y\n", encoding="utf-8")
    with running_app(db) as url:
        yield url, folder, db.with_suffix(".streamlit.log")


def _put(url: str, path: str, headers: dict[str, str]) -> int:
    import urllib.error
    import urllib.request

    body = b'--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na,b\r\n--x--\r\n'
    request = urllib.request.Request(
        url + path, data=body, method="PUT", headers={**headers, "Content-Type": "multipart/form-data; boundary=x"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


@pytest.mark.browser
def test_the_running_app_takes_only_issued_file_ids(served, browser):
    """In the running app: the analyst's own upload passes; the same request (cookie and XSRF token included) with a
    made-up file id, or again with the used one, gets 403."""
    from tests.browser import open_upload_signed_in

    url, folder, _ = served
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    puts: list = []
    page.on("request", lambda r: puts.append(r) if "/_stcore/upload_file/" in r.url and r.method == "PUT" else None)
    open_upload_signed_in(page, url, "ana", ANALYST_PASSWORD, start="/signin")
    page.locator('input[type="file"]').set_input_files(str(folder / "some.csv"))
    page.get_by_text(re.compile("problem|Confirm")).first.wait_for(timeout=60_000)  # the analyst's own upload passed
    (put,) = puts
    session_id, file_id = re.search(r"/_stcore/upload_file/([^/]+)/([^/?]+)", put.url).groups()  # type: ignore[union-attr]
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in context.cookies())
    headers = {"Cookie": cookies, "X-Xsrftoken": put.headers.get("x-xsrftoken", "")}
    assert _put(url, f"/_stcore/upload_file/{session_id}/{uuid.uuid4()}", headers) == 403
    assert _put(url, f"/_stcore/upload_file/{session_id}/{file_id}", headers) == 403
    context.close()


def _signed_in_page(browser, url: str, username: str, path: str, heading: str):  # type: ignore[no-untyped-def]
    from tests.browser import sign_in, wait_ready

    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.goto(url + "/signin?lang=en")
    wait_ready(page)
    with page.expect_response(lambda r: "/auth/session" in r.url, timeout=60_000):
        sign_in(page, username, ANALYST_PASSWORD)
    page.goto(url + path + "?lang=en")
    page.get_by_role("heading", name=heading).first.wait_for(timeout=60_000)
    wait_ready(page)
    return context, page


@pytest.mark.browser
def test_a_deactivated_accounts_open_upload_tab_uploads_nothing(served, browser):
    """Issue 26: a deactivated account's open tab could still upload. The analyst's upload page stays open (no
    rerun, so its registration as an uploader stands) while an admin switches the account off on the Accounts
    page; the file the tab then chooses is refused at the route (403) and nothing is checked."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    from tests.browser import wait_ready

    url, folder, _ = served
    analyst, tab = _signed_in_page(browser, url, "dana", "/upload", "Upload CSV")
    admin, page = _signed_in_page(browser, url, "root", "/accounts", "Accounts")

    def dana_switch():  # type: ignore[no-untyped-def]
        page.get_by_role("combobox", name=re.compile("Username")).click()
        page.get_by_role("option", name="dana", exact=True).click()
        switch = page.locator(".st-key-active_dana").get_by_role("switch")  # rendered once the run for dana is in
        switch.wait_for(timeout=60_000)
        return switch

    for _ in range(5):  # until a fresh page reads dana as inactive from the database
        switch = dana_switch()
        if not switch.is_checked():
            break
        switch.uncheck(force=True)  # its label covers the input
        try:  # the run the toggle starts (a reload before it reaches the server would lose it)
            page.wait_for_selector('[data-testid="stApp"][data-test-script-state="running"]', timeout=10_000)
        except PlaywrightTimeout:
            pass
        wait_ready(page)
        page.reload()
        wait_ready(page)
    else:
        raise AssertionError("the account was not switched off")
    admin.close()
    with tab.expect_response(lambda r: "/_stcore/upload_file/" in r.url and r.request.method == "PUT", timeout=60_000) as put:
        tab.locator('input[type="file"]').set_input_files(str(folder / "some.csv"))
    assert put.value.status == 403
    analyst.close()


@pytest.mark.slow
def test_the_running_app_drops_an_anonymous_clear_cache(served):
    """A WebSocket client of the running app (no sign-in) sends clear_cache in a loop: each is dropped, and the
    server's log says so once."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ClientState_pb2 import ClientState
    from websockets.sync.client import connect

    url, _, log = served
    host = url.split("//", 1)[1]
    with connect(f"ws://{host}/_stcore/stream", origin=url, subprotocols=["streamlit"], open_timeout=30) as ws:  # type: ignore[arg-type]
        ws.send(BackMsg(rerun_script=ClientState()).SerializeToString())
        for _ in range(20):
            ws.send(BackMsg(clear_cache=True).SerializeToString())
        deadline = time.monotonic() + 60  # the log line is the condition waited for, not a fixed time
        while "dropped a clear_cache" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.2)
    text = log.read_text()
    assert "dropped a clear_cache message from a session that is not an admin's (1 so far)" in text
    assert text.count("dropped a clear_cache") == 1  # twenty dropped, one line


# Low items: an activity number of another shape.


def test_an_activity_number_the_plan_cannot_order_is_refused_at_upload_in_both_languages(load):
    """Issue 26: an uploaded activity id `HX.1` crashed the plan page for everyone until rolled back. The plan
    orders activities by their numbers' parts as integers: other shapes are refused, row-numbered, nothing written."""
    from store.messages import message

    report = load("activities", "activity_id,title_th,status\n2.1,อบรม,planned\nHX.1,อบรม,planned\n1..2,อบรม,planned\n")
    found = {(p.row, p.column, p.rule) for p in report.problems}
    assert found == {(3, "activity_id", "activity_number"), (4, "activity_id", "activity_number")}, found
    assert report.batch_id is None
    assert "HX.1" in message("activity_number", "en", value="HX.1") and "1.5" in message("activity_number", "en")
    assert "ลำดับกิจกรรม" in message("activity_number", "th", value="HX.1")


def test_the_plan_query_survives_an_activity_number_loaded_before_the_rule(con, load):
    import datetime as dt

    from metrics import readiness

    assert load("activities", "activity_id,title_th,status\n10.1,อบรม,planned\n2.1,อบรม,planned\n").batch_id is not None
    with con.cursor() as cur:
        (year,) = cur.execute("select fiscal_year from activities limit 1").fetchone()  # type: ignore[misc]
        cur.execute("insert into activities (fiscal_year, activity_id, title_th, status) values ($y, 'HX.1', 'x', 'planned')", {"y": year})
        plan = readiness.activities(cur, year, dt.date(2026, 1, 1))
    order = list(plan["activity_id"])
    assert order[-1] == "HX.1" and order.index("2.1") < order.index("10.1")  # numbers in order, the odd one last


def test_the_plan_page_shows_an_odd_activity_number_instead_of_failing(demo_db, tmp_path, monkeypatch, fresh_caches):
    """The plan page from the entry point (AppTest) on a database holding `HX.1` in every fiscal year's plan."""
    import shutil

    import duckdb
    from streamlit.testing.v1 import AppTest

    db = tmp_path / "plan.duckdb"
    shutil.copy(demo_db, db)
    with duckdb.connect(str(db)) as held:
        held.execute(
            "insert into activities (fiscal_year, activity_id, title_th, status)"
            " select distinct fiscal_year, 'HX.1', 'กิจกรรมทดสอบ', 'planned' from activities"
        )
    monkeypatch.setenv("EIT_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["lang"] = "en"
    at.run()
    at.switch_page("app_pages/plan.py").run()
    assert not at.exception, at.exception
    shown = [h.value for h in at.html]  # the plan table
    assert any("HX.1" in text for text in shown), shown


def test_without_the_guarded_upload_store_the_runtime_check_refuses():
    """st.App's lifespan runs check_runtime once the runtime is built: a runtime without GuardedUploadManager (here:
    none at all) stops the server rather than serve uploads unguarded."""
    with pytest.raises(internals.InternalsChanged, match="upload store"):
        internals.check_runtime()


@pytest.mark.slow
def test_the_running_server_refuses_to_start_when_its_runtime_lacks_the_guarded_store(tmp_path):
    """`streamlit run server.py` with the replacements never installed: st.App's lifespan finds Streamlit's own upload
    store in the built runtime and the server exits instead of serving uploads unguarded."""
    import os

    from tests.browser import free_port

    code = (
        "import sys; from webserver import streamlit_internals as i; i.install = lambda *a, **k: []; "
        f"sys.argv = ['streamlit', 'run', 'server.py', '--server.port', '{free_port()}', '--server.address', '127.0.0.1', "
        "'--server.headless', 'true']; from streamlit.web.cli import main; main()"
    )
    env = {**os.environ, "EIT_DB": str(tmp_path / "x.duckdb"), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240)
    text = out.stdout + out.stderr
    assert out.returncode != 0 and "Streamlit's runtime was not built with the app's upload store" in text, text[-3000:]
    assert "Application startup failed" in text


def test_the_agent_api_must_stay_off():
    """Streamlit 1.67's agent API runs sessions over HTTP, past the gates built for browsers: on, the server refuses to start."""
    from streamlit import config

    config.set_option("server.enableAgentApi", True)
    try:
        found = internals.problems()
    finally:
        config.set_option("server.enableAgentApi", False)
    assert [p.touch_point for p in found] == ["10 agent API"] and found[0].fatal
