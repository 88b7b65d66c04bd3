"""Every page, signed in as an admin, in a real browser: in Thai with no English leak (demo data and an
empty database), in both languages without an error or a page wider than the screen, on a desktop
(1440 px) and a phone (390 × 844). Screenshots of every page go to tests/artifacts/.

A leak is a Latin-letter word on a Thai page that is neither in the data itself (names and plans can
hold "Eco Factory" or "3Rs"), nor an abbreviation people use as is (CSV, GJ, ISO), nor a registration
number. Raw codes of SPEC's enums (factory, CSR_DIW, in_progress, …) and words such as None, pp or
DIW are always leaks.
"""

from __future__ import annotations

import os
import re
import shutil
from contextlib import ExitStack
from pathlib import Path

import duckdb
import pytest

from store import accounts
from store.db import init
from store.geo import load_boundaries
from tests.browser import CHROMIUM, main_pane_overflow, running_app, screenshot, wait_ready
from tests.conftest import BOUNDARIES

pytestmark = pytest.mark.browser

if not Path(CHROMIUM).exists() and os.environ.get("CI") != "true":
    pytest.skip("Debian's chromium is not installed (scripts/run-tests.sh installs it)", allow_module_level=True)

PASSWORD = "หินปูน-สระบุรี-ดี"
PAGES = {
    "overview": "/overview",
    "indicator": "/indicator?code=7.2.1",
    "indicator_checklist": "/indicator?code=18.1.1",
    "indicator_effluent": "/indicator?code=7.1.1",
    "indicator_count": "/indicator?code=15.1.1",
    "indicator_green": "/indicator?code=1.2.1",
    "indicator_infrastructure": "/indicator?code=1.1.1",
    "indicator_survey": "/indicator?code=20.1.1",
    "establishment": "/establishment?id=DEMO-F003",
    "establishment_mine": "/establishment?id=DEMO-M01",
    "search": "/search",
    "map": "/map",
    "plan": "/plan",
    "evidence": "/evidence",
    "explore": "/explore",
    "upload": "/upload",
    "batches": "/batches",
    "sql": "/sql",
    "criteria": "/criteria",
    "accounts": "/accounts",
    "account": "/signin",
    "bad_link": "/indicator?code=4.1.1&year=1999&area=nowhere",
}
# SPEC §2's enum values: on a Thai page each must be shown in words.
ENUMS = {
    "factory", "mine", "CSR_DIW", "CSR_BEGINNER", "ECO_FACTORY", "ISO14001", "eco_building", "eco_product", "green_purchasing",
    "logistics", "energy_efficiency", "eco_process", "raw_material_efficiency", "eco_efficiency_analysis", "mass_balance",
    "symbiosis", "ghg_reduction", "waste_3r_plan", "safety_env_disclosure", "participatory_monitoring", "planned", "implemented",
    "industrial_zone", "community", "government", "forest", "community_forest", "private_forest", "protection_strip", "eco_buffer",
    "other", "agency", "eco_town_awareness", "disclosure_satisfaction", "road", "electricity", "water_supply", "wastewater",
    "solid_waste", "in_progress", "completed", "done", "cancelled", "missing", "ready",
}  # fmt: skip
ALWAYS_LEAKS = {"None", "none", "nan", "NaN", "NaT", "null", "undefined", "True", "False", "empty", "parameter", "pp", "DIW"}
# Abbreviations and names read as they are in Thai documents, and the language switch's "English".
ABBREVIATIONS = {
    "CSV", "TXT", "PDF", "A4", "Excel", "SQL", "UTF-8", "BOM", "TIS-620", "MB", "GJ", "m²", "tCO2e", "tCO₂e", "CO₂e", "mg", "L", "WGS84",
    "GI", "CSR", "CSR-DIW", "Beginner", "Eco", "Factory", "ISO", "TEA", "CFO", "CFR", "EIA", "3R", "3Rs", "English",
    "OpenStreetMap", "OCHA", "HDX", "COD-AB", "CC", "BY-IGO", "RTSD", "Thailand", "DuckDB", "SELECT",
}  # fmt: skip
WORD = re.compile(r"[A-Za-z0-9]*[A-Za-z][A-Za-z0-9²₂]*(?:[-_.][A-Za-z0-9²₂]+)*")
REGISTRATION = re.compile(r"DEMO-[FM]\d+|[A-Z]{1,4}-?\d[\d-]*")
# A command to type or a file path is shown as it must be typed, not translated (the backup folder, `store users unblock`).
COMMANDS_AND_PATHS = re.compile(r"(?:\.venv/bin/)?python -m [\w .=/-]+|(?:/[\w.-]+)+")
CRASH = ("เกิดข้อผิดพลาดที่ไม่คาดคิด", "An unexpected error", "Traceback", "Page not found")
# Icons are drawn from ligature words (e.g. "fact_check"); the skip link's English is replaced by CSS.
HIDE_NON_TEXT = 'span[translate="no"][aria-hidden="true"], [data-testid="stSkipToContent"] { display: none !important; }'


def data_words(db: Path) -> set[str]:
    """Every Latin word in the data's own text (names, plans, checklists, standards), not in its codes or English columns."""
    found: set[str] = set()
    con = duckdb.connect(str(db), read_only=True)
    tables = [
        "establishments",
        "activities",
        "evidence",
        "effluent_standards",
        "indicators",
        "subdistricts",
        "infrastructure",
        "green_areas",
        "annual_reports",
        "certifications",
        "practices",
        "effluent_samples",
        "criteria_versions",
    ]
    codes = {"kind", "scheme", "practice", "status", "category", "system", "respondent_type", "question"}
    for table in tables:
        rows = con.table(table)  # the relational API: no SQL text built from names
        for name, kind in zip(rows.columns, rows.types, strict=True):
            if str(kind) == "VARCHAR" and name not in codes and not name.endswith("_en"):
                for (value,) in rows.select(duckdb.ColumnExpression(name)).distinct().fetchall():
                    if value is not None:
                        found.update(WORD.findall(str(value)))
    found.update(user for (user,) in con.execute("select distinct loaded_by from batches").fetchall())  # usernames are data
    schema = con.execute("select table_name, column_name from information_schema.columns").fetchall()
    con.close()
    return found - ENUMS - ALWAYS_LEAKS, {w for row in schema for w in row} - ENUMS


def leaks(text: str, allowed: set[str]) -> list[str]:
    out = []
    for word in WORD.findall(COMMANDS_AND_PATHS.sub(" ", text)):
        if word in ENUMS or word in ALWAYS_LEAKS:
            out.append(word)
        elif word not in allowed and word not in ABBREVIATIONS and not REGISTRATION.fullmatch(word):
            out.append(word)  # snake_case column names included
    return sorted(set(out))


# The charts the browser shows (one drawing of each, by the screen's width): which, and the words drawn on it.
CHART_WORDS = """() => [...document.querySelectorAll('.eit-chart img')].filter(i => i.checkVisibility()).map(i => {
  const svg = new TextDecoder().decode(Uint8Array.from(atob(i.src.split(',')[1]), c => c.charCodeAt(0)));
  const words = [...new DOMParser().parseFromString(svg, 'image/svg+xml').querySelectorAll('text')].map(t => t.textContent);
  return [i.className.replace('eit-chart-', ''), i.alt, words.join('\\n')];
})"""


def shown_text(page) -> str:
    """The page's visible text, without icon ligatures, and the words on the charts shown (drawn on the server:
    images whose words are not in the page's text)."""
    handle = page.add_style_tag(content=HIDE_NON_TEXT)
    text = page.locator('[data-testid="stAppViewContainer"]').inner_text()
    handle.evaluate("e => e.remove()")
    return "\n".join([text, *(f"{alt}\n{words}" for _, alt, words in page.evaluate(CHART_WORDS))])


@pytest.fixture(scope="module")
def sites(demo_db: Path, tmp_path_factory: pytest.TempPathFactory):
    """The app on the demo data (with boundaries) and on an empty database, each with an admin account."""
    folder = tmp_path_factory.mktemp("thai")
    demo, empty = folder / "demo.duckdb", folder / "empty.duckdb"
    shutil.copy(demo_db, demo)
    con = duckdb.connect(str(demo))
    if BOUNDARIES.exists():
        load_boundaries(con, BOUNDARIES)
    con.close()
    init(empty)[0].close()
    for db in (demo, empty):
        con = duckdb.connect(str(db))
        accounts.set_public_read(con, False, "tests")
        accounts.change_password(con, "boss", accounts.add_user(con, "boss", "admin", "tests"), PASSWORD)
        accounts.change_password(con, "kru", accounts.add_user(con, "kru", "committee", "tests"), PASSWORD)
        con.close()
    words, schema = data_words(demo)
    with ExitStack() as stack:
        yield {name: (stack.enter_context(running_app(db)), db) for name, db in (("demo", demo), ("empty", empty))}, words, schema


def screen_problems(page, name: str, text: str, width: int) -> list[str]:  # type: ignore[no-untyped-def]
    """What any page, in either language, must not show: an error, or content wider than the screen."""
    problems = []
    if any(c in text for c in CRASH):
        problems.append(f"{name}: an error on the page")
    if (over := main_pane_overflow(page)) > 1:
        problems.append(f"{name}: {over} px wider than the {width} px screen")
    wanted = "narrow" if width < 640 else "wide"
    if any(kind != wanted for kind, _, _ in page.evaluate(CHART_WORDS)):
        problems.append(f"{name}: a chart drawn for another screen than {width} px")
    return problems


def signed_in_page(browser, url: str, width: int, username: str = "boss"):  # type: ignore[no-untyped-def]
    """A new browser context at the width (a phone is 390 × 844), signed in through the form (the admin by default)."""
    phone = width < 640
    context = browser.new_context(
        viewport={"width": width, "height": 844 if phone else 900}, locale="th-TH", is_mobile=phone, has_touch=phone
    )
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.goto(url + "/signin?lang=th")
    wait_ready(page)
    page.get_by_role("textbox", name="ชื่อผู้ใช้").fill(username)
    page.get_by_role("textbox", name="รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.get_by_role("heading", name="ภาพรวมตัวชี้วัด").wait_for(timeout=60_000)
    wait_ready(page)
    return context, page


def visit(page, url: str, path: str, lang: str) -> None:
    page.goto(url + path + ("&" if "?" in path else "?") + f"lang={lang}")
    wait_ready(page)
    page.locator('[data-testid="stMain"] h1').first.wait_for(timeout=60_000)
    wait_ready(page)


@pytest.mark.parametrize("width", [1440, 390])
@pytest.mark.parametrize("site", ["demo", "empty"])
def test_every_page_in_thai_has_no_english_leak_no_error_and_fits_the_screen(sites, browser, site, width):
    apps, words, schema = sites
    url, _ = apps[site]
    context, page = signed_in_page(browser, url, width)
    problems = []
    for name, path in PAGES.items():
        visit(page, url, path, "th")
        text = shown_text(page)
        allowed = words | {"boss"} | (schema if name == "sql" else set())  # the SQL console names tables and columns as SQL does
        found = leaks(text, allowed)
        if found:
            problems.append(f"{name}: English words {found}")
        problems += screen_problems(page, name, text, width)
        screenshot(page, f"thai_{site}_{width}_{name}")
    assert not page.errors
    context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [1440, 390])
def test_every_page_in_english_has_no_error_and_fits_the_screen(sites, browser, width):
    apps, _, _ = sites
    url, _ = apps["demo"]
    context, page = signed_in_page(browser, url, width)
    problems = []
    for name, path in PAGES.items():
        visit(page, url, path, "en")
        text = shown_text(page)
        problems += screen_problems(page, name, text, width)
        if re.search(r"\b(nan|NaN|NaT|null|undefined)\b|<NA>", text):
            problems.append(f"{name}: a missing value shown as a code")
        screenshot(page, f"english_demo_{width}_{name}")
    assert not page.errors
    context.close()
    assert not problems, "\n".join(problems)


def test_a_link_with_values_that_do_not_exist_says_so_and_shows_the_default(sites, browser):
    apps, _, _ = sites
    url, _ = apps["demo"]
    context, page = signed_in_page(browser, url, 1440)
    visit(page, url, "/indicator?code=4.1.1&year=1999&area=nowhere", "th")
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "'4.1.1' ซึ่งใช้ไม่ได้" in text and "2567" in text  # the default indicator of the latest year instead
    toasts = page.locator('[data-testid="stToast"]').all_inner_texts()
    assert any("1999" in x for x in toasts) and any("nowhere" in x for x in toasts)
    context.close()


def test_a_shared_link_opens_on_its_page_after_signing_in(sites, browser):
    """The database is not public: a committee member's link opens the sign-in form at that address, then the page itself."""
    apps, _, _ = sites
    url, _ = apps["demo"]
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(url + "/indicator?code=9.1.1&year=2565&lang=th")
    wait_ready(page)
    assert "Page not found" not in page.locator("body").inner_text()
    page.get_by_role("textbox", name="ชื่อผู้ใช้").fill("boss")
    page.get_by_role("textbox", name="รหัสผ่าน").fill(PASSWORD)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.get_by_role("heading", name="รายละเอียดตัวชี้วัด").wait_for(timeout=60_000)
    wait_ready(page)
    text = page.locator('[data-testid="stMain"]').inner_text()
    assert "9.1.1" in text and "พ.ศ. 2565" in text
    assert "/indicator" in page.url and "year=2565" in page.url
    context.close()


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_committee_member_reads_what_is_late_missing_who_owes_it_and_what_stands_before_the_next_level(sites, browser, lang):
    apps, _, _ = sites
    url, _ = apps["demo"]
    context, page = signed_in_page(browser, url, 1440, "kru")
    th = lang == "th"

    def main(path: str, heading: str) -> str:
        page.goto(url + path + ("&" if "?" in path else "?") + f"lang={lang}")
        page.get_by_role("heading", name=heading).first.wait_for(timeout=60_000)
        wait_ready(page)
        return page.locator('[data-testid="stMain"]').inner_text()

    overview = main("/overview", "ภาพรวมตัวชี้วัด" if th else "Scorecard")
    assert ("สิ่งที่ต้องทำเพื่อผ่านระดับ" if th else "What it takes to reach level") in overview
    plan = main("/plan", "แผนปฏิบัติการ" if th else "Action plan")
    assert ("ล่าช้า" if th else "Late") in plan and ("ปีงบประมาณ" if th else "Fiscal year") in plan
    evidence = main("/evidence", "เอกสารหลักฐาน" if th else "Evidence checklist")
    agency = "หน่วยงานที่รับผิดชอบ" if th else "Responsible agency"
    page.locator('[data-testid="stMain"]').get_by_text(agency, exact=True).first.wait_for(timeout=60_000)  # the filter, drawn last
    evidence = page.locator('[data-testid="stMain"]').inner_text()
    assert ("รายการที่ยังไม่มีทั้งหมด (ทั้งเมือง)" if th else "Everything still missing (town-wide)") in evidence
    for text in (plan, evidence):
        assert ("แก้ไข (นักวิเคราะห์)" if th else "Edit (analysts)") not in text  # the committee reads, analysts edit
    screenshot(page, f"committee_evidence_{lang}")
    context.close()
