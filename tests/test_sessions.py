"""Sign-in sessions held by the server and read on every run, throttling, and secrets kept out of the database."""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from store import accounts, sessions
from store.accounts import AccountError
from store.messages import message
from tests.apps import add_accounts, app_as, copy_with_accounts, submit_sign_in

PASSWORD = "หินปูน-สระบุรี-ดี"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def low_cost(monkeypatch):
    """bcrypt at its lowest cost here, so the suite is fast; production keeps 12 (test_accounts checks it)."""
    monkeypatch.setattr(accounts, "COST", 4)


class Clock:
    """A clock the test moves by hand: waits are tested without sleeping."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def throttle(clock):
    return sessions.Throttle(clock)


@pytest.fixture
def people(con):
    add_accounts(con, {"ana": "analyst", "root": "admin"}, PASSWORD)
    return con


def test_a_session_is_read_fresh_and_ends_at_once(people):
    con = people
    token = sessions.create(con, "ana", "10.0.0.1")
    assert sessions.user_of(con, token) == accounts.User("ana", "analyst", False)
    other_tab = token  # every tab of a browser holds the same cookie
    sessions.revoke(con, token, "ana")  # signing out in one tab
    assert sessions.user_of(con, other_tab) is None
    endings = [
        ("ana", lambda: accounts.set_active(con, "ana", False)),  # deactivation
        ("ana", lambda: accounts.reset_password(con, "ana")),  # an admin's reset
        ("root", lambda: accounts.change_password(con, "root", PASSWORD, "ช้างเผือก-ลานหิน-42")),  # a password change
    ]
    for name, end in endings:
        accounts.set_active(con, "ana", True)
        token = sessions.create(con, name)
        assert sessions.user_of(con, token) is not None
        end()
        assert sessions.user_of(con, token) is None, name


def test_a_role_change_or_expiry_shows_on_the_next_run(people):
    con = people
    token = sessions.create(con, "ana")
    with con.cursor() as cur:
        cur.execute("update users set role = 'committee' where username = 'ana'")
    assert sessions.user_of(con, token).role == "committee"  # type: ignore[union-attr]
    expired = sessions.create(con, "ana", hours=-1)
    assert sessions.user_of(con, expired) is None
    assert sessions.user_of(con, "not-a-session") is None and sessions.user_of(con, "x" * 5000) is None


def test_the_database_keeps_only_hashes_of_session_ids(people):
    con = people
    token = sessions.create(con, "ana")
    with con.cursor() as cur:
        stored = cur.execute("select id_hash from sessions").fetchall()
        keys = cur.execute("select key from settings").fetchall()
    assert stored == [(hashlib.sha256(token.encode()).hexdigest(),)] and token not in str(stored)
    assert ("session_key",) not in keys  # nothing in the file can sign a session


def test_an_admin_sees_and_ends_sessions(people):
    con = people
    token = sessions.create(con, "ana", "10.0.0.9")
    (row,) = [r for r in sessions.active(con) if r[1] == "ana"]
    assert row[5] == "10.0.0.9" and token not in str(row)
    sessions.end(con, str(row[0]), "root")
    assert sessions.user_of(con, token) is None


def test_wrong_passwords_slow_only_their_own_account_and_client_with_doubling_waits(people, throttle, clock):
    con = people
    for _ in range(sessions.FREE_FAILURES):
        attempt = sessions.sign_in(con, "ana", "wrong-password", "10.0.0.2", throttle)
        assert attempt.user is None and attempt.checked and attempt.wait is None
    waits = []
    for _ in range(12):
        attempt = sessions.sign_in(con, "ana", "wrong-password", "10.0.0.2", throttle)
        assert attempt.checked and attempt.wait is not None and attempt.wait.rule == "signin_wait"
        waits.append(attempt.wait.seconds)
        refused = sessions.sign_in(con, "ana", PASSWORD, "10.0.0.2", throttle)  # the right one, too early
        assert refused.user is None and not refused.checked and refused.wait is not None
        clock.advance(attempt.wait.seconds)
    assert waits == [2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600, 600]  # doubling, capped at MAX_WAIT
    # Nowhere else is the account locked: its owner at another computer signs in at once, and here after the wait.
    assert sessions.sign_in(con, "ana", PASSWORD, "10.0.0.3", throttle).user is not None
    assert sessions.sign_in(con, "ana", PASSWORD, "10.0.0.2", throttle).user is not None
    assert sessions.sign_in(con, "ana", "wrong-password", "10.0.0.2", throttle).wait is None  # a success starts afresh


def test_nobody_elsewhere_can_keep_an_owner_out(people, throttle, clock):
    """Issue 26: five wrong passwords for admin from anywhere, every 15 minutes, kept every admin out."""
    con = people
    for minute in range(120):
        for attacker in ("203.0.113.7", "203.0.113.8", "198.51.100.1"):
            sessions.sign_in(con, "root", f"guess-{minute}", attacker, throttle)
        clock.advance(60)
    attempt = sessions.sign_in(con, "root", PASSWORD, "10.0.0.10", throttle)
    assert attempt.user is not None and attempt.wait is None


def test_one_client_guessing_many_accounts_must_wait(people, throttle, clock):
    con = people
    for i in range(sessions.CLIENT_FAILURES):
        sessions.sign_in(con, f"nobody{i}", "x", "10.0.0.3", throttle)
    attempt = sessions.sign_in(con, "ana", PASSWORD, "10.0.0.3", throttle)
    assert attempt.user is None and not attempt.checked and attempt.wait.rule == "client_blocked"  # type: ignore[union-attr]
    assert attempt.wait.seconds == sessions.CLIENT_WINDOW  # type: ignore[union-attr]
    assert sessions.sign_in(con, "ana", PASSWORD, "10.0.0.4", throttle).user is not None  # another client is not
    clock.advance(sessions.CLIENT_WINDOW)
    assert sessions.sign_in(con, "ana", PASSWORD, "10.0.0.3", throttle).user is not None


def test_guesses_sent_in_parallel_get_no_more_checks_than_in_a_row(people, throttle):
    """Twenty wrong passwords at once from one client: the password is checked (bcrypt) at most
    FREE_FAILURES + 1 times; the others are refused with the wait."""
    con = people
    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(lambda i: sessions.sign_in(con, "ana", f"guess-{i}", "10.1.0.1", throttle), range(20)))
    assert all(r.user is None for r in results)
    assert sum(r.checked for r in results) == sessions.FREE_FAILURES + 1
    attempt = sessions.sign_in(con, "ana", PASSWORD, "10.1.0.1", throttle)
    assert attempt.user is None and attempt.wait.rule == "signin_wait"  # type: ignore[union-attr]


def test_clients_without_an_address_share_one_budget(people, throttle):
    con = people
    for i in range(sessions.CLIENT_FAILURES):
        sessions.sign_in(con, f"nobody{i}", "x", None, throttle)
    attempt = sessions.sign_in(con, "ana", PASSWORD, None, throttle)
    assert attempt.user is None and attempt.wait.rule == "client_blocked"  # type: ignore[union-attr]
    assert sessions.sign_in(con, "ana", PASSWORD, "10.0.0.5", throttle).user is not None  # a client with an address is not


def test_the_throttles_memory_is_bounded(throttle, clock, monkeypatch):
    """Many addresses (an IPv6 block) must not grow the server's memory without end."""
    monkeypatch.setattr(sessions, "MAX_PAIRS", 100)
    for i in range(1000):
        throttle.reserve("root", f"2001:db8::{i:x}")
        clock.advance(1)
    assert len(throttle._pairs) <= 100 and len(throttle._clients) <= 100


def test_the_wait_is_told_in_thai_and_english():
    short, long = sessions.Wait("signin_wait", 8), sessions.Wait("client_blocked", 600)
    assert "8 seconds" in short.text("en") and "8 วินาที" in short.text("th")
    assert "10 minutes" in long.text("en") and "10 นาที" in long.text("th")
    assert short.text("en") != long.text("en")


def test_the_log_is_capped_pruned_and_keeps_no_typed_usernames(people, throttle, clock):
    """Issue 26: 300 rows in 15 s while locked; a password typed in the username box was stored and shown."""
    con = people
    sessions.sign_in(con, "Secret-Passw0rd-typed-here", "x", "10.0.0.6", throttle)
    for i in range(300):  # one client, one minute, whatever it types
        sessions.sign_in(con, "ana" if i % 2 else f"user{i}", "wrong-password", "10.0.0.6", throttle)
        clock.advance(0.05)
    with con.cursor() as cur:
        rows = cur.execute("select username, client from signin_attempts").fetchall()
    assert len(rows) <= sessions.LOG_PER_MINUTE
    assert {u for u, _ in rows} <= {"ana", sessions.UNKNOWN_ACCOUNT} and "Secret" not in str(sessions.failures(con))
    assert throttle.unlogged["10.0.0.6"] >= 300 - sessions.LOG_PER_MINUTE  # counted in memory, not written
    clock.advance(sessions.KEEP_LOG.total_seconds() + sessions.PRUNE_EVERY)
    sessions.sign_in(con, "root", PASSWORD, "10.0.0.7", throttle)
    with con.cursor() as cur:
        assert cur.execute("select username, succeeded from signin_attempts").fetchall() == [("root", True)]


def test_old_logs_lose_typed_usernames_on_upgrade(template_db, tmp_path):
    """Migration 011 replaces every logged username that names no account by the marker."""
    import shutil

    from store.db import connect, init

    shutil.copyfile(template_db, tmp_path / "old.duckdb")  # a database as `store init` left it
    con = connect(tmp_path / "old.duckdb")
    accounts.ensure_first_admin(con)
    with con.cursor() as cur:
        cur.execute("delete from schema_migrations where version = '011_signin_throttle'")
        cur.execute("insert into signin_attempts (username, client, succeeded) values ('hunter2-oops', 'x', false), ('admin', 'x', false)")
    con.close()
    con, applied, _ = init(tmp_path / "old.duckdb")
    assert applied == ["011_signin_throttle"]
    assert sorted(r[0] for r in con.execute("select username from signin_attempts").fetchall()) == ["(unknown)", "admin"]
    con.close()


@pytest.mark.parametrize(
    "forwarded,real_ip,peer,trust,expected",
    [
        ("6.6.6.6, 198.51.100.4", None, "127.0.0.1", "1", "198.51.100.4"),  # a forged first entry is not used
        ("198.51.100.4", None, "127.0.0.1", "1", "198.51.100.4"),
        ("6.6.6.6, 198.51.100.4, 10.0.0.2", None, "127.0.0.1", "2", "198.51.100.4"),  # two proxies in a chain
        ("6.6.6.6", "198.51.100.4", "127.0.0.1", "x-real-ip", "198.51.100.4"),  # a header the proxy overwrites
        ("6.6.6.6", "7.7.7.7", "198.51.100.9", None, "198.51.100.9"),  # without a trusted proxy, no header counts
        (None, None, None, None, None),
        ("6.6.6.6", None, "127.0.0.1", "2", None),  # fewer entries than trusted proxies: no address
    ],
)
def test_the_client_is_the_address_the_trusted_proxy_added(forwarded, real_ip, peer, trust, expected):
    assert sessions.client_of(forwarded, real_ip, peer, trust) == expected


def test_forged_forwarded_addresses_do_not_escape_the_budget(people, throttle):
    """Issue 26: with the first X-Forwarded-For entry used, 25 forged guesses gave 0 blocks."""
    con = people
    for i in range(25):
        client = sessions.client_of(f"10.9.{i}.1, 203.0.113.5", None, "127.0.0.1", "1")
        sessions.sign_in(con, "root", f"guess-{i}", client, throttle)
    assert [(b.account, b.client) for b in throttle.blocks()][:1] == [("root", "203.0.113.5")]
    assert sessions.sign_in(con, "root", PASSWORD, "203.0.113.5", throttle).wait is not None


def test_an_admin_lifts_any_block(people, throttle):
    con = people
    for _ in range(sessions.FREE_FAILURES + 1):
        sessions.sign_in(con, "ana", "wrong-password", "10.0.0.8", throttle)
    for i in range(sessions.CLIENT_FAILURES):
        sessions.sign_in(con, f"nobody{i}", "x", "10.0.0.9", throttle)
    blocks = throttle.blocks()
    assert ("ana", "10.0.0.8") in [(b.account, b.client) for b in blocks]
    assert (None, "10.0.0.9") in [(b.account, b.client) for b in blocks]
    assert sessions.lift(throttle, account="ana") == 1
    assert sessions.sign_in(con, "ana", PASSWORD, "10.0.0.8", throttle).user is not None
    sessions.lift(throttle, client="10.0.0.9")
    assert sessions.sign_in(con, "ana", PASSWORD, "10.0.0.9", throttle).user is not None
    assert throttle.blocks() == []


@pytest.mark.slow
def test_the_command_line_lifts_a_block_while_the_app_holds_the_database(people, throttle, db_path):
    """DuckDB lets one process write the file: `store users unblock` leaves a request the app reads."""
    con = people  # this process holds the database, as the app does
    throttle.requests_path = sessions.unblock_file(db_path)
    for _ in range(sessions.FREE_FAILURES + 1):
        sessions.sign_in(con, "ana", "wrong-password", "10.0.0.8", throttle)
    assert sessions.sign_in(con, "ana", PASSWORD, "10.0.0.8", throttle).wait is not None
    out = subprocess.run(
        [sys.executable, "-m", "store", "users", "unblock", "--db", str(db_path), "--username", "ana"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    assert "ana" in out.stdout
    assert stat.S_IMODE(os.stat(sessions.unblock_file(db_path)).st_mode) == 0o600
    assert sessions.sign_in(con, "ana", PASSWORD, "10.0.0.8", throttle).user is not None
    assert not sessions.unblock_file(db_path).exists()  # read once, then gone


def test_a_request_file_others_may_write_or_a_link_is_ignored(people, throttle, db_path):
    con = people
    throttle.requests_path = sessions.unblock_file(db_path)
    for _ in range(sessions.FREE_FAILURES + 1):
        sessions.sign_in(con, "ana", "wrong-password", "10.0.0.8", throttle)
    sessions.request_unblock(db_path)
    os.chmod(sessions.unblock_file(db_path), 0o666)
    assert sessions.sign_in(con, "ana", PASSWORD, "10.0.0.8", throttle).wait is not None
    elsewhere = sessions.request_unblock(db_path.with_name("elsewhere.duckdb"))
    os.symlink(elsewhere, sessions.unblock_file(db_path))  # a link is not followed
    assert sessions.sign_in(con, "ana", PASSWORD, "10.0.0.8", throttle).wait is not None


def test_the_current_password_check_goes_through_the_same_throttle(people, throttle):
    """Issue 26: the change-password form's current-password check was not throttled."""
    con = people
    new = "ช้างเผือก-ลานหิน-42"
    for _ in range(sessions.FREE_FAILURES):
        with pytest.raises(AccountError) as refused:
            sessions.change_password(con, "ana", "wrong-password", new, "10.0.0.11", throttle)
        assert refused.value.rule == "wrong_password"
    with pytest.raises(AccountError):
        sessions.change_password(con, "ana", "wrong-password", new, "10.0.0.11", throttle)
    wait = sessions.change_password(con, "ana", PASSWORD, new, "10.0.0.11", throttle)  # right, but must wait
    assert wait is not None and wait.rule == "signin_wait"
    assert sessions.sign_in(con, "ana", PASSWORD, "10.0.0.11", throttle).wait is not None  # one throttle for both
    with pytest.raises(AccountError) as refused:  # a refused new password costs no try
        sessions.change_password(con, "root", PASSWORD, "abcabcabcabc", "10.0.0.12", throttle)
    assert refused.value.rule == "password_common" and all(b.account == "ana" for b in throttle.blocks())
    assert sessions.change_password(con, "root", PASSWORD, new, "10.0.0.12", throttle) is None
    assert accounts.authenticate(con, "root", new) is not None


def test_known_and_unknown_usernames_are_answered_alike(people, throttle, monkeypatch):
    """Issue 26: a long password crashed for a known username and said "wrong" for an unknown one."""
    con = people
    long_thai = "ก" * 30  # 90 bytes: over bcrypt's 72
    for name in ("ana", "nobody"):
        for password in ("wrong-password", long_thai):
            attempt = sessions.sign_in(con, name, password, f"10.2.0.{len(name)}", throttle)
            assert attempt.user is None and attempt.checked
    monkeypatch.setattr(accounts, "COST", 8)  # enough work to time against the database's own

    def spent(name: str, password: str) -> float:
        times = []
        for _ in range(9):
            start = time.process_time()  # CPU time of this process: bcrypt's work, not the machine's other load
            accounts.authenticate(con, name, password)
            times.append(time.process_time() - start)
        return min(times)

    accounts.change_password(con, "ana", PASSWORD, "หินปูน-สระบุรี-ดี-8")  # hashed at cost 8 now
    known, unknown, long = spent("ana", "wrong-password"), spent("nobody", "wrong-password"), spent("ana", long_thai)
    assert 1 / 2 < known / unknown < 2 and 1 / 2 < known / long < 2, (known, unknown, long)


def test_a_blank_username_is_logged_as_the_marker(people, throttle):
    sessions.sign_in(people, "  ", "x", "10.0.0.1", throttle)
    with people.cursor() as cur:
        assert cur.execute("select username from signin_attempts").fetchall() == [("(unknown)",)]


@pytest.mark.slow
def test_database_files_are_private_and_the_first_password_is_not_printed(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    db = tmp_path / "new.duckdb"
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-m", "store", "init", "--db", str(db)], cwd=root, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert stat.S_IMODE(os.stat(db).st_mode) == 0o600
    secret = Path(f"{db}.first-admin-password.txt")
    assert stat.S_IMODE(os.stat(secret).st_mode) == 0o600
    password = secret.read_text(encoding="utf-8").split()[1]
    assert password not in out.stdout + out.stderr and str(secret) in out.stdout


def test_under_https_only_the_host_prefixed_cookie_counts(monkeypatch, tmp_path):
    from webserver import web

    monkeypatch.setenv("EIT_DB", str(tmp_path / "x.duckdb"))
    name = web.cookie_name()
    assert web.bound_token({name: "planted"}, https=True) is None  # a sibling host or plain HTTP can set this one
    assert web.bound_token({"__Host-" + name: "real", name: "planted"}, https=True) == "real"
    assert web.bound_token({name: "real"}, https=False) == "real" and web.bound_token({}, https=False) is None
    assert web.https_request("http", "https") and not web.https_request("http", None)


def test_an_upload_needs_the_sign_ins_cookie_not_just_a_session_id():
    from webserver import web

    web.allow_uploads("streamlit-session-1", "the-analysts-token")
    assert web.may_upload("streamlit-session-1", "the-analysts-token")
    assert not web.may_upload("streamlit-session-1", None) and not web.may_upload("streamlit-session-1", "another-token")
    web.allow_uploads("streamlit-session-1", None)  # signed out, deactivated, or no longer an analyst
    assert not web.may_upload("streamlit-session-1", "the-analysts-token")


@pytest.mark.parametrize(
    "origin,allowed",
    [
        ("http://127.0.0.1:8501", True),
        ("http://127.0.0.1:9999", False),  # another local app: the same site, so SameSite cookies go with it
        ("http://localhost:8501", False),
        ("https://evil.example", False),
        (None, False),  # every browser sends an Origin on a WebSocket
        ("null", False),
    ],
)
def test_websockets_come_only_from_the_apps_own_origin(origin, allowed, monkeypatch):
    from webserver import web

    monkeypatch.delenv("EIT_TRUST_PROXY", raising=False)
    monkeypatch.delenv("EIT_ORIGINS", raising=False)
    assert web.origin_allowed(origin, "127.0.0.1:8501", "evil.example") is allowed


def test_websocket_origins_behind_a_proxy_and_listed(monkeypatch):
    from webserver import web

    monkeypatch.setenv("EIT_TRUST_PROXY", "1")
    assert web.origin_allowed("https://eit.example", "127.0.0.1:8501", "eit.example")
    monkeypatch.delenv("EIT_TRUST_PROXY")
    assert not web.origin_allowed("https://eit.example", "127.0.0.1:8501", "eit.example")  # the header is not trusted
    monkeypatch.setenv("EIT_ORIGINS", "https://eit.example")
    assert web.origin_allowed("https://eit.example", "127.0.0.1:8501", None)


def test_the_run_script_listens_on_loopback_unless_told():
    script = (ROOT / "scripts" / "run-app.sh").read_text(encoding="utf-8")
    (line,) = [x for x in script.splitlines() if x.startswith("exec ")]
    assert '--server.address "${EIT_ADDRESS:-127.0.0.1}"' in line


# In a real browser: a Streamlit session id alone gives nothing.
ANALYST_PASSWORD = "analyst-password-1"
ATTACH = """(() => {
  const Native = window.WebSocket;
  window.WebSocket = function (url, protocols) {
    const list = Array.isArray(protocols) ? protocols.slice() : protocols ? [protocols] : ['streamlit'];
    while (list.length < 2) list.push('x');
    list[2] = '%s';  // the session id to reconnect to, as Streamlit's own reconnect names it
    return new Native(url, list);
  };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, Native);
})()"""


def open_upload_as_analyst(page, url: str) -> None:  # type: ignore[no-untyped-def]
    """Sign in as the analyst through the real form (the cookie claimed), then open the Upload page."""
    from tests.browser import open_upload_signed_in

    open_upload_signed_in(page, url, "ana", ANALYST_PASSWORD)


@pytest.fixture(scope="module")
def desk(demo_db, tmp_path_factory):
    from tests.browser import running_app

    folder = tmp_path_factory.mktemp("bound")
    db = copy_with_accounts(demo_db, folder / "desk.duckdb", {"ana": "analyst"}, ANALYST_PASSWORD, readers_may_read=False)
    (folder / "some.csv").write_text("project_id,name\nX,y\n", encoding="utf-8")
    with running_app(db) as url:
        yield url, folder


def _raw(url: str, path: str, method: str = "GET", headers: dict[str, str] | None = None, body: bytes = b"") -> int:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url + path, data=body or None, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def _websocket_handshake(url: str, origin: str | None) -> int:
    """The status of a WebSocket handshake to Streamlit's stream with this Origin (101: accepted)."""
    import base64
    import socket

    host = url.split("//", 1)[1]
    address, port = host.split(":")
    lines = [
        "GET /_stcore/stream HTTP/1.1",
        f"Host: {host}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {base64.b64encode(os.urandom(16)).decode()}",
        "Sec-WebSocket-Version: 13",
        "Sec-WebSocket-Protocol: streamlit",
    ]
    if origin:
        lines.append(f"Origin: {origin}")
    with socket.create_connection((address, int(port)), timeout=30) as s:
        s.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        status = s.recv(4096).split(b"\r\n", 1)[0]
    return int(status.split()[1])


@pytest.mark.browser
def test_a_streamlit_session_id_alone_gives_nothing(desk, browser):
    """Issue 26: the Streamlit session id is in every upload URL and the server's log; a client with no cookie
    naming an analyst's session id got the Upload page. Now the page asks it to sign in, and the upload
    route refuses it, while the analyst's own browser uploads."""
    import re

    from tests.browser import wait_ready

    url, folder = desk
    victim = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = victim.new_page()
    uploads: list[str] = []
    page.on("request", lambda r: uploads.append(r.url) if "/_stcore/upload_file/" in r.url else None)
    open_upload_as_analyst(page, url)
    page.locator('input[type="file"]').set_input_files(str(folder / "some.csv"))
    page.get_by_text(re.compile("problem|Confirm")).first.wait_for(timeout=60_000)  # the analyst's own upload passed the gate
    (put,) = {u for u in uploads}
    session_id = re.search(r"/_stcore/upload_file/([^/]+)/", put).group(1)  # type: ignore[union-attr]
    body = b'--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\na,b\r\n--x--\r\n'
    assert _raw(url, f"/_stcore/upload_file/{session_id}/forged", "PUT", {"Content-Type": "multipart/form-data; boundary=x"}, body) == 403
    page.close()  # the analyst's tab closes: Streamlit keeps its session for a reconnect

    attacker = browser.new_context(viewport={"width": 1400, "height": 1000})  # no cookie at all
    other = attacker.new_page()
    other.add_init_script(ATTACH % session_id)
    other.goto(url + "/upload?lang=en")
    wait_ready(other)
    other.get_by_role("button", name=re.compile("^(Sign in|เข้าสู่ระบบ)$")).wait_for(timeout=60_000)
    assert other.locator('input[type="file"]').count() == 0 and "Upload CSV" not in other.locator('[data-testid="stMain"]').inner_text()
    attacker.close()
    victim.close()


@pytest.mark.browser
def test_websockets_from_another_origin_are_refused_by_the_running_app(desk):
    url, _ = desk
    own = url.replace("http://", "http://")
    assert _websocket_handshake(url, own) == 101
    port = url.rsplit(":", 1)[1]
    assert _websocket_handshake(url, f"http://localhost:{int(port) + 1}") == 403  # Streamlit alone let localhost in
    assert _websocket_handshake(url, None) == 403


# The pages, from the entry point (AppTest): the wait is told, and an admin lifts it.
@pytest.fixture
def app_db(demo_db, tmp_path, fresh_caches):
    path = copy_with_accounts(demo_db, tmp_path / "pages.duckdb", {"ana": "analyst", "root": "admin"}, PASSWORD, readers_may_read=False)
    sessions.THROTTLE.lift()
    yield path
    sessions.THROTTLE.lift()  # the app's throttle is the process's: leave none behind


@pytest.mark.parametrize("lang,wrong,wait", [("en", "Wrong username or password", "wait 2 seconds"), ("th", "ไม่ถูกต้อง", "2 วินาที")])
def test_the_sign_in_page_tells_the_wait_and_an_admin_lifts_it(app_db, monkeypatch, lang, wrong, wait):
    at = app_as(app_db, monkeypatch, lang=lang)
    for _ in range(sessions.FREE_FAILURES + 1):
        submit_sign_in(at, "ana", "wrong-password")
    assert any(wrong in e.value for e in at.error) and any(wait in w.value for w in at.warning), [w.value for w in at.warning]
    submit_sign_in(at, "ana", PASSWORD)  # the right password, too early: refused without "wrong password"
    assert at.session_state["user"] is None and not at.error and at.warning

    admin = app_as(app_db, monkeypatch, lang=lang)
    submit_sign_in(admin, "root", PASSWORD)
    admin.switch_page("app_pages/accounts.py").run()
    assert not admin.exception
    listed = [m.value for m in admin.markdown if "ana" in m.value and "unknown" in m.value]
    assert listed, [m.value for m in admin.markdown]
    next(b for b in admin.button if b.label == message("lift_block", lang)).click().run()
    assert sessions.THROTTLE.blocks() == []
    submit_sign_in(at, "ana", PASSWORD)
    assert at.session_state["user"] is not None


@pytest.mark.browser
def test_media_files_answer_only_the_sign_in_that_holds_them(desk, browser):
    """Issue 26: files under /media (original uploads, exports, the pack) were served to anyone holding the URL.
    A template downloaded on the analyst's Upload page: the analyst's browser gets it, the same URL without the
    cookie gets 403, with the cookie 200."""
    import re

    from tests.browser import wait_ready

    url, _ = desk
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    open_upload_as_analyst(page, url)
    page.locator('[data-testid="stMain"]').get_by_role("combobox").first.click()
    page.get_by_role("option", name=re.compile("^establishments")).click()
    wait_ready(page)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name=re.compile("template", re.I)).first.click()
    assert download.value.failure() is None  # the analyst's browser, with its cookie, got the file
    assert _only_with_the_cookie(url, context, download.value.url).startswith(b"\xef\xbb\xbf")  # the template, with its BOM
    context.close()


def _only_with_the_cookie(url: str, context, media: str) -> bytes:  # type: ignore[no-untyped-def]
    """A /media URL: 403 alone, 200 with the context's sign-in cookie; returns the file."""
    import urllib.request

    assert "/media/" in media
    assert _raw(url, media.split(url, 1)[1]) == 403  # the URL alone
    (cookie,) = [c for c in context.cookies() if c["name"].startswith("eit_sid_")]
    request = urllib.request.Request(media, headers={"Cookie": f"{cookie['name']}={cookie['value']}"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        assert answer.status == 200
        return bytes(answer.read())


@pytest.mark.browser
def test_a_deferred_download_answers_only_the_sign_in_that_asked_for_it(desk, browser):
    """Issue 26's leftover: a file a download button makes when pressed (an export, the pack, a backup) is held by no
    Streamlit session, and answered anyone holding its URL. Now: the analyst who pressed the button gets it, the URL
    alone gets 403, the analyst's cookie 200."""
    import re

    from tests.browser import wait_ready

    url, _ = desk
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    open_upload_as_analyst(page, url)
    page.goto(url + "/search?lang=en")
    wait_ready(page)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name=re.compile("Download CSV")).first.click()
    assert download.value.failure() is None
    assert _only_with_the_cookie(url, context, download.value.url).startswith(b"\xef\xbb\xbf")  # the search export, with its BOM
    context.close()
