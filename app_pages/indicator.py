"""One indicator: formula, trend against the criterion, the two subdistricts, the rows behind the number."""

import streamlit as st

from ui.charts import effluent_figure, intensity_change_figure, trend_figure
from ui.formulas import FORMULAS
from ui.i18n import area_label, columns, establishment_names, lang, month_label, number, t, year_label, year_short
from ui.state import behind, catalogue, evidence, read_page, samples, scorecard, subdistrict_names, trend
from ui.tables import behind as behind_table
from ui.tables import evidence_checklist
from ui.widgets import gap_text, provisional_badge, split_text, status_badge, threshold_text

year, area, version = read_page("page_indicator")

codes = [i.code for i in catalogue(version)]
names = {i.code: i.name(lang()) for i in catalogue(version)}
wanted = st.query_params.get("code", codes[0])
code = st.selectbox(
    t("choose_indicator"),
    codes,
    index=codes.index(wanted) if wanted in codes else 0,
    format_func={c: f"{c} {names[c]}" for c in codes}.__getitem__,
)
st.query_params["code"] = code

r = scorecard(version, year, area).result(code)
ind = r.indicator
st.subheader(f"{code} {ind.name(lang())}")
cols = st.columns(4)
cols[0].metric(f"{t('value')} · {year_label(year)}", number(r.value, ind.unit))
cols[1].metric(t("threshold"), threshold_text(r, mark_provisional=False))
cols[2].metric(t("numerator"), number(r.numerator))
cols[3].metric(t("denominator"), number(r.denominator))
badges = st.columns([1, 1, 6])
with badges[0]:
    status_badge(r.status)
with badges[1]:
    provisional_badge(r)
for line in (gap_text(r), split_text(r)):
    if line:
        st.markdown(line)
st.markdown(f"**{t('formula')}:** {FORMULAS[code][0 if lang() == 'th' else 1]}")

sub = subdistrict_names(version)
area_names = {a: area_label(a, sub) for a in ("all", "190906", "191306")}
series = trend(version, code)
st.markdown(f"#### {t('trend')}")
st.plotly_chart(
    trend_figure(series, ind.threshold, ind.unit, area_names, {y: year_short(y) for y in series["year"]}, t("threshold")), width="stretch"
)

st.markdown(f"#### {t('by_subdistrict')} · {year_label(year)}")
side = st.columns(2)
for col, code_ in zip(side, ("190906", "191306"), strict=True):
    other = scorecard(version, year, code_).result(code)
    col.metric(area_names[code_], number(other.value, ind.unit), help=f"{number(other.numerator)} / {number(other.denominator)}")

st.markdown(f"#### {t('behind')}")
rows = behind(version, code, year, area)
shown = behind_table(rows)
st.dataframe(shown, hide_index=True, width="stretch", column_config=columns(list(shown.columns)))
st.download_button(
    t("download_csv"), shown.to_csv(index=False).encode("utf-8-sig"), file_name=f"indicator_{code}_{year}_{area}.csv", mime="text/csv"
)
people = list(rows["entity_id"]) if ind.entity in ("factory", "establishment") else []
if people:
    pick = st.selectbox(t("choose_establishment"), people, key="behind_pick")
    st.page_link("app_pages/establishment.py", label=f"{t('open_profile')}: {pick}", icon=":material/factory:", query_params={"id": pick})

if code in ("7.2.1", "7.2.2"):
    st.markdown(f"#### {t('intensity_change')}")
    bars = rows.assign(label=establishment_names(rows, "entity_id"))
    st.plotly_chart(intensity_change_figure(bars, {"x": t("change_pct")}), width="stretch")

if code == "7.1.1":
    st.markdown(f"#### {t('samples_vs_limits')} · {year_label(year)}")
    data = samples(version, year, area)
    if not data.empty:
        data["name"] = establishment_names(data)
        parameter = st.selectbox("parameter", sorted(data["parameter"].unique()))
        labels = {"within": t("within"), "exceedance": t("exceedance"), "limit": t("limit")}
        st.plotly_chart(effluent_figure(data, parameter, labels, month_label), width="stretch")

st.markdown(f"#### {t('checklist')}")
checklist = evidence_checklist(evidence(version, code))
st.dataframe(checklist, hide_index=True, width="stretch", column_config=columns(list(checklist.columns)))
