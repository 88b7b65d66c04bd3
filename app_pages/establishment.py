"""One establishment: who and where it is (open or closed), where it counts this year, its certificates,
practices and yearly figures (years without a report shown as gaps), and its effluent against the limits."""

import streamlit as st

from ui.cached import counts_toward, establishment_list, establishment_profile, location_check, years
from ui.charts import establishment_chart, show
from ui.i18n import establishment_name, establishment_names, lang, product_unit, t, year_label
from ui.profile import certificates_view, counts_view, identity_cards, practices_view, reports_view, scheme_words
from ui.safe import md
from ui.sidebar import read_page
from ui.view import page_param, set_page_param
from ui.widgets import effluent_samples_view, glossary

year, area, version = read_page("page_establishment")
everyone = establishment_list(version, "all")
labels = dict(zip(everyone["factory_id"], establishment_names(everyone), strict=True))
ids = list(establishment_list(version, area)["factory_id"]) or list(labels)  # the sidebar's area first
given = st.query_params.get("id")
ids = [given, *ids] if given in labels and given not in ids else ids  # a link's establishment outside the area too
wanted, bad = page_param("id", ids, ids[0])
if bad is not None:
    st.warning(t("not_found", id=md(bad)), icon=":material/link_off:")
factory_id = st.selectbox(
    t("choose_establishment"),
    ids,
    index=ids.index(wanted),
    format_func={i: f"{i} · {labels[i]}" for i in ids}.__getitem__,
    key=f"profile_{lang()}",
)
set_page_param("id", factory_id)

p = establishment_profile(version, factory_id, year)
if p is None:
    st.error(t("not_found", id=md(factory_id)))
    st.stop()
who = p.identity
st.subheader(md(establishment_name(who["name_th"], who["name_en"], who["factory_id"])), anchor=False)
st.html(identity_cards(who, year))
checked = location_check(version).set_index("factory_id")
if factory_id in checked.index and bool(checked.at[factory_id, "approximate"]):
    st.warning(t("approximate_profile"), icon=":material/location_searching:")

st.markdown(f"#### {t('counts_toward')} · {year_label(year)}")
counts_view(counts_toward(version, factory_id, year))

st.markdown(f"#### {t('certificates')} · {year_label(year)}")
certificates_view(p.certificates)
glossary(scheme_words(p))

st.markdown(f"#### {t('practices')}")
practices_view(p.practices, who.get("closed_year"))

st.markdown(f"#### {t('reports')}")
if p.reports.empty:
    st.caption(t("none"))
else:
    span = years(version) or sorted(p.reports["year"])
    unit = product_unit(p.reports["production_unit"])
    series = {c: t(c, unit=unit) for c in ("water_per_unit", "wastewater_per_unit", "waste_3r_pct", "renewable_pct", "ghg_tco2e")}
    show(establishment_chart(p.reports[["year", *series]], series, [int(y) for y in span], lang(), f"{t('reports')}: {factory_id}"))
    if set(span) - set(p.reports["year"]):
        st.caption("✕ " + t("no_report_year"))
    reports_view(p.reports)

st.markdown(f"#### {t('samples_vs_limits')}")
effluent_samples_view(p.samples, key="profile_parameter")
