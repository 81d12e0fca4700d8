"""The `Mention` record a date reader produces, and the word values readers share.

A mention holds what the words say (a month, a day, a weekday with a modifier, an offset in
days); `discrepancy.extractors.resolve` turns it into a `When` against a dateline.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..facts import When
from .timetables import calendar

# --------------------------------------------------------------------------------------------
# The mention record


# Not frozen: a frozen record sets each of its 30 fields through `object.__setattr__`, which
# made building one cost five times as much. Readers never change a mention; they make a new
# one with `dataclasses.replace`. (Hashed on its fields, as a frozen one was.)
@dataclass(slots=True, unsafe_hash=True)
class Mention:
    """What one date/time expression literally says, before resolution.

    Absolute fields mirror `discrepancy.facts.When`. Relative ones:

    * ``days`` - offset in days from the anchor day ("yesterday" = -1).
    * ``shift`` - ``(unit, n)`` calendar shift from the anchor: ("month", -2) for "two months
      ago", ("week", -1) for "last week", ("weekend", 0) for "at the weekend".
    * ``mode`` - how a weekday resolves: "bare", "last", "next", "this", "past", "coming",
      or "week-1"/"week0"/"week+1" for "Friday of last/this/next week".
    * ``nth`` - "first Sunday" (n-th weekday of a month), with ``month_shift`` for "of next month".
    * ``dayonly`` - "the 27th": a day of the current or previous month.
    * ``anaphoric`` - relative to another event ("a day after", "the next day"): never resolved;
      when a date follows ("3 days after January 12th") the two combine and ``then`` holds
      the shift applied to the resolved date.
    """

    start: int
    end: int
    surface: str
    rule: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    part: str | None = None
    hour: int | None = None
    minute: int | None = None
    zone: str | None = None
    utc_offset: int | None = None
    days: int | None = None
    shift: tuple[str, int] | None = None
    mode: str = ""
    nth: int | None = None
    month_shift: int | None = None
    dayonly: bool = False
    anaphoric: bool = False
    invalid: bool = False
    holiday: str = ""  # a [holidays] spec: "12-25", "easter-2"
    then: tuple[str, int] | None = None  # shift applied after resolving: "3 days after <date>"
    later_days: int | None = None  # days added after a month shift: "1 month 21 days ago"
    period: str | None = None  # `When.period`: "Q3", "SU", "decade", "PRESENT_REF"
    # how a period without a year resolves: "" (the latest begun by the anchor), "done" (the
    # latest ended: "the latest quarter"), "this", "last", "next"
    period_mode: str = ""
    # against the last date written: "anaphor" ("the next day", "that year"), "always" ("a year
    # earlier", at that date's precision), "period" ("a year ago" after a quarter or half)
    backref: str = ""

    @property
    def has_date(self) -> bool:
        return (
            self.month is not None
            or self.year is not None
            or self.weekday is not None
            or self.days is not None
            or self.shift is not None
            or self.dayonly
            or self.anaphoric
            or bool(self.holiday)
            or self.period is not None
        )

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    def literal(self) -> When:
        """The absolute fields as a `When`, before any resolution against an anchor."""
        return When(
            year=self.year,
            month=self.month,
            day=self.day,
            weekday=self.weekday,
            part=self.part,
            hour=self.hour,
            minute=self.minute,
            zone=self.zone,
            utc_offset=self.utc_offset,
            period=self.period,
        )


# --------------------------------------------------------------------------------------------
# Word pieces


_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_UNIT_ORD = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")


def day_word_value(text: str) -> int | None:
    """Day number of a number/ordinal word, including compounds.

    >>> day_word_value("twenty-first"), day_word_value("thirty one"), day_word_value("second")
    (21, 31, 2)
    >>> day_word_value("thirty five") is None
    True
    """
    words = _WORD_SPLIT.split(text.lower().strip())
    table = calendar().day_words
    total = 0
    for w in words:
        if w not in table:
            return None
        total += table[w]
    if len(words) == 2 and (table[words[0]] not in (20, 30) or table[words[1]] >= 10):
        return None
    return total if 1 <= total <= 31 else None


# --------------------------------------------------------------------------------------------
# Readers: one per pattern, each returning Mentions


_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_VAGUE_NUMBERS = {"few": 3, "a few": 3, "several": 3, "couple of": 2, "a couple of": 2}
_NTH = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
    "last": -1,
}
_REL_WORD = {
    "last": -1,
    "previous": -1,
    "past": -1,
    "this": 0,
    "coming": 1,
    "next": 1,
    "the following": 1,
    "following": 1,
    "upcoming": 1,
}


# Compiled once: these run for every mention, and `regex`'s cache lookup costs more than the match.
_SPACES = regex.compile(r"\s+")
_DAY_NUMBER = regex.compile(r"(\d{1,2})(?:st|nd|rd|th)?$")
_WORD_SPLIT = regex.compile(r"[\s-]+")


def _norm(text: str) -> str:
    return _SPACES.sub(" ", text.lower()).strip()


def _day(text: str) -> int | None:
    """Day number from "3", "3rd", "twenty-first"."""
    t = text.lower()
    m = _DAY_NUMBER.match(t)
    if m:
        d = int(m.group(1))
        return d if 1 <= d <= 31 else None
    return day_word_value(t)


def _count(text: str) -> int | None:
    t = _norm(text)
    if t.isdigit():
        return int(t)
    return _NUMBER_WORDS.get(t, _VAGUE_NUMBERS.get(t))


def _valid_day(month: int | None, day: int | None) -> bool:
    if month is None or day is None:
        return True
    return 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)


_SMALL = {w: i + 1 for i, w in enumerate(_UNITS)} | {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "zero": 0,
}


def spoken_year(text: str) -> int | None:
    """A year written in words.

    >>> spoken_year("nineteen eighty six"), spoken_year("two thousand and eighteen")
    (1986, 2018)
    >>> spoken_year("nineteen hundred ninety three"), spoken_year("nineteen zero one")
    (1993, 1901)
    >>> spoken_year("two thousand")
    2000
    """
    words = [w for w in regex.split(r"[\s-]+", text.lower()) if w and w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(_SMALL.get(w, 0) for w in words[2:])
    if not words or words[0] not in _SMALL:
        return None
    century = _SMALL[words[0]]
    rest = words[1:]
    if rest and rest[0] == "hundred":
        rest = rest[1:]
    if any(w not in _SMALL for w in rest):
        return None
    return century * 100 + sum(_SMALL[w] for w in rest)


def two_digit_year(yy: int) -> int:
    """Century for a two-digit year: 00-39 are 2000s, 40-99 are 1900s.

    >>> two_digit_year(15), two_digit_year(89)
    (2015, 1989)
    """
    return 2000 + yy if yy < 40 else 1900 + yy
