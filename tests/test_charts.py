"""The charts drawn on the server (present.charts): what they say, gaps as gaps, and names that stay names."""

from __future__ import annotations

import base64
import html
import re
import xml.etree.ElementTree as ET

import pandas as pd

from present import charts

SVG = "{http://www.w3.org/2000/svg}"


def words(svg: str) -> list[str]:
    """The texts an SVG shows (matplotlib writes text as <text> when it is not drawn as outlines)."""
    return ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]


def trend() -> pd.DataFrame:
    rows = [(2021, "all", 40.0), (2022, "all", None), (2023, "all", 62.5), (2021, "190906", 30.0), (2023, "190906", 70.0)]
    return pd.DataFrame(rows, columns=["year", "area", "value"])


def test_the_trend_writes_each_year_in_be_and_the_towns_values_and_leaves_a_year_without_data_empty():
    names = {"all": "ทั้งสองตำบล", "190906": "เขาวง"}
    svg = charts.trend_svg(trend(), 50, "percent", "th", names)
    shown = words(svg)
    assert {"2564", "2565", "2566"} <= set(shown)  # BE years
    assert "40.0 %" in shown and "62.5 %" in shown  # the town's values beside their points
    assert not any(w.startswith("0.0") for w in shown)  # the year without data is not drawn as 0
    assert {"ทั้งสองตำบล", "เขาวง", "ไม่มีข้อมูล", "เกณฑ์ ≥ 50 %"} <= set(shown)  # the legend, the gap's mark and the criterion
    assert charts.trend_words(trend(), 50, "percent", "th") == "2564: 40.0 %; 2565: ไม่มีข้อมูล; 2566: 62.5 %. เกณฑ์ ≥ 50 %"
    english = words(charts.trend_svg(trend(), 3, "count", "en", {"all": "Town", "190906": "Khao Wong"}, comparator="gt"))
    assert "2022" in english and "Criterion > 3" in english  # CE years in English; a count's criterion as a count


def test_names_in_a_chart_stay_names():
    """Codes and names come from uploaded files: mathtext, markup and entities are shown as typed."""
    hostile = ["$x^2$ & co", '<script>alert("x")</script>', "<img src=http://evil.example/a.png>"]
    rows = pd.DataFrame({"entity_id": hostile, "change_pct": [-5.0, 3.0, 1.0], "counted": [True, False, False]})
    svg = charts.intensity_change_svg(rows, "en")
    root = ET.fromstring(svg)  # well-formed: the names were escaped
    assert not [e for e in root.iter() if e.tag.split("}")[-1] in ("script", "image", "foreignObject")]
    assert set(hostile) <= set(words(svg))
    assert "<script>" not in svg and "evil.example/a.png>" not in svg


def test_a_page_gets_two_drawings_as_images_the_narrow_one_for_phones():
    markup = charts.responsive("<svg>wide</svg>", "<svg>narrow</svg>", 'Trend "7.1.1" <b>')
    images = re.findall(r'<img class="eit-chart-(\w+)" alt="([^"]*)" src="data:image/svg\+xml;base64,([^"]+)">', markup)
    assert [(kind, base64.b64decode(data).decode()) for kind, _, data in images] == [
        ("wide", "<svg>wide</svg>"),
        ("narrow", "<svg>narrow</svg>"),
    ]
    assert html.unescape(images[0][1]) == 'Trend "7.1.1" <b>' and "<b>" not in images[0][1]  # an attribute's text, not markup
    assert "@media (max-width: 640px)" in charts.CSS


def test_an_establishment_without_a_report_for_a_year_shows_a_gap_and_each_figure_titled():
    reports = pd.DataFrame({"year": [2021, 2023], "water_per_unit": [1.5, 1.25], "ghg_tco2e": [12000.0, 9000.0]})
    svg = charts.establishment_svg(reports, {"water_per_unit": "น้ำใช้ (ลบ.ม./ตัน)", "ghg_tco2e": "ก๊าซเรือนกระจก"}, [2021, 2022, 2023], "th")
    shown = words(svg)
    assert {"น้ำใช้ (ลบ.ม./ตัน)", "ก๊าซเรือนกระจก", "2564", "2565", "2566"} <= set(shown)
    assert "12,000" in shown  # thousands separators, never "1.2e4" or "12k"


def test_effluent_samples_are_counted_in_the_legend_against_the_limit():
    samples = pd.DataFrame(
        {
            "parameter": ["BOD"] * 3,
            "sampled_on": pd.to_datetime(["2023-01-10", "2023-03-02", "2023-06-20"]),
            "value": [12.0, 35.0, 18.0],
            "exceeds": [False, True, False],
            "unit": ["mg/L"] * 3,
            "min_value": [None] * 3,
            "max_value": [20.0] * 3,
        }
    )
    shown = words(charts.effluent_svg(samples, "BOD", "th"))
    assert {"อยู่ในเกณฑ์ (2)", "เกินมาตรฐาน (1)", "ค่ามาตรฐาน 20 mg/L", "BOD (mg/L)"} <= set(shown)
    assert "ม.ค. 2566" in shown  # Thai months, BE years
