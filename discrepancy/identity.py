"""Names as identities: transliteration fold, alias table, given-name subsets, confusable names.

A name is an identity, not a string. "Qassem Soleimani" and "Qasem Soleimani" are one man
(the `fold` joins them), "Javad Zarif" and "Mohammad Javad Zarif" are one man (given-name
subset), "Erbil" and "Irbil" are one city (the alias table, ``data/aliases.toml``), while
"Ruhollah Khomeini" and "Ali Khamenei" are two people whose names differ by two letters
(`confusable`).

>>> fold("Qassem Soleimani") == fold("Qasem Soleimani")
True
>>> same_person(PersonName(("Javad",), "Zarif"), PersonName(("Mohammad", "Javad"), "Zarif"))
True
>>> same_person(PersonName(("Ruhollah",), "Khomeini"), PersonName(("Ali",), "Khamenei"))
False
>>> confusable(PersonName(("Ruhollah",), "Khomeini"), PersonName(("Ali",), "Khamenei"))
'family names nearly identical but given names differ (Khomeini / Khamenei)'
>>> same_place("Erbil", "Irbil")
True
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache

import regex
from rapidfuzz import process
from rapidfuzz.distance import JaroWinkler

from . import tables
from .facts import PersonName, PlaceName
from .settings import Settings

# Two family names whose folded forms have a Jaro-Winkler similarity at or above this are
# "nearly identical". 0.9 is the customary cut-off for person names in record linkage (the
# Winkler prefix bonus makes it stricter than it looks): "Rouhani"/"Rohani" 0.96 and
# "Soleimani"/"Soleiman" 0.98 pass; "Trump"/"Truman" 0.89 and "Zarif"/"Sharif" 0.82 do not.
# Names that differ only in their vowels ("Khomeini"/"Khamenei", 0.82) are caught by the
# consonant-skeleton test in `confusable` instead.
CONFUSABLE_THRESHOLD = 0.9

# A truncated name ("Soleiman" for "Soleimani") is a proper prefix of the full one, at least
# this long after folding and missing at most `TRUNCATION_MAX_MISSING` letters: shorter
# prefixes are too often a different name ("Ali" / "Alison").
TRUNCATION_MIN_LENGTH = 5
TRUNCATION_MAX_MISSING = 2

_DEFAULT = Settings()

# Articles written before Arabic names ("al-Muhandis", "el-Sisi", "Al Mukhtar"): dropped by
# the fold because English text writes them with or without, joined or apart.
_ARTICLES = frozenset({"al", "el"})

# The spelling rules, applied in order to each folded word until nothing changes: the usual
# transliteration variants of Arabic and Persian names in English text. Literal rules are
# plain replacements; the last rule collapses doubled letters.
_WORD_RULES: tuple[tuple[str, str], ...] = (
    ("ph", "f"),  # Mustapha / Mustafa
    ("gh", "k"),  # Ghasem / Qasem (Persian gh for qaf)
    ("q", "k"),  # Qasem / Kasem, Iraq / Irak
    ("ck", "k"),  # Mackie / Makie
    ("ou", "u"),  # Rouhani / Ruhani, Youssef / Yusef
    ("oo", "u"),  # Yoosef / Yusef
    ("ee", "i"),  # Sheeraz / Shiraz, Fareed / Farid
)
_DOUBLED = regex.compile(r"(\p{L})\1")  # doubled letters: Qassem / Qasem, Assad / Asad


def _first_letter(m: regex.Match[str] | re.Match[str]) -> str:
    return m.group(1)


# All spellings of the Prophet's name used as a given name become one form (after the word
# rules have collapsed doubled letters): Mohammad, Mohammed, Muhammad, Mohamed, Mohamad,
# Muhammed, Mohamud.
_MUHAMMAD = regex.compile(r"^m[ou]h[ae]m[ae]?[ed]$|^m[ou]h[ae]mud$")

_NON_LETTER = regex.compile(r"[^\p{L}\s]+")
_JOINERS = regex.compile(r"[-‐‑‒–—_/.]+")
_APOSTROPHES = regex.compile(r"['’‘ʼʻ`´ʿʾ]")
_VOWELS = regex.compile(r"[aeiouy]")


# Doubled letters of a word in ASCII: the `re` engine reads it faster than `_DOUBLED`.
_ASCII_DOUBLED = re.compile(r"([a-z])\1")


def _fold_word(word: str) -> str:
    """The spelling rules over one folded word (letters only, lowercase)."""
    for spelled, repl in _WORD_RULES:
        word = word.replace(spelled, repl)
    word = (_ASCII_DOUBLED if word.isascii() else _DOUBLED).sub(_first_letter, word)
    return "muhamad" if word[:1] == "m" and _MUHAMMAD.match(word) else word


def _fold_once(text: str) -> str:
    if text.isascii() and text.isalpha():
        # One word of ASCII letters (most words asked): no diacritics, marks or articles to
        # drop, so only the spelling rules apply.
        return _fold_word(text.lower())
    text = text.upper().casefold()
    if not text.isascii():  # ASCII has no diacritics to strip
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("", text)  # Shi'ite / Shiite, Khamene'i / Khamenei
    text = _JOINERS.sub(" ", text)  # al-Muhandis / al Muhandis
    text = _NON_LETTER.sub("", text)
    words = text.split()
    # Drop articles only when a word follows: "Al" alone stays a name.
    while len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    words = [w for i, w in enumerate(words) if not (w in _ARTICLES and i + 1 < len(words))]
    return " ".join(map(_fold_word, words))


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The transliteration fold: one key for the spellings of one name.

    Lowercases, strips diacritics, apostrophes and hyphens, drops al-/el- articles,
    collapses doubled letters and maps q/k/gh, ou/u, ee/i and the spellings of Mohammad to
    one form. Idempotent and case-insensitive.

    >>> fold("Qassem"), fold("Qasem"), fold("GHASEM")
    ('kasem', 'kasem', 'kasem')
    >>> fold("Abu Mahdi al-Muhandis")
    'abu mahdi muhandis'
    >>> fold("Mohammed Javad Zarif") == fold("Muhammad Javad Zarif") == fold("Mohammad Javad Zarif")
    True
    >>> fold("Al-Assad"), fold("Rouhani"), fold("O'Brien"), fold("Hélène")
    ('asad', 'ruhani', 'obrien', 'helene')
    >>> fold(fold("Qassem")) == fold("Qassem")
    True
    """
    # Each rule only shortens a word or removes a letter the others may produce, so repeating
    # until nothing changes terminates; the loop makes the fold idempotent by construction.
    current = text
    for _ in range(12):
        nxt = _fold_once(current)
        if nxt == current:
            return nxt
        current = nxt
    return current


def skeleton(text: str) -> str:
    """The consonants of the folded text: names that differ only in vowels share it.

    >>> skeleton("Khomeini"), skeleton("Khamenei")
    ('khmn', 'khmn')
    """
    return _VOWELS.sub("", fold(text)).replace(" ", "")


def similarity(a: str, b: str) -> float:
    """Jaro-Winkler similarity of the folded strings (1.0 = same after folding).

    >>> similarity("Qassem", "Qasem")
    1.0
    >>> round(similarity("Soleimani", "Soleiman"), 2)
    0.98
    """
    return float(JaroWinkler.similarity(fold(a), fold(b)))


# --------------------------------------------------------------------------- alias tables


class _Aliases:
    """Alias groups as lookups: folded full name -> group, folded family -> groups.

    Table groups must not share a name (a clash is a `tables.TableError` naming both
    groups). User groups extend the table: a user group that shares a name with a table
    group is merged into it.
    """

    def __init__(
        self,
        table_groups: Sequence[tuple[str, tuple[str, ...]]],
        user_groups: Sequence[tuple[str, tuple[str, ...]]],
        table: str,
    ) -> None:
        self.group_of: dict[str, str] = {}
        for canon, variants in table_groups:
            for name in (canon, *variants):
                key = fold(name)
                if not key:
                    raise tables.TableError(f"data table {table}.toml: {name!r} folds to nothing")
                other = self.group_of.get(key)
                if other is not None and other != canon:
                    raise tables.TableError(
                        f"data table {table}.toml: {name!r} maps to both {other!r} and {canon!r}"
                    )
                self.group_of[key] = canon
        for canon, variants in user_groups:
            keys = [k for k in (fold(n) for n in (canon, *variants)) if k]
            touched = sorted({self.group_of[k] for k in keys if k in self.group_of})
            target = touched[0] if touched else canon
            for key, group in list(self.group_of.items()):
                if group in touched:
                    self.group_of[key] = target
            for key in keys:
                self.group_of[key] = target
        self.family_groups: dict[str, set[str]] = defaultdict(set)
        for key, group in self.group_of.items():
            self.family_groups[key.split()[-1]].add(group)

    def group(self, name: str) -> str | None:
        return self.group_of.get(fold(name))


def _check_group(entry: str, value: object) -> str | None:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        return "should be a list of non-empty names"
    return None


def table_groups(kind: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The alias groups of ``data/aliases.toml`` for ``kind`` ("people" or "places")."""
    table = tables.string_map("aliases", kind, _check_group)
    tables.unique_inverse("aliases", table)  # the same name under two identities is an error
    return tuple((canon, tuple(variants)) for canon, variants in table.items())


def _user_groups(groups: Iterable[Sequence[str]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((g[0], tuple(g[1:])) for g in groups if len(g) > 0)


@lru_cache(maxsize=32)
def _people(user: tuple[tuple[str, ...], ...]) -> _Aliases:
    return _Aliases(table_groups("people"), _user_groups(user), "aliases")


@lru_cache(maxsize=32)
def _places(user: tuple[tuple[str, ...], ...]) -> _Aliases:
    return _Aliases(table_groups("places"), _user_groups(user), "aliases")


# --------------------------------------------------------------------------- people


def _given(p: PersonName) -> list[str]:
    return [g for g in (fold(x) for x in p.given) if g]


def _given_compatible(a: list[str], b: list[str]) -> bool:
    """The shorter list is an in-order subsequence of the longer; an initial matches a name."""
    if not a or not b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    i = 0
    for word in long:
        if i < len(short) and (
            word == short[i]
            or (len(short[i]) == 1 and word.startswith(short[i]))
            or (len(word) == 1 and short[i].startswith(word))
        ):
            i += 1
    return i == len(short)


def _matches(name: str, p: PersonName) -> bool:
    key = fold(name)
    if not key:
        return False
    if " " in key:
        return key == fold(p.full) or (key.split()[-1] == fold(p.family) and _given_compatible(
            key.split()[:-1], _given(p)) and bool(_given(p)))
    return key == fold(p.family)


def _distinct(a: PersonName, b: PersonName, settings: Settings) -> bool:
    return any(
        (_matches(x, a) and _matches(y, b)) or (_matches(y, a) and _matches(x, b))
        for x, y in settings.distinct
    )


def _families_aliased(a: PersonName, b: PersonName, aliases: _Aliases) -> bool:
    fa, fb = fold(a.family), fold(b.family)
    fa, fb = fa.split()[-1] if fa else "", fb.split()[-1] if fb else ""
    return bool(aliases.family_groups.get(fa, set()) & aliases.family_groups.get(fb, set()))


def same_person(a: PersonName, b: PersonName, settings: Settings | None = None) -> bool:
    """Whether two mentions can name the same person.

    Family names must be equal after the fold (or joined by an alias group) and the given
    names compatible: one an in-order subset of the other, or one side without any. Two
    full names with identical given names and family names at or above
    `CONFUSABLE_THRESHOLD` are one person spelled two ways. ``settings.distinct`` pairs are
    never the same; ``settings.aliases`` groups always are.

    >>> P = PersonName
    >>> same_person(P(("Qassem",), "Soleimani"), P(("Qasem",), "Suleimani"))
    True
    >>> same_person(P(("Bashar",), "al-Assad"), P(("Hafez",), "al-Assad"))
    False
    >>> same_person(P((), "Esper"), P(("Mark",), "Esper"))
    True
    >>> same_person(P(("Hassan",), "Rouhani"), P(("Hassan",), "Rohani"))
    True
    """
    settings = settings or _DEFAULT
    if not fold(a.family) or not fold(b.family):
        return False
    if _distinct(a, b, settings):
        return False
    aliases = _people(settings.aliases)
    ga, gb = aliases.group(a.full), aliases.group(b.full)
    if ga is not None and gb is not None:
        return ga == gb
    given_a, given_b = _given(a), _given(b)
    if fold(a.family) == fold(b.family) or _families_aliased(a, b, aliases):
        return _given_compatible(given_a, given_b)
    full_a = [g for g in given_a if len(g) > 1]
    return (
        bool(full_a)
        and given_a == given_b
        and JaroWinkler.similarity(fold(a.family), fold(b.family)) >= CONFUSABLE_THRESHOLD
    )


def _family_key(p: PersonName, aliases: _Aliases) -> str:
    """The blocking key of a mention: its folded family name, or its alias group's."""
    family = fold(p.family)
    last = family.split()[-1] if family else ""
    groups = sorted(aliases.family_groups.get(last, ()))
    return f"alias:{groups[0]}" if groups else family


def link(names: Sequence[PersonName], settings: Settings | None = None) -> list[int]:
    """Cluster ids linking mentions of one person, numbered by first appearance.

    Full names (with given names) are joined when `same_person` holds; the clusters are the
    connected components, so they do not depend on the order of ``names``. A surname-only
    mention then joins the one cluster whose family name it shares; when there are none or
    several it stays apart (with the other surname-only mentions of that name).

    >>> P = PersonName
    >>> link([P(("Javad",), "Zarif"), P(("Ali",), "Khamenei"), P(("Mohammad", "Javad"), "Zarif"),
    ...       P((), "Zarif"), P((), "Esper"), P((), "Esper")])
    [0, 1, 0, 0, 2, 2]
    """
    settings = settings or _DEFAULT
    aliases = _people(settings.aliases)
    parent = list(range(len(names)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    # Mentions written alike (same folded given and family names) are one person outright;
    # only one representative of each spelling takes part in the pairwise comparisons.
    first_of: dict[tuple[tuple[str, ...], str, str], int] = {}
    for i, p in enumerate(names):
        sig = (tuple(_given(p)), fold(p.family), fold(p.full))
        if sig in first_of:
            union(first_of[sig], i)
        else:
            first_of[sig] = i
    reps = set(first_of.values())
    # Block by family key: full names are compared only within a block, plus across blocks
    # for the near-identical family names `same_person` accepts (compared block to block).
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(names):
        blocks[_family_key(p, aliases)].append(i)
    full = {i for i, p in enumerate(names) if _given(p) or aliases.group(p.full)}
    keys = sorted(blocks)
    for key in keys:
        members = [i for i in blocks[key] if i in full and i in reps]
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if same_person(names[i], names[j], settings):
                    union(i, j)
    # Across blocks `same_person` only joins identical given names with near-identical family
    # names, so those comparisons are blocked by the given names.
    by_given: dict[tuple[str, ...], dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    for key in keys:
        for i in blocks[key]:
            if i in full and i in reps and _given(names[i]) and key:
                by_given[tuple(_given(names[i]))][key].append(i)
    for _, families in sorted(by_given.items()):
        fkeys = sorted(families)
        for x, k1 in enumerate(fkeys):
            near = process.extract(
                k1, fkeys[x + 1:], scorer=JaroWinkler.similarity, score_cutoff=CONFUSABLE_THRESHOLD,
                limit=None,
            )
            for k2, _, _ in near:
                for i in families[k1]:
                    for j in families[k2]:
                        if same_person(names[i], names[j], settings):
                            union(i, j)
    # Surname-only mentions: join the unique full-name cluster of their block, if any.
    for key in keys:
        clusters = sorted({find(i) for i in blocks[key] if i in full})
        bare = [i for i in blocks[key] if i not in full]
        for i in bare:
            if i not in reps:
                continue  # joined to the first mention written the same way above
            compatible = [
                c for c in clusters if not any(
                    _distinct(names[i], names[j], settings)
                    for j in blocks[key] if j in reps and find(j) == c
                )
            ]
            if len(compatible) == 1:
                union(i, compatible[0])
            elif bare:
                union(i, bare[0])
    labels: dict[int, int] = {}
    out = []
    for i in range(len(names)):
        root = find(i)
        out.append(labels.setdefault(root, len(labels)))
    return out


def _written(text: str) -> str:
    """Case and punctuation ignored, spelling kept: for telling spellings apart."""
    return " ".join(_NON_LETTER.sub(" ", _JOINERS.sub(" ", _APOSTROPHES.sub("", text.casefold()))).split())


def confusable(a: PersonName, b: PersonName, settings: Settings | None = None) -> str | None:
    """Why two different identities could be one name misspelt, or None.

    >>> P = PersonName
    >>> confusable(P(("Qasem",), "Soleimani"), P((), "Soleiman"))
    'possible truncation of Soleimani (written Soleiman)'
    >>> confusable(P(("Bashar",), "al-Assad"), P(("Hafez",), "al-Assad")) is None
    True
    >>> confusable(P(("Donald",), "Trump"), P(("Harry",), "Truman")) is None
    True
    """
    settings = settings or _DEFAULT
    if same_person(a, b, settings) or _distinct(a, b, settings):
        return None
    fa, fb = fold(a.family), fold(b.family)
    if not fa or not fb or fa == fb:
        return None
    short, long = (a, b) if len(fa) <= len(fb) else (b, a)
    fs, fl = fold(short.family), fold(long.family)
    if (
        fl.startswith(fs)
        and len(fs) >= TRUNCATION_MIN_LENGTH
        and len(fl) - len(fs) <= TRUNCATION_MAX_MISSING
        and _given_compatible(_given(short), _given(long))
    ):
        return f"possible truncation of {long.family} (written {short.family})"
    # The Winkler prefix bonus rates a long extension of a name as close ("Esper" /
    # "Esperanza" 0.91): near-identical names also have about the same length.
    near = (
        JaroWinkler.similarity(fa, fb) >= CONFUSABLE_THRESHOLD
        and abs(len(fa) - len(fb)) <= TRUNCATION_MAX_MISSING
    )
    vowels_only = len(skeleton(a.family)) >= 3 and skeleton(a.family) == skeleton(b.family)
    if not (near or vowels_only):
        return None
    if _given(a) and _given(b):
        return f"family names nearly identical but given names differ ({a.family} / {b.family})"
    if a.role and b.role and (a.role, a.org) != (b.role, b.org):
        return f"family names nearly identical but roles differ ({a.family} / {b.family})"
    return f"family names nearly identical ({a.family} / {b.family}): possible misspelling"


def variant(
    a: str | PersonName | PlaceName, b: str | PersonName | PlaceName, settings: Settings | None = None
) -> bool:
    """Two spellings of one identity (reported as information, never as a conflict).

    Strings and `PlaceName` values are compared as places, `PersonName` values as people.
    Case and punctuation alone are not a variant; a missing given name is not either.

    >>> variant("Erbil", "Irbil"), variant("Al-Asad", "Al-Assad"), variant("Iran", "IRAN")
    (True, True, False)
    >>> variant(PersonName(("Qassem",), "Soleimani"), PersonName(("Qasem",), "Soleimani"))
    True
    >>> variant(PersonName(("Javad",), "Zarif"), PersonName(("Mohammed", "Javad"), "Zarif"))
    False
    """
    settings = settings or _DEFAULT
    if isinstance(a, PersonName) and isinstance(b, PersonName):
        if not same_person(a, b, settings):
            return False
        if _written(a.family) != _written(b.family):
            return True
        ga, gb = [_written(g) for g in a.given], [_written(g) for g in b.given]
        fga, fgb = _given(a), _given(b)
        # Given names that fold alike but are written differently ("Qassem"/"Qasem").
        for wa, fa in zip(ga, fga, strict=False):
            for wb, fb in zip(gb, fgb, strict=False):
                if fa == fb and wa != wb:
                    return True
        return False
    na = a.name if isinstance(a, PlaceName) else a.full if isinstance(a, PersonName) else a
    nb = b.name if isinstance(b, PlaceName) else b.full if isinstance(b, PersonName) else b
    return same_place(na, nb, settings) and _written(na) != _written(nb)


# --------------------------------------------------------------------------- places


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Folded country name -> country key, from ``data/gazetteer.toml`` [countries]."""
    out: dict[str, str] = {}
    for key, spec in tables.require("gazetteer", "countries", dict).items():
        names = spec.get("names", []) if isinstance(spec, dict) else []
        for name in names:
            out.setdefault(fold(name), key)
    return out


def place_key(name: str, settings: Settings | None = None) -> str:
    """The identity key of a place: a country's key, its alias group's fold, or its own fold.

    >>> place_key("Irbil"), place_key("Ain al-Asad"), place_key("Al-Assad"), place_key("Kufa")
    ('erbil', 'asad airbase', 'asad airbase', 'kufa')
    >>> place_key("U.S."), place_key("United States"), place_key("Britain")
    ('us', 'us', 'uk')
    """
    settings = settings or _DEFAULT
    group = _places(settings.aliases).group(name)
    if group is not None:
        return fold(group)
    folded = fold(name)
    return _countries().get(folded, folded)


def same_place(a: str | PlaceName, b: str | PlaceName, settings: Settings | None = None) -> bool:
    """Whether two place names are one place (fold + alias table).

    >>> same_place("Al-Asad", "Ain al-Asad"), same_place("Erbil", "Baghdad")
    (True, False)
    """
    na = a.name if isinstance(a, PlaceName) else a
    nb = b.name if isinstance(b, PlaceName) else b
    ka, kb = place_key(na, settings), place_key(nb, settings)
    return bool(ka) and ka == kb


# --------------------------------------------------------------------------- nationalities

# A demonym ending in a sibilant or in "-ese" doubles as its plural person noun ("Swiss",
# "British", "Dutch", "French", "Chinese"): no "s" is added to it. "Czech" ends in a "k"
# sound and takes one ("Czechs").
_UNINFLECTED = ("s", "sh", "tch", "nch", "x", "z", "ese")


def _plain(text: str) -> str:
    """Case, diacritics, apostrophe shapes, spacing and a leading "the" ignored."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_APOSTROPHES.sub("'", text).split()).removeprefix("the ")


@lru_cache(maxsize=1)
def _nationalities() -> tuple[dict[str, str], dict[str, str]]:
    """(forms written in capitals, as written -> key; other forms, plain -> key)."""
    caps: dict[str, str] = {}
    plain: dict[str, str] = {}
    plurals: dict[str, str] = {}
    for key, spec in tables.require("gazetteer", "countries", dict).items():
        if not isinstance(spec, dict):
            continue
        for field in ("names", "demonyms", "people"):
            for form in spec.get(field, ()):
                letters = [c for c in form if c.isalpha()]
                if letters and all(c.isupper() for c in letters):
                    # the capitals rule of gazetteer.toml: "US" is not "us"
                    caps.setdefault(form, key)
                    if len(letters) >= 4:
                        caps.setdefault(form.title(), key)
                else:
                    plain.setdefault(_plain(form), key)
        for form in spec.get("demonyms", ()):
            if not form.casefold().endswith(_UNINFLECTED):
                plurals.setdefault(_plain(form) + "s", key)
    return caps, {**plurals, **plain}


def nationality(word: str) -> str | None:
    """The country key a demonym, a person noun, a demonym's plural or a country name stands for.

    From ``data/gazetteer.toml`` [countries]; case, diacritics and a leading "the" do not
    matter, except that a form listed in capitals must be written so ("US", not "us").

    >>> nationality("Dutch"), nationality("Dutchmen"), nationality("the Netherlands")
    ('netherlands', 'netherlands', 'netherlands')
    >>> nationality("Malaysians"), nationality("Britons"), nationality("Swiss")
    ('malaysia', 'uk', 'switzerland')
    >>> nationality("Cote d’Ivoire"), nationality("U.S."), nationality("us"), nationality("Martian")
    ('ivory-coast', 'us', None, None)
    """
    if not isinstance(word, str):
        raise TypeError(f"nationality() needs a str, got {type(word).__name__}")
    caps, plain = _nationalities()
    written = " ".join(word.split())
    return caps.get(written) or plain.get(_plain(written))
