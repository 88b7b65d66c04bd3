"""The sidebar and the opening every page shares: language, area and year (kept in the URL), the demo banner."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from store import export
from ui.auth import user
from ui.cached import areas, con, data_version, status, subdistrict_names, years
from ui.i18n import area_label, date_label, t, year_short
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
    st.sidebar.radio(
        t("language"),
        choices,
        index=choices.index(st.session_state["lang"]),
        key="lang_radio",
        horizontal=True,
        format_func={"th": "ไทย", "en": "English"}.__getitem__,
    )
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


@st.cache_data(show_spinner=False, max_entries=4)
def newest_change(version: str) -> export.AsOf:
    """The newest load or undo of a batch: when and by whom (store.export.as_of), once per data version."""
    return export.as_of(con())


def as_of_text(version: str) -> str | None:
    """'ข้อมูล ณ 5 ธ.ค. 2569 · นำเข้าโดย analyst1': a date and who loaded it, never a batch number; the demo says
    so; readers who are not signed in get the date only (a staff member's username is for staff)."""
    change = newest_change(version)
    if change.loaded_at is None:
        return None
    when = date_label(change.loaded_at)
    if change.is_demo:
        return t("as_of_demo", date=when)
    if user() is None or not change.by:
        return t("as_of_date", date=when)
    return t("as_of_undone" if change.undone else "as_of_loaded", date=when, user=change.by)


def as_of_caption() -> None:
    """The data-as-of line under a page's title (every page shows it, through banner() or this)."""
    words = as_of_text(data_version())
    if words:
        st.caption(md(words))


def banner() -> None:
    """The demo label (shown on every page while demo data is loaded), what the data is as of, the provisional note."""
    info = status(data_version())
    if info["is_demo"]:
        st.warning(t("demo_banner"), icon=":material/science:")
    as_of_caption()
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
