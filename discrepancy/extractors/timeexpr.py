"""Find date and time expressions in text and read their literal fields.

This module only *reads*: it turns "early Friday 3 January", "5:30 p.m. (EST)" or "last
week" into `Mention` records holding what the words say (a month, a day, a weekday with a
modifier, an offset in days). Resolving relative expressions against a dateline is
`discrepancy.extractors.resolve`' job.

The reading is split by concern: `timetables` (the calendar vocabulary), `mention` (the
record and word values), `timescan` (patterns), `timesites` (where they run), `timereaders`
(calendar expressions), `timeperiods` (quarters, seasons, decades, vague references),
`timezones` (clock times and zones); this module runs the readers,
joins adjacent pieces ("Friday" + "3 January") and keeps the longest of overlapping ones.

>>> [(m.surface, m.month, m.day, m.year) for m in find_mentions("On 3 January 2020 it rained.")]
[('3 January 2020', 1, 3, 2020)]
>>> [(m.surface, m.hour, m.minute, m.zone) for m in find_mentions("at 5:30 p.m. (EST) on January 7")][0]
('5:30 p.m. (EST) on January 7', 17, 30, 'EST')
>>> [m.surface for m in find_mentions("Gallery 1/35 and a march through the capital")]
[]
"""

from __future__ import annotations

import bisect
from dataclasses import replace

import regex

from .mention import Mention, day_word_value, spoken_year, two_digit_year
from .timeperiods import _periods
from .timereaders import _holidays, _month_dates, _numeric_dates, _relatives, _weekdays
from .timesites import candidate_windows, scan_sites
from .timetables import Calendar, calendar, easter, holiday_date
from .timezones import _times, find_zones

__all__ = [
    "Calendar",
    "Mention",
    "calendar",
    "candidate_windows",
    "day_word_value",
    "easter",
    "find_mentions",
    "find_zones",
    "holiday_date",
    "spoken_year",
    "two_digit_year",
]

# --------------------------------------------------------------------------------------------
# Combining adjacent mentions: "Friday 3 January", "5:30 p.m. (EST) on January 7"


_JOIN = regex.compile(r"^(?:\s{0,3}(?:,|\(|-|on|at|of|in\s{1,3}the|the)?\s{0,3}){1,2}$", regex.IGNORECASE)
_CLOSE = regex.compile(r"[ \t]{0,2}\)")
_BLANKS = regex.compile(r"[ \t]{1,3}")


def _compatible(a: Mention, b: Mention) -> bool:
    """Two mentions describe one time: each fills fields the other lacks, none conflict."""
    if a.anaphoric or b.anaphoric or a.invalid or b.invalid or a.then or b.then:
        return False
    if a.period is not None or b.period is not None:
        return False  # "last fall, the 1990s": two periods, never one time
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
                and _BLANKS.fullmatch(gap)
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
    sites = scan_sites(text)
    found = (
        _holidays(text, sites)
        + _month_dates(text, sites)
        + _numeric_dates(text, date_order, sites)
        + _weekdays(text, sites)
        + _relatives(text, sites)
        + _times(text, zone_overrides, sites)
        + _periods(text, sites)
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


# Modifiers just before a mention, matched backwards from it (one attempt, not one per start).
_DATE_MOD = regex.compile(r"(?<![\w])(next|this|last)[ \t]{1,3}$", regex.IGNORECASE | regex.REVERSE)
_APPROX = regex.compile(
    r"(?<![\w])(around|about|circa|approximately|roughly)[ \t]{1,3}$", regex.IGNORECASE | regex.REVERSE
)


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
