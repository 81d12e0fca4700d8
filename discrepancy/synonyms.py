"""The synonym tables and the word-level readings alignment builds on.

``data/synonyms.toml`` classes heads, predicates and qualifiers; this module loads them into
validated look-ups (`canonical_head`, `predicate_class`, `canonical_qualifier`) and reads the
small cues of a sentence that tell facts apart: places after a locative (`locatives`),
versions (`identifiers`), plans (`tiers`), running totals (`is_running_total`).
"""

from __future__ import annotations

import calendar as _calendar
import re
from functools import cache, lru_cache

from . import tables
from .facts import Fact

# ---------------------------------------------------------------------------------------
# The synonym tables.

def normalize(word: str) -> str:
    """Lower case, dots and apostrophes dropped, hyphens and runs of spaces as one space.

    >>> normalize("U.S."), normalize("  Death-Toll "), normalize("U.S.A.")
    ('us', 'death toll', 'usa')
    >>> normalize("a_-\u00a0b\t"), normalize("__"), normalize(" killed in  Gaza ")
    ('a b', '', 'killed in gaza')
    """
    # Dots and apostrophes inside abbreviations go (U.S. -> us); underscores and hyphens
    # separate words as spaces do. This runs for every window of text alignment reads: plain
    # replacements and two tests for odd spaces cost less than substitutions per character.
    text = word.casefold().replace(".", "").replace("\u2019", "").replace("'", "").replace("`", "")
    text = text.replace("_", " ").replace("-", " ")
    if "  " in text or not text.isprintable():
        # A run of spaces or another space character (every one but " " is unprintable):
        # str.split() cuts at the whitespace a pattern's \s matches (both ask Unicode).
        return " ".join(text.split())
    return text.strip(" ")


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
    return tables.section_list("synonyms", section, key)


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
    # The pattern tries every capitalized word; a tier noun, which every match ends with, is
    # in few sentences, and looking for the nouns first is a handful of substring searches.
    if not any(noun in sentence for noun in _tier_nouns()):
        return frozenset()
    return frozenset(normalize(m.group(1)) for m in _tier_pattern().finditer(sentence))


@cache
def _tier_nouns() -> tuple[str, ...]:
    """The tier nouns of `_tier_pattern` as it matches them (case as written)."""
    return tuple(normalize(w) for w in _section_list("tiers", "nouns"))


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


@lru_cache(maxsize=1 << 16)
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


# The word-level look-ups below run for every fact alignment reads; a word's class never
# changes, so each distinct word is looked up once.
@lru_cache(maxsize=1 << 16)
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


@lru_cache(maxsize=1 << 16)
def canonical_qualifier(word: str) -> str:
    """The canonical spelling of a qualifier ("" for words that say nothing).

    >>> canonical_qualifier("U.S."), canonical_qualifier("American"), canonical_qualifier("the")
    ('us', 'us', '')
    """
    w = normalize(word)
    if w in _ignored():
        return ""
    return _qualifiers().get(w, w)


@lru_cache(maxsize=1 << 16)
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


@lru_cache(maxsize=1 << 14)
def _names_running_total(words: str) -> bool:
    """Whether a subject's head, verb or phrase names a running total ("death toll")."""
    return bool(_running_total_pattern().search(normalize(words)))


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
        if text and _names_running_total(text):
            return True
    if fact.sentence:
        at = fact.start - fact.sentence_start
        lo, hi = max(0, at - window), min(len(fact.sentence), at + len(fact.surface) + window)
        if pattern.search(normalize(fact.sentence[lo:hi])):
            return True
    return False
