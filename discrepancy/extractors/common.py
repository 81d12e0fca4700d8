"""Helpers every extractor uses to build facts consistently."""

from __future__ import annotations

from ..document import Document
from ..facts import Fact, Subject, Value


def make_fact(
    doc: Document,
    kind: str,
    start: int,
    end: int,
    value: Value,
    rule: str,
    subject: Subject | None = None,
    extra: tuple[tuple[str, str], ...] = (),
) -> Fact:
    """A `Fact` over ``doc.text[start:end]`` with its sentence filled in."""
    s_start, s_end = doc.sentence_at(start)
    return Fact(
        doc=doc.id,
        kind=kind,
        subject=subject or Subject(),
        surface=doc.text[start:end],
        start=start,
        end=end,
        value=value,
        sentence=doc.text[s_start:s_end],
        rule=rule,
        sentence_start=s_start,
        extra=extra,
    )
