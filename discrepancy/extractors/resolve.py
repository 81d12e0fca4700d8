"""Resolution: the `When` a `Mention` denotes, seen from an anchor day (the dateline).

The rules (news reports the past, so the past reading is the default) are listed in
`discrepancy.extractors.dates`; `has_future_cue` finds the cue ("will", "is scheduled to")
that turns a bare weekday or a yearless date towards the future.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from dataclasses import replace
from functools import cache

import regex

from ..facts import When
from .mention import Mention
from .timetables import calendar, holiday_date

# --------------------------------------------------------------------------------------------
# Resolution against an anchor day

_HALF_YEAR = 183  # days


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def infer_year(anchor: dt.date, month: int, day: int | None, future: bool = False) -> int:
    """The year of a yearless month/day, read from the anchor day.

    >>> infer_year(dt.date(2020, 1, 2), 12, 30)
    2019
    >>> infer_year(dt.date(2016, 11, 7), 1, 12)
    2016
    >>> infer_year(dt.date(2019, 11, 20), 1, 10, future=True)
    2020
    >>> infer_year(dt.date(2017, 3, 22), 2, 29)
    2016
    """
    year = anchor.year
    d = _safe_date(year, month, day or 1)
    if d is not None:
        if not future and d > plus_days(anchor, _HALF_YEAR):
            year -= 1
        elif future and d < plus_days(anchor, -_HALF_YEAR):
            year += 1
    step = 1 if future else -1
    for _ in range(8):  # Feb 29: the nearest leap year in the direction of reading
        if day is None or _safe_date(year, month, day) is not None:
            return _year(year)
        year += step
    return anchor.year


def plus_days(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` days, clamped to the dates Python can represent (years 1..9999).

    >>> plus_days(dt.date(2020, 1, 8), -8), plus_days(dt.date(9999, 12, 31), 1), plus_days(dt.date.min, -7)
    (datetime.date(2019, 12, 31), datetime.date(9999, 12, 31), datetime.date(1, 1, 1))
    """
    if n >= 0:
        return d + dt.timedelta(days=n) if (dt.date.max - d).days >= n else dt.date.max
    return d + dt.timedelta(days=n) if (d - dt.date.min).days >= -n else dt.date.min


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """(year, month) ``n`` months on, clamped to January 1 .. December 9999."""
    k = min(max(year * 12 + (month - 1) + n, 12), 9999 * 12 + 11)
    return k // 12, k % 12 + 1


def _year(year: int) -> int:
    """A year clamped to the range dates can have."""
    return min(max(year, dt.MINYEAR), dt.MAXYEAR)


def _shift_date(d: dt.date, shift: tuple[str, int], later_days: int | None = None) -> dt.date:
    """``d`` moved by ``(unit, n)`` (months clamp to the month's last day), then by days.

    >>> _shift_date(dt.date(2017, 11, 23), ("month", 25), 21)
    datetime.date(2020, 1, 13)
    >>> _shift_date(dt.date(2020, 1, 31), ("month", 1))
    datetime.date(2020, 2, 29)
    """
    unit, n = shift
    if unit in ("month", "year"):
        y, mo = _add_months(d.year, d.month, n * (12 if unit == "year" else 1))
        d = dt.date(y, mo, min(d.day, _calendar.monthrange(y, mo)[1]))
    else:
        d = plus_days(d, n * (7 if unit == "week" else 1))
    return plus_days(d, later_days or 0)


def _monday(d: dt.date) -> dt.date:
    return plus_days(d, -(d.weekday()))


def resolve_weekday(anchor: dt.date, weekday: int, mode: str = "bare", future: bool = False) -> dt.date:
    """The date a weekday expression names, seen from ``anchor``.

    >>> a = dt.date(2020, 1, 8)  # a Wednesday
    >>> resolve_weekday(a, 4), resolve_weekday(a, 2), resolve_weekday(a, 6)
    (datetime.date(2020, 1, 3), datetime.date(2020, 1, 8), datetime.date(2020, 1, 5))
    >>> resolve_weekday(a, 4, future=True), resolve_weekday(a, 4, "next"), resolve_weekday(a, 4, "last")
    (datetime.date(2020, 1, 10), datetime.date(2020, 1, 17), datetime.date(2020, 1, 3))
    """
    if mode in ("bare", "dayof", "") and not future:
        return plus_days(anchor, -((anchor.weekday() - weekday) % 7))
    if mode in ("bare", "dayof", ""):
        return plus_days(anchor, (weekday - anchor.weekday()) % 7)
    if mode == "past":
        return plus_days(anchor, -((anchor.weekday() - weekday - 1) % 7 + 1))
    if mode == "coming":
        return plus_days(anchor, (weekday - anchor.weekday() - 1) % 7 + 1)
    week = {"last": -1, "this": 0, "next": 1}.get(mode)
    if week is None and mode.startswith("week"):
        week = int(mode[4:] or 0)
    return plus_days(_monday(anchor), 7 * (week or 0) + weekday)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date | None:
    days = [
        d
        for d in range(1, _calendar.monthrange(year, month)[1] + 1)
        if dt.date(year, month, d).weekday() == weekday
    ]
    if n == -1:
        return dt.date(year, month, days[-1])
    return dt.date(year, month, days[n - 1]) if 1 <= n <= len(days) else None


def _day_of_recent_month(anchor: dt.date, day: int, future: bool) -> dt.date | None:
    """ "the 27th": this month's if not after the anchor, else last month's (past reading)."""
    y, m = anchor.year, anchor.month
    for _ in range(12):
        d = _safe_date(y, m, day)
        if d is not None and ((d <= anchor) != future or d == anchor):
            return d
        y, m = _add_months(y, m, 1 if future else -1)
    return None


def _weekday_day(anchor: dt.date, weekday: int, day: int, future: bool) -> dt.date | None:
    """ "Thursday the 21st": this month's 21st if a Thursday, else the nearest month going back
    (forward after a future cue) whose 21st is one.

    >>> _weekday_day(dt.date(2017, 9, 27), 3, 21, False), _weekday_day(dt.date(2019, 1, 25), 6, 31, False)
    (datetime.date(2017, 9, 21), datetime.date(2017, 12, 31))
    """
    y, mo = anchor.year, anchor.month
    step = 1 if future else -1
    for _ in range(28):
        d = _safe_date(y, mo, day)
        if d is not None and d.weekday() == weekday:
            return d
        y, mo = _add_months(y, mo, step)
    return None


def _range_when(surface: str, first: dt.date, last: dt.date, base: When) -> When:
    """A multi-day range as the coarsest shared fields plus ``relative`` with the interval."""
    year = first.year if first.year == last.year else None
    month = first.month if year is not None and first.month == last.month else None
    rel = f"{surface} ({first.isoformat()}/{last.isoformat()})"
    return replace(base, year=year, month=month, day=None, weekday=None, relative=rel)


def _date_when(d: dt.date, base: When, keep_weekday: bool = True) -> When:
    return replace(
        base,
        year=d.year,
        month=d.month,
        day=d.day,
        weekday=d.weekday() if keep_weekday and base.weekday is not None else base.weekday,
    )


def _holiday_when(m: Mention, anchor: dt.date | None, future: bool, base: When) -> When:
    """A named holiday: in its stated year, else the most recent one on or before the anchor
    ("last Easter": strictly before; "next Easter": strictly after; future cue: on or after)."""
    if m.year is not None or (anchor is not None and m.shift is not None):
        if m.year is not None:
            year = m.year
        else:
            assert anchor is not None and m.shift is not None
            year = _year(anchor.year + m.shift[1])
        d = holiday_date(m.holiday, year)
        return _date_when(d, base) if d else replace(base, relative=m.surface)
    if anchor is None:
        return replace(base, relative=m.surface)
    candidates = [
        d
        for y in (anchor.year - 1, anchor.year, anchor.year + 1)
        if dt.MINYEAR <= y <= dt.MAXYEAR and (d := holiday_date(m.holiday, y)) is not None
    ]
    if m.mode == "last":
        pick = [d for d in candidates if d < anchor][-1:]
    elif m.mode == "next":
        pick = [d for d in candidates if d > anchor][:1]
    elif m.mode == "this":
        pick = [d for d in candidates if d.year == anchor.year]
    elif future:
        pick = [d for d in candidates if d >= anchor][:1]
    else:
        pick = [d for d in candidates if d <= anchor][-1:]
    return _date_when(pick[0], base) if pick else replace(base, relative=m.surface)


# First month of each period of a year that `Mention.period` names, and its length in months.
_STARTS: dict[str, tuple[int, int]] = {
    "Q1": (1, 3), "Q2": (4, 3), "Q3": (7, 3), "Q4": (10, 3), "H1": (1, 6), "H2": (7, 6),
    "SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3),
}  # fmt: skip


def _period_when(m: Mention, anchor: dt.date | None, future: bool, base: When) -> When:
    """A quarter, half or season placed in a year; decades, centuries and vague references stay.

    Without a year, "the third quarter" is the latest third quarter begun by the anchor (the
    next one after a future cue); "the quarter" or "the latest quarter" the latest ended;
    "this"/"last"/"next" the current, previous or next one; "the year-ago quarter" the
    latest ended, a year back.

    >>> from discrepancy.extractors.timeperiods import find_periods
    >>> a = dt.date(1989, 11, 2)
    >>> [resolve(x, a).render() for x in find_periods("the third quarter, the fourth quarter, the quarter")]
    ['1989-Q3', '1989-Q4', '1989-Q3']
    >>> [resolve(x, a).render() for x in find_periods("the year-ago quarter, last fall, next spring")]
    ['1988-Q3', '1988-FA', '1990-SP']
    """
    period = m.period or ""
    if m.year is not None or anchor is None or period.endswith("_REF") or period in ("decade", "century"):
        return base
    mode = m.period_mode
    if period in ("Q", "H"):
        size = 3 if period == "Q" else 6
        k = (anchor.year * 12 + anchor.month - 1) // size  # the period the anchor is in
        k += {"this": 0, "next": 1, "year-ago": -12 // size - 1, "year-1": -12 // size - 1}.get(mode, -1)
        year, index = divmod(k * size, 12)
        return replace(base, year=_year(year), period=f"{period}{index // size + 1}")
    first, months = _STARTS[period]
    year = anchor.year if anchor.month >= first else anchor.year - 1  # the latest begun
    current = (anchor.year * 12 + anchor.month - 1) - (year * 12 + first - 1) < months
    if mode == "this":
        year = anchor.year
    elif mode == "year-1":
        year = anchor.year - 1
    elif mode == "year+1":
        year = anchor.year + 1
    elif mode in ("last", "year-ago"):
        year -= 1 if current or mode == "year-ago" else 0
    elif mode == "next" or (future and not current):
        year += 1
    return replace(base, year=_year(year))


def resolve(
    m: Mention, anchor: dt.date | None, future: bool = False, past: bool = False, literal: When | None = None
) -> When:
    """The `When` a mention denotes, resolved against ``anchor`` (None: no anchor). ``literal``
    is ``m.literal()`` when the caller has already built it (a `When` costs a few microseconds).

    >>> from discrepancy.extractors.timeexpr import find_mentions
    >>> a = dt.date(2020, 1, 8)
    >>> [resolve(x, a).render() for x in find_mentions("yesterday, last week and 3 January")]
    ['2020-01-07', 'last week (2019-12-30/2020-01-05)', '2020-01-03']
    >>> resolve(find_mentions("on Monday afternoon")[0], None).render()
    'Monday (afternoon)'
    """
    base = m.literal() if literal is None else literal
    if m.then is not None and not m.anaphoric:
        inner = resolve(replace(m, then=None, later_days=None), anchor, future)
        d = inner.date
        if d is None:
            return replace(inner, relative=m.surface)
        moved = _shift_date(d, m.then, m.later_days)
        return replace(inner, year=moved.year, month=moved.month, day=moved.day, weekday=None)
    if m.anaphoric or m.invalid:
        return replace(base, year=None, month=None, day=None, relative=m.surface)
    if m.holiday:
        return _holiday_when(m, anchor, future, base)
    if m.period is not None and m.month is None:
        return _period_when(m, anchor, future, base)
    relative = (
        m.days is not None
        or m.shift is not None
        or m.dayonly
        or m.mode not in ("", "bare", "dayof")
        or (m.mode == "dayof" and m.month is None)
    )
    if anchor is None:
        if m.month is not None or m.year is not None:
            return base
        if m.weekday is not None and m.mode in ("bare", "dayof") and m.shift is None and m.days is None:
            return base
        return replace(base, relative=m.surface) if relative or m.weekday is not None else base
    if m.month is not None and m.day is not None and m.year is None and m.mode in ("next", "last", "this"):
        # "next 6th of April": the first such day after the anchor; "last": the latest before
        year = anchor.year
        d = _safe_date(year, m.month, m.day)
        if m.mode == "next" and (d is None or d <= anchor):
            year += 1
        elif m.mode == "last" and (d is None or d >= anchor):
            year -= 1
        return replace(base, year=_year(year))
    if m.month is not None and m.day is not None and m.year is None:
        year = infer_year(anchor, m.month, m.day, future)
        if past and not future and (_safe_date(year, m.month, m.day) or anchor) > anchor:
            # "was shot on Oct. 23" in May: the October before, unless a weekday written with
            # the date says otherwise ("said on Monday, Oct. 26" the day after the dateline)
            before = _safe_date(year - 1, m.month, m.day)
            if m.weekday is None or (before is not None and before.weekday() == m.weekday):
                year -= 1
        return replace(base, year=_year(year), weekday=base.weekday)
    if m.month is not None and m.year is None and m.nth is None:
        if m.mode in ("last", "next", "this") and m.day is None:
            # "last March": the latest March before the anchor's month; "next March" the first after
            year = anchor.year
            if m.mode == "last" and m.month >= anchor.month:
                year -= 1
            elif m.mode == "next" and m.month <= anchor.month:
                year += 1
            return replace(base, year=_year(year))
        year = infer_year(anchor, m.month, None, future)
        if past and not future and (year, m.month) > (anchor.year, anchor.month):
            year -= 1  # "was hurt in November" in May: the November before
        return replace(base, year=_year(year))
    if m.month is not None or (m.year is not None and m.nth is None):
        if m.nth is not None and m.weekday is not None and m.month is not None:
            year = m.year or infer_year(anchor, m.month, None, future)
            d = _nth_weekday(year, m.month, m.weekday, m.nth)
            return _date_when(d, base) if d else replace(base, relative=m.surface)
        return base
    if m.mode == "count" and m.weekday is not None and m.nth is not None:
        start = plus_days(anchor, m.days or 0)
        step = 1 if m.nth > 0 else -1
        d = start
        for _ in range(abs(m.nth)):
            d = plus_days(d, step)
            for _ in range(6):  # bounded: at the edge of the calendar the date stops moving
                if d.weekday() == m.weekday:
                    break
                d = plus_days(d, step)
        return _date_when(d, replace(base, weekday=m.weekday))
    if m.nth is not None and m.weekday is not None:
        y, mo = _add_months(anchor.year, anchor.month, m.month_shift or 0)
        d = _nth_weekday(y, mo, m.weekday, m.nth)
        return _date_when(d, base) if d else replace(base, relative=m.surface)
    if m.dayonly and m.day is not None:
        if m.month_shift is not None:
            y, mo = _add_months(anchor.year, anchor.month, m.month_shift)
            d = _safe_date(y, mo, m.day)
        else:
            d = _day_of_recent_month(anchor, m.day, future)
        return _date_when(d, base) if d else replace(base, relative=m.surface)
    if m.mode == "dayof" and m.weekday is not None and m.day is not None:
        d = _weekday_day(anchor, m.weekday, m.day, future)
        return _date_when(d, base) if d else replace(base, relative=m.surface)
    if m.shift is not None:
        unit, n = m.shift
        if unit == "week":
            first = plus_days(_monday(anchor), 7 * n)
            return _range_when(m.surface, first, plus_days(first, 6), base)
        if unit == "weekend":
            if n == 0 and m.surface.lower().startswith("this") and anchor.weekday() < 5:
                n = 1  # "this weekend" said on a weekday is the coming one
            sat = plus_days(anchor, -((anchor.weekday() - 5) % 7))
            sat = plus_days(sat, 7 * (n if n <= 0 else n - (0 if anchor.weekday() < 5 else 1)))
            if n > 0 and anchor.weekday() < 5:
                sat = plus_days(anchor, (5 - anchor.weekday()) % 7 + 7 * (n - 1))
            return _range_when(m.surface, sat, plus_days(sat, 1), base)
        if unit in ("month", "year"):
            low = m.surface.lower()
            if (
                m.days is not None
                or m.later_days is not None
                or " ago" in low
                or "from" in low
                or "later" in low
                or low.startswith(("in ", "within "))
            ):
                # a point: "two months ago", "in 3 years", "1 month 21 days ago"
                start = plus_days(anchor, m.days or 0)
                return _date_when(_shift_date(start, (unit, n), m.later_days), base)
            if unit == "year":
                return replace(base, year=_year(anchor.year + n))
            y, mo = _add_months(anchor.year, anchor.month, n)
            return replace(base, year=y, month=mo)
    if m.days is not None:
        return _date_when(plus_days(anchor, m.days), base)
    if m.weekday is not None:
        return _date_when(resolve_weekday(anchor, m.weekday, m.mode, future), base)
    return base


# --------------------------------------------------------------------------------------------
# Future cues and the event a date belongs to


@cache
def _future_cue() -> regex.Pattern[str]:
    cues = sorted(calendar().future_cues, key=len, reverse=True)
    alt = "|".join(regex.escape(c).replace(r"\ ", r"\s{1,3}") for c in cues)
    return regex.compile(rf"(?:(?<![\w'’])|(?=['’]))(?:{alt})(?![\w])", regex.IGNORECASE)


_CLAUSE_BREAK = regex.compile(
    # "as" opens a clause, except in "as early as", "as soon as" (cues themselves)
    r"[;:“”\"]|\b(?:that|which|who|but|while|after|before|when"
    r"|as(?!\s{1,3}(?:early|soon)\s)(?<!(?:early|soon)\s{1,3}as))\b",
    # searched backwards: the last break before the date is the first found (breaks are single
    # characters or whole words, so the last one found forwards is the same)
    regex.IGNORECASE | regex.REVERSE,
)


def _clause_before(text: str, start: int, sentence_start: int) -> str:
    """The clause before ``start``: at most 80 characters of its sentence, after the last break."""
    window = text[max(sentence_start, start - 80) : start]
    last_break = _CLAUSE_BREAK.search(window)
    return window[last_break.end() :] if last_break else window


def has_future_cue(text: str, start: int, sentence_start: int) -> bool:
    """A future cue in the clause before ``start`` ("Iran will respond on Friday").

    >>> has_future_cue("Iran will respond on Friday", 21, 0)
    True
    >>> has_future_cue("Iran said it will respond. It struck on Friday", 40, 27)
    False
    """
    return _future_cue().search(_clause_before(text, start, sentence_start)) is not None


@cache
def _occasion_pattern() -> regex.Pattern[str]:
    """The words of ``[occasions]`` in ``data/calendar.toml`` as one pattern, so a clause is
    scanned once: an ordinal before a procedure noun, a bare attempt word, a postponement word,
    a plan word (whole words, any case); the group that matched says which."""
    cal = calendar()

    def alt(words: tuple[str, ...]) -> str:
        longest_first = sorted(words, key=len, reverse=True)
        return "|".join(regex.escape(w).replace(r"\ ", r"\s{1,3}") for w in longest_first)

    return regex.compile(
        rf"""(?<![\w'’-])(?:
            (?P<ordinal>{alt(cal.occasion_ordinals)})             # "first", "fourth", "previous"
              \s{{1,3}}(?:[\w'’.-]+\s{{1,3}}){{0,3}}?            # up to three words: "launch"
              (?:{alt(cal.occasion_nouns)})s?                    # "attempt", "round", "ballot"
            | (?P<attempt>{alt(cal.attempts)})                   # a try without its number
            | (?P<postponed>{alt(cal.postponements)})            # the day a try was put off
            | (?P<plan>{alt(cal.plans)})                         # a schedule or broadcast
            )(?![\w-])""",
        regex.IGNORECASE | regex.VERBOSE,
    )


@cache
def _occasion_words() -> re.Pattern[str]:
    """The longest word of every ``[occasions]`` phrase (an ordinal phrase needs its ordinal),
    lower case, as one literal alternation: a clause without any holds no phrase."""
    cal = calendar()
    phrases = (*cal.occasion_ordinals, *cal.attempts, *cal.postponements, *cal.plans)
    words = sorted({max(p.lower().split(), key=len) for p in phrases}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


# How far before a date its occasion is looked for: a procedure is often named at the head of a
# long noun phrase ("the first attempt to launch the rocket topped with the capsule falls on").
_OCCASION_REACH = 150
# Breaks of `_CLAUSE_BREAK` but relative pronouns: "a window that opens at 1:04 a.m." is still
# the window's clause.
_OCCASION_BREAK = regex.compile(
    r"[;:“”\"]|\b(?:but|while|after|before|when|as(?!\s{1,3}(?:early|soon)\s))\b",
    regex.IGNORECASE | regex.REVERSE,  # searched backwards: the last break is found first
)


def occasion(text: str, start: int, sentence_start: int) -> str:
    """Which occurrence of a repeated procedure, or which plan, the date at ``start`` belongs
    to, from its clause: the ordinal ("first launch attempt on August 29" -> "first"),
    "attempt" for a try without one, "postponed" for the day a try was put off, "plan" for a
    schedule or broadcast, "" for the event itself (``[occasions]`` of ``data/calendar.toml``).

    >>> s = "The first launch attempt on August 29 was called off."
    >>> occasion(s, s.index("August"), 0)
    'first'
    >>> s = "The rocket is slated to launch on Wednesday."
    >>> occasion(s, s.index("Wednesday"), 0)
    'plan'
    >>> s = "The rocket launched on Wednesday."
    >>> occasion(s, s.index("Wednesday"), 0)
    ''
    """
    window = text[max(sentence_start, start - _OCCASION_REACH) : start]
    if window.isascii() and not _occasion_words().search(window.lower()):
        # Most windows hold none of the phrases: in ASCII text a case-blind match holds the
        # longest word of its phrase in lower case (one `re` scan, cheaper than the patterns).
        return ""
    cut = _OCCASION_BREAK.search(window)
    clause = window[cut.end() :] if cut else window
    found = {"ordinal": "", "attempt": "", "postponed": "", "plan": ""}
    for m in _occasion_pattern().finditer(clause, overlapped=True):
        # (overlapped: a word of one kind inside a phrase of another still counts, as when
        # each kind was searched on its own; the last ordinal phrase wins)
        kind = m.lastgroup or ""
        if kind == "ordinal" or not found[kind]:
            found[kind] = m.group(kind).lower() if kind == "ordinal" else kind
    return found["ordinal"] or found["attempt"] or found["postponed"] or found["plan"]


@cache
def _past_cue() -> regex.Pattern[str]:
    words = "|".join(regex.escape(w) for w in sorted(calendar().past_cues, key=len, reverse=True))
    # Words that look ahead ("decided to admit", "must be returned by", "would be held on",
    # "was planned for") anywhere in the clause cancel a past verb.
    # Modals, plans, deadlines and infinitives ("set to expire", "decided to admit"; "to" before a
    # determiner or a number is a preposition) look ahead.
    ahead = (
        r"must|should|would|could|can|may|might|by|until|planned|scheduled|expected|due|deadline|payable"
        r"|to(?=\s{1,3}(?!the\b|an?\b|his\b|her\b|its\b|their\b|our\b|this\b|that\b|death\b|\d)[a-z])"
    )
    # An irregular past form from the table, or a lower-case word in -ed ("killed", "announced"),
    # neither a participle after "is", "are", "be" ("the case is heard", "will be held") nor an
    # adjective after an article ("the reduced dividend").
    return regex.compile(
        rf"(?<![\w'’-])(?:(?P<ahead>{ahead})"
        rf"|(?<!\b(?:is|are|be|being|the|an?)\s{{1,3}})(?:{words}|[a-z]{{2,}}[^aeiou\W]ed))(?![\w'’-])"
    )


def has_past_cue(text: str, start: int, sentence_start: int) -> bool:
    """A past-tense verb in the clause before ``start`` ("who was shot on Oct. 23").

    >>> has_past_cue("Slepian was shot on Oct. 23", 20, 0), has_past_cue("The summit in April", 14, 0)
    (True, False)
    >>> has_past_cue("He ruled that the boy must be returned by Jan. 14", 42, 0)
    False
    """
    cues = list(_past_cue().finditer(_clause_before(text, start, sentence_start)))
    return bool(cues) and all(c.group("ahead") is None for c in cues)


def against_last(m: Mention, value: When, last: When | None) -> When:
    """A mention that counts from the last date written, resolved against it.

    "the next day" after Oct. 23 is Oct. 24; "that year" is its year; "a year earlier" after a
    quarter is the same quarter a year before (after a day, that day a year before); "a year
    ago" takes the precision of a quarter or half just written. Without a usable last date the
    value stays as resolved against the dateline.

    >>> from discrepancy.extractors.timeexpr import find_mentions
    >>> nxt, earlier = find_mentions("the next day, a year earlier")
    >>> against_last(nxt, When(), When(1998, 10, 23)).render()
    '1998-10-24'
    >>> against_last(earlier, When(1988), When(1989, period="Q3")).render()
    '1988-Q3'
    """
    if m.backref == "always" and m.shift is None and m.days is not None and last is not None:
        d = last.date
        if d is None:
            return value
        moved = plus_days(d, m.days)
        return When(moved.year, moved.month, moved.day, part=m.part)
    if not m.backref or last is None or m.shift is None or last.year is None:
        return value
    unit, n = m.shift
    if m.backref == "period" and (
        last.period is None or last.period.endswith("_REF") or last.month is not None
    ):
        return value
    if unit == "day":
        d = last.date
        if d is None and n == 0 and last.month is not None and last.period is None:
            return When(last.year, last.month)  # "that same day" after "in October": in that October
        if d is None:
            return value
        moved = plus_days(d, n)
        return When(moved.year, moved.month, moved.day, part=m.part)
    if unit == "month":
        if last.month is None:
            return value
        y, mo = _add_months(last.year, last.month, n)
        return When(y, mo)
    if unit != "year":
        return value
    year = _year(last.year + n)
    if m.backref == "anaphor":
        return When(year)
    if last.period in ("decade", "century"):
        return When(year)
    day = last.day
    if day is not None and last.month is not None and _safe_date(year, last.month, day) is None:
        day = 28  # February 29 a year on
    return When(year, last.month, day, period=last.period)
