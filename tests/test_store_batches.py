"""Batches: upsert by key, the batch log, and exact rollback."""

import pytest

from store.load import RollbackRefused, rollback
from tests.conftest import fingerprint

A = "factory_id,year,water_use_m3\n"


def test_upsert_replaces_by_key_and_logs_the_batch(con, load, factories):
    first = load("annual_reports", A + "F1,2021,10\nF1,2022,20\n")
    second = load("annual_reports", A + "F1,2022,25\nF2,2022,30\n", name="second.csv")
    assert (first.inserted, first.replaced) == (2, 0)
    assert (second.inserted, second.replaced) == (1, 1)
    with con.cursor() as cur:
        assert cur.execute("select factory_id, year, water_use_m3 from annual_reports order by all").fetchall() == [
            ("F1", 2021, 10.0),
            ("F1", 2022, 25.0),
            ("F2", 2022, 30.0),
        ]
        log = cur.execute(
            "select table_name, file_name, length(sha256), rows_in_file, rows_inserted, rows_replaced, loaded_by, status"
            " from batches where batch_id = $b",
            {"b": second.batch_id},
        ).fetchall()
    assert log == [("annual_reports", "second.csv", 64, 2, 1, 1, "tester", "loaded")]


def test_rollback_restores_exactly_what_the_batch_replaced(con, load, factories):
    load("annual_reports", A + "F1,2021,10\nF1,2022,20\n")
    before = fingerprint(con)
    second = load("annual_reports", A + "F1,2022,25\nF2,2022,30\n")
    result = rollback(con, second.batch_id, by="admin")
    assert result == {"deleted": 1, "restored": 1}
    after = fingerprint(con)
    assert after["annual_reports"] == before["annual_reports"]
    with con.cursor() as cur:
        assert cur.execute("select status, rolled_back_by from batches where batch_id = $b", {"b": second.batch_id}).fetchall() == [
            ("rolled_back", "admin")
        ]


def test_rollback_of_an_older_batch_waits_for_the_later_one(con, load, factories):
    first = load("annual_reports", A + "F1,2022,20\n")
    second = load("annual_reports", A + "F1,2022,25\n")
    with pytest.raises(RollbackRefused, match=str(second.batch_id)):
        rollback(con, first.batch_id)
    rollback(con, second.batch_id)
    rollback(con, first.batch_id)
    with con.cursor() as cur:
        assert cur.execute("select count(*) from annual_reports").fetchall() == [(0,)]


def test_rollback_refuses_twice_and_unknown(con, load, factories):
    batch = load("annual_reports", A + "F1,2022,20\n").batch_id
    rollback(con, batch)
    with pytest.raises(RollbackRefused, match="already"):
        rollback(con, batch)
    with pytest.raises(RollbackRefused, match="no batch"):
        rollback(con, 999)


def test_rolling_back_establishments_still_in_use_is_refused_and_changes_nothing(con, load, factories):
    load("annual_reports", A + "F1,2022,20\n")
    before = fingerprint(con)
    with pytest.raises(RollbackRefused, match="other tables"):
        rollback(con, factories.batch_id)
    assert fingerprint(con) == before


def test_replacing_an_establishment_in_use_keeps_its_reports(con, load, factories):
    load("annual_reports", A + "F1,2022,20\n")
    again = load("establishments", "factory_id,name_th,kind,subdistrict_code\nF1,ชื่อใหม่,factory,190906\n")
    assert again.ok and again.replaced == 1
    rollback(con, again.batch_id)
    with con.cursor() as cur:
        assert cur.execute("select name_th, lat from establishments where factory_id = 'F1'").fetchall() == [("โรงงานหนึ่ง", 14.68)]


def test_the_same_bytes_are_known_across_connections_and_after_rollback(con, db_path, load, factories):
    from store.db import connect
    from store.load import previous_loads

    first = load("annual_reports", A + "F1,2022,20\n", name="reports.csv")
    con.close()  # a restart: the batch log on disk decides, not a session
    again = connect(db_path)
    try:
        seen = previous_loads(again, first.sha256)
        assert list(seen["batch_id"]) == [first.batch_id] and list(seen["status"]) == ["loaded"]
        assert seen["loaded_by"].iloc[0] == "tester"
        rollback(again, first.batch_id, by="tester")
        assert list(previous_loads(again, first.sha256)["status"]) == ["rolled_back"]
    finally:
        again.close()


def test_the_original_file_of_a_batch_comes_back_byte_for_byte(con, write, factories):
    from store.load import load_file, original_file

    data = '\ufeffFactory_ID,Year,water_use_m3\r\nF1,๒๕๖๕,"1,234.5"\r\n'.encode()
    path = write("x", name="รายงาน.csv")
    path.write_bytes(data)
    report = load_file(con, "annual_reports", path, loaded_by="tester")
    assert report.ok, report.problems
    assert original_file(con, report.batch_id) == ("รายงาน.csv", data)


EV = "indicator_code,item_no,description_th,status\n"


def test_rollback_never_silently_undoes_checklist_edits_made_after_the_batch(con, load):
    from store.edits import checklist, save_checklist

    batch = load("evidence", EV + "18.1.1,1,คำสั่งแต่งตั้ง,missing\n18.1.1,2,แผน,missing\n")
    assert batch.ok, batch.problems
    before = checklist(con, "evidence")
    after = before.copy()
    after.loc[(after["indicator_code"] == "18.1.1") & (after["item_no"] == 2), "status"] = "ready"
    assert save_checklist(con, "evidence", before, after, by="somchai") == 1
    state = fingerprint(con)
    with pytest.raises(RollbackRefused) as refused:
        rollback(con, batch.batch_id, by="tester")
    assert "2565/18.1.1/2 status (somchai)" in refused.value.text("en")
    assert "การแก้ไขรายการที่ทำภายหลัง 1 รายการ" in refused.value.text("th")
    assert fingerprint(con) == state


def test_an_analyst_rolls_back_only_own_batches(con, load, factories):
    batch = load("annual_reports", A + "F1,2022,20\n").batch_id  # loaded by "tester"
    with pytest.raises(RollbackRefused) as refused:
        rollback(con, batch, by="other", any_owner=False)
    assert "นำเข้าโดย tester" in refused.value.text("th")
    assert rollback(con, batch, by="tester", any_owner=False) == {"deleted": 1, "restored": 0}
