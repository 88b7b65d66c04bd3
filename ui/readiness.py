"""The readiness pages' shared parts: the fiscal year the sidebar's year falls in (one year everywhere), plan and
checklist tables in the UI language, summary cards, the analysts' editor (stale saves refused, Thai words, BE
dates), the edit history, and starting or removing a fiscal year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from metrics import readiness
from metrics.readiness import FISCAL_OFFSET
from present.jinja import environment
from store.edits import (
    EDITABLE,
    KEYS,
    Conflict,
    EditRefused,
    Saved,
    changes,
    checklist,
    checklist_history,
    parse_day,
    remove_fiscal_year,
    save_checklist,
    start_fiscal_year,
    year_state,
)
from ui.cached import checklist_year, con, fiscal_years
from ui.editing import warn_unsaved
from ui.i18n import NO_VALUE, columns, date_label, datetime_label, lang, month_label, reason, t, year_short
from ui.safe import md
from ui.view import set_page_param

PICK = "fy_pick"  # (sidebar year, fiscal year): a fiscal year the page landed on (a copy), until the sidebar's year moves
DATES = ("planned_start", "planned_end", "done_on")
STATUSES = {"evidence": ["missing", "in_progress", "ready"], "activities": ["planned", "in_progress", "done", "cancelled"]}


def today() -> dt.date:
    """Today in Bangkok (store.db sets the process's zone)."""
    return dt.date.today()


def fy_label(fiscal_year: int) -> str:
    """A fiscal year as the page's language writes years: 2566 (BE) in Thai, 2023 (CE) in English."""
    return str(fiscal_year) if lang() == "th" else str(fiscal_year - FISCAL_OFFSET)


def fy_in_name(fiscal_year: int) -> str:
    """A fiscal year in a download's file name: fy2566 in Thai, fy2023 in English."""
    return f"fy{fy_label(fiscal_year)}"


@dataclass(frozen=True)
class PageYear:
    """The fiscal year a readiness page is about, and the one whose rows it shows (None when there are none)."""

    fiscal_year: int
    shown: int | None
    have: list[int]


def page_year(version: str, table: str) -> PageYear:
    """The fiscal year the sidebar's (calendar) year falls in, Y+543 as 18.1.1 counts it, said on screen with its
    months; the evidence checklist falls back to the latest earlier one as the scorecard does. After a copy the
    page stays on the new year until the sidebar's year is changed."""
    year = int(st.session_state["year"])
    column = "activities" if table == "activities" else "evidence_items"
    years = fiscal_years(version)
    have = sorted(int(y) for y in years.loc[years[column] > 0, "fiscal_year"])
    own = year + FISCAL_OFFSET
    pick = st.session_state.get(PICK)
    chosen = pick[1] if pick and pick[0] == year and pick[1] in have else own
    if chosen != own:
        _say_span("fy_not_sidebar", chosen, year)
        st.button(t("fy_back_to_sidebar"), on_click=st.session_state.pop, args=(PICK, None), icon=":material/undo:")
    else:
        st.session_state.pop(PICK, None)
        _say_span("fy_of_sidebar", chosen, year)
    set_page_param("fy", str(chosen))
    if table == "activities" or chosen != own:
        return PageYear(chosen, chosen if chosen in have else None, have)
    return PageYear(chosen, checklist_year(version, year), have)


def _say_span(key: str, fiscal_year: int, year: int) -> None:
    first, last = (pd.Timestamp(d) for d in readiness.fiscal_year_span(fiscal_year))
    st.caption(t(key, fy=fy_label(fiscal_year), start=month_label(first), end=month_label(last), year=year_short(year)))


def explain_missing(table: str, page: PageYear) -> None:
    """The page's fiscal year has no rows of its own: say so and what to do (or which year's rows are used)."""
    years = ", ".join(fy_label(y) for y in page.have) or t("years_none")
    if page.shown is None:
        key = "plan_none_for_fy" if table == "activities" else "evidence_none_for_fy"
        st.info(t(key, fy=fy_label(page.fiscal_year), years=years), icon=":material/event_busy:")
    elif page.shown != page.fiscal_year:
        st.info(t("evidence_fallback", fy=fy_label(page.fiscal_year), used=fy_label(page.shown)), icon=":material/history:")


def cards(items: list[tuple[str, str, str]]) -> str:
    """Small summary cards: (label, value, note)."""
    return environment("fragments").get_template("cards.html").render(items=items)


def _words(frame: pd.DataFrame) -> pd.DataFrame:
    """Headers as people read them (a download's columns in words, not snake_case)."""
    return frame.rename(columns=columns(list(frame.columns)))


def plan_table(plan: pd.DataFrame) -> pd.DataFrame:
    """The plan as people read it: titles in the UI language, Thai dates, statuses and progress in words."""
    title = plan["title_th"] if lang() == "th" else plan["title_en"].fillna(plan["title_th"])
    return _words(
        pd.DataFrame(
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
    )


def checklist_table(items: pd.DataFrame) -> pd.DataFrame:
    description = items["description_th"] if lang() == "th" else items["description_en"].fillna(items["description_th"])
    indicator = items["indicator_th"] if lang() == "th" else items["indicator_en"]
    return _words(
        pd.DataFrame(
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
    )


# The editor ---------------------------------------------------------------------------------------------------


def _be_day(value: object) -> str:
    """A date as the Thai editor writes it: 15/1/2567 (day/month/BE year); empty when there is none."""
    if value is None or value is pd.NaT or (isinstance(value, float) and pd.isna(value)):
        return ""
    day = pd.Timestamp(value)  # type: ignore[arg-type]
    return "" if pd.isna(day) else f"{day.day}/{day.month}/{day.year + FISCAL_OFFSET}"


def _to_editor(table: str, rows: pd.DataFrame) -> pd.DataFrame:
    """The rows as the grid shows them: empty text cells empty (not "None"); in Thai, dates as BE text."""
    text = [c for c in rows.columns if rows[c].dtype == object or pd.api.types.is_string_dtype(rows[c].dtype)]
    shown = rows.assign(**{c: rows[c].fillna("") for c in text})
    if table == "activities":
        for column in DATES:
            shown[column] = shown[column].map(_be_day) if lang() == "th" else pd.to_datetime(shown[column]).dt.date
    return shown


def _from_editor(table: str, edited: pd.DataFrame) -> pd.DataFrame:
    """The grid's rows back in the table's terms: BE text dates read as dates (refused, nothing saved, if unreadable)."""
    out = edited.copy()
    if table == "activities" and lang() == "th":
        for column in DATES:
            out[column] = [parse_day(v, columns([column])[column]) for v in out[column]]
    return out


def _config(table: str, shown: pd.DataFrame) -> dict[str, object]:
    config: dict[str, object] = dict(columns(list(shown.columns)))
    for column in KEYS[table][1:]:  # the item stays in sight while the grid scrolls sideways
        config[column] = st.column_config.Column(str(config.get(column, column)), pinned=True)
    labels = {s: reason(s) for s in STATUSES[table]}
    config["status"] = st.column_config.SelectboxColumn(
        str(config.get("status", "status")), options=STATUSES[table], required=True, format_func=labels.__getitem__
    )
    for column in DATES if table == "activities" else ():
        label = str(config.get(column, column))
        if lang() == "th":
            config[column] = st.column_config.TextColumn(label, help=t("date_be_help"), validate=r"^(\s*|\d{1,2}/\d{1,2}/\d{4})$")
        else:
            config[column] = st.column_config.DateColumn(label, format="D MMM YYYY")
    return config


def _key(table: str, fiscal_year: int, what: str) -> str:
    return f"{what}_{table}_{fiscal_year}"


def editor(table: str, fiscal_year: int, who: str) -> None:
    """The analysts' editor of one fiscal year's rows. The rows are read once and held while edits are pending, so a
    save compares against the version the analyst saw: a row someone changed meanwhile is refused, naming who and
    when, with a choice to reload or to keep mine (recorded as such). Every saved cell is in the edit history."""
    grid, pinned, stale = _key(table, fiscal_year, "editor"), _key(table, fiscal_year, "pinned"), _key(table, fiscal_year, "stale")
    pending_rows = bool((st.session_state.get(grid) or {}).get("edited_rows"))
    if pending_rows:  # the last save's notice stays until the next edit
        st.session_state.pop(_key(table, fiscal_year, "notice"), None)
    elif notice := st.session_state.get(_key(table, fiscal_year, "notice")):
        st.success(notice, icon=":material/check:")
    if pinned not in st.session_state or not (pending_rows or st.session_state.get(stale)):
        st.session_state[pinned] = checklist(con(), table, fiscal_year)  # what this page read, with versions
    before: pd.DataFrame = st.session_state[pinned]
    shown = _to_editor(table, before)
    hidden = {"fiscal_year", "row_version", "description_en" if lang() == "th" else "description_th"}  # the year is the page's
    order = [c for c in shown.columns if c not in hidden]
    locked = [c for c in shown.columns if c not in EDITABLE[table]]
    edited = st.data_editor(
        shown,
        hide_index=True,
        placeholder=NO_VALUE,
        width="stretch",
        disabled=locked,
        column_config=_config(table, shown),
        column_order=order,
        key=grid,
    )
    try:
        after = _from_editor(table, edited)
    except EditRefused as exc:
        st.error(md(exc.text(lang())), icon=":material/event_busy:")
        warn_unsaved(1)
        return
    pending = len(changes(table, before, after))
    conflicts: tuple[Conflict, ...] = st.session_state.get(stale, ())
    if st.button(t("save"), key=f"save_{table}", type="primary"):
        _save(table, fiscal_year, before, after, who, None)
    if conflicts:
        _show_conflicts(table, fiscal_year, before, after, who, conflicts)
    warn_unsaved(pending)


def _save(
    table: str, fiscal_year: int, before: pd.DataFrame, after: pd.DataFrame, who: str, keep: dict[tuple[object, ...], int] | None
) -> None:
    grid, pinned, stale = _key(table, fiscal_year, "editor"), _key(table, fiscal_year, "pinned"), _key(table, fiscal_year, "stale")
    try:
        saved: Saved = save_checklist(con(), table, before, after, who, keep_mine=keep)
    except EditRefused as exc:
        st.error(md(exc.text(lang())))
        return
    if saved.conflicts:
        # Rows saved take their new versions; the refused rows keep what the page read, and their edits stay pending.
        st.session_state[pinned] = _merge(table, before, checklist(con(), table, fiscal_year), {c.key for c in saved.conflicts})
        st.session_state[stale] = saved.conflicts
    else:
        for key in (grid, pinned, stale):
            st.session_state.pop(key, None)
    if saved or not saved.conflicts:
        st.session_state[_key(table, fiscal_year, "notice")] = t("saved_cells", n=int(saved)) if saved else t("nothing_changed")
    st.rerun()


def _merge(table: str, old: pd.DataFrame, fresh: pd.DataFrame, refused: set[tuple[object, ...]]) -> pd.DataFrame:
    """The rows as read, with every row not refused replaced by its fresh copy (same order: the grid's edits are by position)."""
    keys = list(KEYS[table])
    latest = {tuple(k.item() if hasattr(k, "item") else k for k in r[: len(keys)]): r for r in fresh.itertuples(index=False)}
    out = old.copy()
    for i, row in enumerate(old.itertuples(index=False)):
        key = tuple(k.item() if hasattr(k, "item") else k for k in row[: len(keys)])
        if key not in refused and key in latest:
            out.iloc[i] = list(latest[key])
    return out


def _show_conflicts(
    table: str, fiscal_year: int, before: pd.DataFrame, after: pd.DataFrame, who: str, conflicts: tuple[Conflict, ...]
) -> None:
    lines = [
        t(
            "conflict_row",
            item=md(_item_words(table, c.key)),
            who=md(c.changed_by or t("someone")),
            when=datetime_label(c.changed_at),
            mine=md(", ".join(f"{columns([ch.column])[ch.column]} → {_value_words(ch.column, ch.after)}" for ch in c.mine)),
            theirs=md(
                ", ".join(
                    f"{columns([ch.column])[ch.column]} → {_value_words(ch.column, now)}"
                    for ch, now in zip(c.mine, c.theirs or (None,) * len(c.mine), strict=True)
                )
            ),
        )
        for c in conflicts
    ]
    st.error(t("conflict_title", n=len(conflicts)) + "\n\n" + "\n".join(f"- {line}" for line in lines), icon=":material/sync_problem:")
    reload, keep = st.columns(2)
    reload.button(t("conflict_reload"), key=f"reload_{table}", icon=":material/refresh:", on_click=_forget, args=(table, fiscal_year))
    if keep.button(t("conflict_keep"), key=f"keep_{table}", icon=":material/save_as:"):
        _save(table, fiscal_year, before, after, who, {c.key: c.version for c in conflicts})


def _forget(table: str, fiscal_year: int) -> None:
    """Drop this page's read and pending edits: the next run reads the rows afresh."""
    for what in ("editor", "pinned", "stale"):
        st.session_state.pop(_key(table, fiscal_year, what), None)


def _item_words(table: str, key: tuple[object, ...]) -> str:
    return f"{key[1]} {t('item_no_short', n=key[2])}" if table == "evidence" else str(key[1])


def _value_words(column: str, value: str | None) -> str:
    if value is None or value == "":
        return NO_VALUE
    if column == "status":
        return reason(value)
    if column in DATES:
        return date_label(pd.Timestamp(value))
    return value


# History ------------------------------------------------------------------------------------------------------


def history(table: str, fiscal_year: int, stamp: str) -> None:
    """Who changed what in this fiscal year, from what to what, when: by item or the whole year, with downloads."""
    from ui.downloads import table_downloads

    with st.expander(t("edit_history"), icon=":material/history:"):
        log = checklist_history(con(), table, fiscal_year)
        if log.empty:
            st.caption(t("history_none"))
            return
        items = log["row_key"].str.split("/", n=1).str[1]
        names = {k: (t("history_whole_year") if k == "*" else k) for k in sorted(set(items))}
        choice = st.selectbox(
            t("history_item"), ["", *names], format_func={"": t("history_all"), **names}.__getitem__, key=f"history_{table}_{lang()}"
        )
        chosen = log[items == choice] if choice else log
        shown = _words(
            pd.DataFrame(
                {
                    "edited_at": chosen["edited_at"].map(datetime_label),
                    "edited_by": chosen["edited_by"],
                    "row_key": items[chosen.index].map(names),
                    "column_name": chosen["column_name"].map(lambda c: columns([c])[c]),
                    "before_value": [
                        _value_words(c, v) for c, v in zip(chosen["column_name"], _plain(chosen["before_value"]), strict=True)
                    ],
                    "after_value": [_value_words(c, v) for c, v in zip(chosen["column_name"], _plain(chosen["after_value"]), strict=True)],
                    "change_kind": chosen["kind"].map(lambda k: t(f"kind_{k}")),
                }
            )
        )
        st.dataframe(shown, hide_index=True, width="stretch", placeholder=NO_VALUE)
        table_downloads(shown, f"{table}_history_{fy_in_name(fiscal_year)}", stamp, key=f"history_{table}")


def _plain(values: pd.Series) -> list[str | None]:
    return [None if pd.isna(v) else str(v) for v in values]


# Fiscal years ------------------------------------------------------------------------------------------------


def year_tools(table: str, page: PageYear, who: str, is_admin: bool) -> None:
    """Start a fiscal year from a copy (asks first, then lands on it) and remove a stray one (a copy nobody edited;
    admins any), both recorded in the edit history."""
    asking, notice = _key(table, 0, "copy_ask"), _key(table, 0, "year_notice")
    if st.session_state.get(notice):
        st.success(st.session_state.pop(notice), icon=":material/check:")
    with st.expander(t("start_from_copy"), icon=":material/content_copy:", expanded=page.shown is None):
        st.caption(t("copy_plan_help" if table == "activities" else "copy_evidence_help"))
        if not page.have:
            return
        labels = {y: f"{t('fiscal_year')} {fy_label(y)}" for y in page.have}  # here: a format_func must not read session state
        source = st.selectbox(t("copy_from"), page.have[::-1], format_func=labels.__getitem__, key=f"copy_from_{table}_{lang()}")
        # The page's own year when it has no rows yet, else the year after the newest (kept inside the input's range).
        suggested = min(max(page.fiscal_year if page.fiscal_year not in page.have else max(page.have) + 1, 2500), 2700)
        shown_target = st.number_input(
            t("copy_to"), min_value=2500, max_value=2700, value=suggested, step=1, key=f"copy_to_{table}_{page.fiscal_year}"
        )
        if st.button(t("copy_do"), icon=":material/content_copy:", key=f"copy_{table}"):
            st.session_state[asking] = (int(source), int(shown_target))
        if asking in st.session_state:
            src, target = st.session_state[asking]
            n = int(fiscal_years_rows(table, src))
            st.warning(t("copy_confirm", target=fy_label(target), n=n, source=fy_label(src)), icon=":material/help:")
            yes, no = st.columns(2)
            if yes.button(t("copy_yes", fy=fy_label(target)), type="primary", key=f"copy_yes_{table}"):
                st.session_state.pop(asking)
                try:
                    copied = start_fiscal_year(con(), table, src, target, who)
                except EditRefused as exc:
                    st.error(md(exc.text(lang())))
                else:
                    st.session_state[PICK] = (int(st.session_state["year"]), target)
                    st.session_state[notice] = t("copied", n=copied, fy=fy_label(target))
                    st.rerun()
            no.button(t("cancel"), key=f"copy_no_{table}", on_click=st.session_state.pop, args=(asking, None))
    if page.shown == page.fiscal_year:
        _remove_year(table, page.fiscal_year, who, is_admin, notice)


def fiscal_years_rows(table: str, fiscal_year: int) -> int:
    return year_state(con(), table, fiscal_year).rows


def _remove_year(table: str, fiscal_year: int, who: str, is_admin: bool, notice: str) -> None:
    state = year_state(con(), table, fiscal_year)
    if not state.removable(is_admin):
        return
    asking = _key(table, fiscal_year, "remove_ask")
    with st.expander(t("remove_year", fy=fy_label(fiscal_year)), icon=":material/delete:"):
        st.caption(t("remove_year_help"))
        if not st.session_state.get(asking):
            st.button(
                t("remove_year", fy=fy_label(fiscal_year)),
                key=f"remove_{table}",
                on_click=st.session_state.__setitem__,
                args=(asking, True),
            )
            return
        st.warning(t("remove_confirm", n=state.rows, fy=fy_label(fiscal_year)), icon=":material/help:")
        yes, no = st.columns(2)
        if yes.button(t("remove_yes", fy=fy_label(fiscal_year)), type="primary", key=f"remove_yes_{table}"):
            st.session_state.pop(asking, None)
            try:
                removed = remove_fiscal_year(con(), table, fiscal_year, who, is_admin)
            except EditRefused as exc:
                st.error(md(exc.text(lang())))
            else:
                st.session_state.pop(PICK, None)
                st.session_state[notice] = t("removed_year", fy=fy_label(fiscal_year), n=removed)
                st.rerun()
        no.button(t("cancel"), key=f"remove_no_{table}", on_click=st.session_state.pop, args=(asking, None))
