"""Alignment: which facts speak of the same thing.

Record-linkage in three steps, like Splink or recordlinkage:

1. **Features.** Each fact becomes a `Features` record: its kind family, a canonical subject
   key (the head noun mapped through the synonym classes of ``data/synonyms.toml``), the
   canonical qualifiers, the predicate class, negation, the people and places named in the
   same sentence, the source and whether the amount is a running total.
2. **Blocking.** Facts are grouped by ``(family, head)``; only pairs inside a block are ever
   scored, so the work grows with the sum of squared block sizes, not with the square of all
   facts. A block larger than `MAX_BLOCK` is split by predicate class, and a part still larger
   is compared through a sliding window of `WINDOW` neighbours in (document, offset) order,
   which bounds the candidate pairs per fact by a constant.
3. **Scoring.** `score` starts from `BASE` for two facts in one block and adds or subtracts
   what the pair shares or contradicts (weights below, each with its reason). A pair scoring
   at least ``Settings.min_confidence`` describes the same slot; the score becomes the
   finding's ``confidence``. Some differences are vetoes (score 0): two predicates of
   different known classes for amounts ("killed" vs "injured"), a statement date against an
   event date ("the Pentagon said Thursday" vs "the strike on Friday").

>>> from discrepancy.facts import Amount, Fact, Subject
>>> def count(doc, n, head, pred, quals=()):
...     s = Subject(head=head, predicate=pred, qualifiers=quals)
...     return Fact(doc, "count", s, str(n), 0, len(str(n)), Amount.exact(n))
>>> a = count("a", 5000, "troop", "go", ("u.s.",))
>>> b = count("b", 5200, "soldier", "go", ("American",))
>>> c = count("c", 4500, "troop", "death", ("usa",))
>>> fa, fb, fc = (features(f) for f in (a, b, c))
>>> fa.head, fb.head, sorted(fb.qualifiers)
('troop', 'troop', ['us'])
>>> score(fa, fb) >= 0.75, score(fa, fc)
(True, 0.0)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields

import numpy as np

from .events import one_kind_of_event
from .facts import Fact
from .frames import (
    AMOUNT_FAMILIES,
    FAMILIES,
    Features,
    blocked_features,
    family,
    features,
    heads_compatible,
    sentence_names,
)
from .pair_arrays import Floats, Ints, aligned_pairs, candidates, codes
from .settings import Settings
from .synonyms import (
    _distributive,
    _exclusive,
    _generic_heads,
    _people_heads,
    canonical_head,
    canonical_qualifier,
    carried_identifiers,
    entity_key,
    generic_names,
    identifiers,
    is_running_total,
    locatives,
    normalize,
    predicate_class,
    tiers,
)

# ---------------------------------------------------------------------------------------
# Scoring weights. A pair of amounts in one block starts at BASE, just above the default
# threshold (0.5), so one real contradiction in the features (disjoint qualifiers, different
# places) pushes it below, while agreement in predicate and qualifiers lifts it to error level.
BASE = 0.6
# Counts of people named only as people ("280 passengers" and "80 passengers under 18", "187
# bodies" and "110 bodies kept at the hospital") start below the threshold, as dates do: such
# groups are mostly parts of one another, so they are one slot only when something else says
# so (the same predicate, a shared modifier, name or place, one outcome or one nationality).
BASE_COUNT = 0.45
# Dates start below the threshold: an event class ("strike") covers many events in one news
# story, so two dates align only with some positive evidence (same verb, shared participants
# or names) that they date the same one.
BASE_DATE = 0.45
# Same verb lemma for two dates of one event class ("airstrike" / "airstrike").
SAME_PREDICATE_DATE = 0.15
# Instruments of different classes (missiles vs fighters): different events.
OTHER_INSTRUMENT = 0.3
# Same predicate class ("launched" and "fired"): strong evidence of one slot.
SAME_PREDICATE = 0.2
# Two different predicates of which at least one is unknown: probably different relations.
OTHER_PREDICATE = 0.2
# One side has no predicate: the extractor could not tell, a small doubt.
MISSING_PREDICATE = 0.05
# Each shared qualifier ("us" and "us"), up to two.
SHARED_QUALIFIER = 0.1
# Both sides have qualifiers the other lacks ("city council" vs "school board").
DISJOINT_QUALIFIERS = 0.35
# A person or named thing in both sentences.
SHARED_ENTITY = 0.1
# Both sentences name places and none is shared (Baghdad vs Tehran; "killed in the north" vs
# "killed in the capital"): usually two events, for dates and amounts alike. Countries are
# not counted as places here (see `generic_names`).
DISJOINT_PLACES_DATE = 0.3
DISJOINT_PLACES_AMOUNT = 0.35
# Both sentences name a version or release and none is shared ("Version 2.0 was released on
# ..." vs "Version 1.9 was released on ..."): two releases, as two places are two events.
DISJOINT_IDENTIFIERS = 0.35
# Same attributed source.
SAME_SOURCE = 0.05

# Blocks larger than this are split, then windowed (see module docstring).
MAX_BLOCK = 256
WINDOW = 64
# Blocks of at least this many facts are paired on arrays: below it, setting the arrays up
# costs more than the loop. The arrays hold the candidates of this many first facts at a time.
ARRAY_BLOCK = 48
ARRAY_ROWS = 4096


def score(a: Features, b: Features) -> float:
    """How likely two facts of one block describe the same slot, in [0, 1].

    >>> def F(pred="", quals=(), places=(), fam="count", neg=False):
    ...     p, k = predicate_class(pred)
    ...     return Features(fam, "seat", frozenset(quals), p, k, neg, places=frozenset(places))
    >>> score(F("win", ["city", "council"]), F("win", ["city", "council"]))
    1.0
    >>> score(F("win", ["city", "council"]), F("win", ["school", "board"]))
    0.45
    >>> score(F("kill"), F("injure")), score(F("kill"), F(""))
    (0.0, 0.0)
    >>> from dataclasses import replace
    >>> score(F("win"), replace(F("win"), baseline=True))
    0.0
    >>> def D(pred, quals=(), places=(), reporting=False, source="", instruments=()):
    ...     return Features("date", "strike", frozenset(quals), pred, bool(pred), False,
    ...                     places=frozenset(places), source=source, reporting=reporting,
    ...                     instruments=frozenset(instruments))
    >>> score(D("say", reporting=True, source="pentagon"), D("kill"))
    0.0
    >>> score(D("airstrike"), D("airstrike"))
    0.6
    >>> score(D("funeral", ["mourner"], ["baghdad"]), D("line", ["mourner"], ["tehran"]))
    0.25
    >>> score(D("launch", instruments=["missile"]), D("launch", instruments=["aircraft"]))
    0.3
    """
    if a.family == "date":
        return _score_dates(a, b)
    if a.baseline != b.baseline:
        return 0.0  # "to 18% from 15%": the earlier value is no rival of a current one
    if a.projected != b.projected:
        return 0.0  # "the toll could reach 50" is no rival of a reported toll
    numbered = a.numbered_part or b.numbered_part
    if a.part != b.part and not (a.groups and a.groups == b.groups and not numbered):
        # "721 of whom": a part of a group is no rival of the group's total; a nationality
        # names the part itself ("among them 38 Norwegians" and "41 Norwegians on board").
        return 0.0
    if a.other_event != b.other_event:
        return 0.0  # "the second quake killed 12" is not the first quake's toll
    if a.past_event != b.past_event:
        return 0.0  # an amount dated to an earlier year measures an earlier event
    if a.prop or b.prop:
        return _score_measures(a, b)
    if a.scope and b.scope and a.scope != b.scope:
        return 0.0  # a toll in Turkey, one in Syria and one for both are three slots
    if _regions(a.scope) != _regions(b.scope):
        return 0.0  # a toll of one province ("in Amatrice alone") is a part of the event's toll
    if a.groups != b.groups:
        return 0.0  # "154 Dutch passengers" are not all "280 passengers", nor "27 Australians"
    if (a.qualifiers & _distributive()) != (b.qualifiers & _distributive()):
        return 0.0  # "a single file of at most 2 GB" is no total "up to 10 GB of files"
    rate_a = {q for q in a.qualifiers if q.startswith("per-")}
    rate_b = {q for q in b.qualifiers if q.startswith("per-")}
    if rate_a and rate_b and rate_a != rate_b:
        return 0.0  # "60 requests per minute" and "10,000 requests per day" are two limits
    if (a.outcome or b.outcome) and (a.outcome != b.outcome or not heads_compatible(a, b)):
        return 0.0  # an outcome aligns only with the same outcome of a compatible group
    if a.groups and a.groups == b.groups and not heads_compatible(a, b):
        return 0.0  # "15 Malaysian crew" are not "43 Malaysians" on board
    loose = _generic_heads() | _people_heads()
    people_only = a.head in loose and b.head in loose
    # A denial ("no casualties") answers a claim of the same noun ("5 casualties").
    evidence = a.outcome or a.groups or a.negated != b.negated or (a.predicate and a.predicate == b.predicate)
    value = BASE_COUNT if a.family == "count" and people_only and not evidence else BASE
    # Predicates.
    if a.head in _generic_heads() and not (a.predicate and a.predicate == b.predicate):
        return 0.0  # "people", "years": only the relation says which people
    exclusive = _exclusive()
    if a.predicate != b.predicate and (a.predicate in exclusive or b.predicate in exclusive):
        return 0.0
    if a.predicate and b.predicate:
        if a.predicate == b.predicate:
            value += SAME_PREDICATE
        elif a.predicate_known and b.predicate_known:
            return 0.0
        else:
            value -= OTHER_PREDICATE
    elif a.predicate or b.predicate:
        value -= MISSING_PREDICATE
    # Qualifiers.
    value += SHARED_QUALIFIER * min(2, len(a.qualifiers & b.qualifiers))
    if (a.qualifiers - b.qualifiers) and (b.qualifiers - a.qualifiers):
        value -= DISJOINT_QUALIFIERS
    return _finish(value, a, b, DISJOINT_PLACES_AMOUNT)


def _regions(scope: frozenset[str]) -> frozenset[str]:
    """The places below a country in a scope (`groups.regions_in_clause`)."""
    return frozenset(s for s in scope if s.startswith("region:")) if scope else scope


def _score_measures(a: Features, b: Features) -> float:
    """Two amounts with a measured property: the same property of the same thing from the same
    place; the verbs around them ("struck", "located", "occurred") say nothing more."""
    from . import identity

    if a.prop != b.prop:
        return 0.0
    if a.entity and b.entity and a.entity != b.entity:
        return 0.0  # the length of the ship is not the length of the bridge
    if a.prop == "magnitude" and a.entity != b.entity:
        return 0.0  # a named aftershock is not the quake
    if a.prop == "cost" and bool(a.entity) != bool(b.entity):
        return 0.0  # a cost of nothing named may be any of the costs a story gives
    if a.prop == "distance" and not (a.reference and b.reference):
        return 0.0  # a distance says nothing without the place it is measured from
    if a.reference and b.reference and identity.similarity(a.reference, b.reference) < 0.8:
        return 0.0  # 60 km from Marrakech is no rival of 300 km from Rabat
    value = BASE + SHARED_QUALIFIER * min(2, len(a.qualifiers & b.qualifiers))
    if a.entity and a.entity == b.entity:
        value += SHARED_ENTITY
    if a.reference and b.reference:
        value += SHARED_ENTITY
    return _finish(value, a, b, DISJOINT_PLACES_AMOUNT)


def _same_event_class(a: Features, b: Features) -> bool:
    """Both dates' own words name one kind of event ("collided" and "crash", "derailed" and
    "accident"), not just their block (see `discrepancy.events.one_kind_of_event`)."""
    return one_kind_of_event(a.predicate, b.predicate)


def _score_dates(a: Features, b: Features) -> float:
    if a.bound or b.bound or a.other_event != b.other_event:
        return 0.0  # a reference time, or another event of the kind ("a fourth fire")
    if a.reporting or b.reporting:
        # A statement's date never dates the event it speaks of, and two statements on two
        # days are two statements ("the Coast Guard said Tuesday", "officials said Thursday").
        return 0.0
    if not a.predicate or not b.predicate:
        return 0.0  # a date with no verb or event noun of its own ("New Delhi, March 27") dates nothing
    value = BASE_DATE
    if a.predicate == b.predicate or _same_event_class(a, b):
        value += SAME_PREDICATE_DATE
    if a.instruments and b.instruments and not (a.instruments & b.instruments):
        value -= OTHER_INSTRUMENT
    value += SHARED_QUALIFIER * min(2, len(a.qualifiers & b.qualifiers))
    return _finish(value, a, b, DISJOINT_PLACES_DATE)


def _finish(value: float, a: Features, b: Features, disjoint_places: float) -> float:
    """Names, places, versions and source, common to every family; clipped to [0, 1].

    Negation is no penalty: a negated amount is the value 0 ("no casualties"), which the
    comparator weighs against the other value like any number.
    """
    if a.entities & b.entities:
        value += SHARED_ENTITY
    if a.places and b.places and not (a.places & b.places):
        value -= disjoint_places
    elif a.places & b.places:
        value += SHARED_ENTITY / 2
    if a.tiers and b.tiers and not (a.tiers & b.tiers):
        return 0.0  # "up to 100 on the Free plan" and "up to 1,000 on the Pro plan"
    if a.identifiers and b.identifiers and not (a.identifiers & b.identifiers):
        value -= DISJOINT_IDENTIFIERS
    elif a.identifiers & b.identifiers:
        value += SHARED_ENTITY / 2
    if a.source and a.source == b.source:
        value += SAME_SOURCE
    return round(max(0.0, min(1.0, value)), 4)


# ---------------------------------------------------------------------------------------
# Blocking and pairing.


@dataclass(slots=True)
class AlignStats:
    """Counters of one alignment run (the benchmark prints them)."""

    facts: int = 0
    blocks: int = 0
    largest_block: int = 0
    candidates: int = 0
    aligned: int = 0
    windowed_blocks: int = 0
    per_family: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Pair:
    """Two facts judged to describe one slot, with their features and score."""

    a: Fact
    b: Fact
    fa: Features
    fb: Features
    score: float


# Alignment makes one `Pair` per aligned pair (hundreds of thousands in a large story), and a
# frozen dataclass's __init__ sets each field through object.__setattr__: the slots' own
# setters do the same in half the time. The field list is checked so the two cannot drift.
_PAIR_FIELDS = ("a", "b", "fa", "fb", "score")
if tuple(f.name for f in fields(Pair)) != _PAIR_FIELDS:
    raise RuntimeError("align._pair: Pair's fields changed, update _PAIR_FIELDS and _pair")
_SET_A, _SET_B, _SET_FA, _SET_FB, _SET_SCORE = (Pair.__dict__[name].__set__ for name in _PAIR_FIELDS)


def _pair(a: Fact, b: Fact, fa: Features, fb: Features, score: float) -> Pair:
    """``Pair(a, b, fa, fb, score)``, built field by field (see above)."""
    pair = object.__new__(Pair)
    _SET_A(pair, a)
    _SET_B(pair, b)
    _SET_FA(pair, fa)
    _SET_FB(pair, fb)
    _SET_SCORE(pair, score)
    return pair


# For a stage that makes a `Pair` per aligned pair.
new_pair = _pair


def _order(item: tuple[Fact, Features]) -> tuple[str, int, int, str]:
    f = item[0]
    return (f.doc, f.start, f.end, f.surface)


def blocks(items: Iterable[tuple[Fact, Features]]) -> dict[tuple[str, ...], list[tuple[Fact, Features]]]:
    """Facts grouped by ``(family, head)``, each group in (document, offset) order.

    A group larger than `MAX_BLOCK` is split by predicate class (facts with no predicate go
    with every part, since they may align with any of them).
    """
    groups: dict[tuple[str, ...], list[tuple[Fact, Features]]] = defaultdict(list)
    for fact, feat in items:
        if feat.groups and not feat.outcome:
            # Counts of one nationality ("nine Britons", "10 British passengers") form one
            # block whatever noun they count.
            groups[(feat.family, "@" + " ".join(sorted(feat.groups)))].append((fact, feat))
            continue
        if feat.outcome:
            # Counts of one outcome ("killed", "the death toll", "injured") form one block
            # whatever noun they count; `score` then asks whether the groups are compatible.
            groups[(feat.family, "=" + feat.outcome)].append((fact, feat))
            continue
        if not feat.head:
            continue  # nothing to say what the fact is about: it cannot be aligned
        groups[(feat.family, feat.head)].append((fact, feat))
    out: dict[tuple[str, ...], list[tuple[Fact, Features]]] = {}
    for key in sorted(groups):
        members = sorted(groups[key], key=_order)
        if len(members) <= MAX_BLOCK:
            out[key] = members
            continue
        by_pred: dict[str, list[tuple[Fact, Features]]] = defaultdict(list)
        loose = [m for m in members if not m[1].predicate]
        for m in members:
            if m[1].predicate:
                by_pred[m[1].predicate].append(m)
        if not by_pred:
            out[key] = members
            continue
        for pred in sorted(by_pred):
            out[(*key, pred)] = sorted(by_pred[pred] + loose, key=_order)
    return out


@dataclass(slots=True)
class AlignedBlock:
    """One block's aligned pairs: its facts and their features in (document, offset) order,
    and per aligned pair, in three parallel lists, the positions ``i < j`` of its two facts
    in those lists and its score (numbers, not a tuple per pair: a large block holds
    hundreds of thousands, and numbers are no work for the garbage collector). A large block
    (`ARRAY_BLOCK`) gives them as arrays (`discrepancy.pair_arrays`)."""

    facts: list[Fact]
    features: list[Features]
    firsts: list[int] | Ints
    seconds: list[int] | Ints
    scores: list[float] | Floats

    def pairs(self) -> Iterator[tuple[int, int, float]]:
        """``(i, j, score)`` per aligned pair, in order."""
        if isinstance(self.firsts, np.ndarray):
            lists = self.firsts.tolist(), self.seconds.tolist(), self.scores.tolist()  # type: ignore[union-attr]
            return zip(*lists, strict=True)
        return zip(self.firsts, self.seconds, self.scores, strict=True)


def aligned_blocks(
    facts: Iterable[Fact],
    settings: Settings,
    families: Sequence[str] = ("count", "percent", "age", "measure", "date"),
    names: dict[tuple[str, int], tuple[frozenset[str], frozenset[str]]] | None = None,
    stats: AlignStats | None = None,
) -> Iterator[AlignedBlock]:
    """The aligned pairs of `iter_align`, block by block (blocks with no pair left out).

    A consumer that works per pair of facts reads each fact once per block (its slot node,
    its reading by a rule) and the pairs as positions, so no `Pair` is built for a pair that
    needs none. Only one block's pairs are held at a time.
    """
    stats = stats if stats is not None else AlignStats()
    facts = list(facts)
    if names is None:
        names = sentence_names(facts)
    wanted = set(families)
    # Equal features score equally: each distinct record is kept once (so a pair of them is
    # scored once per block, below), and facts that read alike share it.
    interned: dict[Features, Features] = {}
    items = []
    unblocked = 0  # facts of the families asked for that `blocks` would leave out
    for f in facts:
        if FAMILIES.get(f.kind) in wanted:
            feat = blocked_features(f, names)
            if feat is None:
                unblocked += 1
                continue
            items.append((f, interned.setdefault(feat, feat)))
    # Each distinct record's number, for the score memo's keys.
    number = {id(feat): k for k, feat in enumerate(interned.values())}
    by_number = list(interned.values())
    distinct = len(number)
    stats.facts += len(items) + unblocked
    grouped = blocks(items)
    threshold = settings.min_confidence
    # Facts without a predicate are copied into every part of a split block; pairs of two such
    # facts would be scored once per part, so those (only those) are remembered.
    seen: set[tuple[tuple[str, int, int], tuple[str, int, int]]] = set()
    # Scores by pair of interned features: a block of many facts that read alike (one figure
    # repeated by many reports) holds few distinct pairs of features.
    scores: dict[int, float] = {}
    for key, members in grouped.items():
        stats.blocks += 1
        stats.largest_block = max(stats.largest_block, len(members))
        split = len(key) > 2
        n = len(members)
        if n > MAX_BLOCK:
            stats.windowed_blocks += 1
        reach = n if n <= MAX_BLOCK else WINDOW
        # Per member: the features' number and (in a split block) whether the fact has no
        # predicate; the block's facts and features as lists.
        nums = [number[id(feat)] for _, feat in members]
        loose = [split and not feat.predicate for _, feat in members]
        facts_of = [fact for fact, _ in members]
        features_of = [feat for _, feat in members]
        firsts: list[int] | Ints
        seconds: list[int] | Ints
        kept: list[float] | Floats
        if n >= ARRAY_BLOCK and not any(loose):
            # A large block: `_loop_pairs` on arrays (`discrepancy.pair_arrays`), some thousand
            # facts at a time so that a huge block's arrays stay small.
            sentence = np.array([f.sentence_start for f in facts_of], dtype=np.int64)
            doc = codes([f.doc for f in facts_of])
            has_sentence = np.array([bool(f.sentence) for f in facts_of])
            parts = []
            scored = 0
            for lo in range(0, n, ARRAY_ROWS):
                first, second = candidates(n, reach, lo, min(n, lo + ARRAY_ROWS))
                same = (sentence[first] == sentence[second]) & (doc[first] == doc[second])
                same &= has_sentence[first]
                first, second = first[~same], second[~same]
                scored += len(first)
                parts.append(aligned_pairs(
                    first, second, nums, distinct, scores,
                    lambda key: score(by_number[key // distinct], by_number[key % distinct]), threshold,
                ))
            firsts, seconds, kept = (np.concatenate([p[k] for p in parts]) for k in range(3))
        else:
            firsts, seconds, kept, scored = _loop_pairs(
                facts_of, features_of, nums, loose, reach, seen, scores, distinct, threshold
            )
        # Counted once per block (the loop runs once per candidate pair).
        stats.aligned += len(kept)
        stats.candidates += scored
        if scored:
            stats.per_family[key[0]] = stats.per_family.get(key[0], 0) + scored
        if len(kept):
            yield AlignedBlock(facts_of, features_of, firsts, seconds, kept)


def _loop_pairs(
    facts_of: list[Fact],
    features_of: list[Features],
    nums: list[int],
    loose: list[bool],
    reach: int,
    seen: set[tuple[tuple[str, int, int], tuple[str, int, int]]],
    scores: dict[int, float],
    distinct: int,
    threshold: float,
) -> tuple[list[int], list[int], list[float], int]:
    """The aligned pairs of one block of `aligned_blocks`: ``(firsts, seconds, scores,
    candidates scored)``. ``loose`` marks facts without a predicate in a split block; ``seen``
    the pairs of such facts met before; ``scores`` the scores by pair of record numbers."""
    firsts: list[int] = []
    seconds: list[int] = []
    kept: list[float] = []
    scored = 0
    n = len(facts_of)
    # Per member, read once for the inner loop: the document and the sentence.
    docs = [fact.doc for fact in facts_of]
    sentences = [fact.sentence_start for fact in facts_of]
    for i in range(n):
        a = facts_of[i]
        a_doc, a_sentence, a_at, a_loose = a.doc, a.sentence, a.sentence_start, loose[i]
        ia = nums[i] * distinct
        for j in range(i + 1, min(n, i + 1 + reach)):
            if a_loose and loose[j]:
                b = facts_of[j]
                ident = ((a.doc, a.start, a.end), (b.doc, b.start, b.end))
                if ident in seen:
                    continue
                seen.add(ident)
            if a_at == sentences[j] and a_doc == docs[j] and a_sentence:
                # A sentence does not contradict itself: two amounts or dates of one thing in
                # one sentence are a part and a whole ("one of two painters"), a range or a
                # sequence ("from Monday to Friday").
                continue
            scored += 1
            pair_key = ia + nums[j]
            s = scores.get(pair_key)
            if s is None:
                s = scores[pair_key] = score(features_of[i], features_of[j])
            if s >= threshold:
                firsts.append(i)
                seconds.append(j)
                kept.append(s)
    return firsts, seconds, kept, scored


def iter_align(
    facts: Iterable[Fact],
    settings: Settings,
    families: Sequence[str] = ("count", "percent", "age", "measure", "date"),
    names: dict[tuple[str, int], tuple[frozenset[str], frozenset[str]]] | None = None,
    stats: AlignStats | None = None,
) -> Iterator[Pair]:
    """Pairs of facts (of the given families) that describe one slot, in a stable order.

    ``names`` defaults to `sentence_names` over ``facts``. A pair is kept when its `score`
    reaches ``settings.min_confidence``. Two facts of one sentence are never paired. Pairs
    are yielded block by block (`aligned_blocks`), so a large corpus never holds them all.
    """
    for block in aligned_blocks(facts, settings, families, names, stats):
        facts_of, features_of = block.facts, block.features
        for i, j, s in block.pairs():
            yield _pair(facts_of[i], facts_of[j], features_of[i], features_of[j], s)


def align(
    facts: Iterable[Fact],
    settings: Settings,
    families: Sequence[str] = ("count", "percent", "age", "measure", "date"),
    names: dict[tuple[str, int], tuple[frozenset[str], frozenset[str]]] | None = None,
    stats: AlignStats | None = None,
) -> list[Pair]:
    """All pairs of `iter_align` as a list."""
    return list(iter_align(facts, settings, families, names, stats))


# The stage's entry points and the readings other stages and tests use through it.
__all__ = [
    "AMOUNT_FAMILIES",
    "FAMILIES",
    "AlignStats",
    "AlignedBlock",
    "Features",
    "Pair",
    "align",
    "aligned_blocks",
    "blocks",
    "canonical_head",
    "canonical_qualifier",
    "carried_identifiers",
    "entity_key",
    "family",
    "features",
    "generic_names",
    "identifiers",
    "is_running_total",
    "iter_align",
    "locatives",
    "new_pair",
    "normalize",
    "predicate_class",
    "score",
    "sentence_names",
    "tiers",
]
