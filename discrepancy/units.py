"""Units of measurement: names, dimensions and conversion through one pint registry.

Words and symbols are read only through ``data/units.toml`` (every alias checked by hand);
pint is used for canonical names and conversion, never to guess what a string means, so
"kV" cannot become kibibyte volt and "U.S." is never a unit.

>>> canonical_unit("km"), canonical_unit("kilometres"), canonical_unit("tonnes")
('kilometer', 'kilometer', 'metric_ton')
>>> canonical_unit("U.S.") is None, canonical_unit("MB"), canonical_unit("mb")
(True, 'megabyte', 'megabit')
>>> dimension("kilometer"), dimension(""), dimension("percent"), dimension("USD")
('[length]', '', 'percent', 'currency:USD')
>>> dimension("gigabyte")
'[information]'
>>> a, b = comparable(Amount.exact(100, unit="kilometer"), Amount.exact(62, unit="mile"))
>>> b.unit, round(b.low, 2)
('kilometer', Decimal('99.78'))
>>> comparable(Amount.exact(10, unit="gigabyte"), Amount.exact(10000, unit="megabyte"))[1].low
Decimal('10')
>>> comparable(Amount.exact(5, unit="USD"), Amount.exact(5, unit="EUR")) is None
True
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import cache
from typing import Any

import regex

from . import tables
from .facts import INF, NEG_INF, Amount

__all__ = [
    "canonical_unit", "comparable", "convert", "dimension", "is_time", "registry", "spread",
    "unit_after", "unit_words",
]


@cache
def registry() -> Any:
    """The one pint `UnitRegistry` of the process, created on first use."""
    import pint

    return pint.UnitRegistry()


@cache
def _name(expression: str) -> str:
    """pint's canonical name of a unit expression ("tonne" -> "metric_ton")."""
    return str(registry().Unit(expression))


@cache
def unit_words() -> tuple[dict[str, str], dict[str, str]]:
    """(nouns lower case -> canonical name, symbols as written -> canonical name), validated."""
    nouns: dict[str, str] = {}
    symbols: dict[str, str] = {}
    for expression, entry in tables.raw("units").items():
        if not isinstance(entry, dict):
            raise tables.TableError(f"data table units.toml: [{expression}] is not a table")
        try:
            name = _name(expression)
        except Exception as exc:  # pint raises several error types for unknown names
            raise tables.TableError(
                f"data table units.toml: [{expression}] is not a pint unit: {exc}"
            ) from None
        for key, target, fold in (("nouns", nouns, True), ("symbols", symbols, False)):
            words = entry.get(key, [])
            if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                raise tables.TableError(
                    f"data table units.toml: [{expression}] {key} must be a list of strings"
                )
            for w in words:
                k = " ".join(w.lower().split()) if fold else w
                if k in target and target[k] != name:
                    raise tables.TableError(
                        f"data table units.toml: {w!r} names both {target[k]!r} and {name!r}"
                    )
                target[k] = name
    return nouns, symbols


@cache
def _spreads() -> dict[str, float]:
    """Canonical unit -> the `spread` of its units.toml entry, validated."""
    out: dict[str, float] = {}
    for expression, entry in tables.raw("units").items():
        value = entry.get("spread") if isinstance(entry, dict) else None
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 0.5:
            raise tables.TableError(
                f"data table units.toml: [{expression}] spread must be a number between 0 and 0.5"
            )
        out[_name(expression)] = float(value)
    return out


def spread(unit: str) -> float:
    """How far what a unit's name may stand for strays from its pint unit (0 for most).

    >>> spread("ton"), spread("metric_ton"), spread("")
    (0.12, 0.0, 0.0)
    """
    return _spreads().get(unit, 0.0) if unit else 0.0


def canonical_unit(text: str) -> str | None:
    """The canonical pint name of a unit noun or symbol from the table, else None."""
    nouns, symbols = unit_words()
    t = text.strip()
    if t in symbols:
        return symbols[t]
    return nouns.get(" ".join(t.lower().replace("-", " ").split()))


# Unit symbols that are also everyday English words: after a four-digit number they are far
# more often the next word of the sentence ("in 2019 in Paris") than a unit.
_PROSE_WORDS = frozenset({"in", "at", "a", "an", "am", "pm", "min", "s", "t", "h", "d"})
_WORD_AFTER = regex.compile(r"[ \t]{0,2}([\p{L}°%][\p{L}/²³]{0,12})\b")


def unit_after(text: str, end: int) -> str | None:
    """The canonical unit written right after ``text[:end]`` (a number), if any.

    Symbols that are also common words ("in", "h") do not count: this is the test that tells
    "1900 km" (a quantity) from "in 2019 in Paris" (a year).

    >>> unit_after("from 1500 metres up", 9), unit_after("in 2019 in Paris", 7)
    ('meter', None)
    """
    m = _WORD_AFTER.match(text, end, min(len(text), end + 24))
    if not m or m.group(1).lower() in _PROSE_WORDS:
        return None
    return canonical_unit(m.group(1))


# pint calls data sizes dimensionless; they get a dimension of their own so "10 GB" never
# compares with "10 percent" or "90 degrees".
_SPECIAL_ROOTS = {"bit": "[information]", "radian": "[angle]"}


@cache
def dimension(unit: str) -> str:
    """The comparison class of a unit: "" for counts, "percent", "currency:XXX" or pint's
    dimensionality (data sizes "[information]", angles "[angle]")."""
    if unit == "":
        return ""
    if unit == "percent":
        return "percent"
    if regex.fullmatch(r"[A-Z]{3}", unit):
        return f"currency:{unit}"
    ureg = registry()
    try:
        u = ureg.Unit(unit)
    except Exception:
        return f"unknown:{unit}"
    dim = str(u.dimensionality)
    if dim == "dimensionless":
        root = str(ureg.get_root_units(u)[1])
        return _SPECIAL_ROOTS.get(root, f"dimensionless:{root}")
    return dim


def is_time(unit: str) -> bool:
    """True for units of time ("year", "second"): their amounts are durations."""
    return dimension(unit) == "[time]"


def convert(value: Decimal, source: str, target: str) -> Decimal:
    """``value`` in unit ``source`` expressed in ``target`` (same dimension assumed)."""
    if value.is_infinite() or source == target:
        return value
    ureg = registry()
    q = ureg.Quantity(float(value), ureg.Unit(source)).to(ureg.Unit(target))
    out = Decimal(repr(float(q.magnitude)))
    return out.quantize(Decimal(1)) if out == out.to_integral_value() else out


def comparable(a: Amount, b: Amount) -> tuple[Amount, Amount] | None:
    """``(a, b)`` with ``b`` converted into ``a``'s unit, or None when they cannot compare.

    Currencies compare only with themselves (no exchange rates); counts only with counts.
    """
    if a.unit == b.unit:
        return a, b
    da, db = dimension(a.unit), dimension(b.unit)
    if da != db or da in ("", "percent") or da.startswith(("currency:", "unknown:")):
        return None

    def conv(v: Decimal) -> Decimal:
        if v in (INF, NEG_INF):
            return v
        return convert(v, b.unit, a.unit)

    return a, replace(b, low=conv(b.low), high=conv(b.high), unit=a.unit)
