"""The evidence checklist of a fiscal year: every numbered item by level and indicator, readiness per
indicator and level, filters by status and agency, and everything still missing town-wide."""

import streamlit as st

from metrics.readiness import agencies, owed_by, readiness
from present.fragments import checklist
from store.accounts import allowed
from ui.auth import role, user
from ui.cached import as_of_stamp, evidence_items
from ui.downloads import table_downloads
from ui.i18n import NO_VALUE, columns, lang, number, reason, t
from ui.readiness import cards, checklist_table, editor, explain_missing, fy_in_name, history, page_year, year_tools
from ui.safe import md
from ui.sidebar import read_page
from ui.widgets import glossary

_, _, version = read_page("page_evidence", needs_data=False)
page = page_year(version, "evidence")
explain_missing("evidence", page)
analyst = allowed(role(), "analyst")
if analyst and page.shown != page.fiscal_year:  # the year has no checklist of its own: offer to start one
    year_tools("evidence", page, user().username, allowed(role(), "admin"))  # type: ignore[union-attr]
if page.shown is None:
    st.stop()
fiscal_year = page.shown  # the checklist 18.1.1 uses for the sidebar's year
items = evidence_items(version, fiscal_year)

by_level = readiness(items, ["level"])
st.markdown(f"#### {t('readiness_by_level')}")
st.html(
    cards(
        [
            (
                t(f"level_{int(r.level)}"),
                t("ready_pct", pct=number(r.pct, "percent", 0)),
                t("evidence_ready_n", ready=int(r.ready), total=int(r.total)),
            )
            for r in by_level.itertuples()
        ]
    )
)

st.markdown(f"#### {t('readiness_by_indicator')}")
by_indicator = readiness(items, ["level", "indicator_code"])
names = items.drop_duplicates("indicator_code").set_index("indicator_code")["indicator_th" if lang() == "th" else "indicator_en"]
by_indicator = by_indicator.assign(pct=by_indicator["pct"] / 100.0)
by_indicator.insert(2, "indicator_name", by_indicator["indicator_code"].map(names))
by_indicator = by_indicator[["level", "indicator_code", "indicator_name", "pct", "ready", "in_progress", "missing", "total"]]
config = columns(list(by_indicator.columns))
config["pct"] = st.column_config.ProgressColumn(t("evidence_ready"), format="percent", min_value=0.0, max_value=1.0)
st.dataframe(by_indicator, hide_index=True, placeholder=NO_VALUE, width="stretch", column_config=config)

left, right = st.columns(2)
statuses = ["missing", "in_progress", "ready"]
chosen = left.multiselect(
    t("filter_status"),
    statuses,
    default=statuses,
    format_func={s: reason(s) for s in statuses}.__getitem__,
    key=f"ev_status_{lang()}",
    placeholder=t("choose_options"),
)
owing = agencies(items)
agency = right.selectbox(
    t("filter_agency"), ["", *owing], format_func={"": t("all_agencies"), **{a: a for a in owing}}.__getitem__, key=f"ev_agency_{lang()}"
)
shown = items[items["status"].isin(chosen)]
if agency:
    shown = shown[owed_by(shown, agency)]
    owed = items[owed_by(items, agency) & (items["status"] != "ready")]
    st.info(t("owes", agency=md(agency), n=len(owed)), icon=":material/assignment_late:")
st.caption(t("items_shown", n=len(shown), total=len(items)))
glossary([*shown["description_th"].astype(str), *shown["description_en"].fillna("").astype(str), t("fiscal_year")])
st.html(checklist(shown, lang()))
table_downloads(lambda: checklist_table(shown), f"evidence_{fy_in_name(fiscal_year)}", as_of_stamp(version), key="evidence")

with st.expander(t("missing_town"), icon=":material/report:"):
    missing = items[items["status"] == "missing"]
    st.html(checklist(missing, lang()))
    table_downloads(lambda: checklist_table(missing), f"evidence_missing_{fy_in_name(fiscal_year)}", as_of_stamp(version), key="missing")

history("evidence", fiscal_year, as_of_stamp(version))

if analyst:
    st.markdown(f"#### {t('edit_mode')}")
    editor("evidence", fiscal_year, user().username)  # type: ignore[union-attr]
    if page.shown == page.fiscal_year:
        year_tools("evidence", page, user().username, allowed(role(), "admin"))  # type: ignore[union-attr]
