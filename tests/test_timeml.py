"""Date reading on TimeML news (TimeBank and AQUAINT), scored as `benchmarks.timeml` does.

A small fixed subset (the first articles of each corpus, by file name) keeps the test quick;
the floors only go up. The corpora are in ``../shared/conformance/timebank/``; the test is
skipped when they are absent.
"""

from __future__ import annotations

import doctest

import pytest

from benchmarks import timeml

# corpus -> (articles scored, minimum value F1 in percent, minimum precision)
FLOORS = {
    "TimeBank": (20, 83.0, 0.79),
    "AQUAINT": (20, 83.0, 0.79),
}


def test_scorer_doctests() -> None:
    assert doctest.testmod(timeml).failed == 0


@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_value_f1_floor(corpus: str) -> None:
    if not (timeml.FOLDER / corpus).is_dir():
        pytest.skip(f"TimeML corpus not found at {timeml.FOLDER / corpus} (../shared is absent)")
    limit, f1, precision = FLOORS[corpus]
    tally = timeml.score(timeml.articles(corpus, limit))["all"]
    assert tally.golds > 50
    assert 100 * tally.f1 >= f1, "\n".join(timeml.report(corpus, {"all": tally}, 20))
    assert tally.precision >= precision


# corpus -> (minimum value F1 in percent, minimum precision) on every article; the issue's
# acceptance is F1 >= 80 on TimeBank and >= 82 on AQUAINT with precision >= 0.80 on both.
FULL_FLOORS = {"TimeBank": (84.0, 0.84), "AQUAINT": (83.0, 0.80)}


@pytest.mark.parametrize("corpus", sorted(FULL_FLOORS))
def test_full_corpus_floor(corpus: str) -> None:
    if not (timeml.FOLDER / corpus).is_dir():
        pytest.skip(f"TimeML corpus not found at {timeml.FOLDER / corpus} (../shared is absent)")
    f1, precision = FULL_FLOORS[corpus]
    tally = timeml.score(timeml.articles(corpus))["all"]
    assert 100 * tally.f1 >= f1, "\n".join(timeml.report(corpus, {"all": tally}, 20))
    assert tally.precision >= precision
