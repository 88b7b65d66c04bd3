"""Shared edits of the plan and the checklist at store level: versions that refuse a stale save (naming who and
when), keeping mine on purpose (audited), the readable history, fiscal years copied and removed, rollback after edits."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from store.db import connect
from store.edits import EditRefused, checklist, checklist_history, remove_fiscal_year, save_checklist, start_fiscal_year, year_state
from store.load import RollbackRefused, later_edits, load_file, rollback
from tests.apps import app_as, copy_with_accounts


@pytest.fixture
def demo(demo_db: Path, tmp_path: Path):
    path = tmp_path / "edits.duckdb"
    shutil.copyfile(demo_db, path)
    con = connect(path)
    yield con
    con.close()


def item(frame: pd.DataFrame, code: str = "19.1.1", no: int = 1, year: int = 2567) -> int:
    return int(frame.index[(frame["indicator_code"] == code) & (frame["item_no"] == no) & (frame["fiscal_year"] == year)][0])


def cell(con: duckdb.DuckDBPyConnection, column: str, code: str = "19.1.1", no: int = 1, year: int = 2567) -> object:
    return con.execute(
        "select " + column + " from evidence where fiscal_year = $y and indicator_code = $c and item_no = $n",
        {"y": year, "c": code, "n": no},
    ).fetchall()[0][0]


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Empty cells as None (a frame from DuckDB holds NaN where the log holds NULL)."""
    return frame.astype(object).where(frame.notna(), None)


def edited(frame: pd.DataFrame, row: int, **values: object) -> pd.DataFrame:
    out = frame.copy()
    for column, value in values.items():
        out.at[row, column] = value
    return out


def test_two_readers_the_stale_save_is_refused_naming_who_and_when(demo):
    ana_read = checklist(demo, "evidence", 2567)  # two sessions open the same page
    bob_read = checklist(demo, "evidence", 2567)
    row = item(ana_read)
    assert ana_read.at[row, "row_version"] == 1 and ana_read.at[row, "status"] == "missing"

    bob = save_checklist(demo, "evidence", bob_read, edited(bob_read, row, status="ready"), "bob")
    assert bob == 1 and not bob.conflicts and cell(demo, "row_version") == 2

    # Ana, on her stale page, sets the same item in progress and, in the same save, another item's reference.
    other = item(ana_read, "19.1.1", 2)
    ana = save_checklist(
        demo, "evidence", ana_read, edited(ana_read, row, status="in_progress").pipe(edited, other, reference="แฟ้ม 2"), "ana"
    )
    assert ana == 1  # the other row is saved; the stale one is not
    (conflict,) = ana.conflicts
    assert conflict.key == (2567, "19.1.1", 1) and conflict.changed_by == "bob" and conflict.changed_at is not None
    assert (conflict.read_version, conflict.version) == (1, 2) and [c.after for c in conflict.mine] == ["in_progress"]
    assert conflict.theirs == ("ready",)  # what bob's save left there, shown beside hers
    assert cell(demo, "status") == "ready"  # bob's work stands
    assert cell(demo, "reference", no=2) == "แฟ้ม 2"


def test_keep_mine_saves_over_the_version_shown_and_is_recorded_as_such(demo):
    ana_read = checklist(demo, "evidence", 2567)
    row = item(ana_read)
    save_checklist(demo, "evidence", ana_read, edited(ana_read, row, status="ready"), "bob")
    mine = edited(ana_read, row, status="in_progress")
    (conflict,) = save_checklist(demo, "evidence", ana_read, mine, "ana").conflicts

    # A third change after ana was shown bob's: keeping hers over version 2 is refused again, naming carol.
    carol_read = checklist(demo, "evidence", 2567)
    save_checklist(demo, "evidence", carol_read, edited(carol_read, row, reference="ของแคโรล"), "carol")
    again = save_checklist(demo, "evidence", ana_read, mine, "ana", keep_mine={conflict.key: conflict.version})
    assert again == 0 and again.conflicts[0].changed_by == "carol" and again.conflicts[0].version == 3

    kept = save_checklist(demo, "evidence", ana_read, mine, "ana", keep_mine={conflict.key: again.conflicts[0].version})
    assert kept == 1 and not kept.conflicts and cell(demo, "status") == "in_progress" and cell(demo, "row_version") == 4
    last = checklist_history(demo, "evidence", 2567).iloc[0]
    assert (last["kind"], last["edited_by"], last["before_value"], last["after_value"]) == ("keep_mine", "ana", "ready", "in_progress")


def test_a_cell_changed_by_an_upload_since_the_page_read_it_is_refused_too(demo, tmp_path):
    read = checklist(demo, "evidence", 2567)
    row = item(read)
    upload = tmp_path / "evidence.csv"
    upload.write_text("fiscal_year,indicator_code,item_no,description_th,status\n2567,19.1.1,1,รายงานการประชุม,ready\n", encoding="utf-8")
    assert load_file(demo, "evidence", upload, loaded_by="somchai").ok
    (conflict,) = save_checklist(demo, "evidence", read, edited(read, row, status="in_progress"), "ana").conflicts
    assert conflict.changed_by == "somchai" and cell(demo, "status") == "ready"


def test_history_per_fiscal_year_and_item_from_and_to(demo):
    for year in (2566, 2567):
        read = checklist(demo, "evidence", year)
        save_checklist(demo, "evidence", read, edited(read, item(read, year=year), status="in_progress", reference=f"แฟ้ม {year}"), "ana")
    history = checklist_history(demo, "evidence", 2566)
    assert set(history["fiscal_year"]) == {2566} and len(history) == 2
    assert set(zip(history["row_key"], history["column_name"], history["before_value"], history["after_value"], strict=True)) == {
        ("2566/19.1.1/1", "status", "ready", "in_progress"),
        ("2566/19.1.1/1", "reference", "แฟ้มหลักฐาน สอจ.สระบุรี (สาธิต) 2566 19.1.1/1", "แฟ้ม 2566"),
    }
    assert set(history["edited_by"]) == {"ana"} and history["edited_at"].notna().all() and set(history["kind"]) == {"edit"}
    # the console's view of the same log, no accounts' secrets in it
    columns = [r[0] for r in demo.execute("describe edit_log").fetchall()]
    assert "fiscal_year" in columns and not {"password_hash", "token"} & set(columns)
    assert demo.execute("select count(*) from edit_log where fiscal_year = 2567").fetchall() == [(2,)]


def test_a_copied_year_is_removed_while_unedited_and_otherwise_only_by_an_admin(demo):
    assert start_fiscal_year(demo, "evidence", 2567, 2568, "ana") == 88
    assert year_state(demo, "evidence", 2568).copied
    with pytest.raises(EditRefused, match="already has rows"):
        start_fiscal_year(demo, "evidence", 2567, 2568, "ana")  # a second click makes no second year
    assert remove_fiscal_year(demo, "evidence", 2568, "ana", is_admin=False) == 88
    assert demo.execute("select count(*) from evidence where fiscal_year = 2568").fetchall() == [(0,)]

    start_fiscal_year(demo, "evidence", 2567, 2568, "ana")
    read = checklist(demo, "evidence", 2568)
    save_checklist(demo, "evidence", read, edited(read, item(read, year=2568), status="ready"), "bob")
    with pytest.raises(EditRefused) as refused:
        remove_fiscal_year(demo, "evidence", 2568, "ana", is_admin=False)
    assert "1 edited cell" in refused.value.text("en") and "มีการแก้ไข 1 ช่อง" in refused.value.text("th")
    with pytest.raises(EditRefused, match="not started from a copy"):
        remove_fiscal_year(demo, "evidence", 2567, "ana", is_admin=False)  # uploaded, not copied
    assert remove_fiscal_year(demo, "evidence", 2568, "root", is_admin=True) == 88
    log = checklist_history(demo, "evidence", 2568)
    assert list(log["kind"][:1]) == ["remove_year"] and log["edited_by"].iloc[0] == "root"
    assert list(log["kind"]) == ["remove_year", "edit", "copy_year", "remove_year", "copy_year"]


EV = "fiscal_year,indicator_code,item_no,description_th,status\n"


@pytest.fixture
def edited_batch(con, tmp_path):
    """A checklist batch replacing two seeded items of 2565 and adding one, then edits after it: one cell kept
    changed, one cell edited and edited back (no net change), one on the item the batch added."""
    path = tmp_path / "ev.csv"
    path.write_text(EV + "2565,18.1.1,1,คำสั่ง,in_progress\n2565,18.1.1,2,แผน,in_progress\n2565,18.1.1,9,ข้อใหม่,missing\n", encoding="utf-8")
    report = load_file(con, "evidence", path, loaded_by="tester")
    assert report.ok and report.replaced == 2
    for status in ("ready",):
        read = checklist(con, "evidence", 2565)
        save_checklist(con, "evidence", read, edited(read, item(read, "18.1.1", year=2565), status=status), "ana")
    for status in ("ready", "in_progress"):  # item 2 edited and edited back
        read = checklist(con, "evidence", 2565)
        save_checklist(con, "evidence", read, edited(read, item(read, "18.1.1", 2, year=2565), status=status), "ana")
    read = checklist(con, "evidence", 2565)
    save_checklist(con, "evidence", read, edited(read, item(read, "18.1.1", 9, year=2565), reference="แฟ้มใหม่"), "bob")
    return report.batch_id


def test_rollback_after_edits_counts_each_cell_once_and_offers_both_ways(con, edited_batch):
    edits = later_edits(con, edited_batch)
    assert sorted((e.row_key, e.column) for e in edits) == [("2565/18.1.1/1", "status"), ("2565/18.1.1/9", "reference")]
    with pytest.raises(RollbackRefused) as refused:
        rollback(con, edited_batch, by="tester")
    text = refused.value.text("en")
    assert "2 checklist edit(s)" in text and "keeping those edits" in text and "edit those items back" not in text


def test_rollback_keeping_later_edits(con, edited_batch):
    result = rollback(con, edited_batch, by="tester", later_edits="keep")
    assert result == {"deleted": 1, "restored": 2, "kept": 1, "reverted": 1}  # item 9 went with the batch
    assert cell(con, "status", "18.1.1", year=2565) == "ready"  # ana's edit, on the restored seed row
    assert cell(con, "status", "18.1.1", 2, year=2565) == "missing"  # the seed's value back
    assert con.execute(
        "select count(*) from evidence where fiscal_year = 2565 and indicator_code = '18.1.1' and item_no = 9"
    ).fetchall() == [(0,)]
    log = plain(checklist_history(con, "evidence", 2565))
    settled = log[log["kind"].str.startswith("rollback")]
    assert set(
        zip(settled["row_key"], settled["kind"], settled["before_value"], settled["after_value"], settled["edited_by"], strict=True)
    ) == {
        ("2565/18.1.1/1", "rollback_keep", "missing", "ready", "tester"),
        ("2565/18.1.1/9", "rollback_revert", "แฟ้มใหม่", None, "tester"),
    }
    assert cell(con, "row_version", "18.1.1", year=2565) > 1  # a page read before the rollback cannot save over it unawares


def test_rollback_reverting_later_edits_in_one_step(con, edited_batch):
    result = rollback(con, edited_batch, by="tester", later_edits="revert")
    assert result == {"deleted": 1, "restored": 2, "kept": 0, "reverted": 2}
    assert cell(con, "status", "18.1.1", year=2565) == "missing" and cell(con, "status", "18.1.1", 2, year=2565) == "missing"
    log = plain(checklist_history(con, "evidence", 2565))
    reverted = log[log["kind"] == "rollback_revert"]
    assert set(zip(reverted["row_key"], reverted["before_value"], reverted["after_value"], strict=True)) == {
        ("2565/18.1.1/1", "ready", "missing"),
        ("2565/18.1.1/9", "แฟ้มใหม่", None),
    }


def test_migration_016_keeps_history_rows_and_the_loader_still_replaces(con, tmp_path):
    path = tmp_path / "ev.csv"
    path.write_text(EV + "2565,18.1.1,1,คำสั่ง,ready\n", encoding="utf-8")
    first = load_file(con, "evidence", path, loaded_by="tester")
    path.write_text(EV + "2565,18.1.1,1,คำสั่ง ฉบับใหม่,ready\n", encoding="utf-8")
    second = load_file(con, "evidence", path, loaded_by="tester")
    assert first.ok and second.ok and second.replaced == 1
    assert rollback(con, second.batch_id, by="tester") == {"deleted": 0, "restored": 1}
    assert cell(con, "description_th", "18.1.1", year=2565) == "คำสั่ง"


def test_the_sql_console_reads_the_edit_log_as_data_and_not_the_audit_table(demo):
    from console.catalogue import schema
    from console.guard import QueryRefused, check

    read = checklist(demo, "evidence", 2567)
    save_checklist(demo, "evidence", read, edited(read, item(read), status="ready"), "ana")
    with demo.cursor() as cur:
        query = check(cur, "select row_key, before_value, after_value, edited_by from edit_log where fiscal_year = 2567")
        assert cur.execute(query).fetchall() == [("2567/19.1.1/1", "missing", "ready", "ana")]
        with pytest.raises(QueryRefused, match="internal"):
            check(cur, "select * from checklist_edits")
        described = {t.name: t for t in schema(cur, "th")}["edit_log"]
    assert [c.name for c in described.columns][:3] == ["edit_id", "table_name", "fiscal_year"] and all(
        c.description for c in described.columns
    )


def test_copying_a_year_asks_first_then_lands_on_it(demo_db, tmp_path, monkeypatch, fresh_caches):
    """The plan page (AppTest): with 2021 in the sidebar (fiscal year 2564, no plan) the copy form asks before it
    writes anything, and after 'yes' the page shows the new year."""
    path = copy_with_accounts(demo_db, tmp_path / "copy.duckdb", {"ana": "analyst"})
    at = app_as(path, monkeypatch, "ana")
    at.switch_page("app_pages/plan.py").run()
    at.selectbox(key="year_en").set_value(2021).run()
    assert any("Fiscal year 2021 has no action plan yet" in i.value for i in at.info)
    next(b for b in at.button if b.label == "Copy").click().run()
    assert any("This creates fiscal year 2021" in w.value for w in at.warning)
    assert any("Fiscal year 2021 has no action plan yet" in i.value for i in at.info)  # nothing written yet
    next(b for b in at.button if b.label == "Yes, create fiscal year 2021").click().run()
    assert not at.exception
    assert any("Fiscal year 2021 (Oct 2020 – Sep 2021), from the year 2021" in c.value for c in at.caption)
    assert not any("has no action plan" in i.value for i in at.info)  # landed on the new year, with its plan
    assert any("Copied 6 row(s) into fiscal year 2021" in m.value for m in at.success)


def test_the_batches_page_offers_to_keep_or_revert_later_edits(demo_db, tmp_path, monkeypatch, fresh_caches):
    """Batch history (AppTest, admin): rolling back the checklist's batch after an edit offers both ways; keep works."""
    path = copy_with_accounts(demo_db, tmp_path / "rollback.duckdb", {"root": "admin"})
    con = connect(path)
    read = checklist(con, "evidence", 2565)  # an item the demo's batch replaced (the seed's 2565): its edit can be kept
    save_checklist(con, "evidence", read, edited(read, item(read, year=2565), status="ready"), "ana")
    batch = int(con.execute("select batch_id from batches where table_name = 'evidence' and status = 'loaded'").fetchall()[0][0])
    con.close()
    at = app_as(path, monkeypatch, "root")
    at.switch_page("app_pages/batches.py").run()
    next(s for s in at.selectbox if s.label == "Batch to roll back").set_value(batch).run()
    next(b for b in at.button if b.label == "Roll back").click().run()
    labels = [b.label for b in at.button]
    assert "Roll back, keeping those edits" in labels and "Roll back and revert those edits" in labels
    said = [w.value.replace("\\", "") for w in at.warning]  # markdown-escaped on the page ("19\\.1")
    assert any("1 checklist cell(s) were edited after this batch: 2565/19.1.1/1 (ana)" in w for w in said), said
    next(b for b in at.button if b.label == "Roll back, keeping those edits").click().run()
    done = [m.value for m in at.success]
    assert any(f"Batch {batch} rolled back" in m and "1 edit(s) kept, 0 reverted" in m for m in done), (done, [e.value for e in at.error])
