"""Set-up shared by the tests that run the app: a copy of a database with accounts, the app in AppTest (signed in
or not), the sign-in form submitted, and the console's command line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from present import words
from store import accounts
from store.db import connect

if TYPE_CHECKING:
    import pytest
    from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "correct-horse-battery"


def add_accounts(con: duckdb.DuckDBPyConnection, users: dict[str, str], password: str = PASSWORD) -> None:
    """One account per username (its role the value), each with `password` in place of its one-time password."""
    for name, role in users.items():
        accounts.change_password(con, name, accounts.add_user(con, name, role, "tests"), password)


def copy_with_accounts(source: Path, path: Path, users: dict[str, str], password: str = PASSWORD, readers_may_read: bool = True) -> Path:
    """A copy of `source` (demo_db or template_db: initialised already, so opened, not migrated again) at `path`,
    with `users` (username: role) and reading open or closed to anonymous visitors."""
    shutil.copyfile(source, path)
    con = connect(path)
    accounts.set_public_read(con, readers_may_read, "tests")
    add_accounts(con, users, password)
    con.close()
    return path


def submit_sign_in(at: AppTest, username: str, password: str) -> AppTest:
    """Fill the sign-in form on the page shown (username, password) and submit it."""
    at.text_input[0].input(username)
    at.text_input[1].input(password)
    at.button[0].click().run()  # the form's submit button
    return at


def app_as(
    db: Path, monkeypatch: pytest.MonkeyPatch, user: str | None = None, lang: str = "en", password: str = PASSWORD, timeout: float = 120
) -> AppTest:
    """app.py in AppTest on `db`, in `lang`, run once at the root; with `user`, signed in where the form is: the
    root when reading is closed to anonymous visitors, else the sign-in page (app_pages/signin.py)."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("EIT_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=timeout)
    at.session_state["lang"] = lang
    at.run()
    if user:
        if [t.value for t in at.main.title] != [words.text("page_signin", lang)]:  # the root is the scorecard
            at.switch_page("app_pages/signin.py").run()
        submit_sign_in(at, user, password)
        assert at.session_state["user"].username == user
    return at


def cli(db: Path, sql: str, *extra: str) -> subprocess.CompletedProcess[str]:
    """`python -m metrics query` on `db`, its output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "metrics", "query", "--db", str(db), "--sql", sql, *extra],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
