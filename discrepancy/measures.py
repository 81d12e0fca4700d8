"""What a measured amount measures: its property, the thing measured and a reference point.

Two quantities of one dimension are one slot only when they measure the same property of the
same thing: "at a depth of 18 km" and "7 km below the surface" are two depths of one quake;
"60 kilometers southwest of Marrakech" is a distance from a place; "the 948-foot container
ship" and "the 1.6-mile bridge" are the lengths of two things. The cues live in
``data/measures.toml`` (see its header), loaded into `Property` records.

>>> from discrepancy.facts import Amount, Fact, Subject
>>> def q(sentence, surface, unit="kilometer", kind="quantity"):
...     at = sentence.index(surface)
...     return Fact("a", kind, Subject(), surface, at, at + len(surface),
...                 Amount.exact(1, unit=unit), sentence=sentence)
>>> measure_frame(q("The quake struck at a depth of about 17.9km (11 miles).", "about 17.9km"))
MeasureFrame(prop='depth', entity='', reference='', conversion=False)
>>> measure_frame(q("The quake struck at a depth of about 17.9km (11 miles).", "11 miles", "mile")).conversion
True
>>> measure_frame(q("It struck 72 kilometres (45 miles) southwest of Marrakesh.", "72 kilometres"))
MeasureFrame(prop='distance', entity='', reference='marrakesh', conversion=False)
>>> measure_frame(q("It was struck by a 948-foot-long container ship.", "948-foot", "foot"))
MeasureFrame(prop='length', entity='ship', reference='', conversion=False)
>>> measure_frame(q("The magnitude 6.8 earthquake struck at night.", "6.8", "", "count")).prop
'magnitude'
>>> measure_frame(q("Interstellar ($165M) cost more.", "$165M", "USD", "money"))
MeasureFrame(prop='cost', entity='interstellar', reference='', conversion=False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import tables
from .facts import Amount, Fact

_DIMENSIONS = frozenset({"length", "area", "time", "money", "count", "angle", "other"})


@dataclass(frozen=True)
class Property:
    """One property of `data/measures.toml`: its cues and the dimensions it applies to."""

    name: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    near: tuple[str, ...]
    dimensions: frozenset[str]


@dataclass(frozen=True)
class MeasureFrame:
    """What one amount measures (empty strings when the words do not say)."""

    prop: str = ""
    entity: str = ""
    reference: str = ""
    conversion: bool = False


def _words(name: str, spec: dict[str, object], key: str) -> tuple[str, ...]:
    value = spec.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise tables.TableError(f"data table measures.toml: [{name}] {key} should be a list of strings")
    return tuple(v.strip().lower() for v in value)


@cache
def properties() -> tuple[Property, ...]:
    """The properties of ``data/measures.toml`` in file order, validated."""
    out = []
    for name, spec in tables.raw("measures").items():
        if name == "magnitude_events":
            continue  # not a property: the events a magnitude measures (`_magnitude_events`)
        if not isinstance(spec, dict):
            raise tables.TableError(f"data table measures.toml: [{name}] should be a table")
        unknown = set(spec) - {"before", "after", "near", "dimensions"}
        if unknown:
            raise tables.TableError(f"data table measures.toml: [{name}] has unknown keys {sorted(unknown)}")
        dims = frozenset(_words(name, spec, "dimensions"))
        if not dims or not dims <= _DIMENSIONS:
            raise tables.TableError(
                f"data table measures.toml: [{name}] dimensions must be some of {sorted(_DIMENSIONS)}"
            )
        before, after, near = (_words(name, spec, k) for k in ("before", "after", "near"))
        if not (before or after or near):
            raise tables.TableError(f"data table measures.toml: [{name}] has no cue")
        out.append(Property(name, before, after, near, dims))
    return tuple(out)


@cache
def _magnitude_events() -> tuple[frozenset[str], frozenset[str]]:
    """(event nouns a magnitude measures, those told apart from the main event), from the
    [magnitude_events] table of measures.toml."""
    spec = tables.raw("measures").get("magnitude_events", {})
    events = frozenset(_words("magnitude_events", spec, "nouns"))
    apart = frozenset(_words("magnitude_events", spec, "apart"))
    if not apart <= events:
        raise tables.TableError("data table measures.toml: [magnitude_events] apart must be among nouns")
    return events, apart


def _alternation(phrases: tuple[str, ...]) -> str:
    # Longest first, spaces as any whitespace, a leading hyphen optional-with-space.
    parts = []
    for p in sorted(phrases, key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in p.lstrip("-").split())
        parts.append(body)
    return "|".join(parts)


_HEDGES = ("about", "some", "nearly", "approximately", "around", "roughly", "just", "over", "under", "almost")


def _may_end_with(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text``, its trailing spaces dropped, may end with one of ``words`` (in lower
    case): False only when it surely does not.

    A pattern anchored at the end is tried from every start of the text; when every match
    ends with one of a few words (then spaces), this test says at once that most texts hold
    none. Text beyond ASCII is not judged (a case-blind match need not lower-case alike).

    >>> _may_end_with("at a depth of  ", ("of",)), _may_end_with("killed at least ", ("of",))
    (True, False)
    """
    last = text.rstrip()
    return not last.isascii() or last.lower().endswith(words)


@cache
def _patterns(name: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str] | None]:
    prop = next(p for p in properties() if p.name == name)
    hedge = r"(?:(?:" + "|".join(_HEDGES) + r")\s+)*"
    before = (
        re.compile(r"(?<![\w-])(?:" + _alternation(prop.before) + r")\s*[-–]?\s*" + hedge + r"$", re.I)
        if prop.before else None
    )
    after = (
        re.compile(r"^\s*[-–]?\s*(?:" + _alternation(prop.after) + r")(?![\w])", re.I) if prop.after else None
    )
    near = re.compile(r"(?<![\w-])(?:" + _alternation(prop.near) + r")(?![\w-])", re.I) if prop.near else None
    return before, after, near


_Cue = tuple[str, re.Pattern[str] | None, tuple[str, ...], re.Pattern[str] | None, re.Pattern[str] | None]


@cache
def _cues(dim: str) -> tuple[_Cue, ...]:
    """``(name, before, before_ends, after, near)`` of the properties that apply to a
    dimension, in file order: each amount tries only those (a count, only magnitude).
    ``before_ends`` are the words a match of ``before`` ends with: a cue's last word, a hedge
    or a dash (`_may_end_with`)."""
    out = []
    for p in properties():
        if dim in p.dimensions:
            before, after, near = _patterns(p.name)
            ends = tuple(sorted({w.lstrip("-").split()[-1] for w in p.before} | set(_HEDGES) | {"-", "–"}))
            out.append((p.name, before, ends, after, near))
    return tuple(out)


# "72 kilometres (45 miles)", "8 knots or about 9 miles per hour": the second amount restates
# the first in other units (a number, then at most a unit, before the bracket or "or").
_CONVERSION_BEFORE = re.compile(
    r"\d[\w./-]{0,12}(?:\s+[a-z./]{1,12}){0,3}\s*(?:\(\s*|\s+or\s+)"  # "45 miles (", "8 knots or "
    r"(?:(?:about|some|nearly|approximately|around|roughly)\s+)?$",  # an optional hedge
    re.I,
)
# What every match of `_CONVERSION_BEFORE` ends with before its spaces (`_may_end_with`).
_CONVERSION_ENDS = ("(", "or", "about", "some", "nearly", "approximately", "around", "roughly")
_PAREN_AFTER = re.compile(r"^\s*\([^()]{0,40}\)")
_CLAUSE_BREAK = re.compile(r";|,\s+(?:while|whereas|but|and)\s")
_HYPHEN_UNIT = re.compile(r"\d\s*[-‑]\s*[A-Za-z]")
_STOP = frozenset({
    "and", "or", "of", "the", "a", "an", "to", "in", "on", "at", "from", "that", "which", "was", "is",
    "into", "with", "by", "for", "after", "before", "long", "tall", "wide", "high", "deep",
    # a new amount starts: "the 22-foot vessel thousands of feet underwater"
    "thousands", "hundreds", "dozens", "millions", "billions", "tens",
})
_NAME_BEFORE_PAREN = re.compile(
    r"([A-Z][\w’'-]*(?:[ \t]+[A-Z0-9][\w’'-]*){0,3})"  # a name: "The Interstellar", "Chandrayaan-3"
    r"[”\"’']?\s*\(\s*(?:estimated\s+at\s+)?$"  # its value in brackets right after it
)
_OF_ENTITY = re.compile(r"\b(?:cost|costs|budget|price)\s+(?:of|for)\s+(?:the\s+)?([A-Za-z][\w’'-]*)", re.I)
_SUBJECT_VERB = re.compile(r"\b([a-z][\w-]*)\s+(?:cost|costs|costing)\s+$")
_WHICH_IS = re.compile(r"([A-Za-z][\w-]*)\s*,?\s+(?:which|that)\s+(?:is|was)\s+$")
_REFERENCE = re.compile(
    r"^\s+(?:the\s+)?(?:(?:city|town|village|capital|coast|tourist\s+hotspot)\s+(?:of\s+)?)?([A-Z][\w’'-]+)"
)


def _left_determiner(left: str) -> bool:
    """The amount opens a noun phrase: "the Rs 600 crore mission", "a $2 billion plan"."""
    return bool(re.search(r"\b(?:the|a|an|its|their|his|her)\s+$", left, re.I))


def _dimension(fact: Fact) -> str:
    if fact.kind == "count":
        return "count"
    if fact.kind == "money":
        return "money"
    if fact.kind == "duration":
        return "time"
    unit = fact.value.unit if isinstance(fact.value, Amount) else ""
    if not unit:
        return "count"
    from . import units

    dim = units.dimension(unit)
    return {"[length]": "length", "[length] ** 2": "area", "[time]": "time", "[angle]": "angle"}.get(
        dim, "other"
    )


def _clause(fact: Fact) -> tuple[str, str, str]:
    """(left, right, whole clause) of the fact's sentence around it."""
    s = fact.sentence
    at, end = fact.start - fact.sentence_start, fact.end - fact.sentence_start
    if not s or not 0 <= at <= end <= len(s):
        return "", "", ""
    lo, hi = clause_bounds(s, at, end, _CLAUSE_BREAK)
    return s[lo:at], s[end:hi], s[lo:hi]


def clause_bounds(sentence: str, at: int, end: int, breaks: re.Pattern[str]) -> tuple[int, int]:
    """Start and end of the clause of ``sentence`` holding ``[at, end)``, clauses being cut
    where ``breaks`` matches.

    >>> clause_bounds("Two died in Chile; 9 in Peru.", 19, 20, re.compile(";"))
    (18, 29)
    """
    lo, hi = 0, len(sentence)
    for m in breaks.finditer(sentence):
        if m.end() <= at:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def _entity_after(right: str) -> str:
    """The head of the noun phrase after an adjectival measure: "container ship named" ->
    "ship", "Francis Scott Key Bridge in" -> "bridge" (two common nouns at most, or a name)."""
    text = re.sub(r"^\s*[-–]?\s*(?:long|tall|wide|high)?\s*", "", right)
    words: list[str] = []
    for tok in re.findall(r"[\w’'-]+|[^\w\s]", text)[:6]:
        if not re.match(r"[\w’'-]+$", tok) or tok.lower() in _STOP or tok.lower().endswith(("ed", "ing")):
            break
        if words and not tok[0].isupper() and len(words) >= 2:
            break
        words.append(tok)
        if len(words) >= 2 and not tok[0].isupper():
            break
    return _lemma(words[-1]) if words else ""


def _lemma(word: str) -> str:
    w = word.strip("’'\"").lower()
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def measure_frame(fact: Fact) -> MeasureFrame:
    """The `MeasureFrame` of an amount from the words of its clause."""
    left, right, clause = _clause(fact)
    if not clause:
        return MeasureFrame()
    after_paren = _PAREN_AFTER.sub("", right, count=1)
    tail = left[-60:]
    conversion = _may_end_with(tail, _CONVERSION_ENDS) and bool(_CONVERSION_BEFORE.search(tail))
    dim = _dimension(fact)
    prop = ""
    for name, before, ends, after, near in _cues(dim):
        cued = (before and _may_end_with(left, ends) and before.search(left)) or (
            after and after.match(after_paren)
        )
        if cued or (near and near.search(clause)):
            prop = name
            break
    adjectival = _HYPHEN_UNIT.search(fact.surface) or right.lstrip().startswith("-long")
    if not prop and dim == "length" and adjectival:
        prop = "length"  # "the 1.6-mile bridge span": an adjectival measure is the thing's size
    money_before_noun = dim == "money" and _left_determiner(left) and bool(_entity_after(right))
    if not prop and money_before_noun:
        prop = "cost"  # "the Rs 600 crore Chandrayaan-3 mission": what the mission costs
    if not prop:
        return MeasureFrame(conversion=conversion)
    entity = reference = ""
    if prop == "length":
        # An adjectival measure sizes the noun right after it ("the 22-foot vessel thousands of
        # feet underwater"); otherwise the amount's own subject.
        entity = _entity_after(after_paren) if adjectival else ""
        entity = entity or (fact.subject.head.lower() if fact.subject.head else _entity_after(after_paren))
        if not entity:
            m = _WHICH_IS.search(left)
            entity = _lemma(m.group(1)) if m else ""
    elif prop == "cost":
        m = _NAME_BEFORE_PAREN.search(left)
        if money_before_noun:
            entity = _entity_after(right)
        elif m:
            entity = m.group(1).split()[-1].lower()
        else:
            # "the budget of the mission is Rs 615 crore"; "a cost of nearly Rs 600 crore" names
            # no thing (the words after "of" are the amount itself).
            of = _OF_ENTITY.search(left + " \u2063 " + right)
            sv = _SUBJECT_VERB.search(left)
            entity = _lemma(of.group(1)) if of else (_lemma(sv.group(1)) if sv else "")
    elif prop == "magnitude":
        # The event measured: "a 6.7 aftershock" is not "the 7.8 earthquake"; "7.8 magnitude
        # quakes" (plural) speaks of several events at once and measures none of them.
        m = re.match(r"^\s*[-–]?\s*(?:magnitude\s+)?([a-z]+)", after_paren, re.I)
        word = m.group(1).lower() if m else ""
        events, apart = _magnitude_events()
        if word.endswith("s") and word[:-1] in events:
            return MeasureFrame(conversion=conversion)
        # Only the events told apart have an entity; any other word after the number
        # ("quake", "occurred") leaves the main event.
        entity = word if word in apart else ""
        if not entity and word not in events:
            # No event named after it: the last one named before it in its clause measures
            # ("a strong aftershock with a magnitude of 4.3", "500 aftershocks, some measuring 5.1").
            nouns = [w.lower() for w in re.findall(r"[A-Za-z]+", left)[-12:]]
            named = [w if w in events else w[:-1] for w in nouns if w in events or w[:-1] in events]
            entity = named[-1] if named and named[-1] in apart else ""
    elif prop == "distance":
        _, after, _ = _patterns("distance")
        m = after.match(after_paren) if after else None
        ref = _REFERENCE.match(after_paren[m.end():]) if m else None
        reference = ref.group(1).lower() if ref else ""
    return MeasureFrame(prop, entity, reference, conversion)


__all__ = ["MeasureFrame", "Property", "measure_frame", "properties"]
