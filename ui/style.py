"""The app's stylesheet: the result fragments' rules, a print layout for A4, and small fixes for Thai."""

from __future__ import annotations

import streamlit as st

from metrics.fragments import CSS as FRAGMENTS

PAGE = """
@media print {
  @page { size: A4 portrait; margin: 12mm; }
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
  [data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
  [data-testid="stDownloadButton"], [data-testid="stButton"], [data-testid="stFileUploader"],
  [data-testid="stElementToolbar"], [data-testid="stExpanderToggleIcon"], iframe { display: none !important; }
  [data-testid="stMain"], [data-testid="stAppViewContainer"] { margin: 0 !important; padding: 0 !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; }
  h1, h2, h3, h4 { break-after: avoid; }
  [data-testid="stPlotlyChart"], .eit-cards, .eit-card { break-inside: avoid; }
}
"""


def apply_style() -> None:
    """Once per run: a style-only st.html takes no room on the page."""
    st.html(f"<style>{FRAGMENTS}{PAGE}</style>")
