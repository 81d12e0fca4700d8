"""Periods, vague references, anaphora and tense: what news writes beyond calendar dates.

Every case is read against a dateline of Thursday 6 May 1999 and checked as the TIMEX3 value
`discrepancy.temporal.timex` writes (the normalizer `benchmarks.timeml` scores).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discrepancy import temporal
from discrepancy.document import Document
from discrepancy.extractors.dates import extract
from discrepancy.facts import When
from discrepancy.settings import Settings

DATELINE = When(1999, 5, 6)


def timexes(text: str, published: When | None = DATELINE) -> list[tuple[str, str | None]]:
    doc = Document(id="t", text=text, published=published)
    return [(f.surface, temporal.timex(f.value)) for f in extract(doc, Settings())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Profit rose in the third quarter.", [("the third quarter", "1998-Q3")], id="quarter-past"
        ),
        pytest.param("Third-quarter net fell.", [("Third-quarter", "1998-Q3")], id="quarter-adjective"),
        pytest.param(
            "Sales in the first quarter rose.", [("the first quarter", "1999-Q1")], id="quarter-this-year"
        ),
        pytest.param(
            "Profit in the latest quarter rose.", [("the latest quarter", "1999-Q1")], id="latest-quarter"
        ),
        pytest.param(
            "It beat the year-ago quarter.", [("the year-ago quarter", "1998-Q1")], id="year-ago-quarter"
        ),
        pytest.param(
            "Profit in the latest period rose.", [("the latest period", "1999-Q1")], id="latest-period"
        ),
        pytest.param(
            "Profit in the third quarter beat year-earlier levels.",
            [("the third quarter", "1998-Q3"), ("year-earlier", "1997-Q3")],
            id="year-earlier-adjective",
        ),
        pytest.param(
            "In the first half of 1998 it rose.", [("the first half of 1998", "1998-H1")], id="half-of-year"
        ),
        pytest.param(
            "The 1988 second quarter was weak.", [("The 1988 second quarter", "1988-Q2")], id="year-quarter"
        ),
        pytest.param("It fell last fall.", [("last fall", "1998-FA")], id="last-fall"),
        pytest.param("It opens this summer.", [("this summer", "1999-SU")], id="this-summer"),
        pytest.param(
            "In the winter of 1994 it froze.", [("the winter of 1994", "1994-WI")], id="winter-of-year"
        ),
        pytest.param("Prices rose in the 1990s.", [("the 1990s", "199")], id="decade"),
        pytest.param("It was big in the late '80s.", [("the late '80s", "198")], id="decade-apostrophe"),
        pytest.param("Since the nineties it grew.", [("the nineties", "199")], id="decade-word"),
        pytest.param("In the 20th century it grew.", [("the 20th century", "19")], id="century"),
        pytest.param("Results for fiscal 1989 are due.", [("fiscal 1989", "1989")], id="fiscal-year"),
        pytest.param("In nineteen ninety-six it rose.", [("nineteen ninety-six", "1996")], id="spoken-year"),
        pytest.param("Sales rose in 1990 and fell.", [("1990", "1990")], id="year-alone"),
        pytest.param("Prices are high now.", [("now", "PRESENT_REF")], id="now"),
        pytest.param("It is currently closed.", [("currently", "PRESENT_REF")], id="currently"),
        pytest.param("It was sold recently.", [("recently", "PAST_REF")], id="recently"),
        pytest.param("That is in the past.", [("the past", "PAST_REF")], id="the-past"),
        pytest.param(
            "It may rise in the near future.", [("the near future", "FUTURE_REF")], id="near-future"
        ),
        pytest.param("It fell a decade ago.", [("a decade ago", "1989-05-06")], id="decade-ago"),
    ],
)
def test_period_values(text: str, expected: list[tuple[str, str]]) -> None:
    assert timexes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The talks were held on Oct. 23, 1998. The next day they ended.",
            [("Oct. 23, 1998", "1998-10-23"), ("The next day", "1998-10-24")],
            id="the-next-day",
        ),
        pytest.param(
            "It opened on Oct. 23, 1998. Later that day it closed.",
            [("Oct. 23, 1998", "1998-10-23"), ("Later that day", "1998-10-23")],
            id="later-that-day",
        ),
        pytest.param(
            "It opened in 1994. The following year it closed.",
            [("1994", "1994"), ("The following year", "1995")],
            id="the-following-year",
        ),
        pytest.param(
            "Profit rose in the third quarter, from $2 a year earlier.",
            [("the third quarter", "1998-Q3"), ("a year earlier", "1997-Q3")],
            id="year-earlier-keeps-quarter",
        ),
        pytest.param(
            "It opened on Oct. 23, 1998, and closed ten days before.",
            [("Oct. 23, 1998", "1998-10-23"), ("ten days before", "1998-10-13")],
            id="offset-ending-its-clause",
        ),
        pytest.param(
            "It opened on Oct. 23, 1998, a day after the attack.",
            [("Oct. 23, 1998", "1998-10-23"), ("a day after", None)],
            id="offset-from-an-event",
        ),
    ],
)
def test_anaphora_count_from_the_last_date(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert timexes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Slepian was shot on Oct. 23.", "1998-10-23", id="past-verb-puts-date-before"),
        pytest.param("The summit is on Oct. 23.", "1999-10-23", id="no-cue-nearest"),
        pytest.param("He was told he must leave by Oct. 23.", "1999-10-23", id="deadline-looks-ahead"),
        pytest.param("He was hurt in November.", "1998-11", id="past-verb-month"),
        pytest.param("They will meet on Friday.", "1999-05-07", id="future-weekday"),
        pytest.param("They met on Friday.", "1999-04-30", id="past-weekday"),
        pytest.param("He could come as early as Tuesday.", "1999-05-11", id="as-early-as"),
        pytest.param("The vote was postponed until Tuesday.", "1999-05-11", id="postponed-until"),
    ],
)
def test_tense_decides_direction(text: str, expected: str) -> None:
    assert [v for _, v in timexes(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The past two months were hard.", id="duration-after-the-past"),
        pytest.param("It lasted three years.", id="duration"),
        pytest.param("A quarter of the vote went to him.", id="fraction-quarter"),
        pytest.param("Prices fall in the market.", id="fall-verb"),
        pytest.param("In recent days it rained.", id="recent-days-duration"),
        pytest.param("Now, he says, it is over.", id="discourse-now"),
        pytest.param("It was a period of calm.", id="period-noun"),
    ],
)
def test_not_periods(text: str) -> None:
    assert timexes(text) == []


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(When(1989, period="Q3"), When(1989, 8, 12), True, id="day-inside-quarter"),
        pytest.param(When(1989, period="Q3"), When(1989, 11, 2), False, id="day-after-quarter"),
        pytest.param(When(1990, period="decade"), When(1994), True, id="year-inside-decade"),
        pytest.param(When(1998, period="WI"), When(1999, 1, 15), True, id="winter-into-next-year"),
        pytest.param(When(period="PRESENT_REF"), When(1999, 5, 6), None, id="vague-never-conflicts"),
    ],
)
def test_precision_in_comparison(a: When, b: When, expected: bool | None) -> None:
    assert temporal.compatible(a, b) is expected


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "the",
                "third",
                "quarter",
                "last",
                "fall",
                "now",
                "1990s",
                "'80s",
                "that",
                "day",
                "next",
                "year",
                "a",
                "earlier",
                "fiscal",
                "1989",
                "nineteen",
                "ninety-six",
                "recently",
                "past",
                "ten",
                "days",
                "before",
                ".",
                ",",
                "Oct.",
                "23",
                "was",
                "will",
            ]
        ),
        max_size=40,
    )
)
def test_reading_never_raises_and_spans_hold(words: list[str]) -> None:
    text = " ".join(words)
    doc = Document(id="t", text=text, published=DATELINE)
    for f in extract(doc, Settings()):
        assert text[f.start : f.end] == f.surface
        temporal.timex(f.value)
