"""The name tokenizer: one token pattern, run by `regex` or (without astral characters) by `re`
with the same classes spelt out; both must cut every text alike."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from discrepancy.extractors.nametables import _TOKEN, _bmp_token, _kind, _tokenize, _Tokens

CASES = [
    ("possessive", "Iran's U.S.-backed al-Muhandis", ["Iran", "'s", "U.S.", "-", "backed", "al-Muhandis"]),
    ("abbreviation", "the U.S. army", ["the", "U.S.", "army"]),
    ("curly-apostrophe", "Iran’s leader", ["Iran", "’s", "leader"]),
    ("no-break-space", "Qassem\xa0Soleimani", ["Qassem", "Soleimani"]),
    ("combining-mark", "Hele\u0300ne said", ["Hele\u0300ne", "said"]),
    ("arabic-digits", "٣ killed", ["٣", "killed"]),
    ("astral", "𝐀li 5", ["𝐀li", "5"]),
]


@pytest.mark.parametrize(("text", "tokens"), [pytest.param(t, k, id=i) for i, t, k in CASES])
def test_tokens(text: str, tokens: list[str]) -> None:
    assert _Tokens(text).texts == tokens
    assert [t.text for t in _tokenize(text)] == tokens
    assert _TOKEN.split(text)[1::2] == _Tokens(text).texts


def test_token_kinds() -> None:
    assert [_kind(t) for t in _Tokens("U.S. Iran's 42 ,").texts] == ["abbr", "word", "poss", "num", "punct"]


def test_offsets_and_lines() -> None:
    tk = _Tokens("Ali  Khamenei\n\nsaid, Ali.")
    assert [tk.starts[i] for i in range(len(tk.texts))] == [0, 5, 15, 19, 21, 24]
    assert tk.ends == [3, 13, 19, 20, 24, 25]
    assert tk.lines == [0, 0, 2, 2, 2, 2]
    assert tk.lows == ["ali", "khamenei", "said", ",", "ali", "."]


# Characters the token classes tell apart: letters of several scripts and cases, marks, digits,
# white space of several kinds, apostrophes, hyphens and periods.
_SPECIAL = "aZsSU.'’-‐‑ \t\n\xa0\u2028\u3000éÉß\u0301\u064bابت٣5²Ⅻİ\x1c_,"
_ALPHABET = st.sampled_from(list(_SPECIAL)) | st.characters(max_codepoint=0xFFFF)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_bmp_pattern_cuts_like_regex(text: str) -> None:
    assert _bmp_token().split(text) == _TOKEN.split(text)


def test_flag_cache_is_bounded_and_agrees_with_flags(monkeypatch: pytest.MonkeyPatch) -> None:
    from discrepancy.extractors import namescan
    from discrepancy.extractors.nametables import name_tables

    monkeypatch.setattr(namescan, "_FLAG_CACHE_SIZE", 3)
    t = name_tables()
    cache = namescan._FlagCache(t)
    words = ["President", "Rouhani", "said", "Iran", "the", "U.S."]
    assert [cache[w] for w in words] == [namescan._flags(t, w) for w in words]
    assert len(cache) <= 3
