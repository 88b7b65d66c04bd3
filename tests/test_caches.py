"""Bounded memory over time: every Streamlit cache in ui/ has a size limit, and a cached function keyed by the data
version keeps at most that many entries however many versions go by (each upload or rollback is a new version)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from streamlit.runtime.caching.cache_utils import CachedFunc

import ui

pytestmark = pytest.mark.usefixtures("fresh_caches")


def cached_functions() -> Iterator[tuple[str, CachedFunc[Any, Any]]]:
    """Every st.cache_data / st.cache_resource function defined in a ui module."""
    for info in pkgutil.iter_modules(ui.__path__):
        module = importlib.import_module(f"ui.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, CachedFunc) and getattr(value._info.func, "__module__", "") == module.__name__:
                yield f"ui.{info.name}.{name}", value


def entries(func: CachedFunc[Any, Any]) -> int:
    """How many results the function's (global) cache holds now. Streamlit 1.67 gives a cache's stats one item per
    entry (st.cache_data: one per stored result; st.cache_resource: one per resource); the public stats provider
    only gives their sum per function, so the function's own cache is asked (private: _info, _function_key)."""
    cache: Any = func._info.get_function_cache(func._function_key)
    return sum(len(items) for items in cache.get_stats().values())


def limit(func: CachedFunc[Any, Any]) -> int | None:
    """The function's max_entries (None: no limit)."""
    info: Any = func._info
    return info.max_entries  # type: ignore[no-any-return]


def test_every_cache_in_ui_has_a_size_limit():
    found = dict(cached_functions())
    assert len(found) >= 30, sorted(found)  # the walk finds them (state, explore, charts, report …)
    unbounded = [
        name
        for name, func in found.items()
        if limit(func) is None and inspect.signature(func._info.func).parameters  # no parameters: one entry at most
    ]
    assert unbounded == []


def test_a_version_keyed_cache_keeps_at_most_its_limit_over_many_data_versions(demo_db: Path, monkeypatch: pytest.MonkeyPatch):
    from ui import cached as state

    monkeypatch.setenv("EIT_DB", str(demo_db))
    for k in range(70):  # 70 uploads and rollbacks: 70 data versions
        version = f"v{k}"
        state.years(version)
        state.status(version)
        state.evidence(version, "19.1.1")
    assert limit(state.years) == 4 and entries(state.years) <= 4
    assert entries(state.status) <= 4
    assert limit(state.evidence) == 64 and entries(state.evidence) == 64
    assert entries(state.years) == 4  # the newest versions are kept, the rest were evicted


def test_the_explorers_rows_are_bounded_too(demo_db: Path, monkeypatch: pytest.MonkeyPatch):
    from ui import explore

    monkeypatch.setenv("EIT_DB", str(demo_db))
    most = limit(explore.source_rows)
    assert most is not None
    for k in range(most + 8):
        explore.source_rows(f"v{k}", "table:green_areas", 0, "all", "en")
    assert entries(explore.source_rows) == most


def test_the_data_version_is_read_again_after_every_kind_of_write(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """ui.cached.data_version reads the database only after a write (WRITE_LOCK counts them): a load, a checklist
    edit and a rollback each give a new version (with the count left out, all four would be the first), and a
    version read twice with nothing written between is the same."""
    import shutil

    from store import edits
    from store.db import WRITE_LOCK
    from store.load import load_bytes, rollback
    from tests.conftest import ESTABLISHMENTS
    from ui import cached

    path = tmp_path / "versions.duckdb"
    shutil.copy(demo_db, path)
    monkeypatch.setenv("EIT_DB", str(path))
    con = cached.con()
    seen = [cached.data_version()]
    writes = WRITE_LOCK.writes
    assert cached.data_version() == seen[-1] and WRITE_LOCK.writes == writes  # reading writes nothing

    extra = ESTABLISHMENTS.replace("F1,", "F9,").replace("F2,", "F8,").replace("M1,", "M9,")
    report = load_bytes(con, "establishments", extra.encode(), "more.csv", loaded_by="tests")
    assert report.ok, report.problems
    seen.append(cached.data_version())
    read = edits.checklist(con, "evidence", 2565)
    changed = read.copy()
    changed.loc[changed.index[0], "status"] = "ready" if changed.loc[changed.index[0], "status"] != "ready" else "missing"
    edits.save_checklist(con, "evidence", read, changed, "tests")
    seen.append(cached.data_version())
    rollback(con, report.batch_id, by="tests")
    seen.append(cached.data_version())
    assert len(set(seen)) == len(seen), seen  # every write moved the version on
