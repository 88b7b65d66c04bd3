"""Copy Leaflet, MarkerCluster and jQuery (folium builds popups with it) from PyPI packages into static/."""

from __future__ import annotations

import shutil
from pathlib import Path

import xstatic.pkg.jquery as jquery
import xstatic.pkg.leaflet as leaflet
import xstatic.pkg.leaflet_markercluster as markercluster

from store.db import ROOT

STATIC = ROOT / "static"  # git-ignored; Streamlit serves it at /app/static/ (enableStaticServing)
BASE_URL = "/app/static"
PACKAGES = {"leaflet": Path(leaflet.BASE_DIR), "markercluster": Path(markercluster.BASE_DIR), "jquery": Path(jquery.BASE_DIR)}


def ensure_assets() -> Path:
    """Copy the packaged files once (again after an upgrade changes them); return the static folder."""
    for name, source in PACKAGES.items():
        target = STATIC / name
        marker = target / ".version"
        version = str(source.parent.name) + ":" + str(sorted(p.name for p in source.iterdir()))
        if marker.is_file() and marker.read_text() == version:
            continue
        shutil.copytree(source, target, dirs_exist_ok=True)
        marker.write_text(version)
    return STATIC


JS = [("leaflet", f"{BASE_URL}/leaflet/leaflet.js"), ("jquery", f"{BASE_URL}/jquery/jquery.min.js")]
CSS = [("leaflet_css", f"{BASE_URL}/leaflet/leaflet.css")]
CLUSTER_JS = [("markerclusterjs", f"{BASE_URL}/markercluster/leaflet.markercluster.js")]
CLUSTER_CSS = [
    ("markerclustercss", f"{BASE_URL}/markercluster/MarkerCluster.css"),
    ("markerclusterdefaultcss", f"{BASE_URL}/markercluster/MarkerCluster.Default.css"),
]

if __name__ == "__main__":
    print("static assets in", ensure_assets())
