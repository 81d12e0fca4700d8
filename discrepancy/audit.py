"""The pipeline: load -> extract -> align -> compare -> findings table.

>>> import discrepancy
>>> frame = discrepancy.audit({"a": "It rained.", "b": "It rained too."})
>>> list(frame.columns) == list(discrepancy.FINDING_COLUMNS)
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .compare import find_conflicts
from .document import Document
from .extract import Progress, extract_corpus, facts_frame
from .facts import Fact, When
from .findings import Finding, to_frame
from .load import LoadError, check_published, documents_from_mapping, load_documents, parse_published
from .settings import Settings

Source = str | Path | Document | Mapping[str, str]


@dataclass(frozen=True)
class AuditResult:
    """Everything one audit produced: the documents, their facts and the findings."""

    documents: tuple[Document, ...]
    facts: tuple[tuple[Fact, ...], ...]
    findings: tuple[Finding, ...]

    def frame(self) -> pd.DataFrame:
        """The findings as the fixed-column DataFrame `audit` returns."""
        return to_frame(self.findings)


def _flat_sources(sources: Iterable[object]) -> Iterable[object]:
    """Sources with nested iterables (a list of `Document`s from `load_documents`) spread out."""
    for src in sources:
        if isinstance(src, (str, Path, Document, Mapping, bytes, bytearray)) or not isinstance(src, Iterable):
            yield src
        else:
            yield from _flat_sources(src)


def _check_published_arg(published: object) -> None:
    if published is not None and not isinstance(published, Mapping):
        raise TypeError(
            f"published must be a mapping of document id to date, not {type(published).__name__} "
            '(e.g. published={"a.txt": "2020-01-08"})'
        )


def collect(
    sources: Iterable[object],
    published: Mapping[str, str | When] | None = None,
    on_warning: Callable[[str], None] | None = None,
) -> list[Document]:
    """Documents from paths, `Document` objects and ``{id: text}`` mappings, in order.

    A source may also be any iterable of those (the list `load_documents` returns).
    """
    _check_published_arg(published)
    docs: list[Document] = []
    paths: list[str | Path] = []

    def flush() -> None:
        if paths:
            docs.extend(
                load_documents(*paths, published=published, on_warning=on_warning, strict_published=False)
            )
            paths.clear()

    for src in _flat_sources(sources):
        if isinstance(src, (str, Path)):
            if isinstance(src, str) and not src.strip():
                # "" would be the current folder: never what a caller with an empty string meant.
                raise ValueError("empty path: give a file or folder (or a mapping {id: text} for text)")
            paths.append(src)
            continue
        flush()
        if isinstance(src, Document):
            docs.append(_with_published(src, published))
        elif isinstance(src, Mapping):
            docs.extend(documents_from_mapping(src, published=published, strict_published=False))
        elif isinstance(src, (bytes, bytearray)):
            raise TypeError("cannot audit bytes: decode them to str first, or write them to a file")
        else:
            raise TypeError(f"cannot audit a {type(src).__name__}: give a path, a Document or a mapping")
    flush()
    if not docs:
        raise LoadError("no documents to audit")
    check_published(docs, published)
    ids = [d.id for d in docs]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    if dupes:
        raise LoadError(f"duplicate document id(s): {', '.join(dupes)}")
    return docs


def _with_published(doc: Document, published: Mapping[str, str | When] | None) -> Document:
    if published and doc.id in published:
        from dataclasses import replace

        return replace(doc, published=parse_published(published[doc.id]), published_source="user")
    return doc


def run(
    docs: Sequence[Document], settings: Settings | None = None, progress: Progress | None = None
) -> AuditResult:
    """Extract, align and compare already-loaded documents.

    ``progress(done, total, doc_id)`` is called after each document is extracted.
    """
    settings = Settings() if settings is None else settings
    if not isinstance(settings, Settings):
        raise TypeError(f"settings must be a Settings, not {type(settings).__name__}")
    docs = list(docs)
    for d in docs:
        if not isinstance(d, Document):
            raise TypeError(
                f"run() takes loaded Documents, not {type(d).__name__} (see collect/load_documents)"
            )
    if progress:
        per_doc = extract_corpus(docs, settings, progress=progress)
    else:
        per_doc = extract_corpus(docs, settings)
    findings = find_conflicts(docs, per_doc, settings)
    return AuditResult(tuple(docs), tuple(tuple(f) for f in per_doc), tuple(findings))


def audit(
    *sources: Source | Iterable[Source], published: Mapping[str, str | When] | None = None, **options: Any
) -> pd.DataFrame:
    """Audit documents for facts that disagree; returns the findings table.

    A source is a path (file or folder), a `Document`, a mapping of document id to text, or
    an iterable of those. ``published`` maps document ids to publication dates
    (``"2020-01-08"``, ``"2020-01-08T19:17+05:30"``). Other keyword options are `Settings`
    fields. Arguments of the wrong type or value raise `TypeError` / `ValueError` at once.
    """
    settings = Settings().with_options(**options)
    docs = collect(sources, published)
    return run(docs, settings).frame()


def extract(docs_or_text: Source | Sequence[Source], published: Mapping[str, str | When] | None = None,
            **options: Any) -> pd.DataFrame:
    """The facts table of some documents (a text string is one document with id ``text``).

    A ``str`` is always text, never a path: give a `Path` (or use `load_documents`) to read
    files.

    >>> extract("Nothing to see.").columns[:4].tolist()
    ['doc', 'kind', 'subject', 'text']
    >>> extract("/etc/os-release").text.tolist()
    []
    """
    settings = Settings().with_options(**options)
    sources: Sequence[object]
    if isinstance(docs_or_text, str):
        sources = [{"text": docs_or_text}]
    elif isinstance(docs_or_text, (Path, Document, Mapping, bytes, bytearray)):
        sources = [docs_or_text]
    elif isinstance(docs_or_text, Iterable):
        sources = list(docs_or_text)
    else:
        raise TypeError(
            f"cannot extract from a {type(docs_or_text).__name__}: "
            "give text (str), a Path, a Document or a mapping"
        )
    docs = collect(sources, published)
    return facts_frame(docs, extract_corpus(docs, settings))
