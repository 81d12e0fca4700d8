"""Number runs: where `patterns.NUMBER_RUN` matches in a text, tried only where a number can
start, with the plain shapes (a lone digit run, a decimal, a slash fraction) read from the
characters around them instead of the pattern. `numerals.scan` reads the runs into numbers.

>>> [(s, e, m is None) for s, e, m in runs("won 5 seats, about a dozen, 16/35")]
[(4, 5, True), (19, 26, False), (28, 33, True)]
"""

from __future__ import annotations

import re
from functools import cache

import regex

from . import patterns

__all__ = ["may_start", "runs"]


# Where a number can start: a digit run or a vulgar fraction, and (`_word_anchor`) a number word
# standing as a whole ASCII word. Two patterns run by the standard library's `re` find both
# faster than one alternation, and faster than checking every word against the table in Python.
# The anchor is written as one character class first (then the rest of a digit run), so `re`
# skips to the next digit or fraction in C instead of trying the pattern at every position.
_ANCHOR = re.compile(
    r"""
    [\d\u00bd\u2153-\u215e\u00bc\u00be]   # a digit or a vulgar fraction
    (?:(?<=\d)\d*)?                        # after a digit, the rest of its run
    """,
    re.VERBOSE,
)


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` factored by common prefixes, so a failing position costs one
    character test rather than one per word.

    >>> _trie(["ten", "tens", "two"])
    't(?:en(?:s)?|wo)'
    """
    branches: dict[str, list[str]] = {}
    ends = False
    for w in words:
        if w:
            branches.setdefault(w[0], []).append(w[1:])
        else:
            ends = True
    alts = []
    for ch in sorted(branches):
        rest = branches[ch]
        # one branch with one word left: spell it out ("en" rather than "e(?:n)")
        alts.append(re.escape(ch) + (re.escape(rest[0]) if len(rest) == 1 else _trie(rest)))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if ends else body


@cache
def _word_anchor() -> re.Pattern[str]:
    """A number word of the table as a whole ASCII word, ASCII letters in either case: what
    `_anchors` finds with `_lower_word_anchor` in a lower-case copy (the tests hold them equal)."""
    return re.compile(r"(?<![A-Za-z])(?ai:" + _trie(sorted(patterns.number_words())) + r")(?![A-Za-z])")


@cache
def _lower_word_anchor() -> re.Pattern[str]:
    """`_word_anchor` for a text in lower case: without case folding, `re` tries each
    position faster, and the lower-case copy of an ASCII text keeps every offset."""
    return re.compile(r"(?<![a-z])(?:" + _trie(sorted(patterns.number_words())) + r")(?![a-z])")


def _ascii_lower(text: str) -> str:
    """``text`` with its ASCII letters in lower case and every other character as "?": the
    same length, and the same matches of `_lower_word_anchor` as `_word_anchor` finds in
    ``text`` (which folds ASCII letters only, and whose words and word edges are ASCII).

    >>> _ascii_lower("Two ſ FIVE\u00a0K")
    'two ? five?k'
    """
    return text.encode("ascii", "replace").decode("ascii").lower()


def _anchors(text: str) -> list[tuple[int, int]]:
    """Sorted spans of digit runs, vulgar fractions and number words."""
    spans = [a.span() for a in _ANCHOR.finditer(text)]
    # a case-blind search is slower than a search of the lower-case copy; a text beyond ASCII
    # is copied with "?" for those characters first (`str.lower` may change its length)
    low = text.lower() if text.isascii() else _ascii_lower(text)
    words = [a.span() for a in _lower_word_anchor().finditer(low)]
    if words:
        spans.extend(words)
        spans.sort()
    return spans


# What may stand before the anchor inside the same run: a sign, "minus", "a", "half a". A
# sign is written against the number ("-5"); a dash with a space after a word is punctuation
# ("Norwegian nationals - 61", a list line), not a minus.
_LEAD = regex.compile(
    r"(?:(?:\b(?:minus|negative)\s{1,3})?(?:\b(?:an?|half)\s{1,3}(?:a\s{1,3})?)?"
    r"|(?:[-−–+](?![ \t])|(?<!\p{L}[ \t]{1,3})[-−–+][ \t]{1,2})?\.?)$",
    regex.I | regex.V1,
)


# The characters a lead can end with: a sign or a decimal point right before the anchor; or,
# after blanks, a sign or the word "a", "an", "half", "minus" or "negative".
_LEAD_END = frozenset("-−–+.")
_LEAD_SIGNS = frozenset("-−–+")
_LEAD_WORDS = frozenset(("a", "an", "half", "minus", "negative"))
# The ASCII letters that end a window (``re`` reads ``\Z`` at the search's end position).
_ASCII_TAIL = re.compile(r"[A-Za-z]+\Z")


def _may_lead(text: str, p: int) -> bool:
    """Whether a non-empty `_LEAD` can end at ``p``: a cheap test that spares the search (which
    tries every position of its window) before most anchors, which follow a plain word. Its
    ``$`` also matches before a line break that ends the window, so a lead may end there too.
    """
    if p > 0 and text[p - 1] == "\n" and _may_lead_at(text, p - 1):
        return True
    return _may_lead_at(text, p)


def _may_lead_at(text: str, p: int) -> bool:
    if p == 0:
        return False
    c = text[p - 1]
    if c in _LEAD_END:
        return True
    if not c.isspace():  # `str.isspace` covers every character `\s` matches
        return False
    q = p - 2
    while q >= 0 and q > p - 4 and text[q].isspace():
        q -= 1
    if q < 0 or text[q] in _LEAD_SIGNS:
        return q >= 0
    # the word ending at ``q``: its ASCII letters found in C; where a letter stands before
    # them (beyond ASCII, or past the longest lead word) the word is walked as a whole
    tail = _ASCII_TAIL.search(text, q - 8 if q > 8 else 0, q + 1)
    if tail is not None and not (tail.start() > 0 and text[tail.start() - 1].isalpha()):
        return tail.group().lower() in _LEAD_WORDS
    k = q
    while k >= 0 and text[k].isalpha():
        k -= 1
    word = text[k + 1 : q + 1]
    # a word with other letters than ASCII may fold to a lead word ("minuſ"): searched
    return word.lower() in _LEAD_WORDS or not word.isascii()


# ASCII punctuation after a digit run that no joiner, decimal part, exponent, scale suffix,
# fraction or range continues ("48%", "20:40"); "," and "." are looked at more closely.
_RUN_END = frozenset("!\"#$%'()*+:;<=>?@[\\]_`{|}~")
_ASCII_WORD = re.compile(r"[A-Za-z]+")


@cache
def _run_words() -> frozenset[str]:
    """Words that go on a number run after a digit run: number words, joiners ("and",
    "point"), scale suffixes and abbreviations of dozen, lower case."""
    joiners = ("and", "point", "dzs", "dz", "dozs", "doz", "k", "bn", "bln", "tln", "mil", "mln", "mn")
    return frozenset(patterns.number_words()) | frozenset(joiners)


def _plain_word(text: str, k: int) -> bool:
    """Whether the ASCII word at ``k`` can go on no number run (`NUMBER_RUN` ignores case)."""
    w = _ASCII_WORD.match(text, k)
    if w is None or (w.end() < len(text) and not text[w.end()].isascii()):
        return False  # case folding could read "thouſand" as a number word
    return w.group().lower() not in _run_words()


def may_start(text: str, p: int) -> bool:
    """Whether `patterns.NUMBER_RUN` may match at ``p``: not where a plain ASCII word stands
    (no number word, lead word or joiner), the most common case after "of".

    >>> [may_start(t, 0) for t in ("leaders", "two painters", "a dozen", "5 of", "Half")]
    [False, True, True, True, True]
    """
    w = _ASCII_WORD.match(text, p)
    if w is None or (w.end() < len(text) and not text[w.end()].isascii()):
        return True
    word = w.group().lower()
    return word in _run_words() or word in _LEAD_WORDS


def _lone_run(text: str, p: int, q: int) -> int:
    """Where the `NUMBER_RUN` match at the ASCII digit run ``text[p:q]`` ends when it is that
    run alone, a decimal ("4.5") or a slash fraction ("16/35"); -1 when the shape is left to
    the pattern.

    Only plain shapes are answered: before it, an ASCII character that is no letter, digit,
    "." or ","; after it, what `_run_ends` lets end a run, or a dash before a digit ("2013-14":
    the joining dash goes on only to a word). A sign or lead before is ruled out by
    `_may_lead` first.

    >>> [_lone_run(t, 0, len(t) - len(t.lstrip("0123456789"))) for t in
    ...  ("48%", "5 seats", "9, 2022", "5 million", "2.5 m", "8th", "5-6", "2023.", "16/35 A", "4,500 men")]
    [2, 1, 1, -1, 3, -1, 1, 4, 5, 5]
    """
    if q - p > 24 or not text[p:q].isascii():
        return -1  # the pattern reads at most 24 digits in one group; other digit scripts
    c = text[p - 1] if p > 0 else ""
    if c and (not c.isascii() or c.isalnum() or c in ".,"):
        return -1
    n = len(text)
    d = text[q] if q < n else ""
    if d == "/" and q - p <= 3 and c != "/":
        # "16/35": a slash fraction of up to three digits on each side, then no digit or "/"
        e = q + 1
        while e < n and e < q + 5 and "0" <= text[e] <= "9":
            e += 1
        if q + 1 < e <= q + 4 and (e == n or (text[e] != "/" and not text[e].isdigit())):
            return e if _run_ends(text, e) else -1
        return -1
    if d == "," and q - p <= 3 and q + 1 < n and "0" <= text[q + 1] <= "9":
        # "4,500", "1,234,567.5": thousands groups, then what may follow a digit run
        q = _groups_end(text, q)
        if q < 0:
            return -1
        d = text[q] if q < n else ""
    if d == "." and q + 1 < n and "0" <= text[q + 1] <= "9":
        # "4.5": a decimal part of up to 20 digits
        e = q + 1
        while e < n and e < q + 22 and "0" <= text[e] <= "9":
            e += 1
        if e <= q + 21 and (e == n or not text[e].isdigit()):
            return e if _run_ends(text, e) else -1
        return -1
    if d == "-" and q + 1 < n and "0" <= text[q + 1] <= "9":
        return q
    return q if _run_ends(text, q) else -1


def _groups_end(text: str, q: int) -> int:
    """Where the thousands groups (",500", ",234,567") at ``q`` end, as the first shape of
    `patterns.DIGITS` reads them: one to eight groups of three ASCII digits, then no digit and
    no comma before a digit; -1 when the groups are of another shape (left to the pattern).

    >>> [_groups_end(t, 1) for t in ("4,500 troops", "1,234,567.5", "1,23", "1,2345", "1,000,00")]
    [5, 9, -1, -1, -1]
    """
    n, e, groups = len(text), q, 0
    while e + 3 < n and text[e] == "," and text[e + 1 : e + 4].isdigit() and text[e + 1 : e + 4].isascii():
        e, groups = e + 4, groups + 1
    if not 1 <= groups <= 8:
        return -1  # the possessive groups stop at eight: a ninth fails the lookahead
    if e < n and (
        not text[e].isascii()  # a digit of another script
        or text[e].isdigit()
        or (text[e] == "," and e + 1 < n and (text[e + 1].isdigit() or not text[e + 1].isascii()))
    ):
        return -1
    return e


def _run_ends(text: str, q: int) -> bool:
    """Whether nothing can go on with a number run at ``q``, right after digits.

    It ends at the end, at punctuation, at a "." or "," that starts no decimal part, group
    or joiner, or at blanks and something no number run goes on with (a plain word, a
    bracket); glued letters ("8th", "10k", "1e5"), "-", "/", "&", "^" and "×" may go on.
    """
    n = len(text)
    if q == n or text[q] in _RUN_END:
        return True
    c = text[q]
    if c == ".":  # a decimal part needs a digit after the point
        return q + 1 == n or not text[q + 1].isdigit()
    if c == ",":
        # "9, 2022": a group needs a digit right after the comma; the joiner ",[ \t]{1,3}"
        # goes on only to an ASCII letter
        if q + 1 < n and text[q + 1].isdigit():
            return False
        k = q + 1
        while k < n and k < q + 4 and text[k] in " \t":
            k += 1
        if k == q + 1 or k == n:
            return True
        d = text[k]
        if "a" <= d <= "z" or "A" <= d <= "Z":
            return _plain_word(text, k)
        return d.isascii()  # (the pattern ignores case: "\u212a" is a "k")
    if not c.isspace():
        return False
    # blanks (at most three count) and what a joiner, suffix or fraction goes on with
    k = q
    while k < n and k < q + 4 and text[k].isspace():
        k += 1
    if k == n:
        return True
    # after blanks: a word, digits ("1 234", "10 1/2"), a sign, a decimal point or "&" go on
    d = text[k]
    if "a" <= d <= "z" or "A" <= d <= "Z":
        return _plain_word(text, k)
    return d.isascii() and not d.isdigit() and d not in "-+.&"


def _glued_sign(text: str, p: int) -> bool:
    """Whether a sign glued to a word or number stands right before ``p`` ("2020-01",
    "F-35"): the only lead that ends there is that sign, and the pattern cannot start at it
    (no letter, digit, "." or "," may stand before a run), so the run starts at ``p``."""
    if p < 2 or text[p - 1] not in _LEAD_SIGNS:
        return False
    c = text[p - 2]
    return c.isascii() and (c.isalnum() or c in ".,")


@cache
def _start_words() -> frozenset[str]:
    """Number words that may start a run alone: not the abbreviations of dozen, "score" and
    "gross" (they go on a run only after digits), nor a lead word ("half a dozen")."""
    return frozenset(patterns.number_words()) - {"dz", "dzs", "doz", "dozs", "score", "gross"} - _LEAD_WORDS


def _lone_word(text: str, p: int, q: int) -> bool:
    """Whether the `NUMBER_RUN` match at the number word ``text[p:q]`` is that word alone
    ("two US bases", "six hours."): before it, an ASCII character that is no letter, digit,
    "_", "." or ","; after it, what `_run_ends` lets end a run, and no "_" (the word would
    not end at a word boundary). A lead before is ruled out by `_may_lead` first.

    >>> [_lone_word(t, 0, 3) for t in ("two US bases", "six.", "one hundred", "ten_", "two-thirds")]
    [True, True, False, False, False]
    """
    c = text[p - 1] if p > 0 else ""
    if c and (not c.isascii() or c.isalnum() or c in "_.,"):
        return False
    return not text.startswith("_", q) and _run_ends(text, q)


def runs(text: str) -> list[tuple[int, int, regex.Match[str] | None]]:
    """`patterns.NUMBER_RUN` matches as (start, end, match), tried only where a digit or a
    number word starts; a plain digit run (`_lone_run`) comes without a match.

    Scanning every position with the full pattern is slow; anchors are cheap to find and the
    pattern then runs from the anchor (or from the lead words just before it).
    """
    run_re = patterns.number_run()
    starters = _start_words()
    out: list[tuple[int, int, regex.Match[str] | None]] = []
    covered = 0
    for p, q in _anchors(text):
        if p < covered:
            continue
        m = None
        if _may_lead(text, p) and not _glued_sign(text, p):
            lead = _LEAD.search(text, max(0, p - 20), p)
            if lead is not None and lead.start() < p:
                m = run_re.match(text, lead.start())
        elif text[p].isdigit():
            if (e := _lone_run(text, p, q)) >= 0:
                covered = e
                out.append((p, e, None))
                continue
        elif text[p:q].lower() in starters and _lone_word(text, p, q):
            covered = q
            out.append((p, q, None))
            continue
        if m is None:
            m = run_re.match(text, p)
        if m is not None and m.end() > covered:
            covered = m.end()
            out.append((m.start(), m.end(), m))
    return out
