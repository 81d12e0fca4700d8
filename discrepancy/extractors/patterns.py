"""Shared regular-expression fragments for numbers, built once from the data tables.

Every fragment is linear on hostile input: repetitions are bounded (``{1,24}``, not ``+``
inside a repeated group) and alternatives of a repeated group cannot match the same text
two ways. Other extractors may import these fragments (dates reuse `DIGITS`).

>>> digits = regex.compile(DIGITS, regex.VERBOSE)
>>> bool(digits.fullmatch("1,234,567.89")), bool(digits.fullmatch("1,23"))
(True, False)
>>> [m.group() for m in NUMBER_RUN.finditer("launched a dozen missiles and 5,000 troops")]
['a dozen', '5,000']
>>> words_alternation(["one", "twenty one", "twenty"])
'twenty[\\\\s\\\\-]{1,3}one|twenty|one'
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import regex

from .. import tables

# Digits of one number: thousands groups ("5,000", "1 234 567" with plain or narrow
# no-break spaces, Indian "12,34,567"), plain runs, an optional decimal part, or a bare
# decimal (".08"). Groups are bounded so a 1 MB run of "1," costs linear time.
DIGITS = r"""
(?:
    \d{1,3}(?:,\d{3}){1,8}+(?!,?\d)          # 5,000 / 1,234,567 (not 1,23 or 1,2345)
  | \d{1,2}(?:,\d{2}){1,6},\d{3}(?!,?\d)     # 12,34,567 (Indian grouping: lakh, crore)
  | \d{1,3}(?:[\u00a0\u202f\u2009]\d{3}){1,8}+(?!\d)  # 1 234 567 with no-break/thin spaces
  | \d{1,3}(?:[ ]\d{3}){1,8}+(?![ ]?\d)         # 1 234 567 with plain spaces, whole groups only
  | \d{1,24}+                                   # 5000, 4500
)
(?:\.\d{1,20}+)?                                # decimal part: 4.2, 1,674.5
| \.\d{1,20}+                                   # bare decimal: .08
"""

# A sign that belongs to the number: not after a letter or digit ("SCP-173", "2013-14").
SIGN = r"(?:(?<![\p{L}\p{N}])[-−–]\s{0,2}|(?<![\p{L}\p{N}])\+)"

# Scientific notation and powers written inline: 1e10, 12.32e+14, 1.1^23, 2.5^-1.
EXPONENT = r"""(?:
    [eE][-+]?\d{1,3}+(?![\p{L}\d])              # 1e10, 12.32e+14
  | \^[-+]{0,2}\d{1,3}+                          # 1.1^23, 2.5^-1
  | [x×]10(?:\^[-−+]?|[-−])\d{1,3}+              # 1.3x10^6, 2.48×10−5
)"""

# Scale letters glued to digits or one space away ("10k", "2.33 k", "$4.2bn", "10M").
# Case matters: "M" is million, "m" a metre (money patterns read "$310m" themselves).
SUFFIX = r"""
(?-i:                                           # case matters even in case-blind patterns
    \s{0,2}(?:k|K|bn|bln|tln|mil|mln|mn)        # may stand one space away: "2.33 k", "10 bln"
  | (?:MM|M|B|b|T)                              # glued only: "10M", "1.2b", "$2.174T"
)
(?![\p{L}\p{N}])                                # "10km" and "5MB" are units, not scales
"""

# Unicode vulgar fractions: "½ teaspoon", "a ⅓ cup".
VULGAR = {
    "½": "1/2",
    "⅓": "1/3",
    "⅔": "2/3",
    "¼": "1/4",
    "¾": "3/4",
    "⅕": "1/5",
    "⅖": "2/5",
    "⅗": "3/5",
    "⅘": "4/5",
    "⅙": "1/6",
    "⅚": "5/6",
    "⅛": "1/8",
    "⅜": "3/8",
    "⅝": "5/8",
    "⅞": "7/8",
}


def words_alternation(words: Iterable[str]) -> str:
    """A regex alternation of phrases, longest first, blanks inside a phrase as ``\\s{1,3}``.

    Hyphens and blanks inside phrases may be written either way ("twenty-one").
    """
    out = []
    for w in sorted(set(words), key=lambda s: (-len(s), s)):
        parts = regex.split(r"[\s\-]+", w.strip())
        if len(parts) > 1:
            out.append(r"[\s\-]{1,3}".join(regex.escape(p) for p in parts))
        else:
            out.append(regex.escape(w.strip()))
    return "|".join(out)


@cache
def number_words() -> dict[str, tuple[str, int]]:
    """Every number word, lower case -> (class, value); classes: unit, ten, scale, hundred,
    mult, ord, half."""
    out: dict[str, tuple[str, int]] = {}

    def add(cls: str, key: str) -> None:
        table = tables.require("numbers", key, dict)
        for word, value in table.items():
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise tables.TableError(
                    f"data table numbers.toml: [{key}] {word!r} must be a non-negative integer"
                )
            w = word.lower()
            if w in out and out[w] != (cls, value):
                raise tables.TableError(f"data table numbers.toml: {word!r} listed in two classes")
            out[w] = (cls, value)

    add("unit", "units")
    add("ten", "tens")
    add("scale", "scales")
    add("mult", "multipliers")
    add("half", "halves")
    out["hundred"] = ("hundred", 100)
    ords = tables.require("numbers", "ordinals", dict)
    for word, value in ords.items():
        if word in ("first", "second"):
            continue  # never fractions alone: "a second missile"
        out[word.lower()] = ("ord", int(value))
        out[word.lower() + "s"] = ("ords", int(value))
    return out


@cache
def suffix_values() -> dict[str, int]:
    """Scale suffix -> multiplier, case-sensitive ("k" -> 1000, "M" -> 1000000)."""
    table = tables.require("numbers", "suffixes", dict)
    return {k: int(v) for k, v in table.items()}


def _word_fragment() -> str:
    words = [w for w in number_words() if w not in ("dz", "dzs", "doz", "dozs", "score", "gross")]
    # abbreviations of dozen only right after digits ("3 dzs"), see NUMBER_RUN
    return words_alternation(words)


@cache
def number_run() -> regex.Pattern[str]:
    """The compiled `NUMBER_RUN` pattern."""
    word = rf"(?:{_word_fragment()})"
    item = rf"""
    (?:
        (?<![\d/])(?:{SIGN})?\d{{1,3}}/\d{{1,3}}(?![\d/])     # slash fraction: 3/4, -4/5
      | (?:{SIGN})?(?:{DIGITS})(?:{EXPONENT})?(?:{SUFFIX})?    # digits: -9.2, 1e10, 10k
        (?:\s{{1,3}}\d{{1,2}}/\d{{1,3}}(?![\d/]))?             # mixed fraction: 10 1/2
        (?!(?:st|nd|rd|th)\b)                                 # not an ordinal: 4th, 21st
      | [{"".join(VULGAR)}]                                   # ½ ⅓ ¾
      | \b{word}\b                                            # twelve, thousand, dozen, thirds
      | (?<=\d\s{{0,2}})(?:dzs|dz|dozs|doz)\b                 # 3 dzs, five dozs
    )
    """
    join = r"""
    (?:
        \s{0,3}-\s{0,3}(?=[\p{L}])                 # fifty - two, twenty-one (words only)
      | [ \t\u00a0]{1,3}(?:(?:and|&)[ \t\u00a0]{1,3}(?:an?[ \t]{1,3})?)?  # blank, "and", "and a"
      | [ \t]{0,2}&[ \t]{0,2}                      # two hundred & forty
      | ,[ \t]{1,3}(?=[a-zA-Z])                    # three million, two hundred
      | [ \t]{1,3}point[ \t]{1,3}                  # two hundred point zero three
    )
    """
    lead = r"(?:\b(?:minus|negative)\s{1,3})?(?:\b(?:an?|half)\s{1,3}(?:a\s{1,3})?(?=\p{L}))?"
    pattern = rf"(?<![\p{{L}}\d.,]){lead}{item}(?:{join}{item}){{0,24}}"
    return regex.compile(pattern, regex.VERBOSE | regex.IGNORECASE | regex.V1)


class _Lazy:
    """A compiled pattern built on first use (tables load lazily)."""

    def __init__(self, build: object) -> None:
        self._build = build

    def __getattr__(self, name: str) -> object:
        return getattr(self._build(), name)  # type: ignore[operator]


# A run of number tokens (digits and number words with their joiners). numerals.scan() splits
# a run into numbers ("3 hundred and 2 hundred" is two numbers).
NUMBER_RUN: regex.Pattern[str] = _Lazy(number_run)  # type: ignore[assignment]
