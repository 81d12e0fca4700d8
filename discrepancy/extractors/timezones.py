"""Clock times and time zones: "5:30 p.m. (EST)", "ten past nine", "UTC+4", "beijing time".

A zone is kept as written with its offset in minutes when known (abbreviations from
``data/zones.toml``, spelled-out names and zone series from ``data/calendar.toml``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import regex

from .. import zones
from ..facts import When
from .mention import _NUMBER_WORDS, Mention, _norm
from .timescan import _patterns
from .timesites import Sites, _scan, group_numbers
from .timetables import calendar


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


# Offsets written with a zone ("UTC+4", "MSK+7"), zone series ("russia time zone 3") and the
# country a zone name may carry ("(mexico)"): compiled once, `regex`'s cache lookup costs more.
_OFFSET = regex.compile(r"(utc|gmt|[a-z]{3,4})\s?([+±-]?)\s?(\d{1,2})(?::?(\d{2}))?h?$")
_SERIES = regex.compile(r"(.+?)\s(\d{1,2})$")
_COUNTRY = regex.compile(r"\s*\(.*\)$")


def _zone(zone_text: str | None, overrides: tuple[tuple[str, int], ...]) -> tuple[str | None, int | None]:
    """Zone text as written and its offset in minutes (None when unknown)."""
    if not zone_text:
        return None, None
    z = _norm(zone_text)
    cal = calendar()
    m = _OFFSET.match(z)
    if m:
        # "UTC+4", "GMT-3", "utc4:30", and offsets from a named zone: "MSK+7"
        base = 0 if m.group(1) in ("utc", "gmt") else zones.offset(m.group(1).upper(), overrides)
        minutes = int(m.group(3)) * 60 + int(m.group(4) or 0)
        if base is None or minutes > 14 * 60:
            return zone_text, None
        return zone_text, base + (-minutes if m.group(2) == "-" else minutes)
    m = _SERIES.match(z)
    if m and m.group(1) in cal.zone_series:
        return zone_text, cal.zone_series[m.group(1)] + 60 * int(m.group(2))
    z = _COUNTRY.sub("", z)  # "central standard time (mexico)"
    city = zones.city_offset(z)  # "rome time": standard offset until the day is known (`on_day`)
    if city is not None:
        return zone_text, city
    if z in cal.zone_names:
        target = cal.zone_names[z]
        fixed = zones.parse_offset(target)
        return zone_text, fixed if fixed is not None else zones.offset(target, overrides)
    return zone_text, zones.offset(z.upper(), overrides)


def _times(text: str, overrides: tuple[tuple[str, int], ...], sites: Sites) -> list[Mention]:
    out = []
    g = group_numbers("time")
    for m in _scan("time", text, sites):
        start, end = m.span()
        surface = text[start:end]
        inpart = m.group(g["inpart"])
        part = None
        if m.group(g["noon"]):
            noon = _norm(m.group(g["noon"]))
            hour, minute = (12, 0) if noon in ("noon", "midday") else (0, 0)
        elif m.group(g["past"]):
            # "ten past 9", "half past seven", "a quarter to six"
            word = _norm(m.group(g["past"])).replace("-", " ")
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
            ph = m.group(g["ph"]).lower()
            h = int(ph) if ph.isdigit() else _NUMBER_WORDS.get(ph)
            if mins is None or h is None or mins >= 60:
                continue
            ap = m.group(g["ap"])
            h24 = _hour24(h, ap, inpart)
            if h24 is None:
                continue
            if m.group(g["pto"]).lower() == "to":
                h24, mins = (h24 - 1) % 24, 60 - mins
            hour, minute = h24, mins
        else:
            if m.group(g["hw"]):
                h = _NUMBER_WORDS[m.group(g["hw"]).lower()]
                minute = 0
            else:
                h = int(m.group(g["h"]))
                minute = int(m.group(g["m"]) or 0)
            ap = m.group(g["ap"])
            if ap and "in" in ap.lower():
                inpart, ap = ap, None
            hour_or_none = _hour24(h, ap, inpart)
            if hour_or_none is None:
                continue
            hour = hour_or_none
            if m.group(g["m"]) is None and not ap and not inpart and not m.group(g["hw"]):
                continue
        if inpart:
            part = _norm(inpart).replace("in the ", "").replace("at ", "")
        zone_text = m.group(g["zone"])
        zone, offset = _zone(zone_text, overrides)
        if zone_text is None and m.group(g["m"]) is not None and not m.group(g["ap"]):
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


def on_day(value: When) -> When:
    """``value`` with the offset of its city's clock on its own day ("Boston time" is EDT in
    summer); unchanged when its zone is not a city's or its day or hour is unknown.

    >>> on_day(When(2013, 3, 13, hour=14, minute=4, zone="Boston time", utc_offset=-300)).utc_offset
    -240
    >>> on_day(When(2013, 3, 13, hour=14, minute=4, zone="EST", utc_offset=-300)).utc_offset
    -300
    """
    if not value.zone or value.hour is None or value.date is None:
        return value
    local = dt.datetime.combine(value.date, dt.time(value.hour, value.minute or 0))
    offset = zones.city_offset(value.zone, local)
    return value if offset is None or offset == value.utc_offset else replace(value, utc_offset=offset)
