"""What the writing around an amount says of it: whether it is the earlier value of a change
("to 18% from 15%"), the versions it takes from the previous sentence, whether its clause
speaks of an earlier event ("on January 24, 2020", "in late 2012", "a decade ago"), and
whether periods group its thousands ("5.000 were injured").
"""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache

import regex

from .. import align
from ..document import Document
from ..facts import Subject
from .numtables import LeftContext, _Cand, _phrase_pattern, _words, last_words, word_gate
from .timetables import calendar

__all__ = ["_carried_versions", "_is_baseline", "dot_thousands", "earlier_event", "projected"]


@cache
def _baseline_re() -> LeftContext:
    """A `[baseline]` phrase that ends right where an amount starts ("... from ")."""
    words = _phrase_pattern(_words("hedges", "baseline"))
    return LeftContext(regex.compile(
        rf"""
        (?<![\p{{L}}\p{{N}}])(?:{words})  # from, up from, compared with ...
        [ \t\u00a0]{{1,3}}$              # right before the amount
        """,
        regex.VERBOSE | regex.IGNORECASE | regex.V1,
    ), word_gate(last_words(_words("hedges", "baseline")), least=1))


# How far back (characters) the changed amount may stand before a baseline's marker
# ("revenue rose 12% to $4.2 billion in fiscal 2024 from $3.75 billion").
_BASELINE_GAP = 60


def _is_baseline(
    text: str, previous: tuple[_Cand, Subject, int, tuple[int, int]], c: _Cand, sentence: tuple[int, int],
    subject: Subject,
) -> bool:
    """Whether ``c`` is the earlier value the previous amount of its sentence is measured against.

    >>> from discrepancy.extractors.numbers import Document, Settings, amounts, extract

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


def _carried_versions(
    doc: Document, sentence: tuple[int, int], c: _Cand, named: dict[int, frozenset[str]] | None = None
) -> str:
    """Versions of the previous sentence that a sentence opened by "It"/"This" is about.

    >>> from discrepancy.extractors.numbers import Document, Settings, amounts, extract

    >>> doc = Document("d", "Version 3.2.0 is out. It requires 512 MB. Version 3.1.4 needed 256 MB.")
    >>> [(f.surface, f.get("versions")) for f in extract(doc, Settings())]
    [('512 MB', '3.2.0'), ('256 MB', '')]
    """
    s_start, s_end = sentence
    if s_start >= s_end or s_start == 0 or s_end - s_start > _LONG_SENTENCE:
        return ""  # a "sentence" this long is a table or a list, not a clause about a version
    text = doc.text
    i = bisect.bisect_left(doc.sentences, (s_start,)) - 1  # the sentence before this one
    if i < 0:
        return ""
    p_start, p_end = doc.sentences[i]
    # Only versions the previous sentence names can be carried: most sentences name none.
    # ``named`` keeps them per sentence for the other amounts of the document.
    previous = named.get(i) if named is not None else None
    if previous is None:
        previous = align.identifiers(text[p_start:p_end])
        if named is not None:
            named[i] = previous
    if not previous:
        return ""
    own = text[s_start : c.start] + " " * (c.end - c.start) + text[c.end : s_end]
    if align.identifiers(own):
        return ""  # the sentence names its own version
    carried = align.carried_identifiers(own, text[p_start:p_end])
    return " ".join(sorted(carried))


@cache
def _full_date() -> regex.Pattern[str]:
    """A full date written out: "January 24, 2020", "24 January 2020", "Jan. 24, 2020" (month
    spellings from calendar.toml)."""
    # Capitalized, as a month is written: "may" and "march" in lower case are other words.
    names = sorted((n.capitalize() for n in calendar().months), key=len, reverse=True)
    month = r"(?:" + "|".join(regex.escape(n) for n in names) + r")\.?"
    return regex.compile(
        rf"\b(?:{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+"  # "January 24, "
        rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{month},?\s+)"  # "24 January "
        r"(?P<year>(?:1[6-9]|20)\d\d)\b",  # the year
    )


# A year or a time ago that dates a clause to an earlier event: "in late 2012", "in 2019",
# "almost a decade ago", "five years ago".
_EARLIER = regex.compile(
    r"""
    \bin[ \t]+(?:(?:early|late|mid|the[ \t]+(?:spring|summer|autumn|fall|winter)[ \t]+of)[ \t-]*)?
        (?P<year>(?:1[6-9]|20)\d\d)\b(?![ \t]*(?:[-\u2013/]|to\b))   # "in late 2012" (not "in 2012-13")
    | \b(?P<ago>(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|\d{1,3})
        [ \t]+(?:years?|decades?)[ \t]+ago)\b                           # "a decade ago"
    """,
    regex.VERBOSE | regex.IGNORECASE,
)
# Where the clause of an amount ends: "the worst since a gunman killed 20 ... in 2012" dates
# the 20, not an amount of the main clause before "since".
_CLAUSE_CUT = regex.compile(r"\b(?:since|when|than|while|whereas)\b|;", regex.IGNORECASE)


# "the worst attack since", "the deadliest in Britain since": a superlative whose "since"
# clause names the earlier event it is measured against.
_SUPERLATIVE_SINCE = regex.compile(
    r"\b(?:worst|deadliest|biggest|largest|greatest|highest|most|\p{Ll}{3,}est)\b[^.;]{0,80}\bsince[ \t]*$",
    regex.IGNORECASE,
)


@lru_cache(maxsize=256)
def _has_earlier_cue(sentence: str) -> bool:
    """Whether a sentence holds a word the clause readings below need ("ago", "since") or a
    year; most hold none (once per sentence, for all its amounts)."""
    low = sentence.lower()
    return "ago" in low or "since" in low or _ANY_YEAR.search(sentence) is not None


_ANY_YEAR = re.compile(r"(?:1[6-9]|20)\d\d")


def earlier_event(doc: Document, sentence: str, at: int = -1) -> str:
    """Whether an amount's sentence or clause speaks of an earlier event: the year of a full
    date in the sentence before the document's publication year, else, for an amount at
    ``at``, a year ("in late 2012") or a time ago ("a decade ago") in its own clause, or
    "since" for a clause that measures a superlative against an earlier event ("the worst
    attack since 56 were killed in 2005"); "" when none.
    """
    published = doc.published.year if doc.published is not None else None
    # With no publication date, the latest year the document writes stands for it: a clause
    # "in 1976" in a text that also speaks of 2013 is about an earlier event.
    reference = published if published is not None else _latest_year(doc.text)
    if published is not None:
        for m in _full_date().finditer(sentence):
            if int(m.group("year")) < published:
                return m.group("year")
    if at < 0 or not _has_earlier_cue(sentence):
        return ""
    lo, hi = 0, len(sentence)
    for cut in _CLAUSE_CUT.finditer(sentence):
        if cut.end() <= at:
            lo = cut.start()  # the clause opened by "since" keeps its opening word
        elif cut.start() > at:
            hi = cut.start()
            break
    for m in _EARLIER.finditer(sentence, lo, hi):
        if m.group("ago"):
            return "ago"
        if reference is not None and int(m.group("year")) < reference:
            return m.group("year")
    opener = sentence[lo : lo + 5].lower()
    if opener == "since" and _SUPERLATIVE_SINCE.search(sentence, max(0, lo - 80), lo + 5):
        return "since"
    return ""


_YEAR = regex.compile(r"(?<![\p{L}\p{N}.,/-])(?:1[6-9]|20)\d\d(?![\p{L}\p{N}]|[.,/-]\d)")


@lru_cache(maxsize=64)
def _latest_year(text: str) -> int | None:
    """The latest year written in a text ("2013" in "... on Nov. 8, 2013"), or None."""
    years = [int(m.group()) for m in _YEAR.finditer(text)]
    return max(years) if years else None


# "could reach 50", "may exceed 100", "is expected to rise to 300": a figure someone fears or
# expects, not one reported; it is no rival of a reported count.
_MODALS = ("could", "may", "might", "would", "will")  # "could reach 50"
_EXPECTING = ("expected", "likely", "feared")  # "is expected to rise to 300"
_PROJECTED = regex.compile(
    rf"""\b(?:{"|".join(_MODALS)}|(?:is|are|was|were)[ \t]+(?:{"|".join(_EXPECTING)})[ \t]+to)
        [ \t]+(?:\p{{L}}+[ \t]+){{0,2}}?                      # "eventually", "well"
        (?:reach|exceed|rise|climb|top|surpass|pass|hit|go|be|number|total)
        (?:[ \t]+(?:to|above|over|beyond|past))?[ \t]+$""",
    regex.IGNORECASE | regex.VERBOSE,
)


def projected(text: str, start: int, sentence_start: int) -> bool:
    """Whether the amount at ``start`` is a projection ("could reach 50").

    >>> s = "Officials fear the toll could reach 50, though 37 are confirmed."
    >>> projected(s, s.index("50"), 0), projected(s, s.index("37"), 0)
    (True, False)
    """
    lo = max(sentence_start, start - 60)
    window = text[lo:start]
    if window.isascii() and not _MODAL_WORDS.search(window.lower()):
        return False  # (in ASCII text a case-blind match holds its modal in lower case)
    return _PROJECTED.search(text, lo, start) is not None


# The words `_PROJECTED` needs one of, as one literal alternation.
_MODAL_WORDS = re.compile("|".join((*_MODALS, *_EXPECTING)))


# A numeral grouped by periods in threes: "5.000", "12.500", "1.234.567".
_DOT_GROUPED = regex.compile(r"(?<![\d.,])(\d{1,3})((?:\.\d{3})+)(?![\d.,])")


def dot_thousands(surface: str) -> int | None:
    """The factor by which a count written with periods grouping thousands ("5.000 people",
    "12.500 homes") was read too small, or None. Many languages and some English-language
    outlets group thousands with periods; a count of things has no fractional part, so such
    a numeral before a counted noun is a whole number, not three decimals.

    >>> dot_thousands("about 5.000"), dot_thousands("12.500"), dot_thousands("1.234.567")
    (1000, 1000, 1000000)
    >>> dot_thousands("7.8"), dot_thousands("5,000"), dot_thousands("1.2345") is None
    (None, None, True)
    """
    m = _DOT_GROUPED.search(surface)
    return 1000 ** (len(m.group(2)) // 4) if m else None
