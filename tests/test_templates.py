"""Templates that escape (issue 29): every fragment template (present/templates/fragments/) rendered with hostile
values from the data (a script tag, an attribute breakout with an onerror handler, Thai text with markup
characters) shows them as text: no element or attribute of theirs reaches the page."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pandas as pd
import pytest
from markupsafe import escape as as_text

from metrics.catalogue import Indicator
from metrics.engine import Result, Scorecard
from metrics.gaps import Candidate
from metrics.readiness import Blocker, LevelPlan
from present import charts, fragments
from present.jinja import TEMPLATES

SCRIPT = "<script>alert(1)</script>"
BREAKOUT = "\"'><img src=x onerror=alert(2)>"
THAI = "โรงงาน <ทดสอบ> & 'คำ' \"อ้าง\""
HOSTILE = (SCRIPT, BREAKOUT, THAI)


class Elements(HTMLParser):
    """Every element and attribute name in a piece of HTML (what a browser would build)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(name for name, _ in attrs)


def indicator(code: str, family: str, unit: str = "percent", entity: str = "factory") -> Indicator:
    return Indicator(code, 1, 1, unit, "ge", 30.0, True, entity, SCRIPT + THAI, BREAKOUT, family=family)


def result(ind: Indicator, status: str = "fail", value: float | None = 20.0) -> Result:
    return Result(ind, 2024, "all", value, 2.0, 10.0, status, gap=1 if status == "fail" else None, coverage=(8, 10))


def card() -> Scorecard:
    share = indicator("13.2.1", "factory_share")
    count = Indicator("1.1.1", 2, 1, "count", "ge", 1.0, False, "project", THAI, SCRIPT, family="infrastructure_eco")
    evidence = Indicator("18.1.1", 3, 1, "percent", "ge", 100.0, True, "item", BREAKOUT, THAI, family="evidence_ready")
    return Scorecard(
        2024, "all", [result(share), result(count, value=0.0), Result(evidence, 2024, "all", None, 0, 0, "no_data", fiscal_year=2567)]
    )


def found() -> list[Candidate]:
    return [
        Candidate("F1", SCRIPT, BREAKOUT, "planned", "ghg_reduction", 1.0),
        Candidate(BREAKOUT, THAI, None, "expired", "CFO", 1.0, dt.date(2023, 6, 30)),
        Candidate("F3", None, None, "closest", SCRIPT, 0.5),
    ]


def items() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "level": [1, 1],
            "indicator_code": ["18.1.1", "18.1.1"],
            "indicator_th": [THAI, THAI],
            "indicator_en": [SCRIPT, SCRIPT],
            "item_no": [1, 2],
            "description_th": [SCRIPT, THAI],
            "description_en": [BREAKOUT, None],
            "responsible": [BREAKOUT, THAI],
            "status": ["missing", "in_progress"],
            "reference": [SCRIPT, None],
        }
    )


def plan() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "activity_id": [BREAKOUT],
            "title_th": [SCRIPT],
            "title_en": [THAI],
            "indicator_code": [BREAKOUT],
            "responsible": [THAI],
            "planned_start": [dt.date(2024, 1, 1)],
            "planned_end": [dt.date(2024, 3, 1)],
            "done_on": [None],
            "progress": ["late"],
            "participants": [3],
            "target_participants": [None],
        }
    )


def rendered(lang: str) -> dict[str, str]:
    """Each fragment template's output, through the functions the pages and the pack call."""
    view = fragments.View(lang, 2024, BREAKOUT)  # a hostile area lands in every link
    sc = card()
    failing = sc.results[0]
    plans = [
        LevelPlan(1, [Blocker(failing, ("practices",))], items(), 2567),
        LevelPlan(2, [Blocker(r, ()) for r in sc.results], items(), 2567),
    ]
    readiness = pd.DataFrame({"level": [1], "ready": [1], "total": [2]})
    history = pd.DataFrame({"year": [2024], "town_level": [1], "level_1": ["pass"], "level_2": ["fail"], "level_3": ["no_data"]})
    return {
        "_macros.html": fragments.badge("fail", lang) + fragments.change_text(failing, sc.results[1], lang),
        "result_cards.html": fragments.result_cards(failing, lang, THAI),
        "scorecard_table.html": fragments.scorecard_table(sc, sc, view),
        "headline.html": fragments.headline(sc, readiness, 2567, lang),
        "level_plan.html": fragments.level_plan(plans, view, candidates={failing.code: found()}),
        "candidates.html": fragments.candidates_list(found(), failing, lang),
        "list_table.html": fragments.plan_table(plan(), lang)
        + fragments.checklist(items(), lang)
        + fragments.level_history_table(history, lang),
        "leave_guard.html": fragments.render("leave_guard.html", n=2, message=SCRIPT + BREAKOUT + THAI),
        "cards.html": fragments.render("cards.html", items=[(SCRIPT, BREAKOUT, THAI)]),
        "chart.html": charts.responsive("<svg/>", "<svg/>", SCRIPT + BREAKOUT + THAI),
    }


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_fragment_template_escapes_hostile_values(lang: str) -> None:
    out = rendered(lang)
    on_disk = {p.name for p in (TEMPLATES / "fragments").glob("*.html")}
    assert on_disk <= set(out), f"render these in this test too: {sorted(on_disk - set(out))}"
    for name, html in out.items():
        if name not in on_disk:
            continue
        if name == "chart.html":  # its own two images, the hostile label only in their alt text
            parsed = Elements()
            parsed.feed(html)
            assert SCRIPT not in html and html.count("<img") == 2 and parsed.tags.count("img") == 2, html
            assert not [a for a in parsed.attributes if a.startswith("on")], html
            continue
        assert SCRIPT not in html and "<img" not in html, name
        if name == "leave_guard.html":  # its value lands in a script as JSON: no tag can close it
            assert "\\u003cscript\\u003e" in html and html.count("</script>") == 1 and html.count("<script>") == 1
            continue
        parsed = Elements()
        parsed.feed(html)
        assert "script" not in parsed.tags and "img" not in parsed.tags, name
        assert not [a for a in parsed.attributes if a.startswith("on")], name
        if name not in ("_macros.html", "headline.html"):  # those two show words and numbers only
            assert any(str(as_text(value)) in html for value in HOSTILE), name  # shown, as text


def test_thai_text_with_markup_characters_reads_as_written() -> None:
    out = rendered("th")
    assert "โรงงาน &lt;ทดสอบ&gt; &amp; &#39;คำ&#39; &#34;อ้าง&#34;" in out["candidates.html"]
    assert "โรงงาน &lt;ทดสอบ&gt;" in out["scorecard_table.html"] and "โรงงาน &lt;ทดสอบ&gt;" in out["list_table.html"]
    links = [part for part in out["scorecard_table.html"].split('href="')[1:]]
    assert links and all("&#34;" not in link.split('"')[0] or "%22" in link for link in links)  # the area is URL-encoded in links


def test_no_escape_call_is_left_in_the_fragments_module() -> None:
    source = (TEMPLATES.parent / "fragments.py").read_text(encoding="utf-8")
    assert "escape(" not in source and "from html import" not in source
