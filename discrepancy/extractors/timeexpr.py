"""Find date and time expressions in text and read their literal fields.

This module only *reads*: it turns "early Friday 3 January", "5:30 p.m. (EST)" or "last
week" into `Mention` records holding what the words say (a month, a day, a weekday with a
modifier, an offset in days). Resolving relative expressions against a dateline is
`discrepancy.extractors.dates`' job.

Every pattern is verbose, anchored on a month, weekday, digit or relative word, and bounds
its repetitions, so scanning stays linear on hostile input (digit runs, slashes, repeated
month names).

>>> [(m.surface, m.month, m.day, m.year) for m in find_mentions("On 3 January 2020 it rained.")]
[('3 January 2020', 1, 3, 2020)]
>>> [(m.surface, m.hour, m.minute, m.zone) for m in find_mentions("at 5:30 p.m. (EST) on January 7")][0]
('5:30 p.m. (EST) on January 7', 17, 30, 'EST')
>>> [m.surface for m in find_mentions("Gallery 1/35 and a march through the capital")]
[]
"""

from __future__ import annotations

import bisect
import calendar as _calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import cache

import regex

from .. import tables, units, zones
from ..facts import When

# --------------------------------------------------------------------------------------------
# Tables


def _check_names(entry: str, value: object) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        return "should be a list of spellings"
    return None


def _check_window(entry: str, value: object) -> str | None:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(v, int) for v in value)
        or not 0 <= value[0] < value[1] <= 24
    ):
        return "should be [first hour, end hour] with 0 <= first < end <= 24"
    return None


def _check_day(entry: str, value: object) -> str | None:
    if not isinstance(value, int) or not 1 <= value <= 30:
        return "should be a day number 1..30"
    return None


def _check_offset(entry: str, value: object) -> str | None:
    if not isinstance(value, int) or not -7 <= value <= 7:
        return "should be a day offset between -7 and 7"
    return None


def _check_zone(entry: str, value: object) -> str | None:
    if not isinstance(value, str) or (value not in zones.table() and zones.parse_offset(value) is None):
        return f"{value!r} is neither an abbreviation in zones.toml nor an offset +HH:MM"
    return None


_HOLIDAY = regex.compile(
    r"(?:(\d{2})-(\d{2})|easter([+-]\d{1,2})|nth:(\d{1,2}):(-1|[1-5]):([0-6])([+-]\d)?)$"
)


def _check_holiday(entry: str, value: object) -> str | None:
    if not isinstance(value, str) or not _HOLIDAY.match(value):
        return f"{value!r} is not MM-DD, easter+N or nth:M:N:W[+D]"
    return None


def easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm).

    >>> easter(2018), easter(2019)
    (datetime.date(2018, 4, 1), datetime.date(2019, 4, 21))
    """
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (2 * e + 2 * i - h - k + 32) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    day = (h + l_ - 7 * m + 33 * month + 19) % 32
    return dt.date(year, month, day)


def holiday_date(spec: str, year: int) -> dt.date | None:
    """The day a `[holidays]` spec names in ``year``.

    >>> holiday_date("12-25", 2019), holiday_date("easter-2", 2020), holiday_date("nth:11:4:3+1", 2010)
    (datetime.date(2019, 12, 25), datetime.date(2020, 4, 10), datetime.date(2010, 11, 26))
    """
    m = _HOLIDAY.match(spec)
    if not m:
        return None
    if m.group(1):
        try:
            return dt.date(year, int(m.group(1)), int(m.group(2)))
        except ValueError:
            return None
    if m.group(3):
        return easter(year) + dt.timedelta(days=int(m.group(3)))
    month, n, weekday = int(m.group(4)), int(m.group(5)), int(m.group(6))
    days = [dt.date(year, month, d) for d in range(1, _calendar.monthrange(year, month)[1] + 1)]
    matching = [d for d in days if d.weekday() == weekday]
    d = matching[n if n == -1 else n - 1]
    return d + dt.timedelta(days=int(m.group(7) or 0))


def _check_series(entry: str, value: object) -> str | None:
    if not isinstance(value, str) or zones.parse_offset(value) is None:
        return f"{value!r} is not an offset +HH:MM"
    return None


@dataclass(frozen=True)
class Calendar:
    """The validated contents of ``data/calendar.toml``."""

    months: dict[str, int]  # spelling (lower case) -> 1..12
    weekdays: dict[str, int]  # spelling (lower case) -> 0..6
    ambiguous_months: frozenset[str]
    ambiguous_weekdays: frozenset[str]
    day_words: dict[str, int]
    parts: dict[str, tuple[int, int]]
    relative_days: dict[str, int]
    future_cues: tuple[str, ...]
    zone_names: dict[str, str]
    zone_series: dict[str, int]
    holidays: dict[str, str]
    not_before: frozenset[str]
    not_after: frozenset[str]
    counter_words: frozenset[str]
    not_dates: frozenset[str]
    metadata_cues: tuple[str, ...]


@cache
def calendar() -> Calendar:
    """Load and validate ``data/calendar.toml`` once."""
    months: dict[str, int] = {}
    for i, (name, spellings) in enumerate(tables.string_map("calendar", "months", _check_names).items()):
        for s in (name, *spellings):
            months[s.lower()] = i + 1
    weekdays: dict[str, int] = {}
    for i, (name, spellings) in enumerate(tables.string_map("calendar", "weekdays", _check_names).items()):
        for s in (name, *spellings):
            weekdays[s.lower()] = i
    if len(set(months.values())) != 12 or len(set(weekdays.values())) != 7:
        raise tables.TableError("data table calendar.toml: [months] needs 12 entries, [weekdays] 7")
    not_weekdays = tables.require("calendar", "not_weekdays", dict)
    return Calendar(
        months=months,
        weekdays=weekdays,
        ambiguous_months=frozenset(
            w.lower() for w in tables.require("calendar", "ambiguous_months", dict)["words"]
        ),
        ambiguous_weekdays=frozenset(
            w.lower() for w in tables.require("calendar", "ambiguous_weekdays", dict)["words"]
        ),
        day_words={k.lower(): v for k, v in tables.string_map("calendar", "day_words", _check_day).items()},
        parts={k: (v[0], v[1]) for k, v in tables.string_map("calendar", "parts", _check_window).items()},
        relative_days=dict(tables.string_map("calendar", "relative_days", _check_offset)),
        future_cues=tuple(tables.require("calendar", "future_cues", dict)["words"]),
        zone_names={
            k.lower(): v for k, v in tables.string_map("calendar", "zone_names", _check_zone).items()
        },
        holidays={k.lower(): v for k, v in tables.string_map("calendar", "holidays", _check_holiday).items()},
        zone_series={
            k.lower(): zones.parse_offset(v) or 0
            for k, v in tables.string_map("calendar", "zone_series", _check_series).items()
        },
        not_before=frozenset(not_weekdays.get("before", ())),
        not_after=frozenset(not_weekdays.get("after", ())),
        metadata_cues=tuple(tables.require("calendar", "metadata_cues", dict)["words"]),
        not_dates=frozenset(tables.require("calendar", "not_dates", dict)["numeric"]),
        counter_words=frozenset(
            w.lower() for w in tables.require("calendar", "counter_words", dict)["words"]
        ),
    )


_H = r"[ \t\u00a0]"


def _horizontal(pattern: str) -> str:
    """Make every ``\\s`` repetition horizontal: a date never runs across a line break."""
    return pattern.replace(r"[\s-]", r"[ \t\u00a0-]").replace(r"\s{", _H + "{").replace(r"\s?", _H + "?")


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so "sept" wins over "sep")."""
    return "|".join(
        regex.escape(w).replace(r"\ ", r"\s{1,3}") for w in sorted(words, key=lambda w: (-len(w), w))
    )


# --------------------------------------------------------------------------------------------
# The mention record


@dataclass(frozen=True, slots=True)
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
        )

    @property
    def has_time(self) -> bool:
        return self.hour is not None

    def literal(self) -> When:
        """The absolute fields as a `When`, before any resolution against an anchor."""
        return When(year=self.year, month=self.month, day=self.day, weekday=self.weekday,
                    part=self.part, hour=self.hour, minute=self.minute, zone=self.zone,
                    utc_offset=self.utc_offset)


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
    words = regex.split(r"[\s-]+", text.lower().strip())
    table = calendar().day_words
    total = 0
    for w in words:
        if w not in table:
            return None
        total += table[w]
    if len(words) == 2 and (table[words[0]] not in (20, 30) or table[words[1]] >= 10):
        return None
    return total if 1 <= total <= 31 else None


@cache
def _pieces() -> dict[str, str]:
    cal = calendar()
    tens = "twenty|thirty"
    units = "|".join(_UNITS + _UNIT_ORD)
    single = _alt([w for w in cal.day_words])
    day_word = rf"(?:(?:{tens})(?:[\s-]{{1,2}}(?:{units}))?(?![\w-])|(?:{single})(?![\w-]))"
    ordinal_word = (
        rf"(?:(?:twenty|thirty)[\s-]{{1,2}}(?:{'|'.join(_UNIT_ORD)})|twentieth|thirtieth|"
        rf"{'|'.join(_UNIT_ORD)}|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth)(?![\w-])"
    )
    month = _alt(cal.months)
    weekday = _alt(cal.weekdays)
    zone_abbr = _alt([z for z in zones.table() if len(z) >= 2])
    zone_name = _alt(cal.zone_names)
    zone_series = _alt(cal.zone_series)
    holiday = _alt(cal.holidays).replace("'", "['’]?")
    teen = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    tens_w = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    unit_w = "|".join(_UNITS)
    below100 = rf"(?:(?:{tens_w})(?:[\s-]{{1,2}}(?:{unit_w}))?|{teen}|{unit_w})"
    spoken_year = (
        rf"(?:(?:{teen}|twenty)\s{{1,2}}(?:hundred(?:\s{{1,2}}and)?\s{{1,2}}{below100}"
        rf"|zero\s{{1,2}}(?:{unit_w})|(?:{tens_w})(?:[\s-]{{1,2}}(?:{unit_w}))?)"
        rf"|two\s{{1,2}}thousand(?:\s{{1,2}}(?:and\s{{1,2}})?{below100})?)(?![\w-])"
    )
    return {
        "spoken_year": spoken_year,
        "day_word": day_word,
        "ordinal_word": ordinal_word,
        "month": month,
        "weekday": weekday,
        "zone_abbr": zone_abbr,
        "zone_name": zone_name,
        "zone_series": zone_series,
        "holiday": holiday,
        "number_word": (
            r"an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|few|a\s{1,3}few|several"
            r"|couple\s{1,3}of|a\s{1,3}couple\s{1,3}of"
        ),
    }


# --------------------------------------------------------------------------------------------
# Patterns (compiled once, on first use)


@cache
def _patterns() -> dict[str, regex.Pattern[str]]:
    p = _pieces()
    flags = regex.VERBOSE | regex.IGNORECASE
    day_num = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
    year4 = r"(?:1[0-9]{3}|2[01][0-9]{2})"

    # Dates written with a month name, day first or month first, optional weekday and year.
    month_date = regex.compile(
        _horizontal(
            rf"""
        (?<![\w]|\d[.,])                           # start on a word, not inside "6,107.31"
        (?:(?P<wmod>this|next|last|coming)\s{{1,3}}(?=(?:{p["weekday"]})))?     # "this Friday June 22"
        (?:(?P<wd>{p["weekday"]})\.?,?\s{{1,3}}(?:the\s{{1,3}})?)?   # optional weekday: "Friday 3 January"
        (?:
          # month first: "January 8th, 2020", "Oct. 2", "Jan-1", "May twenty-first", "Jan first"
          (?P<mon>{p["month"]})(?![a-z])\.?
          (?:\s{{0,3}}[-/.,]\s{{0,3}}|\s{{1,3}}|(?=\d))   # separator (none before a digit: "October2")
          (?:the\s{{1,3}})?
          (?P<day>{day_num}(?![\d:])|{p["day_word"]})
          (?:
             (?:\s{{0,3}},\s{{0,3}}|\s{{1,3}}(?:of|in)\s{{1,3}}|\s{{1,3}}|\s{{0,3}}[-/]\s{{0,3}})
             (?P<year>{year4}(?![\d:])|{p["spoken_year"]})
          )?
        | # day first: "3 January", "1st Jan", "22 of Jan", "second of Aug", "16. Nov. 2016", "05-Aug-2016"
          (?<![$€£¥]\s{{0,2}})(?:the\s{{1,3}})?
          (?P<day>{day_num}|{p["day_word"]})\.?
          (?:\s{{1,3}}day)?
          (?:\s{{1,3}}of\s{{1,3}}|\s{{0,3}}[-/]\s{{0,3}}|\s{{1,3}}|(?<=\d)(?=[a-z]))
          (?P<mon>{p["month"]})(?![a-z])\.?
          (?:
             (?:\s{{0,3}},\s{{0,3}}|\s{{1,3}}(?:of|in)\s{{1,3}}|\s{{1,3}}|\s{{0,3}}[-/]\s{{0,3}})
             (?P<year>(?:{year4}|(?<=of\s{{1,3}})\d{{2}})(?![\d:])|{p["spoken_year"]})
          )?
        | # year first with a month name: "2019-sep-1", "2019/sep/01"
          (?P<year>{year4})[-/](?P<mon>{p["month"]})[-/](?P<day>[0-3]?\d)(?!\d)
        | # month and year: "March 2023", "January of 2020"
          (?P<mon>{p["month"]})(?![a-z])\.?,?(?:\s{{1,3}}of)?\s{{1,3}}(?P<year>{year4})(?![\d:])
        | # a month alone after a preposition or modifier: "in January", "since March", "last May"
          (?P<mprep>in|since|until|till|by|during|early|late|mid|from|through|last|next|this)(?:\s{{1,3}}|-)
          (?P<mon>{p["month"]})(?![\w])
          # not when a day or a year follows: the branches above read those
          (?!\.?\s{{0,3}},?\s{{0,3}}(?:of\s{{1,3}}|the\s{{1,3}})?(?:\d|{p["day_word"]}))
        )
        """
        ),
        flags,
    )

    # All-numeric dates: ISO, m/d/y, d.m.y, m/d, compact yyyymmdd.
    numeric_date = regex.compile(
        _horizontal(
            r"""
        (?<![\d/.:,]|\d[.,])                         # not inside another number
        (?:
          (?P<y>1[89]\d\d|20\d\d)(?P<s>[-/.])(?P<a>[01]?\d)(?P=s)(?P<b>[0-3]?\d)   # 2020-01-06, 2015.5.13
        | (?P<a>[0-3]?\d)(?P<s>[-/.])(?P<b>[0-3]?\d)(?:(?P=s)|,)(?P<y>\d{4}|\d{2})  # 02/22/2016, 08/12,2015
        | (?P<a>[0-3]?\d)(?P<s>[-/.])(?P<b>[0-3]?\d)         # 4/22, 22/04, 4.22 (context checked)
        | (?P<compact>(?:19|20)\d{2}[01]\d[0-3]\d)                                   # 20161016
        )
        (?![\d/]|[.,:]\d|%|[^\W_])                   # not followed by more number or a word
        """
        ),
        flags,
    )

    # Weekdays with their modifiers and parts of day.
    weekday = regex.compile(
        _horizontal(
            rf"""
        (?<![\w])
        (?:
           (?:the\s{{1,3}})?                                 # "(the) first Sunday"
           (?P<nth>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s{{1,3}}
         | (?P<mod>this\s{{1,3}}past|this\s{{1,3}}coming|this\s{{1,3}}upcoming|last|this|next|past|
                  previous|coming|following|upcoming)\s{{1,3}}
         | (?P<wmod>this|next|last|previous|past)\s{{1,3}}week     # "next week (on) Friday"
           (?:\s{{0,3}}-\s{{0,3}}|\s{{1,3}}on\s{{1,3}}|\s{{1,3}})
         | (?P<part>early\s{{1,3}}hours\s{{1,3}}of|small\s{{1,3}}hours\s{{1,3}}of|
                   early|late)\s{{1,3}}
        )?
        (?P<wd>{p["weekday"]})(?![a-z])
        (?:
           ,?\s{{1,3}}(?P<partafter>morning|afternoon|evening|night|overnight)
         | \s{{1,3}}(?:of\s{{1,3}})?(?P<wmodafter>this|next|last|previous|the\s{{1,3}}following)\s{{1,3}}week
         | \s{{1,3}}of\s{{1,3}}(?P<ofmon>{p["month"]})(?![a-z])
         | \s{{1,3}}(?:of|in)\s{{1,3}}(?P<ofrel>this|next|last|previous)\s{{1,3}}month
         | (?:\s{{1,3}}the)?\s{{1,3}}                      # "Thursday the 21st", "Monday 21"
           (?P<day>[0-3]?\d(?:st|nd|rd|th)?(?![\d:./-]|\s{{0,2}}(?:[ap]\.?m\b|o'clock))
                                     |{p["ordinal_word"]}|(?<=the\s{{1,3}}){p["day_word"]})
        )?
        (?![\w])
        """
        ),
        flags,
    )

    # Relative expressions: offsets from the dateline, weeks, weekends, years.
    relative = regex.compile(
        _horizontal(
            rf"""
        (?<![\w])
        (?:
          (?P<reldays>the\s{{1,3}}day\s{{1,3}}before\s{{1,3}}yesterday|the\s{{1,3}}day\s{{1,3}}after\s{{1,3}}(?:tomorrow|tmrw)
                     |today|tonight|yesterday|tomorrow|tmrw)
          (?:\s{{1,3}}(?P<partafter>morning|afternoon|evening|night))?
        | (?P<n>\d{{1,3}}|{p["number_word"]})\s{{1,3}}(?P<unit>day|week|month|year|fortnight|{p["weekday"]})s?
          (?P<more>(?:\s{{0,2}},?\s{{1,3}}(?:and\s{{1,3}})?(?:\d{{1,3}}|{p["number_word"]})\s{{1,3}}(?:day|week|month|year)s?){{1,3}})?
          \s{{1,3}}(?P<dir>ago|earlier|before|later|after|from\s{{1,3}}(?:now|today|tomorrow|tmrw|yesterday)|hence
                      |from(?=\s{{1,3}}[\w]))
          (?P<after_rel>\s{{1,3}}(?:today|tomorrow|yesterday))?
        | (?:in|within)\s{{1,3}}(?P<n>\d{{1,3}}|{p["number_word"]})\s{{1,3}}  # "in 3 weeks"
          (?P<unit>day|week|month|year|fortnight)s?
          (?:'s?\s{{1,3}}time)?(?!\s{{1,3}}(?:from|after|before|since)\b)
        | (?P<rw>last|this|next|past|previous|coming)\s{{1,3}}(?P<unit>weekend|week|month|year)
        | (?P<edge>earlier|later|early|late)\s{{1,3}}(?:this|in\s{{1,3}}the)\s{{1,3}}(?P<unit>week|month|year)
        | (?P<weekend>(?:at|over|during)\s{{1,3}}the\s{{1,3}}weekend)
        | (?P<thispart>this|last)\s{{1,3}}(?P<part>morning|afternoon|evening|night)
        | (?P<anaphor>(?:a|one|the)\s{{1,3}}day\s{{1,3}}(?:after|before|earlier|later)   # "a day after"
                     |the\s{{1,3}}(?:next|following|previous)\s{{1,3}}day)
        | (?:the\s{{1,3}})?(?P<dord>[0-3]?\d(?:st|nd|rd|th)|{p["ordinal_word"]})   # "the 20th of next month"
          (?:\s{{1,3}}day)?(?:\s{{1,3}}of)?\s{{1,3}}
          (?P<ofrel>this|next|last|previous|the\s{{1,3}}following)\s{{1,3}}month
        | (?P<nth>first|second|third|fourth|fifth|last)\s{{1,3}}week\s{{1,3}}of\s{{1,3}}(?P<mon>{p["month"]})
        | (?P<prep>in|since|until|till|by|during|from|before|after|of)\s{{1,3}}(?:the\s{{1,3}}year\s{{1,3}})?
          (?P<year>1[5-9]\d\d|20\d\d)(?![\d:%]|[.,]\d|[-/]\d|\s{{0,2}}(?:percent|per\s|people|troops|men))
        | (?P<prepday>on|for|on\s{{1,3}}the|for\s{{1,3}}the|the)\s{{1,3}}
          (?P<dday>[0-3]?\d(?:st|nd|rd|th)|(?<=(?:on|for|the)\s{{1,3}})[0-3]?\d|{p["ordinal_word"]}|{p["day_word"]})
          (?=\s{{0,2}}(?:[!?;)]|[.,](?!\d)|$))
        )
        (?![\w])
        """
        ),
        flags,
    )

    ampm = r"(?:a\s{0,2}\.\s{0,2}m\s{0,2}\.?|p\s{0,2}\.\s{0,2}m\s{0,2}\.?|am\b|pm\b|(?<=\d)[ap](?![\w]))"
    zone_tail = rf"""
        (?:
          \s{{0,2}}\(?\s{{0,2}}
          (?P<zone>
             (?:utc|gmt)\s{{0,2}}[+±-]\s{{0,2}}\d{{1,2}}(?::?\d{{2}})?h?(?!\d)   # UTC+4, GMT-3, UTC+04:30
           | {p["zone_name"]}
           | {p["zone_abbr"]}
          )(?![\w])\s{{0,2}}\)?
        )?"""
    time = regex.compile(
        _horizontal(
            rf"""
        (?<![\w:.,/])
        (?:
           (?P<h>[012]?\d)(?::(?P<m>[0-5]\d))(?::[0-5]\d)?(?:\s{{0,2}}(?P<ap>{ampm}))?   # 5:30 p.m., 17:30
         | (?P<h>[01]?\d)\.(?P<m>[0-5]\d)\s{{0,2}}(?P<ap>{ampm})                      # 8.10 pm
         | (?P<h>[01]?\d)\s{{0,2}}(?P<ap>{ampm})                                      # 9 a.m., 7p
         | (?P<h>[01]?\d)\s{{1,2}}(?P<ap>o['’]?clock)(?![\w])                         # 10 o'clock
         | (?P<h>[01]?\d)                                                # 7 in the evening
           (?=\s{{1,3}}(?:in\s{{1,3}}the\s{{1,3}}(?:morning|afternoon|evening)|at\s{{1,3}}night))
         | (?P<hw>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s{{1,2}}(?P<ap>{ampm}
              |o['’]?clock|in\s{{1,3}}the\s{{1,3}}(?:morning|afternoon|evening))        # seven p.m.
         | (?:12\s{{1,2}})?(?P<noon>noon|midday|midnight|mid\s?night)
         | (?P<past>\d{{1,2}}|half|quarter|a\s{{1,2}}quarter|five|ten|fifteen|twenty|twenty[\s-]five)
           (?:\s{{1,2}}min(?:ute)?s?)?\s{{1,2}}(?P<pto>past|after|to)\s{{1,2}}
           (?P<ph>[01]?\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?![\w:])
           (?:\s{{1,2}}(?P<ap>{ampm}|o'clock))?
         | (?P<inpart>in\s{{1,3}}the\s{{1,3}}(?:morning|afternoon|evening))\s{{1,3}}at\s{{1,3}}
           (?P<h>[01]?\d)(?::(?P<m>[0-5]\d))?(?![\w:])
         | (?<=\bat\s{{1,3}})(?P<h>[01]?\d)\.(?P<m>[0-5]\d)(?![\d.])                  # at 6.45
        )
        (?:\s{{1,3}}(?P<inpart>in\s{{1,3}}the\s{{1,3}}(?:morning|afternoon|evening)|at\s{{1,3}}night|tonight))?
        {zone_tail}
        """
        ),
        flags,
    )
    # Standalone zones: long names and offsets anywhere; abbreviations after a time only.
    zone_only = regex.compile(
        _horizontal(
            rf"""
        (?<![\w])
        (?P<zone>
           (?:utc|gmt)\s{{0,2}}[+±-]?\s{{0,2}}\d{{1,2}}(?::?\d{{2}})?h?(?!\d)      # UTC+4, utc4:30, UTC -12h
         | (?:{p["zone_series"]})\s{{1,2}}\d{{1,2}}(?!\d)                         # russia time zone 3
         | (?:{p["zone_name"]})(?:\s{{0,2}}\([\p{{L}} ]{{1,30}}\))?              # names, "(mexico)"
         | (?:{p["zone_abbr"]})(?:[+-]\d{{1,2}}(?!\d))?                            # MSK, MSK+7
        )
        (?![\w])
        """
        ),
        flags,
    )
    # Named holidays: "Christmas", "last Easter", "black friday 2010", "independence day of this year".
    holiday = regex.compile(
        _horizontal(
            rf"""
        (?<![\w])
        (?:(?P<mod>last|next|previous|following|this)\s{{1,3}})?
        (?P<hol>{p["holiday"]})
        (?:
           \s{{1,3}}(?:of\s{{1,3}}|in\s{{1,3}})?(?P<year>1[5-9]\d\d|20\d\d)(?![\d:])
         | \s{{1,3}}of\s{{1,3}}(?P<rel>this|next|last)\s{{1,3}}year
        )?
        (?![\w])
        """
        ),
        flags,
    )
    return {
        "holiday": holiday,
        "month_date": month_date,
        "numeric_date": numeric_date,
        "weekday": weekday,
        "relative": relative,
        "time": time,
        "zone_only": zone_only,
    }


# --------------------------------------------------------------------------------------------
# Candidate windows: the patterns run only around words that can be part of a date

Windows = list[tuple[int, int]]

# The standard library's engine tokenizes plain ASCII runs faster than `regex`.
_TOKEN = re.compile(r"[A-Za-z]+|[0-9]+")

# Trigger kinds of a token, as bits; each pattern runs only near tokens of its kinds.
_K_MONTH, _K_WEEKDAY, _K_RELATIVE, _K_HOLIDAY, _K_TIME, _K_NUMERIC = 1, 2, 4, 8, 16, 32
# pattern -> (trigger bits, reach before, reach after): longer than any expression's distance
# from its trigger ("the early hours of Wednesday" starts 19 characters before "Wednesday").
_REACH: dict[str, tuple[int, int, int]] = {
    "holiday": (_K_HOLIDAY, 40, 40),
    "month_date": (_K_MONTH, 70, 60),
    "numeric_date": (_K_NUMERIC, 12, 16),  # digits next to "/", "-", "." or eight digits
    "weekday": (_K_WEEKDAY, 45, 45),
    "relative": (_K_RELATIVE, 45, 50),
    "time": (_K_TIME, 35, 50),
}
# bits -> the patterns (name, reach before, reach after) a token with those bits triggers
_BY_BITS: list[list[tuple[str, int, int]]] = [
    [(name, before, after) for name, (bit, before, after) in _REACH.items() if bits & bit]
    for bits in range(64)
]
_RELATIVE_WORDS = (
    "day days week weeks weekend weekends month months year years fortnight ago later earlier hence "
    "morning afternoon evening night"
).split()
_COMMON_HOLIDAY_WORDS = frozenset(
    "new year years day international good black saint st king the of s eve may sunday monday friday "
    "wednesday".split()
)
# After a 1-2 digit number, what makes it a clock time: ":30", ".30", " a.m.", "pm", " o'clock".
_TIME_AFTER = regex.compile(
    r"[:.][0-9]|[ \t]{0,2}[aApP](?:\.|[mM]|(?![A-Za-z]))|[ \t]{1,2}(?:o['’]?clock|in[ \t]|at[ \t])"
)
# What makes a number part of a relative or day expression: "27th", "3 days", "on 15", "in 2011".
_REL_AFTER = regex.compile(
    r"(?:st|nd|rd|th)(?![A-Za-z])|[ \t]{1,3}(?:days?|weeks?|months?|years?|fortnights?)(?![A-Za-z])"
)
_REL_BEFORE = regex.compile(
    r"(?:on|for|the|in|since|until|till|by|during|from|before|after|of)[ \t]{1,3}$", regex.IGNORECASE
)
# "p.m." is the tokens "p" and "m"; "seven p.m.", "ten past nine" trigger on "m" and "past".
_TIME_WORDS = "noon midday midnight mid morning afternoon evening clock oclock past am pm m".split()


@cache
def _token_kinds() -> dict[str, int]:
    """Lower-case word -> trigger bits."""
    cal = calendar()
    kinds: dict[str, int] = {}

    def add(words: Iterable[str], bit: int) -> None:
        for w in words:
            kinds[w] = kinds.get(w, 0) | bit

    add((w for w in cal.months if w.isalpha()), _K_MONTH)
    add((w for w in cal.weekdays if w.isalpha()), _K_WEEKDAY)
    add(_RELATIVE_WORDS, _K_RELATIVE)
    add(
        (
            w
            for phrase in cal.relative_days
            for w in regex.findall(r"[a-z]+", phrase)
            if w not in ("the", "day", "after", "before")
        ),
        _K_RELATIVE,
    )
    add(cal.day_words, _K_RELATIVE)
    for phrase in cal.holidays:
        # a holiday triggers on its distinctive words ("christmas", "thanksgiving"), not on
        # "new", "day" or a weekday that fill the text anyway
        words = regex.findall(r"[a-z]+", phrase)
        rare = [w for w in words if w not in _COMMON_HOLIDAY_WORDS]
        add(rare or words[-1:], _K_HOLIDAY)  # "black friday" has only common words: its last
    add(_TIME_WORDS, _K_TIME)
    return kinds


def candidate_windows(text: str) -> dict[str, Windows]:
    """Per pattern, merged spans of ``text`` around its trigger tokens; the rest is skipped.

    Windows end at a blank, so no pattern sees a word cut in two.

    >>> t = "Nothing here at all. " * 5 + "It was on Friday."
    >>> [(s, t[s:e].strip()) for s, e in candidate_windows(t)["weekday"]]
    [(70, 'here at all. Nothing here at all. It was on Friday.')]
    """
    kinds = _token_kinds()
    spans: dict[str, Windows] = {name: [] for name in _REACH}
    n = len(text)
    for m in _TOKEN.finditer(text):
        w = m.group()
        if w[0] <= "9":
            nxt = text[m.end() : m.end() + 2]
            bits = 0
            if len(w) <= 2 and _TIME_AFTER.match(text, m.end()):
                bits |= _K_TIME
            if len(w) <= 4 and (
                _REL_AFTER.match(text, m.end()) or _REL_BEFORE.search(text, max(0, m.start() - 8), m.start())
            ):
                bits |= _K_RELATIVE
            numeric = len(w) == 8 or (len(nxt) == 2 and nxt[0] in "/-." and nxt[1].isdigit())
        else:
            low = w.lower()
            bits = kinds.get(low, 0)
            if low in ("year", "years") and text[max(0, m.start() - 4) : m.start()].lower() == "new ":
                bits |= _K_HOLIDAY  # "New Year's Day"
            numeric = False
            if not bits:
                continue
        if numeric:
            bits |= _K_NUMERIC
        for name, before, after in _BY_BITS[bits]:
            start, end = max(0, m.start() - before), min(n, m.end() + after)
            out = spans[name]
            if out and start <= out[-1][1]:
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
    return {name: _to_blanks(text, out) for name, out in spans.items()}


def _to_blanks(text: str, spans: Windows) -> Windows:
    """Move each window end to the next blank and merge windows that then overlap."""
    merged: Windows = []
    for s, e in spans:
        e = _to_blank(text, e)
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def _to_blank(text: str, end: int) -> int:
    """The first blank at or after ``end`` (within 40 characters; else 40 characters on)."""
    for i in range(end, min(len(text), end + 40)):
        if text[i].isspace():
            return i
    return min(len(text), end + 40)


def _scan(name: str, text: str, windows: dict[str, Windows]) -> Iterator[regex.Match[str]]:
    pattern = _patterns()[name]
    for start, end in windows[name]:
        yield from pattern.finditer(text, start, end)


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


def _norm(text: str) -> str:
    return regex.sub(r"\s+", " ", text.lower()).strip()


def _day(text: str) -> int | None:
    """Day number from "3", "3rd", "twenty-first"."""
    t = text.lower()
    m = regex.match(r"(\d{1,2})(?:st|nd|rd|th)?$", t)
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


def _month_dates(text: str, windows: dict[str, Windows]) -> list[Mention]:
    cal = calendar()
    out = []
    for m in _scan("month_date", text, windows):
        mon_text = m.group("mon")
        month = cal.months[mon_text.lower()]
        day = _day(m.group("day")) if m.group("day") else None
        year_text = m.group("year")
        year = None
        if year_text and not year_text[0].isdigit():
            year = spoken_year(year_text)
        elif year_text:
            year = int(year_text) if len(year_text) == 4 else two_digit_year(int(year_text))
        if m.group("day") and day is None:
            continue
        # "May", "March" and other word-like months need a capital, a digit day, an ordinal
        # word or a year: "may one day", "a march through the capital" are not dates.
        if mon_text.lower() in cal.ambiguous_months and not mon_text[0].isupper():
            day_text = (m.group("day") or "").lower()
            if not (
                day_text[:1].isdigit()
                or (day_text and day_text not in _NUMBER_WORDS and not day_text.isalpha())
                or regex.search(r"(?:st|nd|rd|th)$", day_text)
                or (year and not day_text)
            ):
                continue
        if (
            mon_text.lower() in cal.ambiguous_months
            and day is None
            and year is not None
            and mon_text.lower() != "march"
            and not mon_text[0].isupper()
        ):
            continue
        wd = m.group("wd")
        weekday = cal.weekdays[wd.lower()] if wd else None
        start, end = m.start(), m.end()
        mode = ""
        if m.group("mprep"):
            # A bare month needs its capital ("in May", not "it may"); the preposition stays
            # out of the surface, a modifier ("last May") is part of it.
            if not mon_text[0].isupper() or mon_text.lower() not in _FULL_MONTHS:
                continue
            prep = m.group("mprep").lower()
            if prep in ("last", "next", "this"):
                mode = prep
            else:
                start = m.start("mon")
        if end == m.end("mon") + 1 and text[end - 1] == "." and mon_text.lower() in _FULL_MONTHS:
            end -= 1  # "19 June." ends a sentence; only abbreviations take the period
        out.append(
            Mention(
                start,
                end,
                text[start:end],
                "dates.absolute",
                year=year,
                month=month,
                day=day,
                weekday=weekday,
                mode=mode,
                invalid=not _valid_day(month, day),
            )
        )
        if day is not None and not wd:
            out.extend(_coordinated(text, m, month, year))
    return out


_FULL_MONTHS = frozenset(name.lower() for name in _calendar.month_name[1:])
# "18 and 19 June": the first day shares the month written after the second.
_DAY_BEFORE = regex.compile(r"(?<![\w.,/:-])([0-3]?\d)(?:st|nd|rd|th)?[ \t]{0,2}(?:,|and|&|or)[ \t]{1,3}$")
# "January 3 and 4": the second day shares the month written before the first; it must end
# the phrase ("January 3 and 4 people" is a count).
_DAY_AFTER = regex.compile(
    r"[ \t]{1,3}(?:and|&|or)[ \t]{1,3}([0-3]?\d)(?:st|nd|rd|th)?(?=[ \t]{0,2}(?:[,.;:)!?]|$))"
)


def _coordinated(text: str, m: regex.Match[str], month: int, year: int | None) -> list[Mention]:
    """Days coordinated with a month-name date ("18 and 19 June", "January 3 and 4")."""
    out = []
    day_first = m.start("day") < m.start("mon")
    if day_first:
        before = _DAY_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if before:
            d = int(before.group(1))
            if 1 <= d <= 31:
                s, e = before.span(1)
                e = s + len(text[s : before.end()].split()[0].rstrip(","))
                out.append(
                    Mention(
                        s,
                        e,
                        text[s:e],
                        "dates.absolute",
                        year=year,
                        month=month,
                        day=d,
                        invalid=not _valid_day(month, d),
                    )
                )
    elif m.group("year") is None:
        after = _DAY_AFTER.match(text, m.end())
        if after:
            d = int(after.group(1))
            if 1 <= d <= 31:
                s = after.start(1)
                e = s + len(text[s : after.end()].strip())
                out.append(
                    Mention(
                        s,
                        e,
                        text[s:e],
                        "dates.absolute",
                        year=year,
                        month=month,
                        day=d,
                        invalid=not _valid_day(month, d),
                    )
                )
    return out


def _holidays(text: str, windows: dict[str, Windows]) -> list[Mention]:
    cal = calendar()
    out = []
    for m in _scan("holiday", text, windows):
        name = _norm(m.group("hol")).replace("’", "'")
        spec = cal.holidays.get(name) or cal.holidays.get(name.replace("'", ""))
        if spec is None:
            continue
        hol = m.group("hol")
        if (
            hol.islower()
            and " " not in hol
            and not m.group("mod")
            and not m.group("year")
            and name != "easter"
            and name != "christmas"
            and name != "halloween"
            and name != "thanksgiving"
        ):
            continue
        year = int(m.group("year")) if m.group("year") else None
        mode = {"last": "last", "previous": "last", "next": "next", "following": "next", "this": "this"}.get(
            (m.group("mod") or "").lower(), ""
        )
        shift = ("year", _REL_WORD[m.group("rel").lower()]) if m.group("rel") else None
        out.append(
            Mention(
                m.start(),
                m.end(),
                m.group(),
                "dates.holiday",
                year=year,
                holiday=spec,
                mode=mode,
                shift=shift,
            )
        )
    return out


def _line_only(text: str, start: int, end: int) -> bool:
    """The match is alone on its line (a gallery counter such as "2/12")."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    return not text[ls:start].strip() and not text[end:le].strip()


_PREV_WORD = regex.compile(r"([\p{L}']{1,20})[\s(]{1,3}$")


def _numeric_dates(text: str, date_order: str, windows: dict[str, Windows]) -> list[Mention]:
    cal = calendar()
    out = []
    for m in _scan("numeric_date", text, windows):
        start, end = m.span()
        glued = start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_")
        if glued and not (m.group("compact") or (m.group("y") and m.start("y") == start)):
            continue  # "v2-3/4", "A4/22": only ISO and compact dates may be glued to a token
        if m.group("compact"):
            c = m.group("compact")
            y, mo, d = int(c[:4]), int(c[4:6]), int(c[6:])
            if not _valid_day(mo, d) or mo == 0 or d == 0:
                continue
            out.append(Mention(start, end, text[start:end], "dates.numeric", year=y, month=mo, day=d))
            continue
        a, b = int(m.group("a")), int(m.group("b"))
        y_text = m.group("y")
        sep = m.group("s")
        prev = _PREV_WORD.search(text, max(0, start - 24), start)
        prev_word = prev.group(1).lower() if prev else ""
        if y_text and len(y_text) == 4 and m.start("y") == start:
            year, month, day = int(y_text), a, b
        else:
            if y_text is None:
                # A bare "4/22" is a date only away from counters and fractions; "4.22" and
                # "4-22" (a score, a decimal) only after "on"/"in" or a weekday.
                if _line_only(text, start, end) or prev_word in cal.counter_words:
                    continue
                if text[max(0, start - 2) : start].strip()[-1:].isdigit():
                    continue  # mixed fraction "6 1/4"
                if text[start:end] in cal.not_dates:
                    continue  # "9/11", "24/7": names, not days of the dateline's year
                if sep == "/" and a < b <= 8 and regex.match(r"[ \t]{1,3}of\b", text[end : end + 6]):
                    continue  # "1/2 of the town": a fraction
                if (
                    sep in ".-"
                    and prev_word not in ("on", "in", "since", "until", "by")
                    and prev_word not in cal.weekdays
                ):
                    continue
            year = None
            if y_text is not None:
                year = int(y_text) if len(y_text) == 4 else two_digit_year(int(y_text))
            # Dotted dates with a year ("13.5.2015", "2.1.2020") are written day first wherever
            # they are used; the setting decides slashes, dashes and yearless forms.
            day_first = date_order == "dmy" or (sep == "." and y_text is not None)
            month, day = (b, a) if day_first else (a, b)
            if not _valid_day(month, day) or month == 0 or day == 0:
                month, day = day, month  # unambiguous the other way round: "21/04/2016"
        if not _valid_day(month, day) or month == 0 or day == 0:
            continue
        out.append(Mention(start, end, text[start:end], "dates.numeric", year=year, month=month, day=day))
    return out


def _weekdays(text: str, windows: dict[str, Windows]) -> list[Mention]:
    cal = calendar()
    out = []
    for m in _scan("weekday", text, windows):
        wd = m.group("wd")
        weekday = cal.weekdays[wd.lower()]
        start, end = m.span()
        before = _PREV_WORD.search(text, max(0, start - 24), start)
        after = regex.match(r"\s{1,3}([\p{L}]{1,20})", text[end : end + 24])
        if before and before.group(1) in cal.not_before and not (m.group("mod") or m.group("nth")):
            continue
        if after and after.group(1) in cal.not_after:
            continue
        mode, part, nth, month, month_shift, day = "bare", None, None, None, None, None
        if m.group("mod"):
            mod = _norm(m.group("mod"))
            mode = {
                "this past": "past",
                "this coming": "coming",
                "this upcoming": "coming",
                "following": "next",
                "upcoming": "coming",
                "previous": "last",
            }.get(mod, mod)
        wmod = m.group("wmod") or m.group("wmodafter")
        if wmod:
            mode = f"week{_REL_WORD[_norm(wmod)]:+d}".replace("+0", "0")
        if m.group("part"):
            part = _norm(m.group("part")).removeprefix("the ").removesuffix(" of")
            part = "early hours" if "hours" in part else part
        if m.group("partafter"):
            part = m.group("partafter").lower()
        if m.group("nth"):
            nth = _NTH[m.group("nth").lower()]
            mode = "nth"
            month_shift = 0
        if m.group("ofmon"):
            month = cal.months[m.group("ofmon").lower()]
            month_shift = None
            if nth is None:
                # "Friday of July" without an ordinal is not a pattern we read: keep the weekday.
                end = m.start("ofmon") - len(" of ")
                end = m.start() + len(text[m.start() : end].rstrip())
        if m.group("ofrel"):
            month_shift = _REL_WORD[_norm(m.group("ofrel"))]
        if m.group("day"):
            day = _day(m.group("day"))
            if day is None:
                continue
            mode = "dayof"
        surface = text[start:end]
        if wd.lower() in cal.ambiguous_weekdays and not wd[0].isupper() and mode == "bare" and not part:
            continue
        if (
            wd.lower() in cal.ambiguous_weekdays
            and mode == "bare"
            and not part
            and not regex.match(r"\.?,?\s{0,3}(?:\d|\()", text[end : end + 4])
        ):
            continue  # "Sun", "Sat" alone are a newspaper, an exam; keep them only before a date
        out.append(
            Mention(
                start,
                end,
                surface,
                "dates.weekday",
                weekday=weekday,
                part=part,
                mode=mode,
                nth=nth,
                month=month,
                month_shift=month_shift,
                day=day,
            )
        )
    return out


def _relatives(text: str, windows: dict[str, Windows]) -> list[Mention]:
    cal = calendar()
    out = []
    for m in _scan("relative", text, windows):
        start, end = m.span()
        surface = text[start:end]
        rule = "dates.relative"
        if m.group("reldays"):
            key = _norm(m.group("reldays"))
            part = m.group("partafter").lower() if m.group("partafter") else None
            if key == "tonight":
                part = "night"
            out.append(Mention(start, end, surface, rule, days=cal.relative_days[key], part=part))
        elif m.group("dir") or (m.group("n") and m.group("unit")):
            n = _count(m.group("n"))
            if n is None:
                continue
            unit = m.group("unit").lower()
            direction = _norm(m.group("dir") or "later")
            sign = -1 if direction in ("ago", "earlier", "before") else 1
            base = 0
            extra = _norm(m.group("after_rel") or "")
            if direction.startswith("from "):
                base = cal.relative_days.get(direction[5:], 0)
            elif extra:
                base = cal.relative_days.get(extra, 0)
            if direction in ("before", "after", "from") and not extra:
                # "three weeks before" alone is relative to another event; before a date it
                # combines with it ("3 days after January 12th")
                d_unit, d_n = (
                    ("day", 14 * n)
                    if unit == "fortnight"
                    else ("day", 7 * n)
                    if unit == "week"
                    else (unit, n)
                )
                if unit not in cal.weekdays:
                    out.append(Mention(start, end, surface, rule, anaphoric=True, shift=(d_unit, sign * d_n)))
                continue
            if unit in cal.weekdays:
                # "two sundays from now": the n-th such weekday after the anchor
                out.append(
                    Mention(
                        start,
                        end,
                        surface,
                        rule,
                        weekday=cal.weekdays[unit],
                        mode="count",
                        nth=n * sign,
                        days=base,
                    )
                )
                continue
            if m.group("more"):
                # "2 years 1 month 21 days ago": months (years as 12) and days, each signed
                months = days_total = 0
                for num, u in regex.findall(
                    r"(\d{1,3}|[a-z][a-z ]*?)\s+(day|week|month|year)s?",
                    _norm(surface.split(m.group("dir"))[0]),
                ):
                    k = _count(num.removeprefix("and ").strip())
                    if k is None:
                        break
                    if u == "year":
                        months += 12 * k
                    elif u == "month":
                        months += k
                    else:
                        days_total += k * (7 if u == "week" else 1)
                if direction in ("before", "after", "from"):
                    out.append(
                        Mention(
                            start,
                            end,
                            surface,
                            rule,
                            anaphoric=True,
                            shift=("month", sign * months),
                            later_days=sign * days_total,
                        )
                    )
                    continue
                out.append(
                    Mention(
                        start,
                        end,
                        surface,
                        rule,
                        shift=("month", sign * months),
                        days=base or None,
                        later_days=sign * days_total,
                    )
                )
                continue
            if unit == "fortnight":
                unit, n = "day", 14 * n
            if unit == "week":
                unit, n = "day", 7 * n
            if unit == "day":
                out.append(Mention(start, end, surface, rule, days=base + sign * n))
            else:
                out.append(Mention(start, end, surface, rule, shift=(unit, sign * n), days=base or None))
        elif m.group("rw"):
            unit = m.group("unit").lower()
            k = _REL_WORD[_norm(m.group("rw"))]
            out.append(Mention(start, end, surface, rule, shift=(unit, k)))
        elif m.group("edge"):
            unit = m.group("unit").lower()
            if "this" not in surface.lower() and unit != "year":
                continue
            out.append(Mention(start, end, surface, rule, shift=(unit, 0)))
        elif m.group("weekend"):
            out.append(Mention(start, end, surface, rule, shift=("weekend", 0)))
        elif m.group("thispart"):
            days = 0 if m.group("thispart").lower() == "this" else -1
            out.append(Mention(start, end, surface, rule, days=days, part=m.group("part").lower()))
        elif m.group("anaphor"):
            out.append(Mention(start, end, surface, rule, anaphoric=True))
        elif m.group("dord"):
            day = _day(m.group("dord"))
            if day is None:
                continue
            out.append(
                Mention(
                    start,
                    end,
                    surface,
                    rule,
                    day=day,
                    dayonly=True,
                    month_shift=_REL_WORD[_norm(m.group("ofrel"))],
                )
            )
        elif m.group("nth") and m.group("mon"):
            continue  # "first week of October": a week range; not read yet
        elif m.group("year"):
            ys = m.start("year")
            if units.unit_after(text, end):
                continue  # "from 1500 metres": a quantity, not a year
            out.append(Mention(ys, end, text[ys:end], "dates.year", year=int(m.group("year"))))
        elif m.group("dday"):
            day = _day(m.group("dday"))
            if day is None:
                continue
            ds = m.start("dday")
            prep = _norm(m.group("prepday"))
            if prep.endswith("the"):
                ds = m.start("prepday") + len(m.group("prepday")) - 3
            out.append(Mention(ds, end, text[ds:end], "dates.day", day=day, dayonly=True))
    return out


def _hour24(h: int, ap: str | None, inpart: str | None) -> int | None:
    if ap:
        a = ap.lower().replace(" ", "").replace(".", "")
        if a.startswith("o") or a == "":
            return h if h <= 23 else None
        if h < 1 or h > 12:
            return None
        if a.startswith("p"):
            return h % 12 + 12
        if a.startswith("a"):
            return h % 12
        if "morning" in a:
            return h % 12
        if "afternoon" in a or "evening" in a:
            return h % 12 + 12
        return h
    if inpart:
        ip = inpart.lower()
        if "morning" in ip:
            return h % 12
        if ("afternoon" in ip or "evening" in ip or "night" in ip) and h <= 12:
            return h % 12 + 12
    return h if h <= 23 else None


def _zone(zone_text: str | None, overrides: tuple[tuple[str, int], ...]) -> tuple[str | None, int | None]:
    """Zone text as written and its offset in minutes (None when unknown)."""
    if not zone_text:
        return None, None
    z = _norm(zone_text)
    cal = calendar()
    m = regex.match(r"(utc|gmt|[a-z]{3,4})\s?([+±-]?)\s?(\d{1,2})(?::?(\d{2}))?h?$", z)
    if m:
        # "UTC+4", "GMT-3", "utc4:30", and offsets from a named zone: "MSK+7"
        base = 0 if m.group(1) in ("utc", "gmt") else zones.offset(m.group(1).upper(), overrides)
        minutes = int(m.group(3)) * 60 + int(m.group(4) or 0)
        if base is None or minutes > 14 * 60:
            return zone_text, None
        return zone_text, base + (-minutes if m.group(2) == "-" else minutes)
    m = regex.match(r"(.+?)\s(\d{1,2})$", z)
    if m and m.group(1) in cal.zone_series:
        return zone_text, cal.zone_series[m.group(1)] + 60 * int(m.group(2))
    z = regex.sub(r"\s*\(.*\)$", "", z)  # "central standard time (mexico)"
    if z in cal.zone_names:
        target = cal.zone_names[z]
        fixed = zones.parse_offset(target)
        return zone_text, fixed if fixed is not None else zones.offset(target, overrides)
    return zone_text, zones.offset(z.upper(), overrides)


def _times(text: str, overrides: tuple[tuple[str, int], ...], windows: dict[str, Windows]) -> list[Mention]:
    out = []
    for m in _scan("time", text, windows):
        start, end = m.span()
        surface = text[start:end]
        inpart = m.group("inpart")
        part = None
        if m.group("noon"):
            noon = _norm(m.group("noon"))
            hour, minute = (12, 0) if noon in ("noon", "midday") else (0, 0)
        elif m.group("past"):
            # "ten past 9", "half past seven", "a quarter to six"
            word = _norm(m.group("past")).replace("-", " ")
            minute_words = {
                "half": 30,
                "quarter": 15,
                "a quarter": 15,
                "five": 5,
                "ten": 10,
                "fifteen": 15,
                "twenty": 20,
                "twenty five": 25,
            }
            mins = int(word) if word.isdigit() else minute_words.get(word)
            ph = m.group("ph").lower()
            h = int(ph) if ph.isdigit() else _NUMBER_WORDS.get(ph)
            if mins is None or h is None or mins >= 60:
                continue
            ap = m.group("ap")
            h24 = _hour24(h, ap, inpart)
            if h24 is None:
                continue
            if m.group("pto").lower() == "to":
                h24, mins = (h24 - 1) % 24, 60 - mins
            hour, minute = h24, mins
        else:
            if m.group("hw"):
                h = _NUMBER_WORDS[m.group("hw").lower()]
                minute = 0
            else:
                h = int(m.group("h"))
                minute = int(m.group("m") or 0)
            ap = m.group("ap")
            if ap and "in" in ap.lower():
                inpart, ap = ap, None
            hour_or_none = _hour24(h, ap, inpart)
            if hour_or_none is None:
                continue
            hour = hour_or_none
            if m.group("m") is None and not ap and not inpart and not m.group("hw"):
                continue
        if inpart:
            part = _norm(inpart).replace("in the ", "").replace("at ", "")
        zone_text = m.group("zone")
        zone, offset = _zone(zone_text, overrides)
        if zone_text is None and m.group("m") is not None and not m.group("ap"):
            # "3:1" ratios and "1:1" meetings have one-digit minutes and never reach here; a bare
            # "12:45" is kept as a clock time (24-hour or unqualified).
            pass
        # Trim a dangling "(" kept by the optional zone group.
        while surface and surface[-1] in " (":
            surface, end = surface[:-1], end - 1
        out.append(
            Mention(
                start,
                end,
                surface,
                "dates.time-zone" if zone else "dates.time",
                hour=hour,
                minute=minute,
                zone=zone.strip("() ") if zone else None,
                utc_offset=offset,
                part=part,
            )
        )
    return out


def find_zones(
    text: str, overrides: tuple[tuple[str, int], ...] = ()
) -> list[tuple[int, int, str, int | None]]:
    """Zone mentions anywhere: ``(start, end, text, offset minutes or None)``.

    Abbreviations count when written in capitals, or in lower case when three letters or
    more, since "et", "mt" and "z" are ordinary tokens.

    >>> find_zones("Book me a room at beijing time")
    [(18, 30, 'beijing time', 480)]
    >>> find_zones("at 16:30 WET.")
    [(9, 12, 'WET', 0)]
    """
    out = []
    for m in _patterns()["zone_only"].finditer(text):
        z = m.group("zone")
        if z.isalpha() and z.lower() not in calendar().zone_names and not z.isupper() and len(z) < 3:
            continue
        _, offset = _zone(z, overrides)
        out.append((m.start(), m.end(), z, offset))
    return out


# --------------------------------------------------------------------------------------------
# Combining adjacent mentions: "Friday 3 January", "5:30 p.m. (EST) on January 7"


_JOIN = regex.compile(r"^(?:\s{0,3}(?:,|\(|-|on|at|of|in\s{1,3}the|the)?\s{0,3}){1,2}$", regex.IGNORECASE)
_CLOSE = regex.compile(r"[ \t]{0,2}\)")


def _compatible(a: Mention, b: Mention) -> bool:
    """Two mentions describe one time: each fills fields the other lacks, none conflict."""
    if a.anaphoric or b.anaphoric or a.invalid or b.invalid or a.then or b.then:
        return False
    if a.has_time and b.has_time:
        return False
    for field in ("year", "month", "day", "weekday", "zone"):
        va, vb = getattr(a, field), getattr(b, field)
        if va is not None and vb is not None and va != vb:
            return False
    if a.has_date and b.has_date:
        # weekday + calendar date, or calendar date + year; never two relative expressions
        weekday_modes = ("", "bare", "this", "dayof", "last", "next", "past", "coming")
        a_rel = a.days is not None or a.shift is not None or a.mode not in weekday_modes or a.dayonly
        b_rel = b.days is not None or b.shift is not None or b.mode not in weekday_modes or b.dayonly
        if a_rel or b_rel:
            return False
        if a.month is not None and b.month is not None:
            return False
        if a.year is not None and b.year is not None:
            return False
    return True


def _merge(a: Mention, b: Mention, text: str) -> Mention:
    fields = {}
    for field in (
        "year",
        "month",
        "day",
        "weekday",
        "part",
        "hour",
        "minute",
        "zone",
        "utc_offset",
        "days",
        "shift",
        "nth",
        "month_shift",
    ):
        va, vb = getattr(a, field), getattr(b, field)
        fields[field] = va if va is not None else vb
    mode = a.mode or b.mode
    if a.month is not None or b.month is not None:
        mode = ""  # an explicit calendar date decides; the weekday word only confirms it
    dayonly = (a.dayonly or b.dayonly) and fields["month"] is None
    end = b.end
    close = _CLOSE.match(text, end)
    if close and "(" in text[a.end : b.start]:
        end = close.end()
    rule = a.rule if a.rule != "dates.time" else b.rule
    if a.has_time or b.has_time:
        rule = "dates.time-zone" if fields["zone"] else "dates.datetime"
    return Mention(
        a.start,
        end,
        text[a.start : end],
        rule,
        mode=mode,
        dayonly=dayonly,
        holiday=a.holiday or b.holiday,
        **fields,
    )


def _shifted(a: Mention, b: Mention, text: str) -> Mention:
    """ "3 days after" + "January 12th": the date, shifted once resolved."""
    return replace(
        b,
        start=a.start,
        surface=text[a.start : b.end],
        then=a.shift or ("day", 0),
        later_days=a.later_days,
        rule="dates.relative",
    )


def _combine(mentions: list[Mention], text: str) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if out:
            prev = out[-1]
            gap = text[prev.end : m.start]
            if (
                prev.anaphoric
                and prev.shift is not None
                and not m.anaphoric
                and m.has_date
                and m.then is None
                and regex.fullmatch(r"[ \t]{1,3}", gap)
            ):
                out[-1] = _shifted(prev, m, text)
                continue
            if prev.end <= m.start and len(gap) <= 12 and _JOIN.match(gap) and _compatible(prev, m):
                out[-1] = _merge(prev, m, text)
                continue
        out.append(m)
    return out


def _resolve_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Longest first, then earliest; drop anything overlapping a kept mention."""
    starts: list[int] = []  # kept spans never overlap, so sorted starts give sorted ends
    ends: list[int] = []
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start, m.rule)):
        i = bisect.bisect_right(starts, m.start)
        if i > 0 and ends[i - 1] > m.start:
            continue  # the kept span starting before m reaches into it
        if i < len(starts) and starts[i] < m.end:
            continue  # the next kept span starts inside m
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        kept.append(m)
    return sorted(kept, key=lambda m: (m.start, m.end))


def find_mentions(
    text: str, date_order: str = "mdy", zone_overrides: tuple[tuple[str, int], ...] = ()
) -> list[Mention]:
    """All date/time mentions of ``text`` in order, adjacent pieces combined.

    >>> [(m.surface, m.weekday, m.month, m.day, m.part) for m in find_mentions("early Friday 3 January")]
    [('early Friday 3 January', 4, 1, 3, 'early')]
    >>> [(m.surface, m.mode, m.weekday) for m in find_mentions("He left last Friday.")]
    [('last Friday', 'last', 4)]
    """
    windows = candidate_windows(text)
    found = (
        _holidays(text, windows)
        + _month_dates(text, windows)
        + _numeric_dates(text, date_order, windows)
        + _weekdays(text, windows)
        + _relatives(text, windows)
        + _times(text, zone_overrides, windows)
    )
    pieces = _resolve_overlaps(found)
    # Weekday prefix with a part of day before a dated weekday ("early Friday 3 January"): the
    # weekday reader claims "early Friday", the date reader "Friday 3 January"; prefer the
    # union when they overlap on the weekday.
    piece_starts = [p.start for p in pieces]
    kept_ids = {id(p) for p in pieces}
    for w in found:
        if w.rule == "dates.weekday" and w.part and id(w) not in kept_ids:
            i = bisect.bisect_right(piece_starts, w.start)
            while i < len(pieces) and pieces[i].start < w.end:
                p = pieces[i]
                if (
                    p.weekday == w.weekday
                    and p.month is not None
                    and (i == 0 or pieces[i - 1].end <= w.start)
                ):
                    pieces[i] = replace(p, start=w.start, surface=text[w.start : p.end], part=w.part)
                    piece_starts[i] = w.start
                i += 1
    return [_modified(m, text) for m in _combine(pieces, text)]


_DATE_MOD = regex.compile(r"(?<![\w])(next|this|last)[ \t]{1,3}$", regex.IGNORECASE)
_APPROX = regex.compile(r"(?<![\w])(around|about|circa|approximately|roughly)[ \t]{1,3}$", regex.IGNORECASE)


def _modified(m: Mention, text: str) -> Mention:
    """Take in a modifier written before a mention: "next 6th of April" (the next such day),
    "around 1pm" (the hedge stays in the surface; the value is the clock time)."""
    if m.month is not None and m.day is not None and m.year is None and m.weekday is None and not m.mode:
        mod = _DATE_MOD.search(text, max(0, m.start - 8), m.start)
        if mod:
            start = mod.start()
            return replace(m, start=start, surface=text[start : m.end], mode=mod.group(1).lower())
    if m.has_time and not m.has_date:
        approx = _APPROX.search(text, max(0, m.start - 16), m.start)
        if approx:
            start = approx.start()
            return replace(m, start=start, surface=text[start : m.end])
    return m
