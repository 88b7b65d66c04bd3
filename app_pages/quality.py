"""Data quality, beside the numbers and never changing them: how many establishments each value rests on,
annual reports missing, values worth a second look, rows dated after a closure, and the certificates valid
under the one rule; every list downloadable."""

import streamlit as st

from ui.auth import require
from ui.cached import quality
from ui.i18n import t
from ui.quality import after_closure_view, certificates_view, coverage_view, implausible_view, missing_view
from ui.sidebar import read_page

require("analyst")
year, area, version = read_page("page_quality")
st.caption(t("quality_intro"))
found = quality(version, year)
tabs = st.tabs(
    [
        t("quality_coverage"),
        t("quality_missing", n=len(found["missing_reports"])),
        t("quality_implausible", n=len(found["implausible"])),
        t("quality_after_closure", n=len(found["after_closure"])),
        t("quality_certificates"),
    ]
)
with tabs[0]:
    coverage_view(version, year, area)
with tabs[1]:
    missing_view(found["missing_reports"], version)
with tabs[2]:
    implausible_view(found["implausible"], version)
with tabs[3]:
    after_closure_view(found["after_closure"], version)
with tabs[4]:
    certificates_view(found["valid_certificates"], version, year)
