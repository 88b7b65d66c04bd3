"""The explorer's widgets, its cached loads and its figure: source picker, filters, the group/pivot form.

The view (source, grouping, summary, chart) lives in the URL so a link reproduces it; session state mirrors
it so the view survives leaving the page and coming back. Filters live in session state only."""

from __future__ import annotations

import datetime as dt
import html

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from lookup import explorer as explore
from lookup.explorer import AGGS, GRAINS, Filter, Kind, Source, Spec
from store.tables import TABLES
from ui.cached import catalogue, con
from ui.charts import FONT
from ui.i18n import lang, t, table_label
from ui.safe import md
from ui.view import page_param, set_page_param

CHARTS = ("bar", "line", "heatmap", "none")
PALETTE = ["#1b7f5a", "#2b6cb0", "#c05621", "#6b46c1", "#b7791f", "#2c7a7b", "#c53030", "#718096"]  # the house green first
CHART_MAX_GROUPS = 60  # more bars than this cannot be read; the table keeps them all
MIRROR = "explore_view"
PARAMS = ("src", "rows", "across", "measure", "agg", "grain", "chart")
# What people group by first (the establishment's attributes and the year), then the other categories and dates,
# amounts last: "by industry" is among the first lines of the list, not below twenty measures.
GROUP_FIRST = ("industry", "subdistrict", "kind", "year", "fiscal_year")


@st.cache_data(show_spinner=False, max_entries=32)
def source_rows(version: str, source_key: str, year: int, area: str, language: str) -> pd.DataFrame:
    """One source's rows, read once per data version (a few thousand rows: the whole table is kept)."""
    source = Source.parse(source_key)
    assert source is not None
    with con().cursor() as cur:
        return explore.load(cur, source, year, area, language)


def _view() -> dict[str, str]:
    """The view from the URL when it has one, else the session's last view on this page."""
    given = {k: st.query_params[k] for k in PARAMS if k in st.query_params}
    return given if "src" in given else dict(st.session_state.get(MIRROR, {}))


def _remember(view: dict[str, str]) -> None:
    st.session_state[MIRROR] = view
    for key, value in view.items():
        set_page_param(key, value)
    for key in PARAMS:
        if key not in view and key in st.query_params:
            del st.query_params[key]


def pick_source(version: str) -> Source:
    """Which table or indicator to explore: from the link, else the session's last choice, else the first table."""
    options = {f"table:{name}": t("explore_table", name=table_label(name)) for name in TABLES}
    options |= {f"indicator:{i.code}": t("explore_indicator", code=i.code, name=i.name(lang())) for i in catalogue(version)}
    keys = list(options)
    last = st.session_state.get(MIRROR, {}).get("src")
    wanted, bad = page_param("src", keys, last if last in options else keys[0])
    if bad is not None:
        st.warning(t("link_value_ignored", what=t("url_src"), value=md(bad)), icon=":material/link_off:")
    chosen = st.selectbox(t("explore_source"), keys, index=keys.index(wanted), format_func=options.__getitem__, key=f"x_src_{lang()}")
    source = Source.parse(chosen)
    assert source is not None
    return source


def filters(frame: pd.DataFrame, kinds: dict[str, Kind], labels: dict[str, str], source: Source) -> tuple[Filter, ...]:
    """A 'filter by' picker and one widget per chosen column: pick values, or a range for numbers and dates."""
    store = st.session_state.setdefault("explore_filters", {})
    before: dict[str, Filter] = {f.column: f for f in store.get(source.key, ())}
    suffix = f"{source.key}_{lang()}"
    offered = [c for c in frame.columns if c in kinds]  # a reader's kinds leave out numbers and dates
    chosen = st.multiselect(
        t("explore_filter_by"),
        offered,
        default=[c for c in before if c in offered],
        format_func=labels.__getitem__,
        key=f"x_filter_by_{suffix}",
        placeholder=t("choose_options"),
    )
    found: list[Filter] = []
    for column in chosen:
        kind, values, old = kinds[column], frame[column], before.get(column, Filter(column))
        if kind == "number" and values.notna().any():
            low, high = float(values.min()), float(values.max())
            if low == high:
                continue
            start = (
                min(max(float(old.low), low), high) if isinstance(old.low, float) else low,
                max(min(float(old.high), high), low) if isinstance(old.high, float) else high,
            )
            picked = st.slider(labels[column], low, high, start, key=f"x_f_{column}_{suffix}")
            found.append(Filter(column, low=picked[0], high=picked[1]))
        elif kind == "date" and values.notna().any():
            first, last = values.min().date(), values.max().date()
            span = (old.low, old.high) if isinstance(old.low, dt.date) and isinstance(old.high, dt.date) else (first, last)
            picked = st.date_input(labels[column], span, min_value=first, max_value=last, key=f"x_f_{column}_{suffix}")
            if isinstance(picked, tuple) and len(picked) == 2:
                found.append(Filter(column, low=picked[0], high=picked[1]))
        else:
            options = sorted(values.dropna().unique().tolist(), key=lambda v: (str(type(v)), v))
            names = {v: explore.value_label(v, column, kind, "day", lang()) for v in options}
            picked = st.multiselect(
                labels[column],
                options,
                default=[v for v in old.values if v in names],
                format_func=names.__getitem__,
                placeholder=t("explore_all"),
                key=f"x_f_{column}_{suffix}",
            )
            found.append(Filter(column, values=tuple(picked)))
    store[source.key] = tuple(found)
    return tuple(found)


def spec_form(
    frame: pd.DataFrame,
    kinds: dict[str, Kind],
    labels: dict[str, str],
    source: Source,
    kept: tuple[Filter, ...],
    aggs: tuple[str, ...] = AGGS,
) -> tuple[Spec, str]:
    """Group by, spread across, summarise as (one of `aggs`), of column, dates by, chart: read from the view, written back to it."""
    view = _view() if _view().get("src") == source.key else {}
    start = Spec(
        rows=tuple(c for c in view.get("rows", "").split(",") if c),
        across=view.get("across") or None,
        measure=view.get("measure") or None,
        agg=view.get("agg", "count"),
        grain=view.get("grain", "month"),
    ).valid_for(kinds, aggs)
    columns = sorted(frame.columns, key=lambda c: GROUP_FIRST.index(c) if c in GROUP_FIRST else len(GROUP_FIRST) + (kinds[c] == "number"))
    # The per-unit and share measures first: "median of …" then starts at water use per unit of product.
    numbers = sorted((c for c in columns if kinds[c] == "number"), key=lambda c: c not in explore.MEASURE_LABELS)
    suffix = f"{source.key}_{lang()}"
    left, middle, right = st.columns(3)
    rows = left.multiselect(
        t("explore_group"),
        columns,
        default=list(start.rows),
        max_selections=2,
        format_func=labels.__getitem__,
        key=f"x_rows_{suffix}",
        placeholder=t("choose_options"),
    )
    across_options = ["", *[c for c in columns if c not in rows]]
    across = middle.selectbox(
        t("explore_across"),
        across_options,
        index=across_options.index(start.across or "") if (start.across or "") in across_options else 0,
        format_func={"": t("explore_nothing"), **labels}.__getitem__,
        key=f"x_across_{suffix}",
    )
    agg = right.selectbox(
        t("explore_agg"), aggs, index=aggs.index(start.agg), format_func={a: t(f"agg_{a}") for a in aggs}.__getitem__, key=f"x_agg_{suffix}"
    )
    measure_options = [] if agg == "count" else (columns if agg == "count_distinct" else numbers)
    measure = None
    if measure_options:
        measure = right.selectbox(
            t("explore_measure"),
            measure_options,
            index=measure_options.index(start.measure) if start.measure in measure_options else 0,
            format_func=labels.__getitem__,
            key=f"x_measure_{suffix}",
        )
    grain = start.grain
    if any(kinds[c] == "date" for c in [*rows, across] if c):
        grain = (
            left.segmented_control(
                t("explore_grain"),
                GRAINS,
                default=start.grain,
                format_func={g: t(f"grain_{g}") for g in GRAINS}.__getitem__,
                key=f"x_grain_{suffix}",
            )
            or start.grain
        )
    chart = view.get("chart", "bar") if view.get("chart") in CHARTS else "bar"
    chart = (
        middle.segmented_control(
            t("explore_chart"), CHARTS, default=chart, format_func={c: t(f"chart_{c}") for c in CHARTS}.__getitem__, key=f"x_chart_{suffix}"
        )
        or chart
    )
    spec = Spec(rows=tuple(rows), across=across or None, measure=measure, agg=agg, grain=grain, filters=kept).valid_for(kinds, aggs)
    _remember(
        {
            k: v
            for k, v in {
                "src": source.key,
                "rows": ",".join(spec.rows),
                "across": spec.across or "",
                "measure": spec.measure or "",
                "agg": spec.agg,
                "grain": spec.grain,
                "chart": chart,
            }.items()
            if v
        }
    )
    return spec, chart


def figure(
    long: pd.DataFrame, spec: Spec, chart: str, labels: dict[str, str], value_title: str, d3: str = ",.2f"
) -> tuple[go.Figure | None, bool]:
    """Bars, a line or a heat map of the labelled summary (pure: data in, figure out), its figures written with
    thousands separators in the d3 format `d3` (50,000,000, never 50M); and whether groups were cut."""
    if chart == "none" or not (spec.rows or spec.across):
        return None, False
    x = spec.rows[0] if spec.rows else spec.across
    colour = spec.across if spec.rows and spec.across else (spec.rows[1] if len(spec.rows) > 1 else None)
    # Group names are data: Plotly reads <a href>, <b> … in axis and legend text, so they are shown escaped.
    long = long.assign(**{c: long[c].map(lambda v: html.escape(str(v))) for c in (x, colour) if c is not None})
    order = list(dict.fromkeys(long[x]))
    capped = len(order) > CHART_MAX_GROUPS
    if capped:
        keep = long.groupby(x, sort=False)["value"].sum().nlargest(CHART_MAX_GROUPS).index
        order = [v for v in order if v in set(keep)]
        long = long[long[x].isin(order)]
    fig = go.Figure()
    if chart == "heatmap" and colour is not None:
        grid = long.pivot_table(index=x, columns=colour, values="value", aggfunc="first", sort=False)
        fig.add_trace(
            go.Heatmap(
                z=grid.to_numpy(),
                x=[str(c) for c in grid.columns],
                y=[str(i) for i in grid.index],
                colorscale="Greens",
                colorbar={"title": value_title, "tickformat": d3},
                hovertemplate=f"%{{y}} · %{{x}}: %{{z:{d3}}}<extra></extra>",
            )
        )
        fig.update_yaxes(title=labels[x], autorange="reversed")
        fig.update_xaxes(title=labels[colour], type="category")
    else:
        parts = long.groupby(colour, sort=False) if colour else [("", long)]
        for name, part in parts:
            kind = go.Bar if chart != "line" else go.Scatter
            extra = {"mode": "lines+markers"} if chart == "line" else {}
            fig.add_trace(
                kind(
                    x=part[x],
                    y=part["value"],
                    name=str(name),
                    hovertemplate=f"%{{x}}: %{{y:{d3}}}<extra>%{{fullData.name}}</extra>",
                    **extra,
                )
            )
        fig.update_xaxes(title=labels[x], type="category", categoryorder="array", categoryarray=order)
        fig.update_yaxes(title=value_title, rangemode="tozero", tickformat=d3, separatethousands=True, exponentformat="none")
        fig.update_layout(barmode="group", showlegend=colour is not None, legend_title_text=labels[colour] if colour else "")
    fig.update_layout(
        font={"family": FONT, "size": 14},
        height=420,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        template="plotly_white",
        colorway=PALETTE,
        legend={"orientation": "h", "y": -0.25},
    )
    return fig, capped


def figures_config(wide: pd.DataFrame, groups: list[str], printf: str) -> dict[str, object]:
    """Column settings for the summary table: every column of figures (not the groups') in `printf`, with
    thousands separators (1,234,567.5; 0.0562)."""
    return {c: st.column_config.NumberColumn(format=printf) for c in wide.columns if c not in groups}


def start_over() -> None:
    st.session_state.pop(MIRROR, None)
    st.session_state.pop("explore_filters", None)
    for key in PARAMS:
        if key in st.query_params:
            del st.query_params[key]
    for key in [k for k in st.session_state if str(k).startswith("x_")]:
        del st.session_state[key]
