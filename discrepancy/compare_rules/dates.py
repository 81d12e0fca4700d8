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


def check(pair: Pair, ctx: Context) -> Iterator[Conflict]:
    """The conflict of one aligned pair of dates, if any."""
    from .. import temporal

    a, b = ordered(pair.a, pair.b)
    if not isinstance(a.value, When) or not isinstance(b.value, When):
        return
    if temporal.compatible(a.value, b.value) is not False:
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
