"""The name tables (titles, gazetteer, given names, aliases): load-time checks and collisions."""

from __future__ import annotations

import copy
from importlib import resources
from typing import Any

import pytest

from discrepancy import identity, tables
from discrepancy.extractors import names

OWN_TABLES = ("titles", "gazetteer", "given_names", "aliases")


@pytest.mark.parametrize("name", [pytest.param(n, id=n) for n in OWN_TABLES])
def test_table_documents_its_syntax(name: str) -> None:
    text = (resources.files("discrepancy") / "data" / f"{name}.toml").read_text(encoding="utf-8")
    assert text.startswith("# ") and "Syntax" in text.split("\n\n")[0] + text[:1500]


def test_tables_load() -> None:
    t = names.name_tables()
    assert t.roles["supreme-leader"].exclusive and not t.roles["general"].exclusive
    assert t.roles["foreign-secretary"].default_org == "uk"
    assert identity.table_groups("people") and identity.table_groups("places")


def _gazetteer_words() -> dict[str, str]:
    """Every single- or multi-word gazetteer entry, folded, with where it comes from."""
    raw = tables.raw("gazetteer")
    out: dict[str, str] = {}
    for section in ("countries", "organizations"):
        for key, spec in raw[section].items():
            for form in (*spec["names"], *spec.get("demonyms", ()), *spec.get("people", ())):
                out[identity.fold(form)] = f"{section}.{key}"
    for section in ("places", "agencies"):
        for form in raw[section]["names"]:
            out[identity.fold(form)] = section
    return out


def test_alias_groups_unique_after_fold() -> None:
    for kind in ("people", "places"):
        groups = identity.table_groups(kind)
        seen: dict[str, str] = {}
        for canon, variants in groups:
            for name in (canon, *variants):
                key = identity.fold(name)
                assert seen.setdefault(key, canon) == canon, f"{name!r} in {seen[key]!r} and {canon!r}"


def test_unique_inverse_rejects_one_alias_for_two_identities() -> None:
    with pytest.raises(tables.TableError, match="maps to both"):
        tables.unique_inverse("aliases", {"Erbil": ["Irbil"], "Arbela": ["Irbil"]})


def test_people_and_places_do_not_share_names() -> None:
    people = {identity.fold(n) for c, v in identity.table_groups("people") for n in (c, *v)}
    places = {identity.fold(n) for c, v in identity.table_groups("places") for n in (c, *v)}
    assert not people & places


def test_gazetteer_entries_are_not_given_names_of_aliased_people() -> None:
    gazetteer = _gazetteer_words()
    for canon, variants in identity.table_groups("people"):
        for name in (canon, *variants):
            for given in identity.fold(name).split()[:-1]:
                assert given not in gazetteer, f"{given!r} of {name!r} is {gazetteer[given]}"


def test_given_names_are_not_gazetteer_entries_or_titles() -> None:
    gazetteer = _gazetteer_words()
    titles = {identity.fold(" ".join(k)) for k in names.name_tables().titles}
    raw = tables.raw("gazetteer")["words"]
    stop = {identity.fold(w) for key in ("not_name", "common", "calendar") for w in raw[key]}
    for given in tables.string_list("given_names", "names"):
        key = identity.fold(given)
        assert key not in gazetteer, f"given name {given!r} is {gazetteer[key]}"
        assert key not in titles, f"given name {given!r} is a title"
        assert key not in stop, f"given name {given!r} is a listed common or non-name word"


def test_qualifier_keys_exist() -> None:
    raw = tables.raw("gazetteer")
    countries = set(raw["countries"])
    for key, spec in raw["organizations"].items():
        if "country" in spec:
            assert spec["country"] in countries, f"organization {key!r}: unknown country {spec['country']!r}"
    assert not countries & set(raw["organizations"]), "a key is both a country and an organization"


def test_title_forms_are_not_gazetteer_entries() -> None:
    gazetteer = names.name_tables().gaz
    for key, (form, _) in names.name_tables().titles.items():
        assert key not in gazetteer, f"title {form!r} is also a gazetteer entry"


@pytest.fixture
def patched_raw(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Swap one table's parsed TOML for an edited copy (the real files stay untouched)."""
    original = tables.raw

    def patch(name: str, edit: Any) -> None:
        data = copy.deepcopy(original(name))
        edit(data)
        monkeypatch.setattr(tables, "raw", lambda n: data if n == name else original(n))

    return patch


@pytest.mark.parametrize(
    ("table", "edit", "message"),
    [
        pytest.param("gazetteer", lambda d: d["places"]["names"].append("Iran"), "'Iran' is listed twice",
                     id="gazetteer-duplicate"),
        pytest.param("gazetteer", lambda d: d["countries"]["iran"].pop("names"), "needs `names`",
                     id="country-without-names"),
        pytest.param("gazetteer", lambda d: d["words"]["common"].append("the"), "listed twice",
                     id="duplicate-word"),
        pytest.param("titles", lambda d: d["roles"]["president"]["forms"].append("supreme leader"),
                     "listed twice", id="title-under-two-roles"),
        pytest.param("titles", lambda d: d["roles"]["president"].pop("exclusive"), "exclusive",
                     id="role-without-exclusive"),
        pytest.param("titles", lambda d: d["roles"]["president"].update(default_org="atlantis"),
                     "not a country key", id="unknown-default-org"),
        pytest.param("titles", lambda d: d["roles"]["president"].update(holder="x"), "unknown field",
                     id="unknown-field"),
    ],
)
def test_bad_tables_fail_naming_the_entry(patched_raw, table: str, edit: Any, message: str) -> None:  # type: ignore[no-untyped-def]
    patched_raw(table, edit)
    with pytest.raises(tables.TableError, match=message):
        names._Tables()
