"""The `Document` record, sentence splitting and offset -> line/column mapping.

A document's ``text`` is what extractors read (front matter and HTML tags removed, line
endings normalized to ``\\n``). ``anchors`` map offsets in ``text`` back to lines and
columns in the file as given, so a finding points at the right place in the source.

>>> doc = Document(id="a.txt", text="One.\\nTwo and three.")
>>> doc.line_col(5)
(2, 1)
>>> [doc.text[s:e] for s, e in doc.sentences]
['One.', 'Two and three.']
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import regex

from . import tables
from .facts import When


@dataclass(frozen=True)
class Document:
    """One document: id, source path, text, publication date and metadata.

    ``anchors`` is a sorted tuple of ``(text_offset, line, col)``: the text at
    ``text_offset`` came from ``line``/``col`` (1-based) of the source file, and text after
    it follows line by line until the next anchor. A plain text file has ``((0, 1, 1),)``.
    ``published_source`` says where the dateline came from (``metadata``, ``header``,
    ``footer``, ``user``) when there is one.
    """

    id: str
    text: str
    path: str = ""
    published: When | None = None
    metadata: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    anchors: tuple[tuple[int, int, int], ...] = ((0, 1, 1),)
    published_source: str = ""
    published_span: tuple[int, int] | None = None

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column in the source file of ``text[offset]``."""
        offset = max(0, min(offset, len(self.text)))
        keys = [a[0] for a in self.anchors]
        i = max(0, bisect.bisect_right(keys, offset) - 1)
        base, line, col = self.anchors[i]
        segment = self.text[base:offset]
        newlines = segment.count("\n")
        if newlines:
            return line + newlines, offset - (base + segment.rfind("\n") + 1) + 1
        return line, col + (offset - base)

    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """Sentence spans ``(start, end)`` over ``text``."""
        return split_sentences(self.text)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The span of the sentence that contains ``offset``."""
        spans = self.sentences
        starts = [s for s, _ in spans]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and spans[i][0] <= offset <= spans[i][1]:
            return spans[i]
        return (offset, offset)


# A sentence ends at ., ! or ? (plus closing quotes/brackets) followed by space and a
# capital, digit or opening quote; or at a line break. Abbreviations from
# data/abbreviations.toml are checked after the match (regex lookbehind cannot do it
# case-insensitively over a variable list cheaply).
_BOUNDARY = regex.compile(
    r"""
    (?P<end>[.!?…]+["'”’)\]]*)   # terminal punctuation, then closing quotes/brackets
    (?=[ \t]+["'“‘(\[]?[\p{Lu}\p{N}])  # followed by blanks and a capital/number/opening quote
    | (?P<nl>\n)                   # or a line break: captions and headlines have no period
    """,
    regex.VERBOSE,
)
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)$")


def _abbreviations() -> frozenset[str]:
    return frozenset(w.lower() for w in tables.string_list("abbreviations", "words"))


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Split ``text`` into sentence spans, trimmed of surrounding whitespace.

    >>> t = "Mr. Esper said 5,000 U.S. troops stay. Gen. Milley agreed."
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['Mr. Esper said 5,000 U.S. troops stay.', 'Gen. Milley agreed.']
    """
    abbrevs = _abbreviations()
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group("nl") is not None:
            cut = m.start()
        else:
            before = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
            if m.group("end").startswith(".") and before and before.group(1).lower().rstrip(".") in abbrevs:
                continue
            # A single capital before the period is an initial ("William H. Seely").
            if m.group("end") == "." and before and regex.fullmatch(r"\p{Lu}", before.group(1)):
                continue
            cut = m.end()
        _add_span(text, start, cut, spans)
        start = cut
    _add_span(text, start, len(text), spans)
    return tuple(spans)


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
