"""Sign-in returns to where the reader was, with the view (page, year, area, indicator), for every role, in a
real browser; a page the role may not use, or a return address from outside the app, gives the overview."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import duckdb
import pytest

from store import accounts
from store.geo import load_boundaries
from tests.browser import CHROMIUM, artifact, main_pane_overflow, running_app, screenshot, wait_ready
from tests.conftest import BOUNDARIES
from ui.i18n import TEXT

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists() and os.environ.get("CI") != "true":
    pytest.skip("Debian's chromium is not installed (scripts/run-tests.sh installs it)", allow_module_level=True)

PASSWORD = "หินปูน-เขาวง-ปลอดภัย"
USERS = {"committee": "kru", "analyst": "ana", "admin": "boss"}
KHAO_WONG = "190906"
VIEW = f"code=13.2.1&year=2566&area={KHAO_WONG}&lang=th"


@pytest.fixture(scope="module")
def app(demo_db: Path, tmp_path_factory: pytest.TempPathFactory):
    """The demo, open for reading (as scripts/run-app.sh opens it), with one account per role."""
    db = tmp_path_factory.mktemp("signin_return") / "demo.duckdb"
    shutil.copy(demo_db, db)
    con = duckdb.connect(str(db))
    load_boundaries(con, BOUNDARIES)  # the map's outlines and labels, as a deployment that fetched them has
    for role, name in USERS.items():
        accounts.change_password(con, name, accounts.add_user(con, name, role, "tests"), PASSWORD)
    con.close()
    with running_app(db) as url:
        yield url


def params(url: str) -> dict[str, str]:
    return {k: v[-1] for k, v in parse_qs(urlsplit(url).query).items()}


def sign_in(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """Through the real form, in Thai; waits until the browser has its cookie."""
    page.get_by_role("textbox", name="ชื่อผู้ใช้").fill(name)
    page.get_by_role("textbox", name="รหัสผ่าน").fill(PASSWORD)
    with page.expect_response(lambda r: "/auth/session" in r.url, timeout=60_000):
        page.get_by_role("button", name="เข้าสู่ระบบ", exact=True).click()


def landed(page, heading: str) -> str:  # type: ignore[no-untyped-def]
    page.get_by_role("heading", name=heading, exact=True).wait_for(timeout=60_000)
    wait_ready(page)
    return page.locator('[data-testid="stMain"]').inner_text()


@pytest.mark.parametrize("role", list(USERS))
def test_a_reader_signs_in_from_the_sidebar_and_lands_back_on_the_same_view(app, browser, role):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(f"{app}/indicator?{VIEW}")
    landed(page, "รายละเอียดตัวชี้วัด")
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="เข้าสู่ระบบ (เจ้าหน้าที่)").click()
    page.get_by_role("textbox", name="ชื่อผู้ใช้").wait_for(timeout=60_000)
    assert urlsplit(page.url).path == "/signin" and params(page.url)["next"] == "indicator"
    sign_in(page, USERS[role])
    text = landed(page, "รายละเอียดตัวชี้วัด")
    assert urlsplit(page.url).path == "/indicator", page.url
    got = params(page.url)
    assert (got["code"], got["year"], got["area"], got["lang"]) == ("13.2.1", "2566", KHAO_WONG, "th") and "next" not in got
    assert "13.2.1" in text and "บทบาทของคุณไม่มีสิทธิ์ใช้หน้านี้" not in text
    screenshot(page, f"signin_return_{role}")
    sidebar = page.locator('[data-testid="stSidebar"]')
    chosen = sidebar.get_by_role("combobox").evaluate_all("boxes => boxes.map(b => b.value || b.textContent)")
    assert any("เขาวง" in c for c in chosen) and "2566" in chosen, chosen  # the sidebar's area and year
    assert f"({TEXT[f'role_{role}'][0]})" in sidebar.inner_text()  # signed in, as that role
    context.close()


def test_a_link_changed_on_the_page_is_the_one_returned_to(app, browser):
    """The indicator chosen on the page just before clicking sign in, not the one the page was opened with."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(f"{app}/map?{VIEW}")
    landed(page, "แผนที่")
    page.locator('[data-testid="stMain"]').get_by_role("combobox").first.click()
    page.get_by_role("option", name=re.compile(r"^7\.1\.1 ")).click()
    page.wait_for_url("**code=7.1.1**", timeout=60_000)
    wait_ready(page)
    page.locator('[data-testid="stSidebar"]').get_by_role("link", name="เข้าสู่ระบบ (เจ้าหน้าที่)").click()
    sign_in(page, USERS["committee"])
    landed(page, "แผนที่")
    got = params(page.url)
    assert urlsplit(page.url).path == "/map" and (got["code"], got["year"], got["area"]) == ("7.1.1", "2566", KHAO_WONG)
    context.close()


@pytest.mark.parametrize("start", [f"/upload?{VIEW}", f"/signin?next=criteria&{VIEW}", f"/signin?next=accounts&{VIEW}"])
def test_a_page_the_role_may_not_use_gives_the_overview_with_the_view(app, browser, start):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(app + start)
    page.get_by_role("textbox", name="ชื่อผู้ใช้").wait_for(timeout=60_000)
    sign_in(page, USERS["committee"])
    text = landed(page, "ภาพรวมตัวชี้วัด")
    got = params(page.url)
    assert urlsplit(page.url).path == "/overview" and (got["year"], got["area"]) == ("2566", KHAO_WONG) and "next" not in got
    assert "บทบาทของคุณไม่มีสิทธิ์ใช้หน้านี้" not in text
    context.close()


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/x",
        "/../../etc/passwd",
        "javascript:alert(1)",
        "overview/../upload",
        "app_pages/upload.py",
        "signin",
    ],
)
def test_a_crafted_return_address_is_ignored(app, browser, target):
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(f"{app}/signin?{VIEW}&next={target}")
    page.get_by_role("textbox", name="ชื่อผู้ใช้").wait_for(timeout=60_000)
    sign_in(page, USERS["analyst"])
    landed(page, "ภาพรวมตัวชี้วัด")
    assert page.url.startswith(app + "/overview?"), page.url  # never another site, never the upload page
    got = params(page.url)
    assert (got["year"], got["area"]) == ("2566", KHAO_WONG) and "next" not in got
    context.close()


@pytest.mark.parametrize("width", [1440, 390])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_map_and_sidebar_say_what_the_data_is_as_of(app, browser, lang, width):
    """Looked at (EIT_SCREENSHOTS=1): the as-of line under the title, the map's labels under the cluster counts,
    the sidebar's sign-in link; on a phone the sidebar opened as well."""
    context = browser.new_context(viewport={"width": width, "height": 900 if width > 400 else 844})
    page = context.new_page()
    page.goto(f"{app}/map?code=13.2.1&year=2566&area=all&lang={lang}")
    text = landed(page, "แผนที่" if lang == "th" else "Map")
    assert ("ข้อมูลสาธิต ณ " if lang == "th" else "Demo data as of ") in text
    page.frame_locator("iframe").first.locator(".eit-cluster").first.wait_for(timeout=60_000)  # the map has drawn
    assert main_pane_overflow(page) <= 1
    screenshot(page, f"map_as_of_{lang}_{width}")
    if width < 800:
        page.get_by_test_id("stExpandSidebarButton").click()
    link = page.locator('[data-testid="stSidebar"]').get_by_role("link", name="เข้าสู่ระบบ (เจ้าหน้าที่)" if lang == "th" else "Sign in (staff)")
    link.wait_for(timeout=30_000)
    path = artifact(f"sidebar_{lang}_{width}.png")
    if path is not None:  # the window as it is, the sidebar open
        page.screenshot(path=str(path))
    context.close()


@pytest.mark.parametrize("lang,width", [("th", 1440), ("en", 1440), ("th", 390)])
def test_a_closed_factorys_profile_says_its_later_practices_postdate_the_closure(app, browser, lang, width):
    """Looked at (EIT_SCREENSHOTS=1): identity cards, whole indicator names, the † years and their note."""
    context = browser.new_context(viewport={"width": width, "height": 900 if width > 400 else 844})
    page = context.new_page()
    page.goto(f"{app}/establishment?id=DEMO-F017&year=2566&lang={lang}")
    text = landed(page, "ข้อมูลสถานประกอบการ" if lang == "th" else "Establishment profile")
    assert ("บันทึกหลังสถานประกอบการเลิกกิจการ" if lang == "th" else "recorded after the establishment closed") in text
    assert main_pane_overflow(page) <= 1
    screenshot(page, f"profile_closed_{lang}_{width}")
    context.close()
