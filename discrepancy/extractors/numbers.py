"""Extractor for numbers (not yet implemented: yields no facts)."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document
from ..extract import Extractor
from ..facts import Fact
from ..settings import Settings


def extract(doc: Document, settings: Settings) -> Iterator[Fact]:
    """Facts of this kind in one document."""
    return iter(())


EXTRACTOR = Extractor("numbers", extract)
