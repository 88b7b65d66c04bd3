"""Map of Khao Wong and Na Phra Lan: outlines coloured by an indicator, establishments by their status."""

import streamlit as st
from streamlit_folium import st_folium

from ui.i18n import columns, establishment_names, lang, number, t
from ui.maps import MapLabels, build_map, establishment_status
from ui.state import behind, boundaries, catalogue, establishment_list, location_check, read_page, scorecard
from ui.static_assets import ensure_assets

ensure_assets()
year, area, version = read_page("page_map")

inds = [i for i in catalogue(version)]
names = {i.code: f"{i.code} {i.name(lang())}" for i in inds}
code = st.selectbox(t("map_colour_by"), [i.code for i in inds], index=[i.code for i in inds].index("19.1.1"), format_func=names.__getitem__)
tiles = st.toggle(t("map_tiles"), value=False)

polygons = boundaries(version)
if polygons.empty:
    st.info(t("no_boundaries"), icon=":material/map:")
result = scorecard(version, year, area).result(code)
places = establishment_list(version, area)
checks = location_check(version).set_index("factory_id")
places = places.assign(
    status=establishment_status(places, behind(version, code, year, area)),
    location=places["factory_id"].map(checks["status"]),
    approximate=places["factory_id"].map(checks["approximate"]).astype(bool),
    display_name=establishment_names(places),
)
by_area = {a: scorecard(version, year, a).result(code) for a in ("190906", "191306")}
area_results = {a: (r.status, number(r.value, r.indicator.unit)) for a, r in by_area.items()}
labels = MapLabels(
    status={"counts": t("counts"), "does_not_count": t("does_not_count"), "no_data": t("not_in_indicator")},
    kind={"factory": t("kind_factory"), "mine": t("kind_mine")},
    subdistrict_status={s: t(s) for s in ("pass", "fail", "no_data")},
    profile=t("profile_link"),
    value=t("value"),
    misplaced=t("misplaced"),
    approximate=t("approximate_location"),
)
name_col = "name_th" if lang() == "th" else "name_en"
fmap = build_map(
    places, polygons if area == "all" else polygons[polygons["subdistrict_code"] == area], area_results, labels, name_col, tiles
)
st_folium(fmap, height=620, use_container_width=True, returned_objects=[], key=f"map_{code}_{year}_{area}_{lang()}_{tiles}")

st.markdown(
    f"**{t('legend')}:** :green[● {t('counts')}] · :red[● {t('does_not_count')}] · :gray[● {t('not_in_indicator')}]  \n{t('legend_shapes')}  \n{t('legend_fill')}"
)
st.caption(t("attribution") + (" · © OpenStreetMap contributors" if tiles else ""))

st.markdown(f"#### {t('location_check')}")
flagged = location_check(version)
flagged = flagged[flagged["status"].isin(["other_subdistrict", "outside"])]
if polygons.empty:
    st.caption(t("no_boundaries"))
elif flagged.empty:
    st.success(t("location_ok"), icon=":material/check_circle:")
else:
    flagged = flagged.assign(status=flagged["status"].map(t))
    st.table(flagged.rename(columns=columns(list(flagged.columns))).set_index(columns(["factory_id"])["factory_id"]))

approximate = location_check(version)
approximate = approximate[approximate["approximate"]]
if not approximate.empty:
    st.markdown(f"#### {t('approximate_title')}")
    st.caption(t("approximate_help", n=len(approximate)))
    shown = approximate[["factory_id", "subdistrict_code", "lat", "lon"]]
    st.dataframe(shown, hide_index=True, width="stretch", column_config=columns(list(shown.columns)))
