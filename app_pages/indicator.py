"""One indicator: value against its criterion and what it takes to pass, the trend, the two subdistricts,
the rows behind the number with their amounts, and the evidence it needs."""

import streamlit as st

from present.charts import trend_words
from present.fragments import View, checklist, result_cards
from present.tables import behind_table
from ui.cached import areas, as_of_stamp, behind, catalogue, checklist_year, evidence_items, samples, scorecard, subdistrict_names, trend
from ui.charts import intensity_change_chart, show, trend_chart
from ui.downloads import table_downloads
from ui.gaps import behind_view, survey_view, who_closes_view
from ui.i18n import area_label, establishment_names, lang, number, t, year_label
from ui.safe import md
from ui.sidebar import read_page
from ui.view import page_param, set_page_param
from ui.widgets import effluent_samples_view, glossary

year, area, version = read_page("page_indicator")
codes = [i.code for i in catalogue(version)]
names = {i.code: f"{i.code} {i.name(lang())}" for i in catalogue(version)}
wanted, bad = page_param("code", codes, codes[0])
if bad is not None:
    st.warning(t("link_value_ignored", what=t("url_code"), value=md(bad)), icon=":material/link_off:")
code = st.selectbox(t("choose_indicator"), codes, index=codes.index(wanted), format_func=names.__getitem__, key=f"code_{lang()}")
set_page_param("code", code)

r = scorecard(version, year, area).result(code)
sub = subdistrict_names(version)
st.subheader(names[code], anchor=False)
st.caption(
    f"{md(area_label(area, sub))} · {year_label(year)} ({t('calendar_year')}) · {t('criteria_caption', version=r.indicator.version)}"
)
st.html(result_cards(r, lang(), year_label(year)))
who_closes_view(version, year, area, r)
st.markdown(f"**{t('formula')}:** {md(r.indicator.formula(lang()))}")
glossary([names[code], r.indicator.formula_th, r.indicator.formula_en])

area_names = {a: area_label(a, sub) for a in areas(version)}
series = trend(version, code)
st.markdown(f"#### {t('trend')}")
ind = r.indicator
words = f"{t('trend')} {code}: {trend_words(series, ind.threshold, ind.unit, lang(), ind.comparator)}"
show(trend_chart(series, ind.threshold, ind.unit, ind.comparator, area_names, lang(), words))

st.markdown(f"#### {t('by_subdistrict')} · {year_label(year)}")
subdistricts = areas(version)[1:]
for col, code_ in zip(st.columns(len(subdistricts)), subdistricts, strict=True):
    other = scorecard(version, year, code_).result(code)
    counted = "" if r.indicator.unit == "percent" or other.value is None else " " + t(f"unit_{r.indicator.entity}")  # 7 แห่ง
    col.metric(
        md(area_names[code_]),
        number(other.value, r.indicator.unit) + counted,
        help=f"{number(other.numerator)} / {number(other.denominator)}"
        if r.indicator.unit == "percent"
        else None,  # a count has no denominator
    )

rows = behind(version, code, year, area)
if r.indicator.family == "survey_share":  # the answers by group, not respondent ids (the rows stay in the downloads)
    survey_view(version, r, year, area, sub)
    shown = behind_table(rows, r.indicator, lang(), sub)
else:
    st.markdown(f"#### {t('behind')}")
    shown = behind_view(rows, r, sub)
table_downloads(shown, f"indicator_{code}_{year}_{area}", as_of_stamp(version), key="behind")
establishments = r.indicator.entity in ("factory", "establishment")  # not green areas, projects, people or items
people = rows[rows["kind"].isin(["factory", "mine"])] if establishments else rows.iloc[0:0]
if not people.empty:
    labels = dict(zip(people["entity_id"], establishment_names(people, "entity_id"), strict=True))
    pick = st.selectbox(
        t("choose_establishment"), list(labels), format_func={k: f"{k} · {v}" for k, v in labels.items()}.__getitem__, key="behind_pick"
    )
    st.page_link(
        "app_pages/establishment.py",
        label=f"{t('open_profile')}: {md(labels[pick])}",
        icon=":material/factory:",
        query_params={"id": pick, **View(lang(), year, area).params()},
    )

if code in ("7.2.1", "7.2.2"):
    st.markdown(f"#### {t('intensity_change')}")
    show(intensity_change_chart(rows[["entity_id", "change_pct", "counted"]], lang(), t("intensity_change")))

if code == "7.1.1":
    st.markdown(f"#### {t('samples_vs_limits')} · {year_label(year)}")
    effluent_samples_view(samples(version, year, area), key="indicator_parameter")

if r.indicator.entity != "item":  # 18.1.1's rows above are its checklist already
    st.markdown(f"#### {t('checklist')}")
    fiscal_year = checklist_year(version, year)
    items = evidence_items(version, fiscal_year)
    mine = items[items["indicator_code"] == code] if not items.empty else items
    if mine.empty:
        st.caption(t("no_checklist"))
    else:
        st.html(checklist(mine, lang()))
