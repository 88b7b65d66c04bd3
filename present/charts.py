"""Charts as SVG drawn on the server by matplotlib (pure: data in, markup out).

The pages show them as HTML, so a reader's browser loads no chart library: a Plotly chart cost the reader's
browser about 0.5 CPU-s on every full page load, as much as the rest of the page (bench.readers). The drawing
is done once per data version and language and shared by every session (ui.cached caches it).

In the browser the text stays text (the browser shapes Thai with its own fonts, and it can be selected and
printed); in the meeting pack's PDF it becomes outlines, so no font is needed to read it. Every text from the
data (names, codes) is inert: never parsed as mathtext, and XML-escaped by matplotlib's SVG writer.
"""

from __future__ import annotations

import base64
import io
import math
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pandas as pd
from matplotlib import font_manager, rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from present.words import month_label, number, text, year_short

# The town in green; its subdistricts in turn in blue, orange, purple, teal, brown (a town has two to a handful).
TOWN_COLOUR = "#1b7f5a"
SUBDISTRICT_COLOURS = ("#2b6cb0", "#c05621", "#6b46c1", "#2c7a7b", "#975a16", "#b83280")


def colour(area: str, areas: list[str]) -> str:
    """One colour per area, the same on every chart and legend of one town."""
    if area == "all":
        return TOWN_COLOUR
    subs = sorted(a for a in areas if a != "all")
    return SUBDISTRICT_COLOURS[subs.index(area) % len(SUBDISTRICT_COLOURS)] if area in subs else GREY


PASS, FAIL, GREY, GRID = "#1b7f5a", "#c53030", "#718096", "#e2e8f0"
WANTED_FONTS = ("Loma", "Garuda", "Noto Sans Thai", "Sarabun", "DejaVu Sans")  # Loma and Garuda: fonts-thai-tlwg
# A page shows two drawings of each chart and CSS picks one by the column's width (a phone gets a narrow
# drawing with text it can read instead of a wide one shrunk); the pack prints the wide one.
WIDE, NARROW = (7.5, 3.0), (3.6, 3.2)
_LOCK = threading.Lock()  # rcParams are global; sessions draw in threads


def _fonts() -> list[str]:
    """The wanted fonts this machine has, then the generic family (the reader's browser picks its own)."""
    have = {f.name for f in font_manager.fontManager.ttflist}
    return [f for f in WANTED_FONTS if f in have] + ["sans-serif"]


@contextmanager
def _drawing(salt: str, outlines: bool, size: float = 10) -> Iterator[None]:
    with (
        _LOCK,
        rc_context(
            {
                "svg.fonttype": "path" if outlines else "none",
                "svg.hashsalt": salt,  # ids differ between charts of one page, so no drawing borrows another's clip or marker
                "font.family": _fonts(),
                "font.size": size,
                "text.parse_math": False,  # "$5" in a name is a name, never mathtext
                "axes.spines.top": False,
                "axes.spines.right": False,
                "axes.edgecolor": "#a0aec0",
                "axes.axisbelow": True,
                "xtick.color": "#4a5568",
                "ytick.color": "#4a5568",
                "legend.frameon": False,
            }
        ),
    ):
        yield


def _svg(fig: Figure, tight: bool = True) -> str:
    """The figure as an <svg> element that scales with its column; tight: cropped to what is drawn (one more
    drawing pass, for figures whose labels vary in length)."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight" if tight else None, metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r'<svg([^>]*?) width="[^"]*" height="[^"]*"', r'<svg\1 width="100%"', svg, count=1)
    return re.sub(r"<metadata>.*?</metadata>", "", svg, count=1, flags=re.S)


def responsive(wide: str, narrow: str, label: str) -> str:
    """Both drawings as images, labelled; CSS (CSS below) shows the wide one on screens wider than 640 px and
    the narrow one below. As images (data URIs) they pass Streamlit's HTML sanitiser, which drops inline SVG,
    and nothing in them can run or reach the network."""
    from present.jinja import environment

    wide64, narrow64 = (base64.b64encode(svg.encode()).decode() for svg in (wide, narrow))
    return environment("fragments").get_template("chart.html").render(label=label, wide=wide64, narrow=narrow64).strip()


CSS = """
.eit-chart img { display: block; width: 100%; height: auto; }
.eit-chart img.eit-chart-narrow { display: none; }
@media (max-width: 640px) { .eit-chart img.eit-chart-wide { display: none; } .eit-chart img.eit-chart-narrow { display: block; } }
@media print { .eit-chart img.eit-chart-wide { display: block; } .eit-chart img.eit-chart-narrow { display: none; } }
"""


def _whole_ticks(ax: Axes, top: float) -> None:
    """A count: whole ticks only (never 0.5 of a project)."""
    step = max(1, math.ceil(top / 5))
    ax.set_yticks(range(0, int(top) + step + 1, step))


def _thousands(ax: Axes) -> None:
    """Thousands separators (12,000), never SI suffixes or offsets Thai readers do not use."""
    ax.yaxis.set_major_formatter(lambda v, _pos: f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0"))


def trend_svg(
    trend: pd.DataFrame,
    threshold: float,
    unit: str,
    lang: str,
    names: dict[str, str] | None = None,
    size: tuple[float, float] = WIDE,
    outlines: bool = False,
    salt: str = "trend",
    font: float = 10,
    comparator: str = "ge",
) -> str:
    """Each area's value by year against the criterion (dashed). A year without data is a gap in the line with
    a hollow grey cross on the axis, never drawn as 0; the town's values are written beside their points.
    With names, a legend names the areas (the pack prints its own legend)."""
    with _drawing(salt, outlines, size=font):
        fig = Figure(figsize=size)
        ax = fig.add_subplot()
        years = sorted({int(y) for y in trend["year"]})
        at = {y: i for i, y in enumerate(years)}
        areas = [str(a) for a in trend["area"].unique()]
        for area, part in trend.groupby("area", sort=False):
            values = pd.to_numeric(part["value"], errors="coerce")
            x = [at[int(y)] for y in part["year"]]
            ax.plot(
                x,
                values,
                marker="o",
                markersize=5 if area == "all" else 4,
                linewidth=2.6 if area == "all" else 1.5,
                color=colour(str(area), areas),
                label=(names or {}).get(str(area), str(area)),
                zorder=3,
            )
            if area == "all" and names is not None:
                for xi, v in zip(x, values, strict=True):
                    if pd.notna(v):
                        ax.annotate(
                            number(float(v), lang, unit, digits=1),
                            (xi, v),
                            xytext=(0, 7),
                            textcoords="offset points",
                            ha="center",
                            fontsize=font - 1.5,
                            color=TOWN_COLOUR,
                            zorder=4,
                            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
                        )
        town = trend[trend["area"] == "all"]
        missing = [at[int(y)] for y, v in zip(town["year"], town["value"], strict=True) if pd.isna(v)]
        if missing:
            ax.plot(
                missing,
                [0] * len(missing),
                linestyle="none",
                marker="x",
                markersize=8,
                markeredgewidth=2,
                color=GREY,
                label=text("no_data", lang),
                clip_on=False,
                zorder=4,
            )
        ax.axhline(
            threshold,
            linestyle="--",
            color=FAIL,
            linewidth=1.2,
            label=_criterion(threshold, unit, comparator, lang),
        )
        ax.set_xticks(range(len(years)), [year_short(y, lang) for y in years])
        ax.set_xlim(-0.4, len(years) - 0.6)
        values = pd.to_numeric(trend["value"], errors="coerce")
        top = max(float(values.max()) if values.notna().any() else 0.0, float(threshold))
        ax.set_ylim(0, top * 1.18 or 1)
        if unit == "percent":
            ax.set_ylabel("%")
        else:
            _whole_ticks(ax, top * 1.18)
            ax.set_ylim(0, top * 1.18 or 1)
        _thousands(ax)
        ax.grid(axis="y", color=GRID)
        if names is not None:
            ax.legend(
                loc="upper center",
                bbox_to_anchor=(0.5, -0.12),
                ncol=min(5 if size[0] > 5 else 1, len(ax.get_legend_handles_labels()[1])),
                fontsize=font - 1.5,
            )
        return _svg(fig)


def _criterion(threshold: float, unit: str, comparator: str, lang: str) -> str:
    return f"{text('threshold', lang)} {'>' if comparator == 'gt' else '≥'} {number(threshold, lang, unit, digits=0)}"


def trend_words(trend: pd.DataFrame, threshold: float, unit: str, lang: str, comparator: str = "ge") -> str:
    """What the trend chart shows, in words (its text alternative): the town's value each year and the criterion."""
    town = trend[trend["area"] == "all"].sort_values("year")
    values = "; ".join(
        f"{year_short(int(y), lang)}: {number(None if pd.isna(v) else float(v), lang, unit, digits=1)}"
        for y, v in zip(town["year"], town["value"], strict=True)
    )
    return f"{values}. {_criterion(threshold, unit, comparator, lang)}"


def establishment_svg(
    reports: pd.DataFrame, series: dict[str, str], years: list[int], lang: str, cols: int = 3, width: float = 9.0, salt: str = "reports"
) -> str:
    """Small multiples of an establishment's yearly figures over every year asked; a year without a report is
    a gap with a grey cross on the axis, never a line drawn across it."""
    rows = math.ceil(len(series) / cols)
    with _drawing(salt, outlines=False, size=9):
        fig = Figure(figsize=(width, 2.3 * rows))
        # Fixed spacing, not the constrained layout: that drew the figure twice more (0.7 s of the server's time
        # for a profile's two drawings, repeated whenever an upload changes the establishment's figures).
        fig.subplots_adjust(
            left=0.09 if cols > 1 else 0.18, right=0.98, top=1 - 0.35 / (2.3 * rows), bottom=0.35 / (2.3 * rows), wspace=0.35, hspace=0.6
        )
        full = reports.set_index("year").reindex(years)
        reported = set(int(y) for y in reports["year"])
        missing = [i for i, y in enumerate(years) if int(y) not in reported]
        for i, (column, title) in enumerate(series.items()):
            ax = fig.add_subplot(rows, cols, i + 1)
            values = pd.to_numeric(full[column], errors="coerce")
            ax.plot(range(len(years)), values, marker="o", markersize=4, linewidth=2, color=TOWN_COLOUR)
            if missing:
                ax.plot(
                    missing, [0] * len(missing), linestyle="none", marker="x", markersize=7, markeredgewidth=2, color=GREY, clip_on=False
                )
            ax.set_title(title, fontsize=9, loc="left", y=1.0)  # where matplotlib puts it, without measuring every label to find out
            ax.set_xticks(range(len(years)), [year_short(int(y), lang) for y in years], fontsize=8)
            ax.set_ylim(bottom=0, top=(float(values.max()) * 1.15 if values.notna().any() and values.max() > 0 else 1))
            ax.yaxis.set_major_locator(MaxNLocator(4))
            _thousands(ax)
            ax.grid(axis="y", color=GRID)
        return _svg(fig, tight=False)


def month_ticks(dates: pd.Series, label: Callable[[pd.Timestamp], str], most: int = 8) -> tuple[list[pd.Timestamp], list[str]]:
    """Month ticks over the dates' span with our own labels (Thai month names and BE years)."""
    first = pd.Timestamp(dates.min()).to_period("M").to_timestamp()
    months = pd.date_range(first, pd.Timestamp(dates.max()) + pd.offsets.MonthBegin(1), freq="MS")
    chosen = list(months[:: max(1, -(-len(months) // most))])
    return chosen, [label(m) for m in chosen]


def effluent_svg(samples: pd.DataFrame, parameter: str, lang: str, size: tuple[float, float] = WIDE, salt: str = "effluent") -> str:
    """ECHO-style: each sample a point against the legal limit lines (dashed); exceedances red crosses."""
    part = samples[samples["parameter"] == parameter].sort_values("sampled_on")
    with _drawing(salt, outlines=False, size=10):
        fig = Figure(figsize=size)
        ax = fig.add_subplot()
        dates = pd.to_datetime(part["sampled_on"])
        for exceeds, colour, marker, key in ((False, PASS, "o", "within"), (True, FAIL, "x", "exceedance")):
            mine = part["exceeds"] == exceeds
            ax.plot(
                dates[mine],
                part.loc[mine, "value"],
                linestyle="none",
                marker=marker,
                markersize=7 if exceeds else 5,
                markeredgewidth=2 if exceeds else 1,
                color=colour,
                label=f"{text(key, lang)} ({int(mine.sum()):,})",
                zorder=3,
            )
        if len(part):
            unit = str(part["unit"].iloc[0])
            for column in ("max_value", "min_value"):
                limit = part[column].iloc[0]
                if pd.notna(limit):
                    ax.axhline(
                        float(limit), linestyle="--", color=FAIL, linewidth=1.2, label=f"{text('limit', lang)} {float(limit):,g} {unit}"
                    )
            ax.set_ylabel(f"{parameter} ({unit})")
            ticks, words = month_ticks(dates, lambda m: month_label(m, lang), most=8 if size[0] > 5 else 4)
            ax.set_xticks(ticks, words, fontsize=8.5)
            ax.set_ylim(bottom=0)
        _thousands(ax)
        ax.grid(axis="y", color=GRID)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3 if size[0] > 5 else 1, fontsize=8.5)
        return _svg(fig)


def intensity_change_svg(rows: pd.DataFrame, lang: str, width: float = 9.0, salt: str = "intensity") -> str:
    """7.2.1 / 7.2.2: each eligible factory's change in intensity against last year, those counted green."""
    part = rows[rows["change_pct"].notna()].sort_values("change_pct", ascending=False)
    with _drawing(salt, outlines=False, size=9):
        fig = Figure(figsize=(width, max(2.4, min(8.0, 0.6 + 0.24 * len(part)))))
        ax = fig.add_subplot()
        ax.barh(range(len(part)), part["change_pct"], color=[PASS if c else FAIL for c in part["counted"]], height=0.7)
        labelled = len(part) <= 40
        ax.set_yticks(range(len(part)), [str(i) for i in part["entity_id"]] if labelled else [""] * len(part), fontsize=8)
        if labelled:
            for y, v in enumerate(part["change_pct"]):
                ax.annotate(
                    f"{float(v):+,.1f} %",
                    (float(v), y),
                    xytext=(4 if v >= 0 else -4, 0),
                    textcoords="offset points",
                    ha="left" if v >= 0 else "right",
                    va="center",
                    fontsize=7.5,
                    color="#2d3748",
                )
        ax.axvline(0, color="#4a5568", linewidth=1)
        ax.set_ylim(-0.7, len(part) - 0.3)
        ax.set_xlabel(text("change_pct", lang))
        ax.margins(x=0.15)
        ax.grid(axis="x", color=GRID)
        return _svg(fig)


SCORE_COLOURS = ("#c53030", "#ed8936", "#a0aec0", "#68d391", "#1b7f5a")  # 1 (red) to 5 (green); 4 and 5 count


def survey_svg(counts: pd.DataFrame, groups: list[str], lang: str, width: float = 9.0, salt: str = "survey") -> str:
    """A survey question's answers: one bar per group (respondent type · subdistrict), split by score 1-5 as a
    share of the group's respondents, each part labelled with its count; groups in the order given."""
    scores = [1, 2, 3, 4, 5]
    with _drawing(salt, outlines=False, size=9):
        fig = Figure(figsize=(width, max(1.8, 0.9 + 0.42 * len(groups))))
        ax = fig.add_subplot()
        left = [0.0] * len(counts)
        totals = [max(1, int(t)) for t in counts["total"]]
        for score, tint in zip(scores, SCORE_COLOURS, strict=True):
            shares = [int(n) / t * 100 for n, t in zip(counts[score], totals, strict=True)]
            ax.barh(range(len(counts)), shares, left=left, color=tint, height=0.65, label=text("score_n", lang, n=score))
            for y, (share, n, start) in enumerate(zip(shares, counts[score], left, strict=True)):
                if share >= 6:
                    ax.annotate(
                        f"{int(n):,}",
                        (start + share / 2, y),
                        ha="center",
                        va="center",
                        fontsize=7.5,
                        color="#ffffff" if score in (1, 5) else "#1a202c",
                    )
            left = [a + b for a, b in zip(left, shares, strict=True)]
        ax.set_yticks(range(len(counts)), groups, fontsize=8)
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.xaxis.set_major_formatter(lambda v, _pos: f"{v:.0f} %")
        ax.grid(axis="x", color=GRID)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18 if len(groups) > 3 else -0.3), ncol=5, fontsize=8)
        return _svg(fig)
