"""The explorer: pick an upload table or the rows behind an indicator, filter, group, spread across columns,
chart, and download the summary or the rows (through store.export, like every download).

Analysts and admins get the rows; readers (anonymous and committee) get summaries only, each figure resting on
at least MIN_GROUP establishments or respondents (docs/decisions.md, SECURITY.md)."""

import streamlit as st

from explore.explorer import (
    AGGS,
    MIN_GROUP,
    READER_AGGS,
    apply_filters,
    column_labels,
    for_readers,
    kinds,
    present,
    reader_kinds,
    reader_text,
    summarise,
    unit_column,
)
from store.accounts import allowed
from ui.auth import role
from ui.cached import as_of_stamp, catalogue, subdistrict_names
from ui.downloads import table_downloads
from ui.explore import figure, filters, pick_source, source_rows, spec_form, start_over
from ui.i18n import NO_VALUE, area_label, lang, t, year_label
from ui.sidebar import read_page

year, area, version = read_page("page_explore")
st.caption(t("explore_intro"))
source = pick_source(version)
frame = source_rows(version, source.key, year if source.kind == "indicator" else 0, area, lang())  # a table is every year
if source.kind == "table":
    st.caption(t("explore_table_note"))
else:
    st.caption(t("explore_indicator_note", year=year_label(year), area=area_label(area, subdistrict_names(version))))
rows_allowed = allowed(role(), "analyst")
units = None
if not rows_allowed:
    entity = next((i.entity for i in catalogue(version) if i.code == source.name), None)
    frame, units = for_readers(frame, unit_column(source, list(frame.columns), entity))
    st.info(reader_text("note", lang(), n=MIN_GROUP), icon=":material/shield_person:")

column_kinds = kinds(frame)
labels = column_labels(list(frame.columns), lang())
with st.expander(t("explore_filters"), icon=":material/filter_alt:", expanded=True):
    chosen_filters = filters(frame, column_kinds if rows_allowed else reader_kinds(column_kinds), labels, source)
kept = apply_filters(frame, chosen_filters, column_kinds)
st.caption(t("explore_rows_kept", n=len(kept), total=len(frame)))
if kept.empty:
    st.info(t("explore_empty"), icon=":material/filter_alt_off:")
    st.button(t("explore_start_over"), on_click=start_over, icon=":material/restart_alt:")
    st.stop()

spec, chart = spec_form(kept, column_kinds, labels, source, chosen_filters, AGGS if rows_allowed else READER_AGGS)
summary = summarise(kept, spec, column_kinds, units=units, min_group=MIN_GROUP if units is not None else 0)
long, wide = present(summary, spec, column_kinds, lang())
if summary.truncated:
    st.info(t("explore_truncated", groups=summary.groups, shown=len(summary.long)), icon=":material/content_cut:")
if summary.withheld_count:
    st.caption(reader_text("withheld", lang(), k=summary.withheld_count, n=MIN_GROUP))
value_title = t(f"agg_{spec.agg}") + (f" · {labels[spec.measure]}" if spec.measure else "")
fig, capped = figure(long, spec, chart, labels, value_title)
if fig is not None:
    st.plotly_chart(fig, width="stretch", config={"displayModeBar": False})
    if capped:
        st.caption(t("explore_chart_capped", n=60))

st.markdown(f"#### {t('explore_summary')}")
st.dataframe(wide, hide_index=True, placeholder=NO_VALUE, width="stretch")
base = f"explore_{source.name}".replace(".", "_")
table_downloads(wide, base, as_of_stamp(version), key="explore_summary")

if rows_allowed:
    with st.expander(t("explore_rows"), icon=":material/table_rows:"):
        shown = kept.rename(columns=labels)
        st.dataframe(shown, hide_index=True, placeholder=NO_VALUE, width="stretch")
        table_downloads(shown, f"{base}_rows", as_of_stamp(version), key="explore_rows")
st.button(t("explore_start_over"), on_click=start_over, icon=":material/restart_alt:")
