"""Server-side sign-in sessions and sign-in throttling.

A session id is 32 random bytes, given to the browser once (an HttpOnly cookie) and stored only as its
SHA-256: whoever copies the database cannot sign in with it. Every check reads the database without the
write lock, so a long upload never stalls it.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb

from store.accounts import TOKEN_HOURS, User, authenticate
from store.db import WRITE_LOCK

ACCOUNT_FAILURES = 5  # wrong passwords for one account within the window before it is locked
CLIENT_FAILURES = 20  # wrong passwords from one client (any accounts) within the window before it is blocked
WINDOW = timedelta(minutes=15)
UNKNOWN_CLIENT = "unknown"  # the throttling key of every client whose address the server cannot see
_ATTEMPTS = threading.Lock()  # counting and logging an attempt happen together, so parallel attempts all count
TOUCH_EVERY = timedelta(minutes=5)  # last_seen is written at most this often (a write per run would serialise readers)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create(con: duckdb.DuckDBPyConnection, username: str, client: str | None = None, hours: float = TOKEN_HOURS) -> str:
    token = secrets.token_urlsafe(32)
    with WRITE_LOCK, con.cursor() as cur:
        cur.execute(
            "insert into sessions (id_hash, username, expires_at, client) values ($h, $u, current_timestamp::timestamp + to_hours($hours), $c)",
            {"h": _hash(token), "u": username, "hours": int(hours), "c": client},
        )
    return token


def user_of(con: duckdb.DuckDBPyConnection, token: str | None) -> User | None:
    """The active user of a live session (not revoked, not expired), read fresh; None otherwise."""
    if not token or not isinstance(token, str) or len(token) > 200:
        return None
    with con.cursor() as cur:
        rows = cur.execute(
            "select u.username, u.role, u.must_change_password, s.last_seen_at from sessions s join users u using (username)"
            " where s.id_hash = $h and s.revoked_at is null and s.expires_at > current_timestamp::timestamp and u.active",
            {"h": _hash(token)},
        ).fetchall()
    if not rows:
        return None
    username, role, must_change, last_seen = rows[0]
    if datetime.now() - last_seen > TOUCH_EVERY and WRITE_LOCK.acquire(blocking=False):  # never wait for an upload
        try:
            with con.cursor() as cur:
                cur.execute("update sessions set last_seen_at = current_timestamp where id_hash = $h", {"h": _hash(token)})
        finally:
            WRITE_LOCK.release()
    return User(username, role, bool(must_change))


def revoke(con: duckdb.DuckDBPyConnection, token: str, by: str) -> None:
    with WRITE_LOCK, con.cursor() as cur:
        cur.execute(
            "update sessions set revoked_at = current_timestamp, revoked_by = $by where id_hash = $h and revoked_at is null",
            {"h": _hash(token), "by": by},
        )


def end(con: duckdb.DuckDBPyConnection, id_hash: str, by: str) -> None:
    """An admin ends one session, known by its hash (the list shows no ids)."""
    with WRITE_LOCK, con.cursor() as cur:
        cur.execute(
            "update sessions set revoked_at = current_timestamp, revoked_by = $by where id_hash = $h and revoked_at is null",
            {"h": id_hash, "by": by},
        )


def active(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    """id_hash, username, created_at, last_seen_at, expires_at, client of every live session, newest first."""
    with con.cursor() as cur:
        return cur.execute(
            "select id_hash, username, created_at, last_seen_at, expires_at, client from sessions"
            " where revoked_at is null and expires_at > current_timestamp::timestamp order by created_at desc"
        ).fetchall()


@dataclass(frozen=True)
class Lock:
    """Why sign-in is refused before the password is even checked, and until when."""

    rule: str  # account_locked | client_blocked
    until: datetime


def lock_for(con: duckdb.DuckDBPyConnection, username: str, client: str | None) -> Lock | None:
    since = datetime.now() - WINDOW
    with con.cursor() as cur:
        account = cur.execute(
            "select count(*), max(attempted_at) from signin_attempts where username = $u and not succeeded and not cleared and attempted_at > $since",
            {"u": username.strip(), "since": since},
        ).fetchall()[0]
        by_client = (
            cur.execute(
                "select count(*), max(attempted_at) from signin_attempts where client = $c and not succeeded and not cleared and attempted_at > $since",
                {"c": client, "since": since},
            ).fetchall()[0]
            if client
            else (0, None)
        )
    if account[0] >= ACCOUNT_FAILURES:
        return Lock("account_locked", account[1] + WINDOW)
    if by_client[0] >= CLIENT_FAILURES:
        return Lock("client_blocked", by_client[1] + WINDOW)
    return None


def sign_in(con: duckdb.DuckDBPyConnection, username: str, password: str, client: str | None) -> tuple[User | None, Lock | None]:
    """Check a sign-in with throttling: a locked account or blocked client is refused before the password
    is looked at (so the right password after forty wrong ones does not get in). Every attempt is logged.

    The attempt is logged as a failure before the password is checked, under a lock, and turned into a success
    only if the password is right: attempts sent in parallel count against the limit while bcrypt runs, so
    twenty at once get no more tries than twenty in a row. A client whose address is unknown (Streamlit gives
    none for localhost; a proxy without EIT_TRUST_PROXY) shares one budget with all such clients."""
    username = username.strip()
    client = client or UNKNOWN_CLIENT
    with _ATTEMPTS:
        lock = lock_for(con, username, client)
        attempt = _record(con, username, client)
    if lock is not None:
        return None, lock
    found = authenticate(con, username, password)
    if found is None:
        return None, lock_for(con, username, client)
    _succeeded(con, attempt, username)
    return found, None


def _record(con: duckdb.DuckDBPyConnection, username: str, client: str) -> int:
    """Log an attempt as a failure; its id, for _succeeded."""
    with WRITE_LOCK, con.cursor() as cur:
        row = cur.execute(
            "insert into signin_attempts (username, client, succeeded) values ($u, $c, false) returning attempt_id",
            {"u": username[:200], "c": client},
        ).fetchall()
    return int(row[0][0])


def _succeeded(con: duckdb.DuckDBPyConnection, attempt: int, username: str) -> None:
    """The password was right: the attempt succeeded and the account's run of failures ends."""
    with WRITE_LOCK, con.cursor() as cur:
        cur.execute("update signin_attempts set succeeded = true where attempt_id = $a", {"a": attempt})
        cur.execute("update signin_attempts set cleared = true where username = $u and not succeeded", {"u": username})


def unlock(con: duckdb.DuckDBPyConnection, username: str) -> None:
    """An admin lifts an account's lock (its failures are kept in the log, marked cleared)."""
    with WRITE_LOCK, con.cursor() as cur:
        cur.execute("update signin_attempts set cleared = true where username = $u and not succeeded", {"u": username})


def locked_accounts(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int, datetime]]:
    since = datetime.now() - WINDOW
    with con.cursor() as cur:
        rows = cur.execute(
            "select username, count(*), max(attempted_at) from signin_attempts where not succeeded and not cleared and attempted_at > $since"
            " group by username having count(*) >= $n order by 3 desc",
            {"since": since, "n": ACCOUNT_FAILURES},
        ).fetchall()
    return [(str(u), int(n), last + WINDOW) for u, n, last in rows]


def failures(con: duckdb.DuckDBPyConnection, limit: int = 200) -> list[tuple[object, ...]]:
    """The latest failed sign-ins (username, client, at), for the admin."""
    with con.cursor() as cur:
        return cur.execute(
            "select username, client, attempted_at from signin_attempts where not succeeded order by attempt_id desc limit $n", {"n": limit}
        ).fetchall()
