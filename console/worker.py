"""One console query in a process of its own, on a read-only snapshot, under memory, CPU and wall-clock limits.

The caller (the console page in the server, or `python -m metrics query`) never runs the query: DuckDB builds
some values in one piece before any interrupt can land (a nested repeat took the server from 312 MB to 3.6 GB),
so only a process that may die can be trusted with them. `python -m console.worker` is that process: it reads
one request on stdin, opens the database read-only (a snapshot while the app holds the file), checks the query
with the guard, sets its own limits (address space, CPU time) and answers on stdout, one pickled frame per
message. The caller kills it on its wall-clock limit and reads at most MAX_RESULT_BYTES back.
"""

from __future__ import annotations

import atexit
import io
import math
import os
import pickle
import resource
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import duckdb

from console.guard import (
    BE_OFFSET,
    MAX_SQL_CHARS,
    QueryRefused,
    be_year_filters,
    check,
    connect_read_only,
    duckdb_serializer,
    ensure_open,
    first_line,
    guard_settings,
    side_effect_functions,
)
from console.messages import wording

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_TIMEOUT_S = 10.0
DEFAULT_MAX_ROWS = 5000
# Address space a worker may take beyond what it holds once its database is open (RLIMIT_AS); DuckDB's own
# memory_limit is half of it, so that its buffer manager refuses (or spills) before the hard limit is reached.
DEFAULT_MEMORY_BYTES = 1 << 30
MAX_RESULT_BYTES = 32 << 20  # a pickled answer: a page shows a few thousand short rows, not gigabytes
OPEN_TIMEOUT_S = 120.0  # taking and opening a snapshot of a national-scale file; the query's own limit starts after
# Console queries at once per server process: each worker may hold DEFAULT_MEMORY_BYTES, the machine has 2 cores.
MAX_WORKERS = 2
BUSY_WAIT_S = 5.0  # how long a query waits for a free worker before it is refused as busy
WORKER_THREADS = 1  # one core for an ad-hoc query; the readers' pages keep the other
MAX_TEMP_BYTES = 1 << 30  # what DuckDB may spill to the snapshot's folder

_HEADER = struct.Struct(">Q")


@dataclass(frozen=True)
class QueryResult:
    columns: list[str]
    types: list[str]
    rows: list[tuple[Any, ...]]  # at most max_rows
    truncated: bool  # the query had more rows than max_rows
    elapsed_s: float
    # Notes on the answer, each a console rule and its fields (console.messages words them): query_years_be when
    # a query that compares a CE year with a BE-looking one (2566) found nothing.
    notes: tuple[tuple[str, dict[str, Any]], ...] = ()

    def note_texts(self, lang: str) -> list[str]:
        return [wording(rule, lang, **fields) for rule, fields in self.notes]


# ---- the caller's side -------------------------------------------------------------------------------------

_slots = threading.BoundedSemaphore(MAX_WORKERS)
_spare_lock = threading.Lock()
_spare: subprocess.Popen[bytes] | None = None


def run_query(
    db: str | Path,
    sql: str,
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    max_rows: int = DEFAULT_MAX_ROWS,
    memory_bytes: int = DEFAULT_MEMORY_BYTES,
    spare: bool = True,
) -> QueryResult:
    """Run one console query on the database file db in a worker process and return its result; every
    refusal, limit or failure raises QueryRefused. spare: keep a started worker ready for the next query
    (the server), or not (a command line that asks once)."""
    if timeout_s <= 0 or max_rows < 0 or memory_bytes <= 0:
        raise ValueError("timeout_s and memory_bytes must be positive and max_rows at least 0")
    if len(sql) > MAX_SQL_CHARS:
        raise QueryRefused("query_too_long", limit=MAX_SQL_CHARS, value=len(sql))
    if not _slots.acquire(timeout=BUSY_WAIT_S):
        raise QueryRefused("query_busy", limit=MAX_WORKERS)
    try:
        worker = _take(spare)
        try:
            request = {"db": str(db), "sql": sql, "timeout_s": timeout_s, "max_rows": max_rows, "memory_bytes": memory_bytes}
            return _ask(worker, request)
        finally:
            _end(worker)
    finally:
        _slots.release()


def start_worker() -> subprocess.Popen[bytes]:
    """A new worker process; it imports DuckDB and waits for its one request. -E -s: no PYTHON* variables or
    user site-packages change what it runs."""
    return subprocess.Popen(
        [sys.executable, "-E", "-s", "-m", "console.worker"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        close_fds=True,
    )


def _take(spare: bool) -> subprocess.Popen[bytes]:
    """The spare worker if one is ready, else a new one; the next spare starts now, while this query runs."""
    global _spare
    with _spare_lock:
        worker, _spare = _spare, None
        if worker is not None and worker.poll() is not None:
            worker = None
        if spare:
            _spare = start_worker()
    return worker or start_worker()


def _end(worker: subprocess.Popen[bytes]) -> None:
    if worker.poll() is None:
        worker.kill()
    worker.wait()
    for pipe in (worker.stdin, worker.stdout):
        if pipe is not None:
            pipe.close()


@atexit.register
def _stop_spare() -> None:
    with _spare_lock:
        if _spare is not None:
            _end(_spare)


def _ask(worker: subprocess.Popen[bytes], request: dict[str, Any]) -> QueryResult:
    assert worker.stdin is not None and worker.stdout is not None
    try:
        _write_frame(worker.stdin, pickle.dumps(request))
        worker.stdin.close()
    except BrokenPipeError:
        pass  # it died before reading: reported below from its exit status
    reader = _FrameReader(worker.stdout.fileno())
    limit_gib = f"{request['memory_bytes'] / (1 << 30):g}"
    try:
        return _answer(worker, reader, request, limit_gib)
    except QueryRefused:
        raise
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError) as exc:  # an answer that is not one
        raise QueryRefused("query_worker_failed", detail=first_line(exc), limit=limit_gib) from None


def _answer(worker: subprocess.Popen[bytes], reader: _FrameReader, request: dict[str, Any], limit_gib: str) -> QueryResult:
    message = reader.read(time.monotonic() + OPEN_TIMEOUT_S)
    if message is _TIMEOUT:
        worker.kill()
        raise QueryRefused("query_cannot_open", detail=f"no copy within {OPEN_TIMEOUT_S:g} s")
    if isinstance(message, tuple) and message[0] == "opened":
        message = reader.read(time.monotonic() + request["timeout_s"])
    if message is _TIMEOUT:
        worker.kill()  # SIGKILL: a value DuckDB builds in one piece cannot be interrupted, only ended
        raise QueryRefused("query_time_limit", limit=f"{request['timeout_s']:g}")
    if message is _TOO_BIG:
        worker.kill()
        raise QueryRefused("query_result_too_big", limit=f"{MAX_RESULT_BYTES >> 20}")
    if not isinstance(message, tuple):  # the worker ended without an answer
        code = worker.wait()
        if code in (-signal.SIGXCPU, -signal.SIGKILL) and reader.opened:
            raise QueryRefused("query_time_limit", limit=f"{request['timeout_s']:g}")  # its CPU-time limit
        raise QueryRefused("query_worker_failed", detail=_exit_text(code), limit=limit_gib)
    kind, body = message
    if kind == "refused":
        rule, fields = body
        raise QueryRefused(rule, **fields)
    if kind == "result":
        return QueryResult(**body)
    raise QueryRefused("query_worker_failed", detail=f"unexpected answer {kind!r}", limit=limit_gib)


def _exit_text(code: int) -> str:
    if code < 0:
        try:
            return f"signal {signal.Signals(-code).name}"
        except ValueError:
            return f"signal {-code}"
    return f"exit {code}"


_TIMEOUT, _TOO_BIG, _EOF = object(), object(), object()


class _FrameReader:
    """Frames from the worker's stdout, each read with a deadline and at most MAX_RESULT_BYTES long."""

    def __init__(self, fd: int):
        self.fd, self.opened = fd, False

    def read(self, deadline: float) -> object:
        header = self._exactly(_HEADER.size, deadline)
        if not isinstance(header, bytes):
            return header
        (length,) = _HEADER.unpack(header)
        if length > MAX_RESULT_BYTES + (1 << 20):
            return _TOO_BIG
        body = self._exactly(length, deadline)
        if not isinstance(body, bytes):
            return body
        message = _SafeUnpickler(io.BytesIO(body)).load()
        if isinstance(message, tuple) and message[:1] == ("opened",):
            self.opened = True
        return message

    def _exactly(self, size: int, deadline: float) -> object:
        chunks: list[bytes] = []
        remaining = size
        while remaining:
            wait = deadline - time.monotonic()
            if wait <= 0 or not select.select([self.fd], [], [], wait)[0]:
                return _TIMEOUT
            chunk = os.read(self.fd, min(remaining, 1 << 20))
            if not chunk:
                return _EOF
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)


# What an answer may hold: DuckDB's Python values and nothing that could run code when unpickled.
_ALLOWED_GLOBALS = {
    ("builtins", "set"), ("builtins", "frozenset"), ("builtins", "bytearray"), ("builtins", "complex"),
    ("datetime", "date"), ("datetime", "time"), ("datetime", "datetime"), ("datetime", "timedelta"),
    ("datetime", "timezone"), ("decimal", "Decimal"), ("uuid", "UUID"), ("uuid", "SafeUUID"),
}  # fmt: skip


class _SafeUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED_GLOBALS:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not a value a query returns")


def _write_frame(stream: IO[bytes], payload: bytes) -> None:
    stream.write(_HEADER.pack(len(payload)) + payload)
    stream.flush()


# ---- the worker's side -------------------------------------------------------------------------------------


def _read_frame(stream: IO[bytes]) -> Any:
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None  # the caller went away before asking
    return pickle.loads(stream.read(_HEADER.unpack(header)[0]))


def _virtual_bytes() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    raise OSError("no VmSize in /proc/self/status")


def set_limits(timeout_s: float, memory_bytes: int) -> None:
    """The worker's hard limits, set once its database is open: address space grows by at most memory_bytes
    (DuckDB then fails an allocation with an out-of-memory error, or the process dies; the caller survives
    either way), and CPU time ends at the wall-clock limit plus a second (SIGXCPU, then SIGKILL a second later)
    should the caller not be there to kill it. No core file of the data it held, should it die."""
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    address_space = _virtual_bytes() + memory_bytes
    resource.setrlimit(resource.RLIMIT_AS, (address_space, address_space))
    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu = math.ceil(used.ru_utime + used.ru_stime + timeout_s) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))


def _text_bytes(rows: list[tuple[Any, ...]]) -> int:
    return sum(len(value) for row in rows for value in row if isinstance(value, (str, bytes, bytearray, list, dict)))


def _refusal_for(exc: duckdb.Error, memory_bytes: int) -> QueryRefused:
    if isinstance(exc, duckdb.OutOfMemoryException):
        return QueryRefused("query_memory_limit", limit=f"{memory_bytes / (1 << 30):g}")
    if isinstance(exc, duckdb.PermissionException):
        return QueryRefused("query_no_external_access", value=first_line(exc))
    if isinstance(exc, duckdb.TransactionException):
        return QueryRefused("query_would_write", detail=first_line(exc))
    return QueryRefused("query_failed", detail=first_line(exc))


def execute(con: duckdb.DuckDBPyConnection, sql: str, max_rows: int, memory_bytes: int) -> dict[str, Any]:
    """Check and run one query on the worker's own hardened connection, in a read-only transaction, keeping at
    most max_rows rows and MAX_RESULT_BYTES of text."""
    with con.cursor() as cur:
        external, locked = guard_settings(cur)
        if external or not locked:
            raise QueryRefused("console_unguarded")
        query = check(cur, sql)
        # Read-only: even a function that slipped past the check cannot write (nextval, setval are refused here).
        cur.execute("begin transaction read only")
        started = time.perf_counter()
        try:
            cur.execute(query)
            description = cur.description or []
            zoned = [str(d[0]) for d in description if "WITH TIME ZONE" in str(d[1]).upper()]
            if zoned:
                # Python needs pytz to build zone-aware datetimes and this project does not install it.
                raise QueryRefused("query_time_zone", column=zoned[0])
            rows: list[tuple[Any, ...]] = []
            while len(rows) <= max_rows:  # in chunks, so that a result of huge values stops at the byte limit
                chunk = cur.fetchmany(min(500, max_rows + 1 - len(rows)))
                if not chunk:
                    break
                rows.extend(chunk)
                if _text_bytes(rows) > MAX_RESULT_BYTES:
                    raise QueryRefused("query_result_too_big", limit=f"{MAX_RESULT_BYTES >> 20}")
            elapsed = time.perf_counter() - started
        except duckdb.Error as exc:
            raise _refusal_for(exc, memory_bytes) from None
        except MemoryError:
            raise QueryRefused("query_memory_limit", limit=f"{memory_bytes / (1 << 30):g}") from None
        notes = years_note(cur, query) if not rows else ()
    return {
        "columns": [str(d[0]) for d in description],
        "types": [str(d[1]) for d in description],
        "rows": [tuple(r) for r in rows[:max_rows]],
        "truncated": len(rows) > max_rows,
        "elapsed_s": elapsed,
        "notes": notes,
    }


def years_note(cur: duckdb.DuckDBPyConnection, query: str) -> tuple[tuple[str, dict[str, Any]], ...]:
    """query_years_be for a query that found nothing while comparing a CE year with a BE-looking one, read from
    DuckDB's parse tree of the query (as the guard reads it); empty otherwise."""
    try:
        years = be_year_filters(duckdb_serializer(cur)(query))
    except duckdb.Error:  # the guard parsed this query already; a note is never worth failing the answer
        return ()
    if not years:
        return ()
    return (("query_years_be", {"value": years[0], "limit": years[0] - BE_OFFSET}),)


def serve(stdin: IO[bytes], stdout: IO[bytes]) -> None:
    """Answer one request: ("opened", None) once the database is open, then ("result", …) or ("refused", …).
    The parse-tree self-test and DuckDB's function list are done before the request comes, so that a spare
    worker has them ready."""
    try:
        ensure_open()
        side_effect_functions()
        closed: QueryRefused | None = None
    except QueryRefused as refusal:
        closed = refusal
    request = _read_frame(stdin)
    if request is None:
        return
    memory_bytes = int(request["memory_bytes"])
    try:
        if closed is not None:
            raise closed
        settings = {
            "threads": WORKER_THREADS,
            "memory_limit": f"{memory_bytes // 2 >> 20}MiB",
            "max_temp_directory_size": f"{MAX_TEMP_BYTES >> 20}MiB",
        }
        con = connect_read_only(request["db"], settings)
    except QueryRefused as refusal:
        _write_frame(stdout, pickle.dumps(("refused", (refusal.rule, refusal.fields))))
        return
    except (duckdb.Error, OSError, RuntimeError) as exc:
        _write_frame(stdout, pickle.dumps(("refused", ("query_cannot_open", {"detail": first_line(exc)}))))
        return
    _write_frame(stdout, pickle.dumps(("opened", None)))
    set_limits(float(request["timeout_s"]), memory_bytes)
    try:
        answer: tuple[str, Any] = ("result", execute(con, request["sql"], int(request["max_rows"]), memory_bytes))
        frame = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        if len(frame) > MAX_RESULT_BYTES:
            raise QueryRefused("query_result_too_big", limit=f"{MAX_RESULT_BYTES >> 20}")
    except QueryRefused as refusal:
        frame = pickle.dumps(("refused", (refusal.rule, refusal.fields)))
    except MemoryError:
        frame = pickle.dumps(("refused", ("query_memory_limit", {"limit": f"{memory_bytes / (1 << 30):g}"})))
    _write_frame(stdout, frame)
    con.close()


def main() -> None:
    # The channel is the process's real stdout; anything a library prints goes to stderr instead.
    channel = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    serve(sys.stdin.buffer, channel)
    channel.close()


if __name__ == "__main__":
    main()
