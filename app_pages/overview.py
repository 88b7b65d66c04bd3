"""Scorecard: the town level, and every indicator of levels 1–3 against its criterion."""

import streamlit as st

from ui.i18n import area_label, number, t, year_label
from ui.state import evidence_by_level, read_page, scorecard, subdistrict_names
from ui.widgets import gap_text, split_text, status_badge, status_text, threshold_text

year, area, version = read_page("page_overview")

card = scorecard(version, year, area)
previous = {r.code: r for r in scorecard(version, year - 1, area).results}
st.subheader(f"{area_label(area, subdistrict_names(version))} · {year_label(year)}")
if all(r.status == "no_data" or r.indicator.unit == "count" and r.value == 0 for r in card.results if r.code != "18.1.1"):
    st.info(t("no_year_data", year=year_label(year)), icon=":material/event_busy:")

top = st.columns(4)
top[0].metric(t("town_level"), card.town_level if card.town_level else t("level_none"))
evidence = evidence_by_level(version).set_index("level")
for level, col in zip((1, 2, 3), top[1:], strict=True):
    verdict = next(lv["status"] for lv in card.levels if lv["level"] == level)
    col.metric(t(f"level_{level}"), status_text(str(verdict)))
    if level in evidence.index:
        col.caption(
            f"{t('evidence_ready')}: "
            + t("evidence_ready_n", ready=int(evidence.at[level, "ready"]), total=int(evidence.at[level, "total"]))
        )

widths = [1.1, 4.2, 1.4, 1.6, 1.3, 1.2, 2.3]
for level in (1, 2, 3):
    st.markdown(f"### {t(f'level_{level}')}")
    head = st.columns(widths)
    for col, key in zip(head, ("code", "indicator", "value", "threshold", "status", "change", "gap"), strict=True):
        col.markdown(f"**{t(key)}**")
    for r in (r for r in card.results if r.indicator.level == level):
        row = st.columns(widths, vertical_alignment="center")
        row[0].page_link("app_pages/indicator.py", label=r.code, query_params={"code": r.code})
        row[1].markdown(r.indicator.name(st.session_state["lang"]) + (f"  \n:gray[{split_text(r)}]" if r.split else ""))
        row[2].markdown(
            f"**{number(r.value, r.indicator.unit)}**",
            help=f"{t('numerator')} {number(r.numerator)} / {t('denominator')} {number(r.denominator)}",
        )
        row[3].markdown(threshold_text(r).replace(">", "\\>"))  # a leading ">" would be a blockquote
        with row[4]:
            status_badge(r.status)
        before = previous[r.code].value
        delta = None if r.value is None or before is None else r.value - before
        row[5].markdown("—" if delta is None else f"{delta:+,.2f}" + (" pp" if r.indicator.unit == "percent" else ""))
        row[6].markdown(gap_text(r))
