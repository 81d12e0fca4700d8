"""Spans that hold digits but are never amounts: URLs, paths, e-mail addresses, IP
addresses, versions, phone numbers, clock times, numeric dates, year ranges, decades and
list numbers. The number extractor drops the numerals inside them.

>>> text = "Call (555) 123-4567 at 20:40 or see https://example.com/2020; 12 died."
>>> [text[s:e] for s, e in blocked(text)]
['(555) 123-4567', '20:40', 'https://example.com/2020;']
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

__all__ = ["blocked"]

# Text shapes that hold digits but are never amounts. Each runs only near what it needs (a
# "://", a "/", an "@", a digit run): scanning every position with one big pattern is slow.
_URL = regex.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"')\]]{1,2000}")
# /paths/file.ext, ./file, ~/dir/file.txt and C:\Windows\paths
_PATH = regex.compile(
    r"""(?:~|\.\.?|(?<![\w/.~]))/(?:[\w.-]{1,64}/){0,20}[\w.-]{1,64}\.[A-Za-z]{1,6}\b
    | (?<![\w])[A-Za-z]:\\[^\s]{1,500}""",
    regex.VERBOSE | regex.V1,
)
# Where a `_PATH` match can start: "~/", "./", "../", "/" or the drive letter of "C:\".
_PATH_START = re.compile(r"~(?=/)|\.(?=\.?/)|/|[A-Za-z](?=:\\)")
# The same starts in a text without ":\\" (no drive letter can start a path there): one
# character class first, so `re` skips ahead in C instead of trying every letter.
_SLASH_START = re.compile(
    r"""
    [~./]                     # a tilde, a dot or a slash
    (?:(?<=~)(?=/)            # "~/"
    | (?<=\.)(?=\.?/)          # "./", "../"
    | (?<=/))                 # "/"
    """,
    re.VERBOSE,
)
_EMAIL = regex.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
_BLOCK_DIGITS = regex.compile(
    r"""
      (?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w.])             # IPv4 addresses
    | (?<![\w.])v\d{1,4}(?:\.\d{1,4}){1,3}\b                 # v2.3.1
    | (?<![\w.])\d{1,4}\.\d{1,4}\.\d{1,4}(?:\.\d{1,4})?(?![\w.])  # 2.3.1 versions, 03.04.2020
    | (?i:\bversion\s{0,2}\d{1,4}(?:\.\d{1,4}){0,3})          # version 2
    | (?<![\w+])\+\d{1,3}[\s.-]\d{1,4}(?:[\s./-]\d{2,5}){1,4}(?![\w])   # +1-222-2222/2222
    | (?<![\w])\(\d{3}\)[\s.-]?\d{3}[-.]\d{4}(?![\w])         # (555) 123-4567
    | (?<![\w.-])\d{3}[-.]\d{3}[-.]\d{4}(?![\w-])            # 555-123-4567
    | (?<![\w.:])\d{1,2}:\d{2}(?::\d{2})?(?:\s{0,2}(?i:[ap]\.?\s?m\b\.?))?  # 20:40, 5:30 p.m.
    | (?<![\w.])\d{1,2}(?:\.\d{2})?\s{0,2}(?i:[ap]\.m\.|[ap]m\b)  # 2pm, 5.30 a.m.
    | (?<![\w./-])\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}(?![\w/-])   # 5/17/2018, 2020-01-03
    | (?<![\w.-])(?:1[5-9]|20)\d{2}\s?[-–/]\s?(?:\d{2}|(?:1[5-9]|20)\d{2})(?![\w-]|\.\d)  # 2013-14
    | (?<![\w.])(?:1[5-9]|20)\d{2}-(?:0[1-9]|1[0-2])(?![\w-]) # 1995-01
    | (?<![\w.'])(?:1[5-9]|20)\d0'?s\b                        # the 1960s
    | (?m:^[ \t]{0,3}\d{1,3}[.)](?=[ \t]))                    # list numbers "1." "2)"
    """,
    regex.VERBOSE | regex.V1,
)
# one digit, then the rest: a pattern that opens with a character class skips ahead in C
_DIGIT_RUN = regex.compile(r"\d\d{0,63}")
def _block_starts(text: str, rs: int, re_: int) -> list[int]:
    """Where a `_BLOCK_DIGITS` match tied to the digit run ``text[rs:re_]`` can start.

    Every alternative reads a digit run within ten characters of its start. The digit
    alternatives start at the run (refusing a word character before it) and go on right
    after it with "." ":" "-" "/" "–" ")" "'", "s" ("1960s"), or "a"/"p" and "m" or "."
    after a run of one or two digits ("2pm", "5 a.m."), maybe after one or two blanks ("2 pm",
    "2013 - 14"); "v2.3", "+1 555" and "(555)" start one character before it; "version 2"
    seven to nine before; list numbers at a line start at most three before. A character
    beyond ASCII may fold to a letter: it is let through.

    >>> shapes = ("20 people", "10 pm", "10 and", "60s", "20 says", "20:40")
    >>> [_block_starts("seen " + t, 5, 7) for t in shapes]
    [[], [5], [], [5], [], [5]]
    """
    out = []
    n = len(text)
    k = re_  # where the character after the run and its blanks stands
    c = text[k] if k < n else ""
    if c.isspace():  # "2 pm", "2013 - 14": blanks go on only to "a"/"p" or a dash
        k += 1
        if k < n and text[k].isspace():
            k += 1
        c = text[k] if k < n else ""
        if c.isspace():
            c = ""
    if c and (c in ".:)'-/–" or not c.isascii()):
        out.append(rs)
    elif c == "s" and k == re_:  # "the 1960s": the "s" is glued
        out.append(rs)
    elif c and c in "aApP" and re_ - rs <= 2 and k + 1 < n:
        d = text[k + 1]
        if d in ".mM" or not d.isascii():
            out.append(rs)  # "2pm", "5 a.m." (not "5 people" or "2020 and")
    if rs > 0 and text[rs - 1] in "vV+(":
        out.append(rs - 1)
    lo = rs - 9 if rs > 9 else 0
    seg = text[lo : rs - 6 if rs > 6 else 0]
    if "v" in seg or "V" in seg:
        out.extend(lo + i for i, ch in enumerate(seg) if ch in "vV")
    lo = rs - 3 if rs > 3 else 0
    if lo == 0 or "\n" in text[lo - 1 : rs]:
        out.extend(p for p in range(lo, rs + 1) if p == 0 or text[p - 1] == "\n")
    return out


def _matches_from(
    pattern: regex.Pattern[str], text: str, starts: Iterable[int], reach: int, end: int,
    spans: list[tuple[int, int]],
) -> None:
    """Add to ``spans`` what ``pattern`` matches at each of ``starts`` (ascending) that no
    earlier match covers, up to ``end``: the spans ``pattern.finditer(text, reach, end)``
    gives when a match can begin only at one of ``starts``."""
    for p in starts:
        if p < reach:
            continue
        m = pattern.match(text, p, end)
        if m:
            spans.append((p, m.end()))
            reach = m.end()


def blocked(text: str) -> list[tuple[int, int]]:
    """Sorted spans of URLs, paths, e-mail, IPs, versions, phones, clock times, numeric dates."""
    spans: list[tuple[int, int]] = []
    if "://" in text or "www." in text:
        spans.extend((m.start(), m.end()) for m in _URL.finditer(text))
    path_start = _PATH_START if ":\\" in text else _SLASH_START
    for sep in ("/", ":\\"):  # paths: only scanned around their separators
        at = text.find(sep)
        while at != -1:
            # Equal to `_PATH.finditer` over the window, tried only where a path can start.
            reach, we = max(0, at - 80), min(len(text), at + 600)
            path_starts = (a.start() for a in path_start.finditer(text, reach, we))
            _matches_from(_PATH, text, path_starts, reach, we, spans)
            at = text.find(sep, at + 600)
    at = text.find("@")
    while at != -1:
        m = _EMAIL.search(text, max(0, at - 64), min(len(text), at + 600))
        if m:
            spans.append((m.start(), m.end()))
        at = text.find("@", at + 1)
    # Windows around digit runs: 12 characters before ("version ", "+", "(") and 40 after. In
    # each, `_BLOCK_DIGITS.finditer(text, ws, we)` is tried only where a match can start
    # (`_block_starts`), with the same window, which gives the same spans.
    windows: list[list[int]] = []  # [start, end, start of a match to try ...]
    window: list[int] = []
    n = len(text)
    for m in _DIGIT_RUN.finditer(text):
        rs, re_ = m.span()
        ws, we = (rs - 12 if rs > 12 else 0), (re_ + 40 if re_ + 40 < n else n)
        if window and ws <= window[1]:
            if we > window[1]:
                window[1] = we
        else:
            window = [ws, we]
            windows.append(window)
        starts = _block_starts(text, rs, re_)
        if starts:
            window.extend(starts)
    for ws, we, *starts in windows:
        if not starts:
            continue  # most windows: no digit run in them can start a blocked shape
        _matches_from(_BLOCK_DIGITS, text, sorted(set(starts)) if len(starts) > 1 else starts, ws, we, spans)
    return sorted(set(spans))
