"""The sidebar and the opening every page shares: language, area and year (kept in the URL), the demo banner."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui.cached import areas, data_version, status, subdistrict_names, years
from ui.i18n import area_label, t, year_short
from ui.safe import md
from ui.view import WRITTEN, pop_notices, read_url, write_url


def remember_language() -> None:
    """The language lives in session_state["lang"], not in the radio's own key: a widget's state is
    dropped when a run ends before it is drawn (st.switch_page), and the language must survive that.
    A link's ?lang= is adopted before anything is drawn, so the first screen is in its language."""
    st.session_state.setdefault("lang", "th")
    if st.session_state.get("lang_radio") in ("th", "en"):
        st.session_state["lang"] = st.session_state["lang_radio"]
    elif WRITTEN not in st.session_state and st.query_params.get("lang") in ("th", "en"):
        st.session_state["lang"] = st.query_params["lang"]


def sidebar() -> tuple[int, str]:
    """Language, area and year in the sidebar; returns (year CE, area).

    The widgets' keys carry the language, because a select box keeps its first labels otherwise;
    the chosen values live in session_state["area"] and ["year"], which the pages read.
    """
    version = data_version()
    available = years(version) or [pd.Timestamp.today().year - 1]
    read_url(available, areas(version))
    choices = ["th", "en"]
    st.sidebar.radio(t("language"), choices, index=choices.index(st.session_state["lang"]), key="lang_radio", horizontal=True,
                     format_func={"th": "ไทย", "en": "English"}.__getitem__)  # fmt: skip
    suffix = st.session_state["lang"]
    names = subdistrict_names(version)
    # Labels are computed here, not in format_func: a format_func must not depend on session state.
    town = areas(version)
    area_labels = {a: area_label(a, names) for a in town}
    area = st.session_state.get("area", "all")
    st.session_state["area"] = st.sidebar.selectbox(
        t("area"), town, index=town.index(area) if area in town else 0, key=f"area_{suffix}", format_func=area_labels.__getitem__
    )
    year_labels = {y: year_short(y) for y in available}
    year = st.session_state.get("year")
    if year not in available:
        year = max(available)
    st.session_state["year"] = st.sidebar.selectbox(
        t("year_calendar"), available, index=available.index(year), key=f"year_{suffix}", format_func=year_labels.__getitem__
    )
    write_url()
    for key, value in pop_notices():
        st.toast(t("link_value_ignored", what=t(f"url_{key}"), value=md(value)), icon=":material/link_off:")
    return int(st.session_state["year"]), str(st.session_state["area"])


def banner() -> None:
    """The demo label, shown on every page while demo data is loaded."""
    info = status(data_version())
    if info["is_demo"]:
        st.warning(t("demo_banner"), icon=":material/science:")
    st.caption(t("provisional_note"))


def read_page(title_key: str, needs_data: bool = True) -> tuple[int, str, str]:
    """The opening every dashboard page shares: title, demo banner, and the empty-database state.

    Returns (year, area, data version); stops the page with instructions when there is no data yet.
    """
    from ui.widgets import empty_database

    version = data_version()
    st.title(t(title_key))
    banner()
    if needs_data and status(version)["is_empty"]:
        empty_database()
        st.stop()
    return int(st.session_state["year"]), str(st.session_state["area"]), version
