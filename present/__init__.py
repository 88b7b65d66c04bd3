"""Presentation shared by the dashboard's pages, the meeting pack and the town's public site.

`words` holds every Thai/English word and the number, year and date formats; `fragments` the HTML of results;
`charts` the server-drawn SVG charts; `tables` the rows behind a number as people read them; `report` the
meeting pack (PDF and workbook); `site` and `site_words` the static public site written by
`python -m metrics publish`. Templates (Jinja2, autoescape on) live in `templates/`. Nothing here imports
Streamlit or writes the database; numbers come from `metrics`, never computed here.
"""
