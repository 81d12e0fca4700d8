"""Person mentions, role-holder facts and places.

A person is found only with evidence, because a tool that invents persons from headlines or
page furniture is useless: a title before the name ("Supreme Leader Ayatollah Ali Khamenei",
"Mr Esper"), an apposition after it ("Javad Zarif, Iran's foreign minister"), a known given
name ("Boris Johnson", data/given_names.toml), a multi-word capitalized sequence that is not
a place, an organization, a credit or made of common words and that the document treats as
a person somewhere ("X Y said", "X Y is a", "by X Y"), or a surname named in full elsewhere
in the same document ("Soleimani" after "Qassem Soleimani"; it gets the full mention's given
names). A lone word close to such a surname ("Soleiman") is kept as a possible misspelling
(rule ``names.near-surname``). Words the document also writes in lowercase are never part
of a name. On headline-like lines (most words capitalized, no final punctuation) only titled
names count, cut to the given names plus one word.

Rules: ``names.titled-person`` (title before the name; also its role-holder facts),
``names.apposition-role``, ``names.given-name``, ``names.capitalized-sequence``,
``names.surname``, ``names.near-surname``, ``names.place``.

Each title or apposition naming an office makes a role-holder fact (kind "role"): the
subject head is the canonical role key from ``data/titles.toml`` and the qualifier the
country or organization key from ``data/gazetteer.toml`` ("Iran's President" -> "iran").

Qualifier policy, in order: the country or organization written with the title ("US
President", "Iran's foreign minister", "deputy commander of Iraq's Popular Mobilization
Forces", "Ali Khamenei of Iran", or a capitalized name before it: "Northwind Labs CEO" ->
"northwind-labs"); else the title's ``default_org`` when the title exists in one country only
("Foreign Secretary" -> uk); else, in the corpus pass, the qualifier the same identity has
for the same role elsewhere in the corpus; else, for an exclusive office, the one qualifier
the corpus gives that office when the sentence names that country too. Otherwise it is left
empty (unknown). The source is kept in the fact's ``extra`` as ``org_source``. A former
holder ("former vice president") makes a person fact but no role-holder fact.

The tables and their tokenizer are in `discrepancy.extractors.nametables`; gazetteer and title
matches, headline lines and runs of name words in `discrepancy.extractors.namescan`.

>>> from discrepancy.document import Document
>>> doc = Document("d", "Iran's President Hassan Rouhani said Rouhani would respond.")
>>> [(f.kind, f.surface, f.value.render(), f.subject.head, f.subject.qualifiers)
...  for f in extract(doc, Settings())]  # doctest: +NORMALIZE_WHITESPACE
[('place', 'Iran', 'Iran', 'place', ()),
 ('role', "Iran's President Hassan Rouhani", 'Hassan Rouhani', 'president', ('iran',)),
 ('person', 'Hassan Rouhani', 'Hassan Rouhani', 'person', ('iran',)),
 ('person', 'Rouhani', 'Hassan Rouhani', 'person', ())]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .. import identity
from ..document import Document
from ..facts import Fact, PersonName, PlaceName, Subject
from ..settings import Settings
from .base import Extractor
from .common import make_fact
from .namecorpus import corpus
from .namescan import _FUNCTION, _PARTICLES, _Doc, _Match, _near, _Reps, _surname_match
from .nametables import _Entry, _kind, _Tables, name_tables

# ----------------------------------------------------------------------------- words

# Words that make the title before them a past holder: no role-holder fact.
_FORMER = frozenset({"former", "late", "ex", "then", "erstwhile", "previous"})
# Words before a name that introduce a place, not a person ("in Kfar Kila", "town of Dana").
_PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "inside", "across", "into",
                                 "around", "towards", "toward"})
_PLACE_NOUNS = frozenset({"town", "city", "village", "province", "district", "region", "state",
                          "country", "county", "capital", "port", "base", "camp", "neighbourhood",
                          "neighborhood", "area", "governorate"})
_ARTICLES = frozenset({"the", "a", "an"})
# Determiners that may open a title written before a comma: "its top general, Qassem Soleimani".
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our"})
# Marks between a title and the name it introduces: "its top general, Qassem Soleimani".
_DASHES = frozenset({",", "-", "–", "—", ":"})
_BEFORE_TITLED = _DASHES | {")"}  # what may stand between a title chain and the name


# ----------------------------------------------------------------------------- candidates


@dataclass(slots=True)
class _Candidate:
    """A person mention found in the first pass, before surname resolution."""

    start: int  # token index of the first name token
    end: int  # token index after the last name token
    rule: str
    titles: Sequence[_Match] = ()
    org: str = ""
    org_source: str = ""
    former: bool = False
    role_start: int = 0  # char offsets of the role phrase
    role_end: int = 0
    span_start: int = 0  # char offsets of the role-holder fact
    span_end: int = 0
    appos_role: _Match | None = None


def _names_of(d: _Doc, start: int, end: int) -> tuple[tuple[str, ...], str]:
    """Split run tokens into given names and a family name (with its particles)."""
    if end - start == 1 and d.texts[start] != ".":
        return (), d.texts[start]  # most mentions: one word
    words = [x for x in d.texts[start:end] if x != "."]
    if not words:
        return (), ""
    k = len(words) - 1
    # Particles written before the family name belong to it: "bin Salman", "Al Mukhtar".
    while k > 1 and (words[k - 1].lower() in _PARTICLES or words[k - 1] in {"Al", "El"}):
        k -= 1
    return tuple(words[:k]), " ".join(words[k:])


def _prefix(d: _Doc, s: int) -> _Candidate | None:
    """A title chain ending right before the run at token ``s``, with its qualifier."""
    texts, lows, lines = d.texts, d.lows, d.lines
    k = s - 1
    if k < 0 or lines[k] != lines[s]:
        return None  # a title ends its line ("... our chief executive" over a new paragraph)
    comma = False
    if k >= 0 and texts[k] in _DASHES:
        comma = texts[k] == ","
        k -= 1
    if k >= 2 and texts[k] == ")" and texts[k - 2] == "(":
        k -= 3  # an acronym in brackets: "(PMF)"
    org = ""
    # "of Iraq's Popular Mobilization Forces", "of Quds Force of Islamic Revolutionary Guard
    # Corps", "to Lebanon": complements of the title (the first "of" object qualifies it).
    for _ in range(3):
        m = d.gaz_end.get(k)
        if m is None or m.entry is None:
            break
        a = m.start
        chain_org = _qualifier(m.entry, d.t)
        if a >= 2 and _kind(texts[a - 1]) == "poss" and a - 2 in d.gaz_end:
            a = d.gaz_end[a - 2].start  # "Iraq's Popular Mobilization Forces"
        if a >= 1 and lows[a - 1] == "the":
            a -= 1
        if a >= 1 and lows[a - 1] in {"of", "to", "for"}:
            if lows[a - 1] == "of" and chain_org:
                org = chain_org
            k = a - 2
            if k >= 2 and texts[k] == ")" and texts[k - 2] == "(":
                k -= 3
            continue
        break
    chain: list[_Match] = []
    while k in d.title_end and lines[k] == lines[s]:
        m = d.title_end[k]
        chain.insert(0, m)
        k = m.start - 1
    if not chain:
        return None
    first = chain[0].start
    # Modifiers between the qualifier and the title: "Iran's senior military commander".
    former = False
    q = first - 1
    skipped = 0
    while q >= 0 and skipped < 2 and _kind(texts[q]) == "word" and q not in d.gaz_at \
            and lows[q] not in _DETERMINERS and lows[q] not in _FUNCTION \
            and lows[q] not in _PLACE_PREPOSITIONS \
            and (texts[q].islower() or lows[q] in _FORMER) and lines[q] == lines[first]:
        former = former or lows[q] in _FORMER
        q -= 1
        skipped += 1
    if q >= 0 and lows[q] in _FORMER:
        former = True
    role_start = d.starts[first]
    qual_org = ""
    if q >= 1 and _kind(texts[q]) == "poss" and q - 1 in d.gaz_end:
        gm = d.gaz_end[q - 1]
        qual_org = _qualifier(gm.entry, d.t) if gm.entry else ""
        role_start = d.starts[gm.start]
    elif q >= 0 and q in d.gaz_end and d.gaz_end[q].entry is not None:
        gm = d.gaz_end[q]
        qual_org = _qualifier(gm.entry, d.t)
        if qual_org:
            role_start = d.starts[gm.start]
    else:
        # "Northwind Labs CEO", or a possessive: "Northwind's chief executive, Dana Whitfeld"
        o_end = q - 1 if q >= 1 and _kind(texts[q]) == "poss" else q
        org_run = _org_before(d, o_end)
        if org_run is not None:
            qual_org = "-".join(identity.fold(" ".join(texts[org_run:o_end + 1])).split())
            role_start = d.starts[org_run]
    if comma and not (org or qual_org or (q >= 0 and lows[q] in _DETERMINERS)):
        return None
    cand = _Candidate(s, s, "names.titled-person", titles=chain, former=former)
    cand.org = org or qual_org
    cand.org_source = "explicit" if cand.org else ""
    cand.role_start = role_start
    end_tok = s - 1
    while end_tok >= 0 and texts[end_tok] in _DASHES:
        end_tok -= 1
    cand.role_end = d.ends[end_tok]
    cand.span_start = role_start
    return cand


def _org_before(d: _Doc, q: int) -> int | None:
    """Start of an organization name not in the gazetteer written right before a title
    ("Northwind Labs CEO"): capitalized words, not common words, on one line (at most 5)."""
    texts, lines = d.texts, d.lines
    if q < 0 or d.headline(lines[q]):
        return None
    k = q
    while (
        k >= 0 and q - k < 5 and _kind(texts[k]) == "word" and texts[k][:1].isupper()
        and k not in d.gaz_at and k not in d.title_at and d.lows[k] not in d.t.common
        and lines[k] == lines[q]
    ):
        k -= 1
    return k + 1 if k < q else None


def _qualifier(entry: _Entry | None, t: _Tables) -> str:
    if entry is None or entry.kind not in {"country", "demonym", "org"}:
        return ""
    return entry.key


_BOUNDARY_WORDS = frozenset({"with", "of", "who", "and", "for", "in", "at", "on", "from", "whose",
                             "said", "says", "told", "has", "had", "was", "is", "to", "since"})


def _apposition(d: _Doc, e: int) -> tuple[_Match, str, int, int] | None:
    """``, (the|a) [qualifier] title`` after the run ending before token ``e``."""
    texts, lows, n = d.texts, d.lows, d.n
    if e >= n or texts[e] != ",":
        return None
    k = e + 1
    if k < n and lows[k] in _ARTICLES:
        k += 1
    org = ""
    phrase_start = d.starts[k] if k < n else 0
    gm = d.gaz_at.get(k)
    if gm is not None and gm.start == k:
        org = _qualifier(gm.entry, d.t)
        if not org:
            return None
        k = gm.end
        if k < n and _kind(texts[k]) == "poss":
            k += 1
    for _ in range(2):
        if k in d.title_at or k >= n or not texts[k].islower():
            break
        k += 1
    match = d.title_start.get(k)
    if match is None or match.role is None:
        return None
    nxt = match.end
    if nxt < n and d.lines[nxt] == d.lines[e]:
        if d.word(nxt) or not (_kind(texts[nxt]) in {"punct", "poss"} or lows[nxt] in _BOUNDARY_WORDS):
            return None
        if lows[nxt] == "of":
            gm2 = d.gaz_at.get(nxt + 1) or d.gaz_at.get(nxt + 2)
            if gm2 is not None and not org:
                org = _qualifier(gm2.entry, d.t)
    return match, org, phrase_start, d.ends[match.end - 1]


def _org_word(d: _Doc, e: int) -> bool:
    """Whether token ``e`` is a capitalized organization word on the line before it."""
    if e >= d.n or e == 0 or d.lines[e] != d.lines[e - 1]:
        return False
    text = d.texts[e]
    return _kind(text) == "word" and d.lows[e] in d.t.not_name and text[:1].isupper()


def _of_qualifier(d: _Doc, e: int) -> str:
    """The country or organization in "of X" right after a titled name, or ""."""
    lows = d.lows
    if e + 1 >= d.n or lows[e] != "of" or d.lines[e] != d.lines[e - 1]:
        return ""
    k = e + 2 if lows[e + 1] == "the" else e + 1
    m = d.gaz_at.get(k)
    if m is None or m.start != k or (m.end < d.n and _kind(d.texts[m.end]) == "poss"):
        return ""
    return _qualifier(m.entry, d.t)


def _headline_name_end(d: _Doc, s: int, e: int) -> int:
    """In a headline every word is capitalized, so a titled name cannot run to the next
    lowercase word: it is the given names known as such plus one family name, or one word
    ("President Trump Meets Boris Johnson" -> "Trump")."""
    k = s
    while k + 1 < e and identity.fold(d.texts[k]) in d.t.given and _kind(d.texts[k + 1]) == "word":
        k += 1
    return k + 1


def _words(texts: list[str], s: int, e: int) -> Sequence[int]:
    """Indices of the words of tokens ``s:e`` of a run: all but initials' periods."""
    if "." not in texts[s:e]:
        return range(s, e)
    return [k for k in range(s, e) if texts[k] != "."]


def _candidates(d: _Doc) -> list[_Candidate]:
    t = d.t
    texts, lows, common = d.texts, d.lows, d.t.common
    sentence_start, lower_words = d.sentence_start, d.lower_words
    title_end, gaz_end = d.title_end, d.gaz_end
    out: list[_Candidate] = []
    # Runs come in text order, so whether their line is a headline is asked once per line.
    line, headline = -1, False
    for s, e in d.runs():
        # A title chain ends right before the run, or a complement, mark or bracket does: most
        # runs have none of them, and `_prefix` is not asked.
        k = s - 1
        pre = _prefix(d, s) if k in title_end or k in gaz_end or texts[k] in _BEFORE_TITLED else None
        if pre is None and (lows[s] in common if e - s == 1 else all(lows[k] in common for k in range(s, e))):
            continue  # common words alone ("The", "In"): every rule below drops them
        if d.lines[s] != line:
            line = d.lines[s]
            headline = d.headline(line)
        if pre is not None and _org_word(d, e):
            continue  # "chief executive Northwind Labs": an organization, not a person
        if pre is not None:
            if headline:
                e = _headline_name_end(d, s, e)
            pre.start, pre.end = s, e
            after = _of_qualifier(d, e)
            if after and not pre.org:  # "Supreme Leader Ali Khamenei of Iran"
                pre.org, pre.org_source = after, "explicit"
            pre.span_end = d.ends[e - 1]
            out.append(pre)
            continue
        if headline:
            continue
        nxt_title = d.title_start.get(e)
        if nxt_title is not None and nxt_title.role is not None and d._title_leads_name(nxt_title):
            continue  # an organization qualifying the title after it: "Northwind Labs CEO Jane"
        appos = _apposition(d, e) if e < d.n and texts[e] == "," else None
        if appos is not None:
            words = _words(texts, s, e)
            # One word before an apposition opens many sentences ("Separately, the president
            # said"): only a word inside the sentence, never written in lowercase, is a name.
            lone = len(words) == 1 and (s in sentence_start or lows[s] in lower_words)
            if not lone and not any(lows[k] in common for k in words):
                match, org, p_start, p_end = appos
                cand = _Candidate(s, e, "names.apposition-role", org=org,
                                  org_source="explicit" if org else "", appos_role=match)
                cand.role_start, cand.role_end = p_start, p_end
                cand.span_start, cand.span_end = d.starts[s], p_end
                out.append(cand)
                continue
        # Leading common words ("Meanwhile", "The") and sentence-initial words that the
        # document also writes in lowercase are not part of a name.
        while s < e and (lows[s] in common or (s in sentence_start and lows[s] in lower_words)):
            s += 1
        if e - s < 2:  # one word: most runs
            if s < e:
                out.append(_Candidate(s, e, "names.surname"))
            continue
        words = _words(texts, s, e)
        if len(words) < 2 or sum(1 for k in words if len(texts[k]) > 1) < 2:
            if s < e:
                out.append(_Candidate(s, e, "names.surname"))
            continue
        prev = lows[s - 1] if s >= 1 else None
        prev2 = lows[s - 2] if s >= 2 else None
        # A run followed by an organization word is the start of its name: "Combined Joint
        # Operations", "Boris Johnson Foundation".
        if _org_word(d, e):
            continue
        given = identity.fold(texts[words[0]]) in t.given
        place_context = prev is not None and (
            prev in _PLACE_PREPOSITIONS
            or (prev == "of" and prev2 is not None and prev2 in _PLACE_NOUNS)
        )
        # After a given name, words the document also writes in lowercase are not a family
        # name ("Mark As Read", "Bill Payment").
        later = [k for k in words[1:] if texts[k] not in _PARTICLES]
        if given and not any(lows[k] in common or lows[k] in lower_words for k in later):
            out.append(_Candidate(s, e, "names.given-name"))
            continue
        if given:
            continue
        if place_context or (prev is not None and prev in _ARTICLES):
            continue
        if any(lows[k] in common or lows[k] in lower_words for k in words if texts[k] not in _PARTICLES):
            continue
        out.append(_Candidate(s, e, "names.capitalized-sequence"))
    return _confirmed(d, out)


# Words after a name that say a person is meant ("Seun Durojaiye is a journalist", "... said").
_PERSON_AFTER = frozenset({
    "said", "says", "told", "tells", "wrote", "writes", "added", "adds", "explained", "argued",
    "spoke", "speaks", "who", "whose", "stated", "noted", "tweeted", "announced", "insisted",
    "claimed", "warned", "urged", "denied", "confirmed", "replied", "asked", "recalled",
})
# Words before a name that say a person is meant ("written by", "talks with", "told").
_PERSON_BEFORE = frozenset({"by", "with", "told", "asked", "said", "says", "according", "met", "thanked"})


def _person_context(d: _Doc, c: _Candidate) -> bool:
    lows, lines = d.lows, d.lines
    line = lines[c.start]
    nxt = [lows[k] for k in range(c.end, min(c.end + 2, d.n)) if lines[k] == line]
    prev = lows[c.start - 1] if c.start >= 1 and lines[c.start - 1] == line else ""
    if nxt and nxt[0] in _PERSON_AFTER:
        return True
    if len(nxt) == 2 and nxt[0] in {"is", "was"} and nxt[1] in _ARTICLES:
        return True
    if nxt and nxt[0] == "," and prev not in _PLACE_PREPOSITIONS:
        return c.start in d.sentence_start  # "Aziz Asmar, one of two painters ..."
    return prev in _PERSON_BEFORE


def _confirmed(d: _Doc, cands: list[_Candidate]) -> list[_Candidate]:
    """Keep a bare capitalized sequence only when the document treats it as a person: one of
    its mentions has a person context, or its last word is used alone elsewhere."""
    if not any(c.rule == "names.capitalized-sequence" for c in cands):
        return cands  # most documents: no bare sequence to confirm

    def key(c: _Candidate) -> str:
        return identity.fold(" ".join(d.texts[c.start:c.end]))

    bare = {identity.fold(d.texts[c.start])
            for c in cands if c.rule == "names.surname" and c.end - c.start == 1}
    confirmed = {key(c) for c in cands if c.rule == "names.capitalized-sequence" and _person_context(d, c)}
    return [
        c for c in cands
        if c.rule != "names.capitalized-sequence"
        or identity.fold(d.texts[c.end - 1]) in bare
        # The fold of a whole sequence is asked last: it is rarely cached yet.
        or (bool(confirmed) and key(c) in confirmed)
    ]


# ----------------------------------------------------------------------------- facts


def _person(d: _Doc, c: _Candidate) -> PersonName:
    given, family = _names_of(d, c.start, c.end)
    if not c.titles and c.appos_role is None:  # most mentions: no title, no office
        return PersonName(given, family, (), "", "" if c.former else c.org)
    titles = tuple(d.text[d.starts[m.start]:d.ends[m.end - 1]] for m in c.titles)
    roles = [m.role for m in c.titles if m.role is not None]
    if c.appos_role is not None and c.appos_role.role is not None:
        roles.append(c.appos_role.role)
    if c.former or not roles:  # a past holder keeps the title as written, not the office
        return PersonName(given, family, titles, "", "" if c.former else c.org)
    return PersonName(given, family, titles, roles[0].key, c.org)


def extract(doc: Document, settings: Settings) -> Iterator[Fact]:
    """Person, role-holder and place facts of one document."""
    t = name_tables()
    d = _Doc(doc, t)
    cands = _candidates(d)
    # A surname candidate's name is built only when it is asked: most are dropped unread.
    persons = [None if c.rule == "names.surname" else _person(d, c) for c in cands]
    known = [p for p in persons if p is not None and p.given]
    clusters = identity.link(known, settings) if known else []
    # One representative full name per cluster, the most complete one.
    best: dict[int, PersonName] = {}
    for p, cl in zip(known, clusters, strict=True):
        if cl not in best or (len(p.given), p.full) > (len(best[cl].given), best[cl].full):
            best[cl] = p
    reps = _Reps([p for _, p in sorted(best.items())])
    # Per folded surname: its first mention and the full name it resolves to; whether it is
    # near a family name is asked only of a surname left unresolved.
    resolved: dict[str, tuple[PersonName, PersonName | None]] = {}
    near: dict[str, bool] = {}
    facts: list[Fact] = []
    taken: set[int] = set()  # token indices inside person mentions
    texts, lows, common, sentence_start = d.texts, d.lows, t.common, d.sentence_start
    # Without a full name in the document a one-word surname resolves to none and is near
    # none, so every one is dropped: most documents, where most candidates are such words.
    no_reps = not reps.reps
    for c, person in zip(cands, persons, strict=True):
        rule = c.rule
        if no_reps and rule == "names.surname" and c.end - c.start == 1:
            continue
        extra: tuple[tuple[str, str], ...] = ()
        if person is None:
            given, family = ((), texts[c.start]) if c.end - c.start == 1 else _names_of(d, c.start, c.end)
        else:
            given, family = person.given, person.family
        if not given:
            # A surname alone: give it the given names of the one full mention it can be;
            # else keep it only when it is close to a family name of the document ("Soleiman").
            key = identity.fold(family)
            hit = resolved.get(key)
            if hit is None:
                if person is None:
                    person = PersonName(given, family)
                hit = resolved[key] = (person, _surname_match(person, key, reps, settings))
            first, full_name = hit
            if full_name is not None:
                # The mention with the full name's given names (a new record: they are frozen).
                if person is None:
                    person = PersonName(full_name.given, family)
                else:
                    person = PersonName(full_name.given, family, person.titles, person.role, person.org)
                extra = (("resolved", full_name.full),)
            elif rule == "names.surname":
                if lows[c.start] in common:
                    continue
                if key not in near:
                    near[key] = _near(first, key, reps, settings)
                if not near[key]:
                    continue
                rule = "names.near-surname"
        if rule == "names.surname" and c.start in sentence_start and lows[c.start] in common:
            continue
        if rule == "names.surname" and d.headline(d.lines[c.start]):
            continue
        if person is None:
            person = PersonName(given, family)
        start, end = d.starts[c.start], d.ends[c.end - 1]
        if c.titles or c.appos_role is not None:
            facts.extend(_role_facts(d, c, person, start, end))
        subject = Subject(head="person", qualifiers=(person.org,) if person.org else (),
                          entities=(identity.fold(person.full),), phrase=d.text[start:end])
        facts.append(make_fact(doc, "person", start, end, person, rule, subject, extra))
        taken.update(range(c.start, c.end))
    facts.extend(_places(d, taken, settings))
    facts.sort(key=lambda f: (f.start, f.end, f.kind, f.rule))
    return iter(facts)


def _role_facts(d: _Doc, c: _Candidate, person: PersonName, start: int, end: int) -> Iterator[Fact]:
    roles = [m for m in c.titles if m.role is not None]
    if c.appos_role is not None:
        roles.append(c.appos_role)
    if c.former:
        return
    seen: set[str] = set()
    for m in roles:
        role = m.role
        assert role is not None
        if role.key in seen:
            # "President President ... Joe Biden": every repeat would be the same fact over the
            # same span, a copy of the whole title run each (quadratic memory).
            continue
        seen.add(role.key)
        org, source = c.org, c.org_source
        if not org and role.default_org:
            org, source = role.default_org, "table"
        value = PersonName(person.given, person.family, person.titles, role.key, org)
        written = d.text[d.starts[m.start]:d.ends[m.end - 1]]
        phrase = d.text[c.role_start:c.role_end]
        subject = Subject(head=role.key, qualifiers=(org,) if org else (),
                          entities=(identity.fold(person.full),), phrase=phrase)
        # "Baltimore Mayor": a post many hold is one person's once its place is written.
        exclusive = role.exclusive or (role.one_per_place and source == "explicit")
        extra = (("exclusive", "yes" if exclusive else "no"), ("org_source", source),
                 ("title", written))
        yield make_fact(d.doc, "role", min(c.span_start, start), max(c.span_end, end), value, c.rule,
                        subject, extra)


def _places(d: _Doc, taken: set[int], settings: Settings) -> Iterator[Fact]:
    for m in d.gaz:
        entry = m.entry
        if entry is None or entry.kind not in {"country", "place", "alias-place"}:
            continue
        if not taken.isdisjoint(range(m.start, m.end)):
            continue
        start, end = d.starts[m.start], d.ends[m.end - 1]
        name = d.text[start:end]
        key = entry.key if entry.kind == "country" else identity.place_key(name, settings)
        subject = Subject(head="place", entities=(key,), phrase=name)
        yield make_fact(d.doc, "place", start, end, PlaceName(name, key), "names.place", subject)


EXTRACTOR = Extractor("names", extract, corpus)
