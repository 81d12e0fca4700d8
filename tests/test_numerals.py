"""Numerals: digits, number words, fractions and scales parsed into Decimal."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from discrepancy import tables
from discrepancy.extractors import numerals, patterns

PARSE = [
    pytest.param("5,000", "5000", id="thousands-comma"),
    pytest.param("4.2", "4.2", id="decimal"),
    pytest.param("1 234 567", "1234567", id="space-groups"),
    pytest.param("12,34,567.89", "1234567.89", id="indian-groups"),
    pytest.param(".08", "0.08", id="bare-decimal"),
    pytest.param("twelve", "12", id="twelve"),
    pytest.param("forty-five", "45", id="hyphen-tens"),
    pytest.param("one hundred and seventy-six", "176", id="hundred-and"),
    pytest.param("a dozen", "12", id="a-dozen"),
    pytest.param("half a dozen", "6", id="half-a-dozen"),
    pytest.param("3 dozens", "36", id="digits-dozens"),
    pytest.param("a million", "1000000", id="a-million"),
    pytest.param("1.2 million", "1200000", id="decimal-million"),
    pytest.param("two-thirds", str(Decimal(2) / 3), id="two-thirds"),
    pytest.param("three and a half", "3.5", id="and-a-half"),
    pytest.param("5k", "5000", id="k"),
    pytest.param("4.2bn", "4200000000", id="bn"),
    pytest.param("10M", "10000000", id="upper-m"),
    pytest.param("13 lakh", "1300000", id="lakh"),
    pytest.param("three lakh crore", "3000000000000", id="lakh-crore"),
    pytest.param("twenty-one trillion three hundred", "21000000000300", id="trillion"),
    pytest.param("two hundred point zero three", "200.03", id="point"),
    pytest.param("minus five", "-5", id="minus"),
    pytest.param("1e10", "10000000000", id="exponent"),
    pytest.param("10 1/2", "10.5", id="mixed-fraction"),
    pytest.param("½", "0.5", id="vulgar"),
    pytest.param("one over three", str(Decimal(1) / 3), id="ratio"),
]


@pytest.mark.parametrize(("text", "value"), PARSE)
def test_parse(text: str, value: str) -> None:
    got = numerals.parse(text)
    assert got is not None and got == Decimal(value)


@pytest.mark.parametrize("text", ["1m", "two men", "a", "the one", "12 apples", "1,23"])
def test_not_one_numeral(text: str) -> None:
    assert numerals.parse(text) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param("3 hundred and 2 hundred", ["3 hundred", "2 hundred"], id="two-hundreds"),
        pytest.param("45 and 50", ["45", "50"], id="and-between-numbers"),
        pytest.param("1, 234, 567", ["1", "234", "567"], id="comma-space"),
        pytest.param("Which one do you prefer?", [], id="pronoun-one"),
        pytest.param("on May 4th", [], id="ordinal-suffix"),
        pytest.param("$2000 over 3 years", ["2000", "3"], id="over-before-noun"),
    ],
)
def test_scan_splits(text: str, found: list[str]) -> None:
    assert [n.text for n in numerals.scan(text)] == found


def test_vague_intervals() -> None:
    assert numerals.vague("dozens of") == (Decimal(24), Decimal(100), True)
    assert numerals.vague("several") == (Decimal(3), Decimal(9), False)
    assert numerals.vague("many") is None
    assert numerals.vague_phrases()[0] == "hundreds of thousands of"


def test_number_words_table_is_consistent() -> None:
    words = patterns.number_words()
    assert words["twelve"] == ("unit", 12) and words["thirds"] == ("ords", 3)
    assert "first" not in words and "second" not in words  # "a second missile" is no fraction
    assert isinstance(tables.raw("numbers"), dict)


@given(st.integers(min_value=0, max_value=10**15))
def test_digits_round_trip(n: int) -> None:
    assert numerals.parse(f"{n:,}") == n
    assert numerals.parse(str(n)) == n


@given(st.text(max_size=60))
def test_scan_spans(text: str) -> None:
    for n in numerals.scan(text):
        assert text[n.start : n.end] == n.text
