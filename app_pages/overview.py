"""Scorecard: the town level, what it takes to reach each level ahead (and who could close each gap), and every
indicator against its criterion, with its coverage and its change since last year."""

import streamlit as st

from present.fragments import View, headline, scorecard_table
from ui.cached import level_history, next_level_plan, readiness_by_level, scorecard, subdistrict_names
from ui.gaps import plans_view, previous_scorecard
from ui.i18n import area_label, lang, t, year_label
from ui.report import meeting_pack_buttons
from ui.sidebar import read_page
from ui.widgets import glossary, level_history_view

year, area, version = read_page("page_overview")
view = View(lang(), year, area)
card = scorecard(version, year, area)
st.subheader(f"{area_label(area, subdistrict_names(version))} · {year_label(year)} ({t('calendar_year')})", anchor=False)
st.caption(t("criteria_caption", version=card.criteria))
if not any(r.has_data for r in card.results):
    st.info(t("no_year_data", year=year_label(year)), icon=":material/event_busy:")

plan = next_level_plan(version, year, area)
st.html(headline(card, readiness_by_level(version, plan.fiscal_year), plan.fiscal_year, view.lang))
plans_view(version, year, area, view)
glossary()
meeting_pack_buttons(version, year, area)

st.html(scorecard_table(card, previous_scorecard(version, year, area), view))

st.markdown(f"#### {t('level_history')}")
level_history_view(level_history(version, area))
