"""Every place the app reaches past Streamlit's public API, in one module, each checked when the server starts.

An upgrade of Streamlit can move any of these without notice; each touch point below is checked by `problems()`
(before st.App is built) and `check_runtime()` (once its runtime exists). A changed touch point a security feature
relies on stops the server with a message naming it; one that only saves memory or that fails closed by itself is
switched off with a logged warning. What to run and read when upgrading: docs/upgrading.md.

1. runtime.memory_session_storage.MemorySessionStorage, replaced by ClosingSessionStorage before st.App builds its
   runtime (App._create_runtime imports the name at that moment), with TTLCache's expire / _evict_lru: closed
   tabs give their memory back. Changed: Streamlit's own storage and a warning (memory, not access).
2. runtime.memory_uploaded_file_manager.MemoryUploadedFileManager (file_storage, _lock, get_upload_urls, add_file,
   remove_file, remove_session_files), replaced by GuardedUploadManager: the upload route takes only file ids
   issued to the session, within a byte budget. Changed: the server does not start.
3. The upload route `/_stcore/upload_file/{session_id}/{file_id}` (UploadGate reads both from the path).
   Changed: the server does not start.
4. MediaFileManager's _files_by_session_and_coord, _deferred_ids_by_session and _lock: which sessions hold a
   /media file (MediaGate). Changed: MediaGate answers only signed-in requests (fail closed) and a warning.
5. AppSession.handle_backmsg and BackMsg's clear_cache / set_run_on_save / load_git_info: dropped unless an admin's
   session sends them. Changed: the server does not start.
6. Runtime.get_client(session_id): the connection running a session (a sign-in bound to its connection).
   Changed: the server does not start.
7. scriptrunner.get_script_run_ctx().session_id: the Streamlit session of a script run. Changed: does not start.
8. The route `/_stcore/metrics` (sessions and caches), closed by SecurityHeaders. Changed: does not start.
9. runtime.exists() / get_instance(), and AppTest's runtime being a mock rather than a Runtime.
11. backend_operation_handler.DeferredFileHandler.handle and MediaFileManager._deferred_callables (each entry's
    session_id): a deferred download (the pack, exports, a backup) runs only for the session that drew its button,
    and the /media file it makes is gated to that session's sign-in (MediaGate). Streamlit runs any session's
    deferred callable for whoever names its id, and maps the file it makes to no session. Changed: deferred files
    answer anyone holding their link, as before, and a warning.
10. Not an internal but checked with them: server.enableAgentApi stays off (its HTTP sessions pass neither the
    WebSocket-origin check nor the cookie binding). On: the server does not start.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import inspect
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from typing import Any, NamedTuple

import streamlit.runtime.memory_session_storage as session_storage_module
import streamlit.runtime.memory_uploaded_file_manager as upload_manager_module
from streamlit import runtime
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.runtime.app_session import AppSession
from streamlit.runtime.caching.ttl_cache import TTLCache, TTLCacheEvictionReason
from streamlit.runtime.memory_session_storage import MemorySessionStorage
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.scriptrunner import get_script_run_ctx
from streamlit.runtime.session_manager import SessionInfo
from streamlit.runtime.uploaded_file_manager import UploadedFileRec, UploadFileUrlInfo

LOG = logging.getLogger("eit")

UPLOAD_ROUTE = "_stcore/upload_file/{session_id}/{file_id}"  # touch point 3
METRICS_ROUTE = "_stcore/metrics"  # touch point 8
MEDIA_ROUTE = "media"
UPLOAD_BYTES_PER_SESSION = 200 * 2**20  # uploaded files one Streamlit session may hold (a real file is a few MB)
UPLOAD_BYTES_TOTAL = 600 * 2**20  # uploaded files every session together may hold
ISSUED_KEPT = 64  # file ids issued to a session and not yet used, newest kept
# Client messages that act beyond the sender's own tab: clear every cache (and the database connection) for
# everyone, change the run-on-save setting, run git on the server. Only an admin's session may send them.
ADMIN_MESSAGES = frozenset({"clear_cache", "set_run_on_save", "load_git_info"})


class Problem(NamedTuple):
    touch_point: str
    changed: str
    fatal: bool  # True: a security feature relies on it, the server must not start


# -- 9: the runtime ---------------------------------------------------------------------------------------------


def real_runtime() -> Any | None:
    """The running server's Streamlit runtime; None under AppTest (its runtime is a mock) or before start."""
    if not runtime.exists() or type(runtime.get_instance()) is not runtime.Runtime:
        return None
    return runtime.get_instance()


# -- 6, 7: sessions and connections -----------------------------------------------------------------------------


def script_session_id() -> str | None:
    """The Streamlit session id of the script run on this thread (None outside a run)."""
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else None


def connection(session_id: str) -> object | None:
    """The WebSocket connection that runs this Streamlit session now (None under AppTest, which has none).
    A session id named by another connection (a reconnect) is a different connection."""
    found = real_runtime()
    return found.get_client(session_id) if found is not None else None


# -- 4: media files ----------------------------------------------------------------------------------------------


def media_owners(file_id: str) -> set[str] | None:
    """The Streamlit sessions holding a media file now; None when Streamlit's media manager no longer looks as
    this code expects (MediaGate then serves only signed-in requests: fail closed)."""
    found = real_runtime()
    if found is None:
        return None
    manager = found.media_file_mgr
    by_session = getattr(manager, "_files_by_session_and_coord", None)
    deferred = getattr(manager, "_deferred_ids_by_session", None)
    lock = getattr(manager, "_lock", None)
    if not isinstance(by_session, dict) or not isinstance(deferred, dict) or lock is None:
        return None
    with lock:
        owners = {sid for sid, files in by_session.items() if file_id in files.values()}
        return owners | {sid for sid, ids in deferred.items() if file_id in ids}


# -- 2: uploaded files ---------------------------------------------------------------------------------------------


class GuardedUploadManager(MemoryUploadedFileManager):
    """Streamlit's store of uploaded files, which remembers the file ids it issued to each session (through the
    file uploader's own request for upload URLs) and what each session holds. UploadGate admits a PUT only for an
    id issued to that session and not yet used, and only within the byte budgets (admit); add_file, the second
    layer, stores only a file admitted so. Streamlit itself takes any id and any number of files (20 x 45 MB PUTs
    to one session grew the server from 297 MB to 1.2 GB)."""

    def __init__(self, upload_endpoint: str) -> None:
        super().__init__(upload_endpoint)
        self._issued: dict[str, OrderedDict[str, None]] = {}
        self._admitted: dict[str, dict[str, int]] = {}  # session -> file id -> bytes reserved for its PUT

    def get_upload_urls(self, session_id: str, file_names: Sequence[str]) -> list[UploadFileUrlInfo]:
        infos = super().get_upload_urls(session_id, file_names)
        with self._lock:
            ids = self._issued.setdefault(session_id, OrderedDict())
            for info in infos:
                ids[info.file_id] = None
            while len(ids) > ISSUED_KEPT:
                ids.popitem(last=False)
        return infos

    def _held(self, session_id: str | None = None) -> int:
        """Bytes stored and reserved, for one session or (None) for all. Callers hold self._lock."""
        sessions = [session_id] if session_id is not None else list({*self.file_storage, *self._admitted})
        stored = sum(len(f.data) for sid in sessions for f in self.file_storage.get(sid, {}).values())
        return stored + sum(n for sid in sessions for n in self._admitted.get(sid, {}).values())

    def held_bytes(self, session_id: str) -> int:
        """How many bytes of uploaded files the session holds on the server (stored and on their way)."""
        with self._lock:
            return self._held(session_id)

    def admit(self, session_id: str, file_id: str, size: int) -> str | None:
        """Take one PUT of `size` bytes (at most) for this file id: None when admitted (the id is used up and
        the bytes reserved), otherwise why not ("not issued" or "too much")."""
        with self._lock:
            ids = self._issued.get(session_id)
            if ids is None or file_id not in ids:
                return "not issued"
            if self._held(session_id) + size > UPLOAD_BYTES_PER_SESSION or self._held() + size > UPLOAD_BYTES_TOTAL:
                return "too much"
            del ids[file_id]
            self._admitted.setdefault(session_id, {})[file_id] = size
            return None

    def release(self, session_id: str, file_id: str) -> None:
        """The PUT is over: its reservation goes (the file, if stored, now counts by its own size)."""
        with self._lock:
            admitted = self._admitted.get(session_id, {})
            admitted.pop(file_id, None)
            if not admitted:
                self._admitted.pop(session_id, None)

    def add_file(self, session_id: str, file: UploadedFileRec) -> None:
        with self._lock:
            size = self._admitted.get(session_id, {}).get(file.file_id)
        if size is None or len(file.data) > size:
            LOG.warning("an upload that the gate did not admit was not stored")
            return
        super().add_file(session_id, file)

    def remove_session_files(self, session_id: str) -> None:
        super().remove_session_files(session_id)
        with self._lock:
            self._issued.pop(session_id, None)
            self._admitted.pop(session_id, None)  # a PUT under way for an ended session stores nothing


def upload_manager() -> GuardedUploadManager | None:
    """The running server's upload store, if it is ours (check_runtime refuses to start otherwise)."""
    found = real_runtime()
    manager = found.uploaded_file_mgr if found is not None else None
    return manager if isinstance(manager, GuardedUploadManager) else None


def uploaded_bytes(session_id: str) -> int:
    """How many bytes of uploaded files the session holds on the server."""
    manager = upload_manager()
    return manager.held_bytes(session_id) if manager is not None else 0


# -- 1: closed tabs' sessions ----------------------------------------------------------------------------------------


class _ShuttingDownCache(TTLCache[str, SessionInfo]):
    """Streamlit's TTL cache of stored sessions, shutting down every session it lets go of by itself."""

    def expire(self, at_time: float | None = None) -> list[tuple[str, SessionInfo]]:
        removed = super().expire(at_time)
        for _, info in removed:
            info.session.shutdown()
        return removed

    def _evict_lru(self, reason: TTLCacheEvictionReason) -> SessionInfo:
        info = super()._evict_lru(reason)
        info.session.shutdown()
        return info


UPLOAD_RECONNECT_SECONDS = 15
UPLOADS_KEPT_BYTES = 200 * 2**20  # closed upload pages waiting for a reconnect hold at most this much file data
_storage_built: list[bool] = []


class ClosingSessionStorage(MemorySessionStorage):
    """Where Streamlit keeps a closed tab's session for a reconnect (server.disconnectedSessionTTL, 120 s), with
    what it lacks. Streamlit drops an expired session without shutting it down (streamlit#12506), so the
    session's uploaded files and state were never freed: 150 s after eleven hostile files had each been chosen
    on a fresh upload page, the server still held 1.3 GB (bench.hostile_uploads --page-only).
    - A session that expires, or is evicted for room, is shut down: its files and state are freed.
    - A session holding an uploaded file is kept UPLOAD_RECONNECT_SECONDS (15 s) rather than 120: long enough
      for a dropped connection to come back to its file and check (a reconnect takes a second or two), short
      enough that closed upload pages do not pile up files of up to 50 MB. A timer on the server's event loop
      shuts it down when the time is up, without waiting for the next tab to close; and together they hold at
      most UPLOADS_KEPT_BYTES (200 MiB) of files: beyond, the longest closed is shut down first.
    Streamlit calls the store from its event loop and, on a sign-out, from a script thread: one lock.
    install() puts it in place of Streamlit's MemorySessionStorage."""

    def __init__(self, maxsize: int = 128, ttl_seconds: int = 2 * 60) -> None:
        super().__init__(maxsize=maxsize, ttl_seconds=ttl_seconds)
        self._kept = _ShuttingDownCache(maxsize=maxsize, ttl=ttl_seconds)  # every method below is ours
        self._uploading = _ShuttingDownCache(
            maxsize=maxsize,
            ttl=min(ttl_seconds, UPLOAD_RECONNECT_SECONDS),
            max_total_size=UPLOADS_KEPT_BYTES,
            getsizeof=lambda info: uploaded_bytes(info.session.id),
        )
        self._lock = threading.Lock()
        _storage_built.append(True)

    def get(self, session_id: str) -> SessionInfo | None:
        with self._lock:
            return self._uploading.get(session_id) or self._kept.get(session_id)

    def save(self, session_info: SessionInfo) -> None:
        with self._lock:
            if uploaded_bytes(session_info.session.id):
                self._uploading[session_info.session.id] = session_info
                self._sweep_later()
            else:
                self._kept[session_info.session.id] = session_info

    def delete(self, session_id: str) -> None:
        with self._lock:
            self._uploading.pop(session_id, None)  # Streamlit may delete an id the store has already let go of
            self._kept.pop(session_id, None)

    def list(self) -> list[SessionInfo]:  # type: ignore[override]
        with self._lock:
            return [*self._uploading.values(), *self._kept.values()]

    def sweep(self) -> None:
        """Shut down the stored sessions whose time is up (the caches otherwise reap them on the next save)."""
        with self._lock:
            self._uploading.expire()
            self._kept.expire()

    def _sweep_later(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # not on the event loop: reaped at the next save instead
            return
        loop.call_later(self._uploading.ttl + 1, self.sweep)


# -- 5: client messages ----------------------------------------------------------------------------------------------

_dropped = {"count": 0, "logged": 0.0}


def filter_back_messages(
    original: Callable[[AppSession, BackMsg], None], may_send: Callable[[str], bool]
) -> Callable[[AppSession, BackMsg], None]:
    """AppSession.handle_backmsg that drops ADMIN_MESSAGES unless may_send(session id) (an admin's session).
    A dropped message is counted; the log says so at most once a minute (a loop of them cannot fill it)."""

    @functools.wraps(original)
    def handle_backmsg(self: AppSession, msg: BackMsg) -> None:
        kind = msg.WhichOneof("type")
        if kind in ADMIN_MESSAGES and not may_send(self.id):
            _dropped["count"] += 1
            if time.monotonic() - _dropped["logged"] > 60:
                _dropped["logged"] = time.monotonic()
                LOG.warning("dropped a %s message from a session that is not an admin's (%d so far)", kind, _dropped["count"])
            return
        original(self, msg)

    handle_backmsg.eit_filtered = True  # type: ignore[attr-defined]
    return handle_backmsg


# -- 11: deferred downloads ------------------------------------------------------------------------------------------


def bind_deferred_downloads(original: Callable[..., Any], made: Callable[[str, str], None]) -> Callable[..., Any]:
    """DeferredFileHandler.handle that runs a deferred download only for the session that registered it, then
    tells made(session id, file id) which /media file the download made."""
    from streamlit.runtime.backend_operation_handler import BackendOperationResponse

    @functools.wraps(original)
    async def handle(self: Any, request: Any, session_id: str) -> Any:
        manager = self._get_media_file_mgr()
        with manager._lock:
            entry = manager._deferred_callables.get(request.deferred_file.file_id)
        if entry is None or entry.get("session_id") != session_id:
            LOG.warning("refused a deferred download a session asked for that is not its own")
            return BackendOperationResponse(request_id=request.request_id, error_msg="Failed to generate file for download")
        response = await original(self, request, session_id)
        if response.HasField("deferred_file") and response.deferred_file.url:
            made(session_id, response.deferred_file.url.rsplit("/", 1)[-1].split(".", 1)[0])
        return response

    handle.eit_bound = True  # type: ignore[attr-defined]
    return handle


# -- the checks -------------------------------------------------------------------------------------------------------


def _source(obj: object) -> str:
    try:
        return inspect.getsource(obj)  # type: ignore[arg-type]
    except (OSError, TypeError):
        return ""


def problems() -> list[Problem]:
    """What changed in Streamlit since this module was written (empty: everything as expected)."""
    from streamlit.runtime.media_file_manager import MediaFileManager
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
    from streamlit.runtime.runtime import Runtime
    from streamlit.runtime.scriptrunner_utils.script_run_context import ScriptRunContext
    from streamlit.web.server.starlette import starlette_routes
    from streamlit.web.server.starlette.starlette_app import App

    found: list[Problem] = []
    builds = _source(App._create_runtime)
    # 1
    storage = getattr(session_storage_module, "MemorySessionStorage", None)
    if not (
        inspect.isclass(storage) and "memory_session_storage import MemorySessionStorage" in builds and "MemorySessionStorage(" in builds
    ):
        found.append(
            Problem("1 session storage", "App._create_runtime no longer builds memory_session_storage.MemorySessionStorage", False)
        )
    if not all(callable(getattr(TTLCache, name, None)) for name in ("expire", "_evict_lru")):
        found.append(Problem("1 session storage", "TTLCache.expire / _evict_lru are gone", False))
    # 2
    manager_class: Any = getattr(upload_manager_module, "MemoryUploadedFileManager", None)
    if not (inspect.isclass(manager_class) and "memory_uploaded_file_manager import" in builds and "MemoryUploadedFileManager(" in builds):
        found.append(
            Problem("2 upload store", "App._create_runtime no longer builds memory_uploaded_file_manager.MemoryUploadedFileManager", True)
        )
    else:
        factory: Any = manager_class  # a class, by the check above
        probe = factory("/probe")
        methods = ("get_upload_urls", "add_file", "remove_file", "remove_session_files")
        if (
            not isinstance(getattr(probe, "file_storage", None), dict)
            or getattr(probe, "_lock", None) is None
            or not all(callable(getattr(probe, m, None)) for m in methods)
        ):
            found.append(Problem("2 upload store", "MemoryUploadedFileManager's file_storage, _lock or methods changed", True))
        if "get_upload_urls(" not in _source(AppSession._handle_file_urls_request):
            found.append(Problem("2 upload store", "AppSession no longer issues upload URLs through get_upload_urls", True))
    routes = starlette_routes.__dict__
    # 3, 8
    if routes.get("_ROUTE_UPLOAD_FILE") != UPLOAD_ROUTE:
        found.append(Problem("3 upload route", f"the upload route is now {routes.get('_ROUTE_UPLOAD_FILE')!r}", True))
    if routes.get("ROUTE_METRICS") != METRICS_ROUTE:
        found.append(Problem("8 metrics route", f"the metrics route is now {routes.get('ROUTE_METRICS')!r}", True))
    # 4
    media = MediaFileManager(MemoryMediaFileStorage("/" + MEDIA_ROUTE))
    if not (
        isinstance(getattr(media, "_files_by_session_and_coord", None), dict)
        and isinstance(getattr(media, "_deferred_ids_by_session", None), dict)
        and getattr(media, "_lock", None) is not None
        and routes.get("BASE_ROUTE_MEDIA") == MEDIA_ROUTE
    ):
        found.append(Problem("4 media owners", "MediaFileManager's private maps or the media route changed", False))
    # 11
    from streamlit.runtime import backend_operation_handler

    deferred_class = getattr(backend_operation_handler, "DeferredFileHandler", None)
    handle_source = _source(getattr(getattr(deferred_class, "handle", None), "__wrapped__", getattr(deferred_class, "handle", None)))
    if not (
        isinstance(getattr(media, "_deferred_callables", None), dict)
        and "execute_deferred" in handle_source
        and "_get_media_file_mgr" in handle_source
        and "session_id" in _source(MediaFileManager.add_deferred)
    ):
        found.append(Problem("11 deferred downloads", "DeferredFileHandler.handle or MediaFileManager's deferred callables changed", False))
    # 5
    kinds = {f.name for f in BackMsg.DESCRIPTOR.oneofs_by_name["type"].fields} if "type" in BackMsg.DESCRIPTOR.oneofs_by_name else set()
    dispatch = _source(getattr(AppSession.handle_backmsg, "__wrapped__", AppSession.handle_backmsg))
    if not {"clear_cache", "set_run_on_save"} <= kinds or '"clear_cache"' not in dispatch:
        found.append(Problem("5 client messages", "BackMsg's clear_cache / set_run_on_save or AppSession.handle_backmsg changed", True))
    if "session.handle_backmsg(" not in _source(Runtime.handle_backmsg):
        found.append(Problem("5 client messages", "Runtime.handle_backmsg no longer hands messages to AppSession.handle_backmsg", True))
    # 6, 7
    if not callable(getattr(Runtime, "get_client", None)):
        found.append(Problem("6 connections", "Runtime.get_client is gone", True))
    fields = {f.name for f in dataclasses.fields(ScriptRunContext)} if dataclasses.is_dataclass(ScriptRunContext) else set()
    if "session_id" not in fields:
        found.append(Problem("7 script session", "ScriptRunContext has no session_id", True))
    # Streamlit 1.67's agent API drives sessions over HTTP (/_stcore/agent/…), past the WebSocket-origin check and
    # the cookie binding, which were built for browsers: it stays off (its default).
    import streamlit as st

    if st.get_option("server.enableAgentApi"):
        found.append(Problem("10 agent API", "server.enableAgentApi is on; the app's gates cover browsers only", True))
    return found


class InternalsChanged(SystemExit):
    """The server refuses to start: a Streamlit internal a security feature relies on has changed."""


_installed: dict[str, bool] = {}


def install(
    may_send_admin_messages: Callable[[str], bool],
    found: list[Problem] | None = None,
    deferred_made: Callable[[str, str], None] | None = None,
) -> list[Problem]:
    """Check every touch point, then put the app's replacements in place. Raises InternalsChanged when a fatal one
    changed; logs a warning and leaves Streamlit's own behaviour for the others. Returns what changed."""
    found = problems() if found is None else found
    fatal = [p for p in found if p.fatal]
    if fatal:
        lines = "; ".join(f"{p.touch_point}: {p.changed}" for p in fatal)
        raise InternalsChanged(f"Streamlit's internals changed ({lines}). The server does not start; see docs/upgrading.md.")
    for p in found:
        LOG.warning("Streamlit changed (%s: %s): this feature is off; see docs/upgrading.md", p.touch_point, p.changed)
    if not any(p.touch_point.startswith("1 ") for p in found):
        session_storage_module.MemorySessionStorage = ClosingSessionStorage  # type: ignore[misc]
        _installed["session storage"] = True
    upload_manager_module.MemoryUploadedFileManager = GuardedUploadManager  # type: ignore[misc]
    if not getattr(AppSession.handle_backmsg, "eit_filtered", False):
        AppSession.handle_backmsg = filter_back_messages(AppSession.handle_backmsg, may_send_admin_messages)  # type: ignore[method-assign,assignment]
    _installed["upload store"] = _installed["client messages"] = True
    if deferred_made is not None and not any(p.touch_point.startswith("11 ") for p in found):
        from streamlit.runtime import backend_operation_handler

        handler: Any = backend_operation_handler.DeferredFileHandler
        if not getattr(handler.handle, "eit_bound", False):
            handler.handle = bind_deferred_downloads(handler.handle, deferred_made)
        _installed["deferred downloads"] = True
    return found


def check_runtime() -> None:
    """Once the runtime exists (st.App's lifespan): it was built with our upload store (else InternalsChanged) and,
    when installed, our session storage (else a warning)."""
    found = real_runtime()
    if found is None or not isinstance(found.uploaded_file_mgr, GuardedUploadManager):
        raise InternalsChanged(
            "Streamlit's runtime was not built with the app's upload store. The server does not start; see docs/upgrading.md."
        )
    if _installed.get("session storage") and not _storage_built:
        LOG.warning("Streamlit's runtime was not built with ClosingSessionStorage: closed tabs keep their memory; see docs/upgrading.md")


@asynccontextmanager
async def lifespan(_app: object) -> AsyncIterator[None]:
    """st.App's lifespan hook: runs once the runtime has started."""
    check_runtime()
    yield
