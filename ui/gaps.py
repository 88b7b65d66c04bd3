"""Who could close a gap, every level ahead, the rows behind a number with a "not counted only" filter, and a
survey indicator's answers: cached reads (metrics.gaps, metrics.readiness, metrics.surveys) and their views."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metrics import gaps, readiness, surveys
from metrics.engine import Result, Scorecard
from metrics.gaps import Candidate
from present import fragments
from present.tables import behind_table, deciding_columns
from present.words import value_label
from store.text import Text
from ui.cached import checklist_year, con, evidence_items, scorecard, years
from ui.charts import show, survey_chart
from ui.i18n import NO_VALUE, lang, t, thousands

SHOWN = 10  # candidates on an indicator page
ON_OVERVIEW = 3  # per blocking indicator on the overview
RESPONDENT_ORDER = ("community", "factory", "agency")
DECIDING_WIDTHS = (330, 90, 260, 260)  # px: the name, whether it counts, then why and the deciding value


@st.cache_data(show_spinner=False, max_entries=512, ttl=3600)
def candidates(version: str, year: int, area: str, code: str, limit: int = SHOWN) -> list[Candidate]:
    """Who could close one indicator's gap in a year and area (metrics.gaps), cached per data version."""
    with con().cursor() as cur:
        return gaps.candidates(cur, scorecard(version, year, area), code, limit)


def previous_scorecard(version: str, year: int, area: str) -> Scorecard | None:
    """Last year's scorecard to compare with, or None when last year has no data at all (the first year of data
    shows no change: a year of certificates alone must not make a gain)."""
    return scorecard(version, year - 1, area) if year - 1 in years(version) else None


def level_plans(version: str, year: int, area: str) -> list[readiness.LevelPlan]:
    """What it takes to reach every level still ahead, up to 3."""
    fiscal_year = checklist_year(version, year)
    return readiness.level_plans(scorecard(version, year, area), evidence_items(version, fiscal_year), fiscal_year)


def plans_view(version: str, year: int, area: str, view: fragments.View) -> None:
    """Every level ahead, each blocking indicator with the few who could close its gap."""
    plans = level_plans(version, year, area)
    blocking = {b.result.code for p in plans for b in p.blockers if b.result.status == "fail"}
    found = {code: candidates(version, year, area, code, ON_OVERVIEW) for code in sorted(blocking)}
    st.html(fragments.level_plan(plans, view, candidates=found))


def who_closes_view(version: str, year: int, area: str, r: Result) -> None:
    """On a failing indicator's page: the named candidates, with why and how much each would close."""
    if gaps.gap_size(r) is None or not gaps.has_query(r.indicator.family):  # nobody named closes a survey's gap
        return
    st.html(fragments.candidates_list(candidates(version, year, area, r.code), r, lang()))


@st.cache_data(show_spinner=False, max_entries=64)
def survey_counts(version: str, code: str, year: int, area: str) -> pd.DataFrame:
    with con().cursor() as cur:
        return surveys.distribution(cur, scorecard(version, year, area).result(code).indicator, year, area)


def survey_view(version: str, r: Result, year: int, area: str, subdistricts: dict[str, Text]) -> None:
    """A survey indicator's answers: scores 1-5 by respondent type and subdistrict, as a chart and a table."""
    counts = survey_counts(version, r.code, year, area)
    st.markdown(f"#### {t('survey_distribution')}")
    if counts.empty:
        st.caption(t("none"))
        return
    order = {k: i for i, k in enumerate(RESPONDENT_ORDER)}
    counts = counts.sort_values(["respondent_type", "subdistrict_code"], key=lambda s: s.map(order) if s.name == "respondent_type" else s)
    i = 0 if lang() == "th" else 1
    groups = [
        f"{value_label(kind, lang())} · {subdistricts[sub][i] if sub in subdistricts else sub}"
        for kind, sub in zip(counts["respondent_type"], counts["subdistrict_code"], strict=True)
    ]
    show(survey_chart(counts.reset_index(drop=True), groups, lang(), t("survey_distribution")))
    st.caption(t("survey_counted_note"))
    table = pd.DataFrame({t("survey_group"): groups})
    for score in surveys.SCORES:
        table[t("score_n", n=score)] = counts[score].to_numpy()
    table[t("survey_answers")] = counts["total"].to_numpy()
    st.dataframe(table, hide_index=True, width="stretch")


def behind_view(rows: pd.DataFrame, r: Result, subdistricts: dict[str, Text]) -> pd.DataFrame:
    """The rows behind the number, deciding columns first, with a "not counted only" filter (where some rows do not
    count); returns the table shown (for its downloads)."""
    choosable = r.indicator.family not in ("green_area_share",) and bool((~rows["counted"].astype(bool)).any())
    only = choosable and st.toggle(t("not_counted_only"), key=f"not_counted_{r.code}")
    picked = rows[~rows["counted"].astype(bool)] if only else rows
    shown = behind_table(picked, r.indicator, lang(), subdistricts)
    st.dataframe(shown, hide_index=True, placeholder=NO_VALUE, width="stretch", column_config=column_widths(shown, r))
    return shown


def column_widths(shown: pd.DataFrame, r: Result) -> dict[str, object]:
    """Amounts with separators; the deciding columns first with fixed widths that fit beside the sidebar at 1440 px
    (at most 330 + 90 + 260 + 260 px of the main pane's ~980 at 1440 px)."""
    config: dict[str, object] = thousands(shown)
    for n, header in enumerate(deciding_columns(r.indicator, lang())):
        width = DECIDING_WIDTHS[min(n, len(DECIDING_WIDTHS) - 1)]
        if header in config:  # a number column keeps its format
            config[header] = st.column_config.NumberColumn(header, format="localized", width=width)
        else:
            config[header] = st.column_config.TextColumn(header, width=width)
    return config
