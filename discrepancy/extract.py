"""Run the extractors over documents and resolve overlapping spans.

Extraction is a pure function of one document and the settings (`extract_document`), so
it maps onto a process pool (`extract_corpus` with ``jobs > 1``) or a Dask/Spark ``map``.

Overlap rule: extractors run in the order of `discrepancy.extractors.EXTRACTORS`. A fact
whose span overlaps a fact kept from an *earlier* extractor is dropped, so the ``2020``
inside a date and the ``5:30`` of a clock time never become counts (dates run first).
Facts from one extractor are never filtered against each other: each extractor resolves
its own overlaps (longest match first, then earliest) and may deliberately emit two facts
over one span (a person mention and the role-holder fact it makes).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from concurrent.futures.process import BrokenProcessPool

import pandas as pd

from .document import Document
from .extractors import EXTRACTORS
from .facts import Amount, Fact
from .findings import python_strings
from .pool import CHUNKS_PER_WORKER, balanced_chunks, discard_pool, shared_pool
from .settings import Settings

FACT_COLUMNS = (
    "doc", "kind", "subject", "text", "value", "low", "high", "unit",
    "start", "end", "line", "col", "sentence", "rule",
    # the frame alignment reads (discrepancy.frames): what the fact is about
    "predicate", "outcome", "group", "part", "scope", "other_event", "measure",
)


class _Claimed:
    """Sorted, non-overlapping-agnostic list of claimed spans with an overlap test."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        # Any claimed span starting before `end` whose end is after `start` overlaps. Spans are
        # short and few per position, so scanning back while ends could reach is cheap.
        for j in range(i - 1, max(-1, i - 64), -1):
            if self.ends[j] > start and self.starts[j] < end:
                return True
        return False

    def add(self, start: int, end: int) -> None:
        i = bisect.bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)


def _order(f: Fact) -> tuple[int, int, str, str]:
    return (f.start, f.end, f.kind, f.rule)


def extract_document(doc: Document, settings: Settings | None = None) -> list[Fact]:
    """All facts of one document, in span order, after the overlap rule."""
    settings = settings or Settings()
    claimed = _Claimed()
    kept: list[Fact] = []
    for extractor in EXTRACTORS:
        mine = sorted(extractor.run(doc, settings), key=_order)
        accepted = [f for f in mine if f.start == f.end or not claimed.overlaps(f.start, f.end)]
        for f in accepted:
            claimed.add(f.start, f.end)
        kept.extend(accepted)
    return sorted(kept, key=_order)


def extract_chunk(docs: Sequence[Document], settings: Settings) -> list[list[Fact]]:
    """`extract_document` over some documents: the unit of work a worker is given."""
    return [extract_document(d, settings) for d in docs]


Progress = Callable[[int, int, str], None]


def extract_corpus(
    docs: Sequence[Document], settings: Settings | None = None, progress: Progress | None = None
) -> list[list[Fact]]:
    """Facts per document (same order as ``docs``), then the extractors' corpus passes.

    ``progress(done, total, doc_id)`` is called after each document is extracted.
    """
    settings = settings or Settings()
    per_doc: list[list[Fact]] = []
    total = len(docs)
    if settings.jobs > 1 and total > 1:
        chunks = balanced_chunks([len(d.text) for d in docs], settings.jobs * CHUNKS_PER_WORKER)
        pool = shared_pool(settings.jobs)
        try:
            futures = [pool.submit(extract_chunk, [docs[i] for i in idx], settings) for idx in chunks]
            for idx, future in zip(chunks, futures, strict=True):
                per_doc.extend(future.result())
                if progress:
                    for i in idx:
                        progress(i + 1, total, docs[i].id)
        except BrokenProcessPool:
            discard_pool(settings.jobs)
            raise
    else:
        for i, doc in enumerate(docs):
            per_doc.append(extract_document(doc, settings))
            if progress:
                progress(i + 1, total, doc.id)
    return corpus_passes(docs, per_doc, settings)


def corpus_passes(
    docs: Sequence[Document], per_doc: list[list[Fact]], settings: Settings
) -> list[list[Fact]]:
    """The extractors' corpus passes over the facts of every document (`Extractor.corpus`), in
    this process; an engine that keeps the facts on its workers runs the steps of each
    `CorpusPass` there (see `discrepancy.engines.dask_engine`)."""

    for extractor in EXTRACTORS:
        if extractor.corpus is not None:
            per_doc = extractor.corpus(docs, per_doc, settings)
    return per_doc


def _frame_columns(f: Fact) -> tuple[object, ...]:
    """The frame of a fact as table cells: predicate class, outcome, nationality group, part,
    scope countries, another event's ordinal and the measure ("depth", "length of ship",
    "distance from marrakech")."""
    from .frames import FAMILIES, features

    if f.kind not in FAMILIES or f.kind in ("person", "place", "role"):
        return ("", "", "", False, "", "", "")
    ft = features(f)
    measure = ft.prop
    if measure and ft.entity:
        measure += f" of {ft.entity}"
    if measure and ft.reference:
        measure += f" from {ft.reference}"
    return (ft.predicate, ft.outcome, " ".join(sorted(ft.groups)), ft.part, " ".join(sorted(ft.scope)),
            ft.other_event, measure)


def facts_frame(docs: Sequence[Document], per_doc: Sequence[Sequence[Fact]]) -> pd.DataFrame:
    """The facts table, with `FACT_COLUMNS` even when empty."""
    # Rows as tuples in `FACT_COLUMNS` order: a dict per row costs more than the table itself.
    rows: list[tuple[object, ...]] = []
    for doc, facts in zip(docs, per_doc, strict=True):
        for f in facts:
            line, col = doc.line_col(f.start)
            v = f.value
            low = high = None
            unit = ""
            if isinstance(v, Amount):
                low, high, unit = float(v.low), float(v.high), v.unit
            rows.append((f.doc, f.kind, str(f.subject), f.surface, v.render(), low, high, unit,
                         f.start, f.end, line, col, f.sentence, f.rule, *_frame_columns(f)))
    with python_strings():
        return pd.DataFrame(rows, columns=list(FACT_COLUMNS))
