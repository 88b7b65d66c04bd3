"""The dashboard's charts, cached, and the plan's timeline (a Plotly figure: a page few read at once)."""

from __future__ import annotations

import html
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from present import charts

FONT = "Sarabun, Garuda, Loma, 'Noto Sans Thai', sans-serif"


def _layout(fig: go.Figure, height: int = 360) -> go.Figure:
    fig.update_layout(
        font={"family": FONT, "size": 14},
        height=height,
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        legend={"orientation": "h", "y": -0.2},
        template="plotly_white",
    )
    # Whole numbers with thousands separators (12,000), never SI suffixes (12k) that Thai readers do not use.
    fig.update_yaxes(exponentformat="none", separatethousands=True)
    return fig


# The dashboard's charts are SVG drawn on the server (present.charts), drawn once per data and language and
# shared by every session; a page shows them as HTML, so the reader's browser loads no chart library.


@st.cache_data(show_spinner=False, max_entries=256)
def trend_chart(trend: pd.DataFrame, threshold: float, unit: str, comparator: str, names: dict[str, str], lang: str, label: str) -> str:
    return charts.responsive(
        charts.trend_svg(trend, threshold, unit, lang, names, size=charts.WIDE, salt="trend-wide", comparator=comparator),
        charts.trend_svg(trend, threshold, unit, lang, names, size=charts.NARROW, salt="trend-narrow", comparator=comparator),
        label,
    )


@st.cache_data(show_spinner=False, max_entries=256)
def establishment_chart(reports: pd.DataFrame, series: dict[str, str], years: list[int], lang: str, label: str) -> str:
    return charts.responsive(
        charts.establishment_svg(reports, series, years, lang, cols=3, width=charts.WIDE[0], salt="reports-wide"),
        charts.establishment_svg(reports, series, years, lang, cols=1, width=charts.NARROW[0], salt="reports-narrow"),
        label,
    )


@st.cache_data(show_spinner=False, max_entries=256)
def effluent_chart(samples: pd.DataFrame, parameter: str, lang: str, label: str) -> str:
    return charts.responsive(
        charts.effluent_svg(samples, parameter, lang, size=charts.WIDE, salt="effluent-wide"),
        charts.effluent_svg(samples, parameter, lang, size=charts.NARROW, salt="effluent-narrow"),
        label,
    )


@st.cache_data(show_spinner=False, max_entries=64)
def intensity_change_chart(rows: pd.DataFrame, lang: str, label: str) -> str:
    return charts.responsive(
        charts.intensity_change_svg(rows, lang, width=charts.WIDE[0], salt="intensity-wide"),
        charts.intensity_change_svg(rows, lang, width=charts.NARROW[0], salt="intensity-narrow"),
        label,
    )


def show(markup: str) -> None:
    st.html(markup)


PROGRESS_COLOURS = {
    "done": "#2f855a", "late": "#c53030", "in_progress": "#2b6cb0", "due": "#d69e2e", "planned": "#a0aec0", "cancelled": "#e2e8f0",
}  # fmt: skip


def plan_timeline(
    plan: pd.DataFrame,
    span: tuple[pd.Timestamp, pd.Timestamp],
    labels: dict[str, str],
    month_label: Callable[[pd.Timestamp], str],
    today: pd.Timestamp,
) -> go.Figure:
    """The fiscal year's activities as bars from planned start to end, coloured (and named) by progress;
    a diamond where an activity was done; a line for today. Months run October to September.

    Each row is named by its activity number (1.1, 1.2 …, the plan table below names them): whole names took
    most of a phone's width and left the bars a sliver. The whole name is in the bar's hover text."""
    fig = go.Figure()
    rows = plan[plan["planned_start"].notna() & plan["planned_end"].notna()]
    rows = rows.assign(
        label=rows["label"].map(lambda v: html.escape(str(v))),  # activity names are data: inert in Plotly's text
        number=rows["label"].map(lambda v: html.escape(str(v).split(" ", 1)[0])),
    )
    names = rows["number"].tolist()
    for state, part in rows.groupby("progress", sort=False):
        start = pd.to_datetime(part["planned_start"])
        end = pd.to_datetime(part["planned_end"]) + pd.Timedelta(days=1)
        fig.add_trace(
            go.Bar(
                y=part["number"],
                customdata=part["label"],
                x=(end - start).dt.total_seconds() * 1000,
                base=start,
                orientation="h",
                name=labels[f"progress_{state}"],
                marker={"color": PROGRESS_COLOURS[str(state)], "line": {"color": "#1a202c", "width": 1}},
                marker_pattern_shape="/" if state in ("late", "cancelled") else "",
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    done = rows[rows["done_on"].notna()]
    if len(done):
        fig.add_trace(
            go.Scatter(
                y=done["number"],
                x=pd.to_datetime(done["done_on"]),
                mode="markers",
                name=labels["done_on_marker"],
                customdata=done["label"],
                marker={"symbol": "diamond", "size": 11, "color": "#1a202c"},
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
    first, last = span
    if first <= today <= last:
        fig.add_vline(x=today, line_dash="dash", line_color="#c53030", annotation_text=labels["today"], annotation_position="top")
    months = pd.date_range(first, last, freq="MS")
    # Month names only, the year under October and January: twelve labels fit without turning.
    ticks = [month_label(m) if m.month in (1, 10) else month_label(m).split(" ")[0] for m in months]
    ticks = [t.replace(" ", "<br>", 1) for t in ticks]
    fig.update_xaxes(
        type="date",
        range=[first, last + pd.Timedelta(days=1)],
        tickmode="array",
        tickvals=months + pd.Timedelta(days=14),
        ticktext=ticks,
        tickangle=0,
        showgrid=True,
        tickfont={"size": 11},
    )
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(names)), automargin=True)
    fig.update_layout(barmode="overlay", bargap=0.35)
    return _layout(fig, height=max(260, 70 + 42 * len(names)))


@st.cache_data(show_spinner=False, max_entries=64)
def survey_chart(counts: pd.DataFrame, groups: list[str], lang: str, label: str) -> str:
    return charts.responsive(
        charts.survey_svg(counts, groups, lang, width=charts.WIDE[0], salt="survey-wide"),
        charts.survey_svg(counts, groups, lang, width=charts.NARROW[0] + 1.0, salt="survey-narrow"),
        label,
    )
