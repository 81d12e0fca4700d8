"""Helpers every extractor uses to build facts consistently."""

from __future__ import annotations

from ..document import Document
from ..facts import Fact, Subject, Value

# A sentence longer than this (text with no sentence breaks, e.g. a minified page) is cut
# to a window around the fact, so each fact stays small however large the document is.
MAX_SENTENCE = 2000


def sentence_text(text: str, start: int, end: int, s_start: int, s_end: int) -> str:
    """The sentence ``text[s_start:s_end]``, cut to `MAX_SENTENCE` characters around the fact.

    >>> sentence_text("abc", 1, 2, 0, 3)
    'abc'
    >>> len(sentence_text("x" * 10_000, 5000, 5001, 0, 10_000)) <= MAX_SENTENCE + 2
    True
    """
    if s_end - s_start <= MAX_SENTENCE:
        return text[s_start:s_end]
    half = MAX_SENTENCE // 2
    lo = max(s_start, min(start - half, s_end - MAX_SENTENCE))
    hi = min(s_end, lo + MAX_SENTENCE)
    return ("…" if lo > s_start else "") + text[lo:hi] + ("…" if hi < s_end else "")


def make_fact(
    doc: Document,
    kind: str,
    start: int,
    end: int,
    value: Value,
    rule: str,
    subject: Subject | None = None,
    extra: tuple[tuple[str, str], ...] = (),
) -> Fact:
    """A `Fact` over ``doc.text[start:end]`` with its sentence filled in."""
    s_start, s_end = doc.sentence_at(start)
    return Fact(
        doc=doc.id,
        kind=kind,
        subject=subject or Subject(),
        surface=doc.text[start:end],
        start=start,
        end=end,
        value=value,
        sentence=sentence_text(doc.text, start, end, s_start, s_end),
        rule=rule,
        sentence_start=s_start,
        extra=extra,
    )
