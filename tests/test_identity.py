"""The identity model: transliteration fold, same person, linking, places, confusable names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discrepancy import identity
from discrepancy.facts import PersonName, PlaceName
from discrepancy.settings import Settings
from discrepancy.tables import TableError

P = PersonName


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("Qassem", "Qasem", id="doubled-letters"),
        pytest.param("Ghasem", "Qasem", id="gh-q"),
        pytest.param("Kasem", "Qasem", id="k-q"),
        pytest.param("Rouhani", "Ruhani", id="ou-u"),
        pytest.param("Fareed", "Farid", id="ee-i"),
        pytest.param("Mohammed", "Muhammad", id="mohammed-muhammad"),
        pytest.param("Mohamed", "Mohammad", id="mohamed-mohammad"),
        pytest.param("al-Muhandis", "Muhandis", id="article-al"),
        pytest.param("El-Sisi", "Sisi", id="article-el"),
        pytest.param("Abdul-Mahdi", "Abdul Mahdi", id="hyphen"),
        pytest.param("Khamene'i", "Khamenei", id="apostrophe"),
        pytest.param("Erdoğan", "Erdogan", id="diacritics"),
        pytest.param("SOLEIMANI", "soleimani", id="case"),
    ],
)
def test_fold_joins_spellings(a: str, b: str) -> None:
    assert identity.fold(a) == identity.fold(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param("Khomeini", "Khamenei", id="khomeini-khamenei"),
        pytest.param("Erbil", "Irbil", id="erbil-irbil-needs-alias"),
        pytest.param("Trump", "Truman", id="trump-truman"),
        pytest.param("Al", "", id="lone-al-is-a-name"),
    ],
)
def test_fold_keeps_different_names_apart(a: str, b: str) -> None:
    assert identity.fold(a) != identity.fold(b)


# Strings built from the pieces the fold rewrites, so the rules meet each other.
_NAMEY = st.lists(
    st.sampled_from([*"aAeEiIoOuUqQkKgGhHlLmMdD -'’éÉçß", "al-", "El ", "ou", "ee", "gh", "Mohammed"]),
    max_size=20,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=40), _NAMEY))
def test_fold_is_idempotent(text: str) -> None:
    once = identity.fold(text)
    assert identity.fold(once) == once


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=40), _NAMEY))
def test_fold_is_case_insensitive(text: str) -> None:
    assert identity.fold(text.upper()) == identity.fold(text) == identity.fold(text.lower())


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param(P(("Qassem",), "Soleimani"), P(("Qasem",), "Soleimani"), True, id="qassem-qasem"),
        pytest.param(P(("Qassem",), "Soleimani"), P(("Qasem",), "Suleimani"), True, id="alias-table"),
        pytest.param(P(("Javad",), "Zarif"), P(("Mohammed", "Javad"), "Zarif"), True, id="given-subset"),
        pytest.param(P((), "Zarif"), P(("Mohammad", "Javad"), "Zarif"), True, id="surname-only"),
        pytest.param(P(("William", "H"), "Seely"), P(("William",), "Seely"), True, id="initial-dropped"),
        pytest.param(P(("W",), "Seely"), P(("William",), "Seely"), True, id="initial-matches"),
        pytest.param(P(("Hassan",), "Rouhani"), P(("Hassan",), "Rohani"), True, id="same-given-near-family"),
        pytest.param(P(("Ruhollah",), "Khomeini"), P(("Ali",), "Khamenei"), False, id="khomeini-khamenei"),
        pytest.param(P(("Bashar",), "al-Assad"), P(("Hafez",), "al-Assad"), False, id="bashar-hafez"),
        pytest.param(P(("Ali",), "Khamenei"), P(("Ali",), "Khomeini"), False, id="vowels-differ"),
        pytest.param(P(("Donald",), "Trump"), P(("Ivanka",), "Trump"), False, id="relatives"),
        pytest.param(P(("Javad",), "Zarif"), P(("Mohammad", "Jalal"), "Zarif"), False, id="order-and-names"),
        pytest.param(P((), ""), P((), ""), False, id="empty"),
    ],
)
def test_same_person(a: PersonName, b: PersonName, same: bool) -> None:
    assert identity.same_person(a, b) is same
    assert identity.same_person(b, a) is same


def test_settings_aliases_and_distinct() -> None:
    nick = P(("Haj",), "Qasem")
    full = P(("Qasem",), "Soleimani")
    assert not identity.same_person(nick, full)
    user = Settings(aliases=(("Haj Qasem", "Qasem Soleimani"),))
    assert identity.same_person(nick, full, user)
    # Extending a table group with a spelling the fold already joins is not a clash.
    assert identity.same_person(nick, P(("Qassem",), "Soleimani"), user)
    apart = Settings(distinct=(("Javad Zarif", "Mohammad Javad Zarif"),))
    assert not identity.same_person(P(("Javad",), "Zarif"), P(("Mohammad", "Javad"), "Zarif"), apart)


def test_link_examples() -> None:
    names = [
        P(("Qassem",), "Soleimani"),
        P(("Ali",), "Khamenei"),
        P(("Qasem",), "Soleimani"),
        P((), "Soleimani"),
        P(("Ruhollah",), "Khomeini"),
        P(("Mohammed", "Javad"), "Zarif"),
        P(("Javad",), "Zarif"),
        P((), "Khamenei"),
        P((), "Esper"),
        P(("Bashar",), "al-Assad"),
        P(("Hafez",), "al-Assad"),
        P((), "Assad"),
    ]
    ids = identity.link(names)
    assert ids[0] == ids[2] == ids[3]
    assert ids[5] == ids[6]
    assert ids[1] == ids[7] != ids[4]
    assert ids[9] != ids[10]
    assert ids[11] not in (ids[9], ids[10])  # two full identities: the surname stays apart
    assert ids[8] not in ids[:8]
    assert ids[0] == 0 and sorted(set(ids)) == list(range(len(set(ids))))


def _partition(names: list[PersonName], ids: list[int]) -> set[frozenset[PersonName]]:
    groups: dict[int, set[PersonName]] = {}
    for n, i in zip(names, ids, strict=True):
        groups.setdefault(i, set()).add(n)
    return {frozenset(g) for g in groups.values()}


_POOL = [
    P(("Qassem",), "Soleimani"), P(("Qasem",), "Suleimani"), P((), "Soleimani"), P((), "Soleiman"),
    P(("Ali",), "Khamenei"), P(("Ruhollah",), "Khomeini"), P((), "Khamenei"), P((), "Khomeini"),
    P(("Mohammad", "Javad"), "Zarif"), P(("Javad",), "Zarif"), P((), "Zarif"),
    P(("Bashar",), "al-Assad"), P(("Hafez",), "al-Assad"), P((), "Assad"),
    P(("Mark",), "Esper"), P((), "Esper"), P(("William", "H"), "Seely"), P(("W",), "Seely"),
    P(("Hassan",), "Rouhani"), P(("Hassan",), "Rohani"), P(("Donald",), "Trump"), P((), "Trump"),
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_POOL), max_size=14), st.randoms(use_true_random=False))
def test_link_independent_of_order(names: list[PersonName], rnd) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(names)
    rnd.shuffle(shuffled)
    assert _partition(names, identity.link(names)) == _partition(shuffled, identity.link(shuffled))


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        pytest.param(P(("Ruhollah",), "Khomeini"), P(("Ali",), "Khamenei"), "given names differ",
                     id="khomeini-khamenei"),
        pytest.param(P(("Qasem",), "Soleimani"), P((), "Soleiman"), "possible truncation of Soleimani",
                     id="truncation"),
        pytest.param(P((), "Khomeini"), P(("Ali",), "Khamenei"), "possible misspelling", id="surname-only"),
        pytest.param(P(("Ali",), "Khamenei"), P(("Ali",), "Khomeini"), "given names differ",
                     id="same-given-vowels"),
    ],
)
def test_confusable(a: PersonName, b: PersonName, reason: str) -> None:
    found = identity.confusable(a, b)
    assert found is not None and reason in found
    assert identity.confusable(b, a) is not None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(P(("Bashar",), "al-Assad"), P(("Hafez",), "al-Assad"), id="same-family-two-people"),
        pytest.param(P(("Qassem",), "Soleimani"), P(("Qasem",), "Soleimani"), id="one-identity"),
        pytest.param(P(("Donald",), "Trump"), P(("Harry",), "Truman"), id="below-threshold"),
        pytest.param(P(("Ali",), "Alison"), P(("Ali",), "Ali"), id="short-prefix"),
        pytest.param(P(("Mark",), "Esper"), P(("Ana",), "Esperanza"), id="long-extension"),
    ],
)
def test_not_confusable(a: PersonName, b: PersonName) -> None:
    assert identity.confusable(a, b) is None


def test_confusable_threshold_documented() -> None:
    assert identity.CONFUSABLE_THRESHOLD == 0.9
    assert identity.similarity("Rouhani", "Rohani") >= identity.CONFUSABLE_THRESHOLD
    assert identity.similarity("Trump", "Truman") < identity.CONFUSABLE_THRESHOLD
    assert identity.similarity("Qassem", "Qasem") == 1.0


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(P(("Qassem",), "Soleimani"), P(("Qasem",), "Soleimani"), True, id="qassem-qasem"),
        pytest.param(P(("Javad",), "Zarif"), P(("Mohammed", "Javad"), "Zarif"), False, id="subset"),
        pytest.param(P(("Ali",), "Khamenei"), P(("Ruhollah",), "Khomeini"), False, id="different"),
        pytest.param("Erbil", "Irbil", True, id="erbil-irbil"),
        pytest.param("Al-Asad", "Al-Assad", True, id="al-asad-al-assad"),
        pytest.param("Ain al-Asad", "Al-Asad", True, id="ain-al-asad"),
        pytest.param(PlaceName("Erbil"), PlaceName("Irbil"), True, id="place-values"),
        pytest.param("Iran", "IRAN", False, id="case-only"),
        pytest.param("Erbil", "Baghdad", False, id="different-places"),
    ],
)
def test_variant(a: object, b: object, expected: bool) -> None:
    assert identity.variant(a, b) is expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        pytest.param("Erbil", "Irbil", True, id="erbil"),
        pytest.param("Al-Asad", "Al-Assad", True, id="al-asad"),
        pytest.param("Ain al-Asad", "Al-Asad", True, id="ain-al-asad"),
        pytest.param("U.S.", "United States", True, id="country-names"),
        pytest.param("Tehran", "Teheran", True, id="tehran"),
        pytest.param("Erbil", "Baghdad", False, id="different"),
        pytest.param("", "", False, id="empty"),
    ],
)
def test_same_place(a: str, b: str, same: bool) -> None:
    assert identity.same_place(a, b) is same


def test_user_place_alias() -> None:
    user = Settings(aliases=(("Camp Taji", "Taji"),))
    assert identity.same_place("Camp Taji", "Taji", user)
    assert not identity.same_place("Camp Taji", "Taji")


def test_alias_clash_is_reported() -> None:
    with pytest.raises(TableError, match="maps to both"):
        identity._Aliases((("Erbil", ("Irbil",)), ("Arbela", ("Irbil",))), (), "aliases")


def test_link_scales_to_large_corpora() -> None:
    import random
    import string
    import time

    rnd = random.Random(0)
    families = ["".join(rnd.choice(string.ascii_lowercase) for _ in range(rnd.randint(4, 9))).title()
                for _ in range(3000)]
    given_names = ["Ali", "Mohammed", "John", "Mary", "Hassan", "Qassem", "Javad"]
    names = [P((rnd.choice(given_names),), rnd.choice(families)) for _ in range(10000)]
    names += [P((), rnd.choice(families)) for _ in range(3000)]
    started = time.perf_counter()
    ids = identity.link(names)
    assert time.perf_counter() - started < 30
    assert len(ids) == len(names)
