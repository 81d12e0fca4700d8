"""Decide whether aligned facts disagree (not yet implemented: finds nothing)."""

from __future__ import annotations

from collections.abc import Sequence

from .document import Document
from .facts import Fact
from .findings import Finding
from .settings import Settings


def find_conflicts(
    docs: Sequence[Document], per_doc: Sequence[Sequence[Fact]], settings: Settings
) -> list[Finding]:
    """Findings for every aligned pair of facts that cannot both be true."""
    return []
