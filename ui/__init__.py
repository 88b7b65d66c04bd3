"""Streamlit-only helpers: connection and caches, sidebar filters, i18n, charts, shared widgets."""
