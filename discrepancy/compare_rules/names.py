"""Names: DSC202 confusable-name (warning) and DSC203 name-variant (info).

Person mentions are linked into identities with `discrepancy.identity.link`. Inside one
identity, two spellings that `identity.variant` calls variants ("Qassem" / "Qasem") are
DSC203; a given-name subset ("Javad Zarif" in "Mohammad Javad Zarif") is not a variant.
Across identities, names that `identity.confusable` finds nearly the same ("Khomeini" /
"Khamenei", or a truncated "Soleiman") are DSC202. Places get DSC203 the same way through
`identity.same_place` (Erbil / Irbil).

Scaling: names are compared as distinct spellings, not mentions; variants only inside one
identity (or one place key); confusable candidates are blocked on the first consonant of
the folded family name (`name_block`), with a window of `WINDOW` neighbours in blocks
larger than `MAX_BLOCK`, so a corpus with thousands of people never compares all of them
with each other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence

from ..facts import Fact, PersonName, PlaceName
from .base import Comparator, Conflict, Context, ordered, position

# Two names of one place are a spelling variant only when the spellings are this close
# (Jaro-Winkler on the folded names): "Erbil"/"Irbil" are, "US"/"United States" and
# "Washington"/"US" are aliases or metonyms, which style guides do not ask to unify.
PLACE_SPELLING = 0.8
# Names this short (after folding) are abbreviations ("US", "USA", "UK"): their forms are
# conventions, not spellings, so they are never reported as variants.
MIN_SPELLING_LENGTH = 4
# Distinct spellings compared per block before falling back to a window of neighbours.
MAX_BLOCK = 300
WINDOW = 50
_VOWELS = frozenset("aeiouy")


def name_block(folded: str) -> str:
    """The blocking key of a folded name: its first consonant.

    Transliteration variants and confusable names disagree on vowels far more often than on
    consonants ("Erbil"/"Irbil", "Khomeini"/"Khamenei").

    >>> name_block("erbil"), name_block("irbil"), name_block("khamenei"), name_block("")
    ('r', 'r', 'k', '')
    """
    for ch in folded:
        if ch.isalpha() and ch not in _VOWELS:
            return ch
    return folded[:1]


def _spellings(facts: Sequence[Fact]) -> dict[str, list[Fact]]:
    """Spelling -> its first mention in each document (in document order)."""
    out: dict[str, list[Fact]] = defaultdict(list)
    seen: set[tuple[str, str]] = set()
    for f in sorted(facts, key=position):
        key = (f.value.render(), f.doc)
        if key not in seen:
            seen.add(key)
            out[key[0]].append(f)
    return dict(sorted(out.items()))


def _pairs(names: Sequence[str], key: Callable[[str], str]) -> Iterator[tuple[str, str]]:
    blocks: dict[str, list[str]] = defaultdict(list)
    for n in names:
        blocks[key(n)].append(n)
    for k in sorted(blocks):
        members = blocks[k]
        width = len(members) if len(members) <= MAX_BLOCK else WINDOW
        for i, a in enumerate(members):
            for b in members[i + 1 : i + 1 + width]:
                yield a, b


def _rows(
    ctx: Context,
    rule: str,
    left: list[Fact],
    right: list[Fact],
    subject: str,
    confidence: float,
    message: Callable[[Fact, Fact], str],
) -> Iterator[Conflict]:
    for fa, fb in ctx.occurrence_pairs(left, right):
        a, b = ordered(fa, fb)
        yield Conflict(rule, a, b, subject, confidence, False, message(a, b))


def _people(ctx: Context) -> Iterator[Conflict]:
    from .. import identity

    settings = ctx.settings
    facts = [f for f in ctx.of_kind("person") if isinstance(f.value, PersonName) and f.value.full]
    spelled = _spellings(facts)
    names = list(spelled)
    values: list[PersonName] = []
    for n in names:
        v = spelled[n][0].value
        assert isinstance(v, PersonName)
        values.append(v)
    clusters = identity.link(values, settings)
    value_of = dict(zip(names, values, strict=True))
    members: dict[int, list[str]] = defaultdict(list)
    for n, c in zip(names, clusters, strict=True):
        members[c].append(n)

    def variant_message(a: Fact, b: Fact) -> str:
        return (
            f"{a.doc} spells {a.value.render()} and {b.doc} spells {b.value.render()}: "
            "one person spelled two ways."
        )

    # Variants: spellings inside one identity.
    for c in sorted(members):
        group = members[c]
        for i, na in enumerate(group):
            for nb in group[i + 1 : i + 1 + WINDOW]:
                va, vb = value_of[na], value_of[nb]
                ctx.stats.candidates += 1
                if identity.variant(va, vb, settings):
                    subject = identity.fold(va.family or va.full)
                    yield from _rows(
                        ctx,
                        "DSC203",
                        spelled[na],
                        spelled[nb],
                        subject,
                        identity.similarity(va.full, vb.full),
                        variant_message,
                    )

    # Confusables: different identities whose family names are nearly the same.
    cluster_of = dict(zip(names, clusters, strict=True))

    def family_key(n: str) -> str:
        v = value_of[n]
        return name_block(identity.fold(v.family or v.full))

    # One report per pair of identities: the other spellings of the same two people would
    # only repeat it ("Soleiman" against both "Soleimani" and "Qasem Soleimani").
    reported: set[tuple[int, int]] = set()
    for na, nb in _pairs(names, family_key):
        ca, cb = cluster_of[na], cluster_of[nb]
        if ca == cb or (min(ca, cb), max(ca, cb)) in reported:
            continue
        va, vb = value_of[na], value_of[nb]
        ctx.stats.candidates += 1
        reason = identity.confusable(va, vb, settings)
        if reason:
            reported.add((min(ca, cb), max(ca, cb)))
            subject = identity.fold(va.family or va.full)

            def message(a: Fact, b: Fact, r: str = reason) -> str:
                if "truncation" in r:
                    return (
                        f"{a.doc} names {a.value.render()} and {b.doc} names {b.value.render()}: "
                        f"possibly a misspelling of one name ({r})."
                    )
                return (
                    f"{a.doc} names {a.value.render()} and {b.doc} names {b.value.render()}: "
                    f"nearly the same name for different people ({r})."
                )

            yield from _rows(
                ctx,
                "DSC202",
                spelled[na],
                spelled[nb],
                subject,
                identity.similarity(va.family or va.full, vb.family or vb.full),
                message,
            )


def _places(ctx: Context) -> Iterator[Conflict]:
    from .. import identity

    settings = ctx.settings
    facts = [f for f in ctx.of_kind("place") if isinstance(f.value, PlaceName) and f.value.name]
    spelled = _spellings(facts)
    # One place is one alias-table key (`identity.place_key`), so grouping by it finds every
    # pair `identity.same_place` would accept, in linear time.
    by_place: dict[str, list[str]] = defaultdict(list)
    for n in spelled:
        by_place[identity.place_key(n, settings)].append(n)

    def message(a: Fact, b: Fact) -> str:
        return (
            f"{a.doc} writes {a.value.render()} and {b.doc} writes {b.value.render()}: "
            "one place spelled two ways."
        )

    for key in sorted(by_place):
        group = by_place[key]
        for i, na in enumerate(group):
            for nb in group[i + 1 : i + 1 + WINDOW]:
                va, vb = spelled[na][0].value, spelled[nb][0].value
                assert isinstance(va, PlaceName) and isinstance(vb, PlaceName)
                ctx.stats.candidates += 1
                if not identity.variant(va, vb, settings):
                    continue
                if min(len(identity.fold(na)), len(identity.fold(nb))) < MIN_SPELLING_LENGTH:
                    continue
                closeness = identity.similarity(na, nb)
                if closeness >= PLACE_SPELLING:
                    yield from _rows(ctx, "DSC203", spelled[na], spelled[nb], key, closeness, message)


def run(ctx: Context) -> Iterator[Conflict]:
    yield from _people(ctx)
    yield from _places(ctx)


COMPARATOR = Comparator("names", ("DSC202", "DSC203"), run=run)
