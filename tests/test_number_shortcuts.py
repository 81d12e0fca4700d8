"""The number extractor's shortcuts find exactly what its full patterns find.

Cheap tests (gates, backward searches, plain digit shapes, start positions) decide where the
full patterns run; these properties compare them with the patterns run everywhere, on text
built from the words and characters the shortcuts look at.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from discrepancy.extractors import (
    numafter,
    numbers,
    numblocks,
    numcontext,
    numerals,
    numhedges,
    numruns,
    numsubject,
    numtables,
)
from discrepancy.extractors.patterns import number_run

# Words and characters the shortcuts read: hedges, currencies, labels, months, year words,
# copulas, number words, blanks, signs, line breaks and letters beyond ASCII that fold to ASCII.
PIECES = [
    "more than", "More  Than", "at least", "approx.", "up-to", ">=", "< =", "≥", "$", "US$", "MUSD",
    "Rs.", "€", "#", "No.", "Flight", "world war", "in", "since", "May", "Jan.", "mid-", "'s", "of",
    "of the", "is", "stands at", "up from", "F-", "Boeing", "ſince", "ﬁscal", "\u212a", "half", "a",
    "minus", "two", "dozen", "million", "and", "point", "zero", "no", "No", "casualties", "5", "48",
    "2020", "1,000", "3.5", "16/35", "2013-14", "v2.3.1", "version", "+1", "(555)", "123-4567",
    "20:40", "2pm", "2PM", "8th", "%", "km", "dollars", "years old", " ", "  ", "   ", "\t", "\u00a0",
    "\n", "-", "–", ".", ",", "/", "(", ")", "x", "é", "half \n", "a\n", "- \n",
    "hundreds of thousands of", "Tens-of-thousands", "a  few", "several", "dozens", "ſeveral",
    "aged", "Age", "per cent", "percentage", "pounds", "people", "Years", "or more", "U.S.", "_",
    "from", "Between", "ranging  from", "across", "within",
]
TEXTS = st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join)
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def span(m: object) -> tuple[int, int] | None:
    return None if m is None else m.span()  # type: ignore[attr-defined]


LEFT_CONTEXTS = {
    "hedge": numtables._prefix_re(),
    "currency": numtables._money_before(),
    "label": numtables._label_re(),
    "year": numbers._YEAR_BEFORE,
    "model": numbers._MODEL_BEFORE,
    "name": numbers._NAME_BEFORE,
    "day": numbers._DAY_BEFORE,
    "of": numsubject._OF_BEFORE,
    "copula": numsubject._copula_re(),
    "baseline": numcontext._baseline_re(),
    "aged": numbers._AGED,
    "percent of": numhedges._PERCENT_OF,
    "range from": numhedges._RANGE_FROM,
    "oblique": numsubject._OBLIQUE,
}


@pytest.mark.parametrize("name", sorted(LEFT_CONTEXTS))
@PROPERTY
@given(text=TEXTS, cut=st.integers(0, 40))
def test_left_contexts_find_what_their_patterns_find(name: str, text: str, cut: int) -> None:
    lc = LEFT_CONTEXTS[name]
    end = max(0, len(text) - cut)
    for pos in (0, max(0, end - 12)):
        forward = lc.forward.search(text, pos, end)
        assert span(lc.search(text, pos, end)) == span(forward)
        assert lc.holds(text, pos, end) == (forward is not None)


def runs_everywhere(text: str) -> list[tuple[int, int]]:
    """`numruns.runs` as it was first written: the lead searched and the pattern run at every
    anchor."""
    run_re, covered, out = number_run(), 0, []
    for p, _ in numruns._anchors(text):
        if p < covered:
            continue
        lead = numruns._LEAD.search(text, max(0, p - 20), p)
        m = run_re.match(text, lead.start()) if lead is not None and lead.start() < p else None
        if m is None:
            m = run_re.match(text, p)
        if m is not None and m.end() > covered:
            covered = m.end()
            out.append(m.span())
    return out


@PROPERTY
@given(text=TEXTS)
@example(text="xx(1/2–HALF   \nzero")  # the lead's "$" matches before a closing line break
@example(text="June 2, 2021; 16/35\n4.5 km, 2013-14, 8th, 5 million")
def test_runs_find_what_the_run_pattern_finds(text: str) -> None:
    assert [(s, e) for s, e, _ in numruns.runs(text)] == runs_everywhere(text)


def blocked_everywhere(text: str) -> set[tuple[int, int]]:
    """The digit blocks of `numblocks.blocked`, the block pattern scanned over each window."""
    windows: list[list[int]] = []
    for m in numblocks._DIGIT_RUN.finditer(text):
        ws, we = max(0, m.start() - 12), min(len(text), m.end() + 40)
        if windows and ws <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], we)
        else:
            windows.append([ws, we])
    return {m.span() for ws, we in windows for m in numblocks._BLOCK_DIGITS.finditer(text, ws, we)}


# without "/" no path or URL is found, so every block is a digit block
NO_PATHS = st.lists(st.sampled_from([p for p in PIECES if "/" not in p]), min_size=1, max_size=12)
NO_PATHS_TEXT = NO_PATHS.map("".join)


@PROPERTY
@given(text=NO_PATHS_TEXT)
def test_blocked_finds_what_the_block_pattern_finds(text: str) -> None:
    assert set(numblocks.blocked(text)) == blocked_everywhere(text)


@PROPERTY
@given(text=TEXTS)
def test_negated_counts_start_where_the_pattern_matches(text: str) -> None:
    starts = [m.start() for m in numhedges._NEGATED.finditer(text)]
    assert all(c.start in starts for c in numhedges._negated(text))


@PROPERTY
@given(text=TEXTS)
def test_vague_phrases_lie_inside_their_windows(text: str) -> None:
    windows = numhedges._vague_windows(text)
    for m in numhedges._vague_re().finditer(text):
        # inside a window, with a character to spare for the lookaround (or at the text's end)
        assert any(ws <= m.start() and (m.end() < we or we == len(text)) for ws, we in windows)


@PROPERTY
@given(text=TEXTS)
@example(text=" people")
@example(text=" km")
@example(text=" dollars")
@example(text=" percent")
@example(text=" years old")
def test_a_plain_word_after_a_number_starts_no_unit_currency_percent_or_age(text: str) -> None:
    text = "5" + text
    if not numafter.plain_after(text, 1):
        return
    num = numerals.Numeral(0, 1, numerals.parse("5") or 0, "5")
    percent = numtables._compiled(
        r"[ \t\u00a0]{0,2}(?:%|(?i:per[ \t]?cent(?:age)?s?|percents?|percentages?|pct)\b)"
    ).match(text, 1)
    assert numbers._money_after(text, num) is None
    assert numafter._read_unit(text, 1, num) is None
    assert percent is None
    assert numbers._age(text, num) is None


@PROPERTY
@given(text=TEXTS)
@example(text="of two painters")
@example(text="a dozen")
@example(text="half a million")
@example(text="minus 5")
def test_runs_start_only_where_may_start_allows(text: str) -> None:
    run_re = number_run()
    for p in range(len(text)):
        if not numruns.may_start(text, p):
            assert run_re.match(text, p) is None


QUIET_CONTEXTS = ("hedge", "currency", "label", "year", "model", "name", "day", "aged", "percent of")


@PROPERTY
@given(text=TEXTS, cut=st.integers(0, 40))
@example(text="killed ", cut=0)
@example(text="more than ", cut=0)
@example(text="aged ", cut=0)
@example(text="Boeing ", cut=0)
@example(text="in ", cut=0)
@example(text="xxxxxage ", cut=0)
def test_a_quiet_word_before_a_number_leaves_every_left_context_out(text: str, cut: int) -> None:
    end = max(0, len(text) - cut)
    if not numbers._quiet_before(text, end):
        return
    for name in QUIET_CONTEXTS:
        lc = LEFT_CONTEXTS[name]
        assert not lc.holds(text, max(0, end - 24), end), name
        for width in (8, 24):  # the slices `_aged` and `_is_year` read
            assert not lc.holds(text[max(0, end - width) : end]), name


@PROPERTY
@given(text=TEXTS)
@example(text="ſeveral TWO\u00a0\u212aM")
@example(text="é two ﬁve")
def test_number_words_found_in_a_lower_case_copy_are_those_the_case_blind_search_finds(text: str) -> None:
    low = text.lower() if text.isascii() else numruns._ascii_lower(text)
    assert len(low) == len(text)
    expected = [m.span() for m in numruns._word_anchor().finditer(text)]
    assert [m.span() for m in numruns._lower_word_anchor().finditer(low)] == expected


@PROPERTY
@given(text=TEXTS)
@example(text=" per minute")
@example(text="   a day")
@example(text="    a day")
def test_a_rate_can_follow_only_where_its_gate_lets_it(text: str) -> None:
    for pos in range(len(text)):
        if not numsubject._may_rate(text, pos):
            assert numsubject._RATE.match(text, pos, min(len(text), pos + 40)) is None


@PROPERTY
@given(text=TEXTS)
@example(text=" or more")
@example(text="\tAND above")
def test_a_suffix_hedge_can_follow_only_where_its_gate_lets_it(text: str) -> None:
    for pos in range(len(text)):
        if not numtables.initial_after_blanks(text, pos, numtables._suffix_initials()):
            assert numtables._suffix_re().match(text, pos) is None
