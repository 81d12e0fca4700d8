"""Building a `Document` from what a reader found: text, metadata and anchors to the source.

The dateline (publication date from metadata, else a header or footer line) is resolved
here, once per document whatever its format.
"""

from __future__ import annotations

import reprlib
from typing import Any

from .. import dateline
from ..document import Document
from .frontmatter import split_front_matter
from .markdown import markdown_prose
from .rst import rst_prose
from .source import Anchors, LoadError, Warn, _Source


def _prose_document(src: _Source, text: str, path: str, kind: str, warn: Warn) -> Document:
    """A Markdown, MDX or reStructuredText document: its prose, anchored to the file's lines."""
    meta: dict[str, Any] = {}
    first_line = 1
    if kind == "rst":
        try:
            prose = rst_prose(text)
        except ValueError as err:
            raise LoadError(f"{src.given}: {err}") from None
    else:
        text, meta, first_line = split_front_matter(text, src.given, warn)
        prose = markdown_prose(text, mdx=kind == "mdx")
    # The readers count lines from the body; front matter moves them down.
    anchors = tuple((offset, line + first_line - 1, col) for offset, line, col in prose.anchors)
    return _document(src.id, prose.text, path, meta, anchors, warn, src.given)


def _document(
    doc_id: str,
    text: str,
    path: str,
    metadata: dict[str, Any],
    anchors: Anchors,
    warn: Warn | None = None,
    where: str = "",
) -> Document:
    """A `Document` with its dateline resolved from metadata and header/footer lines."""
    found = dateline.resolve(text, metadata)
    meta = dict(metadata)
    if found.updated is not None:
        meta["updated"] = found.updated
    if found.spans:
        meta["dateline_spans"] = found.spans
    if warn and found.source != "metadata":
        folded = {str(k).lower(): v for k, v in metadata.items()}
        for key in ("published", "date"):
            if key in folded and folded[key] not in (None, ""):
                warn(f"{where or doc_id}: cannot read the {key!r} date {_short(folded[key])}; ignored")
                break
    return Document(
        id=doc_id,
        text=text,
        path=path,
        published=found.published,
        metadata=meta,
        anchors=anchors,
        published_source=found.source,
        published_span=found.span,
    )


def _short(value: Any, limit: int = 200) -> str:
    """``repr(value)`` cut to ``limit`` characters, without building a huge repr first.

    >>> len(_short("x" * 1000)), _short(list(range(10**5)))[-12:]
    (200, '18, 19, ...]')
    """
    r = reprlib.Repr()
    r.maxstring = r.maxother = r.maxlong = limit
    r.maxlist = r.maxtuple = r.maxdict = r.maxset = 20
    text = r.repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
