"""Sign-in sessions held by the server and read on every run, throttling, and secrets kept out of the database."""

from __future__ import annotations

import hashlib
import os
import stat
from concurrent.futures import ThreadPoolExecutor

import pytest

from store import accounts, sessions

PASSWORD = "หินปูน-สระบุรี-ดี"


@pytest.fixture
def people(con):
    for name, role in (("ana", "analyst"), ("root", "admin")):
        accounts.change_password(con, name, accounts.add_user(con, name, role, "tests"), PASSWORD)
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


def test_forty_wrong_passwords_then_the_right_one_is_still_refused(people):
    con = people
    for _ in range(sessions.ACCOUNT_FAILURES):
        assert sessions.sign_in(con, "ana", "wrong-password", "10.0.0.2")[0] is None
    user, lock = sessions.sign_in(con, "ana", PASSWORD, "10.0.0.2")
    assert user is None and lock is not None and lock.rule == "account_locked"
    sessions.unlock(con, "ana")  # an admin lifts it
    user, lock = sessions.sign_in(con, "ana", PASSWORD, "10.0.0.2")
    assert user is not None and lock is None
    with con.cursor() as cur:
        logged = cur.execute(
            "select count(*) filter (where not succeeded), count(*) filter (where succeeded) from signin_attempts"
        ).fetchall()
    assert logged == [(sessions.ACCOUNT_FAILURES + 1, 1)]  # every failure is logged, the refused right one too


def test_one_client_guessing_many_accounts_is_blocked(people):
    con = people
    for i in range(sessions.CLIENT_FAILURES):
        sessions.sign_in(con, f"nobody{i}", "x", "10.0.0.3")
    user, lock = sessions.sign_in(con, "ana", PASSWORD, "10.0.0.3")
    assert user is None and lock is not None and lock.rule == "client_blocked"
    assert sessions.sign_in(con, "ana", PASSWORD, "10.0.0.4")[0] is not None  # another client is not


def test_guesses_sent_in_parallel_get_no_more_tries_than_in_a_row(people, monkeypatch):
    """Twenty wrong passwords at once: at most ACCOUNT_FAILURES reach the password check (bcrypt)."""
    con = people
    checked: list[str] = []
    real = sessions.authenticate

    def counted(*args, **kwargs):
        checked.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(sessions, "authenticate", counted)
    with ThreadPoolExecutor(max_workers=20) as pool:
        results = list(pool.map(lambda i: sessions.sign_in(con, "ana", f"guess-{i}", f"10.1.0.{i}"), range(20)))
    assert all(user is None for user, _ in results)
    assert len(checked) <= sessions.ACCOUNT_FAILURES, len(checked)
    user, lock = sessions.sign_in(con, "ana", PASSWORD, "10.1.0.99")
    assert user is None and lock is not None and lock.rule == "account_locked"


def test_clients_without_an_address_share_one_budget(people):
    con = people
    for i in range(sessions.CLIENT_FAILURES):
        sessions.sign_in(con, f"nobody{i}", "x", None)
    user, lock = sessions.sign_in(con, "ana", PASSWORD, None)
    assert user is None and lock is not None and lock.rule == "client_blocked"
    assert sessions.sign_in(con, "ana", PASSWORD, "10.0.0.5")[0] is not None  # a client with an address is not


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
