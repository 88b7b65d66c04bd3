"""Small pieces every page uses: status badges (colour + icon + text), gap text, empty states."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metrics.engine import Result
from ui.charts import level_history_figure
from ui.i18n import number, t, year_short

# Plain Unicode marks for text, Material icons (bundled with Streamlit, so they draw offline) for badges.
MARKS = {"pass": "✓", "fail": "✗", "no_data": "–"}
ICONS = {"pass": ":material/check_circle:", "fail": ":material/cancel:", "no_data": ":material/remove_circle_outline:"}
BADGE_COLOURS = {"pass": "green", "fail": "red", "no_data": "gray"}


def status_text(status: str) -> str:
    return f"{MARKS[status]} {t(status)}"


def status_badge(status: str) -> None:
    st.badge(t(status), icon=ICONS[status], color=BADGE_COLOURS[status])  # type: ignore[arg-type]


def threshold_text(r: Result, mark_provisional: bool = True) -> str:
    ind = r.indicator
    sign = ">" if ind.comparator == "gt" else "≥"
    value = number(ind.threshold, ind.unit, digits=0)
    return f"{sign} {value}" + (f" ({t('provisional')})" if ind.provisional and mark_provisional else "")


def provisional_badge(r: Result) -> None:
    if r.indicator.provisional:
        st.badge(t("provisional"), icon=":material/pending:", color="orange")


def gap_text(r: Result) -> str:
    if r.gap is None:
        return ""
    key = {
        "factory": "gap_factory",
        "establishment": "gap_establishment",
        "respondent": "gap_respondent",
        "item": "gap_item",
        "project": "gap_project",
    }.get(r.indicator.entity)
    return t(key, n=r.gap) if key else ""


def split_text(r: Result) -> str:
    if "controlled" in r.split:
        return t("split_controlled", a=r.split["controlled"], b=r.split["not_controlled"])
    if "mass_balance" in r.split:
        return t("split_mass", a=r.split["mass_balance"], b=r.split["symbiosis"])
    return ""


def empty_database() -> None:
    st.info(t("empty_db"), icon=":material/upload_file:")


def level_history_view(history: pd.DataFrame) -> None:
    """The town level over the years: a small step chart beside a table of each level's verdict."""
    if history.empty:
        st.caption(t("none"))
        return
    left, right = st.columns([3, 2])
    labels = {y: year_short(int(y)) for y in history["year"]}
    left.plotly_chart(level_history_figure(history, labels, t("town_level")), width="stretch", config={"displayModeBar": False})
    table = pd.DataFrame(
        {
            "year": history["year"].map(labels),
            "town_level": history["town_level"],
            **{f"level_{n}": history[f"level_{n}"].map(status_text) for n in (1, 2, 3)},
        }
    )
    names = {"year": t("year"), "town_level": t("town_level"), **{f"level_{n}": t(f"level_{n}") for n in (1, 2, 3)}}
    right.dataframe(table, hide_index=True, width="stretch", column_config=names)
