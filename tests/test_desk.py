"""The analysts' desk from the entry point (AppTest): sign-in, role gating, upload, rollback, checklists, criteria."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import duckdb
import pytest
from streamlit.runtime.session_manager import SessionInfo
from streamlit.testing.v1 import AppTest

from store import accounts
from store.db import connect
from store.edits import EditRefused, checklist, save_checklist, update_criterion
from tests.apps import PASSWORD, app_as, copy_with_accounts, submit_sign_in
from tests.conftest import fingerprint
from webserver import web
from webserver.streamlit_internals import ClosingSessionStorage

pytestmark = pytest.mark.usefixtures("fresh_caches")
NEW_PROJECT = "project_id,name,system,subdistrict_code,year,status,eco_design\nINF-99,ถนนเชิงนิเวศใหม่,road,190906,2567,completed,ใช่\n"


@pytest.fixture
def db(demo_db: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database, closed to anonymous readers, with one account per role."""
    users = {"chair": "committee", "ana": "analyst", "root": "admin", "bob": "analyst"}
    return copy_with_accounts(demo_db, tmp_path / "desk.duckdb", users, readers_may_read=False)


def start(db: Path, monkeypatch: pytest.MonkeyPatch, user: str | None = None) -> AppTest:
    """The app in English; with `user`, signed in at the root (reading is closed: the root is the sign-in form)."""
    return app_as(db, monkeypatch, user)


def page_titles(at: AppTest) -> list[str]:
    return [t.value for t in at.main.title]


WRITING_PAGES = ("app_pages/upload.py", "app_pages/batches.py", "app_pages/criteria.py", "app_pages/accounts.py")


def not_in_navigation(at: AppTest, page: str) -> bool:
    """True when the page is not registered for this session (so no URL reaches it either)."""
    try:
        at.switch_page(page)
    except ValueError as exc:
        return "Could not find a navigation page" in str(exc)
    return False


def test_anonymous_sees_only_sign_in_when_reading_is_closed(db, monkeypatch):
    at = start(db, monkeypatch)
    assert page_titles(at) == ["Sign in"]
    for page in ("app_pages/overview.py", *WRITING_PAGES):
        assert not_in_navigation(at, page), page


def test_wrong_password_is_refused(db, monkeypatch):
    at = submit_sign_in(start(db, monkeypatch), "ana", "wrong-password")
    assert at.session_state["user"] is None and any("Wrong username or password" in e.value for e in at.error)


def test_public_reading_never_opens_a_writing_page(db, monkeypatch):
    con = duckdb.connect(str(db))
    accounts.set_public_read(con, True, "tests")
    con.close()
    at = start(db, monkeypatch)
    assert page_titles(at) == ["Scorecard"]
    for page in WRITING_PAGES:
        assert not_in_navigation(at, page), page


@pytest.mark.parametrize("user,reachable,unreachable", [
    ("chair", ["app_pages/overview.py", "app_pages/map.py", "app_pages/plan.py", "app_pages/evidence.py"],
     ["app_pages/upload.py", "app_pages/batches.py", "app_pages/criteria.py"]),
    ("ana", ["app_pages/upload.py", "app_pages/batches.py", "app_pages/evidence.py"], ["app_pages/criteria.py", "app_pages/accounts.py"]),
    ("root", ["app_pages/criteria.py", "app_pages/accounts.py", "app_pages/upload.py"], []),
])  # fmt: skip
def test_roles_reach_only_their_pages(db, monkeypatch, user, reachable, unreachable):
    at = start(db, monkeypatch, user)
    titles = {
        "app_pages/overview.py": "Scorecard",
        "app_pages/map.py": "Map",
        "app_pages/upload.py": "Upload CSV",
        "app_pages/batches.py": "Batch history",
        "app_pages/criteria.py": "Criteria",
        "app_pages/accounts.py": "Accounts",
        "app_pages/plan.py": "Action plan",
        "app_pages/evidence.py": "Evidence checklist",
    }
    for page in reachable:
        at.switch_page(page).run()
        assert not at.exception and titles[page] in page_titles(at), page
    for page in unreachable:
        assert not_in_navigation(at, page), page


def test_first_sign_in_with_a_one_time_password_must_change_it(db, monkeypatch):
    con = duckdb.connect(str(db))
    one_time = accounts.add_user(con, "newbie", "analyst", "tests")
    con.close()
    at = submit_sign_in(start(db, monkeypatch), "newbie", one_time)
    assert page_titles(at) == ["My account"] and any("one-time password" in w.value for w in at.warning)
    assert not_in_navigation(at, "app_pages/upload.py")  # nothing else until the password is changed
    at.text_input[0].input(one_time)
    at.text_input[1].input("a-new-long-password")
    next(b for b in at.button if b.label == "Change password").click().run()
    at.switch_page("app_pages/upload.py").run()
    assert page_titles(at) == ["Upload CSV"]


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.switch_page("app_pages/upload.py").run()
    at.file_uploader[0].set_value((name, data, "text/csv")).run()
    return at


def test_upload_good_file_loads_one_batch_and_the_scorecard_shows_it(db, monkeypatch):
    at = start(db, monkeypatch, "ana")
    at.switch_page("app_pages/overview.py").run()
    before = [h.value for h in at.html if "<table" in h.value]
    upload(at, "projects.csv", NEW_PROJECT.encode("utf-8"))
    assert any("Detected table: infrastructure" in i.value for i in at.info)
    assert any("1 Buddhist-era year(s) converted" in c.value for c in at.caption)
    confirm = next(b for b in at.button if b.label == "Confirm and load")
    confirm.click().run()
    assert any("Loaded as batch" in s.value and "1 rows inserted" in s.value for s in at.success)
    at.switch_page("app_pages/overview.py").run()
    after = [h.value for h in at.html if "<table" in h.value]
    assert before != after  # 1.1.1 counts the new completed eco-design project at once
    con = duckdb.connect(str(db))
    assert con.execute(
        "select year, eco_design, loaded_by from infrastructure join batches using (batch_id) where project_id = 'INF-99'"
    ).fetchall() == [(2024, True, "ana")]
    con.close()


def test_upload_bad_file_lists_problems_and_writes_nothing(db, monkeypatch):
    at = start(db, monkeypatch, "ana")
    con = duckdb.connect(str(db))
    before = fingerprint(con)
    con.close()
    upload(at, "bad.csv", b"project_id,name,system,subdistrict_code,year,status\nINF-98,,railway,190999,2022,done\n")
    assert any("4 problem(s) found" in e.value for e in at.error)
    report = at.dataframe[0].value
    assert sorted(report["column"]) == ["name", "status", "subdistrict_code", "system"] and set(report["row"]) == {2}
    assert not [b for b in at.button if b.label == "Confirm and load"]
    con = duckdb.connect(str(db))
    assert fingerprint(con) == before
    con.close()


def test_upload_cp874_file_keeps_thai(db, monkeypatch):
    at = start(db, monkeypatch, "ana")
    upload(at, "tis620.csv", NEW_PROJECT.encode("cp874"))
    assert any("encoding cp874" in c.value for c in at.caption)
    next(b for b in at.button if b.label == "Confirm and load").click().run()
    con = duckdb.connect(str(db))
    assert con.execute("select name from infrastructure where project_id = 'INF-99'").fetchall() == [("ถนนเชิงนิเวศใหม่",)]
    con.close()


def test_analyst_rolls_back_own_batch_through_the_dialog(db, monkeypatch):
    at = start(db, monkeypatch, "ana")
    upload(at, "projects.csv", NEW_PROJECT.encode("utf-8"))
    next(b for b in at.button if b.label == "Confirm and load").click().run()
    at.switch_page("app_pages/batches.py").run()
    chooser = next(s for s in at.selectbox if s.label == "Batch to roll back")
    assert len(chooser.options) == 1  # only her own batch; the demo batches are not hers
    next(b for b in at.button if b.label == "Roll back").click().run()
    next(b for b in at.button if b.label == "Yes, roll it back").click().run()
    assert any("rolled back: 1 rows deleted, 0 restored" in s.value for s in at.success), (
        [s.value for s in at.success],
        [e.value for e in at.error],
        [b.label for b in at.button],
    )
    con = duckdb.connect(str(db))
    assert con.execute("select count(*) from infrastructure where project_id = 'INF-99'").fetchall() == [(0,)]
    con.close()


def test_checklist_edit_is_saved_with_who_and_before_after(db):
    con = duckdb.connect(str(db))
    before = checklist(con, "evidence")
    after = before.copy()
    row = after.index[after["indicator_code"] == "19.1.1"][0]
    old = after.at[row, "status"]
    after.at[row, "status"] = "in_progress" if old != "in_progress" else "ready"
    after.at[row, "reference"] = "แฟ้ม 7"
    assert save_checklist(con, "evidence", before, after, "ana") == 2
    edits = con.execute(
        "select row_key, column_name, before_value, after_value, edited_by from checklist_edits order by edit_id"
    ).fetchall()
    assert edits[0][:2] == (f"{after.at[row, 'fiscal_year']}/19.1.1/1", "status") and edits[0][2] == old and edits[0][4] == "ana"
    bad = after.copy()
    bad.at[row, "status"] = "done"
    with pytest.raises(EditRefused, match="not allowed in .status."):
        save_checklist(con, "evidence", after, bad, "ana")
    con.close()


@pytest.mark.parametrize("page", ["app_pages/evidence.py", "app_pages/plan.py"])
def test_readiness_pages_edit_for_analysts_and_read_for_the_committee(db, monkeypatch, page):
    at = start(db, monkeypatch, "ana")
    at.switch_page(page).run()
    assert not at.exception
    next(b for b in at.button if b.label == "Save").click().run()
    assert any("Nothing changed" in s.value for s in at.success)
    committee = start(db, monkeypatch, "chair")
    committee.switch_page(page).run()
    assert not committee.exception and not [b for b in committee.button if b.label == "Save"]
    assert any("eit-list" in h.value for h in committee.html)  # the plan or checklist is there to read


def test_criteria_need_a_reason_and_change_the_verdict(db):
    con = duckdb.connect(str(db))
    with pytest.raises(EditRefused, match="reason"):
        update_criterion(con, "19.1.1", 35.0, True, "  ", "root")
    with pytest.raises(EditRefused, match="at most 100"):
        update_criterion(con, "19.1.1", 135.0, True, "typo", "root")
    assert update_criterion(con, "19.1.1", 99.0, False, "DIW letter 2026/1", "root")
    from metrics.engine import evaluate

    with con.cursor() as cur:
        r = evaluate(cur, 2024, "all").result("19.1.1")
    assert r.indicator.threshold == 99.0 and not r.indicator.provisional and r.status == "fail"
    assert con.execute("select threshold_before, threshold_after, reason, changed_by from criteria_changes").fetchall() == [
        (30.0, 99.0, "DIW letter 2026/1", "root")
    ]
    con.close()


def test_passwords_are_stored_only_as_bcrypt_hashes(db):
    con = duckdb.connect(str(db))
    hashes = [r[0] for r in con.execute("select password_hash from users").fetchall()]
    # bcrypt's own format at the cost in use (the suite's low one; production's 12: test_production_keeps_bcrypt_cost_12)
    assert hashes and all(h.startswith(f"$2b${accounts.COST:02d}$") and len(h) == 60 for h in hashes), hashes
    assert PASSWORD not in "".join(hashes)
    con.close()


def test_first_admin_gets_a_fresh_one_time_password(template_db, tmp_path):
    for name in ("a.duckdb", "b.duckdb"):  # two new installs, as `store init` leaves them
        shutil.copyfile(template_db, tmp_path / name)
    a, b = connect(tmp_path / "a.duckdb"), connect(tmp_path / "b.duckdb")
    pa, pb = accounts.ensure_first_admin(a), accounts.ensure_first_admin(b)
    assert pa and pb and pa != pb  # no password that works on every install
    assert accounts.ensure_first_admin(a) is None
    assert accounts.authenticate(a, "admin", pa).must_change_password
    a.close()
    b.close()


def cookie_scripts(at: AppTest) -> list[str]:
    """The nonces of the sidebar scripts that ask /auth/session for the HttpOnly cookie."""
    return [n for e in at.sidebar if e.type == "html" for n in re.findall(r"auth/session\?nonce=([\w-]+)", e.proto.body)]


def test_the_cookie_script_is_written_until_the_browser_has_claimed_it(db, monkeypatch):
    """A sign-in at the root address switches page right after the run that wrote the script; the browser
    could drop it unrun (intermittently, in the desk's browser tests). It stays until the nonce is claimed."""
    at = start(db, monkeypatch, "ana")  # at the root: sign-in, then the scorecard through a page switch
    (nonce,) = cookie_scripts(at)
    at.run()  # any later run while the browser has not claimed it
    assert cookie_scripts(at) == [nonce]
    assert web.redeem(nonce) is not None  # what POST /auth/session does
    at.run()
    assert cookie_scripts(at) == [] and web.redeem(nonce) is None


def test_an_unclaimed_cookie_nonce_is_renewed_when_it_expires(db, monkeypatch):
    monkeypatch.setattr(web, "HANDOFF_SECONDS", -1)  # every nonce expired as soon as it is made
    at = start(db, monkeypatch, "ana")
    (first,) = cookie_scripts(at)
    at.run()
    (second,) = cookie_scripts(at)
    assert second != first and web.handoff_state(first) == "expired"


def test_a_deactivated_analyst_loses_the_desk_on_the_next_run(db, monkeypatch):
    at = start(db, monkeypatch, "ana")
    at.switch_page("app_pages/upload.py").run()
    assert "Upload CSV" in page_titles(at)
    con = duckdb.connect(str(db))
    accounts.set_active(con, "ana", False)  # an admin, elsewhere
    con.close()
    at.run()  # the open tab's next click
    assert at.session_state["user"] is None and "Upload CSV" not in page_titles(at)


@pytest.mark.slow
def test_the_sql_console_is_for_analysts_and_refuses_writes(db, monkeypatch):
    committee = start(db, monkeypatch, "chair")
    assert not_in_navigation(committee, "app_pages/sql_console.py")  # committee members read the dashboard, not the tables
    at = start(db, monkeypatch, "ana")
    at.switch_page("app_pages/sql_console.py").run()
    assert not at.exception and "SQL console" in page_titles(at)
    at.text_area(key="console_sql").input("select subdistrict_code, count(*) as n from establishments group by 1 order by 1").run()
    next(b for b in at.button if b.label == "Run").click().run()
    assert any("2 rows" in c.value for c in at.caption)
    for bad in ("delete from establishments", "select * from users", "select * from read_csv('/etc/passwd')"):
        at.text_area(key="console_sql").input(bad).run()
        next(b for b in at.button if b.label == "Run").click().run()
        assert at.error, bad
    con = duckdb.connect(str(db))
    assert con.execute("select count(*) from establishments").fetchall()[0][0] > 0
    con.close()


class Tab:
    """Stands in for Streamlit's AppSession in the session store: its id, and whether it was shut down."""

    def __init__(self, session_id: str) -> None:
        self.id, self.shut_down = session_id, False

    def shutdown(self) -> None:
        self.shut_down = True


def stored(tab: Tab) -> SessionInfo:
    return SessionInfo(client=None, session=tab)  # type: ignore[arg-type]


def test_closed_tabs_sessions_are_shut_down_when_they_expire_or_make_room_not_when_they_reconnect():
    """Streamlit's own store drops an expired session without shutting it down (its files and state stayed)."""
    expiring = ClosingSessionStorage(ttl_seconds=0)  # every stored session has expired at once
    first, second = Tab("first"), Tab("second")
    expiring.save(stored(first))
    expiring.save(stored(second))  # storing reaps what has expired
    assert first.shut_down and expiring.get("first") is None

    full = ClosingSessionStorage(maxsize=1, ttl_seconds=120)
    old, new = Tab("old"), Tab("new")
    full.save(stored(old))
    full.save(stored(new))  # no room: the least recently used goes
    assert old.shut_down and full.get("old") is None

    back = full.get("new")  # a reconnect takes its session back: not shut down
    assert back is not None and back.session is new
    full.delete("new")
    full.delete("new")  # Streamlit may delete an id the store no longer holds
    assert not new.shut_down

    waiting = ClosingSessionStorage(ttl_seconds=0)
    alone = Tab("alone")
    waiting.save(stored(alone))
    waiting.sweep()  # the server's timer: no other tab needs to close first
    assert alone.shut_down and waiting.list() == []


def test_the_plans_participants_count_only_activities_with_a_target(db, monkeypatch):
    """Issue 27: 'ผู้เข้าร่วม 113 / 220' added the participants of meetings that had no target to those that had one.
    The demo's FY2567: 26 and 29 came to two meetings without a target; 58 of 120 to one with, 0 of 100 to another."""
    at = start(db, monkeypatch, "chair")
    at.query_params["fy"] = "2567"
    at.switch_page("app_pages/plan.py").run()
    assert not at.exception
    cards = " ".join(h.value for h in at.html)
    assert "58 / 220" in cards and "the 2 of 6 activities with a target" in cards, cards[:2000]
