"""Data quality on a crafted real database: a missing report, an implausible jump and an outlier per unit, rows
after a closure; and one rule for a valid certificate, the same in search, the explorer, the engine and SPEC."""

from __future__ import annotations

import pytest

from lookup import explorer, search
from metrics import quality
from metrics.engine import evaluate

ESTABLISHMENTS = (
    "factory_id,name_th,kind,industry,subdistrict_code,registered_year,closed_year\n"
    "C1,ปูนหนึ่ง,factory,ปูนซีเมนต์,190906,2010,\n"
    "C2,ปูนสอง,factory,ปูนซีเมนต์,190906,2010,\n"
    "C3,ปูนสาม,factory,ปูนซีเมนต์,191306,2010,\n"
    "C4,ปูนสี่,factory,ปูนซีเมนต์,191306,2010,\n"
    "C5,ปูนห้า ปิดแล้ว,factory,ปูนซีเมนต์,191306,2010,2022\n"
)
# water m³ per t: about 0.25 for all; C3 reports ten times its 2021 production and water in 2022 (per unit as
# before); C4 uses 20 times the median per t.
REPORTS = (
    "factory_id,year,production_qty,production_unit,water_use_m3\n"
    "C1,2021,1000,t,250\nC1,2022,1010,t,252\n"
    "C2,2021,2000,t,500\n"  # no 2022 report: missing
    "C3,2021,1500,t,380\nC3,2022,15000,t,3800\n"
    "C4,2021,1200,t,300\nC4,2022,1200,t,6000\n"
    "C5,2021,900,t,230\nC5,2022,900,t,226\n"  # 2022: the year C5 closed
)
CERTIFICATES = (
    "factory_id,scheme,issued_on,expires_on,level\n"
    "C1,ISO14001,2021-03-01,2024-03-01,\n"
    "C5,ISO14001,2020-06-01,2025-06-01,\n"  # valid in 2023 by SPEC's rule though C5 closed in 2022
    "C2,ISO14001,2019-01-01,2022-01-01,\n"  # expired before 2023
    "C5,GI,2022-09-01,2025-09-01,2\n"  # issued in the year of closure
)


@pytest.fixture
def crafted(con, load):
    for table, text in (("establishments", ESTABLISHMENTS), ("annual_reports", REPORTS), ("certifications", CERTIFICATES)):
        report = load(table, text, name=f"{table}.csv")
        assert report.ok, [p.text() for p in report.problems]
    return con


def test_a_missing_report_is_listed_by_establishment_and_year(crafted):
    missing = quality.missing_reports(crafted.cursor())
    assert missing[["year", "factory_id"]].values.tolist() == [[2022, "C2"]]  # C5 closed in 2022: not expected


def test_an_implausible_jump_and_a_value_far_from_the_median_are_flagged(crafted):
    found = quality.implausible(crafted.cursor())
    flags = {(r.year, r.factory_id, r.check_name, r.measure) for r in found.itertuples()}
    assert (2022, "C3", "jump", "water_use_m3") in flags  # 3,800 after 380
    assert (2022, "C3", "jump", "production_qty") in flags  # 15,000 after 1,500
    assert (2022, "C4", "jump", "water_use_m3") in flags  # 6,000 after 300
    assert (2022, "C4", "far_from_median", "water_use_m3_per_unit") in flags  # 5 m³/t where the median is 0.25
    assert {f[1] for f in flags} == {"C3", "C4"}  # nobody else
    jump = found[(found["factory_id"] == "C3") & (found["measure"] == "water_use_m3")].iloc[0]
    assert (jump["value"], jump["compared_with"], jump["ratio"]) == (3800, 380, 10)


def test_rows_dated_after_a_closure_are_listed(crafted):
    after = quality.after_closure(crafted.cursor())
    assert after[["table_name", "factory_id", "year", "closed_year"]].values.tolist() == [
        ["annual_reports", "C5", 2022, 2022],
        ["certifications", "C5", 2022, 2022],
    ]


def test_the_lists_never_change_the_numbers(crafted):
    before = evaluate(crafted.cursor(), 2022, "all").to_json()
    quality.lists(crafted.cursor(), 2022)
    assert evaluate(crafted.cursor(), 2022, "all").to_json() == before


def test_valid_certificates_agree_between_search_explorer_and_spec(crafted):
    cur = crafted.cursor()
    year = 2023
    # SPEC §3, written out: issued_on's year <= Y and (expires_on is null or its year >= Y); closure does not enter.
    spec = {
        f
        for f, s, issued, expires, _level in (r.split(",") for r in CERTIFICATES.splitlines()[1:])
        if s == "ISO14001" and int(issued[:4]) <= year and (not expires or int(expires[:4]) >= year)
    }
    assert spec == {"C1", "C5"}
    frame = search.establishments(cur, year)
    in_search = set(frame[frame["schemes"].map(lambda held: "ISO14001" in list(held))]["factory_id"])
    rows = explorer.load(cur, explorer.Source("table", "certifications"), year, "all", "en")
    in_explorer = set(rows[(rows["scheme"] == "ISO14001") & rows["valid_in_year"]]["factory_id"])
    valid = quality.valid_certificates(cur, year)
    in_quality = set(valid[valid["scheme"] == "ISO14001"]["factory_id"])
    assert in_search == in_explorer == in_quality == spec
    counts = quality.certificate_counts(valid).set_index("scheme")
    assert counts.loc["ISO14001", "establishments"] == 2 and counts.loc["ISO14001", "closed"] == 1


def test_coverage_per_indicator_is_the_engines(crafted):
    card = evaluate(crafted.cursor(), 2022, "all")
    cover = quality.coverage(card, [])
    by_code = cover.set_index("code")
    for r in card.results:
        if r.coverage is not None:
            assert (by_code.loc[r.code, "reported"], by_code.loc[r.code, "expected"]) == r.coverage
    # 7.2.1 rests on annual reports: C1, C3 and C4 reported of the four factories in P(2022)
    assert (by_code.loc["7.2.1", "reported"], by_code.loc["7.2.1", "expected"]) == (3, 4)
