"""Every page says what its data is as of, from the entry point (AppTest): a date in the reader's calendar and,
for staff, who loaded it; never a batch number; the demo says it is the demo."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from present.words import date_label
from store.db import connect
from store.export import as_of
from store.load import load_bytes
from tests.apps import app_as, copy_with_accounts
from tests.conftest import ESTABLISHMENTS
from ui.auth import ADMIN_PAGES, DESK_PAGES, READ_PAGES, SIGNIN_PAGE

pytestmark = pytest.mark.usefixtures("fresh_caches")
# The Accounts page is left out: it shows accounts and sessions, no data of the town.
EVERY_PAGE = [spec[0] for spec in (*READ_PAGES, *DESK_PAGES, *ADMIN_PAGES, SIGNIN_PAGE) if spec[3] != "accounts"]


@pytest.fixture
def loaded(template_db: Path, tmp_path: Path) -> tuple[Path, str]:
    """A real (not demo) database, new as `store init` leaves it: establishments loaded by analyst1, open for
    reading, an admin to sign in."""
    path = copy_with_accounts(template_db, tmp_path / "real.duckdb", {"root": "admin"})
    con = connect(path)
    report = load_bytes(con, "establishments", ESTABLISHMENTS.encode(), "establishments.csv", loaded_by="analyst1")
    assert report.ok, report.problems
    when = as_of(con).loaded_at
    con.close()
    return path, date_label(when, "th")


def captions(at: AppTest) -> list[str]:
    return [c.value.replace("\\", "") for c in at.main.caption]  # md() escapes the line's punctuation


@pytest.mark.parametrize("page", EVERY_PAGE)
def test_every_page_says_when_and_who_loaded_the_data(loaded, monkeypatch, page):
    db, day = loaded
    at = app_as(db, monkeypatch, "root", "th")
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert f"ข้อมูล ณ {day} · นำเข้าโดย analyst1" in captions(at), (page, captions(at))
    assert not any("ชุดนำเข้า" in c for c in captions(at))  # no batch jargon


def test_english_and_a_reader_who_is_not_signed_in_gets_the_date_only(loaded, monkeypatch):
    db, _ = loaded
    con = duckdb.connect(str(db))
    when = as_of(con).loaded_at
    con.close()
    at = app_as(db, monkeypatch, lang="en")
    for page in [spec[0] for spec in READ_PAGES]:
        at.switch_page(page).run()
        assert f"Data as of {date_label(when, 'en')}" in captions(at), page
        assert not any("analyst1" in c for c in captions(at)), page  # a staff member's name is for staff


def test_the_demo_says_it_is_the_demo(demo_db, monkeypatch):
    con = duckdb.connect(str(demo_db), read_only=True)
    when = as_of(con).loaded_at
    con.close()
    at = app_as(demo_db, monkeypatch, lang="th")
    assert f"ข้อมูลสาธิต ณ {date_label(when, 'th')}" in captions(at)


def test_an_undone_load_says_who_undid_it(loaded, monkeypatch):
    from store.load import rollback

    db, _ = loaded
    con = duckdb.connect(str(db))
    rollback(con, int(as_of(con).batch_id or 0), by="root")
    change = as_of(con)
    con.close()
    assert change.undone and change.by == "root"
    at = app_as(db, monkeypatch, "root")
    at.switch_page("app_pages/overview.py").run()
    assert f"Data as of {date_label(change.loaded_at, 'en')} · latest load undone by root" in captions(at)
