"""Hedges and intervals of the number extractor: "more than N", "up to N", "N or more",
ranges ("between 70 and 96", "1,000 to 1,100"), bounds joined to a number, vague counts
("dozens of", "hundreds"), and negated counts ("no casualties").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from functools import cache

import regex

from ..facts import INF, Amount
from . import numerals, patterns
from .numsubject import (
    _head,
    _np_words,
)
from .numtables import (
    LeftContext,
    _Cand,
    _fullmatch,
    _hedge_index,
    _left,
    _lemma,
    _match,
    _nouns,
    _phrase_key,
    _phrase_pattern,
    _prefix_re,
    _search,
    _suffix_index,
    _suffix_initials,
    _suffix_re,
    foreign_letter,
    initial_after_blanks,
    may_hold,
    word_gate,
)

# "percent of 10" with no number before the percent word ("70 percent of 10 million" is not it)
_PERCENT_OF = LeftContext(regex.compile(
    r"(?<![\p{N}%][ \t]{0,2}|\p{L}[ \t])(?<![\p{L}])"  # no number or word right before
    r"(?i:per[ \t]?cents?|percents?|percentages?)[ \t]{1,3}of[ \t]{1,3}$",
    regex.V1,
), word_gate(("of",), blanks=" \t", least=1))  # tried on every count: "of" and blanks first


# ---------------------------------------------------------------------------------------
# Hedges and ranges


def _hedge(text: str, cand: _Cand) -> _Cand:
    """Apply a hedge or comparison before the amount, and a suffix hedge after it."""
    # a quiet word before the amount ends no hedge (its words are among those it misses)
    quiet = cand.start == cand.quiet_at
    m = None if quiet else _prefix_re().search(text, max(0, cand.start - 40), cand.start)
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
    # "or more", "and above": most amounts are followed by no such word (a look at the letter
    # after the blanks spares the pattern)
    suffixed = initial_after_blanks(text, cand.end, _suffix_initials())
    sm = _suffix_re().match(text, cand.end) if suffixed else None
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
_RANGE_FROM = LeftContext(regex.compile(
    r"(?<![\p{L}])(?P<w>between|from|ranging\s{1,3}from|anywhere\s{1,3}(?:from|between))[ \t]{1,3}$",
    regex.I | regex.V1,
), word_gate(("between", "from"), blanks=" \t", least=1))  # tried before every bound: its words first


# "aged", "ages", "age" right before a range: the range is of ages.
_AGES_BEFORE = regex.compile(r"(?<![\p{L}])(?i:aged|ages|age)[ \t]{1,2}$", regex.V1)


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
                and _left(r"\p{L}[ \t]*$").search(text[a.num_start : a.end])
                and not _search(r"\d[kKmMbBnT]{1,3}$", text[a.num_start : a.end])
                and not a.amount.unit
            ):
                joined = False  # "one-two" is not a range
            ua, ub = a.amount.unit, b.amount.unit
            # "$5 to 10 million", "5 to 10%": the unit written once; "aged 11 to 16": an age
            same = ua == ub or ua == "" or (ub == "" and a.kind in ("money", "percent", "age"))
            ordered = a.amount.low < b.amount.low or (b.amount.low < 0 and a.amount.low != b.amount.low)
            if joined and same and a.amount.is_point and b.amount.is_point and ordered:
                unit = ub or ua
                kind = b.kind if ub else a.kind
                start = fm.start() if fm else a.start
                low, high = sorted((a.amount.low, b.amount.low))
                if kind == "count" and _AGES_BEFORE.search(text, max(0, start - 8), start):
                    kind, unit = "age", "year"  # "aged between 11 and 17", "ages 11 to 16"
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


@cache
def _vague_words() -> frozenset[str]:
    """The longest word of each vague phrase ("dozens", "few"): a text with none has none."""
    return frozenset(max(_phrase_key(p).split(), key=len) for p in numerals.vague_phrases())


@cache
def _vague_reach() -> int:
    """How far (characters) a vague phrase's match can reach from its longest word, with a
    blank between words written as up to three blanks, and one character of margin."""
    return max(len(p) + 2 * p.count(" ") for p in numerals.vague_phrases()) + 1


def _vague_windows(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` a vague phrase can match in: around each place one of the
    phrases' longest words stands (merged where they overlap), or all of it when a letter
    beyond ASCII could fold to an ASCII one. Every match holds such a word, so each lies inside
    one stretch, with a character to spare at its edges for the lookarounds."""
    if foreign_letter(text):
        return [(0, len(text))]
    low, reach = text.lower(), _vague_reach()
    spots = []
    for w in _vague_words():
        at = low.find(w)
        while at != -1:
            spots.append((max(0, at - reach), min(len(text), at + len(w) + reach)))
            at = low.find(w, at + 1)
    windows: list[tuple[int, int]] = []
    for ws, we in sorted(spots):
        if windows and ws <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], we))
        else:
            windows.append((ws, we))
    return windows


def _vague(text: str) -> Iterator[_Cand]:
    if not may_hold(text, _vague_words()):
        return
    # equal to `_vague_re().finditer(text)`: no match lies outside the windows
    matches = (m for ws, we in _vague_windows(text) for m in _vague_re().finditer(text, ws, we))
    for m in matches:
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
# Where `_NEGATED` can start: "no" or "zero" and a blank (no letter beyond ASCII folds to
# theirs). The standard library's `re` finds these faster than the full pattern scans; its
# first character as a class lets `re` skip ahead in C to the next "n" or "z".
_NEGATED_START = re.compile(r"[nNzZ](?i:(?<=[nN])o|(?<=[zZ])ero)[ \t]")


def _negated(text: str) -> Iterator[_Cand]:
    negatable = _nouns()["negatable"]
    places: dict[str, str] = _nouns()["places"]  # type: ignore[assignment]
    reach = 0
    for hint in _NEGATED_START.finditer(text):
        # as `_NEGATED.finditer`: tried where a match can start, never inside the last one
        if hint.start() < reach or (m := _NEGATED.match(text, hint.start())) is None:
            continue
        reach = m.end()
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
