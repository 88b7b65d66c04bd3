"""One view state, kept in the URL: language, year and area (and a page's own code / id / fiscal year).

A link opens exactly what its sender saw: on a new session (or the browser's back button) the query
string is read into the session; afterwards the session's choices are written back to the query string.
A value the link gets wrong falls back to the default with a notice, never a traceback.
"""

from __future__ import annotations

import streamlit as st

BE_OFFSET = 543
GLOBAL = ("lang", "year", "area")
NOTICES = "_url_notices"
WIDGET_KEYS = ("lang_radio", "area_th", "area_en", "year_th", "year_en")
WRITTEN = "_url_written"


def _year(text: str) -> int | None:
    """A year from a link: BE (>= 2400, as the Thai screens write it) or CE."""
    try:
        value = int(text.strip())
    except ValueError:
        return None
    value = value - BE_OFFSET if value >= 2400 else value
    return value if 1900 <= value <= 2200 else None


def read_url(available_years: list[int], areas: tuple[str, ...]) -> None:
    """When the query string changed outside this session (a link, a reload, back/forward), adopt it."""
    given = {k: st.query_params.get(k) for k in GLOBAL if k in st.query_params}
    if given == st.session_state.get(WRITTEN):
        return  # the URL is what this session wrote: the session's own choices stand
    notices: list[tuple[str, str]] = []
    if "lang" in given:
        if given["lang"] in ("th", "en"):
            st.session_state["lang"] = given["lang"]
        else:
            notices.append(("lang", str(given["lang"])))
    if "area" in given:
        if given["area"] in areas:
            st.session_state["area"] = given["area"]
        else:
            notices.append(("area", str(given["area"])))
    if "year" in given:
        year = _year(str(given["year"]))
        if year is not None and (year in available_years or not available_years):
            st.session_state["year"] = year
        else:
            notices.append(("year", str(given["year"])))
    if notices:
        st.session_state[NOTICES] = notices
    for key in WIDGET_KEYS:  # the sidebar's widgets start again from the adopted values
        st.session_state.pop(key, None)
    st.session_state[WRITTEN] = given


def write_url() -> None:
    """Put the session's language, year and area into the query string (a page adds its own keys)."""
    lang = str(st.session_state.get("lang", "th"))
    year = st.session_state.get("year")
    wanted = {"lang": lang, "area": str(st.session_state.get("area", "all"))}
    if isinstance(year, int):
        wanted["year"] = str(year + BE_OFFSET if lang == "th" else year)
    for key, value in wanted.items():
        if st.query_params.get(key) != value:
            st.query_params[key] = value
    st.session_state[WRITTEN] = {k: wanted[k] for k in GLOBAL if k in wanted}


def page_param(key: str, allowed: list[str], default: str) -> tuple[str, str | None]:
    """A page's own parameter (code, id, fy): (the value to show, the bad value a link gave or None)."""
    given = st.query_params.get(key)
    if given is None:
        return default, None
    return (given, None) if given in allowed else (default, given)


def set_page_param(key: str, value: str) -> None:
    if st.query_params.get(key) != value:
        st.query_params[key] = value


def pop_notices() -> list[tuple[str, str]]:
    return list(st.session_state.pop(NOTICES, []))
