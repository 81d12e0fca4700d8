"""The `Extractor` record every extractor module exports as ``EXTRACTOR``.

It lives in the extractors package, not in `discrepancy.extract`, so that the extractors
never import the runner that imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..document import Document
from ..facts import Fact
from ..settings import Settings


@dataclass(frozen=True)
class CorpusPass:
    """What one document cannot know alone (the year the other documents agree on), as three
    steps, so that an engine can keep the facts where they were extracted:

    * ``summarize(doc, facts, settings)`` - per document, something small and picklable;
    * ``combine(summaries, settings)`` - once, over the summaries of all documents in input order;
    * ``apply(doc, facts, combined, settings)`` - per document, its facts after the pass.

    Called as ``corpus_pass(docs, per_doc, settings)`` it runs all three here.
    """

    summarize: Callable[[Document, Sequence[Fact], Settings], Any]
    combine: Callable[[Sequence[Any], Settings], Any]
    apply: Callable[[Document, list[Fact], Any, Settings], list[Fact]]

    def __call__(self, docs: Sequence[Document], per_doc: Sequence[Sequence[Fact]],
                 settings: Settings) -> list[list[Fact]]:
        pairs = list(zip(docs, per_doc, strict=True))
        combined = self.combine([self.summarize(d, facts, settings) for d, facts in pairs], settings)
        return [self.apply(d, list(facts), combined, settings) for d, facts in pairs]


@dataclass(frozen=True)
class Extractor:
    """One fact extractor: a name and a pure function ``(document, settings) -> facts``.

    ``corpus`` optionally post-processes all facts once every document is extracted (for
    example giving a year to "3 January" from the year the other documents agree on); see
    `CorpusPass`.
    """

    name: str
    run: Callable[[Document, Settings], Iterable[Fact]]
    corpus: CorpusPass | None = None
