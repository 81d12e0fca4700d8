"""The number extractor's tables and word-level helpers: compiled hedge, unit, currency and
noun patterns from ``data/`` (validated on load), the candidate record `_Cand`, and the
lemma and qualifier of a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache

import regex

from .. import tables, units
from ..facts import Amount
from . import patterns

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


Gate = Callable[[str, int], bool]
_GATE_WORD = re.compile(r"[a-z]+\.?")
# The ASCII letters that end a window (``re`` reads ``\Z`` at the search's end position).
_ASCII_TAIL = re.compile(r"[A-Za-z]+\Z")


class LeftContext:
    """A pattern anchored with ``$`` that reads the text right before an amount.

    Searched forward, such a pattern is tried from every position of its window, and
    nearly always fails. Its copy compiled with ``regex.REVERSE`` tries the window's end
    first and fails at once where no match ends; both find a match exactly when one exists,
    so the forward search (whose leftmost match the callers read) runs only then. A
    ``gate`` (see `word_gate`), when given, is a cheaper test that holds wherever a match
    can end: where it fails, neither search runs. With ``leftmost``, the backward match is
    returned as it is: right for an alternation of phrases sorted longest first, where a
    phrase that matches where a longer one also does is that one's last words, so the first
    phrase the backward search tries with success is the leftmost match.

    >>> hedge = LeftContext(regex.compile(r"(?:more|at least)[ \t]{0,3}$"))
    >>> hedge.search("killed at least 5", 0, 16).group(), hedge.search("killed 5", 0, 7)
    ('at least ', None)
    """

    __slots__ = ("forward", "gate", "leftmost", "reverse")

    def __init__(self, pattern: regex.Pattern[str], gate: Gate | None = None, leftmost: bool = False) -> None:
        self.forward = pattern
        self.reverse = regex.compile(pattern.pattern, pattern.flags | regex.REVERSE)
        self.gate = gate
        self.leftmost = leftmost

    def words(self) -> frozenset[str] | None:
        """The words its gate (a `word_gate`) looks up, None for another gate or none."""
        return getattr(self.gate, "words", None)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        """The leftmost match in ``text[pos:endpos]``, as the pattern's own search finds it."""
        found = self.search_backward(text, pos, endpos)
        if found is None or self.leftmost:
            return found
        return self.forward.search(text, pos, len(text) if endpos is None else endpos)

    def holds(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Whether a match ends at ``endpos``: the backward search alone answers."""
        # `search_backward` written out: called for every number, the extra call shows
        end = len(text) if endpos is None else endpos
        gate = self.gate
        if (
            gate is not None
            and not gate(text, end)
            and not (end > 0 and text[end - 1] == "\n" and gate(text, end - 1))
        ):
            return False
        return self.reverse.search(text, pos, end) is not None

    def search_backward(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
        """A match found from the end, after the gate (which may spare the search)."""
        end = len(text) if endpos is None else endpos
        if (
            self.gate is not None
            and not self.gate(text, end)
            # "$" also matches before a final line break
            and not (end > 0 and text[end - 1] == "\n" and self.gate(text, end - 1))
        ):
            return None
        return self.reverse.search(text, pos, end)


def word_gate(
    words: Iterable[str],
    *,
    blanks: str | None = " \t\u00a0",
    most: int = 3,
    least: int = 0,
    skip: str = "",
    marks: str = "",
) -> Gate:
    """A test that holds wherever a pattern ending in one of ``words`` can end.

    Such a pattern ends with a word (a phrase's last word, lower-case ASCII, maybe with a
    final "."), then maybe one ``skip`` character, then ``least`` to ``most`` blanks (from
    ``blanks``; None for any white space). The test finds the word there and looks it up;
    it holds for a character from ``marks`` in its place (signs, "#", "$"), and for any
    letter beyond ASCII (case folding could turn it into an ASCII letter).

    >>> gate = word_gate(["than", "least", "approx."], marks="<")
    >>> [gate(t, len(t)) for t in ("more than ", "at least", "Approx. ", "<", "killed ", "")]
    [True, True, True, True, False, False]
    """
    table = frozenset(words)
    if not all(_GATE_WORD.fullmatch(w) for w in table):
        return lambda text, end: True  # a word of another shape: no test
    # A longer letter run cannot be one of the words: case folding never shortens text.
    longest = max(map(len, table), default=0)

    def gate(text: str, end: int) -> bool:
        k, stop = end, (end - most if end > most else 0)
        if blanks is None:
            while k > stop and text[k - 1].isspace():
                k -= 1
        else:
            while k > stop and text[k - 1] in blanks:
                k -= 1
        if end - k < least or k == 0:
            return False
        c = text[k - 1]
        if c in skip:
            k -= 1
            if k == 0:
                return False
            c = text[k - 1]
        if c in marks or not c.isascii():
            return True
        if c == ".":
            j = k - 1
        elif c.isalpha():
            j = k
        else:
            return False
        lo = j - longest - 1 if j > longest else 0
        # the ASCII letters before ``j`` found in C, not one character at a time
        tail = _ASCII_TAIL.search(text, lo, j)
        i = tail.start() if tail is not None else j
        if i > 0 and text[i - 1].isalpha():
            # a letter beyond ASCII goes on with the word: it may fold to one of the words;
            # an ASCII one stands past the longest word (the search reached ``lo``)
            return not text[i - 1].isascii()
        return text[i:k].lower() in table

    gate.words = table  # type: ignore[attr-defined]  # read by `LeftContext.words`
    return gate


def last_words(phrases: Iterable[str]) -> list[str]:
    """The last word of each phrase, lower case ("more than" -> "than", "up-to" -> "to")."""
    return [_phrase_key(p).split()[-1] for p in phrases if _phrase_key(p)]


@cache
def _left(pattern: str, flags: int = 0) -> LeftContext:
    """`LeftContext` of an inline pattern, compiled once."""
    return LeftContext(_compiled(pattern, flags))


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


_PHRASE_SPLIT = regex.compile(r"[\s\-]+")
# A character beyond ASCII that is a word character but no digit: every letter beyond ASCII
# (and a few other signs such as "²", which only makes the tests below hold more often).
_FOREIGN_LETTER = re.compile(r"(?=[^\x00-\x7f])[^\W\d_]")


def foreign_letter(text: str) -> bool:
    """Whether ``text`` may hold a letter beyond ASCII (which case folding could turn into an
    ASCII one), found in one search rather than by testing each character in Python."""
    return not text.isascii() and _FOREIGN_LETTER.search(text) is not None


def may_hold(text: str, words: frozenset[str]) -> bool:
    """Whether a case-blind pattern of phrases can match in ``text``, where every phrase holds
    one of ``words`` (lower-case ASCII): False spares scanning a text that holds none.

    ASCII letters fold only among themselves, so the lower-case text holds a word wherever the
    pattern would match it; a letter beyond ASCII ("ſ", "ﬁ") may fold to ASCII letters, and
    a text with one is always scanned.

    >>> may_hold("Dozens were hurt", frozenset({"dozens"})), may_hold("Two were hurt", frozenset({"dozens"}))
    (True, False)
    >>> may_hold("Doﬀens", frozenset({"dozens"}))
    True
    """
    low = text.lower()
    if any(w in low for w in words):
        return True
    return foreign_letter(text)


def _phrase_key(phrase: str) -> str:
    """A matched phrase as the tables spell it: lower case, words joined by single spaces.

    The phrase patterns accept hyphens and blank runs between words, so the key must too.

    >>> _phrase_key("Tens-of-thousands"), _phrase_key("more -  than")
    ('tens of thousands', 'more than')
    """
    return " ".join(w for w in _PHRASE_SPLIT.split(phrase.lower()) if w)


def _phrase_pattern(words: Sequence[str]) -> str:
    return patterns.words_alternation(words).replace(r"\ ", r"\s{1,3}")


@cache
def _prefix_re() -> LeftContext:
    """A hedge or comparison sign that ends right where a number (or currency) starts."""
    words = _phrase_pattern(list(_hedge_index()))
    return LeftContext(regex.compile(
        rf"""
        (?:
            (?<![\p{{L}}])(?P<word>{words})          # more than, at least, about ...
          | (?<![<>=])(?P<sign>>\s?=|<\s?=|≥|≤|>|<)  # >=, <=, >, < (not "<>", "=>")
        )
        [ \t\u00a0]{{0,3}}$                          # right before the amount
        """,
        regex.VERBOSE | regex.IGNORECASE | regex.V1,
    ), word_gate(last_words(_hedge_index()), marks="=≥≤><"), leftmost=True)


def initial_after_blanks(text: str, pos: int, initials: str | frozenset[str]) -> bool:
    """Whether one to three blanks (space, tab) and one of ``initials`` stand at ``pos`` (a
    character beyond ASCII counts: a case-blind pattern may fold it to one): a cheap test
    before a pattern that needs a word from a short list there.

    >>> [initial_after_blanks(t, 0, "oO") for t in (" or more", "\\tOr", "    or", " and", "or", " ö")]
    [True, True, False, False, False, True]
    """
    k = pos
    while k < pos + 3 and text[k : k + 1] in (" ", "\t"):
        k += 1
    c = text[k : k + 1]
    return k > pos and c != "" and (c in initials or not c.isascii())


@cache
def _suffix_initials() -> frozenset[str]:
    """First letters of the suffix hedges in either case ("or more" -> "o", "O")."""
    return frozenset(c for phrase in _suffix_index() for c in (phrase[0].lower(), phrase[0].upper()))


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
def _money_before() -> LeftContext:
    """A currency that ends right where a number starts ("$", "US$ ", "USD ")."""
    symbols, _, codes = _currencies()
    words = {c.lower() for c in codes} | {"m" + c.lower() for c in codes}  # "MUSD": millions
    marks = ""
    for s in symbols:
        tail = regex.search(r"\p{L}*\.?$", s.strip()).group()  # type: ignore[union-attr]
        if tail and tail.isascii():
            words.add(tail.lower())  # "Rs", "Rs.", "CHF"
        else:
            marks += s.strip()[-1]  # "$", "£", "元"
    return LeftContext(_money_res()[0], word_gate(words, most=2, marks=marks))


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
def _label_re() -> LeftContext:
    labels: tuple[str, ...] = _nouns()["labels"]  # type: ignore[assignment]
    alt = _phrase_pattern(list(labels))
    return LeftContext(
        regex.compile(rf"(?:(?<![\p{{L}}])(?:{alt})|#)[ \t]{{0,2}}$", regex.I | regex.V1),
        word_gate(last_words(w for w in labels if w != "#"), blanks=" \t", most=2, marks="#"),
    )


_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# Every word `_MONTHS` matches, for `word_gate`.
_MONTH_WORDS = (
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
    "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
    "november", "dec", "december",
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
    # where a quiet word ends before the number ("killed 5", see numbers._quiet_before): no
    # hedge can end there either; -1 when none does
    quiet_at: int = -1


@lru_cache(maxsize=8192)
def _plural_like(word: str) -> bool:
    w = word.lower()
    n = _nouns()
    if w in n["uncountable"] or w in n["irregular"]:  # type: ignore[operator]
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "sis", "xis", "tis", "'s", "’s"))


@lru_cache(maxsize=8192)
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


@lru_cache(maxsize=8192)
def _qualifier(word: str) -> str:
    """Normalized modifier: lower case, dots removed, countries folded ("U.S." -> "us")."""
    w = word.lower().replace(".", "").strip("'’")
    places: dict[str, str] = _nouns()["places"]  # type: ignore[assignment]
    return places.get(w, w)
