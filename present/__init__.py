"""Presentation shared by the dashboard's pages, the meeting pack and the town's public site.

The words (Thai and English), number and year formats and the server-drawn SVG charts live in
`metrics.words` and `metrics.charts`; this package holds what turns them into documents for readers
outside the app: Jinja2 templates with autoescape on (Python passes values, never markup) and the static
public site (`present.site`, written by `python -m metrics publish`), which any web server can serve.
"""
