"""Time-zone abbreviations -> UTC offsets, from ``data/zones.toml`` plus user overrides.

>>> offset("EST")
-300
>>> offset("IST")
330
>>> offset("IST", (("IST", 60),))
60
>>> offset("XYZ") is None
True

A city's clock named as a zone ("Boston time") is read from ``data/city_zones.toml``; its
offset depends on the day (summer time):

>>> city_offset("boston time"), city_offset("Boston time", dt.datetime(2013, 3, 13, 14, 4))
(-300, -240)
>>> city_offset("Atlantis time") is None
True
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
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


@dataclass(frozen=True)
class CityZone:
    """A city whose clock news names as a zone, and its IANA time zone."""

    city: str  # lower case, as written before "time"
    zone: zoneinfo.ZoneInfo


def _check_city(entry: str, value: object) -> str | None:
    if entry != entry.lower() or not entry.strip():
        return "city names are written in lower case"
    if not isinstance(value, str):
        return "should be an IANA zone name such as \"Europe/Rome\""
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return f"{value!r} is not a zone of the time-zone database"
    return None


@cache
def cities() -> dict[str, CityZone]:
    """City (lower case) -> its record, validated on load."""
    table = tables.string_map("city_zones", "cities", _check_city)
    return {k: CityZone(k, zoneinfo.ZoneInfo(v)) for k, v in table.items()}


# The day a city's standard (winter) offset is read on when a time has no date: a day of
# winter in the north; southern cities take their summer time off with the `dst()` part.
_UNDATED = dt.datetime(2021, 1, 15, 12)


def city_offset(zone_text: str, local: dt.datetime | None = None) -> int | None:
    """Offset in minutes of "<city> time" at the local wall time ``local`` (standard time
    when None); None when the words do not name a listed city's clock."""
    words = " ".join(zone_text.strip("() ").lower().split())
    if not words.endswith(" time"):
        return None
    city = cities().get(words[: -len(" time")])
    if city is None:
        return None
    at = (local or _UNDATED).replace(tzinfo=city.zone)
    off = at.utcoffset() or dt.timedelta(0)
    if local is None:
        off -= at.dst() or dt.timedelta(0)
    return int(off.total_seconds() // 60)
