"""The Dask engine: extraction, corpus passes and per-story comparison on a Dask cluster.

The audit's heavy steps are pure functions of one document or of one story, so they map onto
a cluster, and the facts stay on the workers from extraction to comparison:

1. documents as a ``dask.bag`` whose partitions hold about equal text; each partition is
   extracted on a worker and kept there (``persist``);
2. each extractor's corpus pass (`CorpusPass`) runs in its three steps: every document's small
   summary comes back, they are combined here, and the result goes out to the workers, which
   apply it to their facts;
3. each document's story terms (`story_terms`: its people, places and full dates, a few dozen
   strings) come back and `group_by_terms` makes the stories here;
4. the facts are shuffled so that the documents of a story meet on one worker (``groupby`` on
   a chunk of stories of about equal text), and each chunk is compared there. With
   ``output_dir`` each chunk writes its findings to a Parquet file of its own and sends back
   only its slots, and the facts are never gathered, so neither has to fit in this process.

The result is the one `discrepancy.run` gives: the same facts, stories, findings and slots
(with ``output_dir``, no findings and no facts). ``scheduler`` is the address of a running
Dask scheduler (``tcp://10.0.0.5:8786``); without it the computation goes to Dask's current
scheduler (a ``distributed.Client`` made earlier in this process, else Dask's local default).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .. import compare as compare_mod
from ..audit import AuditResult, Group, Part, assemble, compare_groups
from ..document import Document
from ..extract import extract_document
from ..extractors import EXTRACTORS
from ..facts import Fact
from ..findings import to_frame
from ..pool import balanced_chunks, few_collections
from ..settings import Settings
from ..stories import group_by_terms, story_terms

# Text per partition: large enough that scheduling costs little next to extraction (about a
# second of work per partition), small enough to spread a corpus over many workers.
PARTITION_CHARS = 500_000
# At least this many partitions, so a small corpus still reaches every worker of a small cluster.
MIN_PARTITIONS = 8
# Findings part files written under ``output_dir``.
PART_GLOB = "findings-*.parquet"


def _dask() -> Any:
    try:
        import dask
        import dask.bag
    except ImportError:
        raise ValueError(
            "engine 'dask' needs Dask: pip install 'discrepancy[dask]'"
        ) from None
    return dask


@contextlib.contextmanager
def _client(scheduler: str | None) -> Iterator[Any]:
    """A client of the scheduler at ``scheduler``; without one, None to use Dask's current
    scheduler (a client made earlier, or one set in Dask's configuration), else a client of a
    local cluster started for this audit."""
    if scheduler is None:
        with _local_client() as client:
            yield client
        return
    try:
        from distributed import Client
    except ImportError:
        raise ValueError(
            "a Dask scheduler address needs distributed: pip install 'discrepancy[dask]'"
        ) from None
    try:
        client = Client(scheduler, timeout="20s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ValueError(f"cannot reach the Dask scheduler at {scheduler!r}: {exc}") from None
    try:
        yield client
    finally:
        client.close()


@contextlib.contextmanager
def _local_client() -> Iterator[Any]:
    try:
        from distributed import Client, LocalCluster, get_client
    except ImportError:
        yield None  # plain Dask: its default scheduler
        return
    if _dask().config.get("scheduler", None) is not None:
        yield None  # the scheduler the program chose
        return
    try:
        get_client()
        yield None  # a client made earlier in this program, which Dask uses
        return
    except ValueError:
        pass
    # Dask's default for bags starts new worker processes for every computation, and the audit
    # computes in several steps (extraction, corpus passes, story terms, comparison): worker
    # processes that live as long as the audit import the package and compile its patterns once.
    with LocalCluster(n_workers=os.cpu_count() or 1, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=logging.ERROR) as cluster, \
            Client(cluster, set_as_default=False) as client:
        yield client


def _compute(client: Any, *collections: Any) -> tuple[Any, ...]:
    dask = _dask()
    if client is None:
        return tuple(dask.compute(*collections))
    return tuple(client.gather(client.compute(list(collections))))


def _persist(client: Any, bag: Any) -> Any:
    """``bag`` computed and kept where it was computed (the workers' memory)."""
    return bag.persist() if client is None else client.persist(bag)


def _share(value: Any) -> Any:
    """``value`` as one task of the graph: sent to each worker that needs it once, not once
    per partition."""
    return _dask().delayed(value, traverse=False)


def _n_chunks(sizes: Sequence[int]) -> int:
    return max(MIN_PARTITIONS, sum(sizes) // PARTITION_CHARS)


# What travels through the bag: a document's index in the input, the document and its facts.
Item = tuple[int, Document, list[Fact]]


def _extract_part(part: Sequence[tuple[int, Document]], settings: Settings) -> list[Item]:
    with few_collections():  # as in-process audits do (see `discrepancy.pool`)
        return [(i, doc, extract_document(doc, settings)) for i, doc in part]


def _summarize_part(part: Sequence[Item], k: int, settings: Settings) -> list[tuple[int, Any]]:
    """Each document's summary for the corpus pass of extractor ``k`` (with its index)."""
    corpus = EXTRACTORS[k].corpus
    assert corpus is not None
    return [(i, corpus.summarize(doc, facts, settings)) for i, doc, facts in part]


def _apply_part(part: Sequence[Item], k: int, combined: Any, settings: Settings) -> list[Item]:
    corpus = EXTRACTORS[k].corpus
    assert corpus is not None
    return [(i, doc, corpus.apply(doc, facts, combined, settings)) for i, doc, facts in part]


def _terms_part(part: Sequence[Item]) -> list[tuple[int, tuple[tuple[str, str], ...]]]:
    return [(i, story_terms(facts)) for i, _, facts in part]


def _facts_part(part: Sequence[Item]) -> list[tuple[int, list[Fact]]]:
    return [(i, facts) for i, _, facts in part]


def _keyed_part(part: Sequence[Item], story_of: Sequence[int], chunk_of: Sequence[int]
                ) -> list[tuple[int, tuple[int, Item]]]:
    """Each item under the chunk of stories its document belongs to, with its story."""
    return [(chunk_of[story_of[item[0]]], (story_of[item[0]], item)) for item in part]


def _first(pair: tuple[int, Any]) -> int:
    return pair[0]


def _index(item: Item) -> int:
    return item[0]


def _compare_chunk(group: tuple[int, Sequence[tuple[int, tuple[int, Item]]]], settings: Settings,
                   output_dir: str | None) -> list[tuple[int, Part]]:
    """Compare the stories of one chunk (on a worker), each story's documents in input order;
    with ``output_dir`` their findings go to a file there and only the slots come back."""
    chunk, keyed = group
    by_story: dict[int, list[Item]] = {}
    for _, (story, item) in keyed:
        by_story.setdefault(story, []).append(item)
    order = sorted(by_story)
    groups: list[Group] = []
    for story in order:
        items = sorted(by_story[story], key=_index)
        groups.append(([doc for _, doc, _ in items], [tuple(facts) for _, _, facts in items]))
    with few_collections():
        parts = compare_groups(compare_mod.compare, groups, settings)
    if output_dir is not None:
        findings = [f for found, _ in parts for f in found]
        if findings:
            to_frame(findings).to_parquet(Path(output_dir) / f"findings-{chunk:05d}.parquet", index=False)
        parts = [((), slots) for _, slots in parts]
    return list(zip(order, parts, strict=True))


def _check_output_dir(output_dir: str | Path | None) -> str | None:
    """The folder as a string, made if missing; never one that already holds findings parts."""
    if output_dir is None:
        return None
    if not isinstance(output_dir, (str, Path)):
        raise TypeError(f"output_dir must be a path, not {type(output_dir).__name__}")
    path = Path(output_dir)
    if path.exists() and not path.is_dir():
        raise ValueError(f"output_dir {str(path)!r} is not a folder")
    if path.is_dir() and any(path.glob(PART_GLOB)):
        raise ValueError(f"output_dir {str(path)!r} already holds findings files: give an empty folder")
    path.mkdir(parents=True, exist_ok=True)
    return str(path.resolve())


def run_dask(
    docs: Sequence[Document],
    settings: Settings | None = None,
    scheduler: str | None = None,
    output_dir: str | Path | None = None,
) -> AuditResult:
    """`discrepancy.run` on Dask. With ``output_dir`` the findings are written there as Parquet
    files (``findings-00000.parquet``, ...; each sorted, together the findings table) and the
    result holds none."""
    settings = Settings() if settings is None else settings
    if not isinstance(settings, Settings):
        raise TypeError(f"settings must be a Settings, not {type(settings).__name__}")
    if scheduler is not None and (not isinstance(scheduler, str) or not scheduler.strip()):
        raise TypeError(f"scheduler must be an address string such as 'tcp://host:8786', not {scheduler!r}")
    docs = list(docs)
    for d in docs:
        if not isinstance(d, Document):
            raise TypeError(f"run_dask() takes loaded Documents, not {type(d).__name__}")
    out = _check_output_dir(output_dir)
    dask = _dask()
    if not docs:
        return AuditResult((), (), (), (), ())
    with _client(scheduler) as client:
        sizes = [len(d.text) for d in docs]
        chunks = balanced_chunks(sizes, _n_chunks(sizes))
        # One partition per chunk; traverse=False keeps each list as it is (Dask would
        # otherwise rebuild every dataclass in it).
        partitions = [dask.delayed([(i, docs[i]) for i in idx], traverse=False) for idx in chunks]
        bag = _persist(client, dask.bag.from_delayed(partitions).map_partitions(_extract_part, settings))
        for k, extractor in enumerate(EXTRACTORS):
            if extractor.corpus is None:
                continue
            (summaries,) = _compute(client, bag.map_partitions(_summarize_part, k, settings))
            combined = extractor.corpus.combine([s for _, s in sorted(summaries, key=_first)], settings)
            bag = _persist(client, bag.map_partitions(_apply_part, k, _share(combined), settings))
        (terms,) = _compute(client, bag.map_partitions(_terms_part))
        stories = group_by_terms(docs, [t for _, t in sorted(terms, key=_first)], settings.group_by)

        # Stories cut into chunks of about equal text; the documents of a chunk meet on one worker.
        index = {doc.id: i for i, doc in enumerate(docs)}
        story_of = [0] * len(docs)
        for k, story in enumerate(stories):
            for doc_id in story.documents:
                story_of[index[doc_id]] = k
        story_sizes = [sum(sizes[index[d]] for d in story.documents) for story in stories]
        chunk_of = [0] * len(stories)
        story_chunks = balanced_chunks(story_sizes, _n_chunks(sizes))
        for c, members in enumerate(story_chunks):
            for k in members:
                chunk_of[k] = c
        keyed = bag.map_partitions(_keyed_part, _share(story_of), _share(chunk_of))
        grouped = keyed.groupby(_first, npartitions=len(story_chunks), shuffle="tasks")
        compared = grouped.map(_compare_chunk, settings, out)
        if out is None:
            (parts, facts) = _compute(client, compared, bag.map_partitions(_facts_part))
            per_doc = [f for _, f in sorted(facts, key=_first)]
        else:
            (parts,) = _compute(client, compared)
            per_doc = [[] for _ in docs]
    by_story = dict(part for chunk in parts for part in chunk)
    findings, slots = assemble(stories, [by_story[k] for k in range(len(stories))])
    return AuditResult(tuple(docs), tuple(tuple(f) for f in per_doc), tuple(findings), slots, stories)
