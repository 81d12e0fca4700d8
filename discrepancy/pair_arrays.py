"""The pairs of a large alignment block as arrays.

A block of a large story holds hundreds of facts and, through its window, hundreds of
thousands of candidate pairs, most of which repeat a few distinct pairs of feature records
(one figure repeated by many reports). `discrepancy.align` and `discrepancy.compare` walk a
small block pair by pair; for a large one these functions do the same walk on arrays: the
candidates, the sentence filter, the scores and the rule's screen are computed per distinct
pair of records or readings and spread to the pairs, in the order the loops would visit them,
so the result is the same pairs in the same order with the same scores.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

import numpy as np
import numpy.typing as npt

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


def candidates(n: int, reach: int, start: int = 0, stop: int | None = None) -> tuple[Ints, Ints]:
    """The candidate pairs ``i < j < i + 1 + reach`` of ``n`` facts, in (i, then j) order,
    for ``start <= i < stop``.

    >>> [p.tolist() for p in candidates(4, 2)]
    [[0, 0, 1, 1, 2], [1, 2, 2, 3, 3]]
    >>> [p.tolist() for p in candidates(4, 3, 1, 3)]
    [[1, 1, 2], [2, 3, 3]]
    """
    stop = n if stop is None else stop
    if reach >= n - 1 and (start, stop) == (0, n):
        first, second = np.triu_indices(n, 1)  # row by row: the loop's order
        return first.astype(np.int64), second.astype(np.int64)
    rows = np.arange(start, stop, dtype=np.int64)[:, None]
    band = rows + np.arange(1, reach + 1, dtype=np.int64)[None, :]
    inside = band < n
    return np.broadcast_to(rows, band.shape)[inside], band[inside]


def aligned_pairs(
    first: Ints,
    second: Ints,
    nums: list[int],
    distinct: int,
    scores: dict[int, float],
    score_of: Callable[[int], float],
    threshold: float,
) -> tuple[Ints, Ints, Floats]:
    """The candidates whose score reaches ``threshold``: ``(first, second, score)``.

    A pair's score is that of its two feature records, numbered ``nums``; each distinct pair
    of records is scored once (``scores``, by ``num_a * distinct + num_b``, filled as needed).
    """
    num = np.array(nums, dtype=np.int64)
    keys, where = np.unique(num[first] * distinct + num[second], return_inverse=True)
    values = []
    for key in keys.tolist():
        s = scores.get(key)
        if s is None:
            s = scores[key] = score_of(key)
        values.append(s)
    value = np.array(values, dtype=np.float64)[where.reshape(-1)]
    aligned = value >= threshold
    return first[aligned], second[aligned], value[aligned]


def codes(values: list[Hashable]) -> Ints:
    """Equal values, equal numbers (in order of first appearance)."""
    seen: dict[Hashable, int] = {}
    return np.array([seen.setdefault(v, len(seen)) for v in values], dtype=np.int64)


def first_appearances(first: Ints, second: Ints) -> list[int]:
    """The positions named by the pairs, in the order a walk over them meets them (the first
    fact of a pair, then the second).

    >>> first_appearances(np.array([0, 0, 2]), np.array([3, 1, 3]))
    [0, 3, 1, 2]
    """
    walk = np.empty(2 * len(first), dtype=np.int64)
    walk[0::2], walk[1::2] = first, second
    members, at = np.unique(walk, return_index=True)
    return members[np.argsort(at, kind="stable")].tolist()  # type: ignore[no-any-return]


def run_starts(first: Ints) -> list[int]:
    """Where a run of pairs with one first fact starts.

    >>> run_starts(np.array([0, 0, 1, 1, 1, 4]))
    [0, 2, 5]
    """
    if not len(first):
        return []
    return [0, *(np.flatnonzero(first[1:] != first[:-1]) + 1).tolist()]


def screened(
    first: Ints,
    second: Ints,
    readings: Ints,
    docs: Ints,
    verdict: Callable[[bool, int, int], Any],
) -> tuple[npt.NDArray[np.bool_], list[Any]]:
    """Which pairs a rule's screen lets through, and their verdicts: ``verdict(within one
    document, reading a, reading b)`` is asked once per distinct triple and spread to the
    pairs."""
    within = (docs[first] == docs[second]).astype(np.int64)
    keys, where = np.unique((readings[first] << 32 | readings[second]) * 2 + within, return_inverse=True)
    where = where.reshape(-1)
    found = [verdict(bool(k & 1), (k >> 1) >> 32, (k >> 1) & 0xFFFFFFFF) for k in keys.tolist()]
    keep = np.array([bool(v) for v in found], dtype=bool)[where]
    return keep, [found[w] for w in where[keep].tolist()]
