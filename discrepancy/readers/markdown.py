"""Prose of a Markdown (CommonMark + tables) or MDX document, with exact source offsets.

The source is parsed with ``markdown-it-py``. Prose is the text of paragraphs, headings,
list items and table cells. Not prose: fenced and indented code, inline code, HTML (blocks
and inline), link destinations and titles, images, and the markup itself (``#``, ``**``,
``|``, list bullets, quote markers). HTML comments holding a ``discrepancy-`` suppression
directive are kept verbatim, so suppressions work where the comment really is a comment and
never where it is shown inside code.

The parser gives block positions (lines) but not inline ones, so each inline token is found
in the source by walking a cursor through its block: a text token is searched for verbatim,
code spans, links and images are skipped by their syntax. A token that cannot be found is
dropped rather than misplaced. The pieces are joined by `discrepancy.readers.prose.assemble`.

>>> p = markdown_prose("# Plans\\n\\nThe *free* plan has `100` users and [5 projects](https://x/3).\\n")
>>> p.text
'Plans\\n\\nThe free plan has  users and 5 projects.'
>>> p.line_col(p.text.index("5 projects"))
(3, 38)
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import regex
from markdown_it import MarkdownIt
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token

from .prose import LineIndex, Piece, Prose, assemble

# Blocks whose inline content is prose (paragraphs include list items and quotes).
_PROSE_PARENTS = frozenset({"paragraph_open", "heading_open", "th_open", "td_open"})
_CELLS = frozenset({"th_open", "td_open"})

# An HTML comment that holds a suppression directive; other comments are not prose.
_DIRECTIVE_COMMENT = regex.compile(
    r"""
    <!--                       # opener
    (?:[^-]|-(?!->)){0,600}?   # body, bounded, never running past the first "-->"
    -->                        # closer
    """,
    regex.VERBOSE,
)

# MDX: ESM statements and JSX lines (the lines that are code in an MDX file).
_MDX_ESM = regex.compile(r"(?:import|export)[ \t{*]")
_MDX_JSX = regex.compile(
    r"""
    [ \t]{0,20}
    (?: </?[\p{Lu}][\w.]{0,100}   # a component tag: <Tabs, </Tabs, <Foo.Bar
      | </?>                      # a fragment
      | \{                        # an expression or {/* comment */}
    )
    """,
    regex.VERBOSE,
)
_FENCE = regex.compile(r"[ ]{0,3}(?P<mark>`{3,}|~{3,})")


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    # Keep entities and escapes as their own tokens, so text tokens are verbatim source.
    md.disable("text_join")
    return md


def blank_mdx(source: str) -> str:
    """``source`` with MDX's ESM and JSX lines emptied (line numbers stay the same).

    ESM statements run to the next blank line; code fences are left alone.

    >>> blank_mdx("import X from './x'\\n\\n# Title\\n<Note>\\nUp to 5 users.\\n</Note>\\n")
    '\\n\\n# Title\\n\\nUp to 5 users.\\n\\n'
    """
    out: list[str] = []
    fence = ""
    in_esm = False
    for line in source.split("\n"):
        m = _FENCE.match(line)
        if fence:
            if m and m["mark"][0] == fence[0] and len(m["mark"]) >= len(fence) and not line.strip(" `~"):
                fence = ""
            out.append(line)
            continue
        if m:
            fence = m["mark"]
            out.append(line)
            continue
        if in_esm and not line.strip():
            in_esm = False
        elif not line.startswith((" ", "\t")) and _MDX_ESM.match(line):
            in_esm = True
        if in_esm or _MDX_JSX.match(line):
            out.append("")
        else:
            out.append(line)
    return "\n".join(out)


def markdown_prose(source: str, mdx: bool = False) -> Prose:
    """The prose of a Markdown (or, with ``mdx``, MDX) document; see the module docstring."""
    if mdx:
        source = blank_mdx(source)
    tokens = _parser().parse(source)
    index = LineIndex(source)
    pieces: list[Piece] = []
    cursor = 0
    parent = ""
    for block, tok in enumerate(tokens):
        if tok.type == "inline" and parent in _PROSE_PARENTS and tok.map:
            start = index.line_start(tok.map[0])
            end = index.line_start(tok.map[1])
            end = len(source) if end < 0 else end
            cursor = max(cursor, start)
            cursor = _inline(source, tok.children or [], cursor, end, block, parent in _CELLS, pieces)
        elif tok.type == "html_block" and tok.map:
            start = max(cursor, index.line_start(tok.map[0]))
            end = index.line_start(tok.map[1])
            end = len(source) if end < 0 else end
            for m in _DIRECTIVE_COMMENT.finditer(source, start, end):
                if "discrepancy-" in m.group():
                    pieces.append(Piece(m.start(), m.end(), block))
            cursor = max(cursor, end)
        elif tok.map and tok.type in ("fence", "code_block"):
            end = index.line_start(tok.map[1])
            cursor = max(cursor, len(source) if end < 0 else end)
        if tok.nesting == 1:
            parent = tok.type
        elif tok.type != "inline":
            parent = ""
    return assemble(source, pieces)


def _inline(
    source: str, children: Sequence[Token], cursor: int, end: int, block: int, cell: bool,
    pieces: list[Piece],
) -> int:
    """Add the prose pieces of one inline token's children; returns the cursor after them."""
    for child in children:
        kind = child.type
        if kind == "text":
            if not child.content:
                continue
            at = source.find(child.content, cursor, end)
            if at >= 0:
                pieces.append(Piece(at, at + len(child.content), block, cell))
                cursor = at + len(child.content)
                continue
            # Not verbatim (a table cell's "\|" reads "|"): place it word by word; a word
            # that is not in the source is dropped rather than misplaced.
            for word in child.content.split():
                at = source.find(word, cursor, end)
                if at >= 0:
                    pieces.append(Piece(at, at + len(word), block, cell))
                    cursor = at + len(word)
        elif kind == "text_special":
            at = source.find(child.markup, cursor, end)
            if at >= 0:
                pieces.append(Piece(at, at + len(child.markup), block, cell, replacement=child.content))
                cursor = at + len(child.markup)
        elif kind in ("softbreak", "hardbreak"):
            # A line break inside a paragraph stays a line break: lines carry meaning the
            # sentence splitter and the dateline reader use ("Published: ... | Updated: ...").
            at = source.find("\n", cursor, end)
            if at >= 0:
                pieces.append(Piece(at, at + 1, block, cell))
                cursor = at + 1
        elif kind == "code_inline":
            cursor = _skip_code_span(source, cursor, end, child.markup)
        elif kind == "html_inline":
            at = source.find(child.content, cursor, end)
            if at >= 0:
                if "discrepancy-" in child.content and _DIRECTIVE_COMMENT.fullmatch(child.content):
                    pieces.append(Piece(at, at + len(child.content), block, cell))
                cursor = at + len(child.content)
        elif kind == "link_open":
            opener = "<" if child.markup == "autolink" else "["
            at = source.find(opener, cursor, end)
            cursor = at + 1 if at >= 0 else cursor
            if child.markup == "autolink":
                close = source.find(">", cursor, end)
                cursor = close + 1 if close >= 0 else cursor
        elif kind == "link_close":
            if child.markup != "autolink":
                cursor = _skip_link_tail(source, cursor, end)
        elif kind == "image":
            at = source.find("![", cursor, end)
            if at >= 0:
                cursor = _skip_link_tail(source, _skip_label(source, at + 1, end), end)
    return cursor


def _skip_code_span(source: str, cursor: int, end: int, ticks: str) -> int:
    """The offset after the code span opened by ``ticks`` at or after ``cursor``."""
    run = regex.compile(r"(?<!`)" + ticks + r"(?!`)")
    opening = run.search(source, cursor, end)
    if opening is None:
        return cursor
    closing = run.search(source, opening.end(), end)
    return closing.end() if closing else opening.end()


def _skip_label(source: str, at: int, end: int) -> int:
    """Offset of the ``]`` closing the link label that opens with ``[`` at ``at``."""
    depth = 0
    i = at
    while i < end:
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return at


def _skip_link_tail(source: str, cursor: int, end: int) -> int:
    """Past ``](destination "title")``, ``][label]`` or ``]`` of a link whose text ended."""
    close = source.find("]", cursor, end)
    if close < 0:
        return cursor
    i = close + 1
    if source.startswith("(", i):
        i = _skip_blanks(source, i + 1, end)
        dest = parseLinkDestination(source, i, end)
        if dest.ok:
            i = _skip_blanks(source, dest.pos, end)
            title = parseLinkTitle(source, i, end)
            if title.ok:
                i = _skip_blanks(source, title.pos, end)
        return i + 1 if source.startswith(")", i) else close + 1
    if source.startswith("[", i):
        label_end = source.find("]", i, end)
        return label_end + 1 if label_end >= 0 else close + 1
    return close + 1


def _skip_blanks(source: str, i: int, end: int) -> int:
    while i < end and source[i] in " \t\n":
        i += 1
    return i
