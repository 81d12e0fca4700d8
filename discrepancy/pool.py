"""One process pool per worker count, kept for the life of the process, and work split by bytes.

Starting worker processes costs more than extracting a small corpus, so a pool made per call
made ``--jobs 2`` slower than one job on small runs; `shared_pool` makes a pool once and
reuses it (it is shut down at exit). Documents vary in length by orders of magnitude, so work
is cut into chunks of about equal text (`balanced_chunks`) rather than equal counts.

>>> balanced_chunks([5, 1, 1, 1, 1, 1], 2)
[[0], [1, 2, 3, 4, 5]]
>>> balanced_chunks([], 4), balanced_chunks([3, 3], 8)
([], [[0], [1]])
"""

from __future__ import annotations

import atexit
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

# Chunks per worker: more than one, so a worker that draws the long documents does not keep the
# others waiting at the end; few, so each chunk's pickling cost is spread over many documents.
CHUNKS_PER_WORKER = 4

_POOLS: dict[int, ProcessPoolExecutor] = {}


def shared_pool(jobs: int) -> ProcessPoolExecutor:
    """The process pool of ``jobs`` workers, made on first use."""
    pool = _POOLS.get(jobs)
    if pool is None:
        pool = _POOLS[jobs] = ProcessPoolExecutor(max_workers=jobs)
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
