"""Folium map builders: subdistrict outlines and verdicts, establishments by status, popups from templates.

Colours come from the Okabe-Ito palette (safe for colour-blind readers) and never carry meaning alone:
a status is also a mark (✓ counts, ✗ does not count, – not in the indicator), a kind a shape (circle
factory, square mine), an approximate point a dashed ring. Cluster bubbles are neutral grey. Every piece of HTML
(popup, icon, label, tooltip, legend) comes from present/templates/popups/ with autoescape: Python passes values.
"""

from __future__ import annotations

from dataclasses import dataclass

import folium
import geopandas as gpd
import pandas as pd
from folium.plugins import MarkerCluster
from jinja2 import Template

from present.jinja import environment
from ui.static_assets import CLUSTER_CSS, CLUSTER_JS, CSS, JS

STATUS_COLOURS = {"counts": "#0072B2", "does_not_count": "#D55E00", "no_data": "#999999", "hit": "#009E73"}
STATUS_MARKS = {"counts": "✓", "does_not_count": "✗", "no_data": "–", "hit": "●"}
FILL = {"pass": "#56B4E9", "fail": "#E69F00", "no_data": "#DDDDDD"}
CENTRE = (14.70, 100.88)  # only where the map starts: it then fits itself to the town's polygons and points
LABEL_PANE = "subdistrict_labels"
# Subdistrict labels sit above the outlines (overlayPane 400) and below the markers and cluster bubbles (markerPane
# 600): a label above them hid the counts of the bubbles under it.
LABEL_Z = 450
# Neutral cluster bubbles: a count, never a status colour.
CLUSTER_ICON = """
function(cluster) {
  return L.divIcon({
    html: '<div style="background:#4a5568;color:#fff;border:2px solid #fff;border-radius:50%;width:30px;height:30px;'
        + 'line-height:26px;text-align:center;font-weight:700;box-shadow:0 0 3px #000">' + cluster.getChildCount() + '</div>',
    className: 'eit-cluster', iconSize: L.point(30, 30)
  });
}
"""


class EstablishmentMarkers(folium.MacroElement):
    """Every establishment's marker, made in the browser from one JSON list and added to the parent cluster.

    A folium Marker with its icon, popup and tooltip compiles four templates when rendered (about 3 ms per
    point), so a map of the demo's 190 points took 0.6 s on the server at each year or indicator change;
    this is one element whatever the number of points. Icon, popup and tooltip are HTML rendered from the
    popups templates (values escaped); `tojson` escapes <, > and & so no text can close the script.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
          const points = {{ this.points|tojson }};
          for (const p of points) {
            L.marker([p.lat, p.lon], {icon: L.divIcon({html: p.icon, className: "empty", iconSize: [18, 18], iconAnchor: [9, 9]})})
              .bindPopup(p.popup, {maxWidth: 320})
              .bindTooltip(p.tooltip)
              .addTo({{ this._parent.get_name() }});
          }
        })();
        {% endmacro %}
        """
    )

    def __init__(self, points: list[dict[str, object]]):
        super().__init__()
        self._name = "EstablishmentMarkers"
        self.points = points


@dataclass
class MapLabels:
    status: dict[str, str]  # counts / does_not_count / no_data -> text
    kind: dict[str, str]  # factory / mine -> text
    subdistrict_status: dict[str, str]  # pass / fail / no_data -> text
    profile: str
    value: str
    misplaced: str
    approximate: str = "approximate location"


def render(template: str, **values: object) -> str:
    """One of present/templates/popups/, every value escaped."""
    return environment("popups").get_template(template).render(**values).strip()


def marker_style(kind: str, status: str, approximate: bool = False) -> dict[str, str]:
    """Shape = kind, mark and colour = status, dashed ring = approximate point."""
    return {
        "colour": STATUS_COLOURS[status],
        "border": "2px dashed #000" if approximate else "2px solid #fff",
        "radius": "50%" if kind == "factory" else "3px",
        "mark": STATUS_MARKS[status],
    }


def marker_html(kind: str, status: str, approximate: bool = False) -> str:
    return render("marker.html", **marker_style(kind, status, approximate))


def popup_html(row: pd.Series, labels: MapLabels) -> str:
    return render(
        "establishment.html",
        name=str(row["display_name"]),
        factory_id=str(row["factory_id"]),
        kind=labels.kind[row["kind"]],
        mark=STATUS_MARKS[row["status"]],
        status=labels.status[row["status"]],
        misplaced=labels.misplaced if row.get("location") not in (None, "ok", "no_boundaries") else "",
        approximate=labels.approximate if row.get("approximate") is True else "",
        profile=labels.profile,
    )


def build_map(
    establishments: pd.DataFrame,
    polygons: gpd.GeoDataFrame,
    area_results: dict[str, tuple[str, str]],  # subdistrict -> (status, value text)
    labels: MapLabels,
    name_col: str = "name_th",
    tiles: bool = False,
) -> folium.Map:
    """The whole map. establishments needs factory_id, display_name, kind, lat, lon, status, location, approximate."""
    # No tile layer by default, so the map sets its own zoom range (MarkerCluster needs maxZoom).
    fmap = folium.Map(location=CENTRE, zoom_start=12, tiles=None, control_scale=True, maxZoom=18, minZoom=9)
    fmap.default_js, fmap.default_css = JS, CSS  # served by the app: the map draws without internet
    # Kilometres only: Leaflet's scale adds miles, which nobody here reads.
    fmap.get_root().header.add_child(
        folium.Element("<style>.leaflet-control-scale-line + .leaflet-control-scale-line {display: none}</style>")
    )
    if tiles:
        folium.TileLayer("OpenStreetMap", attr="© OpenStreetMap contributors").add_to(fmap)
    folium.map.CustomPane(LABEL_PANE, z_index=LABEL_Z, pointer_events=False).add_to(fmap)
    for _, area in polygons.iterrows():
        status, value = area_results.get(area["subdistrict_code"], ("no_data", ""))
        name = str(area[name_col] or area["name_th"])
        # Without results (the search page's map) a subdistrict is only named, not judged.
        label = f"{name}: {value} · {labels.subdistrict_status[status]}" if area_results else name
        folium.GeoJson(
            area.geometry.__geo_interface__,
            name=str(area["subdistrict_code"]),
            style_function=lambda _f, c=FILL[status] if area_results else "#f7fafc": {
                "fillColor": c,
                "color": "#2d3748",
                "weight": 2,
                "fillOpacity": 0.35,
            },
            tooltip=folium.Tooltip(render("text.html", text=label)),
        ).add_to(fmap)
        centre = area.geometry.representative_point()
        # The label hangs below the outline's southern edge, where it does not sit under the bubbles that gather in
        # the middle; in its own pane under the markers and cluster bubbles, letting clicks through.
        folium.Marker(
            (area.geometry.bounds[1], centre.x),
            icon=folium.DivIcon(html=render("subdistrict_label.html", text=label), icon_size=(0, 0)),
            pane=LABEL_PANE,
            interactive=False,
        ).add_to(fmap)
    cluster = MarkerCluster(name="establishments", options={"disableClusteringAtZoom": 14}, icon_create_function=CLUSTER_ICON)
    cluster.default_js, cluster.default_css = CLUSTER_JS, CLUSTER_CSS
    cluster.add_to(fmap)
    placed = establishments[establishments["lat"].notna() & establishments["lon"].notna()]
    points = [
        {
            "lat": float(row["lat"]),
            "lon": float(row["lon"]),
            "tooltip": render("text.html", text=str(row["factory_id"])),
            "icon": marker_html(str(row["kind"]), str(row["status"]), row.get("approximate") is True),
            "popup": popup_html(row, labels),
        }
        for _, row in placed.iterrows()
    ]
    EstablishmentMarkers(points).add_to(cluster)
    bounds = map_bounds(polygons, placed)
    if bounds:
        fmap.fit_bounds(bounds)
    return fmap


def map_bounds(polygons: gpd.GeoDataFrame, points: pd.DataFrame) -> list[list[float]] | None:
    """[[south, west], [north, east]] around the outlines and every point, so a misplaced point is in view."""
    south, west, north, east = [], [], [], []
    if not polygons.empty:
        minx, miny, maxx, maxy = polygons.total_bounds
        south.append(miny), west.append(minx), north.append(maxy), east.append(maxx)
    if len(points):
        south.append(points["lat"].min()), west.append(points["lon"].min())
        north.append(points["lat"].max()), east.append(points["lon"].max())
    if not south:
        return None
    return [[float(min(south)), float(min(west))], [float(max(north)), float(max(east))]]


def establishment_status(establishments: pd.DataFrame, rows: pd.DataFrame) -> pd.Series:
    """counts / does_not_count for the establishments behind an indicator, no_data for the rest."""
    counted = dict(zip(rows["entity_id"], rows["counted"], strict=True))
    return establishments["factory_id"].map(lambda f: "no_data" if f not in counted else ("counts" if counted[f] else "does_not_count"))


def legend_html(labels: MapLabels, extra: list[str]) -> str:
    """The legend in the same marks as the map (not colour alone)."""
    points = [{**marker_style("factory", s), "label": labels.status[s]} for s in ("counts", "does_not_count", "no_data")]
    points.append({**marker_style("mine", "no_data"), "label": labels.kind["mine"]})
    points.append({**marker_style("factory", "no_data", True), "label": labels.approximate})
    fills = [(FILL[s], labels.subdistrict_status[s]) for s in ("pass", "fail", "no_data")]
    return render("legend.html", points=points, fills=fills, notes=extra)
