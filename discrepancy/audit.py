"""The pipeline: load -> extract -> stories -> align -> compare -> findings table.

>>> import discrepancy
>>> frame = discrepancy.audit({"a": "It rained.", "b": "It rained too."})
>>> list(frame.columns) == list(discrepancy.FINDING_COLUMNS)
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from .compare import Comparison, compare
from .document import Document
from .extract import Progress, extract_corpus, facts_frame
from .facts import Fact, When
from .findings import Finding, python_strings, to_frame
from .load import LoadError, check_published, documents_from_mapping, load_documents, parse_published
from .pool import CHUNKS_PER_WORKER, balanced_chunks, discard_pool, few_collections, shared_pool
from .settings import Settings
from .slots import Slot, slots_frame
from .stories import Story, group_stories

Source = str | Path | Document | Mapping[str, str]


@dataclass(frozen=True)
class AuditResult:
    """Everything one audit produced: the documents, their facts and the findings."""

    documents: tuple[Document, ...]
    facts: tuple[tuple[Fact, ...], ...]
    findings: tuple[Finding, ...]
    # The groups of facts that speak of one thing, with their values (see `slots`).
    slots: tuple[Slot, ...] = ()
    # The stories the documents were grouped into (facts are compared within a story only).
    stories: tuple[Story, ...] = ()

    def story_of(self, doc_id: str) -> Story | None:
        """The story a document belongs to (None for an unknown id)."""
        return next((s for s in self.stories if doc_id in s.documents), None)

    def frame(self) -> pd.DataFrame:
        """The findings as the fixed-column DataFrame `audit` returns."""
        return to_frame(self.findings)

    def slots_frame(self) -> pd.DataFrame:
        """The slots table `slots` returns: one row per distinct value of each slot."""
        with python_strings():
            return slots_frame(self.slots, self.documents)


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
    dupes = sorted(i for i, n in Counter(d.id for d in docs).items() if n > 1)
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
    with few_collections():
        if progress:
            per_doc = extract_corpus(docs, settings, progress=progress)
        else:
            per_doc = extract_corpus(docs, settings)
        stories = group_stories(docs, per_doc, settings.group_by)
        findings, slots = _compare_stories(docs, per_doc, stories, settings)
    return AuditResult(tuple(docs), tuple(tuple(f) for f in per_doc), tuple(findings), slots, stories)


Group = tuple[list[Document], list[Sequence[Fact]]]
Part = tuple[tuple[Finding, ...], tuple[Slot, ...]]


def _compare_stories(
    docs: Sequence[Document], per_doc: Sequence[Sequence[Fact]], stories: Sequence[Story], settings: Settings,
) -> tuple[list[Finding], tuple[Slot, ...]]:
    """Findings and slots of each story on its own, concatenated in story order (documents keep
    input order); slot ids are numbered on across stories and each slot names its story. The
    comparisons run here, or in the worker pool when ``settings.jobs > 1``.
    """
    if len(stories) <= 1:
        one = compare(docs, per_doc, settings)
        label = stories[0].label if stories else ""
        return list(one.findings), tuple(replace(s, story=label) for s in one.slots)
    story_of = {doc_id: k for k, s in enumerate(stories) for doc_id in s.documents}
    members: list[list[int]] = [[] for _ in stories]
    for i, doc in enumerate(docs):
        members[story_of[doc.id]].append(i)
    groups = [([docs[i] for i in idx], [per_doc[i] for i in idx]) for idx in members]
    if settings.jobs > 1:
        parts = _compare_in_pool(groups, settings)
    else:
        parts = compare_groups(compare, groups, settings)
    return assemble(stories, parts)


def assemble(stories: Sequence[Story], parts: Sequence[Part]) -> tuple[list[Finding], tuple[Slot, ...]]:
    """The findings and slots of each story's comparison (in story order) as one result: slot
    ids numbered on across stories and each slot named after its story."""
    findings: list[Finding] = []
    slots: list[Slot] = []
    for story, (part_findings, part_slots) in zip(stories, parts, strict=True):
        findings.extend(part_findings)
        base = len(slots)
        slots.extend(replace(s, id=base + k, story=story.label) for k, s in enumerate(part_slots))
    return findings, tuple(slots)


def compare_groups(
    compare_fn: Callable[..., Comparison], groups: Sequence[Group], settings: Settings
) -> list[Part]:
    """Findings and slots of each group (a story's documents and facts) compared on its own."""
    out: list[Part] = []
    for story_docs, story_facts in groups:
        part = compare_fn(story_docs, story_facts, settings)
        out.append((tuple(part.findings), tuple(part.slots)))
    return out


def _compare_in_pool(groups: Sequence[Group], settings: Settings) -> list[Part]:
    """`_compare_groups` in the shared worker pool, stories cut into chunks of about equal text."""
    sizes = [sum(len(d.text) for d in g[0]) for g in groups]
    chunks = balanced_chunks(sizes, settings.jobs * CHUNKS_PER_WORKER)
    pool = shared_pool(settings.jobs)
    try:
        # `compare` is looked up here, not in the worker, so a replaced comparison is the one used.
        futures = [pool.submit(compare_groups, compare, [groups[i] for i in idx], settings)
                   for idx in chunks]
        return [part for future in futures for part in future.result()]
    except BrokenProcessPool:
        discard_pool(settings.jobs)
        raise


ENGINES = ("local", "dask")


def run_with(
    docs: Sequence[Document], settings: Settings, engine: str = "local", scheduler: str | None = None,
    output_dir: str | Path | None = None,
) -> AuditResult:
    """`run` on the chosen engine: ``local`` (this process and its ``jobs`` workers) or ``dask``
    (``scheduler`` address or Dask's current scheduler; ``output_dir`` for Parquet findings)."""
    if engine not in ENGINES:
        raise ValueError(f"engine: expected one of {', '.join(ENGINES)}, got {engine!r}")
    if engine == "local":
        if scheduler is not None or output_dir is not None:
            raise ValueError("scheduler and output_dir need engine='dask'")
        return run(docs, settings)
    from .engines.dask_engine import run_dask

    return run_dask(docs, settings, scheduler=scheduler, output_dir=output_dir)


def audit(
    *sources: Source | Iterable[Source], published: Mapping[str, str | When] | None = None,
    engine: str = "local", scheduler: str | None = None, output_dir: str | Path | None = None,
    **options: Any,
) -> pd.DataFrame:
    """Audit documents for facts that disagree; returns the findings table.

    A source is a path (file or folder), a `Document`, a mapping of document id to text, or
    an iterable of those. ``published`` maps document ids to publication dates
    (``"2020-01-08"``, ``"2020-01-08T19:17+05:30"``). Other keyword options are `Settings`
    fields. Arguments of the wrong type or value raise `TypeError` / `ValueError` at once.

    ``engine="dask"`` extracts and compares on a Dask cluster (the scheduler at address
    ``scheduler``, else Dask's current one) with the same findings; with ``output_dir`` the
    findings are written there as Parquet files and the table returned is empty.
    """
    settings = Settings().with_options(**options)
    if engine not in ENGINES:
        raise ValueError(f"engine: expected one of {', '.join(ENGINES)}, got {engine!r}")
    docs = collect(sources, published)
    return run_with(docs, settings, engine, scheduler, output_dir).frame()


def slots(
    *sources: Source, published: Mapping[str, str | When] | None = None, **options: Any
) -> pd.DataFrame:
    """The slots table: every group of facts that speak of one thing, with its values.

    One row per distinct value of a slot, with the columns of `SLOT_COLUMNS`: ``story``,
    ``slot`` (id), ``family``, ``subject``, ``status`` (``agree``, ``conflict`` or
    ``update``), ``value``, ``sources`` (how many documents give it), ``docs``,
    ``published`` (their publication dates) and ``text`` (the first mention).

    >>> table = slots({"a": "Officials said 40 homes were flooded.", "b": "55 homes were flooded."})
    >>> table[["subject", "status", "value", "docs"]].values.tolist()
    [['home', 'conflict', '40', 'a'], ['home', 'conflict', '55', 'b']]
    """
    settings = Settings().with_options(**options)
    docs = collect(sources, published)
    return run(docs, settings).slots_frame()


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
