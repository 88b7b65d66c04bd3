"""Map of the town: subdistricts by an indicator's verdict, establishments by their status;
a click on a marker opens that establishment's profile link below the map."""

import html

import streamlit as st
from streamlit_folium import st_folium

from present.fragments import View
from ui.cached import areas, behind, boundaries, catalogue, establishment_list, location_check, scorecard, subdistrict_names
from ui.i18n import NO_VALUE, columns, establishment_names, lang, number, subdistrict_name, t
from ui.maps import MapLabels, build_map, establishment_status, legend_html
from ui.safe import md
from ui.sidebar import read_page
from ui.static_assets import ensure_assets
from ui.view import page_param, set_page_param

ensure_assets()
year, area, version = read_page("page_map")

codes = [i.code for i in catalogue(version)]
names = {i.code: f"{i.code} {i.name(lang())}" for i in catalogue(version)}
wanted, _ = page_param("code", codes, "19.1.1")
code = st.selectbox(t("map_colour_by"), codes, index=codes.index(wanted), format_func=names.__getitem__, key=f"map_code_{lang()}")
set_page_param("code", code)
tiles = st.toggle(t("map_tiles"), value=False)

polygons = boundaries(version)
if polygons.empty:
    st.info(t("no_boundaries"), icon=":material/map:")
places = establishment_list(version, area)
checks = location_check(version).set_index("factory_id")
places = places.assign(
    status=establishment_status(places, behind(version, code, year, area)),
    location=places["factory_id"].map(checks["status"]),
    approximate=places["factory_id"].map(checks["approximate"]).astype(bool),
    display_name=establishment_names(places),
)
by_area = {a: scorecard(version, year, a).result(code) for a in areas(version)[1:]}
area_results = {a: (r.status, number(r.value, r.indicator.unit)) for a, r in by_area.items()}
labels = MapLabels(
    status={"counts": t("counts"), "does_not_count": t("does_not_count"), "no_data": t("not_in_indicator")},
    kind={"factory": t("kind_factory"), "mine": t("kind_mine")},
    subdistrict_status={s: t(s) for s in ("pass", "fail", "no_data")},
    profile=t("profile_below_map"),
    value=t("value"),
    misplaced=t("misplaced"),
    approximate=t("approximate_location"),
)
name_col = "name_th" if lang() == "th" else "name_en"
shown = polygons if area == "all" else polygons[polygons["subdistrict_code"] == area]
fmap = build_map(places, shown, area_results, labels, name_col, tiles)
key = f"map_{code}_{year}_{area}_{lang()}_{tiles}"
clicked = st_folium(fmap, height=620, use_container_width=True, returned_objects=["last_object_clicked_tooltip"], key=key)

picked = html.unescape(str((clicked or {}).get("last_object_clicked_tooltip") or ""))
if picked in set(places["factory_id"]):
    row = places.set_index("factory_id").loc[picked]
    label = f"{t('open_profile')}: {md(picked)} · {md(row['display_name'])}"
    profile = {"id": picked, **View(lang(), year, area).params()}
    st.page_link("app_pages/establishment.py", label=label, icon=":material/factory:", query_params=profile)
else:
    st.caption(t("click_marker"))

st.html(legend_html(labels, [t("legend_shapes"), t("attribution") + (" · © OpenStreetMap contributors" if tiles else "")]))

st.markdown(f"#### {t('location_check')}")
listing = establishment_list(version, "all")  # names for the location checks, whatever the area
everyone = dict(zip(listing["factory_id"], establishment_names(listing), strict=True))
flagged = location_check(version)
flagged = flagged[flagged["status"].isin(["other_subdistrict", "outside"])]
if polygons.empty:
    st.caption(t("no_boundaries"))
elif flagged.empty:
    st.success(t("location_ok"), icon=":material/check_circle:")
else:
    area_names = subdistrict_names(version)
    flagged = flagged.assign(
        name=flagged["factory_id"].map(everyone).fillna("").map(md),
        status=flagged["status"].map(t),
        found_code=flagged["found_code"].map(lambda c: subdistrict_name(c, area_names) or "—"),
        subdistrict_code=flagged["subdistrict_code"].map(lambda c: subdistrict_name(c, area_names)),
        factory_id=flagged["factory_id"].map(md),
    )
    flagged = flagged[["factory_id", "name", "subdistrict_code", "found_code", "status", "lat", "lon"]]
    st.table(flagged.rename(columns=columns(list(flagged.columns))), hide_index=True)  # a few rows, in the page's text

approximate = location_check(version)
approximate = approximate[approximate["approximate"]]
if not approximate.empty:
    st.markdown(f"#### {t('approximate_title')}")
    st.caption(t("approximate_help", n=len(approximate)))
    listed = approximate.assign(name=approximate["factory_id"].map(everyone))[["factory_id", "name", "subdistrict_code", "lat", "lon"]]
    listed = listed.assign(subdistrict_code=listed["subdistrict_code"].map(lambda c: subdistrict_name(c, subdistrict_names(version))))
    st.dataframe(listed, hide_index=True, placeholder=NO_VALUE, width="stretch", column_config=columns(list(listed.columns)))
