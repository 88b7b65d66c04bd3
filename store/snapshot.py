"""Private, consistent copies of the database for every reader outside the app's own connection.

DuckDB lets one process write a file, or many read it, never both. While the app holds the file, a
command-line reader, a console or pack worker, a backup or publishing reads a copy taken now: the
database file and its write-ahead logs, copied into a folder only its owner can enter (0700, files 0600;
the copy holds password hashes like the database). The copy is consistent: the WALs are copied first,
the database file after, again until no checkpoint ended meanwhile, and opening the copy replays only
the transactions the WALs hold whole (a batch is one transaction, so a copy never holds half a batch);
a copy that still fails DuckDB's block checksums when opened is taken again. Copies are removed when
their owner says so, at exit, on SIGTERM / SIGINT, and, when a process was killed before it could, by
the next process that takes one.
"""

from __future__ import annotations

import atexit
import errno
import hashlib
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import duckdb

PREFIX = "eit-snapshot-"
OWNER_FILE = "owner.pid"
# DuckDB 2.0 writes commits to <db>.wal, and to <db>.checkpoint.wal while a checkpoint runs.
COMPANIONS = (".wal", ".checkpoint.wal")
TRIES = 3  # fresh copies (and openings) before giving up
PASSES = 25  # passes over one copy while checkpoints keep ending (about 4 s of waiting at most)
# A folder without an owner file is someone's copy being set up, or one left by code older than this
# module: it is removed once it is this old.
ORPHAN_AGE_S = 600.0
CHUNK = 1 << 20  # read and compared in 1 MiB pieces
HEADER_BYTES = 3 * 4096  # DuckDB's main header and its two database headers (the checkpoint iteration)

_lock = threading.Lock()
_live: dict[Path, Snapshot] = {}
_files: set[Path] = set()  # other private files to remove at exit (a backup being written)
_started = False
_previous: dict[int, Any] = {}


class SnapshotError(RuntimeError):
    """No consistent copy could be taken (the database kept changing, or the copies kept failing)."""


@dataclass
class Snapshot:
    """A private copy of a database: its folder and the copied database file inside it."""

    folder: Path
    path: Path
    source: Path
    files: list[Path] = field(default_factory=list)

    def remove(self) -> None:
        with _lock:
            _live.pop(self.folder, None)
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Snapshot:
        return self

    def __exit__(self, *_: object) -> None:
        self.remove()


def snapshot_root() -> Path:
    """Where copies live: the temp folder ($TMPDIR), each in a folder named eit-snapshot-*."""
    return Path(tempfile.gettempdir())


def take(source: str | Path) -> Snapshot:
    """Copy the database file and its WALs into a new private folder, consistently (_copy_consistent);
    after PASSES passes that each saw a checkpoint end, in a new folder, TRIES times at most."""
    _start()
    source = Path(source)
    if not source.is_file():
        raise FileNotFoundError(errno.ENOENT, "no database file", str(source))
    for attempt in range(TRIES):
        snap = _new_snapshot(source)
        try:
            if _copy_consistent(source, snap):
                return snap
        except FileNotFoundError:
            pass  # a WAL moved or went away while it was copied: a checkpoint ended; take it again
        except BaseException:
            snap.remove()
            raise
        snap.remove()
        time.sleep(0.02 * (attempt + 1))
    raise SnapshotError(f"{source} changed during every one of {TRIES} copies; try again")


def check_batches(con: duckdb.DuckDBPyConnection) -> None:
    """The check a reader's copy must pass: the batch log reads (its blocks' checksums hold)."""
    con.execute("select count(*) from batches").fetchall()


def open_copy(
    source: str | Path,
    config: dict[str, Any] | None = None,
    read_only: bool = True,
    check: Callable[[duckdb.DuckDBPyConnection], None] = check_batches,
) -> tuple[duckdb.DuckDBPyConnection, Snapshot]:
    """Take a copy and open it. A copy caught mid-checkpoint fails DuckDB's checksums (or the check)
    and is taken again. The copy is removed at exit (or on SIGTERM / SIGINT); call snapshot.remove()
    once done with the connection to remove it sooner. Not when the connection object is collected: its
    cursors outlive it. A read-only copy is never written to."""
    last: Exception | None = None
    for _ in range(TRIES):
        snap = take(source)
        try:
            con = duckdb.connect(str(snap.path), read_only=read_only, config=config or {})
        except duckdb.Error as error:
            last = error
            snap.remove()
            continue
        try:
            check(con)
        except duckdb.Error as error:
            last = error
            con.close()
            snap.remove()
            continue
        _private(snap.folder)  # files DuckDB made in the folder (a replayed WAL, temp files)
        return con, snap
    assert last is not None
    raise last


def clean_stale(root: Path | None = None) -> list[Path]:
    """Remove copies left by processes that are gone (killed before they could clean up). Returns them."""
    root = root or snapshot_root()
    removed: list[Path] = []
    try:
        candidates = [p for p in root.iterdir() if p.name.startswith(PREFIX)]
    except OSError:
        return removed
    uid = os.getuid()
    for folder in candidates:
        try:
            info = folder.lstat()
        except OSError:
            continue
        if not folder.is_dir() or folder.is_symlink() or info.st_uid != uid or folder in _live:
            continue
        owner = _read_owner(folder / OWNER_FILE)
        if owner is None:
            stale = time.time() - info.st_mtime > ORPHAN_AGE_S
        else:
            stale = not _alive(*owner)
        if stale:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def remove_all() -> None:
    """Remove every copy this process still holds (at exit, and on SIGTERM / SIGINT)."""
    with _lock:
        snaps, files = list(_live.values()), list(_files)
        _files.clear()
    for snap in snaps:
        snap.remove()
    for path in files:
        path.unlink(missing_ok=True)


def remove_at_exit(path: Path, keep: bool = False) -> None:
    """Remove a private file with the copies (at exit or on SIGTERM / SIGINT); keep=True forgets it again."""
    _start()
    with _lock:
        (_files.discard if keep else _files.add)(path)


def _start() -> None:
    """Once per process: clean what killed processes left, remove our copies at exit and on signals."""
    global _started
    with _lock:
        if _started:
            return
        _started = True
    clean_stale()
    atexit.register(remove_all)
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            previous = signal.getsignal(signum)
            # Only where nobody chose a handler: a server or a worker pool keeps its own.
            if previous in (signal.SIG_DFL, signal.default_int_handler):
                _previous[signum] = previous
                signal.signal(signum, _on_signal)


def _on_signal(signum: int, frame: FrameType | None) -> None:
    remove_all()
    previous = _previous.get(signum, signal.SIG_DFL)
    if callable(previous):
        previous(signum, frame)  # Ctrl-C still raises KeyboardInterrupt
        return
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)  # end as the signal would have, now that the copies are gone


def _new_snapshot(source: Path) -> Snapshot:
    folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=snapshot_root()))  # mode 0700
    snap = Snapshot(folder=folder, path=folder / source.name, source=source)
    with _lock:
        _live[folder] = snap
    _write_private(folder / OWNER_FILE, f"{os.getpid()} {_start_time(os.getpid())}\n".encode())
    return snap


def _copy_consistent(source: Path, snap: Snapshot) -> bool:
    """Copy the WALs, then the database file, in passes until a pass during which no checkpoint ended.

    Each pass reads the database's headers, copies the WALs afresh, reads the whole database file (the
    first pass copies it, later ones copy only the pieces that changed) and reads the headers again.
    DuckDB never overwrites a block the current header refers to before a checkpoint writes a new header,
    and writes the blocks a commit refers to (large inserts' row groups) before the commit reaches the
    WAL. So when the headers held still through a pass, the copy is what a crash at the moment the WALs
    were copied would have left: opening it replays only the transactions the WAL copy holds whole.
    File times alone would not do: they tick every few milliseconds on Linux."""
    digests: list[bytes] = []
    for n in range(PASSES):
        before, header = _state(source), _read_header(source)
        try:
            for suffix in COMPANIONS:
                target = Path(f"{snap.path}{suffix}")
                target.unlink(missing_ok=True)
                if before[suffix] is not None:
                    _copy_file(Path(f"{source}{suffix}"), target)
            if not digests:
                digests = _copy_file(source, snap.path)
            else:
                _patch(source, snap.path, digests)
        except FileNotFoundError:
            held = False  # a WAL moved or went away while it was copied: a checkpoint ended
        else:
            after = _state(source)
            held = header == _read_header(source) == _read_header(snap.path) and _wals_held(before, after)
        if held:
            snap.files.extend(Path(f"{snap.path}{suffix}") for suffix in ("", *COMPANIONS) if before[suffix] is not None)
            return True
        time.sleep(min(0.005 * 2**n, 0.2))
    return False


def _patch(source: Path, copy: Path, digests: list[bytes]) -> None:
    """Read the source again and copy into `copy` the chunks that differ from what was copied before."""
    with open(source, "rb") as src, open(copy, "r+b") as dst:
        index = 0
        while chunk := src.read(CHUNK):
            digest = _digest(chunk)
            if index >= len(digests) or digests[index] != digest:
                dst.seek(index * CHUNK)
                dst.write(chunk)
                digests[index : index + 1] = [digest]
            index += 1
        if index < len(digests):
            del digests[index:]
            dst.truncate(src.tell())


def _wals_held(before: dict[str, tuple[int, int, int] | None], after: dict[str, tuple[int, int, int] | None]) -> bool:
    """The WALs copied in this pass are still the same files: the main WAL may only have grown; while a
    checkpoint runs (a checkpoint WAL exists), later commits go to the checkpoint WAL and the main one
    holds still."""
    main_before, main_after = before[".wal"], after[".wal"]
    if (main_before is None) != (main_after is None):
        return False
    if main_before is not None and main_after is not None and not _grew_in_place(main_before, main_after):
        return False
    side_before, side_after = before[".checkpoint.wal"], after[".checkpoint.wal"]
    if side_before is not None:
        if side_after is None or not _grew_in_place(side_before, side_after) or main_after != main_before:
            return False
    return True


def _grew_in_place(before: tuple[int, int, int], after: tuple[int, int, int]) -> bool:
    return after[0] == before[0] and after[1] >= before[1]


def _state(source: Path) -> dict[str, tuple[int, int, int] | None]:
    """(inode, size, mtime) of the database file and each WAL, None for a file that is not there."""
    result: dict[str, tuple[int, int, int] | None] = {}
    for suffix in ("", *COMPANIONS):
        try:
            st = os.stat(f"{source}{suffix}")
        except FileNotFoundError:
            result[suffix] = None
        else:
            result[suffix] = (st.st_ino, st.st_size, st.st_mtime_ns)
    return result


def _copy_file(source: Path, target: Path) -> list[bytes]:
    """Copy a file into a new file of mode 0600; returns a digest of every chunk read."""
    digests: list[bytes] = []
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with open(source, "rb") as src, os.fdopen(fd, "wb") as dst:
        while chunk := src.read(CHUNK):
            dst.write(chunk)
            digests.append(_digest(chunk))
    return digests


def _read_header(path: Path) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(HEADER_BYTES)


def _digest(chunk: bytes) -> bytes:
    return hashlib.blake2b(chunk, digest_size=16).digest()


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)


def _private(folder: Path) -> None:
    for path in folder.rglob("*"):
        try:
            os.chmod(path, 0o700 if path.is_dir() else 0o600)
        except OSError:
            pass


def _start_time(pid: int) -> str:
    """The process's start time in clock ticks since boot (/proc), so a reused pid is not taken for it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return "-"
    return stat.rsplit(")", 1)[1].split()[19]


def _read_owner(path: Path) -> tuple[int, str] | None:
    try:
        pid, started = path.read_text().split()
        return int(pid), started
    except (OSError, ValueError):
        return None


def _alive(pid: int, started: str) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return started == "-" or _start_time(pid) in (started, "-")
