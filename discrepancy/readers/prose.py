"""Assemble the prose of a marked-up document from pieces of its source.

A reader (Markdown, reStructuredText) finds the *pieces* of its source that are prose: runs
of text in paragraphs, headings, list items and table cells, each a ``source[start:end]``
slice. `assemble` joins them into the text extractors read, with separators between them
(a space inside a block, newlines between blocks, `` | `` between the cells of a row), and
builds the anchors that map every offset of that text back to a line and column of the
source. A piece is copied verbatim unless it carries a ``replacement`` (a decoded entity or
escape), so every fact read from verbatim pieces quotes the source exactly.

>>> src = "# Plans\\n\\nThe **free** plan has 5 projects.\\n"
>>> p = assemble(src, [Piece(2, 7, 0), Piece(9, 13, 1), Piece(15, 19, 1), Piece(21, 42, 1)])
>>> p.text
'Plans\\n\\nThe free plan has 5 projects.'
>>> start = p.text.index("5 projects")
>>> s, e = p.source_span(start, start + len("5 projects"))
>>> src[s:e], p.line_col(start)
('5 projects', (3, 23))
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

Anchors = tuple[tuple[int, int, int], ...]


@dataclass(frozen=True)
class Piece:
    """``source[start:end]`` is prose of block number ``block``.

    ``cell`` marks a table cell (cells of one row are joined with `` | ``);
    ``replacement`` is the text to use instead of the source slice (an entity such as
    ``&amp;`` or an escape such as ``\\*``).
    """

    start: int
    end: int
    block: int
    cell: bool = False
    replacement: str | None = None

    @property
    def verbatim(self) -> bool:
        return self.replacement is None


@dataclass(frozen=True)
class Span:
    """``text[text_start:text_start + (end - start)]`` came from ``source[start:end]``."""

    text_start: int
    start: int
    end: int
    verbatim: bool


@dataclass(frozen=True)
class Prose:
    """The prose text of a source, its anchors, and the spans that map it back."""

    text: str
    anchors: Anchors
    spans: tuple[Span, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source offsets of ``text[start:end]``; ``(-1, -1)`` when it does not come from
        one run of verbatim pieces (it crosses a separator or a replaced piece)."""
        starts = [s.text_start for s in self.spans]
        i = bisect.bisect_right(starts, start) - 1
        if i < 0:
            return -1, -1
        first = self.spans[i]
        src_start = first.start + (start - first.text_start)
        j = i
        # Pieces that follow each other in the text and in the source form one run.
        while True:
            span = self.spans[j]
            if not span.verbatim:
                return -1, -1
            span_end = span.text_start + (span.end - span.start)
            if end <= span_end:
                return src_start, span.start + (end - span.text_start)
            nxt = self.spans[j + 1] if j + 1 < len(self.spans) else None
            if nxt is None or nxt.text_start != span_end or nxt.start != span.end:
                return -1, -1
            j += 1

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based source line and column of ``text[offset]`` (via the anchors)."""
        i = max(0, bisect.bisect_right([a[0] for a in self.anchors], offset) - 1)
        base, line, col = self.anchors[i]
        chunk = self.text[base:offset]
        n = chunk.count("\n")
        return (line + n, offset - (base + chunk.rfind("\n"))) if n else (line, col + offset - base)


class LineIndex:
    """Offset -> 1-based (line, column) of one source string.

    >>> LineIndex("ab\\ncd").line_col(4)
    (2, 2)
    """

    def __init__(self, source: str) -> None:
        self.starts = [0]
        pos = source.find("\n")
        while pos >= 0:
            self.starts.append(pos + 1)
            pos = source.find("\n", pos + 1)

    def line_col(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def line_start(self, line0: int) -> int:
        """Offset where 0-based line ``line0`` starts (the end of the source past the last)."""
        return self.starts[min(max(line0, 0), len(self.starts) - 1)] if line0 < len(self.starts) else -1


def _separator(source: str, prev: Piece, nxt: Piece, prev_text: str, next_text: str) -> str:
    gap = source[prev.end : nxt.start]
    newlines = gap.count("\n")
    if prev.block != nxt.block:
        if newlines == 0:
            return " | " if prev.cell and nxt.cell else "\n"
        return "\n" * newlines
    # Inside one block: a soft line break or skipped markup between words is one space;
    # markup glued to words ("**5** projects") adds nothing.
    if (newlines or any(c.isspace() for c in gap)) and not (
        prev_text[-1:].isspace() or next_text[:1].isspace()
    ):
        return " "
    return ""


def assemble(source: str, pieces: Sequence[Piece]) -> Prose:
    """Join ``pieces`` (in any order; overlapping or empty ones are dropped) into `Prose`."""
    index = LineIndex(source)
    out: list[str] = []
    anchors: list[tuple[int, int, int]] = []
    spans: list[Span] = []
    length = 0
    prev: Piece | None = None
    prev_text = ""
    pred: tuple[int, int] | None = None  # where counting lines predicts the next character is
    for piece in sorted(pieces, key=lambda p: (p.start, p.end)):
        if piece.end <= piece.start or (prev is not None and piece.start < prev.end):
            continue
        text = source[piece.start : piece.end] if piece.replacement is None else piece.replacement
        if not text:
            continue
        if prev is not None:
            sep = _separator(source, prev, piece, prev_text, text)
            out.append(sep)
            length += len(sep)
            if pred is not None:
                pred = _advance(pred, sep)
        where = index.line_col(piece.start)
        if where != pred:
            anchors.append((length, *where))
        spans.append(Span(length, piece.start, piece.end, piece.verbatim))
        out.append(text)
        length += len(text)
        pred = _advance(where, text)
        prev, prev_text = piece, text
    return Prose("".join(out), tuple(anchors) or ((0, 1, 1),), tuple(spans))


def _advance(pos: tuple[int, int], s: str) -> tuple[int, int]:
    n = s.count("\n")
    return (pos[0] + n, len(s) - s.rfind("\n")) if n else (pos[0], pos[1] + len(s))
