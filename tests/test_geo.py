"""Boundaries: loading the shared COD-AB file, refusing bad files, the point-in-polygon check."""

from pathlib import Path

import pandas as pd
import pytest

from store.geo import BoundaryError, load_boundaries, location_check, stored_boundaries
from tests.conftest import BOUNDARIES

needs_shared = pytest.mark.skipif(not BOUNDARIES.exists(), reason="needs ../shared reference boundaries")


@needs_shared
def test_loads_only_the_two_subdistricts_from_the_shared_file(con):
    assert load_boundaries(con, BOUNDARIES) == 2  # the file also holds two districts and the province
    with con.cursor() as cur:
        polygons = stored_boundaries(cur)
    assert list(polygons["subdistrict_code"]) == ["190906", "191306"]
    areas = polygons.to_crs(32647).area  # UTM 47N, as SPEC's reference areas
    assert areas.round(-3).tolist() == [27993000.0, 61973000.0]
    assert load_boundaries(con, BOUNDARIES) == 2  # loading again replaces, never duplicates


@needs_shared
def test_point_in_polygon_flags_without_fixing(con):
    load_boundaries(con, BOUNDARIES)
    with con.cursor() as cur:
        polygons = stored_boundaries(cur)
    places = pd.DataFrame(
        {
            "factory_id": ["OK", "SWAP", "AWAY", "NONE"],
            "subdistrict_code": ["191306", "190906", "191306", "190906"],
            # Air4Thai station 24t in Na Phra Lan; the same point claimed as Khao Wong; Bangkok; no point.
            "lat": [14.687391, 14.687391, 13.75, None],
            "lon": [100.871228, 100.871228, 100.50, None],
        }
    )
    check = location_check(places, polygons).set_index("factory_id")
    assert check["status"].to_dict() == {"OK": "ok", "SWAP": "other_subdistrict", "AWAY": "outside", "NONE": "no_coordinates"}
    assert check.at["SWAP", "found_code"] == "191306" and check.at["SWAP", "subdistrict_code"] == "190906"


def test_without_boundaries_every_point_is_unchecked(con):
    with con.cursor() as cur:
        polygons = stored_boundaries(cur)
    check = location_check(pd.DataFrame({"factory_id": ["A"], "subdistrict_code": ["190906"], "lat": [14.7], "lon": [100.8]}), polygons)
    assert check["status"].tolist() == ["no_boundaries"]


def test_bad_boundary_files_are_refused_and_change_nothing(con, tmp_path: Path):
    with pytest.raises(BoundaryError, match="no such file"):
        load_boundaries(con, tmp_path / "missing.geojson")
    junk = tmp_path / "junk.geojson"
    junk.write_text("not geojson", encoding="utf-8")
    with pytest.raises(BoundaryError, match="not a readable"):
        load_boundaries(con, junk)
    elsewhere = tmp_path / "elsewhere.geojson"
    elsewhere.write_text(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"100101"},'
        '"geometry":{"type":"Point","coordinates":[100.5,13.7]}}]}',
        encoding="utf-8",
    )
    with pytest.raises(BoundaryError, match="no feature for subdistricts"):
        load_boundaries(con, elsewhere)
    with con.cursor() as cur:
        assert cur.execute("select count(*) from boundaries").fetchall() == [(0,)]


@pytest.mark.slow
def test_cli_boundaries_reports_errors_without_traceback(tmp_path):
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-m", "store", "boundaries", "--db", str(tmp_path / "b.duckdb"), "--file", str(tmp_path / "none.zip")],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 1 and "no such file" in out.stderr and "Traceback" not in out.stderr


@needs_shared
def test_zipped_shapefile_with_several_layers_uses_the_tambon_layer(con, tmp_path: Path):
    """A zip like OCHA's: several admin levels side by side; the adm3 (tambon) layer is the one read."""
    import zipfile

    import geopandas as gpd

    shared = gpd.read_file(BOUNDARIES)
    tambon = shared[shared["level"] == "subdistrict"].assign(ADM3_PCODE=lambda d: "TH" + d["code"], ADM3_EN=lambda d: d["name_en"])
    district = shared[shared["level"] == "district"].assign(ADM2_PCODE=lambda d: "TH" + d["code"])
    tambon[["ADM3_PCODE", "ADM3_EN", "geometry"]].to_file(tmp_path / "tha_admbnda_adm3_test.shp")
    district[["ADM2_PCODE", "geometry"]].to_file(tmp_path / "tha_admbnda_adm2_test.shp")
    archive = tmp_path / "cod_ab.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for f in tmp_path.glob("tha_admbnda_*"):
            z.write(f, f.name)
    assert load_boundaries(con, archive) == 2
    with con.cursor() as cur:
        assert cur.execute("select subdistrict_code, name_en from boundaries order by 1").fetchall() == [
            ("190906", "Khao Wong"),
            ("191306", "Na Phralan"),
        ]


@needs_shared
def test_points_shared_or_at_a_subdistrict_centre_are_flagged_approximate_never_moved(con):
    """The real DIW list stacks 27 establishments on Na Phra Lan's centre and 6 on Khao Wong's."""
    load_boundaries(con, BOUNDARIES)
    with con.cursor() as cur:
        polygons = stored_boundaries(cur)
    centre = polygons.set_index("subdistrict_code").to_crs(32647).geometry.centroid.to_crs(4326)["191306"]
    places = pd.DataFrame(
        {
            "factory_id": ["A", "B", "CENTRE", "OWN", "NONE"],
            "subdistrict_code": ["191306", "191306", "191306", "191306", "190906"],
            # A and B on one point (11 m apart at most), one at the centroid, one on its own, one without a point.
            "lat": [14.687391, 14.68740, centre.y, 14.687391 + 0.01, None],
            "lon": [100.871228, 100.87123, centre.x, 100.871228 + 0.01, None],
        }
    )
    check = location_check(places, polygons).set_index("factory_id")
    assert check["approximate"].to_dict() == {"A": True, "B": True, "CENTRE": True, "OWN": False, "NONE": False}
    assert check.at["A", "lat"] == 14.687391 and check.at["CENTRE", "lon"] == centre.x  # flagged, never moved
