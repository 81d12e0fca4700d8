"""The countries of gazetteer.toml: nationality look-ups, table shape, and names that are not places."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy import identity, tables
from discrepancy.document import Document
from discrepancy.extractors import names
from discrepancy.facts import PersonName
from discrepancy.settings import Settings


def _countries() -> dict[str, Any]:
    countries: dict[str, Any] = tables.raw("gazetteer")["countries"]
    return countries


# ------------------------------------------------------------------ nationality look-ups


@pytest.mark.parametrize(
    ("word", "key"),
    [
        # demonyms
        pytest.param("Dutch", "netherlands", id="demonym-dutch"),
        pytest.param("Malaysian", "malaysia", id="demonym-malaysian"),
        pytest.param("Philippine", "philippines", id="demonym-philippine"),
        pytest.param("Libyan", "libya", id="demonym-libyan"),
        pytest.param("Moroccan", "morocco", id="demonym-moroccan"),
        pytest.param("Nigerien", "niger", id="demonym-nigerien-not-nigerian"),
        pytest.param("Chadian", "chad", id="demonym-of-unlisted-name"),
        pytest.param("Iranian", "iran", id="demonym-existing-key"),
        pytest.param("Swiss", "switzerland", id="uninflected-swiss"),
        pytest.param("Japanese", "japan", id="uninflected-japanese"),
        # person nouns that are not a demonym plus "s"
        pytest.param("Briton", "uk", id="people-briton"),
        pytest.param("Britons", "uk", id="people-britons"),
        pytest.param("Brits", "uk", id="people-brits"),
        pytest.param("Dutchmen", "netherlands", id="people-dutchmen"),
        pytest.param("Dutchwoman", "netherlands", id="people-dutchwoman"),
        pytest.param("Filipinas", "philippines", id="people-filipinas"),
        pytest.param("Spaniards", "spain", id="people-spaniards"),
        pytest.param("New Zealanders", "new-zealand", id="people-new-zealanders"),
        pytest.param("Hongkongers", "hong-kong", id="people-without-demonym"),
        pytest.param("Saudis", "saudi-arabia", id="people-plural-of-name"),
        # regular plurals of demonyms
        pytest.param("Malaysians", "malaysia", id="plural-malaysians"),
        pytest.param("Australians", "australia", id="plural-australians"),
        pytest.param("Filipinos", "philippines", id="plural-filipinos"),
        pytest.param("Kiwis", "new-zealand", id="plural-kiwis"),
        pytest.param("Americans", "us", id="plural-americans"),
        pytest.param("Czechs", "czech-republic", id="plural-czechs"),
        pytest.param("Solomon Islanders", "solomon-islands", id="plural-multiword"),
        # country names
        pytest.param("Netherlands", "netherlands", id="name-netherlands"),
        pytest.param("the Netherlands", "netherlands", id="name-with-the"),
        pytest.param("Czechia", "czech-republic", id="name-czechia"),
        pytest.param("Czech Republic", "czech-republic", id="name-czech-republic"),
        pytest.param("Ivory Coast", "ivory-coast", id="name-ivory-coast"),
        pytest.param("Côte d'Ivoire", "ivory-coast", id="name-cote-divoire"),
        pytest.param("Cote d’Ivoire", "ivory-coast", id="name-no-accent-curly-apostrophe"),
        pytest.param("Burma", "myanmar", id="name-burma"),
        pytest.param("DR Congo", "dr-congo", id="name-dr-congo"),
        pytest.param("Taiwan", "taiwan", id="territory-taiwan"),
        pytest.param("Kosovo", "kosovo", id="territory-kosovo"),
        pytest.param("Puerto Rico", "puerto-rico", id="territory-puerto-rico"),
        pytest.param("Greenland", "greenland", id="territory-greenland"),
        pytest.param("U.S.", "us", id="name-in-capitals"),
        pytest.param("Britain", "uk", id="name-existing-key"),
        pytest.param("  south   AFRICA ", "south-africa", id="case-and-spacing"),
    ],
)
def test_nationality(word: str, key: str) -> None:
    assert identity.nationality(word) == key


@pytest.mark.parametrize(
    "word",
    [
        pytest.param("Martian", id="unknown-word"),
        pytest.param("", id="empty"),
        pytest.param("us", id="capitals-rule-pronoun"),
        pytest.param("Chad", id="given-name-left-out"),
        pytest.param("Georgia", id="us-state-left-out"),
        pytest.param("Holland", id="family-name-left-out"),
        pytest.param("Britishs", id="no-s-after-sibilant"),
        pytest.param("Chineses", id="no-s-after-ese"),
        pytest.param("Dutchs", id="no-s-after-tch"),
        pytest.param("Korean", id="ambiguous-korean"),
        pytest.param("Baghdad", id="city-is-not-a-country"),
    ],
)
def test_nationality_unknown(word: str) -> None:
    assert identity.nationality(word) is None


def test_nationality_rejects_non_text() -> None:
    with pytest.raises(TypeError, match="needs a str"):
        identity.nationality(42)  # type: ignore[arg-type]


@given(st.text(max_size=40))
def test_nationality_is_a_country_key_or_none(word: str) -> None:
    assert identity.nationality(word) in {None, *_countries()}


# ------------------------------------------------------------------ the table's shape

# Countries without a demonym, each for a reason the table's comments give.
NO_DEMONYM = {
    "holy-see": "its adjective is its name (Vatican)",
    "hong-kong": "its adjective is its name",
    "dominica": "Dominican is the Dominican Republic's",
    "republic-of-the-congo": "Congolese is DR Congo's",
}


def test_every_country_has_a_name_and_a_demonym() -> None:
    without = set()
    for key, spec in _countries().items():
        assert spec["names"], key
        if not spec.get("demonyms"):
            without.add(key)
    assert without == set(NO_DEMONYM)
    assert identity.nationality(_countries()["hong-kong"]["people"][0]) == "hong-kong"


def test_keys_are_lowercase_hyphenated_and_existing_keys_stay() -> None:
    keys = set(_countries())
    assert all(re.fullmatch(r"[a-z]+(?:-[a-z]+)*", k) for k in keys), sorted(keys)
    existing = {"us", "uk", "iran", "iraq", "israel", "syria", "lebanon", "saudi-arabia", "kuwait", "qatar",
                "uae", "yemen", "jordan", "egypt", "turkey", "afghanistan", "pakistan", "india", "china",
                "russia", "ukraine", "france", "germany", "italy", "spain", "canada", "australia", "japan",
                "north-korea", "south-korea", "nigeria"}
    assert existing <= keys
    assert len(keys) >= 195  # the UN members and the two observer states, and territories


def test_every_form_folds_to_one_country() -> None:
    # place keys fold country names (identity.place_key): two countries must not fold alike
    seen: dict[str, str] = {}
    for key, spec in _countries().items():
        for field in ("names", "demonyms", "people"):
            for form in spec.get(field, ()):
                folded = identity.fold(form)
                assert seen.setdefault(folded, key) == key, (form, key, seen[folded])


def test_people_are_read_as_demonyms() -> None:
    gaz = names.name_tables().gaz
    for word, key in (("britons", "uk"), ("dutchmen", "netherlands"), ("filipinas", "philippines")):
        entry = gaz[(word,)]
        assert (entry.kind, entry.key) == ("demonym", key)


@pytest.fixture
def patched_gazetteer(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Swap gazetteer.toml's parsed TOML for an edited copy (the file stays untouched)."""
    original = tables.raw

    def patch(edit: Any) -> None:
        data = copy.deepcopy(original("gazetteer"))
        edit(data)
        monkeypatch.setattr(tables, "raw", lambda n: data if n == "gazetteer" else original(n))

    return patch


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        pytest.param(lambda d: d["countries"]["uk"].update(people="Briton"), "`people` should be a list",
                     id="people-not-a-list"),
        pytest.param(lambda d: d["countries"]["uk"].update(people=["Briton", " "]),
                     "`people` should be a list", id="people-blank"),
        pytest.param(lambda d: d["countries"]["uk"]["people"].append("British"), "'British' is listed twice",
                     id="people-repeats-demonym"),
        pytest.param(lambda d: d["countries"]["uk"].update(demonym=["British"]), "unknown field",
                     id="misspelt-field"),
    ],
)
def test_bad_people_fail_on_load(patched_gazetteer, edit: Any, message: str) -> None:  # type: ignore[no-untyped-def]
    patched_gazetteer(edit)
    with pytest.raises(tables.TableError, match=message):
        names._Tables()


# ------------------------------------------------------------------ names that are not places


def _facts(text: str) -> list[Any]:
    return list(names.extract(Document("t", text), Settings()))


@pytest.mark.parametrize(
    ("text", "full"),
    [
        pytest.param("Chad Smith said the plan was good.", "Chad Smith", id="chad"),
        pytest.param("Later, Georgia Harrison said she won.", "Georgia Harrison", id="georgia"),
        pytest.param("Tom Holland said the film was done.", "Tom Holland", id="holland"),
        pytest.param("Dutchman Max Verstappen said he won.", "Max Verstappen", id="people-noun-before-name"),
    ],
)
def test_country_words_do_not_take_persons(text: str, full: str) -> None:
    persons = [f.value.full for f in _facts(text) if f.kind == "person" and isinstance(f.value, PersonName)]
    assert persons == [full]


@pytest.mark.parametrize(
    ("text", "role", "org"),
    [
        pytest.param("Libya's prime minister Abdul Hamid Dbeibah spoke.", "prime-minister", "libya",
                     id="possessive-country"),
        pytest.param("Dutch Prime Minister Mark Rutte spoke.", "prime-minister", "netherlands", id="demonym"),
        pytest.param("Malian President Assimi Goita spoke.", "president", "mali", id="demonym-mali"),
        pytest.param("The President of the Republic of Chad, Idriss Deby, spoke.", "president", "chad",
                     id="official-name-of-chad"),
    ],
)
def test_country_roles(text: str, role: str, org: str) -> None:
    roles = [(f.subject.head, f.subject.qualifiers) for f in _facts(text) if f.kind == "role"]
    assert roles == [(role, (org,))]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        pytest.param("Troops reached New Mexico.", ["new mexico"], id="us-state-not-mexico"),
        pytest.param("Flights left Mexico City for Mexico.", ["mexico city", "mexico"], id="capital-city"),
        pytest.param("Oil from the Niger Delta reached Niger.", ["niger delta", "niger"], id="delta"),
        pytest.param("He moved from Côte d'Ivoire to the Netherlands.", ["ivory-coast", "netherlands"],
                     id="country-places"),
        pytest.param("Nine Britons were freed.", [], id="people-are-not-places"),
    ],
)
def test_country_places(text: str, places: list[str]) -> None:
    assert [f.value.key for f in _facts(text) if f.kind == "place"] == places
