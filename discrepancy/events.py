"""Event words: which words name the same kind of event (``data/events.toml``), their
lemmas, and the class of an event word. Read by the date extractor, which dates events, and
by alignment, which asks whether two dates' own words name one kind of event.
"""

from __future__ import annotations

from functools import cache, lru_cache

from . import tables
from .synonyms import _exclusive, predicate_class


@cache
def _events() -> tuple[
    dict[str, str], frozenset[str], dict[str, str], frozenset[str], frozenset[str], frozenset[str]
]:
    """(word -> event class, reporting lemmas, inflected form -> lemma, light verbs,
    participant nouns, other verbs), validated."""
    classes = tables.string_map(
        "events",
        "classes",
        lambda k, v: (
            None
            if isinstance(v, list) and all(isinstance(x, str) and x for x in v)
            else "should be a list of words"
        ),
    )
    word_class = tables.unique_inverse("events", classes)
    reporting = frozenset(tables.require("events", "reporting", dict)["words"])
    for w in reporting:
        if word_class.get(w, "say") != "say":
            raise tables.TableError(
                f"data table events.toml: reporting verb {w!r} is also in [{word_class[w]}]"
            )
        word_class[w] = "say"
    irregular = tables.string_map(
        "events", "irregular", lambda k, v: None if isinstance(v, list) else "a list"
    )
    forms = tables.unique_inverse("events", irregular)
    light = frozenset(tables.require("events", "light_verbs", dict)["words"])
    participants = frozenset(tables.require("events", "participants", dict)["words"])
    verbs = frozenset(tables.require("events", "verbs", dict)["words"])
    return word_class, reporting, forms, light, participants, verbs


def event_class(word: str) -> str:
    """The events.toml class of an event word or its lemma ("collided" -> "accident"), or "".

    >>> event_class("collided"), event_class("derailment"), event_class("said"), event_class("sing")
    ('accident', 'accident', 'say', '')
    """
    word_class, _reporting, forms, *_ = _events()
    w = word.lower()
    for form in (w, forms.get(w, ""), lemma(w)):
        if form and form in word_class:
            return word_class[form]
    return ""


@cache
def _known() -> frozenset[str]:
    word_class, _, _, _, participants, verbs = _events()
    return frozenset(word_class) | participants | verbs


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """A crude lemma for news verbs and nouns: irregular table, then suffix rules.

    >>> [lemma(w) for w in ("leaked", "killed", "said", "struck", "launched", "mourners", "spreading")]
    ['leak', 'kill', 'say', 'strike', 'launch', 'mourner', 'spread']
    """
    w = word.lower()
    forms = _events()[2]
    if w in forms:
        return forms[w]
    known = _known()
    if w in known:
        return w
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ing", "e"),
        ("ed", ""),
        ("ed", "e"),
        ("es", ""),
        ("s", ""),
        ("d", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            stem = w[: len(w) - len(suffix)] + repl
            if stem in known:
                return stem
            if suffix in ("ing", "ed") and len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in known:
                return stem[:-1]  # "hitting", "planned"
    if w.endswith("ed") and len(w) > 4:
        stem = w[:-2]
        # "updated" -> "update", "seized" -> "seize": a silent e after these endings
        return stem + "e" if stem.endswith(("at", "iz", "is", "v", "c", "g", "u", "rs", "ns")) else stem
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def one_kind_of_event(a: str, b: str) -> bool:
    """Whether two event words name one kind of event that tells events apart.

    Statements are never one event; a class that also holds outcome words ("killed" and
    "death" in the strike class) says what happened to people, not which event it was.

    >>> one_kind_of_event("collided", "crash"), one_kind_of_event("said", "announced")
    (True, False)
    """
    ca, cb = event_class(a), event_class(b)
    return bool(ca) and ca == cb and ca != event_class("say") and not _has_outcome_words(ca)


@cache
def _has_outcome_words(event: str) -> bool:
    words = _events_table().get(event, [])
    return any(predicate_class(w)[0] in _exclusive() for w in words)


@cache
def _events_table() -> dict[str, list[str]]:
    classes = tables.raw("events").get("classes", {})
    return {k: list(v) for k, v in classes.items() if isinstance(v, list)}
