"""Properties of the whole extraction step (all extractors together, after the overlap rule)."""

from __future__ import annotations

import pickle
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from discrepancy.document import Document
from discrepancy.extract import extract_document
from discrepancy.extractors import EXTRACTORS
from discrepancy.facts import When

ROOT = Path(__file__).resolve().parents[1]
# Words and punctuation of real news text, so generated strings reach deep into the patterns.
VOCAB = sorted({w for p in (ROOT / "seeds").glob("*.txt") for w in p.read_text(encoding="utf-8").split()})
PIECES = st.one_of(
    st.sampled_from(VOCAB),
    st.sampled_from(["5,000", "1/35", "a dozen", "more than", "5:30 p.m.", "(EST)", "on Friday",
                     "Mr", "Gen", "100 km", "$4.2bn", "12%", "\n", ".", ",", "-", "’s", "\u00a0"]),
    st.text(max_size=6),
)
TEXTS = st.lists(PIECES, max_size=60).map(" ".join)
DATELINES = st.one_of(st.none(), st.dates().map(lambda d: When(year=d.year, month=d.month, day=d.day)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, published=DATELINES)
def test_spans_are_exact_sorted_and_never_raise(text: str, published: When | None) -> None:
    doc = Document(id="d", text=text, published=published)
    facts = extract_document(doc)
    for f in facts:
        assert text[f.start : f.end] == f.surface
        assert f.doc == "d" and f.rule
    assert facts == sorted(facts, key=lambda f: (f.start, f.end, f.kind, f.rule))
    # Deterministic and picklable: what a process pool needs.
    assert extract_document(doc) == facts
    assert pickle.loads(pickle.dumps(facts)) == facts


@settings(max_examples=60, deadline=None)
@given(text=TEXTS)
def test_later_extractors_never_overlap_earlier_ones(text: str) -> None:
    doc = Document(id="d", text=text)
    facts = extract_document(doc)
    order = {e.name: i for i, e in enumerate(EXTRACTORS)}
    owner = {f: order[f.rule.split(".")[0]] for f in facts if f.rule.split(".")[0] in order}
    for a in owner:
        for b in owner:
            if owner[a] < owner[b] and a.start < b.end and b.start < a.end and a.start != a.end:
                raise AssertionError(f"{b.surface!r} ({b.rule}) overlaps {a.surface!r} ({a.rule})")


def test_one_sentence_with_thousands_of_amounts_completes() -> None:
    # Work per amount must not grow with the sentence (a table flattened into one line):
    # 8,000 amounts in one sentence finish in seconds when the per-amount windows are bounded.
    text = " ".join(f"{i} troops and" for i in range(8000))
    facts = extract_document(Document(id="d", text=text))
    assert len(facts) > 5000
    assert all(text[f.start : f.end] == f.surface for f in facts)
