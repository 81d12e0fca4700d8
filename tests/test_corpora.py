"""Every corpus under tests/corpora/ against its expected.toml (see the README there).

One test per expectation, with ids ``<corpus>-must-<n>`` / ``<corpus>-must_not-<n>``, so a
failure names the corpus and the pair. Expectations an extractor cannot meet yet are listed
under ``[[xfail]]`` in the corpus's expected.toml and run as strict xfails.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import discrepancy

CORPORA = Path(__file__).parent / "corpora"
SERIOUS = ("warning", "error")


def _corpora() -> list[Path]:
    return sorted(p for p in CORPORA.iterdir() if p.is_dir())


@cache
def findings(name: str) -> pd.DataFrame:
    return discrepancy.audit(str(CORPORA / name))


def _expected(corpus: Path) -> dict[str, Any]:
    with (corpus / "expected.toml").open("rb") as fh:
        return tomllib.load(fh)


def _matches(text: str, wanted: str) -> bool:
    t, w = " ".join(text.split()).casefold(), " ".join(wanted.split()).casefold()
    return bool(t) and (w in t or t in w)


def _pair(row: pd.Series, a: str, b: str) -> bool:
    return (_matches(row.text_a, a) and _matches(row.text_b, b)) or (
        _matches(row.text_a, b) and _matches(row.text_b, a)
    )


def _cases() -> list[Any]:
    cases = []
    for corpus in _corpora():
        expected = _expected(corpus)
        xfails = {(x.get("of", "must"), int(x["index"])): x["reason"] for x in expected.get("xfail", [])}
        for of in ("must", "must_not"):
            for i, item in enumerate(expected.get(of, [])):
                marks = []
                if (of, i) in xfails:
                    marks.append(pytest.mark.xfail(strict=True, reason=xfails[(of, i)]))
                cases.append(pytest.param(corpus.name, of, item, id=f"{corpus.name}-{of}-{i}", marks=marks))
    return cases


def test_there_are_enough_corpora() -> None:
    corpora = _corpora()
    assert len(corpora) >= 12
    for corpus in corpora:
        expected = _expected(corpus)
        assert expected.get("must"), f"{corpus.name}: no finding that must be reported"
        assert expected.get("must_not"), f"{corpus.name}: no look-alike that must not be reported"


@pytest.mark.parametrize(("corpus", "of", "item"), _cases())
def test_corpus(corpus: str, of: str, item: dict[str, Any]) -> None:
    frame = findings(corpus)
    severities = tuple(item.get("severity", SERIOUS))
    rows = [r for _, r in frame.iterrows() if r.severity in severities and _pair(r, item["a"], item["b"])]
    if of == "must":
        rows = [r for r in rows if r.rule == item["rule"]]
        words = [w.casefold() for w in item.get("subject", [])]
        rows = [r for r in rows if all(w in r.subject.casefold() for w in words)]
        table = frame[["rule", "severity", "subject", "text_a", "text_b"]].to_string()
        assert rows, (
            f"{corpus}: expected {item['rule']} between {item['a']!r} and {item['b']!r}; got:\n{table}"
        )
    else:
        if "rule" in item:
            rows = [r for r in rows if r.rule == item["rule"]]
        assert not rows, f"{corpus}: {item['a']!r} vs {item['b']!r} must not be reported: " + "; ".join(
            f"{r.rule} {r.severity} {r.message}" for r in rows
        )
