"""Subdistrict boundaries: load from a GeoJSON or zipped shapefile, fetch the official file, check points."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import urllib.request
import zipfile
from pathlib import Path

import duckdb
import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry import shape

from store.db import WRITE_LOCK

ATTRIBUTION = "© RTSD / OCHA, COD-AB Thailand, via HDX (CC BY-IGO)"
# OCHA's COD-AB for Thailand on HDX (dataset cod-ab-tha): the zipped shapefiles of every admin level.
# The address is the resource's public download link as cited by users of the data set; it could not be
# fetched from this project's build machines (no internet), so no checksum is pinned: pass one in
# $EIT_BOUNDARY_SHA256 to have it verified, or override the address with $EIT_BOUNDARY_URL.
OFFICIAL_URL = os.environ.get(
    "EIT_BOUNDARY_URL",
    "https://data.humdata.org/dataset/d24bdc45-eb4c-4e3d-8b16-44db02667c27/resource/"
    "d0c722ff-6939-4423-ac0d-6501830b1759/download/tha_adm_rtsd_itos_20210121_shp.zip",
)
CODE_COLUMNS = ("code", "ADM3_PCODE", "adm3_pcode", "subdistrict_code")
NAME_TH_COLUMNS = ("name_th", "ADM3_TH", "adm3_th")
NAME_EN_COLUMNS = ("name_en", "ADM3_EN", "adm3_en")


class BoundaryError(ValueError):  # the command line's, for an operator: English only
    """The boundary file cannot be used; the message says why and what to do."""


def _first(frame: pd.DataFrame, names: tuple[str, ...]) -> str | None:
    return next((n for n in names if n in frame.columns), None)


def _layer(path: Path) -> str:
    """A GeoJSON as is; in a zip, the tambon (adm3) shapefile when there are several layers."""
    if path.suffix.lower() != ".zip":
        return str(path)
    try:
        with zipfile.ZipFile(path) as archive:
            shapefiles = [n for n in archive.namelist() if n.lower().endswith(".shp")]
    except zipfile.BadZipFile as exc:
        raise BoundaryError(f"{path.name} is not a readable zip file") from exc
    if not shapefiles:
        raise BoundaryError(f"{path.name} holds no shapefile")
    tambon = [n for n in shapefiles if "adm3" in n.lower()] or shapefiles
    return f"zip://{path}!{tambon[0]}"


def read_boundaries(path: Path, codes: set[str]) -> gpd.GeoDataFrame:
    """The features of `codes` from a GeoJSON or (zipped) shapefile, in WGS84, one row per code."""
    if not path.is_file():
        raise BoundaryError(f"no such file: {path}")
    try:
        frame = gpd.read_file(_layer(path))
    except Exception as exc:  # pyogrio raises several types for unreadable files
        raise BoundaryError(f"{path.name} is not a readable GeoJSON or shapefile: {exc}") from exc
    code_col = _first(frame, CODE_COLUMNS)
    if code_col is None:
        raise BoundaryError(f"{path.name} has no subdistrict code column (one of {', '.join(CODE_COLUMNS)})")
    frame = frame.assign(subdistrict_code=frame[code_col].astype(str).str.removeprefix("TH"))
    frame = frame[frame["subdistrict_code"].isin(codes)]
    if frame.empty:
        raise BoundaryError(f"{path.name} has no feature for subdistricts {', '.join(sorted(codes))}")
    if frame.crs is not None and frame.crs.to_epsg() != 4326:
        frame = frame.to_crs(4326)
    name_th, name_en = _first(frame, NAME_TH_COLUMNS), _first(frame, NAME_EN_COLUMNS)
    frame = frame.assign(
        name_th=frame[name_th] if name_th else None,
        name_en=frame[name_en] if name_en else None,
    )
    return frame.drop_duplicates("subdistrict_code")[["subdistrict_code", "name_th", "name_en", "geometry"]]


def load_boundaries(con: duckdb.DuckDBPyConnection, path: Path, source: str | None = None) -> int:
    """Replace the stored polygons with those of the file; returns how many were stored."""
    with con.cursor() as cur:
        codes = {r[0] for r in cur.execute("select subdistrict_code from subdistricts").fetchall()}
    frame = read_boundaries(path, codes)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    rows = pd.DataFrame(
        {
            "subdistrict_code": frame["subdistrict_code"],
            "name_th": frame["name_th"],
            "name_en": frame["name_en"],
            "geometry_geojson": [json.dumps(shapely.geometry.mapping(g)) for g in frame.geometry],
            "source": source or path.name,
            "sha256": digest,
        }
    )
    with WRITE_LOCK, con.cursor() as cur:
        cur.execute("begin transaction")
        try:
            cur.register("new_boundaries", rows)
            cur.execute("delete from boundaries")
            cur.execute(
                "insert into boundaries (subdistrict_code, name_th, name_en, geometry_geojson, source, sha256)"
                " select subdistrict_code, name_th, name_en, geometry_geojson, source, sha256 from new_boundaries"
            )
            cur.execute("commit")
        except duckdb.Error:
            cur.execute("rollback")
            raise
    return len(rows)


def download_boundaries(con: duckdb.DuckDBPyConnection, url: str = OFFICIAL_URL, sha256: str | None = None) -> int:
    """Fetch the official file, verify its SHA-256 when one is given ($EIT_BOUNDARY_SHA256), then load it."""
    expected = sha256 or os.environ.get("EIT_BOUNDARY_SHA256")
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            data = response.read()
    except OSError as exc:
        raise BoundaryError(f"cannot download {url} ({exc}); download it elsewhere and use --file") from exc
    digest = hashlib.sha256(data).hexdigest()
    if expected and digest != expected:
        raise BoundaryError(f"checksum mismatch for {url}: got {digest}, expected {expected}; nothing loaded")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "cod_ab_tha.zip"
        path.write_bytes(data)
        return load_boundaries(con, path, source=url)


def stored_boundaries(cur: duckdb.DuckDBPyConnection) -> gpd.GeoDataFrame:
    rows = cur.execute("select subdistrict_code, name_th, name_en, geometry_geojson, source from boundaries order by 1").fetchall()
    return gpd.GeoDataFrame(
        {
            "subdistrict_code": [r[0] for r in rows],
            "name_th": [r[1] for r in rows],
            "name_en": [r[2] for r in rows],
            "source": [r[4] for r in rows],
        },
        geometry=[shape(json.loads(r[3])) for r in rows],
        crs="EPSG:4326",
    )


def location_check(establishments: pd.DataFrame, polygons: gpd.GeoDataFrame) -> pd.DataFrame:
    """Which subdistrict each establishment's point falls in, against the one it claims. Nothing is fixed.

    status: ok | other_subdistrict | outside | no_coordinates | no_boundaries; approximate: see approximate_locations.
    """
    out = establishments[["factory_id", "subdistrict_code", "lat", "lon"]].copy()
    out["found_code"] = None
    out["approximate"] = approximate_locations(out, polygons)
    if polygons.empty:
        out["status"] = "no_boundaries"
        return out
    has_point = out["lat"].notna() & out["lon"].notna()
    points = gpd.GeoDataFrame(out[has_point], geometry=gpd.points_from_xy(out.loc[has_point, "lon"], out.loc[has_point, "lat"]), crs=4326)
    joined = gpd.sjoin(
        points, polygons[["subdistrict_code", "geometry"]].rename(columns={"subdistrict_code": "inside"}), how="left", predicate="within"
    )
    found = joined.groupby(level=0)["inside"].first()
    out.loc[found.index, "found_code"] = found
    out["status"] = "ok"
    out.loc[~has_point, "status"] = "no_coordinates"
    out.loc[has_point & out["found_code"].isna(), "status"] = "outside"
    out.loc[has_point & out["found_code"].notna() & (out["found_code"] != out["subdistrict_code"]), "status"] = "other_subdistrict"
    return out


SAME_POINT_DECIMALS = 4  # ~11 m: registry points closer than this are one point, not neighbours
NEAR_CENTRE_M = 250  # a point this close to a subdistrict's centre was most likely geocoded to the subdistrict


def approximate_locations(establishments: pd.DataFrame, polygons: gpd.GeoDataFrame) -> pd.Series:
    """True where a point is probably not the establishment's own: shared with another establishment, or at a
    subdistrict's centre (the DIW list stacks many on them). Such points are flagged, never moved."""
    has_point = establishments["lat"].notna() & establishments["lon"].notna()
    key = establishments["lat"].round(SAME_POINT_DECIMALS).astype(str) + "," + establishments["lon"].round(SAME_POINT_DECIMALS).astype(str)
    shared = has_point & key.where(has_point).duplicated(keep=False)
    near_centre = pd.Series(False, index=establishments.index)
    if not polygons.empty and has_point.any():
        utm = "EPSG:32647"  # UTM zone 47N, metres
        centres = polygons.to_crs(utm).geometry.centroid
        points = gpd.GeoSeries(
            gpd.points_from_xy(establishments.loc[has_point, "lon"], establishments.loc[has_point, "lat"]),
            index=establishments.index[has_point],
            crs=4326,
        ).to_crs(utm)
        distance = pd.concat([points.distance(c) for c in centres], axis=1).min(axis=1)
        near_centre.loc[distance.index] = distance < NEAR_CENTRE_M
    return shared | near_centre
