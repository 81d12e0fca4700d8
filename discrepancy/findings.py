"""The findings table: one row per pair of facts that disagree.

Every output format is a rendering of this table. Its columns are fixed and present even
when there are no findings.
"""

from __future__ import annotations

import hashlib
import operator
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass

import pandas as pd

from .facts import Fact

FINDING_COLUMNS = (
    "rule", "rule_name", "kind", "severity", "subject", "message", "confidence",
    "doc_a", "line_a", "col_a", "text_a", "value_a", "sentence_a",
    "doc_b", "line_b", "col_b", "text_b", "value_b", "sentence_b",
    "fingerprint",
)

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Finding:
    """One row of the findings table: two facts that cannot both be true, where each one is, and why."""

    rule: str
    rule_name: str
    kind: str
    severity: str
    subject: str
    message: str
    confidence: float
    doc_a: str
    line_a: int
    col_a: int
    text_a: str
    value_a: str
    sentence_a: str
    doc_b: str
    line_b: int
    col_b: int
    text_b: str
    value_b: str
    sentence_b: str
    fingerprint: str


def fingerprint(rule: str, subject: str, sides: Iterable[tuple[str, str]]) -> str:
    """Stable id of a finding: rule, subject and the sorted (doc, value) pairs, no lines.

    >>> fingerprint("DSC101", "troops", [("b", "5200"), ("a", "5000")]) == \\
    ...     fingerprint("DSC101", "troops", [("a", "5000"), ("b", "5200")])
    True
    >>> len(fingerprint("DSC101", "homes", [("a\\udcff.txt", "40")]))  # a lone surrogate hashes too
    16
    """
    parts = [rule, subject.casefold()] + [f"{d}\x1f{v}" for d, v in sorted(sides)]
    # surrogatepass: ids from file names that are not UTF-8 and JSON "\\ud800" escapes hold
    # lone surrogates; they hash like any other code point instead of raising.
    return hashlib.sha256("\x1e".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def sort_key(f: Finding) -> tuple[object, ...]:
    """Deterministic order: severity, rule, subject, then the two sides' positions."""
    return (SEVERITY_ORDER.get(f.severity, 9), f.rule, f.subject.casefold(),
            f.doc_a, f.line_a, f.col_a, f.doc_b, f.line_b, f.col_b, f.value_a, f.value_b)


def python_strings() -> AbstractContextManager[object]:
    """Tables built inside store their text as Python strings, whatever pandas' default.

    With pyarrow installed (the ``dask`` extra), pandas stores text in Arrow arrays, which
    refuse the lone surrogates that file names that are not UTF-8 and JSON ``\\ud800`` escapes
    carry; Python storage takes any ``str`` and is pandas' own default without pyarrow.
    """
    return pd.option_context("mode.string_storage", "python")


def to_frame(findings: Iterable[Finding]) -> pd.DataFrame:
    # Rows as tuples: `dataclasses.asdict` deep-copies every field of every finding.
    row = operator.attrgetter(*FINDING_COLUMNS)
    rows = [row(f) for f in sorted(findings, key=sort_key)]
    with python_strings():
        frame = pd.DataFrame(rows, columns=list(FINDING_COLUMNS))
    if frame.empty:
        frame = frame.astype({"confidence": "float64", "line_a": "int64", "col_a": "int64",
                              "line_b": "int64", "col_b": "int64"})
    return frame


def side(fact: Fact, line: int, col: int) -> dict[str, object]:
    """The ``*_a``/``*_b`` columns for one fact, before the suffix is added."""
    return {"doc": fact.doc, "line": line, "col": col, "text": fact.surface,
            "value": fact.value.render(), "sentence": fact.sentence}
