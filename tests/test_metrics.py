"""Each indicator on a small hand-made data set; the expected numbers are computed by hand in comments.

Population P(2022, all) = {F1, F4, F5, F6}: F2 registers in 2023, F3 closed in 2022, M1 is a mine.
P(2022, 190906) = {F1, F6}; P(2022, 191306) = {F4, F5}.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from metrics.engine import evaluate, rows, trend
from tests.conftest import SHIPPED_INDICATORS

ROOT = Path(__file__).resolve().parents[1]
Y = 2022

FILES = {
    "establishments": """factory_id,name_th,kind,subdistrict_code,controlled_factory,registered_year,closed_year
F1,หนึ่ง,factory,190906,no,2010,
F2,สอง,factory,190906,no,2023,
F3,สาม,factory,191306,no,2000,2022
F4,สี่,factory,191306,yes,2000,2023
F5,ห้า,factory,191306,no,,
F6,หก,factory,190906,no,2565,
M1,เหมือง,mine,191306,no,1990,
""",
    "certifications": """factory_id,scheme,issued_on,level,expires_on
F1,GI,2020-05-01,2,2022-01-31
F1,ECO_FACTORY,2022-12-31,,
F4,GI,2021-01-01,1,
F4,TEA,2021-06-01,,
F5,ISO14001,2023-01-01,,
F6,CSR_BEGINNER,2019-01-01,,2021-12-31
F6,CFO,2022-06-01,,2025-06-01
M1,ISO14001,2020-01-01,,
F2,ECO_FACTORY,2020-01-01,,
""",
    "practices": """factory_id,year,practice,status
F1,2022,eco_product,implemented
F4,2022,green_purchasing,planned
F5,2022,logistics,implemented
F6,2022,eco_building,implemented
F4,2022,eco_building,implemented
M1,2022,participatory_monitoring,implemented
F1,2022,participatory_monitoring,planned
F5,2021,energy_efficiency,implemented
F5,2022,eco_process,planned
F1,2022,mass_balance,implemented
F2,2022,logistics,implemented
""",
    "annual_reports": """factory_id,year,production_qty,water_use_m3,wastewater_m3,water_intensity_target,wastewater_intensity_target,waste_generated_t,waste_3r_t,energy_total_gj,energy_renewable_gj,investment_thb
F1,2021,100,100,50,,,,,,,1000
F1,2022,100,90,60,,0.55,10,6,100,20,1100
F4,2022,10,50,5,6.0,0.4,20,8,300,,999
F5,2021,10,20,12,,,,,,,500
F5,2022,10,30,10,,,5,,,,400
F6,2022,10,10,,,,,,,,
F2,2021,10,50,,,,,,,,
F2,2022,10,10,,,,,,,,
""",
    "effluent_samples": """factory_id,sampled_on,parameter,value,unit
F1,2022-03-01,BOD,10,mg/L
F1,2022-03-01,pH,7,pH
M1,2022-04-01,TSS,60,mg/L
F3,2022-02-01,COD,100,mg/L
F4,2022-05-01,pH,5.0,pH
F5,2021-05-01,BOD,50,mg/L
""",
    "green_areas": """subdistrict_code,year,category,name,green_area_m2
190906,2022,forest,ป่าเขาวง,2799287.3
""",
    "surveys": """survey_id,respondent_id,question,year,subdistrict_code,respondent_type,score
S1,R1,eco_town_awareness,2022,190906,community,5
S1,R2,eco_town_awareness,2022,190906,community,4
S1,R3,eco_town_awareness,2022,190906,community,3
S1,R4,eco_town_awareness,2022,191306,community,2
S1,R5,eco_town_awareness,2022,191306,community,4
S1,R6,eco_town_awareness,2022,191306,factory,5
S1,R7,eco_town_awareness,2021,191306,community,5
""",
    "infrastructure": """project_id,name,system,subdistrict_code,year,status,eco_design
P1,ถนน,road,190906,2022,completed,yes
P2,ประปา,water_supply,191306,2022,in_progress,yes
P3,ไฟฟ้า,electricity,191306,2022,completed,no
P4,ขยะ,solid_waste,190906,2021,completed,yes
""",
}


@pytest.fixture
def cur(con, load):
    for table, text in FILES.items():
        report = load(table, text, name=f"{table}.csv")
        assert report.ok, (table, report.problems)
    with con.cursor() as c:
        yield c


def card(cur, area="all", year=Y):
    return {r.code: r for r in evaluate(cur, year, area).results}


def test_19_1_1_counts_valid_gi2_and_equivalents_in_population(cur):
    r = card(cur)["19.1.1"]
    # F1: GI 2 expiring in 2022 is still valid in 2022; F4: GI level 1 does not count; F5: ISO issued
    # 2023; F6: CSR Beginner expired 2021; M1 is a mine; F2 is not registered yet. 1 of 4.
    assert (r.numerator, r.denominator, r.value, r.status, r.gap) == (1, 4, 25.0, "fail", 1)
    behind = rows(cur, "19.1.1", Y)
    assert set(behind.loc[behind["counted"], "entity_id"]) == {"F1"}
    assert set(behind["entity_id"]) == {"F1", "F4", "F5", "F6"}


def test_practice_shares_use_implemented_in_year_only(cur):
    c = card(cur)
    assert (c["5.1.1"].numerator, c["5.1.1"].status) == (1, "pass")  # F1 eco_product; F4 green_purchasing only planned
    assert (c["6.1.1"].numerator, c["6.1.1"].value) == (1, 25.0)  # F5; F2 not in P
    assert (c["10.2.1"].numerator, c["10.2.1"].status, c["10.2.1"].gap) == (1, "fail", 1)  # F4 TEA; F5's 2021 measure not
    assert c["12.1.1"].numerator == 1  # F1 Eco Factory issued 2022-12-31; F5 eco_process only planned
    assert c["12.2.1"].value == 0.0 and c["12.2.1"].status == "fail"
    assert c["13.2.1"].numerator == 1  # F6 CFO
    assert c["13.1.1"].value == 0.0 and c["13.1.1"].split == {"mass_balance": 1, "symbiosis": 0}


def test_2_1_1_counts_eco_buildings_with_controlled_split(cur):
    r = card(cur)["2.1.1"]
    assert (r.value, r.denominator, r.status, r.gap, r.split) == (2, None, "fail", 3, {"controlled": 1, "not_controlled": 1})


def test_7_2_1_water_intensity_previous_year_or_target(cur):
    r = card(cur)["7.2.1"]
    # F1 0.9 < 1.0 improved; F4 5.0 <= target 6.0; F5 3.0 > 2.0 worsened; F6 has no baseline nor target.
    assert (r.numerator, r.denominator) == (2, 3)
    assert r.value == pytest.approx(200 / 3) and r.status == "pass"
    behind = rows(cur, "7.2.1", Y)
    reasons = dict(zip(behind["entity_id"], behind["reason"], strict=True))
    assert reasons == {"F1": "improved", "F4": "met_target", "F5": "worsened", "F6": "no_baseline"}


def test_7_2_2_wastewater_intensity(cur):
    r = card(cur)["7.2.2"]
    # F1 0.6 > 0.5 and > target 0.55; F4 0.5 > target 0.4, no 2021; F5 1.0 < 1.2. F6 no wastewater.
    assert (r.numerator, r.denominator, r.status, r.gap) == (1, 3, "fail", 1)


def test_sum_ratios_use_reports_with_both_values(cur):
    c = card(cur)
    assert (c["9.1.1"].numerator, c["9.1.1"].denominator) == (14, 30)  # F5 has no 3R figure
    assert c["9.1.1"].value == pytest.approx(46.6667, abs=1e-3) and c["9.1.1"].gap is None
    assert (c["10.1.1"].numerator, c["10.1.1"].denominator, c["10.1.1"].value) == (20, 100, 20.0)


def test_3_1_1_flat_investment_does_not_pass_strict_rule(cur):
    r = card(cur)["3.1.1"]
    # F1 1000 -> 1100, F5 500 -> 400: (1500 - 1500) / 1500 = 0, and the rule is value > 0.
    assert (r.numerator, r.denominator, r.value, r.status) == (0, 1500, 0.0, "fail")


def test_7_1_1_effluent_counts_factories_and_mines_sampled_in_year(cur):
    r = card(cur)["7.1.1"]
    # Sampled in 2022: F1 (ok), M1 (TSS 60 > 50), F3 (COD ok; the formula is not limited to P), F4 (pH 5.0 < 5.5).
    assert (r.numerator, r.denominator, r.value, r.gap) == (2, 4, 50.0, 2)
    behind = rows(cur, "7.1.1", Y)
    assert set(behind.loc[~behind["counted"], "entity_id"]) == {"M1", "F4"}


def test_1_2_1_green_area_share_and_no_data(cur):
    assert card(cur, "190906")["1.2.1"].status == "pass"  # exactly 10 % of 27,992,873 m²
    assert card(cur, "190906")["1.2.1"].value == pytest.approx(10.0)
    assert card(cur)["1.2.1"].value == pytest.approx(2799287.3 / (27992873 + 61972685) * 100)
    assert card(cur, "191306")["1.2.1"].status == "no_data"  # no green_areas row for that area
    assert card(cur, year=2021)["1.2.1"].value is None


def test_surveys_count_community_scores_4_and_5(cur):
    assert (card(cur)["20.1.1"].numerator, card(cur)["20.1.1"].denominator, card(cur)["20.1.1"].status) == (3, 5, "pass")
    assert card(cur, "191306")["20.1.1"].gap == 1
    assert card(cur)["20.2.1"].status == "no_data" and card(cur)["20.2.1"].value is None


def test_counts_are_zero_not_no_data(cur):
    c = card(cur, "191306")
    assert (c["1.1.1"].value, c["1.1.1"].status) == (0, "fail")  # P2 in progress, P3 not eco-designed
    assert (c["15.1.1"].value, c["15.1.1"].status) == (1, "pass")  # M1; F1's monitoring is only planned
    assert card(cur, "190906")["15.1.1"].value == 0
    assert card(cur)["1.1.1"].value == 1


def test_evidence_readiness_and_levels(cur, load):
    c = evaluate(cur, Y, "all")
    assert c.result("18.1.1").value == 0.0 and c.result("18.1.1").gap == 3
    assert c.town_level == 0 and [lv["status"] for lv in c.levels] == ["fail", "fail", "fail"]
    assert load("evidence", "indicator_code,item_no,description_th,status\n18.1.1,1,ก,ready\n18.1.1,2,ข,ready\n").ok
    assert evaluate(cur, Y, "all").result("18.1.1").value == pytest.approx(200 / 3)


def test_level_passes_only_when_every_indicator_passes(cur):
    from metrics.engine import level_status

    c = evaluate(cur, Y, "all")
    for r in c.results:
        if r.indicator.level == 1:
            r.status = "pass"
    assert level_status(c.results, 1) == "pass" and c.town_level == 1
    c.result("20.1.1").status = "no_data"
    assert c.town_level == 0


def test_area_filter_splits_population(cur):
    a, b = card(cur, "190906")["19.1.1"], card(cur, "191306")["19.1.1"]
    assert (a.numerator, a.denominator, b.numerator, b.denominator) == (1, 2, 0, 2)


def test_trend_covers_every_data_year_and_area(cur):
    t = trend(cur, "7.2.1")
    assert sorted(set(t["year"])) == [2021, 2022]  # certificate issue years (2019, 2020, 2023) alone are not data years
    assert set(t["area"]) == {"all", "190906", "191306"}
    assert t[(t["year"] == 2022) & (t["area"] == "all")]["numerator"].item() == 2


def scorecard_cli(db_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "metrics", "scorecard", "--db", str(db_path), *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_scorecard_cli_json_matches_spec_shape(cur, db_path, con):
    con.close()
    out = scorecard_cli(db_path, "--year", "2565", "--format", "json")
    assert out.returncode == 0, out.stderr
    card_ = json.loads(out.stdout)
    assert (card_["year"], card_["area"], card_["town_level"]) == (2022, "all", 0)
    assert card_["levels"] == [{"level": 1, "status": "fail"}, {"level": 2, "status": "fail"}, {"level": 3, "status": "fail"}]
    first = card_["indicators"][1]
    assert {k: first[k] for k in ("code", "level", "value", "numerator", "denominator", "threshold", "status", "provisional")} == {
        "code": "19.1.1",
        "level": 1,
        "value": 25.0,
        "numerator": 1,
        "denominator": 4,
        "threshold": 30.0,
        "status": "fail",
        "provisional": True,
    }
    by_code = {i["code"]: i for i in card_["indicators"]}
    assert by_code["20.2.1"]["value"] is None and by_code["20.2.1"]["status"] == "no_data"
    assert by_code["7.2.1"]["value"] == 66.67
    assert len(by_code) == SHIPPED_INDICATORS
    table = scorecard_cli(db_path, "--year", "2022", "--area", "190906")
    assert table.returncode == 0 and "19.1.1" in table.stdout and "town level 0" in table.stdout


def test_18_1_1_uses_the_fiscal_year_checklist_and_carries_it_forward(cur, load):
    # The seed's checklist is fiscal year 2565 (Oct 2021 - Sep 2022): three 18.1.1 items, none ready.
    assert (evaluate(cur, 2022).result("18.1.1").denominator, evaluate(cur, 2022).result("18.1.1").fiscal_year) == (3, 2565)
    before = evaluate(cur, 2021).result("18.1.1")
    assert (before.status, before.fiscal_year) == ("no_data", None)  # no checklist for FY2564 or earlier
    assert evaluate(cur, 2024).result("18.1.1").fiscal_year == 2565  # carried forward until a new round
    file = "fiscal_year,indicator_code,item_no,description_th,status\n2566,18.1.1,1,ก,ready\n2023,18.1.1,2,ข,ready\n"
    assert load("evidence", file).ok  # 2023 is a CE fiscal year: 2566
    for year, expected in ((2022, (0.0, 2565)), (2023, (100.0, 2566)), (2024, (100.0, 2566))):
        r = evaluate(cur, year, "191306").result("18.1.1")
        assert (r.value, r.fiscal_year) == expected, year


def test_sum_ratio_gaps_are_amounts_in_their_units(cur):
    c = card(cur)
    assert c["9.1.1"].gap_amount == pytest.approx(0.6 * 30 - 14)  # 4 more tonnes reused or recycled
    assert c["10.1.1"].gap_amount is None  # passes
    area = 27992873 + 61972685
    assert c["1.2.1"].gap_amount == pytest.approx(0.10 * area - 2799287.3)  # m² of green area
    assert c["3.1.1"].gap_amount == 0.0 and c["3.1.1"].indicator.comparator == "gt"  # any rise above 1,500 THB
    assert c["19.1.1"].gap_amount is None and c["19.1.1"].gap == 1  # counted things get a count


def test_a_year_without_uploads_is_marked_as_such(cur):
    assert card(cur, year=2021)["2.1.1"].has_data  # F5 has a 2021 practice row
    assert not card(cur, year=2020)["2.1.1"].has_data and card(cur, year=2020)["2.1.1"].value == 0
    assert card(cur)["7.1.1"].has_data and not card(cur, year=2020)["7.1.1"].has_data


def test_one_pass_gives_every_year_and_area(cur):
    from metrics.engine import scorecards

    cards = scorecards(cur, [2021, 2022])
    assert set(cards) == {(y, a) for y in (2021, 2022) for a in ("all", "190906", "191306")}
    for (year, area), sc in cards.items():
        assert [r.value for r in sc.results] == [r.value for r in evaluate(cur, year, area).results]


def test_late_is_judged_against_the_day_given():
    """An open activity is late once its planned end has passed; done and cancelled stay as recorded."""
    import datetime as dt

    import pandas as pd

    from metrics.readiness import progress

    def days(*written: str | None) -> list[dt.date | None]:
        return [dt.date.fromisoformat(w) if w else None for w in written]

    plan = pd.DataFrame(
        {
            "status": ["planned", "in_progress", "planned", "planned", "done", "cancelled", "planned"],
            "planned_start": days("2022-01-01", "2022-01-01", "2022-03-01", "2022-06-01", "2022-01-01", "2022-01-01", None),
            "planned_end": days("2022-02-28", "2022-05-31", "2022-05-31", "2022-07-31", "2022-02-01", "2022-02-01", None),
        }
    )
    assert progress(plan, dt.date(2022, 4, 15)).tolist() == ["late", "in_progress", "due", "planned", "done", "cancelled", "planned"]
    assert progress(plan, dt.date(2022, 2, 28)).tolist()[0] == "due"  # its last planned day is not late yet
