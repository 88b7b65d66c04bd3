"""The data-quality page's parts: each list in the UI's language and calendar, with its downloads."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from metrics import quality
from present.words import value_label
from ui.cached import as_of_stamp, catalogue, scorecard, subdistrict_names
from ui.downloads import table_downloads
from ui.i18n import (
    NO_VALUE,
    columns,
    date_label,
    establishment_names,
    lang,
    subdistrict_name,
    t,
    table_label,
    thousands,
    year_short,
)


def _years(frame: pd.DataFrame, *names: str) -> pd.DataFrame:
    """CE years as the UI shows them (BE in Thai), as text so no separator is drawn."""
    shown = frame.copy()
    for name in names:
        shown[name] = shown[name].map(lambda y: NO_VALUE if pd.isna(y) else year_short(int(y)))
    return shown


def _named(frame: pd.DataFrame) -> pd.DataFrame:
    """The establishment's name in the UI's language in place of name_th / name_en."""
    if frame.empty:
        return frame.drop(columns=["name_th", "name_en"])
    named = frame.assign(name=establishment_names(frame))
    at = list(frame.columns).index("name_th")
    ordered = [*frame.columns[:at], "name", *[c for c in frame.columns[at:] if c not in ("name_th", "name_en", "name")]]
    return named[ordered]


def _table(frame: pd.DataFrame, base: str, version: str, empty: str) -> None:
    st.caption(t("quality_rows", n=len(frame)))
    if frame.empty:
        st.success(t(empty), icon=":material/check_circle:")
        return
    labels = {**thousands(frame), **columns(list(frame.columns))}
    st.dataframe(frame, hide_index=True, placeholder=NO_VALUE, width="stretch", column_config=labels)
    table_downloads(frame, base, as_of_stamp(version), key=base)


def coverage_view(version: str, year: int, area: str) -> None:
    st.caption(t("quality_coverage_help"))
    cover = quality.coverage(scorecard(version, year, area), catalogue(version))
    name = "name_th" if lang() == "th" else "name_en"
    shown = cover.drop(columns=[c for c in ("name_th", "name_en") if c != name]).rename(columns={name: "name"})
    shown["share"] = shown["share"].round(1)
    shown["value"] = shown["value"].astype("Float64").round(2)
    _table(shown, f"coverage_{year}_{area}", version, "quality_none")


def missing_view(found: pd.DataFrame, version: str) -> None:
    st.caption(t("quality_missing_help"))
    names = subdistrict_names(version)
    shown = _named(_years(found, "year")).assign(subdistrict_code=found["subdistrict_code"].map(lambda c: subdistrict_name(c, names)))
    _table(shown, "missing_reports", version, "quality_none_missing")


def implausible_view(found: pd.DataFrame, version: str) -> None:
    st.caption(t("quality_implausible_help", far=f"{quality.FAR:g}", jump=f"{quality.JUMP:g}", peers=quality.MIN_PEERS))
    shown = _named(_years(found, "year"))
    shown["check_name"] = shown["check_name"].map(lambda c: t(f"check_{c}"))
    shown["measure"] = shown["measure"].map(lambda m: t(f"measure_{m}"))
    for column in ("value", "compared_with", "ratio"):
        shown[column] = shown[column].round(4 if column != "ratio" else 2)
    _table(shown, "implausible_values", version, "quality_none")


def after_closure_view(found: pd.DataFrame, version: str) -> None:
    st.caption(t("quality_after_closure_help"))
    shown = _named(_years(found, "closed_year", "year"))
    shown["table_name"] = shown["table_name"].map(table_label)
    code = found["detail"].map(lambda c: "" if pd.isna(c) else value_label(c, lang()))
    when = found["detail_date"].map(lambda d: "" if pd.isna(d) else date_label(d))
    shown["detail"] = (code + " " + when).str.strip()
    shown = shown.drop(columns=["detail_date"])
    _table(shown, "after_closure", version, "quality_none")


def certificates_view(found: pd.DataFrame, version: str, year: int) -> None:
    st.info(t("valid_certificate_rule"), icon=":material/rule:")
    counts = quality.certificate_counts(found)
    counts = counts.assign(scheme_name=counts["scheme"].map(lambda c: value_label(c, lang())))
    st.markdown(f"##### {t('quality_certificate_counts', year=year_short(year))}")
    st.dataframe(counts, hide_index=True, placeholder=NO_VALUE, width="stretch", column_config=columns(list(counts.columns)))
    shown = _named(_years(found, "closed_year"))
    for column in ("issued_on", "expires_on"):
        shown[column] = shown[column].map(date_label)
    shown["closed"] = shown["closed"].map({True: t("yes"), False: ""})
    _table(shown, f"valid_certificates_{year}", version, "quality_none")
