"""Every page says what its data is as of, from the entry point (AppTest): a date in the reader's calendar and,
for staff, who loaded it; never a batch number; the demo says it is the demo."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from present.words import date_label
from store import accounts
from store.db import init
from store.export import as_of
from store.load import load_bytes
from tests.conftest import ESTABLISHMENTS
from ui.auth import ADMIN_PAGES, DESK_PAGES, READ_PAGES, SIGNIN_PAGE

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.usefixtures("fresh_caches")
PASSWORD = "correct-horse-battery"
# The Accounts page is left out: it shows accounts and sessions, no data of the town.
EVERY_PAGE = [spec[0] for spec in (*READ_PAGES, *DESK_PAGES, *ADMIN_PAGES, SIGNIN_PAGE) if spec[3] != "accounts"]


@pytest.fixture
def loaded(tmp_path: Path) -> tuple[Path, str]:
    """A real (not demo) database: establishments loaded by analyst1, open for reading, an admin to sign in."""
    path = tmp_path / "real.duckdb"
    con, _, _ = init(path)
    report = load_bytes(con, "establishments", ESTABLISHMENTS.encode(), "establishments.csv", loaded_by="analyst1")
    assert report.ok, report.problems
    accounts.change_password(con, "root", accounts.add_user(con, "root", "admin", "tests"), PASSWORD)
    accounts.set_public_read(con, True, "tests")
    when = as_of(con).loaded_at
    con.close()
    return path, date_label(when, "th")


def start(db: Path, monkeypatch: pytest.MonkeyPatch, lang: str, user: str | None = None) -> AppTest:
    monkeypatch.setenv("EIT_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.session_state["lang"] = lang
    at.run()
    if user:
        at.switch_page("app_pages/signin.py").run()
        at.text_input[0].input(user)
        at.text_input[1].input(PASSWORD)
        at.button[0].click().run()
        assert at.session_state["user"].username == user
    return at


def captions(at: AppTest) -> list[str]:
    return [c.value.replace("\\", "") for c in at.main.caption]  # md() escapes the line's punctuation


@pytest.mark.parametrize("page", EVERY_PAGE)
def test_every_page_says_when_and_who_loaded_the_data(loaded, monkeypatch, page):
    db, day = loaded
    at = start(db, monkeypatch, "th", "root")
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert f"ข้อมูล ณ {day} · นำเข้าโดย analyst1" in captions(at), (page, captions(at))
    assert not any("ชุดนำเข้า" in c for c in captions(at))  # no batch jargon


def test_english_and_a_reader_who_is_not_signed_in_gets_the_date_only(loaded, monkeypatch):
    db, _ = loaded
    con = duckdb.connect(str(db))
    when = as_of(con).loaded_at
    con.close()
    at = start(db, monkeypatch, "en")
    for page in [spec[0] for spec in READ_PAGES]:
        at.switch_page(page).run()
        assert f"Data as of {date_label(when, 'en')}" in captions(at), page
        assert not any("analyst1" in c for c in captions(at)), page  # a staff member's name is for staff


def test_the_demo_says_it_is_the_demo(demo_db, monkeypatch):
    con = duckdb.connect(str(demo_db), read_only=True)
    when = as_of(con).loaded_at
    con.close()
    at = start(demo_db, monkeypatch, "th")
    assert f"ข้อมูลสาธิต ณ {date_label(when, 'th')}" in captions(at)


def test_an_undone_load_says_who_undid_it(loaded, monkeypatch):
    from store.load import rollback

    db, _ = loaded
    con = duckdb.connect(str(db))
    rollback(con, int(as_of(con).batch_id or 0), by="root")
    change = as_of(con)
    con.close()
    assert change.undone and change.by == "root"
    at = start(db, monkeypatch, "en", "root")
    at.switch_page("app_pages/overview.py").run()
    assert f"Data as of {date_label(change.loaded_at, 'en')} · latest load undone by root" in captions(at)
