"""The demo data set moved onto another town: the Saraburi demo's establishments, areas, surveys and projects
spread over the town's subdistricts, placed inside its boundary polygons when they are loaded (else without
coordinates), and Saraburi's place names in the demo's texts replaced by the town's. Still synthetic and
labelled demo ("(สาธิต)" / "(demo)") like the original."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from store.demo import KHAO_WONG, NA_PHRA_LAN, SEED, points_in

# The Saraburi place names the demo's texts use, and which of the town's names replaces each.
PLACES_TH: dict[str, int | str] = {"เขาวง": 0, "หน้าพระลาน": 1, "พระพุทธบาท": "district", "สระบุรี": "province"}
PLACES_EN: dict[str, int | str] = {"Khao Wong": 0, "Na Phra Lan": 1, "Phra Phutthabat": "district", "Saraburi": "province"}


@dataclass(frozen=True)
class Place:
    """One of the town's subdistricts, with its polygon when boundaries are loaded."""

    code: str
    name_th: str
    name_en: str
    district_th: str
    district_en: str
    polygon: shapely.Geometry | None


def _points(rng: np.random.Generator, polygon: shapely.Geometry, n: int) -> list[tuple[float, float]]:
    inner = polygon.buffer(-0.003)  # ~300 m inside, so a point never sits on a boundary line
    return points_in(rng, inner if inner.area > polygon.area * 0.3 else polygon, n)


def _renamed(text: object, places: list[Place], province: tuple[str, str]) -> object:
    if not isinstance(text, str):
        return text
    for table, thai in ((PLACES_TH, True), (PLACES_EN, False)):
        for word, which in table.items():
            if word not in text:
                continue
            if which == "province":
                new = province[0 if thai else 1]
            elif which == "district":
                new = places[0].district_th if thai else places[0].district_en
            else:
                assert isinstance(which, int)
                place = places[which % len(places)]
                new = place.name_th if thai else place.name_en
            text = text.replace(word, new)
    return text


def relocate(tables: dict[str, pd.DataFrame], places: list[Place], province: tuple[str, str]) -> dict[str, pd.DataFrame]:
    """The demo tables on the town of `places` (in the town's order); the numbers and years are the demo's own."""
    rng = np.random.default_rng(SEED + 1)
    codes = [p.code for p in places]
    # Khao Wong's rows go to the first subdistrict, Na Phra Lan's to the second; establishments, respondents and
    # projects are then dealt over every subdistrict in turn so that a town of four has data in all four.
    fixed = {KHAO_WONG: codes[0], NA_PHRA_LAN: codes[1 % len(codes)]}
    out = {}
    for table, frame in tables.items():
        frame = frame.copy()
        if "subdistrict_code" in frame.columns:
            if table in ("establishments", "surveys", "infrastructure"):
                frame["subdistrict_code"] = [codes[i % len(codes)] for i in range(len(frame))]
            else:
                frame["subdistrict_code"] = frame["subdistrict_code"].map(fixed)
        for column in frame.columns:
            if pd.api.types.is_string_dtype(frame[column]) or pd.api.types.is_object_dtype(frame[column]):
                frame[column] = frame[column].map(lambda v: _renamed(v, places, province))
        out[table] = frame
    est = out["establishments"]
    lat: list[float | None] = [None] * len(est)
    lon: list[float | None] = [None] * len(est)
    for place in places:
        rows = np.flatnonzero(est["subdistrict_code"].to_numpy() == place.code)
        if place.polygon is None or not len(rows):
            continue
        for row, (y, x) in zip(rows, _points(rng, place.polygon, len(rows)), strict=True):
            lat[row], lon[row] = y, x
    out["establishments"] = est.assign(lat=lat, lon=lon)
    return out
