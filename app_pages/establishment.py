"""One establishment: identity, certificates, practices, yearly rates, effluent, and where it counts."""

import pandas as pd
import streamlit as st

from ui.charts import effluent_figure, establishment_figure
from ui.i18n import columns, date_label, establishment_name, establishment_names, lang, month_label, reason, t, year_label, year_short
from ui.state import counts_toward, establishment_list, establishment_profile, location_check, read_page

year, area, version = read_page("page_establishment")

listing = establishment_list(version, "all")
name_col = "name_th" if lang() == "th" else "name_en"
labels = dict(zip(listing["factory_id"], establishment_names(listing), strict=True))
ids = list(listing["factory_id"])
wanted = st.query_params.get("id", ids[0])
if wanted not in labels:
    st.error(t("not_found", id=wanted))
    wanted = ids[0]
factory_id = st.selectbox(
    t("choose_establishment"), ids, index=ids.index(wanted), format_func={i: f"{i} · {labels[i]}" for i in ids}.__getitem__
)
st.query_params["id"] = factory_id

p = establishment_profile(version, factory_id, year)
if p is None:
    st.error(t("not_found", id=factory_id))
    st.stop()
who = p.identity
st.subheader(establishment_name(who["name_th"], who["name_en"], who["factory_id"]), anchor=False)
cols = st.columns(4)
cols[0].metric(t("kind"), t(f"kind_{who['kind']}"))
cols[1].metric(t("subdistrict"), who["subdistrict_th"] if lang() == "th" else who["subdistrict_en"])
cols[2].metric("DIW", str(who.get("diw_type") or "—"))
cols[3].metric(t("year"), year_label(year))
st.caption(f"{who.get('industry') or ''} · lat {who.get('lat')}, lon {who.get('lon')}")
checked = location_check(version).set_index("factory_id")
if factory_id in checked.index and bool(checked.at[factory_id, "approximate"]):
    st.warning(t("approximate_profile"), icon=":material/location_searching:")

st.markdown(f"#### {t('counts_toward')} · {year_label(year)}")
toward = counts_toward(version, factory_id, year).assign(reason=lambda d: d["reason"].map(reason))
toward = toward[["code", name_col, "counted", "reason"]]
st.dataframe(toward, hide_index=True, width="stretch", column_config=columns(list(toward.columns)))

st.markdown(f"#### {t('certificates')}")
certs = p.certificates.assign(issued_on=lambda d: d["issued_on"].map(date_label), expires_on=lambda d: d["expires_on"].map(date_label))
st.dataframe(certs, hide_index=True, width="stretch", column_config=columns(list(certs.columns)))

st.markdown(f"#### {t('practices')}")
if p.practices.empty:
    st.caption(t("none"))
else:
    grid = p.practices.pivot_table(index="practice", columns="year", values="status", aggfunc="first").rename(columns=year_short)
    st.dataframe(grid, width="stretch")

st.markdown(f"#### {t('reports')}")
if p.reports.empty:
    st.caption(t("none"))
else:
    series = {c: t(c) for c in ("water_per_unit", "wastewater_per_unit", "waste_3r_pct", "renewable_pct", "ghg_tco2e")}
    st.plotly_chart(establishment_figure(p.reports, series, {int(y): year_short(int(y)) for y in p.reports["year"]}), width="stretch")
    st.dataframe(p.reports.assign(year=p.reports["year"].map(year_short)), hide_index=True, width="stretch")

st.markdown(f"#### {t('samples_vs_limits')}")
if p.samples.empty:
    st.caption(t("none"))
else:
    data = p.samples.assign(name=establishment_names(p.samples))
    parameter = st.selectbox("parameter", sorted(data["parameter"].unique()), key="profile_parameter")
    st.plotly_chart(
        effluent_figure(data, parameter, {"within": t("within"), "exceedance": t("exceedance"), "limit": t("limit")}, month_label),
        width="stretch",
    )
    st.caption(f"{t('exceedance')}: {int(pd.Series(data['exceeds']).sum())}")
