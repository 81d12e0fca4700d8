"""Amounts: DSC101 quantity-mismatch, DSC102 unit-mismatch, DSC103 running-total-update.

Two aligned amounts conflict when their intervals cannot overlap:

* ends are open or closed as written: "a dozen" [12, 12] and "more than a dozen" (12, inf)
  cannot overlap; "over a dozen" and "more than a dozen" are the same interval;
* an approximate value is widened by ``Settings.approx_tolerance`` on both sides, "nearly N"
  only from below;
* two upper bounds of the same kind ("up to 5,000" / "up to 2,500") compare as bounds: a
  stated maximum means the maximum, so different maxima conflict; two lower bounds ("at
  least 4 GB" / "at least 8 GB") likewise, but only as a likely conflict (a warning) and only
  for measures: counts in news give rising minimum estimates ("at least 296 dead", later "at
  least 632"), which are all true at once;
* a vague count ("hundreds injured") is a manner of speaking and is held to no figure;
* units of one dimension are converted (`discrepancy.units.comparable`) and the converted
  value is widened by ``Settings.unit_tolerance`` for rounding ("100 km" = "62 miles");
  amounts whose units cannot be converted (a length and a mass, two currencies) are DSC102.

A conflict between documents published on different days about a running total ("death
toll", "so far") is DSC103: it may be an update, and the message gives both dates.

>>> from decimal import Decimal as D
>>> from discrepancy.facts import INF
>>> s = Settings()
>>> verdict(Amount.exact(12), Amount(D(12), INF, low_open=True), s)
'likely'
>>> verdict(Amount(D(12), INF, low_open=True), Amount(D(12), INF, low_open=True, hedge="over"), s)
>>> verdict(Amount.exact(5000), Amount.exact(5200), s)
'clear'
>>> verdict(Amount.exact(200, approximate=True), Amount.exact(215), s)
>>> verdict(Amount(D(0), D(5000), hedge="up to"), Amount(D(0), D(2500), hedge="up to"), s)
'clear'
>>> verdict(Amount(D(0), D(5000), hedge="up to"), Amount.exact(2500), s)
>>> gb = dict(hedge="at least", unit="gigabyte")
>>> verdict(Amount(D(4), INF, **gb), Amount(D(8), INF, **gb), s)
'likely'
>>> verdict(Amount(D(296), INF, hedge="at least"), Amount(D(632), INF, hedge="at least"), s)
>>> verdict(Amount(D(4), INF, hedge="at least"), Amount(D(8), INF, low_open=True, hedge="more than"), s)
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from ..align import AMOUNT_FAMILIES, Pair, family
from ..document import Document
from ..facts import INF, NEG_INF, Amount, Fact
from ..settings import Settings
from .base import Comparator, Conflict, Context, position, said

_Bound = tuple[Decimal, bool]  # (value, open)


def _widen(a: Amount, tolerance: float) -> tuple[_Bound, _Bound]:
    """The interval an amount stands for, approximate values widened."""
    low, high = a.low, a.high
    if a.approximate and tolerance > 0:
        t = Decimal(str(tolerance))
        if low.is_finite():
            low = low - abs(low) * t
        if high.is_finite() and a.direction != "below":
            # "nearly 200" is approximately 200 from below: it never means more than 200.
            high = high + abs(high) * t
    return (low, a.low_open and not a.approximate), (high, a.high_open and not a.approximate)


def _is_upper_bound(a: Amount) -> bool:
    """A stated maximum: "up to N", "as many as N", "fewer than N" (low end at 0, hedged)."""
    return (
        bool(a.hedge)
        and a.low in (0, NEG_INF)
        and not a.low_open
        and a.high.is_finite()
        and not a.approximate
    )


def _is_lower_bound(a: Amount) -> bool:
    """A stated minimum: "at least N", "more than N" (high end unbounded, hedged)."""
    return bool(a.hedge) and a.high == INF and a.low.is_finite() and not a.approximate


def _close(x: Decimal, y: Decimal, tolerance: float) -> bool:
    if x == y:
        return True
    scale = max(abs(x), abs(y))
    return scale > 0 and abs(x - y) / scale <= Decimal(str(tolerance))


def verdict(a: Amount, b: Amount, settings: Settings, unit_tolerance: float = 0.0) -> str | None:
    """``None`` when both amounts can be true, else ``"clear"`` or ``"likely"``.

    ``clear``: exact values (or bounds) separated by a gap. ``likely``: the intervals only
    touch at an open end ("12" vs "more than 12") or an approximate value is involved, so the
    reading of a hedge decides. ``unit_tolerance`` is the relative slack of a converted value.
    """
    if _is_upper_bound(a) and _is_upper_bound(b) and a.high_open == b.high_open:
        if _close(a.high, b.high, unit_tolerance):
            return None
        return "clear"
    if _is_lower_bound(a) and _is_lower_bound(b) and a.low_open == b.low_open:
        if not a.unit and not b.unit:
            return None  # counts: "at least 296 dead", later "at least 632" are both true
        return None if _close(a.low, b.low, unit_tolerance) else "likely"
    (alo, alo_open), (ahi, ahi_open) = _widen(a, settings.approx_tolerance)
    (blo, blo_open), (bhi, bhi_open) = _widen(b, settings.approx_tolerance)
    if unit_tolerance > 0:
        t = Decimal(str(unit_tolerance))
        blo = blo - abs(blo) * t if blo.is_finite() else blo
        bhi = bhi + abs(bhi) * t if bhi.is_finite() else bhi
    # The overlap of the two intervals: the larger low end and the smaller high end.
    lo, lo_open = (alo, alo_open) if (alo, alo_open) > (blo, blo_open) else (blo, blo_open)
    hi, hi_open = (ahi, ahi_open) if (ahi, not ahi_open) < (bhi, not bhi_open) else (bhi, bhi_open)
    if lo < hi or (lo == hi and not lo_open and not hi_open):
        return None
    approximate = a.approximate or b.approximate
    touching = lo == hi
    if touching and approximate:
        return None  # "around 2,000" reaches 2,200, where "more than 2,200" starts
    return "likely" if (approximate or touching) else "clear"


def _convert(a: Amount, b: Amount) -> tuple[Amount, Amount] | None:
    """``(a, b in a's unit)`` when the units share a dimension, else None."""
    if a.unit == b.unit:
        return a, b
    from .. import units

    return units.comparable(a, b)


# Readable names of pint dimensionalities for messages.
_DIMENSION_WORDS = {
    "[length]": "length",
    "[mass]": "mass",
    "[time]": "time",
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "[length] / [time]": "speed",
    "[temperature]": "temperature",
    "[information]": "data size",
    "[angle]": "angle",
    "[information] / [time]": "data rate",
}


def _dimension(unit: str) -> str:
    """A readable name of a unit's dimension ("length", "money in EUR").

    >>> _dimension("kilometer"), _dimension("EUR"), _dimension("")
    ('length', 'money in EUR', 'count')
    """
    if not unit:
        return "count"
    from .. import units

    dim = units.dimension(unit)
    if dim.startswith("currency:"):
        return "money in " + dim.split(":", 1)[1]
    return _DIMENSION_WORDS.get(dim, dim)


def _restated(f: Fact) -> Amount:
    """The amount a fact stands for against other documents: a bare figure whose document
    also gives it with a hedge carries that hedge (extra ``restated_as``)."""
    code = f.get("restated_as")
    return f.value.decode(code) if code and isinstance(f.value, Amount) else f.value  # type: ignore[return-value]


def _published_day(doc: Document | None) -> str:
    when = doc.published if doc is not None else None
    if when is None or when.date is None:
        return ""
    return when.date.isoformat()


def subject_of(quals: frozenset[str], head: str) -> str:
    """The subject column: shared qualifiers, then the canonical head ("us troop")."""
    return " ".join([*sorted(quals), head]).strip()


@lru_cache(maxsize=1 << 14)
def _subject(quals_a: frozenset[str], quals_b: frozenset[str], head: str) -> str:
    """`subject_of` two aligned amounts, once per distinct (qualifiers, qualifiers, head)."""
    return subject_of(quals_a & quals_b, head)


# (a manner of speaking, the amount as written, the amount against other sources, a span)
Side = tuple[bool, Amount, Amount, bool]
# `_outcome` when the two amounts have different units: converted below, not memoized.
_UNITS = "units"


def _side(f: Fact) -> Side | None:
    """How a rule reads one amount: (a manner of speaking such as "hundreds injured", the
    amount as written, the amount against other sources, whether it is a span), or None for
    no amount. An age range is a span, the youngest and the oldest of a group ("boys aged 11
    to 16"), not an uncertain age: two spans agree only end for end."""
    if not isinstance(f.value, Amount):
        return None
    v = f.value
    span = f.kind == "age" and not v.is_point and v.low.is_finite() and v.high.is_finite()
    return (f.rule.endswith("vague-count"), v, _restated(f), span)


def _spans(a: Amount, b: Amount) -> str | None:
    """The verdict on two spans: none when they have the same ends."""
    return None if (a.low, a.high) == (b.low, b.high) else "clear"


def _outcome_as_written(a: Side | None, b: Side | None, settings: Settings) -> str | None:
    """`verdict` of two amounts of one document, `_UNITS` for two units, None for no
    conflict (or no amount, or a manner of speaking)."""
    if a is None or b is None or a[0] or b[0]:
        return None
    if a[1].unit != b[1].unit:
        return _UNITS
    if a[3] and b[3]:
        return _spans(a[1], b[1])
    return verdict(a[1], b[1], settings, 0.0)


def _outcome_restated(a: Side | None, b: Side | None, settings: Settings) -> str | None:
    """`_outcome_as_written` of two amounts of two documents, as restated."""
    if a is None or b is None or a[0] or b[0]:
        return None
    if a[2].unit != b[2].unit:
        return _UNITS
    if a[3] and b[3]:
        return _spans(a[2], b[2])
    return verdict(a[2], b[2], settings, 0.0)


# What `_decide` finds for a pair: the rule, the two facts in side order, their amounts as
# compared and the verdict ("clear" or "likely"; "" for DSC102).
Decision = tuple[str, Fact, Fact, Amount, Amount, str]


def _decide(pair: Pair, ctx: Context) -> Decision | None:
    """Which rule one aligned pair of amounts breaks, if any (`check` without its message)."""
    settings = ctx.settings
    a, b = pair.a, pair.b
    if b.doc < a.doc or (a.doc == b.doc and position(b) < position(a)):
        a, b = b, a  # side order (`ordered`), inline: this runs once per aligned pair
    # Most pairs repeat a pair of amounts other reports gave: each fact is read once and each
    # pair of readings judged once. "Hundreds injured" is a manner of speaking, not a figure
    # to hold to 1,204 (no conflict); against another source, a headline's bare "3,000" is
    # the body's "at least 3,000".
    if a.doc != b.doc:
        outcome, side_a, side_b = ctx.judged(_side, _outcome_restated, a, b)
        if outcome is None or side_a is None or side_b is None:
            return None
        va, vb = side_a[2], side_b[2]
    else:
        outcome, side_a, side_b = ctx.judged(_side, _outcome_as_written, a, b)
        if outcome is None or side_a is None or side_b is None:
            return None
        va, vb = side_a[1], side_b[1]
    converted = _convert(va, vb)
    if converted is None:
        if family(a.kind) == "measure" and va.unit and vb.unit and "percent" not in (va.unit, vb.unit):
            da, db = _dimension(va.unit), _dimension(vb.unit)
            if da.startswith("money in ") and db.startswith("money in ") and va.low != vb.low:
                # "Rs 615 crore" and "$74 million" may be one cost converted; only the same
                # figure in two currencies ("$20" vs "€20") says a unit is likely wrong.
                return None
            return ("DSC102", a, b, va, vb, "")
        return None
    if outcome == _UNITS:
        from .. import units

        ca, cb = converted
        # a name that may stand for several units ("ton") is compared within its spread
        tolerance = max(settings.unit_tolerance, units.spread(va.unit), units.spread(vb.unit))
        outcome = verdict(ca, cb, settings, tolerance)
        if outcome is None:
            return None
    # Publication days matter only for a running total told by two documents.
    if (pair.fa.running_total or pair.fb.running_total) and a.doc != b.doc:
        day_a, day_b = ctx.per_document(_published_day, a.doc), ctx.per_document(_published_day, b.doc)
        if day_a and day_b and day_a != day_b:
            return ("DSC103", a, b, va, vb, outcome)
    return ("DSC101", a, b, va, vb, outcome)


def rule_of(pair: Pair, ctx: Context, judgment: str | None = None) -> str | None:
    """The rule `check` reports for a pair, None for none (see `Comparator.rule_of`)."""
    if judgment is None or judgment == _UNITS:
        decision = _decide(pair, ctx)
        return decision[0] if decision is not None else None
    # The screen judged the two amounts in one unit to conflict ("clear" or "likely"): the
    # rest of `_decide` only asks whether a running total was updated between two days.
    a, b = pair.a, pair.b
    if (pair.fa.running_total or pair.fb.running_total) and a.doc != b.doc:
        day_a, day_b = ctx.per_document(_published_day, a.doc), ctx.per_document(_published_day, b.doc)
        if day_a and day_b and day_a != day_b:
            return "DSC103"
    return "DSC101"


def check(pair: Pair, ctx: Context) -> list[Conflict]:
    """Conflicts of one aligned pair of amounts (a list: most pairs have none)."""
    decision = _decide(pair, ctx)
    if decision is None:
        return []
    rule, a, b, va, vb, outcome = decision
    head = pair.fa.head
    if pair.fa.prop:
        # A measured property reads as what it measures: "ship length", "seat cost", "depth".
        head = " ".join(x for x in (pair.fa.entity or pair.fb.entity, pair.fa.prop) if x)
    subject = _subject(frozenset(pair.fa.qualifiers), frozenset(pair.fb.qualifiers), head)
    if rule == "DSC102":
        da, db = _dimension(va.unit), _dimension(vb.unit)
        if da.startswith("money in ") and db.startswith("money in "):
            why = f"different currencies, {va.unit} vs {vb.unit}, which are not converted"
        else:
            why = f"units of different kinds, {da} vs {db}"
        message = f"{a.doc} says {ctx.per_fact(said, a)}; {b.doc} says {ctx.per_fact(said, b)}: {why}."
        return [Conflict("DSC102", a, b, subject, pair.score, False, message)]
    said_a, said_b = ctx.per_fact(said, a), ctx.per_fact(said, b)
    if rule == "DSC103":
        day_a, day_b = ctx.per_document(_published_day, a.doc), ctx.per_document(_published_day, b.doc)
        message = (
            f"{a.doc} (published {day_a}) says {said_a}; {b.doc} (published {day_b}) says "
            f"{said_b}: a running total that may have been updated between the two dates."
        )
        return [Conflict("DSC103", a, b, subject, pair.score, False, message)]
    note = ""
    if va.unit != vb.unit and va.low == vb.low and va.high == vb.high:
        note = f" (same number in {va.unit} and {vb.unit}: a unit may be wrong)"
    message = f"{a.doc} says {said_a}; {b.doc} says {said_b}{note}."
    return [Conflict("DSC101", a, b, subject, pair.score, outcome == "clear", message)]


COMPARATOR = Comparator(
    "amounts",
    ("DSC101", "DSC102", "DSC103"),
    AMOUNT_FAMILIES,
    check=check,
    screen=(_side, _outcome_as_written, _outcome_restated),
    rule_of=rule_of,
)

__all__ = ["COMPARATOR", "INF", "verdict"]
