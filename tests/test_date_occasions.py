"""Dates of different occurrences of a repeated procedure, and plans, are not compared.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest

import discrepancy
from discrepancy.extractors.resolve import occasion

PUBLISHED = {"a": "2021-06-10", "b": "2021-06-10"}


def rules(a: str, b: str) -> list[str]:
    """The date rules an audit of two invented reports of one event raises."""
    found = discrepancy.audit({"a": a, "b": b}, published=PUBLISHED)
    return sorted(r for r in found["rule"] if r.startswith("DSC3"))


@pytest.mark.parametrize(
    ("sentence", "date", "expected"),
    [
        pytest.param("The first launch attempt on May 3 failed.", "May 3", "first", id="ordinal-attempt"),
        pytest.param("They chose him in a third round of voting on Friday.", "Friday", "third", id="round"),
        pytest.param("The initial ballot was held Monday.", "Monday", "initial", id="ballot"),
        pytest.param("Crews scrubbed an attempted launch on May 3.", "May 3", "attempt", id="bare-attempt"),
        pytest.param("The probe is slated to lift off on June 9.", "June 9", "plan", id="slated"),
        pytest.param("A launch window that opens at 9 a.m. on June 9.", "9 a.m.", "plan", id="window-that"),
        pytest.param("Live coverage of the flight begins Tuesday.", "Tuesday", "plan", id="coverage"),
        pytest.param("The flight was postponed Saturday.", "Saturday", "postponed", id="postponed"),
        pytest.param("The probe lifted off on June 9.", "June 9", "", id="the-event"),
        pytest.param("The first images arrived on June 9.", "June 9", "", id="ordinal-without-procedure"),
    ],
)
def test_occasion_of_a_date(sentence: str, date: str, expected: str) -> None:
    assert occasion(sentence, sentence.index(date), 0) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(
            "The first launch attempt on June 1, 2021 ended when a valve failed.",
            "The probe was launched on June 9, 2021.",
            [],
            id="attempt-vs-the-event",
        ),
        pytest.param(
            "The first vote was held on Tuesday, June 8, 2021.",
            "Delegates elected her in a third round of voting on Wednesday, June 9, 2021.",
            [],
            id="two-rounds",
        ),
        pytest.param(
            "The probe is slated to launch on June 12, 2021.",
            "The probe was launched on June 9, 2021.",
            [],
            id="plan-vs-the-event",
        ),
        pytest.param(
            "The second launch attempt on June 5, 2021 failed.",
            "A previous launch attempt on June 4, 2021 failed.",
            ["DSC301"],
            id="numbered-vs-unnumbered-attempts-compare",
        ),
        pytest.param(
            "The launch was scrubbed on June 5, 2021.",
            "The launch was scrubbed on June 4, 2021.",
            ["DSC301"],
            id="one-postponement-compares",
        ),
        pytest.param(
            "The launch was scrubbed on June 5, 2021.",
            "The probe was launched on June 9, 2021.",
            [],
            id="postponement-vs-the-event",
        ),
        pytest.param(
            "The probe was launched on June 8, 2021.",
            "The probe was launched on June 9, 2021.",
            ["DSC301"],
            id="the-event-still-compares",
        ),
    ],
)
def test_occasions_in_the_comparison(a: str, b: str, expected: list[str]) -> None:
    assert rules(a, b) == expected


@pytest.mark.parametrize(
    ("earlier", "expected"),
    [
        pytest.param("almost a decade ago", [], id="a-decade-ago"),
        pytest.param("two years ago", [], id="years-ago"),
        pytest.param("on a Friday", ["DSC301"], id="a-weekday-still-compares"),
    ],
)
def test_a_date_counted_back_in_years_is_an_earlier_event(earlier: str, expected: list[str]) -> None:
    a = "A gunman opened fire at the school on Tuesday."
    b = f"It was the deadliest since a gunman opened fire at another school {earlier}."
    # Only b is dated: a's "Tuesday" stays a weekday, b's earlier event gets a full date.
    found = discrepancy.audit({"a": a, "b": b}, published={"b": "2022-05-25"})
    assert sorted(r for r in found["rule"] if r.startswith("DSC3")) == expected


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        pytest.param("HARBOURTON (Wire - 09th March, 2021) The ferry sank on Sunday.", ["Sunday"], id="wire"),
        pytest.param("The ferry sank (on 7 March, 2021) near Harbourton.", ["7 March, 2021"], id="mid-line"),
    ],
)
def test_the_date_of_a_wire_dateline_is_not_an_event_date(text: str, dates: list[str]) -> None:
    found = discrepancy.extract({"a": text})
    assert list(found[found["kind"] == "date"]["text"]) == dates


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        pytest.param("A 6.2-magnitude earthquake", [], id="another-size-another-quake"),
        pytest.param("A 4.9-magnitude earthquake", ["DSC301"], id="one-size-rounded"),
        pytest.param("An earthquake", ["DSC301"], id="no-size-still-compares"),
    ],
)
def test_quakes_of_different_magnitudes_are_two_events(other: str, expected: list[str]) -> None:
    a = "A 4.8-magnitude earthquake struck the town on Friday, August 26, 2016."
    b = f"{other} struck the town on Wednesday, August 24, 2016."
    found = discrepancy.audit({"a": a, "b": b})
    assert sorted(r for r in found["rule"] if r.startswith("DSC3")) == expected


@pytest.mark.parametrize(
    ("weekday", "expected"),
    [
        pytest.param("Friday", [], id="the-day-after-a-late-night"),
        pytest.param("Sunday", ["DSC301"], id="three-days-off"),
    ],
)
def test_a_weekday_against_a_late_night_the_day_before(weekday: str, expected: list[str]) -> None:
    # Only b is dated (a Friday): its "yesterday night" is Thursday night; a's weekday stays one.
    a = f"An earthquake struck the region on {weekday}."
    b = "An earthquake struck the region late yesterday night."
    found = discrepancy.audit({"a": a, "b": b}, published={"b": "2023-09-08"})
    assert sorted(r for r in found["rule"] if r.startswith("DSC3")) == expected


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        pytest.param("They will bury the victims on Tuesday, August 30, 2016.", [], id="future-is-a-plan"),
        pytest.param("They buried the victims on Tuesday, August 30, 2016.", ["DSC301"], id="past-compares"),
    ],
)
def test_a_date_in_the_future_tense_is_a_plan(other: str, expected: list[str]) -> None:
    a = "Mourners attended the funeral on Saturday, August 27, 2016."
    found = discrepancy.audit({"a": a, "b": other})
    assert sorted(r for r in found["rule"] if r.startswith("DSC3")) == expected


@pytest.mark.parametrize(
    ("a", "expected"),
    [
        pytest.param(
            "The search for the missing after a bridge collapsed in Harbourton ended overnight into Sunday.",
            [],
            id="event-word-in-a-subordinate-clause",
        ),
        pytest.param("A bridge collapsed in Harbourton on Sunday.", ["DSC301"], id="own-event-word"),
    ],
)
def test_an_event_word_of_a_subordinate_clause_is_not_the_date_s(a: str, expected: list[str]) -> None:
    b = "A bridge collapsed in Harbourton on Tuesday."
    found = discrepancy.audit({"a": a, "b": b}, published={"a": "2018-08-19", "b": "2018-08-15"})
    assert sorted(r for r in found["rule"] if r.startswith("DSC3")) == expected
