"""Name words, gazetteer and title matches, and headline lines over one document's tokens.

`_Doc` holds what the person and place rules of `discrepancy.extractors.names` read: the
tokens, the gazetteer and title matches indexed by token, the headline-like lines (asked
per line), and the runs of name words. `_surname_match` and `_near` tell which full name of
the document a surname alone can be, or whether it is near one.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import compress
from typing import Any, NamedTuple

import regex
from rapidfuzz.distance import JaroWinkler

from .. import identity
from ..document import Document
from ..facts import PersonName
from ..settings import Settings
from .nametables import _case_ok, _Entry, _kind, _Role, _Tables, _Tokens

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


class _Match(NamedTuple):
    """A gazetteer or title match. A named tuple: a document makes dozens."""

    start: int  # token index
    end: int  # token index after the match
    form: str
    entry: _Entry | None = None
    role: _Role | None = None


def _longest(
    tk: _Tokens, i: int, table: dict[tuple[str, ...], Any], prefixes: frozenset[tuple[str, ...]]
) -> tuple[int, Any] | None:
    """The longest table key starting at token ``i`` on one line: (end index, value)."""
    lows, lines = tk.lows, tk.lines
    best = None
    key: tuple[str, ...] = ()
    for j in range(i, min(len(lows), i + _MAX_GRAM)):
        if j > i and lines[j] != lines[i]:
            break
        key = (*key, lows[j])
        if key not in prefixes:
            break
        value = table.get(key)
        if value is not None:
            best = (j + 1, value)
    return best


@lru_cache(maxsize=1 << 16)
def _capitalized_word(text: str) -> bool:
    return _kind(text) == "word" and text[:1].isupper()


def _gaz_site(t: _Tables, text: str) -> bool:
    """Whether a gazetteer or alias-table match can start at a token ``text``. By the case
    rule of gazetteer.toml a match starts with a capital (all-caps forms are written as in
    the table), so "the", the most frequent first word of a key, is asked only as "The"."""
    low = text.lower()
    if low in t.gaz_first_uncapitalized:
        return True
    if not text[:1].isupper():
        return False
    return low in t.gaz_first or (_kind(text) == "word" and identity.fold(text) in t.place_first)


def _gazetteer(tk: _Tokens, t: _Tables, sites: Iterable[int] | None = None) -> list[_Match]:
    """Gazetteer matches, longest first from the left; then alias-table places. ``sites``:
    the tokens where one can start (`_sites`), if already known."""
    texts, lows = tk.texts, tk.lows
    out: list[_Match] = []
    done = 0  # token index after the last match
    for i in _sites(tk, t, _GAZ_SITE)[0] if sites is None else sites:
        if i < done:
            continue
        hit = _longest(tk, i, t.gaz, t.gaz_prefixes) if lows[i] in t.gaz_first else None
        if hit is not None and _case_ok(hit[1].form, texts[i:hit[0]]):
            out.append(_Match(i, hit[0], hit[1].form, entry=hit[1]))
            done = hit[0]
            continue
        if _capitalized_word(texts[i]):
            place = _alias_place(tk, i, t)
            if place is not None:
                out.append(place)
                done = place.end
    return out


def _alias_place(tk: _Tokens, i: int, t: _Tables) -> _Match | None:
    """A spelling of an alias-table place the fold joins ("Al-Assad" for "Al-Asad")."""
    texts, lines = tk.texts, tk.lines
    if identity.fold(texts[i]) not in t.place_first:
        return None
    for n in (3, 2, 1):
        seg = range(i, i + n)
        if i + n > len(texts) or any(_kind(texts[s]) != "word" or lines[s] != lines[i] for s in seg):
            continue
        form = t.place_folds.get(identity.fold(" ".join(texts[i:i + n])))
        # The article must be written as in the table: "Assad" alone is a person.
        if form is not None and _starts_article(form) == _starts_article(texts[i]):
            return _Match(i, i + n, form, entry=_Entry("alias-place", identity.place_key(form), form))
    return None


def _starts_article(text: str) -> bool:
    return bool(regex.match(r"(?i)(?:al|el)(?:[-‐‑ ]|$)", text))


def _titles(tk: _Tokens, t: _Tables, sites: Iterable[int]) -> dict[int, _Match]:
    """Title matches keyed by the index of their last token (a following "." included),
    starting at ``sites`` (`_sites`)."""
    texts, starts, ends = tk.texts, tk.starts, tk.ends
    by_end: dict[int, _Match] = {}
    done = 0  # token index after the last match
    for i in sites:
        if i < done:
            continue
        hit = _longest(tk, i, t.titles, t.title_prefixes)
        if hit is not None:
            end, (form, role) = hit
            capitalized = role.capitalized if role is not None else True
            if _case_ok(form, texts[i:end], capitalized):
                if end < len(texts) and texts[end] == "." and starts[end] == ends[end - 1]:
                    end += 1
                by_end[end - 1] = _Match(i, end, form, role=role)
                done = end
    return by_end


def _name_word(t: _Tables, text: str) -> bool:
    """Whether token ``text`` can be part of a name (gazetteer matches aside)."""
    if _kind(text) != "word":
        return False
    low = text.lower()
    if low in t.not_name or low in t.calendar:
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


# What a token's spelling can be (bits): a name word, the start of a gazetteer or alias-table
# match, the first word of a title. Most tokens are none of them. The two bits above them hold
# the token's class in the headline test (`_headline_class`), and the top one whether it is
# written in lowercase, so one lookup gives all.
_NAME_WORD, _GAZ_SITE, _TITLE_SITE = 1, 2, 4
_CLASS_SHIFT = 3
_LOWERCASE = 32


def _flags(t: _Tables, text: str) -> int:
    return ((_NAME_WORD if _name_word(t, text) else 0) | (_GAZ_SITE if _gaz_site(t, text) else 0)
            | (_TITLE_SITE if text.lower() in t.title_first else 0)
            | _headline_class(text) << _CLASS_SHIFT | (_LOWERCASE if text.islower() else 0))


class _FlagCache(dict[str, int]):
    """`_flags` against one set of tables, by spelling: a document asks it of every token and
    spellings recur across documents. A plain dict read by ``__getitem__`` in C (half the cost
    of an `lru_cache` hit); emptied when it grows past `_FLAG_CACHE_SIZE` spellings."""

    def __init__(self, t: _Tables) -> None:
        super().__init__()
        self.t = t

    def __missing__(self, text: str) -> int:
        if len(self) >= _FLAG_CACHE_SIZE:
            self.clear()
        value = self[text] = _flags(self.t, text)
        return value


_FLAG_CACHE_SIZE = 1 << 16


@lru_cache(maxsize=4)
def _spelling_flags(t: _Tables) -> Callable[[str], int]:
    """`_flags` against tables ``t``, cached by spelling (`_FlagCache`)."""
    return _FlagCache(t).__getitem__


# Tables for `bytes.translate` over the flags of a document's tokens (one byte each): one
# keeps a site bit, the other gives the headline class. Each is one C call per document.
_BIT_TABLES = {bit: bytes(v & bit for v in range(256))
               for bit in (_NAME_WORD, _GAZ_SITE, _TITLE_SITE, _LOWERCASE)}
_CLASS_TABLE = bytes(v >> _CLASS_SHIFT & 3 for v in range(256))


def _token_flags(tk: _Tokens, t: _Tables) -> bytes:
    """The `_flags` of every token, a byte each."""
    return bytes(map(_spelling_flags(t), tk.texts))


def _sites(tk: _Tokens, t: _Tables, *bits: int, flags: bytes | None = None) -> list[list[int]]:
    """Per site bit of `_flags`, the indices of the tokens whose spelling has it (one cached
    test per token, then no Python step per token). ``flags``: `_token_flags`, if known."""
    if flags is None:
        flags = _token_flags(tk, t)
    tokens = range(len(flags))
    return [list(compress(tokens, flags.translate(_BIT_TABLES[bit]))) for bit in bits]


# A line ending with one of these is a sentence, not a headline.
_LINE_ENDS = frozenset({".", "!", "?", "…", '"', "”", "’", "'", ":", ";"})


# What a token counts for in the headline test: not a word, a word that is no content word
# (short or a function word), a lowercase content word, a capitalized content word.
_NOT_WORD, _NOT_CONTENT, _CONTENT, _CAPITAL = 0, 1, 2, 3
# The ASCII capitals and letters, deleted from a line's bytes to count them.
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LETTERS = _ASCII_UPPER + _ASCII_UPPER.lower()


@lru_cache(maxsize=1 << 16)
def _headline_class(text: str) -> int:
    if _kind(text) != "word":
        return _NOT_WORD
    if len(text) <= 2 or text.lower() in _FUNCTION:
        return _NOT_CONTENT
    return _CAPITAL if text[0].isupper() or _ARTICLE_PREFIX.match(text) else _CONTENT


def _headline(texts: list[str], lo: int, hi: int, classes: bytes) -> bool:
    """Whether tokens ``lo:hi`` (one line) look like a headline or page furniture: mostly
    capitalized, no final stop. ``classes``: their `_headline_class`, a byte each."""
    if texts[hi - 1] in _LINE_ENDS:
        return False
    capital = classes.count(_CAPITAL)
    content = capital + classes.count(_CONTENT)
    if not content:
        return False
    if capital >= _HEADLINE_SHARE * content:
        return True
    # All capitals: counted over the line's letters at once, not letter by letter in Python.
    written = "".join(compress(texts[lo:hi], classes))
    if written.isascii():
        # ASCII letters are A-Z and a-z: deleting them from the bytes counts them in C.
        data = written.encode()
        letters = len(data) - len(data.translate(None, _ASCII_LETTERS))
        upper = len(data) - len(data.translate(None, _ASCII_UPPER))
        return letters >= 8 and upper >= 0.8 * letters
    alpha = "".join(filter(str.isalpha, written))
    return len(alpha) >= 8 and sum(map(str.isupper, alpha)) >= 0.8 * len(alpha)


class _Doc:
    """Per-document state of one extraction: the token lists of `_Tokens`, the gazetteer and
    title matches by token, the name words and the sentence starts. Each is built by one
    pass over the sites it concerns, not by Python work per token."""

    def __init__(self, doc: Document, t: _Tables) -> None:
        self.doc = doc
        self.text = doc.text
        self.t = t
        tk = self.tk = _Tokens(doc.text)
        self.texts, self.lows, self.lines = tk.texts, tk.lows, tk.lines
        self.starts, self.ends = tk.starts, tk.ends
        n = self.n = len(tk.texts)
        flags = _token_flags(tk, t)
        gaz_sites, title_sites, name_words = _sites(tk, t, _GAZ_SITE, _TITLE_SITE, _NAME_WORD, flags=flags)
        self.classes = flags.translate(_CLASS_TABLE)  # of the headline test, per token
        self.gaz = _gazetteer(tk, t, gaz_sites)
        self.gaz_at: dict[int, _Match] = {}
        self.gaz_end: dict[int, _Match] = {}
        for m in self.gaz:
            for k in range(m.start, m.end):
                self.gaz_at[k] = m
            self.gaz_end[m.end - 1] = m
        self.title_end = _titles(tk, t, title_sites)
        self.title_start = {m.start: m for m in self.title_end.values()}
        self.title_at: dict[int, _Match] = {}
        for m in self.title_end.values():
            for k in range(m.start, m.end):
                self.title_at[k] = m
        # Token indices of name words outside gazetteer matches.
        self.name_words = set(name_words).difference(self.gaz_at)
        self._headlines: dict[int, bool] = {}
        # Looked up with the lowercased text of name-run tokens only (words and "."), so the
        # lowercase possessive "'s" or symbols in this set never match.
        self.lower_words = set(compress(tk.texts, flags.translate(_BIT_TABLES[_LOWERCASE])))
        # Tokens that start a sentence or a line (the first token included).
        # The tokens at a sentence's start offset are found by one set lookup per token in C,
        # not by a search per sentence.
        sentence_offsets = {start for start, _ in doc.sentences}
        tokens = range(n)
        self.sentence_start = set(compress(tokens, tk.breaks))
        self.sentence_start.update(compress(tokens, map(sentence_offsets.__contains__, tk.starts)))
        if n:
            self.sentence_start.add(0)

    def headline(self, line: int) -> bool:
        """Whether line number ``line`` is headline-like (computed once per line asked)."""
        known = self._headlines.get(line)
        if known is None:
            lo, hi = bisect_left(self.lines, line), bisect_right(self.lines, line)
            known = self._headlines[line] = hi > lo and _headline(self.texts, lo, hi, self.classes[lo:hi])
        return known

    def word(self, i: int) -> bool:
        return i in self.name_words

    def runs(self) -> Iterator[tuple[int, int]]:
        """Maximal runs of name words (with initials' periods and inner particles).

        Title words never start a run; a one-word title may end one when no name follows
        it ("John Major said", "Martin Luther King").
        """
        texts, lines, lows, n = self.texts, self.lines, self.lows, self.n
        words, title_at = self.name_words, self.title_at
        j = 0  # token index after the last run
        for i in sorted(words.difference(title_at)):
            if i < j:
                continue
            j = i + 1
            line = lines[i]
            while j < n and lines[j] == line:
                if j in title_at:
                    m = title_at[j]
                    if m.end - m.start > 1 or self._title_leads_name(m):
                        break
                if j in words:
                    j += 1
                elif j + 1 not in words:
                    break  # most runs: no initial's period or particle before a name word
                elif texts[j] == "." and len(texts[j - 1]) == 1 and self.starts[j] == self.ends[j - 1]:
                    j += 1  # the period of an initial: "William H. Seely"
                elif lows[j] in _PARTICLES and lines[j + 1] == line:
                    j += 1
                else:
                    break
            yield i, j

    def _title_leads_name(self, m: _Match) -> bool:
        """Whether a name word or another title follows the title ``m`` on its line."""
        k = m.end
        if k >= self.n or self.lines[k] != self.lines[m.start]:
            return False
        return k in self.name_words or k in self.title_start


# ----------------------------------------------------------------------------- surnames


@lru_cache(maxsize=32)
def _alias_words(aliases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    """Last folded words of the alias-table and user alias names: only a surname ending in
    one can be joined by `identity.same_person` to a different family name."""
    names = [n for canon, variants in identity.table_groups("people") for n in (canon, *variants)]
    names += [n for group in aliases for n in group]
    return frozenset(k.split()[-1] for k in map(identity.fold, names) if k)


class _Reps:
    """The representative full names of one document, each with its folded family name: a
    surname alone is compared with all of them, and each fold is asked once per document."""

    def __init__(self, reps: list[PersonName]) -> None:
        self.folded = [(p, identity.fold(p.family)) for p in reps]
        self.by_family: dict[str, list[PersonName]] = {}
        for p, family in self.folded:
            self.by_family.setdefault(family, []).append(p)
        self.reps = reps


def _surname_match(person: PersonName, key: str, reps: _Reps, settings: Settings) -> PersonName | None:
    """The one full name of ``reps`` that the surname alone ``person`` (folded ``key``) can be."""
    if not key:
        return None  # `identity.same_person` needs a family name
    if key.split()[-1] in _alias_words(settings.aliases):
        pool = reps.reps
    else:
        # Without an alias group, `identity.same_person` joins a surname alone only to the
        # same folded family name: the other names need not be asked.
        pool = reps.by_family.get(key, [])
    matches = [p for p in pool if identity.same_person(person, p, settings)]
    return matches[0] if len(matches) == 1 else None


# The consonants of a family name, asked for every family name a surname is compared with.
_skeleton = lru_cache(maxsize=1 << 16)(identity.skeleton)


def _near(person: PersonName, key: str, reps: _Reps, settings: Settings) -> bool:
    """Whether the surname alone ``person`` may be a misspelt family name of ``reps``."""
    skeleton = None
    for p, other in reps.folded:
        # What `identity.confusable` needs at the least: another folded family name that
        # extends or shortens this one, is near it, or has the same consonants.
        if not other or other == key:
            continue
        if not (other.startswith(key) or key.startswith(other)
                or JaroWinkler.similarity(key, other) >= identity.CONFUSABLE_THRESHOLD):
            if skeleton is None:
                skeleton = _skeleton(person.family)
            if _skeleton(p.family) != skeleton:
                continue
        if identity.confusable(person, p, settings) is not None:
            return True
    return False
