"""Folium map builders: subdistrict outlines and choropleth, establishments by status, escaped popups."""

from __future__ import annotations

import html
from dataclasses import dataclass
from urllib.parse import quote

import folium
import geopandas as gpd
import pandas as pd
from folium.plugins import MarkerCluster

from ui.static_assets import CLUSTER_CSS, CLUSTER_JS, CSS, JS

STATUS_COLOURS = {"counts": "#1b7f5a", "does_not_count": "#c53030", "no_data": "#718096", "misplaced": "#d69e2e"}
FILL = {"pass": "#9ae6b4", "fail": "#feb2b2", "no_data": "#e2e8f0"}
CENTRE = (14.70, 100.88)  # between Khao Wong and Na Phra Lan


@dataclass
class MapLabels:
    status: dict[str, str]  # counts / does_not_count / no_data -> text
    kind: dict[str, str]  # factory / mine -> text
    subdistrict_status: dict[str, str]  # pass / fail / no_data -> text
    profile: str
    value: str
    misplaced: str
    approximate: str = "approximate location"


def marker_html(kind: str, colour: str, approximate: bool = False) -> str:
    """A factory is a circle, a mine a square: shape tells the kind, colour the status; a dashed ring an approximate point."""
    radius = "50%" if kind == "factory" else "2px"
    border = "2px dashed #000" if approximate else "2px solid #fff"
    return f'<div style="width:14px;height:14px;background:{colour};border:{border};border-radius:{radius};box-shadow:0 0 2px #000"></div>'


def popup_html(row: pd.Series, labels: MapLabels, name_col: str) -> str:
    name = html.escape(str(row["display_name"]))
    fid = html.escape(str(row["factory_id"]))
    link = f'<a href="/establishment?id={quote(str(row["factory_id"]))}" target="_top">{html.escape(labels.profile)}</a>'
    status = html.escape(labels.status[row["status"]])
    extra = f"<br><b>{html.escape(labels.misplaced)}</b>" if row.get("location") not in (None, "ok", "no_boundaries") else ""
    if row.get("approximate") is True:
        extra += f"<br><i>≈ {html.escape(labels.approximate)}</i>"
    return f"<b>{name}</b><br>{fid} · {html.escape(labels.kind[row['kind']])}<br>{status}{extra}<br>{link}"


def build_map(
    establishments: pd.DataFrame,
    polygons: gpd.GeoDataFrame,
    area_results: dict[str, tuple[str, str]],  # subdistrict -> (status, value text)
    labels: MapLabels,
    name_col: str = "name_th",
    tiles: bool = False,
) -> folium.Map:
    """The whole map. establishments needs factory_id, name_th, name_col, kind, lat, lon, status, location."""
    # No tile layer by default, so the map sets its own zoom range (MarkerCluster needs maxZoom).
    fmap = folium.Map(location=CENTRE, zoom_start=12, tiles=None, control_scale=True, maxZoom=18, minZoom=9)
    fmap.default_js, fmap.default_css = JS, CSS  # served by the app: the map draws without internet
    if tiles:
        folium.TileLayer("OpenStreetMap", attr="© OpenStreetMap contributors").add_to(fmap)
    for _, area in polygons.iterrows():
        status, value = area_results.get(area["subdistrict_code"], ("no_data", ""))
        label = html.escape(
            f"{area[name_col] or area['name_th']} ({area['subdistrict_code']}): {value} · {labels.subdistrict_status[status]}"
        )
        folium.GeoJson(
            area.geometry.__geo_interface__,
            name=str(area["subdistrict_code"]),
            style_function=lambda _f, c=FILL[status]: {"fillColor": c, "color": "#2d3748", "weight": 2, "fillOpacity": 0.45},
            tooltip=folium.Tooltip(label),
        ).add_to(fmap)
        centre = area.geometry.representative_point()
        folium.Marker(
            (centre.y, centre.x),
            icon=folium.DivIcon(
                html=f'<div style="font-weight:700;font-size:14px;white-space:nowrap;text-shadow:0 0 3px #fff">{label}</div>'
            ),
        ).add_to(fmap)
    cluster = MarkerCluster(name="establishments", options={"disableClusteringAtZoom": 14})
    cluster.default_js, cluster.default_css = CLUSTER_JS, CLUSTER_CSS
    cluster.add_to(fmap)
    placed = establishments[establishments["lat"].notna() & establishments["lon"].notna()]
    for _, row in placed.iterrows():
        colour = STATUS_COLOURS[row["status"]]
        folium.Marker(
            (float(row["lat"]), float(row["lon"])),
            icon=folium.DivIcon(
                html=marker_html(str(row["kind"]), colour, row.get("approximate") is True), icon_size=(14, 14), icon_anchor=(7, 7)
            ),
            popup=folium.Popup(popup_html(row, labels, name_col), max_width=320),
            tooltip=html.escape(str(row["factory_id"])),
        ).add_to(cluster)
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
