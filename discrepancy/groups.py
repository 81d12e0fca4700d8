"""Groups: which people an amount counts, read from its clause.

`nationalities` gives the countries of the counted people ("9 British passengers", "154 were
Dutch", a list line "Malaysia: 43"); `countries_in_clause` the countries where they were
("killed 6,300 in Turkey and Syria"). Alignment keeps counts of different groups apart, so a
toll in Turkey is not compared with one in Syria.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from . import tables
from .facts import Fact
from .measures import clause_bounds
from .synonyms import _POSSESSIVE, _section_list, canonical_qualifier

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
    lo, hi = clause_bounds(fact.sentence, at, at, _CLAUSE_BREAK)
    found: set[str] = set()
    clause = fact.sentence[lo:hi]
    for m in _LOCATIVE_COUNTRIES.finditer(clause):
        words = [w for w in m.group(1).split() if w != "and"]
        for size in range(min(3, len(words)), 0, -1):
            for i in range(len(words) - size + 1):
                key = country_key(" ".join(words[i : i + size]).rstrip(".,"))
                if key:
                    found.add(key)
    if not found:
        # No locative: a country named on its own ("hit Turkey", a headline's "Turkey,
        # Syria earthquake toll"), never as part of a longer name ("the US Geological Survey").
        for m in _CAPITALIZED_RUN.finditer(clause):
            key = country_key(_POSSESSIVE.sub("", m.group()).rstrip(".,"))
            if key:
                found.add(key)
    return frozenset(found)


_NAME = r"[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3}"  # a capitalized name of 1-4 words


_DIVISION_PLACE = (
    r"(?:[Ii]n|[Aa]cross|[Tt]hroughout|[Ww]ithin)\s+(?:the\s+)?(?:"  # a locative preposition
    rf"(?P<named>{_NAME})\s+(?i:NOUNS)s?\b"  # "the Eastern Visayas region", "Rieti province"
    rf"|(?i:NOUNS)\s+of\s+(?P<of>{_NAME})"  # "the province of Ascoli Piceno"
    r"|(?P<alone>(?:[\w'\u2019.-]+\s+){1,4}?)alone\b)"  # "in Amatrice alone", "in one district alone"
)
# After the count: its own words first ("4,900 people were killed in the ... region", "17
# dead in the province of ..."), up to a relative pronoun or subordinator, whose clause speaks
# of something else ("injured in the crash that occurred in Balasore district").
_AFTER_STOP = re.compile(r"\b(?:that|which|who|where|when|after|before|as|since)\b|[,;(]")


@cache
def _division_scope() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a division place right after a count's own words, one fronted before it and its comma:
    "In one village alone, 40 people died")."""
    nouns = "|".join(sorted(map(re.escape, _section_list("divisions", "nouns")), key=len, reverse=True))
    place = _DIVISION_PLACE.replace("NOUNS", nouns)  # (NOUNS: the [divisions] alternation)
    after = re.compile(r"^(?:\s+[\w'\u2019-]+){0,4}?\s+" + place)
    before = re.compile(r"\b" + place + r"\s*,\s*(?:[\w'\u2019-]+\s+){0,3}$")
    return after, before


def regions_in_clause(fact: Fact) -> frozenset[str]:
    """Places below a country that restrict a count: a named administrative division
    ([divisions] of synonyms.toml) after a locative preposition, or any place followed by
    "alone", right after the count's own words or fronted before it. Keys are ``region:`` and
    the place in lower case.

    >>> from discrepancy.facts import Amount, Subject
    >>> def at(s, n):
    ...     i = s.index(n)
    ...     return Fact("a", "count", Subject(), n, i, i + len(n), Amount.exact(1), sentence=s)
    >>> sorted(regions_in_clause(at("The storm killed 812 people in the Bicol region.", "812")))
    ['region:bicol']
    >>> sorted(regions_in_clause(at("In one village alone, 40 people died.", "40")))
    ['region:one village']
    >>> sorted(regions_in_clause(at("The quake that struck Kaya province killed 300.", "300")))
    []
    >>> sorted(regions_in_clause(at("It injured 90 in the crash that occurred in Rala district.", "90")))
    []
    """
    if not fact.sentence:
        return frozenset()
    at, end = fact.start - fact.sentence_start, fact.end - fact.sentence_start
    if not 0 <= at <= end <= len(fact.sentence):
        return frozenset()
    after_re, before_re = _division_scope()
    right = fact.sentence[end : end + 120]
    stop = _AFTER_STOP.search(right)
    found: set[str] = set()
    own = right[: stop.start()] if stop else right
    for m in (after_re.match(own), before_re.search(fact.sentence[max(0, at - 120) : at])):
        if m:
            place = m.group("named") or m.group("of") or m.group("alone")
            found.add("region:" + " ".join(place.lower().split()))
    return frozenset(found)


@cache
def _group_words() -> frozenset[str]:
    """[group_words] of synonyms.toml: modifiers that pick a group out of the people counted."""
    return frozenset(w.lower() for w in _section_list("group_words", "words"))


@cache
def _country_keys() -> frozenset[str]:
    return frozenset(tables.raw("gazetteer").get("countries", {}))


@lru_cache(maxsize=1 << 16)
def country_key(word: str) -> str | None:
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
    """Country keys of the people a count counts: its head, its modifiers, "from <Country>",
    "N were Dutch", and the label of a list line ("Dutch nationals - 12", "Malaysia: 43").

    >>> from discrepancy.facts import Amount, Subject
    >>> british = Subject(head="passenger", qualifiers=("British",))
    >>> f = Fact("a", "count", british, "10", 0, 2, Amount.exact(10))
    >>> g = Fact("a", "count", Subject(head="briton"), "9", 0, 1, Amount.exact(9))
    >>> sorted(nationalities(f)), sorted(nationalities(g))
    (['uk'], ['uk'])
    >>> def line(s, n):
    ...     at = s.index(n)
    ...     return Fact("a", "count", Subject(), n, at, at + len(n), Amount.exact(1), sentence=s)
    >>> sorted(nationalities(line("154 were Dutch", "154")))
    ['netherlands']
    >>> sorted(nationalities(line("Dutch nationals - 12", "12")))
    ['netherlands']
    """
    s = fact.subject
    found = {k for k in (country_key(w) for w in (s.head, *s.qualifiers)) if k}
    words = _group_words()
    found.update(w.lower() for w in (s.head, *s.qualifiers) if w and w.lower() in words)
    if fact.sentence:
        at, end = fact.start - fact.sentence_start, fact.end - fact.sentence_start
        after = fact.sentence[end : end + 60]
        for pattern in (_FROM_COUNTRY, _WERE_DEMONYM):
            m = pattern.match(after)
            country = country_key(m.group(1)) if m else None
            if country:
                found.add(country)
        before = fact.sentence[max(0, at - 40) : max(0, at)]
        # A label ends with its dash or colon (then spaces): most text before a number does not.
        tail = before.rstrip()
        label = _LIST_LABEL.search(before) if tail and tail[-1] in "-\u2013:" else None
        country = country_key(label.group(1)) if label else None
        if country:
            found.add(country)
    return frozenset(found)


# "154 were Dutch", "45 are Malaysian": a copula and a demonym right after the number
_WERE_DEMONYM = re.compile(r"^\s+(?:were|are|was|is)\s+([A-Z][\w'\u2019-]+)")
# A list line's label before the number: "Dutch nationals - 12", "Malaysia: 43", "UK – 10"
_LIST_LABEL = re.compile(r"(?:^|\n|[•*]\s*)([A-Z][\w'\u2019.-]*)(?:\s+[a-z]+)?\s*[-\u2013:]\s*$")
