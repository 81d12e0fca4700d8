"""The wire dateline that opens a story: its filing date is no event date, its place gives
clock times without a zone their local zone ("ROME (Agency) -- ...").
"""

from __future__ import annotations

import regex

from .. import zones

# The wire dateline that opens a story: a place in capitals, then the agency and the filing
# date in parentheses ("BEIRUT (Agency News - 07th August, 2020)"). Its date says when the
# story was filed, not when the event happened. ("LONDON, Jan 5 (Agency) -" is left a date:
# TimeML corpora annotate that form as the document's date expression.)
_WIRE_DATELINE = regex.compile(
    r"""[ \t]{0,8}[*_]{0,2}                           # line start, Markdown emphasis
        \p{Lu}[\p{Lu}.'’-]*(?:[ \t]{1,2}[\p{Lu}.'’-]+){0,3}  # the place in capitals: "NEW YORK"
        (?:,[ \t]{1,2}\p{Lu}[\p{L}.]{1,12})?               # its region: ", Fla."
        [ \t]{0,2}\([^()\n]{0,60}                     # inside the parentheses: "(Agency - "
        """,
    regex.VERBOSE,
)


# The place of the dateline that opens a story: "ROME -- The toll rose", "VATICAN CITY (Agency) -
# ...", "MANILA, Nov. 11 (Agency) -- ...". Only the first lines are read.
_DATELINE_PLACE = regex.compile(
    r"""^[ \t]{0,8}[*_]{0,2}
        (?P<place>\p{Lu}[\p{Lu}.'’-]+(?:[ \t]\p{Lu}[\p{Lu}.'’-]+){0,3})  # the place in capitals
        [*_]{0,2}
        (?:,[ \t]{1,2}[\p{L}.]{2,14}(?:[ \t][\p{L}0-9.,]{1,10}){0,2})?    # ", Italy", ", Nov. 11"
        [ \t]{0,2}(?:\([^()\n]{1,60}\)[ \t]{0,2}[^\n—–-]{0,20})?          # "(Agency)", a date
        (?:—|–|--|-)[ \t]                                       # the dash that ends the dateline
    """,
    regex.VERBOSE | regex.MULTILINE,
)
_DATELINE_REACH = 400  # the first lines of a story


def place_zone(text: str) -> str:
    """The zone of the city a story is datelined in, as "<city> time" (``data/city_zones.toml``),
    or "" when it has no dateline or its place is not a listed city.

    >>> place_zone("ROME (Agency) -- The toll rose."), place_zone("MANILA, Nov. 11 (Agency) -- A storm.")
    ('rome time', 'manila time')
    >>> place_zone("PARIS NEWS – A crash."), place_zone("The toll rose in ROME -- today.")
    ('', '')
    """
    m = _DATELINE_PLACE.search(text, 0, _DATELINE_REACH)
    if m is None:
        return ""
    city = " ".join(m.group("place").lower().split())
    return f"{city} time" if city in zones.cities() else ""


def in_wire_dateline(text: str, start: int) -> bool:
    """The mention is the filing date of the wire dateline that opens its line.

    >>> in_wire_dateline("BEIRUT (Agency News - 07th August, 2020) The toll rose.", 22)
    True
    >>> in_wire_dateline("The toll rose (as of 5 August) in Beirut.", 21)
    False
    """
    line_start = text.rfind("\n", 0, start) + 1
    if start - line_start > 80:
        return False
    return _WIRE_DATELINE.fullmatch(text, line_start, start) is not None
