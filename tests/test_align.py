"""Alignment: synonym classes, pair scores, blocking bounds."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from discrepancy import align, tables
from discrepancy.align import (
    AlignStats,
    Features,
    canonical_head,
    canonical_qualifier,
    normalize,
    predicate_class,
    score,
)
from discrepancy.facts import Amount, Fact, PlaceName, Subject, When
from discrepancy.settings import Settings


def count(
    doc: str,
    n: int,
    head: str,
    pred: str = "",
    quals: tuple[str, ...] = (),
    *,
    start: int = 0,
    sentence_start: int = 0,
    negated: bool = False,
    sentence: str = "",
) -> Fact:
    surface = str(n)
    subject = Subject(head=head, predicate=pred, qualifiers=quals, negated=negated, phrase=head)
    return Fact(
        doc,
        "count",
        subject,
        surface,
        start,
        start + len(surface),
        Amount.exact(n),
        sentence=sentence,
        sentence_start=sentence_start,
    )


def date(
    doc: str,
    when: When,
    head: str,
    pred: str,
    quals: tuple[str, ...] = (),
    *,
    start: int = 0,
    source: str = "",
    sentence_start: int = 0,
) -> Fact:
    subject = Subject(head=head, predicate=pred, qualifiers=quals, source=source)
    return Fact(doc, "date", subject, when.render(), start, start + 5, when, sentence_start=sentence_start)


def place(doc: str, name: str, *, start: int, sentence_start: int) -> Fact:
    return Fact(
        doc,
        "place",
        Subject(head=name.lower()),
        name,
        start,
        start + len(name),
        PlaceName(name, name.lower()),
        sentence_start=sentence_start,
    )


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("rockets", "missile", id="rocket-plural"),
        pytest.param("projectile", "missile", id="projectile"),
        pytest.param("Soldiers", "troop", id="soldier-case"),
        pytest.param("personnel", "troop", id="personnel"),
        pytest.param("fatality", "death", id="fatality"),
        pytest.param("seat", "seat", id="unlisted-is-itself"),
    ],
)
def test_canonical_head(word: str, expected: str) -> None:
    assert canonical_head(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("U.S.", "us", id="dotted"),
        pytest.param("USA", "us", id="usa"),
        pytest.param("American", "us", id="demonym"),
        pytest.param("United States", "us", id="full-name"),
        pytest.param("ballistic", "ballistic", id="unlisted"),
        pytest.param("the", "", id="ignored"),
    ],
)
def test_canonical_qualifier(word: str, expected: str) -> None:
    assert canonical_qualifier(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("killed", ("death", True), id="regular-inflection"),
        pytest.param("kill", ("death", True), id="kill"),
        pytest.param("died", ("death", True), id="died"),
        pytest.param("injured", ("injury", True), id="injured"),
        pytest.param("stationed", ("presence", True), id="stationed"),
        pytest.param("wound", ("injury", True), id="wound"),
        pytest.param("fire", ("attack", True), id="fire"),
        pytest.param("crested", ("peak", True), id="crested-is-peak"),
        pytest.param("", ("", False), id="empty"),
    ],
)
def test_predicate_class(word: str, expected: tuple[str, bool]) -> None:
    assert predicate_class(word) == expected


def _f(fact: Fact) -> Features:
    return align.features(fact)


SETTINGS = Settings()


@pytest.mark.parametrize(
    ("a", "b", "aligned"),
    [
        pytest.param(
            count("a", 5000, "troop", "station", ("U.S.",)),
            count("b", 5200, "troops", "station", ("US",)),
            True,
            id="us-troops-same-slot",
        ),
        pytest.param(
            count("a", 4500, "troop", "death", ("USA",)),
            count("b", 5000, "troop", "go", ("U.S.",)),
            False,
            id="deaths-vs-stationed",
        ),
        pytest.param(
            count("a", 4500, "troop", "death"), count("b", 5000, "troop"), False, id="deaths-vs-no-predicate"
        ),
        pytest.param(
            count("a", 12, "person", "kill"),
            count("b", 30, "person", "injure"),
            False,
            id="killed-vs-injured",
        ),
        pytest.param(
            count("a", 12, "missile", "launch"),
            count("b", 13, "rocket", "fire"),
            True,
            id="launched-missiles-vs-fired-rockets",
        ),
        pytest.param(
            count("a", 5, "seat", "win", ("city", "council")),
            count("b", 7, "seat", "win", ("school", "board")),
            False,
            id="council-vs-school-board",
        ),
        pytest.param(
            count("a", 2, "base", "", ("US",)),
            count("b", 3, "base", "", ("Iraqi", "military")),
            False,
            id="us-bases-vs-iraqi-bases",
        ),
        pytest.param(
            count("a", 0, "casualty", "", negated=True),
            count("b", 5, "casualty", ""),
            True,
            id="negated-is-zero-not-another-slot",
        ),
        pytest.param(
            count("a", 12, "missile", "launch", ("ballistic",)),
            count("b", 12, "missile", "launch"),
            True,
            id="qualifier-subset",
        ),
        pytest.param(
            count("a", 18, "margin", "improve"),
            replace(count("b", 15, "margin", "improve"), extra=(("baseline", "yes"),)),
            False,
            id="current-vs-earlier-value",
        ),
        pytest.param(
            replace(count("a", 15, "margin", "improve"), extra=(("baseline", "yes"),)),
            replace(count("b", 16, "margin", "improve"), extra=(("baseline", "yes"),)),
            True,
            id="earlier-vs-earlier-value",
        ),
        pytest.param(
            count("a", 2, "file", "", ("single",)),
            count("b", 10, "file", ""),
            False,
            id="per-item-vs-total",
        ),
        pytest.param(
            count("a", 2, "file", "", ("single",)),
            count("b", 5, "file", "", ("individual",)),
            True,
            id="per-item-vs-per-item",
        ),
        pytest.param(
            count("a", 60, "request", "", ("per-minute",)),
            count("b", 10000, "request", "", ("per-day",)),
            False,
            id="two-rate-periods",
        ),
        pytest.param(
            count("a", 60, "request", "", ("per-minute",)),
            count("b", 100, "request", "", ("per-minute",)),
            True,
            id="one-rate-period",
        ),
        pytest.param(
            count("a", 100, "request", "limit", sentence="Free accounts are limited to 100 requests."),
            count("b", 1000, "request", "limit", sentence="Pro accounts are limited to 1000 requests."),
            False,
            id="two-plans",
        ),
        pytest.param(
            count("a", 100, "request", "limit", sentence="On the Free plan the limit is 100 requests."),
            count("b", 150, "request", "limit", sentence="Free accounts are limited to 150 requests."),
            True,
            id="one-plan",
        ),
    ],
)
def test_score_decides_slot(a: Fact, b: Fact, aligned: bool) -> None:
    s = score(_f(a), _f(b))
    assert (s >= SETTINGS.min_confidence) is aligned, s
    assert s == score(_f(b), _f(a)), "score must be symmetric"


def test_places_in_the_sentence_separate_dates() -> None:
    a = date("a", When(2020, 1, 4), "mourn", "funeral", ("mourner",), start=40, sentence_start=0)
    b = date("b", When(2020, 1, 6), "mourn", "funeral", ("mourner",), start=40, sentence_start=0)
    same = align.align([a, b], SETTINGS)
    assert len(same) == 1
    pa = place("a", "Baghdad", start=10, sentence_start=0)
    pb = place("b", "Tehran", start=10, sentence_start=0)
    assert align.align([a, b, pa, pb], SETTINGS) == []


def test_statement_dates_never_align_with_events() -> None:
    said = date("a", When(weekday=3), "say", "say", source="pentagon")
    strike = date("b", When(weekday=4), "strike", "kill")
    assert align.align([said, strike], SETTINGS) == []


def test_instruments_tell_events_apart() -> None:
    missiles = date("a", When(weekday=2), "launch", "launch", ("missile",))
    fighters = date("a", When(weekday=1), "launch", "launch", ("fighter",), start=100, sentence_start=90)
    assert align.align([missiles, fighters], SETTINGS) == []


def test_blocking_never_pairs_different_heads_or_families() -> None:
    facts = [
        count("a", 1, "missile", "launch"),
        count("b", 2, "troop", "launch"),
        date("c", When(2020, 1, 1), "missile", "launch"),
    ]
    stats = AlignStats()
    assert align.align(facts, SETTINGS, stats=stats) == []
    assert stats.candidates == 0


def test_facts_without_head_are_not_aligned() -> None:
    stats = AlignStats()
    align.align([count("a", 1, ""), count("b", 2, "")], SETTINGS, stats=stats)
    assert stats.candidates == 0


def test_large_blocks_are_bounded() -> None:
    n = align.MAX_BLOCK * 4
    facts = [count(f"d{i:05d}", 100 + i, "troop", "station") for i in range(n)]
    stats = AlignStats()
    align.align(facts, SETTINGS, stats=stats)
    assert stats.candidates <= n * align.WINDOW
    assert stats.windowed_blocks == 1


def test_running_total_terms() -> None:
    sentence = "By Tuesday the number of dead had risen to 56, officials said."
    at = sentence.index("56")
    f = Fact("a", "count", Subject(head="death"), "56", at, at + 2, Amount.exact(56), sentence=sentence)
    assert align.is_running_total(f)
    g = Fact(
        "a",
        "count",
        Subject(head="troop"),
        "56",
        0,
        2,
        Amount(Decimal(56), Decimal(56)),
        sentence="56 troops guard the gate.",
    )
    assert not align.is_running_total(g)


@pytest.mark.parametrize(
    ("sentence", "number", "running"),
    [
        pytest.param("Floods that struck on Sunday have killed 19 people.", "19", True, id="present-perfect"),
        pytest.param("Some 150 firefighters were now working in the area.", "150", True, id="now"),
        pytest.param("About 800 remain in shelters.", "800", True, id="remain"),
        pytest.param("Floods killed 14 people on Monday.", "14", False, id="simple-past"),
        pytest.param("The company hired 1,200 people.", "1,200", False, id="no-marker"),
    ],
)
def test_running_total_markers(sentence: str, number: str, running: bool) -> None:
    at = sentence.index(number)
    f = Fact(
        "a", "count", Subject(head="person"), number, at, at + len(number), Amount.exact(1), sentence=sentence
    )
    assert align.is_running_total(f) is running


@pytest.mark.parametrize(
    ("sentence", "previous", "versions"),
    [
        pytest.param("It requires 512 MB.", "Version 3.2.0 was released.", ["3.2.0"], id="pronoun"),
        pytest.param("This release needs 2 GB.", "Release 4 is out.", ["4"], id="this-release"),
        pytest.param("Its size is 2 GB.", "Version 4.1 is out.", [], id="no-opener"),
        pytest.param("Italy needs 2 GB.", "Version 4.1 is out.", [], id="opener-is-a-prefix"),
        pytest.param("It needs 2 GB in 5.0.1.", "Version 4.1 is out.", ["5.0.1"], id="own-version-wins"),
    ],
)
def test_carried_identifiers(sentence: str, previous: str, versions: list[str]) -> None:
    assert sorted(align.carried_identifiers(sentence, previous)) == versions


def test_synonym_classes_reject_a_word_in_two_classes() -> None:
    with pytest.raises(tables.TableError, match="rocket"):
        tables.unique_inverse("synonyms", {"missile": ["rocket"], "artillery": ["rocket"]})


def test_synonym_tables_load_and_validate() -> None:
    # Every section loads; the reporting class and instruments name existing classes.
    assert align.canonical_head("uav") == "drone"
    assert "us" in align.generic_names()
    assert align.entity_key("Tehran's") == "tehran"


def test_one_sentence_never_contradicts_itself() -> None:
    sentence = "One painter finished the mural before two painters came."
    a = Fact("a", "count", Subject(head="painter"), "One", 0, 3, Amount.exact(1), sentence=sentence)
    b = Fact("a", "count", Subject(head="painter"), "two", 38, 41, Amount.exact(2), sentence=sentence)
    assert align.align([a, b], SETTINGS) == []
    moved = Fact(
        "a",
        "count",
        Subject(head="painter"),
        "two",
        60,
        63,
        Amount.exact(2),
        sentence="Two painters.",
        sentence_start=60,
    )
    assert len(align.align([a, moved], SETTINGS)) == 1


def test_generic_heads_need_the_same_predicate() -> None:
    evacuated = count("a", 40, "people", "evacuate")
    staff = count("b", 12, "person", "work")
    assert score(_f(evacuated), _f(staff)) == 0.0
    assert score(_f(count("a", 40, "person")), _f(count("b", 12, "person"))) == 0.0
    assert score(_f(count("a", 40, "person", "work")), _f(count("b", 12, "person", "work"))) >= 0.75


def test_amounts_in_different_places_are_different_events() -> None:
    a = count("a", 3, "person", "kill", start=20, sentence_start=0, sentence="x")
    b = count("b", 5, "person", "kill", start=20, sentence_start=0, sentence="y")
    assert len(align.align([a, b], SETTINGS)) == 1
    lyon = place("a", "Lyon", start=5, sentence_start=0)
    nice = place("b", "Nice", start=5, sentence_start=0)
    assert align.align([a, b, lyon, nice], SETTINGS) == []


@pytest.mark.parametrize(
    ("first", "second", "aligned"),
    [
        pytest.param(
            "Version 2.0 was released on 12 March 2023.",
            "Version 2.0 was released on 14 March 2023.",
            True,
            id="same-version",
        ),
        pytest.param(
            "Version 2.0 was released on 12 March 2023.",
            "Version 1.9 was released on 18 January 2023.",
            False,
            id="two-versions",
        ),
        pytest.param(
            "The plant opened on 12.03.2023.",
            "The plant opened on 14.03.2023.",
            True,
            id="dotted-dates-are-not-versions",
        ),
    ],
)
def test_versions_tell_releases_apart(first: str, second: str, aligned: bool) -> None:
    def fact(doc: str, sentence: str) -> Fact:
        at = sentence.index(" on ") + 4
        surface = sentence[at:-1]
        return Fact(
            doc,
            "date",
            Subject(head="release", predicate="release"),
            surface,
            at,
            at + len(surface),
            When(2023, 3, 12),
            sentence=sentence,
        )

    assert bool(align.align([fact("a", first), fact("b", second)], SETTINGS)) is aligned


# `normalize` folds text with plain replacements; it must read every string as the two
# substitutions it replaced do (abbreviation marks dropped, runs of spaces, hyphens and
# underscores as one space, Unicode spaces included).
_NON_WORD = re.compile(r"[.\u2019'`]")
_SPACES = re.compile(r"[\s_\-]+")


_TRICKY = list("aZß .-_'`\u2019\t\n\u00a0\u2003\u3000\x1c\x85\u200bİ1,")


@hypothesis_settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_TRICKY), max_size=16) | st.text(max_size=16))
def test_normalize_reads_as_the_substitutions(text: str) -> None:
    assert normalize(text) == _SPACES.sub(" ", _NON_WORD.sub("", text.casefold())).strip()


# A large block finds its pairs on arrays (`align.ARRAY_BLOCK`); the pairs, their order and
# their scores must be those of the loop, windowed blocks, split blocks and facts of one
# sentence included.
@hypothesis_settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 12),  # document
            st.integers(0, 3),  # sentence in it
            st.sampled_from(["troop", "soldier", "people"]),
            st.sampled_from(["", "station", "kill"]),
            st.sampled_from([(), ("us",), ("british",)]),
            st.integers(1, 4),  # value
        ),
        max_size=300,
    ),
    st.integers(2, 80),
)
def test_array_pairs_are_the_loop_pairs(
    rows: list[tuple[int, int, str, str, tuple[str, ...], int]], window: int
) -> None:
    facts = [
        count(f"d{d:02d}", v, head, pred, quals, start=100 * s + k, sentence_start=100 * s,
              sentence=f"sentence {s}")
        for k, (d, s, head, pred, quals, v) in enumerate(rows)
    ]

    def walk(array_block: int) -> list[object]:
        saved = align.ARRAY_BLOCK, align.ARRAY_ROWS, align.MAX_BLOCK, align.WINDOW
        # Arrays of 7 first facts at a time, so a block's candidates come in several parts.
        align.ARRAY_BLOCK, align.ARRAY_ROWS, align.MAX_BLOCK, align.WINDOW = array_block, 7, 100, window
        try:
            stats = AlignStats()
            pairs = [(p.a, p.b, p.fa, p.fb, p.score) for p in align.iter_align(facts, SETTINGS, stats=stats)]
            return [pairs, stats]
        finally:
            align.ARRAY_BLOCK, align.ARRAY_ROWS, align.MAX_BLOCK, align.WINDOW = saved

    assert walk(2) == walk(10**9)
