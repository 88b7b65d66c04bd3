"""The folium map builder on its own: features, colours, shapes, bounds, offline assets and escaping."""

import json
import re
from html.parser import HTMLParser

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from present.jinja import environment
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
    return pd.DataFrame(
        {
            "factory_id": ["F1", "M1", "F2", "F3"],
            "name_th": ["<script>alert(1)</script>", "เหมือง", "ไม่มีพิกัด", "ไกล"],
            "name_en": ["<b>x</b>", "Mine", "No point", "Far"],
            "kind": ["factory", "mine", "factory", "factory"],
            "lat": [14.68, 14.72, None, 14.60],
            "lon": [100.83, 100.90, None, 100.75],
            "status": ["counts", "does_not_count", "no_data", "no_data"],
            "location": ["ok", "ok", "no_coordinates", "outside"],
            "display_name": ["<script>alert(1)</script>", "เหมือง", "ไม่มีพิกัด", "ไกล"],
        }
    )


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
    assert "เขาวง: 40.00 % · Pass" in html and "(190906)" not in html and '"pane": "subdistrict_labels"' in html


def test_subdistrict_labels_lie_under_the_markers_and_cluster_counts(html):
    """A label above the markers' pane hid the counts of the cluster bubbles under it."""
    z = re.search(r'subdistrict_labels"\);\s*\w+\.style\.zIndex = (\d+);', html)
    assert z is not None and 400 < int(z.group(1)) < 600  # above the outlines (400), under the markers (600)


def escape(value: str) -> str:
    """How the templates' autoescape writes a value (Jinja2's own escaping, through a template)."""
    return environment("popups").from_string("{{ value }}").render(value=value)


HOSTILE = ["<script>alert(1)</script>", "\"'><img src=x onerror=alert(1)>", 'โรงงาน <ปูน> & "หิน"']


def hostile_labels(value: str) -> MapLabels:
    return MapLabels(
        status=dict.fromkeys(("counts", "does_not_count", "no_data"), value),
        kind=dict.fromkeys(("factory", "mine"), value),
        subdistrict_status=dict.fromkeys(("pass", "fail", "no_data"), value),
        profile=value,
        value=value,
        misplaced=value,
        approximate=value,
    )


def tags(rendered: str) -> list[tuple[str, list[str]]]:
    """Every tag of an HTML fragment with its attributes' names, as a browser's parser reads them."""
    found: list[tuple[str, list[str]]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, [name for name, _ in attrs]))

    Tags().feed(rendered)
    return found


def not_markup(rendered: str, value: str) -> None:
    """The value is in the HTML as text only: no tag or attribute of its own survives."""
    assert escape(value) in rendered and value not in rendered
    assert all(tag in ("b", "i", "br", "div", "span") and set(attrs) <= {"style"} for tag, attrs in tags(rendered)), tags(rendered)


@pytest.mark.parametrize("value", HOSTILE)
def test_every_popup_template_escapes_hostile_values(value):
    from ui.maps import legend_html, marker_html, popup_html, render

    row = pd.Series(
        {"display_name": value, "factory_id": value, "kind": "factory", "status": "counts", "location": "outside", "approximate": True}
    )
    labels = hostile_labels(value)
    popup = popup_html(row, labels)
    assert popup.count("<b>") == 2 and popup.count("<i>") == 2  # name, misplaced; approximate, profile
    not_markup(popup, value)
    not_markup(render("text.html", text=value), value)
    not_markup(render("subdistrict_label.html", text=value), value)
    not_markup(render("marker.html", colour=value, border=value, radius=value, mark=value), value)
    legend = legend_html(labels, [value])
    not_markup(legend, value)
    assert legend.count("border-radius:50%") == 4 and legend.count("border-radius:3px") == 1  # the marks drawn as on the map
    assert marker_html("mine", "does_not_count") == (
        '<div style="width:18px;height:18px;background:#D55E00;border:2px solid #fff;border-radius:3px;box-shadow:0 0 2px #000;'
        'color:#fff;font:700 12px/16px sans-serif;text-align:center">✗</div>'
    )


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_names_stay_text_on_the_whole_map(value):
    shown = places().assign(display_name=value, factory_id=["F1", "M1", "F2", value])
    polygons = POLYGONS.assign(name_th=value)
    page = build_map(shown, polygons, {"190906": ("pass", value)}, hostile_labels(value)).get_root().render()
    assert "<img src=x" not in page and "<script>alert" not in page
    for point in markers(page):
        not_markup(str(point["popup"]), value)
        assert tags(str(point["tooltip"])) == []
    assert markers(page)[-1]["tooltip"] == escape(value)


def test_no_hand_placed_escape_is_left_in_the_map_builder():
    from pathlib import Path

    source = (Path(__file__).resolve().parents[1] / "ui" / "maps.py").read_text(encoding="utf-8")
    assert "escape(" not in source and "import html" not in source


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
