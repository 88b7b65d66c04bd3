"""Establishment search: filter by where, what, when, certificates, practices, reports, samples and
whether an establishment counts toward an indicator; the hits as a table with profile links, a map and
downloads."""

import streamlit as st

from lookup.search import Filters, search
from store.tables import PRACTICES, SCHEMES
from ui.cached import as_of_stamp, behind, boundaries, catalogue, search_frame, subdistrict_names
from ui.downloads import table_downloads
from ui.i18n import NO_VALUE, lang, t
from ui.search import hits_map, hits_table, value_names
from ui.sidebar import read_page
from ui.static_assets import ensure_assets
from ui.widgets import glossary

ensure_assets()
year, area, version = read_page("page_search")
frame = search_frame(version, year)
sub = subdistrict_names(version)
codes = [i.code for i in catalogue(version) if i.family not in ("survey_share", "infrastructure_eco", "green_area_share", "evidence_ready")]
names = {"": t("any"), **{i.code: f"{i.code} {i.name(lang())}" for i in catalogue(version)}}
choices = {"any": t("any"), "yes": t("yes"), "no": t("no")}

with st.form("search"):
    text = st.text_input(t("search_text"), placeholder=t("search_placeholder"))
    a, b, c = st.columns(3)
    subdistricts = a.multiselect(
        t("subdistrict"),
        list(sub),
        format_func={k: f"{v[0] if lang() == 'th' else v[1]} ({k})" for k, v in sub.items()}.__getitem__,
        placeholder=t("choose_options"),
    )
    kinds = b.multiselect(
        t("kind"), ["factory", "mine"], format_func=value_names(["factory", "mine"]).__getitem__, placeholder=t("choose_options")
    )
    industries = c.multiselect(t("industry"), sorted(frame["industry"].dropna().unique()), placeholder=t("choose_options"))
    a, b, c = st.columns(3)
    diw_types = a.multiselect(t("diw_type"), sorted(frame["diw_type"].dropna().unique()), placeholder=t("choose_options"))
    years = frame["registered_year"].dropna().astype(int)
    low, high = (int(years.min()), int(years.max())) if len(years) else (1990, year)
    high = max(high, low + 1)  # a slider needs two ends: every establishment may be registered in one year
    be = 543 if lang() == "th" else 0  # the slider shows Buddhist-era years in Thai
    registered = b.slider(t("registered_years"), low + be, high + be, (low + be, high + be))
    open_state = c.radio(
        t("open_state"),
        ["any", "open", "closed"],
        horizontal=True,
        format_func={"any": t("any"), "open": t("operating"), "closed": t("closed_state")}.__getitem__,
    )
    a, b = st.columns(2)
    schemes = a.multiselect(
        t("holds_certificates"), list(SCHEMES), format_func=value_names(list(SCHEMES)).__getitem__, placeholder=t("choose_options")
    )
    gi_levels = b.multiselect(t("gi_level"), [1, 2, 3, 4, 5], placeholder=t("choose_options"))
    practices = st.multiselect(
        t("practices_implemented"), list(PRACTICES), format_func=value_names(list(PRACTICES)).__getitem__, placeholder=t("choose_options")
    )
    a, b, c, d = st.columns([1, 1, 2, 1])
    report = a.selectbox(t("has_report"), list(choices), format_func=choices.__getitem__)
    samples = b.selectbox(t("has_samples"), list(choices), format_func=choices.__getitem__)
    indicator = c.selectbox(t("indicator"), ["", *codes], format_func=names.__getitem__)
    toward = d.selectbox(
        t("toward"),
        ["any", "counts", "does_not_count"],
        format_func={"any": t("any"), "counts": t("counts"), "does_not_count": t("does_not_count")}.__getitem__,
    )
    st.form_submit_button(t("search_do"), type="primary", icon=":material/search:")
glossary(list(value_names(list(SCHEMES)).values()))
st.caption(t("valid_certificate_rule"))

since = (registered[0] - be, registered[1] - be)
filters = Filters(
    text, subdistricts, kinds, industries, diw_types, since, open_state, schemes, gi_levels, practices, report, samples, indicator, toward
)
counted = None
if indicator:
    rows = behind(version, indicator, year, "all")
    counted = dict(zip(rows["entity_id"], rows["counted"].astype(bool), strict=True))
hits = search(frame, filters, counted)
st.markdown(f"#### {t('hits', n=len(hits), total=len(frame))}")
table = hits_table(hits, year, area, subdistrict_names(version))
profile_link = {t("profile"): st.column_config.LinkColumn(t("profile"), display_text=t("open"))}
st.dataframe(table, hide_index=True, placeholder=NO_VALUE, width="stretch", column_config=profile_link)
table_downloads(table.drop(columns=[t("profile")]), f"search_{year}", as_of_stamp(version), key="search")

if len(hits):
    hits_map(hits, table[t("name")], boundaries(version))
