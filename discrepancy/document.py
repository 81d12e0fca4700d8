"""The `Document` record, sentence splitting and offset -> line/column mapping.

A document's ``text`` is what extractors read (front matter and HTML tags removed, line
endings normalized to ``\\n``). ``anchors`` map offsets in ``text`` back to lines and
columns in the file as given, so a finding points at the right place in the source.

>>> doc = Document(id="a.txt", text="One.\\nTwo and three.")
>>> doc.line_col(5)
(2, 1)
>>> [doc.text[s:e] for s, e in doc.sentences]
['One.', 'Two and three.']
>>> after_front_matter = Document(id="a.md", text="Body.", anchors=((0, 4, 1),))
>>> after_front_matter.line_col(2)
(4, 3)
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

import regex

from . import tables
from .facts import When

_NEWLINE = regex.compile(r"\n")

@dataclass(frozen=True)
class Document:
    """One document: id, source path, text, publication date and metadata.

    ``anchors`` is a sorted tuple of ``(text_offset, line, col)``: the text at
    ``text_offset`` came from ``line``/``col`` (1-based) of the source file, and text after
    it follows line by line until the next anchor. A plain text file has ``((0, 1, 1),)``.
    ``published_source`` says where the dateline came from (``metadata``, ``header``,
    ``footer``, ``user``) when there is one; ``published_span`` is the dateline's line in
    ``text`` (so the date extractor can skip it).
    """

    id: str
    text: str
    path: str = ""
    published: When | None = None
    metadata: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    anchors: tuple[tuple[int, int, int], ...] = ((0, 1, 1),)
    published_source: str = ""
    published_span: tuple[int, int] | None = None

    def __post_init__(self) -> None:
        """Wrong types fail here with a clear message, not later deep inside extraction."""
        for name in ("id", "text", "path", "published_source"):
            value = getattr(self, name)
            if not isinstance(value, str):
                raise TypeError(f"Document.{name} must be a str, not {type(value).__name__}")
        if self.published is not None and not isinstance(self.published, When):
            raise TypeError(
                f"Document.published must be a When or None, not {type(self.published).__name__} "
                "(read a date string with discrepancy.load.parse_published)"
            )
        if not isinstance(self.metadata, dict):
            raise TypeError(f"Document.metadata must be a dict, not {type(self.metadata).__name__}")
        if not isinstance(self.anchors, tuple):
            raise TypeError(f"Document.anchors must be a tuple, not {type(self.anchors).__name__}")

    @property
    def dateline_spans(self) -> tuple[tuple[int, int], ...]:
        """Every dateline line found in ``text`` (published and updated), sorted.

        Event-date extraction skips these: "Updated January 8th, 2020 at 20:40 IST" says when
        the page changed, not when something happened.

        >>> doc = Document(id="a", text="x", published_span=(0, 1), metadata={"dateline_spans": ((5, 9),)})
        >>> doc.dateline_spans
        ((0, 1), (5, 9))
        """
        spans = {tuple(s) for s in self.metadata.get("dateline_spans", ()) if len(s) == 2}
        if self.published_span is not None:
            spans.add(tuple(self.published_span))
        return tuple(sorted((int(s), int(e)) for s, e in spans))

    @cached_property
    def _anchor_offsets(self) -> list[int]:
        return [a[0] for a in self.anchors]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column in the source file of ``text[offset]``.

        >>> doc = Document(id="p.html", text="Hi there.\\nBye.", anchors=((0, 3, 9), (10, 5, 4)))
        >>> doc.line_col(0), doc.line_col(3), doc.line_col(9), doc.line_col(12)
        ((3, 9), (3, 12), (3, 18), (5, 6))
        """
        offset = max(0, min(offset, len(self.text)))
        if not self.anchors:
            base, line, col = 0, 1, 1
        else:
            i = max(0, bisect.bisect_right(self._anchor_offsets, offset) - 1)
            base, line, col = self.anchors[i]
            base = min(base, offset)
        # Newlines in text[base:offset], found by bisecting their offsets (listed once per
        # document) rather than scanning the text on every call.
        nl = self._newline_offsets
        first, last = bisect.bisect_left(nl, base), bisect.bisect_left(nl, offset)
        if last > first:
            return line + (last - first), offset - nl[last - 1]
        return line, col + (offset - base)

    @cached_property
    def _newline_offsets(self) -> list[int]:
        return [m.start() for m in _NEWLINE.finditer(self.text)]

    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """Sentence spans ``(start, end)`` over ``text``."""
        return split_sentences(self.text)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The span of the sentence that contains ``offset`` (``(offset, offset)`` if none).

        >>> doc = Document(id="a", text="One.   Two.")
        >>> doc.sentence_at(8), doc.sentence_at(5)
        ((7, 11), (5, 5))
        """
        spans = self.sentences
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and spans[i][0] <= offset <= spans[i][1]:
            return spans[i]
        return (offset, offset)


# Candidate sentence ends: a run of terminal punctuation (plus closing quotes/brackets)
# followed by blanks and something that can start a sentence; or a line break. Which
# candidates are real ends is decided in `split_sentences` with the abbreviation tables.
_BOUNDARY = regex.compile(
    r"""
    (?<![.!?…])                      # start at the beginning of a punctuation run (keeps it linear)
    (?P<end>[.!?…]{1,10}+["'”’)\]]{0,3}+)   # terminal punctuation, closing quotes/brackets
    (?=[ \t]{1,20}+                  # then blanks
       (?P<next>["'“‘(\[]?           # an optional opening quote or bracket
         [\p{Lu}\p{N}][\p{L}]{0,30}))   # and a capital or a digit (with the rest of the word)
    | (?P<nl>\n+)                    # or line breaks: headlines and captions have no period (a
                                     # run of them is one boundary: only its first can cut)
    """,
    regex.VERBOSE,
)
_END, _NEXT = _BOUNDARY.groupindex["end"], _BOUNDARY.groupindex["next"]
# The word just before a period: letters and inner periods ("U.S", "Gen", "H"). Matched
# backwards from the period (REVERSE): one attempt, not one per start position before it.
_WORD_BEFORE = regex.compile(r"(?<![\p{L}.])([\p{L}][\p{L}.]{0,15})$", regex.REVERSE)
_DOTTED = regex.compile(r"(?:\p{L}\.){1,5}\p{L}")  # "u.s", "e.g": initials run together
# Lines that always stand alone: Markdown headings, list items, quotes and table rows.
_LINE_START = regex.compile(r"[ \t]{0,3}(?:[#>|*+-][ \t]|\d{1,3}[.)][ \t]|#{1,6}$)")
_TERMINAL = frozenset(".!?…:;\"'”’)]")
_BREAK_ENDS = _TERMINAL | {"\n"}  # a line break after one of these never continues the line


@cache
def _abbreviation_tables() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(titles, other abbreviations, sentence starters), lower-cased."""

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in tables.string_list("abbreviations", key))

    titles, others = words("titles"), words("words")
    both = sorted(titles & others)
    if both:
        raise tables.TableError(f"data table abbreviations.toml: {both[0]!r} is both a title and a word")
    return titles, others, words("sentence_starters")


def _ends_at_period(text: str, m: regex.Match[str]) -> bool:
    """Whether a candidate boundary made of a single period really ends a sentence."""
    titles, others, starters = _abbreviation_tables()
    before = _WORD_BEFORE.search(text, max(0, m.start() - 16), m.start())
    if not before:
        return True
    word = before.group(1).lower()
    if word in titles:
        return False
    is_initial = len(word) == 1 and before.group(1).isupper()
    dotted = "." in word and _DOTTED.fullmatch(word) is not None
    if word in others or is_initial or dotted:
        nxt = m.group(_NEXT).lstrip("\"'“‘([").lower()
        return nxt in starters
    return True


def _wrap_width(text: str) -> int | None:
    """The width a hard-wrapped text is wrapped at; None for one paragraph per line.

    A text is hard-wrapped when it has several lines, nine in ten are at most 100 characters,
    most come close to that width (a ragged right edge, as editors and ``fmt`` leave it), and
    many of those stop mid-sentence (one-paragraph-per-line text ends its lines with a period).

    >>> _wrap_width(("word " * 14 + "\\n") * 6), _wrap_width(("word " * 40 + "\\n") * 6)
    (69, None)
    >>> _wrap_width(("A sentence of a dozen words or so that ends right here." + "\\n") * 6) is None
    True
    """
    if text.count("\n") < 4:
        return None  # fewer than five lines
    lines = [line.rstrip() for line in text.split("\n") if line.strip()]
    if len(lines) < 5:
        return None
    lengths = sorted(len(line) for line in lines)
    width = lengths[(len(lengths) * 9) // 10 - 1]
    if width > 100 or width < 30:
        return None
    near = [line for line in lines if width * 3 // 4 <= len(line) <= width + 10]
    open_ended = sum(1 for line in near if line[-1] not in _TERMINAL)
    return width if len(near) * 2 >= len(lines) and open_ended * 5 >= len(lines) * 2 else None


def _line_continues(text: str, nl: int, width: int | None) -> bool:
    """Whether the line break at ``nl`` is inside a sentence that goes on on the next line.

    Never after a line ending in terminal punctuation, before a blank line, after a heading
    or before a list item / heading / quote. Otherwise it continues when the next line goes
    on in lower case, the line before ends with a comma, or (in hard-wrapped text, see
    `_wrap_width`) the line before reaches the wrap width.
    """
    prev_start = text.rfind("\n", 0, nl) + 1
    prev = text[max(prev_start, nl - 200) : nl].rstrip()
    nxt_end = text.find("\n", nl + 1)
    nxt = text[nl + 1 : nl + 81 if nxt_end < 0 else min(nxt_end, nl + 81)]
    if not prev or not nxt.strip() or prev[-1] in _TERMINAL:
        return False
    if prev.lstrip().startswith("#"):
        return False
    if nxt.lstrip()[:1].islower():
        return True  # (no list item, heading, quote or table row starts in lower case)
    if _LINE_START.match(nxt):
        return False
    if prev[-1] == ",":
        return True
    return width is not None and nl - prev_start >= width * 3 // 4


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Split ``text`` into sentence spans, trimmed of surrounding whitespace.

    >>> def show(t): return [t[s:e] for s, e in split_sentences(t)]
    >>> show("Mr. Esper said 5,000 U.S. troops stay. Gen. Milley agreed.")
    ['Mr. Esper said 5,000 U.S. troops stay.', 'Gen. Milley agreed.']
    >>> show("Troops stay in the U.S. The letter was a draft.")
    ['Troops stay in the U.S.', 'The letter was a draft.']
    >>> show("William H. Seely signed it. It said \\"we leave.\\" Nobody did.")
    ['William H. Seely signed it.', 'It said "we leave."', 'Nobody did.']
    >>> show("It began at 5:30 p.m. EST on Jan. 7. More followed… Then silence.")
    ['It began at 5:30 p.m. EST on Jan. 7.', 'More followed…', 'Then silence.']
    >>> show("A headline\\nThe story, wrapped\\nat the margin. Next.\\n\\n- item one\\n- item two")
    ['A headline', 'The story, wrapped\\nat the margin.', 'Next.', '- item one', '- item two']
    >>> show("Is it? Yes! 42 agreed...  \\"Fine,\\" he said.")
    ['Is it?', 'Yes!', '42 agreed...', '"Fine," he said.']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    width: int | None = -1  # the hard-wrap width (`_wrap_width`), read on the first break that needs it
    for m in _BOUNDARY.finditer(text):
        cut = m.start()
        if text[cut] == "\n":
            # After a blank line or terminal punctuation, or before a blank line, a break always
            # ends the sentence (as `_line_continues` says): most breaks are settled here.
            before, after = text[cut - 1 : cut], text[cut + 1 : cut + 2]
            if before not in _BREAK_ENDS and after != "\n":
                if width == -1:
                    width = _wrap_width(text)
                # Unwrapped text, a line ending in a word and a next line opening with a capital
                # or a digit (a headline, a byline): `_line_continues` would say no, and most
                # such breaks are settled here without reading the two lines.
                if not (
                    width is None
                    and before != ","
                    and not before.isspace()
                    and not after.isspace()
                    and not after.islower()
                ) and _line_continues(text, cut, width):
                    continue
        else:
            # (groups by number: `regex` looks a name up on every call)
            if m.group(_END).rstrip("\"'”’)]") == "." and not _ends_at_period(text, m):
                continue
            cut = m.end()
        _add_span(text, start, cut, spans)
        start = cut
    _add_span(text, start, len(text), spans)
    return tuple(spans)


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    # (`str.strip` trims what `str.isspace` calls a blank, in C rather than per character)
    piece = text[start:end]
    kept = piece.strip()
    if kept:
        start += len(piece) - len(piece.lstrip())
        spans.append((start, start + len(kept)))
