"""Where the date patterns of `discrepancy.extractors.timescan` run: around trigger words.

A pattern runs only in windows around tokens that can start or end one of its expressions
(month names, weekdays, relative words, digits next to "/" or ":"), so text without date
words costs one pass over its letter runs. Within a window, a pattern is tried only where one
of its expressions can begin: at the words just before one of its triggers that the pattern
can hold (read backwards from the trigger), and at the trigger itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import regex

from .timescan import _patterns
from .timetables import calendar

# --------------------------------------------------------------------------------------------
# Candidate windows: the patterns run only around words that can be part of a date

Windows = list[tuple[int, int]]

# Trigger kinds of a token, as bits; each pattern runs only near tokens of its kinds.
_K_MONTH, _K_WEEKDAY, _K_RELATIVE, _K_HOLIDAY, _K_TIME, _K_NUMERIC, _K_PERIOD = 1, 2, 4, 8, 16, 32, 64
# pattern -> (trigger bits, reach before, reach after): longer than any expression's distance
# from its trigger ("the early hours of Wednesday" starts 19 characters before "Wednesday").
_REACH: dict[str, tuple[int, int, int]] = {
    "holiday": (_K_HOLIDAY, 40, 40),
    "month_date": (_K_MONTH, 70, 60),
    "numeric_date": (_K_NUMERIC, 12, 16),  # digits next to "/", "-", "." or eight digits
    "weekday": (_K_WEEKDAY, 45, 45),
    "relative": (_K_RELATIVE, 45, 50),
    "time": (_K_TIME, 35, 50),
    "period": (_K_PERIOD, 30, 40),  # "this year's third quarter", "the winter of nineteen ninety-four"
}
# bits -> the patterns (name, reach before, reach after) a token with those bits triggers
_BY_BITS: list[list[tuple[str, int, int]]] = [
    [(name, before, after) for name, (bit, before, after) in _REACH.items() if bits & bit]
    for bits in range(128)
]
_RELATIVE_WORDS = (
    "day days week weeks weekend weekends month months year years fortnight ago later earlier hence "
    "morning afternoon evening night"
).split()
_COMMON_HOLIDAY_WORDS = frozenset(
    "new year years day international good black saint st king the of s eve may sunday monday friday "
    "wednesday".split()
)
# After a 1-2 digit number, what makes it a clock time: ":30", ".30", " a.m.", "pm", " o'clock".
# (It and `_REL_AFTER` name their characters one by one, so the standard `re` reads them as
# `regex` would, at half the cost per call.)
_TIME_AFTER = re.compile(
    r"[:.][0-9]|[ \t]{0,2}[aApP](?:\.|[mM]|(?![A-Za-z]))|[ \t]{1,2}(?:o['’]?clock|in[ \t]|at[ \t])"
)
# The characters that can begin it ("" at the end of the text: let the pattern decide).
_TIME_FIRST = ":. \taApP"
# What makes a number part of a relative or day expression: "27th", "3 days", "on 15", "in 2011".
_REL_AFTER = re.compile(
    r"(?:st|nd|rd|th)(?![A-Za-z])|[ \t]{1,3}(?:days?|weeks?|months?|years?|fortnights?)(?![A-Za-z])"
)
_REL_FIRST = "snrt \t"  # the characters that can begin
_BLANK_BEFORE = frozenset(" \t\n")
# Left contexts anchored at the end are matched backwards from there (REVERSE): one attempt
# instead of one per start position before it.
_REL_BEFORE = regex.compile(
    r"(?:on|for|the|in|since|until|till|by|during|from|before|after|of)[ \t]{1,3}$",
    regex.IGNORECASE | regex.REVERSE,
)
# "p.m." is the tokens "p" and "m"; "seven p.m.", "ten past nine" trigger on "m" and "past".
_COMMON_VAGUE_WORDS = frozenset(
    "the in at more most until right years days weeks months near distant".split()
)
_PERIOD_WORDS = (
    "quarter half period decade century fiscal "
    "twenties thirties forties fifties sixties seventies eighties nineties"
).split()
_TIME_WORDS = "noon midday midnight mid morning afternoon evening clock oclock past am pm m".split()


# Number and ordinal words name a day alone only after these ("on the second", "for the 3rd").
_DAY_WORD_BEFORE = regex.compile(r"(?:the|on|for)[ \t]{1,3}$", regex.IGNORECASE | regex.REVERSE)


@cache
def _day_words_only() -> frozenset[str]:
    """Words that trigger the relative pattern only as day numbers ("two", "first")."""
    others = {w for w in _token_kinds() if w not in calendar().day_words}
    return frozenset(w for w in calendar().day_words if w not in others and w not in _RELATIVE_WORDS)


@cache
def _token_kinds() -> dict[str, int]:
    """Lower-case word -> trigger bits."""
    cal = calendar()
    kinds: dict[str, int] = {}

    def add(words: Iterable[str], bit: int) -> None:
        for w in words:
            kinds[w] = kinds.get(w, 0) | bit

    add((w for w in cal.months if w.isalpha()), _K_MONTH)
    add((w for w in cal.weekdays if w.isalpha()), _K_WEEKDAY)
    add(_RELATIVE_WORDS, _K_RELATIVE)
    add(
        (
            w
            for phrase in cal.relative_days
            for w in regex.findall(r"[a-z]+", phrase)
            if w not in ("the", "day", "after", "before")
        ),
        _K_RELATIVE,
    )
    add(cal.day_words, _K_RELATIVE)
    add((w + "s" for w in cal.weekdays if w.isalpha() and len(w) > 3), _K_RELATIVE)  # "two sundays from now"
    for phrase in cal.holidays:
        # a holiday triggers on its distinctive words ("christmas", "thanksgiving"), not on
        # "new", "day" or a weekday that fill the text anyway
        words = regex.findall(r"[a-z]+", phrase)
        rare = [w for w in words if w not in _COMMON_HOLIDAY_WORDS]
        add(rare or words[-1:], _K_HOLIDAY)  # "black friday" has only common words: its last
    add(_TIME_WORDS, _K_TIME)
    add(_PERIOD_WORDS, _K_PERIOD)
    add(cal.seasons, _K_PERIOD)
    # a vague phrase triggers on its distinctive words ("recently", "future"), not on "more",
    # "days" or "near" that fill the text anyway
    add(
        (w for phrase in cal.vague for w in regex.findall(r"[a-z]+", phrase) if w not in _COMMON_VAGUE_WORDS),
        _K_PERIOD,
    )
    add(("nineteen", "thousand"), _K_PERIOD)  # spoken years: "nineteen ninety-six", "two thousand"
    return kinds


def _trigger_sites(text: str) -> list[tuple[int, int, int]]:
    """The trigger tokens of ``text`` in order, with their kinds: ``(start, end, bits)``.

    A token is a run of ASCII letters or of digits. Words are found per distinct trigger
    word present (one C-level pass over all runs, then one search per such word), so Python
    works per trigger site, not per token.
    """
    kinds = _token_kinds()
    sites = []
    for m in _DIGIT_RUN.finditer(text):
        t_start, t_end = m.span()
        size = t_end - t_start
        nxt = text[t_end : t_end + 1]  # ("" at the end of the text: let the patterns decide)
        bits = 0
        # (each test first looks at the one character its pattern must begin with)
        if size <= 4:
            if size <= 2 and nxt in _TIME_FIRST and _TIME_AFTER.match(text, t_end):
                bits = _K_TIME
            # (a newline before too: "$" also matches before a final newline)
            if (nxt in _REL_FIRST and _REL_AFTER.match(text, t_end)) or (
                text[t_start - 1 : t_start] in _BLANK_BEFORE
                and _REL_BEFORE.search(text, max(0, t_start - 8), t_start)
            ):
                bits |= _K_RELATIVE
            if size == 4:
                if text[t_start : t_start + 2] in ("18", "19", "20"):
                    bits |= _K_PERIOD  # a year standing alone or a decade
            elif size == 2 and nxt == "s" and text[t_start - 1 : t_start] in ("'", "’"):
                bits |= _K_PERIOD  # "the '80s"
        if size == 8 or (nxt and nxt in "/-." and text[t_end + 1 : t_end + 2].isdigit()):
            bits |= _K_NUMERIC
        if bits:
            sites.append((t_start, t_end, bits))
    # One byte per character (anything not ASCII becomes "?"), so offsets are the text's.
    low = text.encode("ascii", "replace").lower()
    for word in _trigger_words().intersection(low.translate(_LETTERS_ONLY).split()):
        w, size = word.decode(), len(word)
        word_bits = kinds[w]
        at = low.find(word)
        while at >= 0:
            t_start, t_end = at, at + size
            at = low.find(word, t_end)
            # a whole run only: not "day" inside "today" or "days"
            if low[t_start - 1 : t_start].isalpha() or low[t_end : t_end + 1].isalpha():
                continue
            bits = word_bits
            if (
                bits == _K_RELATIVE
                and w in _day_words_only()
                and not (
                    text[t_start - 1 : t_start] in (" ", "\t", "\n")
                    and _DAY_WORD_BEFORE.search(text, max(0, t_start - 8), t_start)
                )
            ):
                continue  # "two", "first": a day only after "on the", "the" ("on the second")
            if w in ("year", "years") and text[max(0, t_start - 4) : t_start].lower() == "new ":
                bits |= _K_HOLIDAY  # "New Year's Day"
            elif w in ("ago", "earlier") and text[max(0, t_start - 5) : t_start].lower() == "year-":
                bits |= _K_PERIOD  # "year-earlier profit"
            sites.append((t_start, t_end, bits))
    sites.sort()
    return sites


_DIGIT_RUN = re.compile(r"[0-9]+")
# Every byte but a lower-case ASCII letter becomes a blank: the letter runs are then `split()`.
_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))


@cache
def _trigger_words() -> frozenset[bytes]:
    """The trigger words as bytes (tokens are ASCII runs, so other words never occur)."""
    return frozenset(w.encode() for w in _token_kinds() if re.fullmatch(r"[a-z]+", w))


@dataclass(frozen=True, slots=True)
class Sites:
    """Where each pattern runs in one text.

    ``windows``: per pattern, merged spans around its triggers; a match never reaches past
    the end of its window. ``starts``: per pattern read from its triggers (`_STARTS`), merged
    spans where its matches can begin; the other patterns are tried all through their windows.
    """

    windows: dict[str, Windows]
    starts: dict[str, Windows]


def candidate_windows(text: str) -> dict[str, Windows]:
    """Per pattern, merged spans of ``text`` around its trigger tokens; the rest is skipped.

    Windows end at a blank, so no pattern sees a word cut in two.

    >>> t = "Nothing here at all. " * 5 + "It was on Friday."
    >>> [(s, t[s:e].strip()) for s, e in candidate_windows(t)["weekday"]]
    [(70, 'here at all. Nothing here at all. It was on Friday.')]
    """
    return scan_sites(text).windows


def scan_sites(text: str) -> Sites:
    """The windows of every pattern and where the patterns of `_STARTS` can begin in them.

    >>> t = "Nothing here at all. It was on the 3rd of January."
    >>> [t[s:e] for s, e in scan_sites(t).starts["month_date"]]
    ['on the 3rd of ']
    """
    spans: dict[str, Windows] = {name: [] for name in _REACH}
    starts: dict[str, Windows] = {name: [] for name in _STARTS}
    n = len(text)
    for t_start, t_end, bits in _trigger_sites(text):
        for name, before, after in _BY_BITS[bits]:
            start, end = max(0, t_start - before), min(n, t_end + after)
            out = spans[name]
            if out and start <= out[-1][1]:
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
            if name in starts:
                # An expression holding this trigger begins at it or at one of the words just
                # before it that the pattern can hold ("on the 3rd of January").
                _add_start(starts[name], _lead_in(name, text, start, t_start), t_start)
    return Sites({name: _to_blanks(text, out) if out else out for name, out in spans.items()}, starts)


def _add_start(spans: Windows, start: int, end: int) -> None:
    """Add ``[start, end]`` to merged spans ordered by end (a lead-in may reach back further)."""
    while spans and start <= spans[-1][1]:
        start = min(start, spans.pop()[0])
    spans.append((start, end))


# Patterns tried only where their matches can begin, and what can begin one: the pattern's own
# opening (a word start; for periods also a quote, "'80s"). Numeric dates (whose matches begin
# at their trigger) and times (whose triggers miss "a quarter to six") are tried all through
# their windows.
# (`regex`, so that a word character is what the patterns call one)
_STARTS: dict[str, regex.Pattern[str]] = {
    "month_date": regex.compile(r"(?<!\w)\w"),
    "weekday": regex.compile(r"(?<!\w)\w"),
    "relative": regex.compile(r"(?<!\w)\w"),
    "period": regex.compile(r"(?<!\w)\w|['’]"),
    "holiday": regex.compile(r"(?<!\w)\w"),
}


def _lead_in(name: str, text: str, lo: int, trigger: int) -> int:
    """Where an expression of pattern ``name`` holding the trigger at ``trigger`` can begin
    (not before ``lo``): the run of whole words the pattern can hold and the gaps between them,
    read backwards from the trigger ("on the 3rd of January"); else the gap just before it
    ("'80s"); else the trigger itself. A number glued to the trigger ("1jan") comes first.

    >>> t = "It was leaked on the 3rd of January."
    >>> t[_lead_in("month_date", t, 0, t.index("January")) :]
    'on the 3rd of January.'
    """
    at = trigger
    # (only a digit just before can begin a glued number: most triggers skip the match)
    glued = _GLUED.match(text, lo, at) if text[at - 1 : at].isdigit() else None
    if glued:
        at = glued.start()
    begin = at
    while (before := _WORD_AND_GAP.match(text, lo, begin)) and _holds(name, before.group(1)):
        begin = before.start()
    if begin == at and (gap := _GAP.match(text, lo, at)):
        begin = gap.start()
    return begin


# Matched backwards from a position (REVERSE): the whole word and the gap (up to 8 characters
# that are not word characters, more than any pattern allows) just before it; that gap alone;
# a number glued to it.
_WORD_AND_GAP = regex.compile(r"(?<!\w)(\w{1,30})\W{1,8}", regex.REVERSE)
_GAP = regex.compile(r"\W{1,8}", regex.REVERSE)
_GLUED = regex.compile(r"(?<!\w)\d{1,4}", regex.REVERSE)


@lru_cache(maxsize=16384)
def _holds(name: str, word: str) -> bool:
    """Whether an expression of pattern ``name`` can hold ``word``: a number (with an ordinal
    or plural ending), or a word made of up to three of the words written in the pattern
    ("six" + "teenth", "centur" + "ies"), so no word a match can hold is missing.

    >>> _holds("period", "sixteenth"), _holds("period", "1990s"), _holds("period", "leaked")
    (True, True, False)
    """
    if _NUMBER.fullmatch(word):
        return True
    if not word.isascii():
        return _words_pattern(name).fullmatch(word) is not None  # case folding beyond ASCII
    words, low = _words(name), word.lower()
    if low in words:
        return True
    for i in range(1, len(low)):
        if low[:i] in words:
            rest = low[i:]
            if rest in words or any(rest[:j] in words and rest[j:] in words for j in range(1, len(rest))):
                return True
    return False


_NUMBER = regex.compile(r"\d{1,4}[a-z]{0,2}", regex.IGNORECASE)


@cache
def _words(name: str) -> frozenset[str]:
    """The words written in pattern ``name`` (and in its comments: a few more do no harm)."""
    return frozenset(regex.findall(r"[a-z]+", _patterns()[name].pattern.lower()))


@cache
def _words_pattern(name: str) -> regex.Pattern[str]:
    words = sorted(_words(name), key=lambda w: (-len(w), w))
    return regex.compile(rf"(?:{'|'.join(words)}){{1,3}}", regex.IGNORECASE)


def _to_blanks(text: str, spans: Windows) -> Windows:
    """Move each window end to the next blank and merge windows that then overlap."""
    merged: Windows = []
    n = len(text)
    for s, e in spans:
        # the first blank at or after the end (within 40 characters; else 40 characters on)
        blank = _BLANK.search(text, e, min(n, e + 40))
        e = blank.start() if blank else min(n, e + 40)
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


# Every character `str.isspace` calls a blank, as one class (the engine's own \s differs).
_BLANK = re.compile("[" + "".join(re.escape(chr(c)) for c in range(0x110000) if chr(c).isspace()) + "]")


@cache
def group_numbers(name: str) -> dict[str, int]:
    """Group name -> group number in pattern ``name``. Readers ask a match for its groups by
    number: `regex` looks a group name up on every call, which costs five times the lookup.

    >>> m = _patterns()["weekday"].match("Friday")
    >>> m.group(group_numbers("weekday")["wd"])
    'Friday'
    """
    return dict(_patterns()[name].groupindex)


def _scan(name: str, text: str, sites: Sites) -> Iterator[regex.Match[str]]:
    """The matches of pattern ``name`` in ``text``, in order, as ``finditer`` over each window
    finds them: where `_STARTS` reads where matches begin, only those places are tried."""
    pattern = _patterns()[name]
    windows = sites.windows[name]
    begins = sites.starts.get(name)
    if begins is None:
        for start, end in windows:
            yield from pattern.finditer(text, start, end)
        return
    opening = _STARTS[name]
    w = 0
    pos = 0  # where the last match ended: matches never overlap
    for start, end in begins:
        while windows[w][1] < start:
            w += 1
        window_end = windows[w][1]
        for at in opening.finditer(text, max(start, pos), end + 1):
            c = at.start()
            if c < pos:
                continue
            m = pattern.match(text, c, window_end)
            if m is not None:
                yield m
                pos = m.end()
