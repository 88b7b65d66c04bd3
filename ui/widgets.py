"""Small pieces every page uses: the glossary, empty states, the level history, the effluent samples view."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from present import fragments, words
from ui.charts import effluent_chart, show
from ui.i18n import NO_VALUE, date_label, establishment_names, lang, t
from ui.safe import md


def glossary(texts: list[str] | None = None) -> None:
    """A small "Glossary" button opening the explanations of the schemes and terms in texts (all when None)."""
    terms = words.glossary_terms(texts)
    if not terms:
        return
    with st.popover(t("glossary"), icon=":material/menu_book:"):
        for term in terms:
            name, explanation = words.glossary_entry(term, lang())
            st.markdown(f"**{md(name)}** — {md(explanation)}")


def empty_database() -> None:
    """What to do when there is no data yet: the upload page for those who may use it, whom to ask for the others."""
    from store.accounts import allowed
    from ui.auth import role

    st.info(t("empty_db"), icon=":material/upload_file:")
    if allowed(role(), "analyst"):
        st.page_link("app_pages/upload.py", label=t("page_upload"), icon=":material/upload_file:")
    else:
        st.caption(t("empty_db_ask"))


def level_history_view(history: pd.DataFrame) -> None:
    """The town level over the years, with each level's verdict (an HTML table: no chart library to load)."""
    if history.empty:
        st.caption(t("none"))
        return
    st.html(fragments.level_history_table(history, lang()))


def effluent_samples_view(data: pd.DataFrame, key: str) -> None:
    """ECHO-style effluent view: the chart opens on the parameter with the most exceedances, and a table
    lists every sample with exceedances marked."""
    if data.empty:
        st.caption(t("no_samples"))
        return
    data = data.assign(name=establishment_names(data))
    counts = data.groupby("parameter")["exceeds"].sum().sort_values(ascending=False, kind="stable")
    parameters = list(counts.index)
    words = data.drop_duplicates("parameter").set_index("parameter")["parameter_th" if lang() == "th" else "parameter_en"]
    labels = {p: f"{words[p]} ({p}) · {t('exceedance')} {int(counts[p])}" for p in parameters}
    parameter = st.selectbox(t("parameter"), parameters, format_func=labels.__getitem__, key=f"{key}_{lang()}")
    columns = ["parameter", "sampled_on", "value", "exceeds", "unit", "min_value", "max_value"]
    show(
        effluent_chart(
            data.loc[data["parameter"] == parameter, columns], parameter, lang(), f"{t('samples_vs_limits')}: {labels[parameter]}"
        )
    )
    st.caption(t("exceedances_all", n=f"{int(data['exceeds'].sum()):,}", total=f"{len(data):,}"))
    table = pd.DataFrame(
        {
            t("sampled_on"): data["sampled_on"].map(date_label),
            t("establishment"): data["factory_id"] + " · " + data["name"],
            t("parameter"): data["parameter"].map(words),
            t("value"): data["value"],
            t("unit_column"): data["unit"],
            t("limit"): [limit_text(lo, hi) for lo, hi in zip(data["min_value"], data["max_value"], strict=True)],
            t("exceedance"): data["exceeds"].map({True: "✗ " + t("exceedance"), False: ""}),
        }
    ).sort_values([t("exceedance"), t("sampled_on")], ascending=[False, True], kind="stable")
    st.dataframe(table, hide_index=True, placeholder=NO_VALUE, width="stretch")


def limit_text(low: object, high: object) -> str:
    lo = None if low is None or pd.isna(low) else f"{float(low):,g}"  # type: ignore[arg-type]
    hi = None if high is None or pd.isna(high) else f"{float(high):,g}"  # type: ignore[arg-type]
    if lo and hi:
        return f"{lo} – {hi}"
    return f"≤ {hi}" if hi else (f"≥ {lo}" if lo else "")
