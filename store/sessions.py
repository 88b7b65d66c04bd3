"""Server-side sign-in sessions and sign-in throttling.

A session id is 32 random bytes, given to the browser once (an HttpOnly cookie) and stored only as its
SHA-256: whoever copies the database cannot sign in with it. Every check reads the database without the
write lock, so a long upload never stalls it.

Throttling cannot be turned against an account's owner: wrong passwords slow down only the pair (account,
client) that typed them, with waits that double up to a cap, and each client has a budget of failures across
accounts. Nothing locks an account from everywhere. The throttle lives in the server's memory (Throttle); the
database keeps a log of attempts for admins, at most LOG_PER_MINUTE rows per client a minute, pruned after
KEEP_LOG, and a username in it only when it names an existing account.
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
import secrets
import stat
import threading
import time
from collections import Counter, OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import duckdb

from store.accounts import TOKEN_HOURS, AccountError, User, authenticate, check_new_password, set_own_password
from store.db import WRITE_LOCK
from store.messages import message

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


UNKNOWN_CLIENT = "unknown"  # the throttling key of every client whose address the server cannot see
UNKNOWN_ACCOUNT = "(unknown)"  # what the log says for a username that names no account (never what was typed)
FREE_FAILURES = 2  # wrong passwords a pair (account, client) may make before it has to wait
FIRST_WAIT = 2.0  # seconds after the FREE_FAILURES + 1st failure; each further failure doubles it
MAX_WAIT = 600.0  # the longest a pair ever waits (10 minutes): the owner at worst waits this long, not forever
FORGET_AFTER = 24 * 3600.0  # a pair's failures are forgotten a day after the last one
CLIENT_FAILURES = 20  # failures from one client, whatever the accounts, within CLIENT_WINDOW before it must wait
CLIENT_WINDOW = 15 * 60.0
LOG_PER_MINUTE = 10  # rows a client may add to the attempt log in a minute; beyond, attempts are only counted
KEEP_LOG = timedelta(days=90)  # log rows older than this are deleted
PRUNE_EVERY = 3600.0
MAX_PAIRS = 20_000  # pairs remembered at most (the oldest forgotten first): the throttle's memory is bounded


def pair_wait(failures: int) -> float:
    """Seconds a pair waits after its n-th failure in a row: 0, 0, 2, 4, 8 … up to MAX_WAIT."""
    if failures <= FREE_FAILURES:
        return 0.0
    return float(min(FIRST_WAIT * 2 ** (failures - FREE_FAILURES - 1), MAX_WAIT))


@dataclass(frozen=True)
class Wait:
    """Why an attempt is refused before its password is looked at, and for how long."""

    rule: str  # signin_wait: this account from this client | client_blocked: this client, any account
    seconds: int

    def text(self, lang: str) -> str:
        if self.seconds < 120:
            span = message("wait_seconds", lang, value=max(self.seconds, 1))
        else:
            span = message("wait_minutes", lang, value=-(-self.seconds // 60))
        return message(self.rule, lang, value=span)


@dataclass(frozen=True)
class Attempt:
    """The answer to a sign-in: the user (password right), or not; and the wait before the next try, if any.
    checked is False when the attempt was refused while waiting (its password was not looked at)."""

    user: User | None
    wait: Wait | None
    checked: bool


@dataclass(frozen=True)
class Block:
    """A pair or client that must wait now, for the admin's list. account is None for a client's budget."""

    account: str | None
    client: str
    failures: int
    until: datetime
    refused: int  # attempts refused while waiting (counted here, not written to the log)


@dataclass
class _Pair:
    failures: int = 0
    last: float = 0.0
    next_try: float = 0.0
    refused: int = 0


@dataclass
class _Client:
    failures: deque[float] = field(default_factory=deque)  # failure times within CLIENT_WINDOW
    logged: deque[float] = field(default_factory=deque)  # log rows written within the last minute
    refused: int = 0


class Throttle:
    """Failures per (account, client) and per client, in memory, under one lock. clock gives seconds (time.time
    in the app; tests pass their own, so growing waits are tested without sleeping)."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        self.requests_path: Path | None = None  # the file `python -m store users unblock` writes (unblock_file)
        self.unlogged: Counter[str] = Counter()  # attempts per client not written to the log (cap or waiting)
        self._lock = threading.Lock()
        self._pairs: OrderedDict[tuple[str, str], _Pair] = OrderedDict()
        self._clients: dict[str, _Client] = {}
        self._pruned = 0.0

    def reserve(self, account: str, client: str) -> Wait | None:
        """Refuse the attempt (the wait), or count it as a failure before the password is checked: attempts sent
        in parallel count against the limits while bcrypt runs, so twenty at once get no more checks than twenty
        in a row. succeeded() takes the failure back."""
        now = self.clock()
        with self._lock:
            self._take_requests()
            pair = self._pairs.get((account, client))
            if pair is not None and now - pair.last > FORGET_AFTER:
                pair = self._pairs[(account, client)] = _Pair()
            if client not in self._clients and len(self._clients) >= MAX_PAIRS:
                self._trim_clients(now)
            seen = self._clients.setdefault(client, _Client())
            while seen.failures and seen.failures[0] <= now - CLIENT_WINDOW:
                seen.failures.popleft()
            if pair is not None and pair.next_try > now:
                pair.refused += 1
                self.unlogged[client] += 1
                return Wait("signin_wait", int(-(-(pair.next_try - now) // 1)))
            if len(seen.failures) >= CLIENT_FAILURES:
                seen.refused += 1
                self.unlogged[client] += 1
                return Wait("client_blocked", int(-(-(seen.failures[0] + CLIENT_WINDOW - now) // 1)))
            if pair is None:
                pair = self._pairs[(account, client)] = _Pair()
                while len(self._pairs) > MAX_PAIRS:
                    self._pairs.popitem(last=False)
            self._pairs.move_to_end((account, client))
            pair.failures += 1
            pair.last = now
            pair.next_try = now + pair_wait(pair.failures)
            seen.failures.append(now)
        return None

    def _trim_clients(self, now: float) -> None:
        """Forget clients with nothing in their windows (many addresses must not grow memory without end); if
        all are busy, the quietest half."""
        busy = {
            c: v
            for c, v in self._clients.items()
            if any(t > now - CLIENT_WINDOW for t in v.failures) or any(t > now - 60 for t in v.logged)
        }
        if len(busy) >= MAX_PAIRS:
            busy = dict(sorted(busy.items(), key=lambda kv: kv[1].failures[-1] if kv[1].failures else 0.0)[MAX_PAIRS // 2 :])
        self._clients = busy
        self.unlogged = Counter({c: n for c, n in self.unlogged.items() if c in busy})

    def succeeded(self, account: str, client: str) -> None:
        """The password was right: the pair's failures end and the reserved failure is taken back."""
        with self._lock:
            self._pairs.pop((account, client), None)
            seen = self._clients.get(client)
            if seen is not None and seen.failures:
                seen.failures.pop()

    def wait(self, account: str, client: str) -> Wait | None:
        """The wait before this pair's next attempt is checked, if any (said along with "wrong password")."""
        now = self.clock()
        with self._lock:
            pair = self._pairs.get((account, client))
            if pair is None or pair.next_try <= now:
                return None
            return Wait("signin_wait", int(-(-(pair.next_try - now) // 1)))

    def may_log(self, client: str) -> bool:
        """Whether this attempt may add a row to the log (at most LOG_PER_MINUTE per client a minute)."""
        now = self.clock()
        with self._lock:
            seen = self._clients.setdefault(client, _Client())
            while seen.logged and seen.logged[0] <= now - 60:
                seen.logged.popleft()
            if len(seen.logged) >= LOG_PER_MINUTE:
                self.unlogged[client] += 1
                return False
            seen.logged.append(now)
            return True

    def due_for_pruning(self) -> bool:
        now = self.clock()
        with self._lock:
            if now - self._pruned < PRUNE_EVERY:
                return False
            self._pruned = now
            return True

    def lift(self, account: str | None = None, client: str | None = None) -> int:
        """An admin lifts blocks: of an account (from every client), of a client (its budget and its pairs), or,
        with neither, every block. Returns how many pairs and clients were lifted."""
        with self._lock:
            return self._lift(account, client)

    def _lift(self, account: str | None, client: str | None) -> int:
        pairs = [k for k in self._pairs if (account is None or k[0] == account) and (client is None or k[1] == client)]
        for key in pairs:
            del self._pairs[key]
        clients = [c for c in self._clients if account is None and (client is None or c == client)]
        for c in clients:
            self._clients[c].failures.clear()
        return len(pairs) + len(clients)

    def blocks(self) -> list[Block]:
        """Every pair with failures that must or may soon wait, and every client out of budget, longest wait first."""
        now = self.clock()
        found: list[Block] = []
        with self._lock:
            for (account, client), pair in self._pairs.items():
                if pair.failures > FREE_FAILURES and now - pair.last <= FORGET_AFTER:
                    shown = UNKNOWN_ACCOUNT if account.startswith("?") else account
                    found.append(Block(shown, client, pair.failures, datetime.fromtimestamp(max(pair.next_try, now)), pair.refused))
            for client, seen in self._clients.items():
                live = [t for t in seen.failures if t > now - CLIENT_WINDOW]
                if len(live) >= CLIENT_FAILURES:
                    found.append(Block(None, client, len(live), datetime.fromtimestamp(live[0] + CLIENT_WINDOW), seen.refused))
        return sorted(found, key=lambda b: b.until, reverse=True)

    def _take_requests(self) -> None:
        """Apply what `python -m store users unblock` asked for while the app holds the database (DuckDB lets one
        process write it): a file beside the database, read only if this process's user owns it and no one else
        may write it, then deleted."""
        path = self.requests_path
        if path is None:
            return
        taking = path.with_name(path.name + ".taking")
        try:
            os.replace(path, taking)
        except OSError:
            return
        try:
            info = os.lstat(taking)  # a link is not followed
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
                return
            lines = taking.read_text(encoding="utf-8").splitlines()[:1000]
        finally:
            taking.unlink(missing_ok=True)
        for line in lines:
            kind, _, value = line.partition(" ")
            if kind in ("account", "client", "all"):
                self._lift(value if kind == "account" else None, value if kind == "client" else None)


THROTTLE = Throttle()  # the app's, one per process


def unblock_file(db: str | os.PathLike[str]) -> Path:
    """Where `python -m store users unblock` leaves its request for the running app."""
    return Path(f"{db}.unblock")


def request_unblock(db: str | os.PathLike[str], account: str | None = None, client: str | None = None) -> Path:
    """Ask the running app to lift blocks (an account's, a client's, or with neither every one): the CLI cannot
    open the database while the app holds it, so it appends a line to a file the app reads (mode 0600)."""
    line = f"account {account}" if account else f"client {client}" if client else "all "
    path = unblock_file(db)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(descriptor, "a", encoding="utf-8") as out:
        out.write(line.replace("\n", " ") + "\n")
    return path


def client_of(forwarded_for: str | None, real_ip: str | None, peer: str | None, trust: str | None) -> str | None:
    """The address a sign-in is throttled by. Without a trusted proxy (EIT_TRUST_PROXY unset): the connection's
    own address (None for connections Streamlit gives none). EIT_TRUST_PROXY=1 (or N proxies in a chain): the
    N-th X-Forwarded-For entry from the right, the one the trusted proxy appended ($proxy_add_x_forwarded_for);
    entries to its left were sent by the client and may be forged. EIT_TRUST_PROXY=x-real-ip: the X-Real-IP
    header, for a proxy that overwrites it ($remote_addr)."""
    if trust and trust.strip().lower() == "x-real-ip":
        found = real_ip
    elif trust and trust.strip().isdigit() and int(trust) > 0:
        entries = [e.strip() for e in (forwarded_for or "").split(",")]
        hops = int(trust)
        found = entries[-hops] if len(entries) >= hops else None
    else:
        found = peer
    if not found:
        return None
    try:
        return str(ipaddress.ip_address(found.strip().strip("[]")))
    except ValueError:
        return found.strip()[:64] or None


def _account_key(con: duckdb.DuckDBPyConnection, username: str) -> tuple[str, str]:
    """(throttle key, what the log stores): an existing account by its name; anything else by a hash kept only
    in memory, and '(unknown)' in the log, so a password typed into the username box is never stored."""
    with con.cursor() as cur:
        known = cur.execute("select username from users where username = $u", {"u": username}).fetchall()
    if known:
        return str(known[0][0]), str(known[0][0])
    return "?" + hashlib.sha256(username.casefold().encode("utf-8")).hexdigest()[:24], UNKNOWN_ACCOUNT


def _log(con: duckdb.DuckDBPyConnection, throttle: Throttle, account: str, client: str, succeeded: bool) -> None:
    """One row of the attempt log, within the per-client cap; old rows pruned now and then."""
    now = datetime.fromtimestamp(throttle.clock())
    if throttle.may_log(client):
        with WRITE_LOCK, con.cursor() as cur:
            cur.execute(
                "insert into signin_attempts (username, client, succeeded, attempted_at) values ($u, $c, $s, $at)",
                {"u": account, "c": client, "s": succeeded, "at": now},
            )
    if throttle.due_for_pruning():
        with WRITE_LOCK, con.cursor() as cur:
            cur.execute("delete from signin_attempts where attempted_at < $before", {"before": now - KEEP_LOG})


def client_key(client: str | None) -> str:
    """The throttle's key for a client address (UNKNOWN_CLIENT for none)."""
    return (client or UNKNOWN_CLIENT)[:64]


def _attempt(con: duckdb.DuckDBPyConnection, username: str, password: str, client: str | None, throttle: Throttle) -> Attempt:
    username = username.strip()[:200]
    where = client_key(client)
    key, logged_as = _account_key(con, username)
    wait = throttle.reserve(key, where)
    if wait is not None:
        return Attempt(None, wait, checked=False)
    found = authenticate(con, username, password)
    if found is not None:
        throttle.succeeded(key, where)
    _log(con, throttle, logged_as, where, found is not None)
    return Attempt(found, None if found else throttle.wait(key, where), checked=True)


def sign_in(con: duckdb.DuckDBPyConnection, username: str, password: str, client: str | None, throttle: Throttle = THROTTLE) -> Attempt:
    """Check a sign-in through the throttle. A pair (account, client) that must wait, or a client out of budget,
    is refused before the password is looked at, and the answer says how long to wait. Known and unknown
    usernames are answered alike (same words, the same bcrypt work, the same throttle). A client whose address
    is unknown (Streamlit gives none for localhost; a proxy without EIT_TRUST_PROXY) shares one budget with all
    such clients."""
    return _attempt(con, username, password, client, throttle)


def change_password(
    con: duckdb.DuckDBPyConnection, username: str, old: str, new: str, client: str | None, throttle: Throttle = THROTTLE
) -> Wait | None:
    """The change-password form: the new password's rules first, then the current password through the same
    throttle as a sign-in (a stolen open session cannot guess it faster), then the change. Returns the wait
    when the attempt was refused; raises AccountError for a wrong current password or a refused new one."""
    check_new_password(username, old, new)
    attempt = _attempt(con, username, old, client, throttle)
    if not attempt.checked:
        return attempt.wait
    if attempt.user is None:
        raise AccountError("wrong_password")
    set_own_password(con, username, new)
    return None


def lift(throttle: Throttle = THROTTLE, account: str | None = None, client: str | None = None) -> int:
    """An admin lifts blocks from the Accounts page (see Throttle.lift)."""
    return throttle.lift(account, client)


def failures(con: duckdb.DuckDBPyConnection, limit: int = 200) -> list[tuple[object, ...]]:
    """The latest failed sign-ins (username or '(unknown)', client, at), for the admin."""
    with con.cursor() as cur:
        return cur.execute(
            "select username, client, attempted_at from signin_attempts where not succeeded order by attempt_id desc limit $n", {"n": limit}
        ).fetchall()
