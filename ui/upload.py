"""The Upload page's parts: each table's status and the order to load, the column guide with its rules,
the preview in the UI's calendar, and what a load (or a re-upload) changed."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from store.load import CHANGES_SHOWN, LoadReport
from store.tables import NUMBER_MAX, TABLES, Column
from ui.cached import as_of_stamp, batch_changes, batch_diff, table_status
from ui.downloads import table_downloads
from ui.i18n import NO_VALUE, columns, date_label, datetime_label, lang, t, table_label
from ui.tables import column_guide_view

CE_YEARS = ("year", "registered_year", "closed_year")  # stored CE: shown BE in Thai
# Tables whose rows name a factory: they need the establishments table first.
NEEDS_ESTABLISHMENTS = ("annual_reports", "certifications", "practices", "effluent_samples")
UNITS = {"_m3": "unit_m3", "_m2": "unit_m2", "_t": "unit_t", "_gj": "unit_gj", "_thb": "unit_thb", "_tco2e": "unit_tco2e"}
# Rules across columns or against reference data (store/validate.py), per table and column.
CROSS_RULES = {
    ("establishments", "closed_year"): "rule_closed_after_registered",
    ("annual_reports", "waste_3r_t"): "rule_3r_le_generated",
    ("annual_reports", "energy_renewable_gj"): "rule_renewable_le_total",
    ("annual_reports", "water_intensity_target"): "rule_per_unit",
    ("annual_reports", "wastewater_intensity_target"): "rule_per_unit",
    ("certifications", "level"): "rule_gi_level",
    ("certifications", "expires_on"): "rule_expires_after_issued",
    ("effluent_samples", "value"): "rule_ph_range",
    ("effluent_samples", "unit"): "rule_unit_standard",
}


def status_view(version: str) -> None:
    """What each table holds now and its newest batch, in the order to load them (a plain table: ten short rows)."""
    status = table_status(version)
    st.caption(t("load_order_help"))
    shown = pd.DataFrame(
        {
            "load_order": status["load_order"].astype(str),
            "table_name": status["table_name"].map(table_label),
            "table_rows": status["table_rows"].map(lambda n: f"{int(n):,}"),
            "last_batch": status["last_batch"].map(lambda b: NO_VALUE if pd.isna(b) else str(int(b))),
            "loaded_by": status["loaded_by"].fillna(NO_VALUE),
            "loaded_at": status["loaded_at"].map(datetime_label),
            "is_demo": status["is_demo"].map({True: t("demo_short"), False: ""}),
            "needs": status["table_name"].map(lambda n: table_label("establishments") if n in NEEDS_ESTABLISHMENTS else ""),
        }
    )
    st.table(shown.rename(columns={c: t(f"status_{c}") for c in shown.columns}), hide_index=True)


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def column_rule(table: str, column: Column) -> str:
    """A column's numeric and calendar rules in words: range, unit, rules across columns (store/tables.py, validate.py)."""
    parts = []
    if column.kind in ("number", "integer") and column.min is not None:
        if column.max is not None and column.max < NUMBER_MAX:
            parts.append(t("rule_between", low=_number(column.min), high=_number(column.max)))
        else:
            parts.append(t("rule_more_than" if column.min_exclusive else "rule_at_least", low=_number(column.min)))
    if column.kind == "integer":
        parts.append(t("rule_whole"))
    if column.kind == "year":
        parts.append(t("rule_year"))
    if column.kind in ("date",):
        parts.append(t("rule_date"))
    unit = next((key for suffix, key in UNITS.items() if column.name.endswith(suffix)), None)
    if unit:
        parts.append(t("rule_unit", unit=t(unit)))
    if (table, column.name) in CROSS_RULES:
        parts.append(t(CROSS_RULES[(table, column.name)]))
    return "; ".join(parts)


def guide_view(table: str) -> None:
    """The column guide: key, required, allowed codes, the rules, and what each column means."""
    guide = column_guide_view(table)
    guide.insert(4, "rules", [column_rule(table, c) for c in TABLES[table].columns])
    labels = {**columns(list(guide.columns)), "rules": t("column_rules")}
    height = (len(guide) + 1) * 35 + 3  # every column of the template in view, no scrolling inside the guide
    st.dataframe(guide, hide_index=True, placeholder=NO_VALUE, width="stretch", height=height, column_config=labels)


def is_date(column: str) -> bool:
    return column.endswith("_on") or column.startswith("planned_")


def in_calendar(column: str, value: object) -> object:
    """A value of `column` in the page's calendar: in Thai a year + 543 and a date as the pages write dates (values
    read from files or the change log may be text: '2023', '2023.0', '2024-03-01'); anything else as it is."""
    if lang() != "th" or value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
        return value
    if column in CE_YEARS:
        return str(int(float(str(value))) + 543)
    if is_date(column) or isinstance(value, pd.Timestamp):
        return date_label(pd.Timestamp(str(value)))
    return value


def preview_view(frame: pd.DataFrame) -> None:
    """The first rows after conversion, years and dates in the UI's calendar (BE in Thai, as on every page)."""
    preview = frame.head(20).reset_index()  # the index is the Excel row
    preview = preview.rename(columns={preview.columns[0]: "row"})
    if lang() == "th":
        for column in preview.columns:
            if column in CE_YEARS or is_date(column) or pd.api.types.is_datetime64_any_dtype(preview[column]):
                preview[column] = preview[column].map(lambda value, column=column: in_calendar(column, value))
    st.caption(t("preview_calendar"))
    st.dataframe(preview, hide_index=True, placeholder=NO_VALUE, width="stretch", column_config=columns(list(preview.columns)))


def example_notice(report: LoadReport) -> None:
    if report.example:
        st.info(t("example_as_demo"), icon=":material/science:")


def loaded_view(result: LoadReport, version: str) -> None:
    """What the load did: rows added, changed, back as they were, and rows of the earlier file this one lacks."""
    st.success(t("loaded", batch=result.batch_id, inserted=result.inserted, replaced=result.replaced), icon=":material/check_circle:")
    if result.example:
        st.info(t("loaded_as_demo"), icon=":material/science:")
    assert result.batch_id is not None
    diff = batch_diff(version, result.batch_id)
    if diff is None or not diff.replaced:
        return
    summary = t("reupload_summary", added=diff.added, changed=diff.changed, same=diff.unchanged, missing=diff.not_in_file)
    st.info(summary, icon=":material/difference:")
    if diff.not_in_file:
        st.caption(t("reupload_missing_help"))
    changes = batch_changes(version, result.batch_id)
    if changes.empty:
        return
    whole = r"^(-?\d+)\.0$"  # a number stored as a double reads as written: 18500000, not 18500000.0
    shown = changes.assign(
        change=changes["change"].map(lambda c: t(f"change_{c}")),
        before=changes["before"].str.replace(whole, r"\1", regex=True),
        after=changes["after"].str.replace(whole, r"\1", regex=True),
    )
    for side in ("before", "after"):  # the changed column's values in the page's calendar (BE in Thai)
        shown[side] = [in_calendar(str(column), value) for column, value in zip(shown["column_name"], shown[side], strict=True)]
    for column in [c for c in shown.columns if c in CE_YEARS or is_date(c)]:  # the rows' keys too
        shown[column] = shown[column].map(lambda value, column=column: in_calendar(column, value))
    if len(shown) >= CHANGES_SHOWN:
        st.caption(t("changes_cut", n=CHANGES_SHOWN))
    st.dataframe(shown.head(200), hide_index=True, placeholder=NO_VALUE, width="stretch", column_config=columns(list(shown.columns)))
    table_downloads(shown, f"changes_batch_{result.batch_id}", as_of_stamp(version), key=f"changes_{result.batch_id}")
