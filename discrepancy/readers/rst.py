"""Prose of a reStructuredText document, read with ``docutils``, with exact source offsets.

Prose is the text of titles, paragraphs (in sections, lists, admonitions, table cells) and
definition terms. Literal blocks, inline literals, comments, raw content, substitution
definitions, targets and the markup of unknown (Sphinx) roles and directives are not prose.
docutils gives no character offsets, so each text run is found in the source by a cursor
that moves forward only; skipped nodes move it past their own text, and a run that cannot be
found (a substitution, an unescaped character) is dropped rather than misplaced.

A comment that is a suppression directive (``.. discrepancy: disable-next-line DSC101``)
becomes the plain-text directive line ``# discrepancy: disable-next-line DSC101`` at the
comment's place, so `discrepancy.suppress` reads it as it reads text files.

File inclusion, raw passthrough and docutils configuration files are disabled: reading a
document never touches another file.

>>> p = rst_prose("Limits\\n======\\n\\nThe *free* plan has ``100`` users and 5 projects."
...               "\\n\\n::\\n\\n   up to 9\\n")
>>> p.text
'Limits\\n\\n\\nThe free plan has  users and 5 projects.'
>>> p.line_col(p.text.index("5 projects"))
(4, 39)
"""

from __future__ import annotations

from typing import Any

from .prose import Piece, Prose, assemble

# Nodes whose text is never prose (code, comments, link targets, error reports).
_SKIP = frozenset(
    """literal_block literal comment raw substitution_definition target system_message
    problematic doctest_block math math_block image pending footnote_reference
    citation_reference""".split()
)
# Nodes that make one block of prose.
_BLOCKS = frozenset("paragraph title subtitle term rubric line caption attribution".split())

_SETTINGS = {
    "report_level": 5,          # no messages on stderr
    "halt_level": 5,            # never stop on a markup error: read what can be read
    "warning_stream": False,
    "file_insertion_enabled": False,
    "raw_enabled": False,
    "_disable_config": True,    # no docutils.conf from the working folder
    "input_encoding": "unicode",
}


def rst_prose(source: str) -> Prose:
    """The prose of a reStructuredText document; ``ValueError`` when docutils fails."""
    from docutils import nodes
    from docutils.core import publish_doctree

    try:
        tree = publish_doctree(source, settings_overrides=dict(_SETTINGS))
    except Exception as err:  # docutils raises many types on pathological input
        raise ValueError(f"cannot parse reStructuredText: {err}") from None
    pieces: list[Piece] = []
    blocks: dict[int, int] = {}
    cursor = 0

    def skip_past(node: Any) -> None:
        nonlocal cursor
        for line in node.astext().split("\n"):
            line = line.strip()
            if line:
                at = source.find(line, cursor)
                if at >= 0:
                    cursor = at + len(line)

    def visit(node: Any, block: int, cell: bool) -> None:
        nonlocal cursor
        if isinstance(node, nodes.Text):
            if block >= 0:
                for line in str(node).split("\n"):
                    _place(line, block, cell)
            return
        name = node.tagname
        if name == "comment" and node.astext().startswith("discrepancy:"):
            directive = node.astext().split("\n", 1)[0].rstrip()
            at = source.find(directive, cursor)
            if at >= 0:
                pieces.append(Piece(at, at + len(directive), blocks.setdefault(id(node), len(blocks)),
                                    replacement="# " + directive))
                cursor = at + len(directive)
            return
        if name in _SKIP:
            skip_past(node)
            return
        if name in _BLOCKS:
            block = blocks.setdefault(id(node), len(blocks))
        cell = cell or name == "entry"
        for child in node.children:
            visit(child, block, cell)

    def _place(line: str, block: int, cell: bool) -> None:
        nonlocal cursor
        if not line.strip():
            return
        at = source.find(line, cursor)
        if at >= 0:
            pieces.append(Piece(at, at + len(line), block, cell))
            cursor = at + len(line)
            return
        for word in line.split():
            at = source.find(word, cursor)
            if 0 <= at < cursor + 200:  # near the cursor: a far match would be another word
                pieces.append(Piece(at, at + len(word), block, cell))
                cursor = at + len(word)

    visit(tree, -1, False)
    return assemble(source, pieces)
