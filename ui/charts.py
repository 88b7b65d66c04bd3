"""Plotly figure builders (pure: data in, figure out) with Thai-capable fonts."""

from __future__ import annotations

import html
import math
from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

FONT = "Sarabun, Garuda, Loma, 'Noto Sans Thai', sans-serif"
COLOURS = {"all": "#1b7f5a", "190906": "#2b6cb0", "191306": "#c05621"}
PASS, FAIL = "#1b7f5a", "#c53030"


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


def trend_figure(
    trend: pd.DataFrame,
    threshold: float,
    unit: str,
    area_names: dict[str, str],
    year_fmt: dict[int, str],
    labels: dict[str, str],
) -> go.Figure:
    """Each area's value by year against the criterion; a year without data is a gap in the line, marked
    with a hollow grey mark on the axis (never drawn as 0)."""
    fig = go.Figure()
    for area, part in trend.groupby("area", sort=False):
        fig.add_trace(
            go.Scatter(
                x=[year_fmt[y] for y in part["year"]],
                y=part["value"],
                mode="lines+markers",
                name=area_names[str(area)],
                line={"color": COLOURS.get(str(area), "#555"), "width": 3 if area == "all" else 2},
                connectgaps=False,
            )
        )
    missing = sorted({int(y) for y in trend.loc[trend["value"].isna() & (trend["area"] == "all"), "year"]})
    if missing:
        fig.add_trace(
            go.Scatter(
                x=[year_fmt[y] for y in missing], y=[0] * len(missing), mode="markers", name=labels["no_data"],
                marker={"symbol": "x-thin-open", "size": 12, "color": "#718096", "line": {"width": 2}}, hoverinfo="name",
            )
        )  # fmt: skip
    fig.add_hline(y=threshold, line_dash="dash", line_color=FAIL, annotation_text=labels["threshold"], annotation_position="top left")
    fig.update_yaxes(title="%" if unit == "percent" else "", rangemode="tozero")
    if unit != "percent":  # a count: whole ticks only (never 0.5 of a project)
        top = max(float(trend["value"].max()) if trend["value"].notna().any() else 0.0, float(threshold))
        fig.update_yaxes(tickformat=",d", tick0=0, dtick=max(1, math.ceil(top / 5)))
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=[year_fmt[y] for y in sorted(year_fmt)])
    return _layout(fig)


def month_ticks(dates: pd.Series, label: Callable[[pd.Timestamp], str], most: int = 8) -> tuple[list[pd.Timestamp], list[str]]:
    """Month ticks over the dates' span with our own labels (plotly's Thai locale is not bundled)."""
    first = pd.Timestamp(dates.min()).to_period("M").to_timestamp()
    months = pd.date_range(first, pd.Timestamp(dates.max()) + pd.offsets.MonthBegin(1), freq="MS")
    chosen = list(months[:: max(1, -(-len(months) // most))])
    return chosen, [label(m) for m in chosen]


def effluent_figure(samples: pd.DataFrame, parameter: str, labels: dict[str, str], month_label: Callable[[pd.Timestamp], str]) -> go.Figure:
    """ECHO-style: each sample a point against the legal limit lines; exceedances red and hollow."""
    part = samples[samples["parameter"] == parameter].sort_values("sampled_on")
    fig = go.Figure()
    for exceeds, colour, symbol, name in ((False, PASS, "circle", labels["within"]), (True, FAIL, "x", labels["exceedance"])):
        sub = part[part["exceeds"] == exceeds]
        fig.add_trace(
            go.Scatter(
                x=sub["sampled_on"],
                y=sub["value"],
                mode="markers",
                name=f"{name} ({len(sub)})",
                marker={"color": colour, "symbol": symbol, "size": 9 if exceeds else 7},
                text=[html.escape(f"{i} {n}") for i, n in zip(sub["factory_id"], sub["name"], strict=True)],  # names are data: inert
                hovertemplate="%{text}<br>%{x}: %{y}<extra></extra>",
            )
        )
    if len(part):
        unit = str(part["unit"].iloc[0])
        for column in ("max_value", "min_value"):
            limit = part[column].iloc[0]
            if pd.notna(limit):
                fig.add_hline(y=float(limit), line_dash="dash", line_color=FAIL, annotation_text=f"{labels['limit']} {limit:,g} {unit}")
        fig.update_yaxes(title=f"{parameter} ({unit})")
        ticks, text = month_ticks(part["sampled_on"], month_label)
        fig.update_xaxes(tickmode="array", tickvals=ticks, ticktext=text)
    return _layout(fig)


def establishment_figure(reports: pd.DataFrame, series: dict[str, str], years: list[int], year_fmt: dict[int, str]) -> go.Figure:
    """Small multiples of a factory's yearly rates over every year asked, three to a row (one figure: each
    chart more on a page costs the browser a Plotly instance); a year without a report is a gap marked with
    a grey cross on the axis, never a line drawn across it."""
    cols = 3
    rows = math.ceil(len(series) / cols)
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=list(series.values()), horizontal_spacing=0.08, vertical_spacing=0.2)
    full = reports.set_index("year").reindex(years)
    x = [year_fmt[int(y)] for y in years]
    missing = [year_fmt[int(y)] for y in years if y not in set(reports["year"])]
    for i, column in enumerate(series):
        row, col = i // cols + 1, i % cols + 1
        fig.add_trace(
            go.Scatter(x=x, y=full[column], mode="lines+markers", showlegend=False, connectgaps=False, line={"color": COLOURS["all"]}),
            row=row, col=col,
        )  # fmt: skip
        if missing:
            fig.add_trace(
                go.Scatter(x=missing, y=[0] * len(missing), mode="markers", showlegend=False, hoverinfo="skip",
                           marker={"symbol": "x-thin-open", "size": 10, "color": "#718096", "line": {"width": 2}}),
                row=row, col=col,
            )  # fmt: skip
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=x, automargin=True)  # turned on a phone, never cut
    fig.update_annotations(font={"family": FONT, "size": 12})
    _layout(fig, height=250 * rows)
    fig.update_layout(margin={"t": 30})
    return fig


def intensity_change_figure(rows: pd.DataFrame, labels: dict[str, str]) -> go.Figure:
    """7.2.1 / 7.2.2: each eligible factory's change in intensity against last year, improvers green."""
    part = rows[rows["change_pct"].notna()].sort_values("change_pct")
    colours = [PASS if c else FAIL for c in part["counted"]]
    fig = go.Figure(
        go.Bar(
            x=part["change_pct"],
            y=[html.escape(str(i)) for i in part["entity_id"]],
            orientation="h",
            marker_color=colours,
            hovertext=[html.escape(str(label)) for label in part["label"]],
            hovertemplate="%{hovertext}: %{x:.1f} %<extra></extra>",
        )
    )
    fig.update_xaxes(title=labels["x"])
    fig.update_yaxes(showticklabels=len(part) <= 40)
    return _layout(fig, height=max(300, min(900, 14 * len(part))))


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
    a diamond where an activity was done; a line for today. Months run October to September."""
    fig = go.Figure()
    rows = plan[plan["planned_start"].notna() & plan["planned_end"].notna()]
    rows = rows.assign(label=rows["label"].map(lambda v: html.escape(str(v))))  # activity names are data: inert in Plotly's text
    names = rows["label"].tolist()
    for state, part in rows.groupby("progress", sort=False):
        start = pd.to_datetime(part["planned_start"])
        end = pd.to_datetime(part["planned_end"]) + pd.Timedelta(days=1)
        fig.add_trace(
            go.Bar(
                y=part["label"],
                x=(end - start).dt.total_seconds() * 1000,
                base=start,
                orientation="h",
                name=labels[f"progress_{state}"],
                marker={"color": PROGRESS_COLOURS[str(state)], "line": {"color": "#1a202c", "width": 1}},
                marker_pattern_shape="/" if state in ("late", "cancelled") else "",
                hovertemplate="%{y}<extra></extra>",
            )
        )
    done = rows[rows["done_on"].notna()]
    if len(done):
        fig.add_trace(
            go.Scatter(
                y=done["label"], x=pd.to_datetime(done["done_on"]), mode="markers", name=labels["done_on_marker"],
                marker={"symbol": "diamond", "size": 11, "color": "#1a202c"}, hovertemplate="%{y}<extra></extra>",
            )
        )  # fmt: skip
    first, last = span
    if first <= today <= last:
        fig.add_vline(x=today, line_dash="dash", line_color="#c53030", annotation_text=labels["today"], annotation_position="top")
    months = pd.date_range(first, last, freq="MS")
    # Month names only, the year under October and January: twelve labels fit without turning.
    ticks = [month_label(m) if m.month in (1, 10) else month_label(m).split(" ")[0] for m in months]
    ticks = [t.replace(" ", "<br>", 1) for t in ticks]
    fig.update_xaxes(type="date", range=[first, last + pd.Timedelta(days=1)], tickmode="array", tickvals=months + pd.Timedelta(days=14),
                     ticktext=ticks, tickangle=0, showgrid=True)  # fmt: skip
    fig.update_yaxes(categoryorder="array", categoryarray=list(reversed(names)), automargin=True)
    fig.update_layout(barmode="overlay", bargap=0.35)
    return _layout(fig, height=max(260, 70 + 42 * len(names)))
