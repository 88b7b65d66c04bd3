"""The establishment profile's parts: identity cards (open or closed), where it counts, certificates with
their validity in the chosen year, practices by year, and the annual reports in the UI language."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from lookup.profile import Profile
from present.jinja import environment
from present.words import value_label
from ui.i18n import NO_VALUE, columns, date_label, lang, product_unit, reason, t, year_short
from ui.safe import md


def identity_cards(who: dict[str, object], year: int) -> str:
    def year_be(value: object) -> str:
        return year_short(int(value)) if value is not None and not pd.isna(value) else "—"  # type: ignore[call-overload]

    closed, registered = who.get("closed_year"), who.get("registered_year")
    if closed is not None and not pd.isna(closed) and int(closed) <= year:  # type: ignore[call-overload]
        status, tone = t("closed_in", year=year_be(closed)), "eit-fail"
    elif registered is not None and not pd.isna(registered) and int(registered) > year:  # type: ignore[call-overload]
        status, tone = t("not_yet_registered", year=year_be(registered)), "eit-no_data"
    else:
        status, tone = t("operating"), "eit-pass"
    subdistrict = who["subdistrict_th"] if lang() == "th" else who["subdistrict_en"]
    flag = {True: t("yes"), False: "–"}
    cards = [
        {"label": t("status_label"), "value": status, "tone": tone, "note": t("registered_in", year=year_be(registered))},
        {
            "label": t("kind"),
            "value": value_label(who["kind"], lang()),
            "note": f"{t('subdistrict')} {subdistrict} ({who['subdistrict_code']})",
        },
        {"label": t("diw_type"), "value": str(who.get("diw_type") or "—"), "note": f"{t('industry')}: {who.get('industry') or '—'}"},
        {
            "label": t("controlled_factory"),
            "value": flag.get(who.get("controlled_factory"), "—"),  # type: ignore[arg-type]
            "note": f"{t('in_industrial_zone')}: {flag.get(who.get('in_industrial_zone'), '—')}",
        },  # type: ignore[arg-type]
        {"label": t("coordinates"), "value": f"{who.get('lat') or '—'}, {who.get('lon') or '—'}", "note": "WGS84"},
    ]
    return environment("profile").get_template("identity_cards.html").render(cards=cards)


def counts_view(toward: pd.DataFrame) -> None:
    """Where it counts: a static table, so each indicator's name is whole (a data frame cut it at its column)."""
    if toward.empty:
        st.caption(t("none"))
        return
    table = pd.DataFrame(
        {
            t("code"): toward["code"],
            t("indicator"): toward["name_th" if lang() == "th" else "name_en"].map(md),
            t("counted"): toward["counted"].map({True: "✓ " + t("yes"), False: "–"}),
            t("reason"): toward["reason"].map(reason).map(md),
        }
    )
    st.table(table, hide_index=True)


def certificates_view(certs: pd.DataFrame) -> None:
    if certs.empty:
        st.caption(t("none"))
        return
    table = pd.DataFrame(
        {
            "scheme": certs["scheme"].map(lambda s: value_label(s, lang())),
            "level": certs["level"],
            "issued_on": certs["issued_on"].map(date_label),
            "expires_on": certs["expires_on"].map(date_label),
            "valid_in_year": certs["valid_in_year"].map({True: "✓ " + t("valid_yes"), False: "✗ " + t("valid_no")}),
        }
    )
    st.dataframe(table, hide_index=True, placeholder=NO_VALUE, width="stretch", column_config=columns(list(table.columns)))


def scheme_words(p: Profile) -> list[str]:
    """The names of its certificates' schemes and practices, in both languages, for the glossary."""
    codes = [*p.certificates["scheme"].astype(str), *p.practices["practice"].astype(str)]
    return [value_label(c, language) for c in codes for language in ("th", "en")]


def practices_view(practices: pd.DataFrame, closed_year: object = None) -> None:
    """Practices by year; years after the establishment closed are marked † and said so (their figures are shown as
    reported: nothing is recomputed here)."""
    if practices.empty:
        st.caption(t("none"))
        return
    closed = None if closed_year is None or pd.isna(closed_year) else int(closed_year)  # type: ignore[call-overload]
    later = sorted(int(y) for y in practices["year"].unique() if closed is not None and int(y) > closed)
    grid = practices.assign(
        practice=practices["practice"].map(lambda p: value_label(p, lang())),
        status=practices["status"].map(lambda s: value_label(s, lang())),
    ).pivot_table(index="practice", columns="year", values="status", aggfunc="first")
    grid = grid.rename(columns=lambda y: year_short(int(y)) + (" †" if int(y) in later else "")).fillna("")
    grid.index.name = t("practices")
    st.dataframe(grid, width="stretch", placeholder=NO_VALUE)
    if later and closed is not None:
        st.caption(t("practices_after_closure", closed=year_short(closed), years=", ".join(map(year_short, later))))


def reports_view(reports: pd.DataFrame) -> None:
    table = reports.assign(
        year=reports["year"].map(year_short), production_unit=reports["production_unit"].map(lambda u: product_unit([u]))
    )
    config = columns(list(table.columns))
    for column in table.columns:
        if column not in ("year", "production_unit"):
            config[column] = st.column_config.NumberColumn(config.get(column, column), format="localized")
    st.dataframe(table, hide_index=True, placeholder=NO_VALUE, width="stretch", column_config=config)
