"""Code lists as reference data (issue 25 item 3): one place (data/reference/codes.csv → `codes`) for the loader's
checks, the criteria contract and the labels; a new practice code is one row; migration 014 keeps every row."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from metrics.engine import evaluate
from present.words import value_label
from store import codes
from store.codes import LISTS
from store.criteria import SHIPPED_FILE, CriteriaRefused, import_version
from store.db import SCHEMA_DIR, init
from store.families import FAMILIES
from store.load import LoadReport, context
from store.tables import TABLES
from tests.test_criteria import as_csv

# SPEC §2, word for word: the hidden checks load these values and expect anything else refused.
SPEC = {
    "scheme": ("GI", "CSR_DIW", "CSR_BEGINNER", "ECO_FACTORY", "ISO14001", "TEA", "CFO", "CFR"),
    "practice": (
        "eco_building", "eco_product", "green_purchasing", "logistics", "energy_efficiency", "eco_process",
        "raw_material_efficiency", "eco_efficiency_analysis", "mass_balance", "symbiosis", "ghg_reduction",
        "waste_3r_plan", "safety_env_disclosure", "participatory_monitoring",
    ),
    "green_area_category": (
        "factory", "industrial_zone", "community", "government", "forest", "community_forest", "private_forest",
        "protection_strip", "eco_buffer", "other",
    ),
    "respondent_type": ("community", "factory", "agency"),
    "question": ("eco_town_awareness", "disclosure_satisfaction", "other"),
    "infrastructure_system": ("road", "electricity", "water_supply", "wastewater", "solid_waste", "other"),
}  # fmt: skip
NEW = ("practice", "water_reuse", "การนำน้ำกลับมาใช้ซ้ำ", "water reuse", 15)


def thai(text: str) -> bool:
    return any("\u0e00" <= ch <= "\u0e7f" for ch in text)


def test_the_code_lists_the_loader_the_criteria_contract_and_the_labels_agree(con: duckdb.DuckDBPyConnection) -> None:
    shipped = codes.shipped()
    assert {c.list for c in shipped} == set(LISTS) == set(SPEC)
    assert len({(c.list, c.code) for c in shipped}) == len(shipped), "a code twice in one list"
    with con.cursor() as cur:
        in_database = codes.read(cur)
        ctx = context(cur)
    for name, (table, column) in LISTS.items():
        assert codes.shipped_codes(name) == SPEC[name], name
        assert in_database[name] == SPEC[name], name  # seeded by init, in sort order
        col = TABLES[table].column(column)
        assert col.code_list == name and col.allowed == SPEC[name]
        assert ctx.allowed(col) == SPEC[name]  # what the loader checks a file against
    by_code: dict[str, tuple[str, str]] = {}
    for c in shipped:
        assert c.name_th and c.name_en, c
        assert c.list == "scheme" or thai(c.name_th), f"{c.list}.{c.code}: the Thai label is not Thai"
        assert not thai(c.name_en), f"{c.list}.{c.code}: the English label has Thai"
        assert by_code.setdefault(c.code, (c.name_th, c.name_en)) == (c.name_th, c.name_en), f"{c.code}: two labels"
        assert (value_label(c.code, "th"), value_label(c.code, "en")) == (c.name_th, c.name_en)
    for family in FAMILIES.values():  # a criteria file may name exactly a list's codes
        for param in family.params.values():
            if param.code_list is not None:
                assert set(param.allowed) == set(SPEC[param.code_list]) - set(param.exclude)
    with con.cursor() as cur:  # and no CHECK constraint lists codes any more: the database follows `codes`
        checks = [r[0] for r in cur.execute("select expression from duckdb_constraints() where constraint_type = 'CHECK'").fetchall()]
    for code in ("eco_building", "CSR_DIW", "eco_town_awareness", "water_supply", "community_forest"):
        assert not [e for e in checks if code in (e or "")], code


@pytest.mark.parametrize(
    "table,text,column",
    [
        ("practices", "factory_id,year,practice,status\nF1,2022,recycling,implemented\n", "practice"),
        ("certifications", "factory_id,scheme,issued_on\nF1,LEED,2022-01-01\n", "scheme"),
        ("green_areas", "subdistrict_code,year,category,name,green_area_m2\n190906,2022,golf,สนาม,3\n", "category"),
        ("surveys", "survey_id,respondent_id,question,year,subdistrict_code,respondent_type,score\nS1,R1,x,2022,190906,community,4\n", "question"),
        ("surveys", "survey_id,respondent_id,question,year,subdistrict_code,respondent_type,score\nS1,R1,other,2022,190906,tourist,4\n", "respondent_type"),
        ("infrastructure", "project_id,name,system,subdistrict_code,year,status\nP1,ถนน,railway,190906,2022,completed\n", "system"),
    ],
)  # fmt: skip
def test_a_code_outside_its_list_is_refused_naming_the_list(
    load: Callable[..., LoadReport], factories: LoadReport, table: str, text: str, column: str
) -> None:
    report = load(table, text)
    (problem,) = report.problems
    assert (problem.row, problem.column, problem.rule) == (2, column, "allowed")
    name = TABLES[table].column(column).code_list
    assert problem.allowed == ", ".join(SPEC[name or ""])
    assert column in problem.text("th") and column in problem.text("en")


def with_water_reuse() -> bytes:
    """The shipped criteria plus 21.1.1, the share of factories with a water-reuse practice."""
    rows = list(csv.DictReader(SHIPPED_FILE.open(encoding="utf-8")))
    row = dict(next(r for r in rows if r["code"] == "12.2.1"))
    row.update(
        code="21.1.1", name_th="สัดส่วนโรงงานที่นำน้ำกลับมาใช้ซ้ำ", name_en="Share of factories reusing water", params="practices=water_reuse"
    )
    return as_csv([*rows, row])


def test_a_new_practice_code_is_one_row_of_data(
    con: duckdb.DuckDBPyConnection, load: Callable[..., LoadReport], factories: LoadReport
) -> None:
    """Before the row: the practices file and the criteria file naming water_reuse are refused. After an admin's one
    insert into `codes`: both accepted, 21.1.1 scored (hand-computed: F1 of F1, F2 reuse water = 50 %), labels shown."""
    practices = "factory_id,year,practice,status\nF1,2023,water_reuse,implemented\nF2,2023,logistics,implemented\n"
    refused = load("practices", practices)
    assert [(p.row, p.column, p.rule) for p in refused.problems] == [(2, "practice", "allowed")]
    with pytest.raises(CriteriaRefused) as exc:
        import_version(con, "reuse", with_water_reuse(), "reuse.csv", "tester")
    assert [(p.column, p.rule, p.value) for p in exc.value.problems] == [("params", "criteria_unknown_code", "water_reuse")]

    with con.cursor() as cur:
        cur.execute("insert into codes (list, code, name_th, name_en, sort_order) values ($1, $2, $3, $4, $5)", NEW)
    assert load("practices", practices).ok
    assert import_version(con, "reuse", with_water_reuse(), "reuse.csv", "tester") == 22
    with con.cursor() as cur:
        result = evaluate(cur, 2023, criteria="reuse").result("21.1.1")
    assert (result.value, result.numerator, result.denominator, result.status) == (50.0, 1.0, 2.0, "pass")
    assert value_label("water_reuse", "th") == "การนำน้ำกลับมาใช้ซ้ำ" and value_label("water_reuse", "en") == "water reuse"


def test_a_new_code_in_the_shipped_file_reaches_a_new_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The other road: one row appended to data/reference/codes.csv is seeded by `store init` and loads."""
    from store.load import load_bytes

    extended = tmp_path / "codes.csv"
    extended.write_text(codes.CODES_FILE.read_text(encoding="utf-8") + ",".join(str(v) for v in NEW) + "\n", encoding="utf-8")
    monkeypatch.setattr(codes, "CODES_FILE", extended)
    codes.shipped.cache_clear()
    try:
        con, _, _ = init(tmp_path / "new.duckdb")
        with con.cursor() as cur:
            assert codes.read(cur)["practice"] == (*SPEC["practice"], "water_reuse")
        assert load_bytes(con, "establishments", b"factory_id,kind,subdistrict_code\nF1,factory,190906\n", "e.csv", "t").ok
        assert load_bytes(con, "practices", b"factory_id,year,practice,status\nF1,2023,water_reuse,planned\n", "p.csv", "t").ok
        assert codes.seed(con) == 0  # seeding again adds nothing (an admin's edits are kept)
        con.close()
    finally:
        codes.shipped.cache_clear()


def test_migration_014_keeps_every_row_the_keys_and_the_other_rules(tmp_path: Path) -> None:
    """A database at migration 013 with rows in every rebuilt table (and a replaced row in a history twin) is
    migrated: the rows, the foreign keys to establishments and subdistricts and the non-code checks survive."""
    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    old.execute("create table schema_migrations (version varchar primary key, applied_at timestamp default current_timestamp)")
    for file in sorted(SCHEMA_DIR.glob("[0-9][0-9][0-9]_*.sql")):
        if file.stem < "014":
            old.execute(file.read_text(encoding="utf-8"))
            old.execute("insert into schema_migrations (version) values ($v)", {"v": file.stem})
    old.execute(
        "insert into subdistricts values ('190906', 'เขาวง', 'Khao Wong', 'พระพุทธบาท', 'Phra Phutthabat', 27992873);"
        "insert into establishments (factory_id, name_th, kind, subdistrict_code) values ('F1', 'ก', 'factory', '190906');"
        "insert into certifications values ('F1', 'GI', '2022-01-01', 3, null, 1);"
        "insert into practices values ('F1', 2022, 'symbiosis', 'implemented', 'ref', 1);"
        "insert into practices_history values ('F1', 2021, 'logistics', 'planned', null, 1, 2);"
        "insert into green_areas values ('190906', 2022, 'forest', 'ป่า', 10.5, 1);"
        "insert into surveys values ('S1', 'R1', 'eco_town_awareness', 2022, '190906', 'community', 4, 1);"
        "insert into infrastructure values ('P1', 'ถนน', 'road', '190906', 2022, 'completed', true, 100, 1);"
    )
    tables = ("certifications", "practices", "practices_history", "green_areas", "surveys", "infrastructure")
    before = {t: old.execute(f"select * from {t} order by all").fetchall() for t in tables}
    old.close()

    con, applied, _ = init(path)
    assert "014_code_lists" in applied
    with con.cursor() as cur:
        assert {t: cur.execute(f"select * from {t} order by all").fetchall() for t in tables} == before
        cur.execute("insert into practices values ('F1', 2023, 'water_reuse', 'planned', null, null)")  # no CHECK on the code
        for bad in (
            "insert into practices values ('NOPE', 2023, 'logistics', 'planned', null, null)",  # FK to establishments
            "insert into practices values ('F1', 2023, 'logistics', 'done', null, null)",  # status check kept
            "insert into certifications values ('F1', 'GI', '2023-01-01', null, null, null)",  # GI needs a level
            "insert into surveys values ('S1', 'R2', 'other', 2022, '999999', 'community', 4, null)",  # FK to subdistricts
            "insert into infrastructure values ('P2', 'ถนน', 'road', '190906', 2022, 'finished', null, null, null)",
            "insert into green_areas values ('190906', 2023, 'forest', 'ป่า', -1, null)",
        ):
            with pytest.raises(duckdb.ConstraintException):
                cur.execute(bad)
        with pytest.raises(duckdb.ConstraintException):  # an establishment in use cannot go
            cur.execute("delete from establishments where factory_id = 'F1'")
    con.close()
