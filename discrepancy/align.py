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

import calendar as _calendar
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from . import tables
from .facts import Fact, PersonName, PlaceName
from .measures import measure_frame
from .settings import Settings

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
# The synonym tables.

_NON_WORD = re.compile(r"[.\u2019'`]")  # dots and apostrophes inside abbreviations: U.S. -> us
_SPACES = re.compile(r"[\s_\-]+")


def normalize(word: str) -> str:
    """Lower case, dots and apostrophes dropped, hyphens and runs of spaces as one space.

    >>> normalize("U.S."), normalize("  Death-Toll "), normalize("U.S.A.")
    ('us', 'death toll', 'usa')
    """
    return _SPACES.sub(" ", _NON_WORD.sub("", word.casefold())).strip()


def _classes(key: str) -> dict[str, str]:
    def check(entry: str, value: object) -> str | None:
        if (
            not isinstance(value, list)
            or not value
            or not all(isinstance(v, str) and v.strip() for v in value)
        ):
            return "should be a non-empty list of words"
        return None

    groups = tables.string_map("synonyms", key, check)
    inverse = tables.unique_inverse("synonyms", {c: [normalize(v) for v in vs] for c, vs in groups.items()})
    return {normalize(k): v for k, v in inverse.items()}


@cache
def _heads() -> dict[str, str]:
    return _classes("heads")


@cache
def _predicates() -> dict[str, str]:
    return _classes("predicates")


@cache
def _qualifiers() -> dict[str, str]:
    return _classes("qualifiers")


@cache
def _ignored() -> frozenset[str]:
    return frozenset(normalize(w) for w in _section_list("ignored_qualifiers", "words"))


def _section_list(section: str, key: str) -> tuple[str, ...]:
    table = tables.require("synonyms", section, dict)
    values = table.get(key)
    if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
        raise tables.TableError(f"data table synonyms.toml: [{section}] {key} should be a list of words")
    seen: set[str] = set()
    for v in values:
        if v.casefold() in seen:
            raise tables.TableError(f"data table synonyms.toml: [{section}] {key}: {v!r} is listed twice")
        seen.add(v.casefold())
    return tuple(values)


@cache
def _reporting_class() -> str:
    table = tables.require("synonyms", "dates", dict)
    value = table.get("reporting")
    if not isinstance(value, str) or normalize(value) not in set(_predicates().values()):
        raise tables.TableError(
            "data table synonyms.toml: [dates] reporting should name a [predicates] class"
        )
    return value


def _classes_of(section: str, key: str, known: set[str], kind: str) -> frozenset[str]:
    """A validated word list of ``synonyms.toml`` whose entries must be ``[kind]`` classes."""
    values = _section_list(section, key)
    for v in values:
        if v not in known:
            raise tables.TableError(
                f"data table synonyms.toml: [{section}] {key}: {v!r} is not a [{kind}] class"
            )
    return frozenset(values)


@cache
def _instruments() -> frozenset[str]:
    return _classes_of("dates", "instruments", set(_heads().values()), "heads")


@cache
def generic_names() -> frozenset[str]:
    """Words and names too common to tell two facts apart: countries and their adjectives.

    Taken from the qualifier aliases here and the countries of ``gazetteer.toml`` when that
    table is present. Sharing "Iraq" says nothing in a story about Iraq; a shared "Baghdad"
    or "Soleimani" does.
    """
    from . import identity

    words: set[str] = set()
    for alias, canon in _qualifiers().items():
        words.update(alias.split())
        words.add(canon)
    try:
        countries = tables.raw("gazetteer").get("countries", {})
    except tables.TableError:
        countries = {}
    if isinstance(countries, dict):
        for key, entry in countries.items():
            words.add(normalize(key))
            if isinstance(entry, dict):
                for field_name in ("names", "demonyms"):
                    for name in entry.get(field_name, ()) or ():
                        if isinstance(name, str):
                            words.add(normalize(name))
                            words.update(normalize(name).split())
                            words.add(normalize(identity.place_key(name)))
    return frozenset(w for w in words if w)


@cache
def _locative_pattern() -> re.Pattern[str]:
    preps = "|".join(re.escape(w) for w in _section_list("locatives", "prepositions"))
    return re.compile(
        r"""
        \b(?i:"""
        + preps
        + r""")        # a locative preposition, any case ("In York, ...")
        \s{1,5}                          # the space after it
        (                                # the name: one to four capitalized words
          [A-Z][\w'\u2019-]{1,30}
          (?:[ ][A-Z][\w'\u2019-]{1,30}){0,3}
        )
        """,
        re.VERBOSE,
    )


_CALENDAR = frozenset(
    w.casefold() for w in (*_calendar.month_name[1:], *_calendar.month_abbr[1:], *_calendar.day_name)
)


@lru_cache(maxsize=4096)
def locatives(sentence: str) -> frozenset[str]:
    """Places named after a locative preposition, as alignment keys.

    Countries and calendar words are left out (see `generic_names`).

    >>> sorted(locatives("In York, 120 homes were flooded on Friday; 300 more in Leeds."))
    ['lids', 'york']
    >>> sorted(locatives("Troops in Iraq stayed in January."))
    []
    """
    from . import identity

    out = set()
    generic = generic_names()
    for m in _locative_pattern().finditer(sentence):
        written = _POSSESSIVE.sub("", m.group(1))
        if written.split(" ")[0].casefold() in _CALENDAR:
            continue
        key = normalize(identity.place_key(written))
        if key and key not in generic and normalize(written) not in generic:
            out.add(key)
    return frozenset(out)


_IDENTIFIER = re.compile(
    r"""
    (?:
      \b(?i:version|release|v)\.?\s{0,2}    # "version 2.0", "release 3", "v1.9"
      (?P<named>\d{1,6}(?:\.\d{1,6}){0,3})   # the number, one to four parts
    |
      (?<![\w.])(?P<semver>\d{1,6}\.\d{1,6}\.\d{1,6})(?![\w.]*\d)  # a bare x.y.z version
    )
    """,
    re.VERBOSE,
)


@lru_cache(maxsize=4096)
def identifiers(sentence: str) -> frozenset[str]:
    """Versions and releases a sentence names: what a date or amount on a docs page is about.

    >>> sorted(identifiers("Version 2.0 was released on 12 March 2023; v1.9.1 in January."))
    ['1.9.1', '2.0']
    >>> sorted(identifiers("Install 3.12.1 or later. It takes 10 minutes."))
    ['3.12.1']
    >>> identifiers("Prices rose 2.5 percent.")
    frozenset()
    """
    out = set()
    for m in _IDENTIFIER.finditer(sentence):
        out.add(m.group("named") or m.group("semver"))
    return frozenset(out)


@cache
def _distributive() -> frozenset[str]:
    return frozenset(canonical_qualifier(w) for w in _section_list("distributive", "qualifiers"))


@cache
def _tier_pattern() -> re.Pattern[str]:
    nouns = sorted((normalize(w) for w in _section_list("tiers", "nouns")), key=len, reverse=True)
    # A capitalized word right before a tier noun; literal alternatives, no nested quantifier.
    alternatives = "|".join(re.escape(w) for w in nouns)
    return re.compile(r"\b([A-Z][A-Za-z0-9+]{1,20})[ \t]{1,3}(?:" + alternatives + r")\b")


@lru_cache(maxsize=4096)
def tiers(sentence: str) -> frozenset[str]:
    """Plans or editions a sentence names ("the Free plan", "Pro accounts").

    >>> sorted(tiers("Free accounts get 100 requests; on the Team plan, 1,000."))
    ['free', 'team']
    >>> tiers("Accounts get 100 requests.")
    frozenset()
    """
    return frozenset(normalize(m.group(1)) for m in _tier_pattern().finditer(sentence))


@cache
def _continuing_pattern() -> re.Pattern[str]:
    words = sorted((normalize(w) for w in _section_list("continuing", "openers")), key=len, reverse=True)
    # A whole word or phrase at the very start of a sentence; literal alternatives only.
    return re.compile(r"\s{0,8}(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w'’-])", re.I)


def carried_identifiers(sentence: str, previous: str) -> frozenset[str]:
    """The versions a sentence is about when it names none and continues the previous one.

    >>> sorted(carried_identifiers("It requires 512 MB of RAM.", "Version 3.2.0 was released."))
    ['3.2.0']
    >>> carried_identifiers("Installs need 512 MB.", "Version 3.2.0 was released.")
    frozenset()
    >>> sorted(carried_identifiers("It needs 1 GB in v4.", "Version 3.2.0 was released."))
    ['4']
    """
    own = identifiers(sentence)
    if own or not _continuing_pattern().match(sentence):
        return own
    return identifiers(previous)


_POSSESSIVE = re.compile(r"(?:'s|’s|s')$")


def entity_key(name: str) -> str:
    """A name as alignment compares it: folded, possessive dropped.

    >>> entity_key("Iraq's"), entity_key("Soleimani’s"), entity_key("Baghdad")
    ('iraq', 'soleimani', 'baghdad')
    """
    return normalize(_POSSESSIVE.sub("", name.strip()))


@cache
def _generic_heads() -> frozenset[str]:
    return frozenset(canonical_head(w) for w in _section_list("generic_heads", "words"))


@cache
def _people_heads() -> frozenset[str]:
    return frozenset(canonical_head(w) for w in _section_list("generic_heads", "people"))


@cache
def _exclusive() -> frozenset[str]:
    return _classes_of("exclusive", "classes", set(_predicates().values()), "predicates")


@cache
def _running_total_pattern() -> re.Pattern[str]:
    terms = sorted((normalize(t) for t in _section_list("running_totals", "terms")), key=len, reverse=True)
    # Whole words only; terms are literal phrases, so the alternation has no nested quantifier.
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(re.escape(t) for t in terms) + r")(?![a-z0-9])")


def canonical_head(word: str) -> str:
    """The synonym class of a head lemma (the word itself when not listed).

    >>> canonical_head("Rockets"), canonical_head("rocket"), canonical_head("seat")
    ('missile', 'missile', 'seat')
    """
    w = normalize(word)
    heads = _heads()
    if w in heads:
        return heads[w]
    # Extractors give lemmas; a plural that slipped through still finds its class.
    if w.endswith("s") and w[:-1] in heads:
        return heads[w[:-1]]
    return w


def canonical_qualifier(word: str) -> str:
    """The canonical spelling of a qualifier ("" for words that say nothing).

    >>> canonical_qualifier("U.S."), canonical_qualifier("American"), canonical_qualifier("the")
    ('us', 'us', '')
    """
    w = normalize(word)
    if w in _ignored():
        return ""
    return _qualifiers().get(w, w)


def predicate_class(word: str) -> tuple[str, bool]:
    """``(class, known)`` of a predicate lemma; an unlisted lemma is its own, unknown class.

    >>> predicate_class("fire"), predicate_class("wounded"), predicate_class("fuel"), predicate_class("")
    (('attack', True), ('injury', True), ('fuel', False), ('', False))
    """
    w = normalize(word)
    if not w:
        return "", False
    preds = _predicates()
    for form in _lemma_candidates(w):
        if form in preds:
            return preds[form], True
    return w, False


def _lemma_candidates(word: str) -> tuple[str, ...]:
    """The word and the stems a regular inflection would leave ("killed" -> "kill").

    >>> _lemma_candidates("injured")
    ('injured', 'injur', 'injure')
    """
    forms = [word]
    for suffix, repl in (("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + repl
            if stem not in forms:
                forms.append(stem)
    return tuple(forms)


def is_running_total(fact: Fact, window: int = 40) -> bool:
    """Whether the amount is a running total ("the death toll rose to 56", "so far").

    Looks at the subject and at ``window`` characters of the sentence on each side of the
    number.

    >>> from discrepancy.facts import Amount, Subject
    >>> s = "The death toll rose to 56 on Tuesday."
    >>> f = Fact("a", "count", Subject(head="death"), "56", 23, 25, Amount.exact(56), sentence=s)
    >>> is_running_total(f)
    True
    >>> g = Fact("a", "count", Subject(head="troop"), "56", 0, 2, Amount.exact(56),
    ...          sentence="56 troops left.")
    >>> is_running_total(g)
    False
    """
    pattern = _running_total_pattern()
    subject = fact.subject
    for text in (subject.head, subject.predicate, subject.phrase):
        if text and pattern.search(normalize(text)):
            return True
    if fact.sentence:
        at = fact.start - fact.sentence_start
        lo, hi = max(0, at - window), min(len(fact.sentence), at + len(fact.surface) + window)
        if pattern.search(normalize(fact.sentence[lo:hi])):
            return True
    return False


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
    s = fact.subject
    fam = family(fact.kind)
    quals = frozenset(q for q in (canonical_qualifier(w) for w in s.qualifiers) if q)
    generic = generic_names()
    people, places = (names or {}).get((fact.doc, fact.sentence_start), (frozenset(), frozenset()))
    entities = frozenset(e for e in (people | {entity_key(e) for e in s.entities if e}) if e not in generic)
    places = frozenset(p for p in places | locatives(fact.sentence) if p not in generic)
    source = normalize(s.source)
    ids = identifiers(_masked(fact))
    if not ids and fact.get("versions"):
        ids = frozenset(fact.get("versions").split(" "))  # carried from the previous sentence
    if fam == "date":
        # A date's head is already its event class; the verb lemma itself tells events of one
        # class apart, so it is compared as written, except that statements are one class.
        lemma = normalize(s.predicate)
        cls, _ = predicate_class(lemma)
        reporting = cls == _reporting_class() or canonical_head(s.head) in ("say", _reporting_class())
        instruments = frozenset(
            h for h in (canonical_head(w) for w in (*s.qualifiers, s.predicate)) if h in _instruments()
        )
        return Features(
            fam,
            canonical_head(s.head),
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
    pred, known = predicate_class(s.predicate)
    if fam in AMOUNT_FAMILIES and pred == _reporting_class():
        # "officials said 5 were killed": the statement verb says nothing about what is counted.
        pred, known = "", False
    running = fam in AMOUNT_FAMILIES and is_running_total(fact)
    head = canonical_head(s.head) if fam != "role" else normalize(s.head)
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
            toll = _TOLL_BEFORE.search(_clause_before(fact, 80))
            outcome = "death" if toll and "death" in _exclusive() else ""
        if outcome and outcome != pred:
            # "the death toll rose to 288": the toll noun says what is counted; the change verb
            # only says how the count moved.
            pred, known = outcome, True
    return Features(
        fam, head, quals, pred, known, s.negated, entities, places, source, running, identifiers=ids,
        baseline=fact.get("baseline") == "yes", tiers=tiers(fact.sentence), outcome=outcome,
        groups=nationalities(fact) if fam == "count" else frozenset(),
        part=is_part(fact) if fam in AMOUNT_FAMILIES else False,
        scope=countries_in_clause(fact) if outcome else frozenset(),
        other_event=other_event(fact) if fam in AMOUNT_FAMILIES else "",
        prop=frame.prop if frame is not None and not frame.conversion else "",
        entity=canonical_head(frame.entity) if frame is not None and frame.entity else "",
        reference=frame.reference if frame is not None else "",
    )


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
    window = _clause_before(fact)
    if fact.sentence:
        end = fact.end - fact.sentence_start
        window += fact.surface + fact.sentence[end : end + 40]  # "another 7.6-magnitude earthquake"
    found = list(_other_event_pattern().finditer(window))
    return found[-1].group(1).lower() if found else ""


def is_bound(fact: Fact) -> bool:
    """Whether a date follows a bound preposition ("until 2:00", "by Tuesday afternoon")."""
    return bool(_bound_pattern().search(_clause_before(fact, 30)))


_SUBCLAUSE = re.compile(r";|,\s*(?:while|but)\b|\s(?:after|before|when|while|whereas|as)\s", re.I)
_TOLL_BEFORE = re.compile(r"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths))\b", re.I)
_CLAUSE_BREAK = re.compile(r";|,\s*(?:while|whereas|but)\s|\s(?:while|whereas)\s")
# "in Turkey", "In Syria,", "in south-eastern Turkey and north-western Syria", "across Libya"
_LOCATIVE_COUNTRIES = re.compile(
    r"\b(?:in|In|across|Across|throughout|inside|within)\s+(?:the\s+)?"  # a locative preposition
    r"((?:[a-z-]+ern\s+)?[A-Z][\w'\u2019.-]*"  # "south-eastern Turkey"
    r"(?:\s+(?:and\s+)?(?:[a-z-]+ern\s+)?[A-Z][\w'\u2019.-]*){0,4})"  # "... and north-western Syria"
)
_CAPITALIZED_RUN = re.compile(r"[A-Z][\w'\u2019.-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w'\u2019.-]*){0,3}")


def countries_in_clause(fact: Fact) -> frozenset[str]:
    """Country keys named after a locative preposition in the clause around a fact: where
    the counted people were ("In Syria, ...", "killed 6,300 in Turkey and Syria"), not who
    reported it ("according to the US Geological Survey").

    >>> from discrepancy.facts import Amount, Subject
    >>> s = "At least 3,549 deaths have been reported in Turkey, while 1,602 people have died in Syria."
    >>> def at(n):
    ...     i = s.index(n)
    ...     return Fact("a", "count", Subject(), n, i, i + len(n), Amount.exact(1), sentence=s)
    >>> sorted(countries_in_clause(at("3,549"))), sorted(countries_in_clause(at("1,602")))
    (['turkey'], ['syria'])
    """
    if not fact.sentence:
        return frozenset()
    at = fact.start - fact.sentence_start
    lo, hi = 0, len(fact.sentence)
    for m in _CLAUSE_BREAK.finditer(fact.sentence):
        if m.end() <= at:
            lo = m.end()
        elif m.start() >= at:
            hi = m.start()
            break
    found: set[str] = set()
    clause = fact.sentence[lo:hi]
    for m in _LOCATIVE_COUNTRIES.finditer(clause):
        words = [w for w in m.group(1).split() if w != "and"]
        for size in range(min(3, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                key = _nationality(" ".join(words[i : i + size]).rstrip(".,"))
                if key:
                    found.add(key)
    if not found:
        # No locative: a country named on its own ("hit Turkey", a headline's "Turkey,
        # Syria earthquake toll"), never as part of a longer name ("the US Geological Survey").
        for m in _CAPITALIZED_RUN.finditer(clause):
            key = _nationality(_POSSESSIVE.sub("", m.group()).rstrip(".,"))
            if key:
                found.add(key)
    return frozenset(found)


@cache
def _country_keys() -> frozenset[str]:
    return frozenset(tables.raw("gazetteer").get("countries", {}))


def _nationality(word: str) -> str | None:
    """The country key of a head or modifier, as written or as a lower-cased qualifier
    ("U.S." reaches alignment as "us", a pronoun to the gazetteer's case rule)."""
    from . import identity

    if not word:
        return None
    key = identity.nationality(word)
    if key is None:
        canonical = canonical_qualifier(word)
        key = canonical if canonical in _country_keys() else None
    return key


_FROM_COUNTRY = re.compile(r"^\s+(?:\w+\s+){0,2}?from\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})")


def nationalities(fact: Fact) -> frozenset[str]:
    """Country keys of the people a count counts: its head, its modifiers, "from <Country>".

    >>> from discrepancy.facts import Amount, Subject
    >>> british = Subject(head="passenger", qualifiers=("British",))
    >>> f = Fact("a", "count", british, "10", 0, 2, Amount.exact(10))
    >>> g = Fact("a", "count", Subject(head="briton"), "9", 0, 1, Amount.exact(9))
    >>> sorted(nationalities(f)), sorted(nationalities(g))
    (['uk'], ['uk'])
    """
    s = fact.subject
    found = {k for k in (_nationality(w) for w in (s.head, *s.qualifiers)) if k}
    if fact.sentence:
        at = fact.end - fact.sentence_start
        m = _FROM_COUNTRY.match(fact.sentence[at : at + 60])
        country = _nationality(m.group(1)) if m else None
        if country:
            found.add(country)
    return frozenset(found)


_PART_BEFORE = re.compile(
    r"(?:\b(?:of|among)\s+(?:those|them|these|whom)\b(?:\s+\w+){0,2}\s*,?\s*"  # "Of those injured, 51"
    r"|\b(?:of|among)\s+the\s+\w+\s*,\s*"  # "Of the passengers, 3" (not "the budget of the mission is")
    r"|\bincluding\s+(?:\w+\s+){0,1})$",  # "including 15 crew"
    re.IGNORECASE,
)
_PART_AFTER = re.compile(r"^\s*(?:of\s+(?:whom|them|those|these)|others?\b|more\b)", re.IGNORECASE)


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
    return bool(_PART_BEFORE.search(fact.sentence[max(0, at - 40) : at])) or bool(
        _PART_AFTER.match(fact.sentence[end : end + 12])
    )


def _whole(fact: Fact) -> bool:
    low = getattr(fact.value, "low", None)
    return low is None or not low.is_finite() or low == int(low)


def _finite(fact: Fact) -> bool:
    low = getattr(fact.value, "low", None)
    return low is not None and low.is_finite()


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
    if not a.head or not b.head or a.head == b.head:
        return True
    if (a.groups and _nationality(a.head)) or (b.groups and _nationality(b.head)):
        # "nine Britons" names the group by its nationality alone: the same people as "9
        # British passengers", but more than "15 Malaysian crew"
        other = b if _nationality(a.head) else a
        return bool(_nationality(other.head)) or other.head in loose

    def vague(x: Features) -> bool:
        return x.head in loose or (bool(x.outcome) and predicate_class(x.head)[0] == x.outcome)

    return vague(a) or vague(b)


def _masked(fact: Fact) -> str:
    """The fact's sentence with the fact's own words blanked (a dotted date is not a version)."""
    at = fact.start - fact.sentence_start
    if not fact.sentence or not 0 <= at <= len(fact.sentence):
        return fact.sentence
    end = min(len(fact.sentence), at + len(fact.surface))
    return fact.sentence[:at] + " " * (end - at) + fact.sentence[end:]


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
    if a.part != b.part and not (a.groups and a.groups == b.groups):
        # "721 of whom": a part of a group is no rival of the group's total; a nationality
        # names the part itself ("among them 38 Norwegians" and "41 Norwegians on board").
        return 0.0
    if a.other_event != b.other_event:
        return 0.0  # "the second quake killed 12" is not the first quake's toll
    if a.prop or b.prop:
        return _score_measures(a, b)
    if a.scope and b.scope and a.scope != b.scope:
        return 0.0  # a toll in Turkey, one in Syria and one for both are three slots
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
    "accident"), not just their block: the event class of each predicate, from events.toml."""
    from .extractors.dates import event_class

    ca, cb = event_class(a.predicate), event_class(b.predicate)
    # Statements are never one event; a class that also holds outcome words ("killed",
    # "death" in the strike class) says what happened to people, not which event it was.
    return bool(ca) and ca == cb and ca != _reporting_event() and not _has_outcome_words(ca)


@cache
def _reporting_event() -> str:
    from .extractors.dates import event_class

    return event_class("say")


@cache
def _has_outcome_words(event: str) -> bool:
    words = tables.raw("events").get("classes", {}).get(event, [])
    return any(predicate_class(w)[0] in _exclusive() for w in words)


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


def _order(item: tuple[Fact, Features]) -> tuple[str, int, int, str]:
    f = item[0]
    return (f.doc, f.start, f.end, f.surface)


def _pairs_in(items: Sequence[tuple[Fact, Features]], stats: AlignStats) -> Iterator[tuple[int, int]]:
    """Index pairs to score inside one block, bounded as the module docstring says."""
    n = len(items)
    if n <= MAX_BLOCK:
        for i in range(n):
            for j in range(i + 1, n):
                yield i, j
        return
    stats.windowed_blocks += 1
    for i in range(n):
        for j in range(i + 1, min(n, i + 1 + WINDOW)):
            yield i, j


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
    are yielded as they are found, so a large corpus never holds them all.
    """
    stats = stats if stats is not None else AlignStats()
    facts = list(facts)
    if names is None:
        names = sentence_names(facts)
    wanted = set(families)
    items = [(f, features(f, names)) for f in facts if FAMILIES.get(f.kind) in wanted]
    stats.facts += len(items)
    grouped = blocks(items)
    # Facts without a predicate are copied into every part of a split block; pairs of two such
    # facts would be scored once per part, so those (only those) are remembered.
    seen: set[tuple[tuple[str, int, int], tuple[str, int, int]]] = set()
    for key, members in grouped.items():
        stats.blocks += 1
        stats.largest_block = max(stats.largest_block, len(members))
        split = len(key) > 2
        for i, j in _pairs_in(members, stats):
            (a, fa), (b, fb) = members[i], members[j]
            if split and not fa.predicate and not fb.predicate:
                ident = ((a.doc, a.start, a.end), (b.doc, b.start, b.end))
                if ident in seen:
                    continue
                seen.add(ident)
            if a.doc == b.doc and a.sentence and a.sentence_start == b.sentence_start:
                # A sentence does not contradict itself: two amounts or dates of one thing in
                # one sentence are a part and a whole ("one of two painters"), a range or a
                # sequence ("from Monday to Friday").
                continue
            stats.candidates += 1
            stats.per_family[key[0]] = stats.per_family.get(key[0], 0) + 1
            s = score(fa, fb)
            if s >= settings.min_confidence:
                stats.aligned += 1
                yield Pair(a, b, fa, fb, s)


def align(
    facts: Iterable[Fact],
    settings: Settings,
    families: Sequence[str] = ("count", "percent", "age", "measure", "date"),
    names: dict[tuple[str, int], tuple[frozenset[str], frozenset[str]]] | None = None,
    stats: AlignStats | None = None,
) -> list[Pair]:
    """All pairs of `iter_align` as a list."""
    return list(iter_align(facts, settings, families, names, stats))
