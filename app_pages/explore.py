"""The explorer: pick an upload table or the rows behind an indicator, filter, group, spread across columns,
chart, and download the summary or the rows (through store.export, like every download).

Analysts and admins get the rows; readers (anonymous and committee) get summaries only, each figure resting on
at least MIN_GROUP establishments or respondents (docs/decisions.md, SECURITY.md)."""

import streamlit as st

from lookup.explorer import (
    AGGS,
    MIN_GROUP,
    READER_AGGS,
    apply_filters,
    column_labels,
    for_readers,
    kinds,
    mixed_units,
    note_text,
    number_formats,
    present,
    reader_kinds,
    reader_text,
    summarise,
    unit_column,
    value_title,
)
from store.accounts import allowed
from ui.auth import role
from ui.cached import as_of_stamp, catalogue, subdistrict_names
from ui.downloads import table_downloads
from ui.explore import figure, figures_config, filters, pick_source, source_rows, spec_form, start_over
from ui.i18n import NO_VALUE, area_label, lang, t, thousands, year_label
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
title = value_title(spec, labels, lang())  # what the figures are, with their unit
long, wide = present(summary, spec, column_kinds, lang(), title)
printf, d3 = number_formats(long["value"], whole=spec.agg in ("count", "count_distinct"))
if summary.truncated:
    st.info(t("explore_truncated", groups=summary.groups, shown=len(summary.long)), icon=":material/content_cut:")
if summary.withheld_count:
    st.caption(reader_text("withheld", lang(), k=summary.withheld_count, n=MIN_GROUP))
if mixed_units(kept, spec.measure):
    st.warning(note_text("mixed_units", lang()), icon=":material/straighten:")
fig, capped = figure(long, spec, chart, labels, title, d3)
if fig is not None:
    st.plotly_chart(fig, width="stretch", config={"displayModeBar": False})
    if capped:
        st.caption(t("explore_chart_capped", n=60))

st.markdown(f"#### {t('explore_summary')}")
if spec.across:
    st.caption(title)  # the columns are the groups spread across: say what their figures are
headers = column_labels([*spec.rows, *([spec.across] if spec.across else [])], lang())  # as present() heads them
groups = [headers[c] for c in spec.rows]
st.dataframe(wide, hide_index=True, placeholder=NO_VALUE, width="stretch", column_config=figures_config(wide, groups, printf))
base = f"explore_{source.name}".replace(".", "_")
table_downloads(wide, base, as_of_stamp(version), key="explore_summary")

if rows_allowed:
    with st.expander(t("explore_rows"), icon=":material/table_rows:"):
        shown = kept.rename(columns=labels)
        st.dataframe(shown, hide_index=True, placeholder=NO_VALUE, width="stretch", column_config=thousands(shown))
        table_downloads(shown, f"{base}_rows", as_of_stamp(version), key="explore_rows")
st.button(t("explore_start_over"), on_click=start_over, icon=":material/restart_alt:")
