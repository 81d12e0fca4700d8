"""Slots: the facts that speak of one thing, grouped from the pairs alignment found.

Alignment (`discrepancy.align`) judges pairs of facts; a slot is a connected group of them
("the death toll", "the day of the collapse"). Grouping serves two ends:

* **One finding per conflicting value pair.** Five articles saying 288 and three saying 275
  are one disagreement, not fifteen rows; the finding names how many sources give each side.
* **The slots table** (`Slot`, `slots_frame`): every slot with its distinct values, the
  sources that give each value and their publication times, and whether the values agree,
  conflict or update a running total.

>>> from discrepancy.facts import Amount, Fact, Subject
>>> def f(doc, n):
...     return Fact(doc, "count", Subject(head="death"), str(n), 0, 3, Amount.exact(n))
>>> a, b, c, d = f("a", 288), f("b", 288), f("c", 275), f("d", 5)
>>> index = SlotIndex()
>>> index.join(a, b); index.join(b, c)
>>> index.slot_of(a) == index.slot_of(c), index.slot_of(d)
(True, -1)
>>> sorted(index.values(index.slot_of(a)))
['275', '288']
>>> index.sources(index.slot_of(a), "288")
('a', 'b')
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from .document import Document
from .facts import Fact

FactKey = tuple[str, int, int, str]

SLOT_COLUMNS = (
    "story",
    "slot",
    "family",
    "subject",
    "status",
    "value",
    "sources",
    "docs",
    "published",
    "text",
)


def fact_key(f: Fact) -> FactKey:
    """A fact's identity inside one audit: document, span and kind."""
    return (f.doc, f.start, f.end, f.kind)


class SlotIndex:
    """Union-find over aligned facts; slot ids are stable for one input (first-seen order).

    Facts are nodes numbered as they are registered (one node per `fact_key`; the first fact
    registered under a key stands for it), so joining works on list positions, not keys. A
    slot is a connected group; slots are numbered in order of their smallest key, so the
    grouping and the ids do not depend on the order of the pairs.
    """

    def __init__(self) -> None:
        self._node: dict[FactKey, int] = {}  # key -> node
        self._keys: list[FactKey] = []  # node -> key
        self._facts: list[Fact] = []  # node -> the fact registered first under its key
        self._up: list[int] = []  # node -> parent node (a root is its own parent)
        # Fact id -> (the fact, its node): one key per fact object, built once.
        self._seen: dict[int, tuple[Fact, int]] = {}
        self._ids: list[int] | None = None  # node -> slot id
        # Slot id -> its facts, built once per state of the grouping (findings ask per row).
        self._members: dict[int, list[Fact]] | None = None
        # Slot id -> rendered value -> its facts, filled as slots are asked for.
        self._values: dict[int, dict[str, list[Fact]]] | None = None

    def _find(self, n: int) -> int:
        up = self._up
        root = up[n]
        if up[root] == root:
            return root  # a root or a child of one (the usual case: paths are kept flat below)
        while up[root] != root:
            root = up[root]
        while up[n] != root:  # path compression keeps later look-ups flat
            up[n], n = root, up[n]
        return root

    def _lookup(self, f: Fact) -> int:
        """The node of a fact, -1 when its key was never registered."""
        held = self._seen.get(id(f))
        if held is not None and held[0] is f:
            return held[1]
        n = self._node.get(fact_key(f), -1)
        if n >= 0:
            self._seen[id(f)] = (f, n)  # the fact is held, so its id stays its own
        return n

    def _register(self, f: Fact) -> int:
        n = self._lookup(f)
        if n < 0:
            k = fact_key(f)
            n = self._node[k] = len(self._keys)
            self._keys.append(k)
            self._facts.append(f)
            self._up.append(n)
            self._seen[id(f)] = (f, n)
            self._ids = self._members = self._values = None
        return n

    def add(self, f: Fact) -> None:
        """Register a fact (a slot of its own until joined)."""
        self._register(f)

    def join(self, a: Fact, b: Fact) -> None:
        """Record that two facts fill one slot."""
        # Called once per aligned pair: facts seen before are found by object, inline.
        seen = self._seen
        held = seen.get(id(a))
        na = held[1] if held is not None and held[0] is a else self._register(a)
        held = seen.get(id(b))
        nb = held[1] if held is not None and held[0] is b else self._register(b)
        self.union(na, nb)

    def node(self, f: Fact) -> int:
        """The node of a fact, registered if new: with `union`, `join` for a caller that
        holds each fact's node (a fact is in many pairs)."""
        return self._register(f)

    def union(self, na: int, nb: int) -> None:
        """Record that two nodes (`node`) fill one slot."""
        up = self._up
        ra, rb = up[na], up[nb]
        if up[ra] != ra:
            ra = self._find(na)
        if up[rb] != rb:
            rb = self._find(nb)
        if ra != rb:
            up[max(ra, rb)] = min(ra, rb)
            self._ids = self._members = self._values = None

    def _numbered(self) -> list[int]:
        if self._ids is None:
            roots = [self._find(n) for n in range(len(self._keys))]
            smallest: dict[int, FactKey] = {}
            for n, r in enumerate(roots):
                k = self._keys[n]
                if r not in smallest or k < smallest[r]:
                    smallest[r] = k
            order = {r: i for i, r in enumerate(sorted(smallest, key=smallest.__getitem__))}
            self._ids = [order[r] for r in roots]
        return self._ids

    def slot_of(self, f: Fact) -> int:
        """The slot id of a fact, -1 when it was never aligned."""
        n = self._lookup(f)
        return -1 if n < 0 else self._numbered()[n]

    def members(self) -> dict[int, list[Fact]]:
        """Slot id -> its facts in (document, offset) order."""
        if self._members is None:
            ids = self._numbered()
            out: dict[int, list[Fact]] = defaultdict(list)
            for n in sorted(range(len(self._keys)), key=self._keys.__getitem__):
                out[ids[n]].append(self._facts[n])
            self._members = dict(out)
        return self._members

    def values(self, slot: int) -> dict[str, list[Fact]]:
        """Rendered value -> the facts of one slot that state it."""
        return {v: list(fs) for v, fs in self._values_of(slot).items()}

    def _values_of(self, slot: int) -> dict[str, list[Fact]]:
        if self._values is None:
            self._values = {}
        held = self._values.get(slot)
        if held is None:
            out: dict[str, list[Fact]] = defaultdict(list)
            for f in self.members().get(slot, ()):
                out[f.value.render()].append(f)
            held = self._values[slot] = dict(out)
        return held

    def sources(self, slot: int, value: str) -> tuple[str, ...]:
        """The documents that give ``value`` in ``slot``, sorted."""
        return tuple(sorted({f.doc for f in self._values_of(slot).get(value, [])}))


@dataclass(frozen=True)
class Slot:
    """One slot: what it is about, its distinct values and who gives each."""

    id: int
    family: str
    subject: str
    status: str  # "agree", "conflict" or "update"
    values: tuple[tuple[str, tuple[Fact, ...]], ...]
    story: str = ""


def build_slots(
    index: SlotIndex,
    family_of: Mapping[int, str],
    subject_of: Mapping[int, str],
    status_of: Mapping[int, str],
) -> list[Slot]:
    """`Slot` records for every slot of two or more facts, in slot-id order."""
    out: list[Slot] = []
    for sid, members in sorted(index.members().items()):
        if len(members) < 2:
            continue
        by_value = index._values_of(sid)
        ordered = sorted(by_value.items(), key=lambda kv: (kv[1][0].doc, kv[1][0].start))
        values = tuple((v, tuple(fs)) for v, fs in ordered)
        status = status_of.get(sid, "agree")
        out.append(Slot(sid, family_of.get(sid, ""), subject_of.get(sid, ""), status, values))
    return out


def slots_frame(slots: Sequence[Slot], docs: Iterable[Document]) -> pd.DataFrame:
    """The slots table: one row per (slot, distinct value), in slot then first-mention order.

    ``sources`` counts the documents giving the value, ``docs`` lists them, ``published``
    gives their publication dates (empty when unknown) and ``text`` quotes the first mention.
    """
    published = {d.id: (d.published.render() if d.published is not None else "") for d in docs}
    rows: list[tuple[object, ...]] = []
    for s in slots:
        for value, facts in s.values:
            ids = sorted({f.doc for f in facts})
            rows.append(
                (
                    s.story,
                    s.id,
                    s.family,
                    s.subject,
                    s.status,
                    value,
                    len(ids),
                    " ".join(ids),
                    " ".join(published.get(i, "") for i in ids).strip(),
                    facts[0].surface,
                )
            )
    return pd.DataFrame.from_records(rows, columns=list(SLOT_COLUMNS))


__all__ = ["SLOT_COLUMNS", "Slot", "SlotIndex", "build_slots", "fact_key", "slots_frame"]
