"""Properties of the whole audit (Hypothesis, few examples each so the suite stays fast)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import pandas as pd
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import discrepancy

# Sentences written for these tests: amounts, dates, roles and names, some in conflict with
# each other. Only absolute dates, so a document made of a subset of another's sentences
# resolves every date the same way.
POOL = (
    "The storm killed 14 people in the valley.",
    "The storm killed 19 people in the valley.",
    "More than 30 people were injured in the valley.",
    "Officials counted 250 homes without power.",
    "Officials counted about 240 homes without power.",
    "The new bridge opened on 4 May 2021.",
    "The new bridge opened on 9 May 2021.",
    "Canada's Finance Minister Ellen Marsh visited the valley.",
    "Canada's Finance Minister Rachel Dunmore visited the valley.",
    "Anna Kowalska chaired the relief committee.",
    "Anna Kowalskaa chaired the relief committee.",
    "The pipeline is 120 km long.",
    "The pipeline is 150 km long.",
    "Rescue teams pulled 40 survivors from the river.",
)

FAST = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])

documents = st.lists(st.sampled_from(POOL), min_size=1, max_size=6).map(" ".join)


def audit(texts: Mapping[str, str]) -> pd.DataFrame:
    return discrepancy.audit(dict(texts))


def rows(frame: pd.DataFrame, rename: Mapping[str, str] | None = None) -> Counter[tuple[object, ...]]:
    """Findings as a multiset, each with its two sides sorted (side order ignored)."""
    rename = rename or {}
    out: Counter[tuple[object, ...]] = Counter()
    for r in frame.itertuples():
        sides = sorted(
            [
                (rename.get(r.doc_a, r.doc_a), r.line_a, r.col_a, r.text_a, r.value_a),
                (rename.get(r.doc_b, r.doc_b), r.line_b, r.col_b, r.text_b, r.value_b),
            ]
        )
        out[(r.rule, r.severity, r.subject, r.confidence, *sides)] += 1
    return out


def pairs(frame: pd.DataFrame) -> set[frozenset[str]]:
    return {frozenset((r.doc_a, r.doc_b)) for r in frame.itertuples()}


@FAST
@given(documents, documents)
def test_symmetric_in_document_order(a: str, b: str) -> None:
    # Identical documents are one source reported under its first id, so swapping the ids of
    # two copies moves their findings by design; the property is about different documents.
    assume(" ".join(a.split()) != " ".join(b.split()))
    forward = audit({"a.txt": a, "b.txt": b})
    backward = audit({"b.txt": b, "a.txt": a})
    assert rows(forward) == rows(backward)
    swapped = audit({"a.txt": b, "b.txt": a})
    assert rows(forward) == rows(swapped, {"a.txt": "b.txt", "b.txt": "a.txt"})


@FAST
@given(documents, documents)
def test_duplicate_adds_no_finding_between_copies(a: str, b: str) -> None:
    frame = audit({"a.txt": a, "b.txt": b, "c.txt": a})
    assert frozenset(("a.txt", "c.txt")) not in pairs(frame)


@FAST
@given(documents, documents)
def test_renaming_changes_only_ids(a: str, b: str) -> None:
    assume(" ".join(a.split()) != " ".join(b.split()))  # see test_symmetric_in_document_order
    first = audit({"one.txt": a, "two.txt": b})
    second = audit({"uno.txt": a, "dos.txt": b})
    assert rows(first, {"one.txt": "X", "two.txt": "Y"}) == rows(second, {"uno.txt": "X", "dos.txt": "Y"})


@FAST
@given(st.lists(st.sampled_from(POOL), min_size=2, max_size=7, unique=True), st.data())
def test_copied_facts_never_conflict_with_their_source(sentences: list[str], data: st.DataObject) -> None:
    subset = data.draw(st.lists(st.sampled_from(sentences), min_size=1, max_size=len(sentences), unique=True))
    frame = audit({"source.txt": " ".join(sentences), "copy.txt": " ".join(subset)})
    assert frozenset(("source.txt", "copy.txt")) not in pairs(frame)


KM_PER_MILE = 1.609344


# Four-digit numbers that look like years (1000-2199) are read as years by the date
# extractor even before a unit ("1900 km"), so the lengths here avoid them.
lengths = st.integers(10, 999) | st.integers(2200, 9000)


@FAST
@given(lengths, lengths)
def test_converting_units_changes_no_finding(km_a: int, km_b: int) -> None:
    # Rounding to two decimals in miles is within the unit tolerance; values closer than 5%
    # would sit inside that tolerance after conversion, which is its purpose, so they are
    # left out.
    assume(km_a == km_b or abs(km_a - km_b) / max(km_a, km_b) > 0.05)
    template = "The cable under the strait is {} long."
    plain = audit({"a.txt": template.format(f"{km_a} km"), "b.txt": template.format(f"{km_b} km")})
    miles = f"{km_b / KM_PER_MILE:.2f} miles"
    converted = audit({"a.txt": template.format(f"{km_a} km"), "b.txt": template.format(miles)})

    def outcome(frame: pd.DataFrame) -> list[tuple[str, str, str]]:
        return sorted((r.rule, r.doc_a, r.doc_b) for r in frame.itertuples())

    assert outcome(plain) == outcome(converted)
    assert (km_a != km_b) == bool(outcome(plain))
