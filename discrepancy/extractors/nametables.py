"""The name tables (gazetteer, given names, titles) and the word tokens they are keyed by.

`name_tables()` parses and validates ``data/gazetteer.toml``, ``data/given_names.toml`` and
``data/titles.toml`` once; a table key is the lowercased tokens of a form, so the tokenizer
that splits document text is the one that splits table forms. Used by
`discrepancy.extractors.namescan` and `discrepancy.extractors.names`.

>>> [t.text for t in _tokenize("Iran's U.S.-backed al-Muhandis")]
['Iran', "'s", 'U.S.', '-', 'backed', 'al-Muhandis']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate
from typing import Any, NamedTuple

import regex

from .. import identity, tables

# ----------------------------------------------------------------------------- tokens

# One capturing group around the whole token, so that a split returns gaps and tokens
# alternately: every list of `_Tokens` is then built by C-level maps over that one split,
# with no Python step per token (a document has some 130 tokens and few name sites). The
# classes are placeholders: Unicode properties for `regex`, or their code points for `re`.
_TOKEN_PATTERN = r"""
    (
      (?:[{Lu}]\.){{2,4}}                           # dotted abbreviations: U.S., U.K.
    | ['’]s(?![{L}{N}])                            # possessive ending: Iran's
    | [{L}{M}]{{1,40}}                               # a word of letters ...
        (?:(?:['’](?!s(?![{L}{N}]))|[-‐‑])          # ... joined by an apostrophe (not 's) or hyphen
           [{L}{M}]{{1,40}}){{0,4}}                    #     to at most four parts: al-Muhandis
    | [{N}]{{1,40}}                                  # digits: never part of a name
    | [^{S}{L}{N}{M}]                              # any other single character
    )
"""
_PROPERTIES = {"Lu": r"\p{Lu}", "L": r"\p{L}", "M": r"\p{M}", "N": r"\p{N}", "S": r"\s"}
_TOKEN = regex.compile(_TOKEN_PATTERN.format(**_PROPERTIES), regex.VERBOSE)


def _bmp_class(prop: str) -> str:
    """The Basic Multilingual Plane code points that `regex` matches with ``prop``, as the
    ranges of an `re` character class."""
    codes = [ord(c) for c in regex.findall(prop, "".join(map(chr, range(0x10000))))]
    ranges: list[list[int]] = []
    for c in codes:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "".join(f"\\u{a:04x}" if a == b else f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)


@cache
def _bmp_token() -> re.Pattern[str]:
    """`_TOKEN` for text without astral characters, with the same classes spelt out: there the
    standard `re` engine finds the tokens about twice as fast (a class within the Basic
    Multilingual Plane is one table lookup per character)."""
    classes = {name: _bmp_class(prop) for name, prop in _PROPERTIES.items()}
    return re.compile(_TOKEN_PATTERN.format(**classes), re.VERBOSE)


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")  # beyond the Basic Multilingual Plane

# The kind of a token, told from its text alone: the alternatives above start differently
# (only an abbreviation holds a period after a letter, only a possessive starts with an
# apostrophe followed by "s", a word starts with a letter or mark, a number with a digit).
_KIND = regex.compile(
    r"""
      (?P<abbr>\p{Lu}\.)                           # U.S.
    | (?P<poss>['’]s)                              # 's
    | (?P<word>[\p{L}\p{M}])                       # a word
    | (?P<num>\p{N})                               # digits
    """,
    regex.VERBOSE,
)


@lru_cache(maxsize=1 << 16)
def _kind(text: str) -> str:
    """The kind of token ``text``: abbr, poss, word, num or punct.

    >>> [_kind(w) for w in ("U.S.", "’s", "al-Muhandis", "42", ",")]
    ['abbr', 'poss', 'word', 'num', 'punct']
    """
    m = _KIND.match(text)
    return (m.lastgroup or "punct") if m is not None else "punct"


class _Tokens:
    """The tokens of one text as parallel lists, indexed by token number.

    ``breaks[i]`` counts the line breaks before token ``i``; ``lines[i]`` is its line.
    """

    __slots__ = ("breaks", "ends", "lines", "lows", "starts", "texts")

    def __init__(self, text: str) -> None:
        bmp = text.isascii() or _ASTRAL.search(text) is None
        parts = (_bmp_token() if bmp else _TOKEN).split(text)  # gap, token, gap, ..., gap
        self.texts: list[str] = parts[1::2]
        n = len(self.texts)
        offsets = list(accumulate(map(len, parts)))
        self.starts: list[int] = offsets[0:2 * n:2]
        self.ends: list[int] = offsets[1::2]
        # No token holds a line break, so each break is in the gap before the first token that
        # starts after it (or after the last token): a text has few, found without a step per token.
        self.breaks: list[int] = [0] * n
        at = text.find("\n")
        while at >= 0:
            k = bisect_right(self.starts, at)
            if k < n:
                self.breaks[k] += 1
            at = text.find("\n", at + 1)
        self.lines: list[int] = list(accumulate(self.breaks))
        self.lows: list[str] = list(map(str.lower, self.texts))


class _Tok(NamedTuple):
    """One token, for reading table forms (documents use the lists of `_Tokens`)."""

    text: str
    start: int
    end: int
    kind: str
    line: int
    low: str  # the text lowercased, for table lookups


def _tokenize(text: str) -> list[_Tok]:
    tk = _Tokens(text)
    rows = zip(tk.texts, tk.starts, tk.ends, map(_kind, tk.texts), tk.lines, tk.lows, strict=True)
    return [_Tok(*row) for row in rows]


# ----------------------------------------------------------------------------- tables


@dataclass(frozen=True, slots=True)
class _Role:
    key: str
    exclusive: bool
    default_org: str
    capitalized: bool
    one_per_place: bool = False


@dataclass(frozen=True, slots=True)
class _Entry:
    """One gazetteer form: ``kind`` is country, demonym, org, place, alias-place or agency."""

    kind: str
    key: str
    form: str


def _form_key(form: str) -> tuple[str, ...]:
    return tuple(t.low for t in _tokenize(form))


@cache
def _caps(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@cache
def _written_form(form: str) -> str:
    return " ".join(t.text for t in _tokenize(form))


def _case_ok(form: str, texts: Sequence[str], capitalized: bool = True) -> bool:
    """Case rule of gazetteer.toml and titles.toml (see their headers) for tokens ``texts``."""
    if not _caps(form):
        return not capitalized or texts[0][:1].isupper()
    written = " ".join(texts)
    wanted = _written_form(form)
    if written == wanted:
        return True
    letters = sum(c.isalpha() for c in form)
    return letters >= 4 and written == " ".join(w[:1] + w[1:].lower() for w in wanted.split())


class _Tables:
    """The name tables, parsed and validated once."""

    def __init__(self) -> None:
        self.gaz: dict[tuple[str, ...], _Entry] = {}
        self.org_country: dict[str, str] = {}
        raw = tables.raw("gazetteer")

        def add(key: tuple[str, ...], entry: _Entry) -> None:
            if not key:
                raise tables.TableError(f"data table gazetteer.toml: {entry.form!r} has no words")
            old = self.gaz.get(key)
            if old is not None:
                raise tables.TableError(
                    f"data table gazetteer.toml: {entry.form!r} is listed twice "
                    f"({old.kind} {old.key!r} and {entry.kind} {entry.key!r})"
                )
            self.gaz[key] = entry

        for section, kind in (("countries", "country"), ("organizations", "org")):
            groups = tables.string_map("gazetteer", section, _check_group)
            for key, spec in groups.items():
                for form in spec["names"]:
                    add(_form_key(form), _Entry(kind, key, form))
                # A person noun ("Briton", "Dutchmen") qualifies and marks a country exactly
                # as its adjective does, so it is read as a demonym.
                for form in (*spec.get("demonyms", ()), *spec.get("people", ())):
                    add(_form_key(form), _Entry("demonym", key, form))
                if "country" in spec:
                    self.org_country[key] = spec["country"]
        self.countries = frozenset(tables.string_map("gazetteer", "countries", _check_group))
        for form in _names(raw, "places"):
            add(_form_key(form), _Entry("place", identity.place_key(form), form))
        for form in _names(raw, "agencies"):
            add(_form_key(form), _Entry("agency", "", form))
        for canon, variants in identity.table_groups("places"):
            for form in (canon, *variants):
                words = _form_key(form)
                if words not in self.gaz:
                    self.gaz[words] = _Entry("alias-place", identity.place_key(canon), form)
        self.place_folds: dict[str, str] = {}
        self.place_first: set[str] = set()  # folded first words, a cheap filter
        for canon, variants in identity.table_groups("places"):
            for form in (canon, *variants):
                self.place_folds[identity.fold(form)] = form
                self.place_first.add(identity.fold(form.split()[0]))
                self.place_first.add(identity.fold(form).split()[0])
        tables.require("gazetteer", "words", dict)
        self.not_name = frozenset(w.lower() for w in _word_list("not_name"))
        self.common = frozenset(w.lower() for w in _word_list("common"))
        self.calendar = frozenset(w.lower() for w in _word_list("calendar"))
        self.given = frozenset(identity.fold(n) for n in tables.string_list("given_names", "names"))
        self.titles: dict[tuple[str, ...], tuple[str, _Role | None]] = {}
        for form in _title_list(tables.raw("titles").get("honorifics", {}).get("forms"), "honorifics"):
            self._add_title(form, None)
        roles = tables.string_map("titles", "roles", _check_role)
        for key, spec in roles.items():
            role = _Role(key, bool(spec["exclusive"]), str(spec.get("default_org", "")),
                         bool(spec.get("capitalized", False)), bool(spec.get("one_per_place", False)))
            for form in spec["forms"]:
                self._add_title(form, role)
        self.gaz_prefixes = _prefixes(self.gaz)
        self.title_prefixes = _prefixes(self.titles)
        # First words of the keys: most tokens start no key, and one set lookup says so.
        self.gaz_first = frozenset(k[0] for k in self.gaz_prefixes)
        self.title_first = frozenset(k[0] for k in self.title_prefixes)
        # A gazetteer match starts with a capital (the case rule), except with an all-caps form
        # whose written form does not start with a letter: the first words of those (if any).
        self.gaz_first_uncapitalized = frozenset(
            key[0] for key, e in self.gaz.items() if _caps(e.form) and not _written_form(e.form)[:1].isupper()
        )
        self.roles = {key: _Role(key, bool(s["exclusive"]), str(s.get("default_org", "")),
                                 bool(s.get("capitalized", False)), bool(s.get("one_per_place", False)))
                      for key, s in roles.items()}
        for role in self.roles.values():
            if role.default_org and role.default_org not in self.countries:
                raise tables.TableError(
                    f"data table titles.toml: [roles.{role.key}] default_org {role.default_org!r} "
                    "is not a country key of gazetteer.toml"
                )

    def _add_title(self, form: str, role: _Role | None) -> None:
        key = _form_key(form)
        if key in self.titles:
            raise tables.TableError(f"data table titles.toml: title {form!r} is listed twice")
        self.titles[key] = (form, role)


def _check_group(entry: str, value: Any) -> str | None:
    if not isinstance(value, dict):
        return "should be a table"
    names = value.get("names")
    if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
        return "needs `names`, a list of non-empty strings"
    for field in ("demonyms", "people"):
        forms = value.get(field, [])
        if not isinstance(forms, list) or not all(isinstance(n, str) and n.strip() for n in forms):
            return f"`{field}` should be a list of non-empty strings"
    if "country" in value and not isinstance(value["country"], str):
        return "`country` should be a string"
    unknown = sorted(set(value) - {"names", "demonyms", "people", "country"})
    if unknown:
        return f"unknown field(s) {', '.join(unknown)}"
    return None


def _check_role(entry: str, value: Any) -> str | None:
    if not isinstance(value, dict):
        return "should be a table"
    forms = value.get("forms")
    if not isinstance(forms, list) or not forms or not all(isinstance(f, str) and f.strip() for f in forms):
        return "needs `forms`, a list of non-empty strings"
    if not isinstance(value.get("exclusive"), bool):
        return "needs `exclusive = true` or `false`"
    if not isinstance(value.get("default_org", ""), str):
        return "`default_org` should be a string"
    if not isinstance(value.get("capitalized", False), bool):
        return "`capitalized` should be true or false"
    if not isinstance(value.get("one_per_place", False), bool):
        return "`one_per_place` should be true or false"
    unknown = sorted(set(value) - {"forms", "exclusive", "default_org", "capitalized", "one_per_place"})
    if unknown:
        return f"unknown field(s) {', '.join(unknown)}"
    return None


def _names(raw: dict[str, Any], section: str) -> tuple[str, ...]:
    names = raw.get(section, {}).get("names")
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise tables.TableError(f"data table gazetteer.toml: [{section}] needs `names`, a list of strings")
    return tuple(names)


def _word_list(key: str) -> tuple[str, ...]:
    return tables.section_list("gazetteer", "words", key)


def _title_list(value: Any, section: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise tables.TableError(f"data table titles.toml: [{section}] forms should be a list of strings")
    return tuple(value)


def _prefixes(keys: Iterable[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    return frozenset(k[:n] for k in keys for n in range(1, len(k) + 1))


@cache
def name_tables() -> _Tables:
    """The parsed and validated name tables (cached)."""
    return _Tables()


