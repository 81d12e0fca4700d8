"""Time-zone abbreviations -> UTC offsets, from ``data/zones.toml`` plus user overrides.

>>> offset("EST")
-300
>>> offset("IST")
330
>>> offset("IST", (("IST", 60),))
60
>>> offset("XYZ") is None
True
"""

from __future__ import annotations

from functools import cache

import regex

from . import tables

_OFFSET = regex.compile(r"^([+-])(\d{2}):(\d{2})$")


def parse_offset(text: str) -> int | None:
    """``"+05:30"`` -> 330 minutes; None when malformed."""
    m = _OFFSET.match(text)
    if not m:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3))
    return -minutes if m.group(1) == "-" else minutes


def _check(entry: str, value: object) -> str | None:
    if not isinstance(value, str) or parse_offset(value) is None:
        return f"offset {value!r} is not of the form +HH:MM"
    if entry != entry.upper():
        return "abbreviations are written in upper case"
    return None


@cache
def table() -> dict[str, int]:
    """Abbreviation -> default offset in minutes (validated)."""
    zones = tables.string_map("zones", "zones", _check)
    return {k: parse_offset(v) or 0 for k, v in zones.items()}


def offset(abbr: str, overrides: tuple[tuple[str, int], ...] = ()) -> int | None:
    """Offset in minutes of a zone abbreviation, user overrides first; None if unknown."""
    key = abbr.strip("() ").upper()
    for name, minutes in overrides:
        if name.upper() == key:
            return minutes
    return table().get(key)
