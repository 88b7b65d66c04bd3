"""The action plan of a fiscal year: a timeline October to September, what is late, who is responsible,
participants against targets; analysts edit it and start a new year from a copy."""

import pandas as pd
import streamlit as st

from metrics.readiness import fiscal_year_span
from present.fragments import plan_table as plan_html
from store.accounts import allowed
from ui.auth import role, user
from ui.cached import as_of_stamp, plan
from ui.charts import plan_timeline
from ui.downloads import table_downloads
from ui.i18n import date_label, lang, month_label, t
from ui.readiness import cards, editor, explain_missing, fy_in_name, history, page_year, plan_table, today, year_tools
from ui.sidebar import read_page
from ui.widgets import glossary

_, _, version = read_page("page_plan", needs_data=False)
page = page_year(version, "activities")
fiscal_year = page.fiscal_year
explain_missing("activities", page)
analyst = allowed(role(), "analyst")
if page.shown is None:
    if analyst:
        year_tools("activities", page, user().username, allowed(role(), "admin"))  # type: ignore[union-attr]
    st.stop()
now = today()
rows = plan(version, fiscal_year, now.isoformat())
progress = rows["progress"].value_counts()  # one state per activity: the cards add up to the total
targeted = rows[rows["target_participants"].notna()]  # participants only where a target says how many were wanted
st.html(
    cards([
        (t("activities_total"), f"{len(rows)}", t("as_of_today", date=date_label(now))),
        (t("activities_done"), f"{int(progress.get('done', 0))}", ""),
        (t("activities_late"), f"{int(progress.get('late', 0))}", ""),
        (t("activities_open"), f"{int(progress.get('in_progress', 0) + progress.get('due', 0))}", ""),
        (t("progress_planned"), f"{int(progress.get('planned', 0))}", ""),
        (t("progress_cancelled"), f"{int(progress.get('cancelled', 0))}", ""),
        (t("participants_total"), f"{int(targeted['participants'].fillna(0).sum()):,} / {int(targeted['target_participants'].sum()):,}",
         t("participants_targeted", n=len(targeted), total=len(rows))),
    ])
)  # fmt: skip

st.markdown(f"#### {t('timeline')}")
labels = {k: t(k) for k in ("today", "done_on_marker")} | {
    f"progress_{p}": t(f"progress_{p}") for p in ("done", "late", "in_progress", "due", "planned", "cancelled")
}
titles = rows["title_th"] if lang() == "th" else rows["title_en"].fillna(rows["title_th"])
shown = rows.assign(label=rows["activity_id"] + " " + titles.str.slice(0, 48) + titles.map(lambda s: "…" if len(s) > 48 else ""))
span = tuple(pd.Timestamp(d) for d in fiscal_year_span(fiscal_year))
if (rows["planned_start"].notna() & rows["planned_end"].notna()).any():
    st.plotly_chart(plan_timeline(shown, span, labels, month_label, pd.Timestamp(now)), width="stretch", config={"displayModeBar": False})
else:
    st.caption(t("timeline_no_dates"))

glossary([*rows["title_th"].astype(str), *rows["title_en"].fillna("").astype(str), t("fiscal_year")])
st.html(plan_html(rows, lang()))
table_downloads(lambda: plan_table(rows), f"action_plan_{fy_in_name(fiscal_year)}", as_of_stamp(version), key="plan")
history("activities", fiscal_year, as_of_stamp(version))

if analyst:
    st.markdown(f"#### {t('edit_mode')}")
    editor("activities", fiscal_year, user().username)  # type: ignore[union-attr]
    year_tools("activities", page, user().username, allowed(role(), "admin"))  # type: ignore[union-attr]
