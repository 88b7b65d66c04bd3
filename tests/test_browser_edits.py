"""Shared edits in a real browser: two analysts edit the same checklist item at once (the second is refused, named),
the sidebar's year moves the plan's and the checklist's fiscal year, and leaving with unsaved edits asks first."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from store import accounts
from tests.browser import CHROMIUM, CHROMIUM_ARGS, running_app, screenshot, wait_ready

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists() and os.environ.get("CI") != "true":
    pytest.skip("Debian's chromium is not installed (scripts/run-tests.sh installs it)", allow_module_level=True)

PASSWORD = "analyst-password-1"
GRID = ".st-key-editor_evidence_2567"  # the analysts' editor of fiscal year 2567 (the demo's newest data year, 2024)
REFERENCE_COLUMN = 5  # indicator, no., item, responsible, status, reference


@pytest.fixture
def app(demo_db: Path, tmp_path: Path):
    """The app on a private copy of the demo database per test: each test's edits are its own."""
    db = tmp_path / "edits.duckdb"
    shutil.copy(demo_db, db)
    con = duckdb.connect(str(db))
    accounts.set_public_read(con, False, "tests")
    for name in ("ana", "bob"):
        accounts.change_password(con, name, accounts.add_user(con, name, "analyst", "tests"), PASSWORD)
    con.close()
    with running_app(db) as url:
        yield url, db


def signed_in(browser, url: str, name: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    """A browser session of its own (its own cookies), signed in through the real form."""
    context = browser.new_context(viewport={"width": 1400, "height": 1800})
    page = context.new_page()
    page.goto(f"{url}/?lang={lang}")
    wait_ready(page)
    page.get_by_role("textbox", name=re.compile("Username|ชื่อผู้ใช้")).fill(name)
    page.get_by_role("textbox", name=re.compile("Password|รหัสผ่าน")).fill(PASSWORD)
    page.get_by_role("button", name=re.compile("^(Sign in|เข้าสู่ระบบ)$")).click()
    page.get_by_role("heading", name=re.compile("Scorecard|ภาพรวมตัวชี้วัด")).wait_for(timeout=60_000)
    wait_ready(page)
    return context, page


def open_page(page, url: str, path: str, title: str, lang: str = "en") -> str:  # type: ignore[no-untyped-def]
    page.goto(f"{url}/{path}?lang={lang}")
    page.get_by_role("heading", name=title, exact=True).wait_for(timeout=60_000)
    wait_ready(page)
    return page.locator('[data-testid="stMain"]').inner_text()


def open_cell(page, grid: str, column: int, row: int = 0) -> None:  # type: ignore[no-untyped-def]
    """Open one cell's editor as a person does: click the grid's first cell, arrow across and down, press Enter."""
    page.bring_to_front()  # two sessions side by side: a page in the background draws (and commits) nothing
    page.locator(f'{grid} [role="gridcell"]').first.wait_for(state="attached", timeout=60_000)  # the grid has drawn its rows
    for _ in range(3):  # the grid may move while the page settles (a notice above it comes or goes): click until it selects
        canvas = page.locator(f"{grid} canvas").first
        canvas.scroll_into_view_if_needed()
        box = canvas.bounding_box()
        assert box is not None
        page.mouse.click(box["x"] + 20, box["y"] + 35 + 17)  # below the header row, in the first column
        if selected(page, grid, 0, 0, 5_000):
            break
    for _ in range(column):
        page.keyboard.press("ArrowRight")
    for _ in range(row):
        page.keyboard.press("ArrowDown")
    assert selected(page, grid, column, row)
    page.keyboard.press("Enter")


def selected(page, grid: str, column: int, row: int, timeout: float = 30_000) -> bool:  # type: ignore[no-untyped-def]
    """Whether the grid says (in its accessible table), within the timeout, that this cell is the one selected."""
    cell = page.locator(f'{grid} [data-testid="glide-cell-{column}-{row}"][aria-selected="true"]')
    try:
        cell.wait_for(state="attached", timeout=timeout)
    except PlaywrightTimeout:
        return False
    return True


def type_into_cell(page, grid: str, column: int, text: str, row: int = 0) -> None:  # type: ignore[no-untyped-def]
    """Replace one text cell's value by typing, and wait for the page's run with the edit."""
    open_cell(page, grid, column, row)
    editing = page.locator("textarea.gdg-input")
    editing.wait_for(timeout=30_000)
    editing.fill(text)
    editing.press("Enter")
    page.get_by_text(re.compile(r"\d+ unsaved change|ยังไม่บันทึก \d+ ช่อง")).first.wait_for(timeout=60_000)
    wait_ready(page)


def test_two_sessions_edit_the_same_item_and_the_second_is_refused_with_the_name(app, browser):
    url, db = app
    second = browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)  # two people, two browsers
    ana_context, ana = signed_in(browser, url, "ana")
    bob_context, bob = signed_in(second, url, "bob")
    try:
        for page in (ana, bob):  # both read the checklist before either saves
            text = open_page(page, url, "evidence", "Evidence checklist")
            assert "Fiscal year 2024 (Oct 2023 – Sep 2024), from the year 2024 chosen in the sidebar" in text
        type_into_cell(bob, GRID, REFERENCE_COLUMN, "file of bob")
        bob.get_by_text("1 unsaved change(s)").wait_for(timeout=30_000)
        bob.get_by_role("button", name="Save", exact=True).click()
        bob.get_by_text("Saved 1 changed cell(s)").wait_for(timeout=60_000)

        type_into_cell(ana, GRID, REFERENCE_COLUMN, "file of ana")
        ana.get_by_text("1 unsaved change(s)").wait_for(timeout=30_000)
        ana.get_by_role("button", name="Save", exact=True).click()
        ana.get_by_text("1 row(s) not saved").wait_for(timeout=60_000)
        refusal = ana.locator('[data-testid="stAlertContentError"]').inner_text()
        assert "changed by bob at" in refusal and ": Reference → file of bob (yours" in refusal and "file of ana" in refusal
        screenshot(ana, "edits_stale_save_refused_en")
        ana.get_by_role("button", name=re.compile("Keep mine")).click()
        ana.get_by_text("Saved 1 changed cell(s)").wait_for(timeout=60_000)
        ana.get_by_text("Edit history").click()
        history = ana.locator('[data-testid="stExpander"]').filter(has_text="Edit history")
        history.get_by_text("kept mine over a newer version").first.wait_for(state="attached", timeout=30_000)
        wait_ready(ana)
        screenshot(ana, "edits_history_en")
    finally:
        ana_context.close()
        bob_context.close()
        second.close()


def test_the_sidebar_year_moves_the_plan_and_the_checklist_and_they_agree_with_the_scorecard(app, browser):
    url, _ = app
    context, page = signed_in(browser, url, "ana", "th")
    try:
        page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').nth(1).click()
        page.get_by_role("option", name="2565").click()
        page.get_by_text("รายการหลักฐานปีงบประมาณ 2565").first.wait_for(timeout=60_000)  # the scorecard of 2565
        wait_ready(page)
        overview = page.locator('[data-testid="stMain"]').inner_text()
        ready = re.search(r"ระดับ 1 การมีส่วนร่วม.*?พร้อม (\d+) จาก (\d+) รายการ · รายการหลักฐานปีงบประมาณ (\d+)", overview, re.S)
        assert ready is not None and ready.group(3) == "2565", overview[:2000]
        page.get_by_role("link", name="เอกสารหลักฐาน").click()
        page.get_by_role("heading", name="เอกสารหลักฐาน", exact=True).wait_for(timeout=60_000)
        wait_ready(page)
        evidence = page.locator('[data-testid="stMain"]').inner_text()
        assert "ปีงบประมาณ 2565 (ต.ค. 2564 – ก.ย. 2565) ตามปี 2565 ที่เลือกในแถบด้านข้าง" in evidence
        assert f"พร้อม {ready.group(1)} จาก {ready.group(2)} รายการ" in evidence  # the same figure as the scorecard
        screenshot(page, "edits_evidence_2565_th")
        page.get_by_role("link", name="แผนปฏิบัติการ").click()
        page.get_by_role("heading", name="แผนปฏิบัติการ", exact=True).wait_for(timeout=60_000)
        wait_ready(page)
        plan = page.locator('[data-testid="stMain"]').inner_text()
        assert "ปีงบประมาณ 2565 (ต.ค. 2564 – ก.ย. 2565)" in plan and "fy=2565" in page.url
        screenshot(page, "edits_plan_2565_th")

        page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').nth(1).click()
        page.get_by_role("option", name=re.compile("^25[0-9]{2}$")).first.click()  # the earliest data year: no plan then
        page.get_by_text("ยังไม่มีแผนปฏิบัติการ", exact=False).first.wait_for(timeout=60_000)
        wait_ready(page)
        plan = page.locator('[data-testid="stMain"]').inner_text()
        assert "ยังไม่มีแผนปฏิบัติการ" in plan and "นำเข้าไฟล์แผนปฏิบัติการ" in plan
        screenshot(page, "edits_plan_without_a_plan_th")
    finally:
        context.close()


def test_leaving_with_unsaved_edits_asks_first_whichever_way(app, browser):
    url, _ = app
    context, page = signed_in(browser, url, "ana")
    try:
        open_page(page, url, "evidence", "Evidence checklist")
        type_into_cell(page, GRID, REFERENCE_COLUMN, "not saved yet", row=1)
        page.get_by_text("1 unsaved change(s)").wait_for(timeout=30_000)
        asked: list[str] = []

        def answer(dialog, accept: bool) -> None:  # type: ignore[no-untyped-def]
            asked.append(dialog.message)
            dialog.accept() if accept else dialog.dismiss()

        page.once("dialog", lambda d: answer(d, False))
        page.get_by_role("link", name="Scorecard").click()
        wait_ready(page)
        assert asked and "1 unsaved change(s) will be lost" in asked[0]
        assert page.get_by_role("heading", name="Evidence checklist", exact=True).is_visible()  # stayed, edits kept
        assert page.get_by_text("1 unsaved change(s)").is_visible()

        page.once("dialog", lambda d: answer(d, True))
        page.get_by_role("link", name="Scorecard").click()
        page.get_by_role("heading", name="Scorecard", exact=True).wait_for(timeout=60_000)
        assert len(asked) == 2
    finally:
        context.close()


def test_thai_editors_show_words_and_buddhist_era_dates(app, browser):
    """Statuses are chosen by their Thai words and dates are written day/month/BE year (a text column: Streamlit's
    date picker knows only the CE calendar)."""
    url, _ = app
    context, page = signed_in(browser, url, "ana", "th")
    try:
        page.set_viewport_size({"width": 2400, "height": 1800})  # the grid draws only the columns on screen
        open_page(page, url, "plan", "แผนปฏิบัติการ", "th")
        plan_grid = ".st-key-editor_activities_2567"
        page.locator(f'{plan_grid} [role="gridcell"]').first.wait_for(state="attached", timeout=60_000)
        cells = [c.strip() for c in page.locator(f'{plan_grid} [role="gridcell"]').all_text_contents()]
        assert "1/11/2566" in cells and "30/11/2566" in cells, cells[:20]  # 1 Nov 2023, as the Thai screens write it
        open_cell(page, plan_grid, 5)  # the first activity's status: its choices
        page.get_by_text("อยู่ในแผน (ยังไม่เริ่ม)", exact=True).wait_for(timeout=30_000)
        choices = page.locator('[role="option"]').all_text_contents()
        assert {"อยู่ในแผน (ยังไม่เริ่ม)", "กำลังดำเนินการ", "ดำเนินการแล้ว", "ยกเลิก"} <= set(choices) and "done" not in choices, choices
        screenshot(page, "edits_plan_editor_th")
        page.keyboard.press("Escape")

        type_into_cell(page, plan_grid, 4, "31/12/2566")  # the first activity's planned end, in BE
        page.get_by_role("button", name="บันทึก", exact=True).click()
        page.get_by_text("บันทึกแล้ว 1 ช่อง").wait_for(timeout=60_000)
        type_into_cell(page, plan_grid, 4, "31/13/2566")
        assert "ไม่ใช่วันที่" in page.locator('[data-testid="stMain"]').inner_text()  # refused, nothing saved
    finally:
        context.close()
