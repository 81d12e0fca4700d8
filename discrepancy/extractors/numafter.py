"""What stands right after a number: where a currency or a unit can start (cheap tests that
spare their patterns), the one look-up of a plain word after a number ("5 people") that
answers for every such read, and the unit read itself (``data/units.toml`` through
`discrepancy.units`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

import regex

from .. import units
from .numerals import Numeral
from .numtables import Gate, _currencies, _match, _phrase_pattern, _units_re

__all__ = ["plain_after"]


def _leading_word(phrase: str) -> str:
    """The ASCII letters a phrase starts with, lower case ("US$" -> "us", "$" -> "")."""
    m = re.match(r"[A-Za-z]*", phrase.strip())
    return m.group().lower() if m else ""


@cache
def _money_after_gate() -> Gate:
    """A test that holds wherever the currency pattern after a number (`_money_res`) can
    match: over at most two blanks and a hyphen, a code, a currency noun or a symbol starts
    there. Its word is looked up among the leading words of codes, nouns and symbols;
    another first character among the symbols' first characters; a character beyond ASCII
    (which could fold to an ASCII letter) lets the pattern run."""
    symbols, nouns, codes = _currencies()
    starts = _phrase_starts([*codes, *("M" + c for c in codes), *nouns, *symbols])

    def gate(text: str, end: int) -> bool:
        k = _over_blanks(starts, text, end)
        if k < 0:
            return True
        n = len(text)
        if k < n and text[k] == "-":  # "5-dollar", "5 - dollar", "5 -  dollar"
            return starts(text, k + 1) or (k + 1 < n and text[k + 1] in " \t" and starts(text, k + 2))
        return False

    return gate


_ASCII_LETTERS = re.compile(r"[A-Za-z]+")


def _over_blanks(starts: Gate, text: str, pos: int) -> int:
    """-1 when ``starts`` holds at ``pos`` or after one of the (at most two) blanks that
    follow it, each place tried as it is reached; otherwise where those blanks end.

    >>> dollar = lambda t, q: t.startswith("$", q)
    >>> _over_blanks(dollar, "5  $", 1), _over_blanks(dollar, "5  (", 1)
    (-1, 3)
    """
    n, k = len(text), pos
    if starts(text, k):
        return -1
    while k < n and k < pos + 2 and text[k] in " \t\u00a0":
        k += 1
        if starts(text, k):
            return -1
    return k


def _phrase_starts(phrases: Iterable[str]) -> Gate:
    """A test of whether one of ``phrases`` (matched with or without case) can start at a
    position: the ASCII word there is the leading word of one, or the character there is the
    first character of one that starts with no ASCII letter, or a character beyond ASCII
    (which could fold to an ASCII letter). Each phrase's leading word is followed inside it by
    no letter, or ends it where the patterns refuse a letter after, so the whole word counts.

    >>> starts = _phrase_starts(["km", "km/h", "°C", "square miles"])
    >>> [starts(t, 1) for t in (" km", " km/h", " kmh", " °C", " Square", " people", " ")]
    [True, True, False, True, True, False, False]
    """
    firsts = frozenset(_leading_word(p) for p in phrases) - {""}
    marks = frozenset(p.strip()[0] for p in phrases if p.strip() and not _leading_word(p))

    def starts(text: str, q: int) -> bool:
        if q >= len(text):
            return False
        c = text[q]
        if c in marks or not c.isascii():
            return True
        w = _ASCII_LETTERS.match(text, q)
        if w is None:
            return False
        e = w.end()
        return (e < len(text) and not text[e].isascii()) or w.group().lower() in firsts

    return starts


@cache
def _unit_gates() -> tuple[Gate, Gate]:
    """Tests of where `_units_re` can match: (nouns after 1-3 blanks or a hyphen, symbols
    glued or after up to two blanks and an opening bracket)."""
    nouns, symbols = units.unit_words()
    noun_starts, sym_starts = _phrase_starts(nouns), _phrase_starts(symbols)

    # Each place a unit can start is tried as it is reached (no list of places).
    def noun_gate(text: str, pos: int) -> bool:
        n, k = len(text), pos
        while k < n and k < pos + 3 and text[k] in " \t\u00a0":
            k += 1
            if noun_starts(text, k):
                return True
        # "3-inch", "3 - inch": a hyphen with at most one blank on each side
        k = pos + 1 if pos < n and text[pos] in " \t" else pos
        if k < n and text[k] == "-":
            if noun_starts(text, k + 1):
                return True
            return k + 1 < n and text[k + 1] in " \t" and noun_starts(text, k + 2)
        return False

    def sym_gate(text: str, pos: int) -> bool:
        k = _over_blanks(sym_starts, text, pos)
        return k < 0 or (k < len(text) and text[k] in "([{<" and sym_starts(text, k + 1))

    return noun_gate, sym_gate


@cache
def _after_words() -> frozenset[str]:
    """Lower-case leading words of everything read right after a number: currency codes,
    nouns and symbols, unit nouns and symbols, the percent words and the years of an age."""
    symbols, nouns, codes = _currencies()
    unit_nouns, unit_symbols = units.unit_words()
    phrases = [*codes, *("M" + c for c in codes), *nouns, *symbols, *unit_nouns, *unit_symbols]
    # The leading words of the percent and age patterns of `numbers` (the shortcut properties
    # check `plain_after` against those patterns, so a word added there fails them until added here)
    percent = ("per", "percent", "percents", "percentage", "percentages", "pct")
    age = ("year", "years", "yr", "yrs")
    return frozenset(_leading_word(p) for p in phrases) - {""} | frozenset((*percent, *age))


def plain_after(text: str, end: int) -> bool:
    """Whether one space and a plain word follow a number at ``end`` ("5 people"): a word
    that starts no currency, unit, percent or age, so none of those patterns can match
    there (their gates would each look the word up; one look-up answers for all).

    >>> [plain_after(t, 1) for t in ("5 people", "5 km", "5 percent", "5 dollars", "5  men", "5 Years")]
    [True, False, False, False, False, False]
    """
    if text[end : end + 1] != " ":
        return False
    w = _ASCII_LETTERS.match(text, end + 1)
    if w is None:
        return False
    e = w.end()
    if e < len(text) and not text[e].isascii():
        return False  # case folding could read the word otherwise
    return w.group().lower() not in _after_words()


@cache
def _unit_noun_re() -> regex.Pattern[str]:
    nouns, _ = units.unit_words()
    return regex.compile(rf"(?:{_phrase_pattern(list(nouns))})(?![\p{{L}}])", regex.I | regex.V1)


def _read_unit(text: str, pos: int, num: Numeral) -> tuple[int, str] | None:
    """A unit right after a number -> (end, canonical unit)."""
    noun_re, sym_re = _units_re()
    noun_gate, sym_gate = _unit_gates()
    nouns, symbols = units.unit_words()
    best: tuple[int, str] | None = None
    m = noun_re.match(text, pos) if noun_gate(text, pos) else None
    if m:
        best = (m.end(), nouns[" ".join(m.group("unit").lower().replace("-", " ").split())])
    m2 = sym_re.match(text, pos) if sym_gate(text, pos) else None
    if m2 and (best is None or m2.end() > best[0]):
        sym = m2.group("unit")
        ok = True
        if sym == "in":  # "2 in thick", "2 in." but never "killed 2 in Baghdad"
            ok = bool(
                _match(
                    r"[ \t]{0,2}in(?:[ \t]{1,2}(?:thick|long|wide|tall|high|deep)\b|\s{0,2}[.,;:)]|\s*$)",
                    text[pos : pos + 16],
                )
            )
        if sym in ("m", "t", "g", "h", "L", "W", "V", "J", "ha", "Ma") and m2.start("unit") > pos + 1:
            ok = False  # one-letter symbols only glued or one blank away: "1.8m", "100 m"
        if ok:
            best = (m2.end(), symbols[sym])
    if best is None:
        return None
    # compound units: "miles an hour", "km/ms", "meters per millisecond", "tonnes per day"
    per = _match(r"(?:[ \t]{0,2}/[ \t]{0,2}|[ \t]{1,3}(?:per|an?)[ \t]{1,3})", text[best[0] : best[0] + 8])
    if per:
        start2 = best[0] + per.end()
        denom = None
        m3 = _unit_noun_re().match(text[start2 : start2 + 40])
        if m3:
            denom = (start2 + m3.end(), nouns[" ".join(m3.group().lower().replace("-", " ").split())])
        else:
            m4 = _match(r"[\p{L}µμ°]{1,6}(?![\p{L}\p{N}])", text[start2 : start2 + 8])
            if m4 and m4.group() in symbols:
                denom = (start2 + m4.end(), symbols[m4.group()])
        if (denom and units.dimension(denom[1]) == "[time]") or (
            denom and best[1] != denom[1] and per.group().strip() == "/"
        ):
            expr = f"{best[1]} / {denom[1]}"
            try:
                best = (denom[0], str(units.registry().Unit(expr)))
            except Exception:
                pass
    return best
