"""The search page's tables and labels: hits with a profile link that keeps the view, code values in words."""

from __future__ import annotations

from urllib.parse import urlencode

import geopandas as gpd
import pandas as pd
from streamlit_folium import st_folium

from present.words import value_label
from store.text import Text
from ui.i18n import establishment_names, lang, subdistrict_name, t, year_short
from ui.maps import MapLabels, build_map


def value_names(codes: list[str]) -> dict[str, str]:
    """Labels for a select box of code values (computed here: a format_func must not read session state)."""
    return {c: value_label(c, lang()) for c in codes}


def hits_table(hits: pd.DataFrame, year: int, area: str, subdistricts: dict[str, Text]) -> pd.DataFrame:
    view = {"lang": lang(), "year": str(year + 543 if lang() == "th" else year), "area": area}
    state = hits["open_in_year"].map({True: t("operating"), False: t("closed_state")})
    return pd.DataFrame(
        {
            t("registration_no"): hits["factory_id"],
            t("name"): establishment_names(hits),
            t("kind"): hits["kind"].map(lambda k: value_label(k, lang())),
            t("subdistrict"): hits["subdistrict_code"].map(lambda c: subdistrict_name(c, subdistricts)),
            t("industry"): hits["industry"].fillna(""),
            t("registered_years"): hits["registered_year"].map(lambda y: "" if pd.isna(y) else year_short(int(y))),
            t("open_state"): state,
            t("holds_certificates"): hits["schemes"].map(lambda held: ", ".join(value_label(s, lang()) for s in held)),
            t("gi_level"): hits["gi_level"],
            t("practices_implemented"): hits["practices"].map(len),
            t("has_report"): hits["has_report"].map({True: t("yes"), False: "–"}),
            t("has_samples"): hits["samples"],
            t("profile"): hits["factory_id"].map(lambda i: "establishment?" + urlencode({**view, "id": i})),
        }
    )


def hits_map(hits: pd.DataFrame, names: pd.Series, polygons: gpd.GeoDataFrame) -> None:
    """The hits on a map, a marker each named as in the table, over the subdistricts' outlines."""
    places = hits.assign(status="hit", location="ok", approximate=False, display_name=names.to_numpy())
    labels = MapLabels(
        status={"hit": t("search_hit"), "counts": t("counts"), "does_not_count": t("does_not_count"), "no_data": t("not_in_indicator")},
        kind={"factory": t("kind_factory"), "mine": t("kind_mine")},
        subdistrict_status={s: t(s) for s in ("pass", "fail", "no_data")},
        profile="",
        value=t("value"),
        misplaced=t("misplaced"),
        approximate=t("approximate_location"),
    )
    fmap = build_map(places, polygons, {}, labels, "name_th")
    st_folium(fmap, height=460, use_container_width=True, returned_objects=[], key=f"search_map_{len(hits)}_{lang()}")
