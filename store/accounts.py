"""Accounts and roles: bcrypt password hashes, a first admin with a one-time password, settings."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

import bcrypt
import duckdb

from store.db import REFERENCE_DIR, WRITE_LOCK, scalar
from store.messages import Refusal

ROLES = ("committee", "analyst", "admin")
RANK = {"anonymous": 0, "committee": 1, "analyst": 2, "admin": 3}
MIN_PASSWORD = 10
# bcrypt reads at most 72 bytes (bcrypt 5 refuses more): 72 Latin letters, but only 24 Thai ones (3 bytes each).
MAX_PASSWORD_BYTES = 72
TOKEN_HOURS = 12  # a sign-in lasts a working day, then the password is asked again
# bcrypt's cost (2^cost rounds, ~0.27 s at 12 on this project's machine). EIT_PASSWORD_COST is for tests only
# (a fast suite); a deployment leaves it unset. Read at import; hash_password and authenticate read COST at call time.
COST = min(max(int(os.environ.get("EIT_PASSWORD_COST", "12")), 4), 16)
_dummy_hashes: dict[int, bytes] = {}


class AccountError(Refusal):
    """An account operation was refused; the message says why (Thai or English)."""


@dataclass(frozen=True)
class User:
    username: str
    role: str
    must_change_password: bool


def hash_password(password: str) -> str:
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=COST)).decode("ascii")


def _dummy_check() -> None:
    """Spend what checking a real password costs, so the answer's timing does not tell which usernames exist."""
    dummy = _dummy_hashes.get(COST)
    if dummy is None:
        dummy = _dummy_hashes[COST] = bcrypt.hashpw(b"timing-equaliser", bcrypt.gensalt(rounds=COST))
    bcrypt.checkpw(b"x", dummy)


# One-time passwords are read aloud and typed by hand: no l/I/1 or O/0, groups of four.
OTP_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"


def one_time_password() -> str:
    chars = "".join(secrets.choice(OTP_ALPHABET) for _ in range(16))
    return "-".join(chars[i : i + 4] for i in range(0, 16, 4))


def allowed(role: str, needed: str) -> bool:
    """committee < analyst < admin: each role may do what the ones below it may."""
    return RANK.get(role, 0) >= RANK[needed]


def ensure_first_admin(con: duckdb.DuckDBPyConnection) -> str | None:
    """With no account at all, create 'admin' with a random one-time password and return it (else None).

    There is no default password: each install gets its own, shown once, to be changed at first sign-in.
    """
    with WRITE_LOCK, con.cursor() as cur:
        if scalar(cur, "select count(*) from users") > 0:
            return None
        password = one_time_password()
        cur.execute(
            "insert into users (username, role, password_hash, must_change_password, created_by) values ('admin', 'admin', $h, true, 'first run')",
            {"h": hash_password(password)},
        )
        return password


def write_first_password(db: str | os.PathLike[str], password: str) -> str:
    """Put a first one-time password in a file beside the database that only its owner can read (0600)."""
    path = f"{db}.first-admin-password.txt"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(f"admin\n{password}\n")
    os.chmod(path, 0o600)
    return path


def add_user(con: duckdb.DuckDBPyConnection, username: str, role: str, by: str) -> str:
    """Create an account; returns its one-time password (to be changed at first sign-in)."""
    username = username.strip()
    if not username or not username.replace(".", "").replace("_", "").replace("-", "").isalnum():
        raise AccountError("bad_username")
    if role not in ROLES:
        raise AccountError("bad_role", allowed=", ".join(ROLES))
    password = one_time_password()
    with WRITE_LOCK, con.cursor() as cur:
        if scalar(cur, "select count(*) from users where username = $u", {"u": username}):
            raise AccountError("user_exists", value=username)
        cur.execute(
            "insert into users (username, role, password_hash, must_change_password, created_by) values ($u, $r, $h, true, $by)",
            {"u": username, "r": role, "h": hash_password(password), "by": by},
        )
    return password


def reset_password(con: duckdb.DuckDBPyConnection, username: str, by: str = "admin") -> str:
    """A new one-time password; every open session of the account ends in the same transaction."""
    password = one_time_password()
    with WRITE_LOCK, con.cursor() as cur:
        if not scalar(cur, "select count(*) from users where username = $u", {"u": username}):
            raise AccountError("no_user", value=username)
        _in_one_transaction(
            cur,
            (
                "update users set password_hash = $h, must_change_password = true where username = $u",
                {"u": username, "h": hash_password(password)},
            ),
            (END_SESSIONS, {"u": username, "by": by}),
        )
    return password


def _common_passwords() -> frozenset[str]:
    path = REFERENCE_DIR / "common_passwords.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


COMMON_PASSWORDS = _common_passwords()


def check_password_policy(username: str, password: str) -> None:
    """At least MIN_PASSWORD characters and at most MAX_PASSWORD_BYTES bytes, not a common password, not one
    character or a short pattern repeated, not a plain run of the keyboard or the alphabet, and not the
    username (NIST SP 800-63B's blocklist idea)."""
    if len(password) < MIN_PASSWORD:
        raise AccountError("password_short", limit=MIN_PASSWORD)
    size = len(password.encode("utf-8"))
    if size > MAX_PASSWORD_BYTES:
        raise AccountError("password_long", value=size, limit=MAX_PASSWORD_BYTES)
    lowered = password.lower()
    name = username.lower()
    if name and (lowered == name or (len(name) >= 4 and name in lowered)):
        raise AccountError("password_is_username")
    if lowered in COMMON_PASSWORDS or len(set(lowered)) <= 2 or _is_run(lowered) or _is_repeated(lowered):
        raise AccountError("password_common")


def _is_repeated(text: str) -> bool:
    """abcabcabcabc, aA1!aA1!aA1! (lowered), limestone limestone: a unit of at most half the length (rounded up), said again."""
    return any(all(text[i] == text[i - k] for i in range(k, len(text))) for k in range(1, (len(text) + 1) // 2 + 1))


def _is_run(text: str) -> bool:
    """abcdefghij, 1234567890, qwertyuiop … or any of them backwards (a substring of a known run)."""
    runs = ("abcdefghijklmnopqrstuvwxyz", "01234567890", "qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn")
    return any(text in r or text in r[::-1] for r in runs)


def change_password(con: duckdb.DuckDBPyConnection, username: str, old: str, new: str) -> None:
    """A new password of the user's own, the current one checked here without throttling (command line, tests);
    the app checks it through store.sessions.change_password, which throttles like a sign-in."""
    check_new_password(username, old, new)
    if authenticate(con, username, old) is None:
        raise AccountError("wrong_password")
    set_own_password(con, username, new)


def check_new_password(username: str, old: str, new: str) -> None:
    """The rules a new password meets, checked before the current password is (a refused new one costs no try)."""
    if new == old:
        raise AccountError("password_same")
    check_password_policy(username, new)


def set_own_password(con: duckdb.DuckDBPyConnection, username: str, new: str) -> None:
    """Store a new password whose owner has proved the current one; every open session of the account ends in
    the same transaction."""
    with WRITE_LOCK, con.cursor() as cur:
        _in_one_transaction(
            cur,
            (
                "update users set password_hash = $h, must_change_password = false where username = $u",
                {"u": username, "h": hash_password(new)},
            ),
            (END_SESSIONS, {"u": username, "by": username}),
        )


def set_active(con: duckdb.DuckDBPyConnection, username: str, active: bool, by: str = "admin") -> None:
    """Switch an account on or off; switching it off ends its open sessions in the same transaction."""
    with WRITE_LOCK, con.cursor() as cur:
        _in_one_transaction(
            cur,
            ("update users set active = $a where username = $u", {"u": username, "a": active}),
            (END_SESSIONS, {"u": username, "by": by}),
        )


END_SESSIONS = "update sessions set revoked_at = current_timestamp, revoked_by = $by where username = $u and revoked_at is null"


def _in_one_transaction(cur: duckdb.DuckDBPyConnection, *statements: tuple[str, dict[str, object]]) -> None:
    cur.execute("begin transaction")
    try:
        for sql, params in statements:
            cur.execute(sql, params)
        cur.execute("commit")
    except duckdb.Error:
        cur.execute("rollback")
        raise


def authenticate(con: duckdb.DuckDBPyConnection, username: str, password: str) -> User | None:
    """The user when the password matches an active account; None otherwise, after the same work whether the
    account exists or not. A password over MAX_PASSWORD_BYTES was never accepted by the policy, so it is
    simply wrong (bcrypt 5 would raise on it)."""
    with con.cursor() as cur:
        rows = cur.execute(
            "select role, password_hash, must_change_password from users where username = $u and active", {"u": username.strip()}
        ).fetchall()
    if not rows or len(password.encode("utf-8")) > MAX_PASSWORD_BYTES:
        _dummy_check()
        return None
    role, hashed, must_change = rows[0]
    if not bcrypt.checkpw(password.encode("utf-8"), hashed.encode("ascii")):
        return None
    return User(username.strip(), role, bool(must_change))


def users(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    with con.cursor() as cur:
        return cur.execute(
            "select username, role, active, must_change_password, created_at, created_by from users order by username"
        ).fetchall()


def public_read(con: duckdb.DuckDBPyConnection) -> bool:
    with con.cursor() as cur:
        return scalar(cur, "select value from settings where key = 'public_read'") == "true"


def set_public_read(con: duckdb.DuckDBPyConnection, value: bool, by: str) -> None:
    with WRITE_LOCK, con.cursor() as cur:
        cur.execute(
            "update settings set value = $v, changed_by = $by, changed_at = current_timestamp where key = 'public_read'",
            {"v": "true" if value else "false", "by": by},
        )
