"""The demo data set: deterministic, loaded through the loader, labelled, and placed where it claims."""

import pytest

from store.demo import MISPLACED, UNNAMED, demo_tables, load_demo
from tests.conftest import BOUNDARIES


def test_demo_is_deterministic_and_of_the_planned_size():
    a, b = demo_tables(), demo_tables()
    for name in a:
        assert a[name].equals(b[name]), name
    est = a["establishments"]
    assert (est["kind"] == "factory").sum() == 150 and (est["kind"] == "mine").sum() == 40
    named = est["name_en"] != ""
    assert est.loc[named, "name_en"].str.contains("(demo)", regex=False).all()
    assert est.loc[named, "name_th"].str.contains("(สาธิต)", regex=False).all()
    # Like DIW's list, a few have no published name; their registration number still says DEMO.
    assert sorted(est.loc[~named, "factory_id"]) == sorted(UNNAMED)


def test_demo_loads_as_labelled_batches(con):
    reports = load_demo(con)
    assert len(reports) == 10 and all(r.ok for r in reports)
    with con.cursor() as cur:
        assert cur.execute("select count(*), bool_and(is_demo) from batches").fetchall() == [(10, True)]
        years = cur.execute("select min(year), max(year) from annual_reports").fetchall()
        assert years == [(2019, 2024)]
        # Surveys are written in BE in the demo file and land as CE.
        assert cur.execute("select min(year), max(year) from surveys").fetchall() == [(2021, 2024)]


@pytest.mark.skipif(not BOUNDARIES.exists(), reason="needs ../shared reference boundaries")
def test_demo_coordinates_lie_in_the_subdistrict_they_claim():
    import geopandas as gpd

    polygons = gpd.read_file(BOUNDARIES).set_index("code").geometry
    est = demo_tables()["establishments"]
    points = gpd.GeoSeries(gpd.points_from_xy(est["lon"], est["lat"]), crs="EPSG:4326")
    inside = [polygons[c].contains(p) for c, p in zip(est["subdistrict_code"], points, strict=True)]
    wrong = sorted(est.loc[[not x for x in inside], "factory_id"])
    assert wrong == sorted(MISPLACED)
