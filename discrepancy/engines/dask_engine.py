"""The Dask engine: extraction and per-story comparison on a Dask cluster.

The audit's two heavy steps are pure functions of their input, so they map onto a cluster:

1. documents as a ``dask.bag`` whose partitions hold about equal text; each partition is
   extracted by `extract_chunk` on a worker;
2. the facts come back; the extractors' corpus passes and `group_stories` run here (they read
   every document's facts, and are cheap next to extraction);
3. stories, cut into chunks of about equal text, are compared on the workers
   (`compare_groups`); with ``output_dir`` each chunk writes its findings to a Parquet file of
   its own there and sends back only its slots, so findings never have to fit in this process.

The result is the one `discrepancy.run` gives: the same facts, stories, findings and slots.
``scheduler`` is the address of a running Dask scheduler (``tcp://10.0.0.5:8786``); without
it the computation goes to Dask's current scheduler (a ``distributed.Client`` made earlier in
this process, else Dask's local default).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .. import compare as compare_mod
from ..audit import AuditResult, Group, Part, _compare_stories, compare_groups
from ..document import Document
from ..extract import corpus_passes, extract_chunk
from ..facts import Fact
from ..findings import to_frame
from ..pool import balanced_chunks
from ..settings import Settings
from ..stories import group_stories

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
    """A client of the scheduler at ``scheduler``, or None to use Dask's current scheduler."""
    if scheduler is None:
        yield None
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


def _compute(client: Any, *collections: Any) -> tuple[Any, ...]:
    dask = _dask()
    if client is None:
        return tuple(dask.compute(*collections))
    return tuple(client.gather(client.compute(list(collections))))


def _n_chunks(sizes: Sequence[int]) -> int:
    return max(MIN_PARTITIONS, sum(sizes) // PARTITION_CHARS)


def _compare_chunk(
    groups: Sequence[Group], settings: Settings, part: int, output_dir: str | None
) -> list[Part]:
    """Compare some stories (on a worker); with ``output_dir`` their findings go to a file there."""
    parts = compare_groups(compare_mod.compare, groups, settings)
    if output_dir is None:
        return parts
    findings = [f for found, _ in parts for f in found]
    if findings:
        to_frame(findings).to_parquet(Path(output_dir) / f"findings-{part:05d}.parquet", index=False)
    return [((), slots) for _, slots in parts]


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
    with _client(scheduler) as client:
        sizes = [len(d.text) for d in docs]
        chunks = balanced_chunks(sizes, _n_chunks(sizes))
        # The documents as a bag, one partition per chunk; traverse=False keeps each list of
        # documents as it is (Dask would otherwise rebuild every dataclass in it).
        partitions = [dask.delayed([docs[i] for i in idx], traverse=False) for idx in chunks]
        bag = dask.bag.from_delayed(partitions).map_partitions(extract_chunk, settings)
        (extracted,) = _compute(client, bag) if docs else ([],)
        per_doc: list[list[Fact]] = corpus_passes(docs, list(extracted), settings)
        stories = group_stories(docs, per_doc, settings.group_by)

        def execute(groups: Sequence[Group], settings: Settings) -> list[Part]:
            story_chunks = balanced_chunks([sum(len(d.text) for d in g[0]) for g in groups], _n_chunks(sizes))
            compare_task = dask.delayed(_compare_chunk, pure=False)
            tasks = [
                compare_task(dask.delayed([groups[i] for i in idx], traverse=False), settings, k, out)
                for k, idx in enumerate(story_chunks)
            ]
            return [part for chunk in _compute(client, *tasks) for part in chunk]

        findings, slots = _compare_stories(docs, per_doc, stories, settings, execute=execute)
    return AuditResult(tuple(docs), tuple(tuple(f) for f in per_doc), tuple(findings), slots, stories)
