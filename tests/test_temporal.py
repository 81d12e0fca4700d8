"""`discrepancy.temporal`: the UTC span a date/time value can denote and whether two can agree."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy.facts import When
from discrepancy.temporal import compatible, span

UTC = dt.UTC
EST_STRIKE = When(2020, 1, 7, hour=17, minute=30, zone="EST", utc_offset=-300)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(When(month=5), When(month=5, day=5), True, id="may-vs-may-5"),
        pytest.param(When(2020, 5), When(2020, 5, 5), True, id="month-contains-day"),
        pytest.param(When(2020), When(2020, 5, 5), True, id="year-contains-day"),
        pytest.param(When(2019), When(2020, 5, 5), False, id="other-year"),
        pytest.param(When(2020, 1, 3), When(2020, 1, 5), False, id="different-days"),
        pytest.param(When(2020, 1, 3), When(2020, 1, 4), False, id="neighbouring-days-same-calendar"),
        pytest.param(When(2020, 1, 3), When(2020, 1, 3, part="early"), True, id="day-vs-part"),
        pytest.param(
            When(2020, 1, 3, part="morning"), When(2020, 1, 3, part="evening"), False, id="parts-differ"
        ),
        pytest.param(
            EST_STRIKE,
            When(2020, 1, 8, weekday=2, part="early hours"),
            True,
            id="est-instant-vs-early-hours-next-day",
        ),
        pytest.param(EST_STRIKE, When(2020, 1, 7), True, id="instant-vs-local-day"),
        pytest.param(EST_STRIKE, When(2020, 1, 10), False, id="instant-vs-far-day"),
        pytest.param(When(weekday=0), When(weekday=2), False, id="weekdays-differ"),
        pytest.param(When(weekday=4), When(weekday=4, part="early"), True, id="same-weekday"),
        pytest.param(When(weekday=4), When(2020, 1, 3), True, id="weekday-matches-date"),
        pytest.param(When(weekday=6), When(2020, 1, 3), False, id="weekday-contradicts-date"),
        pytest.param(When(weekday=2), EST_STRIKE, True, id="weekday-vs-instant-in-some-zone"),
        pytest.param(When(weekday=5), EST_STRIKE, False, id="weekday-far-from-instant"),
        pytest.param(When(month=1, day=3), When(month=1, day=5), False, id="yearless-differ"),
        pytest.param(When(month=1, day=3), When(2020, 1, 3), True, id="yearless-vs-full"),
        pytest.param(
            When(relative="last week (2019-12-30/2020-01-05)"), When(2020, 1, 3), True, id="week-range"
        ),
        pytest.param(
            When(relative="last week (2019-12-30/2020-01-05)"),
            When(2020, 1, 8),
            False,
            id="outside-week-range",
        ),
        pytest.param(When(relative="a day after"), When(2020, 1, 3), None, id="unanchored-relative"),
        pytest.param(When(hour=10), When(hour=11), False, id="clock-times-differ"),
        pytest.param(When(), When(2020, 1, 3), None, id="empty"),
    ],
)
def test_compatible(a, b, expected):
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


def test_span_day_without_zone_is_widened():
    lo, hi = span(When(2020, 1, 8))
    assert lo == dt.datetime(2020, 1, 7, 10, tzinfo=UTC) and hi == dt.datetime(2020, 1, 9, 12, tzinfo=UTC)


def test_span_instant_is_a_point():
    lo, hi = span(EST_STRIKE)
    assert lo == hi == dt.datetime(2020, 1, 7, 22, 30, tzinfo=UTC)


def test_span_part_narrows_the_day():
    lo, hi = span(When(2020, 1, 8, part="early hours", utc_offset=180))
    assert lo == dt.datetime(2020, 1, 7, 21, tzinfo=UTC) and hi == dt.datetime(2020, 1, 8, 3, tzinfo=UTC)


def test_span_none_without_absolute_placement():
    assert span(When(weekday=4)) is None
    assert span(When(month=1, day=3)) is None
    assert span(When(relative="a day after")) is None


def test_span_month_and_year():
    lo, hi = span(When(2020, 2, utc_offset=0))
    assert (lo.date(), hi.date()) == (dt.date(2020, 2, 1), dt.date(2020, 3, 1))


dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 12, 31))


@given(dates)
def test_a_day_is_compatible_with_itself_and_its_month_and_weekday(d):
    day = When(d.year, d.month, d.day)
    assert compatible(day, day) is True
    assert compatible(day, When(d.year, d.month)) is True
    assert compatible(day, When(weekday=d.weekday())) is True
    assert compatible(day, When(weekday=(d.weekday() + 1) % 7)) is False


@given(dates, st.integers(0, 23), st.integers(0, 59), st.sampled_from([-300, 0, 180, 330]))
def test_instant_lies_within_its_local_days_span(d, hour, minute, offset):
    instant = When(d.year, d.month, d.day, hour=hour, minute=minute, utc_offset=offset)
    lo, hi = span(When(d.year, d.month, d.day))
    assert lo <= instant.instant <= hi
    assert compatible(instant, When(d.year, d.month, d.day)) is True


@given(dates, dates)
def test_distinct_days_without_zones_conflict(a, b):
    result = compatible(When(a.year, a.month, a.day), When(b.year, b.month, b.day))
    assert result is (a == b)
