"""`store init`: schema, reference data and idempotence."""

from pathlib import Path

from store.db import init
from tests.conftest import SEED_EVIDENCE_ITEMS, SHIPPED_INDICATORS, fingerprint


def test_init_creates_schema_and_reference_rows(con):
    with con.cursor() as cur:
        assert cur.execute("select subdistrict_code, area_m2 from subdistricts order by 1").fetchall() == [
            ("190906", 27992873.0),
            ("191306", 61972685.0),
        ]
        assert cur.execute("select count(*) from indicators").fetchall() == [(SHIPPED_INDICATORS,)]
        assert cur.execute("select count(*), count(*) filter (where provisional) from criteria").fetchall() == [
            (SHIPPED_INDICATORS, SHIPPED_INDICATORS)
        ]
        assert cur.execute("select count(*) from effluent_standards").fetchall() == [(18,)]
        assert cur.execute("select min_value, max_value, unit from effluent_standards where parameter = 'pH'").fetchall() == [
            (5.5, 9.0, "pH")
        ]
        assert cur.execute("select count(*), min(status), max(status) from activities").fetchall() == [(6, "planned", "planned")]
        assert cur.execute("select count(*) from evidence where indicator_code = '18.1.1'").fetchall() == [(3,)]
        assert cur.execute("select count(*), min(status) from evidence").fetchall() == [(SEED_EVIDENCE_ITEMS, "missing")]
        thresholds = dict(cur.execute("select code, threshold from criteria where version = 'diw-2562'").fetchall())
        assert thresholds["19.1.1"] == 30 and thresholds["2.1.1"] == 5 and thresholds["3.1.1"] == 0


def test_init_twice_changes_nothing(db_path: Path):
    con, applied, added = init(db_path)
    migrations = sorted(p.stem for p in (Path(__file__).resolve().parents[1] / "sql" / "schema").glob("*.sql"))
    expected = {
        "criteria": SHIPPED_INDICATORS,
        "subdistricts": 2,
        "effluent_standards": 18,
        "activities": 6,
        "evidence": SEED_EVIDENCE_ITEMS,
    }
    assert applied == migrations and applied[0] == "001_init" and added.items() >= expected.items()
    before = fingerprint(con)
    con.close()
    con, applied, added = init(db_path)
    assert applied == [] and sum(added.values()) == 0
    assert fingerprint(con) == before
    con.close()


def test_templates_match_the_table_specs():
    from store.tables import TABLES
    from store.templates import TEMPLATE_DIR, column_guide, header

    for name in TABLES:
        assert (TEMPLATE_DIR / f"{name}.csv").read_text(encoding="utf-8") == header(name), name
        guide = column_guide(name)
        assert guide["description_th"].str.len().gt(0).all() and guide["description_en"].str.len().gt(0).all(), name


def test_the_seed_holds_every_activity_and_numbered_evidence_item_of_the_fy2565_plan(con):
    """Part 1 of the province's plan (../shared/seed/OUTLINE.md): activities 1.1-1.6 with 1.5's 100 people and
    1.6's 3 x 40; part 2: every indicator's evidence, with the numbered lists counted item by item."""
    with con.cursor() as cur:
        activities = cur.execute("select fiscal_year, activity_id, target_participants from activities order by activity_id").fetchall()
        items = dict(cur.execute("select indicator_code, count(*) from evidence where fiscal_year = 2565 group by 1").fetchall())
        codes = {r[0] for r in cur.execute("select code from indicators").fetchall()}
    assert activities == [
        (2565, "1.1", None),
        (2565, "1.2", None),
        (2565, "1.3", None),
        (2565, "1.4", None),
        (2565, "1.5", 100),
        (2565, "1.6", 120),
    ]
    assert set(items) == codes  # every indicator has its evidence list
    assert {c: items[c] for c in ("18.1.1", "19.1.1", "20.1.1", "1.1.1", "1.2.1")} == {
        "18.1.1": 3,
        "19.1.1": 4,
        "20.1.1": 5,
        "1.1.1": 12,
        "1.2.1": 11,
    }
