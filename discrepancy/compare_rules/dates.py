"""Dates: DSC301 date-mismatch.

Two aligned dates of one event conflict when `discrepancy.temporal.compatible` says they
cannot describe the same time (it applies zones, compares weekdays as weekdays and keeps
precision: "January 2020" and "3 January 2020" are compatible). Undecidable pairs (``None``)
are not reported.

A conflict is *clear* when both sides are full calendar dates written as dates; when either
side is a weekday or relative expression resolved against a dateline, the resolution is an
inference and the conflict is *likely* (a warning).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..align import Pair
from ..facts import Fact, When
from .base import Comparator, Conflict, Context, ordered


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
    from .. import temporal

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


def check(pair: Pair, ctx: Context) -> Iterator[Conflict]:
    """The conflict of one aligned pair of dates, if any."""
    from .. import temporal

    a, b = ordered(pair.a, pair.b)
    if not isinstance(a.value, When) or not isinstance(b.value, When):
        return
    if temporal.compatible(a.value, b.value) is not False:
        return
    if _zone_explains(a.value, b.value):
        return
    clear = _explicit(a) and _explicit(b)
    event = pair.fa.head
    yield Conflict(
        "DSC301",
        a,
        b,
        event,
        pair.score,
        clear,
        f"{a.doc} dates the {event} to {_shown(a)}; {b.doc} dates it to {_shown(b)}.",
    )


COMPARATOR = Comparator("dates", ("DSC301",), ("date",), check=check)
