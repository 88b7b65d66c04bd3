"""The data desk in a real browser: anonymous visitors, an analyst's upload → scorecard → rollback round trip."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import duckdb
import pytest

from tests.apps import copy_with_accounts
from tests.browser import CHROMIUM, CHROMIUM_ARGS, resident_mib, running_app, screenshot, server_pid, sign_in, wait_ready

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists() and os.environ.get("CI") != "true":
    pytest.skip("Debian's chromium is not installed (scripts/run-tests.sh installs it)", allow_module_level=True)

PASSWORD = "analyst-password-1"
GOOD = "project_id,name,system,subdistrict_code,year,status,eco_design\nINF-77,ทางจักรยานเชิงนิเวศ,road,191306,2567,completed,yes\n"
BAD = "project_id,name,system,subdistrict_code,year,status,eco_design\nINF-78,,railway,191306,2567,completed,maybe\n"


@pytest.fixture(scope="module")
def desk(demo_db: Path, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("desk")
    db = copy_with_accounts(demo_db, folder / "desk.duckdb", {"ana": "analyst"}, PASSWORD, readers_may_read=False)
    (folder / "good.csv").write_text(GOOD, encoding="utf-8-sig")
    (folder / "bad.csv").write_text(BAD, encoding="utf-8")
    with running_app(db) as url:
        yield url, folder


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 1800})
        yield pg
        browser.close()


def english(page) -> None:
    page.get_by_text("English", exact=True).click()
    wait_ready(page)


def main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


def heading(page, name: str) -> None:
    """Wait for a page's title: after a click the old page may still report itself idle for a moment."""
    page.get_by_role("heading", name=name, exact=True).wait_for(timeout=60_000)
    wait_ready(page)


def sign_in_as_analyst(page, url: str) -> None:
    """Through the real form, in English; lands on the scorecard."""
    page.goto(url + "/")
    wait_ready(page)
    english(page)
    sign_in(page, "ana", PASSWORD)
    heading(page, "Scorecard")


def value_of(page, code: str, next_code: str) -> str:
    """The scorecard row of `code`: the text between its code link and the next one."""
    page.get_by_role("link", name=next_code, exact=True).wait_for(timeout=60_000)
    wait_ready(page)
    text = main_text(page)
    start = text.index(code + "\n")
    return text[start : text.index(next_code + "\n", start)]


@pytest.mark.parametrize("path", ["/upload", "/batches", "/checklists", "/criteria", "/accounts", "/"])
def test_anonymous_visitor_reaches_no_writing_page(desk, page, path):
    url, _ = desk
    page.goto(url + path)
    wait_ready(page)
    assert page.locator('input[type="file"]').count() == 0
    assert page.get_by_role("button", name=re.compile("เข้าสู่ระบบ|Sign in")).count() == 1  # only the sign-in form
    assert "ภาพรวมตัวชี้วัด" not in main_text(page)


def test_analyst_uploads_sees_scorecard_change_and_rolls_back(desk, page):
    url, folder = desk
    sign_in_as_analyst(page, url)
    before = value_of(page, "1.1.1", "1.2.1")

    page.get_by_role("link", name="Upload CSV").click()
    heading(page, "Upload CSV")
    page.locator('input[type="file"]').set_input_files(str(folder / "bad.csv"))
    page.get_by_text("problem(s) found").wait_for(timeout=30_000)
    assert "3 problem(s) found — nothing has been written" in main_text(page)
    assert page.get_by_role("button", name="Confirm and load").count() == 0
    screenshot(page, "upload_bad_file_en")

    page.locator('input[type="file"]').set_input_files(str(folder / "good.csv"))  # replaces the single file
    page.get_by_role("button", name="Confirm and load").click()
    page.get_by_text("Loaded as batch").wait_for(timeout=60_000)
    assert "1 rows inserted, 0 replaced" in main_text(page)
    screenshot(page, "upload_loaded_en")

    page.get_by_role("link", name="Scorecard").click()
    heading(page, "Scorecard")
    after = value_of(page, "1.1.1", "1.2.1")
    count = re.compile(r"\n(\d+)\s")  # the count after the indicator's name
    n_before = int(count.search(before).group(1))  # type: ignore[union-attr]
    assert int(count.search(after).group(1)) == n_before + 1  # type: ignore[union-attr]  # the new project counts at once

    page.get_by_role("link", name="Batch history").click()
    heading(page, "Batch history")
    page.get_by_role("button", name="Roll back").click()
    page.get_by_role("dialog").get_by_role("button", name="Yes, roll it back").click()
    page.get_by_text("rolled back: 1 rows deleted").wait_for(timeout=30_000)
    screenshot(page, "rollback_done_en")
    page.get_by_role("link", name="Scorecard").click()
    heading(page, "Scorecard")
    assert int(count.search(value_of(page, "1.1.1", "1.2.1")).group(1)) == n_before  # type: ignore[union-attr]

    for path in ("/criteria", "/accounts"):
        page.goto(url + path)
        wait_ready(page)
        assert "Criteria" not in main_text(page) and "Accounts" not in main_text(page)


def test_a_reload_keeps_the_sign_in_until_sign_out(desk, page):
    url, _ = desk
    with page.expect_response(lambda r: "/auth/session" in r.url, timeout=60_000) as claimed:
        sign_in_as_analyst(page, url)
    assert claimed.value.status == 200
    # The session cookie is HttpOnly: the browser holds it, no script on the page can read it.
    (cookie,) = [c for c in page.context.cookies() if c["name"].startswith("eit_sid_")]
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and "eit_sid_" not in page.evaluate("document.cookie")
    page.goto(url + "/upload")  # a full reload: a new Streamlit session
    page.get_by_role("heading", name=re.compile("Upload CSV|นำเข้าข้อมูล CSV")).wait_for(timeout=60_000)
    page.get_by_role("link", name=re.compile("My account|บัญชีของฉัน")).click()
    page.get_by_role("button", name=re.compile("Sign out|ออกจากระบบ")).click()
    page.get_by_role("textbox", name=re.compile("Username|ชื่อผู้ใช้")).wait_for(timeout=60_000)
    page.goto(url + "/upload")
    wait_ready(page)
    page.get_by_role("button", name=re.compile("^(Sign in|เข้าสู่ระบบ)$")).wait_for(timeout=60_000)
    assert page.locator('input[type="file"]').count() == 0


def test_excel_round_trip_and_the_same_file_twice(desk, page, tmp_path):
    """Download a table as it is now, fix one row as Excel would, upload it; then the same file again."""
    url, _ = desk
    sign_in_as_analyst(page, url)
    page.get_by_role("link", name="Batch history").click()
    heading(page, "Batch history")
    with page.expect_download() as got:
        page.get_by_role("button", name="Download CSV").nth(1).click()  # the second: the table as it is now
    data = Path(got.value.path()).read_bytes()
    assert got.value.suggested_filename.startswith("establishments_b") and data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("factory_id,name_th,name_en,kind")
    fixed = text.replace("DEMO-F001,บริษัท", "DEMO-F001,แก้แล้ว บริษัท", 1)
    assert fixed != text
    upload = tmp_path / "establishments_fixed.csv"
    upload.write_bytes(fixed.encode("utf-8-sig"))

    page.get_by_role("link", name="Upload CSV").click()
    heading(page, "Upload CSV")
    page.locator('input[type="file"]').set_input_files(str(upload))
    page.get_by_role("button", name="Confirm and load").click()
    page.get_by_text("Loaded as batch").wait_for(timeout=60_000)
    assert "0 rows inserted, 190 replaced" in main_text(page)
    screenshot(page, "upload_round_trip_en")
    batch = int(re.search(r"Loaded as batch (\d+)", main_text(page)).group(1))  # type: ignore[union-attr]

    page.reload()  # a new session: the batch log, not the session, knows the file
    wait_ready(page)
    english(page)
    page.locator('input[type="file"]').set_input_files(str(upload))
    page.get_by_text("was loaded as batch").wait_for(timeout=60_000)
    assert f"This file (the same bytes) was loaded as batch {batch} on" in main_text(page) and "by ana" in main_text(page)
    assert page.get_by_role("button", name="Confirm and load").is_disabled()
    screenshot(page, "upload_same_file_en")

    page.get_by_role("link", name="Batch history").click()
    heading(page, "Batch history")
    with page.expect_download() as got:
        page.get_by_role("button", name="Download the original file (as uploaded)").click()
    assert Path(got.value.path()).read_bytes() == upload.read_bytes()
    assert got.value.suggested_filename == "establishments_fixed.csv"


def test_a_closed_upload_page_gives_its_file_back_to_the_server(desk, page):
    """Streamlit kept a closed tab's session, with its uploaded file, for a reconnect and then dropped it without
    shutting it down, so the file stayed in the server's memory for its life (1.3 GB after eleven 47 MB files
    chosen on fresh upload pages: bench.hostile_uploads --page-only). Now a session that holds a file is kept
    15 s for a reconnect and then shut down (webserver.streamlit_internals.ClosingSessionStorage)."""
    url, folder = desk
    big = folder / "blank_lines.csv"  # refused before parsing (more than 2,000,000 lines): cheap to check
    big.write_bytes(GOOD.splitlines()[0].encode() + b"\n" + b"\n" * (40 * 2**20))
    pid = server_pid(url)
    sign_in_as_analyst(page, url)
    before = resident_mib(pid)
    for _ in range(4):  # each on a fresh page, as after a reload: the last tab's session is left behind
        page.goto(url + "/upload?lang=en")
        heading(page, "Upload CSV")
        page.locator('input[type="file"]').set_input_files(str(big))
        page.get_by_text("problem(s) found").wait_for(timeout=60_000)
    page.goto(url + "/overview?lang=en")  # the last upload page goes too
    heading(page, "Scorecard")
    deadline = time.monotonic() + 45  # kept 15 s for a reconnect, then shut down by a timer on the server
    while (grown := resident_mib(pid) - before) >= 40 and time.monotonic() < deadline:
        time.sleep(1)
    assert grown < 40, f"the server still holds {grown:.0f} MiB more after four 40 MiB files on closed pages"
    big.unlink()


# Keeps every WebSocket the page opens, so a test can drop the connection as a network would.
SOCKETS = """(() => {
  const Native = window.WebSocket;
  window.__sockets = [];
  window.WebSocket = function (...args) { const socket = new Native(...args); window.__sockets.push(socket); return socket; };
  window.WebSocket.prototype = Native.prototype;
  Object.assign(window.WebSocket, Native);
})()"""


def test_an_upload_page_that_loses_its_connection_comes_back_to_its_file(desk, page):
    """A dropped connection is not a closed tab: the session comes back within seconds, with its file and check."""
    url, folder = desk
    page.add_init_script(SOCKETS)
    sign_in_as_analyst(page, url)
    page.goto(url + "/upload?lang=en")
    heading(page, "Upload CSV")
    page.locator('input[type="file"]').set_input_files(str(folder / "bad.csv"))
    page.get_by_text("3 problem(s) found").wait_for(timeout=60_000)
    page.evaluate("window.__sockets.forEach(s => s.close(4000, 'network drop'))")
    page.wait_for_function("window.__sockets.length >= 2 && window.__sockets.at(-1).readyState === WebSocket.OPEN", timeout=60_000)
    page.get_by_text("ไทย", exact=True).click()  # a new run of the page, on the server, after the reconnect
    page.get_by_text("พบปัญหา 3 รายการ").wait_for(timeout=60_000)  # the file was still there to check
    wait_ready(page)


def test_the_upload_endpoint_refuses_anyone_not_signed_in_as_analyst_and_headers_are_set(desk):
    import urllib.error
    import urllib.request

    url, _ = desk
    body = b'--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n' + b"a" * 1000 + b"\r\n--x--\r\n"
    request = urllib.request.Request(
        url + "/_stcore/upload_file/some-session/some-file",
        data=body,
        method="PUT",
        headers={"Content-Type": "multipart/form-data; boundary=x"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 403
    with urllib.request.urlopen(url + "/", timeout=30) as page:
        assert page.headers["X-Content-Type-Options"] == "nosniff" and "frame-ancestors 'self'" in page.headers["Content-Security-Policy"]
        assert page.headers["Strict-Transport-Security"] is None  # plain HTTP: HSTS only under HTTPS
    behind_tls = urllib.request.Request(url + "/", headers={"X-Forwarded-Proto": "https"})
    with urllib.request.urlopen(behind_tls, timeout=30) as page:
        assert page.headers["Strict-Transport-Security"] == "max-age=31536000"
    with pytest.raises(urllib.error.HTTPError) as closed:
        urllib.request.urlopen(url + "/_stcore/metrics", timeout=30)
    assert closed.value.code == 404  # Streamlit's metrics list sessions and caches

    def post(path: str, **headers: str) -> int:
        try:
            with urllib.request.urlopen(urllib.request.Request(url + path, data=b"", method="POST", headers=headers), timeout=30) as r:
                return r.status
        except urllib.error.HTTPError as error:
            return error.code

    # Another site can neither sign a visitor out nor hand them a session (login CSRF).
    assert post("/auth/signout", Origin="http://evil.example") == 403
    assert post("/auth/signout", **{"Sec-Fetch-Site": "cross-site"}) == 403
    assert post("/auth/session?nonce=x", Origin="http://evil.example") == 403
    own = url.split("//", 1)[1]
    assert post("/auth/signout", Origin="http://" + own, **{"Sec-Fetch-Site": "same-origin"}) == 200
    assert post("/auth/session?nonce=unknown", Origin="http://" + own) == 403  # same site, but no such nonce


def grid_cells(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The text of a data frame's cells, from the grid's accessible table (the visible grid is a canvas)."""
    cells = page.locator('[data-testid="stDataFrame"] [role="gridcell"]')
    cells.first.wait_for(state="attached", timeout=60_000)
    return cells.all_text_contents()


def test_search_leads_to_the_profile_and_the_console_answers_and_refuses(desk, page, demo_db):
    url, _ = desk
    sign_in_as_analyst(page, url)

    page.set_viewport_size({"width": 3200, "height": 1800})  # the grid renders only the columns on screen: all of them
    page.goto(url + "/search?lang=en")
    heading(page, "Establishment search")
    page.get_by_role("textbox", name="Name or registration number (Thai or Latin)").fill("DEMO-F003")
    page.keyboard.press("Enter")
    page.get_by_text(re.compile(r"^1 of \d+ establishments")).first.wait_for(timeout=60_000)
    wait_ready(page)
    page.wait_for_function(  # the grid redraws after the count above: wait for its rows to be the hits
        """() => [...document.querySelectorAll('[data-testid="stDataFrame"] [role="gridcell"]')]
                 .filter(c => c.textContent.includes('establishment?')).length === 1""",
        timeout=60_000,
    )
    links = [c for c in grid_cells(page) if "establishment?" in c]
    assert len(links) == 1 and "id=DEMO-F003" in links[0]
    page.goto(url + "/" + links[0].strip())  # the profile link of the hit, as the table's "open" follows it
    page.get_by_text("Indicators this establishment counts toward", exact=False).first.wait_for(timeout=60_000)
    assert "id=DEMO-F003" in page.url and "Rungrueang Ready-mixed concrete 3" in main_text(page)  # its name, from the hit's row

    page.goto(url + "/sql?lang=en")
    heading(page, "SQL console")
    page.get_by_role("textbox", name="SQL").fill("select count(*) as n from establishments where factory_id like 'DEMO-F%'")
    page.get_by_role("button", name="Run").click()
    page.get_by_text(re.compile(r"^1 rows · [\d.]+ s$")).wait_for(timeout=60_000)
    wait_ready(page)
    with duckdb.connect(str(demo_db), read_only=True) as con:  # the data the app serves a copy of
        expected = con.execute("select count(*) from establishments where factory_id like 'DEMO-F%'").fetchall()[0][0]
    page.wait_for_function(  # the result's one cell, among the grids of the page
        """(n) => [...document.querySelectorAll('[data-testid="stDataFrame"] [role="gridcell"]')].some(c => c.textContent.trim() === n)""",
        arg=str(expected),
        timeout=60_000,
    )
    page.get_by_role("textbox", name="SQL").fill("drop table establishments")
    page.get_by_role("button", name="Run").click()
    page.get_by_text("Only a SELECT", exact=False).wait_for(timeout=60_000)
    screenshot(page, "console_refusal_en")
