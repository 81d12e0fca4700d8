"""The `Extractor` record every extractor module exports as ``EXTRACTOR``.

It lives in the extractors package, not in `discrepancy.extract`, so that the extractors
never import the runner that imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..document import Document
from ..facts import Fact
from ..settings import Settings


@dataclass(frozen=True)
class Extractor:
    """One fact extractor: a name and a pure function ``(document, settings) -> facts``.

    ``corpus`` optionally post-processes all facts once every document is extracted (for
    example giving a year to "3 January" from the year the other documents agree on). It
    receives and returns the facts of all documents, grouped per document in input order.
    """

    name: str
    run: Callable[[Document, Settings], Iterable[Fact]]
    corpus: Callable[[Sequence[Document], list[list[Fact]], Settings], list[list[Fact]]] | None = None
