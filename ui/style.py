"""The app's stylesheet: the result fragments' rules, a print layout for A4, and small fixes for Thai."""

from __future__ import annotations

import json

import streamlit as st

from present.charts import CSS as CHARTS
from present.fragments import CSS as FRAGMENTS
from ui.i18n import t

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
  [data-testid="stPlotlyChart"], .eit-chart, .eit-cards, .eit-card { break-inside: avoid; }
}
"""


def uploader_words(button: str, limits: str) -> str:
    """Streamlit's file uploader has no setting for its own words ("Upload", "50MB per file • CSV, TXT"):
    hide them (visibility, so they leave the page's text too) and draw ours in the UI language."""
    button, limits = (json.dumps(w, ensure_ascii=False) for w in (button, limits))  # a CSS string, quotes and backslashes escaped
    return f"""
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p,
[data-testid="stFileUploaderDropzoneInstructions"] span {{ visibility: hidden; font-size: 0; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
  content: {button}; visibility: visible; font-size: 0.875rem; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: {limits}; visibility: visible; font-size: 0.875rem; }}
"""


def skip_link_words(words: str) -> str:
    """The keyboard's "Skip to main content" link (shown when focused) in the UI language."""
    return f"""
[data-testid="stSkipToContent"] {{ font-size: 0; }}
[data-testid="stSkipToContent"]::after {{ content: {json.dumps(words, ensure_ascii=False)}; font-size: 1rem; }}
"""


def apply_style() -> None:
    """Once per run: a style-only st.html takes no room on the page."""
    limits = t("upload_limits", mb=st.get_option("server.maxUploadSize"))
    st.html(f"<style>{FRAGMENTS}{CHARTS}{PAGE}{uploader_words(t('choose_file'), limits)}{skip_link_words(t('skip_to_content'))}</style>")
