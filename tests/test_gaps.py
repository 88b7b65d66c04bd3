"""Who could close a failing indicator's gap (metrics.gaps): on the demo database the candidates are the right
establishments, ranked; on hand-made data a new criteria version's indicators (other params, another family) get
theirs from their own family parameters."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

from metrics import gaps, readiness
from metrics.engine import evaluate, rows
from present import fragments
from present.words import text
from store.criteria import SHIPPED_FILE, import_version
from store.load import LoadReport

SHIPPED_ROWS = list(csv.DictReader(SHIPPED_FILE.open(encoding="utf-8")))


@pytest.fixture(scope="module")
def demo(demo_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(demo_db), read_only=True)
    yield connection
    connection.close()


def test_planned_practices_come_first_then_expired_certificates_then_the_expiring(demo: duckdb.DuckDBPyConnection) -> None:
    """13.2.1 in Khao Wong, 2021 (demo): it fails by one factory. The factories the engine does not count that have
    GHG reduction planned that year are named first, each closing one factory; then those whose CFO/CFR expired
    the year before; a counted factory whose certificate expires this year closes nothing (0) and comes last."""
    card = evaluate(demo, 2021, "190906")
    result = card.result("13.2.1")
    assert (result.status, gaps.gap_size(result)) == ("fail", 1.0)
    behind = rows(demo, "13.2.1", 2021, "190906")
    not_counted = set(behind.loc[~behind["counted"], "entity_id"])
    planned = {
        str(f)
        for (f,) in demo.execute(
            "select factory_id from practices where year = 2021 and practice = 'ghg_reduction' and status = 'planned'"
        ).fetchall()
    } & not_counted
    found = gaps.candidates(demo, card, "13.2.1", limit=50)
    assert planned and {c.entity_id for c in found if c.why == "planned"} == planned
    whys = [c.why for c in found]
    assert whys == sorted(whys, key=gaps.WHY.index)  # planned, then expired, then expiring
    assert all(c.detail == "ghg_reduction" and c.closes == 1.0 for c in found if c.why == "planned")
    expired = [c for c in found if c.why == "expired"]
    assert expired and all(c.on is not None and c.on.year == 2020 and c.detail in ("CFO", "CFR") for c in expired)
    assert {c.entity_id for c in expired} <= not_counted
    expiring = [c for c in found if c.why == "expiring"]
    assert expiring and all(c.closes == 0.0 and c.on is not None and c.on.year == 2021 for c in expiring)
    assert {c.entity_id for c in expiring}.isdisjoint(not_counted)  # counted now, at risk next year
    names = dict(zip(behind["entity_id"], behind["name_th"], strict=True))
    assert all(c.name_th == names[c.entity_id] for c in found)
    assert gaps.closing(found, result) == 1.0  # never more than the gap
    assert gaps.candidates(demo, card, "13.2.1", limit=2) == found[:2]


def test_effluent_candidates_are_every_failing_establishment_closest_first(demo: duckdb.DuckDBPyConnection) -> None:
    """7.1.1 (demo, 2024, whole town): the candidates are exactly the establishments the engine finds exceeding,
    the one nearest its limits first; the detail is a sample against its limit."""
    card = evaluate(demo, 2024, "all")
    behind = rows(demo, "7.1.1", 2024, "all")
    exceeded = set(behind.loc[behind["reason"] == "exceeded", "entity_id"])
    found = gaps.candidates(demo, card, "7.1.1", limit=500)
    assert {c.entity_id for c in found} == exceeded
    assert gaps.gap_size(card.result("7.1.1")) == len(exceeded)
    assert all(c.why == "closest" and c.closes == 1.0 for c in found)
    limits = dict(demo.execute("select parameter, coalesce(max_value, min_value) from effluent_standards").fetchall())
    parameter, value, sign, limit, *_ = found[0].detail.split()
    assert parameter in limits and float(limit) == limits[parameter]
    assert (float(value) > float(limit)) if sign == ">" else (float(value) < float(limit))
    # closest first: the first one's worst sample is nearer its limit than the last one's
    first, last = (float(f.detail.split()[1]) / float(f.detail.split()[3]) for f in (found[0], found[-1]))
    assert abs(first - 1) <= abs(last - 1)


def test_a_sum_ratio_gap_is_in_percentage_points(demo: duckdb.DuckDBPyConnection) -> None:
    """9.1.1 (demo, Khao Wong 2021): the gap is the threshold minus the value in points; each candidate closes what
    reaching 60 % itself would add: (0.6 × its waste − its 3R waste) ÷ the town's waste × 100, largest first."""
    card = evaluate(demo, 2021, "190906")
    result = card.result("9.1.1")
    assert gaps.gap_size(result) == pytest.approx(60.0 - (result.value or 0))
    behind = rows(demo, "9.1.1", 2021, "190906").set_index("entity_id")
    found = gaps.candidates(demo, card, "9.1.1", limit=500)
    below = behind[behind["in_denominator"] & (behind["share_pct"] < 60)]
    assert {c.entity_id for c in found} == set(below.index)
    for c in found:
        row = behind.loc[c.entity_id]
        assert c.closes == pytest.approx((0.6 * row["whole"] - row["part"]) / result.denominator * 100)  # type: ignore[operator]
    assert [c.closes for c in found] == sorted((c.closes for c in found), reverse=True)


def test_passing_indicators_and_surveys_name_nobody(demo: duckdb.DuckDBPyConnection) -> None:
    card = evaluate(demo, 2024, "all")
    assert card.result("19.1.1").status == "pass" and gaps.candidates(demo, card, "19.1.1") == []
    assert gaps.gap_size(card.result("19.1.1")) is None
    older = evaluate(demo, 2021, "all")
    assert older.result("20.1.1").status == "fail" and gaps.candidates(demo, older, "20.1.1") == []


def test_a_new_criteria_version_reads_its_own_family_and_params(
    con: duckdb.DuckDBPyConnection, factories: LoadReport, load: Callable[..., LoadReport]
) -> None:
    """Version v2 redefines 13.2.1 (GHG reduction or CFO, 50 %), adds 21.1.1 (symbiosis, factory share) and 22.1.1
    (wastewater intensity, another family). Hand-made 2023: F1 has GHG reduction and symbiosis planned, F2's CFO
    expired in 2022; F1's wastewater per unit rose 0.50 -> 0.51 (2 % above last year), F2's is 0.30 against a
    target of 0.20 (50 % above it)."""
    practices = "factory_id,year,practice,status\nF1,2023,ghg_reduction,planned\nF1,2023,symbiosis,planned\n"
    assert load("practices", practices).ok
    assert load("certifications", "factory_id,scheme,issued_on,expires_on\nF2,CFO,2020-01-15,2022-06-30\n").ok
    reports = (
        "factory_id,year,production_qty,production_unit,wastewater_m3,wastewater_intensity_target\n"
        "F1,2022,100,t,50,\nF1,2023,100,t,51,\nF2,2023,100,t,30,0.2\n"
    )
    assert load("annual_reports", reports).ok
    shipped = [dict(r) for r in SHIPPED_ROWS]
    for row in shipped:
        if row["code"] == "13.2.1":
            row.update(params="practices=ghg_reduction; schemes=CFO", threshold="50")
    base = next(r for r in shipped if r["code"] == "12.2.1")
    symbiosis = {**base, "code": "21.1.1", "name_en": "Symbiosis", "params": "practices=symbiosis", "threshold": "50"}
    wastewater = {**next(r for r in shipped if r["code"] == "7.2.2"), "code": "22.1.1", "name_en": "Wastewater", "threshold": "100"}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(shipped[0]))
    writer.writeheader()
    writer.writerows([*shipped, symbiosis, wastewater])
    import_version(con, "v2", out.getvalue().encode("utf-8"), "v2.csv", "tester")

    with con.cursor() as cur:
        card = evaluate(cur, 2023, "all", criteria="v2")
        ghg = gaps.candidates(cur, card, "13.2.1")
        assert [(c.entity_id, c.why, c.detail, c.on) for c in ghg] == [
            ("F1", "planned", "ghg_reduction", None),
            ("F2", "expired", "CFO", dt.date(2022, 6, 30)),
        ]
        assert [(c.entity_id, c.why, c.detail, c.closes) for c in gaps.candidates(cur, card, "21.1.1")] == [
            ("F1", "planned", "symbiosis", 1.0)
        ]
        water = gaps.candidates(cur, card, "22.1.1")
        assert [(c.entity_id, c.why, c.detail) for c in water] == [
            ("F1", "closest", "0.51 ≥ 0.5"),
            ("F2", "closest", "0.3 > 0.2"),
        ]
        assert gaps.candidates(cur, evaluate(cur, 2023, "191306", criteria="v2"), "13.2.1")[0].entity_id == "F2"  # the area's own
        assert "22.1.1" not in {r.code for r in evaluate(cur, 2023, "all").results}  # only v2 has it


def test_what_it_takes_covers_every_level_ahead(demo: duckdb.DuckDBPyConnection) -> None:
    """Khao Wong 2021 (demo) reaches no level: what it takes is said for levels 1, 2 and 3, each plan holding every
    indicator of its levels that does not pass; on screen the later plans name only their own level's, with the
    candidates under each failing one."""
    card = evaluate(demo, 2021, "190906")
    assert card.town_level == 0
    plans = readiness.level_plans(card, readiness.evidence_items(demo, 2567), 2567)
    assert [p.level for p in plans] == [1, 2, 3]
    for p in plans:
        assert p.level is not None
        assert {b.result.code for b in p.blockers} == {r.code for r in card.results if r.indicator.level <= p.level and r.status != "pass"}
    assert readiness.next_level(card, readiness.evidence_items(demo, 2567), 2567).blockers == plans[0].blockers
    found = {"13.2.1": gaps.candidates(demo, card, "13.2.1", 3)}
    html = fragments.level_plan(plans, fragments.View("th", 2021, "190906"), candidates=found)
    for level in (1, 2, 3):
        assert text("to_reach", "th", n=level) in html
    level_3 = html[html.index(text("to_reach", "th", n=3)) :]
    assert "code=13.2.1" in level_3 and "code=19.1.1" not in level_3  # a level 1 blocker is said once, under level 1
    assert found["13.2.1"][0].name_th in level_3 and text("who_closes", "th") in level_3
