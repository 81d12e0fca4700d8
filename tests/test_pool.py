"""Worker processes (``jobs > 1``) change where the work runs, never what it finds."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import discrepancy
from discrepancy import LoadError, Settings, load_documents
from discrepancy.audit import collect, run
from discrepancy.pool import balanced_chunks

ROOT = Path(__file__).resolve().parents[1]


def test_jobs_give_the_same_result() -> None:
    docs = load_documents(ROOT / "seeds", ROOT / "tests" / "corpora")
    one = run(docs, Settings())
    assert len(one.stories) > 1  # the per-story comparisons go to the workers too
    for _ in range(2):  # the second call reuses the pool of the first
        two = run(docs, Settings(jobs=2))
        assert two.facts == one.facts and two.stories == one.stories
        assert two.findings == one.findings and two.slots == one.slots
    pd.testing.assert_frame_equal(two.frame(), one.frame())


@pytest.mark.parametrize(("sizes", "n"), [
    pytest.param([1] * 10, 3, id="even"),
    pytest.param([100, 1, 1, 1, 100, 1], 3, id="uneven"),
    pytest.param([0, 0, 0], 2, id="empty-texts"),
    pytest.param([7], 5, id="more-chunks-than-items"),
])
def test_balanced_chunks_cover_in_order(sizes: list[int], n: int) -> None:
    chunks = balanced_chunks(sizes, n)
    assert [i for c in chunks for i in c] == list(range(len(sizes)))
    assert all(chunks)
    # A chunk of several items overshoots its share by at most half an item.
    share = sum(sizes) / n
    assert all(len(c) == 1 or sum(sizes[i] for i in c) <= share + max(sizes) / 2 for c in chunks)
    assert len(chunks) <= max(1, n) + 1


def test_duplicate_ids_named_once() -> None:
    docs = [discrepancy.Document("b", "x"), discrepancy.Document("a", "y"), discrepancy.Document("b", "z"),
            discrepancy.Document("a", "w"), discrepancy.Document("c", "v")]
    with pytest.raises(LoadError, match=r"duplicate document id\(s\): a, b$"):
        collect(docs)


def test_audit_collects_less_often_and_restores_the_caller_threshold() -> None:
    import gc

    from discrepancy.document import Document
    from discrepancy.pool import AUDIT_GC_THRESHOLD

    seen: list[int] = []
    before = gc.get_threshold()
    gc.set_threshold(900, 11, 12)  # the caller's own setting, below the audit's
    try:
        docs = [
            Document("a.txt", "Officials said 40 people died."),
            Document("b.txt", "Officials said 45 people died."),
        ]
        run(docs, progress=lambda done, total, doc_id: seen.append(gc.get_threshold()[0]))
        after = gc.get_threshold()
    finally:
        gc.set_threshold(*before)
    assert seen and all(t == AUDIT_GC_THRESHOLD for t in seen)
    assert after == (900, 11, 12)
