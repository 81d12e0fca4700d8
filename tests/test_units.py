"""Units: table names to pint names, dimensions, conversion between comparable amounts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from discrepancy import units
from discrepancy.facts import INF, Amount


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param("km", "kilometer", id="km"),
        pytest.param("Kilometres", "kilometer", id="kilometres"),
        pytest.param("tonnes", "metric_ton", id="tonnes"),
        pytest.param("kg", "kilogram", id="kg"),
        pytest.param("GB", "gigabyte", id="GB"),
        pytest.param("Mb", "megabit", id="Mb"),
        pytest.param("mph", "mile / hour", id="mph"),
        pytest.param("°C", "degree_Celsius", id="celsius"),
        pytest.param("seconds", "second", id="seconds"),
        pytest.param("kV", "kilovolt", id="kV-is-kilovolt"),
    ],
)
def test_canonical_unit(text: str, name: str) -> None:
    assert units.canonical_unit(text) == name


@pytest.mark.parametrize("text", ["U.S.", "p.m.", "pm", "am", "US", "dozen", "GBP"])
def test_not_units(text: str) -> None:
    assert units.canonical_unit(text) is None


@pytest.mark.parametrize(
    ("unit", "dim"),
    [
        pytest.param("", "", id="count"),
        pytest.param("percent", "percent", id="percent"),
        pytest.param("USD", "currency:USD", id="money"),
        pytest.param("mile", "[length]", id="length"),
        pytest.param("year", "[time]", id="time"),
        pytest.param("megabyte", "[information]", id="information"),
        pytest.param("degree", "[angle]", id="angle"),
    ],
)
def test_dimension(unit: str, dim: str) -> None:
    assert units.dimension(unit) == dim


def test_comparable_converts_into_first_unit() -> None:
    pair = units.comparable(Amount.exact(100, unit="kilometer"), Amount(Decimal(60), INF, unit="mile"))
    assert pair is not None
    b = pair[1]
    assert b.unit == "kilometer" and abs(b.low - Decimal("96.56064")) < Decimal("0.001") and b.high == INF


@pytest.mark.parametrize(
    ("a", "b"),
    [
        pytest.param(Amount.exact(5, unit="USD"), Amount.exact(5, unit="EUR"), id="currencies"),
        pytest.param(Amount.exact(5, unit="kilometer"), Amount.exact(5, unit="kilogram"), id="dimensions"),
        pytest.param(Amount.exact(5, unit="gigabyte"), Amount.exact(5, unit="percent"), id="bytes-percent"),
        pytest.param(Amount.exact(5), Amount.exact(5, unit="percent"), id="count-percent"),
    ],
)
def test_not_comparable(a: Amount, b: Amount) -> None:
    assert units.comparable(a, b) is None


def test_registry_is_shared() -> None:
    assert units.registry() is units.registry()


def test_table_aliases_are_unique() -> None:
    _, symbols = units.unit_words()
    assert "m" in symbols and symbols["m"] == "meter"
    assert "U.S." not in symbols and "pm" not in symbols
