"""The names extractor's corpus pass: role qualifiers from the rest of the corpus.

A role mention without a qualifier ("the foreign minister") gets the one the same person has
for that role elsewhere in the corpus; else, for an exclusive office, the one qualifier the
corpus gives that office when the mention's sentence names that country too (see
`discrepancy.extractors.names`). As a `CorpusPass`: each document's people, then one linking of
all of them (`identity.link`), then each document's role mentions filled in.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence

from .. import identity
from ..document import Document
from ..facts import Fact, PersonName
from ..settings import Settings
from .base import CorpusPass
from .namescan import _gazetteer
from .nametables import _Tables, _Tokens, name_tables

# A role mention's qualifier is the one the same person has for that role elsewhere; for an
# exclusive office, the one qualifier the corpus gives the office when the mention's sentence
# names that country too.
_People = tuple[tuple[PersonName, str, str], ...]  # per document: (name, role head or "", qualifier)


def _people(doc: Document, facts: Sequence[Fact], settings: Settings) -> _People:
    """The people a document names, with the role and qualifier a role mention gives them."""
    return tuple(
        (f.value, f.subject.head if f.kind == "role" else "",
         f.subject.qualifiers[0] if f.kind == "role" and f.subject.qualifiers else "")
        for f in facts
        if f.kind in {"person", "role"} and isinstance(f.value, PersonName)
    )


@dataclasses.dataclass(frozen=True)
class _RoleOrgs:
    """What the corpus says of people and roles: each name's identity, the qualifiers an
    identity has for a role, and the qualifiers each role has at all."""

    identity: dict[PersonName, int]
    known: dict[tuple[int, str], frozenset[str]]
    role_orgs: dict[str, frozenset[str]]


def _link_people(summaries: Sequence[_People], settings: Settings) -> _RoleOrgs:
    people = [p for doc_people in summaries for p in doc_people]
    clusters = identity.link([name for name, _, _ in people], settings) if people else []
    known: dict[tuple[int, str], set[str]] = defaultdict(set)
    role_orgs: dict[str, set[str]] = defaultdict(set)
    ids: dict[PersonName, int] = {}
    for (name, head, org), cl in zip(people, clusters, strict=True):
        # Mentions written alike are one identity (`identity.link`), so a name keys its cluster.
        ids[name] = cl
        if head and org:
            known[(cl, head)].add(org)
            role_orgs[head].add(org)
    return _RoleOrgs(ids, {k: frozenset(v) for k, v in known.items()},
                     {k: frozenset(v) for k, v in role_orgs.items()})


def _fill_orgs(doc: Document, facts: list[Fact], corpus: _RoleOrgs, settings: Settings) -> list[Fact]:
    """Fill unknown role qualifiers from the rest of the corpus (see the module docstring)."""
    out = facts
    t = name_tables()
    for fi, f in enumerate(facts):
        if f.kind != "role" or f.subject.qualifiers or not isinstance(f.value, PersonName):
            continue
        org, source = "", ""
        same = corpus.known.get((corpus.identity[f.value], f.subject.head), frozenset())
        if len(same) == 1:
            org, source = next(iter(same)), "identity"
        elif f.get("exclusive") == "yes" and len(corpus.role_orgs.get(f.subject.head, ())) == 1:
            candidate = next(iter(corpus.role_orgs[f.subject.head]))
            if candidate in _countries_in(f.sentence, t):
                org, source = candidate, "corpus"
        if not org:
            continue
        value = dataclasses.replace(f.value, org=org)
        subject = dataclasses.replace(f.subject, qualifiers=(org,))
        extra = tuple((k, source if k == "org_source" else v) for k, v in f.extra)
        if out is facts:
            out = list(facts)
        out[fi] = dataclasses.replace(f, value=value, subject=subject, extra=extra)
    return out


corpus = CorpusPass(summarize=_people, combine=_link_people, apply=_fill_orgs)


def _countries_in(text: str, t: _Tables) -> set[str]:
    keys = set()
    for m in _gazetteer(_Tokens(text), t):
        if m.entry is not None and m.entry.kind in {"country", "demonym"}:
            keys.add(m.entry.key)
    return keys
