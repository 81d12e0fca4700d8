"""What every comparison rule receives and returns.

A rule module exposes ``COMPARATOR = Comparator(rule_ids, run)``; ``run(context)`` yields
`Conflict` records. `discrepancy.compare` turns them into findings (severity, line and
column, fingerprint, de-duplication), so a rule only decides *whether* two facts disagree,
*how clearly*, and says why in one sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..align import AlignStats, Pair
from ..document import Document
from ..facts import Fact
from ..settings import Settings


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two facts that cannot both be true (or, for DSC203, one thing spelled two ways).

    ``a`` and ``b`` are in side order (see `ordered`). ``clear`` marks a conflict that needs
    no interpretation (two exact values, two full dates); only clear conflicts at high
    confidence become errors.
    """

    rule: str
    a: Fact
    b: Fact
    subject: str
    confidence: float
    clear: bool
    message: str


@dataclass
class Context:
    """The corpus as the rules see it: representative documents, their facts, aligned pairs."""

    docs: Mapping[str, Document]
    facts: Sequence[Fact]
    settings: Settings
    pairs: Sequence[Pair]
    stats: AlignStats = field(default_factory=AlignStats)

    def of_kind(self, *kinds: str) -> list[Fact]:
        return [f for f in self.facts if f.kind in kinds]


@dataclass(frozen=True)
class Comparator:
    """One comparison rule module: the rule ids it may report and its entry point."""

    name: str
    rules: tuple[str, ...]
    run: Callable[[Context], Iterable[Conflict]]


def position(f: Fact) -> tuple[str, int, int, str]:
    """Side order: document id, then offset (then surface, for ties)."""
    return (f.doc, f.start, f.end, f.surface)


def ordered(a: Fact, b: Fact) -> tuple[Fact, Fact]:
    """The two facts in side order, so audit(A, B) and audit(B, A) give the same rows."""
    return (a, b) if position(a) <= position(b) else (b, a)


def said(f: Fact) -> str:
    """How a side is quoted in a message: the surface, with the subject phrase if it adds words.

    >>> from discrepancy.facts import Amount, Subject
    >>> f = Fact("a", "count", Subject(phrase="U.S. troops"), "5,000", 0, 5, Amount.exact(5000))
    >>> said(f)
    '5,000 U.S. troops'
    >>> g = Fact("a", "count", Subject(phrase="U.S. troops"), "5,000 U.S. troops", 0, 16, Amount.exact(5000))
    >>> said(g)
    '5,000 U.S. troops'
    """
    phrase = f.subject.phrase.strip()
    surface = " ".join(f.surface.split())
    if phrase and phrase.casefold() not in surface.casefold():
        return f"{surface} {phrase}"
    return surface
