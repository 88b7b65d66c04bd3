"""Establishment search on hand-made data: each filter alone and combined, with the hits worked out by hand.

F1 (Khao Wong, registered 2015): GI level 1 valid in 2022, eco_product implemented in 2022, a 2022 report.
F2 (Na Phra Lan, 2015): ISO 14001 expired in 2021, logistics only planned in 2022, samples in 2022.
M1 (mine, Na Phra Lan, 2000): nothing. F3 (Khao Wong): closed in 2020.
"""

from __future__ import annotations

import pytest

from lookup.search import Filters, establishments, search
from tests.conftest import ESTABLISHMENTS


@pytest.fixture
def frame(con, load):
    assert load("establishments", ESTABLISHMENTS + "F3,โรงงานสาม,factory,190906,14.69,100.84,no,2010,2020\n").ok
    assert load(
        "certifications",
        "factory_id,scheme,issued_on,level,expires_on\nF1,GI,2021-01-01,1,2024-01-01\nF2,ISO14001,2018-01-01,,2021-06-30\n",
    ).ok
    assert load("practices", "factory_id,year,practice,status\nF1,2022,eco_product,implemented\nF2,2022,logistics,planned\n").ok
    assert load("annual_reports", "factory_id,year,water_use_m3\nF1,2022,10\n").ok
    assert load("effluent_samples", "factory_id,sampled_on,parameter,value,unit\nF2,2022-05-01,BOD,12,mg/L\n").ok
    with con.cursor() as cur:
        return establishments(cur, 2022)


def ids(found) -> list[str]:
    return sorted(found["factory_id"])


@pytest.mark.parametrize(
    "filters,expected",
    [
        (Filters(), ["F1", "F2", "F3", "M1"]),
        (Filters(text="สอง"), ["F2"]),
        (Filters(text="f1"), ["F1"]),  # registration numbers match whatever the case
        (Filters(subdistricts=["191306"]), ["F2", "M1"]),
        (Filters(kinds=["mine"]), ["M1"]),
        (Filters(open_state="closed"), ["F3"]),
        (Filters(open_state="open", kinds=["factory"]), ["F1", "F2"]),
        (Filters(registered=(2005, 2012)), ["F3"]),
        (Filters(schemes=["GI"], gi_levels=[1]), ["F1"]),  # one step from GI level 2
        (Filters(schemes=["ISO14001"]), []),  # expired before 2022
        (Filters(practices=["eco_product"]), ["F1"]),
        (Filters(practices=["logistics"]), []),  # only planned
        (Filters(report="yes"), ["F1"]),
        (Filters(samples="yes", report="no"), ["F2"]),  # sampled effluent but never reported
    ],
)
def test_each_filter_finds_what_a_reader_expects(frame, filters, expected):
    assert ids(search(frame, filters)) == expected


def test_counts_toward_or_against_an_indicator(frame, con):
    from metrics.engine import rows

    with con.cursor() as cur:
        behind = rows(cur, "5.1.1", 2022)
    counted = dict(zip(behind["entity_id"], behind["counted"].astype(bool), strict=True))
    assert ids(search(frame, Filters(indicator="5.1.1", toward="counts"), counted)) == ["F1"]
    assert ids(search(frame, Filters(indicator="5.1.1", toward="does_not_count"), counted)) == ["F2"]  # F3 closed, M1 a mine: not in P
