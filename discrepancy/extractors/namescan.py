"""Name words, gazetteer and title matches, and headline lines over one document's tokens.

`_Doc` holds what the person and place rules of `discrepancy.extractors.names` read: the
tokens, the gazetteer and title matches indexed by token, the headline-like lines, and the
runs of name words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from .. import identity
from ..document import Document
from .nametables import _case_ok, _Entry, _Role, _Tables, _Tok, _tokenize

# ----------------------------------------------------------------------------- words

# A hyphenated word is a name word only when every part after the first is capitalized
# ("Abdul-Mahdi", "Jean-Luc"), not "Iran-backed"; an article prefix is the exception.
_ARTICLE_PREFIX = regex.compile(r"^(?:al|el|Al|El)[-‐‑]\p{Lu}")  # al-Muhandis, El-Sisi
_HYPHEN_PART = regex.compile(r"[-‐‑](\p{L})")
_ROMAN = regex.compile(r"^[IVX]{1,5}$")  # Lightning II, Elizabeth II: not a name word alone

# Lowercase particles allowed inside a name: "Mohammed bin Salman", "Ursula von der Leyen".
_PARTICLES = frozenset({"bin", "ibn", "bint", "van", "von", "de", "da", "del", "der", "den", "di",
                        "du", "la", "le", "al", "el", "dos", "das", "ben"})
# A headline line has at least this share of capitalized content words and no final stop.
_HEADLINE_SHARE = 0.6
_FUNCTION = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "and",
                       "or", "but", "as", "from", "via", "over", "out", "into", "up", "after", "is",
                       "are", "was", "be", "its", "it", "that", "this", "amid", "says", "said"})
_MAX_GRAM = 8


# ----------------------------------------------------------------------------- matching


@dataclass(frozen=True, slots=True)
class _Match:
    start: int  # token index
    end: int  # token index after the match
    form: str
    entry: _Entry | None = None
    role: _Role | None = None


def _longest(
    toks: Sequence[_Tok], i: int, table: dict[tuple[str, ...], Any], prefixes: frozenset[tuple[str, ...]]
) -> tuple[int, Any] | None:
    """The longest table key starting at token ``i`` on one line: (end index, value)."""
    best = None
    key: tuple[str, ...] = ()
    for j in range(i, min(len(toks), i + _MAX_GRAM)):
        if j > i and toks[j].line != toks[i].line:
            break
        key = (*key, toks[j].low)
        if key not in prefixes:
            break
        value = table.get(key)
        if value is not None:
            best = (j + 1, value)
    return best


def _gazetteer(toks: Sequence[_Tok], t: _Tables) -> list[_Match]:
    out: list[_Match] = []
    i = 0
    while i < len(toks):
        hit = _longest(toks, i, t.gaz, t.gaz_prefixes) if toks[i].low in t.gaz_first else None
        if hit is not None and _case_ok(hit[1].form, toks[i:hit[0]]):
            out.append(_Match(i, hit[0], hit[1].form, entry=hit[1]))
            i = hit[0]
            continue
        if toks[i].kind == "word" and toks[i].text[:1].isupper():
            place = _alias_place(toks, i, t)
            if place is not None:
                out.append(place)
                i = place.end
                continue
        i += 1
    return out


def _alias_place(toks: Sequence[_Tok], i: int, t: _Tables) -> _Match | None:
    """A spelling of an alias-table place the fold joins ("Al-Assad" for "Al-Asad")."""
    if identity.fold(toks[i].text) not in t.place_first:
        return None
    for n in (3, 2, 1):
        seg = toks[i:i + n]
        if len(seg) < n or any(s.kind != "word" or s.line != seg[0].line for s in seg):
            continue
        form = t.place_folds.get(identity.fold(" ".join(s.text for s in seg)))
        # The article must be written as in the table: "Assad" alone is a person.
        if form is not None and _starts_article(form) == _starts_article(seg[0].text):
            return _Match(i, i + n, form, entry=_Entry("alias-place", identity.place_key(form), form))
    return None


def _starts_article(text: str) -> bool:
    return bool(regex.match(r"(?i)(?:al|el)(?:[-‐‑ ]|$)", text))


def _titles(toks: Sequence[_Tok], t: _Tables) -> dict[int, _Match]:
    """Title matches keyed by the index of their last token (a following "." included)."""
    by_end: dict[int, _Match] = {}
    i = 0
    while i < len(toks):
        hit = _longest(toks, i, t.titles, t.title_prefixes) if toks[i].low in t.title_first else None
        if hit is not None:
            end, (form, role) = hit
            capitalized = role.capitalized if role is not None else True
            if _case_ok(form, toks[i:end], capitalized):
                if end < len(toks) and toks[end].text == "." and toks[end].start == toks[end - 1].end:
                    end += 1
                by_end[end - 1] = _Match(i, end, form, role=role)
                i = end
                continue
        i += 1
    return by_end


def _name_word(tok: _Tok, t: _Tables) -> bool:
    if tok.kind != "word":
        return False
    text = tok.text
    if tok.low in t.not_name or tok.low in t.calendar:
        return False
    if _ARTICLE_PREFIX.match(text):
        return True
    if not text[0].isupper():
        return False
    if len(text) == 1:
        return True  # an initial: "William H Seely"
    if text.isupper() or _ROMAN.match(text):
        return False
    return all(p.isupper() for p in _HYPHEN_PART.findall(text))


def _headline_lines(toks: Sequence[_Tok], text: str, t: _Tables) -> set[int]:
    """Lines that look like headlines or page furniture: mostly capitalized, no final stop."""
    by_line: dict[int, list[_Tok]] = defaultdict(list)
    for tok in toks:
        by_line[tok.line].append(tok)
    out = set()
    for line, items in by_line.items():
        last = items[-1]
        if last.text in {".", "!", "?", "…", '"', "”", "’", "'", ":", ";"}:
            continue
        content = [x for x in items if x.kind == "word" and len(x.text) > 2 and x.low not in _FUNCTION]
        if not content:
            continue
        capital = sum(1 for x in content if x.text[0].isupper() or _ARTICLE_PREFIX.match(x.text))
        letters = [c for x in items if x.kind == "word" for c in x.text if c.isalpha()]
        all_caps = len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
        if all_caps or capital >= _HEADLINE_SHARE * len(content):
            out.add(line)
    return out


class _Doc:
    """Per-document state of one extraction."""

    def __init__(self, doc: Document, t: _Tables) -> None:
        self.doc = doc
        self.text = doc.text
        self.t = t
        self.toks = _tokenize(doc.text)
        self.gaz = _gazetteer(self.toks, t)
        self.gaz_at: dict[int, _Match] = {}
        self.gaz_end: dict[int, _Match] = {}
        for m in self.gaz:
            for k in range(m.start, m.end):
                self.gaz_at[k] = m
            self.gaz_end[m.end - 1] = m
        self.title_end = _titles(self.toks, t)
        self.title_start = {m.start: m for m in self.title_end.values()}
        self.title_at: dict[int, _Match] = {}
        for m in self.title_end.values():
            for k in range(m.start, m.end):
                self.title_at[k] = m
        self.headlines = _headline_lines(self.toks, doc.text, t)
        self.lower_words = {x.text for x in self.toks if x.kind == "word" and x.text.islower()}
        starts = {s for s, _ in doc.sentences}
        self.sentence_start = {i for i, x in enumerate(self.toks)
                               if x.start in starts or i == 0 or x.line != self.toks[i - 1].line}

    def word(self, i: int) -> bool:
        return 0 <= i < len(self.toks) and i not in self.gaz_at and _name_word(self.toks[i], self.t)

    def runs(self) -> Iterator[tuple[int, int]]:
        """Maximal runs of name words (with initials' periods and inner particles).

        Title words never start a run; a one-word title may end one when no name follows
        it ("John Major said", "Martin Luther King").
        """
        toks = self.toks
        i = 0
        while i < len(toks):
            if not self.word(i) or i in self.title_at:
                i += 1
                continue
            j = i + 1
            while j < len(toks) and toks[j].line == toks[i].line:
                m = self.title_at.get(j)
                if m is not None and (m.end - m.start > 1 or self._title_leads_name(m)):
                    break
                if self.word(j):
                    j += 1
                elif toks[j].text == "." and len(toks[j - 1].text) == 1 and self.word(j + 1) \
                        and toks[j].start == toks[j - 1].end:
                    j += 1  # the period of an initial: "William H. Seely"
                elif toks[j].low in _PARTICLES and self.word(j + 1) and toks[j + 1].line == toks[i].line:
                    j += 1
                else:
                    break
            yield i, j
            i = j

    def _title_leads_name(self, m: _Match) -> bool:
        """Whether a name word or another title follows the title ``m`` on its line."""
        k = m.end
        if k >= len(self.toks) or self.toks[k].line != self.toks[m.start].line:
            return False
        return self.word(k) or k in self.title_start
