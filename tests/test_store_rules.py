"""One bad file per SPEC §2 rule: the report names row, column and rule, and nothing is written."""

import pytest

from tests.conftest import fingerprint

E = "factory_id,name_th,kind,subdistrict_code"
A = "factory_id,year"
C = "factory_id,scheme,issued_on,level,expires_on"
P = "factory_id,year,practice,status"
S = "factory_id,sampled_on,parameter,value,unit"
G = "subdistrict_code,year,category,name,green_area_m2"
Q = "survey_id,respondent_id,question,year,subdistrict_code,respondent_type,score"
INF = "project_id,name,system,subdistrict_code,year,status"
ACT = "activity_id,title_th,status"
EV = "indicator_code,item_no,description_th,status"

CASES = [
    # (id, table, csv, expected (excel row, column, rule))
    ("unknown column", "establishments", E + ",colour\nF9,ก,factory,190906,red\n", (1, "colour", "unknown_column")),
    ("missing key column", "annual_reports", "factory_id,water_use_m3\nF1,5\n", (1, "year", "missing_key_column")),
    ("duplicate key", "establishments", E + "\nF9,ก,factory,190906\nF9,ข,factory,190906\n", (2, "factory_id", "duplicate_key")),
    ("nothing to load", "establishments", E + "\n", (None, None, "nothing_to_load")),
    ("subdistrict required", "establishments", E + "\nF9,ก,factory,\n", (2, "subdistrict_code", "required")),
    ("kind allowed", "establishments", E + "\nF9,ก,warehouse,190906\n", (2, "kind", "allowed")),
    ("kind required", "establishments", E + "\nF9,ก,,190906\n", (2, "kind", "required")),
    ("subdistrict known", "establishments", E + "\nF9,ก,factory,190101\n", (2, "subdistrict_code", "unknown_subdistrict")),
    ("lat in Thailand", "establishments", E + ",lat,lon\nF9,ก,factory,190906,51.5,100.8\n", (2, "lat", "max")),
    ("lon in Thailand", "establishments", E + ",lat,lon\nF9,ก,factory,190906,14.7,-0.1\n", (2, "lon", "min")),
    ("lat and lon together", "establishments", E + ",lat,lon\nF9,ก,factory,190906,14.7,\n", (2, "lat", "lat_lon_pair")),
    (
        "closed before registered",
        "establishments",
        E + ",registered_year,closed_year\nF9,ก,factory,190906,2020,2019\n",
        (2, "closed_year", "closed_before_registered"),
    ),
    ("year is a number", "establishments", E + ",registered_year\nF9,ก,factory,190906,twenty\n", (2, "registered_year", "not_a_number")),
    ("boolean words", "establishments", E + ",in_industrial_zone\nF9,ก,factory,190906,maybe\n", (2, "in_industrial_zone", "not_a_boolean")),
    ("factory must exist", "annual_reports", A + "\nNOPE,2022\n", (2, "factory_id", "unknown_factory")),
    ("numbers >= 0", "annual_reports", A + ",water_use_m3\nF1,2022,-5\n", (2, "water_use_m3", "min")),
    ("production > 0", "annual_reports", A + ",production_qty\nF1,2022,0\n", (2, "production_qty", "min_exclusive")),
    (
        "3R <= generated",
        "annual_reports",
        A + ",waste_generated_t,waste_3r_t\nF1,2022,10,11\n",
        (2, "waste_3r_t", "waste_3r_exceeds_generated"),
    ),
    (
        "renewable <= total",
        "annual_reports",
        A + ",energy_total_gj,energy_renewable_gj\nF1,2022,10,12\n",
        (2, "energy_renewable_gj", "renewable_exceeds_total"),
    ),
    ("year required", "annual_reports", A + "\nF1,\n", (2, "year", "required")),
    ("year plausible", "annual_reports", A + "\nF1,1066\n", (2, "year", "year_range")),
    ("year whole", "annual_reports", A + "\nF1,2022.5\n", (2, "year", "not_an_integer")),
    ("number syntax", "annual_reports", A + ',water_use_m3\nF1,2022,"1,2"\n', (2, "water_use_m3", "not_a_number")),
    ("number finite", "annual_reports", A + ",water_use_m3\nF1,2022,inf\n", (2, "water_use_m3", "not_a_number")),
    ("scheme allowed", "certifications", C + "\nF1,LEED,2022-01-01,,\n", (2, "scheme", "allowed")),
    ("GI needs level", "certifications", C + "\nF1,GI,2022-01-01,,\n", (2, "level", "gi_level_required")),
    ("level 1-5", "certifications", C + "\nF1,GI,2022-01-01,6,\n", (2, "level", "max")),
    ("expiry after issue", "certifications", C + "\nF1,ISO14001,2022-01-01,,2021-12-31\n", (2, "expires_on", "expires_before_issued")),
    ("date syntax", "certifications", C + "\nF1,ISO14001,31/02/2022,,\n", (2, "issued_on", "not_a_date")),
    # pandas' dates end in 1677 and 2262: a year typed wrong crashed the loader instead of being named
    ("date before 1900", "certifications", C + "\nF1,ISO14001,1500-01-01,,\n", (2, "issued_on", "date_out_of_range")),
    ("date after 2200", "certifications", C + "\nF1,ISO14001,2022-01-01,,3000-12-31\n", (2, "expires_on", "date_out_of_range")),
    ("practice allowed", "practices", P + "\nF1,2022,recycling,implemented\n", (2, "practice", "allowed")),
    ("practice status required", "practices", P + "\nF1,2022,logistics,\n", (2, "status", "required")),
    ("practice status allowed", "practices", P + "\nF1,2022,logistics,done\n", (2, "status", "allowed")),
    ("parameter in standards", "effluent_samples", S + "\nF1,2022-03-01,arsenic_total,0.1,mg/L\n", (2, "parameter", "unknown_parameter")),
    ("unit matches standard", "effluent_samples", S + "\nF1,2022-03-01,BOD,12,g/L\n", (2, "unit", "unit_mismatch")),
    ("value >= 0", "effluent_samples", S + "\nF1,2022-03-01,BOD,-1,mg/L\n", (2, "value", "min")),
    ("pH 0-14", "effluent_samples", S + "\nF1,2022-03-01,pH,15,pH\n", (2, "value", "ph_range")),
    ("value required", "effluent_samples", S + "\nF1,2022-03-01,BOD,,mg/L\n", (2, "value", "required")),
    ("unit required", "effluent_samples", S + "\nF1,2022-03-01,BOD,3,\n", (2, "unit", "required")),
    ("green area required", "green_areas", G + "\n190906,2022,forest,ป่า,\n", (2, "green_area_m2", "required")),
    ("green area >= 0", "green_areas", G + "\n190906,2022,forest,ป่า,-3\n", (2, "green_area_m2", "min")),
    ("green category", "green_areas", G + "\n190906,2022,golf,สนาม,3\n", (2, "category", "allowed")),
    ("green subdistrict", "green_areas", G + "\n999999,2022,forest,ป่า,3\n", (2, "subdistrict_code", "unknown_subdistrict")),
    ("respondent type", "surveys", Q + "\nS1,R1,eco_town_awareness,2022,190906,tourist,4\n", (2, "respondent_type", "allowed")),
    ("question allowed", "surveys", Q + "\nS1,R1,happiness,2022,190906,community,4\n", (2, "question", "allowed")),
    ("score 1-5", "surveys", Q + "\nS1,R1,eco_town_awareness,2022,190906,community,6\n", (2, "score", "max")),
    ("score integer", "surveys", Q + "\nS1,R1,eco_town_awareness,2022,190906,community,4.5\n", (2, "score", "not_an_integer")),
    ("survey year required", "surveys", Q + "\nS1,R1,eco_town_awareness,,190906,community,4\n", (2, "year", "required")),
    ("system allowed", "infrastructure", INF + "\nP1,ถนน,railway,190906,2022,completed\n", (2, "system", "allowed")),
    ("project status allowed", "infrastructure", INF + "\nP1,ถนน,road,190906,2022,finished\n", (2, "status", "allowed")),
    ("project name required", "infrastructure", INF + "\nP1,,road,190906,2022,completed\n", (2, "name", "required")),
    ("activity status", "activities", ACT + "\n2.1,อบรม,postponed\n", (2, "status", "allowed")),
    ("activity title required", "activities", ACT + "\n2.1,,planned\n", (2, "title_th", "required")),
    (
        "activity dates ordered",
        "activities",
        ACT + ",planned_start,planned_end\n2.1,อบรม,planned,2022-05-01,2022-04-01\n",
        (2, "planned_end", "end_before_start"),
    ),
    ("evidence status", "evidence", EV + "\n18.1.1,4,คำสั่ง,done\n", (2, "status", "allowed")),
    ("evidence indicator known", "evidence", EV + "\n99.9.9,1,คำสั่ง,ready\n", (2, "indicator_code", "unknown_indicator")),
    ("evidence description required", "evidence", EV + "\n18.1.1,4,,ready\n", (2, "description_th", "required")),
    # Bounded inputs (issue 26 item 7): every text column has a length, identifiers a shape, numbers a ceiling.
    ("name length", "establishments", E + "\nF9," + "ก" * 301 + ",factory,190906\n", (2, "name_th", "too_long")),
    ("industry length", "establishments", E + ",industry\nF9,ก,factory,190906," + "x" * 301 + "\n", (2, "industry", "too_long")),
    ("description length", "evidence", EV + "\n18.1.1,4," + "ข" * 2001 + ",ready\n", (2, "description_th", "too_long")),
    ("reference length", "evidence", EV + ",reference\n18.1.1,4,ค,ready," + "r" * 1001 + "\n", (2, "reference", "too_long")),
    ("title length", "activities", ACT + "\n2.1," + "อ" * 501 + ",planned\n", (2, "title_th", "too_long")),
    ("unit length", "annual_reports", A + ",production_unit\nF1,2022," + "t" * 51 + "\n", (2, "production_unit", "too_long")),
    ("factory id length", "establishments", E + "\n" + "F" * 65 + ",ก,factory,190906\n", (2, "factory_id", "too_long")),
    ("factory id shape", "establishments", E + "\n=HYPERLINK(1),ก,factory,190906\n", (2, "factory_id", "bad_identifier")),
    ("invisible id", "establishments", E + "\nF9\u200b,ก,factory,190906\n", (2, "factory_id", "bad_identifier")),
    (
        "respondent id shape",
        "surveys",
        Q + "\nS1,R<1>,eco_town_awareness,2022,190906,community,4\n",
        (2, "respondent_id", "bad_identifier"),
    ),
    ("project id shape", "infrastructure", INF + '\n"P\n1",ถนน,road,190906,2022,completed\n', (2, "project_id", "bad_identifier")),
    ("item number ceiling", "evidence", EV + "\n18.1.1,10000,ก,ready\n", (2, "item_no", "max")),
    ("participants ceiling", "activities", ACT + ",participants\n2.1,อบรม,done,3000000000\n", (2, "participants", "max")),
    ("numbers ceiling", "annual_reports", A + ",investment_thb\nF1,2022,1e16\n", (2, "investment_thb", "max")),
]


@pytest.mark.parametrize("table,text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_file_is_reported_and_nothing_written(con, load, factories, table, text, expected):
    before = fingerprint(con)
    report = load(table, text)
    assert not report.ok
    found = {(p.row, p.column, p.rule) for p in report.problems}
    assert expected in found, report.problems
    problem = next(p for p in report.problems if (p.row, p.column, p.rule) == expected)
    # The message names what is wrong in both languages.
    for lang in ("en", "th"):
        text_ = problem.text(lang)
        assert text_ and "{" not in text_
        assert (
            (problem.column or "") in text_
            or (problem.value or "") in text_
            or problem.rule in ("nothing_to_load", "gi_level_required", "lat_lon_pair")
        )
    assert fingerprint(con) == before


def test_every_problem_in_the_file_is_listed(load):
    rows = "".join(f"190906,2022,forest,ป่า {i},-1\n" for i in range(1500))
    report = load("green_areas", G + "\n" + rows)
    assert len(report.problems) == 1500
    assert [p.row for p in report.problems[:3]] == [2, 3, 4]


def test_duplicate_key_names_both_rows(load, factories):
    report = load("annual_reports", A + "\nF1,2022\nF2,2022\nF1,2565\n")
    dup = sorted((p.row, p.detail) for p in report.problems if p.rule == "duplicate_key")
    assert dup == [(2, "2, 4"), (4, "2, 4")]  # each row of the group names every row of it


def test_factory_defined_earlier_in_the_same_establishments_file_is_fine(load):
    assert load("establishments", E + "\nF9,ก,factory,190906\nF10,ข,mine,191306\n").ok


def test_units_are_stored_as_the_standard_spells_them(con, load, factories):
    assert load("effluent_samples", S + "\nF1,2022-03-01,BOD,12,MG/l\n").ok
    with con.cursor() as cur:
        assert cur.execute("select unit from effluent_samples").fetchall() == [("mg/L",)]


def test_unknown_table_is_refused(con, write):
    from store.load import load_file

    report = load_file(con, "factories", write(E + "\nF9,ก,factory,190906\n"))
    assert [p.rule for p in report.problems] == ["unknown_table"]


def test_fiscal_year_is_optional_be_first_and_part_of_the_key(con, load):
    # No fiscal_year column: the seed's year, 2565. A CE fiscal year is converted; an empty cell is 2565 too.
    assert load("activities", ACT + "\n9.1,อบรมครั้งแรก,planned\n").ok
    assert load("activities", "fiscal_year," + ACT + "\n2023,9.1,อบรมปีถัดไป,planned\n,9.2,ว่าง,done\n2567,9.1,อบรมปี 67,done\n").ok
    with con.cursor() as cur:
        rows = cur.execute(
            "select fiscal_year, activity_id, title_th from activities where activity_id like '9.%' order by 1, 2"
        ).fetchall()
    assert rows == [(2565, "9.1", "อบรมครั้งแรก"), (2565, "9.2", "ว่าง"), (2566, "9.1", "อบรมปีถัดไป"), (2567, "9.1", "อบรมปี 67")]


def test_fiscal_year_out_of_range_is_refused(load):
    report = load("evidence", "fiscal_year," + EV + "\n65,18.1.1,9,ก,ready\n")
    assert [(p.row, p.column, p.rule) for p in report.problems] == [(2, "fiscal_year", "year_range")]


def test_every_message_and_word_has_thai_and_english_with_the_same_fields():
    """Every refusal, problem and page text exists in both languages, and neither drops a value the other shows."""
    import string

    from present.words import COLUMNS, TEXT
    from store.messages import RULES

    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    pairs = [(k, v.en, v.th) for k, v in {**RULES, **TEXT, **COLUMNS}.items()]
    for key, en, th in pairs:
        assert en.strip() and th.strip(), key
        assert fields(en) == fields(th), key
        thai = any("\u0e00" <= ch <= "\u0e7f" for ch in th)
        assert thai or th == en, f"{key}: the Thai text has no Thai: {th!r}"


def test_every_text_column_has_a_length_and_every_key_identifier_a_shape():
    from store.tables import TABLES

    for table in TABLES.values():
        for column in table.columns:
            if column.kind in ("text", "code"):
                assert column.max_length, f"{table.name}.{column.name} has no length limit"
            if column.name in ("factory_id", "survey_id", "respondent_id", "project_id"):
                assert column.shape, f"{table.name}.{column.name} has no identifier shape"


def test_the_longest_allowed_values_and_real_identifiers_load(con, load):
    """At the limits exactly, Thai names of 300 characters and DIW registration numbers in both formats."""
    longest = "บริษัท " + "ก" * 293
    assert len(longest) == 300
    report = load(
        "establishments",
        E + ",industry,diw_type\n"
        f"3-64(12)-2/50สบ,{longest},factory,190906,{'อ' * 300},{'๑' * 50}\n"
        f"10190000125501,ข,mine,191306,,\n"
        f"{'ฉ' * 64},,factory,190906,,\n",
    )
    assert report.ok, report.problems
    with con.cursor() as cur:
        assert cur.execute("select max(length(name_th)) from establishments").fetchall() == [(300,)]


def test_a_problem_shows_a_long_value_shortened_with_its_length(load):
    """5,000 problems with a 60 KB value each must not make a 300 MB report: a value is shown to 80 characters."""
    report = load("establishments", E + "\nF9," + "ก" * 20_000 + ",factory,190906\n")
    (problem,) = report.problems
    assert problem.rule == "too_long" and problem.value is not None
    assert len(problem.value) < 100 and problem.value.endswith("… (20,000)")
    assert "300" in problem.text("en") and "300" in problem.text("th")
