"""Stories: which documents report the same event, so that only they are compared.

A folder can mix articles about unrelated events: "40 homes were flooded" in a flood story and
"55 homes were destroyed" in a wildfire story are not two accounts of one count. `group_stories`
splits the documents into `Story` records before comparison, and facts are never compared
across stories. The ``group_by`` setting chooses how:

* ``none`` - one story holds every document (no grouping).
* ``folder`` - a story per folder (per source file for JSON Lines records).
* ``field:NAME`` - a story per value of metadata field NAME (front matter ``story:``, a JSON
  Lines field); documents without the field form one story of their own.
* ``auto`` (default) - a story per folder when the folder layout already says so (two or more
  folders of several documents each, and few evidence links between folders); otherwise
  documents are clustered by the rare names, places and dates they share.

Auto clustering reads, per document, the names of the person, role and place facts already
extracted, the capitalized words the corpus never writes in lower case (so "The" or "Officials"
starting a sentence are not names), and full dates. Each such term weighs more the fewer
documents hold it (``log(1 + N / df)``), so a name found everywhere cannot link two events.
Two documents are linked when the cosine of their weighted term sets reaches `LINK`; stories
are the connected components. Only documents sharing a term are ever compared, and a term held
by more than `COMMON` documents only pairs each holder with its next few holders, so the work
stays near-linear. When no two documents are linked at all, nothing tells events apart and all
documents are one story. Otherwise a document that shares nothing stays in a story of its own,
and documents with no names or dates at all cannot be placed: they stay together (with the
only story, if there is just one). Stories do not depend on the order of the documents.

>>> docs = [Document("a.txt", "In Riverton, Mayor Ann Kowal said 40 homes were flooded."),
...         Document("b.txt", "Riverton officials and Kowal said 55 homes were flooded."),
...         Document("c.txt", "The Pine Ridge fire destroyed 55 homes near Calloway.")]
>>> [(s.id, s.documents) for s in group_stories(docs, [[], [], []], "auto")]
[('S1', ('a.txt', 'b.txt')), ('S2', ('c.txt',))]
>>> [s.documents for s in group_stories(docs, [[], [], []], "none")]
[('a.txt', 'b.txt', 'c.txt')]
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import combinations
from pathlib import PurePosixPath

import regex

from . import tables
from .document import Document
from .facts import Fact, PersonName, PlaceName, When
from .identity import fold
from .settings import parse_group_by

# Cosine similarity from which two documents are one story, and from which two groups of
# documents (their names pooled) are. Measured on the real-news dev set (10 events of 6
# passages): mixed into one folder, every LINK from 0.17 to 0.2 with MERGE from 0.07 to 0.10
# recovers the 10 events exactly (MERGE 0.06 joins two earthquakes, LINK 0.15 too); each event
# alone stays one story up to MERGE 0.10 (at 0.12 one event splits).
LINK = 0.2
MERGE = 0.08
# A term held by more documents than this pairs each holder with its next `NEIGHBOURS`
# holders (in id order) instead of with all of them: all pairs of a name in 5,000 of 10,000
# documents would be 12 million comparisons.
COMMON = 64
NEIGHBOURS = 8
# Weight of a full date against a name: two unrelated events can fall on one day.
DATE_WEIGHT = 0.5
# A folder layout "says" stories when at most this share of the evidence links cross folders.
CROSS_FOLDER_SHARE = 0.2
# Label: at most this many of the story's most shared names.
LABEL_TERMS = 2


@dataclass(frozen=True)
class Story:
    """One story: an id (``S1``, ``S2``... in order of first document id), a label saying what
    it is about (folder, field value or its most shared names) and its document ids, sorted."""

    id: str
    label: str
    documents: tuple[str, ...]


def group_stories(
    docs: Sequence[Document], per_doc_facts: Sequence[Sequence[Fact]], group_by: str = "auto"
) -> tuple[Story, ...]:
    """The stories of a corpus under ``group_by`` (``auto``, ``folder``, ``field:NAME``, ``none``).

    Every document is in exactly one story. Raises ``ValueError`` for a bad ``group_by`` or when
    ``per_doc_facts`` does not hold one entry per document.
    """
    if len(per_doc_facts) != len(docs):
        raise ValueError(f"per_doc_facts has {len(per_doc_facts)} entries for {len(docs)} documents")
    return group_by_terms(docs, [story_terms(facts) for facts in per_doc_facts], group_by)


def story_terms(facts: Sequence[Fact]) -> tuple[tuple[str, str], ...]:
    """What a document's facts tell of its story: the terms of its people, roles, places and
    full dates, with how each is written (all `group_stories` reads of the facts, so an engine
    can compute it where the facts are and send back only this)."""
    return tuple(term for fact in facts if (term := _fact_term(fact)) is not None)


def group_by_terms(
    docs: Sequence[Document], per_doc_terms: Sequence[Sequence[tuple[str, str]]], group_by: str = "auto"
) -> tuple[Story, ...]:
    """`group_stories` from each document's `story_terms` instead of its facts."""
    mode, field = parse_group_by(group_by)
    if len(per_doc_terms) != len(docs):
        raise ValueError(f"per_doc_terms has {len(per_doc_terms)} entries for {len(docs)} documents")
    if not docs:
        return ()
    if mode == "none":
        groups: list[tuple[str, list[str]]] = [("all documents", [d.id for d in docs])]
    elif mode == "folder":
        groups = _by_key({d.id: folder_of(d) for d in docs})
    elif mode == "field":
        groups = _by_key({d.id: _field_value(d, field) for d in docs})
    else:
        groups = _auto(docs, per_doc_terms)
    ordered = sorted((sorted(ids), label) for label, ids in groups)
    return tuple(Story(f"S{i}", label, tuple(ids)) for i, (ids, label) in enumerate(ordered, start=1))


def folder_of(doc: Document) -> str:
    """The folder a document comes from; for a JSON Lines record, its file.

    >>> folder_of(Document("news/a.txt", "x", path="corpus/news/a.txt"))
    'corpus/news'
    >>> folder_of(Document("feed.jsonl#3", "x", path="in/feed.jsonl")), folder_of(Document("a", "x"))
    ('in/feed.jsonl', '.')
    """
    if doc.path:
        path = doc.path.replace("\\", "/")
        if _plain_path(path):
            name = path[path.rfind("/") + 1 :]
            dot = name.rfind(".")
            jsonl = 0 < dot < len(name) - 1 and name[dot:].lower() == ".jsonl"  # as PurePosixPath.suffix
            return path if jsonl else _parent(path)
        pure = PurePosixPath(path)
        return pure.as_posix() if pure.suffix.lower() == ".jsonl" else pure.parent.as_posix()
    path = doc.id.split("#", 1)[0]
    return _parent(path) if _plain_path(path) else PurePosixPath(path).parent.as_posix()


def _plain_path(path: str) -> bool:
    """A relative path already in the form `PurePosixPath` gives (no empty, "." or ".."
    parts, no trailing slash): its folder is the text before the last slash."""
    return bool(path) and not path.startswith(("/", "./", "../")) and path not in (".", "..") and not (
        path.endswith(("/", "/.", "/..")) or "//" in path or "/./" in path or "/../" in path
    )


def _parent(path: str) -> str:
    cut = path.rfind("/")
    return path[:cut] if cut > 0 else "."


def _field_value(doc: Document, field: str) -> str:
    folded = {str(k).lower(): v for k, v in doc.metadata.items()}
    value = folded.get(field.lower())
    if value is None or isinstance(value, (dict, list)) or str(value).strip() == "":
        return f"no {field}"
    return f"{field}: {str(value).strip()}"


def _by_key(keys: dict[str, str]) -> list[tuple[str, list[str]]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for doc_id, key in keys.items():
        groups[key].append(doc_id)
    return list(groups.items())


# ---------------------------------------------------------------------------------------
# auto


def _auto(
    docs: Sequence[Document], per_doc: Sequence[Sequence[tuple[str, str]]]
) -> list[tuple[str, list[str]]]:
    order = sorted(range(len(docs)), key=lambda i: docs[i].id)
    ids = [docs[i].id for i in order]
    terms = _terms([docs[i] for i in order], [per_doc[i] for i in order])
    weights, display = _weights(terms)
    links = _links(terms, weights, LINK)
    folders = [folder_of(docs[i]) for i in order]
    if _folders_are_stories(folders, links):
        return _by_key(dict(zip(ids, folders, strict=True)))
    placed = [i for i in range(len(ids)) if terms[i]]
    unplaced = [i for i in range(len(ids)) if not terms[i]]
    # Close documents first, then groups whose pooled names are close: one event told by
    # outlets that each name different witnesses still pools the same places and officials.
    cores = _components(placed, links)
    pooled = [_pool(core, terms, weights) for core in cores]
    stories = [
        [i for k in group for i in cores[k]]
        for group in _components(range(len(cores)), _links(pooled, None, MERGE))
    ]
    if all(len(m) == 1 for m in stories):
        # No two documents are linked: no sign of several events, so nothing is split.
        return [("all documents", list(ids))]
    groups = [(_label(m, terms, weights, display), m) for m in stories]
    if unplaced:
        if len(groups) == 1:
            groups[0][1].extend(unplaced)
        else:
            groups.append(("documents without names", unplaced))
    return [(label, [ids[i] for i in m]) for label, m in groups]


def _components(nodes: Iterable[int], links: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Connected components of ``nodes`` under ``links``, each sorted, in order of first node."""
    parent = {i: i for i in nodes}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in links:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    members: dict[int, list[int]] = defaultdict(list)
    for i in sorted(parent):
        members[find(i)].append(i)
    return list(members.values())


def _pool(
    members: Sequence[int], terms: Sequence[dict[str, str]], weights: dict[str, float]
) -> dict[str, float]:
    """A group's names, each weighted by its rarity and the share of the group's documents holding it."""
    held: Counter[str] = Counter(t for i in members for t in terms[i])
    return {t: weights[t] * n / len(members) for t, n in held.items()}


def _folders_are_stories(folders: Sequence[str], links: Sequence[tuple[int, int]]) -> bool:
    """Two or more folders of several documents each, evidence links, and few across folders.

    Without any link there is no evidence that the folders hold different events (the sections
    of a documentation site that names nothing), so the folders alone do not split them.
    """
    sizes = Counter(folders)
    if not links or sum(1 for n in sizes.values() if n >= 2) < 2:
        return False
    cross = sum(1 for i, j in links if folders[i] != folders[j])
    return cross <= CROSS_FOLDER_SHARE * len(links)


def _weights(terms: Sequence[dict[str, str]]) -> tuple[dict[str, float], dict[str, str]]:
    """Term -> weight (rarer is heavier) and term -> the spelling used in labels."""
    df: Counter[str] = Counter()
    display: dict[str, str] = {}
    for doc_terms in terms:
        df.update(doc_terms.keys())
        for t, shown in doc_terms.items():
            # One spelling per term for labels: title case over capitals, then the first in order.
            if t not in display or (shown.isupper(), shown) < (display[t].isupper(), display[t]):
                display[t] = shown
    n = len(terms)
    weights = {
        t: (DATE_WEIGHT if t.startswith("date:") else 1.0) * math.log(1 + n / k) for t, k in df.items()
    }
    return weights, display


def _links(
    vectors: Sequence[Mapping[str, object]], weights: dict[str, float] | None, threshold: float
) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, whose vectors have a cosine of at least ``threshold``.

    ``vectors`` are term sets weighted by ``weights`` (documents) or term -> weight maps when
    ``weights`` is None (pooled groups). Only pairs sharing a term are scored.
    """
    def weight(v: Mapping[str, object], t: str) -> float:
        return weights[t] if weights is not None else float(v[t])  # type: ignore[arg-type]

    postings: dict[str, list[int]] = defaultdict(list)
    for i, v in enumerate(vectors):
        for t in v:
            postings[t].append(i)
    # Holders are in index order, so every pair comes out as (i, j), i < j; the pairs are made
    # in C (`combinations`, `zip`), not by a Python step each.
    candidates: set[tuple[int, int]] = set()
    for holders in postings.values():
        if len(holders) <= COMMON:
            candidates.update(combinations(holders, 2))
        else:
            for step in range(1, NEIGHBOURS + 1):  # each holder with its next NEIGHBOURS holders
                candidates.update(zip(holders, holders[step:], strict=False))
    if weights is not None:
        norms = [math.sqrt(sum(weights[t] ** 2 for t in v)) for v in vectors]
    else:
        norms = [math.sqrt(sum(weight(v, t) ** 2 for t in v)) for v in vectors]
    # A shared term adds its weight times itself to the dot product of two documents.
    squares = {t: w * w for t, w in weights.items()} if weights is not None else {}
    links = []
    for a, b in sorted(candidates):
        va, vb = vectors[a], vectors[b]
        small, large = (vb, va) if len(vb) < len(va) else (va, vb)  # the smaller one is walked
        if weights is not None:
            dot = sum(squares[t] for t in small if t in large)
        else:
            dot = sum(weight(small, t) * weight(large, t) for t in small if t in large)
        if dot >= threshold * norms[a] * norms[b]:
            links.append((a, b))
    return links


def _label(members: Sequence[int], terms: Sequence[dict[str, str]], weights: dict[str, float],
           display: dict[str, str]) -> str:
    """A story's most shared names: held by most of its documents, rarest first."""
    held: Counter[str] = Counter(t for i in members for t in terms[i])
    # Names first, then dates: a story told only by its dates is labelled by them.
    best = sorted(held, key=lambda t: (t.startswith("date:"), -held[t], -weights[t], t))[:LABEL_TERMS]
    return ", ".join(display[t] for t in best)


# A run of capitalized words joined by single spaces ("Francis Scott Key Bridge"), a word being
# dotted initials ("U.S."), or a capital, then letters and digits ("MH17", "Lahaina"), with
# inner hyphens or apostrophes ("Al-Haouz", "O'Brien"). The empty group ``first`` is set when
# the run starts a sentence, a line or a quotation, so one scan tells both (the look-behind is
# at most five characters long). One match per run, not per word: Python works per run.
_CAPITALIZED = regex.compile(
    r"""
    (?:(?<=
        (?:^|[.!?:;…\n#*>|]|["“‘(\[—–-])   # the text start, an end of sentence, a line break,
                                           # Markdown marks (headings, lists, quotes, tables),
                                           # an opening quote or bracket or a dash
        [ \t"“‘'(\[#*>]{0,4}               # then only blanks and such marks up to the word
    )(?P<first>))?
    (?<![\p{L}\p{N}.])            # starts a word
    (?:
        (?:\p{Lu}\.){2,4}+        # dotted initials
      | \p{Lu}[\p{L}\p{M}\p{N}]{1,30}+(?:[-'’][\p{L}\p{N}]{1,30}+){0,3}+   # a capitalized word
    )
    (?:[ ]                        # then, after one space, more words of the run
        (?:
            (?:\p{Lu}\.){2,4}+
          | \p{Lu}[\p{L}\p{M}\p{N}]{1,30}+(?:[-'’][\p{L}\p{N}]{1,30}+){0,3}+
        )
    )*
    """,
    regex.VERBOSE,
)
# A word in lower case: the corpus writes this word as a common word.
_LOWER = regex.compile(r"(?<![\p{L}\p{N}])\p{Ll}[\p{L}\p{M}]{0,30}+")
# The same two patterns for a text in ASCII, where the letter classes are [A-Za-z], the
# digits [0-9] and there are no marks: the `re` engine scans such text several times faster,
# and most documents are plain ASCII. Without the variable look-behind, whether a run starts
# a sentence is read by `_opens` at the runs that need it.
_ASCII_CAPITALIZED = re.compile(
    r"""
    [A-Z](?<![A-Za-z0-9.][A-Z])   # a capital that starts a word: the capital is read first, so
                                  # the engine skips to the next capital in C
    (?:
        \.(?:[A-Z]\.){1,3}+       # dotted initials
      | [A-Za-z0-9]{1,30}+(?:[-'][A-Za-z0-9]{1,30}+){0,3}+   # a capitalized word
    )
    (?:[ ]                        # then, after one space, more words of the run
        (?:
            (?:[A-Z]\.){2,4}+
          | [A-Z][A-Za-z0-9]{1,30}+(?:[-'][A-Za-z0-9]{1,30}+){0,3}+
        )
    )*
    """,
    re.VERBOSE,
)
_ASCII_LOWER = re.compile(r"[a-z](?<![A-Za-z0-9][a-z])[A-Za-z]{0,30}+")  # the letter read first, as above
# Typographic characters (quotes, dashes, spaces, currency signs) that are neither letters,
# marks nor digits, as the ASCII patterns can read them: the right single quote joins a word
# as an apostrophe does ("O’Brien’s"), the others play no part in either pattern. A text
# whose only non-ASCII characters are these (most news text) is scanned as ASCII; the words
# are then read from the text itself.
_TYPOGRAPHIC = (("’", "'"), *((c, "\x00") for c in "\xa0\u2009\u200a\u202f‘“”„–—…•·«»€£¥₹°×′″"))
if any(regex.match(r"[\p{L}\p{M}\p{N}]", c) for c, _ in _TYPOGRAPHIC):
    raise RuntimeError("stories._TYPOGRAPHIC holds a letter, a mark or a digit")


def _as_ascii(text: str) -> str:
    """The text with its `_TYPOGRAPHIC` characters replaced, one length for one length (a
    replacement of the characters present is faster than `str.translate`, which goes by
    character)."""
    for c, ascii_c in _TYPOGRAPHIC:
        if c in text:
            text = text.replace(c, ascii_c)
    return text
# What `_CAPITALIZED`'s look-behind reads before a run that starts a sentence: an opening
# mark, then at most four blanks or marks.
_OPENERS = frozenset(".!?:;…\n#*>|\"“‘([—–-")
_BLANKS = frozenset(" \t\"“‘'([#*>")


def _opens(text: str, start: int) -> bool:
    """Whether the word at ``start`` starts the text, a sentence, a line or a quotation (the
    ``first`` group of `_CAPITALIZED`).

    >>> _opens("Rescuers said. Officials", 15), _opens("Rescuers said Officials", 14)
    (True, False)
    """
    at = start
    while at > 0 and text[at - 1] not in _OPENERS:
        if start - at == 4 or text[at - 1] not in _BLANKS:
            return False
        at -= 1
    return True


def _terms(docs: Sequence[Document], per_doc: Sequence[Sequence[tuple[str, str]]]) -> list[dict[str, str]]:
    """Per document: evidence term -> how it is written (names, places and dates).

    A name of several capitalized words ("Francis Scott Key Bridge") is one term, so a long
    name shared by two events does not count as several pieces of evidence; its words are
    terms of their own only where the document also writes them alone.
    """
    written_lower: set[str] = set()
    keys: dict[str, str] = {}  # word -> folded key, each distinct word folded once
    # Capitalized words seen inside a sentence or beside another capitalized word: a word
    # capitalized only because it starts a sentence ("Rescuers") is not a name.
    inner: set[str] = set()
    # Per document: its runs of capitalized words joined by single spaces, as written (strings,
    # which the garbage collector does not track: a list per run would be tens of thousands of
    # live containers and bring on full collections in later stages).
    found: list[list[str]] = []
    for doc in docs:
        text = doc.text
        scan = text if text.isascii() else _as_ascii(text)
        ascii_text = scan.isascii()
        if not ascii_text:
            scan = text  # letters beyond ASCII: the Unicode patterns read the text itself
        # Lower-case words are letters only, the same in the text and in the scanned copy.
        written_lower.update((_ASCII_LOWER if ascii_text else _LOWER).findall(scan))
        runs: list[str] = []
        for m in (_ASCII_CAPITALIZED if ascii_text else _CAPITALIZED).finditer(scan):
            written = m.group() if scan is text else text[m.start() : m.end()]
            runs.append(written)
            if " " in written:
                for word in written.split(" "):  # a run of two or more: all its words are inner
                    key = keys.get(word)
                    if key is None:
                        key = keys[word] = _word_key(word)
                    inner.add(key)
                continue
            # One word alone (most runs): no split, one look-up.
            key = keys.get(written)
            if key is None:
                key = keys[written] = _word_key(written)
            if key not in inner and not (
                # Whether a word alone opens a sentence matters only while it is not known inside one.
                _opens(text, m.start()) if ascii_text else m.group("first") is not None
            ):
                inner.add(key)
        # A run written again adds no term (the first writing's are kept): each distinct run is
        # read once below. Some 40% of a news text's runs are repeats ("Trump", "Iran").
        found.append(list(dict.fromkeys(runs)))
    lower = {fold(w) for w in written_lower}
    skip = _not_names()
    # Whether a folded word can be (part of) a name, once per distinct word.
    name_word = {k: len(k) >= 2 and k in inner and k not in lower and k not in skip for k in keys.values()}
    out: list[dict[str, str]] = []
    for fact_terms, runs in zip(per_doc, found, strict=True):
        doc_terms: dict[str, str] = {}
        for written in runs:
            if " " not in written:
                # One word alone (most runs): a name when the word can be one.
                w = written
                k = keys[w]
                if name_word[k]:
                    doc_terms.setdefault(k, w[:-2] if w.endswith(("'s", "’s")) else w)
                continue
            # A word that is no name ends a name: "Canada's Finance Minister Ellen Marsh" holds
            # "Canada" and "Ellen Marsh".
            names: list[tuple[str, str]] = []
            for w in (*written.split(" "), ""):
                k = keys[w] if w else ""
                if k and name_word[k]:
                    possessive = w.endswith(("'s", "’s"))
                    names.append((k, w[:-2] if possessive else w))
                    if not possessive:
                        continue
                if names:
                    doc_terms.setdefault(" ".join(k for k, _ in names), " ".join(w for _, w in names))
                names = []
        covered = {w for k in doc_terms for w in k.split()}
        for term in fact_terms:
            # A person or place whose words are already terms adds no evidence of its own.
            if not covered.issuperset(term[0].split(":", 1)[1].split()):
                doc_terms.setdefault(*term)
        out.append(doc_terms)
    return out


def _word_key(word: str) -> str:
    """The folded key of a capitalized word, without its possessive ending."""
    return fold(word[:-2] if word.endswith(("'s", "’s")) else word)


def _fact_term(fact: Fact) -> tuple[str, str] | None:
    """The evidence term of a person, role, place or full-date fact."""
    value = fact.value
    if fact.kind in ("person", "role") and isinstance(value, PersonName) and value.family and value.given:
        return "person:" + fold(value.full), value.full
    if fact.kind == "place" and isinstance(value, PlaceName):
        return "place:" + (value.key or fold(value.name)), value.name
    if fact.kind == "date" and isinstance(value, When) and any(map(str.isdigit, fact.surface)):
        day = value.date
        if day is not None:
            return "date:" + day.isoformat(), day.isoformat()
    return None


@cache
def _not_names() -> frozenset[str]:
    """Folded capitalized words that never tell stories apart: sentence starters, months and
    weekdays, agencies, generic heads of names ("County", "River"), unit symbols, currency codes,
    zone abbreviations and titles (gazetteer, units, currencies, zones and titles tables)."""
    words: set[str] = set()
    gazetteer_words = tables.require("gazetteer", "words", dict)
    for key in ("common", "calendar", "not_name"):
        words.update(_string_list(gazetteer_words.get(key, []), f"gazetteer.toml [words] {key}"))
    agencies = tables.require("gazetteer", "agencies", dict)
    for name in _string_list(agencies.get("names", []), "gazetteer.toml [agencies] names"):
        words.update(name.split())
    # Unit symbols and currency codes are written as they are ("GB", "MW", "USD", "Rs") and
    # never in lower case, yet any two stories about storage or money share them.
    for where in ("units", "currencies"):
        for key, entry in tables.raw(where).items():
            if not isinstance(entry, dict):
                raise tables.TableError(f"data table {where}.toml: [{key}] is not a table")
            if where == "currencies":
                words.add(key)
            words.update(_string_list(entry.get("symbols", []), f"{where}.toml [{key}] symbols"))
    # Time-zone abbreviations ("GMT", "EST") date any story told with clock times.
    words.update(tables.require("zones", "zones", dict))
    titles = tables.raw("titles")
    words.update(_string_list(titles.get("honorifics", {}).get("forms", []), "titles.toml honorifics"))
    for key, role in titles.get("roles", {}).items():
        for form in _string_list(role.get("forms", []), f"titles.toml [roles.{key}] forms"):
            words.update(form.split())
    return frozenset(fold(w.rstrip(".")) for w in words if w.strip("."))


def _string_list(values: object, where: str) -> list[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise tables.TableError(f"data table {where}: expected a list of strings")
    return values
