"""Comparison rules on hand-built facts: intervals, units, dates, roles, names, rows."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from discrepancy import align as align_module
from discrepancy.align import iter_align
from discrepancy.audit import run as run_audit
from discrepancy.compare import compare, severity
from discrepancy.compare_rules import COMPARATORS, Context
from discrepancy.compare_rules.amounts import verdict
from discrepancy.document import Document
from discrepancy.facts import INF, Amount, Fact, PersonName, PlaceName, Subject, When
from discrepancy.findings import Finding
from discrepancy.load import load_documents
from discrepancy.settings import Settings

SETTINGS = Settings()


def amount(
    doc: str,
    value: Amount,
    head: str,
    pred: str = "station",
    quals: tuple[str, ...] = (),
    *,
    start: int = 0,
    kind: str = "count",
    surface: str = "",
    sentence: str = "",
) -> Fact:
    surface = surface or value.render()
    subject = Subject(head=head, predicate=pred, qualifiers=quals, phrase=head + "s")
    return Fact(doc, kind, subject, surface, start, start + len(surface), value, sentence=sentence)


def n(x: int | str, unit: str = "", **kw: object) -> Amount:
    return Amount.exact(x, unit=unit, **kw)  # type: ignore[arg-type]


def role(doc: str, given: tuple[str, ...], family: str, key: str, org: str, *, start: int = 0) -> Fact:
    name = PersonName(given, family, role=key, org=org)
    return Fact(
        doc,
        "role",
        Subject(head=key, qualifiers=(org,) if org else ()),
        name.full,
        start,
        start + len(name.full),
        name,
    )


def person(doc: str, given: tuple[str, ...], family: str, *, start: int = 0) -> Fact:
    name = PersonName(given, family)
    return Fact(doc, "person", Subject(head=family.lower()), name.full, start, start + len(name.full), name)


def place(doc: str, name: str, *, start: int = 0) -> Fact:
    return Fact(
        doc,
        "place",
        Subject(head=name.lower()),
        name,
        start,
        start + len(name),
        PlaceName(name, name.lower()),
    )


def date(
    doc: str,
    when: When,
    surface: str,
    head: str = "strike",
    pred: str = "airstrike",
    *,
    start: int = 0,
    quals: tuple[str, ...] = (),
) -> Fact:
    return Fact(
        doc,
        "date",
        Subject(head=head, predicate=pred, qualifiers=quals),
        surface,
        start,
        start + len(surface),
        when,
    )


def run(*groups: tuple[str, list[Fact]], published: dict[str, When] | None = None) -> list[Finding]:
    docs = [Document(id=i, text=f"text of {i} " * 40, published=(published or {}).get(i)) for i, _ in groups]
    return list(compare(docs, [fs for _, fs in groups], SETTINGS).findings)


# ----------------------------------------------------------------------------- intervals


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(n(5000), n(5200), "clear", id="points-differ"),
        pytest.param(n(5000), n(5000), None, id="points-equal"),
        pytest.param(n(12), Amount(D(12), INF, low_open=True), "likely", id="dozen-vs-more-than-dozen"),
        pytest.param(
            Amount(D(12), INF, low_open=True), Amount(D(12), INF, low_open=True), None, id="over-vs-more-than"
        ),
        pytest.param(n(2), Amount(D(2), INF), None, id="two-vs-at-least-two"),
        pytest.param(n(1), Amount(D(2), INF), "clear", id="one-vs-at-least-two"),
        pytest.param(n(200, approximate=True), n(215), None, id="about-200-vs-215"),
        pytest.param(n(200, approximate=True), n(260), "likely", id="about-200-vs-260"),
        pytest.param(
            Amount(D(200), D(200), approximate=True, direction="below"),
            n(210),
            "likely",
            id="nearly-200-never-above",
        ),
        pytest.param(
            Amount(D(200), D(200), approximate=True, direction="below"), n(185), None, id="nearly-200-vs-185"
        ),
        pytest.param(
            Amount(D(0), D(5000), hedge="up to"),
            Amount(D(0), D(2500), hedge="up to"),
            "clear",
            id="up-to-vs-up-to",
        ),
        pytest.param(Amount(D(0), D(5000), hedge="up to"), n(2500), None, id="up-to-vs-point-inside"),
        pytest.param(Amount(D(0), D(5000), hedge="up to"), n(6000), "clear", id="up-to-vs-point-above"),
        pytest.param(
            Amount(D(0), D(5), high_open=True, hedge="fewer than"), n(5), "likely", id="fewer-than-5-vs-5"
        ),
        pytest.param(Amount(D(8), D(16)), Amount(D(10), D(20)), None, id="ranges-overlap"),
        pytest.param(Amount(D(8), D(16)), Amount(D(17), D(20)), "clear", id="ranges-apart"),
    ],
)
def test_interval_verdict(a: Amount, b: Amount, expected: str | None) -> None:
    assert verdict(a, b, SETTINGS) == expected
    assert verdict(b, a, SETTINGS) == expected


# ----------------------------------------------------------------------------- amounts


def test_points_differ_is_an_error_with_a_message() -> None:
    rows = run(
        ("001", [amount("001", n(5000), "troop", quals=("U.S.",), surface="5,000")]),
        ("003", [amount("003", n(5200), "troop", quals=("US",), surface="5,200")]),
    )
    assert [(r.rule, r.severity, r.subject) for r in rows] == [("DSC101", "error", "us troop")]
    assert rows[0].message == "001 says 5,000 troops; 003 says 5,200 troops."
    assert rows[0].confidence >= SETTINGS.error_confidence


@pytest.mark.parametrize(
    ("a", "b", "rule"),
    [
        pytest.param(n(100, "kilometer"), n(62, "mile"), None, id="km-equals-miles"),
        pytest.param(n(10, "gigabyte"), n(10000, "megabyte"), None, id="gb-equals-mb"),
        pytest.param(n(100, "kilometer"), n(100, "mile"), "DSC101", id="km-vs-same-number-miles"),
        pytest.param(n(40, "kilogram"), n(40, "meter"), "DSC102", id="mass-vs-length"),
        pytest.param(n(40, "USD"), n(40, "EUR"), "DSC102", id="two-currencies"),
    ],
)
def test_units(a: Amount, b: Amount, rule: str | None) -> None:
    rows = run(
        ("a", [amount("a", a, "cable", "measure", kind="quantity")]),
        ("b", [amount("b", b, "cable", "measure", kind="quantity")]),
    )
    assert [r.rule for r in rows] == ([rule] if rule else [])


def test_killed_and_injured_never_compare() -> None:
    rows = run(("a", [amount("a", n(12), "person", "kill")]), ("b", [amount("b", n(30), "person", "injure")]))
    assert rows == []


def test_three_against_two_is_one_row_naming_the_other_sources() -> None:
    groups = [(d, [amount(d, n(5000), "troop")]) for d in ("c", "a", "e")]
    groups += [(d, [amount(d, n(5200), "troop", start=7)]) for d in ("b", "d")]
    rows = run(*groups)
    assert [(r.doc_a, r.doc_b, r.value_a, r.value_b) for r in rows] == [("a", "b", "5000", "5200")]
    assert "(5000 also in c, e; 5200 also in d)" in rows[0].message


def test_conflict_inside_one_document() -> None:
    rows = run(("a", [amount("a", n(5000), "troop", start=0), amount("a", n(5200), "troop", start=50)]))
    assert [(r.doc_a, r.doc_b, r.value_a, r.value_b) for r in rows] == [("a", "a", "5000", "5200")]


def test_repeated_captions_do_not_multiply() -> None:
    a = [amount("a", n(5000), "troop")]
    b = [amount("b", n(5200), "troop", start=s) for s in (0, 100, 200)]
    assert len(run(("a", a), ("b", b))) == 1


def test_copies_do_not_conflict_with_each_other() -> None:
    facts = [amount("x", n(5000), "troop", start=0), amount("x", n(5200), "troop", start=50)]
    copy = [Fact("y", f.kind, f.subject, f.surface, f.start, f.end, f.value) for f in facts]
    docs = [Document(id="x", text="same words " * 20), Document(id="y", text="same  words\n" * 20)]
    rows = list(compare(docs, [facts, copy], SETTINGS).findings)
    assert [(r.doc_a, r.doc_b) for r in rows] == [("x", "x")]
    assert "repeated in y" in rows[0].message


def test_document_with_copied_facts_adds_no_conflict() -> None:
    full = [amount("x", n(5000), "troop", start=0), amount("x", n(5200), "troop", start=50)]
    part = [Fact("y", "count", full[1].subject, full[1].surface, 3, 3 + len(full[1].surface), full[1].value)]
    rows = run(("x", full), ("y", part))
    assert {(r.doc_a, r.doc_b) for r in rows} == {("x", "x")}


def test_running_total_across_days_is_an_update() -> None:
    sentence = "The death toll rose to 56."
    a = amount("a", n(56), "death", "kill", sentence=sentence, start=23)
    b = amount("b", n(176), "death", "kill", sentence="The death toll rose to 176.", start=23)
    published = {"a": When(2020, 1, 8), "b": When(2020, 1, 9)}
    rows = run(("a", [a]), ("b", [b]), published=published)
    assert [(r.rule, r.severity) for r in rows] == [("DSC103", "warning")]
    assert "2020-01-08" in rows[0].message and "2020-01-09" in rows[0].message
    same_day = run(("a", [a]), ("b", [b]), published={"a": When(2020, 1, 8), "b": When(2020, 1, 8)})
    assert [r.rule for r in same_day] == ["DSC101"]


# ----------------------------------------------------------------------------- dates


def test_dates_that_cannot_overlap() -> None:
    rows = run(
        ("a", [date("a", When(2020, 1, 5, weekday=6), "Sunday")]),
        ("b", [date("b", When(2020, 1, 3, weekday=4, part="early"), "early Friday 3 January")]),
    )
    assert [r.rule for r in rows] == ["DSC301"]
    assert rows[0].severity in ("warning", "error")


def test_dates_in_two_zones_at_one_instant() -> None:
    est = When(2020, 1, 7, hour=17, minute=30, zone="EST", utc_offset=-300)
    baghdad = When(2020, 1, 8, hour=1, minute=30, zone="AST", utc_offset=180)
    rows = run(
        ("a", [date("a", est, "5:30 p.m. EST on January 7", "launch", "launch")]),
        ("b", [date("b", baghdad, "1:30 a.m. on January 8", "launch", "launch")]),
    )
    assert rows == []


@pytest.mark.parametrize(
    ("local", "rules"),
    [
        pytest.param(When(2024, 11, 5, weekday=1, hour=20, minute=0), [], id="new-york-evening-is-gmt-night"),
        pytest.param(When(2024, 11, 6, weekday=2, hour=9, minute=0), [], id="within-some-zone"),
        pytest.param(When(2024, 11, 3, weekday=6, hour=20, minute=0), ["DSC301"], id="two-days-off"),
        pytest.param(When(2024, 11, 4, weekday=0), ["DSC301"], id="bare-date-is-its-day"),
    ],
)
def test_time_without_a_zone_against_a_zoned_time(local: When, rules: list[str]) -> None:
    gmt = When(2024, 11, 6, weekday=2, hour=1, minute=0, zone="GMT", utc_offset=0)
    rows = run(
        ("a", [date("a", gmt, "01:00 GMT on Wednesday", "close", "close")]),
        ("b", [date("b", local, local.render(), "close", "close")]),
    )
    assert [r.rule for r in rows] == rules


def test_broader_date_is_compatible() -> None:
    rows = run(
        ("a", [date("a", When(2023, 3), "March 2023", "release", "release")]),
        ("b", [date("b", When(2023, 3, 12), "12 March 2023", "release", "release")]),
    )
    assert rows == []


# ----------------------------------------------------------------------------- names


def test_one_role_two_people() -> None:
    rows = run(
        ("a", [role("a", ("Ruhollah",), "Khomeini", "supreme-leader", "iran")]),
        ("b", [role("b", ("Ali",), "Khamenei", "supreme-leader", "iran")]),
    )
    assert [(r.rule, r.severity, r.subject) for r in rows] == [("DSC201", "error", "supreme-leader (iran)")]


def test_one_role_one_person_spelled_two_ways() -> None:
    rows = run(
        ("a", [role("a", ("Mark",), "Esper", "defense-secretary", "us")]),
        ("b", [role("b", (), "Esper", "defense-secretary", "us")]),
    )
    assert rows == []


def test_same_title_different_countries() -> None:
    rows = run(
        ("a", [role("a", ("Donald",), "Trump", "president", "us")]),
        ("b", [role("b", ("Hassan",), "Rouhani", "president", "iran")]),
    )
    assert rows == []


def test_name_variants_and_confusables() -> None:
    rows = run(
        ("a", [person("a", ("Qassem",), "Soleimani"), person("a", ("Javad",), "Zarif", start=30)]),
        (
            "b",
            [
                person("b", ("Qasem",), "Soleimani"),
                person("b", ("Mohammed", "Javad"), "Zarif", start=30),
                person("b", (), "Soleiman", start=60),
            ],
        ),
    )
    got = sorted((r.rule, r.severity, r.value_a, r.value_b) for r in rows)
    assert ("DSC203", "info", "Qassem Soleimani", "Qasem Soleimani") in got
    assert not any("Zarif" in r.value_a + r.value_b for r in rows)
    assert any(r.rule == "DSC202" and "Soleiman" in (r.value_a, r.value_b) for r in rows)


def test_place_variants_are_info() -> None:
    rows = run(
        ("a", [place("a", "Erbil"), place("a", "Al-Asad", start=20)]),
        ("b", [place("b", "Irbil"), place("b", "Al-Assad", start=20)]),
    )
    assert sorted((r.rule, r.severity) for r in rows) == [("DSC203", "info"), ("DSC203", "info")]


def test_severity_levels() -> None:
    assert severity("DSC301", True, 0.9, SETTINGS) == "error"
    assert severity("DSC301", True, 0.6, SETTINGS) == "warning"
    assert severity("DSC102", True, 0.9, SETTINGS) == "warning"


def test_rows_per_pair_of_names_are_capped() -> None:
    from discrepancy.compare_rules.base import MAX_ROWS_PER_PAIR

    groups = [
        (f"a{i:03d}", [role(f"a{i:03d}", ("Ruhollah",), "Khomeini", "supreme-leader", "iran")])
        for i in range(15)
    ]
    groups += [
        (f"b{i:03d}", [role(f"b{i:03d}", ("Ali",), "Khamenei", "supreme-leader", "iran")]) for i in range(15)
    ]
    rows = run(*groups)
    assert len(rows) == min(15 * 15, MAX_ROWS_PER_PAIR)
    assert len({r.doc_a for r in rows}) >= 13 and len({r.doc_b for r in rows}) >= 13


_CORPORA = Path(__file__).parent / "corpora"


@pytest.mark.parametrize("corpus", sorted(p.name for p in _CORPORA.iterdir() if p.is_dir()))
def test_rule_of_tells_the_rule_check_reports(corpus: str) -> None:
    # compare skips a check when its row is already held, trusting `Comparator.rule_of`: the
    # rule the check reports, its conflict being of the pair's two facts at the pair's score.
    settings = Settings()
    result = run_audit(load_documents(str(_CORPORA / corpus)), settings)
    facts = [f for fs in result.facts for f in fs]
    ctx = Context({d.id: d for d in result.documents}, facts, settings)
    checked = 0
    for comparator in COMPARATORS:
        if comparator.rule_of is None or comparator.check is None:
            continue
        for pair in iter_align(facts, settings, comparator.families):
            found = list(comparator.check(pair, ctx))
            rule = found[0].rule if found else None
            assert comparator.rule_of(pair, ctx, None) == rule
            if comparator.screen is not None:
                # Given the screen's judgment, as compare asks it of a pair that passed.
                read, within, across = comparator.screen
                judge = within if pair.a.doc == pair.b.doc else across
                judgment, _, _ = ctx.judged(read, judge, pair.a, pair.b)
                if judgment:
                    assert comparator.rule_of(pair, ctx, judgment) == rule
            assert all((c.a, c.b, c.confidence) == (pair.a, pair.b, pair.score) for c in found)
            checked += bool(found)
    assert checked or corpus not in ("killed_injured", "mixed_events")


@pytest.mark.parametrize("corpus", ["mixed_events", "killed_injured", "hedges_news"])
def test_blocks_on_arrays_compare_as_the_loop(corpus: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # A large block's pairs are found, joined and screened on arrays; every block taking that
    # path must give the findings and slots of the pair-by-pair walk.
    docs = load_documents(str(_CORPORA / corpus))
    result = run_audit(docs, Settings())
    per_doc = [list(fs) for fs in result.facts]
    walked = compare(list(result.documents), per_doc, Settings())
    monkeypatch.setattr(align_module, "ARRAY_BLOCK", 2)
    arrays = compare(list(result.documents), per_doc, Settings())
    assert arrays.findings == walked.findings
    assert arrays.slots == walked.slots
    assert arrays.stats == walked.stats
