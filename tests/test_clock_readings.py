"""Clock times read as intervals and zones named by a city; spelled-out counts before months.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest

from discrepancy.extractors.timeexpr import find_mentions

# ----------------------------------------------------------------- spelled-out counts


@pytest.mark.parametrize(
    ("text", "surfaces"),
    [
        pytest.param("It was one of four June test flights.", [], id="counted-and-plural"),
        pytest.param("Voters faced two March referendums.", [], id="plural-after-month"),
        pytest.param("All three October storms hit the coast.", [], id="after-a-determiner"),
        pytest.param("The show opened on 3 November.", ["3 November"], id="digits-stay"),
        pytest.param("It closed on the fifth of May.", ["the fifth of May"], id="ordinal-of-stays"),
        pytest.param("On twenty-first June 2019.", ["twenty-first June 2019"], id="ordinal-word-stays"),
        pytest.param("Signed three November 2019, it held.", ["three November 2019"], id="with-a-year-stays"),
    ],
)
def test_spelled_cardinal_before_a_month(text: str, surfaces: list[str]) -> None:
    assert [m.surface for m in find_mentions(text) if m.month is not None] == surfaces
