"""What every comparison rule receives and returns.

A rule module exposes ``COMPARATOR = Comparator(name, rule_ids, families, check=..., run=...)``:
``check(pair, context)`` judges one aligned pair of the given families as alignment streams
it (pairs are never all held in memory), ``run(context)`` works on the whole corpus at once
(names and roles, which group by identity rather than pairing). Both give an iterable of
`Conflict` records (``check`` runs once per aligned pair, so the amount and date rules
return a list, most often empty, rather than a generator). `discrepancy.compare` turns them
into findings (severity, line and column, fingerprint, de-duplication), so a rule only
decides *whether* two facts disagree, *how clearly*, and says why in one sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..align import AlignStats, Pair
from ..document import Document
from ..facts import Fact
from ..settings import Settings

Signature = tuple[object, ...]
# A rule's screen (`Comparator.screen`): how it reads a fact, and how it judges two readings
# within one document and across two.
Screen = tuple[Callable[[Fact], Any], Callable[..., Any], Callable[..., Any]]
T = TypeVar("T")
R = TypeVar("R")

# Rows reported for one pair of conflicting values (two holders of a role, two spellings)
# when many documents repeat each side: the first pairs in document order, spread over both
# sides. Three documents against two is six rows; a thousand against a thousand is not a
# million.
MAX_ROWS_PER_PAIR = 100


def signature(f: Fact) -> Signature:
    """What makes two facts the same statement, wherever they stand.

    Names compare on the name and the role they are given; other facts on their subject,
    value and the words used.
    """
    s = f.subject
    if f.kind in ("person", "place"):
        return (f.kind, f.value.render())
    if f.kind == "role":
        v = f.value
        return (f.kind, getattr(v, "role", "") or s.head, getattr(v, "org", "") or s.qualifiers, v.render())
    return (
        f.kind,
        s.head,
        s.qualifiers,
        s.predicate,
        s.negated,
        f.value.render(),
        " ".join(f.surface.split()),
    )


def redundant(a: Fact, b: Fact, said: Mapping[str, set[Signature]]) -> bool:
    """A cross-document pair already witnessed inside one of the two documents.

    When A itself states what B says (or B what A says), A's own inconsistency is reported
    inside A, and a document whose facts are all copied from another never conflicts with it.
    """
    if a.doc == b.doc:
        return False
    return signature(b) in said.get(a.doc, set()) or signature(a) in said.get(b.doc, set())


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
    """The corpus as the rules see it: representative documents and their facts."""

    docs: Mapping[str, Document]
    facts: Sequence[Fact]
    settings: Settings
    stats: AlignStats = field(default_factory=AlignStats)
    said: Mapping[str, set[Signature]] = field(default_factory=dict)
    # One fact is in many aligned pairs: what a rule reads from it (its amount as restated,
    # how it is quoted) is computed once per fact (`per_fact`, `judged`), and what it reads
    # from a document once per document (`per_document`). Equal readings are kept once, so a
    # pure judgment of two readings runs once per pair of distinct readings (`judged`),
    # however many reports repeat them.
    _per_fact: dict[Callable[..., Any], dict[int, tuple[Fact, Any]]] = field(
        default_factory=dict, repr=False
    )
    _per_document: dict[Callable[..., Any], dict[str, Any]] = field(default_factory=dict, repr=False)
    # `judged`: per reading function, fact id -> (fact, reading, number); reading -> (the
    # first equal reading, its number); per judging function, its reading function, that
    # function's readings and its judgments (pair of numbers -> judgment).
    _readings: dict[Callable[..., Any], dict[int, tuple[Fact, Any, int]]] = field(
        default_factory=dict, repr=False
    )
    _numbers: dict[Hashable, tuple[Any, int]] = field(default_factory=dict, repr=False)
    _by_number: list[Any] = field(default_factory=list, repr=False)  # number -> reading
    _judgments: dict[
        Callable[..., Any], tuple[Callable[[Fact], Any], dict[int, tuple[Fact, Any, int]], dict[int, Any]]
    ] = field(default_factory=dict, repr=False)

    def per_fact(self, fn: Callable[[Fact], T], f: Fact) -> T:
        """``fn(f)``, computed once per fact for the life of this context."""
        try:
            held = self._per_fact[fn][id(f)]
            # The fact is held with its reading, so its id is not reused while the entry lives.
            if held[0] is f:
                return held[1]  # type: ignore[no-any-return]
        except KeyError:
            pass
        value = fn(f)
        self._per_fact.setdefault(fn, {})[id(f)] = (f, value)
        return value

    def per_document(self, fn: Callable[[Document | None], T], doc_id: str) -> T:
        """``fn(document)`` once per document id (None for an id not in `docs`)."""
        try:
            return self._per_document[fn][doc_id]  # type: ignore[no-any-return]
        except KeyError:
            out = self._per_document.setdefault(fn, {})[doc_id] = fn(self.docs.get(doc_id))
            return out

    def judged(
        self, read: Callable[[Fact], R], judge: Callable[[R, R, Settings], T], a: Fact, b: Fact
    ) -> tuple[T, R, R]:
        """``(judge(read(a), read(b), settings), read(a), read(b))``, for the rules' hot path.

        ``read`` runs once per fact, equal readings are one object, and ``judge`` (pure) runs
        once per pair of distinct readings: one call per aligned pair does all of it.
        """
        tables = self._judgments.get(judge)
        if tables is None or tables[0] is not read:
            tables = self._tables(read, judge)
        table, memo = tables[1], tables[2]
        held_a = table.get(id(a))
        if held_a is None or held_a[0] is not a:
            held_a = self._read(table, read, a)
        held_b = table.get(id(b))
        if held_b is None or held_b[0] is not b:
            held_b = self._read(table, read, b)
        key = held_a[2] << 32 | held_b[2]  # one int per pair of readings: no tuple kept
        out = memo.get(key, memo)
        if out is memo:
            out = memo[key] = judge(held_a[1], held_b[1], self.settings)
        return out, held_a[1], held_b[1]

    def _tables(
        self, read: Callable[[Fact], Any], judge: Callable[..., Any]
    ) -> tuple[Callable[[Fact], Any], dict[int, tuple[Fact, Any, int]], dict[int, Any]]:
        """The readings of ``read`` and the judgments of ``judge`` (found together by `judged`)."""
        tables = self._judgments.get(judge)
        if tables is None or tables[0] is not read:
            table = self._readings.setdefault(read, {})
            tables = self._judgments[judge] = (read, table, {})
        return tables

    def _read(
        self, table: dict[int, tuple[Fact, Any, int]], read: Callable[[Fact], Any], f: Fact
    ) -> tuple[Fact, Any, int]:
        """Read a fact and number its reading (equal readings share the first one and its number)."""
        value = read(f)
        known = self._numbers.get(value)
        if known is None:
            known = self._numbers[value] = (value, len(self._numbers))
            self._by_number.append(value)
        # The fact is held with its reading, so its id is not reused while the entry lives.
        held = table[id(f)] = (f, known[0], known[1])
        return held

    def reading_number(self, read: Callable[[Fact], Any], f: Fact) -> int:
        """The number of ``read(f)`` as `judged` numbers it (equal readings, one number)."""
        table = self._readings.setdefault(read, {})
        held = table.get(id(f))
        if held is None or held[0] is not f:
            held = self._read(table, read, f)
        return held[2]

    def judgments(self, read: Callable[[Fact], R], judge: Callable[[R, R, Settings], T]) -> dict[int, T]:
        """The judgments `judged` made so far, by ``number(a) << 32 | number(b)`` of the two
        readings (`reading_number`): a caller that holds the numbers looks a pair up itself."""
        return self._tables(read, judge)[2]

    def judge_numbers(
        self, read: Callable[[Fact], R], judge: Callable[[R, R, Settings], T], na: int, nb: int
    ) -> T:
        """``judge`` of the readings numbered ``na`` and ``nb``, kept in `judgments`."""
        out: T = judge(self._by_number[na], self._by_number[nb], self.settings)
        self._tables(read, judge)[2][na << 32 | nb] = out
        return out

    def occurrence_pairs(self, left: Sequence[Fact], right: Sequence[Fact]) -> Iterator[tuple[Fact, Fact]]:
        """Pairs of mentions of two conflicting values, at most `MAX_ROWS_PER_PAIR`.

        Pairs already witnessed inside one document (`redundant`) are skipped; the rest come
        in anti-diagonal order over the two document-ordered lists, so a capped list still
        spreads over many documents on both sides.
        """
        emitted = 0
        for k in range(len(left) + len(right) - 1):
            for i in range(max(0, k - len(right) + 1), min(k + 1, len(left))):
                a, b = left[i], right[k - i]
                if a.doc != b.doc or a.start != b.start:
                    if redundant(a, b, self.said):
                        continue
                    yield a, b
                    emitted += 1
                    if emitted >= MAX_ROWS_PER_PAIR:
                        return

    def of_kind(self, *kinds: str) -> list[Fact]:
        return [f for f in self.facts if f.kind in kinds]


@dataclass(frozen=True)
class Comparator:
    """One comparison rule module: the rule ids it may report and its entry points."""

    name: str
    rules: tuple[str, ...]
    families: tuple[str, ...] = ()
    check: Callable[[Pair, Context], Iterable[Conflict]] | None = None
    run: Callable[[Context], Iterable[Conflict]] | None = None
    # What ``check`` asks first of a pair in side order: ``(read, judge within one document,
    # judge across documents)`` for `Context.judged`. A falsy judgment means no conflict, so a
    # caller holding each fact's reading number (most pairs repeat a judged pair of readings)
    # skips the call and the `Pair` it would need.
    screen: Screen | None = None
    # The rule ``check`` reports for a pair, None for none, where every conflict ``check``
    # gives is of the pair's two facts in side order at the pair's score: the caller then
    # knows the conflict's row before it is made, and skips the check when a better-ranked
    # conflict already holds that row (thousands of pairs repeat one value pair of a slot;
    # one row stands for them). Its third argument is the screen's judgment of the pair
    # (truthy: the pair passed), or None when the caller has none.
    rule_of: Callable[[Pair, Context, Any], str | None] | None = None


def position(f: Fact) -> tuple[str, int, int, str]:
    """Side order: document id, then offset (then surface, for ties)."""
    return (f.doc, f.start, f.end, f.surface)


def ordered(a: Fact, b: Fact) -> tuple[Fact, Fact]:
    """The two facts in side order, so audit(A, B) and audit(B, A) give the same rows."""
    if a.doc != b.doc:  # the usual case: the document ids decide
        return (a, b) if a.doc < b.doc else (b, a)
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
    >>> said(Fact("a", "count", Subject(phrase="Americans", source="state tv"), "80", 0, 2, Amount.exact(80)))
    '80 Americans (according to state tv)'
    """
    phrase = f.subject.phrase.strip()
    text = " ".join(f.surface.split())
    if phrase and phrase.casefold() not in text.casefold():
        text = f"{text} {phrase}"
    if f.subject.source:
        # Attribution: "Iranian state TV claimed" against "the Pentagon said" is a conflict
        # between sources, and the message says who claims what.
        text = f"{text} (according to {f.subject.source})"
    return text
