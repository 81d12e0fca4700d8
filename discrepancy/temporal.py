"""Can two date/time values describe the same time? Precision- and zone-aware comparison.

A `When` keeps only what the text said, so comparing two values means comparing the sets
of instants each could denote:

* `span` gives the UTC interval a value can denote. A calendar day whose zone is unknown is
  widened by the range of zone offsets in use (UTC-12 .. UTC+14), so an instant stated in
  one zone and a day stated in another compare fairly; a part of day narrows the local day
  first; a month or a year spans the whole month or year.
* `compatible` compares two values without zones on one wall calendar ("3 January" and
  "4 January" differ) and widens only the unzoned side when one has a zone.
* `compatible` is False when the two cannot describe the same time (their spans are
  disjoint, or their weekdays, months or days differ), True when they can, None when
  nothing decides it (a relative expression with nothing to place it).

>>> compatible(When(month=5), When(month=5, day=5))
True
>>> compatible(When(2020, 1, 3), When(2020, 1, 5))
False
>>> strike = When(2020, 1, 7, hour=17, minute=30, zone="EST", utc_offset=-300)
>>> compatible(strike, When(2020, 1, 8, weekday=2, part="early hours"))
True
>>> compatible(When(weekday=0), When(weekday=2))
False
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt

import regex

from .facts import When

UTC = dt.UTC
# Offsets in use run from UTC-12 to UTC+14: a local day with unknown zone starts somewhere
# between 14 hours before and 12 hours after the same wall-clock time in UTC.
EARLIEST_OFFSET = dt.timedelta(hours=-12)
LATEST_OFFSET = dt.timedelta(hours=14)

# Local hour windows of parts of day, as in data/calendar.toml (kept here so the comparator
# does not depend on the extractor's tables; the names are the `When.part` values).
PARTS: dict[str, tuple[int, int]] = {
    "early hours": (0, 6),
    "early": (0, 9),
    "morning": (5, 12),
    "early morning": (3, 9),
    "late morning": (9, 12),
    "midday": (11, 14),
    "afternoon": (12, 18),
    "late afternoon": (15, 19),
    "evening": (17, 24),
    "early evening": (17, 20),
    "night": (18, 24),
    "late night": (21, 24),
    "late": (15, 24),
    "overnight": (0, 6),
}

_RANGE = regex.compile(r"\((\d{4}-\d{2}-\d{2})/(\d{4}-\d{2}-\d{2})\)\s*$")


def _plus(t: dt.datetime, delta: dt.timedelta) -> dt.datetime:
    """``t + delta`` clamped to the datetimes Python can represent (years 1..9999).

    >>> _plus(dt.datetime(9999, 12, 31), dt.timedelta(days=1)) == dt.datetime.max
    True
    """
    try:
        return t + delta
    except OverflowError:
        return dt.datetime.max if delta > dt.timedelta(0) else dt.datetime.min


# First month and length in months of the periods `When.period` names within a year.
PERIODS: dict[str, tuple[int, int]] = {
    "Q1": (1, 3), "Q2": (4, 3), "Q3": (7, 3), "Q4": (10, 3), "H1": (1, 6), "H2": (7, 6),
    "SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3),
}  # fmt: skip


def _period_window(year: int, period: str) -> tuple[dt.datetime, dt.datetime] | None:
    """Naive local start/end of a quarter, half, season, decade or century of ``year``.

    >>> [t.date().isoformat() for t in _period_window(1989, "Q3")]
    ['1989-07-01', '1989-10-01']
    >>> [t.year for t in _period_window(1990, "decade")], _period_window(1990, "PAST_REF")
    ([1990, 2000], None)
    """
    years = {"decade": 10, "century": 100}.get(period)
    if years is not None:
        lo, hi = max(year, dt.MINYEAR), min(year + years, dt.MAXYEAR)
        if lo > dt.MAXYEAR or hi <= lo:
            return None
        end = dt.datetime(hi, 1, 1) if year + years <= dt.MAXYEAR else dt.datetime.max
        return dt.datetime(lo, 1, 1), end
    if period not in PERIODS or not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    first, months = PERIODS[period]
    k = year * 12 + first - 1 + months
    start = dt.datetime(year, first, 1)
    if k // 12 > dt.MAXYEAR:
        return start, dt.datetime.max
    return start, dt.datetime(k // 12, k % 12 + 1, 1)


def _local_window(w: When) -> tuple[dt.datetime, dt.datetime] | None:
    """Naive local start/end of what ``w`` names on the calendar, or None."""
    if w.relative:
        m = _RANGE.search(w.relative)
        if m:
            first, last = dt.date.fromisoformat(m.group(1)), dt.date.fromisoformat(m.group(2))
            return (
                dt.datetime.combine(first, dt.time()),
                _plus(dt.datetime.combine(last, dt.time()), dt.timedelta(days=1)),
            )
    if w.year is None:
        return None
    if w.period is not None and w.month is None:
        return _period_window(w.year, w.period)
    if w.month is None:
        if not dt.MINYEAR <= w.year <= dt.MAXYEAR:
            return None
        return dt.datetime(w.year, 1, 1), _plus(dt.datetime(w.year, 12, 31), dt.timedelta(days=1))
    if w.day is None:
        if not dt.MINYEAR <= w.year <= dt.MAXYEAR or not 1 <= w.month <= 12:
            return None
        days = _calendar.monthrange(w.year, w.month)[1]
        start = dt.datetime(w.year, w.month, 1)
        return start, _plus(start, dt.timedelta(days=days))
    d = w.date
    if d is None:
        return None
    start = dt.datetime.combine(d, dt.time())
    if w.hour is not None:
        t = _plus(start, dt.timedelta(hours=w.hour, minutes=w.minute or 0))
        return t, t
    if w.part in PARTS:
        lo, hi = PARTS[w.part]
        return _plus(start, dt.timedelta(hours=lo)), _plus(start, dt.timedelta(hours=hi))
    return start, _plus(start, dt.timedelta(days=1))


def span(w: When) -> tuple[dt.datetime, dt.datetime] | None:
    """The UTC interval ``w`` can denote, or None when it has no absolute placement.

    >>> s = span(When(2020, 1, 7, hour=17, minute=30, utc_offset=-300))
    >>> s[0].isoformat(), s[0] == s[1]
    ('2020-01-07T22:30:00+00:00', True)
    >>> [t.isoformat() for t in span(When(2020, 1, 8))]
    ['2020-01-07T10:00:00+00:00', '2020-01-09T12:00:00+00:00']
    >>> [t.isoformat() for t in span(When(2020, 1, 8, part="early hours"))]
    ['2020-01-07T10:00:00+00:00', '2020-01-08T18:00:00+00:00']
    >>> [t.isoformat() for t in span(When(2020, 1, 8, utc_offset=0))]
    ['2020-01-08T00:00:00+00:00', '2020-01-09T00:00:00+00:00']
    >>> span(When(weekday=4)) is None, span(When(month=1, day=3)) is None
    (True, True)
    >>> span(When(relative="last week (2019-12-30/2020-01-05)"))[0].date().isoformat()
    '2019-12-29'
    """
    window = _local_window(w)
    if window is None:
        return None
    start, end = window
    if w.utc_offset is not None:
        off = dt.timedelta(minutes=w.utc_offset)
        return _plus(start, -off).replace(tzinfo=UTC), _plus(end, -off).replace(tzinfo=UTC)
    return _plus(start, -LATEST_OFFSET).replace(tzinfo=UTC), _plus(end, -EARLIEST_OFFSET).replace(tzinfo=UTC)


def _weekdays_of(w: When) -> set[int] | None:
    """Local weekdays ``w`` can fall on (an instant: any zone's), or None if unknown."""
    if w.weekday is not None:
        return {w.weekday}
    inst = w.instant
    if inst is not None:
        naive = inst.replace(tzinfo=None)
        return {_plus(naive, EARLIEST_OFFSET).weekday(), _plus(naive, LATEST_OFFSET).weekday()}
    d = w.date
    return {d.weekday()} if d is not None else None


def compatible(a: When, b: When) -> bool | None:
    """Can ``a`` and ``b`` describe the same time? None when undecidable.

    >>> compatible(When(2020, 5), When(2020, 5, 5))
    True
    >>> compatible(When(weekday=4), When(2020, 1, 3))
    True
    >>> compatible(When(weekday=6), When(2020, 1, 3))
    False
    >>> compatible(When(month=1, day=3), When(month=1, day=5))
    False
    >>> compatible(When(month=1, day=3), When(2020, 1, 3))
    True
    >>> compatible(When(weekday=2), When(2020, 1, 7, hour=22, minute=30, utc_offset=0))
    True
    >>> compatible(When(relative="a day after"), When(2020, 1, 3)) is None
    True
    >>> compatible(When(2020, 1, 8, hour=10, minute=0, utc_offset=0), When(2020, 1, 8, hour=11, utc_offset=0))
    False
    """
    if a.utc_offset is None and b.utc_offset is None:
        # Neither is placed in a zone: read both as the same wall calendar, so "3 January" and
        # "4 January" differ (widening both would let any neighbouring days overlap).
        la, lb = _local_window(a), _local_window(b)
        sa = (la[0].replace(tzinfo=UTC), la[1].replace(tzinfo=UTC)) if la else None
        sb = (lb[0].replace(tzinfo=UTC), lb[1].replace(tzinfo=UTC)) if lb else None
    else:
        sa, sb = span(a), span(b)
    if sa is not None and sb is not None:
        if (
            sa[1] < sb[0]
            or sb[1] < sa[0]
            or (sa[0] != sa[1] and sb[0] != sb[1] and (sa[1] == sb[0] or sb[1] == sa[0]))
        ):
            return False  # disjoint; windows that only touch at midnight are different days
        wa, wb = _weekdays_of(a), _weekdays_of(b)
        if (
            wa is not None
            and wb is not None
            and a.weekday is not None
            and b.weekday is not None
            and not wa & wb
        ):
            return False
        return True
    decided = False
    wa, wb = _weekdays_of(a), _weekdays_of(b)
    if wa is not None and wb is not None:
        if not wa & wb:
            return False
        decided = True
    for field in ("year", "month", "day"):
        va, vb = getattr(a, field), getattr(b, field)
        if va is not None and vb is not None:
            if va != vb:
                return False
            decided = True
    if (
        a.hour is not None
        and b.hour is not None
        and a.utc_offset is None
        and b.utc_offset is None
        and (a.zone or "") == (b.zone or "")
        and a.date == b.date
    ):
        if (a.hour, a.minute or 0) != (b.hour, b.minute or 0):
            return False
        decided = True
    return True if decided else None


# TIMEX3 suffixes of the parts of a day; parts with no TIMEX3 name keep the day alone.
_TIMEX_PARTS = {
    "morning": "MO",
    "early morning": "MO",
    "late morning": "MO",
    "afternoon": "AF",
    "late afternoon": "AF",
    "midday": "MI",
    "evening": "EV",
    "early evening": "EV",
    "night": "NI",
    "late night": "NI",
    "overnight": "NI",
}


def timex(w: When) -> str | None:
    """The TIMEX3 value (ISO 8601 with TimeML's extensions) of ``w``, at its precision.

    None when ``w`` has no calendar placement (a weekday or a relative expression not
    resolved, a month of an unknown year).

    >>> [timex(x) for x in (When(2020, 1, 3), When(2020, 1), When(2020), When(weekday=4))]
    ['2020-01-03', '2020-01', '2020', None]
    >>> timex(When(2020, 1, 3, part="night")), timex(When(2020, 1, 7, hour=17, minute=30, utc_offset=-300))
    ('2020-01-03TNI', '2020-01-07T17:30')
    >>> timex(When(relative="last week (2019-12-30/2020-01-05)"))
    '2020-W01'
    >>> timex(When(1989, period="Q3")), timex(When(1990, period="decade")), timex(When(period="FUTURE_REF"))
    ('1989-Q3', '199', 'FUTURE_REF')
    """
    if w.relative:
        m = _RANGE.search(w.relative)
        if m:
            first, last = dt.date.fromisoformat(m.group(1)), dt.date.fromisoformat(m.group(2))
            iso = first.isocalendar()
            if first.weekday() == 0 and (last - first).days == 6:
                return f"{iso.year:04d}-W{iso.week:02d}"
            if first.weekday() == 5 and (last - first).days == 1:
                return f"{iso.year:04d}-W{iso.week:02d}-WE"
            return None
    if w.period is not None and w.month is None:
        if w.year is None:
            return w.period if w.period.endswith("_REF") else None
        if w.period == "decade":
            return f"{w.year // 10:03d}"
        if w.period == "century":
            return f"{w.year // 100:02d}"
        return f"{w.year:04d}-{w.period}"
    if w.year is None:
        return None
    if w.month is None:
        return f"{w.year:04d}"
    if w.day is None:
        return f"{w.year:04d}-{w.month:02d}"
    if w.date is None:
        return None
    day = f"{w.year:04d}-{w.month:02d}-{w.day:02d}"
    if w.hour is not None:
        return f"{day}T{w.hour:02d}:{(w.minute or 0):02d}"
    if w.part in _TIMEX_PARTS:
        return f"{day}T{_TIMEX_PARTS[w.part]}"
    return day
