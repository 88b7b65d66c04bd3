"""Fuzzing the reader and the validators with hypothesis: whatever the bytes, a clean load or a list of
problems with their rows, never an exception; and a clean file keeps every row and column."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.db import init
from store.load import check_bytes
from store.tables import TABLES

pytestmark = pytest.mark.slow  # the quick loop leaves it out (docs/testing.md)

ROOT = Path(__file__).resolve().parents[1]
TABLE_NAMES = sorted(TABLES)
CELL = st.one_of(
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12),
    st.sampled_from(
        ["", " ", '"', '""', ",", ";", "\t", "ก,ข", "๒๕๖๕", "2565", "15/3/2565", "1,234.5", "yes", "ไม่ใช่", "=1+1", "-1", "nan"]
    ),
)


@pytest.fixture(scope="module")
def fuzz_con(tmp_path_factory):
    con, _, _ = init(tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb")
    with con.cursor() as cur:
        cur.execute("insert into establishments (factory_id, name_th, kind, subdistrict_code) values ('F1', 'ก', 'factory', '190906')")
    yield con
    con.close()


def checked(con: duckdb.DuckDBPyConnection, table: str, data: bytes) -> None:
    report, parsed = check_bytes(con, table, data, "fuzz.csv")
    for p in report.problems:
        assert p.rule and p.text("th") and p.text("en")
        assert p.row is None or p.row >= 1
    if not report.problems:
        assert parsed is not None and len(parsed.frame) == report.rows


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(table=st.sampled_from(TABLE_NAMES), data=st.binary(max_size=400))
def test_any_bytes_give_a_report_never_an_exception(fuzz_con, table, data):
    checked(fuzz_con, table, data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    table=st.sampled_from(TABLE_NAMES),
    rows=st.lists(st.lists(CELL, min_size=0, max_size=16), min_size=0, max_size=8),
    sep=st.sampled_from([",", ";", "\t"]),
    bom=st.booleans(),
    crlf=st.booleans(),
)
def test_csv_shaped_text_gives_a_report_never_an_exception(fuzz_con, table, rows, sep, bom, crlf):
    header = sep.join(TABLES[table].column_names)
    end = "\r\n" if crlf else "\n"
    text = header + end + end.join(sep.join(row) for row in rows) + end
    data = ("\ufeff" if bom else "").encode() + text.encode("utf-8")
    checked(fuzz_con, table, data)


# Every accepted extreme at once (issue 26 item 7): the longest names the limits allow (Thai with vowel and tone
# marks), identifiers in every accepted shape, Thai digits, thousands separators, BE and CE years at the edges of
# the accepted range, numbers at their ceilings, every code of every list. Loaded through the loader, then every
# page is rendered from the entry point, signed in as an admin, in both languages.
THAI_300 = ("บริษัท ผลิตภัณฑ์อุตสาหกรรมเชิงนิเวศที่ยั่งยืน จำกัด (มหาชน) " * 6)[:299] + "ฯ"
LATIN_300 = ("Sustainable Eco-Industrial Products Public Company Limited, " * 6)[:299] + "."
IDS = ("3-64(12)-2/50สบ", "10190000125501", "ฉ" * 64, "A#1:+_.x y", "๑๒๓")
MOST = '"1,000,000,000,000,000"'  # NUMBER_MAX with thousands separators, quoted for the CSV


def _extreme_files() -> list[tuple[str, str]]:
    from store import codes

    practices = codes.shipped_codes("practice")
    schemes = codes.shipped_codes("scheme")
    rows = [
        "factory_id,name_th,name_en,kind,diw_type,industry,subdistrict_code,lat,lon,in_industrial_zone,controlled_factory,registered_year,closed_year"
    ]
    corners = [("5.5", "97.3"), ("20.5", "105.7"), ("14.7", "100.8"), ("", ""), ("๑๔.๖๘", "๑๐๐.๘๓")]
    for i, (fid, (lat, lon)) in enumerate(zip(IDS, corners, strict=True)):
        name_th = "" if i == 3 else THAI_300
        rows.append(
            f'{fid},{name_th},"{LATIN_300}",{"mine" if i == 4 else "factory"},{"๙" * 50},{"อุตสาหกรรม" * 30},'
            f"{'190906' if i % 2 else '191306'},{lat},{lon},ใช่,มี,{'2443' if i else '๒๔๔๓'},{'2743' if i == 1 else ''}"
        )
    files = [("establishments", "\n".join(rows))]
    reports = [
        "factory_id,year,production_qty,production_unit,water_use_m3,wastewater_m3,waste_generated_t,waste_3r_t,"
        "energy_total_gj,energy_renewable_gj,ghg_tco2e,green_area_m2,investment_thb,water_intensity_target,"
        "wastewater_intensity_target"
    ]
    for fid in IDS:
        for year in ("1900", "๒๕๖๕", "2023", "2743"):
            reports.append(f"{fid},{year},0.000000001,{'ตัน' * 16},{MOST},0,{MOST},{MOST},{MOST},0,{MOST},{MOST},{MOST},0,{MOST}")
    files.append(("annual_reports", "\n".join(reports)))
    certs = ["factory_id,scheme,issued_on,level,expires_on"]
    for fid in IDS:
        for s in schemes:
            certs.append(f"{fid},{s},1/1/2443,{'5' if s == 'GI' else ''},31/12/2743")
            certs.append(f"{fid},{s},29/2/2567,1,")
    files.append(("certifications", "\n".join(certs)))
    prs = ["factory_id,year,practice,status,evidence_ref"]
    for fid in IDS:
        for year in ("2022", "2566"):
            prs += [
                f"{fid},{year},{p},{'implemented' if j % 2 else 'planned'},https://example.org/{'ก' * 970}" for j, p in enumerate(practices)
            ]
    files.append(("practices", "\n".join(prs)))
    effluent = ["factory_id,sampled_on,parameter,value,unit"]
    for fid in IDS:
        effluent += [
            f"{fid},2022-03-01,pH,14,pH",
            f"{fid},1900-01-01,pH,0,PH",
            f"{fid},31/12/2743,BOD,{MOST},MG/L",
            f"{fid},2022-03-01,mercury,0,mg/L",
        ]
    files.append(("effluent_samples", "\n".join(effluent)))
    green = ["subdistrict_code,year,category,name,green_area_m2"]
    for code in ("190906", "191306"):
        for c in codes.shipped_codes("green_area_category"):
            green += [f"{code},2022,{c},{THAI_300},{MOST}", f"{code},2743,{c},{'ป' * 300},0"]
    files.append(("green_areas", "\n".join(green)))
    surveys = ["survey_id,respondent_id,question,year,subdistrict_code,respondent_type,score"]
    for q in codes.shipped_codes("question"):
        for j, rtype in enumerate(codes.shipped_codes("respondent_type")):
            surveys += [f"{'ส' * 64},{IDS[j]},{q},2022,190906,{rtype},๕", f"S-1900,{IDS[j]},{q},1900,191306,{rtype},1"]
    files.append(("surveys", "\n".join(surveys)))
    infra = ["project_id,name,system,subdistrict_code,year,status,eco_design,budget_thb"]
    for j, system in enumerate(codes.shipped_codes("infrastructure_system")):
        infra += [
            f"{'ป' * 60}-{j:03d},{THAI_300},{system},190906,2022,completed,ใช่,{MOST}",
            f"P{j},{'x' * 300},{system},191306,2743,planned,ไม่ใช่,0",
        ]
    files.append(("infrastructure", "\n".join(infra)))
    longest_activity = ".".join(["999999"] * 8)
    activities = [
        "fiscal_year,activity_id,title_th,title_en,indicator_code,responsible,planned_start,planned_end,status,done_on,participants,target_participants"
    ]
    activities += [
        f"2565,{longest_activity},{'ก' * 500},{'a' * 500},18.1.1,{THAI_300},1/1/2443,31/12/2743,done,2022-01-01,10000000,10000000",
        f"2443,1,{'ข' * 500},,,,,,planned,,0,0",
        f"2743,9.9,{'ค' * 500},,,,,,cancelled,,,",
    ]
    files.append(("activities", "\n".join(activities)))
    evidence = ["fiscal_year,indicator_code,item_no,description_th,description_en,responsible,status,reference"]
    evidence += [
        f"2565,18.1.1,9999,{'ง' * 2000},{'d' * 2000},{THAI_300},ready,{'r' * 1000}",
        f"2565,18.1.1,1,{'จ' * 2000},,,in_progress,",
        f"2743,18.1.1,๑,{'ฉ' * 2000},,,missing,",
    ]
    files.append(("evidence", "\n".join(evidence)))
    return files


PASSWORD = "correct-horse-battery"


@pytest.fixture(scope="module")
def extreme_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from store import accounts
    from store.load import load_bytes

    path = tmp_path_factory.mktemp("extreme") / "extreme.duckdb"
    con, _, _ = init(path)
    for table, text in _extreme_files():
        report = load_bytes(con, table, (text + "\n").encode("utf-8"), f"{table}.csv", "fuzz")
        assert report.ok, (table, [p.text("en") for p in report.problems[:5]])
    accounts.change_password(con, "root", accounts.add_user(con, "root", "admin", "tests"), PASSWORD)
    with con.cursor() as cur:
        longest = cur.execute(
            "select (select max(length(name_th)) from establishments), (select max(length(factory_id)) from establishments),"
            " (select max(year) from annual_reports)"
        ).fetchall()
    assert longest == [(300, 64, 2200)]
    con.close()
    return path


def test_the_extremes_load_and_every_page_renders_in_both_languages(extreme_db, monkeypatch, fresh_caches):
    """Signed in as an admin (every page in the menu), each page opened from the entry point runs without an exception;
    the profile opens on each extreme identifier, the indicator page on every indicator."""
    from streamlit.testing.v1 import AppTest

    from ui.auth import ADMIN_PAGES, DESK_PAGES, READ_PAGES, SIGNIN_PAGE

    con = duckdb.connect(str(extreme_db), read_only=True)
    with con.cursor() as cur:
        indicators = [r[0] for r in cur.execute("select code from criteria where version = 'diw-2562' order by code").fetchall()]
    con.close()
    monkeypatch.setenv("EIT_DB", str(extreme_db))

    def signed_in(lang: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
        at.session_state["lang"] = lang
        at.run()
        at.text_input[0].input("root")
        at.text_input[1].input(PASSWORD)
        at.button[0].click()
        at.run()
        assert not at.exception, at.exception
        assert at.session_state["user"].username == "root"
        return at

    # The explorer is opened last in a session of its own: AppTest formats a select box's value outside the
    # page's run when it leaves a page (a format_func reading the language then falls back to Thai).
    pages = [p for p, *_ in [*READ_PAGES, *DESK_PAGES, *ADMIN_PAGES, SIGNIN_PAGE] if p != "app_pages/explore.py"]
    for lang in ("th", "en"):
        at = signed_in(lang)
        for page in pages:
            at.switch_page(page).run()
            assert not at.exception, (lang, page, at.exception)
        for fid in IDS:
            at.query_params["id"] = fid
            at.switch_page("app_pages/establishment.py").run()
            assert not at.exception, (lang, fid, at.exception)
            sent = sum(len(e.value) for e in [*at.markdown, *at.html, *at.subheader])
            assert sent < 500_000, (fid, sent)  # 742 names of 31,000 characters once made this page 47 MB
        for code in indicators if lang == "en" else indicators[:3]:
            at.query_params["code"] = code
            at.switch_page("app_pages/indicator.py").run()
            assert not at.exception, (lang, code, at.exception)
        explorer = signed_in(lang)
        explorer.switch_page("app_pages/explore.py").run()
        assert not explorer.exception, (lang, explorer.exception)
