"""How audits use the machine: one process pool per worker count, kept for the life of the
process, work split by bytes, and fewer garbage collections while an audit runs.

Starting worker processes costs more than extracting a small corpus, so a pool made per call
made ``--jobs 2`` slower than one job on small runs; `shared_pool` makes a pool once and
reuses it (it is shut down at exit). Documents vary in length by orders of magnitude, so work
is cut into chunks of about equal text (`balanced_chunks`) rather than equal counts.

>>> balanced_chunks([5, 1, 1, 1, 1, 1], 2)
[[0], [1, 2, 3, 4, 5]]
>>> balanced_chunks([], 4), balanced_chunks([3, 3], 8)
([], [[0], [1]])

An audit makes hundreds of thousands of small records (facts, values, features) that live
until it ends and hold few reference cycles. With Python's default threshold a collection of
the youngest generation runs every 700 allocations and each older collection walks every
record kept so far: about 7% of the CPU time of a 10,000-document audit. `few_collections`
raises the first threshold for the length of an audit and puts the old one back; the worker
processes of `shared_pool` keep the raised threshold. Peak memory is unchanged, as the records
are kept anyway.

>>> import gc
>>> before = gc.get_threshold()
>>> with few_collections():
...     gc.get_threshold()[0] >= 700
True
>>> gc.get_threshold() == before
True
"""

from __future__ import annotations

import atexit
import gc
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager

# Chunks per worker: more than one, so a worker that draws the long documents does not keep the
# others waiting at the end; few, so each chunk's pickling cost is spread over many documents.
CHUNKS_PER_WORKER = 4

# Allocations between collections of the youngest generation during an audit (Python's
# default is 700): measured on the 10,000-document benchmark, 50,000 removes most of the
# collections' cost; the older generations keep their default ratios.
AUDIT_GC_THRESHOLD = 50_000

_POOLS: dict[int, ProcessPoolExecutor] = {}


@contextmanager
def few_collections() -> Iterator[None]:
    """Run the block with the youngest generation collected every `AUDIT_GC_THRESHOLD`
    allocations at most, then restore the thresholds the caller had."""
    before = _raise_threshold()
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _raise_threshold() -> tuple[int, int, int]:
    """Raise the youngest generation's threshold to `AUDIT_GC_THRESHOLD` (never lower it);
    return the thresholds that were set before."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], AUDIT_GC_THRESHOLD), *before[1:])
    return before


def _worker_start() -> None:
    """A worker process only runs audits: it keeps the raised threshold for its life."""
    _raise_threshold()


def shared_pool(jobs: int) -> ProcessPoolExecutor:
    """The process pool of ``jobs`` workers, made on first use."""
    pool = _POOLS.get(jobs)
    if pool is None:
        pool = _POOLS[jobs] = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_start)
    return pool


def discard_pool(jobs: int) -> None:
    """Forget a pool that failed (a worker died), so the next call starts a fresh one."""
    pool = _POOLS.pop(jobs, None)
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


@atexit.register
def _shutdown() -> None:
    for jobs in list(_POOLS):
        _POOLS.pop(jobs).shutdown(wait=True)


def balanced_chunks(sizes: Sequence[int], n_chunks: int) -> list[list[int]]:
    """Consecutive runs of indexes into ``sizes``, each close to ``sum(sizes) / n_chunks``.

    Runs keep input order (results are joined back in order); none is empty.
    """
    total = sum(sizes)
    if not sizes:
        return []
    target = max(1, total / max(1, n_chunks))
    chunks: list[list[int]] = [[]]
    filled = 0
    for i, size in enumerate(sizes):
        if chunks[-1] and filled + size / 2 > target:
            chunks.append([])
            filled = 0
        chunks[-1].append(i)
        filled += size
    return chunks
