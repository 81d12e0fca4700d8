"""Stand-ins for the comparison stage, for tests of what happens around it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from discrepancy.align import AlignStats
from discrepancy.compare import Comparison
from discrepancy.findings import Finding


def comparing(find: Callable[..., Sequence[Finding]]) -> Callable[..., Comparison]:
    """A replacement for `discrepancy.audit.compare` that returns the findings of ``find``.

    ``find(docs, per_doc, settings)`` is called as the audit calls the comparison, once per
    story, so a spy sees every call.
    """

    def compare(docs: Sequence[Any], per_doc: Sequence[Any], settings: Any) -> Comparison:
        return Comparison(tuple(find(docs, per_doc, settings)), AlignStats(), {})

    return compare
