"""The calendar vocabulary of ``data/calendar.toml``, validated, and holiday arithmetic.

Shared by the date readers (`discrepancy.extractors.timescan` builds its patterns from it)
and by resolution (`discrepancy.extractors.resolve` computes holidays from its specs).
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import regex

from .. import tables, zones

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
    if not m or not dt.MINYEAR <= year <= dt.MAXYEAR:
        return None
    if m.group(1):
        try:
            return dt.date(year, int(m.group(1)), int(m.group(2)))
        except ValueError:
            return None
    if m.group(3):
        try:
            return easter(year) + dt.timedelta(days=int(m.group(3)))
        except OverflowError:
            return None  # Easter-relative days past the end of year 9999
    month, n, weekday = int(m.group(4)), int(m.group(5)), int(m.group(6))
    days = [dt.date(year, month, d) for d in range(1, _calendar.monthrange(year, month)[1] + 1)]
    matching = [d for d in days if d.weekday() == weekday]
    d = matching[n if n == -1 else n - 1]
    try:
        return d + dt.timedelta(days=int(m.group(7) or 0))
    except OverflowError:
        return None


def _check_series(entry: str, value: object) -> str | None:
    if not isinstance(value, str) or zones.parse_offset(value) is None:
        return f"{value!r} is not an offset +HH:MM"
    return None


def _check_season(entry: str, value: object) -> str | None:
    return None if value in ("SP", "SU", "FA", "WI") else "should be one of SP, SU, FA, WI"


_REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


def _vague() -> dict[str, str]:
    groups = tables.string_map("calendar", "vague", _check_names)
    for ref in groups:
        if ref not in _REFS:
            raise tables.TableError(f"data table calendar.toml: [vague] {ref!r} is not one of {_REFS}")
    return {phrase.lower(): ref for ref, phrases in groups.items() for phrase in phrases}


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
    seasons: dict[str, str]  # season word -> SP, SU, FA, WI
    past_cues: frozenset[str]
    vague: dict[str, str]  # phrase (lower case) -> PRESENT_REF, PAST_REF, FUTURE_REF
    # [occasions]: ordinals and nouns of a repeated procedure, bare attempt words, plan and
    # postponement words
    occasion_ordinals: tuple[str, ...]
    occasion_nouns: tuple[str, ...]
    attempts: tuple[str, ...]
    plans: tuple[str, ...]
    postponements: tuple[str, ...]


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
        seasons=dict(tables.string_map("calendar", "seasons", _check_season)),
        vague=_vague(),
        past_cues=frozenset(tables.require("calendar", "past_cues", dict)["words"]),
        counter_words=frozenset(
            w.lower() for w in tables.require("calendar", "counter_words", dict)["words"]
        ),
        occasion_ordinals=tables.section_list("calendar", "occasions", "ordinals"),
        occasion_nouns=tables.section_list("calendar", "occasions", "nouns"),
        attempts=tables.section_list("calendar", "occasions", "attempts"),
        plans=tables.section_list("calendar", "occasions", "plans"),
        postponements=tables.section_list("calendar", "occasions", "postponements"),
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
