"""Dates and times: absolute, relative to the dateline, with zones, and the event they date.

Reading is done by `discrepancy.extractors.timeexpr`; this module resolves each mention
against an *anchor* day and attaches the event the date belongs to.

Anchor: the document's dateline (``doc.published``); without one, the latest full date
(year, month and day) the document states itself; with neither, relative expressions keep
only what they say (a bare weekday stays ``When(weekday=...)``).

Resolution rules (news reports the past, so the past reading is the default):

* a bare weekday ("on Friday", "early Friday", "Monday afternoon") is the most recent such
  day on or before the anchor; after a future cue in its clause ("will", "is scheduled to")
  the nearest on or after it;
* "last Friday"/"previous Friday" is the Friday of the previous week (weeks start on Monday),
  "this Friday" the Friday of the anchor's week, "next Friday" that of the next week, "past
  Friday" the most recent strictly before the anchor, "coming Friday" the nearest strictly after;
* a date without a year takes the anchor's year, moved back a year when that would put it
  more than half a year after the anchor ("December 30" in a story dated January 2), or
  forward a year after a future cue when it would be more than half a year before;
* "last week", "at the weekend" are ranges: the value keeps the coarsest calendar fields the
  range shares and ``relative`` holds the text plus the ISO interval, e.g.
  ``"last week (2019-12-30/2020-01-05)"``, which `discrepancy.temporal.span` reads;
* "a day after", "the next day" are relative to another event: kept as ``relative`` text;
* the `corpus` pass gives dates still without a year the single year that the corpus's
  anchored documents (dateline, else their own full dates) agree on, and records
  ``("year", "corpus")`` in the fact's ``extra``.

>>> from discrepancy.document import Document
>>> doc = Document(id="a", text="Iran fired missiles on Wednesday.", published=When(2020, 1, 8))
>>> [(f.surface, f.value.render(), f.subject.head) for f in extract(doc, Settings())]
[('Wednesday', '2020-01-08', 'launch')]
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache, lru_cache
from itertools import accumulate
from typing import Final

import regex

from .. import align, tables
from ..document import Document
from ..events import _events, lemma
from ..facts import Fact, Subject, When
from ..settings import Settings
from .base import CorpusPass, Extractor
from .mention import Mention
from .resolve import (
    _safe_date,
    against_last,
    has_future_cue,
    has_past_cue,
    infer_year,
    occasion,
    resolve,
    resolve_weekday,
)
from .timedatelines import in_wire_dateline, place_zone
from .timeexpr import calendar, find_mentions
from .timezones import on_day

# matched backwards from the noun: one attempt, not one per start position before it
_OF_BEFORE_NOUN = regex.compile(
    r"\bof\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,2}$", regex.IGNORECASE | regex.REVERSE
)


def _of_complement(text: str, at: int) -> bool:
    """The event noun at ``at`` completes another noun ("the wreckage of a three-train
    collision"): a date later in the clause belongs to the clause's verb, not to it."""
    return bool(_OF_BEFORE_NOUN.search(text[max(0, at - 40) : at]))


@cache
def _versioned_event() -> str:
    """The event of a bare date beside a version number (events.toml [versioned])."""
    event = tables.require("events", "versioned", dict).get("event")
    word_class = _events()[0]
    if not isinstance(event, str) or event not in set(word_class.values()):
        raise tables.TableError(
            f"data table events.toml: [versioned] event = {event!r} is not a [classes] event"
        )
    return event


_EVENT_REACH = 240  # characters around a date searched for its event
_WORD = regex.compile(r"[\p{L}][\p{L}'’-]{0,30}")
_STOP = frozenset(
    """a an the of in on at to by for from with and or as is are was were be been has have had it
its this that these those their his her he she they we you i not no after before over during
into out up down off about than then also which who whom whose what when where while there
here some any all more most very just only even still""".split()
)


@lru_cache(maxsize=65536)
def _is_verb_form(word: str, lem: str) -> bool:
    word_class, reporting, forms, light, _participants, verbs = _events()
    w = word.lower()
    if w in light or lem in light or word[:1].isupper() or "-" in word:
        return False  # names ("States", "Mohammed") and compounds ("fully-armed") are not verbs
    if w in forms or lem in reporting or lem in verbs:
        return True
    if lem in word_class and (w.endswith(("ed", "s", "ing")) or w == lem):
        return True
    return w.endswith("ed") and len(w) > 4


def _source_before(text: str, verb_start: int, lo: int) -> str:
    """Who a reporting verb attributes the claim to: the noun phrase just before it.

    >>> _source_before("Iranian state TV claimed", 17, 0), _source_before("Later, officials said", 17, 0)
    ('iranian state tv', 'official')
    """
    gap = text[max(lo, verb_start - 3) : verb_start]
    if "," in gap or ";" in gap:
        return ""  # "..., said" after a quote: the speaker follows the verb, not before it
    words = list(_WORD.finditer(text, max(lo, verb_start - 80), verb_start))[-4:]
    phrase: list[str] = []
    phrase_start = verb_start  # where the phrase read so far begins
    for w in reversed(words):
        t = w.group()
        lem = lemma(t)
        if t.lower() in _STOP or (not t[0].isupper() and lem != t.lower() and _is_verb_form(t, lem)):
            break  # a stop word or an inflected verb ("killed") ends the phrase
        if text[w.end() : phrase_start].strip(" \t") not in ("", "'s", "’s"):
            break  # punctuation between words ends the phrase
        phrase.insert(0, t.lower())
        phrase_start = w.start()
    if len(phrase) == 1 and not words[-1].group()[0].isupper():
        return lemma(phrase[0])
    return " ".join(phrase)


def _source_after(text: str, verb_end: int, hi: int) -> str:
    """The speaker after an inverted reporting verb: '"...," said Zarif on Monday'.

    >>> _source_after('"Yes," said Javad Zarif on Monday.', 11, 34)
    'javad zarif'
    """
    names: list[str] = []
    for w in _WORD.finditer(text, verb_end, min(hi, verb_end + 60)):
        t = w.group()
        if not t[0].isupper() or t.lower() in calendar().weekdays or t.lower() in calendar().months:
            break
        names.append(t.lower())
        if len(names) == 3:
            break
    return " ".join(names)


@cache
def _date_words() -> frozenset[str]:
    """Month, weekday and part-of-day words: never the event of a date."""
    cal = calendar()
    return frozenset(cal.months) | frozenset(cal.weekdays) | frozenset(cal.parts)


@lru_cache(maxsize=65536)
def _word_info(word: str) -> tuple[str, str, str, bool, bool, bool, str]:
    """What `event_subject` asks of a word, once per word: the word itself, its lemma, its lower
    case, whether it is a month, weekday or part-of-day word, whether it is a verb form, whether
    it can name an entity (capitalized, no stop or date word), and its lemma if it qualifies an
    event (a participant or event word that is no statement), else ""."""
    word_class, _reporting, _forms, _light, participants, _verbs = _events()
    lem, low = lemma(word), word.lower()
    dated = low in _date_words()
    entity = word[0].isupper() and low not in _STOP and not dated
    qualifier = lem if (lem in participants or lem in word_class) and word_class.get(lem) != "say" else ""
    return word, lem, low, dated, _is_verb_form(word, lem), entity, qualifier


# The words of a date's neighbourhood and the gaps between them, as `regex.split` returns them
# (the group keeps the words): one C-level pass, with offsets summed by `accumulate`, instead
# of a match object per word.
_WORD_SPLIT = regex.compile(r"([\p{L}][\p{L}'’-]{0,30})")
# In ASCII text the letters are [A-Za-z]: there the standard `re` splits the same at half the cost.
_ASCII_WORD_SPLIT = re.compile(r"([A-Za-z][A-Za-z'-]{0,30})")
# Fields of `_word_info`, by position (Final: typed per field)
_W: Final = 0
_LEM: Final = 1
_LOW: Final = 2
_DATED: Final = 3
_VERB: Final = 4
_ENTITY: Final = 5
_QUAL: Final = 6


# A subordinate clause opened just before an event word: "the search for those missing after a
# bridge collapsed ... ended on Sunday" dates the end of the search, not the collapse.
_SUBORDINATOR = regex.compile(
    r"""\b(?:after|before|since|when|following)\b  # the subordinator
        (?:[ \t]{1,3}[\w'’-]+){0,3}[ \t]{1,3}$     # at most three words to the event word""",
    regex.IGNORECASE | regex.VERBOSE,
)


def _subordinate(text: str, at: int, sent_start: int) -> bool:
    """The word at ``at`` sits in a subordinate clause opened at most three words before it.

    >>> t = "The search for those missing after a bridge collapsed ended on Sunday."
    >>> _subordinate(t, t.index("collapsed"), 0)
    True
    >>> t = "The bridge collapsed and the search ended on Sunday."
    >>> _subordinate(t, t.index("collapsed"), 0)
    False
    """
    return _SUBORDINATOR.search(text, max(sent_start, at - 60), at) is not None


def event_subject(text: str, start: int, end: int, sent_start: int, sent_end: int) -> Subject:
    """The event a date at ``text[start:end]`` belongs to, from its sentence.

    The predicate is the nearest verb before the date in its clause (date adverbials follow
    their verb: "leaked on Wednesday"), else the nearest after it ("On Monday, mourners lined
    the streets"); an event noun nearer than that verb wins ("following an airstrike ... early
    Friday"). A reporting verb ("said Thursday") makes the date the statement's, with its source.

    >>> t = "The Pentagon said Thursday that the US military has killed Soleimani."
    >>> s = event_subject(t, 18, 26, 0, len(t))
    >>> (s.head, s.predicate, s.source)
    ('say', 'say', 'pentagon')
    """
    word_class, reporting, _forms, _light, _participants, _verbs = _events()
    # Only the neighbourhood of the date counts, which also keeps run-on "sentences" linear.
    sent_start, sent_end = max(sent_start, start - _EVENT_REACH), min(sent_end, end + _EVENT_REACH)
    # Word i spans text[starts[i]:ends[i]]; infos[i] is its `_word_info`.
    window = text[sent_start:sent_end]
    parts = (_ASCII_WORD_SPLIT if window.isascii() else _WORD_SPLIT).split(window)
    offsets = list(accumulate(map(len, parts), initial=sent_start))
    starts, ends = offsets[1:-1:2], offsets[2::2]
    infos = list(map(_word_info, parts[1::2]))
    # Words before the date, nearest first, and after it, nearest first (date words skipped).
    split = bisect.bisect_right(ends, start)
    after = bisect.bisect_left(starts, end)
    right = [i for i in range(after, len(infos)) if not infos[i][_DATED]]
    # The nearest verb (not an -ing form) and the nearest event noun before the date.
    verb = noun = None
    for i in range(split - 1, -1, -1):
        info = infos[i]
        if info[_DATED]:
            continue
        if verb is None and info[_VERB] and not info[_LOW].endswith("ing"):
            verb = i
        if noun is None and not info[_VERB] and info[_LEM] in word_class:
            noun = i
        if verb is not None and noun is not None:
            break
    if verb is not None and start - ends[verb] > 90:
        verb = None
    if verb is None:
        right_verb = next((i for i in right if infos[i][_VERB]), None)
        if right_verb is not None and starts[right_verb] - end <= 90:
            verb = right_verb
    predicate = ""
    head = ""
    source = ""
    modified = infos[right[0]] if right and starts[right[0]] - end <= 1 else None
    if (
        modified is not None
        and modified[_W].islower()
        and modified[_W] not in _STOP
        and not modified[_VERB]
        and not modified[_W].endswith("ing")
    ):
        # the date modifies the noun right after it: "after Friday prayers", "Monday's vote"
        predicate = modified[_LEM]
        head = word_class.get(modified[_LEM], modified[_LEM])
    elif (
        noun is not None
        and (
            verb is None
            or (ends[verb] <= starts[noun] and ends[verb] <= start and not _of_complement(text, starts[noun]))
        )
        and start - ends[noun] <= 60
    ):
        predicate = infos[noun][_LEM]
        head = word_class[predicate]
    elif verb is not None:
        predicate = infos[verb][_LEM]
        head = word_class.get(predicate, "")
        if predicate in reporting:
            source = _source_before(text, starts[verb], sent_start) or _source_after(
                text, ends[verb], sent_end
            )
    if not head:
        # Not a word of the date itself, nor a month or weekday name: "March 27" is no march.
        # (only words starting within 80 characters of the date: bisect to them)
        lo, hi = bisect.bisect_left(starts, start - 80), bisect.bisect_right(starts, start + 80)
        near = [
            (abs(starts[i] - start), starts[i], infos[i][_LEM])
            for i in range(lo, hi)
            if infos[i][_LEM] in word_class
            and not start <= starts[i] < end
            and not infos[i][_DATED]
            # an event word in a subordinate clause before the date's own verb is another event's
            and not (
                verb is not None and starts[i] < starts[verb] and _subordinate(text, starts[i], sent_start)
            )
        ]
        if near:
            head = word_class[min(near)[2]]
        else:
            head = predicate
    if not head and not predicate:
        versioned = _versioned_event()
        if align.identifiers(text[sent_start:start] + " " + text[end:sent_end]):
            head = predicate = versioned  # "Version 3.2.0 (2025-02-14)": that release's date
    # Event words and names within 100 characters of the date qualify it. (Only words that
    # start or end that near can: bisect to them.)
    qualifiers: set[str] = set()
    entities: set[str] = set()
    lo = min(bisect.bisect_left(starts, start - 100), bisect.bisect_left(ends, end - 100))
    hi = max(bisect.bisect_right(starts, start + 100), bisect.bisect_right(ends, end + 100))
    for i in range(lo, hi):
        info = infos[i]
        # (most words are neither: test that before the distances)
        if (info[_QUAL] or info[_ENTITY]) and (abs(starts[i] - start) <= 100 or abs(ends[i] - end) <= 100):
            if info[_QUAL] and info[_QUAL] != predicate:
                qualifiers.add(info[_QUAL])
            if info[_ENTITY] and starts[i] != sent_start:
                entities.add(info[_LOW])
    phrase = infos[verb][_W] if verb is not None else predicate
    return Subject(
        head=head,
        qualifiers=tuple(sorted(qualifiers)),
        predicate=predicate,
        entities=tuple(sorted(entities)),
        source=source,
        phrase=phrase,
    )


# --------------------------------------------------------------------------------------------
# The extractor


def _anchor(doc: Document, mentions: list[Mention]) -> tuple[dt.date | None, str]:
    if doc.published is not None and doc.published.date is not None:
        return doc.published.date, "dateline"
    fulls = [
        dt.date(m.year, m.month, m.day)
        for m in mentions
        if m.year is not None
        and m.month is not None
        and m.day is not None
        and not m.invalid
        and _safe_date(m.year, m.month, m.day) is not None
    ]
    return (max(fulls), "document") if fulls else (None, "")


_MAX_SENTENCE = 2000  # a longer "sentence" (a run-on page, a table) is cut around the fact


def _sentence_spans(doc: Document) -> tuple[list[int], tuple[tuple[int, int], ...]]:
    spans = doc.sentences
    return [s for s, _ in spans], spans


def _sentence_of(
    starts: list[int], spans: tuple[tuple[int, int], ...], start: int, end: int
) -> tuple[int, int]:
    """The sentence around ``start`` (bisect over cached starts), cut to a bounded window."""
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and spans[i][0] <= start <= spans[i][1]:
        s, e = spans[i]
    else:
        s, e = start, end
    if e - s > _MAX_SENTENCE:
        s, e = max(s, start - _MAX_SENTENCE // 2), min(e, end + _MAX_SENTENCE // 2)
    return s, max(e, end)


@cache
def _metadata_line() -> regex.Pattern[str]:
    cues = "|".join(regex.escape(c).replace(r"\ ", r"[ \t]{1,3}") for c in calendar().metadata_cues)
    return regex.compile(rf"[ \t]{{0,8}}(?:{cues})\b[ \t:]", regex.IGNORECASE)


def _is_metadata(text: str, start: int) -> bool:
    """The mention sits on a publication-data line ("Updated January 8th, 2020 at 20:40 IST").

    >>> _is_metadata("Updated January 8th, 2020", 8), _is_metadata("It was updated on May 3", 19)
    (True, False)
    """
    line_start = text.rfind("\n", 0, start) + 1
    if _metadata_line().match(text, line_start) is None:
        return False
    if start - line_start <= 40:
        return True
    # "Published: 23rd August 2023 06:04 PM | Last Updated: 23rd August 2023 06:27 PM": a later
    # date on a publication-data line follows another label on it.
    before = text[line_start:start]
    return any(m.start() > 0 for m in _label_anywhere().finditer(before))


@cache
def _label_anywhere() -> regex.Pattern[str]:
    cues = "|".join(regex.escape(c).replace(r"\ ", r"[ \t]{1,3}") for c in calendar().metadata_cues)
    return regex.compile(rf"(?:{cues})\b[ \t:]", regex.IGNORECASE)


def extract(doc: Document, settings: Settings) -> Iterator[Fact]:
    """Date facts of one document, each resolved against the document's anchor."""
    text = doc.text
    mentions = find_mentions(text, settings.date_order, settings.zones)
    for ps, pe in doc.dateline_spans:
        # Publication and update lines say when the page changed, not when something happened.
        mentions = [m for m in mentions if m.end <= ps or m.start >= pe]
    anchor, anchor_kind = _anchor(doc, mentions)
    mentions = [
        m for m in mentions if not _is_metadata(text, m.start) and not in_wire_dateline(text, m.start)
    ]
    starts, spans = _sentence_spans(doc)
    place = place_zone(text)
    last: When | None = None  # the last date written, for "the next day" and "a year earlier"
    for m in mentions:
        s_start, s_end = _sentence_of(starts, spans, m.start, m.end)
        future = anchor is not None and has_future_cue(text, m.start, s_start)
        # only a yearless month or date reads the tense of a past verb
        past = (
            anchor is not None
            and not future
            and m.month is not None
            and m.year is None
            and has_past_cue(text, m.start, s_start)
        )
        literal = m.literal()
        value = on_day(against_last(m, resolve(m, anchor, future, past, literal), last))
        if value.year is not None and not m.backref and (value.period or "") not in ("decade", "century"):
            last = value
        subject = event_subject(text, m.start, m.end, s_start, max(s_end, m.end))
        extra: tuple[tuple[str, str], ...] = ()
        if anchor is not None and value != literal:
            extra = (("anchor", anchor_kind),)
        if future:
            extra = (*extra, ("tense", "future"))
        label = occasion(text, m.start, s_start)
        if label:
            extra = (*extra, ("occasion", label))
        if place and value.hour is not None and value.utc_offset is None and not value.zone:
            extra = (*extra, ("place_zone", place))  # a clock time of the dateline's city
        yield Fact(
            doc=doc.id,
            kind="date",
            subject=subject,
            surface=m.surface,
            start=m.start,
            end=m.end,
            value=value,
            sentence=text[s_start:s_end],
            rule=m.rule,
            sentence_start=s_start,
            extra=extra,
        )


def _doc_year(doc: Document, facts: Sequence[Fact]) -> int | None:
    if doc.published is not None and doc.published.year is not None:
        return doc.published.year
    years = [
        f.value.date
        for f in facts
        if f.kind == "date"
        and isinstance(f.value, When)
        and f.value.date is not None
        and f.rule.startswith("dates.")
        and not f.get("year")
    ]
    return max(years).year if years else None


def _anchor_year(doc: Document, facts: Sequence[Fact], settings: Settings) -> int | None:
    return _doc_year(doc, facts)


def _corpus_year(years: Sequence[int | None], settings: Settings) -> int | None:
    """The one year the anchored documents agree on; None when they do not agree or none is."""
    distinct = {y for y in years if y is not None}
    return next(iter(distinct)) if len(distinct) == 1 else None


def _with_corpus_year(doc: Document, facts: list[Fact], year: int | None, settings: Settings) -> list[Fact]:
    """``facts`` with the corpus's year given to yearless dates (where the date exists)."""
    if year is None:
        return facts
    fixed = []
    for f in facts:
        v = f.value
        if (
            f.kind == "date"
            and f.rule.startswith("dates.")
            and isinstance(v, When)
            and v.year is None
            and v.month is not None
            and v.relative is None
        ):
            nv = on_day(replace(v, year=year))
            if nv.day is not None and nv.date is None:
                fixed.append(f)  # "February 29" in a common year: leave as it is
                continue
            d = nv.date
            if d is not None and v.weekday is not None and d.weekday() != v.weekday:
                fixed.append(f)  # "Friday 3 January" is not a Friday in that year: keep it yearless
                continue
            f = replace(f, value=nv, extra=(*f.extra, ("year", "corpus")))
        fixed.append(f)
    return fixed


# Yearless dates get the one year the corpus's anchored documents agree on. Anchored documents
# are those with a dateline or a full date of their own; when their years are not all the
# same, yearless dates keep comparing on the fields they have.
corpus = CorpusPass(
    summarize=_anchor_year,
    combine=_corpus_year,
    apply=_with_corpus_year,
)


EXTRACTOR = Extractor("dates", extract, corpus)

__all__ = [
    "EXTRACTOR",
    "corpus",
    "event_subject",
    "extract",
    "has_future_cue",
    "infer_year",
    "resolve",
    "resolve_weekday",
]
