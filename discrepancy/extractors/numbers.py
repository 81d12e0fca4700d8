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

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from functools import cache
from itertools import pairwise

import regex

from .. import units
from ..document import Document
from ..facts import Amount, Fact, Subject
from ..settings import Settings
from . import numblocks, numerals
from .base import Extractor
from .common import make_fact
from .numafter import _money_after_gate, _read_unit, plain_after
from .numcontext import _carried_versions, _is_baseline, dot_thousands, earlier_event, projected
from .numhedges import (
    _PERCENT_OF,
    _bounds,
    _hedge,
    _negated,
    _ranges,
    _vague,
)
from .numsubject import (
    _coordinated,
    _subject,
)
from .numtables import (
    _MONTH_WORDS,
    _MONTHS,
    LeftContext,
    _Cand,
    _compiled,
    _currencies,
    _label_re,
    _left,
    _match,
    _money_before,
    _money_res,
    _plural_like,
    _prefix_re,
    _search,
    word_gate,
)

__all__ = ["EXTRACTOR", "extract"]

# Words before a four-digit number that make it a year.
_YEAR_WORDS = (
    "in", "since", "by", "of", "until", "till", "from", "to", "during", "before", "after", "the",
    "early", "late", "mid", "this", "last", "next", "circa", "between", "and", "or", "year",
    "fiscal", "fy", "summer", "winter", "spring", "autumn", "fall",
)
_YEAR_BEFORE = LeftContext(
    regex.compile(
        rf"""(?:\b(?:{"|".join(_YEAR_WORDS)}|{_MONTHS})[.,]?\s{{1,3}}  # "in 2011", "May, 2020"
        |\b(?:mid|pre|post)-                                          # "mid-2020"
        |'s\s{{1,3}})$                                                 # "Iran's 2020 budget"
        """,
        regex.VERBOSE | regex.I,
    ),
    word_gate((*_YEAR_WORDS, *_MONTH_WORDS, "s"), blanks=None, skip=".,", marks="-"),
)


# The shapes of a year and of a day of a month, compiled once: they are tried on every number.
_YEAR_SHAPE = regex.compile(r"(?:1[5-9]|20)\d{2}", regex.V1)  # 1500 to 2099
_MODERN_YEAR = regex.compile(r"(?:19|20)\d{2}", regex.V1)  # 1900 to 2099
_DAY_SHAPE = regex.compile(r"\d{1,2}", regex.V1)
_LETTER = regex.compile(r"\p{L}", regex.V1)


def _is_year(text: str, num: numerals.Numeral, quiet: bool = False) -> bool:
    """Whether a four-digit number is a year (``quiet``: see `_quiet_before`)."""
    if num.spelled or num.slash or not _YEAR_SHAPE.fullmatch(num.text):
        return False
    before = text[max(0, num.start - 24) : num.start]
    if not quiet and (_prefix_re().holds(before) or _money_before().holds(before)):
        return False  # "more than 2000", "up to 1500", "$2000" are amounts
    if units.unit_after(text, num.end):
        return False  # "1900 km", "from 1500 metres": a unit makes it a quantity
    if not quiet and _YEAR_BEFORE.holds(before):
        return True
    if not _MODERN_YEAR.fullmatch(num.text):
        return False
    after = text[num.end : num.end + 40]
    m = _match(r"[ \t]{1,3}([\p{L}][\p{L}'’-]*)", after)
    if not m:
        return True  # a bare four-digit number at a clause end is a year more often than not
    word = m.group(1)
    # "2000 troops" counts; "2015 nuclear deal" and "2020 Election" are years
    return not _plural_like(word)


def _model_end(c: str) -> bool:
    """Whether a model name can end with ``c``: a letter, a digit, "-" or "/" (a character
    beyond ASCII is let through: its class is left to the pattern)."""
    return c in "-/" or c.isalnum() or not c.isascii()


# The lower-case ASCII letters that end a window (``re`` reads ``\Z`` at the end position).
_LOWER_TAIL = re.compile(r"[a-z]+\Z")


def _name_gate(text: str, end: int) -> bool:
    """Whether a capitalized word and one blank may end at ``end`` (where `_NAME_BEFORE` can
    match): an upper-case letter, one to twenty lower-case ones, a blank. A letter beyond
    ASCII is left to the pattern.

    >>> [_name_gate(t, len(t)) for t in ("by Boeing ", "killed ", "at ", "Éric ", "Ñandú ", "K ")]
    [True, False, False, True, True, False]
    """
    if end < 3 or text[end - 1] not in " \t":
        return False
    tail = _LOWER_TAIL.search(text, max(0, end - 23), end - 1)
    if tail is None:
        return not text[end - 2].isascii()
    c = text[tail.start() - 1] if tail.start() > 0 else ""
    return "A" <= c <= "Z" or (c != "" and not c.isascii())


# A letter code glued or hyphened before digits makes a model name: "Qaim-1", "F-35", "J1149"
# (but "5k-20k" is a range and "$20" money).
_MODEL_BEFORE = LeftContext(
    regex.compile(r"(?<![\p{N}\p{L}])\p{L}[\p{L}\p{N}]{0,12}[-/]?$", regex.V1),
    lambda text, end: end > 0 and _model_end(text[end - 1]),
)
# A capitalized word (not at a sentence start, not a month, weekday or hedge) right before a
# number names a model or an item: "Boeing 737-800", "Apollo 11", "Windows 10".
_NAME_BEFORE = LeftContext(
    regex.compile(
        r"""(?<=[\p{Ll},;:][ \t]{1,3}|\p{L}[ \t])     # inside a sentence, after a word
        (?!(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun))
        \p{Lu}\p{Ll}{1,20}[ \t]$""",
        regex.VERBOSE | regex.V1,
    ),
    _name_gate,
)
_DAY_BEFORE = LeftContext(
    regex.compile(rf"\b(?:{_MONTHS})\.?[ \t]{{1,2}}$", regex.I),
    word_gate(_MONTH_WORDS, blanks=" \t", most=2, least=1, skip="."),
)
_DAY_AFTER = regex.compile(rf"(?:st|nd|rd|th)?(?:[ \t]{{1,2}}of)?[ \t]{{1,2}}(?:{_MONTHS})\b", regex.I)


def _is_day(text: str, num: numerals.Numeral, quiet: bool = False) -> bool:
    """ "January 3", "3 January", "8th of March": a day of a month, owned by dates."""
    if num.spelled or not _DAY_SHAPE.fullmatch(num.text) or not 1 <= num.value <= 31:
        return False
    return bool(
        (not quiet and _DAY_BEFORE.holds(text, max(0, num.start - 12), num.start))
        or _DAY_AFTER.match(text, num.end)
    )


# An all lower-case ASCII word (at most twenty letters) and one to three blanks before a number.
_QUIET_TAIL = re.compile(r"(?<![A-Za-z])[a-z]{1,20}[ \t]{1,3}\Z")


@cache
def _quiet_words() -> frozenset[str] | None:
    """Every word a left context read before a number looks up (hedges, currencies, labels,
    months, year words, "age", "of"); None when one of them has no word table."""
    found: set[str] = set()
    for lc in (_prefix_re(), _money_before(), _label_re(), _YEAR_BEFORE, _DAY_BEFORE, _AGED, _PERCENT_OF):
        words = lc.words()
        if words is None:
            return None
        found |= words
    return frozenset(found)


def _quiet_before(text: str, start: int) -> bool:
    """Whether a plain lower-case word and blanks stand before a number ("killed 5"): a word
    none of the left contexts' gates accepts, and no capital, sign or mark, so none of them
    can match there (one look-up instead of one gate each).

    >>> [_quiet_before(t, len(t)) for t in ("killed ", "more than ", "in ", "Boeing ", "killed", "$")]
    [True, False, False, False, False, False]
    """
    words = _quiet_words()
    m = _QUIET_TAIL.search(text, start - 24 if start > 24 else 0, start)
    if m is None or words is None:
        return False
    c = text[m.start() - 1] if m.start() > 0 else ""
    if c.isalpha():
        return False  # a letter beyond ASCII goes on with the word
    return m.group().rstrip(" \t") not in words


def _starts_within(text: str, pos: int, width: int, chars: str) -> bool:
    """Whether one of ``chars``, or a character beyond ASCII (which could fold to one of them
    in a case-blind pattern), stands in ``text[pos:pos + width]``: a cheap test before a
    pattern that needs one there."""
    seg = text[pos : pos + width]
    return not seg.isascii() or any(c in seg for c in chars)


def _money_after(text: str, num: numerals.Numeral) -> tuple[int, str, Decimal, str] | None:
    """A currency after a number -> (end, code, factor, how)."""
    if not _money_after_gate()(text, num.end):
        return None
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


# "aged 62", "age 62" right before a number (tried on most counts: a gate first).
_AGED = LeftContext(
    regex.compile(r"(?<![\p{L}])(?i:aged|age)[ \t]{1,2}$", regex.V1),
    word_gate(("aged", "age"), blanks=" \t", most=2, least=1),
)


def _aged(text: str, num: numerals.Numeral, quiet: bool = False) -> int | None:
    """ "aged 62", "age 62": the start of the age phrase (``quiet``: see `_quiet_before`)."""
    if quiet:
        return None
    m = _AGED.search(text[max(0, num.start - 8) : num.start])
    return num.start - (len(text[max(0, num.start - 8) : num.start]) - m.start()) if m else None


def _age(text: str, num: numerals.Numeral) -> int | None:
    if not _starts_within(text, num.end, 4, "yY"):
        return None  # "years" or "yrs" starts after at most three blanks or a hyphen
    m = _match(
        r"(?:[ \t]?-[ \t]?|[ \t]{1,2})(?:years?|yrs?)(?:[ \t]?-[ \t]?|[ \t]{1,2})old\b",
        text[num.end : num.end + 24],
        regex.I,
    )
    if m:
        return num.end + m.end()
    return None


def _candidates(text: str) -> Iterator[_Cand]:
    blocked = numblocks.blocked(text)
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
    money_before = _money_before()
    symbols, _, codes = _currencies()
    if skipped_end >= 0 and text[skipped_end : num.start] in ("-", "–", "/"):
        return bi
    while bi < len(blocked) and blocked[bi][1] <= num.start:
        bi += 1
    if bi < len(blocked) and blocked[bi][0] < num.end:
        return bi
    # a plain word before the number: no left context below can match (`_quiet_before`)
    quiet = _quiet_before(text, num.start)
    # model names and codes: "Qaim-1", "SCP-173", "F-35", "MACS J1149"
    if (
        not quiet
        and not num.text[0].isalpha()
        and _MODEL_BEFORE.holds(text, max(0, num.start - 12), num.start)
        and not money_before.holds(text, max(0, num.start - 10), num.start)
    ):
        return bi
    if (
        num.end < len(text)
        and ("-" in text[num.end : num.end + 6] or text[num.end].isdigit())
        and _match(r"-?\d|[\p{L}\p{N}]*-\d", text[num.end : num.end + 6])
        and not num.spelled
    ):
        if _match(r"-\d", text[num.end : num.end + 2]) and num.value > 0:
            pass  # a range "1000-5000", read below
        elif _match(r"[\p{L}]{1,4}-?\d", text[num.end : num.end + 6]):
            return bi  # "24703m212", "i7-860"
    # years, days and counters ("2/35") first: the most frequent of the remaining refusals,
    # and cheap to rule out for other shapes (every refusal returns the same, so their order
    # is free)
    if _is_year(text, num, quiet) or _is_day(text, num, quiet):
        return bi
    if num.slash and not _slash_is_fraction(text, num):
        return bi
    if not quiet and _label_re().holds(text, max(0, num.start - 16), num.start):
        return bi
    if not quiet and _NAME_BEFORE.holds(text, max(0, num.start - 24), num.start) and not money_before.holds(
        text, max(0, num.start - 10), num.start
    ):
        return bi
    return bi, _read(text, num, money_before, symbols, codes, quiet)


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
    money_before: LeftContext,
    symbols: dict[str, str],
    codes: dict[str, str],
    quiet: bool = False,
) -> _Cand | None:
    value = num.value
    start, end = num.start, num.end
    kind, unit = "count", ""
    extra: tuple[tuple[str, str], ...] = ()
    # currency before the number: "$4.2bn", "US$ 150 million", "USD 200", "MUSD 30"
    mb = None if quiet else money_before.search(text, max(0, num.start - 10), num.start)
    if mb and _left(r"\d[ \t]{0,2}$").search(text[max(0, mb.start() - 3) : mb.start()]):
        # "10 $ 30 $": a symbol right after a number is that number's, unless that number has
        # a currency of its own before it ("$ 20,000.00 $ 37,305.97")
        prev = _left(r"[\d.,]{1,30}[ \t]{0,2}$").search(text[max(0, mb.start() - 32) : mb.start()])
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
        # "5 people": a plain word after the number, no currency, unit, percent or age
        plain = plain_after(text, num.end)
        ma = None if plain else _money_after(text, num)
        unit_after = None if plain else _read_unit(text, num.end, num)
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
            pm = (
                _match(
                    r"[ \t\u00a0]{0,2}(?:%|(?i:per[ \t]?cent(?:age)?s?|percents?|percentages?|pct)\b)"
                    r"(?P<pts>[ \t]{1,2}(?i:points?)\b)?",
                    text[end : end + 24],
                )
                if not plain and _starts_within(text, end, 3, "%pP")  # "%" or "p" after at most two blanks
                else None
            )
            age_end = None if plain else _age(text, num)
            if pm:
                kind, unit, end = "percent", "percent", end + pm.end()
                if pm.group("pts"):
                    extra = (("percentage_points", "true"),)
            elif age_end is not None:
                kind, unit, end = "age", "year", age_end
            elif unit_after is None and num.value < 130 and (aged := _aged(text, num, quiet)) is not None:
                kind, unit, start = "age", "year", aged
            elif unit_after is not None:
                if unit_after[1] == "pound" and ma and ma[1] == "GBP":
                    pass
                end, unit = unit_after
                kind = "duration" if units.is_time(unit) else "quantity"
    if kind == "count" and not num.spelled and _LETTER.match(text, end, end + 1):
        return None  # glued to letters that are no unit: "860BOX", "06F6"
    if kind == "count":
        # "per cent of twenty-two": the number after a bare percent word
        pof = None if quiet else _PERCENT_OF.search(text, max(0, num.start - 24), num.start)
        if pof:
            kind, unit, start = "percent", "percent", pof.start()
    amount = Amount(value, value, unit=unit)
    quiet_at = num.start if quiet else -1
    return _Cand(start, end, kind, amount, f"numbers.{kind}", num.start, end, extra, quiet_at)


# ---------------------------------------------------------------------------------------
# The extractor


def _resolve(cands: list[_Cand]) -> list[_Cand]:
    """Longest first, then earliest; drop candidates overlapping a kept one.

    Candidates are swept in text order into clusters of overlapping spans; the policy runs
    inside each cluster, so the cost stays linear in the number of candidates.
    """
    order = sorted(cands, key=lambda c: (c.start, -c.end))
    if all(a.end <= b.start for a, b in pairwise(order)):
        return order  # most texts: no two candidates overlap, each is its own cluster
    kept: list[_Cand] = []
    cluster: list[_Cand] = []
    reach = -1
    for c in order:
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
    named: dict[int, frozenset[str]] = {}  # versions each sentence names (`_carried_versions`)
    for c in amounts(text):
        if c.start >= c.end:
            continue
        sentence = doc.sentence_at(c.start)
        subject, np_end, attached = _subject(text, sentence, c)
        counted = c.kind == "count" and (subject.head or subject.predicate)  # "5.000 were injured"
        scale = dot_thousands(text[c.start : c.end]) if counted else None
        if scale and c.amount.low.is_finite() and c.amount.high.is_finite():
            c.amount = replace(c.amount, low=c.amount.low * scale, high=c.amount.high * scale)
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
        if projected(text, c.num_start, sentence[0]):  # ("exceed 100": the hedge is in the span)
            extra = (*extra, ("projected", "yes"))  # "could reach 50": compared only with projections
        carried = _carried_versions(doc, sentence, c, named)
        if carried:
            extra = (*extra, ("versions", carried))
        past = earlier_event(doc, text[sentence[0] : sentence[1]], c.start - sentence[0])
        if past:
            # "The largest, a magnitude of 6.7, occurred on January 24, 2020": the sentence
            # dates its amount to a day before the document's year, another event than the story's.
            extra = (*extra, ("past_event", past))
        if np_end > c.end and "\n" not in text[c.end : np_end]:
            # Where the counted noun phrase ends, so a report can quote "5,000 U.S. troops"
            # while the fact's own span stays the amount.
            extra = (*extra, ("phrase_end", str(np_end)))
        yield make_fact(doc, c.kind, c.start, c.end, c.amount, c.rule, subject, extra)


EXTRACTOR = Extractor("numbers", extract)
