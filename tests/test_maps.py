"""The folium map builder on its own: features, colours, shapes, bounds, offline assets and escaping."""

import json
import re

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from ui.maps import FILL, STATUS_COLOURS, MapLabels, build_map, establishment_status, map_bounds

LABELS = MapLabels(
    status={"counts": "counts", "does_not_count": "does not count", "no_data": "no data"},
    kind={"factory": "Factory", "mine": "Mine"},
    subdistrict_status={"pass": "Pass", "fail": "Fail", "no_data": "No data"},
    profile="Open profile",
    value="Value",
    misplaced="misplaced",
)
POLYGONS = gpd.GeoDataFrame(
    {"subdistrict_code": ["190906", "191306"], "name_th": ["เขาวง", "หน้าพระลาน"], "name_en": ["Khao Wong", "Na Phra Lan"]},
    geometry=[box(100.80, 14.65, 100.86, 14.71), box(100.85, 14.67, 100.96, 14.75)],
    crs="EPSG:4326",
)


def places() -> pd.DataFrame:
    return pd.DataFrame({
        "factory_id": ["F1", "M1", "F2", "F3"],
        "name_th": ["<script>alert(1)</script>", "เหมือง", "ไม่มีพิกัด", "ไกล"],
        "name_en": ["<b>x</b>", "Mine", "No point", "Far"],
        "kind": ["factory", "mine", "factory", "factory"],
        "lat": [14.68, 14.72, None, 14.60],
        "lon": [100.83, 100.90, None, 100.75],
        "status": ["counts", "does_not_count", "no_data", "no_data"],
        "location": ["ok", "ok", "no_coordinates", "outside"],
        "display_name": ["<script>alert(1)</script>", "เหมือง", "ไม่มีพิกัด", "ไกล"],
    })  # fmt: skip


@pytest.fixture
def html():
    fmap = build_map(places(), POLYGONS, {"190906": ("pass", "40.00 %"), "191306": ("fail", "10.00 %")}, LABELS)
    return fmap.get_root().render()


def markers(html: str) -> list[dict[str, object]]:
    """The establishments' markers, as the page's script gets them."""
    return json.loads(re.search(r"const points = (\[.*?\]);\n", html).group(1))


def test_names_are_escaped(html):
    assert "<script>alert(1)</script>" not in html and "</script>alert" not in html
    assert "<b>&lt;script&gt;alert(1)&lt;/script&gt;</b>" in markers(html)[0]["popup"]  # shown as text in the popup


def test_assets_come_from_the_app_not_a_cdn(html):
    assert "/app/static/leaflet/leaflet.js" in html and "/app/static/markercluster/leaflet.markercluster.js" in html
    assert "cdn.jsdelivr.net" not in html and "cdnjs.cloudflare.com" not in html and "code.jquery.com" not in html


def test_every_point_with_coordinates_is_a_marker_with_its_colour_mark_and_shape(html):
    assert [p["tooltip"] for p in markers(html)] == ["F1", "M1", "F3"]  # every establishment with a point (F2 has none)
    assert html.count("L.marker(") == 1 + 2  # the loop that makes them + two subdistrict labels
    assert STATUS_COLOURS["counts"] in html and STATUS_COLOURS["does_not_count"] in html
    assert "\\u003e\\u2713\\u003c/div" in html and "\\u003e\\u2717\\u003c/div" in html  # ✓ and ✗ marks: not colour alone
    assert "border-radius:50%" in html and "border-radius:3px" in html  # factory circle, mine square
    assert "/establishment?id=" not in html  # no link that the map's frame cannot follow


def test_cluster_bubbles_are_neutral(html):
    assert "iconCreateFunction" in html and "#4a5568" in html


def test_subdistricts_are_filled_by_status_and_labelled(html):
    assert html.count("L.geoJson(") == 2
    assert FILL["pass"] in html and FILL["fail"] in html
    assert "เขาวง: 40.00 % · Pass" in html and "(190906)" not in html and '"pane": "subdistrict_labels"' in html  # labels above the markers


def test_bounds_include_a_point_outside_the_outlines():
    (south, west), (north, east) = map_bounds(POLYGONS, places().dropna(subset=["lat"]))
    assert (south, west) == (14.60, 100.75) and (north, east) == (14.75, 100.96)
    assert map_bounds(POLYGONS.iloc[0:0], places().iloc[0:0]) is None


def test_establishment_status_from_indicator_rows():
    rows = pd.DataFrame({"entity_id": ["F1", "M1"], "counted": [True, False]})
    assert establishment_status(places(), rows).tolist() == ["counts", "does_not_count", "no_data", "no_data"]


def test_month_ticks_use_our_labels():
    from present.charts import month_ticks

    dates = pd.Series(pd.to_datetime(["2022-03-15", "2022-09-02", "2023-01-20"]))
    ticks, text = month_ticks(dates, lambda m: f"{m.month}/{m.year + 543}", most=4)
    assert ticks[0] == pd.Timestamp("2022-03-01") and text[0] == "3/2565"
    assert len(ticks) <= 4 and ticks[-1] <= pd.Timestamp("2023-02-01")
