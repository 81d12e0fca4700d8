"""Dates: DSC301 date-mismatch.

Two aligned dates of one event conflict when `discrepancy.temporal.compatible` says they
cannot describe the same time (it applies zones, compares weekdays as weekdays and keeps
precision: "January 2020" and "3 January 2020" are compatible). Undecidable pairs (``None``)
are not reported.

A conflict is *clear* when both sides are full calendar dates written as dates; when either
side is a weekday or relative expression resolved against a dateline, the resolution is an
inference and the conflict is *likely* (a warning).

What is never reported (`_excused`), because the two values can be one time or are two
events:

* **Other years.** Two dates in different years of which one is written out, or a bare
  year against a day, date a past event named for comparison ("the deadliest since 1999",
  "the previous attempt on 7 September 2019"), not the story's event written wrong; so does a
  date counted back in years ("since a gunman killed 20 children almost a decade ago").
* **Hedged clock times** ("around 1:30 a.m." vs "1:35 a.m.", "a few minutes past 7 p.m." vs
  "7:05 p.m."): each side stands for the interval its hedge gives it (``[clock_hedges]`` of
  ``data/calendar.toml``), and intervals that meet are one time.
* **Other occasions** (`_other_occasions`): an occurrence of a repeated procedure ("the first
  launch attempt on August 29", "a fourth round of voting") against the event or another
  numbered one; a plan or broadcast ("is slated to launch on") against anything; a
  postponement against anything but a postponement.
* **The day after a late hour.** One day apart when a side is at night or in the evening
  ("Friday night" vs "Saturday", "late yesterday night" vs "Friday"), or was counted back
  from the dateline by several days ("10 days ago"): midnight, time zones and the hour of
  publication all move such a day by one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import cache

import regex

from .. import tables, temporal, zones
from ..align import Pair
from ..facts import Fact, When
from ..settings import Settings
from .base import Comparator, Conflict, Context, position


def _explicit(f: Fact) -> bool:
    """A full date written as a date, not a weekday or relative word resolved by anchoring."""
    v = f.value
    if not isinstance(v, When) or v.date is None or v.relative:
        return False
    if f.get("resolved") or f.get("anchor"):
        return False
    # A written month name or number is in the surface; a bare weekday is not.
    return any(ch.isdigit() for ch in f.surface)


def _shown(f: Fact) -> str:
    """The side as quoted, with the resolved value when it differs from the words."""
    v = f.value
    text = " ".join(f.surface.split())
    rendered = v.render() if isinstance(v, When) else ""
    if rendered and rendered.casefold() not in text.casefold():
        return f"{text} ({rendered})"
    return text


# How far before a clock time the words of its hedge are looked for ("a few minutes past 7").
_HEDGE_REACH = 32


def _check_hedge(entry: str, value: object) -> str | None:
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(type(v) is int and 0 <= v <= 60 for v in value)
    ):
        return "should be [minutes before, minutes after], each 0..60"
    return None


@cache
def _clock_hedges() -> tuple[dict[str, tuple[int, int]], regex.Pattern[str]]:
    """``data/calendar.toml`` [clock_hedges], validated, and the pattern of its phrases at the
    end of a text (longest first, so "a few minutes past" wins over "minutes past")."""
    table = {
        " ".join(k.lower().split()): (v[0], v[1])
        for k, v in tables.string_map("calendar", "clock_hedges", _check_hedge).items()
    }
    words = sorted(table, key=lambda w: (-len(w), w))
    alt = "|".join(regex.escape(w).replace(r"\ ", r"\s{1,3}") for w in words)
    return table, regex.compile(rf"(?<![\w-])({alt})\s{{1,3}}$", regex.IGNORECASE)


# The minutes a clock time may stand for before and after the time written: (0, 0) unhedged.
Hedge = tuple[int, int]
# Parts of a day that end at or near midnight: the next calendar day is an hour away.
_LATE_PARTS = frozenset({"night", "late night", "evening", "late", "overnight", "early hours", "early"})


def _hedge(f: Fact) -> Hedge:
    """The interval the words just before a clock time give it (`_clock_hedges`), in its
    surface ("around 2 p.m.") or just before it ("shortly after 7 p.m.").

    >>> from discrepancy.facts import Subject
    >>> def t(sentence, surface):
    ...     at = sentence.index(surface)
    ...     return Fact("x", "date", Subject(), surface, at, at + len(surface), When(hour=19),
    ...                 sentence=sentence)
    >>> _hedge(t("Smoke rose a few minutes past 7 p.m. on Friday.", "7 p.m."))
    (0, 15)
    >>> _hedge(t("It ended just before 7 p.m.", "7 p.m.")), _hedge(t("around 7 p.m.", "around 7 p.m."))
    ((15, 0), (15, 15))
    >>> _hedge(t("It began at 7 p.m.", "7 p.m."))
    (0, 0)
    """
    table, pattern = _clock_hedges()
    first = f.surface.split(" ")[0] + " "
    m = pattern.search(first)
    if not m and f.sentence:
        at = f.start - f.sentence_start
        m = pattern.search(f.sentence[max(0, at - _HEDGE_REACH) : max(0, at)])
    return table[" ".join(m.group(1).lower().split())] if m else (0, 0)


def _instant(v: When) -> int:
    """Minutes of the wall clock, from the date when known, else from midnight."""
    minutes = (v.hour or 0) * 60 + (v.minute or 0)
    if v.date is None:
        return minutes
    return v.date.toordinal() * 1440 + minutes


def _hedges_meet(va: When, ha: Hedge, vb: When, hb: Hedge) -> bool:
    """Whether two clock times, each standing for the interval of its hedge, can be one time.

    Both sides are compared on the wall clock when neither has a zone or both are read in
    one, as UTC instants when both are placed; when only one is placed, the other may be in
    any zone in use (as `_zone_explains` reads it).

    >>> seven = When(2013, 3, 13, hour=19, minute=0)
    >>> _hedges_meet(When(2013, 3, 13, hour=19, minute=5), (0, 0), seven, (0, 15))
    True
    >>> _hedges_meet(When(2013, 3, 13, hour=18, minute=55), (0, 0), seven, (0, 15))
    False
    >>> boston = When(2013, 3, 13, hour=14, minute=4, zone="Boston time", utc_offset=-240)
    >>> _hedges_meet(When(2013, 3, 13, hour=19, minute=6, utc_offset=60), (0, 0), boston, (15, 15))
    True
    """
    both_dated = va.date is not None and vb.date is not None
    if both_dated:
        delta = _instant(va) - _instant(vb)
    else:
        delta = _instant(replace(va, year=None, month=None, day=None)) - _instant(
            replace(vb, year=None, month=None, day=None)
        )
    low, high = -(hb[0] + ha[1]), ha[0] + hb[1]  # a - b, for the intervals to overlap
    placed_a, placed_b = va.utc_offset is not None, vb.utc_offset is not None
    if placed_a and placed_b:
        delta -= (va.utc_offset or 0) - (vb.utc_offset or 0)
        return low <= delta <= high
    if placed_a != placed_b and both_dated:
        # The UTC gap is delta - (offset of a - offset of b), the unplaced side's offset unknown.
        if placed_b:
            return any(low <= delta - o + (vb.utc_offset or 0) <= high for o in _OFFSETS)
        return any(low <= delta - (va.utc_offset or 0) + o <= high for o in _OFFSETS)
    return low <= delta <= high


# Counted back in years: "two years ago", "almost a decade ago", "last year".
_YEARS_BACK = regex.compile(
    r"\b(?:(?:years?|decades?|centur(?:y|ies))\s+ago|last\s+year)\b", regex.IGNORECASE
)


def _counted_back(f: Fact) -> str:
    """How a date was counted back from the dateline: "years" ("almost a decade ago", an
    earlier event named for comparison), "days" ("10 days ago", "yesterday"), or "".

    >>> from discrepancy.facts import Subject
    >>> [_counted_back(Fact("x", "date", Subject(), s, 0, len(s), When(2012))) for s in
    ...  ("a decade ago", "two years ago", "two days ago", "yesterday", "Tuesday")]
    ['years', 'years', 'days', 'days', '']
    """
    words = f.surface.casefold()
    if _YEARS_BACK.search(words):
        return "years"
    return "days" if "ago" in words or "yesterday" in words or "last night" in words else ""


_YEAR = regex.compile(r"(?<!\d)(?:1[0-9]|20)\d\d(?!\d)")


def _year_written(f: Fact) -> bool:
    """The date's year is in its words, not inferred from the dateline or the tense."""
    return bool(_YEAR.search(f.surface))


def _excused(a: Fact, b: Fact) -> bool:
    """Whether a pair that `temporal.compatible` calls different is not reported (see above).

    >>> from discrepancy.facts import Subject
    >>> def d(surface, when, sentence=""):
    ...     return Fact("x", "date", Subject(), surface, 0, len(surface), when, sentence=sentence)
    >>> _excused(d("1999", When(1999)), d("Monday", When(2023, 2, 6)))
    True
    >>> around = d("around 1:30 a.m.", When(2024, 3, 26, hour=1, minute=30))
    >>> _excused(around, d("1:35 a.m.", When(2024, 3, 26, hour=1, minute=35)))
    True
    >>> _excused(d("Friday night", When(2023, 9, 8, part="night")), d("Saturday", When(2023, 9, 9)))
    True
    >>> _excused(d("Tuesday", When(2023, 8, 22)), d("Wednesday", When(2023, 8, 23)))
    False
    """
    ra, rb = _excuse_reading(a), _excuse_reading(b)
    return ra is not None and rb is not None and _excused_readings(ra, rb)


# What `_excused` reads from one side: its value, whether its year is written, the interval
# its clock time's hedge gives it (None when it has no clock time or no hedge), whether it was
# counted back from the dateline (`_counted_back`), its occasion (`_occasion`), and for a clock
# time without a zone in a story datelined in a listed city, the time placed in that city's
# zone (`_at_place`), and the magnitude of the quake it dates (`_magnitude`).
ExcuseReading = tuple[When, bool, Hedge | None, str, str, When | None, float | None]


# Occasions that name an occurrence without saying which ("two previous attempts", "an
# attempted launch"): they may be any numbered one ("the second attempt").
# (A postponement, "postponed", is compared only with another: reports number tries
# differently, and "the launch was postponed Saturday" may be any of them.)
_UNNUMBERED = frozenset({"attempt", "previous", "earlier", "prior", "another", "failed", "aborted", "latest"})
# Ordinals that name the same occurrence.
_SAME_ORDINAL = {"initial": "first"}


def _other_occasions(a: str, b: str) -> bool:
    """Whether two occasions (`_occasion`) cannot be one: the event and an occurrence of a
    procedure, two numbered occurrences, or a plan against anything.

    >>> _other_occasions("first", ""), _other_occasions("first", "fourth"), _other_occasions("plan", "plan")
    (True, True, True)
    >>> _other_occasions("second", "previous"), _other_occasions("initial", "first"), _other_occasions("", "")
    (False, False, False)
    >>> [_other_occasions("postponed", b) for b in ("postponed", "", "first")]
    [False, True, True]
    """
    if a == "plan" or b == "plan":
        return True
    if not a or not b:
        return a != b
    if a in _UNNUMBERED or b in _UNNUMBERED:
        return False
    return _SAME_ORDINAL.get(a, a) != _SAME_ORDINAL.get(b, b)


def _occasion(f: Fact) -> str:
    """Which occurrence of a repeated procedure ("first" of "the first launch attempt",
    "postponed"), or "plan" for a schedule or broadcast, the date belongs to; "" for the event.
    Read by the extractor (`discrepancy.extractors.resolve.occasion`); a date the extractor put
    ahead of the dateline by a future cue ("will be held on Aug 30") is a plan too."""
    return f.get("occasion") or ("plan" if f.get("tense") == "future" else "")


def _excuse_reading(f: Fact) -> ExcuseReading | None:
    v = f.value
    if not isinstance(v, When):
        return None
    hedge = _hedge(f) if v.hour is not None else (0, 0)
    reading = (v, _year_written(f), hedge if hedge != (0, 0) else None, _counted_back(f), _occasion(f))
    return (*reading, _at_place(v, f.get("place_zone")), _magnitude(f))


# The magnitude of a quake named with its date: "a 4.8-magnitude temblor early Friday",
# "Wednesday morning's 6.2 earthquake", "the magnitude 7.2 quake struck late on Friday".
_MAGNITUDE = regex.compile(
    r"""(?<![\d.])(?P<m>\d\.\d)(?:[ \t-]{1,2}magnitude\b          # "4.8-magnitude"
          |(?=[ \t-]{1,2}(?:earthquake|quake|temblor|tremor|aftershock)s?\b))  # "6.2 earthquake"
      | \bmagnitude(?:[ \t]of)?[ \t-]{1,2}(?P<m>\d\.\d)(?![\d.])     # "magnitude 7.2" """,
    regex.VERBOSE | regex.IGNORECASE,
)
# Reports of one quake round its magnitude differently (7.7 and 7.8, 6.0 and 6.2); farther
# apart, two magnitudes are two quakes (a 6.2 main shock, a 4.8 aftershock).
MAGNITUDE_SPREAD = 0.5


def _magnitude(f: Fact) -> float | None:
    """The magnitude written with the date: the last one in its clause before it, else one
    right after it ("Wednesday morning's 6.2 earthquake"); None when there is none.

    >>> from discrepancy.facts import Subject
    >>> def m(sentence, surface):
    ...     at = sentence.index(surface)
    ...     return _magnitude(Fact("x", "date", Subject(), surface, at, at + len(surface), When(weekday=4),
    ...                            sentence=sentence))
    >>> m("The town was hit by a 4.8-magnitude temblor early Friday.", "early Friday")
    4.8
    >>> m("It was the epicenter of Wednesday morning's 6.2 earthquake.", "Wednesday morning")
    6.2
    >>> m("The quake struck on Friday.", "Friday") is None
    True
    """
    if not f.sentence:
        return None
    at, end = f.start - f.sentence_start, f.end - f.sentence_start
    before = f.sentence[max(0, at - 150) : max(0, at)].rsplit(";", 1)[-1]
    found = list(_MAGNITUDE.finditer(before))
    if not found:
        found = list(_MAGNITUDE.finditer(f.sentence[max(0, end) : max(0, end) + 24]))[:1]
    return float(found[-1].group("m")) if found else None


def _at_place(v: When, place: str) -> When | None:
    """A clock time without a zone placed in the zone of its story's dateline city ("7:06 p.m."
    in a story datelined "ROME (Agency) --"), with that zone's offset on its day; None when it
    has a zone, no clock time or no such place."""
    if not place or v.hour is None or v.utc_offset is not None:
        return None
    local = None
    if v.date is not None:
        local = dt.datetime.combine(v.date, dt.time(v.hour, v.minute or 0))
    offset = zones.city_offset(place, local)
    return None if offset is None else replace(v, utc_offset=offset)


def _placed(a: ExcuseReading, b: ExcuseReading) -> tuple[ExcuseReading, ExcuseReading]:
    """The two readings with a side without a zone read in its dateline city's zone when the
    other side has one ("7:06 p.m." in a Rome story against "2:04 p.m. Boston time"): they are
    then compared as instants. Two sides without zones stay on one wall clock."""
    a_placed, b_placed = a[0].utc_offset is not None, b[0].utc_offset is not None
    if a_placed == b_placed:
        return a, b
    if not a_placed and a[5] is not None:
        a = (a[5], *a[1:])
    if not b_placed and b[5] is not None:
        b = (b[5], *b[1:])
    return a, b


def _excused_readings(a: ExcuseReading, b: ExcuseReading, settings: Settings | None = None) -> bool:
    """`_excused` of two sides as read (``settings`` unused: the signature of `per_values`)."""
    va, vb = a[0], b[0]
    # Two occurrences of a repeated procedure ("the first vote was held Tuesday", "elected him
    # in a fourth round of voting on Wednesday"), or a plan against what happened ("is slated
    # to launch on Nov. 14", "launched on November 16"), are two times, not one told wrong.
    if _other_occasions(a[4], b[4]):
        return True
    # Two quakes of different sizes ("a 4.8-magnitude temblor early Friday" and "Wednesday
    # morning's 6.2 earthquake") are two events.
    if a[6] is not None and b[6] is not None and abs(a[6] - b[6]) > MAGNITUDE_SPREAD:
        return True
    # A date counted back in years ("since a gunman killed 20 children almost a decade ago")
    # dates an earlier event named for comparison, as a year written out does (below).
    if "years" in (a[3], b[3]):
        return True
    # A year written out that differs from the other side's year (written or inferred): "on 7th
    # September 2019" against this week's "Tuesday" is the previous attempt, not this one.
    written = a[1] or b[1]
    if va.year is not None and vb.year is not None and va.year != vb.year and written:
        return True
    for v in (va, vb):
        if v.year is not None and v.month is None and v.day is None and v.weekday is None:
            return True
    if va.hour is not None and vb.hour is not None and (a[2] or b[2]):
        if _hedges_meet(va, a[2] or (0, 0), vb, b[2] or (0, 0)):
            return True
    if _day_apart(va, vb):
        late = va.part in _LATE_PARTS or vb.part in _LATE_PARTS
        if late or a[3] or b[3]:
            return True
    return False


def _weekday(v: When) -> int | None:
    if v.date is not None:
        return v.date.weekday()
    return v.weekday


def _day_apart(va: When, vb: When) -> bool:
    """Whether two days are one apart: by their dates, or by their weekdays when a side is a
    weekday alone ("Friday" in a story without a dateline against "yesterday night", read as
    Thursday night).

    >>> _day_apart(When(2023, 9, 7, part="night"), When(weekday=4))
    True
    >>> _day_apart(When(weekday=4), When(weekday=1))
    False
    """
    if va.date is not None and vb.date is not None:
        return abs((va.date - vb.date).days) == 1
    wa, wb = _weekday(va), _weekday(vb)
    return wa is not None and wb is not None and (wa - wb) % 7 in (1, 6)


# UTC offsets in use around the world, in minutes (UTC-12:00 to UTC+14:00, quarter hours).
_OFFSETS = tuple(range(-12 * 60, 14 * 60 + 1, 15))


def _zone_explains(a: When, b: When) -> bool:
    """Whether a time written without a zone may be the other side's zoned time read locally.

    "8 p.m. on Tuesday" in a story whose other report says "01:00 GMT on Wednesday" is the
    same instant in New York; with no zone on one side, the difference is undecidable.

    >>> zoned = When(2024, 11, 6, weekday=2, hour=1, minute=0, zone="GMT", utc_offset=0)
    >>> _zone_explains(When(2024, 11, 5, weekday=1, hour=20, minute=0), zoned)
    True
    >>> _zone_explains(When(2024, 11, 3, hour=20, minute=0), zoned)
    False
    >>> _zone_explains(When(2024, 11, 5), zoned)
    False
    """
    if (a.utc_offset is None) == (b.utc_offset is None):
        return False  # both placed, or neither: compared as they stand
    local, placed = (a, b) if a.utc_offset is None else (b, a)
    if local.hour is None or local.zone:
        return False  # a bare date is a calendar day wherever it was written
    # A stated weekday belongs to the writer's own calendar day ("Tuesday" in New York is
    # "Wednesday" in GMT); a full date already says the day, so the weekday is left out.
    if local.date is not None:
        local = replace(local, weekday=None)
    if placed.date is not None:
        placed = replace(placed, weekday=None)
    return any(temporal.compatible(replace(local, utc_offset=o), placed) for o in _OFFSETS)


def _differ(a: ExcuseReading | None, b: ExcuseReading | None, settings: Settings) -> bool:
    """Whether two dates as read are reported as different: `temporal.compatible` says they
    are, no zone explains it and nothing excuses it (`_excused`)."""
    if a is None or b is None:
        return False
    a, b = _placed(a, b)
    if temporal.compatible(a[0], b[0]) is not False:
        return False
    return not (_zone_explains(a[0], b[0]) or _excused_readings(a, b))


def check(pair: Pair, ctx: Context) -> list[Conflict]:
    """The conflict of one aligned pair of dates, if any (a list: most pairs have none)."""
    a, b = pair.a, pair.b
    if b.doc < a.doc or (a.doc == b.doc and position(b) < position(a)):
        a, b = b, a  # side order (`ordered`), inline: this runs once per aligned pair
    # Reports repeat a few dates in a few words: each fact is read once, each pair of
    # readings judged once.
    differ, _, _ = ctx.judged(_excuse_reading, _differ, a, b)
    if not differ:
        return []
    clear = ctx.per_fact(_explicit, a) and ctx.per_fact(_explicit, b)
    event = pair.fa.head
    shown_a, shown_b = ctx.per_fact(_shown, a), ctx.per_fact(_shown, b)
    message = f"{a.doc} dates the {event} to {shown_a}; {b.doc} dates it to {shown_b}."
    return [Conflict("DSC301", a, b, event, pair.score, clear, message)]


def rule_of(pair: Pair, ctx: Context, judgment: bool | None = None) -> str | None:
    """The rule `check` reports for a pair, None for none (see `Comparator.rule_of`)."""
    if judgment is not None:
        return "DSC301" if judgment else None  # the screen asked `check`'s only question
    a, b = pair.a, pair.b
    if b.doc < a.doc or (a.doc == b.doc and position(b) < position(a)):
        a, b = b, a
    differ, _, _ = ctx.judged(_excuse_reading, _differ, a, b)
    return "DSC301" if differ else None


COMPARATOR = Comparator(
    "dates",
    ("DSC301",),
    ("date",),
    check=check,
    screen=(_excuse_reading, _differ, _differ),
    rule_of=rule_of,
)
