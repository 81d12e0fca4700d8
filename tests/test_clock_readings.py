"""Clock times read as intervals and zones named by a city; spelled-out counts before months.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import discrepancy
from discrepancy import tables, zones
from discrepancy.compare_rules.dates import _hedges_meet
from discrepancy.extractors.timeexpr import find_mentions
from discrepancy.facts import When

PUBLISHED = {"a": "2013-03-13", "b": "2013-03-13"}


def rules(a: str, b: str) -> list[str]:
    """The date rules an audit of two invented reports of one event raises."""
    found = discrepancy.audit({"a": a, "b": b}, published=PUBLISHED)
    return sorted(r for r in found["rule"] if r.startswith("DSC3"))


# ----------------------------------------------------------------- spelled-out counts


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        pytest.param("It was one of four June test flights.", [], id="counted-and-plural"),
        pytest.param("Voters faced two March referendums.", [], id="plural-after-month"),
        pytest.param("All three October storms hit the coast.", [], id="after-a-determiner"),
        pytest.param("The show opened on 3 November.", ["3 November"], id="digits-stay"),
        pytest.param("It closed on the fifth of May.", ["the fifth of May"], id="ordinal-of-stays"),
        pytest.param("On twenty-first June 2019.", ["twenty-first June 2019"], id="ordinal-word-stays"),
        pytest.param("Signed three November 2019, it held.", ["three November 2019"], id="with-a-year-stays"),
    ],
)
def test_spelled_cardinal_before_a_month(text: str, surfaces: list[str]) -> None:
    assert [m.surface for m in find_mentions(text) if m.month is not None] == surfaces


# ----------------------------------------------------------------- hedged clock times


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(
            "The earthquake struck a few minutes past 7 p.m. on Wednesday, March 13, 2013.",
            "The earthquake struck at 7:05 p.m. on Wednesday, March 13, 2013.",
            [],
            id="minutes-past-covers-later",
        ),
        pytest.param(
            "The earthquake struck shortly after 7 p.m. on Wednesday, March 13, 2013.",
            "The earthquake struck at 7:12 p.m. on Wednesday, March 13, 2013.",
            [],
            id="shortly-after",
        ),
        pytest.param(
            "The earthquake struck just before noon on Wednesday, March 13, 2013.",
            "The earthquake struck at 11:50 a.m. on Wednesday, March 13, 2013.",
            [],
            id="just-before-covers-earlier",
        ),
        pytest.param(
            "The earthquake struck shortly after 7 p.m. on Wednesday, March 13, 2013.",
            "The earthquake struck at 6:50 p.m. on Wednesday, March 13, 2013.",
            ["DSC301"],
            id="shortly-after-is-not-before",
        ),
        pytest.param(
            "The earthquake struck at 7 p.m. on Wednesday, March 13, 2013.",
            "The earthquake struck at 7:05 p.m. on Wednesday, March 13, 2013.",
            ["DSC301"],
            id="unhedged-times-differ",
        ),
    ],
)
def test_hedged_clock_times(a: str, b: str, expected: list[str]) -> None:
    assert rules(a, b) == expected


# ----------------------------------------------------------------- a city's clock


@pytest.mark.parametrize(
    ("text", "instant"),
    [
        pytest.param(
            "Left at 2:04 p.m. Boston time on March 13, 2013.", "2013-03-13T18:04:00+00:00", id="summer-time"
        ),
        pytest.param(
            "Left at 2:04 p.m. Boston time on January 9, 2013.", "2013-01-09T19:04:00+00:00", id="winter-time"
        ),
        pytest.param("Left at 7 p.m. Rome time on March 13, 2013.", "2013-03-13T18:00:00+00:00", id="rome"),
        pytest.param("Left at noon New York time on July 4, 2019.", "2019-07-04T16:00:00+00:00", id="noon"),
        pytest.param(
            "Left at 9 a.m. Sydney time on July 4, 2019.", "2019-07-03T23:00:00+00:00", id="south-winter"
        ),
    ],
)
def test_city_time_is_a_zone_on_its_day(text: str, instant: str) -> None:
    assert list(discrepancy.extract({"a": text})["value"]) == [instant]


def test_city_time_and_local_time_are_one_instant() -> None:
    # 2:04 p.m. in Boston (EDT) is 7:04 p.m. in Rome (CET): "around" covers the two minutes.
    a = "The earthquake struck around 2:04 p.m. Boston time on Wednesday, March 13, 2013."
    b = "The earthquake struck at 7:06 p.m. on Wednesday, March 13, 2013."
    assert rules(a, b) == []


def test_every_city_zone_loads() -> None:
    raw = tables.require("city_zones", "cities", dict)
    assert set(zones.cities()) == set(raw)
    assert all(zones.city_offset(f"{c} time") is not None for c in raw)


def test_a_bad_city_zone_is_refused_on_load() -> None:
    assert zones._check_city("atlantis", "Ocean/Atlantis") is not None
    assert zones._check_city("Rome", "Europe/Rome") is not None
    assert zones._check_city("rome", "Europe/Rome") is None


@pytest.mark.parametrize(
    ("opening", "boston", "expected"),
    [
        pytest.param("ROME (Wire) -- ", "1:06 p.m.", ["DSC301"], id="rome-story-an-hour-off"),
        pytest.param("ROME (Wire) -- ", "2:06 p.m.", [], id="rome-story-same-instant"),
        pytest.param("", "1:06 p.m.", [], id="no-dateline-any-zone-may-explain"),
        pytest.param("ATLANTIS (Wire) -- ", "1:06 p.m.", [], id="unlisted-place"),
    ],
)
def test_a_time_in_a_datelined_story_is_local(opening: str, boston: str, expected: list[str]) -> None:
    # 7:06 p.m. in Rome (CET) on 13 March 2013 is 18:06 UTC; 2:06 p.m. in Boston (EDT) too.
    a = f"{opening}The earthquake struck at 7:06 p.m. on Wednesday, March 13, 2013."
    b = f"The earthquake struck at {boston} Boston time on Wednesday, March 13, 2013."
    assert rules(a, b) == expected


_HEDGES = st.sampled_from([(0, 0), (15, 15), (0, 15), (15, 0)])
_TIMES = st.builds(
    When,
    st.just(2013),
    st.just(3),
    st.integers(12, 14),
    hour=st.integers(0, 23),
    minute=st.integers(0, 59),
    utc_offset=st.one_of(st.none(), st.sampled_from([-240, 0, 60])),
)


@given(_TIMES, _HEDGES, _TIMES, _HEDGES)
def test_hedged_times_meet_either_way_round(
    a: When, ha: tuple[int, int], b: When, hb: tuple[int, int]
) -> None:
    assert _hedges_meet(a, ha, b, hb) == _hedges_meet(b, hb, a, ha)
    if a == b:
        assert _hedges_meet(a, ha, b, hb)
