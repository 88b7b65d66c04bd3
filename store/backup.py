"""Online backup and restore of the database: a consistent single-file copy while the app runs, and its return.

A backup is a snapshot (store/snapshot.py: whole committed batches only) opened, read through to check
every block, checkpointed into one file with no WAL beside it, and written 0600 without overwriting an
existing file unless forced. A restore refuses while the app holds the database, checks that the file is a
database of this app, keeps the replaced file as PATH.before-restore-<time>, and ends the sessions the
backup held (everyone signs in again). Both hold password hashes: keep them as private as the database.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import duckdb

from store import snapshot
from store.db import ROOT, SCHEMA_DIR
from store.text import Text

DEFAULT_FOLDER = ROOT / "data" / "backups"
REQUIRED_TABLES = ("schema_migrations", "batches")
WORKER_TIMEOUT_S = 900
# The admin page offers a backup for download up to this size; a larger one stays in the folder.
DOWNLOAD_LIMIT = 200 * 1024 * 1024

WORDS: dict[str, Text] = {
    "backup_title": Text("สำรองฐานข้อมูล", "Database backup"),
    "backup_help": Text(
        "สำเนาฐานข้อมูลทั้งไฟล์ ณ ขณะนี้ (ข้อมูลทุกชุดที่นำเข้าครบทั้งชุด) เก็บไว้ที่ {folder} บนเซิร์ฟเวอร์ "
        "ไฟล์นี้มีรหัสผ่านที่เข้ารหัสแล้วของทุกบัญชี เก็บไว้ในที่ที่เฉพาะผู้ดูแลเข้าถึงได้",
        "A copy of the whole database as it is now (every batch whole), kept in {folder} on the server. "
        "It holds every account's password hash: keep it where only administrators can reach it.",
    ),
    "backup_do": Text("สำรองฐานข้อมูลตอนนี้", "Back up now"),
    "backup_done": Text(
        "สำรองแล้ว: {name} ({size}) · {batches} ชุดข้อมูล · ชุดล่าสุด {last}", "Backed up: {name} ({size}) · {batches} batches · last batch {last}"
    ),
    "backup_failed": Text("สำรองไม่สำเร็จ: {detail}", "The backup failed: {detail}"),
    "backup_download": Text("ดาวน์โหลดไฟล์สำรอง", "Download the backup"),
    "backup_too_large": Text(
        "ไฟล์ใหญ่เกินกว่าจะดาวน์โหลดผ่านหน้าเว็บ คัดลอกจาก {path} บนเซิร์ฟเวอร์", "Too large to download here: copy it from {path} on the server"
    ),
    "backup_none": Text("ไม่มี", "none"),
}


def word(key: str, lang: str, **fields: object) -> str:
    th, en = WORDS[key]
    return (th if lang == "th" else en).format(**fields)


class BackupError(Exception):
    """A backup or restore that was refused or could not be made; the message says what to do."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Described:
    """What a database file holds: the facts a backup or restore prints."""

    path: str
    size: int
    batches: int
    rolled_back: int
    last_batch_id: int | None
    last_batch_at: str | None
    migrations: list[str]

    def summary(self) -> str:
        last = f"batch {self.last_batch_id} loaded {self.last_batch_at}" if self.last_batch_id is not None else "no batch"
        return (
            f"{self.path}: {human_size(self.size)} ({self.size:,} bytes); {self.batches} batch(es)"
            f" ({self.rolled_back} rolled back); last {last}; schema {self.migrations[-1] if self.migrations else 'none'}"
        )

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def default_folder() -> Path:
    """Where the admin page writes backups: $EIT_BACKUP_DIR, default data/backups/ (git-ignored)."""
    return Path(os.environ.get("EIT_BACKUP_DIR") or DEFAULT_FOLDER)


def wals(path: Path) -> list[Path]:
    """The write-ahead logs DuckDB may keep beside a database file that are there now."""
    return [Path(f"{path}{suffix}") for suffix in snapshot.COMPANIONS if Path(f"{path}{suffix}").exists()]


def describe(path: str | Path) -> Described:
    """Open a database file read-only and say what it holds; refuses a file that is not this app's database."""
    path = Path(path)
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise BackupError(f"{path} is held by another process (the app?): {str(exc).splitlines()[0]}", 3) from exc
        raise BackupError(f"{path} is not a DuckDB database: {str(exc).splitlines()[0]}") from exc
    except duckdb.Error as exc:
        raise BackupError(f"{path} is not a DuckDB database: {str(exc).splitlines()[0]}") from exc
    try:
        return _describe(con, path)
    finally:
        con.close()


def _describe(con: duckdb.DuckDBPyConnection, path: Path) -> Described:
    with con.cursor() as cur:
        tables = {row[0] for row in cur.execute("select table_name from duckdb_tables() where schema_name = 'main'").fetchall()}
        missing = [t for t in REQUIRED_TABLES if t not in tables]
        if missing:
            raise BackupError(f"{path} is not a database of this app: no table {', '.join(missing)}")
        migrations = [row[0] for row in cur.execute("select version from schema_migrations order by version").fetchall()]
        batches, rolled_back = cur.execute("select count(*), count(*) filter (where status = 'rolled_back') from batches").fetchall()[0]
        last = cur.execute("select batch_id, loaded_at from batches order by batch_id desc limit 1").fetchall()
    return Described(
        path=str(path),
        size=path.stat().st_size,
        batches=int(batches),
        rolled_back=int(rolled_back),
        last_batch_id=int(last[0][0]) if last else None,
        last_batch_at=str(last[0][1]) if last else None,
        migrations=migrations,
    )


def read_through(con: duckdb.DuckDBPyConnection) -> int:
    """Read every column of every table once, so DuckDB checks every block's checksum; returns the rows."""
    rows = 0
    with con.cursor() as cur:
        tables = cur.execute("select schema_name, table_name from duckdb_tables() where database_name = current_database()").fetchall()
        for schema, table in tables:
            # Names from DuckDB's own catalogue, quoted: nothing here comes from a user.
            name = '"' + schema.replace('"', '""') + '"."' + table.replace('"', '""') + '"'
            rows += int(cur.execute("select count(*), bit_xor(hash(t)) from " + name + " t").fetchall()[0][0])
    return rows


def check_whole(con: duckdb.DuckDBPyConnection) -> None:
    snapshot.check_batches(con)
    read_through(con)


def backup(db: str | Path, out: str | Path, force: bool = False) -> Described:
    """Write a consistent, checkpointed single-file copy of db to out (mode 0600), whether or not the
    app holds db. Refuses an existing out unless force."""
    os.umask(0o077)  # whatever DuckDB writes beside the copy (its WAL) is private too, as store.db does
    db, out = Path(db), Path(out)
    if not db.is_file():
        raise BackupError(f"no database at {db}")
    if out.resolve() == db.resolve():
        raise BackupError("the backup cannot be the database itself")
    if (out.exists() or wals(out)) and not force:
        raise BackupError(f"{out} already exists: choose another name, or --force to replace it")
    out.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with _held_for_reading(db):
        con, snap = snapshot.open_copy(db, read_only=False, check=check_whole)
    try:
        _describe(con, snap.path)  # the copy is this app's database
        con.execute("force checkpoint")
        con.close()
        if wals(snap.path):
            raise BackupError(f"the copy of {db} kept a WAL after its checkpoint; try again")
        _install(snap.path, out, force)
    finally:
        con.close()
        snap.remove()
    return describe(out)


@contextlib.contextmanager
def _held_for_reading(db: Path) -> Iterator[None]:
    """While nobody writes db, hold it read-only during the copy so the app cannot start writing midway;
    while the app holds it, the snapshot's own checks make the copy consistent."""
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        yield
        return
    try:
        yield
    finally:
        con.close()


def _install(copy: Path, out: Path, force: bool) -> None:
    """Put the finished copy at out: written beside it first (0600, synced), then renamed into place."""
    partial = out.with_name(f".{out.name}.partial-{os.getpid()}")
    snapshot.remove_at_exit(partial)  # a backup cut short by a signal leaves nothing behind
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with open(copy, "rb") as src, os.fdopen(fd, "wb") as dst:
            shutil.copyfileobj(src, dst, snapshot.CHUNK)
            dst.flush()
            os.fsync(dst.fileno())
        for wal in wals(out):
            wal.unlink()  # a WAL beside the old file would be replayed into the new one
        if force:
            os.replace(partial, out)
        else:
            try:
                os.link(partial, out)  # fails if out appeared meanwhile: never overwrite unasked
            except FileExistsError as exc:
                raise BackupError(f"{out} already exists: choose another name, or --force to replace it") from exc
        _sync_folder(out.parent)
    finally:
        partial.unlink(missing_ok=True)
        snapshot.remove_at_exit(partial, keep=True)


def _sync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def backup_name(now: datetime | None = None) -> str:
    return f"eit-{(now or datetime.now()).strftime('%Y%m%d-%H%M%S')}.duckdb"


def backup_in_worker(db: str | Path, folder: str | Path | None = None) -> Described:
    """Make a backup in the backup folder from a separate process (`python -m store backup`), so the
    server's own process never opens a second copy of the database."""
    folder = Path(folder) if folder else default_folder()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    out = folder / backup_name()
    result = subprocess.run(
        [sys.executable, "-m", "store", "backup", "--db", str(db), "--out", str(out), "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=WORKER_TIMEOUT_S,
    )
    if result.returncode != 0:
        raise BackupError((result.stderr.strip() or result.stdout.strip() or "backup failed").removeprefix("error: "))
    return Described(**json.loads(result.stdout.strip().splitlines()[-1]))


@dataclass(frozen=True)
class Restored:
    restored: Described
    kept: Path | None
    sessions_ended: int


def restore(db: str | Path, source: str | Path, now: datetime | None = None) -> Restored:
    """Replace db by the backup at source. Refuses while another process (the app) holds db, and a source
    that is not a checkpointed database of this app; the replaced file is kept as db.before-restore-<time>."""
    os.umask(0o077)
    db, source = Path(db), Path(source)
    if not source.is_file():
        raise BackupError(f"no backup file at {source}")
    if source.resolve() == db.resolve():
        raise BackupError("the backup and the database are the same file")
    if wals(source):
        raise BackupError(f"{source} has a WAL beside it: it is a live database, not a backup (back it up with `store backup`)")
    described = describe(source)
    known = {p.stem for p in SCHEMA_DIR.glob("[0-9][0-9][0-9]_*.sql")}
    newer = [m for m in described.migrations if m not in known]
    if newer:
        raise BackupError(f"{source} was written by a newer version of the app (schema {', '.join(newer)}): update the app first")
    db.parent.mkdir(parents=True, exist_ok=True)
    staged = db.with_name(f".{db.name}.restoring-{os.getpid()}")
    snapshot.remove_at_exit(staged)
    try:
        _copy_private(source, staged)
        ended = _end_sessions(staged)
        with _exclusive(db):
            # The two renames are not cut apart by Ctrl-C or SIGTERM: there is always a database at db.
            blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
            try:
                kept = _set_aside(db, now or datetime.now())
                os.replace(staged, db)
                _sync_folder(db.parent)
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    finally:
        staged.unlink(missing_ok=True)
        snapshot.remove_at_exit(staged, keep=True)
        for wal in wals(staged):
            wal.unlink(missing_ok=True)
    return Restored(restored=describe(db), kept=kept, sessions_ended=ended)


def _copy_private(source: Path, target: Path) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(source, "rb") as src, os.fdopen(fd, "wb") as dst:
        shutil.copyfileobj(src, dst, snapshot.CHUNK)
        dst.flush()
        os.fsync(dst.fileno())


def _end_sessions(path: Path) -> int:
    """Sign-ins held in the backup end with the restore: a session signed out since must not come back."""
    con = duckdb.connect(str(path))
    try:
        with con.cursor() as cur:
            columns = {row[0] for row in cur.execute("select column_name from duckdb_columns() where table_name = 'sessions'").fetchall()}
            if not {"revoked_at", "revoked_by"} <= columns:
                return 0
            ended = cur.execute(
                "update sessions set revoked_at = current_timestamp, revoked_by = $by where revoked_at is null", {"by": "restore"}
            ).fetchall()
            con.execute("checkpoint")
        return int(ended[0][0]) if ended else 0
    finally:
        con.close()


@contextlib.contextmanager
def _exclusive(db: Path) -> Iterator[None]:
    """Make sure no process holds db, and keep every DuckDB process out of it until it is replaced
    (DuckDB locks with fcntl too, so its open fails while this lock is held)."""
    if not db.exists():
        yield
        return
    try:
        con = duckdb.connect(str(db))
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise BackupError(f"{db} is in use by another process (the app?): stop the app, then restore again", 3) from exc
        con = None  # not readable as a database: it is set aside as it is
    if con is not None:
        con.execute("checkpoint")  # the file set aside is whole on its own
        con.close()
    fd = os.open(db, os.O_RDWR)
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            raise BackupError(f"{db} is in use by another process (the app?): stop the app, then restore again", 3) from exc
        yield
    finally:
        os.close(fd)


def _set_aside(db: Path, now: datetime) -> Path | None:
    if not db.exists():
        return None
    kept = db.with_name(f"{db.name}.before-restore-{now.strftime('%Y%m%d-%H%M%S')}")
    n = 1
    while kept.exists():
        n += 1
        kept = db.with_name(f"{db.name}.before-restore-{now.strftime('%Y%m%d-%H%M%S')}-{n}")
    os.rename(db, kept)
    for wal in wals(db):
        os.rename(wal, Path(f"{kept}{str(wal)[len(str(db)) :]}"))
    return kept
