"""Backups, restores and snapshots on real DuckDB files, with real processes holding and writing them."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from store import backup, snapshot
from store.db import init, open_read_only

pytestmark = pytest.mark.slow  # the quick loop leaves it out (docs/testing.md)

ROOT = Path(__file__).resolve().parents[1]

# A stand-in for the app: holds the database for writing and lands batches, each one transaction of
# a batch-log row and its rows (some large enough that DuckDB writes their row groups straight into
# the database file), checkpointing now and then, a few milliseconds apart. Bounded: `count` batches,
# then it holds the file until its stdin closes; the tests end it sooner.
WRITER = """
import sys, time, duckdb
path, count, every = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
con = duckdb.connect(path)
con.execute("create table if not exists test_rows (batch_id bigint, n integer, payload varchar)")
print("ready", flush=True)
for i in range(count):
    rows = (40, 3000, 40, 3000, 40, 130000)[i % 6]
    con.execute("begin")
    batch = con.execute(
        "insert into batches (table_name, file_name, sha256, rows_in_file, rows_inserted, rows_replaced, loaded_by)"
        " values ('test_rows', 'writer.csv', 'x', $n, $n, 0, 'writer') returning batch_id", {"n": rows}
    ).fetchall()[0][0]
    con.execute("insert into test_rows select $b, range, repeat('x', 24) from range($n)", {"b": batch, "n": rows})
    con.execute("commit")
    if every and i % every == every - 1:
        con.execute("checkpoint")
    print(batch, flush=True)
    time.sleep(0.005)
print("done", flush=True)
sys.stdin.read()
"""

HOLDER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1])
print("ready", flush=True)
sys.stdin.read()
"""


def run_store(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "store", *args], cwd=ROOT, capture_output=True, text=True, timeout=240, env=env, stdin=subprocess.DEVNULL
    )


def start(script: str, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *args], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc


def stop(proc: subprocess.Popen[str]) -> None:
    if proc.stdin:
        proc.stdin.close()
    proc.terminate()
    proc.wait(timeout=60)


def wait_for_batches(proc: subprocess.Popen[str], n: int) -> int:
    assert proc.stdout is not None
    last = 0
    for _ in range(n):
        line = proc.stdout.readline().strip()
        assert line and line != "done", "the writer stopped early"
        last = int(line)
    return last


def whole_batches(path: Path) -> int:
    """Every test batch in the file has all its rows, and no row belongs to a batch that is not there."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        partial = con.execute(
            "select b.batch_id, b.rows_inserted, count(r.batch_id) from batches b left join test_rows r using (batch_id)"
            " where b.table_name = 'test_rows' group by all having count(r.batch_id) <> b.rows_inserted"
        ).fetchall()
        orphans = con.execute("select count(*) from test_rows where batch_id not in (select batch_id from batches)").fetchall()[0][0]
        n = con.execute("select count(*) from batches where table_name = 'test_rows'").fetchall()[0][0]
    finally:
        con.close()
    assert partial == [] and orphans == 0, (partial, orphans)
    return int(n)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "eit.duckdb"
    con, _, _ = init(path)
    con.close()
    return path


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """A temp folder of the test's own for snapshots, in this process and in the processes it starts."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield {**os.environ, "TMPDIR": str(folder)}


def snapshot_folders(env: dict[str, str]) -> list[Path]:
    return sorted(Path(env["TMPDIR"]).glob(snapshot.PREFIX + "*"))


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_backup_of_a_free_database(db: Path, tmp_path: Path, private_tmp: dict[str, str]) -> None:
    from store.demo import load_demo

    con, _, _ = init(db)
    load_demo(con)
    expected = con.execute("select count(*), max(batch_id) from batches").fetchall()[0]
    con.close()
    out = tmp_path / "backups" / "first.duckdb"
    result = run_store("backup", "--db", str(db), "--out", str(out), env=private_tmp)
    assert result.returncode == 0, result.stderr
    assert f"{expected[0]} batch(es)" in result.stdout and f"last batch {expected[1]} loaded" in result.stdout
    assert "MiB" in result.stdout and f"{out.stat().st_size:,} bytes" in result.stdout
    assert mode(out) == 0o600 and not backup.wals(out)
    described = backup.describe(out)
    assert (described.batches, described.last_batch_id) == expected
    assert snapshot_folders(private_tmp) == []


def test_backup_while_another_process_writes_holds_whole_batches(db: Path, tmp_path: Path, private_tmp: dict[str, str]) -> None:
    writer = start(WRITER, str(db), "3000", "12", env=private_tmp)
    try:
        wait_for_batches(writer, 6)
        with pytest.raises(duckdb.IOException):
            duckdb.connect(str(db), read_only=True)  # the writer holds the file
        seen = []
        for i in range(3):
            out = tmp_path / f"live-{i}.duckdb"
            result = run_store("backup", "--db", str(db), "--out", str(out), env=private_tmp)
            assert result.returncode == 0, result.stderr
            assert mode(out) == 0o600 and not backup.wals(out)
            seen.append(whole_batches(out))
            wait_for_batches(writer, 3)
        assert seen[0] >= 6 and seen == sorted(seen) and seen[-1] > seen[0]
        assert writer.poll() is None, "the writer held the database through every backup"
    finally:
        stop(writer)
    assert snapshot_folders(private_tmp) == []


def test_snapshots_taken_while_writing_are_whole(db: Path, private_tmp: dict[str, str]) -> None:
    writer = start(WRITER, str(db), "3000", "6", env=private_tmp)
    try:
        counts = []
        for _ in range(8):
            wait_for_batches(writer, 2)
            con = open_read_only(db)
            try:
                folder = Path(
                    con.execute("select path from duckdb_databases() where database_name = current_database()").fetchall()[0][0]
                ).parent
                assert folder.name.startswith(snapshot.PREFIX)
                counts.append(whole_batches_on(con))
            finally:
                con.close()
        assert counts == sorted(counts) and counts[-1] > counts[0]
    finally:
        stop(writer)
        snapshot.remove_all()  # what exit would do
    assert snapshot_folders(private_tmp) == []


def whole_batches_on(con: duckdb.DuckDBPyConnection) -> int:
    partial = con.execute(
        "select b.batch_id from batches b left join test_rows r using (batch_id)"
        " where b.table_name = 'test_rows' group by b.batch_id, b.rows_inserted having count(r.batch_id) <> b.rows_inserted"
    ).fetchall()
    assert partial == []
    return int(con.execute("select count(*) from batches where table_name = 'test_rows'").fetchall()[0][0])


def test_a_copy_during_which_a_checkpoint_ended_is_taken_again(
    db: Path, private_tmp: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A checkpoint that ends between copying the WAL and the database file: the pair would not match
    (the WAL's rows would be applied twice, or lost), so the copy takes another pass."""
    writer = duckdb.connect(str(db))
    writer.execute("create table test_rows (batch_id bigint, n integer, payload varchar)")
    writer.execute("checkpoint")
    writer.execute("insert into test_rows select 0, range, 'x' from range(1000)")  # in the WAL only
    real_copy, real_patch = snapshot._copy_file, snapshot._patch
    patched: list[Path] = []

    def copy_then_checkpoint(source: Path, target: Path) -> list[bytes]:
        if source == db:
            writer.execute("checkpoint")  # the header changes and the WAL empties after the WAL was copied
        return real_copy(source, target)

    def patch(source: Path, copy: Path, digests: list[bytes]) -> None:
        patched.append(copy)
        real_patch(source, copy, digests)

    monkeypatch.setattr(snapshot, "_copy_file", copy_then_checkpoint)
    monkeypatch.setattr(snapshot, "_patch", patch)
    try:
        with snapshot.take(db) as snap:
            assert len(patched) == 1  # one more pass
            assert not Path(f"{snap.path}.wal").exists() or Path(f"{snap.path}.wal").stat().st_size == Path(f"{db}.wal").stat().st_size
            con = duckdb.connect(str(snap.path), read_only=True)
            assert con.execute("select count(*) from test_rows").fetchall() == [(1000,)]
            con.close()
    finally:
        writer.close()


def test_a_copy_that_fails_its_checksums_is_taken_again(db: Path, private_tmp: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    con = duckdb.connect(str(db))
    con.execute("create table test_rows as select range as n, repeat('y', 40) as payload from range(200000)")
    con.close()
    real = snapshot._copy_consistent
    calls: list[int] = []

    def torn_once(source: Path, snap: snapshot.Snapshot) -> bool:
        ok = real(source, snap)
        calls.append(1)
        if len(calls) == 1:  # as a copy caught mid-checkpoint: blocks of the file overwritten
            size = snap.path.stat().st_size
            with open(snap.path, "r+b") as handle:
                for offset in range(3 * 4096, size, 262144):
                    handle.seek(offset + 8)
                    handle.write(os.urandom(64))
        return ok

    monkeypatch.setattr(snapshot, "_copy_consistent", torn_once)
    con, snap = snapshot.open_copy(db, check=backup.check_whole)
    try:
        assert len(calls) == 2
        assert con.execute("select count(*) from test_rows").fetchall() == [(200000,)]
    finally:
        con.close()
        snap.remove()


def test_restore_round_trip(db: Path, tmp_path: Path, private_tmp: dict[str, str]) -> None:
    from store import accounts, sessions
    from store.load import load_file

    con, _, _ = init(db)
    csv = tmp_path / "establishments.csv"
    csv.write_text(
        "factory_id,name_th,kind,subdistrict_code,lat,lon,controlled_factory,registered_year,closed_year\n"
        "F1,โรงงานหนึ่ง,factory,190906,14.68,100.83,yes,2015,\n",
        encoding="utf-8",
    )
    assert load_file(con, "establishments", csv, loaded_by="tester").ok
    accounts.ensure_first_admin(con)
    token = sessions.create(con, "admin")
    assert sessions.user_of(con, token) is not None
    con.close()
    saved = tmp_path / "saved.duckdb"
    assert run_store("backup", "--db", str(db), "--out", str(saved), env=private_tmp).returncode == 0

    con, _, _ = init(db)
    csv.write_text(csv.read_text(encoding="utf-8") + "F2,โรงงานสอง,factory,191306,14.71,100.90,no,2015,\n", encoding="utf-8")
    assert load_file(con, "establishments", csv, loaded_by="tester").ok
    assert con.execute("select count(*) from establishments").fetchall() == [(2,)]
    con.close()

    result = run_store("restore", "--db", str(db), "--from", str(saved), env=private_tmp)
    assert result.returncode == 0, result.stderr
    kept = sorted(tmp_path.glob("eit.duckdb.before-restore-*"))
    assert len(kept) == 1 and str(kept[0]) in result.stdout
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("select factory_id from establishments").fetchall() == [("F1",)]
    assert con.execute("select count(*) from batches").fetchall() == [(1,)]
    assert sessions.user_of(con, token) is None  # the backup's sign-ins end with the restore
    con.close()
    kept_backup = duckdb.connect(str(saved), read_only=True)
    assert sessions.user_of(kept_backup, token) is not None  # the backup file itself is untouched
    kept_backup.close()
    old = duckdb.connect(str(kept[0]), read_only=True)
    assert old.execute("select count(*) from establishments").fetchall() == [(2,)]
    old.close()
    assert mode(db) == 0o600
    assert not backup.wals(db)


def test_restore_is_refused_while_the_app_holds_the_database(db: Path, tmp_path: Path, private_tmp: dict[str, str]) -> None:
    saved = tmp_path / "saved.duckdb"
    assert run_store("backup", "--db", str(db), "--out", str(saved), env=private_tmp).returncode == 0
    before = db.read_bytes()
    holder = start(HOLDER, str(db))
    try:
        result = run_store("restore", "--db", str(db), "--from", str(saved), env=private_tmp)
    finally:
        stop(holder)
    assert result.returncode == 3
    assert "stop the app" in result.stderr
    assert db.read_bytes() == before and not list(tmp_path.glob("*.before-restore-*"))


def test_restore_refuses_a_file_that_is_not_a_database_of_this_app(db: Path, tmp_path: Path) -> None:
    text = tmp_path / "notes.duckdb"
    text.write_text("not a database")
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("create table t (x integer)").close()
    before = db.read_bytes()
    for source, says in ((text, "not a DuckDB database"), (other, "not a database of this app")):
        result = run_store("restore", "--db", str(db), "--from", str(source))
        assert result.returncode == 1 and says in result.stderr, result.stderr
    assert db.read_bytes() == before


def test_backup_to_an_existing_file_is_refused_unless_forced(db: Path, tmp_path: Path, private_tmp: dict[str, str]) -> None:
    out = tmp_path / "exists.duckdb"
    out.write_bytes(b"keep me")
    result = run_store("backup", "--db", str(db), "--out", str(out), env=private_tmp)
    assert result.returncode == 1 and "already exists" in result.stderr and "--force" in result.stderr
    assert out.read_bytes() == b"keep me"
    forced = run_store("backup", "--db", str(db), "--out", str(out), "--force", env=private_tmp)
    assert forced.returncode == 0, forced.stderr
    assert backup.describe(out).migrations and mode(out) == 0o600


SNAPSHOT_THEN = """
import os, stat, sys, time
from pathlib import Path
from store.db import open_read_only
con = open_read_only(sys.argv[1])
folder = Path(con.execute("select path from duckdb_databases() where database_name = current_database()").fetchall()[0][0]).parent
modes = sorted(oct(stat.S_IMODE(p.stat().st_mode)) for p in folder.iterdir())
print(folder, oct(stat.S_IMODE(folder.stat().st_mode)), *modes, flush=True)
if sys.argv[2] == "wait":
    time.sleep(60)
"""


def snapshot_child(db: Path, env: dict[str, str], then: str) -> tuple[subprocess.Popen[str], Path, list[str]]:
    child = subprocess.Popen([sys.executable, "-c", SNAPSHOT_THEN, str(db), then], cwd=ROOT, stdout=subprocess.PIPE, text=True, env=env)
    assert child.stdout is not None
    folder, *modes = child.stdout.readline().split()
    return child, Path(folder), modes


def test_snapshot_files_are_private_and_removed_at_exit(db: Path, private_tmp: dict[str, str]) -> None:
    holder = start(HOLDER, str(db))
    try:
        for then in ("exit", "wait"):
            child, folder, modes = snapshot_child(db, private_tmp, then)
            assert folder.parent == Path(private_tmp["TMPDIR"]) and modes[0] == "0o700"
            assert set(modes[1:]) == {"0o600"} and len(modes) >= 3  # the owner file, the database (and its WAL)
            if then == "wait":
                assert folder.is_dir()
                child.send_signal(signal.SIGTERM)
            child.wait(timeout=60)
            assert not folder.exists(), then
    finally:
        stop(holder)
    assert snapshot_folders(private_tmp) == []


def test_stale_snapshot_folders_are_cleaned_at_the_next_start(db: Path, private_tmp: dict[str, str]) -> None:
    holder = start(HOLDER, str(db))
    try:
        child, killed, _ = snapshot_child(db, private_tmp, "wait")
        child.kill()  # SIGKILL: no chance to clean up
        child.wait(timeout=60)
        assert killed.is_dir()
        root = Path(private_tmp["TMPDIR"])
        orphan = root / (snapshot.PREFIX + "orphan")  # as left by older code: no owner file, an hour old
        orphan.mkdir(mode=0o700)
        (orphan / "eit.duckdb").write_bytes(b"x")
        os.utime(orphan, (time.time() - 3600, time.time() - 3600))
        young = root / (snapshot.PREFIX + "being-set-up")  # no owner file yet, just made: kept
        young.mkdir(mode=0o700)
        alive = root / (snapshot.PREFIX + "alive")  # a live process's copy: kept
        alive.mkdir(mode=0o700)
        (alive / snapshot.OWNER_FILE).write_text(f"{holder.pid} {snapshot._start_time(holder.pid)}\n")
        reused = root / (snapshot.PREFIX + "reused-pid")  # a live pid that started later than the owner: removed
        reused.mkdir(mode=0o700)
        (reused / snapshot.OWNER_FILE).write_text(f"{holder.pid} 1\n")

        nxt, folder, _ = snapshot_child(db, private_tmp, "exit")
        nxt.wait(timeout=60)
        assert not killed.exists() and not orphan.exists() and not reused.exists()
        assert young.is_dir() and alive.is_dir() and not folder.exists()
    finally:
        stop(holder)


def test_an_admin_backs_up_from_the_batches_page_and_downloads_it(
    db: Path, tmp_path: Path, private_tmp: dict[str, str], monkeypatch: pytest.MonkeyPatch, fresh_caches: None
) -> None:
    from store import accounts
    from tests.test_desk import PASSWORD, start  # the desk's sign-in in AppTest, kept in one place

    con, _, _ = init(db)
    for name, role in (("root", "admin"), ("ana", "analyst")):
        accounts.change_password(con, name, accounts.add_user(con, name, role, "tests"), PASSWORD)
    con.close()
    folder = tmp_path / "backups"
    monkeypatch.setenv("EIT_BACKUP_DIR", str(folder))
    monkeypatch.setenv("TMPDIR", private_tmp["TMPDIR"])

    analyst = start(db, monkeypatch, "ana").switch_page("app_pages/batches.py").run()
    assert analyst.main.title and not any(b.key == "backup_now" for b in analyst.button)  # admins only
    at = start(db, monkeypatch, "root").switch_page("app_pages/batches.py").run()
    assert any(m.value == "#### " + backup.word("backup_title", "en") for m in at.markdown), [t.value for t in at.main.title]
    next(b for b in at.button if b.key == "backup_now").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    made = sorted(folder.glob("eit-*.duckdb"))
    assert len(made) == 1 and mode(made[0]) == 0o600 and not backup.wals(made[0])
    assert any(made[0].name.replace("-", "\\-").replace(".", "\\.") in s.value for s in at.success), [s.value for s in at.success]
    assert backup.describe(made[0]).migrations
    offered = [d for d in at.get("download_button") if d.proto.id.endswith("backup_download")]
    assert len(offered) == 1 and offered[0].proto.label == backup.word("backup_download", "en")
    assert snapshot_folders(private_tmp) == []


def test_the_backup_words_are_in_thai_and_english() -> None:
    for key, (th, en) in backup.WORDS.items():
        assert th and en and th != en, key
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in th), key  # Thai script
    fields = {"folder": "f", "name": "n", "size": "1 KiB", "batches": 2, "last": "3", "detail": "d", "path": "p"}
    assert all(backup.word(key, lang, **fields) for key in backup.WORDS for lang in ("th", "en"))


@pytest.mark.parametrize("after_s", [0.3, 0.8])
def test_a_backup_stopped_by_sigterm_leaves_no_copy_behind(db: Path, tmp_path: Path, private_tmp: dict[str, str], after_s: float) -> None:
    con = duckdb.connect(str(db))
    con.execute("create table test_rows as select range as n, md5(range::varchar) as payload from range(1500000)")
    con.close()
    holder = start(HOLDER, str(db))  # the app holds it: the backup goes through a snapshot
    out = tmp_path / "stopped.duckdb"
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "store", "backup", "--db", str(db), "--out", str(out)],
            cwd=ROOT,
            env=private_tmp,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(after_s)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) in (-signal.SIGTERM, 0)  # stopped by the signal (or done before it)
    finally:
        stop(holder)
    assert snapshot_folders(private_tmp) == []
    assert [p.name for p in tmp_path.iterdir() if ".partial-" in p.name] == []
    if out.exists():  # it finished before the signal: then it is whole
        assert backup.describe(out).migrations
