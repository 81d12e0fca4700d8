"""Publication dates ("datelines"): from metadata, else from a document's header or footer lines.

A news page usually says when it was published in a line of its own at the top or the
bottom: ``Published January 8th, 2020 at 19:17 IST``, `` date 2020-01-06 - ITV Report``,
``Published: March 14, 2023``. Only such lines count: a date inside a sentence of the story
is an event date, not a dateline. Labels, metadata keys and month names live in
``data/datelines.toml``.

>>> w = parse_date("January 8th, 2020 at 20:40 IST")
>>> w.date, w.hour, w.minute, w.zone, w.utc_offset
(datetime.date(2020, 1, 8), 20, 40, 'IST', 330)
>>> parse_date("2020-01-08T19:17+05:30").instant.isoformat()
'2020-01-08T13:47:00+00:00'
>>> parse_date("the day after") is None
True
>>> story = "A paragraph of the story.\\n" * 5
>>> text = f"Updated January 8th, 2020 at 20:40 IST\\n{story}Published January 8th, 2020 at 19:17 IST"
>>> found = resolve(text)
>>> found.published.render(), found.source, found.updated.render()
('2020-01-08T13:47:00+00:00', 'footer', '2020-01-08T15:10:00+00:00')
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex

from . import tables, zones
from .facts import When

_TABLE = "datelines"


def _check_names(entry: str, value: object, top: int) -> str | None:
    if not entry.isdigit() or not 0 <= int(entry) <= top:
        return f"key must be a number from 0 to {top}"
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        return "value must be a non-empty array of non-empty strings"
    return None


@cache
def _names(key: str) -> dict[str, int]:
    """Lower-cased name -> number for ``[months]`` or ``[weekdays]`` (validated)."""
    top = 12 if key == "months" else 6
    groups = tables.string_map(_TABLE, key, lambda e, v: _check_names(e, v, top))
    inverse = tables.unique_inverse(_TABLE, {k: list(v) for k, v in groups.items()})
    return {name: int(number) for name, number in inverse.items() if not name.isdigit()}


@cache
def _labels(key: str) -> dict[str, str]:
    """Normalized label -> the label as listed, for ``published_labels``/``updated_labels``."""
    return {" ".join(w.lower().split()): w for w in tables.string_list(_TABLE, key)}


@cache
def _label_kind() -> dict[str, str]:
    published, updated = _labels("published_labels"), _labels("updated_labels")
    clash = sorted(set(published) & set(updated))
    if clash:
        raise tables.TableError(f"data table {_TABLE}.toml: label {clash[0]!r} is both published and updated")
    return {**{k: "published" for k in published}, **{k: "updated" for k in updated}}


def _settings_int(key: str) -> int:
    value = tables.require(_TABLE, key, int)
    if not 0 <= value <= 50:
        raise tables.TableError(f"data table {_TABLE}.toml: {key} = {value} should be between 0 and 50")
    return int(value)


def _alternation(words: list[str]) -> str:
    """A regex alternation of ``words``, longest first so "Sept" wins over "Sep"."""
    ordered = sorted(words, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(regex.escape(part) for part in w.split()) for w in ordered)


def _time(p: str) -> str:
    """A clock time with optional seconds, am/pm and zone; group names prefixed by ``p``."""
    return rf"""
        (?P<{p}h>[01]?\d|2[0-3])                  # hour
        (?: [:.] (?P<{p}mi>[0-5]\d)               # minutes (19:17, 7.30)
            (?: :[0-5]\d (?:\.\d{{1,9}})? )?      # seconds and fractions, ignored
          | (?=\s?[ap]\.?\s?m\b) )                # or a bare hour before am/pm ("7 pm")
        (?: \s? (?P<{p}ampm>[ap])\.?\s?m\.?(?!\w) )?   # am / p.m.
        (?: \s? (?P<{p}zone>                     # the zone, as written
              Z(?!\w)                             # ISO "Z"
            | [+-](?:[01]\d|2[0-3]):?[0-5]\d      # ISO offset +05:30 / -0500
            | (?:UTC|GMT)\s?[+-]\d{{1,2}}(?::?[0-5]\d)?   # UTC+5:30
            | \(?(?-i:[A-Z]{{2,5}})\)?(?!\w)      # an abbreviation: IST, (EST)
        ) )?
    """


@cache
def _date_pattern() -> str:
    months = _alternation(list(_names("months")))
    weekdays = _alternation(list(_names("weekdays")))
    return rf"""
    (?: (?:{weekdays}) \.?,? \s+ )?               # an optional weekday, ignored
    (?: (?P<t1>{_time("a")}) \s*,?\s* (?:on\s+)? )?   # a time before the date ("10:30 EST, Jan 8")
    (?:
        (?P<iy>\d{{4}}) (?P<isep>[-/.])          # ISO 2020-01-08, also 2020/01/08 (year first
        (?P<im>0?[1-9]|1[0-2]) (?P=isep)          # is never ambiguous; day-first 08/01/2020 is,
        (?P<id>0?[1-9]|[12]\d|3[01])              # so it is not read)
      | (?P<mm>{months}) \.? \s+                  # January / Jan.
        (?P<md>0?[1-9]|[12]\d|3[01]) (?:st|nd|rd|th)? ,? \s+   # 8th,
        (?P<my>\d{{4}})                           # 2020
      | (?P<dd>0?[1-9]|[12]\d|3[01]) (?:st|nd|rd|th)? \s+ (?:of\s+)?   # 15th (of)
        (?P<dm>{months}) \.? ,? \s+               # June
        (?P<dy>\d{{4}})                           # 2022
    )
    (?! \d | (?!T\d)\w )                          # not inside a longer number or word ("T" starts ISO time)
    (?: (?:\s*,)? (?:\s*(?:at|@|-|–|\||·|•))? (?:\s+|T)  # ", at " / " - " / " | " / ISO "T"
        (?P<t2>{_time("b")}) )?                   # a time after the date
    """


@cache
def _date_regex() -> regex.Pattern[str]:
    return regex.compile(rf"^\s*{_date_pattern()}\s*$", regex.VERBOSE | regex.IGNORECASE)


@cache
def _line_regex() -> regex.Pattern[str]:
    labels = _alternation(list(_label_kind()))
    return regex.compile(
        rf"""
        ^[ \t]*
        (?: [^\n|•·]{{1,80}}? [ \t]* [|•·] [ \t]* (?=(?:{labels})\b)   # "Reuters | " before a label
          | by [ \t] [^\n|•·]{{1,60}}? [ \t]* [|•·] [ \t]* )?          # "By J. Doe • " before a date
        (?: (?P<label>{labels}) \b [ \t]* (?: : | \bon\b | [-–] )? [ \t]* )?   # Published: / Posted on
        (?P<date>{_date_pattern()})
        [ \t]* (?P<tail> [|•·\-–—/] [^\n]{{0,80}} )?   # " - ITV Report", "| 3 min read"
        [ \t]*$
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )


def _when(m: regex.Match[str]) -> When | None:
    """The `When` of a match of the date pattern; None for an impossible date or time."""
    if m.group("iy"):
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    elif m.group("mm"):
        y, d = int(m.group("my")), int(m.group("md"))
        mo = _names("months")[_fold(m.group("mm"))]
    else:
        y, d = int(m.group("dy")), int(m.group("dd"))
        mo = _names("months")[_fold(m.group("dm"))]
    try:
        _dt.date(y, mo, d)
    except ValueError:
        return None
    p = "b" if m.group("t2") else "a" if m.group("t1") else ""
    if not p:
        return When(year=y, month=mo, day=d)
    hour, minute = int(m.group(p + "h")), int(m.group(p + "mi") or 0)
    ampm = (m.group(p + "ampm") or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    zone_text = (m.group(p + "zone") or "").strip("() ")
    zone, offset = _zone(zone_text)
    return When(year=y, month=mo, day=d, hour=hour, minute=minute, zone=zone, utc_offset=offset)


def _fold(name: str) -> str:
    return " ".join(name.lower().rstrip(".").split())


def _zone(text: str) -> tuple[str | None, int | None]:
    """Zone text as written and its offset in minutes (None when unknown).

    >>> _zone("IST"), _zone("+0530"), _zone("UTC-5"), _zone("Z"), _zone("")
    (('IST', 330), ('+05:30', 330), ('UTC-05:00', -300), ('UTC', 0), (None, None))
    """
    if not text:
        return None, None
    if text.upper() == "Z":
        return "UTC", 0
    m = regex.fullmatch(r"(UTC|GMT)?\s?([+-])(\d{1,2}):?(\d{2})?", text, regex.IGNORECASE)
    if m:
        minutes = int(m.group(3)) * 60 + int(m.group(4) or 0)
        sign = -1 if m.group(2) == "-" else 1
        name = f"{m.group(2)}{int(m.group(3)):02d}:{int(m.group(4) or 0):02d}"
        return (f"{m.group(1).upper()}{name}" if m.group(1) else name), sign * minutes
    return text.upper(), zones.offset(text)


def parse_date(text: str) -> When | None:
    """A whole string read as one dateline date (with time and zone when given), else None.

    >>> parse_date("2020-01-06").render()
    '2020-01-06'
    >>> parse_date("Wednesday, 15 June 2022").render()
    '2022-06-15'
    >>> parse_date("Jan. 8, 2020, 7:17 p.m. EST").render()
    '2020-01-09T00:17:00+00:00'
    >>> parse_date("2020-01-08 19:17").render()
    '2020-01-08 19:17'
    >>> parse_date("February 30, 2020") is None
    True
    """
    if len(text) > 200:
        return None
    m = _date_regex().match(text)
    return _when(m) if m else None


def from_value(value: Any) -> When | None:
    """A metadata value (string, `date`, `datetime`, `When`) as a `When`, else None.

    >>> from_value(_dt.date(2023, 3, 14)).render()
    '2023-03-14'
    >>> from_value("2024-02-01T08:00:00Z").render()
    '2024-02-01T08:00:00+00:00'
    """
    if isinstance(value, When):
        return value
    if isinstance(value, _dt.datetime):
        off = value.utcoffset()
        return When(year=value.year, month=value.month, day=value.day, hour=value.hour,
                    minute=value.minute, zone="UTC" if off is not None and not off else None,
                    utc_offset=None if off is None else int(off.total_seconds() // 60))
    if isinstance(value, _dt.date):
        return When(year=value.year, month=value.month, day=value.day)
    if isinstance(value, str):
        return parse_date(value)
    return None


@dataclass(frozen=True)
class Dateline:
    """One dateline line found in a document's text."""

    when: When
    kind: str  # "published", "updated", or "" when the line has no label
    label: str  # the label as written ("Published", "date"), "" when none
    place: str  # "header" or "footer"
    span: tuple[int, int]  # the whole line in the text


@dataclass(frozen=True)
class Resolved:
    """The publication date chosen for a document, where it came from, and the revision date."""

    published: When | None = None
    source: str = ""  # "metadata", "header", "footer" ("" when none)
    span: tuple[int, int] | None = None  # the dateline line in the text, when there is one
    updated: When | None = None
    spans: tuple[tuple[int, int], ...] = ()  # every dateline line found in the text


def _edge_lines(text: str, n_head: int, n_foot: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Spans of the first ``n_head`` and the last ``n_foot`` non-blank lines (not overlapping),
    found without splitting the whole text.

    >>> _edge_lines("a\\n\\nb\\nc\\n d \\n", 2, 2)
    ([(0, 1), (3, 4)], [(5, 6), (7, 10)])
    """
    head: list[tuple[int, int]] = []
    start = 0
    while len(head) < n_head and start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            head.append((start, end))
        start = end + 1
    # The footer starts after the header; when the header took every line, there is none.
    floor = (head[-1][1] if head else 0) if len(head) == n_head else len(text) + 1
    foot: list[tuple[int, int]] = []
    end = len(text)
    while len(foot) < n_foot and end >= 0:
        start = text.rfind("\n", 0, end) + 1
        if start < floor or (start, end) in head:
            break
        if text[start:end].strip():
            foot.append((start, end))
        end = start - 1
    return head, foot[::-1]


def find_datelines(text: str) -> list[Dateline]:
    """Dateline lines among the first and last few non-blank lines of ``text``.

    >>> [(d.kind, d.place, d.when.render()) for d in find_datelines(" date 2020-01-06 - ITV Report\\nStory.")]
    [('published', 'header', '2020-01-06')]
    >>> find_datelines("On June 15, 2022 the bridge opened.")
    []
    """
    head, foot = _edge_lines(text, _settings_int("header_lines"), _settings_int("footer_lines"))
    found: list[Dateline] = []
    for place, spans in (("header", head), ("footer", foot)):
        for s, e in spans:
            line = text[s:e]
            if len(line) > 200:  # a paragraph, not a dateline; also bounds the regex work
                continue
            m = _line_regex().match(line)
            if not m:
                continue
            kind = _label_kind()[_fold(m.group("label"))] if m.group("label") else ""
            if not kind and place == "footer":
                continue  # a bare date at the end is too often a caption or a copyright line
            when = _when(m)
            if when is not None:
                found.append(Dateline(when, kind, (m.group("label") or "").strip(), place, (s, e)))
    return found


@cache
def _keys(key: str) -> tuple[str, ...]:
    return tuple(k.lower() for k in tables.string_list(_TABLE, key))


def _from_metadata(metadata: Mapping[str, Any], key: str) -> When | None:
    if not metadata:
        return None
    folded = {str(k).lower(): v for k, v in metadata.items()}
    for name in _keys(key):
        if name.lower() in folded:
            when = from_value(folded[name.lower()])
            if when is not None:
                return when
    return None


def resolve(text: str, metadata: Mapping[str, Any] | None = None) -> Resolved:
    """Choose the publication and revision dates of a document.

    Metadata first; else a "Published"-style line (header before footer); else a bare date
    line at the top; else an "Updated"-style line (the text read is that revision).

    >>> r = resolve("Published: March 14, 2023\\nBody.", {"date": "2023-03-15"})
    >>> r.published.render(), r.source, r.span
    ('2023-03-15', 'metadata', (0, 25))
    >>> resolve("No dateline here.").published is None
    True
    """
    metadata = metadata or {}
    lines = find_datelines(text)
    by_kind = {k: [d for d in lines if d.kind == k] for k in ("published", "", "updated")}
    ranked = by_kind["published"] + by_kind[""] + by_kind["updated"]
    chosen = ranked[0] if ranked else None
    updated_line = by_kind["updated"][0] if by_kind["updated"] else None
    updated = _from_metadata(metadata, "updated_keys") or (updated_line.when if updated_line else None)
    spans = tuple(d.span for d in lines)
    meta = _from_metadata(metadata, "published_keys")
    if meta is not None:
        return Resolved(meta, "metadata", chosen.span if chosen else None, updated, spans)
    if chosen is None:
        return Resolved(updated=updated, spans=spans)
    return Resolved(chosen.when, chosen.place, chosen.span, updated, spans)
