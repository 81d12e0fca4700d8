"""The numeric extractor: seeds' acceptance examples, hedges, units, non-facts, properties."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from discrepancy.document import Document
from discrepancy.extractors import numbers
from discrepancy.facts import INF, Amount, Fact
from discrepancy.settings import Settings

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def facts_of(text: str) -> list[Fact]:
    return list(numbers.extract(Document("t", text), Settings()))


def seed_facts(prefix: str) -> list[Fact]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return list(numbers.extract(Document(path.name, path.read_text(encoding="utf-8")), Settings()))


def find(facts: list[Fact], surface: str, head: str | None = None) -> list[Fact]:
    return [f for f in facts if f.surface == surface and (head is None or f.subject.head == head)]


# --- acceptance examples from the seeds ------------------------------------------------

SEED_CASES = [
    pytest.param("001", "5,000", "troop", Amount.exact(5000), ("us",), "", id="001-5000-us-troops"),
    pytest.param("003", "5,200", "troop", Amount.exact(5200), ("us",), "", id="003-5200-us-troops"),
    pytest.param("004", "a dozen", "missile", Amount.exact(12), (), "launch", id="004-a-dozen-missiles"),
    pytest.param(
        "004",
        "more than a dozen",
        "missile",
        Amount(Decimal(12), INF, low_open=True, hedge="more than"),
        ("ballistic",),
        "launch",
        id="004-more-than-a-dozen-ballistic-missiles",
    ),
    pytest.param(
        "000",
        "over a dozen",
        "rocket",
        Amount(Decimal(12), INF, low_open=True, hedge="over"),
        (),
        "hit",
        id="000-over-a-dozen-rockets",
    ),
    pytest.param(
        "004",
        "at least two",
        "base",
        Amount(Decimal(2), INF, hedge="at least"),
        ("iraqi", "military"),
        "",
        id="004-at-least-two-iraqi-military-bases",
    ),
    pytest.param("004", "two", "base", Amount.exact(2), ("us",), "", id="004-two-us-bases"),
    pytest.param(
        "003",
        "as many as a million",
        "mourner",
        Amount(Decimal(0), Decimal(1000000), hedge="as many as"),
        (),
        "line",
        id="003-as-many-as-a-million-mourners",
    ),
    pytest.param(
        "001", "4500", "troop", Amount.exact(4500), ("us",), "death", id="001-4500-usa-troops-deaths"
    ),
    pytest.param("004", "50", "fighter", Amount.exact(50), (), "launch", id="004-50-stealth-fighters"),
]


@pytest.mark.parametrize(("seed", "surface", "head", "amount", "qualifiers", "predicate"), SEED_CASES)
def test_seed_counts(
    seed: str, surface: str, head: str, amount: Amount, qualifiers: tuple[str, ...], predicate: str
) -> None:
    found = find(seed_facts(seed), surface, head)
    assert found, f"no fact {surface!r} counting {head!r} in seed {seed}"
    f = found[0]
    assert f.kind == "count"
    v = f.value
    assert isinstance(v, Amount)
    assert (v.low, v.high, v.low_open, v.high_open) == (
        amount.low,
        amount.high,
        amount.low_open,
        amount.high_open,
    )
    assert not amount.hedge or v.hedge == amount.hedge
    for q in qualifiers:
        assert q in f.subject.qualifiers
    if predicate:
        assert f.subject.predicate == predicate


def test_seed_troop_counts_are_different_subjects() -> None:
    facts = seed_facts("001")
    stationed = find(facts, "5,000", "troop")[0].subject
    dead = find(facts, "4500", "troop")[0].subject
    assert stationed.predicate != dead.predicate
    assert dead.predicate == "death"
    assert stationed != dead


@pytest.mark.parametrize(
    ("seed", "surface", "kind", "rendered"),
    [
        pytest.param("000", "5%", "percent", "5 percent", id="000-5-percent-oil"),
        pytest.param("001", "16 years", "duration", "16 year", id="001-16-years"),
        pytest.param("003", "62-year-old", "age", "62 year", id="003-62-year-old"),
    ],
)
def test_seed_other_kinds(seed: str, surface: str, kind: str, rendered: str) -> None:
    found = find(seed_facts(seed), surface)
    assert found and found[0].kind == kind and found[0].value.render() == rendered


def test_seed_percent_subject_is_oil_prices() -> None:
    f = find(seed_facts("000"), "5%")[0]
    assert f.subject.head == "price" and "oil" in f.subject.qualifiers


def test_seed_gallery_counters_and_dates_are_not_facts() -> None:
    facts = seed_facts("002")
    assert not [f for f in facts if "/" in f.surface], "gallery counters 1/35 .. 35/35 became facts"
    head = seed_facts("000")
    assert not [f for f in head if f.surface in ("2015", "20:40", "20", "40", "2020", "8th")]


def test_seed_no_casualties_is_negated_zero() -> None:
    f = next(f for f in seed_facts("000") if f.subject.head == "casualty")
    assert f.subject.negated and f.value.render() == "0"


def test_spans_match_surfaces_on_seeds() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for f in numbers.extract(Document(path.name, text), Settings()):
            assert text[f.start : f.end] == f.surface


# --- hedges, ranges, units, money ------------------------------------------------------

CASES = [
    pytest.param("more than 12 people", "count", ">12", id="more-than"),
    pytest.param("at least 56 people", "count", ">=56", id="at-least"),
    pytest.param("up to 700 workers", "count", "<=700", id="up-to"),
    pytest.param("fewer than 5 people", "count", "<5", id="fewer-than"),
    pytest.param("about 200 people", "count", "~200", id="about"),
    pytest.param("nearly 200 people", "count", "~<=200", id="nearly"),
    pytest.param("between 10 and 20 people", "count", "10-20", id="between"),
    pytest.param("8 to 16 soldiers", "count", "8-16", id="to-range"),
    pytest.param("8-16 soldiers", "count", "8-16", id="dash-range"),
    pytest.param("five hundred or more people", "count", ">=500", id="or-more"),
    pytest.param("dozens of homes", "count", "~[24,100)", id="dozens-of"),
    pytest.param("several people", "count", "~3-9", id="several"),
    pytest.param("Hundreds were killed", "count", "~[200,1000)", id="hundreds-bare"),
    pytest.param("tens of thousands of people", "count", "~[20000,100000)", id="tens-of-thousands"),
    pytest.param("forty-five people", "count", "45", id="forty-five"),
    pytest.param("one hundred and seventy-six people", "count", "176", id="hundred-and"),
    pytest.param("half a dozen people", "count", "6", id="half-a-dozen"),
    pytest.param("a 1.2-tonne bomb", "quantity", "1.2 metric_ton", id="tonne-hyphen"),
    pytest.param("100 km away", "quantity", "100 kilometer", id="km"),
    pytest.param("The route is 1900 km long", "quantity", "1900 kilometer", id="year-like-with-unit"),
    pytest.param("from 1500 metres up", "quantity", "1500 meter", id="year-like-after-from-with-unit"),
    pytest.param("62 miles away", "quantity", "62 mile", id="miles"),
    pytest.param("a 10 GB disk", "quantity", "10 gigabyte", id="gigabyte"),
    pytest.param("at 60 km/h", "quantity", "60 kilometer / hour", id="speed"),
    pytest.param("it was 32 degrees Celsius", "quantity", "32 degree_Celsius", id="celsius"),
    pytest.param("in 30 seconds", "duration", "30 second", id="seconds"),
    pytest.param("up 12 per cent", "percent", "12 percent", id="per-cent"),
    pytest.param("up 12 percent", "percent", "12 percent", id="percent-word"),
    pytest.param("a $4.2bn deal", "money", "4200000000 USD", id="bn"),
    pytest.param("a $310m deal", "money", "310000000 USD", id="m-after-dollar"),
    pytest.param("it cost £2,000", "money", "2000 GBP", id="pound-sign"),
    pytest.param("it cost €300", "money", "300 EUR", id="euro-sign"),
    pytest.param("it cost 300 euros", "money", "300 EUR", id="euros"),
    pytest.param("it cost US$ 150 million", "money", "150000000 USD", id="us-dollar"),
    pytest.param("361 million pounds in profit", "money", "361000000 GBP", id="million-pounds"),
    pytest.param("it weighs 25 pounds", "quantity", "25 pound", id="pounds-mass"),
    pytest.param("5k followers", "count", "5000", id="k-suffix"),
    pytest.param("a 62-year-old man", "age", "62 year", id="age"),
    pytest.param("Soleimani, aged 62, was", "age", "62 year", id="aged"),
    pytest.param("a 1/4 mile track", "quantity", "0.25 mile", id="slash-fraction-unit"),
    pytest.param("over 500,000 barrels a day", "quantity", ">500000 barrel / day", id="rate"),
]


@pytest.mark.parametrize(("text", "kind", "rendered"), CASES)
def test_amounts(text: str, kind: str, rendered: str) -> None:
    facts = facts_of(text)
    assert [(f.kind, f.value.render()) for f in facts] == [(kind, rendered)]


def test_vague_amount_intervals_are_documented() -> None:
    (f,) = facts_of("hundreds of thousands of Iraqis")
    assert isinstance(f.value, Amount)
    assert (f.value.low, f.value.high, f.value.high_open, f.value.approximate) == (
        200000,
        1000000,
        True,
        True,
    )
    assert f.subject.head == "iraqi"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The death toll rose to 176.", id="past"),
        pytest.param("The death toll has risen to 176, officials said.", id="perfect"),
        pytest.param("The death toll has now sharply risen to 176.", id="auxiliary-and-adverbs"),
        pytest.param(
            "The death toll from the quake that struck the region on Friday night has risen to 176.",
            id="total-named-earlier-in-the-clause",
        ),
    ],
)
def test_subject_left_of_the_verb(text: str) -> None:
    (f,) = facts_of(text)
    assert (f.subject.head, f.subject.qualifiers, f.subject.predicate) == ("toll", ("death",), "rise")


@pytest.mark.parametrize(
    ("text", "head"),
    [
        pytest.param("No Americans were killed.", "american", id="plural-demonym"),
        pytest.param("There were no casualties.", "casualty", id="casualties"),
    ],
)
def test_negated_counts_are_zero(text: str, head: str) -> None:
    (f,) = [f for f in facts_of(text) if f.kind == "count"]
    assert (f.value.render(), f.subject.head, f.subject.negated) == ("0", head, True)


def test_coordinated_count_shares_the_counted_noun() -> None:
    a, b = facts_of("The storm killed at least 12 people and injured 30.")
    assert a.subject.head == b.subject.head == "person"
    assert (a.subject.predicate, b.subject.predicate) == ("kill", "injure")


@pytest.mark.parametrize(
    ("text", "baselines"),
    [
        pytest.param("Margin improved to 18 percent from 15 percent.", ["15 percent"], id="to-from"),
        pytest.param("Margin was 18%, compared with 15% in 2023.", ["15%"], id="compared-with"),
        pytest.param("Clients may send 600 requests, up from 300 requests.", ["300"], id="up-from"),
        pytest.param("Revenue rose to $4.2 billion from $3.8 billion.", ["$3.8 billion"], id="money"),
        pytest.param("About 300 people fled from 12 towns.", [], id="other-noun-is-no-baseline"),
        pytest.param("She took 54% of the vote against 46% for Ruiz.", [], id="rival-share-is-no-baseline"),
        pytest.param("The fire burned 40 km from 3 villages.", [], id="other-kind-is-no-baseline"),
        pytest.param("It rose from 10 to 20 percent.", [], id="range-is-no-baseline"),
        pytest.param("Sales rose 5%. From 2 stores, 40 people were hired.", [], id="other-sentence"),
    ],
)
def test_earlier_value_of_a_change_is_a_baseline(text: str, baselines: list[str]) -> None:
    assert [f.surface for f in facts_of(text) if f.get("baseline") == "yes"] == baselines


@pytest.mark.parametrize(
    ("text", "versions"),
    [
        pytest.param("Version 3.2.0 is out. It requires 512 MB.", ["3.2.0"], id="pronoun-carries"),
        pytest.param("Version 3.2.0 is out. Installs need 512 MB.", [""], id="no-pronoun"),
        pytest.param("It requires 512 MB.", [""], id="first-sentence"),
    ],
)
def test_versions_carried_from_the_previous_sentence(text: str, versions: list[str]) -> None:
    assert [f.get("versions") for f in facts_of(text)] == versions


@pytest.mark.parametrize(
    ("text", "head", "qualifiers"),
    [
        pytest.param("Operating margin was 18%.", "margin", ("operating",), id="was"),
        pytest.param("A single upload may be at most 2 GB.", "upload", ("single",), id="may-be-hedged"),
        pytest.param("The backlog stood at 4,000.", "backlog", (), id="stood-at"),
        pytest.param("It was 18%.", "", (), id="pronoun-is-no-noun"),
        pytest.param("Lyon is 300 km from here.", "", (), id="name-is-no-noun"),
        pytest.param("Revenue rose 12%.", "", (), id="no-copula"),
    ],
)
def test_noun_before_a_copula_is_the_subject(text: str, head: str, qualifiers: tuple[str, ...]) -> None:
    (f,) = facts_of(text)
    assert (f.subject.head, f.subject.qualifiers) == (head, qualifiers)


@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        pytest.param("About 212,000 ballots were cast.", "cast", id="cast"),
        pytest.param("Some 1,450 ballots were rejected.", "reject", id="regular-ed"),
    ],
)
def test_predicate_after_the_counted_noun(text: str, predicate: str) -> None:
    (f,) = facts_of(text)
    assert f.subject.predicate == predicate


@pytest.mark.parametrize(
    ("text", "qualifiers"),
    [
        pytest.param("Clients can send 100 requests per minute.", ("per-minute",), id="per-minute"),
        pytest.param("Free accounts get 10,000 requests a day.", ("per-day",), id="a-day"),
        pytest.param("Each call may carry 5 MB per request.", ("per-request",), id="per-noun"),
        pytest.param("They adopted 3 dogs a week ago.", (), id="a-week-ago-is-no-rate"),
        pytest.param("She owns 3 dogs and a cat.", (), id="a-noun-is-no-rate"),
    ],
)
def test_rate_period_is_a_qualifier(text: str, qualifiers: tuple[str, ...]) -> None:
    (f,) = facts_of(text)
    assert tuple(q for q in f.subject.qualifiers if q.startswith("per-")) == qualifiers


def test_no_decision_is_not_a_count() -> None:
    assert facts_of("There is no decision to leave.") == []


def test_counted_noun_and_qualifiers() -> None:
    (f,) = facts_of("Iran fired 22 Iranian ballistic missiles.")
    assert f.subject.head == "missile" and f.subject.qualifiers == ("iranian", "ballistic")
    assert f.subject.predicate == "fire" and f.subject.phrase == "Iranian ballistic missiles"


# --- what is not a numeric fact ---------------------------------------------------------

NOT_FACTS = [
    pytest.param("It happened in 2011.", id="year-in"),
    pytest.param("It happened in 2019 in Paris.", id="year-then-in-is-not-inches"),
    pytest.param("the 2015 nuclear deal", id="year-before-noun"),
    pytest.param("Updated at 20:40 IST", id="clock-24h"),
    pytest.param("At approximately 5:30 p.m. (EST)", id="clock-pm"),
    pytest.param("The bank robbery begun at 2pm.", id="clock-2pm"),
    pytest.param("1/35\nA photo caption", id="gallery-counter"),
    pytest.param("Photo 2/12 shows the base", id="photo-counter"),
    pytest.param("Call +1-222-2222-2222 now", id="phone"),
    pytest.param("Call (555) 123-4567 now", id="phone-us"),
    pytest.param("See https://example.com/a/2020/01/05/story-123.html", id="url"),
    pytest.param("Open /var/log/app-2.log", id="path"),
    pytest.param("Upgrade to v2.3.1 today", id="version"),
    pytest.param("Upgrade to version 3 today", id="version-word"),
    pytest.param("on May 4th", id="ordinal"),
    pytest.param("on January 7 there", id="month-day"),
    pytest.param("1. First point", id="list-number"),
    pytest.param("Iran's Qaim-1 missiles", id="model-name"),
    pytest.param("the 5,000 U.S. troops", id="us-is-no-unit-check")
    if False
    else pytest.param("Flight 752 crashed", id="label"),
    pytest.param("the 1960s", id="decade"),
    pytest.param("a Boeing 737-800 crashed", id="model-number"),
    pytest.param("after the 9/11 attacks", id="nine-eleven"),
    pytest.param("open 24/7", id="twenty-four-seven"),
    pytest.param("meet on 5/17/2018", id="numeric-date"),
    pytest.param("server 192.168.1.2 failed", id="ip"),
]


@pytest.mark.parametrize("text", NOT_FACTS)
def test_not_numeric_facts(text: str) -> None:
    assert facts_of(text) == []


def test_us_is_not_a_unit_and_pm_is_not_pence() -> None:
    (f,) = facts_of("the 5,000 U.S. troops")
    assert f.kind == "count" and f.value.render() == "5000"
    assert facts_of("at 5:30 p.m. on Tuesday") == []


# --- properties -------------------------------------------------------------------------

UNITS = (
    "",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def words(n: int) -> str:
    """English words for 0 < n < 10**9 ("one hundred and five thousand ...")."""
    parts = []
    for scale, name in ((1_000_000, "million"), (1000, "thousand"), (1, "")):
        chunk = n // scale % 1000
        if not chunk:
            continue
        h, rest = divmod(chunk, 100)
        bits = []
        if h:
            bits.append(f"{UNITS[h]} hundred")
        if rest:
            small = (
                UNITS[rest] if rest < 20 else TENS[rest // 10] + (f"-{UNITS[rest % 10]}" if rest % 10 else "")
            )
            bits.append(("and " if h else "") + small)
        parts.append(" ".join(bits) + (f" {name}" if name else ""))
    return " ".join(parts)


HEDGES = {"more than": (False, True), "at least": (False, False), "up to": (True, False)}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    n=st.integers(min_value=1, max_value=999_999_999),
    hedge=st.sampled_from(["", *HEDGES]),
    style=st.sampled_from(["separators", "words", "plain"]),
)
def test_rendered_numbers_round_trip(n: int, hedge: str, style: str) -> None:
    number = {"separators": f"{n:,}", "words": words(n), "plain": str(n)}[style]
    text = f"Officials said {hedge + ' ' if hedge else ''}{number} soldiers arrived."
    facts = [f for f in facts_of(text) if f.kind == "count"]
    assert len(facts) == 1, (text, facts)
    a = facts[0].value
    assert isinstance(a, Amount)
    if not hedge:
        assert a.is_point and a.low == n
    elif hedge == "more than":
        assert (a.low, a.high, a.low_open) == (n, INF, True)
    elif hedge == "at least":
        assert (a.low, a.high, a.low_open) == (n, INF, False)
    else:
        assert (a.low, a.high, a.high_open) == (0, n, False)
    assert facts[0].subject.head == "soldier"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789,. -/:%$£€kmMbnaoethrdlyusp\n")), max_size=80))
def test_extraction_never_raises_and_spans_hold(text: str) -> None:
    for f in facts_of(text):
        assert text[f.start : f.end] == f.surface


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=120))
def test_extraction_never_raises_on_any_text(text: str) -> None:
    for f in facts_of(text):
        assert text[f.start : f.end] == f.surface


HOSTILE = [
    pytest.param(("1234567890," * 100_000)[:1_000_000], id="digits-and-commas"),
    pytest.param("1," * 500_000, id="one-comma"),
    pytest.param("7" * 1_000_000, id="digits"),
    pytest.param(("one hundred and twenty " * 50_000)[:1_000_000], id="number-words"),
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_megabyte_inputs_finish(text: str) -> None:
    """Bounded patterns keep these linear: the test finishes (it is not timed)."""
    for f in numbers.amounts(text):
        assert f.start < f.end
