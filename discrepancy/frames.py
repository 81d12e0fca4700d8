"""Frames: what each fact is about, read into a `Features` record that alignment scores.

Beside its value, an amount carries its predicate class and outcome ("killed", "the death
toll"), the counted group (a nationality), whether it is a part ("721 of whom"), the countries
of its clause (a toll in Turkey vs one in Turkey and Syria), another event named with it ("a
second quake"), and, for measures, the property, thing and reference place of
`discrepancy.measures`. A date carries its event's verb and class, whether it dates a
statement, a bound ("until 2:00") or another event.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from .facts import Fact, PersonName, PlaceName
from .groups import countries_in_clause, country_key, nationalities, regions_in_clause
from .measures import measure_frame
from .synonyms import (
    _exclusive,
    _generic_heads,
    _instruments,
    _people_heads,
    _reporting_class,
    _running_total_pattern,
    _section_list,
    canonical_head,
    canonical_qualifier,
    entity_key,
    generic_names,
    identifiers,
    is_running_total,
    locatives,
    normalize,
    predicate_class,
    tiers,
)

# Families of kinds that can be compared with each other.
FAMILIES = {
    "count": "count",
    "percent": "percent",
    "age": "age",
    # Quantities with units share a family so that two dimensions for one subject can be
    # reported (DSC102); the comparator converts within a dimension.
    "quantity": "measure",
    "money": "measure",
    "duration": "measure",
    "date": "date",
    "role": "role",
    "person": "person",
    "place": "place",
}
AMOUNT_FAMILIES = ("count", "percent", "age", "measure")


def family(kind: str) -> str:
    """The comparison family of a fact kind.

    >>> family("money"), family("count"), family("date")
    ('measure', 'count', 'date')
    """
    return FAMILIES[kind]


# ---------------------------------------------------------------------------------------
# Features.


@dataclass(frozen=True, slots=True)
class Features:
    """What alignment knows about one fact (see the module docstring)."""

    family: str
    head: str
    qualifiers: frozenset[str]
    predicate: str
    predicate_known: bool
    negated: bool
    entities: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    source: str = ""
    running_total: bool = False
    reporting: bool = False
    instruments: frozenset[str] = frozenset()
    identifiers: frozenset[str] = frozenset()
    baseline: bool = False
    tiers: frozenset[str] = frozenset()
    # The exclusive predicate class the amount reports ("death", "injury"), from its verb or,
    # failing that, from its head noun ("the death toll"); amounts of one outcome form one
    # block whatever noun they count, so "50 people were killed", "the toll rose to 288"
    # and "275 dead" can be compared.
    outcome: str = ""
    # Countries the counted people belong to ("154 Dutch passengers", "nine Britons",
    # "11 from Indonesia"): a nationality is a group, so such a count never lines up with a
    # count of everyone, or of another nationality.
    groups: frozenset[str] = frozenset()
    # The amount is stated as a part of a group named before it ("721 of whom", "Of those
    # injured, 51", "including 15 crew", "170 others"): never the same slot as the whole.
    part: bool = False
    # The year of an earlier event the amount's sentence dates it to ("occurred on January 24,
    # 2020" in a 2023 article), or "".
    past_event: str = ""
    # The part is of a counted subset ("Of the 20, some 15 were Dutch"), not of everyone.
    numbered_part: bool = False
    # Countries named in the clause of a count of an outcome ("In Syria, the death toll stood
    # at 1,782", "killed 6,300 in Turkey and Syria"): a toll of one country is no rival of a
    # toll of another, or of both.
    scope: frozenset[str] = frozenset()
    # The clause names another event of the same kind ("a fourth fire", "the second quake"):
    # the ordinal word, or "" (see synonyms.toml [other_events]).
    other_event: str = ""
    # A date introduced by a bound ("until 2:00", "by Tuesday", "as of Monday") is a reference
    # time, not the time of an event.
    bound: bool = False
    # What a measured amount measures (see discrepancy.measures): a property such as "depth",
    # "distance" or "magnitude", the thing measured and, for distances, the place measured from.
    prop: str = ""
    entity: str = ""
    reference: str = ""
    # A figure feared or expected ("the toll could reach 50"), not reported: it lines up only
    # with other such figures.
    projected: bool = False


@lru_cache(maxsize=1 << 14)
def _name_key(value: object) -> tuple[str, str] | None:
    """``("person", family)`` or ``("place", key)`` for a name value."""
    if isinstance(value, PersonName):
        return ("person", normalize(value.family or value.full)) if (value.family or value.full) else None
    if isinstance(value, PlaceName) and value.name:
        from . import identity

        return ("place", normalize(identity.place_key(value.name)))
    return None


def sentence_names(facts: Iterable[Fact]) -> dict[tuple[str, int], tuple[frozenset[str], frozenset[str]]]:
    """People and places named per sentence: ``(doc, sentence_start) -> (people, places)``.

    Derived from the person, role and place facts, so an amount knows who and where its
    sentence speaks of.
    """
    people: dict[tuple[str, int], set[str]] = defaultdict(set)
    places: dict[tuple[str, int], set[str]] = defaultdict(set)
    for f in facts:
        if f.kind not in ("person", "role", "place"):
            continue
        key = _name_key(f.value)
        if key is None:
            continue
        (people if key[0] == "person" else places)[(f.doc, f.sentence_start)].add(key[1])
    out: dict[tuple[str, int], tuple[frozenset[str], frozenset[str]]] = {}
    for k in sorted(set(people) | set(places)):
        out[k] = (frozenset(people.get(k, ())), frozenset(places.get(k, ())))
    return out


def features(
    fact: Fact,
    names: dict[tuple[str, int], tuple[frozenset[str], frozenset[str]]] | None = None,
) -> Features:
    """The alignment features of one fact; ``names`` from `sentence_names`."""
    feat = _read(fact, names, skip_unblocked=False)
    assert feat is not None  # only a reading asked to skip unblocked facts returns None
    return feat


def blocked_features(
    fact: Fact,
    names: dict[tuple[str, int], tuple[frozenset[str], frozenset[str]]] | None = None,
) -> Features | None:
    """`features`, or None for a fact that gives alignment nothing to block it by: no head, no
    outcome and no nationality group (`align.blocks` leaves such a fact out).

    Whether a fact has a block is known from a few of its readings (head, measure frame,
    outcome, groups); a fact without one is never aligned, so its other readings (names,
    places, versions, parts, other events) are never made.
    """
    return _read(fact, names, skip_unblocked=True)


def _read(
    fact: Fact,
    names: dict[tuple[str, int], tuple[frozenset[str], frozenset[str]]] | None,
    skip_unblocked: bool,
) -> Features | None:
    """The reading of `features`; with ``skip_unblocked``, None as soon as the readings that
    decide a block say the fact has none (see `blocked_features`)."""
    s = fact.subject
    fam = family(fact.kind)
    if fam == "date":
        # A date's block is its head alone (it has no outcome and no group).
        head = canonical_head(s.head)
        if skip_unblocked and not head:
            return None
        quals, entities, places, source, ids = _context(fact, names)
        # A date's head is already its event class; the verb lemma itself tells events of one
        # class apart, so it is compared as written, except that statements are one class.
        lemma = _normal(s.predicate)
        cls, _ = predicate_class(lemma)
        reporting = cls == _reporting_class() or head in ("say", _reporting_class())
        instruments = _instrument_set((*s.qualifiers, s.predicate))
        return Features(
            fam,
            head,
            quals,
            lemma,
            bool(lemma),
            s.negated,
            entities,
            places,
            source,
            False,
            reporting,
            instruments,
            ids,
            other_event=other_event(fact),
            bound=is_bound(fact),
        )
    head = canonical_head(s.head) if fam != "role" else normalize(s.head)
    if skip_unblocked and not head and fam not in ("measure", "count"):
        return None  # only a measure frame gives a head, and only a count an outcome or group
    pred, known = predicate_class(s.predicate)
    if fam in AMOUNT_FAMILIES and pred == _reporting_class():
        # "officials said 5 were killed": the statement verb says nothing about what is counted.
        pred, known = "", False
    running = fam in AMOUNT_FAMILIES and is_running_total(fact)
    frame = measure_frame(fact) if fam in ("measure", "count") else None
    if fam == "count" and frame is not None and not frame.prop and not _whole(fact):
        head = ""  # "7.6 quakes" counts no quakes: a fractional number is a measure, not a count
    if frame is not None and frame.conversion:
        head = ""  # "72 kilometres (45 miles)": the bracket restates the amount before it
    elif frame is not None and frame.prop:
        # Measures of one property form one block whatever noun the sentence used.
        head = "~" + frame.prop
    outcome = ""
    if fam == "count" and fact.value.__class__.__name__ == "Amount" and not head.startswith("~"):
        far = fact.get("predicate_at") == "far"
        # A fractional count ("6.8") counts no people; a verb found words away ("died ... after
        # the magnitude 7 quake") says nothing about a number with no noun of its own.
        whole = getattr(fact.value, "low", 0) == int(getattr(fact.value, "low", 0)) if _finite(fact) else True
        # A verb found words away ("among the dead and the nationalities of 41 passengers")
        # belongs to another clause: it gives no outcome, whatever the noun.
        outcome = outcome_class("" if far else pred, head) if whole else ""
        if not outcome and whole and running and head in (_generic_heads() | _people_heads()):
            # "the death toll had climbed to 4,544 people": the toll named before the change
            # verb says what the people are counted for.
            outcome = _outcome_noun_before(_clause_before(fact, 80))
        if outcome and outcome != pred:
            # "the death toll rose to 288": the toll noun says what is counted; the change verb
            # only says how the count moved.
            pred, known = outcome, True
    groups = nationalities(fact) if fam == "count" else frozenset()
    if skip_unblocked and not (head or outcome or groups):
        return None
    quals, entities, places, source, ids = _context(fact, names)
    part = fam in AMOUNT_FAMILIES and is_part(fact)
    return Features(
        fam, head, quals, pred, known, s.negated, entities, places, source, running, identifiers=ids,
        baseline=fact.get("baseline") == "yes", tiers=tiers(fact.sentence), outcome=outcome,
        groups=groups,
        part=part,
        numbered_part=part and _numbered_part(fact),
        past_event=fact.get("past_event"),
        scope=countries_in_clause(fact) | regions_in_clause(fact) if outcome else frozenset(),
        other_event=other_event(fact) if fam in AMOUNT_FAMILIES else "",
        prop=frame.prop if frame is not None and not frame.conversion else "",
        entity=canonical_head(frame.entity) if frame is not None and frame.entity else "",
        reference=frame.reference if frame is not None else "",
        projected=fact.get("projected") == "yes",
    )


def _context(
    fact: Fact,
    names: dict[tuple[str, int], tuple[frozenset[str], frozenset[str]]] | None,
) -> tuple[frozenset[str], frozenset[str], frozenset[str], str, frozenset[str]]:
    """A fact's qualifiers, the entities and places of its subject and sentence, its source
    and the versions its sentence names: the readings every family shares."""
    s = fact.subject
    quals = _qualifier_set(tuple(s.qualifiers))
    generic = generic_names()
    people, places = (names or {}).get((fact.doc, fact.sentence_start), (frozenset(), frozenset()))
    entities = (people - generic) | _entity_set(tuple(s.entities))
    places = (places | locatives(fact.sentence)) - generic
    source = _normal(s.source)
    ids = identifiers(_masked(fact)) if _digits_beside(fact) else frozenset()
    if not ids and fact.get("versions"):
        ids = frozenset(fact.get("versions").split(" "))  # carried from the previous sentence
    return quals, entities, places, source, ids


@lru_cache(maxsize=1 << 14)
def _normal(word: str) -> str:
    """`normalize` of a subject's word (a source, a verb), once per distinct word."""
    return normalize(word)


# A subject's words as alignment keys, once per distinct tuple of words (subjects repeat).
@lru_cache(maxsize=1 << 14)
def _qualifier_set(words: tuple[str, ...]) -> frozenset[str]:
    """The canonical qualifiers of a subject's modifiers (words that say nothing dropped)."""
    return frozenset(q for q in (canonical_qualifier(w) for w in words) if q)


@lru_cache(maxsize=1 << 14)
def _entity_set(names: tuple[str, ...]) -> frozenset[str]:
    """The entity keys of a subject's names, countries and such left out (`generic_names`)."""
    generic = generic_names()
    return frozenset(k for k in (entity_key(e) for e in names if e) if k not in generic)


@lru_cache(maxsize=1 << 14)
def _instrument_set(words: tuple[str, ...]) -> frozenset[str]:
    """The instrument classes among a date's modifiers and verb ("missile", "aircraft")."""
    return frozenset(h for h in (canonical_head(w) for w in words) if h in _instruments())


@cache
def _other_event_pattern() -> re.Pattern[str]:
    ordinals = sorted(_section_list("other_events", "ordinals"), key=len, reverse=True)
    nouns = sorted(_section_list("other_events", "nouns"), key=len, reverse=True)
    return re.compile(
        r"\b(" + "|".join(map(re.escape, ordinals)) + r")\s+(?:[\w.-]+\s+){0,3}?(?:"
        + "|".join(map(re.escape, nouns)) + r")s?\b",
        re.IGNORECASE,
    )


@cache
def _other_event_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The ordinals and the event nouns of `_other_event_pattern`, in lower case, each as one
    literal alternation: one search tests every word as a substring at once."""
    return (
        re.compile("|".join(re.escape(w.lower()) for w in _section_list("other_events", "ordinals"))),
        re.compile("|".join(re.escape(w.lower()) for w in _section_list("other_events", "nouns"))),
    )


@cache
def _bound_ends() -> tuple[str, ...]:
    """The words a text that `_bound_pattern` matches ends with (before its spaces), in lower
    case: each bound's last word ("of" of "as of") and "the"."""
    return tuple(sorted({w.split()[-1].lower() for w in _section_list("other_events", "bounds")} | {"the"}))


@cache
def _bound_pattern() -> re.Pattern[str]:
    words = sorted(_section_list("other_events", "bounds"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\s+(?:the\s+)?$", re.IGNORECASE)


def _clause_before(fact: Fact, reach: int = 120) -> str:
    """The words of the fact's own clause before it: a semicolon, "while", "but" or a
    subordinator ("after 912 people had been killed") starts a new clause."""
    at = fact.start - fact.sentence_start
    if not fact.sentence or not 0 <= at <= len(fact.sentence):
        return ""
    text = fact.sentence[max(0, at - reach) : at]
    cuts = [m.end() for m in _SUBCLAUSE.finditer(text)]
    return text[cuts[-1] :] if cuts else text


def other_event(fact: Fact) -> str:
    """The ordinal naming another event in the fact's clause before it, or "".

    >>> from discrepancy.facts import Subject, When
    >>> s = "A fourth fire broke out Friday evening in Kaanapali."
    >>> other_event(Fact("a", "date", Subject(), "Friday evening", 24, 38, When(weekday=4), sentence=s))
    'fourth'
    """
    sentence = fact.sentence
    at, end = fact.start - fact.sentence_start, fact.end - fact.sentence_start
    # Most facts have no ordinal or no event noun anywhere near: plain substring tests over
    # the words around the fact (which hold the window below) say so faster than the pattern;
    # in ASCII text a case-blind match holds both words in lower case.
    near = (sentence[max(0, at - 120) : at] if 0 <= at <= len(sentence) else "") + (
        fact.surface + sentence[end : end + 40] if sentence else ""
    )
    if near.isascii():
        low = near.lower()
        ordinals, nouns = _other_event_words()
        if not ordinals.search(low) or not nouns.search(low):
            return ""
    window = _clause_before(fact)
    if sentence:
        window += fact.surface + sentence[end : end + 40]  # "another 7.6-magnitude earthquake"
    found = list(_other_event_pattern().finditer(window))
    return found[-1].group(1).lower() if found else ""


def is_bound(fact: Fact) -> bool:
    """Whether a date follows a bound preposition ("until 2:00", "by Tuesday afternoon")."""
    before = _clause_before(fact, 30)
    # A match ends with a bound word (or "the") and spaces; most text before a date does not
    # (in ASCII text a case-blind match ends with it in lower case).
    last = before.rstrip()
    if last.isascii() and not last.lower().endswith(_bound_ends()):
        return False
    return bool(_bound_pattern().search(before))


_SUBCLAUSE = re.compile(r";|,\s*(?:while|but)\b|\s(?:after|before|when|while|whereas|as)\s", re.I)
_PART_BEFORE = re.compile(
    r"(?:\b(?:of|among)\s+(?:those|them|these|whom)\b(?:\s+\w+){0,2}\s*,?\s*"  # "Of those injured, 51"
    r"|\b(?:of|among)\s+the\s+\w+\s*,\s*"  # "Of the passengers, 3" (not "the budget of the mission is")
    r"|\bincluding\s+(?:\w+\s+){0,1}"  # "including 15 crew"
    r"|\b(?:its|their)\s+(?:[a-z]+\s+)?)$",  # "its rearmost two coaches": some of the thing's own
    re.IGNORECASE,
)
# The words `_PART_BEFORE` needs, as one literal alternation (a substring test for each)
_PART_WORDS = re.compile("of|among|including|its|their")
_PART_AFTER = re.compile(
    r"^\s*(?:of\s+(?:whom|them|those|these|the|its|their)\b"  # "721 of whom", "one of the boys"
    r"|others?\b|more\b)",  # "170 others", "six more"
    re.IGNORECASE,
)
# "all 12 of the boys", "each of the": the whole group, not a part of it
_WHOLE_BEFORE = re.compile(r"\b(?:all|each|every|both)\s+$", re.IGNORECASE)


def _numbered_part(fact: Fact) -> bool:
    at = fact.start - fact.sentence_start
    return bool(re.search(r"\b(?:of|among)\s+the\s+\d", fact.sentence[max(0, at - 40) : max(0, at)], re.I))


def is_part(fact: Fact) -> bool:
    """Whether an amount is stated as part of a group named before it.

    >>> from discrepancy.facts import Amount, Subject
    >>> s = "It injured 1,204, 721 of whom are in serious condition."
    >>> is_part(Fact("a", "count", Subject(), "721", 18, 21, Amount.exact(721), sentence=s))
    True
    >>> t = "Of those injured, 51 were in critical condition."
    >>> is_part(Fact("a", "count", Subject(), "51", 18, 20, Amount.exact(51), sentence=t))
    True
    >>> is_part(Fact("a", "count", Subject(), "1,204", 11, 16, Amount.exact(1204), sentence=s))
    False
    """
    if not fact.sentence:
        return False
    at, end = fact.start - fact.sentence_start, fact.end - fact.sentence_start
    if not 0 <= at <= end <= len(fact.sentence):
        return False
    before = fact.sentence[max(0, at - 40) : at]
    low = before.lower()
    after = bool(_PART_AFTER.match(fact.sentence[end : end + 12])) and not _WHOLE_BEFORE.search(before)
    if before.isascii() and not _PART_WORDS.search(low):
        # Every form of `_PART_BEFORE` holds one of its words; in ASCII text a case-blind match
        # holds it in lower case (substring tests cost less than the pattern tried at each start).
        return after
    return bool(_PART_BEFORE.search(before)) or after


def _whole(fact: Fact) -> bool:
    low = getattr(fact.value, "low", None)
    return low is None or not low.is_finite() or low == int(low)


def _finite(fact: Fact) -> bool:
    low = getattr(fact.value, "low", None)
    return low is not None and low.is_finite()


def _outcome_noun_before(clause: str) -> str:
    """The outcome of the last running-total term before a change verb that names one ("the
    death toll", "the toll"; synonyms.toml [running_totals] and [heads]); "" when none does."""
    for m in reversed(list(_running_total_pattern().finditer(normalize(clause)))):
        outcome = outcome_class("", canonical_head(m.group()))
        if outcome:
            return outcome
    return ""


def outcome_class(pred: str, head: str) -> str:
    """The exclusive predicate class a count reports, from its predicate class or its head.

    >>> outcome_class("death", "person"), outcome_class("rise", "death"), outcome_class("go", "troop")
    ('death', 'death', '')
    """
    exclusive = _exclusive()
    if pred in exclusive:
        return pred
    by_head, _ = predicate_class(head)
    return by_head if by_head in exclusive else ""


def heads_compatible(a: Features, b: Features) -> bool:
    """Whether two counts of one outcome can count the same group of people.

    A head that only names people in general, the outcome itself ("death", "victim") or
    nothing is compatible with any head; two specific heads must be one class ("troop" and
    "soldier"), so "5 soldiers were killed" is not "20 civilians were killed".
    """
    loose = _generic_heads() | _people_heads()
    if a.groups and (not a.head or not b.head):
        # "45 were Malaysian" names the group alone: all Malaysians, more than "15 Malaysian crew"
        other = b if not a.head else a
        return not other.head or bool(country_key(other.head)) or other.head in loose
    if not a.head or not b.head or a.head == b.head:
        return True
    if (a.groups and country_key(a.head)) or (b.groups and country_key(b.head)):
        # "nine Britons" names the group by its nationality alone: the same people as "9
        # British passengers", but more than "15 Malaysian crew"
        other = b if country_key(a.head) else a
        return bool(country_key(other.head)) or other.head in loose

    def vague(x: Features) -> bool:
        return x.head in loose or (bool(x.outcome) and predicate_class(x.head)[0] == x.outcome)

    return vague(a) or vague(b)


_DIGIT = re.compile(r"\d")  # as `identifiers` reads digits


def _digits_beside(fact: Fact) -> bool:
    """Whether the fact's sentence holds a digit outside the fact's own words: every version
    `identifiers` finds has one, so a sentence without any needs no masking and no scan."""
    at = fact.start - fact.sentence_start
    if not fact.sentence or not 0 <= at <= len(fact.sentence):
        return True  # `_masked` leaves such a sentence whole: let `identifiers` read it
    end = min(len(fact.sentence), at + len(fact.surface))
    return bool(_DIGIT.search(fact.sentence, 0, at) or _DIGIT.search(fact.sentence, end))


def _masked(fact: Fact) -> str:
    """The fact's sentence with the fact's own words blanked (a dotted date is not a version)."""
    at = fact.start - fact.sentence_start
    if not fact.sentence or not 0 <= at <= len(fact.sentence):
        return fact.sentence
    end = min(len(fact.sentence), at + len(fact.surface))
    return fact.sentence[:at] + " " * (end - at) + fact.sentence[end:]
