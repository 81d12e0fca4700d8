"""Readers of calendar expressions: one per pattern of `discrepancy.extractors.timescan`.

Month-name dates, numeric dates, weekdays, holidays and relative expressions each become
`Mention` records holding what their words say; nothing is resolved here.
"""

from __future__ import annotations

import calendar as _calendar

import regex

from .. import units
from .mention import (
    _NTH,
    _NUMBER_WORDS,
    _REL_WORD,
    Mention,
    _count,
    _day,
    _norm,
    _valid_day,
    spoken_year,
    two_digit_year,
)
from .timesites import Sites, _scan, group_numbers
from .timetables import calendar


def _month_dates(text: str, sites: Sites) -> list[Mention]:
    cal = calendar()
    out = []
    g = group_numbers("month_date")
    for m in _scan("month_date", text, sites):
        mon_text = m.group(g["mon"])
        month = cal.months[mon_text.lower()]
        day = _day(m.group(g["day"])) if m.group(g["day"]) else None
        year_text = m.group(g["year"])
        year = None
        if year_text and not year_text[0].isdigit():
            year = spoken_year(year_text)
        elif year_text:
            year = int(year_text) if len(year_text) == 4 else two_digit_year(int(year_text))
        if m.group(g["day"]) and day is None:
            continue
        if _counted_month(text, m, g):
            continue
        # "May", "March" and other word-like months need a capital, a digit day, an ordinal
        # word or a year: "may one day", "a march through the capital" are not dates.
        if mon_text.lower() in cal.ambiguous_months and not mon_text[0].isupper():
            day_text = (m.group(g["day"]) or "").lower()
            if not (
                day_text[:1].isdigit()
                or (day_text and day_text not in _NUMBER_WORDS and not day_text.isalpha())
                or _ORDINAL_END.search(day_text)
                or (year and not day_text)
            ):
                continue
        if (
            mon_text.lower() in cal.ambiguous_months
            and day is None
            and year is not None
            and mon_text.lower() != "march"
            and not mon_text[0].isupper()
        ):
            continue
        wd = m.group(g["wd"])
        weekday = cal.weekdays[wd.lower()] if wd else None
        start, end = m.start(), m.end()
        mode = ""
        if m.group(g["mprep"]):
            # A bare month needs its capital ("in May", not "it may"); the preposition stays
            # out of the surface, a modifier ("last May") is part of it.
            if not mon_text[0].isupper() or mon_text.lower() not in _FULL_MONTHS:
                continue
            prep = m.group(g["mprep"]).lower()
            if prep in ("last", "next", "this"):
                mode = prep
            else:
                start = m.start(g["mon"])
        if end == m.end(g["mon"]) + 1 and text[end - 1] == "." and mon_text.lower() in _FULL_MONTHS:
            end -= 1  # "19 June." ends a sentence; only abbreviations take the period
        out.append(
            Mention(
                start,
                end,
                text[start:end],
                "dates.absolute",
                year=year,
                month=month,
                day=day,
                weekday=weekday,
                mode=mode,
                invalid=not _valid_day(month, day),
            )
        )
        if day is not None and not wd:
            out.extend(_coordinated(text, m, month, year))
    return out


# A spelled-out cardinal written before a month name ("three November") is read as a date
# only when it stands as one: English news writes day numbers as digits or ordinal words, so a
# cardinal word that is counted ("one of three November ...") or that counts a plural noun the
# month qualifies ("three November launch dates", "two March elections") is a count of things.
_COUNT_BEFORE = regex.compile(
    r"""\b(?:of|all|among|the|those|these|its|their)  # "one of three November dates"
        [ \t]{1,3}$""",  # right before the cardinal
    regex.VERBOSE | regex.IGNORECASE,
)
_PLURAL_AFTER = regex.compile(
    r"""[ \t]{1,3}(?:[a-z]+[ \t]{1,3})?  # at most one modifier word: "launch"
        [a-z]+[^s\W]?s\b                  # a lower-case plural noun: "dates", not "class"
        (?<!ss)""",
    regex.VERBOSE,
)
_CARDINAL_WORD = regex.compile(r"[a-z]+(?:[ -][a-z]+)?$", regex.IGNORECASE)


def _counted_month(text: str, m: regex.Match[str], g: dict[str, int]) -> bool:
    """A spelled-out cardinal before a month name that counts things (see `_COUNT_BEFORE`).

    >>> from discrepancy.extractors.timeexpr import find_mentions
    >>> [x.surface for x in find_mentions("one of three November launch dates")]
    []
    >>> [x.surface for x in find_mentions("They held two March elections.")]
    []
    >>> [x.surface for x in find_mentions("It opened on the third of November.")]
    ['the third of November']
    """
    day_text = m.group(g["day"])
    if not day_text or m.start(g["day"]) > m.start(g["mon"]):
        return False  # month first ("November three") or no day
    word = day_text.lower()
    if not _CARDINAL_WORD.match(word) or _ORDINAL_END.search(word) or word.endswith(("first", "second")):
        return False  # digits and ordinal words are how days are written
    if "of" in text[m.end(g["day"]) : m.start(g["mon"])].split():
        return False  # "the ... of November" is ordinal style
    if _COUNT_BEFORE.search(text, max(0, m.start(g["day"]) - 12), m.start(g["day"])):
        return True
    return m.group(g["year"]) is None and bool(_PLURAL_AFTER.match(text, m.end()))


# Compiled once: `regex`'s cache lookup costs more than these matches.
_ORDINAL_END = regex.compile(r"(?:st|nd|rd|th)$")
_OF_AFTER = regex.compile(r"[ \t]{1,3}of\b")
_FULL_MONTHS = frozenset(name.lower() for name in _calendar.month_name[1:])
# "18 and 19 June": the first day shares the month written after the second.
# (matched backwards from the end of its window: one attempt, not one per start position)
_DAY_BEFORE = regex.compile(
    r"(?<![\w.,/:-])([0-3]?\d)(?:st|nd|rd|th)?[ \t]{0,2}(?:,|and|&|or)[ \t]{1,3}$", regex.REVERSE
)
# "January 3 and 4": the second day shares the month written before the first; it must end
# the phrase ("January 3 and 4 people" is a count).
_DAY_AFTER = regex.compile(
    r"[ \t]{1,3}(?:and|&|or)[ \t]{1,3}([0-3]?\d)(?:st|nd|rd|th)?(?=[ \t]{0,2}(?:[,.;:)!?]|$))"
)


def _coordinated(text: str, m: regex.Match[str], month: int, year: int | None) -> list[Mention]:
    """Days coordinated with a month-name date ("18 and 19 June", "January 3 and 4")."""
    g = group_numbers("month_date")
    out = []

    def day(s: int, e: int, d: int) -> None:
        out.append(Mention(s, e, text[s:e], "dates.absolute", year=year, month=month, day=d,
                           invalid=not _valid_day(month, d)))

    day_first = m.start(g["day"]) < m.start(g["mon"])
    if day_first:
        before = _DAY_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if before:
            d = int(before.group(1))
            if 1 <= d <= 31:
                s = before.start(1)
                day(s, s + len(text[s : before.end()].split()[0].rstrip(",")), d)
    elif m.group(g["year"]) is None:
        after = _DAY_AFTER.match(text, m.end())
        if after:
            d = int(after.group(1))
            if 1 <= d <= 31:
                s = after.start(1)
                day(s, s + len(text[s : after.end()].strip()), d)
    return out


def _holidays(text: str, sites: Sites) -> list[Mention]:
    cal = calendar()
    out = []
    g = group_numbers("holiday")
    for m in _scan("holiday", text, sites):
        name = _norm(m.group(g["hol"])).replace("’", "'")
        spec = cal.holidays.get(name) or cal.holidays.get(name.replace("'", ""))
        if spec is None:
            continue
        hol = m.group(g["hol"])
        if (
            hol.islower()
            and " " not in hol
            and not m.group(g["mod"])
            and not m.group(g["year"])
            and name != "easter"
            and name != "christmas"
            and name != "halloween"
            and name != "thanksgiving"
        ):
            continue
        year = int(m.group(g["year"])) if m.group(g["year"]) else None
        mode = {"last": "last", "previous": "last", "next": "next", "following": "next", "this": "this"}.get(
            (m.group(g["mod"]) or "").lower(), ""
        )
        shift = ("year", _REL_WORD[m.group(g["rel"]).lower()]) if m.group(g["rel"]) else None
        out.append(
            Mention(
                m.start(),
                m.end(),
                m.group(),
                "dates.holiday",
                year=year,
                holiday=spec,
                mode=mode,
                shift=shift,
            )
        )
    return out


def _line_only(text: str, start: int, end: int) -> bool:
    """The match is alone on its line (a gallery counter such as "2/12")."""
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    return not text[ls:start].strip() and not text[end:le].strip()


# The word before a match, matched backwards from the match (one attempt, not one per start).
_PREV_WORD = regex.compile(r"([\p{L}']{1,20})[\s(]{1,3}$", regex.REVERSE)


def _numeric_dates(text: str, date_order: str, sites: Sites) -> list[Mention]:
    cal = calendar()
    out = []
    g = group_numbers("numeric_date")
    for m in _scan("numeric_date", text, sites):
        start, end = m.span()
        glued = start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_")
        if glued and not (m.group(g["compact"]) or (m.group(g["y"]) and m.start(g["y"]) == start)):
            continue  # "v2-3/4", "A4/22": only ISO and compact dates may be glued to a token
        if m.group(g["compact"]):
            c = m.group(g["compact"])
            y, mo, d = int(c[:4]), int(c[4:6]), int(c[6:])
            if not _valid_day(mo, d) or mo == 0 or d == 0:
                continue
            out.append(Mention(start, end, text[start:end], "dates.numeric", year=y, month=mo, day=d))
            continue
        a, b = int(m.group(g["a"])), int(m.group(g["b"]))
        y_text = m.group(g["y"])
        sep = m.group(g["s"])
        prev = _PREV_WORD.search(text, max(0, start - 24), start)
        prev_word = prev.group(1).lower() if prev else ""
        if y_text and len(y_text) == 4 and m.start(g["y"]) == start:
            year, month, day = int(y_text), a, b
        else:
            if y_text is None:
                # A bare "4/22" is a date only away from counters and fractions; "4.22" and
                # "4-22" (a score, a decimal) only after "on"/"in" or a weekday.
                if _line_only(text, start, end) or prev_word in cal.counter_words:
                    continue
                if text[max(0, start - 2) : start].strip()[-1:].isdigit():
                    continue  # mixed fraction "6 1/4"
                if text[start:end] in cal.not_dates:
                    continue  # "9/11", "24/7": names, not days of the dateline's year
                if sep == "/" and a < b <= 8 and _OF_AFTER.match(text[end : end + 6]):
                    continue  # "1/2 of the town": a fraction
                if (
                    sep in ".-"
                    and prev_word not in ("on", "in", "since", "until", "by")
                    and prev_word not in cal.weekdays
                ):
                    continue
            year = None
            if y_text is not None:
                year = int(y_text) if len(y_text) == 4 else two_digit_year(int(y_text))
            # Dotted dates with a year ("13.5.2015", "2.1.2020") are written day first wherever
            # they are used; the setting decides slashes, dashes and yearless forms.
            day_first = date_order == "dmy" or (sep == "." and y_text is not None)
            month, day = (b, a) if day_first else (a, b)
            if not _valid_day(month, day) or month == 0 or day == 0:
                month, day = day, month  # unambiguous the other way round: "21/04/2016"
        if not _valid_day(month, day) or month == 0 or day == 0:
            continue
        out.append(Mention(start, end, text[start:end], "dates.numeric", year=year, month=month, day=day))
    return out


_NEXT_WORD = regex.compile(r"\s{1,3}([\p{L}]{1,20})")
_DATE_AFTER = regex.compile(r"\.?,?\s{0,3}(?:\d|\()")


def _weekdays(text: str, sites: Sites) -> list[Mention]:
    cal = calendar()
    out = []
    g = group_numbers("weekday")
    for m in _scan("weekday", text, sites):
        wd = m.group(g["wd"])
        weekday = cal.weekdays[wd.lower()]
        start, end = m.span()
        before = _PREV_WORD.search(text, max(0, start - 24), start)
        after = _NEXT_WORD.match(text, end, min(len(text), end + 24))
        if before and before.group(1) in cal.not_before and not (m.group(g["mod"]) or m.group(g["nth"])):
            continue
        if after and after.group(1) in cal.not_after:
            continue
        mode, part, nth, month, month_shift, day = "bare", None, None, None, None, None
        if m.group(g["mod"]):
            mod = _norm(m.group(g["mod"]))
            mode = {
                "this past": "past",
                "this coming": "coming",
                "this upcoming": "coming",
                "following": "next",
                "upcoming": "coming",
                "previous": "last",
            }.get(mod, mod)
        wmod = m.group(g["wmod"]) or m.group(g["wmodafter"])
        if wmod:
            mode = f"week{_REL_WORD[_norm(wmod)]:+d}".replace("+0", "0")
        if m.group(g["part"]):
            part = _norm(m.group(g["part"])).removeprefix("the ").removesuffix(" of")
            part = "early hours" if "hours" in part else part
        if m.group(g["partafter"]):
            part = m.group(g["partafter"]).lower()
        if m.group(g["nth"]):
            nth = _NTH[m.group(g["nth"]).lower()]
            mode = "nth"
            month_shift = 0
        if m.group(g["ofmon"]):
            month = cal.months[m.group(g["ofmon"]).lower()]
            month_shift = None
            if nth is None:
                # "Friday of July" without an ordinal is not a pattern we read: keep the weekday.
                end = m.start(g["ofmon"]) - len(" of ")
                end = m.start() + len(text[m.start() : end].rstrip())
        if m.group(g["ofrel"]):
            month_shift = _REL_WORD[_norm(m.group(g["ofrel"]))]
        if m.group(g["day"]):
            day = _day(m.group(g["day"]))
            if day is None:
                continue
            mode = "dayof"
        surface = text[start:end]
        if wd.lower() in cal.ambiguous_weekdays and not wd[0].isupper() and mode == "bare" and not part:
            continue
        if (
            wd.lower() in cal.ambiguous_weekdays
            and mode == "bare"
            and not part
            and not _DATE_AFTER.match(text, end, min(len(text), end + 4))
        ):
            continue  # "Sun", "Sat" alone are a newspaper, an exam; keep them only before a date
        out.append(
            Mention(
                start,
                end,
                surface,
                "dates.weekday",
                weekday=weekday,
                part=part,
                mode=mode,
                nth=nth,
                month=month,
                month_shift=month_shift,
                day=day,
            )
        )
    return out


# What ends the clause of an offset such as "ten days before": punctuation or the end of the line.
_CLAUSE_END = regex.compile(r"[ \t]{0,2}(?:[.,;:!?)]|\n|$)")


def _relatives(text: str, sites: Sites) -> list[Mention]:
    cal = calendar()
    out = []
    g = group_numbers("relative")
    for m in _scan("relative", text, sites):
        start, end = m.span()
        surface = text[start:end]
        rule = "dates.relative"
        if m.group(g["reldays"]):
            key = _norm(m.group(g["reldays"]))
            part = m.group(g["partafter"]).lower() if m.group(g["partafter"]) else None
            if key == "tonight":
                part = "night"
            out.append(Mention(start, end, surface, rule, days=cal.relative_days[key], part=part))
        elif m.group(g["dir"]) or (m.group(g["n"]) and m.group(g["unit"])):
            n = _count(m.group(g["n"]))
            if n is None:
                continue
            unit = m.group(g["unit"]).lower()
            if unit == "decade":
                unit, n = "year", 10 * n
            direction = _norm(m.group(g["dir"]) or "later")
            sign = -1 if direction in ("ago", "earlier", "before") else 1
            base = 0
            extra = _norm(m.group(g["after_rel"]) or "")
            if direction.startswith("from "):
                base = cal.relative_days.get(direction[5:], 0)
            elif extra:
                base = cal.relative_days.get(extra, 0)
            if direction in ("before", "after", "from") and not extra:
                # "three weeks before" alone is relative to another event; before a date it
                # combines with it ("3 days after January 12th")
                d_unit, d_n = (
                    ("day", 14 * n)
                    if unit == "fortnight"
                    else ("day", 7 * n)
                    if unit == "week"
                    else (unit, n)
                )
                if unit not in cal.weekdays:
                    backref = "anaphor" if _CLAUSE_END.match(text, end) else ""
                    out.append(
                        Mention(
                            start,
                            end,
                            surface,
                            rule,
                            anaphoric=True,
                            shift=(d_unit, sign * d_n),
                            backref=backref,
                        )
                    )
                continue
            if unit in cal.weekdays:
                # "two sundays from now": the n-th such weekday after the anchor
                out.append(
                    Mention(
                        start,
                        end,
                        surface,
                        rule,
                        weekday=cal.weekdays[unit],
                        mode="count",
                        nth=n * sign,
                        days=base,
                    )
                )
                continue
            if m.group(g["more"]):
                # "2 years 1 month 21 days ago": months (years as 12) and days, each signed
                months = days_total = 0
                for num, u in regex.findall(
                    r"(\d{1,3}|[a-z][a-z ]*?)\s+(day|week|month|year)s?",
                    _norm(surface.split(m.group(g["dir"]))[0]),
                ):
                    k = _count(num.removeprefix("and ").strip())
                    if k is None:
                        break
                    if u == "year":
                        months += 12 * k
                    elif u == "month":
                        months += k
                    else:
                        days_total += k * (7 if u == "week" else 1)
                if direction in ("before", "after", "from"):
                    out.append(
                        Mention(
                            start,
                            end,
                            surface,
                            rule,
                            anaphoric=True,
                            shift=("month", sign * months),
                            later_days=sign * days_total,
                        )
                    )
                    continue
                out.append(
                    Mention(
                        start,
                        end,
                        surface,
                        rule,
                        shift=("month", sign * months),
                        days=base or None,
                        later_days=sign * days_total,
                    )
                )
                continue
            if unit == "fortnight":
                unit, n = "day", 14 * n
            if unit == "week":
                unit, n = "day", 7 * n
            if unit == "day":
                # "seven days later" counts from the last date written, "three days ago" from the dateline
                backref = "always" if direction in ("earlier", "later") and not base else ""
                out.append(Mention(start, end, surface, rule, days=base + sign * n, backref=backref))
            else:
                # "a year earlier" counts from the last date written; "a year ago" from the
                # dateline, at the precision of a quarter or half just written
                backref = "always" if direction in ("earlier", "later") else "period"
                out.append(
                    Mention(
                        start, end, surface, rule, shift=(unit, sign * n), days=base or None, backref=backref
                    )
                )
        elif m.group(g["rw"]):
            unit = m.group(g["unit"]).lower()
            k = _REL_WORD[_norm(m.group(g["rw"]))]
            out.append(Mention(start, end, surface, rule, shift=(unit, k)))
        elif m.group(g["edge"]):
            unit = m.group(g["unit"]).lower()
            if "this" not in surface.lower() and unit != "year":
                continue
            out.append(Mention(start, end, surface, rule, shift=(unit, 0)))
        elif m.group(g["weekend"]):
            out.append(Mention(start, end, surface, rule, shift=("weekend", 0)))
        elif m.group(g["thispart"]):
            days = 0 if m.group(g["thispart"]).lower() == "this" else -1
            out.append(Mention(start, end, surface, rule, days=days, part=m.group(g["part"]).lower()))
        elif m.group(g["anaphor"]):
            low = _norm(m.group(g["anaphor"]))
            if low.startswith("the ") and low.endswith(" day"):
                # "the next day" stands for the day after the last date written
                sign = -1 if "previous" in low else 1
                out.append(
                    Mention(start, end, surface, rule, anaphoric=True, shift=("day", sign), backref="anaphor")
                )
            elif _CLAUSE_END.match(text, end):
                # "a day later." ends its clause: the day after the last date written; before
                # a noun ("a day after the attack") it counts from that event instead
                sign = 1 if low.endswith(("after", "later")) else -1
                out.append(
                    Mention(start, end, surface, rule, anaphoric=True, shift=("day", sign), backref="anaphor")
                )
            else:
                out.append(Mention(start, end, surface, rule, anaphoric=True))
        elif m.group(g["that"]):
            word = _norm(m.group(g["that"])).split()[-1]
            unit = m.group(g["thatunit"]).lower()
            n = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(word, 0)
            part = None
            if unit not in ("day", "month", "year"):
                unit, part = "day", unit
            out.append(
                Mention(
                    start, end, surface, rule, anaphoric=True, shift=(unit, n), part=part, backref="anaphor"
                )
            )
        elif m.group(g["dord"]):
            day = _day(m.group(g["dord"]))
            if day is None:
                continue
            out.append(
                Mention(
                    start,
                    end,
                    surface,
                    rule,
                    day=day,
                    dayonly=True,
                    month_shift=_REL_WORD[_norm(m.group(g["ofrel"]))],
                )
            )
        elif m.group(g["nth"]) and m.group(g["mon"]):
            continue  # "first week of October": a week range; not read yet
        elif m.group(g["year"]):
            ys = m.start(g["year"])
            if units.unit_after(text, end):
                continue  # "from 1500 metres": a quantity, not a year
            out.append(Mention(ys, end, text[ys:end], "dates.year", year=int(m.group(g["year"]))))
        elif m.group(g["dday"]):
            day = _day(m.group(g["dday"]))
            if day is None:
                continue
            ds = m.start(g["dday"])
            prep = _norm(m.group(g["prepday"]))
            if prep.endswith("the"):
                ds = m.start(g["prepday"]) + len(m.group(g["prepday"])) - 3
            out.append(Mention(ds, end, text[ds:end], "dates.day", day=day, dayonly=True))
    return out
