"""Roles: DSC201 role-holder-mismatch.

Role facts are grouped by their role key and the country or organization that qualifies it
(``("supreme-leader", "iran")``). Inside a group, every two holders that
`discrepancy.identity.same_person` says are different people conflict, across the corpus
and inside one document. Titles never make two people one: the comparison is on identity.

Confidence is `QUALIFIED` when the role names its organization on both sides. A role without
an organization ("the president") may well be two offices in two countries, so such pairs
score `UNQUALIFIED`, below the default ``min_confidence``: they are reported only when a user
lowers the threshold. Role facts marked ``exclusive=no`` by the name extractor (ranks such as
"General", held by many people at once) are never compared.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..align import normalize
from ..facts import Fact, PersonName
from .base import Comparator, Conflict, Context, ordered, position

QUALIFIED = 0.9
UNQUALIFIED = 0.45
# Distinct holder spellings compared per role; a role with more holders than this (a
# corpus spanning many terms of office) compares each spelling with its next neighbours only.
MAX_HOLDERS = 64


def role_key(f: Fact) -> tuple[str, str]:
    """``(role, org)`` of a role fact, from the holder value or else the subject.

    >>> from discrepancy.facts import Subject
    >>> f = Fact("a", "role", Subject(head="supreme-leader", qualifiers=("iran",)), "x", 0, 1,
    ...          PersonName(("Ali",), "Khamenei", role="supreme-leader"))
    >>> role_key(f)
    ('supreme-leader', 'iran')
    """
    v = f.value
    role = v.role if isinstance(v, PersonName) and v.role else f.subject.head
    org = (
        v.org
        if isinstance(v, PersonName) and v.org
        else (f.subject.qualifiers[0] if f.subject.qualifiers else "")
    )
    return normalize(role).replace(" ", "-"), normalize(org)


def run(ctx: Context) -> Iterator[Conflict]:
    from .. import identity

    groups: dict[tuple[str, str], list[Fact]] = defaultdict(list)
    for f in ctx.of_kind("role"):
        if f.get("exclusive") == "no":
            continue  # a rank or title many hold at once ("General"), not an office of one person
        if isinstance(f.value, PersonName) and (f.value.family or f.value.given):
            key = role_key(f)
            if key[0]:
                groups[key].append(f)
    for role, org in sorted(groups):
        holders: dict[str, list[Fact]] = defaultdict(list)
        for f in sorted(groups[(role, org)], key=position):
            holders[f.value.render().casefold()].append(f)
        names = sorted(holders)
        confidence = QUALIFIED if org else UNQUALIFIED
        label = f"{role} ({org})" if org else role
        for i, ni in enumerate(names):
            upto = len(names) if len(names) <= MAX_HOLDERS else min(len(names), i + 1 + MAX_HOLDERS)
            for nj in names[i + 1 : upto]:
                pa, pb = holders[ni][0].value, holders[nj][0].value
                assert isinstance(pa, PersonName) and isinstance(pb, PersonName)
                ctx.stats.candidates += 1
                if identity.same_person(pa, pb, ctx.settings):
                    continue
                reason = identity.confusable(pa, pb, ctx.settings)
                extra = f" (the names are easily confused: {reason})" if reason else ""
                for fa, fb in ctx.occurrence_pairs(holders[ni], holders[nj]):
                    a, b = ordered(fa, fb)
                    yield Conflict(
                        "DSC201",
                        a,
                        b,
                        label,
                        confidence,
                        True,
                        f"{a.doc} names {a.value.render()} as {label}; {b.doc} names "
                        f"{b.value.render()}, a different person{extra}.",
                    )


COMPARATOR = Comparator("roles", ("DSC201",), run=run)
