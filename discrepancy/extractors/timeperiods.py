"""Readers of periods: quarters, halves, seasons, decades, centuries, fiscal and spoken years,
years standing alone and vague references ("now", "recently", "the future").

Each becomes a `Mention` with ``period`` set as `discrepancy.facts.When.period` names it; a
period without a year ("the third quarter", "last fall") is placed by
`discrepancy.extractors.resolve` against the dateline.

>>> [(m.surface, m.year, m.period, m.period_mode) for m in find_periods("Profit in the third quarter rose.")]
[('the third quarter', None, 'Q3', '')]
>>> [(m.surface, m.year, m.period) for m in find_periods("In the late 1980s and now, in fiscal 1989.")]
[('the late 1980s', 1980, 'decade'), ('now', None, 'PRESENT_REF'), ('fiscal 1989', 1989, None)]
"""

from __future__ import annotations

from .. import units
from .mention import _NTH, Mention, _norm, day_word_value, spoken_year
from .timesites import Sites, _scan, group_numbers, scan_sites
from .timetables import calendar

_DECADE_WORDS = {
    "twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960,
    "seventies": 1970, "eighties": 1980, "nineties": 1990,
}  # fmt: skip
# Modifiers of a quarter or season without a year -> how it resolves (see `Mention.period_mode`).
_PERIOD_MODES = {
    "this": "this", "current": "this", "last": "last", "previous": "last", "past": "last",
    "next": "next", "coming": "next", "latest": "done", "same": "done", "comparable": "done",
    "corresponding": "done", "year-ago": "year-ago", "year-earlier": "year-ago",
}  # fmt: skip


def find_periods(text: str) -> list[Mention]:
    """Period mentions of ``text`` (scanning its own sites), for tests and doctests."""
    return _periods(text, scan_sites(text))


def _mode(words: str) -> str:
    """How a yearless period resolves, from the words before it ("the latest", "last year's")."""
    w = _norm(words)
    if "year's" in w or "year’s" in w:
        return {"this": "", "last": "year-1", "next": "year+1"}[w.split()[-2]]
    for token in reversed(w.split()):
        if token in _PERIOD_MODES:
            return _PERIOD_MODES[token]
    return ""


def _periods(text: str, sites: Sites) -> list[Mention]:
    cal = calendar()
    out: list[Mention] = []
    rule = "dates.period"
    g = group_numbers("period")
    for m in _scan("period", text, sites):
        start, end = m.span()
        surface = text[start:end]
        if m.group(g["qunit"]):
            pre = m.group(g["qpre"]) or ""
            nth_text = (m.group(g["qnth"]) or "").lower()
            unit = m.group(g["qunit"]).lower()
            if unit == "period" and (nth_text or _mode(pre) not in ("done", "year-ago")):
                continue  # only "the latest period", "the year-ago period" name a reporting quarter
            half = unit == "half"
            if half and not nth_text:
                continue  # "the half", "half" alone: a fraction
            if not nth_text and not pre.strip():
                continue  # "quarter" alone: a fraction or a neighbourhood
            if not nth_text and _norm(pre) in ("the", "fiscal") and text[end : end + 4].lower() == " of ":
                continue  # "the quarter of the vote"
            nth = 4 if nth_text == "final" else _NTH.get(nth_text, 0)
            if half and nth > 2:
                continue
            code = (f"H{nth}" if half else f"Q{nth}") if nth else ("H" if half else "Q")
            years = [int(y) for y in (m.group(g["qyear"]), *_digits(pre)) if y]
            year = years[0] if years else None
            out.append(Mention(start, end, surface, rule, year=year, period=code, period_mode=_mode(pre)))
        elif m.group(g["yago"]):
            out.append(Mention(start, end, surface, "dates.relative", shift=("year", -1), backref="always"))
        elif m.group(g["season"]):
            pre = m.group(g["spre"]) or ""
            year_text = m.group(g["syear"])
            year = None
            if year_text:
                year = int(year_text) if year_text[0].isdigit() else spoken_year(year_text)
            if not pre and year is None:
                continue  # "fall" is a verb, "spring" a noun, far more often than a season
            if _norm(pre) == "the" and year is None and text[end : end + 4].lower() == " of ":
                continue  # "the fall of Baghdad"
            code = cal.seasons[m.group(g["season"]).lower()]
            out.append(Mention(start, end, surface, rule, year=year, period=code, period_mode=_mode(pre)))
        elif m.group(g["decade"]) or m.group(g["d2"]) or m.group(g["dword"]):
            if m.group(g["decade"]):
                year = int(m.group(g["decade"]))
            elif m.group(g["d2"]):
                year = 1900 + int(m.group(g["d2"]))
            else:
                year = _DECADE_WORDS[m.group(g["dword"]).lower()]
            out.append(Mention(start, end, surface, rule, year=year, period="decade"))
        elif m.group(g["cent"]):
            c = m.group(g["cent"]).lower()
            n = int(c[:-2]) if c[:1].isdigit() else day_word_value(c)
            if n is None or not 1 <= n <= 21:
                continue
            out.append(Mention(start, end, surface, rule, year=(n - 1) * 100, period="century"))
        elif m.group(g["fyear"]):
            out.append(Mention(start, end, surface, rule, year=int(m.group(g["fyear"]))))
        elif m.group(g["curyear"]):
            out.append(Mention(start, end, surface, "dates.relative", shift=("year", 0)))
        elif m.group(g["spoken"]):
            year = spoken_year(m.group(g["spoken"]))
            if year is None or not 1000 <= year <= 2099:
                continue
            out.append(Mention(start, end, surface, rule, year=year))
        elif m.group(g["vague"]):
            if surface == "Now" and text[end : end + 1] == ",":
                continue  # "Now, he says": a discourse marker opening the sentence, not a time
            out.append(Mention(start, end, surface, rule, period=cal.vague[_norm(m.group(g["vague"]))]))
        elif m.group(g["year"]):
            if units.unit_after(text, end):
                continue  # "1500 metres": a quantity, not a year
            out.append(Mention(start, end, surface, "dates.year", year=int(m.group(g["year"]))))
    return out


def _digits(words: str) -> list[str]:
    return [w for w in words.split() if w.isdigit()]
