"""The readiness pages' shared parts: the fiscal-year picker (kept in the URL), plan and checklist tables
in the UI language, summary cards, and the analysts' editor with its copy-a-year form."""

from __future__ import annotations

import datetime as dt
from html import escape

import pandas as pd
import streamlit as st

from metrics import readiness
from store.edits import EDITABLE, EditRefused, changes, save_checklist, start_fiscal_year
from ui.cached import con, fiscal_years
from ui.editing import warn_unsaved
from ui.i18n import NO_VALUE, columns, date_label, lang, reason, t
from ui.safe import md
from ui.view import page_param, set_page_param


def today() -> dt.date:
    """Today in Bangkok (store.db sets the process's zone)."""
    return dt.date.today()


def pick_fiscal_year(version: str, column: str) -> int | None:
    """A fiscal year that has a plan (column 'activities') or a checklist ('evidence_items'), from the URL's
    ?fy= or else the current one (or the latest before it). None when there is none at all."""
    years = fiscal_years(version)
    have = [int(y) for y in years.loc[years[column] > 0, "fiscal_year"]]
    if not have:
        st.info(t("no_plans"), icon=":material/event_note:")
        return None
    current = readiness.fiscal_year_of(today())
    default = str(max([y for y in have if y <= current] or have))
    wanted, bad = page_param("fy", [str(y) for y in have], default)
    if bad is not None:
        st.toast(t("link_value_ignored", what=t("url_fy"), value=md(bad)), icon=":material/link_off:")
    # Labels computed here, not in format_func: a format_func must not depend on session state.
    labels = {y: fiscal_year_label(y) for y in have}
    chosen = st.selectbox(t("fiscal_year"), have, index=have.index(int(wanted)), format_func=labels.__getitem__, key=f"fy_{lang()}")
    set_page_param("fy", str(chosen))
    first, last = readiness.fiscal_year_span(chosen)
    st.caption(t("fiscal_year_span", fy=chosen, start=date_label(first), end=date_label(last)))
    return int(chosen)


def fiscal_year_label(year: int) -> str:
    return f"{t('fiscal_year')} {year}" if lang() == "th" else f"FY {year} (BE)"


def cards(items: list[tuple[str, str, str]]) -> str:
    """Small summary cards: (label, value, note)."""
    body = "".join(
        f'<div class="eit-card"><div class="eit-card-label">{escape(a)}</div><div class="eit-card-value">{escape(b)}</div>'
        f'<div class="eit-card-note">{escape(c)}</div></div>'
        for a, b, c in items
    )
    return f'<div class="eit-cards">{body}</div>'


def plan_table(plan: pd.DataFrame) -> pd.DataFrame:
    """The plan as people read it: titles in the UI language, Thai dates, statuses and progress in words."""
    title = plan["title_th"] if lang() == "th" else plan["title_en"].fillna(plan["title_th"])
    return pd.DataFrame(
        {
            "activity_id": plan["activity_id"],
            "title": title,
            "indicator_code": plan["indicator_code"].fillna(""),
            "responsible": plan["responsible"].fillna(""),
            "planned_start": plan["planned_start"].map(date_label),
            "planned_end": plan["planned_end"].map(date_label),
            "status": plan["status"].map(reason),
            "progress": plan["progress"].map(lambda p: t(f"progress_{p}")),
            "done_on": plan["done_on"].map(date_label),
            "participants": plan["participants"],
            "target_participants": plan["target_participants"],
            "participation": (plan["participants"] / plan["target_participants"]).where(plan["target_participants"] > 0),
        }
    )


def checklist_table(items: pd.DataFrame) -> pd.DataFrame:
    description = items["description_th"] if lang() == "th" else items["description_en"].fillna(items["description_th"])
    indicator = items["indicator_th"] if lang() == "th" else items["indicator_en"]
    return pd.DataFrame(
        {
            "level": items["level"],
            "indicator_code": items["indicator_code"],
            "indicator_name": indicator,
            "item_no": items["item_no"],
            "item": description,
            "responsible": items["responsible"].fillna(""),
            "status": items["status"].map(reason),
            "reference": items["reference"].fillna(""),
        }
    )


def editor(table: str, before: pd.DataFrame, who: str, options: list[str]) -> None:
    """The analysts' editor of one fiscal year's rows: only the editable columns, a warning while unsaved,
    and every saved cell recorded with who and when."""
    text_columns = [c for c in before.columns if before[c].dtype == object or pd.api.types.is_string_dtype(before[c].dtype)]
    before = before.assign(**{c: before[c].fillna("") for c in text_columns})  # an empty cell, not "None"
    config = columns(list(before.columns))
    config["status"] = st.column_config.SelectboxColumn(config.get("status", "status"), options=options, required=True)
    locked = [c for c in before.columns if c not in EDITABLE[table]]
    after = st.data_editor(
        before, hide_index=True, placeholder=NO_VALUE, width="stretch", disabled=locked, column_config=config, key=f"editor_{table}"
    )
    pending = len(changes(table, before, after))
    if st.button(t("save"), key=f"save_{table}", type="primary"):
        try:
            n = save_checklist(con(), table, before, after, who)
        except EditRefused as exc:
            st.error(md(exc.text(lang())))
        else:
            pending = 0
            st.success(t("saved_cells", n=n) if n else t("nothing_changed"))
    warn_unsaved(pending)


def copy_year_form(table: str, version: str, column: str, who: str) -> None:
    """Start a fiscal year from a copy of an earlier one (analysts)."""
    years = fiscal_years(version)
    have = [int(y) for y in years.loc[years[column] > 0, "fiscal_year"]]
    with st.expander(t("start_from_copy"), icon=":material/content_copy:"):
        st.caption(t("copy_plan_help" if table == "activities" else "copy_evidence_help"))
        with st.form(f"copy_{table}"):
            source = st.selectbox(t("copy_from"), have, format_func={y: fiscal_year_label(y) for y in have}.__getitem__)
            # The next year after the newest, kept inside the input's range (an upload may hold any year 2443-2743).
            suggested = min(max(max(have) + 1, 2500), 2700) if have else 2566
            target = st.number_input(t("copy_to"), min_value=2500, max_value=2700, value=suggested, step=1)
            if st.form_submit_button(t("copy_do"), icon=":material/content_copy:"):
                try:
                    n = start_fiscal_year(con(), table, int(source), int(target), who)
                except EditRefused as exc:
                    st.error(md(exc.text(lang())))
                else:
                    st.success(t("copied", n=n, fy=int(target)))
                    set_page_param("fy", str(int(target)))
