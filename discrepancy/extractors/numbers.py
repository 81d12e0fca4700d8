"""Numeric facts: counts, hedged counts as intervals, quantities, percentages, money, ages.

Each number found by `numerals.scan` is read with what surrounds it:

* before it: a hedge ("more than", "at least", "up to", "about", "nearly"), a comparison
  sign (">=", "<"), a currency ("$", "US$", "USD", "£") or "between"/"from" of a range;
* after it: a percent sign or word, a currency noun or code, a unit (``data/units.toml``,
  converted to pint names by `discrepancy.units`), "-year-old" (an age), a second number of a
  range ("8 to 16", "8-16"), a suffix hedge ("or more"), and the counted noun phrase.

Amounts are intervals (`facts.Amount`) that keep the hedge words. Vague amounts ("dozens
of", "hundreds of thousands of", "several") are approximate intervals documented in
``data/numbers.toml``; "no casualties" is a negated count of 0.

Not numeric facts here: years ("in 2011", "the 2015 nuclear deal"), clock times ("20:40",
"5:30 p.m."), numeric dates, gallery and page counters ("1/35", "Photo 2/12"), phone numbers,
URLs, e-mail addresses and file paths, version numbers, ordinals ("4th"), list numbers and
labels ("No. 5", "Flight 752"), model names ("Qaim-1", "F-35").

>>> from discrepancy.document import Document
>>> doc = Document("d", "Iran launched more than a dozen ballistic missiles at 2 US bases.")
>>> [(f.surface, f.value.render(), f.subject.head, f.subject.qualifiers, f.subject.predicate)
...  for f in extract(doc, Settings())]
[('more than a dozen', '>12', 'missile', ('ballistic',), 'launch'), ('2', '2', 'base', ('us',), 'launch')]
>>> [f.value.render() for f in extract(Document("d", "It cost $4.2bn, up 5%, over 100 km."), Settings())]
['4200000000 USD', '5 percent', '>100 kilometer']
>>> doc = Document("d", "The 62-year-old died at 20:40 in 2011.")
>>> [(f.kind, f.value.render()) for f in extract(doc, Settings())]
[('age', '62 year')]
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cache

import regex

from .. import align, tables, units
from ..document import Document
from ..facts import INF, Amount, Fact, Subject
from ..settings import Settings
from . import numerals, patterns
from .base import Extractor
from .common import make_fact

__all__ = ["EXTRACTOR", "extract"]

# ---------------------------------------------------------------------------------------
# Small patterns used inline are compiled once (the regex module's own cache still pays for
# flag handling on every call, which shows in the throughput).


@cache
def _compiled(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    return regex.compile(pattern, flags | regex.V1)


def _match(pattern: str, text: str, flags: int = 0) -> regex.Match[str] | None:
    return _compiled(pattern, flags).match(text)


def _search(pattern: str, text: str, flags: int = 0) -> regex.Match[str] | None:
    return _compiled(pattern, flags).search(text)


def _fullmatch(pattern: str, text: str, flags: int = 0) -> regex.Match[str] | None:
    return _compiled(pattern, flags).fullmatch(text)


# ---------------------------------------------------------------------------------------
# Tables


def _words(table: str, key: str) -> tuple[str, ...]:
    """The ``words`` array of ``[key]`` in a table, validated like `tables.string_list`."""
    section = tables.require(table, key, dict)
    words = section.get("words")
    if not isinstance(words, list):
        raise tables.TableError(f"data table {table}.toml: [{key}] needs a `words` array")
    seen: set[str] = set()
    for i, w in enumerate(words):
        if not isinstance(w, str) or not w.strip():
            raise tables.TableError(f"data table {table}.toml: [{key}] words[{i}] = {w!r} is not a string")
        if w.lower() in seen:
            raise tables.TableError(f"data table {table}.toml: [{key}] words[{i}] = {w!r} is listed twice")
        seen.add(w.lower())
    return tuple(words)


@cache
def _hedge_index() -> dict[str, str]:
    """Hedge phrase (lower case, single spaces) -> its shape (table name)."""
    out: dict[str, str] = {}
    for shape in ("above", "at_least", "at_most", "below", "approximate", "nearly", "equal"):
        for w in _words("hedges", shape):
            k = " ".join(w.lower().split())
            if k in out and out[k] != shape:
                raise tables.TableError(f"data table hedges.toml: {w!r} is in [{out[k]}] and [{shape}]")
            out[k] = shape
    return out


@cache
def _suffix_index() -> dict[str, str]:
    out: dict[str, str] = {}
    for shape in ("suffix_at_least", "suffix_at_most", "suffix_close"):
        for w in _words("hedges", shape):
            out[" ".join(w.lower().split())] = shape
    return out


def _phrase_key(phrase: str) -> str:
    """A matched phrase as the tables spell it: lower case, words joined by single spaces.

    The phrase patterns accept hyphens and blank runs between words, so the key must too.

    >>> _phrase_key("Tens-of-thousands"), _phrase_key("more -  than")
    ('tens of thousands', 'more than')
    """
    return " ".join(w for w in regex.split(r"[\s\-]+", phrase.lower()) if w)


def _phrase_pattern(words: Sequence[str]) -> str:
    return patterns.words_alternation(words).replace(r"\ ", r"\s{1,3}")


@cache
def _prefix_re() -> regex.Pattern[str]:
    """A hedge or comparison sign that ends right where a number (or currency) starts."""
    words = _phrase_pattern(list(_hedge_index()))
    return regex.compile(
        rf"""
        (?:
            (?<![\p{{L}}])(?P<word>{words})          # more than, at least, about ...
          | (?<![<>=])(?P<sign>>\s?=|<\s?=|≥|≤|>|<)  # >=, <=, >, < (not "<>", "=>")
        )
        [ \t\u00a0]{{0,3}}$                          # right before the amount
        """,
        regex.VERBOSE | regex.IGNORECASE | regex.V1,
    )


@cache
def _suffix_re() -> regex.Pattern[str]:
    words = _phrase_pattern(list(_suffix_index()))
    return regex.compile(
        rf"[ \t]{{1,3}}(?P<word>{words})(?![\p{{L}}])(?:[ \t]{{1,3}}it\b)?", regex.I | regex.V1
    )


@cache
def _units_re() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    nouns, symbols = units.unit_words()
    noun_alt = _phrase_pattern(list(nouns))
    sym_alt = "|".join(regex.escape(s) for s in sorted(symbols, key=lambda s: (-len(s), s)))
    # nouns: "6 miles", "3-inch", "10 Kilometers per hour", "20 (kg)"
    noun_re = regex.compile(
        rf"(?:[ \t\u00a0]{{1,3}}|[ \t]?-[ \t]?)(?P<unit>{noun_alt})(?![\p{{L}}\p{{N}}])", regex.I | regex.V1
    )
    # symbols: case-sensitive, glued or one blank away, optionally bracketed: "10kg", "20 [kg]"
    sym_re = regex.compile(
        rf"(?:[ \t\u00a0]{{0,2}}(?P<open>[(\[{{<])?)(?P<unit>{sym_alt})(?(open)[)\]}}>])(?![\p{{L}}\p{{N}}])",
        regex.V1,
    )
    return noun_re, sym_re


@cache
def _currencies() -> tuple[dict[str, str], dict[str, tuple[str, Decimal]], dict[str, str]]:
    """(symbols -> code, nouns lower -> (code, factor), codes as written -> code)."""
    raw = tables.raw("currencies")
    symbols: dict[str, str] = {}
    nouns: dict[str, tuple[str, Decimal]] = {}
    for code, entry in raw.items():
        if code == "codes":
            continue
        if not _fullmatch(r"[A-Z]{3}", code) or not isinstance(entry, dict):
            raise tables.TableError(f"data table currencies.toml: [{code}] is not a three-letter code table")
        for s in entry.get("symbols", []):
            if s in symbols and symbols[s] != code:
                raise tables.TableError(
                    f"data table currencies.toml: symbol {s!r} under {symbols[s]} and {code}"
                )
            symbols[s] = code
        for n in entry.get("nouns", []):
            k = " ".join(n.lower().split())
            if k in nouns and nouns[k][0] != code:
                raise tables.TableError(
                    f"data table currencies.toml: noun {n!r} under {nouns[k][0]} and {code}"
                )
            nouns[k] = (code, Decimal(1))
        minor = entry.get("minor")
        for n in entry.get("minor_nouns", []):
            if not isinstance(minor, (int, float)):
                raise tables.TableError(f"data table currencies.toml: [{code}] minor_nouns need `minor`")
            nouns[" ".join(n.lower().split())] = (code, Decimal(str(minor)))
    codes_t = raw.get("codes", {})
    aliases = codes_t.get("aliases", {})
    codes = {c: aliases.get(c, c) for c in codes_t.get("upper", [])}
    codes.update({c: aliases.get(c.upper(), c.upper()) for c in codes_t.get("lower", [])})
    return symbols, nouns, codes


@cache
def _money_res() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    symbols, nouns, codes = _currencies()
    sym_alt = "|".join(
        regex.escape(s).replace(r"\ ", r"\s{1,2}") for s in sorted(symbols, key=lambda s: (-len(s), s))
    )
    code_alt = "|".join(regex.escape(c) for c in sorted(codes, key=lambda s: (-len(s), s)))
    noun_alt = _phrase_pattern(list(nouns))
    # before the number: "$", "US$ ", "c $ ", "USD 200", "MUSD" (millions), "usd$ 15"
    before = regex.compile(
        rf"""(?:(?<![\p{{L}}])(?P<m>(?-i:M))?(?P<code>(?-i:{code_alt}))(?P<sym2>\$)?
          | (?<![\p{{L}}])(?P<sym>(?-i:{sym_alt})))
        [ \t\u00a0]{{0,2}}$""",
        regex.VERBOSE | regex.V1 | regex.I,
    )
    # after the number: "5 dollars", "420 million finnish markka", "10 €", "115USD", "30 MUSD"
    after = regex.compile(
        rf"""(?:
            [ \t\u00a0]{{0,2}}(?P<m>(?-i:M))?(?P<code>(?-i:{code_alt}))(?![\p{{L}}])
          | [ \t\u00a0]{{1,2}}(?:-[ \t]?)?(?P<noun>{noun_alt})(?![\p{{L}}])
          | -(?P<noun2>{noun_alt})(?![\p{{L}}])
          | [ \t\u00a0]{{0,2}}(?P<sym>(?-i:{sym_alt}))(?![\p{{L}}\p{{N}}])
        )""",
        regex.VERBOSE | regex.V1 | regex.I,
    )
    # cents after a main amount: "3 dollars 50 cents", "thirteen dollars and forty-five cents"
    minor = regex.compile(
        r"[ \t]{1,3}(?:and[ \t]{1,3})?(?P<n>\d{1,2}|[a-z]{3,}(?:[- ][a-z]{3,})?)[ \t]{1,3}(?:cents?|pence)\b",
        regex.I,
    )
    return before, after, minor


@cache
def _nouns() -> dict[str, object]:
    irregular = tables.string_map(
        "nouns", "irregular", lambda k, v: None if isinstance(v, str) and v else "must be a lemma string"
    )
    predicates: dict[str, str] = {}
    for lemma, forms in tables.string_map(
        "nouns", "predicates", lambda k, v: None if isinstance(v, list) and v else "must be a list of forms"
    ).items():
        for f in forms:
            if f.lower() in predicates and predicates[f.lower()] != lemma:
                raise tables.TableError(f"data table nouns.toml: predicate form {f!r} under two lemmas")
            predicates[f.lower()] = lemma
    places = tables.unique_inverse("nouns", tables.string_map("nouns", "places"))
    return {
        "irregular": {k.lower(): v for k, v in irregular.items()},
        "uncountable": frozenset(w.lower() for w in _words("nouns", "uncountable_heads")),
        "negatable": frozenset(w.lower() for w in _words("nouns", "negatable")),
        "predicates": predicates,
        "places": places,
        "stop": frozenset(w.lower() for w in _words("nouns", "stop")),
        "labels": tuple(w.lower() for w in _words("nouns", "labels")),
    }


@cache
def _label_re() -> regex.Pattern[str]:
    labels: tuple[str, ...] = _nouns()["labels"]  # type: ignore[assignment]
    alt = _phrase_pattern(list(labels))
    return regex.compile(rf"(?:(?<![\p{{L}}])(?:{alt})|#)[ \t]{{0,2}}$", regex.I | regex.V1)


# ---------------------------------------------------------------------------------------
# Spans that are never amounts

# Text shapes that hold digits but are never amounts. Each runs only near what it needs (a
# "://", a "/", an "@", a digit run): scanning every position with one big pattern is slow.
_URL = regex.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"')\]]{1,2000}")
# /paths/file.ext, ./file, ~/dir/file.txt and C:\Windows\paths
_PATH = regex.compile(
    r"""(?:~|\.\.?|(?<![\w/.~]))/(?:[\w.-]{1,64}/){0,20}[\w.-]{1,64}\.[A-Za-z]{1,6}\b
    | (?<![\w])[A-Za-z]:\\[^\s]{1,500}""",
    regex.VERBOSE | regex.V1,
)
_EMAIL = regex.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_BLOCK_DIGITS = regex.compile(
    r"""
      (?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])             # IPv4 addresses
    | (?<![\w.])v\d{1,4}(?:\.\d{1,4}){1,3}\b                 # v2.3.1
    | (?<![\w.])\d{1,4}\.\d{1,4}\.\d{1,4}(?:\.\d{1,4})?(?![\w.])  # 2.3.1 versions, 03.04.2020
    | (?i:\bversion\s{0,2}\d{1,4}(?:\.\d{1,4}){0,3})          # version 2
    | (?<![\w+])\+\d{1,3}[\s.-]\d{1,4}(?:[\s./-]\d{2,5}){1,4}(?![\w])   # +1-222-2222/2222
    | (?<![\w])\(\d{3}\)[\s.-]?\d{3}[-.]\d{4}(?![\w])         # (555) 123-4567
    | (?<![\w.-])\d{3}[-.]\d{3}[-.]\d{4}(?![\w-])            # 555-123-4567
    | (?<![\w.:])\d{1,2}:\d{2}(?::\d{2})?(?:\s{0,2}(?i:[ap]\.?\s?m\b\.?))?  # 20:40, 5:30 p.m.
    | (?<![\w.])\d{1,2}(?:\.\d{2})?\s{0,2}(?i:[ap]\.m\.|[ap]m\b)  # 2pm, 5.30 a.m.
    | (?<![\w./-])\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}(?![\w/-])   # 5/17/2018, 2020-01-03
    | (?<![\w.-])(?:1[5-9]|20)\d{2}\s?[-–/]\s?(?:\d{2}|(?:1[5-9]|20)\d{2})(?![\w-]|\.\d)  # 2013-14
    | (?<![\w.])(?:1[5-9]|20)\d{2}-(?:0[1-9]|1[0-2])(?![\w-]) # 1995-01
    | (?<![\w.'])(?:1[5-9]|20)\d0'?s\b                        # the 1960s
    | (?m:^[ \t]{0,3}\d{1,3}[.)](?=[ \t]))                    # list numbers "1." "2)"
    """,
    regex.VERBOSE | regex.V1,
)
_DIGIT_RUN = regex.compile(r"\d{1,64}")


def _blocked(text: str) -> list[tuple[int, int]]:
    """Sorted spans of URLs, paths, e-mail, IPs, versions, phones, clock times, numeric dates."""
    spans: list[tuple[int, int]] = []
    if "://" in text or "www." in text:
        spans.extend((m.start(), m.end()) for m in _URL.finditer(text))
    for sep in ("/", ":\\"):  # paths: only scanned around their separators
        at = text.find(sep)
        while at != -1:
            for m in _PATH.finditer(text, max(0, at - 80), min(len(text), at + 600)):
                spans.append((m.start(), m.end()))
            at = text.find(sep, at + 600)
    at = text.find("@")
    while at != -1:
        m = _EMAIL.search(text, max(0, at - 64), min(len(text), at + 600))
        if m:
            spans.append((m.start(), m.end()))
        at = text.find("@", at + 1)
    # windows around digit runs: 12 characters before ("version ", "+", "(") and 40 after
    windows: list[list[int]] = []
    for m in _DIGIT_RUN.finditer(text):
        ws, we = max(0, m.start() - 12), min(len(text), m.end() + 40)
        if windows and ws <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], we)
        else:
            windows.append([ws, we])
    for ws, we in windows:
        spans.extend((m.start(), m.end()) for m in _BLOCK_DIGITS.finditer(text, ws, we))
    return sorted(set(spans))


_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# Words before a four-digit number that make it a year.
_YEAR_BEFORE = regex.compile(
    rf"""(?:\b(?:in|since|by|of|until|till|from|to|during|before|after|the|early|late|mid|this|last
    |next|circa|between|and|or|year|fiscal|fy|summer|winter|spring|autumn|fall|{_MONTHS})
    [.,]?\s{{1,3}}|\b(?:mid|pre|post)-|'s\s{{1,3}})$""",
    regex.VERBOSE | regex.I,
)
_CAP_WORD = regex.compile(r"\p{Lu}")


# ---------------------------------------------------------------------------------------
# Candidates


@dataclass
class _Cand:
    start: int
    end: int
    kind: str
    amount: Amount
    rule: str
    num_start: int  # where the number (not the hedge or currency) starts
    num_end: int  # where the number and its unit end (before a noun phrase)
    extra: tuple[tuple[str, str], ...] = field(default=())


def _is_year(text: str, num: numerals.Numeral) -> bool:
    if num.spelled or num.slash or not _fullmatch(r"(?:1[5-9]|20)\d{2}", num.text):
        return False
    before = text[max(0, num.start - 24) : num.start]
    if _prefix_re().search(before) or _money_res()[0].search(before):
        return False  # "more than 2000", "up to 1500", "$2000" are amounts
    if units.unit_after(text, num.end):
        return False  # "1900 km", "from 1500 metres": a unit makes it a quantity
    if _YEAR_BEFORE.search(before):
        return True
    if not _fullmatch(r"(?:19|20)\d{2}", num.text):
        return False
    after = text[num.end : num.end + 40]
    m = _match(r"[ \t]{1,3}([\p{L}][\p{L}'’-]*)", after)
    if not m:
        return True  # a bare four-digit number at a clause end is a year more often than not
    word = m.group(1)
    # "2000 troops" counts; "2015 nuclear deal" and "2020 Election" are years
    return not _plural_like(word)


# A letter code glued or hyphened before digits makes a model name: "Qaim-1", "F-35", "J1149"
# (but "5k-20k" is a range and "$20" money).
_MODEL_BEFORE = regex.compile(r"(?<![\p{N}\p{L}])\p{L}[\p{L}\p{N}]{0,12}[-/]?$", regex.V1)
# A capitalized word (not at a sentence start, not a month, weekday or hedge) right before a
# number names a model or an item: "Boeing 737-800", "Apollo 11", "Windows 10".
_NAME_BEFORE = regex.compile(
    r"""(?<=[\p{Ll},;:][ \t]{1,3}|\p{L}[ \t])     # inside a sentence, after a word
    (?!(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun))
    \p{Lu}\p{Ll}{1,20}[ \t]$""",
    regex.VERBOSE | regex.V1,
)
_DAY_BEFORE = regex.compile(rf"\b(?:{_MONTHS})\.?[ \t]{{1,2}}$", regex.I)
_DAY_AFTER = regex.compile(rf"(?:st|nd|rd|th)?(?:[ \t]{{1,2}}of)?[ \t]{{1,2}}(?:{_MONTHS})\b", regex.I)


def _is_day(text: str, num: numerals.Numeral) -> bool:
    """ "January 3", "3 January", "8th of March": a day of a month, owned by dates."""
    if num.spelled or not _fullmatch(r"\d{1,2}", num.text) or not 1 <= num.value <= 31:
        return False
    return bool(
        _DAY_BEFORE.search(text, max(0, num.start - 12), num.start) or _DAY_AFTER.match(text, num.end)
    )


def _plural_like(word: str) -> bool:
    w = word.lower()
    n = _nouns()
    if w in n["uncountable"] or w in n["irregular"]:  # type: ignore[operator]
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "sis", "xis", "tis", "'s", "’s"))


def _lemma(word: str) -> str:
    """Singular lower-case lemma of a noun ("troops" -> "troop", "casualties" -> "casualty")."""
    w = word.lower().strip(".'’")
    irregular: dict[str, str] = _nouns()["irregular"]  # type: ignore[assignment]
    if w in irregular:
        return irregular[w]
    if w in _nouns()["uncountable"]:  # type: ignore[operator]
        return w
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("ches", "shes", "xes", "zes", "sses")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "sis", "xis", "tis")):
        return w[:-1]
    return w


def _qualifier(word: str) -> str:
    """Normalized modifier: lower case, dots removed, countries folded ("U.S." -> "us")."""
    w = word.lower().replace(".", "").strip("'’")
    places: dict[str, str] = _nouns()["places"]  # type: ignore[assignment]
    return places.get(w, w)


@cache
def _unit_noun_re() -> regex.Pattern[str]:
    nouns, _ = units.unit_words()
    return regex.compile(rf"(?:{_phrase_pattern(list(nouns))})(?![\p{{L}}])", regex.I | regex.V1)


def _read_unit(text: str, pos: int, num: numerals.Numeral) -> tuple[int, str] | None:
    """A unit right after a number -> (end, canonical unit)."""
    noun_re, sym_re = _units_re()
    nouns, symbols = units.unit_words()
    best: tuple[int, str] | None = None
    m = noun_re.match(text, pos)
    if m:
        best = (m.end(), nouns[" ".join(m.group("unit").lower().replace("-", " ").split())])
    m2 = sym_re.match(text, pos)
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


def _money_after(text: str, num: numerals.Numeral) -> tuple[int, str, Decimal, str] | None:
    """A currency after a number -> (end, code, factor, how)."""
    symbols, nouns, codes = _currencies()
    _, after, minor_re = _money_res()
    m = after.match(text, num.end)
    if not m:
        return None
    if m.group("code"):
        factor = Decimal(1_000_000) if m.group("m") else Decimal(1)
        return m.end(), codes[m.group("code")], factor, "code"
    if m.group("sym"):
        return m.end(), symbols[m.group("sym")], Decimal(1), "symbol"
    noun = " ".join((m.group("noun") or m.group("noun2")).lower().split())
    code, factor = nouns[noun]
    end = m.end()
    if factor == 1:
        mm = minor_re.match(text, end)
        if mm:
            cents = numerals.parse(mm.group("n").replace("-", " "))
            if cents is not None and cents < 100:
                return mm.end(), code, Decimal(1), f"plus:{cents}"
    return end, code, factor, "noun"


def _pound_is_money(text: str, num: numerals.Numeral, end: int) -> bool:
    """ "361 million pounds" and "pounds sterling" are money; "25 pounds" is a mass."""
    if _search(r"(?i:million|billion|bn|m|trillion|mn)$", num.text):
        return True
    return bool(_match(r"[ \t]{1,3}sterling\b", text[end : end + 12], regex.I))


def _aged(text: str, num: numerals.Numeral) -> int | None:
    """ "aged 62", "age 62": the start of the age phrase."""
    m = _search(r"(?<![\p{L}])(?i:aged|age)[ \t]{1,2}$", text[max(0, num.start - 8) : num.start])
    return num.start - (len(text[max(0, num.start - 8) : num.start]) - m.start()) if m else None


def _age(text: str, num: numerals.Numeral) -> int | None:
    m = _match(
        r"(?:[ \t]?-[ \t]?|[ \t]{1,2})(?:years?|yrs?)(?:[ \t]?-[ \t]?|[ \t]{1,2})old\b",
        text[num.end : num.end + 24],
        regex.I,
    )
    if m:
        return num.end + m.end()
    return None


def _candidates(text: str) -> Iterator[_Cand]:
    blocked = _blocked(text)
    bi = 0
    nums = list(numerals.scan(text))
    skipped_end = -1  # end of the last numeral dropped: "737-800" goes with "737"
    for num in nums:
        cand = _accept(text, num, blocked, bi, skipped_end)
        if isinstance(cand, int):
            bi = cand
            skipped_end = num.end
            continue
        bi, c = cand
        if c is not None:
            yield c


def _accept(
    text: str, num: numerals.Numeral, blocked: list[tuple[int, int]], bi: int, skipped_end: int
) -> int | tuple[int, _Cand | None]:
    """The candidate of one numeral, or the blocker index alone when the numeral is no amount."""
    money_before, _, _ = _money_res()
    symbols, _, codes = _currencies()
    if skipped_end >= 0 and _fullmatch(r"[-–/]", text[skipped_end : num.start]):
        return bi
    while bi < len(blocked) and blocked[bi][1] <= num.start:
        bi += 1
    if bi < len(blocked) and blocked[bi][0] < num.end:
        return bi
    # model names and codes: "Qaim-1", "SCP-173", "F-35", "MACS J1149"
    if (
        not num.text[0].isalpha()
        and _MODEL_BEFORE.search(text, max(0, num.start - 12), num.start)
        and not _money_res()[0].search(text, max(0, num.start - 10), num.start)
    ):
        return bi
    if (
        num.end < len(text)
        and _match(r"-?\d|[\p{L}\p{N}]*-\d", text[num.end : num.end + 6])
        and not num.spelled
    ):
        if _match(r"-\d", text[num.end : num.end + 2]) and num.value > 0:
            pass  # a range "1000-5000", read below
        elif _match(r"[\p{L}]{1,4}-?\d", text[num.end : num.end + 6]):
            return bi  # "24703m212", "i7-860"
    if _label_re().search(text, max(0, num.start - 16), num.start):
        return bi
    if _NAME_BEFORE.search(text, max(0, num.start - 24), num.start) and not _money_res()[0].search(
        text, max(0, num.start - 10), num.start
    ):
        return bi
    if _is_year(text, num) or _is_day(text, num):
        return bi
    if num.slash and not _slash_is_fraction(text, num):
        return bi
    return bi, _read(text, num, money_before, symbols, codes)


def _slash_is_fraction(text: str, num: numerals.Numeral) -> bool:
    """ "1/4 mile", "1/40 of", "3/4" alone are fractions; "1/35" or "2/12" counters are not."""
    a, b = (int(x) for x in _compiled(r"\d+").findall(num.text)[:2])
    if a >= b:
        return False
    if b not in (2, 3, 4, 5, 8, 10, 16, 32, 40, 64, 100):
        return False  # "9/11", "1/35": dates and counters, not fractions
    rest = text[num.end : num.end + 24]
    if _match(r"[ \t]{1,3}\p{L}", rest) and not _match(r"[ \t]{1,3}of\b", rest):
        return _read_unit(text, num.end, num) is not None  # "1/4 mile", not "2/3 votes"
    line_alone = _match(r"[ \t]*(?:\n|$)", rest) and _search(
        r"(?:^|\n)[ \t]*$", text[max(0, num.start - 4) : num.start]
    )
    return not line_alone


def _read(
    text: str,
    num: numerals.Numeral,
    money_before: regex.Pattern[str],
    symbols: dict[str, str],
    codes: dict[str, str],
) -> _Cand | None:
    value = num.value
    start, end = num.start, num.end
    kind, unit = "count", ""
    extra: tuple[tuple[str, str], ...] = ()
    # currency before the number: "$4.2bn", "US$ 150 million", "USD 200", "MUSD 30"
    mb = money_before.search(text, max(0, num.start - 10), num.start)
    if mb and _search(r"\d[ \t]{0,2}$", text[max(0, mb.start() - 3) : mb.start()]):
        # "10 $ 30 $": a symbol right after a number is that number's, unless that number has
        # a currency of its own before it ("$ 20,000.00 $ 37,305.97")
        prev = _search(r"[\d.,]{1,30}[ \t]{0,2}$", text[max(0, mb.start() - 32) : mb.start()])
        if prev is None or not money_before.search(
            text, max(0, mb.start() - len(prev.group()) - 10), mb.start() - len(prev.group())
        ):
            mb = None
    if mb:
        if mb.group("code"):
            unit = codes[mb.group("code")]
            if mb.group("m"):
                value *= 1_000_000
        else:
            unit = symbols[mb.group("sym")]
        kind, start = "money", mb.start()
        # "$310m": lower-case m is a million after a currency
        mm = _match(r"(?-i:m|mn)(?![\p{L}\p{N}])", text[end : end + 3])
        if mm and not num.suffix:
            value *= 1_000_000
            end += mm.end()
        # "US$ 1MM" handled by the suffix; "$ 10 dollars": a trailing noun of the same currency
        ma = _money_after(text, replace(num, end=end))
        if ma and ma[1] == unit and ma[3] == "noun":
            end = ma[0]
    else:
        ma = _money_after(text, num)
        unit_after = _read_unit(text, num.end, num)
        if (
            ma
            and unit_after
            and unit_after[1] == "pound"
            and ma[1] == "GBP"
            and not _pound_is_money(text, num, ma[0])
        ):
            ma = None
        if ma and (unit_after is None or ma[0] >= unit_after[0] or unit_after[1] == "pound"):
            end, unit, factor, how = ma
            value *= factor
            if how.startswith("plus:"):
                value += Decimal(how[5:]) / 100
            kind = "money"
        else:
            pm = _match(
                r"[ \t\u00a0]{0,2}(?:%|(?i:per[ \t]?cent(?:age)?s?|percents?|percentages?|pct)\b)"
                r"(?P<pts>[ \t]{1,2}(?i:points?)\b)?",
                text[end : end + 24],
            )
            age_end = _age(text, num)
            if pm:
                kind, unit, end = "percent", "percent", end + pm.end()
                if pm.group("pts"):
                    extra = (("percentage_points", "true"),)
            elif age_end is not None:
                kind, unit, end = "age", "year", age_end
            elif unit_after is None and num.value < 130 and (aged := _aged(text, num)) is not None:
                kind, unit, start = "age", "year", aged
            elif unit_after is not None:
                if unit_after[1] == "pound" and ma and ma[1] == "GBP":
                    pass
                end, unit = unit_after
                kind = "duration" if units.is_time(unit) else "quantity"
    if kind == "count" and not num.spelled and _match(r"\p{L}", text[end : end + 1]):
        return None  # glued to letters that are no unit: "860BOX", "06F6"
    if kind == "count":
        # "per cent of twenty-two": the number after a bare percent word
        pof = _PERCENT_OF.search(text, max(0, num.start - 24), num.start)
        if pof:
            kind, unit, start = "percent", "percent", pof.start()
    amount = Amount(value, value, unit=unit)
    return _Cand(start, end, kind, amount, f"numbers.{kind}", num.start, end, extra)


# "percent of 10" with no number before the percent word ("70 percent of 10 million" is not it)
_PERCENT_OF = regex.compile(
    r"(?<![\p{N}%][ \t]{0,2}|\p{L}[ \t])(?<![\p{L}])"  # no number or word right before
    r"(?i:per[ \t]?cents?|percents?|percentages?)[ \t]{1,3}of[ \t]{1,3}$",
    regex.V1,
)


# ---------------------------------------------------------------------------------------
# Hedges and ranges


def _hedge(text: str, cand: _Cand) -> _Cand:
    """Apply a hedge or comparison before the amount, and a suffix hedge after it."""
    m = _prefix_re().search(text, max(0, cand.start - 40), cand.start)
    a = cand.amount
    start = cand.start
    hedge = ""
    if m:
        if m.group("sign"):
            sign = regex.sub(r"\s", "", m.group("sign"))
            shape = {
                ">": "above",
                ">=": "at_least",
                "≥": "at_least",
                "<": "below",
                "<=": "at_most",
                "≤": "at_most",
            }[sign]
            hedge = sign
        else:
            hedge = _phrase_key(m.group("word"))  # "up-to" is "up to"
            shape = _hedge_index().get(hedge, "equal")
        a = _shape(a, shape, hedge)
        start = m.start()
    end = cand.end
    sm = _suffix_re().match(text, cand.end)
    if sm and patterns.NUMBER_RUN.match(
        text, sm.end() + len(text[sm.end() : sm.end() + 4]) - len(text[sm.end() : sm.end() + 4].lstrip())
    ):
        sm = None  # "above 1000 and below 1500": "and below" starts the next bound
    if sm:
        word = _phrase_key(sm.group("word"))
        shape = _suffix_index().get(word, "")
        if shape == "suffix_close" and (a.low_open or a.high_open):
            a = replace(a, low_open=False, high_open=False, hedge=f"{a.hedge} {word}".strip())
            end = sm.end()
        elif shape == "suffix_at_least" and a.is_point:
            a = replace(a, high=INF, hedge=word)
            end = sm.end()
        elif shape == "suffix_at_most" and a.is_point:
            a = replace(a, low=Decimal(0), hedge=word)
            end = sm.end()
    if start == cand.start and end == cand.end:
        return cand
    rule = cand.rule
    if not (a.is_point and not a.approximate) and not rule.startswith("numbers.range"):
        rule = rule.replace("numbers.", "numbers.hedged-")
    return replace(cand, start=start, end=end, amount=a, rule=rule)


def _shape(a: Amount, shape: str, hedge: str) -> Amount:
    v = a.low
    if shape == "above":
        return replace(a, low=v, high=INF, low_open=True, hedge=hedge)
    if shape == "at_least":
        return replace(a, low=v, high=INF, hedge=hedge)
    if shape == "at_most":
        return replace(a, low=Decimal(0), high=v, hedge=hedge)
    if shape == "below":
        return replace(a, low=Decimal(0), high=v, high_open=True, hedge=hedge)
    if shape == "approximate":
        return replace(a, approximate=True, hedge=hedge)
    if shape == "nearly":
        return replace(a, approximate=True, direction="below", hedge=hedge)
    return replace(a, hedge=hedge)  # equal


_RANGE_JOIN = regex.compile(
    r"""(?P<join>
        [ \t]{0,2}(?:-|–|—|~)[ \t]{0,2}                 # 8-16, 1000 – 5000, 20~100
      | -?[ \t]{1,3}(?:to|through|thru)[ \t]{1,3}     # 8 to 16, 8- to 16-meter
      | [ \t]{1,3}and[ \t]{1,3}                       # between 10 and 20 (only after "between")
    )$""",
    regex.VERBOSE | regex.I,
)
_RANGE_FROM = regex.compile(
    r"(?<![\p{L}])(?P<w>between|from|ranging\s{1,3}from|anywhere\s{1,3}(?:from|between))[ \t]{1,3}$",
    regex.I | regex.V1,
)


def _ranges(text: str, cands: list[_Cand]) -> list[_Cand]:
    """Join "A to B", "A-B", "between A and B", "from A to B" into one interval."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands):
            b = cands[i + 1]
            between = text[a.end : b.start]
            if (
                b.amount.is_point
                and b.amount.low < 0
                and _fullmatch(r"[ \t]{0,2}", between)
                and text[b.start] in "-–—"
                and a.amount.is_point
                and a.amount.low >= 0
            ):
                # "1000 - 5000": the dash was read as a sign
                dash = _match(r"[-–—][ \t]{0,2}", text[b.start : b.start + 4])
                assert dash is not None
                b = replace(
                    b,
                    start=b.start + dash.end(),
                    num_start=b.start + dash.end(),
                    amount=replace(b.amount, low=-b.amount.low, high=-b.amount.high),
                )
                between = text[a.end : b.start]
            jm = _RANGE_JOIN.fullmatch(between) if len(between) < 16 else None
            if jm is None and a.kind == "money" and len(between) < 16:
                jm = _RANGE_JOIN.fullmatch(between)
            fm = _RANGE_FROM.search(text, max(0, a.start - 24), a.start)
            join = jm.group("join").strip().lower() if jm else ""
            joined = jm is not None and (
                join != "and"
                or (fm is not None and fm.group("w").lower().startswith(("between", "anywhere between")))
            )
            if joined and join in ("-", "–", "—", "~") and _match(r"\s*0\d", text[b.start : b.start + 3]):
                joined = False
            if (
                joined
                and join == "-"
                and _search(r"\p{L}[ \t]*$", text[a.num_start : a.end])
                and not _search(r"\d[kKmMbBnT]{1,3}$", text[a.num_start : a.end])
                and not a.amount.unit
            ):
                joined = False  # "one-two" is not a range
            ua, ub = a.amount.unit, b.amount.unit
            same = ua == ub or ua == "" or (ub == "" and a.kind in ("money", "percent"))
            ordered = a.amount.low < b.amount.low or (b.amount.low < 0 and a.amount.low != b.amount.low)
            if joined and same and a.amount.is_point and b.amount.is_point and ordered:
                unit = ub or ua
                kind = b.kind if ub else a.kind
                start = fm.start() if fm else a.start
                low, high = sorted((a.amount.low, b.amount.low))
                amount = Amount(low, high, unit=unit, hedge=(fm.group("w").lower() if fm else join))
                out.append(_Cand(start, b.end, kind, amount, f"numbers.range-{kind}", a.num_start, b.num_end))
                i += 2
                continue
            if (
                a.kind == "count"
                and b.kind in ("quantity", "duration", "money", "percent")
                and a.amount.is_point
                and _fullmatch(r"[ \t]{1,2}(?:and|or)[ \t]{1,2}|[ \t]{0,2}/[ \t]{0,2}", between)
                and a.end == a.num_end
            ):
                # "45 and 50 mg": the first number shares the unit of the second
                a = replace(
                    a, kind=b.kind, amount=replace(a.amount, unit=b.amount.unit), rule=f"numbers.{b.kind}"
                )
        out.append(a)
        i += 1
    return out


_BOUND_JOIN = regex.compile(r"[ \t]{0,2},?[ \t]{0,3}(?:(?:and|but)[ \t]{1,3})?")


def _bounds(text: str, cands: list[_Cand]) -> list[_Cand]:
    """ "more than 10 and less than 20" -> (10, 20); "no more than 50 and no less than 20" -> [20, 50]."""
    out: list[_Cand] = []
    i = 0
    while i < len(cands):
        a = cands[i]
        if i + 1 < len(cands):
            b = cands[i + 1]
            x, y = a.amount, b.amount
            lower_upper = None
            if x.high == INF and y.low == 0 and y.high != INF and not y.is_point:
                lower_upper = (x, y)
            elif y.high == INF and x.low == 0 and x.high != INF and not x.is_point:
                lower_upper = (y, x)
            if lower_upper and x.unit == y.unit and _BOUND_JOIN.fullmatch(text, a.end, b.start):
                lo, hi = lower_upper
                if lo.low < hi.high:
                    amount = Amount(
                        lo.low,
                        hi.high,
                        low_open=lo.low_open,
                        high_open=hi.high_open,
                        unit=x.unit,
                        hedge=f"{x.hedge} / {y.hedge}",
                    )
                    out.append(
                        _Cand(
                            a.start, b.end, a.kind, amount, f"numbers.range-{a.kind}", a.num_start, b.num_end
                        )
                    )
                    i += 2
                    continue
        out.append(a)
        i += 1
    return out


@cache
def _vague_re() -> regex.Pattern[str]:
    alt = _phrase_pattern(list(numerals.vague_phrases()))
    return regex.compile(rf"(?<![\p{{L}}])(?P<v>{alt})(?![\p{{L}}])", regex.I | regex.V1)


def _vague(text: str) -> Iterator[_Cand]:
    for m in _vague_re().finditer(text):
        # The pattern also takes hyphens between the words ("tens-of-thousands"); the table
        # is keyed on single spaces.
        key = _phrase_key(m.group("v"))
        found = numerals.vague(key)
        if found is None:
            continue
        low, high, high_open = found
        # "several hundred", "a few thousand": the vague amount multiplies the scale
        sm = _match(r"[ \t]{1,3}(hundred|thousand|million|billion)\b", text[m.end() : m.end() + 12], regex.I)
        end = m.end()
        if sm and not key.endswith(" of"):
            scale = patterns.number_words()[sm.group(1).lower()][1]
            low, high, end = low * scale, high * scale, end + sm.end()
        amount = Amount(
            low, high, high_open=high_open, approximate=True, hedge=key
        )
        yield _Cand(m.start(), end, "count", amount, "numbers.vague-count", m.start(), end)


_NEGATED = regex.compile(r"(?<![\p{L}])(?:no|zero)[ \t]{1,3}(?=\p{L})", regex.I | regex.V1)


def _negated(text: str) -> Iterator[_Cand]:
    negatable = _nouns()["negatable"]
    places: dict[str, str] = _nouns()["places"]  # type: ignore[assignment]
    for m in _NEGATED.finditer(text):
        words = _np_words(text, m.end())
        head = _head(words, Decimal(0))
        if head is None:
            continue
        word = words[head][0]
        # "no casualties", and "no Americans" (a plural demonym counts people of a country)
        demonym = word[:1].isupper() and word.lower().endswith("s") and word.lower() in places
        if _lemma(word) in negatable or demonym:  # type: ignore[operator]
            amount = Amount(Decimal(0), Decimal(0), hedge=m.group().strip().lower())
            yield _Cand(m.start(), m.end() - 1, "count", amount, "numbers.negated-count", m.start(), m.end())


# ---------------------------------------------------------------------------------------
# Subjects

_WORD = regex.compile(r"[\p{L}][\p{L}\p{N}.'’\-]{0,40}|\p{Lu}{1,3}(?:\.\p{Lu}){1,3}\.?")


def _np_words(text: str, pos: int) -> list[tuple[str, int, int]]:
    """Up to six words of the noun phrase starting at ``pos`` (stops at stop words)."""
    out: list[tuple[str, int, int]] = []
    stop = _nouns()["stop"]
    p = pos
    for _ in range(6):
        m = _match(r"[ \t\u00a0]{0,3}", text[p : p + 4])
        q = p + (m.end() if m else 0)
        w = _WORD.match(text, q)
        if not w or (out and q == p):
            break
        word = w.group().rstrip("'’")
        if word.lower() in stop or word.lower().rstrip(".") in stop:  # type: ignore[operator]
            break
        if word.endswith(".") and not _fullmatch(r"(?:\p{L}\.){2,4}", word):
            word = word[:-1]
        out.append((word, q, q + len(word)))
        p = q + len(word)
        if not _match(r"[ \t\u00a0]", text[p : p + 1]):
            break
    return out


def _head(words: list[tuple[str, int, int]], value: Decimal) -> int | None:
    """Index of the counted noun: the first plural-looking word (or the last word for one)."""
    preds = _nouns()["predicates"]
    for i, (w, _, _) in enumerate(words):
        if w.isupper() and len(w) <= 4:
            continue  # acronyms and "US"
        if i > 0 and w.lower() in preds and w.lower().endswith(("ed", "ing")):  # type: ignore[operator]
            return i - 1 if value == 1 else None
        if _plural_like(w):
            return i
    if value == 1 and words:
        return len(words) - 1
    return None


def _predicate_word(word: str) -> str | None:
    """Lemma of a verb or event noun: from the table, else a regular past tense ("-ed").

    >>> [_predicate_word(w) for w in ("deaths", "voted", "treated", "stopped", "caused", "forced", "said")]
    ['death', 'vote', 'treat', 'stop', 'cause', 'force', None]
    """
    w = word.lower()
    preds: dict[str, str] = _nouns()["predicates"]  # type: ignore[assignment]
    if w in preds:
        return preds[w]
    if len(w) > 4 and w.endswith("ed") and w not in _nouns()["stop"]:  # type: ignore[operator]
        stem = w[:-2]
        if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
            return stem[:-1]  # stopped -> stop
        if stem.endswith(("c", "v", "z", "us", "as", "os")) or _CVC.fullmatch(stem):
            return stem + "e"  # forced -> force, caused -> cause, voted -> vote
        return stem
    return None


# short stems with one vowel between consonants took a silent e: "lin(ed)", "vot(ed)", "bas(ed)"
_CVC = regex.compile(r"[^aeiou]{1,2}[aeiou][^aeiouwxy]")


@cache
def _change_words() -> tuple[frozenset[str], tuple[str, ...], frozenset[str], regex.Pattern[str]]:
    """Change verbs, running-total nouns, auxiliaries (nouns.toml) and a pattern for the nouns."""
    totals = tuple(w.lower() for w in _words("nouns", "total_heads"))
    total_word = regex.compile(
        rf"(?:(?P<mod>\p{{L}}{{2,20}})[ \t]{{1,3}})?(?P<head>{'|'.join(map(regex.escape, totals))})\b",
        regex.I | regex.V1,
    )
    return (
        frozenset(w.lower() for w in _words("nouns", "change_verbs")),
        totals,
        frozenset(w.lower() for w in _words("nouns", "auxiliaries")),
        total_word,
    )


def _last_total(before: str) -> regex.Match[str] | None:
    """The last running-total noun in ``before`` ("death toll"), scanning once."""
    last = None
    for last in _change_words()[3].finditer(before):  # noqa: B007 - keep the last match
        pass
    return last


# How far left of an amount its verb and subject are looked for (characters): a clause.
_LEFT_WINDOW = 300
# A preposition right before a number makes it an oblique ("in 10 provinces", "across 11
# states"): the verb before it does not count it.
_OBLIQUE = regex.compile(r"\b(?:in|across|from|within|into|among|throughout|near|over)\s+$", regex.IGNORECASE)
_OF_BEFORE = regex.compile(r"(?P<w>\p{L}+)[ \t]{1,3}of[ \t]{1,3}(?:the[ \t]{1,3})?$", regex.V1)
_AFTER_VERB = regex.compile(
    r"[ \t]{1,3}(?:(?:were|was|are|is|have|has|had|been|be|being|will|would)[ \t]{1,3}){0,2}"  # auxiliaries
    # verbs of belief that leave the state they report as the predicate: "10,000 believed
    # missing", "six presumed dead", "40 feared killed", "3 confirmed dead"
    r"(?:(?:believed|feared|presumed|thought|reported|confirmed|now|still|also)[ \t]{1,3}"
    r"(?:to[ \t]{1,3}(?:be|have)[ \t]{1,3}(?:been[ \t]{1,3})?)?)?"  # "believed to have been"
    r"(?P<w>\p{L}+)",  # the verb: "troops were forced", "mourners lined"
    regex.V1,
)


@cache
def _rate_periods() -> dict[str, str]:
    """Form -> period of `[rate_periods]` ("mins" -> "minute")."""
    periods = tables.string_map(
        "nouns", "rate_periods", lambda k, v: None if isinstance(v, list) and v else "must be a list of forms"
    )
    return tables.unique_inverse("nouns", {k: [f.lower() for f in v] for k, v in periods.items()})


_RATE = regex.compile(
    r"""
    [ \t]{1,3}(?P<det>per|an?|each|every)  # "per minute", "a day", "each hour"
    [ \t]{1,3}(?P<w>\p{L}{1,30})\b        # the period or, after "per", any noun
    (?![ \t]{1,3}(?:ago|earlier|later|before|after)\b)  # "3 dogs a week ago": a time, no rate
    """,
    regex.VERBOSE | regex.IGNORECASE | regex.V1,
)


def _rate(text: str, pos: int) -> str:
    """The "per-..." qualifier of a rate written at ``pos`` ("per minute" -> "per-minute").

    >>> _rate(" per minute.", 0), _rate(" a day", 0), _rate(" per request", 0), _rate(" a dog", 0)
    ('per-minute', 'per-day', 'per-request', '')
    """
    m = _RATE.match(text, pos, min(len(text), pos + 40))
    if not m:
        return ""
    word = m.group("w").lower()
    period = _rate_periods().get(word)
    if period:
        return f"per-{period}"
    if m.group("det").lower() == "per" and word not in _nouns()["stop"]:  # type: ignore[operator]
        return f"per-{_lemma(word)}"
    return ""


@cache
def _copula_re() -> regex.Pattern[str]:
    """A noun phrase and a `[copulas]` verb that end right where an amount starts."""
    words = _phrase_pattern(_words("nouns", "copulas"))
    return regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}])
        (?:(?P<mod>\p{{L}}{{2,20}})[ \t]{{1,3}})?  # one modifier: "operating", "single"
        (?P<noun>\p{{Ll}}[\p{{L}}\-]{{1,30}})       # the lower-case noun: "margin", "upload"
        [ \t]{{1,3}}(?:{words})                      # was, may be, stands at ...
        [ \t\u00a0]{{1,3}}$                          # right before the amount
        """,
        regex.VERBOSE | regex.IGNORECASE | regex.V1,
    )


_TOTAL_OF = regex.compile(
    # "number of buildings"
    r"\b(?:number|total|count|tally)[ \t]+of[ \t]+(?:the[ \t]+)?(?P<noun>\p{Ll}[\p{L}\-]{1,30})"
    r"(?:[ \t]+(?:that|which|who)[ \t]+\p{L}+)?"  # "that collapsed"
    r"[ \t]+\p{L}+(?:[ \t]+\p{L}+)?[ \t\u00a0]{1,3}$",  # the copula: "is", "stands at"
    regex.IGNORECASE | regex.V1,
)


def _copular_subject(before: str) -> tuple[str, list[str]]:
    """Head and qualifiers of "NOUN was N" from the text right before an amount.

    >>> _copular_subject("Operating margin was "), _copular_subject("A single upload may be ")
    (('margin', ['operating']), ('upload', ['single']))
    >>> _copular_subject("It was "), _copular_subject("The answer is "), _copular_subject("This ")
    (('', []), ('answer', []), ('', []))
    """
    total = _TOTAL_OF.search(before)
    if total and _copula_re().search(before):
        # "The number of buildings that collapsed is 2,818": the total counts its "of" noun.
        return _lemma(total.group("noun")), []
    m = _copula_re().search(before)
    stop = _nouns()["stop"]
    if not m or not m.group("noun")[0].islower() or m.group("noun").lower() in stop:  # type: ignore[operator]
        return "", []  # a name ("Paris is 300 km away") is no measured noun
    mod = m.group("mod")
    quals = [_qualifier(mod)] if mod and mod.lower() not in stop else []  # type: ignore[operator]
    return _lemma(m.group("noun")), quals


def _subject(text: str, doc_sentence: tuple[int, int], cand: _Cand) -> tuple[Subject, int, bool]:
    """The subject of an amount, where its noun phrase ends (to extend the span) and whether
    its predicate is attached to it (next to it, or after its noun phrase) rather than the
    nearest verb some words before, which often belongs to another clause."""
    value = cand.amount.low if cand.amount.low != 0 or cand.amount.is_point else cand.amount.high
    s_start, s_end = doc_sentence
    head = ""
    qualifiers: list[str] = []
    phrase = ""
    np_end = cand.end
    # the counted noun phrase after the amount ("5,000 U.S. troops"), or "of NP"
    pos = cand.end
    if cand.kind in ("duration", "percent", "quantity", "money", "count"):
        ofm = _match(
            r"[ \t]{1,3}of[ \t]{1,3}(?:the[ \t]{1,3}|a[ \t]{1,3}|an[ \t]{1,3})?", text[pos : pos + 12]
        )
        after_of = pos + ofm.end() if ofm else pos
        if (
            ofm
            and (cand.kind != "count" or _head(_np_words(text, pos), value) is None)
            and not patterns.NUMBER_RUN.match(text, after_of)
        ):
            pos = after_of  # "16 years of war", "one of the leaders"; not "one of two painters"
    if cand.rule == "numbers.vague-count" or (cand.kind == "count" and text[pos - 1 : pos] == " "):
        pos = pos - 1 if text[pos - 1 : pos] == " " else pos
    words = _np_words(text, pos)
    hi: int | None
    if cand.kind in ("count",):
        hi = _head(words, value)
    elif words and cand.kind in ("money", "quantity", "percent", "duration", "age"):
        hi = _head(words, Decimal(1))
        if cand.kind == "age" and words and words[0][0] in ("'s", "’s"):
            hi = None
    else:
        hi = None
    if hi is not None:
        head = _lemma(words[hi][0])
        qualifiers = [_qualifier(w) for w, _, _ in words[:hi]]
        phrase = text[words[0][1] : words[hi][2]]
        np_end = words[hi][2]
    # predicate: "deaths of N", "N troops were forced", or the nearest verb before
    predicate = ""
    attached = True
    window = text[max(s_start, cand.start - 60) : cand.start]
    om = _OF_BEFORE.search(window)
    if om and _predicate_word(om.group("w")):
        predicate = _predicate_word(om.group("w")) or ""
    if not predicate:
        am = _AFTER_VERB.match(text, np_end)
        if am and am.end() <= s_end:
            w = am.group("w")
            auxiliary = am.group().strip() != w
            known = w.lower() in _nouns()["predicates"]  # type: ignore[operator]
            if (known or (w.lower().endswith("ed") and len(w) > 4)) and (
                auxiliary or not w.lower().endswith("ing")
            ):
                predicate = _predicate_word(w) or ""
    left_head = ""
    if not predicate:
        # A bounded window, so a sentence with thousands of amounts stays linear.
        before = text[max(s_start, cand.start - _LEFT_WINDOW) : cand.start]
        tokens = list(_compiled(r"\p{L}+").finditer(before))[-10:]
        for j in range(len(tokens) - 1, -1, -1):
            if j < len(tokens) - 1 and tokens[j].group().lower().endswith("ing"):
                continue  # "a base housing US troops by over a dozen rockets": a modifier
            p = _predicate_word(tokens[j].group())
            if p:
                predicate = p
                # "killed 12", "killed at least 12": only hedge words in between; not "injuring
                # 5,385 others in 10 provinces", where a preposition heads the number's phrase
                attached = len(tokens) - 1 - j <= 2 and not _OBLIQUE.search(before)
                change_verbs, _, auxiliaries, _ = _change_words()
                if not head and j > 0 and (cand.kind != "count" or p in change_verbs):
                    k = j - 1
                    # "The death toll from the quake that struck on Friday has risen to 2,122":
                    # the running total named earlier in the clause is the subject, not the
                    # word just before the verb.
                    total = _last_total(before) if p in change_verbs else None
                    if total:
                        left_head = _lemma(total.group("head"))
                        if total.group("mod") and total.group("mod").lower() not in _nouns()["stop"]:  # type: ignore[operator]
                            qualifiers = [_qualifier(total.group("mod"))]
                        break
                    # skip adverbs and auxiliaries: "the death toll has sharply risen to 176"
                    while k >= 0 and (
                        tokens[k].group().lower().endswith("ly") or tokens[k].group().lower() in auxiliaries
                    ):
                        k -= 1
                    stop = _nouns()["stop"]
                    if k >= 0 and tokens[k].group().lower() not in stop and tokens[k].group()[0].islower():  # type: ignore[operator]
                        left_head = _lemma(tokens[k].group())
                        if k > 0 and tokens[k - 1].group().lower() not in _nouns()["stop"]:  # type: ignore[operator]
                            qualifiers = [_qualifier(tokens[k - 1].group())]
                break
    if not head and not left_head:
        left_head, qualifiers = _copular_subject(text[max(s_start, cand.start - 80) : cand.start])
    if not head and left_head:
        head = left_head
        phrase = " ".join([*qualifiers, head])
    rate = _rate(text, np_end) if np_end < s_end else ""
    if rate:
        qualifiers = [*qualifiers, rate]  # "60 requests per minute": a rate, not a count
    negated = cand.rule == "numbers.negated-count"
    seen: set[str] = set()
    quals = tuple(q for q in qualifiers if q and not (q in seen or seen.add(q)))  # type: ignore[func-returns-value]
    subject = Subject(head=head, qualifiers=quals, predicate=predicate, negated=negated, phrase=phrase)
    return subject, np_end, attached


# ---------------------------------------------------------------------------------------
# The extractor


def _resolve(cands: list[_Cand]) -> list[_Cand]:
    """Longest first, then earliest; drop candidates overlapping a kept one.

    Candidates are swept in text order into clusters of overlapping spans; the policy runs
    inside each cluster, so the cost stays linear in the number of candidates.
    """
    kept: list[_Cand] = []
    cluster: list[_Cand] = []
    reach = -1
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        if cluster and c.start >= reach:
            kept.extend(_resolve_cluster(cluster))
            cluster = []
        cluster.append(c)
        reach = max(reach, c.end) if len(cluster) > 1 else c.end
    kept.extend(_resolve_cluster(cluster))
    return sorted(kept, key=lambda c: c.start)


def _resolve_cluster(cluster: list[_Cand]) -> list[_Cand]:
    kept: list[_Cand] = []
    for c in sorted(cluster, key=lambda c: (-(c.end - c.start), c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    return kept


def amounts(text: str) -> list[_Cand]:
    """All amount candidates of a text after hedges, ranges and overlap resolution."""
    cands = sorted(_candidates(text), key=lambda c: c.start)
    cands = _ranges(text, cands)
    cands = [_hedge(text, c) for c in cands]
    cands = _bounds(text, cands)
    cands.extend(_vague(text))
    cands.extend(_negated(text))
    return _resolve(cands)


# Between two coordinated counts: "killing 2,012 people and injuring 2,059", "12 dead, 30 hurt".
_COORDINATION = regex.compile(
    r"[ \t]{0,2}(?:,[ \t]{0,2})?(?:and|while|with|as[ \t]well[ \t]as|,)[ \t]{1,3}"
    r"(?:(?P<verb>\p{Ll}{2,20})[ \t]{1,3})?$",
    regex.V1,
)


def _coordinated(
    text: str, previous: tuple[_Cand, Subject, int, tuple[int, int]], c: _Cand, sentence: tuple[int, int],
    subject: Subject,
) -> Subject:
    """A headless count coordinated with the previous one counts the same things.

    >>> doc = Document("d", "The quake killed 2,012 people and injured 2,059.")
    >>> [(f.surface, f.subject.head, f.subject.predicate) for f in extract(doc, Settings())]
    [('2,012', 'person', 'kill'), ('2,059', 'person', 'injure')]
    """
    p_cand, p_subject, p_end, p_sentence = previous
    if p_sentence != sentence or c.kind != "count" or p_cand.kind != "count" or not p_subject.head:
        return subject
    if p_subject.head in _change_words()[1]:
        return subject  # "the toll rose to 2,122, with 2,421 injured": the injured are no toll
    if p_end > c.start or c.start - p_end > 40:
        return subject
    m = _COORDINATION.search(text, p_end, c.start)
    if not m or m.start() != p_end:
        return subject
    predicate = subject.predicate
    if m.group("verb"):
        predicate = _predicate_word(m.group("verb")) or predicate
    return replace(
        p_subject, predicate=predicate, negated=subject.negated, source=subject.source or p_subject.source
    )


@cache
def _baseline_re() -> regex.Pattern[str]:
    """A `[baseline]` phrase that ends right where an amount starts ("... from ")."""
    words = _phrase_pattern(_words("hedges", "baseline"))
    return regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}])(?:{words})  # from, up from, compared with ...
        [ \t\u00a0]{{1,3}}$              # right before the amount
        """,
        regex.VERBOSE | regex.IGNORECASE | regex.V1,
    )


# How far back (characters) the changed amount may stand before a baseline's marker
# ("revenue rose 12% to $4.2 billion in fiscal 2024 from $3.75 billion").
_BASELINE_GAP = 60


def _is_baseline(
    text: str, previous: tuple[_Cand, Subject, int, tuple[int, int]], c: _Cand, sentence: tuple[int, int],
    subject: Subject,
) -> bool:
    """Whether ``c`` is the earlier value the previous amount of its sentence is measured against.

    >>> doc = Document("d", "Margin improved to 18 percent from 15 percent. 300 people fled from 12 towns.")
    >>> [(f.surface, f.get("baseline")) for f in extract(doc, Settings())]
    [('18 percent', ''), ('15 percent', 'yes'), ('300', ''), ('12', '')]
    """
    p_cand, p_subject, _, p_sentence = previous
    if p_sentence != sentence or p_cand.kind != c.kind or p_cand.end > c.start:
        return False
    if c.start - p_cand.end > _BASELINE_GAP:
        return False
    if subject.head and p_subject.head and subject.head != p_subject.head:
        return False  # "300 people fled from 12 towns": towns are no earlier count of people
    return bool(_baseline_re().search(text, p_cand.end, c.start))


# Sentences longer than this (characters) are not searched for carried-over versions.
_LONG_SENTENCE = 2000


def _carried_versions(doc: Document, sentence: tuple[int, int], c: _Cand) -> str:
    """Versions of the previous sentence that a sentence opened by "It"/"This" is about.

    >>> doc = Document("d", "Version 3.2.0 is out. It requires 512 MB. Version 3.1.4 needed 256 MB.")
    >>> [(f.surface, f.get("versions")) for f in extract(doc, Settings())]
    [('512 MB', '3.2.0'), ('256 MB', '')]
    """
    s_start, s_end = sentence
    if s_start >= s_end or s_start == 0 or s_end - s_start > _LONG_SENTENCE:
        return ""  # a "sentence" this long is a table or a list, not a clause about a version
    text = doc.text
    own = text[s_start : c.start] + " " * (c.end - c.start) + text[c.end : s_end]
    if align.identifiers(own):
        return ""  # the sentence names its own version
    i = bisect.bisect_left(doc.sentences, (s_start,)) - 1  # the sentence before this one
    if i < 0:
        return ""
    p_start, p_end = doc.sentences[i]
    carried = align.carried_identifiers(own, text[p_start:p_end])
    return " ".join(sorted(carried))


def extract(doc: Document, settings: Settings) -> Iterator[Fact]:
    """Numeric facts of one document, in text order (see `restated` for repeated numbers)."""
    yield from restated(list(_extract(doc, settings)))


def restated(facts: list[Fact]) -> list[Fact]:
    r"""Mark a bare count that the same document also gives with a hedge.

    A headline's "3,000 dead" restates the body's "At least 3,000 people died": against
    other documents the source's claim is the bound its body states, so the bare figure
    carries that bound (extra ``restated_as``, read by `restated_amount`). Inside its own
    document the bare figure keeps its value: a headline that drops the body's hedge ("a
    dozen missiles" over "more than a dozen") is still the document's own inconsistency.

    >>> doc = Document("d", "3,000 dead in floods\nAt least 3,000 people died on Monday.")
    >>> [(f.surface, f.value.render(), restated_amount(f).render()) for f in extract(doc, Settings())]
    [('3,000', '3000', '>=3000'), ('At least 3,000', '>=3000', '>=3000')]
    """
    hedged: dict[tuple[str, Decimal], Amount] = {}
    for f in facts:
        v = f.value
        if f.kind == "count" and isinstance(v, Amount) and v.hedge and v.low.is_finite() and v.low > 0:
            hedged.setdefault((f.kind, v.low), v)
        if f.kind == "count" and isinstance(v, Amount) and v.hedge and v.high.is_finite() and v.low == 0:
            hedged.setdefault((f.kind, v.high), v)
    if not hedged:
        return facts
    out = []
    for f in facts:
        v = f.value
        if isinstance(v, Amount) and f.kind == "count" and v.is_point and not v.hedge and not v.approximate:
            bound = hedged.get((f.kind, v.low))
            if bound is not None:
                f = replace(f, extra=(*f.extra, ("restated_as", bound.encode())))
        out.append(f)
    return out


def restated_amount(f: Fact) -> Amount:
    """The amount a fact stands for against other documents (see `restated`)."""
    value = f.value if isinstance(f.value, Amount) else Amount.exact(0)
    code = f.get("restated_as")
    return value.decode(code) if code else value


def _extract(doc: Document, settings: Settings) -> Iterator[Fact]:
    text = doc.text
    previous: tuple[_Cand, Subject, int, tuple[int, int]] | None = None
    for c in amounts(text):
        if c.start >= c.end:
            continue
        sentence = doc.sentence_at(c.start)
        subject, np_end, attached = _subject(text, sentence, c)
        if previous and not subject.head:
            coordinated = _coordinated(text, previous, c, sentence, subject)
            attached = attached or coordinated != subject
            subject = coordinated
        baseline = previous is not None and _is_baseline(text, previous, c, sentence, subject)
        previous = (c, subject, np_end, sentence)
        extra = c.extra
        if subject.predicate and not attached:
            # The verb was found words away: it may belong to another clause.
            extra = (*extra, ("predicate_at", "far"))
        if baseline:
            # An earlier value ("from 15%"): compared only with other earlier values.
            extra = (*extra, ("baseline", "yes"))
        carried = _carried_versions(doc, sentence, c)
        if carried:
            extra = (*extra, ("versions", carried))
        if np_end > c.end and "\n" not in text[c.end : np_end]:
            # Where the counted noun phrase ends, so a report can quote "5,000 U.S. troops"
            # while the fact's own span stays the amount.
            extra = (*extra, ("phrase_end", str(np_end)))
        yield make_fact(doc, c.kind, c.start, c.end, c.amount, c.rule, subject, extra)


EXTRACTOR = Extractor("numbers", extract)
